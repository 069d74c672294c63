import RaschetCore

/// Reads a CSV file row by row.
///
/// Rows are produced lazily by ``next()``: the reader keeps the file's bytes (``init(bytes:file:encoding:)``)
/// or, for a UTF-8 file opened with ``open(path:file:encoding:chunkSize:)``, a window of it that moves on
/// a chunk at a time, and a cursor; it never materializes all rows.
///
/// The dialect (SPEC §3):
/// - **Encoding.** `.automatic` strips a UTF-8 byte order mark and reads UTF-8; when there is no BOM
///   and the bytes are not valid UTF-8, the whole file is decoded as windows-1251 (see ``CP1251``)
///   when it is plausible as such, else it is an error naming the first bad byte's line and offset
///   (``EncodingDetection``). A file with a BOM is UTF-8. `.utf8` and `.cp1251` force the encoding
///   (`.utf8` still strips a BOM). UTF-8 content (by its BOM or by `.utf8`) with a byte that is not
///   UTF-8 is an error naming the byte's line and offset: never stored as U+FFFD.
/// - **Delimiter.** Detected from the header line, counting only characters outside quotes: `;` if
///   it occurs, else TAB, else `,`; a header with none of them is a one-column file (delimiter `;`).
/// - **Quoting (RFC 4180).** A quoted field may hold the delimiter, line breaks and `""` (a literal
///   `"`). Line breaks are LF or CRLF. A quote inside an unquoted field, or anything but spaces
///   between a closing quote and the next delimiter or line end, is a "broken quote" error.
/// - **Spaces.** ASCII spaces (U+0020) around *unquoted* values are trimmed (spreadsheet users add
///   them), so a value of only spaces becomes empty. Quoted values are kept exactly, spaces
///   included (spaces outside the quotes are dropped). Header names are trimmed of spaces and TABs.
///   Nothing else is normalized.
/// - **Blank lines** (empty, or only spaces) are skipped; they still count for line numbers.
/// - **Line numbers** are physical 1-based lines: a row's line is the line where it starts, also
///   after a quoted value that spans several lines.
///
/// Errors are ``IngestError``s with `code == .badData`, the file, the line and, when known, the
/// column (the header name of the field at fault).
///
/// - Complexity: ``init(bytes:file:encoding:)`` is O(n) for encoding detection (and decoding when
///   windows-1251); each ``next()`` is O(length of the row).
public struct CSVReader {
    /// The trimmed header names, in file order; every row has exactly these fields.
    public let header: [String]
    /// The field delimiter: `;`, `,` or TAB.
    public let delimiter: UInt8
    /// The encoding used: `.utf8` or `.cp1251` (never `.automatic`).
    public let encoding: SourceEncoding

    /// The file's name for error messages.
    let file: String
    /// The content as UTF-8 (possibly still starting with a BOM that `position` skips): the whole
    /// file, or the window of a streamed one.
    private var text: [UInt8]
    /// Byte offset of the next unread byte in `text`.
    private var position: Int
    /// 1-based physical line of the byte at `position`.
    private var line: Int
    /// Where the rest of a streamed file comes from; nil when `text` is the whole file.
    private let source: FileChunks?
    /// The bytes and cells of the last row returned (as `SourceRecord` holds them), whose storage
    /// the next row reuses when the caller let go of that row (no allocation per row).
    private var rowBytes: [UInt8] = []
    private var rowCells: [Range<Int>] = []
    /// The text of the last row `next()` refused, its line ends and the blank lines before it left out.
    private var refusedRow: [UInt8] = []

