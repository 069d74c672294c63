import RaschetCore

/// Why a period cannot be closed now (the order of periods, SPEC section 4). The close throws it as
/// `StoreError.Code.refused` (exit 65) with `message`, in Russian, naming the command to run instead.
enum CloseRefusal: Hashable {
    /// A period before the latest started one: a closed period is never rewritten.
    case beforeLatest(Period, latest: Period)
    /// Another period's close started and did not finish.
    case unfinished(Period)
    /// Not the period after the last closed one.
    case outOfOrder(Period, last: Period)
    /// The previous period has parked accounts (its closing balances are incomplete).
    case parkedInPrevious(Period, count: Int)
    /// A first close of a period more than a year from today (`close 9999-12`, `close 1900-01`):
    /// the allowed periods are `earliest...latest`.
    case farFromToday(Period, earliest: Period, latest: Period)

    var message: String {
        switch self {
        case .beforeLatest(let period, let latest):
            "период \(period.code) закрыт раньше периода \(latest.code); закрытый период не пересчитывается: "
                + "исправления проводятся перерасчетом в текущем периоде"
        case .unfinished(let other):
            "закрытие периода \(other.code) не завершено; сначала выполните raschet close \(other.code)"
        case .outOfOrder(let period, let last):
            "нельзя закрыть период \(period.code): последний закрытый период \(last.code), следующим закрывается \(last.next.code)"
        case .parkedInPrevious(let previous, let count):
            "в периоде \(previous.code) \(count) лицевых счетов отложено; исправьте данные и повторите raschet close \(previous.code)"
        case .farFromToday(let period, let earliest, let latest):
            "нельзя закрыть период \(period.code): в базе нет закрытых периодов, а первым закрывается период "
                + "не дальше года от текущей даты, с \(earliest.code) по \(latest.code)"
        }
    }
}
