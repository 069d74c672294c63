import PDFWriter

extension LayoutDocument {
    /// Draws `table` at the cursor, left edge at `x` (default: the left margin).
    ///
    /// Rows are never split; a row that does not fit goes to the next page, where the header rows are
    /// drawn again, followed by its group's heading row (``Table/Row/groupHeading``). Cell text wraps
    /// within the cell; row height is the tallest cell.
    /// - Complexity: O(cells) shapings (cached).
    public func table(_ table: Table, x: Double? = nil, spaceAfter: Double = 0) {
        self.table(layOut(table), x: x, spaceAfter: spaceAfter)
    }

    /// Draws a table laid out by ``layOut(_:)`` as ``table(_:x:spaceAfter:)`` does.
    public func table(_ laid: LaidTable, x: Double? = nil, spaceAfter: Double = 0) {
        let left = x ?? geometry.left
        let headerHeight = laid.header.reduce(0) { $0 + $1.height }
        // Never leave a header alone at the bottom of a page.
        if let first = laid.rows.first, cursor + headerHeight + first.height > geometry.contentBottom, cursor > geometry.top {
            newPage()
        }
        drawRows(laid.header, table: laid.table, x: left)
        for (index, row) in laid.rows.enumerated() {
            if cursor + row.height > geometry.contentBottom {
                newPage()
                drawRows(laid.header, table: laid.table, x: left)
                if let heading = laid.table.rows[index].groupHeading, heading < index {
                    drawRows([laid.rows[heading]], table: laid.table, x: left)
                }
            }
            drawRows([row], table: laid.table, x: left)
        }
        cursor += spaceAfter
    }

    /// `table` with its cells broken into lines in this document's fonts, to measure and then draw.
    public func layOut(_ table: Table) -> LaidTable {
        LaidTable(table: table, header: table.header.map { layOut($0, in: table) }, rows: table.rows.map { layOut($0, in: table) })
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
            let style = cell.style ?? row.style ?? table.style
            let alignment = cell.alignment ?? table.columns[column].alignment
            let lines = cell.text.isEmpty ? [] : self.lines(cell.text, style: style, width: width - 2 * table.padding.horizontal,
                                                                       slot: cell.slot)
            cells.append(LaidTable.Cell(lines: lines, style: style, alignment: alignment, x: offset, width: width))
            height = max(height, Double(max(lines.count, 1)) * style.leading + 2 * table.padding.vertical)
            offset += width
            column += cell.columnSpan
        }
        return LaidTable.Row(cells: cells, height: height, fill: row.fill)
    }

    private func drawRows(_ rows: [LaidTable.Row], table: Table, x: Double) {
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
