/// One service of one account in one reference period: builds its lines. Internal to `AccountBilling`.
/// Holds what it reads of the input, not the whole input: a context is made per service and period,
/// and each copy of the input (or of the account) retains and releases every one of its lists and texts.
struct ServiceContext {
    let accountID: String
    let category: ConsumerCategory
    /// The account's residents in `refPeriod`, if known (`residents()` requires them).
    let accountResidents: Int?
    let tariffs: [Tariff]
    let meters: [Meter]
    let absences: [Absence]
    let service: Service
    let connection: AccountService
    let refPeriod: Period
    let period: Period
    let rules: BillingRules
    var vatRate: ExactDecimal = .zero
    var installation: String?

    /// `account` is `input.account(in: refPeriod)`.
    init(input: AccountBillingInput, account: Account, service: Service, connection: AccountService, refPeriod: Period,
         period: Period, rules: BillingRules) {
        self.accountID = account.id; self.category = account.kind.category
        self.accountResidents = account.residents
        self.tariffs = input.tariffs; self.meters = input.meters; self.absences = input.absences
        self.service = service; self.connection = connection; self.refPeriod = refPeriod
        self.period = period; self.rules = rules; self.installation = connection.installation
    }

    func error(_ code: BillingError.Code, _ message: Message) -> BillingError {
        BillingError(code: code, message: message, accountID: accountID, serviceID: service.id, period: refPeriod)
    }

    func tariff(_ zone: Zone) throws(BillingError) -> Tariff {
        try TariffSelection.tariff(in: tariffs, serviceID: service.id, zone: zone, category: category, period: refPeriod,
                                   accountID: accountID, rules: rules)
    }

    func line(_ zone: Zone, _ component: ChargeComponent, _ basis: ChargeBasis, _ quantity: ExactDecimal,
              _ price: ExactDecimal) throws(BillingError) -> ChargeLine {
        let amounts: VATAmounts
        do throws(BillingError) {
            amounts = try VATCalculation.line(quantity: quantity, price: price, mode: service.vatMode, rate: vatRate)
        } catch {
            throw self.error(error.code, error.message)
        }
        return ChargeLine(accountID: accountID, serviceID: service.id, supplierID: service.supplierID,
                          period: period, kind: .charge, refPeriod: refPeriod, zone: zone, component: component,
                          basis: basis, quantity: quantity, unit: service.unit, price: price, vatMode: service.vatMode,
                          vatRate: vatRate, amounts: amounts, installation: installation)
    }

    func residents() throws(BillingError) -> Int {
        guard let residents = accountResidents else { throw error(.noResidents, .noResidents) }
        return residents
    }

    /// Norm method: base = norm × residents; the coefficient's extra = base × (coefficient − 1) on its
    /// own line; the absence reduction on its own line (see `AbsenceReduction`).
    func normLines() throws(BillingError) -> [ChargeLine] {
        let tariff = try tariff(.single)
        guard let norm = tariff.norm else { throw error(.noNorm, .noNorm) }
        let residents = try residents()
        let base = try norm.multiplied(by: ExactDecimal(residents))
        var lines = [try line(.single, .base, .norm, base, tariff.price)]
        if tariff.coefficient != .one {
            lines.append(try line(.single, .coefficientExtra, .norm, try base.multiplied(by: tariff.coefficient - .one),
                                  tariff.price))
        }
        if service.absenceRecalc {
            let personDays = AbsenceReduction.personDays(absences, accountID: accountID,
                                                         residents: residents, in: refPeriod, rules: rules)
            if personDays > 0 {
                let volume = AbsenceReduction.volume(norm: norm, personDays: personDays, in: refPeriod)
                lines.append(try line(.single, .absence, .norm, -volume, tariff.price))
            }
        }
        return lines
    }

    /// Meter method: per zone, the sum over the account's meters of this service in service during
    /// the period (installed by its last day, not removed before its first day); with no such meter,
    /// the norm lines of a service without a meter (coefficient included). If any register has neither readings nor a usable average, the whole service falls
    /// back to the norm **without** the coefficient (Правила 354 п. 59), at the single-zone tariff.
    func meterLines(histories: [RegisterHistory]) throws(BillingError) -> [ChargeLine] {
        let meters = meters.filter {
            $0.accountID == accountID && $0.serviceID == service.id
                && ($0.installed.map { $0 <= refPeriod.lastDay } ?? true)
                && ($0.removed.map { $0 >= refPeriod.firstDay } ?? true)
        }
        // No meter in service this period: charged as without a meter, norm × residents × coefficient (п. 42).
        guard !meters.isEmpty else { return try normLines() }
        var volumes: [Zone: (quantity: ExactDecimal, estimated: Bool)] = [:]
        for meter in meters {
            for zone in Meter.zoneSet(forCount: meter.zones) {
                guard let history = histories.first(where: { $0.meterID == meter.id && $0.zone == zone }) else { continue }
                let sum = volumes[zone] ?? (.zero, false)
                switch history.volume(for: refPeriod, rules: rules) {
                case .measured(let quantity): volumes[zone] = (sum.quantity + quantity, sum.estimated)
                case .average(let quantity): volumes[zone] = (sum.quantity + quantity, true)
                case .norm: return try normFallbackLines()
                }
            }
        }
        var lines: [ChargeLine] = []
        for zone in volumes.keys.sorted() {
            let volume = volumes[zone]!
            lines.append(try line(zone, .base, volume.estimated ? .average : .reading, volume.quantity, try tariff(zone).price))
        }
        return lines
    }

    private func normFallbackLines() throws(BillingError) -> [ChargeLine] {
        let tariff = try tariff(.single)
        guard let norm = tariff.norm else { throw error(.noNorm, .noReadingsNoNorm) }
        return [try line(.single, .base, .norm, try norm.multiplied(by: ExactDecimal(try residents())), tariff.price)]
    }
}
