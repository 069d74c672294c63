/// A settlement statement (справка по взаиморасчетам) of one account for a date range, built from
/// the closed periods: exact values, no formatting.
///
/// Dates and ranges (see `Guides/Statements.md`): a period's charges, recalculations and
/// penalties are dated its last day, payments their own date. A row belongs to the range when its
/// booking date (`LedgerOperation.bookedOn`) is within `from...coveredTo`. So a range that
/// **starts inside a period** shows that period's charges (dated its last day) and its payments from
/// the start date on; one that **ends inside a period** shows the payments up to the end date but
/// not that period's charges, which are dated after the end. The opening balance is the balance
/// after every operation booked before `from`; the closing balance is the opening plus the rows;
/// on a period's last day it equals that period's closing in `raschet export balances`. A range
/// reaching past the last closed day covers up to that day and sets `range.dataAsOf`.
public struct SettlementStatement: Sendable, Hashable {
    public var range: StatementRange
    /// The counterparty: name, INN, contract number and date, legal (`address`) and postal address.
    public var account: Account
    /// The balance at the start of `range.from` (positive: debt).
    public var openingBalance: Money
    /// The operations of the range in booking order.
    public var rows: [LedgerOperation]

    public init(range: StatementRange, account: Account, openingBalance: Money, rows: [LedgerOperation]) {
        self.range = range; self.account = account; self.openingBalance = openingBalance; self.rows = rows
    }

    /// Builds the statement of `ledger`'s account from `from` to `to`.
    /// - Throws: `StatementError` when the range is reversed or nothing is closed.
    /// - Complexity: O(operations of the ledger).
    public init(ledger: AccountLedger, from: CivilDate, to: CivilDate) throws(StatementError) {
        let range = try ledger.range(from: from, to: to)
        var opening = ledger.openingBalance
        var rows: [LedgerOperation] = []
        for operation in ledger.operations where operation.bookedOn <= range.coveredTo {
            if operation.bookedOn < range.from { opening += operation.change } else { rows.append(operation) }
        }
        self.init(range: range, account: ledger.account, openingBalance: opening, rows: rows)
    }

    /// The sum of the rows' charges (charges, recalculations and penalties).
    public var charged: Money { rows.reduce(.zero) { $0 + $1.charged } }
    /// The sum of the rows' payments.
    public var paid: Money { rows.reduce(.zero) { $0 + $1.paid } }
    /// The balance at the end of `range.coveredTo`: opening + charged − paid (positive: debt).
    public var closingBalance: Money { openingBalance + charged - paid }
}
