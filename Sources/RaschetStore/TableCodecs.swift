import RaschetCore

/// The codec of every entity, derived from the column table (`EntityTables`). Money is stored
/// as kopecks, quantities as millionths (see `Schema`). The entities of many rows (accounts,
/// account services, meters, readings, volumes, payments) bind field by field in stored order
/// rather than through key paths (which cost the import's writing thread about 8 % of its time).
enum TableCodecs {
    static let suppliers = TableCodec(EntityTables.suppliers)
    static let services = TableCodec(EntityTables.services)
    static let tariffs = TableCodec(EntityTables.tariffs)
    static let accounts = TableCodec(EntityTables.accounts) { v, b in
        b.add(v.id); b.add(v.kind.rawValue); b.add(v.name); b.add(v.address); b.add(v.inn); b.add(v.contractNumber)
        b.add(v.contractDate); b.add(v.postalAddress); b.add(v.area); b.add(v.residents); b.add(v.email)
        b.add(v.emailConfirmed); b.add(v.eReceipt); b.add(v.deliveryRoute); b.add(v.opened); b.add(v.closed)
        b.add(v.changedFrom?.code)
    }
    static let accountServices = TableCodec(EntityTables.accountServices) { v, b in
        b.add(v.accountID); b.add(v.serviceID); b.add(v.validFrom); b.add(v.validTo); b.add(v.quantity); b.add(v.installation)
    }
    static let meters = TableCodec(EntityTables.meters) { v, b in
        b.add(v.id); b.add(v.accountID); b.add(v.serviceID); b.add(v.zones); b.add(v.digits); b.add(v.installed)
        b.add(v.removed); b.add(v.verificationDue)
    }
    static let readings = TableCodec(EntityTables.readings, leadingKey: .init(column: ReadingQuarters.column) { v, b in
        b.add(ReadingQuarters.quarter(of: v.date))
    }) { v, b in
        b.add(v.meterID); b.add(v.date); b.add(v.zone.rawValue); b.add(v.value); b.add(v.source?.rawValue); b.add(v.rollover)
    }
    static let volumes = TableCodec(EntityTables.volumes) { v, b in
        b.add(v.accountID); b.add(v.serviceID); b.add(v.period.code); b.add(v.quantity); b.add(v.installation)
    }
    static let payments = TableCodec(EntityTables.payments) { v, b in
        b.add(v.id); b.add(v.accountID); b.add(v.date); b.add(v.amount.kopecks); b.add(v.source); b.add(v.period?.code)
    }
    static let absences = TableCodec(EntityTables.absences)
    static let keyRates = TableCodec(EntityTables.keyRates)
}
