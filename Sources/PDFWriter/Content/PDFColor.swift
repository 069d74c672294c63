/// A DeviceRGB colour with components in 0...1 (§8.6.4.3).
public struct PDFColor: Sendable, Hashable {
    public var red: Double
    public var green: Double
    public var blue: Double

    /// Creates a colour from components in 0...1.
    public init(red: Double, green: Double, blue: Double) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// Creates a grey.
    public init(gray: Double) { self.init(red: gray, green: gray, blue: gray) }

    public static let black = PDFColor(gray: 0)
    public static let white = PDFColor(gray: 1)
}
