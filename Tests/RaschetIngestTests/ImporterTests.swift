import Foundation
import RaschetCore
import RaschetIngest
import RaschetTesting
import Testing

/// The importer's hand-over from the reading thread to the writing thread.
@Suite struct ImporterTests {
    struct Failure: Error, Equatable {}

    /// Fails on the n-th row, as a database error would.
    struct FailingSink: DataSink {
        var remaining: Int
        var received = 0
        mutating func add(_ row: DataRow) throws {
            guard remaining > 0 else { throw Failure() }
            remaining -= 1
            received += 1
        }
    }

    /// M1 read 100 on 2026-09-16.
    static func storedReading() -> FixedSnapshot {
        FixedSnapshot(readings: [Reading(meterID: "M1", date: CivilDate(year: 2026, month: 9, day: 16)!, value: ExactDecimal(100))])
    }

    /// Account A1 with cold water, a meters file adding M1 and M2, and two readings files in `folder`.
    static func metersAndReadings(in folder: TemporaryFolder) throws -> (known: KnownKeys, sources: [Importer.Source], readings: [String]) {
        var known = KnownKeys()
        known.accounts = ["A1"]
        known.services = ["HVS"]
        let meters = try folder.write("meters.csv", """
            meter_id;account_id;service_id;zones;digits;installed;removed;verification_due
            M1;A1;HVS;1;5;2022-04-08;;2028-04-07
            M2;A1;HVS;1;5;2022-04-08;;2028-04-07

            """)
        let first = try folder.write("readings-1.csv", """
            meter_id;date;value;zone;source;rollover
            M1;2026-10-18;90;single;cabinet;0
            M2;2026-10-18;5;single;cabinet;0

            """)
        let second = try folder.write("readings-2.csv", """
            meter_id;date;value;zone;source;rollover
            M1;2026-11-18;120;single;cabinet;0

            """)
        // Readings first: the importer reads the files in dependency order whatever their order.
        return (known, [.init(path: first, kind: nil), .init(path: second, kind: nil), .init(path: meters, kind: nil)], [first, second])
    }

    /// An accounts file of `rows` rows in `folder`.
    static func accountsFile(rows: Int, in folder: TemporaryFolder) throws -> String {
        var text = "account_id;kind;name;address\n"
        for i in 0..<rows { text += "\(100_000 + i);person;Житель \(i);г. Вологда, д. \(i)\n" }
        return try folder.write("accounts.csv", text)
    }

    @Test func everyRowReachesTheSinkInInputOrder() throws {
        let folder = try TemporaryFolder("raschet-ingest")
        defer { folder.remove() }
        let path = try Self.accountsFile(rows: 20_000, in: folder)
        let (data, report) = try Importer().read([.init(path: path, kind: .accounts)])
        #expect(report.problems.isEmpty)
        #expect(data.accounts.count == 20_000)
        #expect(data.accounts.map(\.id) == (0..<20_000).map { String(100_000 + $0) })
    }

