import Foundation
public import RaschetCore
import RaschetIngest
import RaschetSettings
import RaschetStore

/// `raschet demo`: the whole pipeline on the bundled Fixtures into a fresh embedded database:
/// import, the three monthly closes the Fixtures cover, the exports, a specimen PDF, every receipt
/// of the last closed month with its print batch, and the statements of a business account.
public struct RunDemo: Sendable {
    /// One finished step, reported as it finishes.
    public enum Step: Sendable, Hashable {
        case created(database: String)
        /// The files imported from `folder`, and the rows stored per entity.
        case imported(files: Int, folder: String, tables: [ImportFiles.TableCount])
        /// The monthly closes begin; a `closed` step follows for each month.
        case closing
        case closed(CloseMonth.Report)
        case exported(month: BillingMonth, paths: [String])
        case rendered(specimen: String)
        /// The receipts of `month`: the separate files in `folder` and the print batch at `batch`.
        case receipts(month: BillingMonth, folder: String, files: Int, batch: String, batchReceipts: Int, eReceipts: Int)
        /// The statements of one business account, and the refused no-debt certificate's message.
        case statements(account: String, files: [String], refusal: Message)
    }

    /// The months the bundled Fixtures hold data for (`Fixtures/README.md`), closed in order.
    static let fixturePeriods = [lastFixturePeriod.previous.previous, lastFixturePeriod.previous, lastFixturePeriod]
    /// October 2026, the last month the Fixtures hold data for.
    static let lastFixturePeriod = Period(ordinal: 2026 * 12 + 9)

    /// Where the database and the outputs go (the database is replaced).
    public var folder: String
    /// The data set; nil: the bundled `Fixtures/`.
    public var fixtures: String?
    public var environment: DocumentEnvironment

    public init(folder: String, fixtures: String? = nil, environment: DocumentEnvironment) {
        self.folder = folder
        self.fixtures = fixtures
        self.environment = environment
    }

    public func run(progress: (Step) -> Void) throws(AppError) {
        guard let fixtures = fixtures ?? ResourceLocator.folder("Fixtures") else {
            throw AppError(.missingInput, .noFixturesFolder)
        }
        // Read before anything is made: a --fixtures that is not a readable folder leaves no database behind.
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: fixtures) } catch {
            throw AppError(.missingInput, .fixturesNotAFolder(fixtures))
        }
        try OutputFile.createFolder(folder)
        let database = (folder as NSString).appendingPathComponent("raschet.sqlite")
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) }
        let store: Store
        do { store = try Store.create(at: database).store } catch { throw AppError(error) }
        progress(.created(database: database))

        let files = names.filter { $0.hasSuffix(".csv") && Importer.entity(forFileName: $0) != nil }
            .sorted()
            .map { (fixtures as NSString).appendingPathComponent($0) }
        let sources = files.map { Importer.Source(path: $0, kind: nil) }
        let (stored, report) = try AppError.boundary {
            try store.importRows { sink, known, stored in
                let report = try Importer(storesAfterAProblem: false).read(sources, known: consume known, stored: stored, into: &sink)
                return (report.problemCount == 0, report)
            }
        }
        guard let summary = stored else {
            throw AppError(.badData, .lines(report.listing()))
        }
        progress(.imported(files: files.count, folder: fixtures, tables: summary.tables.map {
            ImportFiles.TableCount(entity: $0.kind.name, rows: $0.rows, inserted: $0.inserted, updated: $0.updated, unchanged: $0.unchanged)
        }))

        let settingsFile = (fixtures as NSString).appendingPathComponent(SettingsFile.defaultName)
        let workspace = Workspace(database: database, settingsFile: settingsFile)
        let rules = try workspace.settings().billingRules
        progress(.closing)
        for period in Self.fixturePeriods {
            // The Fixtures' own calendar: their first close is allowed whatever today's date.
            let today = CalendarDay(period.next.firstDay)
            progress(.closed(try CloseMonth(workspace: workspace, month: BillingMonth(period), today: today)
                .close(store, rules: rules) { _, _ in }))
        }

        let last = Self.lastFixturePeriod
        let exports: [(String, ExportTable)] = try AppError.boundary {
            [
                ("charges-\(last.code).json", .charges(period: last, lines: try store.chargeLines(last))),
                ("balances-\(last.code).json", .balances(period: last, balances: try store.balances(last))),
                ("payments-\(last.code).json", .payments(period: last, payments: try store.postedPayments(last))),
            ]
        }
        var paths: [String] = []
        for (name, table) in exports {
            let path = (folder as NSString).appendingPathComponent(name)
            try OutputFile.write(Array(table.json.utf8), to: path)
            paths.append(path)
        }
        progress(.exported(month: BillingMonth(last), paths: paths))

        let specimen = (folder as NSString).appendingPathComponent("specimen.pdf")
        let bytes = try RenderSpecimen.render(text: nil, payload: nil, fontFolder: nil, environment: environment)
        try OutputFile.write(bytes, to: specimen)
        progress(.rendered(specimen: specimen))

        let month = BillingMonth(last)
        let receipts = (folder as NSString).appendingPathComponent("receipts")
        let batch = (receipts as NSString).appendingPathComponent("\(last.code)-batch.pdf")
        let separate = (receipts as NSString).appendingPathComponent(last.code)
        try OutputFile.createFolder(receipts)
        let rendered = try RenderReceipts(workspace: workspace, month: month, outputFolder: separate, batchPath: batch,
                                        environment: environment).run()
        progress(.receipts(month: month, folder: separate, files: rendered.files.count, batch: batch,
                           batchReceipts: rendered.batchReceipts, eReceipts: rendered.eReceipts))
        progress(try renderStatements(workspace))
    }

    /// The dispatch of the last closed month's e-receipts from the demo's database to `server`
    /// (`raschet demo --smtp URL`, for a local test server), after `run`.
    public func dispatch(to server: SMTPURL, password: String?, language: Language) throws(AppError) -> DispatchReceipts {
        let last = Self.lastFixturePeriod
        guard let fixtures = fixtures ?? ResourceLocator.folder("Fixtures") else {
            throw AppError(.missingInput, .noFixturesFolder)
        }
        let database = (folder as NSString).appendingPathComponent("raschet.sqlite")
        let workspace = Workspace(database: database, settingsFile: (fixtures as NSString).appendingPathComponent(SettingsFile.defaultName))
        let receipts = ((folder as NSString).appendingPathComponent("receipts") as NSString).appendingPathComponent(last.code)
        return DispatchReceipts(workspace: workspace, month: BillingMonth(last), server: server, receiptsFolder: receipts,
                                password: password, environment: environment, language: language)
    }
}
