import RaschetCore

/// The codec of every entity, derived from the column table (`EntityTables`). Money is stored
/// as kopecks, quantities as millionths (see `Schema`).
enum TableCodecs {
    static let suppliers = TableCodec(EntityTables.suppliers)
    static let services = TableCodec(EntityTables.services)
    static let tariffs = TableCodec(EntityTables.tariffs)
    static let accounts = TableCodec(EntityTables.accounts)
    static let accountServices = TableCodec(EntityTables.accountServices)
    static let meters = TableCodec(EntityTables.meters)
    static let readings = TableCodec(EntityTables.readings)
    static let volumes = TableCodec(EntityTables.volumes)
    static let payments = TableCodec(EntityTables.payments)
    static let absences = TableCodec(EntityTables.absences)
    static let keyRates = TableCodec(EntityTables.keyRates)
}
