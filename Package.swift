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
        // Lets parses run at once: interposes cmark-gfm's special-character switch (ELF only;
        // checked at first use, else parses take a lock). See its header.
        .target(
            name: "CmarkSpecialCharacters",
            dependencies: ["CCmarkGFM"],
            linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]
        ),
        .target(name: "Markdown", dependencies: ["CCmarkGFM", "CmarkSpecialCharacters"]),
        // The build's stages, each a module that may import only the ones before it:
        // Load → Incremental → Render → Write, put in order by Site (see ARCHITECTURE.md).
        .target(
            name: "Load",
            dependencies: [
                "Diagnostics", "Markdown", "Model", "Quantities", "Yams",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .target(name: "Incremental", dependencies: ["Diagnostics", "Load", "Model"]),
        // The story's editions (git tags) and corrections, compared figure by figure.
        .target(name: "Editions", dependencies: ["Diagnostics", "Load", "Model", "Quantities"]),
        .target(
            name: "Render",
            dependencies: ["Charts", "Diagnostics", "Editions", "Incremental", "Load", "Markdown", "Model", "Quantities"]
        ),
        .target(name: "Write", dependencies: ["Incremental", "Load"]),
        .target(name: "Scaffold", dependencies: ["Load"]),
        .target(
            name: "Site",
            dependencies: ["Diagnostics", "Editions", "Incremental", "Load", "Model", "Quantities", "Render", "Write"]
        ),
        .target(name: "Serve", dependencies: [.product(name: "FlyingFox", package: "FlyingFox")]),
        .executableTarget(
            name: "capex",
            dependencies: ["Editions", "Incremental", "Scaffold", "Serve", "Site", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            // mimalloc (Debian `libmimalloc-dev`) in place of glibc's malloc for the whole
            // process, Swift runtime and cmark-gfm included: a full build of 10,000 pages takes
            // about a sixth less CPU (README, Performance). Linked first, so its malloc is found
            // before libc's.
            linkerSettings: [.linkedLibrary("mimalloc", .when(platforms: [.linux]))]
        ),
        .testTarget(name: "ServeTests", dependencies: ["Serve"]),
        .testTarget(name: "QuantitiesTests", dependencies: ["Quantities"]),
        .testTarget(name: "ModelTests", dependencies: ["Model", "Diagnostics", "Quantities"]),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown", "CCmarkGFM"]),
        .testTarget(name: "ChartsTests", dependencies: ["Charts"]),
        .testTarget(
            name: "SiteTests",
            dependencies: ["Site", "Diagnostics", "Editions", "Incremental", "Load", "Render", "Scaffold", "Write"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
