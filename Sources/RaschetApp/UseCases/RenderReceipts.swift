public import RaschetCore
import PDFWriter
import RaschetDocuments
import RaschetSettings
import RaschetStore

/// `raschet render receipts --period YYYY-MM --out DIR [--account ID ...] [--batch FILE.pdf] [--files all|e-receipts]`:
/// a closed period's receipts as one PDF/A-3b file per account (or per e-receipt account) and an
/// optional print batch (`ReceiptRun`), with the payee's requisites from the settings' `[organization]`.
public struct RenderReceipts: Sendable {
    /// What `run` wrote, for the front end to print.
    public struct Report: Sendable {
        public var month: BillingMonth
        public var folder: String
        public var files: [String]
        public var batchPath: String?
        public var batchReceipts: Int
        public var eReceipts: Int
        /// Accounts the close parked (no receipt), with the reason.
        public var parked: [(account: String, reason: Message)]
        /// 0, or 65 when accounts were parked.
        public var exitCode: Int32 { parked.isEmpty ? 0 : ExitStatus.badData.rawValue }
    }

    public var workspace: Workspace
    public var month: BillingMonth
    public var outputFolder: String
    /// Only these accounts; empty: every account of the period.
    public var accounts: [String]
    public var batchPath: String?
    /// Which receipts get a separate file.
    public var files: ReceiptFiles
    /// The font folder; nil: `Fonts/` found by `ResourceLocator`.
    public var fontFolder: String?
    /// The template folder; nil: `Templates/` found by `ResourceLocator`.
    public var templateFolder: String?
    public var environment: DocumentEnvironment

    public init(workspace: Workspace, month: BillingMonth, outputFolder: String, accounts: [String] = [],
                batchPath: String? = nil, files: ReceiptFiles = .all, fontFolder: String? = nil, templateFolder: String? = nil,
                environment: DocumentEnvironment) {
        self.workspace = workspace; self.month = month; self.outputFolder = outputFolder; self.accounts = accounts
        self.batchPath = batchPath; self.files = files; self.fontFolder = fontFolder; self.templateFolder = templateFolder
        self.environment = environment
    }

    /// Renders the receipts; `progress` gets (done, total) after each one.
    public func run(progress: (_ done: Int, _ total: Int) -> Void = { _, _ in }) throws(AppError) -> Report {
        try workspace.refuseReplacing(batchPath)
        let settings = try workspace.settings()
        guard let payee = settings.organization else {
            throw workspace.organizationMissing(forReceipts: true)
        }
        let store = try workspace.openStore()
        let run = ReceiptRun(store: store, period: month.period, payee: payee, rules: settings.billingRules,
                             outputFolder: outputFolder, accounts: accounts.isEmpty ? nil : accounts, batchPath: batchPath,
                             files: files)
        do {
            let done = try run.run(makeRenderer: makeRenderer, progress: progress)
            return Report(month: month, folder: outputFolder, files: done.files, batchPath: batchPath,
                          batchReceipts: done.batchReceipts, eReceipts: done.eReceipts,
                          parked: done.parked.map { ($0.accountID, $0.reason) })
        } catch {
            throw AppError(error)
        }
    }

    /// The receipt renderer of the documents module, with the templates and fonts.
    func makeRenderer() throws(AppError) -> any ReceiptRendering {
        let fonts = try DocumentEnvironment.fontFamily(fontFolder)
        guard let folder = templateFolder ?? ResourceLocator.folder("Templates") else {
            throw AppError(.missingInput, .noTemplatesFolder)
        }
        do {
            // zlib level 1: about half the compression time of level 6 for a few more bytes per file;
            // the batch takes the separate files' compressed pages as they are (Benchmarks/JOURNAL.md, Receipts).
            let renderer = try ReceiptRenderer(templates: TemplateDirectory(path: folder), fonts: fonts,
                                               options: PDFWriteOptions(compressionLevel: 1))
            return TemplateReceiptRenderer(renderer: renderer, creationDate: environment.creationDate,
                                           batchTitle: "Квитанции за " + month.period.russianName)
        } catch {
            throw AppError(error)
        }
    }
}
