/// A line printed at the bottom of every page once the page count is known ("Страница 2 из 5").
public struct PageFooter: Sendable {
    /// The style of the footer text.
    public var style: TextStyle
    /// The alignment within the content width.
    public var alignment: TextAlignment
    /// Makes the text from the page number (1-based) and the page count.
    public var text: @Sendable (_ page: Int, _ count: Int) -> String

    /// Creates a footer; the default text is «Страница N из M».
    public init(style: TextStyle, alignment: TextAlignment = .center,
                text: @escaping @Sendable (Int, Int) -> String = { "Страница \($0) из \($1)" }) {
        self.style = style
        self.alignment = alignment
        self.text = text
    }
}
