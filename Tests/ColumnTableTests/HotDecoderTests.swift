import RaschetCore
@testable import RaschetIngest
import Testing

/// Readings, accounts, account services, meters and payments decode field by field (`RowDecoder.reading()`, …), not by
/// walking the column table; here both ways decode the same rows, good and bad, to the same
/// entity and the same problems.
@Suite struct HotDecoderTests {
    static func decoders(_ kind: EntityKind, header: [String], _ line: String) throws -> (fast: RowDecoder, walked: RowDecoder) {
        let layout = try ColumnLayout(fieldNames: header, schema: .of(kind), file: "\(kind.name).csv", line: 1)
        let cells = line.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        let record = SourceRecord(line: 2, names: header, values: cells)
        let decoder = RowDecoder(record: record, layout: layout, file: "\(kind.name).csv")
        return (decoder, decoder)
    }

    @Test(arguments: [
        "M1;2026-02-20;1234.5;day;operator;1", "M1;20.02.2026;12,5;;;нет", "'=M1;2026-02-20;0;;;",
        ";;;;;", "M1;2026-02-31;-1;noon;robot;2", "M\u{1}1;2026-02-20;1.1234567;night;;",
    ])
    func aReadingDecodesAsItsColumnsSay(line: String) throws {
        var (fast, walked) = try Self.decoders(.readings, header: EntityKind.readings.columns.names, line)
        #expect(fast.reading() == walked.decode(EntityTables.readings))
        #expect(fast.problems == walked.problems)
        #expect(!line.hasPrefix(";;") || fast.problems.count == 3)
    }

    @Test func aReadingWithoutItsOptionalColumnsTakesTheDefaults() throws {
        var (fast, walked) = try Self.decoders(.readings, header: ["meter_id", "date", "value"], "M1;2026-02-20;5")
        #expect(fast.reading() == Reading(meterID: "M1", date: CivilDate(year: 2026, month: 2, day: 20)!, value: ExactDecimal(parsing: "5")!))
        #expect(walked.decode(EntityTables.readings) == fast.reading())
        #expect(fast.problems.isEmpty && walked.problems.isEmpty)
    }

    @Test(arguments: [
        "P1;A1;2026-10-13;9124.88;bank;2026-09", "P1;A1;13.10.2026;0;;", "P1;A1;2026-10-13;-5,5;;2026-13",
        ";;;;;", "P1;A1;x;1.001;\u{7F};", "P1;A1;2026-10-13;12;'+cash;",
    ])
    func aPaymentDecodesAsItsColumnsSay(line: String) throws {
        var (fast, walked) = try Self.decoders(.payments, header: EntityKind.payments.columns.names, line)
        #expect(fast.payment() == walked.decode(EntityTables.payments))
        #expect(fast.problems == walked.problems)
        #expect(!line.hasPrefix(";;") || fast.problems.count == 4)
    }

    @Test(arguments: [
        "A1;HVS;2026-01-01;2026-12-31;2.25;ИПУ-1", "A1;HVS;01.01.2026;;;", ";;;;;", "A1;HVS;2026-05-01;2026-04-30;-1;",
        "A1;HVS;2026-13-01;x;1.5;\u{1}",
    ])
    func anAccountServiceDecodesAsItsColumnsSay(line: String) throws {
        var (fast, walked) = try Self.decoders(.accountServices, header: EntityKind.accountServices.columns.names, line)
        #expect(fast.accountService() == walked.decode(EntityTables.accountServices))
        #expect(fast.problems == walked.problems)
        #expect(!line.hasPrefix(";;") || fast.problems.count == 3)
    }

    @Test(arguments: [
        "M1;A1;HVS;2;6;2026-01-01;2026-12-31;2032-01-01", "M1;A1;HVS;;;;;", ";;;;;;;", "M1;A1;HVS;4;13;x;31.02.2026;y",
        "'@M1;A\u{1}1;HVS;0;0;01.01.2026;;", "M1;A1;HVS;1.5;-1;;;",
    ])
    func aMeterDecodesAsItsColumnsSay(line: String) throws {
        var (fast, walked) = try Self.decoders(.meters, header: EntityKind.meters.columns.names, line)
        #expect(fast.meter() == walked.decode(EntityTables.meters))
        #expect(fast.problems == walked.problems)
        #expect(!line.hasPrefix(";;") || fast.problems.count == 3)
    }

    @Test func aMeterWithoutItsOptionalColumnsTakesTheDefaults() throws {
        var (fast, walked) = try Self.decoders(.meters, header: ["meter_id", "account_id", "service_id"], "M1;A1;HVS")
        #expect(fast.meter() == Meter(id: "M1", accountID: "A1", serviceID: "HVS"))
        #expect(walked.decode(EntityTables.meters) == fast.meter())
        #expect(fast.problems.isEmpty && walked.problems.isEmpty)
    }

    @Test(arguments: [
        "A1;business;ООО «Ромашка»;ул. Мира, 1;3525000001;Д-7;2026-04-04;а/я 5;120.5;3;a@b.ru;1;1;R2;2026-05-05;2026-06-06",
        "A1;person;Иванов;ул. Мира, 2;;;;;;;;;;;;", ";;;;;;;;;;;;;;;",
        "A1;company;Иванов;ул. Мира, 2;35250;Д;2026-02-30;;-1;1001;not-mail;да;нет;;2026-05-05;2026-04-04",
        "A1;person;'=1+1;\u{7F};123456789012;;;;1,5;-3;x@y;maybe;0;;;", "A1;person;Имя;Адрес;;;;;;;;0;1;;;",
    ])
    func anAccountDecodesAsItsColumnsSay(line: String) throws {
        var (fast, walked) = try Self.decoders(.accounts, header: EntityKind.accounts.columns.names, line)
        let walkedAccount = walked.decode(EntityTables.accounts)
        if walkedAccount.eReceipt && walkedAccount.email == nil { walked.fail("e_receipt", .eReceiptNeedsEmail) }
        #expect(fast.account() == walkedAccount)
        #expect(fast.problems == walked.problems)
        #expect(!line.hasPrefix(";;") || fast.problems.count == 4)
    }
}
