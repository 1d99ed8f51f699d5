import Foundation

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
        let paths = Set(ScaffoldFiles.files.keys).union(ScaffoldFiles.binaryFiles.keys).sorted()
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

    /// The bytes of one scaffold file: text as UTF-8, the others from their base64.
    static func contents(of path: String) -> Data {
        if let text = ScaffoldFiles.files[path] { return Data(text.utf8) }
        return ScaffoldFiles.binaryFiles[path].flatMap { Data(base64Encoded: $0, options: .ignoreUnknownCharacters) } ?? Data()
    }
}
