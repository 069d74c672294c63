import Foundation
import RaschetTesting
import Testing

/// `raschet.toml`: the billing tables and thresholds are settings, checked and named on error.
@Suite struct SettingsTests {
    static let csvFiles = FixturesImportTests.csvFiles

    func fixturesDatabase() throws -> CLI {
        let cli = try CLI()
        #expect(try cli.run(["init"]).status == 0)
        #expect(try cli.run(["import", "auto"] + Self.csvFiles).status == 0)
        return cli
    }

    @Test func theVATTableComesFromTheSettings() throws {
        let cli = try fixturesDatabase()
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
        #expect(try lawful.run(["close", "2026-08"]).status == 0)
        #expect(try lawful.run(["close", "2026-09"]).stdout.contains(", penalty 0.00, "))

        let strict = try fixturesDatabase()
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

    @Test(arguments: [
        ("[billing]\nvat = [{ from = \"1900-01\", rate = 20.5 }]\n",
         "raschet.toml: billing.vat[1].rate: must be a non-negative whole number or a decimal in quotes, for example \"9.5\" (no floats: rates are exact)"),
        ("[penalties]\nhousehld = [{ from_day = 1 }]\n",
         "raschet.toml: penalties.househld: unknown key; expected one of: household, business, rate_caps, moratoria (a typo must not silently keep a default)"),
        ("[billing]\ndue_day = [{ from = \"2026-13\", day = 15 }]\n",
         "raschet.toml: billing.due_day[1].from: must be a period in quotes, \"YYYY-MM\""),
        ("[billing]\nreading_window_from = 26\nreading_window_to = 25\n",
         "raschet.toml: billing.reading_window_from: the reading window 26..25 must run forward: first day <= last day"),
    ])
    func aBadSettingIsNamedByKeyAndNothingIsClosed(toml: String, message: String) throws {
        let cli = try fixturesDatabase()
        try cli.write("raschet.toml", toml)
        let result = try cli.run(["close", "2026-08"])
        #expect(result.status == 65)
        #expect(result.stderr == "raschet: " + message + "\n")
    }
}
