/// Whether an account is a household (person) or a business contract.
public enum AccountKind: String, Sendable, Hashable, CaseIterable {
    case person, business

    /// The tariff category an account of this kind is billed at.
    public var category: ConsumerCategory { self == .person ? .household : .business }
}

/// A personal account (лицевой счет) or business contract. Key: `id`.
public struct Account: Sendable, Hashable {
    public var id: String
    public var kind: AccountKind
    public var name: String
    public var address: String
    public var inn: String?
    public var contractNumber: String?
    public var contractDate: CivilDate?
    public var postalAddress: String?
    /// Premises area, m².
    public var area: ExactDecimal?
    public var residents: Int?
    public var email: String?
    public var emailConfirmed: Bool
    /// Whether the subscriber chose e-receipts (`receivesEReceipts` says whether they go out).
    public var eReceipt: Bool
    public var deliveryRoute: String?
    public var opened: CivilDate?
    public var closed: CivilDate?
    /// The first period the row's `area` and `residents` apply to: the store keeps the values they
    /// replace for the periods before it (`EarlierPremises`). Nil: they apply to every period, so a
    /// changed value corrects every closed period within the lookback (SPEC section 4).
    public var changedFrom: Period?

    public init(id: String, kind: AccountKind, name: String, address: String, inn: String? = nil,
                contractNumber: String? = nil, contractDate: CivilDate? = nil, postalAddress: String? = nil,
                area: ExactDecimal? = nil, residents: Int? = nil, email: String? = nil, emailConfirmed: Bool = false,
                eReceipt: Bool = false, deliveryRoute: String? = nil, opened: CivilDate? = nil, closed: CivilDate? = nil,
                changedFrom: Period? = nil) {
        self.id = id; self.kind = kind; self.name = name; self.address = address; self.inn = inn
        self.contractNumber = contractNumber; self.contractDate = contractDate; self.postalAddress = postalAddress
        self.area = area; self.residents = residents; self.email = email; self.emailConfirmed = emailConfirmed
        self.eReceipt = eReceipt; self.deliveryRoute = deliveryRoute; self.opened = opened; self.closed = closed
        self.changedFrom = changedFrom
    }

    /// Whether the receipts go out by e-mail, and so stay out of print batches: e-receipts chosen and
    /// a confirmed address. One that chose them without a confirmed address gets paper receipts
    /// meanwhile, as nothing else would reach it (`AccountDelivery.byEmailSQL` says the same in SQL).
    public var receivesEReceipts: Bool {
        eReceipt && emailConfirmed && (email?.contains { $0 != " " } ?? false)
    }
}
