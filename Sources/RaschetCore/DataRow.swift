/// One typed row of any entity.
public enum DataRow: Sendable, Hashable {
    case supplier(Supplier), service(Service), tariff(Tariff), account(Account), accountService(AccountService)
    case meter(Meter), reading(Reading), volume(Volume), payment(Payment), absence(Absence), keyRate(KeyRate)

    /// The entity the row belongs to.
    public var kind: EntityKind { withUnsafePointer(to: self) { Self.kind(of: $0) } }

    /// The entity of the row at `row`, told in place: a batch's rows are not copied out of it to be sorted
    /// by entity (switching over a copy of a `DataRow` copies all of its payload).
    public static func kind(of row: UnsafePointer<DataRow>) -> EntityKind {
        switch row.pointee {
        case .supplier: .suppliers
        case .service: .services
        case .tariff: .tariffs
        case .account: .accounts
        case .accountService: .accountServices
        case .meter: .meters
        case .reading: .readings
        case .volume: .volumes
        case .payment: .payments
        case .absence: .absences
        case .keyRate: .keyRates
        }
    }
}

/// Where checked rows go: a `DataSet` in memory, or the store's import transaction.
public protocol DataSink {
    mutating func add(_ row: consuming DataRow) throws
    /// Adds `rows` in order, as `add` one by one would (a store may take several in one statement).
    mutating func add(contentsOf rows: UnsafeBufferPointer<DataRow>) throws
}

extension DataSink {
    public mutating func add(contentsOf rows: UnsafeBufferPointer<DataRow>) throws {
        for index in rows.indices { try add(rows[index]) }
    }
}
