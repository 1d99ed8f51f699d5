// swift-tools-version:6.0
// libFuzzer harnesses for capex's parsers. Kept out of the main package so that `swift build`
// and `swift test` there never see them; build and run with `scripts/fuzz.sh HARNESS SECONDS`,
// which passes `-Xswiftc -sanitize=fuzzer,address`.
import PackageDescription

let harnesses = ["FuzzQuantity", "FuzzFormula", "FuzzFrontMatter", "FuzzFigureReferences", "FuzzChartBlock"]

let package = Package(
    name: "capex-fuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "capex", path: "..")],
    targets: [.target(name: "FuzzSupport", dependencies: [.product(name: "Site", package: "capex")])]
        + harnesses.map { .executableTarget(name: $0, dependencies: ["FuzzSupport", .product(name: "Site", package: "capex")]) },
    swiftLanguageModes: [.v6]
)
