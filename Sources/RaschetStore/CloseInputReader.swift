import GRDB
public import RaschetCore

/// A read-only connection that loads the close's inputs batch by batch. WAL lets it read while the
/// store's queue writes; the close opens one per loading worker, the store's queue stays the only
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
    ///
    /// With `allEarlierLines`, `earlier` holds every line posted by earlier closes. Without, it is
    /// empty and `earlierDebts` holds the stored debts (`close_debts`): `addEarlierLines` then loads
    /// the lines the close needs for the accounts that need any.
    /// - Complexity: O(rows in the range); the reference data is indexed once per call.
    public func inputs(for ids: [String], period: Period, reference: CloseReference,
                       allEarlierLines: Bool = true) throws(StoreError) -> [AccountCloseInput] {
        do {
            return try queue.read { db in
                try Self.load(db, accounts: ids, period: period, reference: reference, allEarlierLines: allEarlierLines)
            }
        } catch {
            throw StoreError(.databaseOperation(path, .readCloseInputs), cause: error)
        }
    }

    /// Adds to `inputs[i]` (loaded without `allEarlierLines`) the lines of earlier closes `needs[i]`
    /// names: `earlier` and, without penalties, `billing.posted`. One query per account and close.
    /// - Complexity: O(lines loaded).
    public func addEarlierLines(_ needs: [EarlierLinesNeed], to inputs: inout [AccountCloseInput],
                                reference: CloseReference) throws(StoreError) {
        precondition(needs.count == inputs.count, "one need per input")
        do {
            try queue.read { db in
                let statement = try db.cachedStatement(sql: ChargeLinesTable.rangeQuery)
                for index in inputs.indices {
                    let periods: ArraySlice<String>
                    switch needs[index] {
                    case .none: continue
                    case .all: periods = reference.earlierPeriods[...]
                    case .from(let first): periods = reference.earlierPeriods.drop { $0 < first.code }
                    }
                    let id = inputs[index].billing.account.id
                    var lines: [ChargeLine] = []
                    for code in periods {
                        let cursor = try Row.fetchCursor(statement, arguments: [id, id, code])
                        while let row = try cursor.next() { lines.append(StoredRows.chargeLine(row)) }
                    }
                    inputs[index].earlier = lines
                    inputs[index].billing.posted = lines.filter { $0.kind != .penalty }
                }
            }
        } catch {
            throw StoreError(.databaseOperation(path, .readCloseInputs), cause: error)
        }
    }

    private static func load(_ db: Database, accounts ids: [String], period: Period,
                             reference: CloseReference, allEarlierLines: Bool) throws -> [AccountCloseInput] {
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
        var debts: [String: [Period: Money]] = [:]
        for code in reference.earlierPeriods where !allEarlierLines {
            let closed = StoredRows.period(code)
            let rows = try grouped(CloseDebtsTable.rangeQuery, [code], { row in
                (account: row[0] as String, amount: Money(kopecks: row[1] as Int64))
            }, key: \.account)
            for (account, list) in rows { for row in list { debts[account, default: [:]][closed] = row.amount } }
        }
        for code in reference.earlierPeriods where allEarlierLines {
            let lines = try grouped(ChargeLinesTable.rangeQuery, [code], StoredRows.chargeLine, key: \.accountID)
            for (account, list) in lines { earlier[account, default: []] += list }
        }
        // Oldest close first, so that the latest fingerprint of a reference period wins.
        var fingerprints: [String: [Period: UInt64]] = [:]
        for code in reference.earlierPeriods {
            let rows = try grouped(CloseFingerprintsTable.rangeQuery, [code], { row in
                (account: row[0] as String, refPeriod: StoredRows.period(row[1] as String), value: UInt64(bitPattern: row[2] as Int64))
            }, key: \.account)
            for (account, list) in rows {
                for row in list { fingerprints[account, default: [:]][row.refPeriod] = row.value }
            }
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
                posted: posted.filter { $0.kind != .penalty }, closedFingerprints: fingerprints[id] ?? [:])
            return AccountCloseInput(billing: billing, opening: openings[id]?.first?.1.closing ?? .zero,
                                     payments: accountPayments.map(\.0),
                                     newPayments: accountPayments.filter { $0.1 == nil || $0.1 == period.code }.map(\.0),
                                     earlier: posted, earlierDebts: allEarlierLines ? nil : debts[id] ?? [:])
        }
    }
}

extension Store {
    /// Opens another, read-only connection to this database for loading a close's batches while
    /// this store writes the previous one.
    public func openCloseInputReader() throws(StoreError) -> CloseInputReader {
        try CloseInputReader(path: path)
    }
}
