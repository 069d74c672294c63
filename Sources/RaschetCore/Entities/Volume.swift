/// A supplier-provided volume for an account's service in a period (e.g. heat for a business
/// contract). Key: account + service + period.
public struct Volume: Sendable, Hashable {
    public var accountID: String
    public var serviceID: String
    public var period: Period
    public var quantity: ExactDecimal
    public var installation: String?

    public init(accountID: String, serviceID: String, period: Period, quantity: ExactDecimal, installation: String? = nil) {
        self.accountID = accountID; self.serviceID = serviceID; self.period = period; self.quantity = quantity
        self.installation = installation
    }
}
