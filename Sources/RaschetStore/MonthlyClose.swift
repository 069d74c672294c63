import Dispatch
import Foundation
import GRDB
import GRDBSQLite
import RaschetCore
import Synchronization

/// The store-backed monthly close (SPEC section 4): batches of accounts, one write transaction per
/// batch, a per-account "done" marker, and the period's "closed" mark last.
///
/// Design (why a crash or a second run ends with the stored result of one clean run):
/// - Every account's results — its lines, balance, posted payments, review flags and its
///   `close_accounts` marker — are written in the batch's transaction, so after `kill -9` an account
///   is either completely stored or not at all. A rerun skips accounts marked `closed`.
/// - The rules ignore lines posted in the period being closed, and payments are posted once
///   (`posted_payments`), so recomputing an account gives the same result as the first attempt.
/// - `close_runs.status` becomes `closed` only after every account has a marker. Closing a closed
///   period again computes only its `parked` accounts (after the data is fixed); with none parked
///   it is a no-op.
/// - Order: the first close of a database may be any period (its opening balances are 0); after
///   that, period P may be closed only when P − 1 is closed with no parked account (balances of P
///   open with the closings of P − 1), and a period before the latest started one is refused: a
///   closed period is never rewritten, corrections go into the current one as `recalc` lines.
///
/// - A parked account gets a `parked` marker with its reason and nothing else (no lines, no balance);
///   the next period cannot be closed while one is parked, so balances always chain.
/// - Two closes of the same database at once are not coordinated beyond SQLite's write lock: the
///   second fails on the first one's rows (exit 70) and stores nothing of the failed batch.
///
/// Throughput: batches go through a two-lane pipeline (`pipelineStep`): while one batch is written,
/// the next is loaded (one query per table over the batch's account-id range) and billed on up to
/// one worker per core.
///
/// Payments: a payment is posted, once, in the first close whose period ends on or after its date
/// (a late-imported payment with an old date lands in the current close). Penalties accrue on the
/// debts of the lines posted by earlier closes, settled by all the account's payments up to the
/// period's last day, oldest debt first (`PenaltyCalculator`).
struct MonthlyClose {
    let store: Store
    let period: Period
    let rules: BillingRules
    let batchSize: Int
    let dryRun: Bool

    /// Reference data shared by every batch: loaded once.
    struct Shared: Sendable {
        var services: [Service]
        var tariffs: [Tariff]
        var keyRates: [KeyRate]
        /// The closed periods before the one being closed, ascending (where earlier lines are).
        var earlierPeriods: [String]
    }

    /// One account's outcome, ready to store.
    struct Outcome: Sendable {
        var accountID: String
        var lines: [ChargeLine]
        var balance: AccountBalance
        var postedPayments: [String]
        var flags: [ReviewFlag]
        var parked: BillingError?
    }

