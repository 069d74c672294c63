/// Every table and threshold the billing rules read: the legal defaults of RULES.md as data.
///
/// The law changed twice in 2025–2026 alone, so no date, rate or threshold lives in code: the close
/// builds this value from `raschet.toml` (or takes `legalDefaults`) and passes it to every rule.
public struct BillingRules: Sendable, Hashable {
    /// VAT in percent by delivery period.
    public var vatRates: VATRateTable
    /// Day of the following month by which a period's bill is due.
    public var dueDays: DueDayTable
    /// Which readings count for which period.
    public var readingWindow: ReadingWindow
    /// Which day of the period picks the tariff in force.
    public var tariffDay: TariffSelectionDay
    /// Months of history an average consumption covers (at least), RULES: 6.
    public var averageMonths: Int
    /// The fewest months of history an average may cover (a newer meter), RULES: 3.
    public var minimumAverageMonths: Int
    /// Periods in a row that may be charged by the average before falling back to the norm, RULES: 3.
    public var maximumEstimatedPeriods: Int
    /// An absence counts only if its full days exceed this, RULES: 5.
    public var absenceMinimumExcludedDays: Int
    /// Penalty day tiers by consumer category.
    public var penaltyTiers: [ConsumerCategory: PenaltyTierTable]
    /// Rate caps: within `dates`, the rate is min(`cap`, key rate).
    public var penaltyRateCaps: [PenaltyRateCap]
    /// Days on which no penalty accrues (the days of delay keep counting).
    public var penaltyMoratoria: [ClosedRange<CivilDate>]
    /// How many months back the close recomputes earlier periods (limitation period, ГК ст. 196: 3 years).
    public var recalcLookbackMonths: Int
    /// The service code penalty lines carry in exports.
    public var penaltyServiceID: String
    /// The review list flags a metered consumption above this multiple of the average (SPEC: 3).
    public var reviewConsumptionFactor: ExactDecimal
    /// `raschet reading submit` refuses (unless forced) a reading whose consumption per day since the
    /// previous reading exceeds this multiple of the register's average per day (default 10).
    public var readingJumpFactor: ExactDecimal

    public init(vatRates: VATRateTable, dueDays: DueDayTable, readingWindow: ReadingWindow,
                tariffDay: TariffSelectionDay, averageMonths: Int, minimumAverageMonths: Int,
                maximumEstimatedPeriods: Int, absenceMinimumExcludedDays: Int,
                penaltyTiers: [ConsumerCategory: PenaltyTierTable], penaltyRateCaps: [PenaltyRateCap],
                penaltyMoratoria: [ClosedRange<CivilDate>], recalcLookbackMonths: Int, penaltyServiceID: String,
                reviewConsumptionFactor: ExactDecimal = ExactDecimal(3), readingJumpFactor: ExactDecimal = ExactDecimal(10)) {
        precondition(averageMonths >= minimumAverageMonths && minimumAverageMonths >= 1, "bad average months")
        self.vatRates = vatRates; self.dueDays = dueDays; self.readingWindow = readingWindow
        self.tariffDay = tariffDay; self.averageMonths = averageMonths
        self.minimumAverageMonths = minimumAverageMonths; self.maximumEstimatedPeriods = maximumEstimatedPeriods
        self.absenceMinimumExcludedDays = absenceMinimumExcludedDays; self.penaltyTiers = penaltyTiers
        self.penaltyRateCaps = penaltyRateCaps; self.penaltyMoratoria = penaltyMoratoria
        self.recalcLookbackMonths = recalcLookbackMonths; self.penaltyServiceID = penaltyServiceID
        self.reviewConsumptionFactor = reviewConsumptionFactor
        self.readingJumpFactor = readingJumpFactor
    }

    /// The rules of RULES.md as of 2026-11:
    /// - VAT 20 % for delivery periods up to 2025-12, 22 % from 2026-01 (425-ФЗ);
    /// - due the 10th of the following month up to 2026-01, the 15th from 2026-03 (177-ФЗ); 2026-02 is
    ///   disputed and set to the 15th, the reading that never charges a penalty the law might not allow;
    /// - readings window 15th–25th; tariff in force on the last day of the period;
    /// - average of at least 6 months (3 for a newer meter) for at most 3 periods (Правила 354 п. 59);
    /// - absences of more than 5 full days (п. 86);
    /// - penalties: households 0 / 1/300 from day 31 / 1/130 from day 91; business 1/130 from day 1;
    ///   rate min(9.5 %, key rate) from 2022-02-28 to 2026-12-31 (ПП 474); moratoria 2020-04-06 ..
    ///   2020-12-31 (ПП 424) and 2022-04-01 .. 2022-09-30 (ПП 497).
    public static let legalDefaults = BillingRules(
        vatRates: VATRateTable([
            .init(from: Period(ordinal: 1900 * 12), value: ExactDecimal(20)),
            .init(from: Period(ordinal: 2026 * 12), value: ExactDecimal(22)),
        ]),
        dueDays: DueDayTable([
            .init(from: Period(ordinal: 1900 * 12), value: 10),
            .init(from: Period(ordinal: 2026 * 12 + 1), value: 15),
            .init(from: Period(ordinal: 2026 * 12 + 2), value: 15),
        ]),
        readingWindow: ReadingWindow(firstDay: 15, lastDay: 25),
        tariffDay: .lastDayOfPeriod,
        averageMonths: 6, minimumAverageMonths: 3, maximumEstimatedPeriods: 3,
        absenceMinimumExcludedDays: 5,
        penaltyTiers: [.household: .household, .business: .businessFromDayOne],
        penaltyRateCaps: [
            PenaltyRateCap(dates: CivilDate(uncheckedYear: 2022, month: 2, day: 28)...CivilDate(uncheckedYear: 2026, month: 12, day: 31),
                           cap: ExactDecimal(micros: 9_500_000)),
        ],
        penaltyMoratoria: [
            CivilDate(uncheckedYear: 2020, month: 4, day: 6)...CivilDate(uncheckedYear: 2020, month: 12, day: 31),
            CivilDate(uncheckedYear: 2022, month: 4, day: 1)...CivilDate(uncheckedYear: 2022, month: 9, day: 30),
        ],
        recalcLookbackMonths: 36,
        penaltyServiceID: "PENI"
    )

    /// The VAT rate in percent for a service delivered in `period` (0 for exempt services).
    public func vatRate(for period: Period, mode: VATMode) throws(BillingError) -> ExactDecimal {
        if mode == .exempt { return .zero }
        guard let rate = vatRates.value(for: period) else {
            throw BillingError(code: .noVATRate, message: .noVATRate(period), period: period)
        }
        return rate
    }

    /// The due date of `period`'s bill: the due day of the following month, clipped to its length.
    public func dueDate(for period: Period) throws(BillingError) -> CivilDate {
        guard let day = dueDays.value(for: period) else {
            throw BillingError(code: .noDueDay, message: .noDueDay(period), period: period)
        }
        let month = period.next
        return CivilDate(uncheckedYear: month.year, month: month.month, day: min(max(day, 1), month.daysInMonth))
    }

    /// The penalty tiers for a consumer category (households' when the category has no row).
    public func tiers(for category: ConsumerCategory) -> PenaltyTierTable {
        penaltyTiers[category] ?? penaltyTiers[.household] ?? .household
    }
}
