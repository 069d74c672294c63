import PDFWriter
public import RaschetCore
import RaschetDocuments
import RaschetLayout
import RaschetStore

/// `raschet render settlement|accruals|act|turnover|no-debt`: one statement or certificate of the
/// closed periods as a PDF/A-3b file (SPEC section 6, `Guides/Statements.md`), numbered from the
/// gapless series of the center (settings `[organization]`): a reprint of the same document (kind,
/// account, first day and last day covered) gets its number back, and with `SOURCE_DATE_EPOCH` the
/// same bytes. The content is built and the template compiled before the number is taken, so a refusal (a no-debt certificate
/// for an account in debt: `StatementError`, exit 65) takes no number and writes no file.
public struct RenderStatement: Sendable {
    /// Which document, for what.
    public enum Document: Sendable, Hashable {
        case settlement(account: String, from: CalendarDay, to: CalendarDay)
        case accruals(account: String, from: CalendarDay, to: CalendarDay)
        case act(account: String, from: CalendarDay, to: CalendarDay)
        /// One account's sheet, or the whole center's (`account` nil; not numbered: the series
        /// numbers an account's documents).
        case turnover(from: BillingMonth, to: BillingMonth, account: String?)
        case noDebt(account: String, date: CalendarDay)
    }

    /// What `run` wrote.
    public struct Report: Sendable, Hashable {
        public var path: String
        /// `2026-000123`; nil for the center-wide turnover sheet.
        public var number: String?
        /// The PDF's title.
        public var title: String
        /// The last closed day when the document stops there (its range reaches into an open month), else nil.
        public var dataAsOf: CivilDate?
        /// The line saying what was written: in Russian the document's own title, in English its kind,
        /// number and subject.
        public var written: Message
    }

    public var workspace: Workspace
    public var document: Document
    public var outputPath: String
    /// The font folder; nil: `Fonts/` found by `ResourceLocator`.
    public var fontFolder: String?
    /// The template folder; nil: `Templates/` found by `ResourceLocator`.
    public var templateFolder: String?
    public var environment: DocumentEnvironment

    public init(workspace: Workspace, document: Document, outputPath: String, fontFolder: String? = nil,
                templateFolder: String? = nil, environment: DocumentEnvironment) {
        self.workspace = workspace; self.document = document; self.outputPath = outputPath; self.fontFolder = fontFolder
        self.templateFolder = templateFolder; self.environment = environment
    }

    /// Builds, numbers, renders and writes the document.
    /// - Throws: `AppError`: 65 for a refusal (`StatementError`: debt, not a business account, nothing
    ///   closed, a range after the last closed day) or an unknown account, 64 for a reversed range (of
    ///   days or months: the command line's, as for `export turnover`), 66 for missing fonts or
    ///   templates, 73/74 when the file cannot be written.
    public func run() throws(AppError) -> Report {
        switch document {
        case .settlement(_, let from, let to), .accruals(_, let from, let to), .act(_, let from, let to):
            guard from.date <= to.date else { throw AppError(.usage, .reversedRange(from: from.date, to: to.date)) }
        case .turnover, .noDebt:
            break
        }
        try workspace.refuseReplacing(outputPath)
        let settings = try workspace.settings()
        guard let center = settings.organization else {
            throw workspace.organizationMissing(forReceipts: false)
        }
        let store = try workspace.openStore()
        do {
            try refuseParked(store)
            switch document {
            case .settlement(let account, let from, let to):
                let statement = try SettlementStatement(ledger: try ledger(store, account, from, to), from: from.date, to: to.date)
                let renderer = try SettlementRenderer(templates: try templates(), fonts: try DocumentEnvironment.fontFamily(fontFolder))
                return try issue(store, renderer, statement, key: .statement(.settlement, accountID: account, from: statement.range.from,
                                                                             to: statement.range.coveredTo),
                                 date: statement.range.coveredTo, center, dataAsOf: statement.range.dataAsOf)
            case .accruals(let account, let from, let to):
                let statement = try AccrualStatement(ledger: try ledger(store, account, from, to), from: from.date, to: to.date)
                let renderer = try AccrualRenderer(templates: try templates(), fonts: try DocumentEnvironment.fontFamily(fontFolder))
                return try issue(store, renderer, statement, key: .statement(.accruals, accountID: account, from: statement.range.from,
                                                                             to: statement.range.coveredTo),
                                 date: statement.range.coveredTo, center, dataAsOf: statement.range.dataAsOf)
            case .act(let account, let from, let to):
                let act = try ReconciliationAct(ledger: try ledger(store, account, from, to), center: center, from: from.date,
                                                to: to.date)
                let renderer = try ReconciliationActRenderer(templates: try templates(),
                                                             fonts: try DocumentEnvironment.fontFamily(fontFolder))
                return try issue(store, renderer, act, key: .statement(.act, accountID: account, from: act.range.from, to: act.range.coveredTo),
                                 date: act.range.coveredTo, center, dataAsOf: act.range.dataAsOf)
            case .turnover(let from, let to, let account):
                let sheet = try turnoverSheet(store, from: from.period, to: to.period, account: account)
                let date = sheet.coveredTo.lastDay
                let renderer = try TurnoverRenderer(templates: try templates(), fonts: try DocumentEnvironment.fontFamily(fontFolder))
                return try issue(store, renderer, sheet, key: account.map { .turnover(accountID: $0, from: sheet.from, to: sheet.coveredTo) },
                                 date: date, center, dataAsOf: sheet.dataAsOf)
            case .noDebt(let account, let date):
                let certificate = try NoDebtCertificate(ledger: try ledger(store, account, date, date), on: date.date)
                let renderer = try NoDebtRenderer(templates: try templates(), fonts: try DocumentEnvironment.fontFamily(fontFolder))
                let key = DocumentKey.noDebt(accountID: account, date: certificate.date, dataAsOf: certificate.dataAsOf ?? certificate.date)
                return try issue(store, renderer, certificate, key: key, date: certificate.date, center, dataAsOf: certificate.dataAsOf)
            }
        } catch let error as AppError {
            throw error
        } catch {
            throw AppError(error)
        }
    }

