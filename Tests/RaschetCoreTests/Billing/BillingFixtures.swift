import RaschetCore

// Terse constructors for hand-written tables; a malformed literal is a bug in the test itself.
func day(_ text: String) -> CivilDate { CivilDate(parsing: text)! }
func month(_ text: String) -> Period { Period(parsing: text)! }
func dec(_ text: String) -> ExactDecimal { ExactDecimal(parsing: text)! }
func rub(_ text: String) -> Money { Money(parsing: text)! }

/// A household flat with cold water by meter (HVS), electricity by a two-zone meter (EL), cold
/// water by norm (HVSN, absence recalculation) and maintenance by area (SOD).
enum Fixture {
    static let rules = BillingRules.legalDefaults

    static let services = [
        Service(id: "HVS", name: "Холодное водоснабжение", unit: "м3", supplierID: "VODA", method: .meter),
        Service(id: "EL", name: "Электроснабжение", unit: "кВт·ч", supplierID: "ENERGO", method: .meter),
        Service(id: "HVSN", name: "Холодное водоснабжение (норматив)", unit: "м3", supplierID: "VODA", method: .norm,
                absenceRecalc: true),
        Service(id: "SOD", name: "Содержание жилого помещения", unit: "м2", supplierID: "UK", method: .area,
                vatMode: .onTop),
        Service(id: "HEAT", name: "Отопление", unit: "Гкал", supplierID: "TEPLO", method: .quantity, vatMode: .onTop),
        Service(id: "FIX", name: "Домофон", unit: "шт", supplierID: "UK", method: .fixed, vatMode: .exempt),
    ]

    static let tariffs = [
        Tariff(serviceID: "HVS", validFrom: day("2025-01-01"), price: dec("52.34"), norm: dec("4.9"), coefficient: dec("1.5")),
        Tariff(serviceID: "HVSN", validFrom: day("2025-01-01"), price: dec("52.34"), norm: dec("4.9")),
        Tariff(serviceID: "EL", validFrom: day("2025-01-01"), price: dec("6.50"), zone: .day),
        Tariff(serviceID: "EL", validFrom: day("2025-01-01"), price: dec("3.20"), zone: .night),
        Tariff(serviceID: "SOD", validFrom: day("2025-01-01"), price: dec("30.00")),
        Tariff(serviceID: "SOD", validFrom: day("2026-01-01"), price: dec("32.00")),
        Tariff(serviceID: "SOD", validFrom: day("2025-01-01"), price: dec("30.00"), category: .business),
        Tariff(serviceID: "SOD", validFrom: day("2026-01-01"), price: dec("32.00"), category: .business),
        Tariff(serviceID: "HEAT", validFrom: day("2025-01-01"), price: dec("1353.53"), category: .business),
        Tariff(serviceID: "FIX", validFrom: day("2025-01-01"), price: dec("45.00")),
    ]

    static func account(_ id: String = "1001", kind: AccountKind = .person, area: String = "50.5",
                        residents: Int = 3) -> Account {
        Account(id: id, kind: kind, name: "Иванов И. И.", address: "ул. Ленина, 1, кв. 1", area: dec(area),
                residents: residents)
    }

    static func connect(_ services: [String], account: String = "1001") -> [AccountService] {
        services.map { AccountService(accountID: account, serviceID: $0, validFrom: day("2025-01-01")) }
    }

    static func input(_ services: [String], account: Account = account(), meters: [Meter] = [],
                      readings: [Reading] = [], absences: [Absence] = [], posted: [ChargeLine] = []) -> AccountBillingInput {
        AccountBillingInput(account: account, services: Self.services, accountServices: connect(services, account: account.id),
                            tariffs: tariffs, meters: meters, readings: readings, absences: absences, posted: posted)
    }

    /// Monthly readings on the 20th: (period, value).
    static func readings(_ meter: String, _ values: [(String, String)], zone: Zone = .single) -> [Reading] {
        values.map { Reading(meterID: meter, date: day($0.0 + "-20"), value: dec($0.1), zone: zone) }
    }
}

/// The lines of a billed result, or an empty list (the test then fails on its expectations).
func billedLines(_ result: AccountBillingResult) -> [ChargeLine] { result.lines ?? [] }
