import ArgumentParser
import RaschetApp

/// `raschet render`: documents as PDF (SPEC sections 5 and 6). `receipts` renders a closed period's
/// receipts; `settlement`, `accruals`, `act`, `turnover` and `no-debt` the statements and certificates
/// (SPEC section 6); `specimen` checks fonts, a printer or a template change.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: HelpText.renderAbstract.localized,
        subcommands: [Specimen.self, Receipts.self, Settlement.self, Accruals.self, Act.self, Turnover.self, NoDebt.self]
    )
}

extension Render {
    /// `raschet render specimen --out FILE.pdf [--text T] [--qr PAYLOAD] [--fonts DIR]`.
    struct Specimen: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: HelpText.specimenAbstract.localized
        )

        @Option(help: help(HelpText.pdfOut, valueName: "FILE.pdf"))
        var out: String

        @Option(help: help(HelpText.specimenText))
        var text: String?

        @Option(help: help(HelpText.specimenQR, valueName: "PAYLOAD"))
        var qr: String?

        @Option(help: help(HelpText.fonts, valueName: "DIR"))
        var fonts: String?

        func validate() throws {
            guard qr?.isEmpty != true else { throw ValidationError(CommandText.qrNotEmpty.localized) }
        }

        func run() throws {
            try reportingFailures {
                let report = try RenderSpecimen(path: out, text: text, payload: qr, fontFolder: fonts,
                                                environment: try DocumentEnvironment.fromProcess()).run()
                print(CommandText.specimenWritten(report.path, bytes: report.bytes, pages: report.pages).localized)
            }
        }
    }
}
