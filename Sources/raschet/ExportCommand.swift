import ArgumentParser
import Foundation
import RaschetCore
import RaschetStore

/// `raschet export charges|balances|payments --period YYYY-MM [--account ID] [--format json|csv]`:
/// the results of a close, machine-readable (SPEC section 5), on standard output. Refused (exit 65)
/// for a period whose close has not finished. `raschet export turnover --from YYYY-MM --to YYYY-MM`:
/// the turnover sheet of the closed periods of a range (`TurnoverExport`).
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a closed period's charges, balances or payments, or a turnover sheet, as JSON or CSV."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "charges, balances, payments or turnover.")
    var what: String

    @Option(help: ArgumentHelp("The closed period (charges, balances, payments).", valueName: "YYYY-MM"))
    var period: String?

    @Option(help: ArgumentHelp("The first period of the turnover sheet.", valueName: "YYYY-MM"))
    var from: String?

    @Option(help: ArgumentHelp("The last period of the turnover sheet.", valueName: "YYYY-MM"))
    var to: String?

    @Option(help: ArgumentHelp("Only this account.", valueName: "ID"))
    var account: String?

    @Option(help: "json or csv.")
    var format: String = "json"

    func validate() throws {
        guard ["charges", "balances", "payments", "turnover"].contains(what) else {
            throw ValidationError("unknown export '\(what)'; use charges, balances, payments or turnover")
        }
        if what == "turnover" {
            guard let from = from.flatMap(Period.init(parsing:)), let to = to.flatMap(Period.init(parsing:)) else {
                throw ValidationError("turnover needs --from and --to as YYYY-MM, for example --from 2026-08 --to 2026-10")
            }
            guard from <= to else { throw ValidationError("--from \(from.code) is after --to \(to.code)") }
        } else {
            guard period.flatMap(Period.init(parsing:)) != nil else {
                throw ValidationError("--period must be YYYY-MM, for example 2026-10")
            }
        }
        guard format == "json" || format == "csv" else { throw ValidationError("--format must be json or csv") }
    }

    func run() throws {
        try reportingFailures {
            if what == "turnover" {
                let export = TurnoverExport(database: global.db, from: Period(parsing: from!)!, to: Period(parsing: to!)!,
                                            account: account, format: format == "json" ? .json : .csv)
                return try export.run { FileHandle.standardOutput.write(Data($0.utf8)) }
            }
            let period = Period(parsing: self.period!)!
            let store = try Store.open(at: global.db)
            // A period not (yet, or not completely) closed would export partial or no data silently.
            guard try store.closeStatus(period) == "closed" else {
                throw StoreError(.refused, "период \(period.code) не закрыт; сначала выполните raschet close \(period.code)")
            }
            let table: ExportTable = switch what {
            case "charges": .charges(period: period, lines: try store.chargeLines(period, account: account))
            case "balances": .balances(period: period, balances: try store.balances(period, account: account))
            default: .payments(period: period, payments: try store.postedPayments(period, account: account))
            }
            FileHandle.standardOutput.write(Data((format == "json" ? table.json : table.csv).utf8))
        }
    }
}
