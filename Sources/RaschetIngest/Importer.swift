public import RaschetCore
import Dispatch
import Foundation
import Synchronization

/// Reads CSV and XML input files into a checked `DataSet` (SPEC section 3).
///
/// Files are processed in dependency order (suppliers before services before tariffs...), so one
/// command can import a whole data set whose rows reference each other. CSV rows stream from the
/// file's bytes; XML rows are grouped by collection first, because one XML file holds several
/// (`RecordSpool`, in memory up to `xmlRowsInMemory`, then in a temporary file).
public struct Importer: Sendable {
    /// An input file and the entity its rows are, or nil to detect it (`import auto`).
    public struct Source: Sendable {
        public var path: String
        public var kind: EntityKind?
        public init(path: String, kind: EntityKind?) {
            self.path = path
            self.kind = kind
        }
    }

    public var encoding: SourceEncoding
    /// At most about this many bytes of the readings the import has accepted stay in memory for
    /// the neighbour checks of the readings after them (24 bytes each); the older ones wait in a
    /// temporary file (`TemporaryFileSpill`) until a reading needs them.
    public var readingsInMemory: Int

    /// At most about this many bytes of the XML files' rows wait in memory for their entity's turn
    /// (`RecordSpool`); the others wait in a temporary file.
    public var xmlRowsInMemory: Int

    /// Whether the good rows read after the first problem still go to the sink. An import that any
    /// problem refuses (without `--partial`) sets it off: from its first problem it only checks the
    /// rest of its rows, to count and list their problems, and stores nothing more.
    public var storesAfterAProblem: Bool

    public init(encoding: SourceEncoding = .automatic, readingsInMemory: Int = 256 << 20, xmlRowsInMemory: Int = 64 << 20,
                storesAfterAProblem: Bool = true) {
        self.encoding = encoding
        self.readingsInMemory = readingsInMemory
        self.xmlRowsInMemory = xmlRowsInMemory
        self.storesAfterAProblem = storesAfterAProblem
    }

    /// Reads every source, checks every row against `known` keys, the `stored` rows and the rows
    /// before it, and passes each good row to `sink` and each refused one to `rejectedRows` as soon as
    /// it is read (so a large CSV file never sits in memory, whether its rows are good or bad).
    ///
    /// Reading and checking run on a thread of their own, handing rows over in batches through a
    /// bounded `RowPipe`; `sink` is called on the caller's thread only (a database connection
    /// stays on the thread of its transaction), and the stored rows are looked up on the reading
    /// thread (`StoredSnapshot.withLookup`). That thread takes `known` over and adds the rows' keys to
    /// it: passed as its only copy (`consume`), it is never copied (millions of readings).
    /// - Throws: `IngestError` with code `.missingInput` when a file cannot be read, or `.badData`
    ///   when a CSV file's entity cannot be told from its name; whatever `sink` or `stored` throws.
    public func read<Sink: DataSink>(_ sources: [Source], known: consuming KnownKeys, stored: some StoredSnapshot = NothingStored(),
                                     into sink: inout Sink, rejectedRows: (any RejectedRowsOutput)? = nil) throws -> ImportReport {
        let pipe = RowPipe(capacity: 8)
        let outcome = Mutex<Result<ImportReport, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        let handOver = Mutex<KnownKeys?>(consume known)
        let reader = Thread { [self] in
            let result = Result { () throws -> ImportReport in
                try stored.withLookup { lookup in
                    var checker = ImportChecker(known: handOver.withLock { $0.take()! }, stored: lookup, sink: PipeSink(pipe: pipe),
                                                rejectedOutput: rejectedRows, storesAfterAProblem: storesAfterAProblem)
                    checker.spillReadings(to: TemporaryFileSpill(), residentBytes: readingsInMemory)
                    let report = try check(sources, with: &checker)
                    try checker.sink.flush()
                    return report
                }
            }
            outcome.withLock { $0 = result }
            pipe.finish()
            done.signal()
        }
        reader.stackSize = 8 << 20
        reader.start()
        do {
            while let batch = pipe.take() {
                // The rows borrowed from the batch, not copied out of it.
                try batch.withUnsafeBufferPointer { rows in try sink.add(contentsOf: rows) }
                pipe.giveBack(consume batch)
            }
        } catch {
            pipe.cancel()
            done.wait()
            throw error
        }
        done.wait()
        return try outcome.withLock { $0! }.get()
    }

