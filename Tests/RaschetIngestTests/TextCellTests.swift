import Foundation
import RaschetCore
import RaschetIngest
import RaschetTesting
import Testing

/// What the importer accepts in text cells: no control characters; a formula guard is undone.
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