    /// Refuses the document when an account it covers is parked in a closed period it reads: for a
    /// document with balances every closed period up to its last day (the balances carry the earlier
    /// ones), for an accrual statement the periods whose last day is in its range, for a turnover
    /// sheet the closed periods of its range, as `export turnover`.
    private func refuseParked(_ store: Store) throws {
        let closed = try store.closedPeriods()
        switch document {
        case .settlement(let account, _, let to), .act(let account, _, let to), .noDebt(let account, let to):
            try ParkedAccounts.checkDocument(of: closed.filter { $0 <= to.date.period }, account: account, store)
        case .accruals(let account, let from, let to):
            try ParkedAccounts.checkDocument(of: closed.filter { from.date <= $0.lastDay && $0.lastDay <= to.date }, account: account, store)
        case .turnover(let from, let to, let account):
            try ParkedAccounts.checkDocument(of: closed.filter { from.period <= $0 && $0 <= to.period }, account: account, store)
        }
    }

    /// The account's ledger from the period of `from` on.
    private func ledger(_ store: Store, _ account: String, _ from: CalendarDay, _ to: CalendarDay) throws -> AccountLedger {
        try store.accountLedger(account, since: from.date.period, through: max(from.date, to.date).period)
    }

    /// Renders the document with the number of `key` (assigned now, or found on a reprint; nil: the
    /// center-wide turnover sheet, not numbered) and writes it, in the transaction that assigns the
    /// number: a document that cannot be rendered or written takes none.
    private func issue<Fields: StatementFields>(_ store: Store, _ renderer: StatementRenderer<Fields>, _ content: Fields.Content,
                                                key: DocumentKey?, date: CivilDate, _ center: Organization,
                                                dataAsOf: CivilDate?) throws -> Report {
        func write(_ number: DocumentNumber?) throws -> Report {
            let (bytes, report) = try render(renderer, content, StatementHeader(number: number, date: date, issuer: center),
                                             dataAsOf: dataAsOf)
            try OutputFile.write(bytes, to: outputPath)
            return report
        }
        guard let key else { return try write(nil) }
        return try store.issuing([key], issuerINN: center.inn) { numbers in try write(numbers[0]) }
    }

    /// The turnover sheet of the closed periods of `from...to` in memory (one page row per account
    /// and service: a document, unlike `raschet export turnover`, which streams).
    private func turnoverSheet(_ store: Store, from: Period, to: Period, account: String?) throws -> TurnoverSheet {
        guard from <= to else { throw AppError(.usage, .rangeReversed(from: from, to: to)) }
        let closed = try store.closedPeriods()
        guard let coveredTo = closed.last(where: { $0 <= to }), coveredTo >= from else {
            throw AppError(.badData, .noClosedPeriodInRange(from: from, to: to, closed: closed))
        }
        if let account { _ = try store.knownAccount(account) }
        var blocks: [TurnoverSheet.AccountBlock] = []
        let read = try store.forEachTurnoverBlock(from: from, to: to, account: account) { blocks.append($0) }
        guard read == closed.filter({ from <= $0 && $0 <= to }) else { throw AppError(.busy, .closedPeriodsChangedDuringExport) }
        return try TurnoverSheet(from: from, to: to, coveredTo: coveredTo, accounts: blocks)
    }

    /// The template folder: `--templates`, or `Templates/` found by `ResourceLocator` (exit 66 when missing).
    private func templates() throws(AppError) -> TemplateDirectory {
        guard let folder = templateFolder ?? ResourceLocator.folder("Templates") else {
            throw AppError(.missingInput, .noTemplatesFolder)
        }
        return TemplateDirectory(path: folder)
    }

    /// Renders the document (its template compiled before the number was taken, so a template error
    /// takes no number).
    private func render<Fields: StatementFields>(_ renderer: StatementRenderer<Fields>, _ content: Fields.Content,
                                                 _ header: StatementHeader, dataAsOf: CivilDate?) throws -> ([UInt8], Report) {
        let bytes = try renderer.render(content, header: header, creationDate: environment.creationDate)
        let title = renderer.template.title(for: renderer.record(content, header: header))
        let number = header.number?.text
        return (bytes, Report(path: outputPath, number: number, title: title, dataAsOf: dataAsOf,
                              written: written(number: number, title: title)))
    }

    /// `Report.written` of this document.
    private func written(number: String?, title: String) -> Message {
        let number = number ?? ""
        return switch document {
        case .settlement(let account, _, _): CommandText.settlementWritten(outputPath, number: number, account: account, title: title)
        case .accruals(let account, _, _): CommandText.accrualsWritten(outputPath, number: number, account: account, title: title)
        case .act(let account, _, _): CommandText.actWritten(outputPath, number: number, account: account, title: title)
        case .noDebt(let account, _): CommandText.noDebtWritten(outputPath, number: number, account: account, title: title)
        case .turnover(let from, let to, let account?):
            CommandText.turnoverWritten(outputPath, number: number, account: account, from: from.description, to: to.description, title: title)
        case .turnover(let from, let to, nil):
            CommandText.centerTurnoverWritten(outputPath, from: from.description, to: to.description, title: title)
        }
    }
}
