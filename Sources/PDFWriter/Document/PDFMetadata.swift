/// Document information (§14.3.3) mirrored into XMP metadata (§14.3.2) for PDF/A.
public struct PDFMetadata: Sendable, Hashable {
    public var title: String
    public var author: String
    public var subject: String
    public var keywords: String
    public var creator: String
    public var producer: String
    /// The creation and modification date; injected, never read from a clock.
    public var creationDate: PDFDate

    /// Creates metadata; empty strings are left out of the file.
    public init(
        title: String = "", author: String = "", subject: String = "", keywords: String = "",
        creator: String = "Raschet", producer: String = "Raschet PDFWriter", creationDate: PDFDate
    ) {
        self.title = title
        self.author = author
        self.subject = subject
        self.keywords = keywords
        self.creator = creator
        self.producer = producer
        self.creationDate = creationDate
    }
}
