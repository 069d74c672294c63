import Foundation
import RaschetCore
import RaschetTesting
import Testing

/// `raschet render receipts` with the real template renderer on the bundled Fixtures closed for
/// 2026-08 … 2026-10, checked from the outside: the text of every receipt (pdftotext) against a
/// golden and against `raschet export`, the QR codes of the print batch (pdftoppm + zbarimg), and
/// each file's structure as qpdf parses it (PDF/A-3b points that can be checked without veraPDF).
@Suite(.renderedFixtures) struct ReceiptFixturesTests {
    static let period = "2026-10"
    static let golden = CloseGoldenTests.goldens.appendingPathComponent("receipts-2026-10.txt")
    static let environment = ["SOURCE_DATE_EPOCH": "1793491200"]

    /// The Fixtures closed and their October receipts rendered once for the suite (`RenderedFixtures`).
    static var fixtures: Result<CLI, any Error> {
        RenderedFixtures.current ?? .failure(Failure(message: "ReceiptFixturesTests runs without its .renderedFixtures trait"))
    }

    /// Closes the Fixtures and renders their October receipts in a new scratch folder.
    static func renderFixtures() throws -> CLI {
        let cli = try CloseGoldenTests.closedFixtures()
        return try cli.folder.removeOnError { () throws -> CLI in
            let result = try render(cli, out: "rec", batch: "batch.pdf")
            guard result.status == 0 else { throw Failure(message: "render receipts failed: \(result.stderr)") }
            return cli
        }
    }

    struct Failure: Error, CustomStringConvertible { let message: String; var description: String { message } }

    static func render(_ cli: CLI, out: String, batch: String) throws -> ExternalTool.Result {
        try cli.run(["render", "receipts", "--period", period, "--out", out, "--batch", batch, "--db", "f.sqlite",
                     "--config", CLI.fixture("raschet.toml")], environment: environment)
    }

    /// The accounts of Fixtures/accounts.csv: id, e-receipt flag, delivery route, address.
    /// The accounts of Fixtures/accounts.csv; `byEmail`: e-receipts chosen with a confirmed address.
    static func accounts() throws -> [(id: String, byEmail: Bool, route: String, address: String)] {
        let text = try String(contentsOfFile: CLI.fixture("accounts.csv"), encoding: .utf8)
        let rows = text.split(separator: "\n").map { $0.split(separator: ";", omittingEmptySubsequences: false).map(String.init) }
        let header = rows[0]
        let column = { (name: String) in header.firstIndex(of: name)! }
        return rows.dropFirst().map { row in
            (row[column("account_id")], row[column("e_receipt")] == "1" && row[column("email_confirmed")] == "1" && !row[column("email")].isEmpty,
             row[column("delivery_route")], row[column("address")])
        }
    }

    /// The balances of `raschet export balances` for the period, by account, in kopecks.
    static func balances(_ cli: CLI) throws -> [String: [String: Int64]] {
        let json = try JSONSerialization.jsonObject(with: Data(try CloseGoldenTests.export(cli, "balances", period).utf8))
        let rows = (json as? [String: Any])?["accounts"] as? [[String: Any]] ?? []
        var result: [String: [String: Int64]] = [:]
        for row in rows {
            let id = row["account"] as? String ?? ""
            for key in ["opening", "charged", "recalc", "penalty", "paid", "closing"] {
                result[id, default: [:]][key] = kopecks(row[key] as? String ?? "")
            }
        }
        return result
    }

    /// "-1234.56" → -123456.
    static func kopecks(_ text: String) -> Int64 {
        let negative = text.hasPrefix("-")
        let digits = text.filter(\.isNumber)
        return (negative ? -1 : 1) * (Int64(digits) ?? .min)
    }

    /// Kopecks as the receipt prints rubles: «13 467,74», «-5,00».
    static func rubles(_ kopecks: Int64) -> String {
        let whole = String(kopecks.magnitude / 100)
        var grouped = ""
        for (index, digit) in whole.enumerated() {
            if index > 0 && (whole.count - index) % 3 == 0 { grouped += " " }
            grouped.append(digit)
        }
        let cents = kopecks.magnitude % 100
        return (kopecks < 0 ? "-" : "") + grouped + "," + (cents < 10 ? "0" : "") + String(cents)
    }

    static func text(_ path: String, layout: Bool = false) throws -> String {
        let result = try ExternalTool.run("pdftotext", (layout ? ["-layout"] : []) + [path, "-"])
        // The amounts' group separator is a no-break space; pdftotext may print it as such.
        return result.stdout.replacingOccurrences(of: "\u{00A0}", with: " ")
    }