    /// Opens the file at `path`. A UTF-8 file (by its byte order mark, by `encoding`, or valid
    /// throughout, checked in a first pass a chunk at a time) is streamed `chunkSize` bytes at a time,
    /// so memory stays bounded whatever its size; any other is read whole and decoded as
    /// ``init(bytes:file:encoding:)`` says.
    /// - Throws: ``IngestError`` (`missingInput` when the file cannot be read), as the initializer.
    public static func open(path: String, file: String, encoding: SourceEncoding = .automatic,
                            chunkSize: Int = 1 << 22) throws(IngestError) -> CSVReader {
        let chunkSize = max(1, chunkSize)
        let chunks = try FileChunks(path: path, file: file, chunkSize: chunkSize)
        var first: [UInt8] = []
        while first.count < 3, try chunks.read(appendingTo: &first) {}
        let hasBOM = first.starts(with: ByteOrderMark.utf8)
        let streamed: Bool
        switch encoding {
        case .cp1251: streamed = false
        case .utf8, .automatic:
            if encoding == .utf8 || hasBOM {
                if let invalid = try FileChunks.firstInvalidUTF8(path: path, file: file, chunkSize: chunkSize) {
                    let line = try FileChunks.line(of: invalid.offset, path: path, file: file, chunkSize: chunkSize)
                    throw IngestError(file: file, line: line, message: .utf8ByteInvalid(byte: hexByte(invalid.byte), offset: invalid.offset))
                }
                streamed = true
            } else {
                streamed = try FileChunks.isValidUTF8(path: path, file: file, chunkSize: chunkSize)
            }
        }
        guard streamed else {
            // Decoded whole: the rest of the file read on after its first chunk.
            var bytes = first
            while try chunks.read(appendingTo: &bytes) {}
            return try CSVReader(bytes: bytes, file: file, encoding: encoding)
        }
        return try CSVReader(text: first, position: hasBOM ? ByteOrderMark.utf8.count : 0, encoding: .utf8, file: file, source: chunks)
    }

    /// `0x0A`: a byte as a message shows it.
    private static func hexByte(_ byte: UInt8) -> String {
        let hex = String(byte, radix: 16, uppercase: true)
        return "0x" + (hex.count < 2 ? "0" : "") + hex
    }

    /// The error of UTF-8 content (`.utf8`, or a byte order mark) with a byte that is not UTF-8.
    private static func invalidUTF8(_ bytes: [UInt8], file: String) -> IngestError? {
        guard let offset = bytes.withUnsafeBufferPointer(UTF8Validation.firstInvalid) else { return nil }
        let line = bytes.withUnsafeBufferPointer { EncodingDetection.line(of: offset, in: $0) }
        return IngestError(file: file, line: line, message: .utf8ByteInvalid(byte: hexByte(bytes[offset]), offset: offset))
    }

    /// Opens CSV content: detects the encoding and the delimiter, and reads the header.
    ///
    /// - Parameters:
    ///   - bytes: the whole file.
    ///   - file: the file's name as the user gave it, for error messages.
    ///   - encoding: `.automatic` to detect, or the encoding to use.
    /// - Throws: ``IngestError`` at line 1 for an empty file, a blank first line, a broken header,
    ///   an empty or a duplicate header name.
    public init(bytes: [UInt8], file: String, encoding: SourceEncoding = .automatic) throws(IngestError) {
        let hasBOM = bytes.starts(with: ByteOrderMark.utf8)
        switch encoding {
        case .automatic:
            switch hasBOM ? .utf8 : bytes.withUnsafeBufferPointer(EncodingDetection.detect) {
            case .utf8:
                if hasBOM, let error = Self.invalidUTF8(bytes, file: file) { throw error }
                try self.init(text: bytes, position: hasBOM ? ByteOrderMark.utf8.count : 0, encoding: .utf8, file: file, source: nil)
            case .cp1251:
                try self.init(text: CP1251.decodeToUTF8(bytes), position: 0, encoding: .cp1251, file: file, source: nil)
            case .invalid(let offset, let reason):
                let line = bytes.withUnsafeBufferPointer { EncodingDetection.line(of: offset, in: $0) }
                let byte = Self.hexByte(bytes[offset])
                switch reason {
                case .damagedUTF8:
                    throw IngestError(file: file, line: line, message: .utf8ByteInvalid(byte: byte, offset: offset))
                case .notText:
                    throw IngestError(file: file, line: line, message: .byteNotText(byte: byte, offset: offset))
                }
            }
        case .utf8:
            if let error = Self.invalidUTF8(bytes, file: file) { throw error }
            try self.init(text: bytes, position: hasBOM ? ByteOrderMark.utf8.count : 0, encoding: .utf8, file: file, source: nil)
        case .cp1251:
            try self.init(text: CP1251.decodeToUTF8(bytes), position: 0, encoding: .cp1251, file: file, source: nil)
        }
    }

