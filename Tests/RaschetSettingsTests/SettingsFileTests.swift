import Foundation
import RaschetCore
@testable import RaschetSettings
import Testing

/// `raschet.toml` read into `Settings`: every key, the defaults, and each error naming file and key.
@Suite struct SettingsFileTests {
    @Test func anEmptyFileGivesTheLegalDefaultsAndNoOrganization() throws {
        let settings = try SettingsFile.parse("", file: "raschet.toml")
        #expect(settings == Settings())
        #expect(settings.billingRules == .legalDefaults)
        #expect(settings.organization == nil)
    }

    @Test func noFileAndNoPathGivesTheDefaults() throws {
        // The test runs in a folder without raschet.toml (the package root has none).
        #expect(!FileManager.default.fileExists(atPath: SettingsFile.defaultName))
        #expect(try SettingsFile.load(nil) == Settings())
    }

    @Test func aNamedFileThatDoesNotExistIsMissingInput() {
        #expect(throws: SettingsError(file: "/nowhere/raschet.toml",
                                      message: .settingsUnreadable,
                                      fileIsMissing: true)) {
            try SettingsFile.load("/nowhere/raschet.toml")
        }
        let error = SettingsError(file: "x.toml", message: .settingMissing, fileIsMissing: true)
        #expect(error.exitStatus == .missingInput)
        #expect(SettingsError(file: "x.toml", key: "billing.vat", message: .settingMissing).exitStatus == .badData)
    }

    @Test func theOrganizationIsReadKeyByKey() throws {
        let settings = try SettingsFile.parse("""
            [organization]
            name = "ООО «ЕРЦ»"
            full_name = "Общество «ЕРЦ»"
            inn = "3525417791"
            kpp = "352501001"
            bank_name = "ПАО СБЕРБАНК"
            bic = "041909644"
            corr_account = "30101810900000000644"
            account = "40702810912000034517"
            address = "г. Вологда"
            phone = "+7 (8172) 55-21-40"
            email = "info@erc.ru"
            """, file: "raschet.toml")
        #expect(settings.organization == Organization(
            name: "ООО «ЕРЦ»", fullName: "Общество «ЕРЦ»", inn: "3525417791", kpp: "352501001", bankName: "ПАО СБЕРБАНК",
            bic: "041909644", correspondentAccount: "30101810900000000644", account: "40702810912000034517",
            address: "г. Вологда", phone: "+7 (8172) 55-21-40", email: "info@erc.ru"))
    }

    @Test func theOptionalOrganizationKeysMayBeLeftOut() throws {
        let settings = try SettingsFile.parse("""
            [organization]
            name = "ЕРЦ"
            inn = "3525417791"
            bank_name = "Банк"
            bic = "041909644"
            corr_account = "30101810900000000644"
            account = "40702810912000034517"
            """, file: "raschet.toml")
        #expect(settings.organization == Organization(name: "ЕРЦ", inn: "3525417791", bankName: "Банк", bic: "041909644",
                                                      correspondentAccount: "30101810900000000644",
                                                      account: "40702810912000034517"))
    }

    @Test func everyBillingKeyIsRead() throws {
        let settings = try SettingsFile.parse("""
            [billing]
            reading_window_from = 10
            reading_window_to = 20
            average_months = 12
            minimum_average_months = 2
            maximum_estimated_periods = 0
            absence_minimum_days = 7
            recalc_lookback_months = 24
            review_consumption_factor = "2.5"
            reading_jump_factor = 25
            vat = [{ from = "1900-01", rate = 18 }, { from = "2019-01", rate = "20" }]
            due_day = [{ from = "1900-01", day = 10 }, { from = "2026-02", day = 25 }]
            """, file: "raschet.toml")
        var expected = BillingRules.legalDefaults
        expected.readingWindow = ReadingWindow(firstDay: 10, lastDay: 20)
        expected.averageMonths = 12
        expected.minimumAverageMonths = 2
        expected.maximumEstimatedPeriods = 0
        expected.absenceMinimumExcludedDays = 7
        expected.recalcLookbackMonths = 24
        expected.reviewConsumptionFactor = try #require(ExactDecimal(parsing: "2.5"))
        expected.readingJumpFactor = ExactDecimal(25)
        expected.vatRates = PeriodTable([.init(from: try #require(Period(parsing: "1900-01")), value: ExactDecimal(18)),
                                         .init(from: try #require(Period(parsing: "2019-01")), value: ExactDecimal(20))])
        expected.dueDays = PeriodTable([.init(from: try #require(Period(parsing: "1900-01")), value: 10),
                                        .init(from: try #require(Period(parsing: "2026-02")), value: 25)])
        #expect(settings.billingRules == expected)
    }

    @Test func everyPenaltyKeyIsRead() throws {
        let settings = try SettingsFile.parse("""
            [penalties]
            household = [{ from_day = 1, divisor = 300 }]
            business = [{ from_day = 1 }, { from_day = 11, divisor = 130 }]
            rate_caps = [{ from = "2022-02-28", to = "2022-12-31", cap = "9.5" }]
            moratoria = [{ from = "2020-04-06", to = "2021-01-01" }]
            """, file: "raschet.toml")
        var expected = BillingRules.legalDefaults
        expected.penaltyTiers[.household] = PenaltyTierTable([.init(fromDay: 1, divisor: 300)])
        expected.penaltyTiers[.business] = PenaltyTierTable([.init(fromDay: 1, divisor: nil), .init(fromDay: 11, divisor: 130)])
        let capFrom = try #require(CivilDate(parsing: "2022-02-28")), capTo = try #require(CivilDate(parsing: "2022-12-31"))
        expected.penaltyRateCaps = [PenaltyRateCap(dates: capFrom...capTo, cap: try #require(ExactDecimal(parsing: "9.5")))]
        expected.penaltyMoratoria = [try #require(CivilDate(parsing: "2020-04-06"))...(try #require(CivilDate(parsing: "2021-01-01")))]
        #expect(settings.billingRules == expected)
    }

    @Test func aKeyThatIsLeftOutKeepsItsLegalDefault() throws {
        let settings = try SettingsFile.parse("[billing]\nreading_window_to = 28\n", file: "raschet.toml")
        var expected = BillingRules.legalDefaults
        expected.readingWindow = ReadingWindow(firstDay: BillingRules.legalDefaults.readingWindow.firstDay, lastDay: 28)
        #expect(settings.billingRules == expected)
    }

    @Test func theBundledFixturesSettingsAreValid() throws {
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures/raschet.toml").path
        let settings = try SettingsFile.load(fixtures)
        #expect(settings.organization?.inn == "3525417791")
        #expect(settings.billingRules.readingWindow == ReadingWindow(firstDay: 15, lastDay: 25))
    }

    @Test(arguments: [
        ("[billing]\nvat = [{ from = \"1900-01\", rate = 20.5 }]\n",
         "raschet.toml: billing.vat[1].rate: must be a non-negative whole number or a decimal in quotes, for example \"9.5\" (no floats: rates are exact)"),
        ("[billing]\nvat = [{ from = \"1900-01\" }]\n",
         "raschet.toml: billing.vat[1].rate: must be a non-negative whole number or a decimal in quotes, for example \"9.5\" (no floats: rates are exact)"),
        ("[billing]\nreview_consumption_factor = -3\n",
         "raschet.toml: billing.review_consumption_factor: must be a non-negative whole number or a decimal in quotes, for example \"9.5\" (no floats: rates are exact)"),
        ("[penalties]\nhousehld = [{ from_day = 1 }]\n",
         "raschet.toml: penalties.househld: unknown key; expected one of: household, business, rate_caps, moratoria (a typo must not silently keep a default)"),
        ("[billing]\nreading_window = 15\n",
         "raschet.toml: billing.reading_window: unknown key; expected one of: reading_window_from, reading_window_to, average_months, minimum_average_months, maximum_estimated_periods, absence_minimum_days, recalc_lookback_months, review_consumption_factor, reading_jump_factor, vat, due_day (a typo must not silently keep a default)"),
        ("[billing]\ndue_day = [{ from = \"2026-13\", day = 15 }]\n",
         "raschet.toml: billing.due_day[1].from: \"2026-13\" is no month of the calendar; write a period that exists, \"YYYY-MM\""),
        ("[billing]\ndue_day = [{ from = \"2026-1\", day = 15 }]\n",
         "raschet.toml: billing.due_day[1].from: must be a period in quotes, \"YYYY-MM\""),
        ("[billing]\ndue_day = [{ from = \"1900-01\", day = 10 }, { from = \"1900-01\", day = 15 }]\n",
         "raschet.toml: billing.due_day[2].from: 1900-01 is given twice; keep one row per period"),
        ("[billing]\ndue_day = [{ from = \"1900-01\", day = 32 }]\n",
         "raschet.toml: billing.due_day[1].day: must be a day of the month, 1 to 31"),
        ("[billing]\ndue_day = []\n",
         "raschet.toml: billing.due_day: must have at least one row (leave the key out for the legal default)"),
        ("[billing]\nvat = 20\n",
         "raschet.toml: billing.vat: must be an array of tables, for example [{ ... }, { ... }]"),
        ("[billing]\nvat = [20]\n",
         "raschet.toml: billing.vat[1]: must be a table { ... }"),
        ("[billing]\nreading_window_from = 26\nreading_window_to = 25\n",
         "raschet.toml: billing.reading_window_from: the reading window 26..25 must run forward: first day <= last day"),
        ("[billing]\nreading_window_to = 32\n",
         "raschet.toml: billing.reading_window_to: must be a whole number from 1 to 31"),
        ("[billing]\naverage_months = 2\nminimum_average_months = 3\n",
         "raschet.toml: billing.minimum_average_months: must not exceed average_months (2)"),
        ("[billing]\nmaximum_estimated_periods = 25\n",
         "raschet.toml: billing.maximum_estimated_periods: must be a whole number from 0 to 24"),
        ("[billing]\nabsence_minimum_days = \"5\"\n",
         "raschet.toml: billing.absence_minimum_days: must be a whole number from 0 to 31"),
        ("[billing]\nrecalc_lookback_months = 121\n",
         "raschet.toml: billing.recalc_lookback_months: must be a whole number from 0 to 120"),
        ("[penalties]\nhousehold = [{ divisor = 300 }]\n",
         "raschet.toml: penalties.household[1].from_day: must be a day of delay from 1 to 100000"),
        ("[penalties]\nbusiness = [{ from_day = 1, divisor = 0 }]\n",
         "raschet.toml: penalties.business[1].divisor: must be a whole number from 1 to 1000, the daily share 1/divisor of the rate (leave it out for no penalty)"),
        ("[penalties]\nbusiness = [{ from_day = 1, divisor = 1000000000000 }]\n",
         "raschet.toml: penalties.business[1].divisor: must be a whole number from 1 to 1000, the daily share 1/divisor of the rate (leave it out for no penalty)"),
        ("[penalties]\nrate_caps = [{ from = \"2022-02-28\", to = \"2022-12-31\", cap = \"950\" }]\n",
         "raschet.toml: penalties.rate_caps[1].cap: 950 is out of range; it must be from 0 to 100"),
        ("[billing]\nvat = [{ from = \"1900-01\", rate = 120 }]\n",
         "raschet.toml: billing.vat[1].rate: 120 is out of range; it must be from 0 to 100"),
        ("[billing]\nvat = [{ from = \"1900-01\", rate = 9223372036854775807 }]\n",
         "raschet.toml: billing.vat[1].rate: 9223372036854775807 is out of range; it must be from 0 to 100"),
        ("[billing]\nreview_consumption_factor = \"0.5\"\n",
         "raschet.toml: billing.review_consumption_factor: 0.5 is out of range; it must be from 1 to 1000"),
        ("[billing]\nreading_jump_factor = 1001\n",
         "raschet.toml: billing.reading_jump_factor: 1001 is out of range; it must be from 1 to 1000"),
        ("[penalties]\nrate_caps = [{ from = \"2022-02-28\", to = \"2022-01-01\", cap = 9 }]\n",
         "raschet.toml: penalties.rate_caps[1].to: must be a date in quotes, \"YYYY-MM-DD\", not before from"),
        ("[penalties]\nmoratoria = [{ from = \"2020-04-06\", to = \"2020-12-31\" }, { from = \"2022-04\", to = \"2022-09-30\" }]\n",
         "raschet.toml: penalties.moratoria[2].from: must be a date in quotes, \"YYYY-MM-DD\""),
        ("[penalties]\nhousehold = [{ from_day = 1 }, { from_day = 31, divisor = 300 }, { from_day = 31, divisor = 130 }]\n",
         "raschet.toml: penalties.household[3].from_day: day 31 of delay starts two tiers; keep one tier per from_day"),
        ("[billing]\nvat = [{ from = \"1900-13\", rate = 20 }]\n",
         "raschet.toml: billing.vat[1].from: \"1900-13\" is no month of the calendar; write a period that exists, \"YYYY-MM\""),
        ("[penalties]\nmoratoria = [{ from = \"2026-02-29\", to = \"2026-12-31\" }]\n",
         "raschet.toml: penalties.moratoria[1].from: \"2026-02-29\" is no day of the calendar; write a date that exists, \"YYYY-MM-DD\""),
        ("[penalties]\nrate_caps = [{ from = \"2022-02-28\", to = \"2022-12-31\", cap = 9.5 }]\n",
         "raschet.toml: penalties.rate_caps[1].cap: must be a non-negative whole number or a decimal in quotes, for example \"9.5\" (no floats: rates are exact)"),
        ("[organization]\nname = \"ЕРЦ\"\n",
         "raschet.toml: organization.inn: missing; add it"),
        ("[organization]\nname = 5\n",
         "raschet.toml: organization.name: must be a string in quotes"),
        ("[organization]\nname = \"  \"\n",
         "raschet.toml: organization.name: empty; write the value"),
        ("billing = 5\n",
         "raschet.toml: billing: must be a table: [billing]"),
        ("[penalties]\nhousehold = [{ from_day = 1 }, { from_day = 31, divsor = 300 }, { from_day = 91, divisor = 130 }]\n",
         "raschet.toml: penalties.household[2].divsor: unknown key; expected one of: from_day, divisor (a typo must not silently keep a default)"),
        ("[billing]\nvat = [{ from = \"1900-01\", rate = \"20\", rtae = 1 }]\n",
         "raschet.toml: billing.vat[1].rtae: unknown key; expected one of: from, rate (a typo must not silently keep a default)"),
        ("[billing]\ndue_day = [{ from = \"1900-01\", day = 10, dya = 15 }]\n",
         "raschet.toml: billing.due_day[1].dya: unknown key; expected one of: from, day (a typo must not silently keep a default)"),
        ("[penalties]\nrate_caps = [{ from = \"2022-02-28\", to = \"2022-12-31\", cap = 9, capp = 8 }]\n",
         "raschet.toml: penalties.rate_caps[1].capp: unknown key; expected one of: from, to, cap (a typo must not silently keep a default)"),
        ("[penalties]\nhousehold = [{ from_day = 1, divisor = 997 }, { from_day = 2, divisor = 991 }, { from_day = 3, divisor = 983 }, { from_day = 4, divisor = 977 }]\n",
         "raschet.toml: penalties.household: the divisors' least common multiple is above 1000000000; choose divisors with common factors (the legal ones are 300 and 130)"),
        ("[penalties]\nmoratoria = [{ from = \"2020-04-06\", too = \"2020-12-31\" }]\n",
         "raschet.toml: penalties.moratoria[1].too: unknown key; expected one of: from, to (a typo must not silently keep a default)"),
    ])
    func aBadSettingIsNamedByFileAndKey(toml: String, message: String) {
        do {
            _ = try SettingsFile.parse(toml, file: "raschet.toml")
            Issue.record("accepted: \(toml)")
        } catch {
            #expect(error.description == message)
            #expect(error.exitStatus == .badData)
        }
    }

    /// Without `port`, the port of the security in use, STARTTLS by default: 587, as README says.
    @Test(arguments: [("", 587, SMTPSettings.Security.starttls), ("security = \"tls\"\n", 465, .tls),
                      ("security = \"off\"\n", 25, .off), ("port = 2525\nsecurity = \"tls\"\n", 2525, .tls)])
    func theSMTPPortDefaultsToTheSecuritys(lines: String, port: Int, security: SMTPSettings.Security) throws {
        let settings = try SettingsFile.parse("[smtp]\nhost = \"mx.example.ru\"\nfrom_address = \"rkc@example.ru\"\n" + lines,
                                              file: "raschet.toml")
        #expect(settings.smtp?.port == port && settings.smtp?.security == security)
    }

    @Test func notValidTOMLNamesTheFile() {
        do {
            _ = try SettingsFile.parse("[billing\n", file: "/etc/raschet.toml")
            Issue.record("accepted")
        } catch {
            #expect(error.description.hasPrefix("/etc/raschet.toml: not valid TOML: "))
            #expect(error.description == "/etc/raschet.toml: not valid TOML: the syntax breaks at line 1, column 9; "
                + "check the brackets, quotes and `key = value` there")
            #expect(error.message.russian == "ошибка синтаксиса TOML: в строке 1, позиции 9; проверьте там скобки, кавычки и `ключ = значение`")
            #expect(error.key == nil)
        }
    }
}
