// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "pbcount",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "PBEngine", targets: ["PBEngine"]),
        .executable(name: "pbcount", targets: ["pbcount"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CGMP",
            pkgConfig: "gmp",
            providers: [.apt(["libgmp-dev"])]
        ),
        // SHA-256 of the input from Nettle, GMP's sibling (why: Sources/CNettle/shim.h).
        .systemLibrary(
            name: "CNettle",
            pkgConfig: "nettle",
            providers: [.apt(["nettle-dev"])]
        ),
        .target(
            name: "PBEngine",
            dependencies: ["CGMP", "CNettle"]
        ),
        .executableTarget(
            name: "pbcount",
            dependencies: [
                "PBEngine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "PBEngineTests",
            dependencies: ["PBEngine", "CGMP"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
