/// Typed rows of every entity, held in memory (tests, small imports, the store's `store(_:)`).
public struct DataSet: Sendable, Hashable {
    public var suppliers: [Supplier] = []
    public var services: [Service] = []
    public var tariffs: [Tariff] = []
    public var accounts: [Account] = []
    public var accountServices: [AccountService] = []
    public var meters: [Meter] = []
    public var readings: [Reading] = []
    public var volumes: [Volume] = []
    public var payments: [Payment] = []
    public var absences: [Absence] = []
    public var keyRates: [KeyRate] = []

    public init() {}

    /// Row counts per entity, in dependency order.
    public var counts: [(kind: EntityKind, rows: Int)] {
        [
            (.suppliers, suppliers.count), (.services, services.count), (.tariffs, tariffs.count),
            (.accounts, accounts.count), (.accountServices, accountServices.count), (.meters, meters.count),
            (.readings, readings.count), (.volumes, volumes.count), (.payments, payments.count),
            (.absences, absences.count), (.keyRates, keyRates.count),
        ]
    }

    public var isEmpty: Bool { counts.allSatisfy { $0.rows == 0 } }
}

extension DataSet: DataSink {
    /// Appends the row to its entity's array.
    public mutating func add(_ row: DataRow) {
        switch row {
        case .supplier(let v): suppliers.append(v)
        case .service(let v): services.append(v)
        case .tariff(let v): tariffs.append(v)
        case .account(let v): accounts.append(v)
        case .accountService(let v): accountServices.append(v)
        case .meter(let v): meters.append(v)
        case .reading(let v): readings.append(v)
        case .volume(let v): volumes.append(v)
        case .payment(let v): payments.append(v)
        case .absence(let v): absences.append(v)
        case .keyRate(let v): keyRates.append(v)
        }
    }

    /// Every row, entity by entity in dependency order.
    public var rows: [DataRow] {
        suppliers.map(DataRow.supplier) + services.map(DataRow.service) + tariffs.map(DataRow.tariff)
            + accounts.map(DataRow.account) + accountServices.map(DataRow.accountService) + meters.map(DataRow.meter)
            + readings.map(DataRow.reading) + volumes.map(DataRow.volume) + payments.map(DataRow.payment)
            + absences.map(DataRow.absence) + keyRates.map(DataRow.keyRate)
    }
}
