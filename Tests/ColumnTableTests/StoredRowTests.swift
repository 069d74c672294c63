import GRDB
import RaschetCore
@testable import RaschetStore
import Testing

/// The two kinds of stored row (GRDB's `Row`, `StatementRow` stepped through the C API) read the
/// same cells the same way, odd ones included, and a failed step throws SQLite's message.
@Suite struct StoredRowTests {
    /// A NULL, two integers, then texts: GRDB reads integers only from integer cells and texts
    /// only from text cells, so each kind of cell is read as its own kind (and NULL as every kind).
    static let cells = """
        SELECT NULL, 42, -7, '', 'Иванов И. И.', '2026-02-28', '28.02.2026', '2026-02-30', '2026-2-28', 'x',
               '2026-10', '2026-13', '2026-1', 'night', 'operator', 'Night', 'nigh'
        """
    static let integers = [0, 1, 2]
    static let texts = [0] + Array(3...16)

    struct Read: Equatable {
        var int64: [Int64]
        var optionalInt64: [Int64?]
        var text: [String]
        var optionalText: [String?]
        var date: [CivilDate?]
        var period: [Period?]
        var zone: [Zone?]
        var source: [ReadingSource?]

        init(_ row: some StoredRow) {
            int64 = StoredRowTests.integers.map(row.int64)
            optionalInt64 = StoredRowTests.integers.map(row.optionalInt64)
            text = StoredRowTests.texts.map(row.text)
            optionalText = StoredRowTests.texts.map(row.optionalText)
            date = StoredRowTests.texts.map(row.date)
            period = StoredRowTests.texts.map(row.period)
            zone = StoredRowTests.texts.map { row.choice($0, of: Zone.self) }
            source = StoredRowTests.texts.map { row.choice($0, of: ReadingSource.self) }
        }
    }

    @Test func bothRowKindsReadEveryCellAlike() throws {
        let (grdb, stepped) = try DatabaseQueue().read { db in
            var stepped: [Read] = []
            try StatementRows(db, sql: Self.cells, context: .databaseOperation("rows", .read))
                .forEach({ _ in }) { stepped.append(Read($0)) }
            return (try Row.fetchAll(db, sql: Self.cells).map { Read($0) }, stepped)
        }
        #expect(stepped.count == 1)
        #expect(stepped == grdb)
        let read = try #require(stepped.first)
        #expect(read.int64 == [0, 42, -7])
        #expect(read.optionalInt64 == [nil, 42, -7])
        #expect(read.text == ["", "", "Иванов И. И.", "2026-02-28", "28.02.2026", "2026-02-30", "2026-2-28", "x",
                              "2026-10", "2026-13", "2026-1", "night", "operator", "Night", "nigh"])
        #expect(read.optionalText.prefix(2) == [nil, ""])
        let february28 = CivilDate(year: 2026, month: 2, day: 28)!
        #expect(read.date == [nil, nil, nil, february28, february28, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil])
        #expect(read.period == [nil, nil, nil, nil, nil, nil, nil, nil, Period(year: 2026, month: 10)!, nil, nil,
                                nil, nil, nil, nil])
        // A case is its raw value exactly: not another case's, nor in other letters, nor a part of it.
        #expect(read.zone == Array(repeating: nil, count: 11) + [.night, nil, nil, nil])
        #expect(read.source == Array(repeating: nil, count: 12) + [.operator, nil, nil])
    }

    @Test func aRunOfEqualTextsSharesOneString() throws {
        let long = "счётчик-0000000001"
        let sql = "SELECT column1 FROM (VALUES ('\(long)'), ('\(long)'), ('счётчик-0000000002'), (NULL), (''), ('\(long)'))"
        let (texts, addresses) = try DatabaseQueue().read { db in
            var previous = ""
            var texts: [String] = []
            var addresses: [UnsafePointer<UInt8>?] = []
            try StatementRows(db, sql: sql, context: .databaseOperation("rows", .read)).forEach({ _ in }) { row in
                var text = row.text(0, reusing: &previous)
                texts.append(text)
                addresses.append(text.withUTF8 { $0.baseAddress })
            }
            return (texts, addresses)
        }
        #expect(texts == [long, long, "счётчик-0000000002", "", "", long])
        #expect(addresses[0] == addresses[1])
        #expect(addresses[5] != addresses[0])
    }

    @Test func parametersAreBoundInOrderAndTheStatementCanRunAgain() throws {
        let runs = try DatabaseQueue().read { db in
            let rows = try StatementRows(db, sql: "SELECT ? || ?, ? + 1", context: .databaseOperation("rows", .read))
            var runs: [[String]] = []
            for (a, b, n) in [("А", "1", Int64(1)), ("B", "2", 41)] {
                try rows.forEach({ $0.add(a); $0.add(b); $0.add(n) }) { runs.append([$0.text(0), $0.text(1)]) }
            }
            return runs
        }
        #expect(runs == [["А1", "2"], ["B2", "42"]])
    }

    @Test func aFailedStepThrowsSQLitesMessage() throws {
        let error = try #require(throws: StoreError.self) {
            try DatabaseQueue().read { db in
                try StatementRows(db, sql: "SELECT abs(?)", context: .databaseOperation("rows.sqlite", .readCloseInputs))
                    .forEach({ $0.add(Int64.min) }) { _ in }
            }
        }
        #expect(error.code == .failed)
        #expect(error.message.english == "rows.sqlite: cannot read the close's inputs: SQLite: integer overflow")
    }
}
