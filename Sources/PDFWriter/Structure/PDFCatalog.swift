/// The document catalog (ISO 32000-1 §7.7.2, Table 28): `/Type /Catalog`, `/Pages`, `/Metadata`
/// (§14.3.2), `/OutputIntents` (§14.11.5), `/Names` with the `/EmbeddedFiles` name tree (§7.7.4,
/// §7.9.6) and `/AF`, the associated files (ISO 32000-2 §14.13; ISO 19005-3 §6.8).
public struct PDFCatalog: PDFStructure {
    /// The root of the page tree.
    public var pages: PDFObjectID
    /// The XMP metadata stream, if any.
    public var metadata: PDFObjectID?
    /// Output intents, written inline; left out when empty.
    public var outputIntents: [PDFOutputIntent]
    /// The embedded files name tree as one leaf: file names, sorted by their bytes as §7.9.6 requires,
    /// and their file specifications. Left out when empty.
    public var embeddedFiles: [(name: String, specification: PDFObjectID)]
    /// File specifications associated with the whole document; left out when empty.
    public var associatedFiles: [PDFObjectID]

    /// Creates a catalog.
    public init(pages: PDFObjectID, metadata: PDFObjectID? = nil, outputIntents: [PDFOutputIntent] = [],
                embeddedFiles: [(name: String, specification: PDFObjectID)] = [], associatedFiles: [PDFObjectID] = []) {
        self.pages = pages
        self.metadata = metadata
        self.outputIntents = outputIntents
        self.embeddedFiles = embeddedFiles
        self.associatedFiles = associatedFiles
    }

    public var dictionary: PDFDictionary {
        var catalog = PDFDictionary(["Type": .name("Catalog"), "Pages": .reference(pages)])
        if let metadata { catalog["Metadata"] = .reference(metadata) }
        if !outputIntents.isEmpty { catalog["OutputIntents"] = .array(outputIntents.map { .dictionary($0.dictionary) }) }
        if !embeddedFiles.isEmpty {
            let leaf = PDFDictionary(["Names": .array(embeddedFiles.flatMap { [PDFValue.text($0.name), .reference($0.specification)] })])
            catalog["Names"] = .dictionary(PDFDictionary(["EmbeddedFiles": .dictionary(leaf)]))
        }
        if !associatedFiles.isEmpty { catalog["AF"] = .array(associatedFiles.map { .reference($0) }) }
        return catalog
    }
}
