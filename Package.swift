// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "CustomerStore",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "CustomerStore", targets: ["CustomerStore"]),
        .library(name: "LMDB", targets: ["LMDB"]),
        .executable(name: "cstore", targets: ["cstore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/ordo-one/package-benchmark", from: "1.38.1",
                 traits: ["MallocInterposer"]),
        .package(url: "https://github.com/yaslab/CSV.swift", exact: "2.5.2"),
    ],
    targets: [
        // Debian's liblmdb-dev (LMDB 0.9.24) through pkg-config; never vendored.
        .systemLibrary(
            name: "CLMDB",
            pkgConfig: "lmdb",
            providers: [.apt(["liblmdb-dev"]), .brew(["lmdb"])]
        ),
        .target(name: "LMDB", dependencies: ["CLMDB"]),
        .target(
            name: "CustomerStore",
            dependencies: ["LMDB", .product(name: "CSV", package: "CSV.swift")]
        ),
        .executableTarget(
            name: "cstore",
            dependencies: [
                "CustomerStore", "LMDB",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // A second process for the engine tests: readers in another process, dying readers.
        .executableTarget(name: "lmdb-test-helper", dependencies: ["LMDB"]),

        // A driver for callgrind/perf: one operation many times, outside the benchmark harness.
        .executableTarget(name: "Profile", dependencies: ["CustomerStore"], path: "Benchmarks/Profile"),

        .testTarget(name: "LMDBTests", dependencies: ["LMDB", "lmdb-test-helper"]),
        .testTarget(name: "CustomerStoreTests", dependencies: ["CustomerStore"]),
        .testTarget(name: "cstoreTests", dependencies: ["cstore", "CustomerStore", "LMDB"]),

        .executableTarget(
            name: "Engine",
            dependencies: [
                "LMDB", "CLMDB",
                .product(name: "Benchmark", package: "package-benchmark"),
            ],
            path: "Benchmarks/Engine",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
        // SQLite 3 through its C API (Debian libsqlite3-dev), the benchmarks' baseline only.
        .systemLibrary(
            name: "CSQLite",
            path: "Benchmarks/CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]
        ),
        // What the suites share: settings, fixtures cached on disk, the SQLite baseline (with
        // its CSV import, through the same CSV library as CustomerStore's importer) and the raw
        // LMDB floor. No package-benchmark dependency, so it builds quickly.
        .target(
            name: "BenchmarkSupport",
            dependencies: [
                "CustomerStore", "LMDB", "CLMDB", "CSQLite",
                .product(name: "CSV", package: "CSV.swift"),
            ],
            path: "Benchmarks/Support"
        ),
        .executableTarget(
            name: "Lookups",
            dependencies: [
                "BenchmarkSupport", "CustomerStore", "CLMDB",
                .product(name: "Benchmark", package: "package-benchmark"),
            ],
            path: "Benchmarks/Lookups",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
        .executableTarget(
            name: "Writes",
            dependencies: [
                "BenchmarkSupport", "CustomerStore", "CLMDB",
                .product(name: "Benchmark", package: "package-benchmark"),
            ],
            path: "Benchmarks/Writes",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
        .executableTarget(
            name: "Filters",
            dependencies: [
                "BenchmarkSupport", "CustomerStore",
                .product(name: "Benchmark", package: "package-benchmark"),
            ],
            path: "Benchmarks/Filters",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
