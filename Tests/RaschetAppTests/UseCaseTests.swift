import RaschetCore
import Foundation
import RaschetApp
import RaschetTesting
import Testing

/// The use cases called directly, as an HTTP front end or a scheduler would: the same figures as
/// the CLI's goldens, typed reports, typed refusals.
@Suite struct UseCaseTests {
    static let packageRoot = AppErrorTests.packageRoot
    static let fixtures = packageRoot.appendingPathComponent("Fixtures")
    static let goldens = packageRoot.appendingPathComponent("Tests/RaschetCLITests/Goldens")

    /// A database in `folder` with the Fixtures imported, and its workspace.
    static func fixturesDatabase(in folder: TemporaryFolder) throws -> Workspace {
        let workspace = Workspace(database: folder.path("r.sqlite"),
                                  settingsFile: fixtures.appendingPathComponent("raschet.toml").path)
        #expect(try InitDatabase(database: workspace.database).run().created)
        let files = try FileManager.default.contentsOfDirectory(atPath: fixtures.path).filter { $0.hasSuffix(".csv") }.sorted()
            .map { fixtures.appendingPathComponent($0).path }
        let entity = try #require(ImportEntity("auto"))
        let report = try ImportFiles(database: workspace.database, entity: entity, files: files).run()
        #expect(report.problems == [])
        #expect(report.exitCode == 0)
        #expect(report.tables?.first { $0.entity == "readings" }?.rows == 1059)
        return workspace
    }

    @Test func closingTheFixturesMonthByMonthGivesTheGoldenExports() throws {
        let folder = try TemporaryFolder("raschet-app")
        defer { folder.remove() }
        let workspace = try Self.fixturesDatabase(in: folder)
        var progress: [Int] = []
        for code in ["2026-08", "2026-09", "2026-10"] {
            let month = try #require(BillingMonth(code))
            let report = try CloseMonth(workspace: workspace, month: month, today: CalendarDay("2026-11-20")!).run { done, _ in progress.append(done) }
            #expect(report.outcome == .closed)
            #expect(report.parked == [])
            #expect(report.exitCode == 0)
            #expect(report.reviewListPath == workspace.database + ".review-\(code).csv")
        }
        #expect(progress.last == 45)
        let october = try #require(BillingMonth("2026-10"))
        for kind in ExportKind.allCases {
            let file = workspace.database + ".\(kind.rawValue).json"
            try ExportResults(database: workspace.database, kind: kind, month: october, output: ExportOutput(file: file)).run()
            let text = try String(contentsOfFile: file, encoding: .utf8)
            let golden = try String(contentsOf: Self.goldens.appendingPathComponent("\(kind.rawValue)-2026-10.json"), encoding: .utf8)
            #expect(text == golden, "\(kind)")
        }
    }

    @Test func closingAClosedMonthAgainDoesNothingAndSaysSo() throws {
        let folder = try TemporaryFolder("raschet-app")
        defer { folder.remove() }
        let workspace = try Self.fixturesDatabase(in: folder)
        let month = try #require(BillingMonth("2026-08"))
        _ = try CloseMonth(workspace: workspace, month: month, today: CalendarDay("2026-11-20")!).run()
        let again = try CloseMonth(workspace: workspace, month: month, today: CalendarDay("2026-11-20")!).run()
        #expect(again.outcome == .alreadyClosed)
        #expect(again.reviewListPath == nil)
    }

    @Test func exportingAnOpenMonthIsRefusedAsBadData() throws {
        let folder = try TemporaryFolder("raschet-app")
        defer { folder.remove() }
        let workspace = try Self.fixturesDatabase(in: folder)
        let month = try #require(BillingMonth("2026-08"))
        do {
            try ExportResults(database: workspace.database, kind: .charges, month: month, output: ExportOutput(format: .csv)).run()
            Issue.record("exported an open month")
        } catch {
            #expect(error.exitCode == 65)
            #expect(error.message(in: .russian) == "период 2026-08 не закрыт; сначала выполните `raschet close 2026-08`")
            #expect(error.userMessage == "period 2026-08 is not closed; run `raschet close 2026-08` first")
        }
    }