    func run(progress: (CloseProgress) -> Void) throws(StoreError) -> CloseReport {
        let state = try store.read { db in try Self.state(db, period: period) }
        if let refusal = state.refusal { throw StoreError(.refused, refusal) }
        let todo = state.todo
        if state.status == "closed" && todo.isEmpty {
            return CloseReport(period: period, outcome: .alreadyClosed)
        }
        var report = CloseReport(period: period, outcome: dryRun ? .dryRun : .closed)
        report.alreadyDone = state.done
        let shared = try store.read { db in
            Shared(services: try Row.fetchAll(db, sql: "SELECT * FROM services ORDER BY service_id").map(StoredRows.service),
                   tariffs: try Row.fetchAll(db, sql: "SELECT * FROM tariffs ORDER BY service_id, valid_from, zone, category")
                       .map(StoredRows.tariff),
                   keyRates: try Row.fetchAll(db, sql: "SELECT * FROM key_rates ORDER BY valid_from").map(StoredRows.keyRate),
                   earlierPeriods: try String.fetchAll(db, sql: "SELECT period FROM close_runs WHERE period < ? ORDER BY period",
                                                       arguments: [period.code]))
        }
        // A larger page cache for this connection: the batches insert into several B-trees at once and
        // SQLite's default (2 MiB) makes them re-read pages. 256 MiB at most, allocated as used.
        try store.write { db in try db.execute(sql: "PRAGMA cache_size = -262144") }
        if !dryRun && state.status == nil {
            try store.write { db in
                try db.execute(sql: "INSERT OR IGNORE INTO close_runs (period, status) VALUES (?, 'running')",
                               arguments: [period.code])
            }
        }
        progress(CloseProgress(done: 0, total: todo.count))
        let reader = try Self.openReader(store.path)
        let batches = stride(from: 0, to: todo.count, by: batchSize).map { Array(todo[$0..<min($0 + batchSize, todo.count)]) }
        var pending: [Outcome]?
        var done = 0
        for index in 0...batches.count {
            let next = index < batches.count ? batches[index] : nil
            let step = try pipelineStep(saving: dryRun ? nil : pending, billing: next, reader: reader, shared: shared)
            report.loadTime += step.load
            report.computeTime += step.compute
            report.saveTime += step.save
            if let finished = pending {
                for outcome in finished { report.add(outcome) }
                report.batches += 1
                done += finished.count
                progress(CloseProgress(done: done, total: todo.count))
            }
            pending = step.outcomes
        }
        if !dryRun {
            try store.write { db in
                try db.execute(sql: "UPDATE close_runs SET status = 'closed' WHERE period = ?", arguments: [period.code])
            }
        }
        report.parked.sort { $0.accountID < $1.accountID }
        return report
    }

    /// What one pipeline step did: the next batch's outcomes and the time of each lane.
    struct Step: Sendable {
        var outcomes: [Outcome]?
        var load: Duration = .zero
        var compute: Duration = .zero
        var save: Duration = .zero
        var error: StoreError?
    }

    /// One step of the close's two-lane pipeline: lane 0 writes the previous batch's outcomes in one
    /// write transaction on the store's (only) writer; lane 1 loads the next batch on a read-only
    /// connection and bills it. The batches' accounts are disjoint and the rows a batch reads are not
    /// among those the previous batch writes (other accounts' rows of the period being closed), so
    /// the overlap changes no result.
    func pipelineStep(saving: [Outcome]?, billing: [String]?, reader: DatabaseQueue, shared: Shared) throws(StoreError) -> Step {
        let clock = ContinuousClock()
        let step = Mutex(Step())
        DispatchQueue.concurrentPerform(iterations: 2) { lane in
            if lane == 0, let saving {
                let start = clock.now
                do throws(StoreError) {
                    try store.write { db in try Self.save(db, saving, period: period) }
                    step.withLock { $0.save = clock.now - start }
                } catch {
                    step.withLock { $0.error = error }
                }
            } else if lane == 1, let billing {
                let start = clock.now
                do {
                    let inputs = try reader.read { db in try Self.load(db, accounts: billing, period: period, shared: shared) }
                    let loaded = clock.now
                    let outcomes = computeAll(inputs)
                    step.withLock { $0.outcomes = outcomes; $0.load = loaded - start; $0.compute = clock.now - loaded }
                } catch {
                    step.withLock { $0.error = StoreError(.failed, "\(store.path): \(error)") }
                }
            }
        }
        let result = step.withLock { $0 }
        if let error = result.error { throw error }
        return result
    }

    /// A read-only connection for the pipeline's loading lane (WAL lets it read while the store's
    /// queue writes). It is the close's only second connection; the store's queue stays the only writer.
    static func openReader(_ path: String) throws(StoreError) -> DatabaseQueue {
        var configuration = Configuration()
        configuration.readonly = true
        do {
            return try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw StoreError(.failed, "\(path): cannot open a reading connection: \(error)")
        }
    }

