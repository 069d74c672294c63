import RaschetCore

/// The rows of an import's XML files, kept until their entity's turn: the import checks entity by
/// entity in dependency order, and one XML file may hold every collection in any order. Each
/// entity's rows are laid one after another in chunks of bytes (a row's file, line, cell names and
/// values), so that a row costs its bytes and little more; the chunks beyond `residentBytes` wait in
/// a temporary file (`PageSpill`), so that an XML file of any size is read in bounded memory.
struct RecordSpool {
    /// A run of rows of one entity: in memory, or at `offset` in the spill.
    private struct Chunk {
        var kind: EntityKind
        var bytes: [UInt8] = []
        var offset: Int64?
        var length = 0
    }

    private let spill: any PageSpill
    private let residentBytes: Int
    /// How many bytes of rows a chunk gathers before it is closed (a larger row has one of its own).
    private let chunkSize: Int
    /// The chunks in the order they were opened.
    private var chunks: [Chunk] = []
    /// Each entity's chunk that rows are added to, by its position in `chunks`.
    private var open: [EntityKind: Int] = [:]
    /// The closed chunks in the order they were closed, by position in `chunks`; those from
    /// `firstResident` on are in memory.
    private var closed: [Int] = []
    private var firstResident = 0
    /// The bytes of the closed chunks in memory.
    private var resident = 0
    /// The names of the files the rows came from, a row naming its file by position.
    private var files: [String] = []
    /// Where the spill's next chunk goes.
    private var spillEnd: Int64 = 0

    /// A spool that keeps about `residentBytes` of closed chunks of `chunkSize` bytes in memory
    /// (besides each entity's open chunk) and the others in `spill`.
    init(spill: any PageSpill, residentBytes: Int, chunkSize: Int = 1 << 20) {
        self.spill = spill
        self.residentBytes = residentBytes
        self.chunkSize = chunkSize
    }

    /// Adds a row of `kind` from `file`, after the rows of `kind` added before it.
    mutating func append(_ record: SourceRecord, kind: EntityKind, file: String) throws {
        if files.last != file { files.append(file) }
        var bytes: [UInt8] = []
        Self.appendInteger(files.count - 1, to: &bytes)
        record.encode(into: &bytes)
        if let index = open[kind], chunks[index].length + bytes.count > chunkSize {
            open[kind] = nil
            try close(index)
        }
        let index = open[kind] ?? chunks.count
        if index == chunks.count {
            chunks.append(Chunk(kind: kind))
            open[kind] = index
        }
        chunks[index].bytes += bytes
        chunks[index].length += bytes.count
    }

    /// Calls `body` with each row of `kind` and its file, in the order they were added.
    func forEach(of kind: EntityKind, _ body: (SourceRecord, String) throws -> Void) throws {
        for chunk in chunks where chunk.kind == kind {
            var bytes = chunk.bytes
            if let offset = chunk.offset {
                bytes = [UInt8](repeating: 0, count: chunk.length)
                try bytes.withUnsafeMutableBytes { try spill.read(into: $0, at: offset) }
            }
            var position = 0
            while position < bytes.count {
                let file = files[Self.readInteger(bytes, &position)]
                try body(SourceRecord(decoding: bytes, at: &position), file)
            }
        }
    }

    /// Closes the chunk at `index` (no more rows go to it), then writes closed chunks to the spill,
    /// the oldest first, while more than `residentBytes` of them are in memory.
    private mutating func close(_ index: Int) throws {
        closed.append(index)
        resident += chunks[index].length
        while resident > residentBytes, firstResident < closed.count {
            let oldest = closed[firstResident]
            try chunks[oldest].bytes.withUnsafeBytes { try spill.write($0, at: spillEnd) }
            chunks[oldest].offset = spillEnd
            chunks[oldest].bytes = []
            spillEnd += Int64(chunks[oldest].length)
            resident -= chunks[oldest].length
            firstResident += 1
        }
    }

    /// An integer in 7-bit groups of its bit pattern, low first (LEB128; a small non-negative one
    /// takes one byte).
    static func appendInteger(_ value: Int, to bytes: inout [UInt8]) {
        var rest = UInt(bitPattern: value)
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    /// The integer `appendInteger` wrote at `position`, moving past it.
    static func readInteger(_ bytes: [UInt8], _ position: inout Int) -> Int {
        var value: UInt = 0
        var shift: UInt = 0
        while true {
            let byte = bytes[position]
            position += 1
            value |= UInt(byte & 0x7F) << shift
            if byte < 0x80 { return Int(bitPattern: value) }
            shift += 7
        }
    }
}
