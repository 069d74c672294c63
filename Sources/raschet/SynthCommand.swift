import ArgumentParser
import RaschetApp

/// `raschet synth`: a deterministic synthetic data set in the SPEC CSV formats (SPEC section 5).
struct Synth: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a deterministic synthetic data set (CSV files) ready to close for a period."
    )

    @Option(help: "How many accounts (about 90 % households, 10 % businesses).")
    var accounts: Int

    @Option(help: ArgumentHelp("The folder to write the CSV files into (created if needed).", valueName: "DIR"))
    var out: String

    @Option(help: "The random seed: the same seed, count and period give the same bytes.")
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("The period the data is ready to close (default: the previous month).", valueName: "YYYY-MM"))
    var period: BillingMonth?

    @Option(help: ArgumentHelp("Consecutive months of inputs from the period, one folder DIR/YYYY-MM per month.",
                               valueName: "N"))
    var months: Int = 1

    func validate() throws {
        guard SynthesizeDataSet.accountRange.contains(accounts) else { throw ValidationError("--accounts must be from 1 to 99999999") }
        guard SynthesizeDataSet.monthRange.contains(months) else { throw ValidationError("--months must be from 1 to 36") }
    }

    func run() throws {
        try reportingFailures {
            let report = try SynthesizeDataSet(accounts: accounts, folder: out, seed: seed, month: period ?? .previous(),
                                               months: months).run()
            let span = report.months == 1 ? "period \(report.month)" : "\(report.months) months from \(report.month)"
            print("wrote \(report.files) files for \(report.accounts) accounts, \(span), seed \(report.seed), to \(report.folder)")
        }
    }
}
