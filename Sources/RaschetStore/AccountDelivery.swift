/// How an account's receipts are delivered, as SQL over `accounts a`.
enum AccountDelivery {
    /// True for an account whose receipts go out by e-mail (`Account.receivesEReceipts`): e-receipts
    /// chosen and a confirmed address.
    static let byEmailSQL = "(a.e_receipt = 1 AND a.email_confirmed = 1 AND a.email IS NOT NULL AND trim(a.email) <> '')"
}