    // MARK: - State

    struct State {
        var status: String?
        var refusal: String?
        var todo: [String] = []
        var done = 0
    }

    static func state(_ db: Database, period: Period) throws -> State {
        var state = State()
        let runs = try Row.fetchAll(db, sql: "SELECT period, status FROM close_runs ORDER BY period")
        let code = period.code
        state.status = runs.first { ($0["period"] as String) == code }?["status"]
        if state.status == nil, let later = runs.last?["period"] as String?, later > code {
            state.refusal = "период \(code) закрыт раньше периода \(later); закрытый период не пересчитывается: "
                + "исправления проводятся перерасчетом в текущем периоде"
            return state
        }
        if let running = runs.first(where: { ($0["status"] as String) != "closed" && ($0["period"] as String) != code }) {
            state.refusal = "закрытие периода \(running["period"] as String) не завершено; сначала выполните raschet close \(running["period"] as String)"
            return state
        }
        if state.status == nil, let last = runs.last?["period"] as String? {
            let previous = period.previous.code
            if last != previous {
                state.refusal = "нельзя закрыть период \(code): последний закрытый период \(last), следующим закрывается \(Period(parsing: last).map { $0.next.code } ?? "?")"
                return state
            }
            let parked = try Int.fetchOne(db, sql: "SELECT count(*) FROM close_accounts WHERE period = ? AND status = 'parked'",
                                          arguments: [previous]) ?? 0
            if parked > 0 {
                state.refusal = "в периоде \(previous) \(parked) лицевых счетов отложено; исправьте данные и повторите raschet close \(previous)"
                return state
            }
        }
        if state.status == "closed" {
            state.todo = try String.fetchAll(db, sql: """
                SELECT account_id FROM close_accounts WHERE period = ? AND status = 'parked' ORDER BY account_id
                """, arguments: [code])
        } else {
            state.todo = try String.fetchAll(db, sql: """
                SELECT account_id FROM accounts WHERE account_id NOT IN
                    (SELECT account_id FROM close_accounts WHERE period = ? AND status = 'closed')
                ORDER BY account_id
                """, arguments: [code])
        }
        state.done = try Int.fetchOne(db, sql: "SELECT count(*) FROM close_accounts WHERE period = ? AND status = 'closed'",
                                      arguments: [code]) ?? 0
        return state
    }

    // MARK: - Load

    /// Everything the rules need for one account, plus what the balance and penalties need.
    struct Input: Sendable {
        var billing: AccountBillingInput
        var opening: Money
        /// The account's payments dated up to the period's last day (penalties).
        var payments: [Payment]
        /// Payments to post in this close (not posted by an earlier one).
        var newPayments: [Payment]
        /// Lines posted by earlier closes (penalty debts).
        var earlier: [ChargeLine]
        var keyRates: [KeyRate]
    }

