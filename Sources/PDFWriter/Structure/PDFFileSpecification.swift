/// A file specification dictionary for an embedded file (ISO 32000-1 §7.11.3, Table 44; `/AFRelationship`
/// from ISO 32000-2 §7.11.3 and ISO 19005-3 §6.8): `/Type /Filespec`, `/F`, `/UF`, `/EF` with `/F` and
/// `/UF`, `/AFRelationship`, `/Desc`.
public struct PDFFileSpecification: PDFStructure {
    /// The file name, written as both `/F` and `/UF`.
    public var fileName: String
    /// The embedded file stream (see ``PDFEmbeddedFile``).
    public var embeddedFile: PDFObjectID
    /// How the file relates to the document: `Data`, `Source`, `Alternative`, `Supplement` or
    /// `Unspecified`.
    public var relationship: String
    /// A description; left out when empty.
    public var description: String

    /// Creates a file specification.
    public init(fileName: String, embeddedFile: PDFObjectID, relationship: String, description: String = "") {
        self.fileName = fileName
        self.embeddedFile = embeddedFile
        self.relationship = relationship
        self.description = description
    }

    public var dictionary: PDFDictionary {
        var spec = PDFDictionary([
            "Type": .name("Filespec"),
            "F": .text(fileName),
            "UF": .text(fileName),
            "EF": .dictionary(PDFDictionary(["F": .reference(embeddedFile), "UF": .reference(embeddedFile)])),
            "AFRelationship": .name(relationship),
        ])
        if !description.isEmpty { spec["Desc"] = .text(description) }
        return spec
    }
}
