/// The dictionary of an image XObject (ISO 32000-1 §8.9.5, Table 89): `/Type /XObject`,
/// `/Subtype /Image`, `/Width`, `/Height`, `/ColorSpace`, `/BitsPerComponent`, `/SMask` (§11.6.5.3).
public struct PDFImageXObject: PDFStructure {
    /// Width in samples.
    public var width: Int
    /// Height in samples.
    public var height: Int
    /// A device colour space name: `DeviceGray` or `DeviceRGB`.
    public var colorSpace: String
    /// Bits per colour component.
    public var bitsPerComponent: Int
    /// A soft-mask image (itself a `DeviceGray` image XObject), if any.
    public var softMask: PDFObjectID?

    /// Creates the dictionary of an image.
    public init(width: Int, height: Int, colorSpace: String, bitsPerComponent: Int = 8, softMask: PDFObjectID? = nil) {
        self.width = width
        self.height = height
        self.colorSpace = colorSpace
        self.bitsPerComponent = bitsPerComponent
        self.softMask = softMask
    }

    public var dictionary: PDFDictionary {
        var image = PDFDictionary([
            "Type": .name("XObject"),
            "Subtype": .name("Image"),
            "Width": .int(width),
            "Height": .int(height),
            "ColorSpace": .name(colorSpace),
            "BitsPerComponent": .int(bitsPerComponent),
        ])
        if let softMask { image["SMask"] = .reference(softMask) }
        return image
    }
}
