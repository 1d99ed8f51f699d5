// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Serve",
    products: [
        .library(name: "Serve", targets: ["Serve"]),
    ],
    dependencies: [
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        .target(
            name: "Serve",
            dependencies: [.product(name: "FlyingFox", package: "FlyingFox")],
            path: "Sources/Serve"
        ),
        .testTarget(name: "ServeTests", dependencies: ["Serve"], path: "Tests/ServeTests"),
    ],
    swiftLanguageModes: [.v6]
)
