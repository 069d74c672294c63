/// One line of the period's charges: the unit of `raschet export charges` (SPEC section 5).
///
/// Amounts satisfy `net + vat == gross`. A recalculation line carries the **difference** between
/// what its reference period should have been charged and what was posted for it, at the reference
/// period's tariff and VAT rate; `quantity` is the difference of volumes and `price` the
/// reference period's price, so `net` may differ from round(quantity × price) when the price was
/// corrected.
public struct ChargeLine: Sendable, Hashable {
    public var accountID: String
    public var serviceID: String
    public var supplierID: String
    /// The period the line is posted in (the close that produced it).
    public var period: Period
    public var kind: ChargeKind
    /// The period the line is for: `period` for charges, the corrected period for recalculations,
    /// the debt's period for penalties.
    public var refPeriod: Period
    public var zone: Zone
    public var component: ChargeComponent
    public var basis: ChargeBasis
    public var quantity: ExactDecimal
    public var unit: String
    public var price: ExactDecimal
    public var vatMode: VATMode
    /// Percent; 0 for exempt lines and penalties.
    public var vatRate: ExactDecimal
    public var net: Money
    public var vat: Money
    public var gross: Money
    public var installation: String?

    public init(accountID: String, serviceID: String, supplierID: String, period: Period, kind: ChargeKind,
                refPeriod: Period, zone: Zone = .single, component: ChargeComponent = .base, basis: ChargeBasis,
                quantity: ExactDecimal, unit: String, price: ExactDecimal, vatMode: VATMode, vatRate: ExactDecimal,
                amounts: VATAmounts, installation: String? = nil) {
        self.accountID = accountID; self.serviceID = serviceID; self.supplierID = supplierID; self.period = period
        self.kind = kind; self.refPeriod = refPeriod; self.zone = zone; self.component = component
        self.basis = basis; self.quantity = quantity; self.unit = unit; self.price = price; self.vatMode = vatMode
        self.vatRate = vatRate; self.net = amounts.net; self.vat = amounts.vat; self.gross = amounts.gross
        self.installation = installation
    }

    public var amounts: VATAmounts { VATAmounts(net: net, vat: vat, gross: gross) }

    /// The identity recalculations match on: one service part in one zone at one installation.
    public struct Key: Sendable, Hashable, Comparable {
        public var serviceID: String
        public var zone: Zone
        public var component: ChargeComponent
        public var installation: String

        public static func < (a: Key, b: Key) -> Bool {
            (a.serviceID, a.installation) < (b.serviceID, b.installation)
                || ((a.serviceID, a.installation) == (b.serviceID, b.installation)
                    && (a.component, a.zone) < (b.component, b.zone))
        }
    }

    public var key: Key {
        Key(serviceID: serviceID, zone: zone, component: component, installation: installation ?? "")
    }
}
