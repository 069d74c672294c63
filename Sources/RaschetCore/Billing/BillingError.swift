/// Why an account's charges for a period cannot be computed.
///
/// The close parks an account with this reason and goes on with the others (SPEC section 4); the
/// message names the account, the service and the period so that staff can fix the data. Reading
/// rejections carry the exact cabinet text of SPEC section 4 (`Message.readingLowerThanPrevious`).
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

    public var code: Code
    /// The reason, from the message catalog.
    public var message: Message
    public var accountID: String?
    public var serviceID: String?
    public var period: Period?
    public var meterID: String?

    public init(code: Code, message: Message, accountID: String? = nil, serviceID: String? = nil,
                period: Period? = nil, meterID: String? = nil) {
        self.code = code; self.message = message; self.accountID = accountID; self.serviceID = serviceID
        self.period = period; self.meterID = meterID
    }

    /// The reason with the account, service, meter and period it is about.
    public var text: Message {
        .billingContext(account: accountID, service: serviceID, meter: meterID, period: period, message)
    }

    /// `account 1001, service HVS, period 2026-10: <reason>` (English; the front end shows `text`).
    public var description: String { text.english }

    /// An amount too large to compute: `operation` shows the figures (e.g. "1000000000 × 1000000000").
    public static func overflow(_ operation: String) -> BillingError {
        BillingError(code: .overflow, message: .amountOutOfRange(operation))
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
    public var userText: Message { text }
}
