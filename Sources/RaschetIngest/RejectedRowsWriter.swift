import Foundation
public import RaschetCore

/// The rows `--partial` refused, for a file next to their input: `FILE.rejected.csv`, in the input's
/// own columns followed by `source_line` and `reason` (`;`-separated, UTF-8, RFC 4180 quoting).
/// XML inputs get the columns `entity;source_line;reason;attributes`. The operator reads the `reason`:
/// it is in the language of the locale (the column names stay, for re-import). Cells a spreadsheet would run
/// as formulas get a leading apostrophe (`FormulaGuard`), which the importer drops again.
public enum RejectedRowsWriter {
    /// The path the rejected rows of `file` go to.
    public static func path(for file: String) -> String { file + ".rejected.csv" }

    /// The file's bytes for the rejected rows of one input, their reasons in `language` (the app
    /// layer writes them to `path(for:)`, atomically and never through a symbolic link).
    public static func contents(_ rows: [RejectedRow], header: [String]?, language: Language) -> [UInt8] {
        var lines: [String] = []
        if let header {
            lines.append((header + ["source_line", "reason"]).map(quote).joined(separator: ";"))
            for row in rows {
                var cells = header.map { name in row.record.fields.first { $0.name == name }?.value ?? "" }
                cells += [String(row.record.line), reason(row, language)]
                lines.append(cells.map(quote).joined(separator: ";"))
            }
        } else {
            lines.append(["entity", "source_line", "reason", "attributes"].joined(separator: ";"))
            for row in rows {
                let attributes = row.record.fields.map { "\($0.name)=\($0.value)" }.joined(separator: " ")
                lines.append([row.kind?.name ?? "", String(row.record.line), reason(row, language), attributes].map(quote).joined(separator: ";"))
            }
        }
        return Array((lines.joined(separator: "\n") + "\n").utf8)
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
