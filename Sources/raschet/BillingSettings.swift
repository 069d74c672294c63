import RaschetCore
import TOMLKit

/// Reads the `[billing]` and `[penalties]` tables of `raschet.toml` into `BillingRules`, starting
/// from `BillingRules.legalDefaults`: a key that is absent keeps the legal default, a table that is
/// given replaces the default table whole.
///
/// Rates and factors are exact decimals: an integer (`22`) or a string (`"9.5"`); a TOML float is
/// refused, because binary floating point never touches a rate.
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
///     vat = [{ from = "1900-01", rate = 20 }, { from = "2026-01", rate = 22 }]   # by delivery period
///     due_day = [{ from = "1900-01", day = 10 }, { from = "2026-02", day = 15 }] # of the next month
///
///     [penalties]
///     household = [{ from_day = 1 }, { from_day = 31, divisor = 300 }, { from_day = 91, divisor = 130 }]
///     business = [{ from_day = 1, divisor = 130 }]
///     rate_caps = [{ from = "2022-02-28", to = "2026-12-31", cap = "9.5" }]
///     moratoria = [{ from = "2020-04-06", to = "2020-12-31" }, { from = "2022-04-01", to = "2022-09-30" }]
struct BillingSettings {
    let file: String

    func rules(billing: TOMLTable?, penalties: TOMLTable?) throws(SettingsError) -> BillingRules {
        var rules = BillingRules.legalDefaults
        if let billing {
            try checkKeys(billing, "billing", ["reading_window_from", "reading_window_to", "average_months",
                                                "minimum_average_months", "maximum_estimated_periods",
                                                "absence_minimum_days", "recalc_lookback_months",
                                                "review_consumption_factor", "vat", "due_day"])
            let from = try int(billing, "reading_window_from", "billing", 1...31) ?? rules.readingWindow.firstDay
            let to = try int(billing, "reading_window_to", "billing", 1...31) ?? rules.readingWindow.lastDay
            guard from <= to else {
                throw SettingsError(file: file, key: "billing.reading_window_from", message:
                    "the reading window \(from)..\(to) must run forward: first day <= last day")
            }
            rules.readingWindow = ReadingWindow(firstDay: from, lastDay: to)
            rules.averageMonths = try int(billing, "average_months", "billing", 1...60) ?? rules.averageMonths
            rules.minimumAverageMonths = try int(billing, "minimum_average_months", "billing", 1...60)
                ?? rules.minimumAverageMonths
            guard rules.minimumAverageMonths <= rules.averageMonths else {
                throw SettingsError(file: file, key: "billing.minimum_average_months", message:
                    "must not exceed average_months (\(rules.averageMonths))")
            }
            rules.maximumEstimatedPeriods = try int(billing, "maximum_estimated_periods", "billing", 0...24)
                ?? rules.maximumEstimatedPeriods
            rules.absenceMinimumExcludedDays = try int(billing, "absence_minimum_days", "billing", 0...31)
                ?? rules.absenceMinimumExcludedDays
            rules.recalcLookbackMonths = try int(billing, "recalc_lookback_months", "billing", 0...120)
                ?? rules.recalcLookbackMonths
            if billing.contains(key: "review_consumption_factor") {
                rules.reviewConsumptionFactor = try decimal(billing["review_consumption_factor"], "billing.review_consumption_factor")
            }
            if let rows = try rows(billing, "vat", "billing") {
                rules.vatRates = try periodTable(rows, "billing.vat") { row, key throws(SettingsError) in
                    try decimal(row["rate"], key + ".rate")
                }
            }
            if let rows = try rows(billing, "due_day", "billing") {
                rules.dueDays = try periodTable(rows, "billing.due_day") { row, key throws(SettingsError) in
                    guard let day = row["day"]?.int, (1...31).contains(day) else {
                        throw SettingsError(file: file, key: key + ".day", message: "must be a day of the month, 1 to 31")
                    }
                    return day
                }
            }
        }
        if let penalties {
            try checkKeys(penalties, "penalties", ["household", "business", "rate_caps", "moratoria"])
            for category in ConsumerCategory.allCases {
                guard let rows = try rows(penalties, category.rawValue, "penalties") else { continue }
                rules.penaltyTiers[category] = try tierTable(rows, "penalties." + category.rawValue)
            }
            if let rows = try rows(penalties, "rate_caps", "penalties") {
                rules.penaltyRateCaps = try rows.enumerated().map { index, row throws(SettingsError) in
                    let key = "penalties.rate_caps[\(index + 1)]"
                    return PenaltyRateCap(dates: try dateRange(row, key), cap: try decimal(row["cap"], key + ".cap"))
                }
            }
            if let rows = try rows(penalties, "moratoria", "penalties") {
                rules.penaltyMoratoria = try rows.enumerated().map { index, row throws(SettingsError) in
                    try dateRange(row, "penalties.moratoria[\(index + 1)]")
                }
            }
        }
        return rules
    }

