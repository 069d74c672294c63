import ArgumentParser
import RaschetApp

/// `raschet synth`: a deterministic synthetic data set in the SPEC CSV formats (SPEC section 5).
struct Synth: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: HelpText.synthAbstract.localized
    )

    @Option(help: help(HelpText.synthAccounts))
    var accounts: Int

    @Option(help: help(HelpText.synthOut, valueName: "DIR"))
    var out: String

    @Option(help: help(HelpText.synthSeed))
    var seed: UInt64 = 1

    @Option(help: help(HelpText.synthPeriod, valueName: "YYYY-MM"))
    var period: BillingMonth?

    @Option(help: help(HelpText.synthMonths, valueName: "N"))
    var months: Int = 1

    @Option(help: help(HelpText.synthHistoryMonths, valueName: "N"))
    var historyMonths: Int = 4

    func validate() throws {
        guard SynthesizeDataSet.accountRange.contains(accounts) else { throw ValidationError(CommandText.accountsFlagRange(SynthesizeDataSet.accountRange.upperBound).localized) }
        guard SynthesizeDataSet.monthRange.contains(months) else { throw ValidationError(CommandText.monthsFlagRange(SynthesizeDataSet.monthRange.upperBound).localized) }
        guard SynthesizeDataSet.historyRange.contains(historyMonths) else {
            throw ValidationError(CommandText.historyMonthsFlagRange(SynthesizeDataSet.historyRange.upperBound).localized)
        }
    }

    func run() throws {
        try reportingFailures {
            let report = try SynthesizeDataSet(accounts: accounts, folder: out, seed: seed, month: period ?? .previous(),
                                               months: months, historyMonths: historyMonths).run()
            print(CommandText.synthWritten(files: report.files, accounts: report.accounts, period: report.month.description,
                                           months: report.months, seed: report.seed, folder: report.folder).localized)
        }
    }
}
