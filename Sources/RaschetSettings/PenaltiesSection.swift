import RaschetCore
import TOMLKit

/// `[penalties]`: the tiers of delay by consumer category, the key-rate caps and the moratoria, into
/// `Settings.billingRules` (a table that is given replaces the legal default table whole).
///
///     [penalties]
///     household = [{ from_day = 1 }, { from_day = 31, divisor = 300 }, { from_day = 91, divisor = 130 }]
///     business = [{ from_day = 1, divisor = 130 }]
///     rate_caps = [{ from = "2022-02-28", to = "2026-12-31", cap = "9.5" }]
///     moratoria = [{ from = "2020-04-06", to = "2020-12-31" }, { from = "2022-04-01", to = "2022-09-30" }]
enum PenaltiesSection: SettingsSection {
    static let name = "penalties"
    static let keys = ["household", "business", "rate_caps", "moratoria"]

    static func read(_ table: SettingsTable, into settings: inout Settings) throws(SettingsError) {
        try table.checkKeys(keys)
        for category in ConsumerCategory.allCases {
            guard let rows = try table.rows(category.rawValue, keys: ["from_day", "divisor"]) else { continue }
            settings.billingRules.penaltyTiers[category] = try tiers(rows, key: category.rawValue, of: table)
        }
        if let rows = try table.rows("rate_caps", keys: ["from", "to", "cap"]) {
            settings.billingRules.penaltyRateCaps = try rows.map { row throws(SettingsError) in
                PenaltyRateCap(dates: try row.dateRange(), cap: try row.requiredDecimal("cap", .zero...ExactDecimal(100)))
            }
        }
        if let rows = try table.rows("moratoria", keys: ["from", "to"]) {
            settings.billingRules.penaltyMoratoria = try rows.map { row throws(SettingsError) in try row.dateRange() }
        }
    }

    /// The tiers `{ from_day = N, divisor = D }` of `table.key`; a tier without a divisor accrues nothing.
    private static func tiers(_ rows: [SettingsTable], key: String, of table: SettingsTable) throws(SettingsError) -> PenaltyTierTable {
        var tiers: [PenaltyTierTable.Tier] = []
        for row in rows {
            guard let fromDay = row.table["from_day"]?.int, (1...100_000).contains(fromDay) else {
                throw row.error("from_day", .mustBeDelayDay)
            }
            guard !tiers.contains(where: { $0.fromDay == fromDay }) else {
                throw row.error("from_day", .delayDayTwice(fromDay))
            }
            var divisor: Int?
            if let value = row.table["divisor"] {
                guard let number = value.int, (1...1_000).contains(number) else {
                    throw row.error("divisor", .mustBeDivisor)
                }
                divisor = number
            }
            tiers.append(.init(fromDay: fromDay, divisor: divisor))
        }
        guard let tierTable = PenaltyTierTable(tiers) else {
            throw table.error(key, .divisorsWithoutCommonDenominator(PenaltyTierTable.maximumCommonDenominator))
        }
        return tierTable
    }
}
