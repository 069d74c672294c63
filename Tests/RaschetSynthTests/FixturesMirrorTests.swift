import RaschetCore
import RaschetSynth
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `Fixtures/` (the bundled data set) read from the source tree: the synthetic set's fixed tables
/// must stay byte-identical to it, and its headers and XML twin must match the SPEC and the CSVs.
@Suite struct FixturesMirrorTests {
    static let directory: String = {
        var path = #filePath
        for _ in 0..<3 { path = String(path[..<path.lastIndex(of: "/")!]) }
        return path + "/Fixtures/"
    }()

    static func read(_ name: String) -> [UInt8]? {
        guard let file = fopen(directory + name, "rb") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = fread(&chunk, 1, chunk.count, file)
            if n <= 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return bytes
    }

    @Test(arguments: ["suppliers.csv", "services.csv", "tariffs.csv", "key_rates.csv"])
    func fixedTablesMirrorTheFixtures(name: String) throws {
        let fixture = try #require(Self.read(name), "Fixtures/\(name) not found")
        let synthetic = GeneratedFiles(SyntheticDataSet(accounts: 1, seed: 1, period: october))
        #expect(String(decoding: synthetic.bytes(name), as: UTF8.self) == String(decoding: fixture, as: UTF8.self))
    }

    @Test(arguments: SyntheticDataSet.fileNames)
    func fixtureHeadersAreTheSpecColumns(name: String) throws {
        let bytes = try #require(Self.read(name), "Fixtures/\(name) not found")
        #expect(!bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let text = try #require(String(validating: bytes, as: UTF8.self))
        #expect(text.split(separator: "\n").first.map(String.init) == specColumns[name])
    }

    static func occurrences(of needle: [UInt8], in haystack: [UInt8]) -> Int {
        var count = 0
        var i = 0
        while i + needle.count <= haystack.count {
            if haystack[i] == needle[0] && haystack[i..<i + needle.count].elementsEqual(needle) {
                count += 1
                i += needle.count
            } else {
                i += 1
            }
        }
        return count
    }

    @Test func theXMLTwinHasOneElementPerCSVRow() throws {
        let xml = try #require(Self.read("raschet-data.xml"))
        #expect(String(decoding: xml, as: UTF8.self).hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<raschet-data version=\"1\">"))
        let singular = ["suppliers.csv": "supplier", "services.csv": "service", "tariffs.csv": "tariff",
                        "accounts.csv": "account", "account_services.csv": "account_service", "meters.csv": "meter",
                        "readings.csv": "reading", "volumes.csv": "volume", "payments.csv": "payment",
                        "absences.csv": "absence", "key_rates.csv": "key_rate"]
        for (file, element) in singular {
            let csv = try #require(Self.read(file))
            let rows = csv.split(separator: UInt8(ascii: "\n")).count - 1
            let elements = Self.occurrences(of: Array("<\(element) ".utf8), in: xml)
            #expect(elements == rows, "\(file): \(rows) rows, \(elements) <\(element)> elements")
        }
    }
}
