/// A file embedded in the document as an associated file (§7.11.4, §14.13; ISO 19005-3 §6.8).
public struct PDFAttachment: Sendable, Hashable {
    /// The file name shown by readers (`/F` and `/UF`).
    public var name: String
    /// The file contents.
    public var data: [UInt8]
    /// The MIME type, for example `text/xml`.
    public var mimeType: String
    /// A description (`/Desc`).
    public var description: String
    /// `/AFRelationship`: `Data`, `Source`, `Alternative`, `Supplement` or `Unspecified`.
    public var relationship: String

    /// Creates an attachment.
    public init(name: String, data: [UInt8], mimeType: String, description: String = "", relationship: String = "Data") {
        self.name = name
        self.data = data
        self.mimeType = mimeType
        self.description = description
        self.relationship = relationship
    }
}
