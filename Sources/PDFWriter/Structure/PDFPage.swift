/// A page object (ISO 32000-1 §7.7.3.3, Table 30): `/Type /Page`, `/Parent`, `/MediaBox`,
/// `/Resources`, `/Contents`.
public struct PDFPage: PDFStructure {
    /// The page tree node the page belongs to.
    public var parent: PDFObjectID
    /// The page width in points; the media box is `[0 0 width height]`.
    public var width: Double
    /// The page height in points.
    public var height: Double
    /// The resource dictionary (shared by all pages of a ``PDFDocument``).
    public var resources: PDFObjectID
    /// The content stream.
    public var contents: PDFObjectID

    /// Creates a page object.
    public init(parent: PDFObjectID, width: Double, height: Double, resources: PDFObjectID, contents: PDFObjectID) {
        self.parent = parent
        self.width = width
        self.height = height
        self.resources = resources
        self.contents = contents
    }

    public var dictionary: PDFDictionary {
        PDFDictionary([
            "Type": .name("Page"),
            "Parent": .reference(parent),
            "MediaBox": [0, 0, .real(width), .real(height)],
            "Resources": .reference(resources),
            "Contents": .reference(contents),
        ])
    }
}
