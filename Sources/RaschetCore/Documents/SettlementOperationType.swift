/// What one row of a settlement statement is (справка по взаиморасчетам).
public enum SettlementOperationType: String, Sendable, Hashable, CaseIterable {
    /// A period's own charges (`charge` lines), dated the period's last day.
    case finalInvoice = "final_invoice"
    /// Recalculations of earlier periods posted in a period (`recalc` lines), dated its last day.
    case recalculation = "recalc"
    /// Penalties posted in a period (`penalty` lines), dated its last day.
    case penalty
    /// A payment, dated by its own date.
    case payment
    /// A negative payment (a reversal of a payment), dated by its own date.
    case paymentCorrection = "payment_correction"

    /// The printed name of the operation.
    public var title: String {
        switch self {
        case .finalInvoice: "Окончательный счет"
        case .recalculation: "Перерасчет"
        case .penalty: "Пени"
        case .payment: "Оплата"
        case .paymentCorrection: "Корректировка оплаты"
        }
    }
}
