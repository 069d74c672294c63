/// The dictionary of a metadata stream (ISO 32000-1 §14.3.2, Table 315): `/Type /Metadata`,
/// `/Subtype /XML`. The payload is an XMP packet, written uncompressed so it stays findable.
public struct PDFMetadataStream: PDFStructure {
    /// Creates the dictionary.
    public init() {}

    public var dictionary: PDFDictionary { PDFDictionary(["Type": .name("Metadata"), "Subtype": .name("XML")]) }
}
