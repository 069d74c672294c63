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

    static let defaultSeed: UInt64 = 1
    static let defaultMonths = 1
    static let defaultHistoryMonths = 4

    // The options with a default are optional, the default in their help text (see
    // `GlobalOptions.databaseOption`).
    @Option(name: .customLong("seed"), help: help(HelpText.synthSeed(default: defaultSeed)))
    var seedOption: UInt64?

    @Option(help: help(HelpText.synthPeriod, valueName: "YYYY-MM"))
    var period: BillingMonth?

    @Option(name: .customLong("months"), help: help(HelpText.synthMonths(default: defaultMonths), valueName: "N"))
    var monthsOption: Int?

    @Option(name: .customLong("history-months"),
            help: help(HelpText.synthHistoryMonths(default: defaultHistoryMonths), valueName: "N"))
    var historyMonthsOption: Int?

    var seed: UInt64 { seedOption ?? Self.defaultSeed }
    var months: Int { monthsOption ?? Self.defaultMonths }
    var historyMonths: Int { historyMonthsOption ?? Self.defaultHistoryMonths }

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
