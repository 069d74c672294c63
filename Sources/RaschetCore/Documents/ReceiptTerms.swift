/// What a period's receipts and their e-mails take from the billing rules: the days of the month
/// readings are taken on (which readings a receipt shows, and the line that asks for the next ones)
/// and the day to pay by. The close stores the terms it ran under, so that a receipt printed again
/// after the settings changed says what the first print said.
public struct ReceiptTerms: Sendable, Hashable {
    public var readingWindow: ReadingWindow
    public var dueDate: CivilDate

    public init(readingWindow: ReadingWindow, dueDate: CivilDate) {
        self.readingWindow = readingWindow
        self.dueDate = dueDate
    }
}

extension BillingRules {
    /// The receipt terms of `period` under these rules.
    /// - Throws: `BillingError` (`noDueDay`) when the rules have no due day for the period.
    public func receiptTerms(for period: Period) throws(BillingError) -> ReceiptTerms {
        ReceiptTerms(readingWindow: readingWindow, dueDate: try dueDate(for: period))
    }

    /// The terms a receipt of `period` prints: those its close stored, else (a close made before
    /// they were stored) these rules'.
    /// - Throws: `BillingError` (`noDueDay`) when none were stored and the rules have no due day.
    public func receiptTerms(for period: Period, storedByClose stored: ReceiptTerms?) throws(BillingError) -> ReceiptTerms {
        if let stored { return stored }
        return try receiptTerms(for: period)
    }
}
