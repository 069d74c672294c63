/// File names of documents written to a folder: safe for any account id, and one name per id.
public enum DocumentFileName {
    /// `<account id>_<YYYY-MM>.pdf`, the name of an account's receipt for a period (the dispatch reads
    /// exactly these names), the id written with ``safe(_:)``: no two accounts share a file.
    public static func receipt(accountID: String, period: Period) -> String {
        safe(accountID) + "_" + period.code + ".pdf"
    }

    /// `text` with `[A-Za-z0-9.-]` kept, `_` doubled, and every other Unicode scalar (and a leading
    /// `.`) written `_` and its code in six hex digits, so that no path separator, control character,
    /// space or hidden name survives and two texts never give one name: `ЛС 12/3` →
    /// `_00041B_000421_00002012_00002F3`, `a_b` → `a__b`, `..` → `_00002E.`.
    public static func safe(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            let kept = scalar.isASCII && (("A"..."Z").contains(scalar) || ("a"..."z").contains(scalar)
                || ("0"..."9").contains(scalar) || scalar == "-" || (scalar == "." && !result.isEmpty))
            if kept {
                result.unicodeScalars.append(scalar)
            } else if scalar == "_" {
                result += "__"
            } else {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result += "_" + String(repeating: "0", count: 6 - hex.count) + hex
            }
        }
        return result
    }
}
