/// File names of documents written to a folder: safe for any account id.
public enum DocumentFileName {
    /// `<account id>_<YYYY-MM>.pdf`, the name of an account's receipt for a period (the dispatch reads
    /// exactly these names). Every Unicode scalar outside `[A-Za-z0-9._-]` becomes `_` (so no path
    /// separator, control character or space survives), and a leading `.` becomes `_` (no hidden file,
    /// no `..`). Two ids may map to one name (`a/b`, `a_b`): callers writing a folder check for that.
    public static func receipt(accountID: String, period: Period) -> String {
        safe(accountID + "_" + period.code) + ".pdf"
    }

    /// `text` with every scalar outside `[A-Za-z0-9._-]` and a leading dot replaced by `_`.
    public static func safe(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            let allowed = scalar.isASCII && (("A"..."Z").contains(scalar) || ("a"..."z").contains(scalar)
                || ("0"..."9").contains(scalar) || scalar == "." || scalar == "_" || scalar == "-")
            result.unicodeScalars.append(allowed ? scalar : "_")
        }
        if result.hasPrefix(".") { result = "_" + result.dropFirst() }
        return result
    }
}
