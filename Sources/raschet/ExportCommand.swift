import ArgumentParser
import Foundation
import RaschetApp

/// `raschet export charges|balances|payments --period YYYY-MM [--account ID] [--format json|csv]`:
/// the results of a close, machine-readable (SPEC section 5), on standard output; `raschet export
/// turnover --from YYYY-MM --to YYYY-MM`: the turnover sheet of the closed periods of a range.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: HelpText.exportAbstract.localized
    )

    @OptionGroup var global: GlobalOptions

    /// The export kinds of `ExportResults`, and the turnover sheet (`ExportTurnover`).
    enum What: String, ExpressibleByArgument, CaseIterable {
        case charges, balances, payments, turnover

        var periodKind: ExportKind? { ExportKind(rawValue: rawValue) }
    }

    @Argument(help: help(HelpText.exportWhat))
    var what: What

    @Option(help: help(HelpText.exportPeriod, valueName: "YYYY-MM"))
    var period: BillingMonth?

    @Option(help: help(HelpText.turnoverFrom, valueName: "YYYY-MM"))
    var from: BillingMonth?

    @Option(help: help(HelpText.turnoverTo, valueName: "YYYY-MM"))
    var to: BillingMonth?

    @Option(help: help(HelpText.onlyAccount, valueName: "ID"))
    var account: String?

    @Option(help: help(HelpText.exportFormat))
    var format: ExportFormat = .json

    func validate() throws {
        if what == .turnover {
            guard from != nil, to != nil else {
                throw ValidationError(CommandText.turnoverNeedsRange.localized)
            }
        } else if period == nil {
            throw ValidationError(CommandText.exportNeedsPeriod(what.rawValue).localized)
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
