import Foundation
@testable import RaschetIngest
import RaschetCore
import RaschetTesting
import Testing

/// The rows of XML files wait for their entity's turn in a `RecordSpool`: past its room in memory in
/// a temporary file, and they come back as they went in.
@Suite struct RecordSpoolTests {
    /// Rows of two entities and two files, in chunks of at most 64 bytes of which none stays in
    /// memory once closed: each entity's rows come back in their order, with their file, line, names
    /// and values (empty, Cyrillic, longer than a chunk).
    @Test func rowsComeBackPerEntityInTheirOrderFromMemoryAndFromTheFile() throws {
        let folder = try TemporaryFolder("raschet-spool")
        defer { folder.remove() }
        var spool = RecordSpool(spill: TemporaryFileSpill(folder: folder.path), residentBytes: 0, chunkSize: 64)
        var added: [EntityKind: [String]] = [:]
        for line in 1...300 {
            let kind: EntityKind = line % 3 == 0 ? .payments : .accounts
            let file = line < 150 ? "a.xml" : "b.xml"
            let values = ["\(line)", line % 7 == 0 ? "" : "Житель «\(line)»", String(repeating: "д", count: line % 50)]
            try spool.append(SourceRecord(line: line, names: ["account_id", "name", "address"], values: values), kind: kind, file: file)
            added[kind, default: []].append("\(file):\(line) " + values.joined(separator: "|"))
        }
        for kind in [EntityKind.accounts, .payments, .readings] {
            var back: [String] = []
            try spool.forEach(of: kind) { record, file in
                #expect(record.names == ["account_id", "name", "address"])
                back.append("\(file):\(record.line) " + record.values.joined(separator: "|"))
            }
            #expect(back == added[kind, default: []])
        }
        #expect(added[.accounts]?.count == 200)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    /// One XML file whose payments come before the accounts they reference, 4 MB of rows: with no
    /// room in memory its chunks go to the temporary file, and the import reads the same rows and
    /// finds the same problems as with them all in memory.
    @Test func anXMLImportWithItsRowsInATemporaryFileReadsTheSame() throws {
        let folder = try TemporaryFolder("raschet-spool")
        defer { folder.remove() }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<raschet-data version=\"1\">\n  <payments>\n"
        for number in 1...15_000 {
            xml += "    <payment payment_id=\"P\(number)\" account_id=\"\(number == 15_000 ? 999 : 1000 + number)\" date=\"2026-10-09\" amount=\"\(number).50\" source=\"Сбербанк\"/>\n"
        }
        xml += "  </payments>\n  <accounts>\n"
        for number in 1...15_000 {
            xml += "    <account account_id=\"\(1000 + number)\" kind=\"person\" name=\"Житель \(number)\" "
                + "address=\"г. Вологда, ул. Мальцева, д. 52, кв. \(number)\" area=\"54.3\" residents=\"2\" opened=\"2026-01-15\"/>\n"
        }
        xml += "  </accounts>\n</raschet-data>\n"
        let path = try folder.write("data.xml", xml)
        let (spooled, spooledReport) = try Importer(xmlRowsInMemory: 0).read([.init(path: path, kind: nil)])
        let (whole, wholeReport) = try Importer().read([.init(path: path, kind: nil)])
        #expect(spooled.accounts.count == 15_000)
        #expect(spooled.payments.count == 14_999)
        #expect(spooled == whole)
        #expect(spooledReport.problems.map(\.description) == [
            path + ":15003: account_id: unknown account \"999\"; import it in accounts first",
        ])
        #expect(wholeReport.problems.map(\.description) == spooledReport.problems.map(\.description))
    }
}