    /// Reads and checks every source, in dependency order, into `builder`.
    private func check(_ sources: [Source], with builder: inout ImportChecker<PipeSink>) throws -> ImportReport {
        var csvFiles: [(kind: EntityKind, path: String)] = []
        var xmlRecords = RecordSpool(spill: TemporaryFileSpill(), residentBytes: xmlRowsInMemory)

        for source in sources {
            if source.path.lowercased().hasSuffix(".xml") {
                let reader = try XMLRecordReader(path: source.path, file: source.path)
                // A collection the command does not import is one problem, at its first row.
                var refusedCollections: Set<EntityKind> = []
                while true {
                    let next: (kind: EntityKind, record: SourceRecord)?
                    do {
                        next = try reader.next()
                    } catch where error.code == .missingInput {
                        throw error
                    } catch {
                        builder.fail([error])
                        break
                    }
                    guard let (kind, record) = next else { break }
                    if let expected = source.kind, expected != kind {
                        if refusedCollections.insert(kind).inserted {
                            builder.fail([IngestError(file: source.path, line: record.line, message:
                                .wrongCollection(kind.name, expected: expected.name))])
                        }
                        continue
                    }
                    try xmlRecords.append(record, kind: kind, file: source.path)
                }
            } else {
                guard let kind = source.kind ?? Self.entity(forFileName: source.path) else {
                    // A file that is not there is missing input (exit 66), whatever its name.
                    _ = try FileChunks(path: source.path, file: source.path, chunkSize: 1)
                    throw IngestError(file: source.path, message:
                        .unknownEntityOfFile(source.path))
                }
                csvFiles.append((kind, source.path))
            }
        }

        for kind in EntityKind.allCases {
            for (fileKind, path) in csvFiles where fileKind == kind {
                try readCSV(path, kind: kind, into: &builder)
            }
            var layouts: [[String]: ColumnLayout] = [:]
            var lastFile: String?
            try xmlRecords.forEach(of: kind) { record, file in
                if file != lastFile {
                    builder.beginFile(file)
                    lastFile = file
                }
                let names = record.names
                let layout: ColumnLayout
                if let cached = layouts[names] {
                    layout = cached
                } else {
                    do {
                        layout = try ColumnLayout(fieldNames: names, schema: .of(kind), file: file, line: record.line)
                        layouts[names] = layout
                    } catch let error as IngestErrors {
                        try builder.reject(record, kind: kind, file: file, reasons: error.errors)
                        return
                    }
                }
                try builder.add(record, kind: kind, layout: layout, file: file)
            }
            builder.forgetKeys()
        }
        return ImportReport(found: builder.problems, fileProblems: builder.fileProblems, rejectedRows: builder.rejectedRows)
    }

    /// Reads sources into a `DataSet` in memory: for tests and small data.
    public func read(_ sources: [Source], known: KnownKeys = KnownKeys(), stored: some StoredSnapshot = NothingStored(),
                     rejectedRows: (any RejectedRowsOutput)? = nil) throws -> (DataSet, ImportReport) {
        var dataSet = DataSet()
        let report = try read(sources, known: known, stored: stored, into: &dataSet, rejectedRows: rejectedRows)
        return (dataSet, report)
    }

    private func readCSV(_ path: String, kind: EntityKind, into builder: inout ImportChecker<PipeSink>) throws {
        var reader: CSVReader
        do {
            reader = try CSVReader.open(path: path, file: path, encoding: encoding)
        } catch where error.code == .missingInput {
            throw error
        } catch {
            builder.fail([error])
            return
        }
        let layout: ColumnLayout
        do {
            layout = try ColumnLayout(fieldNames: reader.header, schema: .of(kind), file: path, line: 1)
        } catch {
            builder.fail(error.errors)
            return
        }
        if let rows = reader.estimatedRowCount() { try builder.expectRows(rows, of: kind) }
        builder.beginFile(path)
        while true {
            let record: SourceRecord
            do {
                guard let next = try reader.next() else { break }
                record = next
            } catch where error.code == .missingInput {
                // The file stopped being readable part-way: the rest of it cannot be read row by row.
                throw error
            } catch {
                try builder.reject(SourceRecord(line: error.line ?? 0, names: reader.header, values: reader.refusedRowCells), kind: kind,
                               file: path, reasons: [error])
                continue
            }
            try builder.add(record, kind: kind, layout: layout, file: path)
        }
    }

    /// The entity a file holds, from its name: `tariffs.csv`, `2026-10_payments.csv`,
    /// `readings-october.csv` (the longest entity name found as a word of the file name).
    public static func entity(forFileName path: String) -> EntityKind? {
        let name = (path as NSString).lastPathComponent.lowercased()
        let stem = name.split(separator: ".").first.map(String.init) ?? name
        if let exact = EntityKind(name: stem) { return exact }
        let words = stem.split(whereSeparator: { $0 == "-" || $0 == " " }).map(String.init)
        let candidates = EntityKind.allCases.filter { kind in
            words.contains { word in
                word == kind.name || word.hasPrefix(kind.name + "_") || word.hasSuffix("_" + kind.name)
                    || word.contains("_" + kind.name + "_")
            }
        }
        return candidates.max { $0.name.count < $1.name.count }
    }
}