    @Test func aLowerReadingIsATypedRejectionWithTheCabinetText() throws {
        let folder = try TemporaryFolder("raschet-app")
        defer { folder.remove() }
        let workspace = try Self.fixturesDatabase(in: folder)
        let bad = try String(contentsOf: Self.fixtures.appendingPathComponent("bad/readings_lower.csv"), encoding: .utf8)
        let meter = String(try #require(bad.split(separator: "\n").dropFirst().first?.split(separator: ";").first))
        let date = try #require(CalendarDay("18.11.2026"))
        let today = try #require(CalendarDay("2026-11-20"))
        let lower = try SubmitReading(workspace: workspace, meter: meter, value: "389.044", date: date, today: today).run()
        guard case .rejectedAsLower(let cabinetMessage, let detail) = lower else { Issue.record("accepted a lower reading"); return }
        #expect(cabinetMessage.russian
            == "Показание не принято! Введенные показания меньше ранее переданных показаний. Проверьте корректность ввода.")
        #expect(cabinetMessage.english == cabinetMessage.russian)
        #expect(detail.russian == "лицевой счет 4102470003, услуга HVS, счетчик 4102470003-HVS: зона single: показание 389,044 "
            + "на 18.11.2026 меньше предыдущего 3890,437 на 18.10.2026; проверьте показание (переход счетчика через ноль "
            + "вносится импортом строки с rollover = 1)")
        #expect(detail.english == "account 4102470003, service HVS, meter 4102470003-HVS: zone single: reading 389.044 "
            + "on 2026-11-18 is lower than the previous 3890.437 on 2026-10-18; check the reading (a rollover through zero "
            + "is entered by importing a row with rollover = 1)")
        #expect(lower.exitCode == 65)
        let accepted = try SubmitReading(workspace: workspace, meter: meter, value: "3899,5", date: date, today: today).run()
        guard case .accepted(let reading) = accepted else {
            Issue.record("not accepted: \(accepted)")
            return
        }
        #expect([reading.meter, reading.zone, reading.date, reading.value] == [meter, "single", "2026-11-18", "3899.5"])
        #expect(accepted.exitCode == 0)
    }

    @Test func aSyntheticDataSetIsWrittenAndReported() throws {
        let folder = try TemporaryFolder("raschet-app")
        defer { folder.remove() }
        let synth = folder.url("synth")
        let month = try #require(BillingMonth("2026-10"))
        let report = try SynthesizeDataSet(accounts: 20, folder: synth.path, seed: 7, month: month).run()
        #expect(report.files == 11)
        #expect(try FileManager.default.contentsOfDirectory(atPath: synth.path).count == 11)
        #expect(report.month == month)
    }

    /// Readings start `historyMonths + 1` months before the period: May for 4 (the default), March for 6.
    @Test(arguments: [(nil, "2026-05"), (6, "2026-03")] as [(Int?, String)])
    func aSyntheticHistoryStartsItsMonthsBeforeThePeriod(history: Int?, firstMonth: String) throws {
        let folder = try TemporaryFolder("raschet-app")
        defer { folder.remove() }
        let synth = folder.url("synth-history")
        let month = try #require(BillingMonth("2026-10"))
        var useCase = SynthesizeDataSet(accounts: 5, folder: synth.path, month: month)
        if let history { useCase.historyMonths = history }
        _ = try useCase.run()
        let readings = try String(contentsOf: synth.appendingPathComponent("readings.csv"), encoding: .utf8)
        let months = Set(readings.split(separator: "\n").dropFirst().map { $0.split(separator: ";", omittingEmptySubsequences: false)[1].prefix(7) })
        #expect(months.min().map(String.init) == firstMonth)
        #expect(months.max() == "2026-10")
    }

    @Test(arguments: [0, 25])
    func aSyntheticHistoryOutsideItsRangeIsAUsageError(history: Int) throws {
        let folder = try TemporaryFolder("raschet-app")
        defer { folder.remove() }
        let month = try #require(BillingMonth("2026-10"))
        let useCase = SynthesizeDataSet(accounts: 3, folder: folder.url("synth-range").path, month: month, historyMonths: history)
        let error = #expect(throws: AppError.self) { try useCase.run() }
        #expect(error?.exitCode == 64)
        #expect(error?.userMessage == "the months of reading history must be from 1 to 24")
    }

    @Test(arguments: ["9999-12", "9980-01", "1900-01", "1900-12"])
    func aSyntheticPeriodAtTheCalendarsEdgeIsAUsageErrorNotATrap(code: String) throws {
        let folder = try TemporaryFolder("raschet-app")
        defer { folder.remove() }
        let synth = folder.url("synth-edge")
        let month = try #require(BillingMonth(code))
        let error = #expect(throws: AppError.self) { try SynthesizeDataSet(accounts: 3, folder: synth.path, month: month).run() }
        #expect(error?.exitCode == 64)
        #expect(error?.userMessage == "synthetic data can be made for the periods 1903-01 to 9979-12; \(code) is outside them")
    }

    @Test(arguments: [("2026-10", "2026-10"), ("2026-1", nil), ("2026-13", nil), ("октябрь", nil)])
    func aMonthIsParsedOnce(text: String, parsed: String?) {
        #expect(BillingMonth(text)?.description == parsed)
    }

    @Test(arguments: [("2026-11-18", "2026-11-18"), ("18.11.2026", "2026-11-18"), ("2026-02-30", nil), ("2026-13-01", nil)])
    func aDayIsParsedOnce(text: String, parsed: String?) {
        #expect(CalendarDay(text)?.description == parsed)
    }

    @Test func theNamedInputsKnowTheirNames() {
        #expect(MeterZone.allNames == ["single", "day", "night", "peak", "halfpeak"])
        #expect(MeterZone("evening") == nil)
        #expect(ImportEntity.allNames.first == "auto")
        #expect(ImportEntity("auto")?.description == "auto")
        #expect(ImportEntity("tariffs")?.description == "tariffs")
        #expect(ImportEntity("tarifs") == nil)
        #expect(ExportKind.allCases.map(\.rawValue) == ["charges", "balances", "payments"])
        #expect(ImportEncoding.allCases.map(\.rawValue) == ["automatic", "utf8", "cp1251"])
    }
}

