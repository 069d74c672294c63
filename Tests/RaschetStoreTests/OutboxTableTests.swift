import Foundation
import GRDB
import RaschetCore
@testable import RaschetStore
import RaschetTesting
import Testing

@Suite struct OutboxTableTests {
    static let october = Period(year: 2026, month: 10)!

    @Test func anEntryIsStoredReplacedAndKeptApartFromOtherPeriods() throws {
        let folder = try TemporaryFolder("raschet-store")
        defer { folder.remove() }
        let (store, _) = try Store.create(at: folder.path("test.sqlite"))
        var entry = OutboxEntry(account: "4102470007", period: Self.october, messageID: "raschet.4102470007_2026-10@erc.ru",
                                email: "smirnova.ev@mail.ru")
        try store.saveOutboxEntry(entry)
        #expect(try store.outboxEntries(period: Self.october) == ["4102470007": entry])
        entry.status = .sending
        entry.attempts = 1
        try store.saveOutboxEntry(entry)
        entry.status = .sent
        entry.serverAnswer = "250 2.0.0 Ok: queued as 000001"
        try store.saveOutboxEntry(entry)
        #expect(try store.outboxEntries(period: Self.october) == ["4102470007": entry])
        #expect(try store.outboxEntries(period: Self.october.next).isEmpty)
    }

    /// The store syncs the write-ahead log at checkpoints only (`synchronous = NORMAL`, 1); for the
    /// outbox every commit is synced (`FULL`, 2), so a power cut cannot lose a mark.
    @Test func syncEveryCommitTurnsOnFullSynchronousWrites() throws {
        let folder = try TemporaryFolder("raschet-store")
        defer { folder.remove() }
        let (store, _) = try Store.create(at: folder.path("test.sqlite"))
        func synchronous() throws -> Int? { try store.queue.read { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") } }
        #expect(try synchronous() == 1)
        try store.syncEveryCommit()
        #expect(try synchronous() == 2)
    }

    @Test func recipientsAreTheConfirmedEReceiptAccountsWithTheirAmountDue() throws {
        let folder = try TemporaryFolder("raschet-store")
        defer { folder.remove() }
        let (store, _) = try Store.create(at: folder.path("test.sqlite"))
        var data = StoreTests.sampleData()
        let template = data.accounts[0]
        func account(_ id: String, email: String?, confirmed: Bool, eReceipt: Bool) -> Account {
            var account = template
            account.id = id; account.email = email; account.emailConfirmed = confirmed; account.eReceipt = eReceipt
            return account
        }
        data.accounts = [
            account("1", email: "a@x.ru", confirmed: true, eReceipt: true),
            account("2", email: "b@x.ru", confirmed: false, eReceipt: true),
            account("3", email: "c@x.ru", confirmed: true, eReceipt: false),
            account("4", email: " ", confirmed: true, eReceipt: true),
            account("5", email: " e@x.ru ", confirmed: true, eReceipt: true),
        ]
        data.payments = []
        _ = try store.store(data)
        // No close yet: no amount due.
        #expect(try store.eReceiptRecipients(period: Self.october) == [
            EReceiptRecipient(account: "1", name: template.name, email: "a@x.ru", closingBalance: nil),
            EReceiptRecipient(account: "5", name: template.name, email: "e@x.ru", closingBalance: nil),
        ])
        #expect(try store.eReceiptRecipients(period: Self.october, accounts: ["5", "2"]).map(\.account) == ["5"])
    }
}
