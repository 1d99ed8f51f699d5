import FuzzSupport
import Site

/// A chart block's YAML, drawn against the story fixture's model: SVG, table and CSV.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzChartBlock(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    _ = fuzzProbe.chartBlock(fuzzText(data, size))
    return 0
}

/// The executable's entry point (see `runFuzzer`).
@_cdecl("FuzzChartBlock_main")
public func FuzzChartBlockMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runFuzzer(argc, argv, fuzzChartBlock)
}
