public import RaschetCore
import GRDB

extension Store {
    /// The numbers of the documents `keys` name, in the same order: the stored number of a document
    /// issued before (a reprint), else the next number of its organization's and year's series,
    /// recorded in the same transaction.
    ///
    /// Why the series has no gaps, even with two `raschet render` runs at once (two processes, or two
    /// threads of one): the assignment is one `BEGIN IMMEDIATE` transaction, which takes SQLite's write
    /// lock before it reads the series' last number, so no other writer can read the same last number
    /// until this one commits; a second run waits for the lock (as long as any command waits for
    /// another's write, `Store.open`'s `busyTimeout`), then sees the first
    /// run's rows: a document the first run numbered gets that number back, a new one the next. A
    /// number is stored in the transaction that hands it out, so a failed transaction hands out none,
    /// and nothing deletes a row. (Here a number is assigned before the documents are made: a receipt
    /// whose file then fails to be written keeps its number for the next run. `issuing(_:issuerINN:_:)`
    /// keeps a number only when its document is written.)
    ///
    /// A document is only of closed periods: a key whose last covered period (`to`) is not closed is
    /// refused in the same transaction, and nothing is numbered. That is a command whose period
    /// `raschet reopen` undid after it read the figures (`reopen` in turn refuses a period with numbers).
    /// - Parameter issuerINN: the INN of the organization whose series it is.
    /// - Throws: `StoreError.Code.busy` when the database stays locked, `.refused` for a period not
    ///   closed, `.failed` when a row cannot be stored.
    /// - Complexity: one indexed lookup per key.
    public func documentNumbers(for keys: [DocumentKey], issuerINN: String) throws(StoreError) -> [DocumentNumber] {
        do {
            return try issuing(keys, issuerINN: issuerINN) { $0 }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.databaseOperation(path, .assignNumbers), cause: error)
        }
    }

    /// `documentNumbers(for:issuerINN:)` kept only when `issue` succeeds: the documents are made and
    /// written by `issue`, given their numbers, inside the transaction that assigns them, so a document
    /// that fails to be made or written takes no number (and a concurrent `render` waits for it).
    /// - Throws: what `documentNumbers(for:issuerINN:)` throws, or what `issue` throws.
    public func issuing<Issued>(_ keys: [DocumentKey], issuerINN: String, _ issue: ([DocumentNumber]) throws -> Issued) throws -> Issued {
        do {
            return try queue.writeWithoutTransaction { db in
                var issued: Issued?
                try db.inTransaction(.immediate) {
                    issued = try issue(try Self.assign(keys, issuerINN: issuerINN, db))
                    return .commit
                }
                return issued!
            }
        } catch let error as DatabaseError {
            throw StoreError(.databaseOperation(path, .assignNumbers), cause: error)
        }
    }

    private static func assign(_ keys: [DocumentKey], issuerINN: String, _ db: Database) throws -> [DocumentNumber] {
        let find = try db.cachedStatement(sql: """
            SELECT year, sequence FROM document_numbers
            WHERE issuer_inn = ? AND kind = ? AND account_id = ? AND range_from = ? AND range_to = ?
            """)
        let last = try db.cachedStatement(sql: "SELECT max(sequence) FROM document_numbers WHERE issuer_inn = ? AND year = ?")
        let insert = try db.cachedStatement(sql: """
            INSERT INTO document_numbers (issuer_inn, year, sequence, kind, account_id, range_from, range_to)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        let closed = Set(try CloseRunsTable.closedPeriods(db))
        var next: [Int: Int] = [:]
        var numbers: [DocumentNumber] = []
        numbers.reserveCapacity(keys.count)
        for key in keys {
            let month = StoredRows.period(String(key.to.prefix(7)))
            guard closed.contains(month) else { throw StoreError(.refused, .periodNotClosed(month, closed: closed.sorted())) }
            if let row = try Row.fetchOne(find, arguments: [issuerINN, key.kind.rawValue, key.accountID, key.from, key.to]) {
                numbers.append(DocumentNumber(year: row[0], sequence: row[1]))
                continue
            }
            let sequence = try next[key.year] ?? ((Int.fetchOne(last, arguments: [issuerINN, key.year]) ?? 0) + 1)
            try insert.execute(arguments: [issuerINN, key.year, sequence, key.kind.rawValue, key.accountID, key.from, key.to])
            next[key.year] = sequence + 1
            numbers.append(DocumentNumber(year: key.year, sequence: sequence))
        }
        return numbers
    }
}
