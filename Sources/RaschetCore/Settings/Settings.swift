/// Everything `raschet.toml` configures. Each part has the legal defaults where the law gives one.
public struct Settings: Sendable, Hashable {
    /// The payee; nil until configured (documents need it, imports do not).
    public var organization: Organization?
    /// Every table and threshold of the billing rules (reading window, VAT by delivery period, due
    /// days, estimates, absences, penalties): `BillingRules.legalDefaults` unless configured.
    public var billingRules: BillingRules
    /// The `[smtp]` section for `raschet dispatch`; nil when the file has none.
    public var smtp: SMTPSettings?

    public init(organization: Organization? = nil, billingRules: BillingRules = .legalDefaults) {
        self.organization = organization
        self.billingRules = billingRules
    }
}
