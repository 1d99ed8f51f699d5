import Foundation
import Site

/// libFuzzer's bytes as text, invalid UTF-8 replaced by U+FFFD: the parsers only ever see
/// valid strings, since the loader refuses files that are not UTF-8.
public func fuzzText(_ data: UnsafePointer<UInt8>, _ size: Int) -> String {
    String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
}

/// The repository's root, from this file's path.
let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Every `.yaml` file in the repository's `folders`, as `content/data/<name>`.
func dataFiles(_ folders: [String]) -> [(path: String, text: String)] {
    var files: [(path: String, text: String)] = []
    for folder in folders {
        let directory = repository.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for name in names.sorted() where name.hasSuffix(".yaml") {
            if let text = try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8) {
                files.append((path: "content/data/\(name)", text: text))
            }
        }
    }
    return files
}

/// Only `Fuzz/data/*.yaml`: the formula probe rebuilds the model for every input, and the
/// story fixture's model costs 40 ms a build under the sanitizer.
public let fuzzSmallProbe = ParserProbe(data: dataFiles(["Fuzz/data"]))

/// A model built from the story fixture's data (`Tests/Fixtures/story/content/data`), plus
/// `Fuzz/data/*.yaml` (negative, huge and range values), so references resolve.
public let fuzzProbe = ParserProbe(data: dataFiles(["Tests/Fixtures/story/content/data", "Fuzz/data"]))

/// libFuzzer's driver, run from the executable's own entry point.
///
/// SwiftPM links an executable with `--defsym main=<Module>_main`, a symbol that
/// `-parse-as-library` (which libFuzzer needs) never emits; so each harness defines
/// `<Module>_main` with `@_cdecl` and hands over to libFuzzer here.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

/// Runs libFuzzer with the command line and `callback` as the fuzz target.
public func runFuzzer(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>,
                      _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, callback)
}
