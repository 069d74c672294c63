import RaschetCore

/// `[billing]`: the reading window, estimates, absences, lookback, review threshold and the VAT and
/// due-day tables, into `Settings.billingRules` (starting from `BillingRules.legalDefaults`: a key
/// that is absent keeps the legal default, a table that is given replaces the default table whole).
///
///     [billing]
///     reading_window_from = 15
///     reading_window_to = 25
///     average_months = 6               # average of at least this many months...
///     minimum_average_months = 3       # ...or this many for a newer meter
///     maximum_estimated_periods = 3    # then by norm
///     absence_minimum_days = 5         # an absence counts when its full days exceed this
///     recalc_lookback_months = 36
///     review_consumption_factor = 3
///     reading_jump_factor = 10         # reading submit: per-day consumption above this × the average needs --force
///     vat = [{ from = "1900-01", rate = 20 }, { from = "2026-01", rate = 22 }]   # by delivery period
///     due_day = [{ from = "1900-01", day = 10 }, { from = "2026-02", day = 15 }] # of the next month
enum BillingSection: SettingsSection {
    static let name = "billing"
    static let keys = ["reading_window_from", "reading_window_to", "average_months", "minimum_average_months",
                       "maximum_estimated_periods", "absence_minimum_days", "recalc_lookback_months",
                       "review_consumption_factor", "reading_jump_factor", "vat", "due_day"]

    static func read(_ table: SettingsTable, into settings: inout Settings) throws(SettingsError) {
        try table.checkKeys(keys)
        var rules = settings.billingRules
        let from = try table.int("reading_window_from", 1...31) ?? rules.readingWindow.firstDay
        let to = try table.int("reading_window_to", 1...31) ?? rules.readingWindow.lastDay
        guard from <= to else {
            throw table.error("reading_window_from", .readingWindowBackwards(from, to))
        }
        rules.readingWindow = ReadingWindow(firstDay: from, lastDay: to)
        rules.averageMonths = try table.int("average_months", 1...60) ?? rules.averageMonths
        rules.minimumAverageMonths = try table.int("minimum_average_months", 1...60) ?? rules.minimumAverageMonths
        guard rules.minimumAverageMonths <= rules.averageMonths else {
            throw table.error("minimum_average_months", .mustNotExceedAverageMonths(rules.averageMonths))
        }
        rules.maximumEstimatedPeriods = try table.int("maximum_estimated_periods", 0...24) ?? rules.maximumEstimatedPeriods
        rules.absenceMinimumExcludedDays = try table.int("absence_minimum_days", 0...31) ?? rules.absenceMinimumExcludedDays
        rules.recalcLookbackMonths = try table.int("recalc_lookback_months", 0...120) ?? rules.recalcLookbackMonths
        rules.reviewConsumptionFactor = try table.decimal("review_consumption_factor", ExactDecimal(1)...ExactDecimal(1_000)) ?? rules.reviewConsumptionFactor
        rules.readingJumpFactor = try table.decimal("reading_jump_factor", ExactDecimal(1)...ExactDecimal(1_000)) ?? rules.readingJumpFactor
        if let vat = try table.periodTable("vat", valueKey: "rate", { row throws(SettingsError) in try row.requiredDecimal("rate", .zero...ExactDecimal(100)) }) {
            rules.vatRates = vat
        }
        if let dueDays = try table.periodTable("due_day", valueKey: "day", { row throws(SettingsError) in
            guard let day = try? row.int("day", 1...31) else { throw row.error("day", .mustBeDayOfMonth) }
            return day
        }) {
            rules.dueDays = dueDays
        }
        settings.billingRules = rules
    }
}
