import PDFText
import PDFWriter

extension LayoutDocument {
    /// Draws `table` at the cursor, left edge at `x` (default: the left margin).
    ///
    /// Rows are never split; a row that does not fit goes to the next page, where the header rows are
    /// drawn again, followed by its group's heading row (``Table/Row/groupHeading``), or the row that
    /// stands for it there (``Table/continuedHeadings``). Cell text wraps
    /// within the cell between words; a word wider than its cell (a long number) is drawn smaller to
    /// fit, down to ``minimumFittedScale`` of its size, and split between characters only beyond that.
    /// Row height is the tallest cell.
    /// - Complexity: O(cells) shapings (cached).
    public func table(_ table: Table, x: Double? = nil, spaceAfter: Double = 0) {
        self.table(layOut(table), x: x, spaceAfter: spaceAfter)
    }

    /// Draws a table laid out by ``layOut(_:)`` as ``table(_:x:spaceAfter:)`` does. The borders of the
    /// rows on a page are stroked together once their fills and texts are drawn (``TableGrid``).
    public func table(_ laid: LaidTable, x: Double? = nil, spaceAfter: Double = 0) {
        let left = x ?? geometry.left
        let headerHeight = laid.header.reduce(0) { $0 + $1.height }
        // Never leave a header alone at the bottom of a page.
        if let first = laid.rows.first, cursor + headerHeight + first.height > geometry.contentBottom, cursor > geometry.top {
            newPage()
        }
        var grid = TableGrid()
        drawRows(laid.header, table: laid.table, x: left, grid: &grid)
        for (index, row) in laid.rows.enumerated() {
            if cursor + row.height > geometry.contentBottom {
                strokeBorders(&grid, table: laid.table)
                newPage()
                drawRows(laid.header, table: laid.table, x: left, grid: &grid)
                if let heading = laid.table.rows[index].groupHeading, heading < index {
                    drawRows([laid.continuedHeadings[heading] ?? laid.rows[heading]], table: laid.table, x: left, grid: &grid)
                }
            }
            drawRows([row], table: laid.table, x: left, grid: &grid)
        }
        strokeBorders(&grid, table: laid.table)
        cursor += spaceAfter
    }

    /// `table` with its cells broken into lines in this document's fonts, to measure and then draw.
    public func layOut(_ table: Table) -> LaidTable {
        LaidTable(table: table, header: table.header.map { layOut($0, in: table) }, rows: table.rows.map { layOut($0, in: table) },
                  continuedHeadings: table.continuedHeadings.mapValues { layOut($0, in: table) })
    }

    private func layOut(_ row: Table.Row, in table: Table) -> LaidTable.Row {
        var cells: [LaidTable.Cell] = []
        cells.reserveCapacity(row.cells.count)
        var column = 0
        var offset = 0.0
        var height = 0.0
        for cell in row.cells {
            precondition(column + cell.columnSpan <= table.columns.count, "row has more cells than columns")
            let width = table.columns[column..<(column + cell.columnSpan)].reduce(0) { $0 + $1.width }
            var style = cell.style ?? row.style ?? table.style
            let alignment = cell.alignment ?? table.columns[column].alignment
            let inner = width - 2 * table.padding.horizontal
            var lines = cell.text.isEmpty ? [] : self.lines(cell.text, style: style, width: inner, slot: cell.slot)
            if lines.contains(where: \.endsInsideWord), let fitted = fittedStyle(cell.text, style: style, width: inner) {
                style = fitted
                lines = self.lines(cell.text, style: fitted, width: inner)
            }
            cells.append(LaidTable.Cell(lines: lines, style: style, alignment: alignment, x: offset, width: width))
            height = max(height, Double(max(lines.count, 1)) * style.leading + 2 * table.padding.vertical)
            offset += width
            column += cell.columnSpan
        }
        return LaidTable.Row(cells: cells, height: height, fill: row.fill)
    }

    /// The least share of its style's size a cell's text is drawn at to keep its widest word whole.
    public static let minimumFittedScale = 0.75

    /// `style` at the size (in hundredths of a point, rounded down) at which the widest word of `text`
    /// fits `width` (a word the line breaker split); nil when that size is under
    /// ``minimumFittedScale`` of the style's.
    private func fittedStyle(_ text: String, style: TextStyle, width: Double) -> TextStyle? {
        var widest = 0.0
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            widest = max(widest, shaped(String(word), face: style.font).width(size: style.size))
        }
        guard widest > width, width / widest >= Self.minimumFittedScale else { return nil }
        return style.withSize((style.size * width / widest * 100).rounded(.down) / 100)
    }

    /// Draws the fills and texts of `rows` at the cursor, and adds their borders to `grid`.
    private func drawRows(_ rows: [LaidTable.Row], table: Table, x: Double, grid: inout TableGrid) {
        for row in rows {
            if let fill = row.fill {
                setFill(fill)
                appendRectangle(x: x, y: cursor, width: table.width, height: row.height)
                fillPath()
            }
            for cell in row.cells {
                drawLines(cell.lines, style: cell.style, x: x + cell.x + table.padding.horizontal,
                          top: cursor + table.padding.vertical, width: cell.width - 2 * table.padding.horizontal,
                          alignment: cell.alignment)
            }
            if table.borderWidth > 0, let last = row.cells.last {
                grid.add(top: cursor, height: row.height, edges: row.cells.map { x + $0.x } + [x + last.x + last.width])
            }
            cursor += row.height
        }
    }

    /// Strokes the borders in `grid` and empties it.
    private func strokeBorders(_ grid: inout TableGrid, table: Table) {
        guard !grid.isEmpty else { return }
        strokeSetup(width: table.borderWidth, color: table.borderColor)
        for line in grid.lines(width: table.borderWidth) {
            appendLine(x1: line.x1, y1: line.y1, x2: line.x2, y2: line.y2)
        }
        strokePath()
        grid.removeAll()
    }
}
