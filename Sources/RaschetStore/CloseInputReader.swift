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
            queue = try SQLiteLibrary.openQueue(path: path, configuration: configuration)
        } catch {
            throw StoreError(.databaseOperation(path, .openReader), cause: error)
        }
        self.path = path
    }

    /// Loads the inputs of the accounts `ids` (ascending byte by byte, as `ORDER BY account_id` gives
    /// them) for the close of `period`, in their order, with one query per table over the id range
    /// `ids.first...ids.last`. Ids without an account row are left out.
    ///
    /// With `allEarlierLines`, `earlier` holds every line posted by earlier closes. Without, it is
    /// empty and `earlierDebts` holds the earlier closes' debts but for those settled for good
    /// (`settledDebts`): by the previous balance, by the balance before the month of a late
    /// payment's, none with a payment below zero among those read. Those the previous balance keeps
    /// open (`open_debts`) stand for them where they are the same debts, else the stored ones are
    /// read (`close_debts`). `addEarlierLines` then loads the lines the close needs for the accounts
    /// that need any.
    ///
    /// With `readings`, the readings dated from its `from` on but for those of its `leftOut` periods
    /// are loaded, and `billing.readingsFrom`, `readingsLeftOut` and `nothingBeforeReadingsFrom` say
    /// so; `addLeftOutReadings` and `addWholeReadings` load more for an account that needs it. An
    /// account of `readWhole` (`accountsReadWhole(with:)`) gets its whole history here.
    ///
    /// With `marksSince`, an account gets `billing.changedFrom` from its input marks stamped from that
    /// period on (`InputMarksTable`): the earliest period they name, or `period` without any; one
    /// without marks, unless the marked accounts are many, comes without its stored fingerprints and
    /// with the volumes of `period` only (`addComparisonInputs` adds them). Volumes of periods after
    /// `period` are never read.
    /// - Complexity: O(rows in the range); the reference data is indexed once per call.
    public func inputs(for ids: [String], period: Period, reference: CloseReference, allEarlierLines: Bool = true,
                       readings bound: ReadingsBound? = nil, readWhole: Set<String> = [],
                       marksSince: Period? = nil) throws(StoreError) -> [AccountCloseInput] {
        try read { db in
            try Self.load(db, context: context, path: path, accounts: ids, period: period, reference: reference,
                          allEarlierLines: allEarlierLines, readings: bound, readWhole: readWhole,
                          marksSince: marksSince)
        }
    }

    /// Adds to `inputs[i]` for each i of `positions`, loaded with `bound`'s periods left out
    /// (`billing.readingsLeftOut`), the readings of its meters dated in those periods
    /// (`bound.leftOutDates`): it then holds every reading from `bound.from` on, none left out. One
    /// query per account.
    /// - Complexity: O(readings loaded).
    public func addLeftOutReadings(of bound: ReadingsBound, at positions: [Int],
                                   to inputs: inout [AccountCloseInput]) throws(StoreError) {
        guard let dates = bound.leftOutDates, !positions.isEmpty else { return }
        try read { db in
            let rows = try StatementRows(db, sql: Self.accountReadingsQuery(between: true), context: context)
            for position in positions {
                precondition(inputs[position].billing.readingsFrom == bound.from
                             && inputs[position].billing.readingsLeftOut == bound.leftOut,
                             "only readings loaded from the bound, its periods left out, are completed")
                inputs[position].billing.readings += try Self.readings(of: inputs[position].billing.account.id,
                                                                       between: dates, rows)
                inputs[position].billing.readingsLeftOut = nil
            }
        }
    }

    /// Replaces the readings of `inputs[i]` for each i of `positions` by the whole history of the
    /// account's meters (`billing.readingsFrom` and `readingsLeftOut` nil, `nothingBeforeReadingsFrom`
    /// false). One query per account.
    /// - Complexity: O(readings loaded).
    public func addWholeReadings(at positions: [Int], to inputs: inout [AccountCloseInput]) throws(StoreError) {
        guard !positions.isEmpty else { return }
        try read { db in
            let rows = try StatementRows(db, sql: Self.accountReadingsQuery(between: false), context: context)
            for position in positions {
                inputs[position].billing.readings = try Self.readings(of: inputs[position].billing.account.id, rows)
                inputs[position].billing.readingsFrom = nil
                inputs[position].billing.readingsLeftOut = nil
                inputs[position].billing.nothingBeforeReadingsFrom = false
            }
        }
    }

    /// The accounts whose readings a close reading from `bound` reads whole, found by the readings
    /// marked as a rollover (`RolloverReadingsIndex`). A register's readings are stored ascending
    /// except where so marked: a marked step before `bound.from` could park the account (a meter
    /// without a digit count) or, with 10 to 12 digits, take the running total out of range; one
    /// among the readings `bound` leaves out or later makes their steps more than the one over them.
    /// - Complexity: O(such readings).
    public func accountsReadWhole(with bound: ReadingsBound) throws(StoreError) -> Set<String> {
        try read { db in
            var accounts = Set(try String.fetchAll(db, sql: RolloverReadingsIndex.uncheckedAccountsQuery,
                                                   arguments: [bound.from.isoString]))
            if let leftOut = bound.leftOutDates {
                accounts.formUnion(try String.fetchAll(db, sql: RolloverReadingsIndex.accountsQuery,
                                                       arguments: [leftOut.lowerBound.isoString]))
            }
            return accounts
        }
    }

    /// The readings of an account's meters (`?1`), a meter's one after another; with `between`, those
    /// dated in `?2..<?3`.
    static func accountReadingsQuery(between: Bool) -> String {
        // No ORDER BY, as in `rangeReadingsQuery`: the meters first (`CROSS JOIN`), then an index
        // seek per meter and quarter (`ReadingQuarters`), give a meter's readings together, and a
        // register's history orders its own (`RegisterHistory`). SQLite would sort them in a
        // temporary B-tree, three times the cost of the seeks for a whole history.
        let quarters = ReadingQuarters.quarters("r.quarter", where: between
            ? "quarter >= \(ReadingQuarters.quarter(of: "?2")) AND quarter <= \(ReadingQuarters.quarter(of: "?3"))" : nil)
        return """
        SELECT r.meter_id, r.date, r.zone, r.value, r.source, r.rollover
        FROM meters m CROSS JOIN readings r ON \(quarters) AND r.meter_id = m.meter_id \(between ? "AND r.date >= ?2 AND r.date < ?3" : "")
        WHERE m.account_id = ?1
        """
    }

    /// The readings of `accountID`'s meters, those dated in `between` if given, by `rows` of
    /// `accountReadingsQuery(between: between != nil)`.
    private static func readings(of accountID: String, between dates: Range<CivilDate>? = nil,
                                 _ rows: StatementRows) throws -> [Reading] {
        var readings: [Reading] = []
        var meterID = ""
        try rows.forEach({
            $0.add(accountID)
            if let dates { $0.add(dates.lowerBound.isoString); $0.add(dates.upperBound.isoString) }
        }) {
            readings.append(StoredRows.reading($0, meterID: $0.text(0, reusing: &meterID)))
        }
        return readings
    }

    /// The readings of the meters of an account-id range (`?1`, `?2`), by account, a meter's one after
    /// another; with `from`, those dated from `?3` on but in `?4..<?5`.
    static func rangeReadingsQuery(from: Bool) -> String {
        // One index seek per meter and quarter read (`ReadingQuarters`): the quarters wholly left out
        // are not read, the dates left out of the others are skipped within the meter's run of them.
        let quarters = ReadingQuarters.quarters("r.quarter", where: from ? """
            quarter >= \(ReadingQuarters.quarter(of: "?3"))
              AND (quarter <= \(ReadingQuarters.quarter(of: "?4")) OR quarter >= \(ReadingQuarters.quarter(of: "?5")))
            """ : nil)
        return """
        SELECT r.meter_id, r.date, r.zone, r.value, r.source, r.rollover, m.account_id
        FROM meters m CROSS JOIN readings r ON \(quarters) AND r.meter_id = m.meter_id \(from ? "AND r.date >= ?3 AND (r.date < ?4 OR r.date >= ?5)" : "")
        WHERE m.account_id BETWEEN ?1 AND ?2 ORDER BY m.account_id
        """
    }

    /// Adds to `inputs[i]` (loaded without `allEarlierLines`) the lines of earlier closes `needs[i]`
    /// names: `earlier` and, without penalties, `billing.posted`. One query per account and close.
    /// - Complexity: O(lines loaded).
    public func addEarlierLines(_ needs: [EarlierLinesNeed], to inputs: inout [AccountCloseInput],
                                reference: CloseReference) throws(StoreError) {
        precondition(needs.count == inputs.count, "one need per input")
        try read { db in
            let rows = try StatementRows(db, sql: AccountLinesTable.rangeQuery, context: context)
            for index in inputs.indices {
                let periods: ArraySlice<String>
                switch needs[index] {
                case .none: continue
                case .all: periods = reference.earlierPeriods[...]
                case .from(let first):
                    let code = first.code
                    periods = reference.earlierPeriods.drop { $0 < code }
                }
                let id = inputs[index].billing.account.id
                var lines: [ChargeLine] = []
                for code in periods {
                    let closed = StoredRows.period(code)
                    try rows.forEach({ $0.add(id); $0.add(id); $0.add(code) }) { row in
                        lines += try AccountLinesTable.lines(row, column: 1, accountID: id, period: closed, path: path)
                    }
                }
                inputs[index].earlier = lines
                inputs[index].billing.posted = lines.filter { $0.kind != .penalty }
            }
        }
    }

    /// Adds to `inputs[i]`, for each i of `positions`, what comparing earlier periods needs of an
    /// account `inputs` read without it for the close of `period`: the fingerprints stored by the
    /// earlier closes from the first period its plan awaiting them compares
    /// (`billing.closedFingerprintsLoaded` then true; they are those of the periods from it on: a close
    /// stores none of a later period) and the volumes of the periods from it through `period`
    /// (`billing.volumesFrom` then that period; every one without a plan). One query per account and
    /// close read, one for the volumes.
    /// - Complexity: O(positions × (earlier closes read + periods of volumes read)) index seeks.
    public func addComparisonInputs(at positions: [Int], to inputs: inout [AccountCloseInput], period: Period,
                                    reference: CloseReference) throws(StoreError) {
        guard !positions.isEmpty else { return }
        try read { db in
            let fingerprints = try StatementRows(db, sql: CloseFingerprintsTable.accountQuery, context: context)
            let volumes = try StatementRows(db, sql: Self.accountVolumesQuery, context: context)
            for position in positions {
                let id = inputs[position].billing.account.id
                let from = inputs[position].billingPlan?.compared.first
                inputs[position].billing.closedFingerprints = try Self.closedFingerprints(
                    of: id, reference: reference, from: from, fingerprints)
                inputs[position].billing.closedFingerprintsLoaded = true
                guard let loaded = inputs[position].billing.volumesFrom, from.map({ $0 < loaded }) ?? true else { continue }
                inputs[position].billing.volumes = try Self.volumes(
                    of: id, periods: PeriodList.json(from: from ?? reference.earliestVolume, through: period), volumes)
                inputs[position].billing.volumesFrom = from
            }
        }
    }

    /// The volumes of an account-id range (`?1`, `?2`) of the periods `?3` (`PeriodList.json`), by
    /// account, service and period.
    static let rangeVolumesQuery = """
        SELECT \(StoredRows.volumeColumns), account_id FROM volumes WHERE \(PeriodList.contains("period", "?3"))
        AND account_id BETWEEN ?1 AND ?2 ORDER BY account_id, service_id, period
        """

    /// The volumes of one account (`?1`) of the periods `?2` (`PeriodList.json`), by service and period.
    static let accountVolumesQuery = """
        SELECT \(StoredRows.volumeColumns) FROM volumes WHERE \(PeriodList.contains("period", "?2")) AND account_id = ?1
        ORDER BY service_id, period
        """

    /// The volumes of `accountID` of the periods `periods` (`PeriodList.json`), by `rows` of
    /// `accountVolumesQuery`.
    private static func volumes(of accountID: String, periods: String, _ rows: StatementRows) throws -> [Volume] {
        var volumes: [Volume] = []
        try rows.forEach({ $0.add(accountID); $0.add(periods) }) { volumes.append(StoredRows.volume($0)) }
        return volumes
    }

    /// A table's rows are read account by account (an index seek each) rather than with the range's
    /// rows when at most one account of the chunk in `fewAccounts` needs them.
    static let fewAccounts = 4

    /// The latest stored fingerprint per reference period of `accountID`, by `rows` of
    /// `CloseFingerprintsTable.accountQuery`, oldest close first; with `from`, those of the closes
    /// from that period on.
    private static func closedFingerprints(of accountID: String, reference: CloseReference, from: Period? = nil,
                                           _ rows: StatementRows) throws -> [Period: UInt64] {
        var result: [Period: UInt64] = [:]
        let first = from?.code ?? ""
        for code in reference.earlierPeriods where code >= first {
            try rows.forEach({ $0.add(code); $0.add(accountID) }) { row in
                result[row.period(0) ?? StoredRows.neutralPeriod] = UInt64(bitPattern: row.int64(1))
            }
        }
        return result
    }

    /// What a failed read was doing.
    private var context: Message { .databaseOperation(path, .readCloseInputs) }

    /// `queue.read`, a `StoreError` thrown inside (a failed step) passed through unchanged.
    private func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try queue.read(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(context, cause: error)
        }
    }

    private static func load(_ db: Database, context: Message, path: String, accounts ids: [String], period: Period,
                             reference: CloseReference, allEarlierLines: Bool,
                             readings bound: ReadingsBound?, readWhole: Set<String>,
                             marksSince: Period?) throws -> [AccountCloseInput] {
        guard let first = ids.first, let last = ids.last else { return [] }
        // Every query orders its rows by account id, the order of `ids` (SQLite's BINARY collation,
        // byte by byte), so rows are matched to their account's position in `ids` by one merge that
        // compares the account column's bytes with an id, without a `String` or a hash per row. Rows
        // of accounts of the range that are not in `ids` (done by an earlier run) are skipped. Each
        // query selects the account id at the position `account` (an entity's own queries: once
        // more, after the entity's columns).
        func merge(_ sql: String, _ arguments: [String], account: Int, _ body: (Int, StatementRow) throws -> Void) throws {
            var position = 0
            let rows = try StatementRows(db, sql: sql, context: context)
            try rows.forEach({ binder in
                binder.add(first)
                binder.add(last)
                for argument in arguments { binder.add(argument) }
            }) { row in
                var order = -1
                while position < ids.count {
                    order = row.compareText(account, with: ids[position])
                    if order <= 0 { break }
                    position += 1
                }
                if order == 0 { try body(position, row) }
            }
        }
        /// Per position in `ids`, the account's rows in the query's order.
        func grouped<T>(_ sql: String, _ arguments: [String] = [], account: Int, _ decode: (StatementRow) -> T) throws -> [[T]] {
            var result = [[T]](repeating: [], count: ids.count)
            try merge(sql, arguments, account: account) { result[$0].append(decode($1)) }
            return result
        }
        let accounts = try grouped("SELECT \(StoredRows.accountColumns), account_id FROM accounts WHERE account_id BETWEEN ? AND ? ORDER BY account_id",
                                   account: TableCodecs.accounts.columns.count, StoredRows.account)
        let connections = try grouped("SELECT \(StoredRows.accountServiceColumns), account_id FROM account_services WHERE account_id BETWEEN ? AND ? ORDER BY account_id, service_id, valid_from",
                                      account: TableCodecs.accountServices.columns.count, StoredRows.accountService)
        let meters = try grouped("SELECT \(StoredRows.meterColumns), account_id FROM meters WHERE account_id BETWEEN ? AND ? ORDER BY account_id, meter_id",
                                 account: TableCodecs.meters.columns.count, StoredRows.meter)
        // A meter's readings come one after another: they share its id's `String`.
        var meterID = ""
        let dates = bound.map { bound in
            [bound.from, bound.leftOutDates?.lowerBound ?? bound.from, bound.leftOutDates?.upperBound ?? bound.from].map(\.isoString)
        }
        var readings = try grouped(rangeReadingsQuery(from: bound != nil), dates ?? [],
                                   account: 6) { StoredRows.reading($0, meterID: $0.text(0, reusing: &meterID)) }
        let whole = ids.map { bound != nil && readWhole.contains($0) }
        if whole.contains(true) {
            let rows = try StatementRows(db, sql: accountReadingsQuery(between: false), context: context)
            for position in ids.indices where whole[position] { readings[position] = try Self.readings(of: ids[position], rows) }
        }
        // Per account: nil without a mark, else the earliest period its marks name (nil: any period);
        // without `marksSince`, every account as marked from any period.
        var marks = [Period??](repeating: marksSince == nil ? .some(nil) : nil, count: ids.count)
        if let marksSince {
            try merge(InputMarksTable.rangeQuery, [marksSince.code], account: 0) { position, row in marks[position] = .some(row.period(1)) }
        }
        // With input marks, an account not marked from any period compares only the periods its marks
        // and readings reach, if any, as its plan says (`addComparisonInputs`): it is read without its
        // stored fingerprints, and with the volumes of the period being closed only. Those marked
        // from any period (`marked`) compare every earlier period: they are read whole, one by one
        // unless they are many (then every account of the chunk is).
        let marked = marks.map { mark in mark.map { $0 == nil } ?? false }
        let comparesSome = marksSince != nil && marked.count(where: { $0 }) * Self.fewAccounts <= ids.count
        let everyPeriod = PeriodList.json(from: reference.earliestVolume, through: period)
        var volumes = try grouped(Self.rangeVolumesQuery, [comparesSome ? PeriodList.json(from: period, through: period) : everyPeriod],
                                  account: TableCodecs.volumes.columns.count, StoredRows.volume)
        if comparesSome {
            let rows = try StatementRows(db, sql: Self.accountVolumesQuery, context: context)
            for position in ids.indices where marked[position] {
                volumes[position] = try Self.volumes(of: ids[position], periods: everyPeriod, rows)
            }
        }
        let absences = try grouped("SELECT \(StoredRows.absenceColumns), account_id FROM absences WHERE account_id BETWEEN ? AND ? ORDER BY account_id, date_from",
                                   account: TableCodecs.absences.columns.count, StoredRows.absence)
        let premises = try grouped(PremisesHistoryTable.rangeQuery, account: 3, PremisesHistoryTable.entry)
        var earlier = [[ChargeLine]](repeating: [], count: ids.count)
        for code in reference.earlierPeriods where allEarlierLines {
            let closed = StoredRows.period(code)
            try merge(AccountLinesTable.rangeQuery, [code], account: 0) { position, row in
                earlier[position] += try AccountLinesTable.lines(row, column: 1, accountID: ids[position], period: closed, path: path)
            }
        }
        // Oldest close first, so that the latest fingerprint of a reference period wins.
        var fingerprints = [[Period: UInt64]](repeating: [:], count: ids.count)
        if comparesSome {
            let rows = try StatementRows(db, sql: CloseFingerprintsTable.accountQuery, context: context)
            for position in ids.indices where marked[position] {
                fingerprints[position] = try closedFingerprints(of: ids[position], reference: reference, rows)
            }
        } else {
            for code in reference.earlierPeriods {
                try merge(CloseFingerprintsTable.rangeQuery, [code], account: 0) { position, row in
                    fingerprints[position][row.period(1) ?? StoredRows.neutralPeriod] = UInt64(bitPattern: row.int64(2))
                }
            }
        }
        var openings = [Money](repeating: .zero, count: ids.count)
        var carried = [PaymentTotals?](repeating: nil, count: ids.count)
        var settled = [SettledDebts?](repeating: nil, count: ids.count)
        var open = [[EarlierDebt]?](repeating: nil, count: ids.count)
        try merge(BalancesTable.rangeQuery, [period.previous.code], account: 5) { position, row in
            openings[position] = StoredRows.balance(row).closing
            carried[position] = BalancesTable.paymentTotals(row)
            settled[position] = BalancesTable.settledDebts(row)
            open[position] = BalancesTable.openDebts(row)
        }
        let (payments, earlierPayments, lateFrom) = try Self.payments(db, context: context, accounts: ids, period: period,
                                                                      earliest: reference.earliestPayment,
                                                                      carried: allEarlierLines ? [] : carried, merge: merge)
        // The debts settled for good are left out where no payment can reopen them: the account takes
        // its earlier payments as totals and none it reads is below zero. With a late payment, those
        // the close before its month had settled, if the payments dated before it still cover them
        // (`PenaltyRecalculation` corrects from that month on). Elsewhere every debt is read. The
        // open ones stand for those not left out only with the previous balance's settled ones.
        let settledBefore = try StatementRows(db, sql: BalancesTable.accountSettledQuery, context: context)
        for position in ids.indices {
            var kept: SettledDebts?
            if let totals = earlierPayments[position] {
                var reversal = false, late = false
                for (payment, postedIn) in payments[position] {
                    reversal = reversal || payment.amount < .zero
                    late = late || (postedIn == nil && payment.date < period.firstDay)
                }
                guard reversal || late else { continue }
                if let from = lateFrom[position], !reversal {
                    try settledBefore.forEach({ $0.add(from.period.previous.code); $0.add(ids[position]) }) {
                        kept = BalancesTable.settledDebts($0, column: 0)
                    }
                    if let covered = kept, try totals.amount.adding(covered.offset) < .zero { kept = nil }
                }
            }
            if kept != settled[position] { open[position] = nil }
            settled[position] = kept
        }
        let debts = allEarlierLines ? [] : try Self.debts(db, context: context, accounts: ids, reference: reference,
                                                          settled: settled, open: open, merge: merge)
        var servicesByID: [String: Service] = [:]
        for service in reference.services { servicesByID[service.id] = service }
        var tariffsByService: [String: [Tariff]] = [:]
        for tariff in reference.tariffs { tariffsByService[tariff.serviceID, default: []].append(tariff) }
        // Per list of service ids, the services and tariffs of the accounts with those services: one
        // pair of arrays they all share (the close digests each pair once, `ReferenceDigests`).
        var catalogs: [[String]: (services: [Service], tariffs: [Tariff])] = [:]
        func catalog(of connections: [AccountService]) -> (services: [Service], tariffs: [Tariff]) {
            var serviceIDs: [String] = []
            // The connections come by service id (the query's order): each id once, ascending.
            for connection in connections where connection.serviceID != serviceIDs.last { serviceIDs.append(connection.serviceID) }
            if let known = catalogs[serviceIDs] { return known }
            let made = (services: serviceIDs.compactMap { servicesByID[$0] }, tariffs: serviceIDs.flatMap { tariffsByService[$0] ?? [] })
            catalogs[serviceIDs] = made
            return made
        }

        return ids.indices.compactMap { position -> AccountCloseInput? in
            guard let account = accounts[position].first else { return nil }
            let own = connections[position]
            let (services, tariffs) = catalog(of: own)
            let accountPayments = payments[position]
            let posted = earlier[position]
            var billing = AccountBillingInput(
                account: account, services: services, accountServices: own, tariffs: tariffs, meters: meters[position],
                readings: readings[position], volumes: volumes[position], absences: absences[position],
                posted: posted.filter { $0.kind != .penalty }, closedFingerprints: fingerprints[position])
            billing.earlierPremises = premises[position]
            billing.readingsFrom = whole[position] ? nil : bound?.from
            billing.readingsLeftOut = whole[position] ? nil : bound?.leftOut
            billing.nothingBeforeReadingsFrom = !whole[position] && bound?.nothingBefore == true
            billing.changedFrom = marks[position] ?? period
            if comparesSome && !marked[position] {
                billing.closedFingerprintsLoaded = false
                billing.volumesFrom = period
            }
            return AccountCloseInput(billing: billing, opening: openings[position],
                                     payments: accountPayments.map(\.payment),
                                     newPayments: accountPayments.filter { $0.postedIn == nil || $0.postedIn == period }.map(\.payment),
                                     earlier: posted, earlierDebts: allEarlierLines ? nil : debts[position],
                                     earlierPayments: earlierPayments[position],
                                     settledDebts: allEarlierLines ? nil : settled[position])
        }
    }

    /// Per position in `ids`, the debts of the earlier closes, oldest first, but for those `settled`
    /// leaves out: the `open` ones the previous balance keeps where given (the same debts), else
    /// read from `close_debts`. A close's debts are read with the range's rows when more than one
    /// account of the chunk in `fewAccounts` needs them, else account by account.
    /// - Complexity: O(rows of the closes most accounts need + accounts × closes only a few need).
    private static func debts(
        _ db: Database, context: Message, accounts ids: [String], reference: CloseReference, settled: [SettledDebts?],
        open: [[EarlierDebt]?], merge: (String, [String], Int, (Int, StatementRow) throws -> Void) throws -> Void
    ) throws -> [[EarlierDebt]] {
        var debts = open.map { $0 ?? [] }
        let account = try StatementRows(db, sql: CloseDebtsTable.accountQuery, context: context)
        for code in reference.earlierPeriods {
            let closed = StoredRows.period(code)
            func needed(_ position: Int) -> Bool { open[position] == nil && (settled[position].map { $0.through < closed } ?? true) }
            let positions = ids.indices.filter(needed)
            if positions.count * fewAccounts > ids.count {
                try merge(CloseDebtsTable.rangeQuery, [code], 0) { position, row in
                    if needed(position) { debts[position].append(EarlierDebt(period: closed, amount: Money(kopecks: row.int64(1)))) }
                }
            } else {
                for position in positions {
                    try account.forEach({ $0.add(code); $0.add(ids[position]) }) { row in
                        debts[position].append(EarlierDebt(period: closed, amount: Money(kopecks: row.int64(0))))
                    }
                }
            }
        }
        return debts
    }

    /// Per position in `ids`, the payments the close of `period` reads one by one, each with the
    /// close that posted it, the totals that stand for the others (`AccountCloseInput.earlierPayments`)
    /// and the day those of an account with a marked payment not posted yet are read from (nil for
    /// the others).
    ///
    /// An account whose previous balance `carried` the totals of the payments posted so far, with no
    /// marked payment left unposted (`LatePaymentsTable`: every payment stored dated before the end of
    /// a started close is marked, so none dated before the period is unposted), reads only the
    /// period's payments. Those are all new: a close posts the payments dated up to its period's end,
    /// no later period's close has started while this one runs (`CloseStateMachine`), and an account
    /// this run computes has posted none in it (a batch's postings are written with its accounts'
    /// markers, in one transaction). An account that carried totals and has a marked payment left
    /// unposted reads those dated from the first day of the earliest one's month on (the first period
    /// whose penalties its close corrects), the totals less the posted ones among them standing for
    /// the earlier ones. Every other account (its first close, a database closed by an older build;
    /// all of them when `carried` is empty, for the full recompute) reads all its payments up to the
    /// period's end (month by month from `earliest`, the month of the earliest stored payment), with
    /// one query over the range when no account carries totals.
    /// - Complexity: O(accounts + payments read + marks of the range): the period's payments of the
    ///   range are one run of `payments_by_month`, whatever the months of payments stored before.
    private static func payments(
        _ db: Database, context: Message, accounts ids: [String], period: Period, earliest: Period?, carried: [PaymentTotals?],
        merge: (String, [String], Int, (Int, StatementRow) throws -> Void) throws -> Void
    ) throws -> (payments: [[(payment: Payment, postedIn: Period?)]], earlier: [PaymentTotals?], lateFrom: [CivilDate?]) {
        let everyMonth = PeriodList.json(from: earliest, through: period)
        var payments = [[(payment: Payment, postedIn: Period?)]](repeating: [], count: ids.count)
        var earlier = [PaymentTotals?](repeating: nil, count: ids.count)
        guard carried.contains(where: { $0 != nil }) else {
            try merge(PostedPaymentsTable.rangeQuery, [everyMonth], 1) { payments[$0].append(PostedPaymentsTable.payment($1)) }
            return (payments, earlier, [CivilDate?](repeating: nil, count: ids.count))
        }
        // Per account with a marked payment not posted yet, the first day of its earliest one's month
        // (`PenaltyRecalculation.firstCorrected`), or of the period's if later; nil for the others.
        var lateFrom = [CivilDate?](repeating: nil, count: ids.count)
        try merge(LatePaymentsTable.rangeQuery, [], 0) { position, row in
            lateFrom[position] = min((row.date(1) ?? StoredRows.neutralDate).period.firstDay, period.firstDay)
        }
        try merge(PostedPaymentsTable.monthQuery, [period.code], 1) {
            payments[$0].append((StoredRows.payment($1), nil))
        }
        let inMonths = try StatementRows(db, sql: PostedPaymentsTable.rangeQuery, context: context)
        func read(_ id: String, months: String) throws -> [(payment: Payment, postedIn: Period?)] {
            var read: [(payment: Payment, postedIn: Period?)] = []
            try inMonths.forEach({ $0.add(id); $0.add(id); $0.add(months) }) { read.append(PostedPaymentsTable.payment($0)) }
            return read
        }
        for position in ids.indices {
            if let totals = carried[position] {
                guard let from = lateFrom[position] else {
                    earlier[position] = totals
                    continue
                }
                // A late payment: those dated from its month on, the totals less the posted ones
                // among them standing for the others.
                let recent = try read(ids[position], months: PeriodList.json(from: from.period, through: period))
                if let rest = totals.removing(recent.filter { $0.postedIn != nil }.map(\.payment)) {
                    earlier[position] = rest
                    payments[position] = recent
                    continue
                }
            }
            payments[position] = try read(ids[position], months: everyMonth)
        }
        return (payments, earlier, lateFrom)
    }
}

extension Store {
    /// Opens another, read-only connection to this database for loading a close's batches while
    /// this store writes the previous one.
    public func openCloseInputReader() throws(StoreError) -> CloseInputReader {
        try CloseInputReader(path: path)
    }
}
