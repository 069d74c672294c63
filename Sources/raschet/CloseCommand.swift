import ArgumentParser
import RaschetApp

/// `raschet close YYYY-MM [--dry-run]`: the monthly close (SPEC section 4), run by `CloseMonth`;
/// this command shows progress and reports.
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
    var period: BillingMonth

    @Flag(help: "Compute and report without storing anything.")
    var dryRun = false

    @Option(help: "Accounts per transaction.")
    var batchSize: Int = 2_000

    @Flag(help: ArgumentHelp("Print where the time went (load, compute, save).", visibility: .hidden))
    var timings = false

    @Flag(help: ArgumentHelp("Recompute every earlier period, not only those whose inputs changed (same result).",
                             visibility: .hidden))
    var fullRecompute = false

    func validate() throws {
        guard batchSize > 0 else { throw ValidationError("--batch-size must be positive") }
    }

    func run() throws {
        try reportingFailures {
            global.announceSettings()
            let bar = ProgressBar(label: "close \(period)")
            let report = try CloseMonth(workspace: global.workspace, month: period, dryRun: dryRun, batchSize: batchSize,
                                        today: .fromProcess(), recomputeAll: fullRecompute).run {
                bar.update(done: $0, total: $1)
            }
            bar.finish()
            if report.outcome == .alreadyClosed {
                print("period \(period) is already closed; nothing to do (a closed period is never rewritten)")
                return
            }
            let verb = dryRun ? "dry run of" : "closed"
            print("\(verb) \(period): \(report.closed) accounts closed, \(report.parked.count) parked"
                + (report.alreadyDone > 0 ? ", \(report.alreadyDone) already done by an earlier run" : ""))
            print("lines \(report.lines); charged \(report.charged), recalc \(report.recalc), "
                + "penalty \(report.penalty), paid \(report.paid)")
            if timings {
                print("timings: load \(report.loadTime), compute \(report.computeTime), save+commit \(report.saveTime), \(report.batches) batches")
            }
            if let path = report.reviewListPath {
                print("review list: \(report.reviewFlags) flag(s) in \(path)")
            } else {
                print("review list: \(report.reviewFlags) flag(s) (not written: dry run)")
            }
            if !report.parked.isEmpty {
                for parked in report.parked {
                    CommandFailure.printError("parked \(parked.account): \(parked.reason)")
                }
                CommandFailure.printError("\(report.parked.count) account(s) parked; fix the data and run `raschet close \(period)` again to compute them")
                throw ExitCode(report.exitCode)
            }
        }
    }
}
