import Foundation
public import RaschetCore

/// The rows `--partial` refused, for a file next to their input, in a form that imports again once
/// corrected. A CSV input gets `FILE.rejected.csv`: its own columns followed by `source_line` and
/// `reason` (`;`-separated, UTF-8, RFC 4180 quoting); cells a spreadsheet would run as formulas get
/// a leading apostrophe (`FormulaGuard`), which the importer drops again. An XML input gets
/// `FILE.rejected.xml`: a `<raschet-data version="1">` document holding the refused row elements
/// as they came, each after a comment with its `source_line` and reason (comments are ignored on
/// import). The operator reads the reason: it is in the language of the locale. The rows come one
/// at a time (`RejectedRowsOutput`): the bytes are made row by row, for a file written as they come.
public struct RejectedRowsWriter {
    /// The path the rejected rows of `file` go to.
    public static func path(for file: String) -> String {
        isXML(file) ? file + ".rejected.xml" : file + ".rejected.csv"
    }

    /// The CSV input's data columns (its header without an earlier `source_line` and `reason`); nil
    /// for an XML input.
    private let columns: [String]?
    private let language: Language
    /// The XML collection whose element was written last.
    private var openCollection: EntityKind?

    /// A writer of the rejected rows of `file`, whose first refused row is `first` (a CSV row names
    /// its file's header), their reasons in `language`.
    public init(file: String, first: RejectedRow, language: Language) {
        // A rejected-rows file refused again: its old `source_line` and `reason` give way to the new ones.
        columns = Self.isXML(file) ? nil : Array(ColumnLayout.dataColumns(first.record.names))
        self.language = language
    }

    /// The file's first bytes: the CSV header line, or the XML declaration and root element.
    public func opening() -> [UInt8] {
        guard let columns else { return Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<raschet-data version=\"1\">\n".utf8) }
        return Self.line(columns + ColumnLayout.rejectedRowsColumns)
    }

    /// The bytes of one refused row, after those of the rows before it.
    public mutating func bytes(of row: RejectedRow) -> [UInt8] {
        guard let columns else { return Array(xmlElement(row).utf8) }
        var cells = columns.map { name in row.record.value(named: name) ?? "" }
        cells += [String(row.record.line), reason(row)]
        return Self.line(cells)
    }

    /// The file's last bytes: for XML, the end of the open collection and of the root element.
    public func closing() -> [UInt8] {
        guard columns == nil else { return [] }
        return Array(((openCollection.map { "  </\($0.name)>\n" } ?? "") + "</raschet-data>\n").utf8)
    }

    private static func isXML(_ file: String) -> Bool { file.lowercased().hasSuffix(".xml") }

    /// A refused element, in its collection (closing the one before when it is another).
    private mutating func xmlElement(_ row: RejectedRow) -> String {
        guard let kind = row.kind else { return "" }
        var out = ""
        if openCollection != kind {
            if let openCollection { out += "  </\(openCollection.name)>\n" }
            out += "  <\(kind.name)>\n"
            openCollection = kind
        }
        out += "    <!-- source_line \(row.record.line): \(Self.commentText(reason(row))) -->\n"
        out += "    <" + kind.rowElementName
        for (name, value) in zip(row.record.names, row.record.values) {
            out += " \(name)=\""
            XMLEscaping.append(value, to: &out)
            out += "\""
        }
        return out + "/>\n"
    }

    /// A comment's text: XML forbids `--` inside a comment, a `-` at its end and the characters
    /// `XMLEscaping` does not allow (U+FFFD stands for them).
    private static func commentText(_ text: String) -> String {
        var out = String(String.UnicodeScalarView(text.unicodeScalars.map { XMLEscaping.isAllowed($0) ? $0 : "\u{FFFD}" }))
        while out.contains("--") { out = out.replacingOccurrences(of: "--", with: "- -") }
        return out.hasSuffix("-") ? out + " " : out
    }

    private func reason(_ row: RejectedRow) -> String {
        Message.joined(row.reasons.map { .inColumn($0.column, $0.message) }).text(in: language)
    }

    /// A CSV line of `cells`, each formula-neutralized (`FormulaGuard`; the importer undoes it) and
    /// quoted as RFC 4180 says when it holds `;`, `"`, LF or CR.
    private static func line(_ cells: [String]) -> [UInt8] {
        var out: [UInt8] = []
        for (index, value) in cells.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ";")) }
            let cell = FormulaGuard.neutralized(value).utf8
            guard cell.contains(where: { $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) else {
                out.append(contentsOf: cell)
                continue
            }
            out.append(UInt8(ascii: "\""))
            for byte in cell {
                out.append(byte)
                if byte == UInt8(ascii: "\"") { out.append(byte) }
            }
            out.append(UInt8(ascii: "\""))
        }
        out.append(0x0A)
        return out
    }
}
