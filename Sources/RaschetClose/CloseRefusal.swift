import RaschetCore

/// Why a period cannot be closed now (the order of periods, SPEC section 4). The close throws it as
/// `StoreError.Code.refused` (exit 65) with `message` (from the catalog), naming the command to run instead.
enum CloseRefusal: Hashable {
    /// A period that never started, before the first started one (closes run in order, so every
    /// period between the first and the latest has started): the history starts at `first`.
    case beforeFirst(Period, first: Period)
    /// Another period's close started and did not finish.
    case unfinished(Period)
    /// Not the period after the last closed one.
    case outOfOrder(Period, last: Period)
    /// The previous period has parked accounts (its closing balances are incomplete).
    case parkedInPrevious(Period, count: Int)
    /// A first close of a period more than a year from today (`close 9999-12`, `close 1900-01`):
    /// the allowed periods are `earliest...latest`.
    case farFromToday(Period, earliest: Period, latest: Period)

    var message: Message {
        switch self {
        case .beforeFirst(let period, let first): .beforeFirstClose(period, first: first)
        case .unfinished(let other): .closeUnfinished(other)
        case .outOfOrder(let period, let last): .closeOutOfOrder(period, last: last)
        case .parkedInPrevious(let previous, let count): .parkedInPrevious(previous, count: count)
        case .farFromToday(let period, let earliest, let latest): .firstCloseTooFar(period, earliest: earliest, latest: latest)
        }
    }
}
