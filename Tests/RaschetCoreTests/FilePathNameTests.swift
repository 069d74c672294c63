import RaschetCore
import Testing

/// A path's folder as Foundation's `deletingLastPathComponent` names it, for the paths on which
/// Foundation on Linux traps too (one character, no folder).
@Suite struct FilePathNameTests {
    @Test(arguments: [
        ("b", ""), (".", ""), ("x/", ""), ("ab", ""), ("raschet.sqlite", ""),
        ("a/b", "a"), ("a/b/", "a"), ("a//b", "a"), ("./b", "."), ("../db/r.sqlite", "../db"),
        ("/b", "/"), ("//b", "/"), ("/", "/"), ("/tmp/w/r.sqlite", "/tmp/w"), ("", ""),
    ])
    func theFolderOfAPath(path: String, folder: String) {
        #expect(FilePathName.folder(of: path) == folder)
    }
}
