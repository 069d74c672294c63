import Benchmark
import PDFWriter
import RaschetDocuments
import RaschetLayout
import ReceiptFixture

/// ordo-one/benchmark suite: one receipt page as a separate file, and 100 pages into one batch.
/// Run from `Benchmarks/`: `swift package benchmark` (malloc counts are the stable metric here).
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident], maxDuration: .seconds(5))
    let family = try! FontFamily.ptSans(directory: "../Fonts")
    let receipt = try! Receipt.load()
    let date = PDFDate(secondsSinceEpoch: 1_793_000_000)
    let renderer = try! ReceiptRenderer(templates: TemplateDirectory(path: "../Templates"), fonts: family)

    Benchmark("Receipt, one separate file") { benchmark in
        for index in benchmark.scaledIterations {
            blackHole(try renderer.render(receipt.content(copy: index), creationDate: date, attachment: nil))
        }
    }

    Benchmark("Receipt batch, 100 pages in one file", configuration: .init(maxIterations: 20)) { _ in
        let batch = renderer.batch(title: "Квитанции", creationDate: date)
        for index in 0..<100 { try batch.append(receipt.content(copy: index)) }
        blackHole(try batch.finish())
    }
}
