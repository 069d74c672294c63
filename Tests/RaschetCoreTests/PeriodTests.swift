import RaschetCore
import Testing

@Suite struct PeriodTests {
    @Test func parsesNamesAndSteps() throws {
        let p = try #require(Period(parsing: "2026-10"))
        #expect(p.russianName == "октябрь 2026")
        #expect(p.paymentPeriodCode == "102026")
        #expect(p.next.code == "2026-11")
        #expect(try #require(Period(parsing: "2026-01")).previous.code == "2025-12")
        #expect(try #require(Period(parsing: "2026-12")).next.code == "2027-01")
        #expect(p.lastDay.russianString == "31.10.2026")
    }

    @Test(arguments: ["2026-13", "2026-00", "26-10", "2026/10", "2026-1"])
    func refusesMalformedPeriods(text: String) {
        #expect(Period(parsing: text) == nil)
    }

    @Test(arguments: [("2024-02", 29), ("2026-02", 28), ("2100-02", 28), ("2000-02", 29), ("2026-04", 30), ("2026-12", 31)])
    func knowsTheDaysInAMonth(text: String, days: Int) throws {
        #expect(try #require(Period(parsing: text)).daysInMonth == days)
    }
}

@Suite struct CivilDateTests {
    @Test(arguments: [("2026-10-31", "2026-10-31"), ("31.10.2026", "2026-10-31"), ("29.02.2024", "2024-02-29")])
    func parsesBothForms(text: String, iso: String) {
        #expect(CivilDate(parsing: text)?.isoString == iso)
    }

    @Test(arguments: ["2026-02-29", "31.04.2026", "2026-1-01", "01.13.2026", "2026-10-3x"])
    func refusesImpossibleDates(text: String) {
        #expect(CivilDate(parsing: text) == nil)
    }

    @Test func countsDaysAcrossYears() throws {
        let a = try #require(CivilDate(parsing: "2025-12-31"))
        #expect(a.adding(days: 1).isoString == "2026-01-01")
        #expect(a.adding(days: 60).isoString == "2026-03-01")
        #expect(try #require(CivilDate(parsing: "1970-01-01")).dayNumber == 0)
        #expect(CivilDate(dayNumber: a.dayNumber) == a)
    }
}
