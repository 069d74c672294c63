import Foundation
import RaschetTesting
import Testing

/// Where the settings come from (SPEC section 5): `--config FILE`, else `raschet.toml` in the
/// database's folder (not the working folder), else the defaults; each command reading settings
/// says which on standard error.
@Suite struct SettingsFileLocationTests {
    /// A scratch folder with the Fixtures imported into `books/f.sqlite`.
    static func booksDatabase() throws -> CLI {
        let cli = try CLI()
        return try cli.folder.removeOnError { () throws -> CLI in
            try FileManager.default.createDirectory(atPath: cli.path("books"), withIntermediateDirectories: true)
            #expect(try cli.run(["init", "--db", "books/f.sqlite"]).status == 0)
            #expect(try cli.run(["import", "auto", "--db", "books/f.sqlite"] + FixturesImportTests.csvFiles).status == 0)
            return cli
        }
    }

    /// A document that needs the organization's requisites says where they are missing: in the
    /// settings file named, or in no settings file at all (none where one was looked for).
    @Test func aDocumentWithoutTheOrganizationSaysWhichSettingsLackIt() throws {
        let cli = try Self.booksDatabase()
        defer { cli.remove() }
        #expect(try cli.run(["close", "2026-08", "--db", "books/f.sqlite"]).status == 0)
        let act = ["render", "act", "--account", "5102000003", "--from", "2026-08-01", "--to", "2026-08-31", "--out", "a.pdf",
                   "--db", "books/f.sqlite"]
        let none = try cli.run(act)
        #expect(none.status == 65)
        #expect(none.stderr == "raschet: no settings file (books/raschet.toml is not there, and no --config): statements need the "
            + "settlement center's requisites in [organization] (name, inn, bank_name, bic, corr_account, account)\n")
        try cli.write("books/raschet.toml", "[billing]\n")
        let empty = try cli.run(act)
        #expect(empty.stderr == "raschet: books/raschet.toml: organization: missing; statements need the settlement center's "
            + "requisites (name, inn, bank_name, bic, corr_account, account)\n")
        #expect(!FileManager.default.fileExists(atPath: cli.path("a.pdf")))
        // The statements and the dispatch name their settings as the close does.
        #expect(try cli.runWithNotice(act).stderr.hasPrefix("raschet: settings: books/raschet.toml\n"))
        let dispatch = try cli.runWithNotice(["dispatch", "--period", "2026-08", "--dry-run", "--db", "books/f.sqlite"])
        #expect(dispatch.stderr.hasPrefix("raschet: settings: books/raschet.toml\n"), "\(dispatch.stderr)")
    }

    /// A database and an export named by one letter, in the working folder: their folder is the
    /// working folder (Foundation on Linux traps on such a path's folder, `FilePathName`).
    @Test func aOneLetterDatabaseAndOutputAreInTheWorkingFolder() throws {
        let cli = try CLI()
        defer { cli.remove() }
        #expect(try cli.run(["init", "--db", "d"]).status == 0)
        #expect(try cli.run(["import", "auto", "--db", "d"] + FixturesImportTests.csvFiles).status == 0)
        try cli.write("raschet.toml", "[billing]\n")
        let close = try cli.runWithNotice(["close", "2026-08", "--db", "d"])
        #expect(close.status == 0, "\(close.stderr)")
        #expect(close.stderr.hasPrefix("raschet: settings: raschet.toml\n"), "\(close.stderr)")
        let export = try cli.run(["export", "balances", "--period", "2026-08", "--out", "b", "--format", "csv", "--db", "d"])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(String(decoding: try cli.bytes("b"), as: UTF8.self).hasPrefix("account;opening;charged;recalc;penalty;paid;closing\n"))
    }

    /// `init` refuses a path that names no file (exit 64): an empty one used to "create" a temporary
    /// database that vanished, and `x/` a file named `x`.
    @Test func initRefusesAPathThatNamesNoFile() throws {
        let cli = try CLI()
        defer { cli.remove() }
        for path in ["", "x/"] {
            let result = try cli.run(["init", "--db", path])
            #expect(result.status == 64)
            #expect(result.stderr == "raschet: --db \"\(path)\" names no file; give the database file's name, such as raschet.sqlite\n")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.directory.path) == [])
    }

    @Test func theSettingsNextToTheDatabaseAreUsedAndNamed() throws {
        let cli = try Self.booksDatabase()
        defer { cli.remove() }
        try cli.write("raschet.toml", "[billing]\nvat = [{ from = \"1900-01\", rate = 20 }]\n")
        try cli.write("books/raschet.toml", "[penalties]\nhousehld = [{ from_day = 1 }]\n")
        let result = try cli.runWithNotice(["close", "2026-08", "--db", "books/f.sqlite"])
        #expect(result.status == 65)
        #expect(result.stderr == "raschet: settings: books/raschet.toml\n"
            + "raschet: books/raschet.toml: penalties.househld: unknown key; expected one of: household, business, rate_caps, "
            + "moratoria (a typo must not silently keep a default)\n")
    }

    @Test func configOverridesTheFileNextToTheDatabase() throws {
        let cli = try Self.booksDatabase()
        defer { cli.remove() }
        try cli.write("books/raschet.toml", "[penalties]\nhousehld = [{ from_day = 1 }]\n")
        let result = try cli.runWithNotice(["close", "2026-08", "--db", "books/f.sqlite", "--config", CLI.fixture("raschet.toml")])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "raschet: settings: \(CLI.fixture("raschet.toml"))\n")
    }

    @Test func withoutAFileTheCommandSaysItUsesTheDefaults() throws {
        let cli = try Self.booksDatabase()
        defer { cli.remove() }
        let result = try cli.runWithNotice(["close", "2026-08", "--db", "books/f.sqlite", "--dry-run"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "raschet: settings: the legal defaults (no books/raschet.toml)\n")
    }

    @Test func anUnknownTopLevelTableIsAnErrorNamingIt() throws {
        let cli = try Self.booksDatabase()
        defer { cli.remove() }
        try cli.write("books/raschet.toml", "[organisation]\nname = \"ЕРЦ\"\n")
        let result = try cli.run(["close", "2026-08", "--db", "books/f.sqlite"])
        #expect(result.status == 65)
        #expect(result.stderr == "raschet: books/raschet.toml: organisation: unknown table; expected the tables [organization], "
            + "[billing], [penalties], [smtp] (a typo must not silently keep a default)\n")
    }
}