    @Test func aFailingSinkStopsTheReaderAndItsErrorComesBack() throws {
        let folder = try TemporaryFolder("raschet-ingest")
        defer { folder.remove() }
        let path = try Self.accountsFile(rows: 100_000, in: folder)
        var sink = FailingSink(remaining: 5_000)
        #expect(throws: Failure()) {
            try Importer().read([.init(path: path, kind: .accounts)], known: KnownKeys(), into: &sink)
        }
        #expect(sink.received == 5_000)
    }

    @Test func eachReadingIsCheckedAgainstItsRegistersStoredNeighboursLookedUpPerReading() throws {
        let folder = try TemporaryFolder("raschet-ingest")
        defer { folder.remove() }
        let (known, sources, readings) = try Self.metersAndReadings(in: folder)
        let stored = Self.storedReading()
        var sink = DataSet()
        let report = try Importer().read(sources, known: known, stored: stored, into: &sink)
        #expect(stored.seen == ["M1", "M2", "M1"])
        #expect(report.problems.map(\.description) == [
            readings[0] + ":2: value: meter M1, zone single: 90 on 2026-10-18 is lower than the previous reading 100 on "
                + "2026-09-16 (stored); correct the value, or set rollover to 1 if the register wrapped past zero",
        ])
        #expect(sink.rows.map(\.keyDescription) == ["M1", "M2", "M2 / 2026-10-18 / single", "M1 / 2026-11-18 / single"])
    }

    @Test func anImportWithoutReadingsOrPaymentsLooksNothingUp() throws {
        let folder = try TemporaryFolder("raschet-ingest")
        defer { folder.remove() }
        let path = try Self.accountsFile(rows: 10, in: folder)
        let stored = Self.storedReading()
        var sink = DataSet()
        let report = try Importer().read([.init(path: path, kind: .accounts)], known: KnownKeys(), stored: stored, into: &sink)
        #expect(report.problems.isEmpty && sink.rows.count == 10)
        #expect(stored.seen.isEmpty)
    }

    @Test func aFailingLookupStopsTheReaderAndItsErrorComesBack() throws {
        let folder = try TemporaryFolder("raschet-ingest")
        defer { folder.remove() }
        let (known, sources, _) = try Self.metersAndReadings(in: folder)
        let stored = FixedSnapshot(fail: true)
        var sink = DataSet()
        #expect(throws: FixedSnapshot.Failure()) {
            try Importer().read(sources, known: known, stored: stored, into: &sink)
        }
        #expect(stored.seen == ["M1"])
    }

    /// Stored: M1 read 100 on 2026-09-16 and 110 on 2026-10-18. A late reading of 2026-10-01 above
    /// the stored 110 after it is refused; 130 on 2026-10-18 replaces the stored 110, so 120 on
    /// 2026-11-18 is below the import's own 130, not the stored 110.
    @Test func theImportsOwnReadingsAndTheStoredOnesAreNeighboursByDateTheImportsWinningTheSameDate() throws {
        let folder = try TemporaryFolder("raschet-ingest")
        defer { folder.remove() }
        var known = KnownKeys()
        known.meters.addMeter("M1", zones: 1)
        let stored = FixedSnapshot(readings: [
            Reading(meterID: "M1", date: CivilDate(year: 2026, month: 9, day: 16)!, value: ExactDecimal(100)),
            Reading(meterID: "M1", date: CivilDate(year: 2026, month: 10, day: 18)!, value: ExactDecimal(110)),
        ])
        let path = try folder.write("readings.csv", """
            meter_id;date;value;zone;source;rollover
            M1;2026-10-01;115;single;cabinet;0
            M1;2026-10-18;130;single;operator;0
            M1;2026-11-18;120;single;cabinet;0
            M1;2026-10-01;105;single;cabinet;0

            """)
        let (data, report) = try Importer().read([.init(path: path, kind: .readings)], known: known, stored: stored)
        #expect(report.problems.map(\.description) == [
            path + ":2: value: meter M1, zone single: 115 on 2026-10-01 is higher than the next reading 110 on 2026-10-18 "
                + "(stored); correct the value or its date",
            path + ":4: value: meter M1, zone single: 120 on 2026-11-18 is lower than the previous reading 130 on "
                + "2026-10-18 (\(path) line 3); correct the value, or set rollover to 1 if the register wrapped past zero",
        ])
        #expect(data.readings.map { "\($0.date) \($0.value)" } == ["2026-10-18 130", "2026-10-01 105"])
        #expect(stored.seen == ["M1", "M1", "M1", "M1"])
    }

    @Test func aPostedPaymentIsRefusedOnlyWhenTheImportChangesIt() throws {
        let folder = try TemporaryFolder("raschet-ingest")
        defer { folder.remove() }
        var known = KnownKeys()
        known.accounts = ["A1"]
        let p1 = Payment(id: "P1", accountID: "A1", date: CivilDate(year: 2026, month: 10, day: 5)!, amount: Money(kopecks: 150_000),
                         source: "Сбербанк")
        let p2 = Payment(id: "P2", accountID: "A1", date: CivilDate(year: 2026, month: 10, day: 7)!, amount: Money(kopecks: 20_000),
                         source: "Почта")
        let stored = FixedSnapshot(posted: [PostedPayment(payment: p1, period: Period(year: 2026, month: 10)!),
                                              PostedPayment(payment: p2, period: Period(year: 2026, month: 10)!)])
        let path = try folder.write("payments.csv", """
            payment_id;account_id;date;amount;source;period
            P1;A1;2026-10-05;1500.00;Сбербанк;
            P2;A1;2026-10-07;250.00;Почта;
            P3;A1;2026-11-02;300.00;Почта;

            """)
        let (data, report) = try Importer().read([.init(path: path, kind: .payments)], known: known, stored: stored)
        #expect(report.problems.map(\.description) == [
            path + ":3: payment_id: payment P2 (account A1, 2026-10-07, 200.00) was posted in the close of 2026-10 and is never "
                + "changed; to correct or move it, import a reversal with a new payment_id (account A1, date 2026-10-07, amount "
                + "-200.00, source «Корректировка оплаты») and a new payment with the right values",
        ])
        #expect(data.payments.map(\.id) == ["P1", "P3"])
        #expect(stored.seen == ["P1", "P2", "P3"])
    }

    /// An amount written as a number but beyond any amount is out of the column's range, as one just
    /// beyond the range is; one not written as an amount is not an amount.
    @Test func aHugeAmountIsOutOfRangeAndAMalformedOneIsNotAnAmount() throws {
        let folder = try TemporaryFolder("raschet-ingest")
        defer { folder.remove() }
        var known = KnownKeys()
        known.accounts = ["A1"]
        let path = try folder.write("payments.csv", """
            payment_id;account_id;date;amount;source;period
            Q1;A1;2026-10-05;999999999999999.00;Касса;
            Q2;A1;2026-10-05;-99999999999999999999;Касса;
            Q3;A1;2026-10-05;100000000001.00;Касса;
            Q4;A1;2026-10-05;12.345;Касса;

            """)
        let (_, report) = try Importer().read([.init(path: path, kind: .payments)], known: known)
        #expect(report.problems.map(\.description) == [
            path + ":2: amount: 999999999999999.00 is out of range; it must be from -100000000000 to 100000000000",
            path + ":3: amount: -99999999999999999999 is out of range; it must be from -100000000000 to 100000000000",
            path + ":4: amount: 100000000001.00 is out of range; it must be from -100000000000 to 100000000000",
            path + ":5: amount: \"12.345\" is not an amount with at most 2 decimals (use . or , as the decimal separator)",
        ])
    }

    /// A key repeated in a second file of the same entity names the file of its first row; within one
    /// file, the line is enough.
    @Test func aDuplicateKeyInAnotherFileNamesThatFile() throws {
        let folder = try TemporaryFolder("raschet-ingest")
        defer { folder.remove() }
        var known = KnownKeys()
        known.accounts = ["A1"]
        let header = "payment_id;account_id;date;amount;source;period\n"
        let a = try folder.write("a_payments.csv", header + "D1;A1;2026-10-05;10.00;Касса;\nD2;A1;2026-10-05;10.00;Касса;\n")
        let b = try folder.write("b_payments.csv", header + "D3;A1;2026-10-06;10.00;Касса;\nD1;A1;2026-10-05;10.00;Касса;\nD3;A1;2026-10-06;10.00;Касса;\n")
        let (_, report) = try Importer().read([.init(path: a, kind: .payments), .init(path: b, kind: .payments)], known: known)
        #expect(report.problems.map(\.description) == [
            b + ":3: payment_id: duplicate key D1 (first on line 2 of " + a + "); keep one of the rows",
            b + ":4: payment_id: duplicate key D3 (first on line 2); keep one of the rows",
        ])
        #expect(report.problems.first?.text.russian == b + ":3: payment_id: ключ D1 повторяется (впервые в строке 2 файла " + a
            + "); оставьте одну из строк")
    }

    @Test func aMissingFileIsReportedFromTheReadingThread() throws {
        var sink = DataSet()
        #expect(throws: IngestError.self) {
            try Importer().read([.init(path: "/nonexistent/accounts.csv", kind: .accounts)], known: KnownKeys(), into: &sink)
        }
    }

    /// A column's default (the column table's `defaultValue`: a reading's zone is `single`) stands for
    /// an absent column and for an empty cell.
    @Test func anAbsentOrEmptyZoneIsTheSingleZone() throws {
        let folder = try TemporaryFolder("raschet-ingest")
        defer { folder.remove() }
        var known = KnownKeys()
        known.meters.addMeter("M1", zones: 1)
        known.meters.addMeter("M2", zones: 1)
        let withoutColumn = try folder.write("readings-1.csv", "meter_id;date;value\nM1;2026-10-18;90\n")
        let emptyCell = try folder.write("readings-2.csv", "meter_id;date;value;zone\nM2;2026-10-18;5;\n")
        let (data, report) = try Importer().read([.init(path: withoutColumn, kind: .readings), .init(path: emptyCell, kind: .readings)],
                                                 known: known)
        #expect(report.problems.isEmpty)
        #expect(data.readings.map(\.meterID) == ["M1", "M2"])
        #expect(data.readings.map(\.zone) == [.single, .single])
    }
}

