/// The document information dictionary (ISO 32000-1 §14.3.3, Table 317): `/Title`, `/Author`,
/// `/Subject`, `/Keywords`, `/Creator`, `/Producer`, `/CreationDate`, `/ModDate`.
public struct PDFDocumentInfo: PDFStructure {
    /// The values; empty strings are left out, both dates are the metadata's creation date.
    public var metadata: PDFMetadata

    /// Creates the information dictionary of `metadata`.
    public init(_ metadata: PDFMetadata) { self.metadata = metadata }

    public var dictionary: PDFDictionary {
        var info = PDFDictionary()
        let texts: [(key: String, value: String)] = [
            ("Title", metadata.title), ("Author", metadata.author), ("Subject", metadata.subject),
            ("Keywords", metadata.keywords), ("Creator", metadata.creator), ("Producer", metadata.producer),
        ]
        for (key, value) in texts where !value.isEmpty { info[key] = .text(value) }
        let date = PDFValue.string(Array(metadata.creationDate.pdfString.utf8))
        info["CreationDate"] = date
        info["ModDate"] = date
        return info
    }
}
