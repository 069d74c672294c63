public import RaschetCore
import GRDB

extension Store {
    /// Which accounts of the closed `period` get a receipt, in rendering order (``ReceiptPlan/accountIDs``),
    /// and which were parked.
    /// - Parameter accounts: only these accounts (in rendering order all the same); nil: every account.
    /// - Throws: `StoreError.Code.refused` when the period's close has not finished, or an account
    ///   asked for was not part of it.
    public func receiptPlan(_ period: Period, accounts: [String]? = nil) throws(StoreError) -> ReceiptPlan {
        try readKeepingRefusals { db in
            let status = try String.fetchOne(db, sql: "SELECT status FROM close_runs WHERE period = ?", arguments: [period.code])
            guard status == "closed" else {
                throw StoreError(.refused, status == nil ? .periodNotClosed(period, closed: try CloseRunsTable.closedPeriods(db))
                                                        : .periodCloseUnfinished(period))
            }
            /// An account of the close with what orders it: delivery, route, address, id.
            struct Entry {
                var id: String
                var closed: Bool
                var reason: String?
                var reasonInEnglish: String?
                var code: String?
                var byEmail: Bool
                var route: NaturalSortKey?
                var address: NaturalSortKey
            }
            let wanted = accounts.map { Set($0) }
            var entries: [Entry] = []
            let rows = try Row.fetchCursor(db, sql: """
                SELECT c.account_id, c.status, c.reason, c.reason_english, c.code, \(AccountDelivery.byEmailSQL), a.delivery_route,
                       a.address
                FROM close_accounts c JOIN accounts a ON a.account_id = c.account_id
                WHERE c.period = ?
                """, arguments: [period.code])
            while let row = try rows.next() {
                let id: String = row[0]
                if let wanted, !wanted.contains(id) { continue }
                entries.append(Entry(id: id, closed: (row[1] as String) == "closed", reason: row[2], reasonInEnglish: row[3], code: row[4],
                                     byEmail: row[5], route: (row[6] as String?).map(NaturalSortKey.init), address: NaturalSortKey(row[7])))
            }
            // Routes, then addresses in natural order (flat 3 before flat 24); accounts without a route last.
            entries.sort { a, b in
                if a.byEmail != b.byEmail { return !a.byEmail }
                if a.route != b.route {
                    guard let left = a.route else { return false }
                    guard let right = b.route else { return true }
                    return left < right
                }
                if a.address != b.address { return a.address < b.address }
                return a.id.utf8.lexicographicallyPrecedes(b.id.utf8)
            }
            var plan = ReceiptPlan(accountIDs: [], parked: [], terms: try CloseRunsTable.receiptTerms(of: period, db))
            for entry in entries {
                if entry.closed {
                    plan.accountIDs.append(entry.id)
                } else {
                    // A close made before the English reason was stored: its code stands for it.
                    plan.parked.append(.init(accountID: entry.id, reason: Message(
                        english: entry.reasonInEnglish ?? entry.code ?? "not_computed", russian: entry.reason ?? "не рассчитан")))
                }
            }
            plan.parked.sort { $0.accountID < $1.accountID }
            if let accounts, case let seen = Set(entries.map(\.id)), let missing = accounts.first(where: { !seen.contains($0) }) {
                throw StoreError(.refused, .accountNotInClose(missing, period: period))
            }
            return plan
        }
    }

