import Foundation
import Load

/// `capex new DIR`: a small working site for another story — site.yaml, a page citing
/// figures, data with a source, a chart, and the default templates to edit.
public enum Scaffold {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Writes the starter site into `folder`, which must not exist or be empty.
    public static func create(at folder: URL) throws(Failure) -> [String] {
        let fm = FileManager.default
        if let existing = try? fm.contentsOfDirectory(atPath: folder.path), !existing.isEmpty {
            throw Failure(description: "\(folder.path) is not empty; capex new writes into a new or empty folder")
        }
        for path in paths {
            let target = folder.appendingPathComponent(path)
            do {
                try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try contents(of: path).write(to: target)
            } catch {
                throw Failure(description: "cannot write \(target.path): \(error.localizedDescription)")
            }
        }
        try? Data("output/\n.capex-cache/\n".utf8).write(to: folder.appendingPathComponent(".gitignore"))
        return paths
    }

    /// Every file `create` writes, relative to the new site: the embedded templates and
    /// content, and the built-in words (`templates/i18n/<lang>.yaml`, from `DefaultWords`,
    /// embedded once for the build and the scaffold).
    static var paths: [String] {
        Set(ScaffoldFiles.files.keys).union(ScaffoldFiles.binaryFiles.keys)
            .union(DefaultWords.files.keys.map { "templates/i18n/\($0).yaml" }).sorted()
    }

    /// The bytes of one scaffold file: text as UTF-8, the others from their base64.
    static func contents(of path: String) -> Data {
        if let text = ScaffoldFiles.files[path] { return Data(text.utf8) }
        if path.hasPrefix("templates/i18n/"), path.hasSuffix(".yaml"),
           let text = DefaultWords.files[String(path.dropFirst("templates/i18n/".count).dropLast(".yaml".count))] {
            return Data(text.utf8)
        }
        return ScaffoldFiles.binaryFiles[path].flatMap { Data(base64Encoded: $0, options: .ignoreUnknownCharacters) } ?? Data()
    }
}
