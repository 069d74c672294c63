/// Where a `PagedArray` writes the pages it has no room for in memory, and reads them back: each
/// page at a place of its own, written over when the page is written again (the ingest's
/// `RecordSpool` writes its chunks so too, each once). It belongs to one array or spool.
public protocol PageSpill: AnyObject, Sendable {
    /// Writes `bytes` at `offset`.
    func write(_ bytes: UnsafeRawBufferPointer, at offset: Int64) throws
    /// Reads `buffer.count` bytes written at `offset` into `buffer`.
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int64) throws
}
