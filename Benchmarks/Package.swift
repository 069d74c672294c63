// swift-tools-version: 6.2
import PackageDescription

// A path dependency's identity is the checkout folder's name (for example `main`), not the root
// manifest's `name:`. Derive it, so this works in any clone.
let root = String(Context.packageDirectory.split(separator: "/").dropLast().last!).lowercased()

let pdfStack: [Target.Dependency] = [
    .product(name: "PDFWriter", package: root),
    .product(name: "PDFText", package: root),
    .product(name: "QRCode", package: root),
    .product(name: "RaschetLayout", package: root),
    .product(name: "RaschetCore", package: root),
    .product(name: "RaschetDocuments", package: root),
]

let package = Package(
    name: "raschet-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: "../"),
        .package(url: "https://github.com/ordo-one/benchmark.git", from: "1.38.0", traits: ["MallocInterposer"]),
    ],
    targets: [
        // The anchors' receipt (../shared/bench/anchors/receipt.json) as a ReceiptContent, rendered
        // through `Templates/receipt.tmpl` by RaschetDocuments.
        .target(name: "ReceiptFixture", dependencies: pdfStack, resources: [.copy("receipt.json")]),
        // Wall-clock figures: pages/s into one batch file, separate files/s, bytes per page.
        .executableTarget(name: "pdf-bench", dependencies: ["ReceiptFixture"] + pdfStack),
        // ordo-one/benchmark: per-page wall time and malloc counts (stable enough for thresholds).
        .executableTarget(
            name: "PDFBenchmarks",
            dependencies: [.product(name: "Benchmark", package: "benchmark"), "ReceiptFixture"] + pdfStack,
            path: "Benchmarks/PDFBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
