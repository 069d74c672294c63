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
        .library(name: "PDFWriter", targets: ["PDFWriter"]),
        .library(name: "PDFText", targets: ["PDFText"]),
        .library(name: "QRCode", targets: ["QRCode"]),
        .library(name: "RaschetLayout", targets: ["RaschetLayout"]),
        .library(name: "RaschetDocuments", targets: ["RaschetDocuments"]),
        .library(name: "RaschetSynth", targets: ["RaschetSynth"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.0.0"),
        .package(url: "https://github.com/LebJe/TOMLKit.git", from: "0.6.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.30.0"),
    ],
    targets: [
        // MARK: - C system libraries (Debian -dev packages; `.ci/run` installs them)

        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // Whole-buffer deflate, about 3.5 times zlib's speed at level 1 (Benchmarks/JOURNAL.md): PDF streams are compressed whole.
        .systemLibrary(name: "CDeflate", pkgConfig: "libdeflate", providers: [.apt(["libdeflate-dev"])]),
        .systemLibrary(name: "CFreeType", pkgConfig: "freetype2", providers: [.apt(["libfreetype-dev"])]),
        // harfbuzz-subset.pc `Requires: harfbuzz`: one target gives shaping (hb.h) and subsetting (hb-subset.h).
        .systemLibrary(name: "CHarfBuzz", pkgConfig: "harfbuzz-subset", providers: [.apt(["libharfbuzz-dev"])]),
        .systemLibrary(name: "CQREncode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),
        // syncfs(2) from the C library (no package): one flush for a folder of receipts.
        .systemLibrary(name: "CFileSync"),
        // sqlite3_config, which is variadic, through an inline C function (libsqlite3-dev's header).
        .systemLibrary(name: "CSQLiteSettings"),

        // MARK: - Domain (pure: no C, no I/O)

        .target(name: "RaschetCore", swiftSettings: swiftSettings),
        .target(name: "RaschetSynth", dependencies: ["RaschetCore"], swiftSettings: swiftSettings),

        // MARK: - PDF stack (knows nothing about billing)

        .target(name: "PDFWriter", dependencies: ["CZlib", "CDeflate"], swiftSettings: swiftSettings),
        .target(name: "PDFText", dependencies: ["PDFWriter", "CFreeType", "CHarfBuzz"], swiftSettings: swiftSettings),
        .target(name: "QRCode", dependencies: ["CQREncode"], swiftSettings: swiftSettings),
        .target(name: "RaschetLayout", dependencies: ["PDFWriter", "PDFText", "QRCode"], swiftSettings: swiftSettings),
        // Receipts and certificates from RaschetCore's document contents through the templates of `Templates/`.
        .target(
            name: "RaschetDocuments",
            dependencies: [
                "RaschetCore", "RaschetLayout", "QRCode", "PDFWriter", "PDFText",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: - Edges, in data-flow order: ingest -> store

        .target(name: "RaschetIngest", dependencies: ["RaschetCore", "CLibXML2"], swiftSettings: swiftSettings),
        .target(
            name: "RaschetStore",
            dependencies: [
                "RaschetCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                // The raw C API, for binding import rows without per-row allocations.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                "CSQLiteSettings",
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: - Dispatch (after documents; never imports the store)

        .target(
            name: "RaschetDispatch",
            dependencies: [
                "RaschetCore",
                // The Mustache parser's faults in the catalog's words (`MustacheTemplate.ParserError.fault`).
                "RaschetDocuments",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: - The monthly close (plan, batches, pipeline over the store's tables)

        .target(name: "RaschetClose", dependencies: ["RaschetCore", "RaschetStore"], swiftSettings: swiftSettings),

        .target(
            name: "RaschetSettings",
            dependencies: ["RaschetCore", .product(name: "TOMLKit", package: "TOMLKit")],
            swiftSettings: swiftSettings
        ),

        // MARK: - Application layer: one use case per command, for the CLI and any later front end

        .target(
            name: "RaschetApp",
            dependencies: [
                "RaschetCore", "RaschetSettings", "RaschetIngest", "RaschetStore", "RaschetClose", "RaschetSynth",
                "RaschetDocuments", "RaschetDispatch", "RaschetLayout", "PDFWriter", "PDFText", "QRCode", "CFileSync",
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: - CLI (thin: parses arguments, calls a use case, prints)

        .executableTarget(
            name: "raschet",
            dependencies: ["RaschetApp", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: swiftSettings
        ),

        // MARK: - Test support (running external tools and the binary); never linked into `raschet`

        .target(name: "RaschetTesting", swiftSettings: swiftSettings),

        // MARK: - Tests: one target per module, swift-testing only

        .testTarget(name: "RaschetCoreTests", dependencies: ["RaschetCore", "RaschetTesting"], swiftSettings: swiftSettings),
        .testTarget(
            name: "PDFWriterTests",
            dependencies: ["PDFWriter", "RaschetTesting"],
            exclude: ["Goldens"],  // read from the source tree via #filePath; RECORD_GOLDENS=1 rewrites
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "PDFTextTests", dependencies: ["PDFText", "RaschetTesting"], swiftSettings: swiftSettings),
        .testTarget(name: "QRCodeTests", dependencies: ["QRCode", "RaschetTesting"], swiftSettings: swiftSettings),
        .testTarget(name: "RaschetLayoutTests", dependencies: ["RaschetLayout", "QRCode", "RaschetTesting"], swiftSettings: swiftSettings),
        .testTarget(
            name: "RaschetDocumentsTests",
            dependencies: ["RaschetDocuments", "RaschetCore", "RaschetLayout", "PDFWriter", "RaschetTesting",
                           .product(name: "Mustache", package: "swift-mustache")],
            exclude: ["Reference", "Goldens"],  // reviewed page images; expected texts (RECORD_GOLDENS=1 rewrites)
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "RaschetIngestTests", dependencies: ["RaschetIngest", "RaschetTesting"], swiftSettings: swiftSettings),
        .testTarget(name: "RaschetStoreTests", dependencies: ["RaschetStore", "RaschetTesting", .product(name: "GRDB", package: "GRDB.swift")],
                    swiftSettings: swiftSettings),
        .testTarget(name: "RaschetCloseTests", dependencies: ["RaschetClose", "RaschetStore", "RaschetTesting"], swiftSettings: swiftSettings),
        // Runs the built `raschet` binary; depends on it so that `swift test` builds it first.
        .testTarget(
            name: "RaschetCLITests",
            dependencies: ["raschet", "RaschetApp", "RaschetClose", "RaschetSettings", "RaschetStore", "RaschetIngest", "RaschetTesting", "RaschetLayout", "QRCode", "PDFWriter"],
            exclude: ["Goldens"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RaschetDispatchTests",
            dependencies: ["RaschetDispatch", "RaschetTesting", .product(name: "NIOCore", package: "swift-nio"),
                           .product(name: "NIOEmbedded", package: "swift-nio"), .product(name: "NIOSSL", package: "swift-nio-ssl")],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "RaschetSynthTests", dependencies: ["RaschetSynth"], swiftSettings: swiftSettings),
        // The column table against everything derived from it: importer, store, synthetic files.
        .testTarget(
            name: "ColumnTableTests",
            dependencies: [
                "RaschetCore", "RaschetIngest", "RaschetStore", "RaschetSynth", "RaschetTesting",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "RaschetSettingsTests", dependencies: ["RaschetSettings"], swiftSettings: swiftSettings),
        .testTarget(name: "RaschetAppTests", dependencies: ["RaschetApp", "RaschetStore", "RaschetIngest", "RaschetTesting"], swiftSettings: swiftSettings),
    ],
    swiftLanguageModes: [.v6]
)