    /// Loads a batch with one query per table: rows of the batch's account-id range, grouped by account.
    /// - Complexity: O(rows in the range); `shared` is filtered per account by service.
    static func load(_ db: Database, accounts ids: [String], period: Period, shared: Shared) throws -> [Input] {
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
        let payments = try grouped("""
            SELECT p.payment_id, p.account_id, p.date, p.amount, p.source, p.period, pp.period AS posted_in FROM payments p LEFT JOIN posted_payments pp ON pp.payment_id = p.payment_id
            WHERE p.account_id BETWEEN ? AND ? AND p.date <= ? ORDER BY p.account_id, p.date, p.payment_id
            """, [period.lastDay.isoString], { row in (StoredRows.payment(row), row[6] as String?) }, key: \.0.accountID)
        var earlier: [String: [ChargeLine]] = [:]
        for code in shared.earlierPeriods {
            let lines = try grouped("""
                SELECT \(StoredRows.chargeLineColumns) FROM charge_lines WHERE account_id BETWEEN ? AND ? AND period = ?
                ORDER BY period, account_id, seq
                """, [code], StoredRows.chargeLine, key: \.accountID)
            for (account, list) in lines { earlier[account, default: []] += list }
        }
        let openings = try grouped("SELECT opening, charged, recalc, penalty, paid, account_id FROM balances WHERE account_id BETWEEN ? AND ? AND period = ?",
                                   [period.previous.code], { row in (row[5] as String, StoredRows.balance(row)) }, key: \.0)
        var servicesByID: [String: Service] = [:]
        for service in shared.services { servicesByID[service.id] = service }
        var tariffsByService: [String: [Tariff]] = [:]
        for tariff in shared.tariffs { tariffsByService[tariff.serviceID, default: []].append(tariff) }

        return ids.compactMap { id -> Input? in
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
            return Input(billing: billing, opening: openings[id]?.first?.1.closing ?? .zero,
                         payments: accountPayments.map(\.0),
                         newPayments: accountPayments.filter { $0.1 == nil || $0.1 == period.code }.map(\.0),
                         earlier: posted, keyRates: shared.keyRates)
        }
    }

    // MARK: - Compute

