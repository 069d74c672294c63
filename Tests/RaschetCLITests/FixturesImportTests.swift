import Foundation
import RaschetCore
import RaschetStore
import RaschetTesting
import Testing

/// The bundled Fixtures: every row lands, the XML twin gives the same tables, re-import is a no-op.
@Suite struct FixturesImportTests {
    static let csvFiles = EntityKind.allCases.map { CLI.fixture($0.name + ".csv") }

    /// Data rows of a fixture CSV file (the fixtures have no line breaks inside quoted cells).
    static func dataRows(_ path: String) throws -> Int {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.isEmpty }.count - 1
    }

    @Test func importsEveryRowOfEveryFixtureCSV() throws {
        let cli = try CLI()
        defer { cli.remove() }
        #expect(try cli.run(["init", "--db", "a.sqlite"]).status == 0)
        let result = try cli.run(["import", "auto"] + Self.csvFiles + ["--db", "a.sqlite"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "")
        let counts = try Store.open(at: cli.path("a.sqlite")).rowCounts()
        for (kind, rows) in counts {
            let expected = try Self.dataRows(CLI.fixture(kind.name + ".csv"))
            #expect(rows == expected, "\(kind.name)")
            #expect(result.stdout.contains("\(kind.name): \(expected) rows, \(expected) new, 0 changed, 0 unchanged\n"))
        }
    }

    @Test func theXMLTwinGivesIdenticalTables() throws {
        let cli = try CLI()
        defer { cli.remove() }
        #expect(try cli.run(["init", "--db", "csv.sqlite"]).status == 0)
        #expect(try cli.run(["init", "--db", "xml.sqlite"]).status == 0)
        #expect(try cli.run(["import", "auto"] + Self.csvFiles + ["--db", "csv.sqlite"]).status == 0)
        let xml = try cli.run(["import", "auto", CLI.fixture("raschet-data.xml"), "--db", "xml.sqlite"])
        #expect(xml.status == 0, "\(xml.stderr)")
        let fromCSV = try Store.open(at: cli.path("csv.sqlite"))
        let fromXML = try Store.open(at: cli.path("xml.sqlite"))
        for kind in EntityKind.allCases {
            let a = try fromCSV.contents(of: kind), b = try fromXML.contents(of: kind)
            #expect(!a.isEmpty, "\(kind.name) is empty")
            #expect(a == b, "\(kind.name) differs between the CSV and XML imports")
        }
    }

    @Test func reimportingTheFixturesChangesNoRow() throws {
        let cli = try CLI()
        defer { cli.remove() }
        #expect(try cli.run(["init", "--db", "a.sqlite"]).status == 0)
        #expect(try cli.run(["import", "auto"] + Self.csvFiles + ["--db", "a.sqlite"]).status == 0)
        let store = try Store.open(at: cli.path("a.sqlite"))
        let before = try EntityKind.allCases.map { try store.contents(of: $0) }
        for files in [Self.csvFiles, [CLI.fixture("raschet-data.xml")]] {
            let again = try cli.run(["import", "auto"] + files + ["--db", "a.sqlite"])
            #expect(again.status == 0)
            for line in again.stdout.split(separator: "\n") {
                #expect(line.contains(" 0 new, 0 changed, "), "\(line)")
            }
        }
        #expect(try EntityKind.allCases.map { try store.contents(of: $0) } == before)
    }
}
