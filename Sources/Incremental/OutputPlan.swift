import Foundation

/// Everything a build writes: a path inside `output/` and its bytes, or a file to copy.
/// Paths are relative, use `/`, and were checked to stay inside `output/`.
package struct OutputPlan: Sendable {
    package enum Content: Sendable {
        case bytes(Data)
        case copy(from: String)
    }

    package struct File: Sendable {
        package var path: String
        package var content: Content

        package init(path: String, content: Content) {
            self.path = path
            self.content = content
        }
    }

    package var files: [File] = []

    package init(files: [File] = []) {
        self.files = files
    }

    package mutating func add(_ path: String, _ text: String) {
        files.append(File(path: path, content: .bytes(Data(text.utf8))))
    }

    package mutating func add(_ path: String, _ data: Data) {
        files.append(File(path: path, content: .bytes(data)))
    }

    package mutating func copy(_ path: String, from source: String) {
        files.append(File(path: path, content: .copy(from: source)))
    }

    package var paths: [String] { files.map(\.path) }

    /// A path is safe when no segment is empty, `.` or `..`: nothing from content can
    /// write outside `output/`.
    package static func isSafe(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/") else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy {
            !$0.isEmpty && $0 != "." && $0 != ".."
        }
    }
}
