public import RaschetCore

/// The columns of one entity as SPEC section 3 lists them: every column a file may carry, and
/// which of them are required.
public struct EntitySchema: Sendable {
    public let kind: EntityKind
    /// All accepted columns, in SPEC order.
    public let columns: [String]
    /// The columns every row must fill.
    public let required: Set<String>

    init(_ kind: EntityKind, required: [String], optional: [String]) {
        self.kind = kind
        self.columns = required + optional
        self.required = Set(required)
    }

    /// The schema of an entity.
    public static func of(_ kind: EntityKind) -> EntitySchema {
        switch kind {
        case .suppliers:
            EntitySchema(kind, required: ["supplier_id", "name", "inn"],
                         optional: ["kpp", "bank_name", "bic", "corr_account", "account", "address", "phone"])
        case .services:
            EntitySchema(kind, required: ["service_id", "name", "unit", "supplier_id", "method"],
                         optional: ["vat_mode", "absence_recalc", "group"])
        case .tariffs:
            EntitySchema(kind, required: ["service_id", "valid_from", "price"],
                         optional: ["valid_to", "zone", "category", "norm", "coefficient"])
        case .accounts:
            EntitySchema(kind, required: ["account_id", "kind", "name", "address"],
                         optional: ["inn", "contract_no", "contract_date", "postal_address", "area", "residents", "email",
                                    "email_confirmed", "e_receipt", "delivery_route", "opened", "closed"])
        case .accountServices:
            EntitySchema(kind, required: ["account_id", "service_id", "valid_from"],
                         optional: ["valid_to", "quantity", "installation"])
        case .meters:
            EntitySchema(kind, required: ["meter_id", "account_id", "service_id"],
                         optional: ["zones", "digits", "installed", "removed", "verification_due"])
        case .readings:
            EntitySchema(kind, required: ["meter_id", "date", "value"], optional: ["zone", "source", "rollover"])
        case .volumes:
            EntitySchema(kind, required: ["account_id", "service_id", "period", "quantity"], optional: ["installation"])
        case .payments:
            EntitySchema(kind, required: ["payment_id", "account_id", "date", "amount"], optional: ["source", "period"])
        case .absences:
            EntitySchema(kind, required: ["account_id", "date_from", "date_to", "persons"], optional: ["document"])
        case .keyRates:
            EntitySchema(kind, required: ["valid_from", "rate"], optional: [])
        }
    }
}
