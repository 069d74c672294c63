/// The parts of a file path named by the user (`--db`, `--out`, `--batch`).
public enum FilePathName {
    /// The folder of `path`, as `NSString.deletingLastPathComponent` gives it (`a/b` → `a`, `/b` → `/`,
    /// `b` → empty), without its trap: Foundation on Linux stops the program on a one-character path
    /// with no folder (`--db x`, `--out .`).
    public static func folder(of path: String) -> String {
        var path = Substring(path)
        while path.count > 1, path.hasSuffix("/") { path = path.dropLast() }
        guard let slash = path.lastIndex(of: "/") else { return "" }
        var folder = path[..<slash]
        while folder.hasSuffix("/") { folder = folder.dropLast() }
        return folder.isEmpty ? "/" : String(folder)
    }
}