    /// The separate files, sorted by name.
    static func files(_ cli: CLI, _ folder: String = "rec") throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: cli.path(folder)).filter { $0.hasSuffix(".pdf") }.sorted()
    }

    @Test func everyReceiptsTextIsTheGoldenOneAndAReprintIsByteIdentical() throws {
        let cli = try Self.fixtures.get()
        let names = try Self.files(cli)
        #expect(names.count == 45)
        var texts = ""
        for name in names {
            texts += "===== \(name) =====\n" + (try Self.text(cli.path("rec/" + name)))
        }
        if CloseGoldenTests.recording {
            try Data(texts.utf8).write(to: Self.golden)
            // The reviewed page images: a household with meters and a business (README, Tests/RaschetDocumentsTests/Reference).
            let reference = CLI.packageRoot.appendingPathComponent("Tests/RaschetDocumentsTests/Reference")
            for id in ["4102470012", "5102000001"] {
                #expect(try ExternalTool.run("pdftoppm", ["-r", "100", "-png", cli.path("rec/\(id)_\(Self.period).pdf"),
                                                          reference.appendingPathComponent("receipt-\(id)").path]).status == 0)
            }
        }
        #expect(texts == (try String(contentsOf: Self.golden, encoding: .utf8)))

        // A reprint: the same numbers (read from the database), the same bytes, file by file and the batch.
        let again = try Self.render(cli, out: "again", batch: "again.pdf")
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try Self.files(cli, "again") == names)
        for name in names {
            #expect(try cli.bytes("again/" + name) == cli.bytes("rec/" + name), "\(name) differs on reprint")
        }
        #expect(try cli.bytes("again.pdf") == cli.bytes("batch.pdf"))
    }

    /// `--files e-receipts` (a reprint here): the 7 e-receipt accounts' files, byte for byte those of
    /// `--files all`, and the print batch byte for byte the same, its paper receipts laid out as pages only.
    @Test func eReceiptFilesOnlyGiveTheSameFilesAndTheSameBatch() throws {
        let cli = try Self.fixtures.get()
        let arguments = ["render", "receipts", "--period", Self.period, "--out", "eonly", "--files", "e-receipts",
                         "--db", "f.sqlite", "--config", CLI.fixture("raschet.toml")]
        let refused = try cli.run(arguments, environment: Self.environment)
        #expect(refused.status == 64 && refused.stderr.contains("add --batch FILE.pdf"), "\(refused.stderr)")

        let result = try cli.run(arguments + ["--batch", "eonly.pdf"], environment: Self.environment)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("wrote 7 receipts of 2026-10 to eonly"), "\(result.stdout)")
        #expect(result.stdout.contains("print batch: 38 receipts in eonly.pdf; 7 e-receipt accounts left out"))
        let eReceipts = try Self.accounts().filter(\.byEmail).map { "\($0.id)_\(Self.period).pdf" }.sorted()
        #expect(try Self.files(cli, "eonly") == eReceipts)
        for name in eReceipts {
            #expect(try cli.bytes("eonly/" + name) == cli.bytes("rec/" + name), "\(name) differs")
        }
        #expect(try cli.bytes("eonly.pdf") == cli.bytes("batch.pdf"))
    }

    @Test func everyReceiptsFiguresAreTheExportedBalancesOfItsAccount() throws {
        let cli = try Self.fixtures.get()
        let balances = try Self.balances(cli)
        #expect(balances.count == 45)
        // Each account's VAT of the period: the sum of its charge lines' in the charges export.
        let charges = try JSONSerialization.jsonObject(with: Data(try CloseGoldenTests.export(cli, "charges", Self.period).utf8))
        var vats: [String: Int64] = [:]
        for line in (charges as? [String: Any])?["lines"] as? [[String: Any]] ?? [] {
            vats[line["account"] as? String ?? "", default: 0] += Self.kopecks(line["vat"] as? String ?? "")
        }
        for (id, b) in balances {
            let text = try Self.text(cli.path("rec/\(id)_\(Self.period).pdf"), layout: true)
            // The amount that ends the line where `label` is followed by spaces and only that amount
            // (the right-hand column of the amount-due table).
            func amount(_ label: String) -> String? {
                for line in text.split(separator: "\n") {
                    guard let range = line.range(of: label) else { continue }
                    if let match = line[range.upperBound...].wholeMatch(of: /\s+(-?\d{1,3}(?: \d{3})*,\d\d)\s*/) {
                        return String(match.1)
                    }
                }
                return nil
            }
            let opening = b["opening"]!, closing = b["closing"]!
            let openingLabel = opening > 0 ? "Задолженность на начало периода" : opening < 0 ? "Аванс на начало периода" : "Долг на начало периода"
            // An advance or overpayment with its minus (SPEC section 1).
            #expect(amount(openingLabel) == Self.rubles(opening), "\(id) opening")
            #expect(amount("Начислено за период") == Self.rubles(b["charged"]!), "\(id) charged")
            #expect(amount("Перерасчёты") == Self.rubles(b["recalc"]!), "\(id) recalc")
            #expect(amount("Пени") == Self.rubles(b["penalty"]!), "\(id) penalty")
            #expect(amount("Оплачено") == Self.rubles(b["paid"]!), "\(id) paid")
            let dueLabel = closing > 0 ? "К оплате" : closing < 0 ? "Переплата" : "Задолженность отсутствует"
            #expect(amount(dueLabel) == Self.rubles(closing), "\(id) amount due")
            // The charges table's grand total row: charged, recalculation, their sum; a business contract's
            // also the net and the VAT between them, which add up to the sum (RULES, VAT), the VAT being
            // the sum of the period's lines' VAT in the charges export.
            let total = text.split(separator: "\n").first { $0.contains("Всего начислено за октябрь 2026") }.map(String.init) ?? ""
            let figures = total.matches(of: /-?\d{1,3}(?: \d{3})*,\d\d/).map { String(total[$0.range]) }
            let gross = b["charged"]! + b["recalc"]!
            if id.hasPrefix("5") {
                let vat = vats[id, default: 0]
                #expect(vat > 0 && figures == [b["charged"]!, b["recalc"]!, gross - vat, vat, gross].map(Self.rubles), "\(id) total row")
            } else {
                #expect(figures == [b["charged"]!, b["recalc"]!, gross].map(Self.rubles), "\(id) total row")
            }
        }
    }

    @Test func everyQRCodeOfThePrintBatchDecodesToItsAccountsPaymentInBatchOrder() throws {
        let cli = try Self.fixtures.get()
        let balances = try Self.balances(cli)
        // The batch: paper receipts only (4102470074 chose e-receipts without a confirmed address), by
        // delivery route, then address with flats in their numbers' order, then account id.
        let order = try Self.accounts().filter { !$0.byEmail }.sorted {
            ($0.route, $0.address) == ($1.route, $1.address) ? $0.id < $1.id
                : NaturalSortKey($0.route) == NaturalSortKey($1.route) ? NaturalSortKey($0.address) < NaturalSortKey($1.address)
                : NaturalSortKey($0.route) < NaturalSortKey($1.route)
        }
        #expect(order.count == 38)
        // Route М-01, ул. Пролетарская, д. 47: кв. 3 first, кв. 74 (paper, unconfirmed address) in its place.
        #expect(order.prefix(14).map(\.id) == ["4102470003", "4102470012", "4102470015", "4102470018", "4102470021", "4102470024",
                                               "4102470033", "4102470036", "4102470041", "4102470048", "4102470052", "4102470057",
                                               "4102470063", "4102470074"])
        let payee = "ST00012|Name=ООО «ЕРЦ Северный»|PersonalAcc=40702810912000034517|BankName=ПАО СБЕРБАНК|BIC=041909644"
            + "|CorrespAcc=30101810900000000644|PayeeINN=3525417791|KPP=352501001"
        let expected = order.map { account in
            let closing = balances[account.id]?["closing"] ?? 0
            return payee + (closing > 0 ? "|Sum=\(closing)" : "")
                + "|Purpose=Оплата ЖКУ за октябрь 2026, л/с \(account.id)|PersAcc=\(account.id)|PaymPeriod=102026|TechCode=02"
        }
        #expect(try ExternalTool.run("pdftoppm", ["-r", "150", "-gray", "-png", cli.path("batch.pdf"), cli.path("page")]).status == 0)
        let images = try FileManager.default.contentsOfDirectory(atPath: cli.directory.path)
            .filter { $0.hasPrefix("page-") && $0.hasSuffix(".png") }.sorted()
        #expect(images.count == 38)
        let decoded = try images.map { image in
            let result = try ExternalTool.run("zbarimg", ["-q", "--raw", cli.path(image)])
            return result.stdout.hasSuffix("\n") ? String(result.stdout.dropLast()) : result.stdout
        }
        #expect(decoded.count == expected.count)
        for (index, (got, want)) in zip(decoded, expected).enumerated() {
            #expect(got == want, "batch page \(index + 1)")
        }
    }

    @Test func everyFilePassesQpdfAndEmbedsSubsetFontsWithToUnicode() throws {
        let cli = try Self.fixtures.get()
        let paths = try Self.files(cli).map { cli.path("rec/" + $0) } + [cli.path("batch.pdf")]
        for path in paths {
            let check = try ExternalTool.run("qpdf", ["--check", path])
            #expect(check.status == 0 && check.stdout.contains("No syntax or stream encoding errors found"), "\(path): \(check.stdout)")
            let fonts = try ExternalTool.run("pdffonts", [path]).stdout.split(separator: "\n").dropFirst(2)
            #expect(fonts.count == 2, "\(path): regular and bold")
            for line in fonts {
                // name type encoding emb sub uni object-id: the three flags must all be yes.
                #expect(line.contains("CID TrueType") && line.split(separator: " ").suffix(5).prefix(3) == ["yes", "yes", "yes"], "\(path): \(line)")
            }
        }
    }

    @Test func everySeparateFileMeetsThePDFA3bPointsAsQpdfParsesIt() throws {
        let cli = try Self.fixtures.get()
        for name in try Self.files(cli) {
            let path = cli.path("rec/" + name)
            let pdf = try PDFObjects(path: path)
            let bytes = try cli.bytes("rec/" + name)
            // A header, then a comment line of at least four bytes above 127.
            let lines = bytes.prefix(64).split(separator: UInt8(ascii: "\n"), maxSplits: 2)
            #expect(lines[0].starts(with: Data("%PDF-1.7".utf8)), "\(name) header")
            #expect(lines[1].first == UInt8(ascii: "%") && lines[1].filter { $0 > 127 }.count >= 4, "\(name) binary comment")

            let trailer = pdf.trailer
            let ids = trailer["/ID"] as? [String] ?? []
            // qpdf shows a string as "b:HEX", or as "u:TEXT" when its bytes happen to read as PDFDocEncoding text.
            #expect(ids.count == 2 && ids[0] == ids[1] && ids.allSatisfy { ($0.hasPrefix("b:") || $0.hasPrefix("u:")) && $0.count > 2 },
                    "\(name) /ID")
            #expect(trailer["/Encrypt"] == nil, "\(name) encrypted")

            let catalog = pdf.dictionary(trailer["/Root"])
            let info = pdf.dictionary(trailer["/Info"])
            let metadata = try #require(pdf.stream(catalog["/Metadata"]), "\(name) has no XMP")
            #expect(metadata.dictionary["/Type"] as? String == "/Metadata" && metadata.dictionary["/Subtype"] as? String == "/XML")
            let xmp = String(decoding: metadata.data, as: UTF8.self)
            #expect(xmp.contains("<pdfaid:part>3</pdfaid:part>") && xmp.contains("<pdfaid:conformance>B</pdfaid:conformance>"), "\(name) pdfaid")
            let title = String((info["/Title"] as? String ?? "").dropFirst(2))
            #expect(title.hasPrefix("ЕПД № 2026-") && title.hasSuffix(", лицевой счёт " + name.prefix(10)), "\(name) title \(title)")
            #expect(xmp.contains("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">\(title)</rdf:li></rdf:Alt></dc:title>"), "\(name) dc:title")
            #expect(xmp.contains("<dc:creator><rdf:Seq><rdf:li>\(String((info["/Author"] as? String ?? "").dropFirst(2)))</rdf:li></rdf:Seq></dc:creator>"))
            #expect(xmp.contains("<pdf:Producer>\(String((info["/Producer"] as? String ?? "").dropFirst(2)))</pdf:Producer>"))
            // SOURCE_DATE_EPOCH 1793491200 is 2026-11-01 00:00:00 UTC, in both places.
            #expect(info["/CreationDate"] as? String == "u:D:20261101000000+00'00'" && xmp.contains("<xmp:CreateDate>2026-11-01T00:00:00+00:00</xmp:CreateDate>"))

            let intents = (catalog["/OutputIntents"] as? [Any] ?? []).map { pdf.dictionary($0) }
            #expect(intents.count == 1 && intents.first?["/S"] as? String == "/GTS_PDFA1", "\(name) output intent")
            let profile = pdf.stream(intents.first?["/DestOutputProfile"])
            #expect(profile?.dictionary["/N"] as? Int == 3 && (profile?.data.count ?? 0) > 128 && profile?.data[36..<40] == Data("acsp".utf8),
                    "\(name) ICC profile")

            // Fonts: every descriptor embeds a TrueType program; no LZW anywhere.
            let descriptors = pdf.objects.values.map { pdf.dictionary($0) }.filter { $0["/Type"] as? String == "/FontDescriptor" }
            #expect(descriptors.count == 2 && descriptors.allSatisfy { pdf.stream($0["/FontFile2"]) != nil }, "\(name) fonts")
            for object in pdf.objects.values {
                guard let stream = (object as? [String: Any])?["stream"] as? [String: Any], let dict = stream["dict"] as? [String: Any] else { continue }
                let filters = (dict["/Filter"] as? [String]) ?? [dict["/Filter"] as? String].compactMap { $0 }
                #expect(!filters.contains("/LZWDecode"), "\(name) uses LZW")
            }

            // The attached receipt.xml: a file spec with /AFRelationship, its stream with the MIME
            // type, the same spec listed in the catalog's /AF.
            let embedded = pdf.dictionary(catalog["/Names"])["/EmbeddedFiles"].map { pdf.dictionary($0)["/Names"] as? [Any] ?? [] } ?? []
            #expect(embedded.count == 2 && embedded.first as? String == "u:receipt.xml", "\(name) embedded files")
            let specReference = embedded.last as? String
            let spec = pdf.dictionary(specReference)
            #expect(spec["/AFRelationship"] as? String == "/Data" && spec["/Type"] as? String == "/Filespec")
            let file = pdf.stream(pdf.dictionary(spec["/EF"])["/F"])
            #expect(file?.dictionary["/Subtype"] as? String == "/application/xml" && file?.dictionary["/Type"] as? String == "/EmbeddedFile")
            let xml = String(decoding: file?.data ?? Data(), as: UTF8.self)
            #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<receipt number=\"2026-"))
            #expect((catalog["/AF"] as? [String]) == [specReference].compactMap { $0 }, "\(name) /AF")
            // qpdf prints a name's #2F escape decoded; in the file the slash must be escaped.
            #expect(bytes.range(of: Data("/Subtype /application#2Fxml".utf8)) != nil)
        }
    }
}

