import ArgumentParser
import Foundation
import RaschetClose
import RaschetCore
import RaschetStore

/// `raschet close YYYY-MM [--dry-run]`: the monthly close (SPEC section 4). The orchestration
/// (batches, markers, idempotency) lives in `RaschetClose` (`MonthlyClose`); this command parses,
/// shows progress, writes the review list and reports.
struct Close: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compute and store a period's charges, recalculations, penalties, payments and balances.",
        discussion: """
            Accounts are closed in batches, one transaction each; a rerun after a crash finishes the period. \
            Accounts that cannot be computed are parked and listed (exit 65); closing the period again after \
            the data is fixed computes only them. The review list of implausible charges is written to \
            DB.review-YYYY-MM.csv next to the database.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The period to close.", valueName: "YYYY-MM"))
    var period: String

    @Flag(help: "Compute and report without storing anything.")
    var dryRun = false

    @Option(help: "Accounts per transaction.")
    var batchSize: Int = 2_000

    @Flag(help: ArgumentHelp("Print where the time went (load, compute, save).", visibility: .hidden))
    var timings = false

    func validate() throws {
        guard Period(parsing: period) != nil else { throw ValidationError("the period must be YYYY-MM, for example 2026-10") }
        guard batchSize > 0 else { throw ValidationError("--batch-size must be positive") }
    }

    func run() throws {
        try reportingFailures {
            let period = Period(parsing: self.period)!
            let settings = try SettingsFile.load(global.config)
            let store = try Store.open(at: global.db)
            let bar = ProgressBar(label: "close \(period.code)")
            let close = MonthlyClose(store: store, period: period, rules: settings.billingRules, batchSize: batchSize, dryRun: dryRun)
            let report = try close.run {
                bar.update(done: $0.done, total: $0.total)
            }
            bar.finish()
            if report.outcome == .alreadyClosed {
                print("period \(period.code) is already closed; nothing to do (a closed period is never rewritten)")
                return
            }
            let verb = dryRun ? "dry run of" : "closed"
            print("\(verb) \(period.code): \(report.closed) accounts closed, \(report.parked.count) parked"
                + (report.alreadyDone > 0 ? ", \(report.alreadyDone) already done by an earlier run" : ""))
            print("lines \(report.lines); charged \(report.charged.machineString), recalc \(report.recalc.machineString), "
                + "penalty \(report.penalty.machineString), paid \(report.paid.machineString)")
            if timings {
                print("timings: load \(report.loadTime), compute \(report.computeTime), save+commit \(report.saveTime), \(report.batches) batches")
            }
            if !dryRun {
                let flags = try store.reviewFlags(period)
                let path = global.db + ".review-" + period.code + ".csv"
                try Data(ExportTable.reviewList(period: period, flags: flags).csv.utf8).write(to: URL(fileURLWithPath: path))
                print("review list: \(flags.count) flag(s) in \(path)")
            } else {
                print("review list: \(report.reviewFlags) flag(s) (not written: dry run)")
            }
            if !report.parked.isEmpty {
                for parked in report.parked {
                    CommandFailure.printError("parked \(parked.accountID): \(parked.reason)")
                }
                CommandFailure.printError("\(report.parked.count) account(s) parked; fix the data and run `raschet close \(period.code)` again to compute them")
                throw ExitCode(ExitStatus.badData)
            }
        }
    }
}
