import RaschetCore

/// Typed decoding of one row of each entity: the columns of the column table (`EntityTables`,
/// with their checks), then the few rules that span columns and are not a column's own.
/// Referential checks (unknown service, account, meter) happen later, in `ImportChecker`.
extension RowDecoder {
    mutating func supplier() -> Supplier { decode(EntityTables.suppliers) }
    mutating func service() -> Service { decode(EntityTables.services) }
    mutating func tariff() -> Tariff { decode(EntityTables.tariffs) }

    /// Accounts, like readings, are written field by field (see `reading()`).
    mutating func account() -> Account {
        let fields = EntityTables.accounts.fields
        var account = EntityTables.accounts.blank
        if let cell = cell(0), let value = text(cell, "account_id") { account.id = value }
        if let cell = cell(1) { account.kind = choice(cell, fields[1].column) ?? account.kind }
        if let cell = cell(2), let value = text(cell, "name") { account.name = value }
        if let cell = cell(3), let value = text(cell, "address") { account.address = value }
        if let cell = cell(4), let value = text(cell, "inn") {
            account.inn = value
            check(fields[4].column, text: value)
        }
        if let cell = cell(5), let value = text(cell, "contract_no") { account.contractNumber = value }
        if let cell = cell(6), let value = date(cell, "contract_date") { account.contractDate = value }
        if let cell = cell(7), let value = text(cell, "postal_address") { account.postalAddress = value }
        if let cell = cell(8), let value = decimal(cell, "area") {
            account.area = value
            check(fields[8].column, decimal: value)
        }
        if let cell = cell(9), let value = integer(cell, "residents") {
            account.residents = value
            check(fields[9].column, integer: value)
        }
        if let cell = cell(10), let value = text(cell, "email") {
            account.email = value
            check(fields[10].column, text: value)
        }
        if let cell = cell(11), let value = bool(cell, "email_confirmed") { account.emailConfirmed = value }
        if let cell = cell(12), let value = bool(cell, "e_receipt") { account.eReceipt = value }
        if let cell = cell(13), let value = text(cell, "delivery_route") { account.deliveryRoute = value }
        if let cell = cell(14), let value = date(cell, "opened") { account.opened = value }
        if let cell = cell(15), let value = date(cell, "closed") {
            account.closed = value
            check(fields[15].column, date: value, in: EntityTables.accounts)
        }
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

    /// Meters, like readings, are written field by field (see `reading()`).
    mutating func meter() -> Meter {
        let fields = EntityTables.meters.fields
        var meter = EntityTables.meters.blank
        if let cell = cell(0), let value = text(cell, "meter_id") { meter.id = value }
        if let cell = cell(1), let value = text(cell, "account_id") { meter.accountID = value }
        if let cell = cell(2), let value = text(cell, "service_id") { meter.serviceID = value }
        if let cell = cell(3), let value = integer(cell, "zones") {
            meter.zones = value
            check(fields[3].column, integer: value)
        }
        if let cell = cell(4), let value = integer(cell, "digits") {
            meter.digits = value
            check(fields[4].column, integer: value)
        }
        if let cell = cell(5), let value = date(cell, "installed") { meter.installed = value }
        if let cell = cell(6), let value = date(cell, "removed") { meter.removed = value }
        if let cell = cell(7), let value = date(cell, "verification_due") { meter.verificationDue = value }
        return meter
    }
    /// Readings (with accounts, account services, meters and payments) are most of an import's
    /// rows: written field by field here rather than through `decode`'s key paths (which cost the
    /// import about 30 % more CPU time); the column table tests (`HotDecoderTests`) check that
    /// both give the same entity and the same problems.
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
