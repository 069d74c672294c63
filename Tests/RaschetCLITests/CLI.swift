import Foundation
import RaschetTesting

/// Runs the built `raschet` binary as a user would, in a scratch folder, and captures its output.
struct CLI {
    /// The package's root folder (tests read `Fixtures/` from the source tree).
    static let packageRoot = ExternalTool.packageRoot

    /// The binary: `$RASCHET_BIN`, or the one SwiftPM built next to the test bundle.
    static let binary: URL = {
        if let path = ProcessInfo.processInfo.environment["RASCHET_BIN"] { return URL(fileURLWithPath: path) }
        var directory = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("raschet")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/raschet")
    }()

    /// A fresh empty folder for one test, removed by `remove()`.
    let folder: TemporaryFolder

    /// The scratch folder's URL.
    var directory: URL { folder.url }

    /// Makes the scratch folder; the test removes it when it ends: `defer { cli.remove() }`.
    init() throws {
        folder = try TemporaryFolder("raschet-cli")
    }

    /// Removes the scratch folder and everything the test and the binary wrote in it.
    func remove() { folder.remove() }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    static func fixture(_ name: String) -> String { packageRoot.appendingPathComponent("Fixtures").appendingPathComponent(name).path }

    /// Writes a file into the scratch folder and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try Data(text.utf8).write(to: directory.appendingPathComponent(name))
        return path(name)
    }

    @discardableResult
    func write(_ name: String, bytes: [UInt8]) throws -> String {
        try Data(bytes).write(to: directory.appendingPathComponent(name))
        return path(name)
    }

    /// Runs `raschet ARGS` in the scratch folder; standard error without the line saying which
    /// settings file the command uses (`SettingsNoticeTests` checks that line with `runWithNotice`).
    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> ExternalTool.Result {
        let result = try runWithNotice(arguments, environment: environment)
        let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, first.hasPrefix("raschet: settings: ") || first.hasPrefix("raschet: настройки: ") else {
            return result
        }
        return ExternalTool.Result(status: result.status, stdout: result.stdout, stderr: lines.dropFirst().joined(separator: "\n"))
    }

    /// Runs `raschet ARGS` in the scratch folder, standard error as it is.
    /// Runs with `RASCHET_TODAY=2026-11-20` unless `environment` sets it: the Fixtures' months stay
    /// within the first close's one-year window whatever the date the tests run on. Runs in an English
    /// locale (`englishLocale`) unless `environment` sets the locale variables.
    func runWithNotice(_ arguments: [String], environment: [String: String] = [:]) throws -> ExternalTool.Result {
        try ExternalTool.run(executable: Self.binary, arguments: arguments, directory: directory,
                             environment: Self.englishLocale.merging(["RASCHET_TODAY": "2026-11-20"]) { $1 }
                                .merging(environment) { $1 })
    }

    /// The locale the tests run the binary in unless they choose one: English, whatever the machine's
    /// (`LC_ALL` and `LC_MESSAGES` empty, which counts as unset, so a test's `LANG` decides).
    static let englishLocale = ["LC_ALL": "", "LC_MESSAGES": "", "LANG": "en_US.UTF-8"]

    /// A Russian locale, for the tests that read the Russian messages.
    static let russianLocale = ["LANG": "ru_RU.UTF-8"]

    /// The bytes of a file in the scratch folder.
    func bytes(_ name: String) throws -> Data { try Data(contentsOf: directory.appendingPathComponent(name)) }
}
