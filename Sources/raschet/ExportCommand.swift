import ArgumentParser
import Foundation
import RaschetApp

/// `raschet export charges|balances|payments --period YYYY-MM [--account ID] [--format json|csv]`:
/// the results of a close, machine-readable (SPEC section 5), on standard output or `--out FILE`;
/// `raschet export turnover --from YYYY-MM --to YYYY-MM`: the turnover sheet of the closed periods
/// of a range. CSV for spreadsheets: `--decimal-comma`, `--encoding cp1251`, `--bom`.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: HelpText.exportAbstract.localized
    )

    @OptionGroup var global: GlobalOptions

    /// The export kinds of `ExportResults`, and the turnover sheet (`ExportTurnover`).
    enum What: String, NamedChoice {
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
    var format: ExportFormat?

    @Option(help: help(HelpText.exportOut, valueName: "FILE"))
    var out: String?

    @Flag(help: help(HelpText.exportDecimalComma))
    var decimalComma = false

    /// Nil: `utf8`, as the help text says (see `GlobalOptions.databaseOption`).
    @Option(help: help(HelpText.exportEncoding))
    var encoding: ExportEncoding?

    @Flag(help: help(HelpText.exportBOM))
    var bom = false

    @Flag(help: help(HelpText.exportAllowParked))
    var allowParked = false

    func validate() throws {
        if what == .turnover {
            guard from != nil, to != nil, period == nil else {
                throw ValidationError(CommandText.turnoverNeedsRange.localized)
            }
        } else if period == nil || from != nil || to != nil {
            throw ValidationError(CommandText.exportNeedsPeriod(what.rawValue).localized)
        }
    }

    /// `--format`, else CSV for an `--out` file named `*.csv`, else JSON.
    var resolvedFormat: ExportFormat {
        format ?? (out?.lowercased().hasSuffix(".csv") == true ? .csv : .json)
    }

    func run() throws {
        try reportingFailures {
            let output = ExportOutput(format: resolvedFormat, file: out, decimalComma: decimalComma, encoding: encoding ?? .utf8,
                                      byteOrderMark: bom)
            var leftOut = 0
            if what == .turnover, let from, let to {
                leftOut = try ExportTurnover(database: global.db, from: from, to: to, account: account, output: output,
                                             allowParked: allowParked).run()
            } else if let period, let kind = what.periodKind {
                leftOut = try ExportResults(database: global.db, kind: kind, month: period, account: account, output: output,
                                            allowParked: allowParked).run()
            }
            if leftOut > 0 { CommandFailure.printNotice(CommandText.exportLeftOutParked(leftOut)) }
        }
    }
}
