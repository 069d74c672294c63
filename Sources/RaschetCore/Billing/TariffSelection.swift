/// Picks the tariff that prices a service for a period.
///
/// Rule: the tariff row of the service, zone and consumer category **in force on the selection day**
/// of the period (`BillingRules.tariffDay`, by default the last day): `validFrom <= day` and
/// (`validTo == nil` or `validTo >= day`). A tariff changed mid-month therefore prices the whole month
/// from the last day's row; a change on the 1st (the usual case) prices the month it starts. When
/// rows overlap, the latest `validFrom` wins (a newer row supersedes an open-ended older one).
/// No row is a `BillingError.Code.noTariff`, which parks the account.
public enum TariffSelection {
    /// The row in force on `day`, or nil.
    /// - Complexity: O(n) in `tariffs`.
    public static func tariff(in tariffs: [Tariff], serviceID: String, zone: Zone, category: ConsumerCategory,
                              on day: CivilDate) -> Tariff? {
        // Looked at where they are stored (a copy of a tariff costs a reference count per text), the
        // zone and category (one comparison each) before the service's id.
        var best: Int?
        for index in tariffs.indices {
            guard tariffs[index].zone == zone, tariffs[index].category == category, tariffs[index].serviceID == serviceID,
                  tariffs[index].validFrom <= day, tariffs[index].validTo.map({ $0 >= day }) ?? true else { continue }
            if best.map({ tariffs[index].validFrom > tariffs[$0].validFrom }) ?? true { best = index }
        }
        return best.map { tariffs[$0] }
    }

    /// The row for `period` under `rules`, or a parking error naming account, service and period.
    /// - Complexity: O(n) in `tariffs`.
    public static func tariff(in tariffs: [Tariff], serviceID: String, zone: Zone, category: ConsumerCategory,
                              period: Period, accountID: String, rules: BillingRules) throws(BillingError) -> Tariff {
        let day = rules.tariffDay.day(of: period)
        guard let tariff = tariff(in: tariffs, serviceID: serviceID, zone: zone, category: category, on: day) else {
            throw BillingError(
                code: .noTariff,
                message: .noTariff(zone: zone.rawValue, category: category.rawValue, on: day),
                accountID: accountID, serviceID: serviceID, period: period)
        }
        return tariff
    }
}
