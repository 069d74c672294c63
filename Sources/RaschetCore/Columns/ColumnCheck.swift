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
    case positive(note: String?)
    /// Something that looks like an e-mail address (`name@domain.tld`, no spaces).
    case email
    /// A date not before the date in the named column of the same row (`valid_to` after `valid_from`).
    case notBefore(String)
}
