import RaschetCore
import Foundation
import RaschetIngest
import RaschetTesting
import Testing

/// Everything a reader yields: `collection line: name=value|...` per row, then `error: ...` if it
/// threw (and then checks that it returns nil afterwards).
private func read(_ text: String, file: String = "data.xml") throws -> [String] {
    let folder = try TemporaryFolder("raschet-ingest")
    defer { folder.remove() }
    return try read(path: folder.write("data.xml", text), file: file)
}

private func read(path: String, file: String = "data.xml") throws -> [String] {
    let reader = try XMLRecordReader(path: path, file: file)
    var result: [String] = []
    do {
        while let (kind, record) = try reader.next() {
            let fields = zip(record.names, record.values).map { "\($0)=\($1)" }.joined(separator: "|")
            result.append("\(kind.name) \(record.line): \(fields)")
        }
    } catch {
        result.append("error: \(error)")
        #expect(try reader.next() == nil)
    }
    return result
}

/// The first error `read` reports, as an `IngestError`.
private func firstError(_ text: String, file: String = "data.xml") throws -> IngestError? {
    let folder = try TemporaryFolder("raschet-ingest")
    defer { folder.remove() }
    let reader = try XMLRecordReader(path: folder.write("data.xml", text), file: file)
    do {
        while try reader.next() != nil {}
        return nil
    } catch {
        return error
    }
}

private let dtdRefusal = "DTDs and entity declarations are not accepted in Raschet XML; remove the <!DOCTYPE ...> declaration"

