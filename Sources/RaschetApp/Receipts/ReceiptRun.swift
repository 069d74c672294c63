import Foundation
public import RaschetCore
import RaschetLayout
public import RaschetStore

/// Renders the receipts of a closed period (`raschet render receipts`, SPEC sections 5 and 6): one
/// PDF/A-3b file per account with its data attached as `receipt.xml` (or per e-receipt account only,
/// ``ReceiptFiles``), and optionally one print file with every paper receipt.
///
/// The accounts are streamed in rendering order (``ReceiptPlan/accountIDs``: the paper receipts in print
/// order, then the e-receipts) a chunk at a time:
/// per chunk one read of the inputs and one transaction that assigns (or, on a reprint, finds) the
/// document numbers, here, while the chunk before is rendered on every core (``ReceiptChunkJob``); the
/// separate files of the chunk before that are put in place with one flush to disk
/// (``BackgroundCommit``) and its paper receipts appended to the batch (``BackgroundBatch``), each on a
/// thread of its own. The batch is streamed to its file as it is written,
/// so memory stays bounded by a few chunks, whatever the number of accounts.
/// Accounts the close parked get no receipt and are reported; a failure of one receipt's data stops
/// the run with its account named.
public struct ReceiptRun {
    public var store: Store
    public var period: Period
    public var payee: Organization
    /// The billing rules whose receipt terms a close that stored none prints (``ReceiptPlan/terms``).
    public var rules: BillingRules
    /// The folder the separate files go to (created when missing).
    public var outputFolder: String
    /// Only these accounts; nil: every account of the period.
    public var accounts: [String]?
    /// Where the print batch goes; nil: no batch.
    public var batchPath: String?
    /// Which receipts get a separate file; ``ReceiptFiles/eReceipts`` needs a batch for the others.
    public var files: ReceiptFiles
    /// Accounts read and numbered per transaction.
    public var chunkSize = 256

    public init(store: Store, period: Period, payee: Organization, rules: BillingRules, outputFolder: String,
                accounts: [String]?, batchPath: String?, files: ReceiptFiles = .all, chunkSize: Int = 256) {
        self.store = store; self.period = period; self.payee = payee; self.rules = rules
        self.outputFolder = outputFolder; self.accounts = accounts; self.batchPath = batchPath; self.files = files
        self.chunkSize = chunkSize
    }

    /// What a run wrote.
    public struct Report: Sendable {
        /// The separate files, in rendering order (``ReceiptPlan/accountIDs``).
        public var files: [String]
        /// Receipts in the print batch.
        public var batchReceipts: Int
        /// Accounts that get e-receipts (`Account.receivesEReceipts`), left out of the batch.
        public var eReceipts: Int
        /// Accounts the close parked: no receipt.
        public var parked: [ReceiptPlan.Parked]
    }

    /// A receipt for the print batch: its content, QR code and the pages of its separate file, if any.
    typealias PaperReceipt = (content: ReceiptContent, qrCode: QRCodeImage, pages: PreparedPages?)

    /// Renders the period's receipts.
    /// - Parameters:
    ///   - makeRenderer: called once the period is known to be closed.
    ///   - progress: called after every receipt with (done, total).
    public func run(makeRenderer: () throws -> any ReceiptRendering, progress: (Int, Int) -> Void = { _, _ in }) throws -> Report {
        if files == .eReceipts && batchPath == nil { throw AppError(.usage, .eReceiptFilesNeedBatch) }
        let plan = try store.receiptPlan(period, accounts: accounts)
        let terms: ReceiptTerms
        do { terms = try rules.receiptTerms(for: period, storedByClose: plan.terms) } catch { throw AppError(.badData, error.message) }
        let reference = try store.receiptReference()
        let renderer = try makeRenderer()
        try OutputFile.createFolder(outputFolder)
        // What a run killed part-way (kill -9, a power cut) left half-written is never renamed into place: removed here.
        for folder in Set([outputFolder] + (batchPath.map { [FilePathName.folder(of: $0)] } ?? [])) {
            OutputFile.removeStaleTemporaries(in: folder)
        }
        let batch = try batchPath.map { try BackgroundBatch(path: $0, renderer: renderer) }
        defer { batch?.drain() }
        let committer = BackgroundCommit()
        defer { committer.drain() }
        var report = Report(files: [], batchReceipts: 0, eReceipts: 0, parked: plan.parked)
        var done = 0
        // Hands a rendered chunk's files to the report and its paper receipts to the batch.
        func deliver(_ chunk: ReceiptChunkJob) throws {
            var paper: [PaperReceipt] = []
            for (content, (path, receipt)) in zip(chunk.contents, zip(chunk.paths, try chunk.finish(committingWith: committer))) {
                if let path { report.files.append(path) }
                if content.account.receivesEReceipts {
                    report.eReceipts += 1
                } else if batch != nil {
                    paper.append((content, receipt.qrCode, receipt.pages))
                    report.batchReceipts += 1
                }
                done += 1
                progress(done, plan.accountIDs.count)
            }
            try batch?.append(paper)
        }
        // The chunk on the cores while the next one is read and numbered here: one at a time.
        var running: ReceiptChunkJob?
        defer { running?.wait() }
        var start = 0
        repeat {
            var next: ReceiptChunkJob?
            if start < plan.accountIDs.count {
                let chunk = Array(plan.accountIDs[start..<min(start + chunkSize, plan.accountIDs.count)])
                let contents = try receiptContents(chunk, reference: reference, terms: terms)
                let paths = contents.map { content -> String? in
                    guard files == .all || content.account.receivesEReceipts else { return nil }
                    return (outputFolder as NSString).appendingPathComponent(DocumentFileName.receipt(accountID: content.account.id, period: period))
                }
                running?.wait()
                next = ReceiptChunkJob(contents, paths: paths, folder: outputFolder, keepingPages: batch != nil, renderer: renderer)
                start += chunk.count
            }
            let done = running
            running = next
            if let done { try deliver(done) }
        } while running != nil
        try committer.finish()
        try batch?.finish()
        return report
    }

    /// The receipts of `accountIDs`: one read of their inputs and one transaction that assigns (or, on a
    /// reprint, finds) their document numbers. The readings are read from a few periods back
    /// (`ReceiptContent.readingsFrom`), whatever the length of the history, and whole for the accounts
    /// where those do not suffice, by the terms' reading window.
    private func receiptContents(_ accountIDs: [String], reference: (suppliers: [String: Supplier], services: [String: Service]),
                                 terms: ReceiptTerms) throws -> [ReceiptContent] {
        var inputs = try store.receiptInputs(period, accountIDs: accountIDs,
                                             readingsFrom: ReceiptContent.readingsFrom(period, window: terms.readingWindow))
        let short = inputs.indices.filter { !ReceiptContent.readingsSuffice(inputs[$0], window: terms.readingWindow) }
        let whole = try store.receiptReadings(of: short.flatMap { inputs[$0].meters }, closed: period)
        for index in short { inputs[index].readings = whole[inputs[index].account.id] ?? [] }
        let numbers = try store.documentNumbers(for: accountIDs.map { DocumentKey.receipt(accountID: $0, period: period) },
                                                issuerINN: payee.inn)
        return try zip(inputs, numbers).map { input, number in
            do {
                return try ReceiptContent(input: input, number: number, payee: payee, suppliers: reference.suppliers,
                                          services: reference.services, terms: terms)
            } catch {
                throw AppError(.badData, .receiptOfAccount(input.account.id, period: period, AppError.cause(of: error)))
            }
        }
    }
}
