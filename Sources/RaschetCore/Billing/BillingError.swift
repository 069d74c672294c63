/// Why an account's charges for a period cannot be computed.
///
/// The close parks an account with this reason and goes on with the others (SPEC section 4); the
/// message names the account, the service and the period so that staff can fix the data. Reading
/// rejections carry the exact cabinet text of SPEC section 4 in `message`.
public struct BillingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable machine code for the parking list.
    public enum Code: String, Sendable, Hashable, CaseIterable {
        case noTariff = "no_tariff"
        case noNorm = "no_norm"
        case noResidents = "no_residents"
        case noArea = "no_area"
        case noQuantity = "no_quantity"
        case unknownService = "unknown_service"
        case readingLowerThanPrevious = "reading_lower_than_previous"
        case rolloverWithoutDigits = "rollover_without_digits"
        /// A submitted reading dated after today (`ReadingSubmission`).
        case readingInFuture = "reading_in_future"
        /// A submitted reading dated before the meter's installation or after its removal.
        case readingOutsideMeterLife = "reading_outside_meter_life"
        /// A submitted reading at or above 10^digits of its meter.
        case readingBeyondCapacity = "reading_beyond_capacity"
        /// A submitted reading above the next stored one (not marked rollover).
        case readingHigherThanNext = "reading_higher_than_next"
        /// A submitted reading whose consumption per day exceeds the jump factor × the average (unless forced).
        case readingJump = "reading_jump"
        case noKeyRate = "no_key_rate"
        case noVATRate = "no_vat_rate"
        case noDueDay = "no_due_day"
        /// An amount or a product beyond what the close computes exactly (`Money.limit`, `Int64`).
        case overflow
    }

    /// The exact rejection text of SPEC section 4 for a reading lower than the previous one.
    public static let lowerReadingMessage =
        "Показание не принято! Введенные показания меньше ранее переданных показаний. Проверьте корректность ввода."

    public var code: Code
    /// The human-readable reason (Russian, as staff read it).
    public var message: String
    public var accountID: String?
    public var serviceID: String?
    public var period: Period?
    public var meterID: String?

    public init(code: Code, message: String, accountID: String? = nil, serviceID: String? = nil,
                period: Period? = nil, meterID: String? = nil) {
        self.code = code; self.message = message; self.accountID = accountID; self.serviceID = serviceID
        self.period = period; self.meterID = meterID
    }

    /// `лицевой счет 1001, услуга HVS, период 2026-10: <message>`.
    public var description: String {
        var context: [String] = []
        if let accountID { context.append("лицевой счет " + accountID) }
        if let serviceID { context.append("услуга " + serviceID) }
        if let meterID { context.append("счетчик " + meterID) }
        if let period { context.append("период " + period.code) }
        return context.isEmpty ? message : context.joined(separator: ", ") + ": " + message
    }

    /// An amount too large to compute: `operation` shows the figures (e.g. "1000000000 × 1000000000").
    public static func overflow(_ operation: String) -> BillingError {
        BillingError(code: .overflow, message: "Сумма вне допустимого диапазона (не более "
                        + Money.limit.russianString + " руб.): " + operation + "; проверьте цену, объем и площадь")
    }

    /// Fills in the account (and period) when a lower-level rule did not know them.
    func with(accountID: String, period: Period? = nil) -> BillingError {
        var copy = self
        if copy.accountID == nil { copy.accountID = accountID }
        if copy.period == nil, let period { copy.period = period }
        return copy
    }
}

extension BillingError: RaschetFailure {
    /// A rule could not be applied to the data: bad data (65).
    public var exitStatus: ExitStatus { .badData }
    public var userMessage: String { description }
}
