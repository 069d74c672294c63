import ArgumentParser
import RaschetApp

/// The options every statement command shares: the output file, fonts and templates.
struct StatementOutputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The PDF file to write.", valueName: "FILE.pdf"))
    var out: String

    @Option(help: ArgumentHelp("The font folder (default: Fonts/ next to the working folder or the executable).", valueName: "DIR"))
    var fonts: String?

    @Option(help: ArgumentHelp("The template folder (default: Templates/ next to the working folder or the executable).",
                               valueName: "DIR"))
    var templates: String?

    /// Runs `RenderStatement` for `document` and prints what was written.
    func render(_ document: RenderStatement.Document, _ global: GlobalOptions) throws {
        try reportingFailures {
            let report = try RenderStatement(workspace: global.workspace, document: document, outputPath: out, fontFolder: fonts,
                                             templateFolder: templates, environment: try DocumentEnvironment.fromProcess()).run()
            print("wrote \(report.path): \(report.title)")
            if let dataAsOf = report.dataAsOf {
                print("по данным на \(dataAsOf): the range reaches into an open period; figures stop at the last closed day")
            }
        }
    }
}

/// The account and date range of a settlement statement, accrual statement or act.
struct StatementRangeOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The account (лицевой счет).", valueName: "ID"))
    var account: String

    @Option(help: ArgumentHelp("The first day (YYYY-MM-DD or DD.MM.YYYY).", valueName: "DATE"))
    var from: CalendarDay

    @Option(help: ArgumentHelp("The last day (YYYY-MM-DD or DD.MM.YYYY).", valueName: "DATE"))
    var to: CalendarDay
}

extension Render {
    /// `raschet render settlement --account ID --from DATE --to DATE --out FILE.pdf`.
    struct Settlement: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Render a settlement statement (справка по взаиморасчетам) of an account for a date range.",
            discussion: "Opening balance, one row per charge, recalculation, penalty and payment, closing balance, "
                + "from the closed periods. Numbered from the gapless series; a reprint gives the same number."
        )
        @OptionGroup var global: GlobalOptions
        @OptionGroup var range: StatementRangeOptions
        @OptionGroup var output: StatementOutputOptions

        func run() throws { try output.render(.settlement(account: range.account, from: range.from, to: range.to), global) }
    }

    /// `raschet render accruals --account ID --from DATE --to DATE --out FILE.pdf`.
    struct Accruals: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Render an accrual statement (справка по начислениям) of an account for a date range.",
            discussion: "One row per charge line of the closed periods whose last day is in the range, and «Итого»."
        )
        @OptionGroup var global: GlobalOptions
        @OptionGroup var range: StatementRangeOptions
        @OptionGroup var output: StatementOutputOptions

        func run() throws { try output.render(.accruals(account: range.account, from: range.from, to: range.to), global) }
    }

    /// `raschet render act --account ID --from DATE --to DATE --out FILE.pdf`.
    struct Act: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Render a reconciliation act (акт сверки) of a business account for a date range.",
            discussion: "Receipts (with the numbers they were issued with) in the debit column, payments in the credit "
                + "column, the balances in figures and words, signature blocks for both parties. Business accounts only (exit 65)."
        )
        @OptionGroup var global: GlobalOptions
        @OptionGroup var range: StatementRangeOptions
        @OptionGroup var output: StatementOutputOptions

        func run() throws { try output.render(.act(account: range.account, from: range.from, to: range.to), global) }
    }

    /// `raschet render turnover --from YYYY-MM --to YYYY-MM [--account ID] --out FILE.pdf`.
    struct Turnover: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Render a turnover sheet (оборотно-сальдовая ведомость) of closed periods, per account and service.",
            discussion: "For one account (numbered from the series) or, without --account, the whole center (not numbered). "
                + "The same rows as `raschet export turnover`."
        )
        @OptionGroup var global: GlobalOptions

        @Option(help: ArgumentHelp("The first period.", valueName: "YYYY-MM"))
        var from: BillingMonth

        @Option(help: ArgumentHelp("The last period.", valueName: "YYYY-MM"))
        var to: BillingMonth

        @Option(help: ArgumentHelp("Only this account.", valueName: "ID"))
        var account: String?

        @OptionGroup var output: StatementOutputOptions

        func run() throws { try output.render(.turnover(from: from, to: to, account: account), global) }
    }

    /// `raschet render no-debt --account ID --date DATE --out FILE.pdf`.
    struct NoDebt: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "no-debt",
            abstract: "Render a no-debt certificate (справка об отсутствии задолженности) of an account on a date.",
            discussion: "Issued only when the balance on the date is zero or an advance; otherwise refused with the debt "
                + "(exit 65) and no file is written."
        )
        @OptionGroup var global: GlobalOptions

        @Option(help: ArgumentHelp("The account (лицевой счет).", valueName: "ID"))
        var account: String

        @Option(help: ArgumentHelp("The date (YYYY-MM-DD or DD.MM.YYYY).", valueName: "DATE"))
        var date: CalendarDay

        @OptionGroup var output: StatementOutputOptions

        func run() throws { try output.render(.noDebt(account: account, date: date), global) }
    }
}
