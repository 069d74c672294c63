import Foundation
import RaschetTesting
import Testing

/// `raschet.toml`: the billing tables and thresholds are settings, checked and named on error.
@Suite struct SettingsTests {
    static let csvFiles = FixturesImportTests.csvFiles

    func fixturesDatabase() throws -> CLI {
        let cli = try CLI()
        return try cli.folder.removeOnError { () throws -> CLI in
            #expect(try cli.run(["init"]).status == 0)
            #expect(try cli.run(["import", "auto"] + Self.csvFiles).status == 0)
            return cli
        }
    }

    @Test func theVATTableComesFromTheSettings() throws {
        let cli = try fixturesDatabase()
        defer { cli.remove() }
        try cli.write("raschet.toml", """
            [billing]
            vat = [{ from = "1900-01", rate = 20 }]

            """)
        #expect(try cli.run(["close", "2026-08"]).status == 0)
        let charges = try cli.run(["export", "charges", "--period", "2026-08", "--account", "4102470118"])
        #expect(charges.stdout.contains("\"service\":\"HVS\""))
        #expect(charges.stdout.contains("\"vat_rate\":\"20\""))
        #expect(!charges.stdout.contains("\"vat_rate\":\"22\""))
    }

    @Test func penaltyTiersAndDueDaysComeFromTheSettings() throws {
        // By law nothing accrues in the first 30 days of delay, so the 2026-09 close of the Fixtures
        // has no penalty; with 1/300 from day 1 and bills due on the 1st, non-payers owe some.
        let lawful = try fixturesDatabase()
        defer { lawful.remove() }
        #expect(try lawful.run(["close", "2026-08"]).status == 0)
        #expect(try lawful.run(["close", "2026-09"]).stdout.contains(", penalty 0.00, "))

        let strict = try fixturesDatabase()
        defer { strict.remove() }
        try strict.write("raschet.toml", """
            [billing]
            due_day = [{ from = "1900-01", day = 1 }]

            [penalties]
            household = [{ from_day = 1, divisor = 300 }]
            business = [{ from_day = 1, divisor = 300 }]

            """)
        #expect(try strict.run(["close", "2026-08"]).status == 0)
        let september = try strict.run(["close", "2026-09"])
        #expect(september.status == 0, "\(september.stderr)")
        #expect(!september.stdout.contains(", penalty 0.00, "))
    }

    /// Every key and message is tested in `RaschetSettingsTests`; this one checks that the binary
    /// reports a bad key in its one error form, with exit 65, and closes nothing.
    @Test func aBadSettingIsNamedByKeyAndNothingIsClosed() throws {
        let cli = try fixturesDatabase()
        defer { cli.remove() }
        try cli.write("raschet.toml", "[penalties]\nhousehld = [{ from_day = 1 }]\n")
        let result = try cli.run(["close", "2026-08"])
        #expect(result.status == 65)
        #expect(result.stderr == "raschet: raschet.toml: penalties.househld: unknown key; expected one of: household, business, rate_caps, "
            + "moratoria (a typo must not silently keep a default)\n")
        #expect(try cli.run(["export", "charges", "--period", "2026-08"]).status == 65, "the period is not closed")
    }

    /// A settings file saved in windows-1251 would put garbled names on numbered receipts and in the
    /// QR code: it is refused, naming the line, and nothing is closed.
    @Test func aSettingsFileNotInUTF8IsRefusedNamingTheLine() throws {
        let cli = try fixturesDatabase()
        defer { cli.remove() }
        let cp1251Name: [UInt8] = [0xC5, 0xD0, 0xD6]   // «ЕРЦ» in windows-1251
        _ = try cli.folder.write("raschet.toml", bytes: Array("[organization]\n".utf8) + Array("name = \"".utf8) + cp1251Name
                                     + Array("\"\ninn = \"3525417791\"\n".utf8))
        let result = try cli.run(["close", "2026-08"], environment: CLI.russianLocale)
        #expect(result.status == 65)
        #expect(result.stderr == "raschet: raschet.toml: строка 2 не в кодировке UTF-8 (windows-1251?); сохраните файл в UTF-8\n")
        #expect(try cli.run(["export", "charges", "--period", "2026-08"]).status == 65, "the period is not closed")
    }

    @Test func aMissingSettingsFileIsMissingInput() throws {
        let cli = try fixturesDatabase()
        defer { cli.remove() }
        let result = try cli.run(["close", "2026-08", "--config", "nowhere.toml"])
        #expect(result.status == 66)
        #expect(result.stderr == "raschet: nowhere.toml: cannot read the settings file; check that it is a readable file (the path given to --config, or raschet.toml next to the database)\n")
    }
}
