import Benchmark
import PDFWriter
import RaschetLayout
import ReceiptFixture

/// ordo-one/benchmark suite: one receipt page as a separate file, and 100 pages into one batch.
/// Run from `Benchmarks/`: `swift package benchmark` (malloc counts are the stable metric here).
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident], maxDuration: .seconds(5))
    let family = try! FontFamily.ptSans(directory: "../Fonts")
    let receipt = try! Receipt.load()
    let metadata = PDFMetadata(title: "Квитанция", creationDate: PDFDate(secondsSinceEpoch: 1_793_000_000))

    Benchmark("Receipt, one separate file") { benchmark in
        for index in benchmark.scaledIterations {
            let doc = LayoutDocument(metadata: metadata, geometry: ReceiptPage.geometry)
            try ReceiptPage.draw(ReceiptView(receipt, copy: index), family: family, into: doc, first: true)
            blackHole(try doc.finish())
        }
    }

    Benchmark("Receipt batch, 100 pages in one file", configuration: .init(maxIterations: 20)) { _ in
        let doc = LayoutDocument(metadata: metadata, geometry: ReceiptPage.geometry)
        for index in 0..<100 {
            try ReceiptPage.draw(ReceiptView(receipt, copy: index), family: family, into: doc, first: index == 0)
        }
        blackHole(try doc.finish())
    }
}
