import ArgumentParser
import Foundation
import RaschetApp

/// `raschet export charges|balances|payments --period YYYY-MM [--account ID] [--format json|csv]`:
/// the results of a close, machine-readable (SPEC section 5), on standard output or `--out FILE`;
/// `raschet export turnover --from YYYY-MM --to YYYY-MM`: the turnover sheet of the closed periods
/// of a range. CSV for spreadsheets: `--decimal-comma`, `--encoding cp1251`, `--bom`.
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

    @Option(help: ArgumentHelp("Write to this file (atomically; never through a symbolic link) instead of standard output.",
                               valueName: "FILE"))
    var out: String?

    @Flag(help: "CSV only: numbers with a decimal comma (1234,56); fields stay separated by ;.")
    var decimalComma = false

    @Option(help: "CSV only: utf8 or cp1251 (windows-1251).")
    var encoding: ExportEncoding = .utf8

    @Flag(help: "CSV only: start with a UTF-8 byte order mark, for Excel.")
    var bom = false

    @Flag(help: "Export even though accounts of the period are parked (they are left out).")
    var allowParked = false

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
            let output = ExportOutput(format: format, file: out, decimalComma: decimalComma, encoding: encoding, byteOrderMark: bom)
            if what == .turnover, let from, let to {
                try ExportTurnover(database: global.db, from: from, to: to, account: account, output: output,
                                   allowParked: allowParked).run()
            } else if let period, let kind = what.periodKind {
                try ExportResults(database: global.db, kind: kind, month: period, account: account, output: output,
                                  allowParked: allowParked).run()
            }
        }
    }
}
