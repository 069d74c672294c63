import Foundation
import GRDB
import RaschetCore
import RaschetStore
import RaschetTesting
import Testing

@Suite struct DocumentNumbersTests {
    /// A database in `folder` with accounts A0 … A(n−1) and the periods 2026-10 … 2027-01 marked
    /// closed (documents are numbered of closed periods only).
    static func store(accounts: Int, in folder: TemporaryFolder) throws -> (Store, String) {
        let path = folder.path("test.sqlite")
        let (store, _) = try Store.create(at: path)
        var data = DataSet()
        data.accounts = (0..<accounts).map { Account(id: "A\($0)", kind: .person, name: "Плательщик \($0)", address: "д. \($0)") }
        _ = try store.store(data)
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "INSERT INTO close_runs (period, status) VALUES ('2026-10', 'closed'), ('2026-11', 'closed'), "
                + "('2026-12', 'closed'), ('2027-01', 'closed')")
        }
        return (store, path)
    }

    static func receipt(_ account: String, _ period: String) -> DocumentKey {
        .receipt(accountID: account, period: Period(parsing: period)!)
    }

    @Test func numbersRunFromOneWithoutGapsAndAReprintGetsItsOwnNumberBack() throws {
        let folder = try TemporaryFolder("raschet-store")
        defer { folder.remove() }
        let (store, _) = try Self.store(accounts: 3, in: folder)
        let october = ["A2", "A0", "A1"].map { Self.receipt($0, "2026-10") }
        #expect(try store.documentNumbers(for: october, issuerINN: "3525417791").map(\.sequence) == [1, 2, 3])
        // Reprint of two of them, with a new one in between: the old numbers, the next free one.
        let mixed = [Self.receipt("A0", "2026-10"), Self.receipt("A0", "2026-11"), Self.receipt("A2", "2026-10")]
        #expect(try store.documentNumbers(for: mixed, issuerINN: "3525417791") == [
            DocumentNumber(year: 2026, sequence: 2), DocumentNumber(year: 2026, sequence: 4), DocumentNumber(year: 2026, sequence: 1),
        ])
        // A new year starts its own series, and so does another organization.
        #expect(try store.documentNumbers(for: [Self.receipt("A1", "2027-01")], issuerINN: "3525417791")
            == [DocumentNumber(year: 2027, sequence: 1)])
        #expect(try store.documentNumbers(for: [Self.receipt("A1", "2026-10")], issuerINN: "7707083893")
            == [DocumentNumber(year: 2026, sequence: 1)])
        // Another kind of document for the same account and range is another document.
        let certificate = DocumentKey(kind: .settlement, accountID: "A1", from: "2026-01-01", to: "2026-10-31", year: 2026)
        #expect(try store.documentNumbers(for: [certificate], issuerINN: "3525417791").map(\.sequence) == [5])
    }

    /// A no-debt certificate dated early in January from December's data is numbered in the
    /// series of its date's year, as every document is.
    @Test func aNoDebtCertificateIsNumberedInItsDatesYear() throws {
        let folder = try TemporaryFolder("raschet-store")
        defer { folder.remove() }
        let (store, _) = try Self.store(accounts: 1, in: folder)
        let key = DocumentKey.noDebt(accountID: "A0", date: CivilDate(year: 2027, month: 1, day: 12)!,
                                     dataAsOf: CivilDate(year: 2026, month: 12, day: 31)!)
        #expect(key.year == 2027 && key.from == "2027-01-12" && key.to == "2026-12-31")
        #expect(try store.documentNumbers(for: [key], issuerINN: "3525417791") == [DocumentNumber(year: 2027, sequence: 1)])
    }

    /// A period reopened after a command read its figures is not closed when the command numbers
    /// its documents: refused, and nothing is numbered, not even the keys of closed periods before it.
    @Test func aDocumentOfAPeriodNotClosedGetsNoNumber() throws {
        let folder = try TemporaryFolder("raschet-store")
        defer { folder.remove() }
        let (store, _) = try Self.store(accounts: 2, in: folder)
        #expect {
            try store.documentNumbers(for: [Self.receipt("A0", "2026-10"), Self.receipt("A1", "2027-02")], issuerINN: "3525417791")
        } throws: { error in
            (error as? StoreError)?.message == .periodNotClosed(Period(year: 2027, month: 2)!, closed: ["2026-10", "2026-11", "2026-12", "2027-01"].map { Period(parsing: $0)! })
        }
        #expect(try store.documentNumbers(for: [Self.receipt("A1", "2026-10")], issuerINN: "3525417791")
            == [DocumentNumber(year: 2026, sequence: 1)])
    }

    /// While another connection holds the write lock (another command storing), numbering waits the
    /// store's busy timeout, then gives up with `.busy` having numbered nothing; once the lock is
    /// free it numbers from 1.
    @Test func numberingWaitsTheBusyTimeoutForAnotherWriteThenGivesUp() throws {
        let folder = try TemporaryFolder("raschet-store")
        defer { folder.remove() }
        let (_, path) = try Self.store(accounts: 1, in: folder)
        let store = try Store.open(at: path, busyTimeout: .milliseconds(700))
        let holder = try DatabaseQueue(path: path)
        let holding = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0), done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            try? holder.write { db in
                try db.execute(sql: "INSERT INTO close_runs (period, status) VALUES ('2025-01', 'closed')")
                holding.signal()
                _ = release.wait(timeout: .now() + 20)
            }
            done.signal()
        }
        holding.wait()
        let started = ContinuousClock.now
        #expect {
            try store.documentNumbers(for: [Self.receipt("A0", "2026-10")], issuerINN: "3525417791")
        } throws: { error in
            (error as? StoreError)?.code == .busy
        }
        let waited = ContinuousClock.now - started
        release.signal()
        done.wait()
        #expect(waited >= .milliseconds(600) && waited < .seconds(10), "\(waited)")
        #expect(try store.documentNumbers(for: [Self.receipt("A0", "2026-10")], issuerINN: "3525417791")
            == [DocumentNumber(year: 2026, sequence: 1)])
    }

    /// Two connections to one file (as two `raschet render` processes) number overlapping sets of
    /// receipts at once: every receipt gets exactly one number and the series is 1 … N with no gap.
    @Test func twoConcurrentRunsShareOneGaplessSeries() throws {
        let folder = try TemporaryFolder("raschet-store")
        defer { folder.remove() }
        let (_, path) = try Self.store(accounts: 60, in: folder)
        let first = try Store.open(at: path), second = try Store.open(at: path)
        let keysA = (0..<40).map { Self.receipt("A\($0)", "2026-10") }
        let keysB = (20..<60).map { Self.receipt("A\($0)", "2026-10") }
        nonisolated(unsafe) var results: [[DocumentNumber]] = [[], []]
        nonisolated(unsafe) var failures: [any Error] = []
        let lock = NSLock()
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            do {
                var numbers: [DocumentNumber] = []
                let keys = index == 0 ? keysA : keysB
                let store = index == 0 ? first : second
                // Ten transactions each, interleaving with the other run's.
                for start in stride(from: 0, to: keys.count, by: 4) {
                    numbers += try store.documentNumbers(for: Array(keys[start..<start + 4]), issuerINN: "3525417791")
                }
                lock.withLock { results[index] = numbers }
            } catch {
                lock.withLock { failures.append(error) }
            }
        }
        #expect(failures.isEmpty, "\(failures)")
        var byAccount: [String: DocumentNumber] = [:]
        for (keys, numbers) in [(keysA, results[0]), (keysB, results[1])] {
            for (key, number) in zip(keys, numbers) {
                if let seen = byAccount[key.accountID] { #expect(seen == number, "\(key.accountID) got two numbers") }
                byAccount[key.accountID] = number
            }
        }
        #expect(byAccount.count == 60)
        #expect(byAccount.values.map(\.sequence).sorted() == Array(1...60))
    }
}
