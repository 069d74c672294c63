/// A reconciliation act (акт сверки взаимных расчетов) between the settlement center and a business
/// account for a date range: one row per document, receipts in the debit column, payments in the
/// credit column, the opening and closing balances and the closing sentence. Exact values; the
/// sentence is the one text the act's figures dictate.
///
/// It is built from the same operations and dates as `SettlementStatement` (a receipt is a
/// period's charges, recalculations and penalties together, dated the period's last day), so its
/// closing balance equals the settlement statement's for the same range.
public struct ReconciliationAct: Sendable, Hashable {
    public var range: StatementRange
    /// The settlement center (first party).
    public var center: Organization
    /// The business account (second party).
    public var counterparty: Account
    /// The balance at the start of `range.from`: positive, the counterparty owes the center.
    public var openingBalance: Money
    public var rows: [Row]

    public init(range: StatementRange, center: Organization, counterparty: Account, openingBalance: Money, rows: [Row]) {
        self.range = range; self.center = center; self.counterparty = counterparty; self.openingBalance = openingBalance
        self.rows = rows
    }

    /// Builds the act of `ledger`'s account from `from` to `to`.
    /// - Throws: `StatementError.Code.notBusiness` for a household account; the range's errors.
    /// - Complexity: O(operations of the ledger).
    public init(ledger: AccountLedger, center: Organization, from: CivilDate, to: CivilDate) throws(StatementError) {
        guard ledger.account.kind == .business else {
            throw StatementError(code: .notBusiness,
                                 message: .notBusinessAccount(ledger.account.id),
                                 accountID: ledger.account.id)
        }
        let statement = try SettlementStatement(ledger: ledger, from: from, to: to)
        var rows: [Row] = []
        for operation in statement.rows {
            if let paymentID = operation.paymentID {
                rows.append(Row(date: operation.date, document: .payment(id: paymentID), debit: .zero, credit: operation.paid))
            } else if let last = rows.last, case .receipt(let period) = last.document, period == operation.period {
                rows[rows.count - 1].debit += operation.charged
            } else {
                rows.append(Row(date: operation.date, document: .receipt(period: operation.period),
                                debit: operation.charged, credit: .zero))
            }
        }
        self.init(range: statement.range, center: center, counterparty: ledger.account,
                  openingBalance: statement.openingBalance, rows: rows)
    }

    /// One document of the act.
    public struct Row: Sendable, Hashable {
        public var date: CivilDate
        public var document: Document
        /// What the document charged (receipts).
        public var debit: Money
        /// What the document paid (payments).
        public var credit: Money

        public init(date: CivilDate, document: Document, debit: Money, credit: Money) {
            self.date = date; self.document = document; self.debit = debit; self.credit = credit
        }
    }

    /// The document behind a row.
    public enum Document: Sendable, Hashable {
        /// The receipt of a closed period, by its period: not by its number, which the receipt gets
        /// when it is first rendered, before or after the act (a reprinted act stays the same).
        case receipt(period: Period)
        /// A payment, by its id.
        case payment(id: String)
    }

    /// The sum of the debit column.
    public var debit: Money { rows.reduce(.zero) { $0 + $1.debit } }
    /// The sum of the credit column.
    public var credit: Money { rows.reduce(.zero) { $0 + $1.credit } }
    /// opening + debit − credit: positive, the counterparty owes the center.
    public var closingBalance: Money { openingBalance + debit - credit }

    /// The party the closing balance is in favour of: the center for a debt, the counterparty for an
    /// advance, nil when settled.
    public var creditorName: String? {
        closingBalance > .zero ? center.name : closingBalance < .zero ? counterparty.name : nil
    }

    /// «Задолженность в пользу <party> на DD.MM.YYYY составляет 13 481,16 руб.», or
    /// «Задолженность отсутствует» for a zero balance; the date is the last day covered.
    public var closingSentence: String {
        guard let creditorName else { return "Задолженность отсутствует" }
        let amount = closingBalance < .zero ? -closingBalance : closingBalance
        return "Задолженность в пользу \(creditorName) на \(range.coveredTo.russianString) составляет \(amount.russianString) руб."
    }

    /// The closing balance's amount (without sign) in words: «тринадцать тысяч четыреста восемьдесят
    /// один рубль 16 копеек».
    public var closingInWords: String {
        (closingBalance < .zero ? -closingBalance : closingBalance).russianWords
    }
}
