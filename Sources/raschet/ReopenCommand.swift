import ArgumentParser
import RaschetApp

/// `raschet reopen YYYY-MM`: undoes a mistaken close, run by `ReopenPeriod`.
struct Reopen: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Undo the latest close when none of its documents was issued or sent.",
        discussion: """
            Deletes everything the close of the period stored (lines, balances, posted payments, review flags) \
            and its review list, so the database is as it was before the close. Refused (exit 65) for a period \
            that is not the latest closed one, or when documents of it were numbered or sent: cancel them first.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The period to reopen.", valueName: "YYYY-MM"))
    var period: BillingMonth

    func run() throws {
        try reportingFailures {
            let deleted = try ReopenPeriod(workspace: global.workspace, month: period).run()
            print("reopened \(period): its close is undone" + (deleted.map { "; deleted the review list \($0)" } ?? ""))
        }
    }
}