    /// Reads the header from `text` at `position`, taking more of `source` while the header line
    /// reaches the end of what is read.
    private init(text: [UInt8], position: Int, encoding: SourceEncoding, file: String, source: FileChunks?) throws(IngestError) {
        self.file = file
        self.encoding = encoding
        self.source = source
        var text = text
        var scan: HeaderScan
        var end: Int
        while true {
            (scan, end) = Self.scanHeader(text, from: position, file: file)
            guard end >= text.count, let source, try source.read(appendingTo: &text) else { break }
        }
        switch scan {
        case .empty:
            throw IngestError(file: file, line: 1, message: .emptyCSV)
        case .failure(let error):
            throw error
        case .header(let delimiter, let names, let position, let line):
            // A header that runs on through lone CRs: the file's lines end with CR alone.
            if names.contains(where: { $0.contains("\r") }) {
                throw IngestError(file: file, line: 1, message: .linesEndWithCROnly)
            }
            self.delimiter = delimiter
            var header: [String] = []
            header.reserveCapacity(names.count)
            var seen = Set<String>()
            for (index, raw) in names.enumerated() {
                let name = Self.trimmedHeaderName(raw)
                if name.isEmpty {
                    let message: Message = names.count == 1 ? .headerLineEmpty : .headerFieldEmpty(index + 1)
                    throw IngestError(file: file, line: 1, message: message)
                }
                guard seen.insert(name).inserted else {
                    throw IngestError(file: file, line: 1, column: name, message: .duplicateHeaderName)
                }
                header.append(name)
            }
            self.header = header
            self.text = text
            self.position = position
            self.line = line
        }
    }

    /// The header line of `text` from `start`, and how far the scan read (at `text.count`, a
    /// streamed file may hold more of the line).
    private static func scanHeader(_ text: [UInt8], from start: Int, file: String) -> (HeaderScan, end: Int) {
        text.withUnsafeBufferPointer { buffer -> (HeaderScan, end: Int) in
            var isBlank = true
            for byte in buffer[start...] where !Self.isSpace(byte) && byte != ASCII.cr && byte != ASCII.lf {
                isBlank = false
                break
            }
            if isBlank { return (.empty, buffer.count) }
            let delimiter = Self.detectDelimiter(buffer, from: start)
            var position = start
            var line = 1
            var bytes: [UInt8] = []
            var cells: [Range<Int>] = []
            let outcome = Self.scanFields(
                buffer, position: &position, line: &line, delimiter: delimiter, names: [], file: file,
                bytes: &bytes, cells: &cells)
            if case .failure(let error) = outcome { return (.failure(error), position) }
            let names = SourceRecord(line: 1, names: [], bytes: bytes, cells: cells).values
            return (.header(delimiter: delimiter, names: names, position: position, line: line), position)
        }
    }

    /// The next data row, or nil at the end of the file.
    ///
    /// Blank lines are skipped. The record's `line` is the physical line where the row starts, and
    /// its fields are named by ``header``, in header order.
    ///
    /// - Throws: ``IngestError`` for a malformed row: a field count different from the header's, a
    ///   broken quote (column named; reported at the row's first line), or a quoted field left open at the end of the file (the line
    ///   where that field began). The reader is then positioned after the bad row (for a broken
    ///   quote: after the physical line where it was found), so calling `next()` again continues
    ///   with the following row.
    /// - Complexity: O(length of the row).
    public mutating func next() throws(IngestError) -> SourceRecord? {
        var bytes = rowBytes, cells = rowCells
        rowBytes = []
        rowCells = []
        defer { rowBytes = bytes; rowCells = cells }
        while true {
            let (outcome, position, line) = scanRow(bytes: &bytes, cells: &cells)
            // A row that reaches the end of a streamed window may go on in the next chunk: keep the
            // unread bytes, read the chunk and scan the row again.
            if position >= text.count, let source, try source.read(appendingTo: &text) {
                text.removeSubrange(..<self.position)
                self.position = 0
                continue
            }
            let start = self.position
            self.position = position
            self.line = line
            switch outcome {
            case .end: return nil
            case .row(let record): return record
            case .failure(let error):
                refusedRow = Array(text[start..<position].drop { $0 == ASCII.cr || $0 == ASCII.lf || $0 == ASCII.space })
                while let last = refusedRow.last, last == ASCII.cr || last == ASCII.lf { refusedRow.removeLast() }
                throw error
            }
        }
    }