    /// Every supplier and service by id: the reference data receipts name.
    public func receiptReference() throws(StoreError) -> (suppliers: [String: Supplier], services: [String: Service]) {
        try read { db in
            let suppliers = try Row.fetchAll(db, sql: "SELECT supplier_id, name, inn, kpp, bank_name, bic, corr_account, account, address, phone FROM suppliers").map {
                Supplier(id: $0[0], name: $0[1], inn: $0[2], kpp: $0[3], bankName: $0[4], bic: $0[5],
                         correspondentAccount: $0[6], account: $0[7], address: $0[8], phone: $0[9])
            }
            let services = try Row.fetchAll(db, sql: "SELECT * FROM services").map(StoredRows.service)
            return (Dictionary(suppliers.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }),
                    Dictionary(services.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }))
        }
    }

    /// The receipt inputs of `accountIDs` for the closed `period`, in the order given, read in one
    /// transaction: the accounts, the period's lines, balances and posted payments, the accounts'
    /// meters and their readings up to the period's end as its close read them (those dated from
    /// `readingsFrom` on, if given), and the gross posted by each of the last 12 closes. Call it with
    /// slices of `receiptPlan(_:).accountIDs` (a few hundred accounts) to stream a period of any size
    /// in rendering order.
    /// - Throws: `StoreError.Code.refused` when an account has no balance for the period (not closed).
    /// - Complexity: ten indexed queries per call (eleven for a period closed before the close stored
    ///   the premises it billed with), each seeking the accounts asked for.
    public func receiptInputs(_ period: Period, accountIDs: [String], readingsFrom: CivilDate? = nil) throws(StoreError) -> [ReceiptInput] {
        if accountIDs.isEmpty { return [] }
        return try readKeepingRefusals { db in
            let list = Self.placeholders(accountIDs.count)
            let context = Message.databaseOperation(path, .readReceiptData)
            func fetch<T>(_ sql: String, _ arguments: [String], _ decode: (StatementRow) throws -> T) throws -> [T] {
                try Self.fetch(db, context: context, sql, arguments, decode)
            }
            // Each account with the area and residents the period was billed with, whatever was
            // corrected since; for a close made before they were stored, those of the period (a dated
            // change may have replaced them).
            var billed: [String: Premises] = [:]
            for (account, premises) in try fetch(CloseAccountsTable.premisesQuery(accounts: list), [period.code] + accountIDs, { row in
                let account = row.text(0)
                guard let premises = CloseAccountsTable.premises(row.text(1)) else {
                    throw StoreError(.failed, .damagedPremises(path, account: account, period: period))
                }
                return (account, premises)
            }) { billed[account] = premises }
            var earlier: [String: [EarlierPremises]] = [:]
            if billed.count < accountIDs.count {
                for (account, entry) in try fetch(PremisesHistoryTable.laterQuery(accounts: list), [period.code] + accountIDs, {
                    ($0.text(3), PremisesHistoryTable.entry($0))
                }) { earlier[account, default: []].append(entry) }
            }
            let accounts = try fetch("SELECT \(StoredRows.accountColumns) FROM accounts WHERE account_id IN \(list)", accountIDs) {
                let account = StoredRows.account($0)
                return billed[account.id].map(account.with) ?? account.asOf(period, earlier: earlier[account.id] ?? [])
            }
            var lines: [ChargeLine] = []
            try StatementRows(db, sql: "SELECT account_id, lines FROM account_lines WHERE period = ? AND account_id IN \(list)",
                              context: context).forEach({ binder in
                binder.add(period.code)
                for id in accountIDs { binder.add(id) }
            }) { row in
                lines += try AccountLinesTable.lines(row, column: 1, accountID: row.text(0), period: period, path: path)
            }
            let balances = try fetch("""
                SELECT \(StoredRows.balanceColumns), account_id FROM balances WHERE period = ? AND account_id IN \(list)
                """, [period.code] + accountIDs) { ($0.text(5), StoredRows.balance($0)) }
            let payments = try fetch("""
                SELECT p.payment_id, p.account_id, p.date, p.amount, p.source, p.period
                FROM posted_payments pp JOIN payments p ON p.payment_id = pp.payment_id
                WHERE pp.period = ? AND pp.account_id IN \(list)
                """, [period.code] + accountIDs, StoredRows.payment)
            let (meters, source) = try Self.meters(db, context: context, accountIDs, closed: period)
            let readingsByID = try Self.readingsByAccount(db, context: context, source, closed: period, from: readingsFrom)
            // The twelve periods listed, not a range: SQLite then seeks (period, account) in the key
            // instead of scanning every account's lines of the range for each slice.
            let months = (0..<12).map { Period(ordinal: period.ordinal - 11 + $0).code }
            let history = try fetch("""
                SELECT account_id, period, gross FROM account_lines
                WHERE period IN (\(Array(repeating: "?", count: months.count).joined(separator: ","))) AND account_id IN \(list)
                ORDER BY period, account_id
                """, months + accountIDs) { row in
                (account: row.text(0),
                 point: ReceiptContent.HistoryPoint(period: row.period(1) ?? StoredRows.neutralPeriod, charged: Money(kopecks: row.int64(2))))
            }

            let accountByID = Dictionary(accounts.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            let balanceByID = Dictionary(balances, uniquingKeysWith: { a, _ in a })
            let linesByID = Dictionary(grouping: lines, by: \.accountID)
            let paymentsByID = Dictionary(grouping: payments, by: \.accountID)
            let metersByID = Dictionary(grouping: meters, by: \.accountID)
            let historyByID = Dictionary(grouping: history, by: \.account)
            return try accountIDs.map { id throws(StoreError) in
                guard let account = accountByID[id], let balance = balanceByID[id] else {
                    throw StoreError(.refused, .accountNotComputed(id, period: period))
                }
                return ReceiptInput(
                    account: account, period: period, lines: linesByID[id] ?? [], balance: balance,
                    payments: paymentsByID[id] ?? [], meters: metersByID[id] ?? [], readings: readingsByID[id] ?? [],
                    history: (historyByID[id] ?? []).map(\.point))
            }
        }
    }

    /// Every reading of `meters` (the receipt inputs' meters, each on its account) dated up to the end
    /// of `period`, as its close read them, by account (none: no key): for the receipts whose inputs'
    /// readings from a date do not suffice (`ReceiptContent.readingsSuffice`).
    /// - Complexity: two indexed queries.
    public func receiptReadings(of meters: [Meter], closed period: Period) throws(StoreError) -> [String: [Reading]] {
        if meters.isEmpty { return [:] }
        return try readKeepingRefusals { db in
            try Self.readingsByAccount(db, context: .databaseOperation(path, .readReceiptData), .meters(meters), closed: period,
                                       from: nil)
        }
    }

    /// The meters of `accountIDs` as the close of `period` billed them (`MeterChangesTable`), and the
    /// source the readings' query reads them from: the meters now on the accounts when none changed
    /// since, else that list.
    private static func meters(_ db: Database, context: Message, _ accountIDs: [String],
                               closed period: Period) throws -> (meters: [Meter], source: ReceiptMeters) {
        let current = try fetch(db, context: context, "SELECT \(StoredRows.meterColumns) FROM meters WHERE account_id IN "
                                + placeholders(accountIDs.count), accountIDs, StoredRows.meter)
        let priors = try MeterChangesTable.priors(db, accounts: accountIDs, closed: period)
        if priors.isEmpty { return (current, .accounts(accountIDs)) }
        let meters = MeterChangesTable.asClosed(current, priors: priors, accounts: Set(accountIDs))
        return (meters, .meters(meters))
    }

    /// The readings of the meters of `source` dated up to the end of `period` and, if given, from
    /// `from` on, by account, as they were when the close of `period` started: those stored or
    /// changed since are left out or take their prior values (`ReadingChangesTable`), so that a
    /// receipt printed again shows what it showed the first time.
    private static func readingsByAccount(_ db: Database, context: Message, _ source: ReceiptMeters, closed period: Period,
                                          from: CivilDate?) throws -> [String: [Reading]] {
        if source.arguments.isEmpty { return [:] }
        let through = period.lastDay.isoString
        let rows = try fetch(db, context: context, receiptReadingsQuery(source, from: from != nil),
                             source.arguments + [through] + (from.map { [$0.isoString] } ?? [])) {
            (account: $0.text(6), reading: StoredRows.reading($0))
        }
        var priors: [ReadingChangesTable.Key: ReadingChangesTable.Prior] = [:]
        for (key, prior) in try fetch(db, context: context, ReadingChangesTable.priorReadingsQuery(source),
                                      source.arguments + [period.code, through], { row in
            (ReadingChangesTable.Key(meterID: row.text(0), date: row.date(1) ?? StoredRows.neutralDate,
                                     zone: row.choice(2, of: Zone.self) ?? .single),
             row.optionalInt64(3).map { (value: ExactDecimal(micros: $0), rollover: row.int64(4) != 0) })
        }) { priors.updateValue(prior, forKey: key) }  // a nil prior kept, not a key removed
        return Dictionary(grouping: rows, by: \.account).mapValues { ReadingChangesTable.applyPriors(priors, to: $0.map(\.reading)) }
    }

    /// The readings of the meters of `source` (bound first) dated up to the parameter after them and,
    /// with `from`, from the next one on; each with its account last. An index seek per meter and
    /// quarter read (`ReadingQuarters`). The parameters are numbered: the quarters' subquery names the
    /// dates before the meters' list in the text.
    private static func receiptReadingsQuery(_ source: ReceiptMeters, from: Bool) -> String {
        let count = source.arguments.count
        let through = "?\(count + 1)", first = "?\(count + 2)"
        var quarters = "quarter <= " + ReadingQuarters.quarter(of: through)
        if from { quarters += " AND quarter >= " + ReadingQuarters.quarter(of: first) }
        return """
        \(source.with)SELECT r.meter_id, r.date, r.zone, r.value, r.source, r.rollover, m.account_id
        FROM \(source.table) CROSS JOIN readings r ON \(ReadingQuarters.quarters("r.quarter", where: quarters)) AND r.meter_id = m.meter_id
        WHERE \(source.filter) AND r.date <= \(through)\(from ? " AND r.date >= " + first : "")
        """
    }

    /// `(?,?,…)` with `count` placeholders.
    private static func placeholders(_ count: Int) -> String {
        "(" + Array(repeating: "?", count: count).joined(separator: ",") + ")"
    }

    /// Rows of `sql` with `arguments` bound in order, stepped through the SQLite C API and decoded in
    /// place (`StatementRows`).
    private static func fetch<T>(_ db: Database, context: Message, _ sql: String, _ arguments: [String],
                                 _ decode: (StatementRow) throws -> T) throws -> [T] {
        var values: [T] = []
        try StatementRows(db, sql: sql, context: context).forEach({ binder in
            for argument in arguments { binder.add(argument) }
        }) { values.append(try decode($0)) }
        return values
    }

    /// `read`, passing a `StoreError` thrown inside through unchanged (a refusal stays a refusal).
    private func readKeepingRefusals<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try queue.read(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.databaseOperation(path, .readReceiptData), cause: error)
        }
    }
}
