/// One kind of PDF object with its own small typed writer: the kind's key names, their order and
/// their value types live in its type, never at the call site (the way typst's pdf-writer gives each
/// object kind a writer of its own).
///
/// A conforming type holds the entries as Swift values and produces its dictionary in a fixed key
/// order, so output stays a pure function of the values. Stream kinds produce the stream dictionary
/// without `/Length` and `/Filter`, which ``PDFFile`` adds when it writes the payload.
public protocol PDFStructure: Sendable {
    /// The object's dictionary, keys in the order the writer fixes.
    var dictionary: PDFDictionary { get }
}

extension PDFFile {
    /// Writes a typed object as indirect object `id`.
    public mutating func write(_ id: PDFObjectID, _ object: some PDFStructure) {
        write(id, object.dictionary)
    }

    /// Writes a typed stream object as `id` (§7.3.8); see ``writeStream(_:_:data:allowCompression:)``.
    public mutating func writeStream(_ id: PDFObjectID, _ object: some PDFStructure, data: [UInt8],
                                     allowCompression: Bool = true) {
        writeStream(id, object.dictionary, data: data, allowCompression: allowCompression)
    }

    /// Writes a typed stream object whose payload is already Flate-compressed; see
    /// ``writeCompressedStream(_:_:payload:)``.
    public mutating func writeCompressedStream(_ id: PDFObjectID, _ object: some PDFStructure, payload: [UInt8]) {
        writeCompressedStream(id, object.dictionary, payload: payload)
    }
}
