import ArgumentParser
import Foundation
import RaschetApp

extension Render {
    /// `raschet render receipts --period YYYY-MM --out DIR [--account ID ...] [--batch FILE.pdf]` (`RenderReceipts`).
    struct Receipts: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Render a closed period's receipts: one PDF/A-3b file per account, and a print batch.",
            discussion: """
                Files are named <account id>_<YYYY-MM>.pdf (characters outside A-Z a-z 0-9 . _ - become _) and \
                carry the receipt's data as an attached receipt.xml. The print batch holds every paper receipt \
                (accounts with e_receipt = 1 are left out), sorted by delivery route, then address. Each receipt \
                gets a number of the organization's gapless series once; a reprint shows the same number. \
                Parked accounts get no receipt: they are listed and the exit code is 65.
                """
        )

        @OptionGroup var global: GlobalOptions

        @Option(help: ArgumentHelp("The closed period.", valueName: "YYYY-MM"))
        var period: BillingMonth

        @Option(help: ArgumentHelp("The folder for the separate files (created when missing).", valueName: "DIR"))
        var out: String

        @Option(name: .customLong("account"), parsing: .upToNextOption,
                help: ArgumentHelp("Only these accounts (`--account A B` or `--account A --account B`).", valueName: "ID"))
        var accounts: [String] = []

        @Option(help: ArgumentHelp("Also write the print batch of paper receipts to this file.", valueName: "FILE.pdf"))
        var batch: String?

        @Option(help: ArgumentHelp("The font folder (default: Fonts/ next to the working folder or the executable).", valueName: "DIR"))
        var fonts: String?

        @Option(help: ArgumentHelp("The template folder (default: Templates/ next to the working folder or the executable).",
                                   valueName: "DIR"))
        var templates: String?

        func run() throws {
            try reportingFailures {
                global.announceSettings()
                let bar = ProgressBar(label: "receipts \(period)")
                let report = try RenderReceipts(
                    workspace: global.workspace, month: period, outputFolder: out, accounts: accounts, batchPath: batch,
                    fontFolder: fonts, templateFolder: templates, environment: try DocumentEnvironment.fromProcess()
                ).run { bar.update(done: $0, total: $1) }
                bar.finish()
                print("wrote \(report.files.count) receipt(s) of \(period) to \(out)")
                if let batch {
                    print("print batch: \(report.batchReceipts) receipt(s) in \(batch); \(report.eReceipts) e-receipt account(s) left out")
                }
                guard report.parked.isEmpty else {
                    for parked in report.parked {
                        CommandFailure.printError("parked \(parked.account): no receipt (\(parked.reason))")
                    }
                    CommandFailure.printError("\(report.parked.count) account(s) parked in the close of \(period); "
                        + "fix the data, run `raschet close \(period)` and render them again")
                    throw ExitCode(report.exitCode)
                }
            }
        }
    }
}
