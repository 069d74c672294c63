import RaschetCore

/// Typed decoding of one row of each entity: the columns of the column table (`EntityTables`,
/// with their checks), then the few rules that span columns and are not a column's own.
/// Referential checks (unknown service, account, meter) happen later, in `ImportChecker`.
extension RowDecoder {
    mutating func supplier() -> Supplier { decode(EntityTables.suppliers) }
    mutating func service() -> Service { decode(EntityTables.services) }
    mutating func tariff() -> Tariff { decode(EntityTables.tariffs) }

    mutating func account() -> Account {
        let account = decode(EntityTables.accounts)
        if account.eReceipt && account.email == nil {
            fail("e_receipt", .eReceiptNeedsEmail)
        }
        return account
    }

    /// Account services, like readings, are written field by field (see `reading()`).
    mutating func accountService() -> AccountService {
        let fields = EntityTables.accountServices.fields
        var service = EntityTables.accountServices.blank
        if let cell = cell(0), let value = text(cell, "account_id") { service.accountID = value }
        if let cell = cell(1), let value = text(cell, "service_id") { service.serviceID = value }
        if let cell = cell(2), let value = date(cell, "valid_from") { service.validFrom = value }
        if let cell = cell(3), let value = date(cell, "valid_to") {
            service.validTo = value
            check(fields[3].column, date: value, in: EntityTables.accountServices)
        }
        if let cell = cell(4), let value = decimal(cell, "quantity") {
            service.quantity = value
            check(fields[4].column, decimal: value)
        }
        if let cell = cell(5), let value = text(cell, "installation") { service.installation = value }
        return service
    }
    mutating func meter() -> Meter { decode(EntityTables.meters) }
    /// Readings (with account services and payments) are most of an import's rows: written field by field here rather than through
    /// `decode`'s key paths (which cost the import about 30 % more CPU time); the column table
    /// tests check that both give the same reading and the same problems.
    mutating func reading() -> Reading {
        let fields = EntityTables.readings.fields
        var reading = EntityTables.readings.blank
        if let cell = cell(0), let value = text(cell, "meter_id") { reading.meterID = value }
        if let cell = cell(1), let value = date(cell, "date") { reading.date = value }
        if let cell = cell(2), let value = decimal(cell, "value") {
            reading.value = value
            check(fields[2].column, decimal: value)
        }
        if let cell = cell(3) { reading.zone = choice(cell, fields[3].column) ?? reading.zone }
        if let cell = cell(4) { reading.source = choice(cell, fields[4].column) }
        if let cell = cell(5), let value = bool(cell, "rollover") { reading.rollover = value }
        return reading
    }
    mutating func volume() -> Volume { decode(EntityTables.volumes) }
    /// Payments, like readings, are written field by field (see `reading()`).
    mutating func payment() -> Payment {
        let fields = EntityTables.payments.fields
        var payment = EntityTables.payments.blank
        if let cell = cell(0), let value = text(cell, "payment_id") { payment.id = value }
        if let cell = cell(1), let value = text(cell, "account_id") { payment.accountID = value }
        if let cell = cell(2), let value = date(cell, "date") { payment.date = value }
        if let cell = cell(3), let value = money(cell, "amount") {
            payment.amount = value
            check(fields[3].column, money: value)
        }
        if let cell = cell(4), let value = text(cell, "source") { payment.source = value }
        if let cell = cell(5), let value = period(cell, "period") { payment.period = value }
        return payment
    }
    mutating func absence() -> Absence { decode(EntityTables.absences) }
    mutating func keyRate() -> KeyRate { decode(EntityTables.keyRates) }
}
