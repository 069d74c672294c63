/// One data row read from a CSV line or an XML element, before it is typed: its cells' bytes as
/// read, so that numbers, dates and codes are decoded from the bytes and only text becomes a string.
public struct SourceRecord: Sendable {
    /// 1-based line where the row (CSV) or element (XML) starts.
    public var line: Int
    /// The cells' column names in source order: a CSV file's header (every row shares the one
    /// array), an XML element's attributes. Empty CSV cells are present with an empty value.
    public var names: [String]
    /// The row's UTF-8 bytes: a CSV line as read (a quoted cell with `""` made `"` in place), or the
    /// values one after another.
    private var bytes: [UInt8]
    /// Where each cell lies in `bytes`, in source order.
    private var cells: [Range<Int>]

    /// A record of `values`, named by `names` (one name per value).
    public init(line: Int, names: [String], values: [String]) {
        var bytes: [UInt8] = []
        var cells: [Range<Int>] = []
        cells.reserveCapacity(values.count)
        for value in values {
            let start = bytes.count
            bytes.append(contentsOf: value.utf8)
            cells.append(start..<bytes.count)
        }
        self.init(line: line, names: names, bytes: bytes, cells: cells)
    }

    /// A record of cells already laid out as `bytes` and `cells` describe (the CSV reader's).
    init(line: Int, names: [String], bytes: [UInt8], cells: [Range<Int>]) {
        self.line = line
        self.names = names
        self.bytes = bytes
        self.cells = cells
    }

    /// The number of cells.
    public var count: Int { cells.count }

    /// Whether cell `index` is empty.
    func isEmpty(_ index: Int) -> Bool { cells[index].isEmpty }

    /// `body` of the bytes of cell `index`.
    func withCell<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let range = cells[index]
        return try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// The text of cell `index`.
    public func value(at index: Int) -> String {
        withCell(index) { String(decoding: $0, as: UTF8.self) }
    }

    /// Every cell's text, in source order.
    public var values: [String] { (0..<count).map(value(at:)) }

    /// The value of the cell named `name`, nil when the record has no such cell.
    public func value(named name: String) -> String? {
        names.prefix(count).firstIndex(of: name).map(value(at:))
    }

    /// Appends the record as `init(decoding:at:)` reads it back: its line, then its cells, each its
    /// name and its value, with their lengths (`RecordSpool`).
    func encode(into out: inout [UInt8]) {
        RecordSpool.appendInteger(line, to: &out)
        RecordSpool.appendInteger(count, to: &out)
        for index in 0..<count {
            let name = (index < names.count ? names[index] : "").utf8
            RecordSpool.appendInteger(name.count, to: &out)
            out.append(contentsOf: name)
            RecordSpool.appendInteger(cells[index].count, to: &out)
            out.append(contentsOf: bytes[cells[index]])
        }
    }

    /// The record `encode(into:)` wrote at `position` in `encoded`, moving past it.
    init(decoding encoded: [UInt8], at position: inout Int) {
        let line = RecordSpool.readInteger(encoded, &position)
        let count = RecordSpool.readInteger(encoded, &position)
        var names: [String] = []
        var bytes: [UInt8] = []
        var cells: [Range<Int>] = []
        names.reserveCapacity(count)
        cells.reserveCapacity(count)
        for _ in 0..<count {
            let nameLength = RecordSpool.readInteger(encoded, &position)
            names.append(String(decoding: encoded[position..<position + nameLength], as: UTF8.self))
            position += nameLength
            let valueLength = RecordSpool.readInteger(encoded, &position)
            let start = bytes.count
            bytes += encoded[position..<position + valueLength]
            cells.append(start..<bytes.count)
            position += valueLength
        }
        self.init(line: line, names: names, bytes: bytes, cells: cells)
    }
}
