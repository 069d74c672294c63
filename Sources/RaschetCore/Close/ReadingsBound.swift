/// Which stored readings a close reads of a long history (`AccountClose.readingsBound`): those dated
/// from `from` on but for those counting for the periods `leftOut`.
public struct ReadingsBound: Sendable, Hashable {
    /// The first date read.
    public let from: CivilDate
    /// The earliest period the close computes for an account whose plan compares no earlier one.
    public let first: Period
    /// The periods none of whose readings are read (`AccountBillingInput.readingsLeftOut`): those
    /// after the ones the averages start from and before the one `first`'s volumes start from, and,
    /// with `nothingBefore`, after the earliest stored reading's. Nil when there are none.
    public let leftOut: ClosedRange<Period>?
    /// The dates of readings counting for `leftOut` (`ReadingWindow.period(of:)`), nil with it.
    public let leftOutDates: Range<CivilDate>?
    /// Whether no reading is stored before `from`: a register's first reading read before `leftOut`
    /// is then its first (`RegisterHistory.startsAtFirst`).
    public let nothingBefore: Bool

    public init(from: CivilDate, first: Period, leftOut: ClosedRange<Period>? = nil, window: ReadingWindow,
                nothingBefore: Bool = false) {
        self.from = from
        self.first = first
        self.leftOut = leftOut
        self.nothingBefore = nothingBefore
        leftOutDates = leftOut.map { window.firstDate(of: $0.lowerBound)..<window.firstDate(of: $0.upperBound.next) }
    }
}
