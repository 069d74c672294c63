import Foundation
import RaschetCore
import RaschetIngest
import RaschetTesting
import Testing

/// What the importer accepts in text cells: no control characters, at most 10,000 bytes; a formula
/// guard is undone.
@Suite struct TextCellTests {
    @Test func aNulOrControlCharacterInATextFieldIsARowErrorNamingTheColumn() throws {
        let folder = try TemporaryFolder("raschet-ingest")
        defer { folder.remove() }
        let path = try folder.write("accounts.csv", "account_id;kind;name;address\n1001;person;Иванов\u{0};ул. Ленина, 1\n1002\u{7};person;Петров;ул. Мира, 2\n")
        let (data, report) = try Importer().read([.init(path: path, kind: .accounts)])
        #expect(data.accounts.isEmpty)
        #expect(report.problems.map(\.description) == [
            path + ":2: name: holds the control character U+0000; remove it",
            path + ":3: account_id: holds the control character U+0007; remove it",
        ])
    }

    /// 5,000 Cyrillic letters are 10,000 bytes, the most a text cell holds; one byte more is a row
    /// error (no text reaches SQLite or a document beyond it, whatever the file holds).
    @Test func aTextCellOfMoreThan10000BytesIsARowError() throws {
        let folder = try TemporaryFolder("raschet-ingest")
        defer { folder.remove() }
        let longest = String(repeating: "Ж", count: 5_000)
        let path = try folder.write("accounts.csv", "account_id;kind;name;address\n1001;person;\(longest);ул. Мира, 1\n"
            + "1002;person;Петров;\(longest)1\n")
        let (data, report) = try Importer().read([.init(path: path, kind: .accounts)])
        #expect(data.accounts.map(\.name) == [longest])
        #expect(report.problems.map(\.description) == [
            path + ":3: address: is 10001 bytes long; a text may hold at most 10000 bytes (UTF-8)",
        ])
    }

    @Test func anApostropheGuardingAFormulaIsDroppedOnImport() throws {
        let folder = try TemporaryFolder("raschet-ingest")
        defer { folder.remove() }
        let path = try folder.write("accounts.csv", "account_id;kind;name;address\n1001;person;'=Иванов;'+7 ул. Ленина\n")
        let (data, report) = try Importer().read([.init(path: path, kind: .accounts)])
        #expect(report.problems.isEmpty)
        #expect(data.accounts.map(\.name) == ["=Иванов"])
        #expect(data.accounts.map(\.address) == ["+7 ул. Ленина"])
    }
}
