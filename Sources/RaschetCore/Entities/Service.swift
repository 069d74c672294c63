/// How a service's monthly volume is found (SPEC section 3, `services.method`).
public enum CalculationMethod: String, Sendable, Hashable, CaseIterable {
    /// Consumption of the account's meters for the period, per zone.
    case meter
    /// Norm × residents × coefficient (no meter).
    case norm
    /// The account's area in m²; the price is a rate per m².
    case area
    /// One unit per account per period.
    case fixed
    /// `account_services.quantity`, or supplier-provided `volumes` rows.
    case quantity
}

/// How VAT relates to a service's price (SPEC section 2).
public enum VATMode: String, Sendable, Hashable, CaseIterable {
    /// VAT is added to the net amount (business contracts).
    case onTop = "on_top"
    /// The tariff already includes VAT (household tariffs).
    case included
    /// No VAT.
    case exempt
}

/// A billed service. Key: `id`.
public struct Service: Sendable, Hashable {
    public var id: String
    public var name: String
    public var unit: String
    public var supplierID: String
    public var method: CalculationMethod
    public var vatMode: VATMode
    /// Whether a temporary absence reduces the charge (norm-charged water, wastewater, waste...).
    public var absenceRecalc: Bool
    /// A receipt block title grouping services ("Водоснабжение"), if any.
    public var group: String?

    public init(id: String, name: String, unit: String, supplierID: String, method: CalculationMethod,
                vatMode: VATMode = .included, absenceRecalc: Bool = false, group: String? = nil) {
        self.id = id; self.name = name; self.unit = unit; self.supplierID = supplierID; self.method = method
        self.vatMode = vatMode; self.absenceRecalc = absenceRecalc; self.group = group
    }
}
