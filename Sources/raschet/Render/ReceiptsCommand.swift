import ArgumentParser
import Foundation
import RaschetApp

extension Render {
    /// `raschet render receipts --period YYYY-MM --out DIR [--account ID ...] [--batch FILE.pdf] [--files all|e-receipts]`
    /// (`RenderReceipts`).
    struct Receipts: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: HelpText.receiptsAbstract.localized,
            discussion: HelpText.receiptsDiscussion.localized
        )

        @OptionGroup var global: GlobalOptions

        @Option(help: help(HelpText.closedPeriod, valueName: "YYYY-MM"))
        var period: BillingMonth

        @Option(help: help(HelpText.receiptsOut, valueName: "DIR"))
        var out: String

        @Option(name: .customLong("account"), parsing: .upToNextOption,
                help: help(HelpText.receiptsAccounts, valueName: "ID"))
        var accounts: [String] = []

        @Option(help: help(HelpText.receiptsBatch, valueName: "FILE.pdf"))
        var batch: String?

        /// Nil: `all`, as the help text says (see `GlobalOptions.databaseOption`).
        @Option(help: help(HelpText.receiptsFiles, valueName: "all|e-receipts"))
        var files: ReceiptFiles?

        @Option(help: help(HelpText.fonts, valueName: "DIR"))
        var fonts: String?

        @Option(help: help(HelpText.templates, valueName: "DIR"))
        var templates: String?

        func run() throws {
            try reportingFailures {
                global.announceSettings()
                let bar = ProgressBar(label: CommandText.receiptsProgress(period.description).localized)
                let report = try RenderReceipts(
                    workspace: global.workspace, month: period, outputFolder: out, accounts: accounts, batchPath: batch,
                    files: files ?? .all, fontFolder: fonts, templateFolder: templates, environment: try DocumentEnvironment.fromProcess()
                ).run { bar.update(done: $0, total: $1) }
                bar.finish()
                print(CommandText.receiptsWritten(report.files.count, period: period.description, folder: out).localized)
                if let batch {
                    print(CommandText.printBatchWritten(receipts: report.batchReceipts, path: batch, eReceipts: report.eReceipts).localized)
                }
                guard report.parked.isEmpty else {
                    for parked in report.parked {
                        CommandFailure.printError(CommandText.parkedNoReceipt(parked.account, reason: parked.reason))
                    }
                    CommandFailure.printError(CommandText.receiptsParked(report.parked.count, period: period.description))
                    throw ExitCode(report.exitCode)
                }
            }
        }
    }
}
