import ArgumentParser
import Foundation
import RaschetCore
import RaschetStore

/// `raschet export charges|balances|payments --period YYYY-MM [--account ID] [--format json|csv]`:
/// the results of a close, machine-readable (SPEC section 5), on standard output. Refused (exit 65)
/// for a period whose close has not finished.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a closed period's charges, balances or payments as JSON or CSV."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "charges, balances or payments.")
    var what: String

    @Option(help: ArgumentHelp("The closed period.", valueName: "YYYY-MM"))
    var period: String

    @Option(help: ArgumentHelp("Only this account.", valueName: "ID"))
    var account: String?

    @Option(help: "json or csv.")
    var format: String = "json"

    func validate() throws {
        guard ["charges", "balances", "payments"].contains(what) else {
            throw ValidationError("unknown export '\(what)'; use charges, balances or payments")
        }
        guard Period(parsing: period) != nil else { throw ValidationError("--period must be YYYY-MM, for example 2026-10") }
        guard format == "json" || format == "csv" else { throw ValidationError("--format must be json or csv") }
    }

    func run() throws {
        try reportingFailures {
            let period = Period(parsing: self.period)!
            let store = try Store.open(at: global.db)
            // A period not (yet, or not completely) closed would export partial or no data silently.
            guard try store.closeStatus(period) == .closed else {
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
