/// Which receipts `raschet render receipts` writes as separate PDF/A-3b files (`--files`).
public enum ReceiptFiles: String, Sendable, Hashable, CaseIterable {
    /// One file per account, paper receipts included: what an operator browses or reprints from.
    case all
    /// Files for the accounts that get e-receipts only (what `raschet dispatch` sends); the paper
    /// receipts go into the print batch alone. A month's run renders each receipt once, in the form it is
    /// delivered in.
    case eReceipts = "e-receipts"
}
