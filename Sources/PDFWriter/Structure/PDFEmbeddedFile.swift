/// The dictionary of an embedded file stream (ISO 32000-1 §7.11.4, Tables 45 and 46):
/// `/Type /EmbeddedFile`, `/Subtype` (the MIME type as a name), `/Params` with `/ModDate` and `/Size`.
public struct PDFEmbeddedFile: PDFStructure {
    /// The MIME type, for example `text/xml` (written as the name `/text#2Fxml`).
    public var mimeType: String
    /// The file's modification date.
    public var modificationDate: PDFDate
    /// The uncompressed size in bytes.
    public var size: Int

    /// Creates the dictionary of an embedded file.
    public init(mimeType: String, modificationDate: PDFDate, size: Int) {
        self.mimeType = mimeType
        self.modificationDate = modificationDate
        self.size = size
    }

    public var dictionary: PDFDictionary {
        PDFDictionary([
            "Type": .name("EmbeddedFile"),
            "Subtype": .name(mimeType),
            "Params": .dictionary(PDFDictionary([
                "ModDate": .string(Array(modificationDate.pdfString.utf8)),
                "Size": .int(size),
            ])),
        ])
    }
}