    /// The batch's outcomes in input order, computed on up to one worker per core (the rules are pure;
    /// each worker takes a contiguous slice, so the order and the results do not depend on timing).
    func computeAll(_ inputs: [Input]) -> [Outcome] {
        let workers = min(ProcessInfo.processInfo.activeProcessorCount, inputs.count / 32)
        guard workers > 1 else { return inputs.map(compute) }
        let size = (inputs.count + workers - 1) / workers
        let slices = Mutex<[[Outcome]]>(Array(repeating: [], count: workers))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let range = (worker * size)..<min(inputs.count, (worker + 1) * size)
            let outcomes = inputs[range].map(compute)
            slices.withLock { $0[worker] = outcomes }
        }
        return slices.withLock { $0.flatMap { $0 } }
    }

    /// One account's close: charges and recalculations, penalties, balance, review flags; pure.
    func compute(_ input: Input) -> Outcome {
        let id = input.billing.account.id
        func parked(_ error: BillingError) -> Outcome {
            Outcome(accountID: id, lines: [], balance: AccountBalance(opening: .zero, charged: .zero, recalc: .zero, penalty: .zero, paid: .zero),
                    postedPayments: [], flags: [], parked: error)
        }
        switch AccountBilling.bill(input.billing, period: period, rules: rules) {
        case .parked(let error):
            return parked(error)
        case .billed(let billed):
            var lines = billed
            do throws(BillingError) {
                let debts = try PenaltyDebt.debts(fromPosted: input.earlier, rules: rules)
                let accruals = try PenaltyCalculator.accrued(in: period, debts: debts, payments: input.payments,
                                                            category: input.billing.account.kind.category,
                                                            keyRates: input.keyRates, rules: rules)
                lines += accruals.map { $0.line(accountID: id, period: period, rules: rules) }
            } catch {
                var error = error
                if error.accountID == nil { error.accountID = id }
                if error.period == nil { error.period = period }
                return parked(error)
            }
            let balance = AccountBalance(opening: input.opening, lines: lines, payments: input.newPayments)
            let flags = ReviewFlag.flags(for: billed, input: input.billing, period: period, rules: rules)
            return Outcome(accountID: id, lines: lines, balance: balance, postedPayments: input.newPayments.map(\.id),
                           flags: flags, parked: nil)
        }
    }

    // MARK: - Save

    /// Writes a batch's outcomes with prepared statements. An account without a `closed` marker has
    /// no rows of the period (they are written together), so nothing needs deleting: a parked marker
    /// left by an earlier attempt is replaced.
    static func save(_ db: Database, _ outcomes: [Outcome], period: Period) throws {
        let code = period.code
        let insertLine = try db.cachedStatement(sql: """
            INSERT INTO charge_lines (period, account_id, seq, \(StoredRows.chargeLineInsertColumns.joined(separator: ", ")))
            VALUES (\(Array(repeating: "?", count: StoredRows.chargeLineInsertColumns.count + 3).joined(separator: ", ")))
            """)
        let insertBalance = try db.cachedStatement(sql: """
            INSERT INTO balances (period, account_id, opening, charged, recalc, penalty, paid) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        let insertPayment = try db.cachedStatement(sql: "INSERT INTO posted_payments (payment_id, account_id, period) VALUES (?, ?, ?)")
        let insertFlag = try db.cachedStatement(sql: """
            INSERT INTO review_flags (period, account_id, seq, service_id, zone, reason, message) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        let insertMarker = try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO close_accounts (period, account_id, status, code, reason) VALUES (?, ?, ?, ?, ?)
            """)
        for outcome in outcomes {
            let id = outcome.accountID
            if let reason = outcome.parked {
                try step(insertMarker, db) { b in
                    b.add(code); b.add(id); b.add("parked"); b.add(reason.code.rawValue); b.add(reason.description)
                }
                continue
            }
            for (seq, line) in outcome.lines.enumerated() {
                try step(insertLine, db) { b in
                    b.add(code); b.add(id); b.add(seq); b.add(line.serviceID); b.add(line.supplierID); b.add(line.kind.rawValue)
                    b.add(line.refPeriod == period ? code : line.refPeriod.code); b.add(line.zone.rawValue)
                    b.add(line.component.rawValue); b.add(line.basis.rawValue); b.add(line.quantity); b.add(line.unit)
                    b.add(line.price); b.add(line.vatMode.rawValue); b.add(line.vatRate); b.add(line.net.kopecks)
                    b.add(line.vat.kopecks); b.add(line.gross.kopecks); b.add(line.installation)
                }
            }
            let balance = outcome.balance
            try step(insertBalance, db) { b in
                b.add(code); b.add(id); b.add(balance.opening.kopecks); b.add(balance.charged.kopecks)
                b.add(balance.recalc.kopecks); b.add(balance.penalty.kopecks); b.add(balance.paid.kopecks)
            }
            for payment in outcome.postedPayments {
                try step(insertPayment, db) { b in b.add(payment); b.add(id); b.add(code) }
            }
            for (seq, flag) in outcome.flags.enumerated() {
                try step(insertFlag, db) { b in
                    b.add(code); b.add(id); b.add(seq); b.add(flag.serviceID); b.add(flag.zone?.rawValue)
                    b.add(flag.reason.rawValue); b.add(flag.message)
                }
            }
            try step(insertMarker, db) { b in
                b.add(code); b.add(id); b.add("closed"); b.add(nil as String?); b.add(nil as String?)
            }
        }
    }

    /// Executes a prepared insert once with values bound straight through the SQLite C API
    /// (`ParameterBinder`, as the import does): no per-row argument arrays on the close's hot path.
    private static func step(_ statement: Statement, _ db: Database, _ bind: (inout ParameterBinder) -> Void) throws {
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        var binder = ParameterBinder(handle)
        bind(&binder)
        guard sqlite3_step(handle) == SQLITE_DONE else {
            let message = String(cString: sqlite3_errmsg(db.sqliteConnection))
            sqlite3_reset(handle)
            throw StoreError(.failed, "cannot store the close's results: \(message)")
        }
    }
}

extension CloseReport {
    mutating func add(_ outcome: MonthlyClose.Outcome) {
        computed += 1
        if let reason = outcome.parked {
            parked.append(Parked(accountID: outcome.accountID, code: reason.code.rawValue, reason: reason.description))
            return
        }
        closed += 1
        lines += outcome.lines.count
        charged += outcome.balance.charged
        recalc += outcome.balance.recalc
        penalty += outcome.balance.penalty
        paid += outcome.balance.paid
        reviewFlags += outcome.flags.count
    }
}
