import ArgumentParser
import RaschetApp

/// The options every statement command shares: the output file, fonts and templates.
struct StatementOutputOptions: ParsableArguments {
    @Option(help: help(HelpText.pdfOut, valueName: "FILE.pdf"))
    var out: String

    @Option(help: help(HelpText.fonts, valueName: "DIR"))
    var fonts: String?

    @Option(help: help(HelpText.templates, valueName: "DIR"))
    var templates: String?

    /// Runs `RenderStatement` for `document` and prints what was written.
    func render(_ document: RenderStatement.Document, _ global: GlobalOptions) throws {
        try reportingFailures {
            global.announceSettings()
            let report = try RenderStatement(workspace: global.workspace, document: document, outputPath: out, fontFolder: fonts,
                                             templateFolder: templates, environment: try DocumentEnvironment.fromProcess()).run()
            print(report.written.localized)
            if let dataAsOf = report.dataAsOf {
                print(CommandText.dataAsOf(dataAsOf).localized)
            }
        }
    }
}

/// The account and date range of a settlement statement, accrual statement or act.
struct StatementRangeOptions: ParsableArguments {
    @Option(help: help(HelpText.statementAccount, valueName: "ID"))
    var account: String

    @Option(help: help(HelpText.statementFrom, valueName: "DATE"))
    var from: CalendarDay

    @Option(help: help(HelpText.statementTo, valueName: "DATE"))
    var to: CalendarDay
}

extension Render {
    /// `raschet render settlement --account ID --from DATE --to DATE --out FILE.pdf`.
    struct Settlement: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: HelpText.settlementAbstract.localized,
            discussion: HelpText.settlementDiscussion.localized
        )
        @OptionGroup var global: GlobalOptions
        @OptionGroup var range: StatementRangeOptions
        @OptionGroup var output: StatementOutputOptions

        func run() throws { try output.render(.settlement(account: range.account, from: range.from, to: range.to), global) }
    }

    /// `raschet render accruals --account ID --from DATE --to DATE --out FILE.pdf`.
    struct Accruals: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: HelpText.accrualsAbstract.localized,
            discussion: HelpText.accrualsDiscussion.localized
        )
        @OptionGroup var global: GlobalOptions
        @OptionGroup var range: StatementRangeOptions
        @OptionGroup var output: StatementOutputOptions

        func run() throws { try output.render(.accruals(account: range.account, from: range.from, to: range.to), global) }
    }

    /// `raschet render act --account ID --from DATE --to DATE --out FILE.pdf`.
    struct Act: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: HelpText.actAbstract.localized,
            discussion: HelpText.actDiscussion.localized
        )
        @OptionGroup var global: GlobalOptions
        @OptionGroup var range: StatementRangeOptions
        @OptionGroup var output: StatementOutputOptions

        func run() throws { try output.render(.act(account: range.account, from: range.from, to: range.to), global) }
    }

    /// `raschet render turnover --from YYYY-MM --to YYYY-MM [--account ID] --out FILE.pdf`.
    struct Turnover: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: HelpText.turnoverAbstract.localized,
            discussion: HelpText.turnoverDiscussion.localized
        )
        @OptionGroup var global: GlobalOptions

        @Option(help: help(HelpText.firstPeriod, valueName: "YYYY-MM"))
        var from: BillingMonth

        @Option(help: help(HelpText.lastPeriod, valueName: "YYYY-MM"))
        var to: BillingMonth

        @Option(help: help(HelpText.onlyAccount, valueName: "ID"))
        var account: String?

        @OptionGroup var output: StatementOutputOptions

        func run() throws { try output.render(.turnover(from: from, to: to, account: account), global) }
    }

    /// `raschet render no-debt --account ID --date DATE --out FILE.pdf`.
    struct NoDebt: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "no-debt",
            abstract: HelpText.noDebtAbstract.localized,
            discussion: HelpText.noDebtDiscussion.localized
        )
        @OptionGroup var global: GlobalOptions

        @Option(help: help(HelpText.statementAccount, valueName: "ID"))
        var account: String

        @Option(help: help(HelpText.noDebtDate, valueName: "DATE"))
        var date: CalendarDay

        @OptionGroup var output: StatementOutputOptions

        func run() throws { try output.render(.noDebt(account: account, date: date), global) }
    }
}
