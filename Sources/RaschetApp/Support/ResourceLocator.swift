import Foundation

/// Finds the project's bundled folders (`Fixtures/`, `Fonts/`, `Templates/`) at run time, first
/// match wins: under `$RASCHET_HOME`; the current directory; the installed layout
/// `PREFIX/share/raschet/` beside `PREFIX/bin/raschet`; the executable's folder and its parents
/// (a build folder inside the checkout).
enum ResourceLocator {
    static func folder(_ name: String) -> String? {
        var roots: [String] = []
        if let home = ProcessInfo.processInfo.environment["RASCHET_HOME"] { roots.append(home) }
        roots.append(FileManager.default.currentDirectoryPath)
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        roots.append(directory.deletingLastPathComponent().appendingPathComponent("share/raschet").path)
        for _ in 0..<6 {
            roots.append(directory.path)
            directory = directory.deletingLastPathComponent()
        }
        var isDirectory: ObjCBool = false
        for root in roots {
            let candidate = (root as NSString).appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), isDirectory.boolValue {
                return candidate
            }
        }
        return nil
    }
}
