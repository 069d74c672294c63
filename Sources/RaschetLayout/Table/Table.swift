public import PDFWriter

/// A table: fixed column widths, optional header rows repeated on every page, bordered cells.
public struct Table: Sendable {
    /// A column: its width in points and the default alignment of its cells.
    public struct Column: Sendable, Hashable {
        public var width: Double
        public var alignment: TextAlignment

        public init(width: Double, alignment: TextAlignment = .left) {
            self.width = width
            self.alignment = alignment
        }
    }

    /// One cell; `nil` properties fall back to the row's, then the table's.
    public struct Cell: Sendable {
        public var text: String
        public var style: TextStyle?
        public var alignment: TextAlignment?
        public var columnSpan: Int
        /// For a text that is the same in every document (a heading, a label), the caller's number for
        /// it: its lines are then kept and found by that number (``LayoutDocument/lines(_:style:width:slot:)``).
        public var slot: Int?

        public init(_ text: String, style: TextStyle? = nil, alignment: TextAlignment? = nil, columnSpan: Int = 1,
                    slot: Int? = nil) {
            precondition(columnSpan >= 1)
            self.text = text
            self.style = style
            self.alignment = alignment
            self.columnSpan = columnSpan
            self.slot = slot
        }
    }

    /// A row: cells spanning all columns, an optional background and style.
    public struct Row: Sendable {
        public var cells: [Cell]
        public var fill: PDFColor?
        public var style: TextStyle?
        /// The index in ``Table/rows`` of the heading row of the group this row belongs to (a supplier's
        /// name above its services): when the table continues on a new page from this row, that heading
        /// is drawn again under the repeated header. Nil: none.
        public var groupHeading: Int?

        public init(_ cells: [Cell], fill: PDFColor? = nil, style: TextStyle? = nil) {
            self.cells = cells
            self.fill = fill
            self.style = style
        }

        /// A row of plain texts, one per column.
        public init(texts: [String], fill: PDFColor? = nil, style: TextStyle? = nil) {
            self.init(texts.map { Cell($0) }, fill: fill, style: style)
        }
    }

    public var columns: [Column]
    /// Rows drawn at the top of the table and again on every page it continues on.
    public var header: [Row]
    public var rows: [Row]
    /// By the index in ``rows`` of a group's heading (``Row/groupHeading``): the row drawn in its place
    /// when the group continues on a new page (a heading with figures, repeated as it is, would read
    /// as a second entry: «… (продолжение)»). None: the heading itself is repeated.
    public var continuedHeadings: [Int: Row] = [:]
    /// The default text style.
    public var style: TextStyle
    /// Horizontal and vertical cell padding in points.
    public var padding: (horizontal: Double, vertical: Double)
    /// Border line width in points; 0 draws no borders.
    public var borderWidth: Double
    public var borderColor: PDFColor

    /// Creates a table.
    public init(columns: [Column], header: [Row] = [], rows: [Row], style: TextStyle,
                padding: (horizontal: Double, vertical: Double) = (2.8, 1.5),
                borderWidth: Double = 0.5, borderColor: PDFColor = .black) {
        self.columns = columns
        self.header = header
        self.rows = rows
        self.style = style
        self.padding = padding
        self.borderWidth = borderWidth
        self.borderColor = borderColor
    }

    /// The total width of the columns.
    public var width: Double { columns.reduce(0) { $0 + $1.width } }
}
