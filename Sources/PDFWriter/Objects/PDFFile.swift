/// The physical file: header, indirect objects, cross-reference table and trailer (§7.5).
///
/// Objects are written in the order they are added; the xref table lists them by number. Numbers are
/// allocated up front so objects can refer to ones written later.
///
/// With a ``PDFByteSink`` the bytes are handed to it whenever a block of ``flushThreshold`` bytes is
/// complete, and only the objects' offsets stay in memory; the bytes are the same either way.
public struct PDFFile {
    /// The serialized bytes not yet handed to the sink (all of them without a sink).
    public private(set) var out: PDFBytes
    private var offsets: [Int] = []  // index = object number - 1; -1 = not yet written
    private let sink: (any PDFByteSink)?
    /// The bytes already handed to the sink, and their hash (the start of ``contentHash``).
    private var flushed = 0
    private var flushedHash = StableHash()
    /// Bytes buffered before they go to the sink.
    public static let flushThreshold = 1 << 20
    /// Whether streams are Flate-compressed. Goldens turn this off so diffs stay readable.
    public let compress: Bool
    /// The zlib level for compressed streams.
    public let compressionLevel: Int32

    /// Starts a file with the `%PDF-1.7` header and a binary comment line (§7.5.2).
    /// With a `sink`, the file's bytes go to it as they are written (see ``PDFByteSink``).
    public init(compress: Bool = true, compressionLevel: Int32 = 6, capacity: Int = 1 << 16, sink: (any PDFByteSink)? = nil) {
        self.compress = compress
        self.compressionLevel = compressionLevel
        self.sink = sink
        out = PDFBytes(capacity: sink == nil ? capacity : Self.flushThreshold + (1 << 16))
        out.raw("%PDF-1.7\n%")
        out.append([0xE2, 0xE3, 0xCF, 0xD3])
        out.byte(0x0A)
    }

    /// Reserves the next object number.
    public mutating func allocate() -> PDFObjectID {
        offsets.append(-1)
        return PDFObjectID(offsets.count)
    }

    /// The number of bytes written so far (handed to the sink or not).
    public var count: Int { flushed + out.count }

    /// A ``StableHash`` of every byte written so far: the file `/ID` of a document.
    public var contentHash: [UInt8] {
        var hash = flushedHash
        hash.combine(out.bytes)
        return hash.digest
    }

    /// Writes `value` as indirect object `id`.
    public mutating func write(_ id: PDFObjectID, _ value: PDFValue) {
        begin(id)
        value.write(to: &out)
        out.raw("\nendobj\n")
        flushIfFull()
    }

    /// Writes a dictionary as indirect object `id`.
    public mutating func write(_ id: PDFObjectID, _ dictionary: PDFDictionary) {
        write(id, .dictionary(dictionary))
    }

    /// Writes a stream object (§7.3.8); `data` is compressed with Flate unless the file is uncompressed
    /// or `allowCompression` is false (XMP metadata stays readable).
    public mutating func writeStream(
        _ id: PDFObjectID, _ dictionary: PDFDictionary = PDFDictionary(), data: [UInt8],
        allowCompression: Bool = true
    ) {
        if compress && allowCompression {
            writeCompressedStream(id, dictionary, payload: Flate.compress(data, level: compressionLevel))
        } else {
            writeRawStream(id, dictionary, payload: data)
        }
    }

    /// Writes a stream whose payload is already Flate-compressed: adds `/Filter /FlateDecode` (§7.4.4)
    /// after the given keys.
    public mutating func writeCompressedStream(_ id: PDFObjectID, _ dictionary: PDFDictionary = PDFDictionary(),
                                               payload: [UInt8]) {
        var dictionary = dictionary
        dictionary["Filter"] = .name("FlateDecode")
        writeRawStream(id, dictionary, payload: payload)
    }

    /// Writes `payload` as is, adding `/Length` after the given keys.
    private mutating func writeRawStream(_ id: PDFObjectID, _ dictionary: PDFDictionary, payload: [UInt8]) {
        var dictionary = dictionary
        dictionary["Length"] = .int(payload.count)
        begin(id)
        dictionary.write(to: &out)
        out.raw("\nstream\n")
        out.append(payload)
        out.raw("\nendstream\nendobj\n")
        flushIfFull()
    }

    private mutating func begin(_ id: PDFObjectID) {
        precondition(offsets[id.number - 1] == -1, "object \(id.number) written twice")
        offsets[id.number - 1] = count
        out.int(id.number)
        out.raw(" 0 obj\n")
    }

    /// Hands the buffered bytes to the sink once a block is complete (`force`: whatever is buffered).
    private mutating func flushIfFull(force: Bool = false) {
        guard let sink, out.count >= Self.flushThreshold || (force && out.count > 0) else { return }
        flushedHash.combine(out.bytes)
        flushed += out.count
        sink.write(out.bytes)
        out.bytes.removeAll(keepingCapacity: true)
    }

    /// Writes the xref table and trailer and returns the finished file (§7.5.4, §7.5.5); with a sink,
    /// hands it the rest of the file and returns no bytes.
    ///
    /// - Parameters:
    ///   - root: the catalog.
    ///   - info: the document information dictionary, if any.
    ///   - fileID: the 16-byte `/ID` (both halves equal: the file is never updated incrementally).
    /// - Complexity: O(number of objects).
    public consuming func finish(root: PDFObjectID, info: PDFObjectID?, fileID: [UInt8]) -> [UInt8] {
        precondition(!offsets.contains(-1), "every allocated object must be written")
        let xrefOffset = count
        out.raw("xref\n0 ")
        out.int(offsets.count + 1)
        out.raw("\n0000000000 65535 f\r\n")
        for offset in offsets {
            var digits = PDFBytes(capacity: 10)
            digits.int(offset)
            for _ in digits.count..<10 { out.byte(0x30) }
            out.append(digits.bytes)
            out.raw(" 00000 n\r\n")
        }
        var trailer = PDFDictionary()
        trailer["Size"] = .int(offsets.count + 1)
        trailer["Root"] = .reference(root)
        if let info { trailer["Info"] = .reference(info) }
        trailer["ID"] = .array([.hexString(fileID), .hexString(fileID)])
        out.raw("trailer\n")
        trailer.write(to: &out)
        out.raw("\nstartxref\n")
        out.int(xrefOffset)
        out.raw("\n%%EOF\n")
        flushIfFull(force: true)
        return out.bytes
    }
}
