@testable import RaschetLayout
import Testing

/// A table's borders as lines: worked out by hand for a header, a row spanning every column, two
/// plain rows and a subtotal row spanning the first two columns.
@Suite struct TableGridTests {
    @Test func rowsShareTheirTopsAndEdgesRunDownTheRowsThatHaveThem() {
        var grid = TableGrid()
        grid.add(top: 0, height: 5, edges: [0, 10, 20, 30])  // header
        grid.add(top: 5, height: 5, edges: [0, 30])          // a supplier's name across the table
        grid.add(top: 10, height: 5, edges: [0, 10, 20, 30])
        grid.add(top: 15, height: 5, edges: [0, 10, 20, 30])
        grid.add(top: 20, height: 5, edges: [0, 20, 30])     // a subtotal over the first two columns
        typealias Line = TableGrid.Line
        #expect(grid.lines(width: 1) == [
            // Each row's top and the last row's bottom, half the width past both sides.
            Line(x1: -0.5, y1: 0, x2: 30.5, y2: 0), Line(x1: -0.5, y1: 5, x2: 30.5, y2: 5),
            Line(x1: -0.5, y1: 10, x2: 30.5, y2: 10), Line(x1: -0.5, y1: 15, x2: 30.5, y2: 15),
            Line(x1: -0.5, y1: 20, x2: 30.5, y2: 20), Line(x1: -0.5, y1: 25, x2: 30.5, y2: 25),
            // The header's inner edges, stopped by the row across the table.
            Line(x1: 10, y1: -0.5, x2: 10, y2: 5.5), Line(x1: 20, y1: -0.5, x2: 20, y2: 5.5),
            // The plain rows' first inner edge, stopped by the subtotal.
            Line(x1: 10, y1: 9.5, x2: 10, y2: 20.5),
            // The sides, and the edge the subtotal shares, down to the bottom.
            Line(x1: 0, y1: -0.5, x2: 0, y2: 25.5), Line(x1: 20, y1: 9.5, x2: 20, y2: 25.5),
            Line(x1: 30, y1: -0.5, x2: 30, y2: 25.5),
        ])
        grid.removeAll()
        #expect(grid.isEmpty && grid.lines(width: 1).isEmpty)
    }
}
