import FuzzSupport
import Site

/// A page body with `{{ }}` figure references, rendered as a build renders it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFigureReferences(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    _ = fuzzProbe.page(fuzzText(data, size))
    return 0
}

/// The executable's entry point (see `runFuzzer`).
@_cdecl("FuzzFigureReferences_main")
public func FuzzFigureReferencesMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runFuzzer(argc, argv, fuzzFigureReferences)
}
