import RaschetCore
import Foundation
import RaschetApp
import RaschetTesting
import Testing

/// `close 9999-12` and `close 1900-01` on a database without closes: refused (65) unless within a
/// year of today, which the use case passes to the close (the close itself has no clock).
@Suite struct FirstCloseWindowTests {
    @Test(arguments: ["9999-12", "1900-01"])
    func aFarFirstCloseIsRefusedNamingTheAllowedPeriodsAndStoresNothing(code: String) throws {
        let folder = try TemporaryFolder("raschet-app")
        defer { folder.remove() }
        let workspace = try UseCaseTests.fixturesDatabase(in: folder)
        let before = try Data(contentsOf: URL(fileURLWithPath: workspace.database))
        let today = try #require(CalendarDay("2026-12-02"))
        let month = try #require(BillingMonth(code))
        do {
            _ = try CloseMonth(workspace: workspace, month: month, today: today).run()
            Issue.record("closed \(code)")
        } catch {
            #expect(error.exitCode == 65)
            #expect(error.message(in: .russian) == "нельзя закрыть период \(code): в базе нет закрытых периодов, а первым закрывается "
                + "период не дальше года от текущей даты, с 2025-12 по 2027-12")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: workspace.database)) == before)
        #expect(!FileManager.default.fileExists(atPath: workspace.database + ".review-\(code).csv"))
    }

    /// Today 2027-08-31: 2026-08 is 12 months back, the edge of the window; a day later it is not.
    @Test func theWindowIsTwelveMonthsEitherSideOfTodaysMonth() throws {
        let folder = try TemporaryFolder("raschet-app")
        defer { folder.remove() }
        let workspace = try UseCaseTests.fixturesDatabase(in: folder)
        let august = try #require(BillingMonth("2026-08"))
        let dayAfter = try #require(CalendarDay("2027-09-01"))
        do {
            _ = try CloseMonth(workspace: workspace, month: august, today: dayAfter).run()
            Issue.record("closed 2026-08 on 2027-09-01")
        } catch {
            #expect(error.message(in: .russian).hasSuffix("с 2026-09 по 2028-09"))
            #expect(error.userMessage.hasSuffix("from 2026-09 to 2028-09"))
        }
        let report = try CloseMonth(workspace: workspace, month: august, today: try #require(CalendarDay("2027-08-31"))).run()
        #expect(report.outcome == .closed)
    }
}
