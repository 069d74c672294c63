/// A resource dictionary (ISO 32000-1 §7.8.3, Table 33): `/ProcSet`, `/Font`, `/XObject`.
public struct PDFResources: PDFStructure {
    /// Fonts by resource name (`F1`, ...), in the order registered.
    public var fonts: [(name: String, id: PDFObjectID)]
    /// External objects (images) by resource name (`Im1`, ...), in the order registered.
    public var xObjects: [(name: String, id: PDFObjectID)]

    /// Creates a resource dictionary; empty font or XObject lists are left out.
    public init(fonts: [(name: String, id: PDFObjectID)] = [], xObjects: [(name: String, id: PDFObjectID)] = []) {
        self.fonts = fonts
        self.xObjects = xObjects
    }

    public var dictionary: PDFDictionary {
        // The full procedure set list (§14.2), obsolete but harmless and expected by old readers.
        var resources = PDFDictionary(["ProcSet": [.name("PDF"), .name("Text"), .name("ImageB"), .name("ImageC")]])
        if !fonts.isEmpty { resources["Font"] = Self.names(fonts) }
        if !xObjects.isEmpty { resources["XObject"] = Self.names(xObjects) }
        return resources
    }

    private static func names(_ entries: [(name: String, id: PDFObjectID)]) -> PDFValue {
        var dictionary = PDFDictionary()
        for (name, id) in entries { dictionary[name] = .reference(id) }
        return .dictionary(dictionary)
    }
}
