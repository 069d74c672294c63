/// Where a file's bytes go while it is being written, instead of being held until the end: a print
/// batch of any length is streamed to disk a block at a time, so memory stays flat.
///
/// ``PDFFile`` hands over whole blocks in file order, each exactly once. A sink that fails keeps the
/// error and reports it when its owner finishes with it; the writer itself never throws on a write.
public protocol PDFByteSink: AnyObject {
    /// Takes the next block of the file.
    func write(_ bytes: [UInt8])
}