    /// The cells of the last row `next()` refused, for the rejected-rows file (the operator keeps the
    /// row to correct): its text split at every delimiter, quotes or not, as it could not be read as
    /// CSV; one per header column, the cells beyond the last column kept in it.
    public var refusedRowCells: [String] {
        var cells = refusedRow.split(separator: delimiter, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        if cells.count > header.count {
            cells[header.count - 1] = cells[(header.count - 1)...].joined(separator: String(UnicodeScalar(delimiter)))
            cells.removeLast(cells.count - header.count)
        }
        return cells + Array(repeating: "", count: header.count - cells.count)
    }

    /// About how many rows the file holds after its header, asked right after opening: the data
    /// bytes over the mean length of the lines held in memory (all of them, or a streamed file's
    /// first chunk); nil when those hold no line end. Sizes tables that get an entry per row.
    func estimatedRowCount() -> Int? {
        let sampled = text.count - position
        let lineEnds = text.withUnsafeBufferPointer { buffer in
            var count = 0
            for byte in UnsafeBufferPointer(rebasing: buffer[position...]) where byte == ASCII.lf { count &+= 1 }
            return count
        }
        guard lineEnds > 0, sampled > 0 else { return nil }
        // The bytes of a streamed file not read yet (`text` holds the file from its start).
        let unread = source.map { $0.atEnd ? 0 : max(0, $0.size &- text.count) } ?? 0
        let (product, overflow) = lineEnds.multipliedReportingOverflow(by: sampled &+ unread)
        return overflow ? nil : product / sampled
    }

    /// Scans the row at `position` into `bytes` and `cells` (emptied first, laid out as
    /// `SourceRecord`'s) without moving the cursor: the outcome, and the position and line after it.
    private func scanRow(bytes: inout [UInt8], cells: inout [Range<Int>]) -> (RowScan, position: Int, line: Int) {
        let header = self.header
        let delimiter = self.delimiter
        let file = self.file
        var position = self.position
        var line = self.line
        let outcome = text.withUnsafeBufferPointer { buffer -> RowScan in
            guard Self.skipBlankLines(buffer, position: &position, line: &line) else { return .end }
            let rowLine = line
            bytes.removeAll(keepingCapacity: true)
            cells.removeAll(keepingCapacity: true)
            cells.reserveCapacity(header.count)
            let scan = Self.scanFields(
                buffer, position: &position, line: &line, delimiter: delimiter, names: header, file: file,
                bytes: &bytes, cells: &cells)
            switch scan {
            case .failure(let error):
                return .failure(error)
            case .fields(let count):
                guard count == header.count else {
                    let delimiterName = delimiter == UInt8(ascii: "\t") ? "TAB" : String(UnicodeScalar(delimiter))
                    return .failure(IngestError(
                        file: file, line: rowLine, column: count < header.count ? header[count] : nil,
                        message: .fieldCount(expected: header.count, found: count, delimiter: delimiterName)))
                }
                return .row(SourceRecord(line: rowLine, names: header, bytes: bytes, cells: cells))
            }
        }
        return (outcome, position, line)
    }
}

// MARK: - Scanning

extension CSVReader {
    enum ASCII {
        static let tab: UInt8 = 0x09
        static let lf: UInt8 = 0x0A
        static let cr: UInt8 = 0x0D
        static let space: UInt8 = 0x20
        static let quote: UInt8 = 0x22
        static let comma: UInt8 = 0x2C
        static let semicolon: UInt8 = 0x3B
    }

    enum HeaderScan {
        case empty
        case failure(IngestError)
        case header(delimiter: UInt8, names: [String], position: Int, line: Int)
    }

    enum RowScan {
        case end
        case row(SourceRecord)
        case failure(IngestError)
    }

    enum FieldScan {
        case fields(count: Int)
        case failure(IngestError)
    }

    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool { byte == ASCII.space }

