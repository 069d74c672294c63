import Foundation
public import RaschetCore

/// The rows `--partial` refused, for a file next to their input, in a form that imports again once
/// corrected. A CSV input gets `FILE.rejected.csv`: its own columns followed by `source_line` and
/// `reason` (`;`-separated, UTF-8, RFC 4180 quoting); cells a spreadsheet would run as formulas get
/// a leading apostrophe (`FormulaGuard`), which the importer drops again. An XML input gets
/// `FILE.rejected.xml`: a `<raschet-data version="1">` document holding the refused row elements
/// as they came, each after a comment with its `source_line` and reason (comments are ignored on
/// import). The operator reads the reason: it is in the language of the locale.
public enum RejectedRowsWriter {
    /// The path the rejected rows of `file` go to.
    public static func path(for file: String) -> String {
        isXML(file) ? file + ".rejected.xml" : file + ".rejected.csv"
    }

    /// The file's bytes for the rejected rows of one input, their reasons in `language` (the app
    /// layer writes them to `path(for:)`, atomically and never through a symbolic link).
    /// - Parameter header: the CSV input's column names; nil for an XML input.
    public static func contents(_ rows: [RejectedRow], header: [String]?, language: Language) -> [UInt8] {
        guard let header else { return xml(rows, language: language) }
        // A rejected-rows file refused again: its old `source_line` and `reason` give way to the new ones.
        let columns = Array(ColumnLayout.dataColumns(header))
        var lines = [(columns + ColumnLayout.rejectedRowsColumns).map(quote).joined(separator: ";")]
        for row in rows {
            var cells = columns.map { name in row.record.value(named: name) ?? "" }
            cells += [String(row.record.line), reason(row, language)]
            lines.append(cells.map(quote).joined(separator: ";"))
        }
        return Array((lines.joined(separator: "\n") + "\n").utf8)
    }

    private static func isXML(_ file: String) -> Bool { file.lowercased().hasSuffix(".xml") }

    /// The refused elements in their collections, in the order they were read.
    private static func xml(_ rows: [RejectedRow], language: Language) -> [UInt8] {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<raschet-data version=\"1\">\n"
        var open: EntityKind?
        for row in rows {
            guard let kind = row.kind else { continue }
            let element = kind.rowElementName
            if open != kind {
                if let open { out += "  </\(open.name)>\n" }
                out += "  <\(kind.name)>\n"
                open = kind
            }
            out += "    <!-- source_line \(row.record.line): \(commentText(reason(row, language))) -->\n"
            out += "    <" + element
            for (name, value) in zip(row.record.names, row.record.values) {
                out += " \(name)=\""
                XMLEscaping.append(value, to: &out)
                out += "\""
            }
            out += "/>\n"
        }
        if let open { out += "  </\(open.name)>\n" }
        return Array((out + "</raschet-data>\n").utf8)
    }

    /// A comment's text: XML forbids `--` inside a comment, a `-` at its end and the characters
    /// `XMLEscaping` does not allow (U+FFFD stands for them).
    private static func commentText(_ text: String) -> String {
        var out = String(String.UnicodeScalarView(text.unicodeScalars.map { XMLEscaping.isAllowed($0) ? $0 : "\u{FFFD}" }))
        while out.contains("--") { out = out.replacingOccurrences(of: "--", with: "- -") }
        return out.hasSuffix("-") ? out + " " : out
    }

    private static func reason(_ row: RejectedRow, _ language: Language) -> String {
        Message.joined(row.reasons.map { .inColumn($0.column, $0.message) }).text(in: language)
    }

    /// RFC 4180 quoting of a formula-neutralized cell (`FormulaGuard`; the importer undoes it).
    private static func quote(_ value: String) -> String {
        let cell = FormulaGuard.neutralized(value)
        guard cell.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
