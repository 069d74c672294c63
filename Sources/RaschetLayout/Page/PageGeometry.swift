/// Page size and margins in points (1/72 inch).
public struct PageGeometry: Sendable, Hashable {
    public var width: Double
    public var height: Double
    public var top: Double
    public var right: Double
    public var bottom: Double
    public var left: Double

    /// Creates a geometry.
    public init(width: Double, height: Double, top: Double, right: Double, bottom: Double, left: Double) {
        self.width = width
        self.height = height
        self.top = top
        self.right = right
        self.bottom = bottom
        self.left = left
    }

    /// Points per millimetre.
    public static let pointsPerMillimetre = 72 / 25.4

    /// A4 portrait (210 x 297 mm) with equal margins given in millimetres.
    public static func a4(marginMillimetres margin: Double) -> PageGeometry {
        let m = margin * pointsPerMillimetre
        return PageGeometry(width: 210 * pointsPerMillimetre, height: 297 * pointsPerMillimetre,
                            top: m, right: m, bottom: m, left: m)
    }

    /// The width between the margins.
    public var contentWidth: Double { width - left - right }

    /// The y (from the top) where content must end.
    public var contentBottom: Double { height - bottom }
}
