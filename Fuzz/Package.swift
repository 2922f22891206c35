// swift-tools-version: 6.0
// libFuzzer targets for PBEngine, a package of their own so that the main build stays
// plain. Build and run one with `scripts/fuzz TARGET SECONDS` (it passes
// `-sanitize=fuzzer,address`); each target defines `LLVMFuzzerTestOneInput` and the
// entry point `<Target>_main`, which SwiftPM makes `main`, handing over to libFuzzer.
import PackageDescription

let engine: Target.Dependency = .product(name: "PBEngine", package: "pbcount")
let driver: Target.Dependency = "FuzzDriver"

let package = Package(
    name: "PBEngineFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "pbcount", path: ".."),
    ],
    targets: [
        // The declaration of libFuzzer's driver (see FuzzDriver.h).
        .target(name: "FuzzDriver"),
        // The reader on arbitrary bytes.
        .executableTarget(name: "FuzzReader", dependencies: [engine, driver]),
        // Read, then greedy and knapsack on small elections, against plain oracles.
        .executableTarget(name: "FuzzCount", dependencies: [engine, driver]),
        // `verify`'s reading of result JSON, then the recount against a fixed election.
        .executableTarget(name: "FuzzVerify", dependencies: [engine, driver]),
        // `merge` on arbitrary pairs of files.
        .executableTarget(name: "FuzzMerge", dependencies: [engine, driver]),
    ],
    swiftLanguageModes: [.v6]
)
