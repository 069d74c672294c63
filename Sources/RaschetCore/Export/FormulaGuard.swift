/// Keeps spreadsheet programs from running a CSV cell as a formula (OWASP "CSV injection"): a text
/// cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading apostrophe,
/// which Excel and LibreOffice show as text and do not print. Numbers (`-12.50`, `-3,5`) stay as
/// they are, so numeric columns remain numbers. The importer drops the apostrophe again
/// (`FormulaGuard.restored`), so a guarded file re-imports the original text.
public enum FormulaGuard {
    /// `cell`, with an apostrophe before it when a spreadsheet would take it for a formula.
    public static func neutralized(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first, isTrigger(first), !isNumber(cell) else { return cell }
        return "'" + cell
    }

    /// The text an imported cell stood for: a leading apostrophe before a formula trigger removed.
    public static func restored(_ cell: Substring) -> Substring {
        var scalars = cell.unicodeScalars
        guard scalars.first == "'" else { return cell }
        scalars.removeFirst()
        guard let next = scalars.first, isTrigger(next) else { return cell }
        return Substring(scalars)
    }

    /// Whether a cell starting with `scalar` could be taken for a formula.
    private static func isTrigger(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "=", "+", "-", "@", "\t", "\r": true
        default: false
        }
    }

    /// A plain decimal number: optional minus or plus, digits, at most one `.` or `,` followed by digits.
    private static func isNumber(_ cell: String) -> Bool {
        var digits = 0, separators = 0, index = 0
        for scalar in cell.unicodeScalars {
            defer { index += 1 }
            switch scalar {
            case "0"..."9": digits += 1
            case "-" where index == 0, "+" where index == 0: continue
            case ".", ",": separators += 1; if separators > 1 || digits == 0 { return false }
            default: return false
            }
        }
        return digits > 0 && cell.unicodeScalars.last.map { ("0"..."9").contains($0) } == true
    }
}
