/// How a document is written.
public struct PDFWriteOptions: Sendable, Hashable {
    /// Flate-compress streams. Off for goldens, so their diffs are readable.
    public var compress: Bool
    /// zlib level 0...9 for compressed streams. 6 is the default; 1 roughly halves the CPU time of a
    /// receipt page for about 25 % more bytes (print batches), see Benchmarks/JOURNAL.md.
    public var compressionLevel: Int32
    /// Write PDF/A-3b: XMP metadata with the `pdfaid` identification, an sRGB output intent
    /// (ISO 19005-3 §6.2.3, §6.6.2).
    public var pdfA: Bool

    /// Creates options; the defaults are a compressed PDF/A-3b file.
    public init(compress: Bool = true, compressionLevel: Int32 = 6, pdfA: Bool = true) {
        self.compress = compress
        self.compressionLevel = compressionLevel
        self.pdfA = pdfA
    }
}
