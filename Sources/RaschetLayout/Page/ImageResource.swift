/// An image embedded in a ``LayoutDocument``, drawn by name.
public struct ImageResource: Sendable, Hashable {
    /// The XObject resource name.
    public let name: String
    /// Pixel width.
    public let width: Int
    /// Pixel height.
    public let height: Int
}
