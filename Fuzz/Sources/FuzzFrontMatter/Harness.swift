import FuzzSupport
import Site

/// Front matter: the fast path must agree with Yams whenever it answers (a disagreement
/// stops the run like a crash), and the whole page's fields are read as a build reads them.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrontMatter(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let yaml = fuzzText(data, size)
    if let disagreement = ParserProbe.frontMatterDisagreement(yaml) {
        fatalError("front matter fast path disagrees with Yams on \(String(reflecting: yaml)):\n\(disagreement)")
    }
    _ = ParserProbe.frontMatter(page: "---\n" + yaml + "\n---\nBody.\n")
    return 0
}

/// The executable's entry point (see `runFuzzer`).
@_cdecl("FuzzFrontMatter_main")
public func FuzzFrontMatterMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runFuzzer(argc, argv, fuzzFrontMatter)
}