/// An XML file read for one entity that holds other collections.
@Suite struct WrongCollectionTests {
    /// Each collection the command does not import is one problem at its first row, not one per row;
    /// the rows of the collection asked for are read.
    @Test func aCollectionTheCommandDoesNotImportIsOneProblem() throws {
        let folder = try TemporaryFolder("raschet-wrong-collection")
        defer { folder.remove() }
        let path = try folder.write("data.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <raschet-data version="1">
              <suppliers>
                <supplier supplier_id="S1" name="Водоканал" inn="3525000001"/>
                <supplier supplier_id="S2" name="Теплосеть" inn="3525000002"/>
              </suppliers>
              <key_rates>
                <key_rate valid_from="2026-01-01" rate="16"/>
                <key_rate valid_from="2026-06-01" rate="20"/>
                <key_rate valid_from="2026-09-01" rate="17"/>
              </key_rates>
            </raschet-data>

            """)
        let (dataSet, report) = try Importer().read([Importer.Source(path: path, kind: .keyRates)])
        #expect(report.problems.map(\.description) == [
            "\(path):4: holds <suppliers> rows, but the command imports key_rates; use `raschet import auto` or `import suppliers`",
        ])
        #expect(report.fileProblems == 1)
        #expect(dataSet.keyRates.count == 3)
    }
}
