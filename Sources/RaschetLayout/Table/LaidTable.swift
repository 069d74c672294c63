import PDFWriter

/// A ``Table`` laid out in a document's fonts: every cell broken into lines and every row's height
/// known (``LayoutDocument/layOut(_:)``), so that a table measured before it is drawn breaks its texts
/// once.
public struct LaidTable {
    struct Cell {
        let lines: [TextLine]
        let style: TextStyle
        let alignment: TextAlignment
        let x: Double
        let width: Double
    }

    struct Row {
        let cells: [Cell]
        let height: Double
        let fill: PDFColor?
    }

    let table: Table
    let header: [Row]
    let rows: [Row]
    /// ``Table/continuedHeadings`` laid out.
    let continuedHeadings: [Int: Row]

    /// The height of the header and every row, drawn on one page.
    public var height: Double {
        header.reduce(0) { $0 + $1.height } + rows.reduce(0) { $0 + $1.height }
    }
}
