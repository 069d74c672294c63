import ArgumentParser
import RaschetApp

/// `raschet reopen YYYY-MM`: undoes a mistaken close, run by `ReopenPeriod`.
struct Reopen: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: HelpText.reopenAbstract.localized,
        discussion: HelpText.reopenDiscussion.localized
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: help(HelpText.reopenPeriod, valueName: "YYYY-MM"))
    var period: BillingMonth

    func run() throws {
        try reportingFailures {
            let deleted = try ReopenPeriod(workspace: global.workspace, month: period).run()
            print(CommandText.reopened(period.description, deletedReviewList: deleted).localized)
        }
    }
}
