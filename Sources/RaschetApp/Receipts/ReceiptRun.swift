import Dispatch
import Foundation
import Synchronization
import PDFWriter
public import RaschetCore
import RaschetLayout
public import RaschetStore

/// Renders the receipts of a closed period (`raschet render receipts`, SPEC sections 5 and 6): one
/// PDF/A-3b file per account with its data attached as `receipt.xml`, and optionally one print file
/// with every paper receipt.
///
/// The accounts are streamed in print order (delivery route, address, account id) a chunk at a time:
/// per chunk one read of the inputs and one transaction that assigns (or, on a reprint, finds) the
/// document numbers, then the receipts are built, rendered and written as separate files on every
/// core, and the paper ones appended to the batch on a thread of its own (``BackgroundBatch``) while
/// the next chunk is read and rendered. The batch is streamed to its file as it is written, so memory
/// stays bounded by two chunks, whatever the number of accounts.
/// Accounts the close parked get no receipt and are reported; a failure of one receipt's data stops
/// the run with its account named.
public struct ReceiptRun {
    public var store: Store
    public var period: Period
    public var payee: Organization
    public var rules: BillingRules
    /// The folder the separate files go to (created when missing).
    public var outputFolder: String
    /// Only these accounts; nil: every account of the period.
    public var accounts: [String]?
    /// Where the print batch goes; nil: no batch.
    public var batchPath: String?
    /// Accounts read and numbered per transaction.
    public var chunkSize = 256

    public init(store: Store, period: Period, payee: Organization, rules: BillingRules, outputFolder: String,
                accounts: [String]?, batchPath: String?, chunkSize: Int = 256) {
        self.store = store; self.period = period; self.payee = payee; self.rules = rules
        self.outputFolder = outputFolder; self.accounts = accounts; self.batchPath = batchPath; self.chunkSize = chunkSize
    }

    /// What a run wrote.
    public struct Report: Sendable {
        /// The separate files, in print order.
        public var files: [String]
        /// Receipts in the print batch.
        public var batchReceipts: Int
        /// Accounts that chose e-receipts, left out of the batch.
        public var eReceipts: Int
        /// Accounts the close parked: no receipt.
        public var parked: [ReceiptPlan.Parked]
    }

    /// A receipt for the print batch: its content, QR code and the pages of its separate file, if any.
    typealias PaperReceipt = (content: ReceiptContent, qrCode: QRCodePath, pages: PreparedPages?)

    /// Renders the period's receipts.
    /// - Parameters:
    ///   - makeRenderer: called once the period is known to be closed.
    ///   - progress: called after every receipt with (done, total).
    public func run(makeRenderer: () throws -> any ReceiptRendering, progress: (Int, Int) -> Void = { _, _ in }) throws -> Report {
        let plan = try store.receiptPlan(period, accounts: accounts)
        try checkFileNames(plan.accountIDs)
        let reference = try store.receiptReference()
        let renderer = try makeRenderer()
        try OutputFile.createFolder(outputFolder)
        let batch = try batchPath.map { try BackgroundBatch(path: $0, renderer: renderer) }
        defer { batch?.drain() }
        var report = Report(files: [], batchReceipts: 0, eReceipts: 0, parked: plan.parked)
        var start = 0
        while start < plan.accountIDs.count {
            let chunk = Array(plan.accountIDs[start..<min(start + chunkSize, plan.accountIDs.count)])
            let inputs = try store.receiptInputs(period, accountIDs: chunk)
            let numbers = try store.documentNumbers(for: chunk.map { DocumentKey.receipt(accountID: $0, period: period) },
                                                    issuerINN: payee.inn)
            var contents: [ReceiptContent] = []
            for (input, number) in zip(inputs, numbers) {
                do {
                    contents.append(try ReceiptContent(input: input, number: number, payee: payee, suppliers: reference.suppliers,
                                                       services: reference.services, rules: rules))
                } catch {
                    throw AppError(.badData, .receiptOfAccount(input.account.id, period: period, AppError.cause(of: error)))
                }
            }
            let paths = contents.map {
                (outputFolder as NSString).appendingPathComponent(DocumentFileName.receipt(accountID: $0.account.id, period: period))
            }
            let rendered = try Self.renderSeparately(contents, to: paths, keepingPages: batch != nil, with: renderer)
            var paper: [PaperReceipt] = []
            for (content, (path, receipt)) in zip(contents, zip(paths, rendered)) {
                report.files.append(path)
                if content.account.eReceipt {
                    report.eReceipts += 1
                } else if batch != nil {
                    paper.append((content, receipt.qrCode, receipt.pages))
                    report.batchReceipts += 1
                }
                progress(report.files.count, plan.accountIDs.count)
            }
            try batch?.append(paper)
            start += chunk.count
        }
        try batch?.finish()
        return report
    }

    /// Renders the separate files of `contents` and writes them to `paths`, on every core
    /// (`DispatchQueue.concurrentPerform` bounds the threads by the core count); returns their QR codes
    /// and, with `keepingPages`, their pages, in order, for the batch. The first failure in content order
    /// is thrown.
    private static func renderSeparately(_ contents: [ReceiptContent], to paths: [String], keepingPages: Bool,
                                         with renderer: any ReceiptRendering) throws -> [(qrCode: QRCodePath, pages: PreparedPages?)] {
        let results = Mutex<[Result<(qrCode: QRCodePath, pages: PreparedPages?), any Error>?]>(Array(repeating: nil, count: contents.count))
        DispatchQueue.concurrentPerform(iterations: contents.count) { index in
            let content = contents[index]
            let attachment = PDFAttachment(name: "receipt.xml", data: Array(content.xml.utf8), mimeType: "application/xml",
                                           description: "Данные квитанции " + content.number.text, relationship: "Data")
            let result = Result { () throws -> (qrCode: QRCodePath, pages: PreparedPages?) in
                let qrCode = try renderer.qrCode(for: content)
                let rendered = try renderer.render(content, qrCode: qrCode, attachment: attachment)
                try OutputFile.write(rendered.file, to: paths[index])
                return (qrCode: qrCode, pages: keepingPages && !content.account.eReceipt ? rendered.pages : nil)
            }
            results.withLock { $0[index] = result }
        }
        return try results.withLock { $0 }.map { slot in
            guard let slot else { throw AppError(.internalError, .receiptNotRendered) }
            return try slot.get()
        }
    }

    /// Refuses two accounts whose ids map to one file name (one file would overwrite the other).
    private func checkFileNames(_ accountIDs: [String]) throws(AppError) {
        var owners: [String: String] = [:]
        for id in accountIDs {
            let name = DocumentFileName.receipt(accountID: id, period: period)
            if let other = owners[name] {
                throw AppError(.badData, .receiptFileNameClash(other, id, file: name))
            }
            owners[name] = id
        }
    }
}
