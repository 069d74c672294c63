// swift-tools-version: 6.2
import PackageDescription

// Swift 6 language mode for every target, plus the upcoming features that keep imports honest.
var swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]
// CI sets RASCHET_STRICT=1; local edit-build loops stay warning-tolerant.
if Context.environment["RASCHET_STRICT"] == "1" {
    swiftSettings.append(.treatAllWarnings(as: .error))
}

let package = Package(
    name: "raschet",
    products: [
        // Library products exist for Benchmarks/ (a separate package), not for outside users.
        .executable(name: "raschet", targets: ["raschet"]),
        .library(name: "RaschetCore", targets: ["RaschetCore"]),
        .library(name: "RaschetSynth", targets: ["RaschetSynth"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.0.0"),
        .package(url: "https://github.com/LebJe/TOMLKit.git", from: "0.6.0"),
    ],
    targets: [
        // MARK: - C system libraries (Debian -dev packages; `.ci/run` installs them)

        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),

        // MARK: - Domain (pure: no C, no I/O)

        .target(name: "RaschetCore", swiftSettings: swiftSettings),
        .target(name: "RaschetSynth", dependencies: ["RaschetCore"], swiftSettings: swiftSettings),

        // MARK: - Edges, in data-flow order: ingest -> store

        .target(name: "RaschetIngest", dependencies: ["RaschetCore", "CLibXML2"], swiftSettings: swiftSettings),
        .target(
            name: "RaschetStore",
            dependencies: [
                "RaschetCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                // The raw C API, for binding import rows without per-row allocations.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: - CLI (thin: parses, wires, reports)

        .executableTarget(
            name: "raschet",
            dependencies: [
                "RaschetCore", "RaschetIngest", "RaschetStore", "RaschetSynth",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: - Tests: one target per module, swift-testing only

        .testTarget(name: "RaschetCoreTests", dependencies: ["RaschetCore"], swiftSettings: swiftSettings),
        .testTarget(name: "RaschetIngestTests", dependencies: ["RaschetIngest"], swiftSettings: swiftSettings),
        .testTarget(name: "RaschetStoreTests", dependencies: ["RaschetStore"], swiftSettings: swiftSettings),
        // Runs the built `raschet` binary; depends on it so that `swift test` builds it first.
        .testTarget(
            name: "RaschetCLITests",
            dependencies: ["raschet", "RaschetStore", "RaschetIngest"],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "RaschetSynthTests", dependencies: ["RaschetSynth"], swiftSettings: swiftSettings),
    ],
    swiftLanguageModes: [.v6]
)
