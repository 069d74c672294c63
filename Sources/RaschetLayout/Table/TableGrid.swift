/// The borders of a table's rows drawn one after another on a page, as lines: along each row's top and
/// the last row's bottom, and down each cell edge as far as the rows below share it. Stroked at once,
/// the lines cover what stroking each cell's rectangle covered (each line runs half the border width
/// past its ends, as a rectangle's corners do), in about half the bytes: rows share their tops and
/// bottoms, and most edges run down several rows.
struct TableGrid {
    /// A segment from (`x1`, `y1`) to (`x2`, `y2`), in layout coordinates (from the page's top).
    struct Line: Equatable {
        let x1: Double, y1: Double, x2: Double, y2: Double
    }

    private var rows: [(top: Double, bottom: Double, edges: [Double])] = []

    /// Whether no row was added since the grid was made or emptied.
    var isEmpty: Bool { rows.isEmpty }

    /// Adds a row from `top` to `top + height` whose cells' edges are `edges`, left to right (the row's
    /// left and right sides included); it follows the previous row, whose bottom is its top.
    mutating func add(top: Double, height: Double, edges: [Double]) {
        rows.append((top, top + height, edges))
    }

    /// Forgets the rows (the next ones start a new page).
    mutating func removeAll() { rows.removeAll(keepingCapacity: true) }

    /// The lines of the rows' borders `width` wide: the horizontal ones top to bottom, then the
    /// vertical ones in the order their runs end, left to right within a row.
    func lines(width: Double) -> [Line] {
        let half = width / 2
        var result: [Line] = []
        var previous: (left: Double, right: Double)?
        for row in rows {
            guard let left = row.edges.first, let right = row.edges.last else { continue }
            // The line between two rows covers both rows' extents.
            let from = min(left, previous?.left ?? left), to = max(right, previous?.right ?? right)
            result.append(Line(x1: from - half, y1: row.top, x2: to + half, y2: row.top))
            previous = (left, right)
        }
        if let last = rows.last, let previous {
            result.append(Line(x1: previous.left - half, y1: last.bottom, x2: previous.right + half, y2: last.bottom))
        }
        // Runs of each edge down consecutive rows: (edge, top of the run).
        var open: [(edge: Double, top: Double)] = []
        for row in rows {
            var next: [(edge: Double, top: Double)] = []
            for run in open {
                if row.edges.contains(where: { Self.same($0, run.edge) }) {
                    next.append(run)
                } else {
                    result.append(Line(x1: run.edge, y1: run.top - half, x2: run.edge, y2: row.top + half))
                }
            }
            for edge in row.edges where !open.contains(where: { Self.same($0.edge, edge) }) {
                next.append((edge, row.top))
            }
            open = next.sorted { $0.edge < $1.edge }
        }
        if let last = rows.last {
            for run in open { result.append(Line(x1: run.edge, y1: run.top - half, x2: run.edge, y2: last.bottom + half)) }
        }
        return result
    }

    /// Whether two edges are the same (sums of the same column widths, up to rounding).
    private static func same(_ a: Double, _ b: Double) -> Bool { abs(a - b) < 1e-6 }
}
