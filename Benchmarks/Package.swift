// swift-tools-version: 6.1
import PackageDescription

// The root package is a path dependency, and SwiftPM names a path dependency after its
// folder: `main` here, something else in CI's or a user's clone. Compute that identity
// from this package's own location so that `.product(name:package:)` always matches.
let rootIdentity: String = {
    let components = Context.packageDirectory.split(separator: "/")
    return components.count >= 2 ? String(components[components.count - 2]).lowercased() : "pbcount"
}()

let package = Package(
    name: "pbcount-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        // ARC metrics crash on Swift 6.3 on Linux: only the malloc interposer trait, no runtime interposer.
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
        .package(path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "PBEngineBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "PBEngine", package: rootIdentity),
            ],
            path: "Benchmarks/PBEngineBenchmarks",
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
