public import RaschetCore

/// The accounts of a closed period whose receipts can be rendered, in rendering order, and the parked ones.
public struct ReceiptPlan: Sendable, Hashable {
    /// Accounts the close computed: first the paper receipts in the order of a print batch (delivery
    /// route, accounts without a route last, then address, then account id), then the accounts
    /// whose receipts go out by e-mail (`Account.receivesEReceipts`) in the same order. So the
    /// receipts of a batch get consecutive document numbers, and the e-receipts, written last, are
    /// still in the page cache when `raschet dispatch` attaches them.
    public var accountIDs: [String]
    /// Accounts the close parked (no receipt), by account id.
    public var parked: [Parked]
    /// The receipt terms the close stored; nil for a close that stored none (the settings' then).
    public var terms: ReceiptTerms?

    public init(accountIDs: [String], parked: [Parked], terms: ReceiptTerms? = nil) {
        self.accountIDs = accountIDs
        self.parked = parked
        self.terms = terms
    }

    /// An account the close could not compute, and why.
    public struct Parked: Sendable, Hashable {
        public var accountID: String
        /// The reason as the close stored it (in English, its machine code, `no_residents`, for a
        /// close made before the English text was stored).
        public var reason: Message

        public init(accountID: String, reason: Message) {
            self.accountID = accountID
            self.reason = reason
        }
    }
}
