/// A check on one column's value beyond its type, declared in the column table and applied by
/// the importer to every value that parses (SPEC section 3).
public enum ColumnCheck: Sendable, Hashable {
    /// A code of exactly one of these numbers of digits (INN, KPP, BIC, bank accounts).
    case digits(Set<Int>)
    /// A whole number within the range (residents, zones, digits).
    case range(ClosedRange<Int>)
    /// A number of 0 or more (quantities, prices, areas).
    case nonNegative
    /// A number greater than 0; `note` (if any) is said after the refusal, in parentheses.
    case positive(note: Message?)
    /// Something that looks like an e-mail address (`name@domain.tld`, no spaces).
    case email
    /// A date not before the date in the named column of the same row (`valid_to` after `valid_from`).
    case notBefore(String)
    /// A number (or an amount, in rubles) whose magnitude is at most the limit: the ranges that keep
    /// every product of the close exact (README, «Ranges»).
    case atMost(ExactDecimal)
    /// A number other than 0; `note` (if any) is said after the refusal, in parentheses.
    case nonZero(note: Message?)
}

extension ColumnCheck {
    /// Prices, norms, coefficients, areas and quantities: at most 10^9, with 6 decimals.
    public static let quantityRange = ColumnCheck.atMost(ExactDecimal(1_000_000_000))
    /// The largest meter reading, 10^12 (a 12-digit register).
    public static let readingMaximum = ExactDecimal(1_000_000_000_000)
    /// Meter readings: at most `readingMaximum`.
    public static let readingRange = ColumnCheck.atMost(readingMaximum)
    /// Amounts of money: at most 10^11 rubles either way.
    public static let moneyRange = ColumnCheck.atMost(ExactDecimal(100_000_000_000))
    /// Rates in percent (the key rate): at most 100.
    public static let percentRange = ColumnCheck.atMost(ExactDecimal(100))
}
