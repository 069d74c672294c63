public import RaschetCore

/// A source row that could not be stored, with why: what `--partial` writes to `FILE.rejected.csv`.
public struct RejectedRow: Sendable {
    public var kind: EntityKind?
    public var record: SourceRecord
    public var reasons: [IngestError]
}

/// Where an import hands the rows it refuses, one at a time as it finds them, so that a file of
/// millions of bad rows is never held in memory (`--partial` writes them next to their input,
/// `RejectedRowsWriter`). Called on the import's reading thread only, each file's rows in file order.
public protocol RejectedRowsOutput: AnyObject, Sendable {
    /// Takes one refused row of `file`. What it throws stops the import.
    func add(_ row: RejectedRow, file: String) throws
}
