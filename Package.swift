// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "capex",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "capex", targets: ["capex"]),
        .library(name: "Site", targets: ["Site"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(name: "Diagnostics"),
        .target(name: "Quantities"),
        .target(name: "Model", dependencies: ["Diagnostics", "Quantities"]),
        .target(name: "Charts"),
        .target(name: "Markdown", dependencies: ["CCmarkGFM"]),
        .target(
            name: "Site",
            dependencies: [
                "Charts", "Diagnostics", "Markdown", "Model", "Quantities", "Yams",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .target(name: "Serve", dependencies: [.product(name: "FlyingFox", package: "FlyingFox")]),
        .executableTarget(
            name: "capex",
            dependencies: ["Site", "Serve", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "ServeTests", dependencies: ["Serve"]),
        .testTarget(name: "QuantitiesTests", dependencies: ["Quantities"]),
        .testTarget(name: "ModelTests", dependencies: ["Model", "Diagnostics", "Quantities"]),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown"]),
        .testTarget(name: "ChartsTests", dependencies: ["Charts"]),
        .testTarget(name: "SiteTests", dependencies: ["Site", "Diagnostics"]),
    ],
    swiftLanguageModes: [.v6]
)