    /// Whether `position` is at a line end: LF, CRLF, or a CR that is the last byte.
    @inline(__always)
    static func isLineEnd(_ buffer: UnsafeBufferPointer<UInt8>, _ position: Int) -> Bool {
        let byte = buffer[position]
        if byte == ASCII.lf { return true }
        return byte == ASCII.cr && (position &+ 1 == buffer.count || buffer[position &+ 1] == ASCII.lf)
    }

    /// Moves past the line end at `position` (see ``isLineEnd(_:_:)``), counting the line.
    @inline(__always)
    static func skipLineEnd(_ buffer: UnsafeBufferPointer<UInt8>, position: inout Int, line: inout Int) {
        if buffer[position] == ASCII.cr { position &+= 1 }
        if position < buffer.count && buffer[position] == ASCII.lf { position &+= 1 }
        line &+= 1
    }

    /// Skips empty and all-space lines; returns false at the end of the file.
    static func skipBlankLines(_ buffer: UnsafeBufferPointer<UInt8>, position: inout Int, line: inout Int) -> Bool {
        let count = buffer.count
        while position < count {
            var probe = position
            while probe < count && buffer[probe] == ASCII.space { probe &+= 1 }
            if probe == count {
                position = count
                return false
            }
            guard isLineEnd(buffer, probe) else { return true }
            position = probe
            skipLineEnd(buffer, position: &position, line: &line)
        }
        return false
    }

