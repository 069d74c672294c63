import GRDB
public import RaschetCore

/// A read-only connection that loads the close's inputs batch by batch. WAL lets it read while the
/// store's queue writes; it is the close's only second connection, the store's queue stays the only
/// writer.
public final class CloseInputReader: Sendable {
    private let queue: DatabaseQueue
    private let path: String

    init(path: String) throws(StoreError) {
        var configuration = Configuration()
        configuration.readonly = true
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw StoreError(.databaseOperation(path, .openReader), cause: error)
        }
        self.path = path
    }

    /// Loads the inputs of the accounts `ids` (ascending) for the close of `period`, in their order,
    /// with one query per table over the id range `ids.first...ids.last`. Ids without an account
    /// row are left out.
    /// - Complexity: O(rows in the range); the reference data is indexed once per call.
    public func inputs(for ids: [String], period: Period, reference: CloseReference) throws(StoreError) -> [AccountCloseInput] {
        do {
            return try queue.read { db in try Self.load(db, accounts: ids, period: period, reference: reference) }
        } catch {
            throw StoreError(.databaseOperation(path, .readCloseInputs), cause: error)
        }
    }

    private static func load(_ db: Database, accounts ids: [String], period: Period,
                             reference: CloseReference) throws -> [AccountCloseInput] {
        guard let first = ids.first, let last = ids.last else { return [] }
        let range: StatementArguments = [first, last]
        // Rows arrive grouped by account (every query scans an account-keyed range), so runs of one
        // account are collected with a string compare per row and one dictionary update per run.
        // Accounts of the range that are not in `ids` (done by an earlier run) are loaded and ignored.
        func grouped<T>(_ sql: String, _ arguments: StatementArguments = [], _ decode: (Row) -> T,
                        key: (T) -> String) throws -> [String: [T]] {
            var result: [String: [T]] = [:]
            var runKey: String?
            var run: [T] = []
            let cursor = try Row.fetchCursor(db, sql: sql, arguments: range + arguments)
            while let row = try cursor.next() {
                let value = decode(row)
                let id = key(value)
                if id != runKey {
                    if let runKey { result[runKey, default: []] += run }
                    runKey = id
                    run.removeAll(keepingCapacity: true)
                }
                run.append(value)
            }
            if let runKey { result[runKey, default: []] += run }
            return result
        }
        let accounts = try grouped("SELECT \(StoredRows.accountColumns) FROM accounts WHERE account_id BETWEEN ? AND ?", [], StoredRows.account, key: \.id)
        let connections = try grouped("SELECT \(StoredRows.accountServiceColumns) FROM account_services WHERE account_id BETWEEN ? AND ? ORDER BY account_id, service_id, valid_from",
                                      [], StoredRows.accountService, key: \.accountID)
        let meters = try grouped("SELECT \(StoredRows.meterColumns) FROM meters WHERE account_id BETWEEN ? AND ? ORDER BY account_id, meter_id", [],
                                 StoredRows.meter, key: \.accountID)
        let readings = try grouped("""
            SELECT r.meter_id, r.date, r.zone, r.value, r.source, r.rollover, m.account_id
            FROM meters m JOIN readings r ON r.meter_id = m.meter_id
            WHERE m.account_id BETWEEN ? AND ?
            """, [], { row in (reading: StoredRows.reading(row), account: row[6] as String) }, key: \.account)
            .mapValues { $0.map(\.reading) }
        let volumes = try grouped("SELECT \(StoredRows.volumeColumns) FROM volumes WHERE account_id BETWEEN ? AND ? ORDER BY account_id, service_id, period",
                                  [], StoredRows.volume, key: \.accountID)
        let absences = try grouped("SELECT \(StoredRows.absenceColumns) FROM absences WHERE account_id BETWEEN ? AND ? ORDER BY account_id, date_from",
                                   [], StoredRows.absence, key: \.accountID)
        let payments = try grouped(PostedPaymentsTable.rangeQuery, [period.lastDay.isoString],
                                   { row in (StoredRows.payment(row), row[6] as String?) }, key: \.0.accountID)
        var earlier: [String: [ChargeLine]] = [:]
        for code in reference.earlierPeriods {
            let lines = try grouped(ChargeLinesTable.rangeQuery, [code], StoredRows.chargeLine, key: \.accountID)
            for (account, list) in lines { earlier[account, default: []] += list }
        }
        let openings = try grouped(BalancesTable.rangeQuery, [period.previous.code],
                                   { row in (row[5] as String, StoredRows.balance(row)) }, key: \.0)
        var servicesByID: [String: Service] = [:]
        for service in reference.services { servicesByID[service.id] = service }
        var tariffsByService: [String: [Tariff]] = [:]
        for tariff in reference.tariffs { tariffsByService[tariff.serviceID, default: []].append(tariff) }

        return ids.compactMap { id -> AccountCloseInput? in
            guard let account = accounts[id]?.first else { return nil }
            let own = connections[id] ?? []
            let serviceIDs = Set(own.map(\.serviceID)).sorted()
            let accountPayments = payments[id] ?? []
            let posted = earlier[id] ?? []
            let billing = AccountBillingInput(
                account: account, services: serviceIDs.compactMap { servicesByID[$0] }, accountServices: own,
                tariffs: serviceIDs.flatMap { tariffsByService[$0] ?? [] }, meters: meters[id] ?? [],
                readings: readings[id] ?? [], volumes: volumes[id] ?? [], absences: absences[id] ?? [],
                posted: posted.filter { $0.kind != .penalty })
            return AccountCloseInput(billing: billing, opening: openings[id]?.first?.1.closing ?? .zero,
                                     payments: accountPayments.map(\.0),
                                     newPayments: accountPayments.filter { $0.1 == nil || $0.1 == period.code }.map(\.0),
                                     earlier: posted)
        }
    }
}

extension Store {
    /// Opens a second, read-only connection to this database for loading a close's batches while
    /// this store writes the previous one.
    public func openCloseInputReader() throws(StoreError) -> CloseInputReader {
        try CloseInputReader(path: path)
    }
}
