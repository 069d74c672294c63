public import RaschetCore

/// What one document number is given to: one kind of document of one account for one period or date
/// range, in one year's series.
public struct DocumentKey: Sendable, Hashable {
    /// The kinds of numbered documents (SPEC section 6).
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case receipt, settlement, accruals, act, turnover
        case noDebt = "no_debt"
    }

    public var kind: Kind
    public var accountID: String
    /// The first period (`YYYY-MM`) or date (`YYYY-MM-DD`) the document covers.
    public var from: String
    /// The last period or date the document covers.
    public var to: String
    /// The year of the series: the year of the document's date.
    public var year: Int

    public init(kind: Kind, accountID: String, from: String, to: String, year: Int) {
        self.kind = kind; self.accountID = accountID; self.from = from; self.to = to; self.year = year
    }

    /// The receipt of `accountID` for `period`: dated the period's last day, so in the period's year.
    public static func receipt(accountID: String, period: Period) -> DocumentKey {
        DocumentKey(kind: .receipt, accountID: accountID, from: period.code, to: period.code, year: period.year)
    }

    /// A statement of `accountID` for the dates `from...to`, in the series of `to`'s year.
    public static func statement(_ kind: Kind, accountID: String, from: CivilDate, to: CivilDate) -> DocumentKey {
        DocumentKey(kind: kind, accountID: accountID, from: from.isoString, to: to.isoString, year: to.year)
    }

    /// The no-debt certificate of `accountID` dated `date`, from the data of the periods closed through
    /// `dataAsOf` (`date`, or the last closed day before it when `date` is in an open month), in the
    /// series of `date`'s year.
    public static func noDebt(accountID: String, date: CivilDate, dataAsOf: CivilDate) -> DocumentKey {
        DocumentKey(kind: .noDebt, accountID: accountID, from: date.isoString, to: dataAsOf.isoString, year: date.year)
    }

    /// The turnover sheet of `accountID` for the periods `from...to`, in the series of `to`'s year.
    public static func turnover(accountID: String, from: Period, to: Period) -> DocumentKey {
        DocumentKey(kind: .turnover, accountID: accountID, from: from.code, to: to.code, year: to.year)
    }
}
