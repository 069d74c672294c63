/// A QR code symbol as a square grid of dark and light modules, without the quiet zone.
public struct QRMatrix: Sendable, Hashable {
    /// Modules per side (21 for version 1, 4 more per version).
    public let size: Int
    /// The QR version, 1...40.
    public let version: Int
    /// Row-major modules, `true` = dark; row 0 is the top.
    public let modules: [Bool]

    /// Creates a matrix from row-major modules.
    public init(size: Int, version: Int, modules: [Bool]) {
        precondition(modules.count == size * size)
        self.size = size
        self.version = version
        self.modules = modules
    }

    /// Whether the module at `row`, `column` (from the top left) is dark.
    public subscript(row: Int, column: Int) -> Bool { modules[row * size + column] }

    /// Horizontal runs of dark modules per row, `(row, column, length)`: what a vector drawing fills.
    /// - Complexity: O(size²).
    public var darkRuns: [(row: Int, column: Int, length: Int)] {
        var runs: [(row: Int, column: Int, length: Int)] = []
        for row in 0..<size {
            var column = 0
            while column < size {
                if modules[row * size + column] {
                    let start = column
                    while column < size && modules[row * size + column] { column += 1 }
                    runs.append((row, start, column - start))
                } else {
                    column += 1
                }
            }
        }
        return runs
    }

    /// Dark modules as rectangles: horizontal runs, merged downwards with identical runs (same column
    /// and length) in the rows below. Fewer, larger rectangles make a shorter content stream.
    /// - Complexity: O(size²).
    public var darkRectangles: [(row: Int, column: Int, width: Int, height: Int)] {
        var result: [(row: Int, column: Int, width: Int, height: Int)] = []
        // Open rectangles from the previous row, keyed by column (runs in a row never share a column).
        var open = [Int](repeating: -1, count: size)  // column -> index in result, or -1
        var nextOpen = [Int](repeating: -1, count: size)
        var currentRow: [(column: Int, length: Int)] = []
        var previousRow: [(column: Int, length: Int)] = []
        for row in 0..<size {
            currentRow.removeAll(keepingCapacity: true)
            var column = 0
            while column < size {
                if modules[row * size + column] {
                    let start = column
                    while column < size && modules[row * size + column] { column += 1 }
                    currentRow.append((start, column - start))
                } else {
                    column += 1
                }
            }
            for run in currentRow {
                let index = open[run.column]
                if index >= 0, result[index].width == run.length {
                    result[index].height += 1
                    nextOpen[run.column] = index
                } else {
                    result.append((row, run.column, run.length, 1))
                    nextOpen[run.column] = result.count - 1
                }
            }
            // Rectangles not continued by this row close: clear the previous row's entries, then make
            // this row's entries the open set.
            for run in previousRow { open[run.column] = -1 }
            swap(&open, &nextOpen)
            swap(&previousRow, &currentRow)
        }
        return result
    }
}
