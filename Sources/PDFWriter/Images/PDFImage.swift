/// An image XObject (§8.9.5): 8-bit DeviceGray or DeviceRGB samples, optionally with a soft mask.
public struct PDFImage: Sendable, Hashable {
    /// Width in samples.
    public let width: Int
    /// Height in samples.
    public let height: Int
    /// Colour components per sample: 1 (gray) or 3 (RGB).
    public let components: Int
    /// Uncompressed samples, row by row, `width * components` bytes per row.
    public let samples: [UInt8]
    /// Optional alpha channel, `width` bytes per row, written as an `/SMask` (§11.6.5.3).
    public let alpha: [UInt8]?

    /// Creates an image from raw 8-bit samples.
    public init(width: Int, height: Int, components: Int, samples: [UInt8], alpha: [UInt8]? = nil) {
        precondition(components == 1 || components == 3)
        precondition(samples.count == width * height * components)
        precondition(alpha.map { $0.count == width * height } ?? true)
        self.width = width
        self.height = height
        self.components = components
        self.samples = samples
        self.alpha = alpha
    }

    func write(into file: inout PDFFile, id: PDFObjectID) {
        var softMask: PDFObjectID? = nil
        if let alpha {
            let maskID = file.allocate()
            file.writeStream(maskID, PDFImageXObject(width: width, height: height, colorSpace: "DeviceGray"), data: alpha)
            softMask = maskID
        }
        let image = PDFImageXObject(width: width, height: height, colorSpace: components == 1 ? "DeviceGray" : "DeviceRGB",
                                    softMask: softMask)
        file.writeStream(id, image, data: samples)
    }
}
