import Foundation
import RaschetTesting
import Testing

/// `raschet render specimen`: a valid PDF whose text and QR code come back exactly, byte-identical reruns.
@Suite struct RenderCommandTests {
    /// Runs a PDF tool: its exit status and standard output.
    func tool(_ name: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let result = try ExternalTool.run(name, arguments)
        return (result.status, result.stdout)
    }

    @Test func theSpecimenCarriesTheTextAndTheQRPayloadAndRerunsAreByteIdentical() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let text = "Ёжик «Ёлочка» № 12 — сверхдлиннейшееслововкотороммногобукв и ещё немного текста, чтобы строка переносилась."
        let payload = "ST00012|Name=ООО «Тест»|PersonalAcc=40702810000000000001|Sum=12345|Purpose=Оплата № 5, ё"
        let environment = ["SOURCE_DATE_EPOCH": "1793000000"]
        let first = try cli.run(["render", "specimen", "--out", "a.pdf", "--text", text, "--qr", payload], environment: environment)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasPrefix("wrote a.pdf ("))
        #expect(try cli.run(["render", "specimen", "--out", "b.pdf", "--text", text, "--qr", payload], environment: environment).status == 0)
        #expect(try cli.bytes("a.pdf") == cli.bytes("b.pdf"))

        #expect(try tool("qpdf", ["--check", cli.path("a.pdf")]).status == 0)
        let extracted = try tool("pdftotext", [cli.path("a.pdf"), "-"]).output
        let squeeze = { (s: String) in String(s.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init)) }
        #expect(squeeze(extracted).contains(squeeze(text)))
        #expect(try tool("pdftoppm", ["-r", "150", "-png", "-singlefile", cli.path("a.pdf"), cli.path("page")]).status == 0)
        #expect(try tool("zbarimg", ["-q", "--raw", cli.path("page.png")]).output == payload + "\n")
    }

    @Test func withoutTextAndQRTheSpecimenUsesThePangramAndTheSamplePayment() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let result = try cli.run(["render", "specimen", "--out", "d.pdf"], environment: ["SOURCE_DATE_EPOCH": "0"])
        #expect(result.status == 0, "\(result.stderr)")
        let extracted = try tool("pdftotext", [cli.path("d.pdf"), "-"]).output
        #expect(extracted.contains("Съешь же ещё этих мягких французских булок"))
        #expect(try tool("pdftoppm", ["-r", "150", "-png", "-singlefile", cli.path("d.pdf"), cli.path("d")]).status == 0)
        #expect(try tool("zbarimg", ["-q", "--raw", cli.path("d.png")]).output.hasPrefix("ST00012|Name=ООО «ЕРЦ Северный»|"))
    }

    @Test func anOversizedPayloadIsBadData() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let result = try cli.run(["render", "specimen", "--out", "x.pdf", "--qr", String(repeating: "Ж", count: 1200)])
        #expect(result.status == 65)
        #expect(result.stderr.contains("shorten --qr"))
    }

    @Test func aBadSourceDateEpochIsAUsageError() throws {
        let cli = try CLI()
        defer { cli.remove() }
        for value in ["yesterday", "253402300800"] {
            let result = try cli.run(["render", "specimen", "--out", "x.pdf"], environment: ["SOURCE_DATE_EPOCH": value])
            #expect(result.status == 64)
            #expect(result.stderr == "raschet: SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01, up to the end of "
                + "9999 (253402300799), got \"\(value)\"\n")
        }
        let last = try cli.run(["render", "specimen", "--out", "x.pdf"], environment: ["SOURCE_DATE_EPOCH": "253402300799"])
        #expect(last.status == 0, "\(last.stderr)")
    }

    @Test func aMissingFontFolderIsMissingInput() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let result = try cli.run(["render", "specimen", "--out", "x.pdf", "--fonts", "nowhere"])
        #expect(result.status == 66)
        #expect(result.stderr.contains("--fonts must name a folder"))
    }

    @Test func anOutputFolderThatDoesNotExistIsCannotCreateOutputInOurWords() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let result = try cli.run(["render", "specimen", "--out", "nowhere/x.pdf"], environment: ["SOURCE_DATE_EPOCH": "0"])
        #expect(result.status == 73)
        #expect(result.stderr == "raschet: cannot write nowhere/x.pdf: No such file or directory; check that its folder exists, is writable and has space\n")
        #expect(!result.stderr.contains("Error Domain="))
    }
}