/// A PDF's objects as `qpdf --json=2 --json-stream-data=inline` prints them.
struct PDFObjects {
    /// "obj:N 0 R" → {"value": …} or {"stream": {"dict": …, "data": base64}}.
    let objects: [String: Any]
    let trailer: [String: Any]

    init(path: String) throws {
        let result = try ExternalTool.run("qpdf", ["--json=2", "--json-key=qpdf", "--json-stream-data=inline", "--decode-level=generalized", path])
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let parts = json?["qpdf"] as? [Any] ?? []
        objects = (parts.count == 2 ? parts[1] as? [String: Any] : nil) ?? [:]
        trailer = (objects["trailer"] as? [String: Any])?["value"] as? [String: Any] ?? [:]
    }

    /// A direct dictionary, or the dictionary an "N 0 R" reference points to.
    func dictionary(_ value: Any?) -> [String: Any] {
        if let direct = value as? [String: Any] {
            if let inner = direct["value"] as? [String: Any] { return inner }
            return direct
        }
        guard let reference = value as? String, let object = objects["obj:" + reference] as? [String: Any] else { return [:] }
        return object["value"] as? [String: Any] ?? [:]
    }

    /// The stream an "N 0 R" reference points to: its dictionary and decoded data.
    func stream(_ value: Any?) -> (dictionary: [String: Any], data: Data)? {
        guard let reference = value as? String, let object = objects["obj:" + reference] as? [String: Any],
              let stream = object["stream"] as? [String: Any] else { return nil }
        return (stream["dict"] as? [String: Any] ?? [:], Data(base64Encoded: stream["data"] as? String ?? "") ?? Data())
    }
}

/// Renders `ReceiptFixturesTests`' Fixtures once before the suite's first test and removes their
/// scratch folder after its last one; the tests read them from `current`.
struct RenderedFixtures: SuiteTrait, TestScoping {
    /// The rendered Fixtures, or why they could not be made, while the suite runs.
    @TaskLocal static var current: Result<CLI, any Error>?

    func provideScope(for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void) async throws {
        let fixtures = Result { try ReceiptFixturesTests.renderFixtures() }
        defer { if case .success(let cli) = fixtures { cli.remove() } }
        try await Self.$current.withValue(fixtures) { try await function() }
    }
}

extension Trait where Self == RenderedFixtures {
    /// The suite's Fixtures rendered once and removed after its last test (`RenderedFixtures`).
    static var renderedFixtures: Self { Self() }
}
