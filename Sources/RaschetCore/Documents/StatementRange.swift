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

    /// - Parameter lastClosed: the latest closed period of the database.
    /// - Throws: `StatementError` when `to < from` or when nothing is closed.
    public init(from: CivilDate, to: CivilDate, lastClosed: Period?) throws(StatementError) {
        guard from <= to else {
            throw StatementError(code: .reversedRange,
                                 message: .reversedRange(from: from, to: to))
        }
        guard let lastClosed else {
            throw StatementError(code: .nothingClosed, message: .nothingClosed)
        }
        self.from = from
        self.to = to
        let lastDay = lastClosed.lastDay
        coveredTo = min(to, lastDay)
        dataAsOf = to > lastDay ? lastDay : nil
    }

    /// Whether `date` is within `from...coveredTo`.
    public func covers(_ date: CivilDate) -> Bool { from <= date && date <= coveredTo }
}