@Suite("XML record reader")
struct XMLRecordReaderTests {
    @Test("Rows come with their collection, attributes in document order and start-tag lines")
    func happyPath() throws {
        let text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- exported 2026-11-01 -->
            <raschet-data version="1">
              <tariffs>
                <tariff service_id="HVS" valid_from="2026-07-01" price="52.10"/>
                <tariff service_id="GVS" valid_from="2026-07-01"
                        price="210.5" zone="day"></tariff>
              </tariffs>
              <accounts/>
              <suppliers>
                <?note ignored?>
                <supplier supplier_id="S1" name="ООО &quot;Вода&quot; &amp; Ко &#1092;&#38;&lt;" inn="7700000000"/>
              </suppliers>
              <key_rates><key_rate valid_from="2026-10-27" rate="16.5"/></key_rates>
            </raschet-data>

            """
        #expect(try read(text) == [
            "tariffs 5: service_id=HVS|valid_from=2026-07-01|price=52.10",
            "tariffs 6: service_id=GVS|valid_from=2026-07-01|price=210.5|zone=day",
            "suppliers 12: supplier_id=S1|name=ООО \"Вода\" & Ко ф&<|inn=7700000000",
            "key_rates 14: valid_from=2026-10-27|rate=16.5",
        ])
    }

    @Test("An encoding declared in the prolog is decoded by libxml2")
    func windows1251Prolog() throws {
        let text = """
            <?xml version="1.0" encoding="windows-1251"?>
            <raschet-data version="1"><accounts>
            <account account_id="A1" kind="person" name="Иванов Ёжик" address="ул. Ленина, 1"/>
            </accounts></raschet-data>
            """
        let folder = try TemporaryFolder("raschet-ingest")
        defer { folder.remove() }
        #expect(try read(path: folder.write("data.xml", bytes: cp1251Bytes(text))) == [
            "accounts 3: account_id=A1|kind=person|name=Иванов Ёжик|address=ул. Ленина, 1"
        ])
    }

    @Test("Line numbers stay exact past 65535 lines")
    func bigLineNumbers() throws {
        var text = "<raschet-data version=\"1\">\n<readings>\n"
        for index in 0..<70_000 {
            text += "<reading meter_id=\"M\(index)\" date=\"2026-10-25\" value=\"\(index)\"/>\n"
        }
        text += "<reading meter_id=\"last\"\n  date=\"2026-10-25\"\n  value=\"1\"/>\n</readings>\n</raschet-data>\n"
        let folder = try TemporaryFolder("raschet-ingest")
        defer { folder.remove() }
        let reader = try XMLRecordReader(path: folder.write("data.xml", text), file: "big.xml")
        var count = 0
        var lines: [Int] = []
        while let (_, record) = try reader.next() {
            if count == 0 || count == 65_533 || count == 65_534 || count >= 69_999 { lines.append(record.line) }
            count += 1
        }
        #expect(count == 70_001)
        #expect(lines == [3, 65_536, 65_537, 70_002, 70_003])
    }

    @Test("A DOCTYPE is refused before anything in it is read", arguments: [
        "<!DOCTYPE raschet-data>",
        "<!DOCTYPE raschet-data SYSTEM \"http://127.0.0.1:9/raschet.dtd\">",
        "<!DOCTYPE raschet-data [<!ELEMENT raschet-data ANY>]>",
    ])
    func doctypeRefused(doctype: String) throws {
        let text = "<?xml version=\"1.0\"?>\n\(doctype)\n<raschet-data version=\"1\"/>\n"
        #expect(try read(text, file: "in.xml") == ["error: in.xml:2: \(dtdRefusal)"])
    }

    @Test("An external entity never yields the content of the file it names")
    func externalEntity() throws {
        let folder = try TemporaryFolder("raschet-ingest")
        defer { folder.remove() }
        let secret = try folder.write("secret.txt", "TOP-SECRET-42")
        let general = """
            <?xml version="1.0"?>
            <!DOCTYPE raschet-data [<!ENTITY xxe SYSTEM "file://\(secret)">]>
            <raschet-data version="1"><suppliers>
            <supplier supplier_id="&xxe;" name="x" inn="1"/>
            </suppliers></raschet-data>
            """
        #expect(try read(general) == ["error: data.xml:2: \(dtdRefusal)"])
        let parameter = """
            <?xml version="1.0"?>
            <!DOCTYPE raschet-data [<!ENTITY % p SYSTEM "file://\(secret)"> %p;]>
            <raschet-data version="1"/>
            """
        #expect(try read(parameter) == ["error: data.xml:2: \(dtdRefusal)"])
        // Without a DOCTYPE the reference is undeclared: a fatal error, never a substitution.
        let undeclared = """
            <raschet-data version="1"><suppliers>
            <supplier supplier_id="&xxe;" name="x" inn="1"/>
            </suppliers></raschet-data>
            """
        #expect(try read(undeclared) == ["error: data.xml:2: malformed XML: Entity 'xxe' not defined"])
    }

    @Test("A billion-laughs document is refused at once")
    func billionLaughs() throws {
        var entities = "<!ENTITY lol0 \"lol\">"
        for level in 1...9 {
            let previous = String(repeating: "&lol\(level - 1);", count: 10)
            entities += "\n<!ENTITY lol\(level) \"\(previous)\">"
        }
        let text = """
            <?xml version="1.0"?>
            <!DOCTYPE raschet-data [
            \(entities)
            ]>
            <raschet-data version="1"><accounts><account name="&lol9;"/></accounts></raschet-data>
            """
        let clock = ContinuousClock()
        var result: [String] = []
        let elapsed = try clock.measure { result = try read(text) }
        #expect(result == ["error: data.xml:2: \(dtdRefusal)"])
        #expect(elapsed < .seconds(1))
    }

    @Test("The root must be raschet-data version 1", arguments: [
        ("<data version=\"1\"/>", IngestError(
            file: "r.xml", line: 1, message: .xmlWrongRoot("data"))),
        ("<raschet-data>\n</raschet-data>", IngestError(
            file: "r.xml", line: 1, column: "version", message: .xmlVersionMissing)),
        ("\n<raschet-data version=\"2\"/>", IngestError(
            file: "r.xml", line: 2, column: "version",
            message: .xmlVersionUnsupported("2"))),
    ])
    func root(text: String, expected: IngestError) throws {
        #expect(try firstError(text, file: "r.xml") == expected)
    }

    @Test("An unknown collection is reported at its line after the rows before it")
    func unknownCollection() throws {
        let text = """
            <raschet-data version="1">
              <meters><meter meter_id="M1" account_id="A1" service_id="HVS"/></meters>
              <tarifs>
                <tarif/>
              </tarifs>
            </raschet-data>
            """
        #expect(try read(text) == [
            "meters 2: meter_id=M1|account_id=A1|service_id=HVS",
            "error: data.xml:3: unknown collection <tarifs>: expected one of absences, account_services, accounts, "
                + "key_rates, meters, payments, readings, services, suppliers, tariffs, volumes",
        ])
    }

    @Test("Row elements must be named by the collection and carry attributes only", arguments: [
        ("<payments>\n<payment payment_id=\"1\"/>\n<pay/></payments>",
         "data.xml:3: <pay> inside <payments>: expected <payment> elements"),
        ("<payments><payment payment_id=\"1\">\n<amount>5</amount></payment></payments>",
         "data.xml:2: <payment> elements carry attributes only: the child element <amount> is not allowed"),
        ("<payments><payment payment_id=\"1\">\n\n  5.00 </payment></payments>",
         "data.xml:3: <payment> elements carry attributes only: text inside them is not allowed"),
        ("<payments>oops<payment/></payments>",
         "data.xml:1: text is not allowed inside <payments>: it holds <payment> elements only"),
        ("<payments kind=\"bank\"/>",
         "data.xml:1: the collection <payments> takes no attributes"),
    ])
    func rowShape(body: String, expected: String) throws {
        let error = try firstError("<raschet-data version=\"1\">\(body)</raschet-data>")
        #expect(error?.description == expected)
    }

    @Test("Malformed XML is reported with libxml2's line and message, and nothing is printed")
    func malformed() throws {
        let text = """
            <raschet-data version="1">
              <volumes>
                <volume account_id="A1" service_id="HVS" period="2026-10" quantity="3"/>
                <volume account_id="A2" service_id="HVS" period="2026-10" quantity="4">
              </volumes>
            </raschet-data>
            """
        let rows = try read(text, file: "v.xml")
        #expect(rows == [
            "volumes 3: account_id=A1|service_id=HVS|period=2026-10|quantity=3",
            "volumes 4: account_id=A2|service_id=HVS|period=2026-10|quantity=4",
            "error: v.xml:5: malformed XML: Opening and ending tag mismatch: volume line 4 and volumes",
        ])
        #expect(try firstError("<raschet-data version=\"1\">\n<volumes a=\"1\" a=\"2\"/>\n</raschet-data>")?.description
            == "data.xml:2: malformed XML: Attribute a redefined")
        let empty = try firstError("")
        #expect(empty == IngestError(
            file: "data.xml", line: 1, message: .emptyXML))
        let noRoot = try firstError("<?xml version=\"1.0\"?>\n<!-- nothing -->\n")
        #expect(noRoot == IngestError(file: "data.xml", line: 3, message: .xmlNoRoot))
        let garbage = try firstError("\n\nhello")
        #expect(garbage == IngestError(file: "data.xml", line: 3, message: .xmlNoRoot))
    }

    @Test("Bytes that are not in the declared encoding are malformed XML, reported on one line")
    func badEncoding() throws {
        let folder = try TemporaryFolder("raschet-ingest")
        defer { folder.remove() }
        let utf8 = try folder.write("data.xml", bytes: Array("<raschet-data version=\"1\">\n<accounts><account name=\"".utf8)
            + [0xC8, 0xE2] + Array("\"/></accounts></raschet-data>".utf8))
        let rows = try read(path: utf8)
        #expect(rows == [
            "error: data.xml:2: malformed XML: Input is not proper UTF-8, indicate encoding ! Bytes: 0xC8 0xE2 0x22 0x2F "
                + "(a windows-1251 file must declare <?xml version=\"1.0\" encoding=\"windows-1251\"?>)"
        ])
    }

    @Test("A missing file is missing input")
    func missingFile() {
        do {
            _ = try XMLRecordReader(path: "/nonexistent/raschet/data.xml", file: "data.xml")
            Issue.record("expected an error")
        } catch {
            #expect(error == IngestError(
                .missingInput, file: "data.xml", message: .cannotOpenFile("No such file or directory")))
        }
    }

    @Test("A directory is missing input, refused before it is opened")
    func directory() throws {
        let folder = try TemporaryFolder("raschet-ingest")
        defer { folder.remove() }
        do {
            _ = try XMLRecordReader(path: folder.path, file: "dir")
            Issue.record("expected an error")
        } catch {
            #expect(error == IngestError(.missingInput, file: "dir", message: .notRegularFile))
        }
    }
}
