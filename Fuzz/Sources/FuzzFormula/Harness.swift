import FuzzSupport
import Site

/// A `figures` record's `expr`: parsed and evaluated against the values in Fuzz/data.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFormula(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    _ = fuzzSmallProbe.formula(fuzzText(data, size))
    return 0
}

/// The executable's entry point (see `runFuzzer`).
@_cdecl("FuzzFormula_main")
public func FuzzFormulaMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runFuzzer(argc, argv, fuzzFormula)
}