    private func checkKeys(_ table: TOMLTable, _ name: String, _ known: [String]) throws(SettingsError) {
        for key in table.keys.sorted() where !known.contains(key) {
            throw SettingsError(file: file, key: name + "." + key, message:
                "unknown key; expected one of: \(known.joined(separator: ", ")) (a typo must not silently keep a default)")
        }
    }

    private func int(_ table: TOMLTable, _ key: String, _ prefix: String, _ range: ClosedRange<Int>) throws(SettingsError) -> Int? {
        guard let value = table[key] else { return nil }
        guard let number = value.int, range.contains(number) else {
            throw SettingsError(file: file, key: prefix + "." + key, message:
                "must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    /// An exact decimal from an integer (`22`) or a string (`"9.5"`).
    private func decimal(_ value: (any TOMLValueConvertible)?, _ key: String) throws(SettingsError) -> ExactDecimal {
        if let number = value?.int { return ExactDecimal(number) }
        if let text = value?.string, let number = ExactDecimal(parsing: text), number >= .zero { return number }
        throw SettingsError(file: file, key: key, message:
            "must be a non-negative whole number or a decimal in quotes, for example \"9.5\" (no floats: rates are exact)")
    }

    /// An array of inline tables, or nil when the key is absent.
    private func rows(_ table: TOMLTable, _ key: String, _ prefix: String) throws(SettingsError) -> [TOMLTable]? {
        guard let value = table[key] else { return nil }
        guard let array = value.array else {
            throw SettingsError(file: file, key: prefix + "." + key, message: "must be an array of tables, for example [{ ... }, { ... }]")
        }
        var result: [TOMLTable] = []
        for (index, element) in array.enumerated() {
            guard let row = element.table else {
                throw SettingsError(file: file, key: "\(prefix).\(key)[\(index + 1)]", message: "must be a table { ... }")
            }
            result.append(row)
        }
        guard !result.isEmpty else {
            throw SettingsError(file: file, key: prefix + "." + key, message: "must have at least one row (leave the key out for the legal default)")
        }
        return result
    }

    private func periodTable<Value>(_ rows: [TOMLTable], _ name: String,
                                    _ value: (TOMLTable, String) throws(SettingsError) -> Value) throws(SettingsError) -> PeriodTable<Value> {
        var entries: [PeriodTable<Value>.Entry] = []
        for (index, row) in rows.enumerated() {
            let key = "\(name)[\(index + 1)]"
            guard let text = row["from"]?.string, let from = Period(parsing: text) else {
                throw SettingsError(file: file, key: key + ".from", message: "must be a period in quotes, \"YYYY-MM\"")
            }
            guard !entries.contains(where: { $0.from == from }) else {
                throw SettingsError(file: file, key: key + ".from", message: "\(from.code) is given twice; keep one row per period")
            }
            entries.append(.init(from: from, value: try value(row, key)))
        }
        return PeriodTable(entries)
    }

    private func tierTable(_ rows: [TOMLTable], _ name: String) throws(SettingsError) -> PenaltyTierTable {
        var tiers: [PenaltyTierTable.Tier] = []
        for (index, row) in rows.enumerated() {
            let key = "\(name)[\(index + 1)]"
            guard let fromDay = row["from_day"]?.int, fromDay >= 1 else {
                throw SettingsError(file: file, key: key + ".from_day", message: "must be a day of delay, 1 or more")
            }
            var divisor: Int?
            if let value = row["divisor"] {
                guard let number = value.int, number > 0 else {
                    throw SettingsError(file: file, key: key + ".divisor", message: "must be a whole number above 0 (leave it out for no penalty)")
                }
                divisor = number
            }
            tiers.append(.init(fromDay: fromDay, divisor: divisor))
        }
        return PenaltyTierTable(tiers)
    }

    private func dateRange(_ row: TOMLTable, _ key: String) throws(SettingsError) -> ClosedRange<CivilDate> {
        guard let fromText = row["from"]?.string, let from = CivilDate(parsing: fromText) else {
            throw SettingsError(file: file, key: key + ".from", message: "must be a date in quotes, \"YYYY-MM-DD\"")
        }
        guard let toText = row["to"]?.string, let to = CivilDate(parsing: toText), from <= to else {
            throw SettingsError(file: file, key: key + ".to", message: "must be a date in quotes, \"YYYY-MM-DD\", not before from")
        }
        return from...to
    }
}
