import FuzzSupport
import Site

/// A data field's quantity text: parse, arithmetic, formatting in every locale and notation.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQuantity(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    _ = ParserProbe.quantity(fuzzText(data, size))
    return 0
}

/// The executable's entry point (see `runFuzzer`).
@_cdecl("FuzzQuantity_main")
public func FuzzQuantityMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runFuzzer(argc, argv, fuzzQuantity)
}
