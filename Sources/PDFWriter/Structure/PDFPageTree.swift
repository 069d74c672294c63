/// The root page tree node (ISO 32000-1 §7.7.3.2, Table 29): `/Type /Pages`, `/Kids`, `/Count`.
///
/// The writer keeps the tree flat: every page is a kid of the root.
public struct PDFPageTree: PDFStructure {
    /// The pages, in order.
    public var kids: [PDFObjectID]

    /// Creates a flat page tree over `kids`.
    public init(kids: [PDFObjectID]) { self.kids = kids }

    public var dictionary: PDFDictionary {
        PDFDictionary([
            "Type": .name("Pages"),
            "Kids": .array(kids.map { .reference($0) }),
            "Count": .int(kids.count),
        ])
    }
}
