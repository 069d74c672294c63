/// An output intent dictionary (ISO 32000-1 §14.11.5, Table 365): `/Type /OutputIntent`, `/S`,
/// `/OutputConditionIdentifier`, `/Info`, `/DestOutputProfile`.
public struct PDFOutputIntent: PDFStructure {
    /// The subtype `/S`; PDF/A uses `GTS_PDFA1` (ISO 19005-3 §6.2.3).
    public var subtype: String
    /// The output condition, for example `sRGB IEC61966-2.1`.
    public var outputConditionIdentifier: String
    /// A human-readable description of the condition.
    public var info: String
    /// The ICC profile stream (see ``PDFICCProfile``).
    public var destinationProfile: PDFObjectID

    /// Creates an output intent.
    public init(subtype: String = "GTS_PDFA1", outputConditionIdentifier: String, info: String,
                destinationProfile: PDFObjectID) {
        self.subtype = subtype
        self.outputConditionIdentifier = outputConditionIdentifier
        self.info = info
        self.destinationProfile = destinationProfile
    }

    public var dictionary: PDFDictionary {
        PDFDictionary([
            "Type": .name("OutputIntent"),
            "S": .name(subtype),
            "OutputConditionIdentifier": .text(outputConditionIdentifier),
            "Info": .text(info),
            "DestOutputProfile": .reference(destinationProfile),
        ])
    }
}
