@testable import RaschetClose
import RaschetCore
import RaschetStore
import Testing

/// The close's states, events and period-order refusals, without a database.
@Suite struct CloseStateMachineTests {
    static func period(_ text: String) -> Period { Period(parsing: text)! }

    static func machine(_ code: String, runs: [(String, CloseRun.Status)], parkedInPeriod: Int = 0,
                        parkedInPrevious: Int = 0, today: String? = nil) -> CloseStateMachine {
        let history = CloseStateMachine.History(runs: runs.map { CloseRun(period: period($0.0), status: $0.1) },
                                                parkedInPeriod: parkedInPeriod, parkedInPrevious: parkedInPrevious)
        return CloseStateMachine(period: period(code), history: history, today: today.map(period))
    }

    @Test func theFirstCloseOfADatabaseMarksItselfRunningAndThenClosed() {
        var machine = Self.machine("2026-10", runs: [])
        #expect(machine.state == .noRun)
        #expect(machine.begin(dryRun: false) == .compute(.accountsWithoutClosedMarker, markRunning: true))
        #expect(machine.state == .computing(dryRun: false))
        #expect(machine.finish(parked: 0) == .markClosed)
        #expect(machine.state == .closed)
    }

    @Test func aDryRunRecordsNothingAndLeavesTheStateAsItWas() {
        var machine = Self.machine("2026-10", runs: [("2026-09", .closed)])
        #expect(machine.begin(dryRun: true) == .compute(.accountsWithoutClosedMarker, markRunning: false))
        #expect(machine.finish(parked: 2) == .none)
        #expect(machine.state == .noRun)
    }

    @Test func anInterruptedCloseResumesWithTheAccountsNotYetClosed() {
        var machine = Self.machine("2026-10", runs: [("2026-09", .closed), ("2026-10", .running)])
        #expect(machine.state == .running)
        #expect(machine.begin(dryRun: false) == .compute(.accountsWithoutClosedMarker, markRunning: false))
        #expect(machine.finish(parked: 1) == .markClosed)
        #expect(machine.state == .closedWithParked)
    }

    @Test func aClosedPeriodWithoutParkedAccountsIsNotComputedAgain() {
        var machine = Self.machine("2026-10", runs: [("2026-10", .closed)])
        #expect(machine.state == .closed)
        #expect(machine.begin(dryRun: false) == .reportAlreadyClosed)
        #expect(machine.state == .closed)
    }

    @Test func closingAPeriodWithParkedAccountsAgainComputesOnlyThem() {
        var machine = Self.machine("2026-10", runs: [("2026-10", .closed)], parkedInPeriod: 3)
        #expect(machine.state == .closedWithParked)
        #expect(machine.begin(dryRun: false) == .compute(.parkedAccounts, markRunning: false))
        #expect(machine.finish(parked: 0) == .markClosed)
        #expect(machine.state == .closed)
    }

    /// Each refusal with the exact message the CLI prints (exit 65).
    @Test(arguments: [
        ("2026-09", [("2026-10", CloseRun.Status.closed)], 0,
         "период 2026-09 раньше 2026-10, первого закрытого периода этой базы данных: ее история начинается с него, и более ранних "
            + "закрытых периодов нет; исправления проводятся перерасчетом в текущем периоде"),
        ("2026-09", [("2026-09", .closed), ("2026-10", .running)], 0,
         "закрытие периода 2026-10 не завершено; сначала выполните raschet close 2026-10"),
        ("2026-11", [("2026-09", .closed), ("2026-10", .running)], 0,
         "закрытие периода 2026-10 не завершено; сначала выполните raschet close 2026-10"),
        ("2026-10", [("2026-08", .closed)], 0,
         "нельзя закрыть период 2026-10: последний закрытый период 2026-08, следующим закрывается 2026-09"),
        ("2026-10", [("2026-09", .closed)], 3,
         "в периоде 2026-09 отложено лицевых счетов: 3; исправьте данные и повторите raschet close 2026-09"),
    ])
    func aCloseOutOfOrderIsRefusedAndChangesNothing(code: String, runs: [(String, CloseRun.Status)], parkedInPrevious: Int,
                                                   message: String) {
        var machine = Self.machine(code, runs: runs, parkedInPrevious: parkedInPrevious)
        let before = machine.state
        guard case .refuse(let refusal) = machine.begin(dryRun: false) else {
            Issue.record("closing \(code) after \(runs) was not refused")
            return
        }
        #expect(refusal.message.russian == message)
        #expect(machine.state == before)
    }

    /// Today 2026-12: a first close may be 2025-12 (12 months before) to 2027-12 (12 months after).
    @Test(arguments: ["2025-12", "2026-11", "2026-12", "2027-12"])
    func aFirstCloseWithinAYearOfTodayIsAllowed(code: String) {
        var machine = Self.machine(code, runs: [], today: "2026-12")
        #expect(machine.begin(dryRun: false) == .compute(.accountsWithoutClosedMarker, markRunning: true))
    }

    @Test(arguments: ["9999-12", "1900-01", "2025-11", "2028-01"])
    func aFirstCloseMoreThanAYearFromTodayIsRefusedNamingTheAllowedPeriods(code: String) {
        var machine = Self.machine(code, runs: [], today: "2026-12")
        #expect(machine.begin(dryRun: false) == .refuse(.farFromToday(Self.period(code), earliest: Self.period("2025-12"),
                                                                       latest: Self.period("2027-12"))))
        #expect(machine.state == .noRun)
        let refusal = CloseRefusal.farFromToday(Self.period(code), earliest: Self.period("2025-12"), latest: Self.period("2027-12"))
        #expect(refusal.message.russian == "нельзя закрыть период \(code): в базе нет закрытых периодов, а первым закрывается "
            + "период не дальше года от текущей даты, с 2025-12 по 2027-12")
    }

    /// A today at the calendar's edge names only months of the calendar (1900-01...9999-12).
    @Test(arguments: [("1900-01", "1902-01", "1900-01", "1901-01"), ("9999-12", "9998-01", "9998-12", "9999-12")])
    func theFirstCloseWindowStaysInTheCalendar(today: String, code: String, earliest: String, latest: String) {
        var machine = Self.machine(code, runs: [], today: today)
        #expect(machine.begin(dryRun: false) == .refuse(.farFromToday(Self.period(code), earliest: Self.period(earliest),
                                                                       latest: Self.period(latest))))
    }

    /// After a first close only the next month may follow, however far from today either is.
    @Test func afterAFirstCloseAFarPeriodIsRefusedNamingTheNextOne() {
        var machine = Self.machine("9999-12", runs: [("2026-10", .closed)], today: "2026-12")
        #expect(machine.begin(dryRun: false) == .refuse(.outOfOrder(Self.period("9999-12"), last: Self.period("2026-10"))))
        var past = Self.machine("1900-01", runs: [("2026-10", .closed)], today: "2026-12")
        #expect(past.begin(dryRun: false) == .refuse(.beforeFirst(Self.period("1900-01"), first: Self.period("2026-10"))))
        var next = Self.machine("2026-11", runs: [("2026-10", .closed)], today: "2030-01")
        #expect(next.begin(dryRun: false) == .compute(.accountsWithoutClosedMarker, markRunning: true))
    }
}
