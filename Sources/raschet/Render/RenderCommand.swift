import ArgumentParser
import RaschetApp

/// `raschet render`: documents as PDF (SPEC sections 5 and 6). `receipts` renders a closed period's
/// receipts; `settlement`, `accruals`, `act`, `turnover` and `no-debt` the statements and certificates
/// (SPEC section 6); `specimen` checks fonts, a printer or a template change.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render documents as PDF.",
        subcommands: [Specimen.self, Receipts.self, Settlement.self, Accruals.self, Act.self, Turnover.self, NoDebt.self]
    )
}

extension Render {
    /// `raschet render specimen --out FILE.pdf [--text T] [--qr PAYLOAD] [--fonts DIR]`.
    struct Specimen: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a one-page specimen: every font style, a table, a paragraph of text and a payment QR code."
        )

        @Option(help: ArgumentHelp("The PDF file to write.", valueName: "FILE.pdf"))
        var out: String

        @Option(help: "The paragraph text (default: a Russian pangram).")
        var text: String?

        @Option(help: ArgumentHelp("The QR code payload (default: a sample ГОСТ Р 56042-2014 payment string).", valueName: "PAYLOAD"))
        var qr: String?

        @Option(help: ArgumentHelp("The font folder (default: Fonts/ found next to the working folder or the executable).", valueName: "DIR"))
        var fonts: String?

        func validate() throws {
            guard qr?.isEmpty != true else { throw ValidationError("--qr must not be empty") }
        }

        func run() throws {
            try reportingFailures {
                let report = try RenderSpecimen(path: out, text: text, payload: qr, fontFolder: fonts,
                                                environment: try DocumentEnvironment.fromProcess()).run()
                print("wrote \(report.path) (\(report.bytes) bytes, \(report.pages) page)")
            }
        }
    }
}
