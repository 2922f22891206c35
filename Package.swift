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
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CGMP",
            pkgConfig: "gmp",
            providers: [.apt(["libgmp-dev"])]
        ),
        // Exact rationals: an Int64 fast path in front of GMP (see its DocC catalog).
        .target(
            name: "ExactArithmetic",
            dependencies: ["CGMP"]
        ),
        .target(
            name: "PBEngine",
            dependencies: [
                "ExactArithmetic",
                "CGMP",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Collections", package: "swift-collections"),
            ]
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
            dependencies: ["PBEngine", "ExactArithmetic", "CGMP"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
