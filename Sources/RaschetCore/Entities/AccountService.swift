/// A service connected to an account from `validFrom` (to `validTo`, inclusive, when set).
/// Key: account + service + validFrom.
public struct AccountService: Sendable, Hashable {
    public var accountID: String
    public var serviceID: String
    public var validFrom: CivilDate
    public var validTo: CivilDate?
    /// The fixed monthly quantity for `quantity`-method services.
    public var quantity: ExactDecimal?
    /// The installation (объект / точка учета) the service is delivered to, for business documents.
    public var installation: String?

    public init(accountID: String, serviceID: String, validFrom: CivilDate, validTo: CivilDate? = nil,
                quantity: ExactDecimal? = nil, installation: String? = nil) {
        self.accountID = accountID; self.serviceID = serviceID; self.validFrom = validFrom; self.validTo = validTo
        self.quantity = quantity; self.installation = installation
    }
}
