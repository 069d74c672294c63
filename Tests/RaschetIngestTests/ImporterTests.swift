import Foundation
import RaschetCore
import RaschetIngest
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

    static func accountsFile(rows: Int) throws -> String {
        var text = "account_id;kind;name;address\n"
        for i in 0..<rows { text += "\(100_000 + i);person;Житель \(i);г. Вологда, д. \(i)\n" }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("accounts-\(UUID().uuidString).csv").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func everyRowReachesTheSinkInInputOrder() throws {
        let path = try Self.accountsFile(rows: 20_000)
        let (data, report) = try Importer().read([.init(path: path, kind: .accounts)])
        #expect(report.problems.isEmpty)
        #expect(data.accounts.count == 20_000)
        #expect(data.accounts.map(\.id) == (0..<20_000).map { String(100_000 + $0) })
    }

    @Test func aFailingSinkStopsTheReaderAndItsErrorComesBack() throws {
        let path = try Self.accountsFile(rows: 100_000)
        var sink = FailingSink(remaining: 5_000)
        #expect(throws: Failure()) {
            try Importer().read([.init(path: path, kind: .accounts)], known: KnownKeys(), into: &sink)
        }
        #expect(sink.received == 5_000)
    }

    @Test func aMissingFileIsReportedFromTheReadingThread() throws {
        var sink = DataSet()
        #expect(throws: IngestError.self) {
            try Importer().read([.init(path: "/nonexistent/accounts.csv", kind: .accounts)], known: KnownKeys(), into: &sink)
        }
    }
}
