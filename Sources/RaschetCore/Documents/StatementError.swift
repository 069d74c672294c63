/// Why a statement or certificate cannot be built: the message (from the catalog)
/// names the account, the date or range and what to do.
public struct StatementError: Error, Sendable, Hashable, CustomStringConvertible, RaschetFailure {
    public enum Code: String, Sendable, Hashable {
        /// The no-debt certificate is refused: the balance on the date is a debt (`debt`).
        case debt
        /// A reconciliation act was asked for a household account (acts are for business contracts).
        case notBusiness = "not_business"
        /// No period of the database is closed yet: there is nothing to state.
        case nothingClosed = "nothing_closed"
        /// The range ends before it starts.
        case reversedRange = "reversed_range"
        /// The range starts after the last closed day: none of it is closed yet.
        case rangeNotClosed = "range_not_closed"
    }

    public var code: Code
    public var message: Message
    public var accountID: String?
    /// The debt on the certificate's date (`code == .debt`).
    public var debt: Money?

    public init(code: Code, message: Message, accountID: String? = nil, debt: Money? = nil) {
        self.code = code; self.message = message; self.accountID = accountID; self.debt = debt
    }

    public var description: String { message.english }

    /// A refused statement is a data problem (65): the request does not fit the stored history.
    public var exitStatus: ExitStatus { .badData }

    public var userText: Message { message }
}
