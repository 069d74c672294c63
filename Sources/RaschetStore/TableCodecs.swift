import RaschetCore

/// The codec of every entity, derived from the column table (`EntityTables`). Money is stored
/// as kopecks, quantities as millionths (see `Schema`). Readings, account services and
/// payments, most of an import's rows, bind field by field in stored order rather than through key paths.
enum TableCodecs {
    static let suppliers = TableCodec(EntityTables.suppliers)
    static let services = TableCodec(EntityTables.services)
    static let tariffs = TableCodec(EntityTables.tariffs)
    static let accounts = TableCodec(EntityTables.accounts)
    static let accountServices = TableCodec(EntityTables.accountServices) { v, b in
        b.add(v.accountID); b.add(v.serviceID); b.add(v.validFrom); b.add(v.validTo); b.add(v.quantity); b.add(v.installation)
    }
    static let meters = TableCodec(EntityTables.meters)
    static let readings = TableCodec(EntityTables.readings) { v, b in
        b.add(v.meterID); b.add(v.date); b.add(v.zone.rawValue); b.add(v.value); b.add(v.source?.rawValue); b.add(v.rollover)
    }
    static let volumes = TableCodec(EntityTables.volumes)
    static let payments = TableCodec(EntityTables.payments) { v, b in
        b.add(v.id); b.add(v.accountID); b.add(v.date); b.add(v.amount.kopecks); b.add(v.source); b.add(v.period?.code)
    }
    static let absences = TableCodec(EntityTables.absences)
    static let keyRates = TableCodec(EntityTables.keyRates)
}
