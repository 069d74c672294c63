import ArgumentParser
import Foundation
import RaschetApp

/// `raschet export charges|balances|payments --period YYYY-MM [--account ID] [--format json|csv]`:
/// the results of a close, machine-readable (SPEC section 5), on standard output.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a closed period's charges, balances or payments as JSON or CSV."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "charges, balances or payments.")
    var what: ExportKind

    @Option(help: ArgumentHelp("The closed period.", valueName: "YYYY-MM"))
    var period: BillingMonth

    @Option(help: ArgumentHelp("Only this account.", valueName: "ID"))
    var account: String?

    @Option(help: "json or csv.")
    var format: ExportFormat = .json

    func run() throws {
        try reportingFailures {
            let text = try ExportResults(database: global.db, kind: what, month: period, account: account, format: format).run()
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}