/// `--smtp`'s URL: the three schemes, a user, a port, an IPv6 address in brackets; anything else
/// is not taken as a host.
@Suite struct SMTPURLTests {
    @Test(arguments: [
        ("smtp://mail.example.ru", "mail.example.ru", 25, nil), ("smtps://clerk@mail.example.ru:2465/", "mail.example.ru", 2465, "clerk"),
        ("smtp+starttls://127.0.0.1", "127.0.0.1", 587, nil), ("smtp://[::1]:2525", "::1", 2525, nil), ("smtp://[::1]", "::1", 25, nil),
    ] as [(String, String, Int, String?)])
    func aURLGivesItsHostPortAndUser(text: String, host: String, port: Int, user: String?) throws {
        let url = try #require(SMTPURL(text))
        #expect(url.host == host && url.port == port && url.user == user)
    }

    @Test(arguments: ["smtp://h:1:2", "smtp://[::1", "smtp://h]", "smtp://", "smtp://h:0", "smtp://h:65536", "smtp://@h", "smtp://a b",
                      "http://h", "smtp://h/x", "smtp://[v1.x]:2525", "smtp://[127.0.0.1]:2525", "smtp://h:+2525", "smtp://u@@h:2525"])
    func anythingElseIsNotAURL(text: String) {
        #expect(SMTPURL(text) == nil)
    }
}
