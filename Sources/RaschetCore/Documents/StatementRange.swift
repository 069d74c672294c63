/// The dates a statement covers, both included, and how far the closed periods reach into them.
///
/// Only closed periods are stated. When `to` lies after the last day of the latest closed period,
/// the statement covers up to that day (`coveredTo`) and says «по данным на <dataAsOf>».
public struct StatementRange: Sendable, Hashable {
    /// The first day asked for.
    public var from: CivilDate
    /// The last day asked for.
    public var to: CivilDate
    /// The last day the figures cover: `to`, or the last closed day when that is earlier.
    public var coveredTo: CivilDate
    /// The last closed day when the range reaches into an open period, else nil.
    public var dataAsOf: CivilDate?

    /// - Parameters:
    ///   - lastClosed: the latest closed period of the database.
    ///   - fromMayBeOpen: whether `from` may be after the last closed day, as for a no-debt
    ///     certificate judged on that day's balance; a statement of a range that starts there would
    ///     have no rows and end before it starts.
    /// - Throws: `StatementError` when `to < from`, when nothing is closed, or when `from` is after
    ///   the last closed day and may not be.
    public init(from: CivilDate, to: CivilDate, lastClosed: Period?, fromMayBeOpen: Bool = false) throws(StatementError) {
        guard from <= to else {
            throw StatementError(code: .reversedRange,
                                 message: .reversedRange(from: from, to: to))
        }
        guard let lastClosed else {
            throw StatementError(code: .nothingClosed, message: .nothingClosed)
        }
        let lastDay = lastClosed.lastDay
        guard fromMayBeOpen || from <= lastDay else {
            throw StatementError(code: .rangeNotClosed, message: .rangeAfterLastClosed(from: from, lastClosed: lastClosed))
        }
        self.from = from
        self.to = to
        coveredTo = min(to, lastDay)
        dataAsOf = to > lastDay ? lastDay : nil
    }

    /// Whether `date` is within `from...coveredTo`.
    public func covers(_ date: CivilDate) -> Bool { from <= date && date <= coveredTo }
}