    /// The delimiter of the header line starting at `start`: `;`, else TAB, else `,`, counted outside
    /// quotes; `;` when none occurs.
    static func detectDelimiter(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> UInt8 {
        var inQuotes = false
        var sawTab = false
        var sawComma = false
        var position = start
        while position < buffer.count {
            let byte = buffer[position]
            position &+= 1
            if byte == ASCII.quote {
                inQuotes.toggle()
            } else if inQuotes {
                continue
            } else if byte == ASCII.semicolon {
                return ASCII.semicolon
            } else if byte == ASCII.lf {
                break
            } else if byte == ASCII.tab {
                sawTab = true
            } else if byte == ASCII.comma {
                sawComma = true
            }
        }
        return sawTab ? ASCII.tab : sawComma ? ASCII.comma : ASCII.semicolon
    }

    /// Header names lose surrounding spaces and TABs (also inside quotes).
    static func trimmedHeaderName(_ name: String) -> String {
        var utf8 = Substring(name).utf8
        while let first = utf8.first, first == ASCII.space || first == ASCII.tab { utf8.removeFirst() }
        while let last = utf8.last, last == ASCII.space || last == ASCII.tab { utf8.removeLast() }
        return utf8.count == name.utf8.count ? name : String(Substring(utf8))
    }

    /// The position of the first byte from `start` that may end an unquoted value (the delimiter,
    /// LF or CR) or break it (a quote), or the end of `buffer`. Eight bytes at a time, the first in
    /// the word's lowest byte: a byte of a word equals one of the four when its XOR with that byte
    /// repeated is zero, and the lowest byte flagged by `(v − 0x01…01) & ~v & 0x80…80` is the first
    /// zero byte of `v`.
    @inline(__always)
    static func nextSpecialByte(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, delimiter: UInt8) -> Int {
        let count = buffer.count
        var position = start
        if let base = buffer.baseAddress {
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            let delimiters = UInt64(delimiter) &* ones
            let lineFeeds = UInt64(ASCII.lf) &* ones
            let returns = UInt64(ASCII.cr) &* ones
            let quotes = UInt64(ASCII.quote) &* ones
            while position &+ 8 <= count {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
                var found: UInt64 = 0
                for pattern in [delimiters, lineFeeds, returns, quotes] {
                    let v = word ^ pattern
                    found |= (v &- ones) & ~v & highs
                }
                if found != 0 { return position &+ found.trailingZeroBitCount &>> 3 }
                position &+= 8
            }
        }
        while position < count {
            let byte = buffer[position]
            if byte == delimiter || byte == ASCII.lf || byte == ASCII.cr || byte == ASCII.quote { return position }
            position &+= 1
        }
        return count
    }

    /// Turns each `""` of the quoted cells among `cells` into `"`, in place, shortening their ranges
    /// (an unquoted cell holds no quote: it would have been a broken quote).
    static func unescapeQuotes(_ bytes: inout [UInt8], _ cells: inout [Range<Int>], from first: Int) {
        for index in first..<cells.count {
            let cell = cells[index]
            guard bytes[cell].contains(ASCII.quote) else { continue }
            var write = cell.lowerBound
            var read = cell.lowerBound
            while read < cell.upperBound {
                let byte = bytes[read]
                bytes[write] = byte
                write &+= 1
                read &+= byte == ASCII.quote ? 2 : 1
            }
            cells[index] = cell.lowerBound..<write
        }
    }

    /// Scans one record (the header or a row) starting at `position`, appending its bytes to `bytes`
    /// and where each field lies in them to `cells`, as `SourceRecord` holds them (fields beyond
    /// `names`, when there are names, are counted, not stored); returns the field count.
    ///
    /// On success `position` is after the record's line end. On a broken quote (reported at the
    /// record's first line) it is after the physical line where the quote was found; on an
    /// unterminated quoted field (reported at the line where that field began), at the end.
    static func scanFields(
        _ buffer: UnsafeBufferPointer<UInt8>, position: inout Int, line: inout Int, delimiter: UInt8,
        names: [String], file: String, bytes: inout [UInt8], cells: inout [Range<Int>]
    ) -> FieldScan {
        let count = buffer.count
        let recordStart = position
        // Cells are noted relative to the record's first byte; the record is copied once at its end.
        let base = bytes.count &- recordStart
        let firstCell = cells.count
        var hasEscapes = false
        let recordLine = line
        var index = 0
        func column(_ index: Int) -> String? { index < names.count ? names[index] : nil }
        func fieldLabel(_ index: Int) -> Message { .fieldNumber(index < names.count ? nil : index + 1) }
        func brokenQuote(_ detail: Message) -> FieldScan {
            let error = IngestError(
                file: file, line: recordLine, column: column(index),
                message: .brokenQuote(field: fieldLabel(index), detail))
            while position < count && buffer[position] != ASCII.lf { position &+= 1 }
            if position < count {
                position &+= 1
                line &+= 1
            }
            return .failure(error)
        }

        while true {
            while position < count && buffer[position] == ASCII.space { position &+= 1 }
            let stored = index < names.count || names.isEmpty
            if position < count && buffer[position] == ASCII.quote {
                let quoteLine = line
                position &+= 1
                let start = position
                while true {
                    guard position < count else {
                        return .failure(IngestError(
                            file: file, line: quoteLine, column: column(index),
                            message: .unterminatedQuote(field: fieldLabel(index))))
                    }
                    let byte = buffer[position]
                    if byte == ASCII.quote {
                        if position &+ 1 < count && buffer[position &+ 1] == ASCII.quote {
                            hasEscapes = true
                            position &+= 2
                            continue
                        }
                        break
                    }
                    if byte == ASCII.lf { line &+= 1 }
                    position &+= 1
                }
                let end = position
                position &+= 1
                if stored { cells.append((base &+ start)..<(base &+ end)) }
                while position < count && buffer[position] == ASCII.space { position &+= 1 }
                if position < count && buffer[position] != delimiter && !isLineEnd(buffer, position) {
                    return brokenQuote(.characterAfterClosingQuote)
                }
            } else {
                let start = position
                while true {
                    position = nextSpecialByte(buffer, from: position, delimiter: delimiter)
                    guard position < count else { break }
                    let byte = buffer[position]
                    if byte == delimiter || byte == ASCII.lf { break }
                    if byte == ASCII.quote { return brokenQuote(.quoteInUnquotedValue) }
                    if isLineEnd(buffer, position) { break }
                    position &+= 1  // a CR inside the value
                }
                var end = position
                while end > start && buffer[end &- 1] == ASCII.space { end &-= 1 }
                if stored { cells.append((base &+ start)..<(base &+ end)) }
            }
            index &+= 1
            if position < count {
                if buffer[position] == delimiter {
                    position &+= 1
                    continue
                }
                skipLineEnd(buffer, position: &position, line: &line)
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[recordStart..<position]))
            if hasEscapes { unescapeQuotes(&bytes, &cells, from: firstCell) }
            return .fields(count: index)
        }
    }
}
