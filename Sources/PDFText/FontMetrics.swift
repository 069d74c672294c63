/// Font-wide metrics read with FreeType, in font units (divide by ``unitsPerEm``).
public struct FontMetrics: Sendable, Hashable {
    public let unitsPerEm: Int
    public let ascender: Int
    public let descender: Int
    /// Recommended distance between baselines (`height` in FreeType).
    public let lineGap: Int
    public let capHeight: Int
    /// `xMin, yMin, xMax, yMax`.
    public let boundingBox: (Int, Int, Int, Int)
    public let italicAngle: Double
    public let isBold: Bool
    public let isItalic: Bool
    public let glyphCount: Int
    public let postScriptName: String

    public static func == (lhs: FontMetrics, rhs: FontMetrics) -> Bool {
        lhs.postScriptName == rhs.postScriptName && lhs.unitsPerEm == rhs.unitsPerEm && lhs.glyphCount == rhs.glyphCount
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(postScriptName)
        hasher.combine(glyphCount)
    }
}
