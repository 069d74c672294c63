import ArgumentParser
import Foundation
import RaschetCore
import RaschetStore

extension Render {
    /// `raschet render receipts --period YYYY-MM --out DIR [--account ID ...] [--batch FILE.pdf]`.
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
        var period: String

        @Option(help: ArgumentHelp("The folder for the separate files (created when missing).", valueName: "DIR"))
        var out: String

        @Option(name: .customLong("account"), parsing: .upToNextOption,
                help: ArgumentHelp("Only these accounts (`--account A B` or `--account A --account B`).", valueName: "ID"))
        var accounts: [String] = []

        @Option(help: ArgumentHelp("Also write the print batch of paper receipts to this file.", valueName: "FILE.pdf"))
        var batch: String?

        @Option(help: ArgumentHelp("The font folder (default: Fonts/ found next to the working folder or the executable).", valueName: "DIR"))
        var fonts: String?

        func validate() throws {
            guard Period(parsing: period) != nil else { throw ValidationError("--period must be YYYY-MM, for example 2026-10") }
            _ = try RenderEnvironment.creationDate()
        }

        func run() throws {
            try reportingFailures {
                let period = Period(parsing: self.period)!
                let settings = try SettingsFile.load(global.config)
                guard let payee = settings.organization else {
                    throw SettingsError(file: global.config ?? "raschet.toml", key: "organization",
                                        message: "missing; receipts need the payee's requisites (name, inn, bank_name, bic, corr_account, account)")
                }
                let store = try Store.open(at: global.db)
                let run = ReceiptRun(store: store, period: period, payee: payee, rules: settings.billingRules,
                                     outputFolder: out, accounts: accounts.isEmpty ? nil : accounts, batchPath: batch)
                let report = try Self.render(run) { try Self.requireRenderer(fonts: fonts) }
                print("wrote \(report.files.count) receipt(s) of \(period.code) to \(out)")
                if let batch {
                    print("print batch: \(report.batchReceipts) receipt(s) in \(batch); \(report.eReceipts) e-receipt account(s) left out")
                }
                if !report.parked.isEmpty {
                    for parked in report.parked {
                        CommandFailure.printError("parked \(parked.accountID): no receipt (\(parked.reason))")
                    }
                    CommandFailure.printError("\(report.parked.count) account(s) parked in the close of \(period.code); "
                        + "fix the data, run `raschet close \(period.code)` and render them again")
                    throw ExitCode(ExitStatus.badData)
                }
            }
        }

        /// Runs `run` with a progress bar, reporting its failures with their exit codes.
        static func render(_ run: ReceiptRun, renderer: @escaping () throws -> any ReceiptRendering) throws -> ReceiptRun.Report {
            let bar = ProgressBar(label: "receipts \(run.period.code)")
            defer { bar.finish() }
            do {
                return try run.run(makeRenderer: renderer) { bar.update(done: $0, total: $1) }
            } catch let failure as ReceiptRun.Failure {
                CommandFailure.printError(failure.message)
                throw ExitCode(failure.exitCode)
            }
        }

        /// The receipt renderer of `RaschetDocuments` (templates in `Templates/`, fonts from `--fonts`).
        ///
        /// The template renderer is being built alongside this command (issue 10) and is wired here when
        /// it is merged; until then this build has none (nil).
        static func makeRenderer(fonts: String?) throws -> (any ReceiptRendering)? {
            nil
        }

        /// `makeRenderer`, or a failure saying this build has none (exit 70).
        static func requireRenderer(fonts: String?) throws -> any ReceiptRendering {
            guard let renderer = try makeRenderer(fonts: fonts) else {
                throw ReceiptRun.Failure(message: "this build has no receipt template renderer (RaschetDocuments); "
                    + "receipts cannot be rendered", exitCode: ExitStatus.internalError)
            }
            return renderer
        }
    }
}
