import PDFWriter

extension LayoutDocument {
    /// Draws `table` at the cursor, left edge at `x` (default: the left margin).
    ///
    /// Rows are never split; a row that does not fit goes to the next page, where the header rows are
    /// drawn again, followed by its group's heading row (``Table/Row/groupHeading``). Cell text wraps
    /// within the cell; row height is the tallest cell.
    /// - Complexity: O(cells) shapings (cached per document).
    public func table(_ table: Table, x: Double? = nil, spaceAfter: Double = 0) {
        let left = x ?? geometry.left
        let header = table.header.map { layout($0, in: table) }
        let headerHeight = header.reduce(0) { $0 + $1.height }
        let rows = table.rows.map { layout($0, in: table) }
        // Never leave a header alone at the bottom of a page.
        if let first = rows.first, cursor + headerHeight + first.height > geometry.contentBottom, cursor > geometry.top {
            newPage()
        }
        drawRows(header, table: table, x: left)
        for (index, laid) in rows.enumerated() {
            if cursor + laid.height > geometry.contentBottom {
                newPage()
                drawRows(header, table: table, x: left)
                if let heading = table.rows[index].groupHeading, heading < index {
                    drawRows([rows[heading]], table: table, x: left)
                }
            }
            drawRows([laid], table: table, x: left)
        }
        cursor += spaceAfter
    }

    private struct LaidCell {
        let lines: [TextLine]
        let style: TextStyle
        let alignment: TextAlignment
        let x: Double
        let width: Double
    }

    private struct LaidRow {
        let cells: [LaidCell]
        let height: Double
        let fill: PDFColor?
    }

    private func layout(_ row: Table.Row, in table: Table) -> LaidRow {
        var cells: [LaidCell] = []
        var column = 0
        var offset = 0.0
        var height = 0.0
        for cell in row.cells {
            precondition(column + cell.columnSpan <= table.columns.count, "row has more cells than columns")
            let width = table.columns[column..<(column + cell.columnSpan)].reduce(0) { $0 + $1.width }
            let style = cell.style ?? row.style ?? table.style
            let alignment = cell.alignment ?? table.columns[column].alignment
            let lines = cell.text.isEmpty ? [] : self.lines(cell.text, style: style, width: width - 2 * table.padding.horizontal)
            cells.append(LaidCell(lines: lines, style: style, alignment: alignment, x: offset, width: width))
            height = max(height, Double(max(lines.count, 1)) * style.leading + 2 * table.padding.vertical)
            offset += width
            column += cell.columnSpan
        }
        return LaidRow(cells: cells, height: height, fill: row.fill)
    }

    private func drawRows(_ rows: [LaidRow], table: Table, x: Double) {
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
            if table.borderWidth > 0 {
                strokeSetup(width: table.borderWidth, color: table.borderColor)
                for cell in row.cells {
                    appendRectangle(x: x + cell.x, y: cursor, width: cell.width, height: row.height)
                }
                strokePath()
            }
            cursor += row.height
        }
    }
}
