// swift-tools-version: 6.0
import PackageDescription

// Built and tested on Linux (Debian/Ubuntu) only, so no other platform is claimed: the
// engine calls Glibc directly. The C libraries come from the system, not from source
// (GMP for exact arithmetic, Nettle for the input's SHA-256), so a fresh clone compiles
// only this package and swift-argument-parser.
let package = Package(
    name: "pbcount",
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
        // Exact rationals: an Int64 fast path in front of GMP (see its DocC catalog).
        .target(
            name: "ExactArithmetic",
            dependencies: ["CGMP"]
        ),
        // SHA-256 of the input from Nettle, GMP's sibling (why: Sources/CNettle/shim.h).
        .systemLibrary(
            name: "CNettle",
            pkgConfig: "nettle",
            providers: [.apt(["nettle-dev"])]
        ),
        .target(
            name: "PBEngine",
            dependencies: ["ExactArithmetic", "CGMP", "CNettle"]
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
            dependencies: ["PBEngine", "ExactArithmetic", "CGMP"],
            // Read in place by the tests (#filePath): results of older engines, references.
            exclude: ["Results/Version1", "MaximinSupport/pabutools-maximin.json"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
