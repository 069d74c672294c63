import ArgumentParser
import RaschetApp

/// `raschet close YYYY-MM [--dry-run]`: the monthly close (SPEC section 4), run by `CloseMonth`;
/// this command shows progress and reports.
struct Close: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: HelpText.closeAbstract.localized,
        discussion: HelpText.closeDiscussion.localized
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: help(HelpText.closePeriod, valueName: "YYYY-MM"))
    var period: BillingMonth

    @Flag(help: help(HelpText.closeDryRun))
    var dryRun = false

    static let defaultBatchSize = 2_000

    // Optional, with the default in the help text (see `GlobalOptions.databaseOption`).
    @Option(name: .customLong("batch-size"), help: help(HelpText.closeBatchSize(default: defaultBatchSize)))
    var batchSizeOption: Int?

    var batchSize: Int { batchSizeOption ?? Self.defaultBatchSize }

    @Flag(help: help(HelpText.closeTimings, visibility: .hidden))
    var timings = false

    @Flag(help: help(HelpText.closeFullRecompute, visibility: .hidden))
    var fullRecompute = false

    func validate() throws {
        guard batchSize > 0 else { throw ValidationError(CommandText.batchSizePositive.localized) }
    }

    func run() throws {
        try reportingFailures {
            global.announceSettings()
            let bar = ProgressBar(label: CommandText.closeProgress(period.description).localized)
            let report = try CloseMonth(workspace: global.workspace, month: period, dryRun: dryRun, batchSize: batchSize,
                                        today: .fromProcess(), recomputeAll: fullRecompute).run {
                bar.update(done: $0, total: $1)
            }
            bar.finish()
            if report.outcome == .alreadyClosed {
                print(CommandText.alreadyClosed(period.description).localized)
                return
            }
            print(CommandText.closeSummary(period.description, dryRun: dryRun, closed: report.closed, parked: report.parked.count,
                                           alreadyDone: report.alreadyDone).localized)
            print(CommandText.closeTotals(lines: report.lines, charged: report.charged, recalc: report.recalc,
                                          penalty: report.penalty, paid: report.paid).localized)
            if timings {
                print(CommandText.closeTimings(load: report.loadTime, compute: report.computeTime, save: report.saveTime,
                                               batches: report.batches).localized)
            }
            if let path = report.reviewListPath {
                print(CommandText.reviewListWritten(flags: report.reviewFlags, path: path).localized)
            } else {
                print(CommandText.reviewListNotWritten(flags: report.reviewFlags).localized)
            }
            if !report.parked.isEmpty {
                for parked in report.parked {
                    CommandFailure.printError(CommandText.parkedAccount(parked.account, reason: parked.reason))
                }
                CommandFailure.printError(CommandText.accountsParked(report.parked.count, period: period.description))
                throw ExitCode(report.exitCode)
            }
        }
    }
}
