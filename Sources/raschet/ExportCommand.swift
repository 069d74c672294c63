import ArgumentParser
import Foundation
import RaschetApp

/// `raschet export charges|balances|payments --period YYYY-MM [--account ID] [--format json|csv]`:
/// the results of a close, machine-readable (SPEC section 5), on standard output; `raschet export
/// turnover --from YYYY-MM --to YYYY-MM`: the turnover sheet of the closed periods of a range.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a closed period's charges, balances or payments, or a turnover sheet, as JSON or CSV."
    )

    @OptionGroup var global: GlobalOptions

    /// The export kinds of `ExportResults`, and the turnover sheet (`ExportTurnover`).
    enum What: String, ExpressibleByArgument, CaseIterable {
        case charges, balances, payments, turnover

        var periodKind: ExportKind? { ExportKind(rawValue: rawValue) }
    }

    @Argument(help: "charges, balances, payments or turnover.")
    var what: What

    @Option(help: ArgumentHelp("The closed period (charges, balances, payments).", valueName: "YYYY-MM"))
    var period: BillingMonth?

    @Option(help: ArgumentHelp("The first period of the turnover sheet.", valueName: "YYYY-MM"))
    var from: BillingMonth?

    @Option(help: ArgumentHelp("The last period of the turnover sheet.", valueName: "YYYY-MM"))
    var to: BillingMonth?

    @Option(help: ArgumentHelp("Only this account.", valueName: "ID"))
    var account: String?

    @Option(help: "json or csv.")
    var format: ExportFormat = .json

    func validate() throws {
        if what == .turnover {
            guard from != nil, to != nil else {
                throw ValidationError("turnover needs --from and --to as YYYY-MM, for example --from 2026-08 --to 2026-10")
            }
        } else if period == nil {
            throw ValidationError("\(what.rawValue) needs --period YYYY-MM, for example --period 2026-10")
        }
    }

    func run() throws {
        try reportingFailures {
            if what == .turnover, let from, let to {
                try ExportTurnover(database: global.db, from: from, to: to, account: account, format: format).run { text in
                    FileHandle.standardOutput.write(Data(text.utf8))
                }
            } else if let period, let kind = what.periodKind {
                let text = try ExportResults(database: global.db, kind: kind, month: period, account: account, format: format).run()
                FileHandle.standardOutput.write(Data(text.utf8))
            }
        }
    }
}
