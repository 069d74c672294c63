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
        var account = EntityTables.accounts.blank
        if let cell = cell(0), let value = text(cell, "account_id") { account.id = value }
        if let cell = cell(1) { account.kind = choice(cell, HotColumns.accountKind) ?? account.kind }
        if let cell = cell(2), let value = text(cell, "name") { account.name = value }
        if let cell = cell(3), let value = text(cell, "address") { account.address = value }
        if let cell = cell(4), let value = text(cell, "inn") {
            account.inn = value
            check(HotColumns.accountINN, text: value)
        }
        if let cell = cell(5), let value = text(cell, "contract_no") { account.contractNumber = value }
        if let cell = cell(6), let value = date(cell, "contract_date") { account.contractDate = value }
        if let cell = cell(7), let value = text(cell, "postal_address") { account.postalAddress = value }
        if let cell = cell(8), let value = decimal(cell, HotColumns.accountArea) {
            account.area = value
            check(HotColumns.accountArea, decimal: value)
        }
        if let cell = cell(9), let value = integer(cell, HotColumns.accountResidents) {
            account.residents = value
            check(HotColumns.accountResidents, integer: value)
        }
        if let cell = cell(10), let value = text(cell, "email") {
            account.email = value
            check(HotColumns.accountEmail, text: value)
        }
        if let cell = cell(11), let value = bool(cell, "email_confirmed") { account.emailConfirmed = value }
        if let cell = cell(12), let value = bool(cell, "e_receipt") { account.eReceipt = value }
        if let cell = cell(13), let value = text(cell, "delivery_route") { account.deliveryRoute = value }
        if let cell = cell(14), let value = date(cell, "opened") { account.opened = value }
        if let cell = cell(15), let value = date(cell, "closed") {
            account.closed = value
            check(HotColumns.accountClosed, date: value, in: EntityTables.accounts)
        }
        if let cell = cell(16), let value = period(cell, "changed_from") { account.changedFrom = value }
        if account.eReceipt && account.email == nil {
            fail("e_receipt", .eReceiptNeedsEmail)
        }
        return account
    }

    /// Account services, like readings, are written field by field (see `reading()`).
    mutating func accountService() -> AccountService {
        var service = EntityTables.accountServices.blank
        if let cell = cell(0), let value = text(cell, "account_id") { service.accountID = value }
        if let cell = cell(1), let value = text(cell, "service_id") { service.serviceID = value }
        if let cell = cell(2), let value = date(cell, "valid_from") { service.validFrom = value }
        if let cell = cell(3), let value = date(cell, "valid_to") {
            service.validTo = value
            check(HotColumns.accountServiceValidTo, date: value, in: EntityTables.accountServices)
        }
        if let cell = cell(4), let value = decimal(cell, HotColumns.accountServiceQuantity) {
            service.quantity = value
            check(HotColumns.accountServiceQuantity, decimal: value)
        }
        if let cell = cell(5), let value = text(cell, "installation") { service.installation = value }
        return service
    }

    /// Meters, like readings, are written field by field (see `reading()`).
    mutating func meter() -> Meter {
        var meter = EntityTables.meters.blank
        if let cell = cell(0), let value = text(cell, "meter_id") { meter.id = value }
        if let cell = cell(1), let value = text(cell, "account_id") { meter.accountID = value }
        if let cell = cell(2), let value = text(cell, "service_id") { meter.serviceID = value }
        if let cell = cell(3), let value = integer(cell, HotColumns.meterZones) {
            meter.zones = value
            check(HotColumns.meterZones, integer: value)
        }
        if let cell = cell(4), let value = integer(cell, HotColumns.meterDigits) {
            meter.digits = value
            check(HotColumns.meterDigits, integer: value)
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
        var reading = EntityTables.readings.blank
        if let cell = cell(0), let value = text(cell, "meter_id") { reading.meterID = value }
        if let cell = cell(1), let value = date(cell, "date") { reading.date = value }
        if let cell = cell(2), let value = decimal(cell, HotColumns.readingValue) {
            reading.value = value
            check(HotColumns.readingValue, decimal: value)
        }
        if let cell = cell(3) { reading.zone = choice(cell, HotColumns.readingZone) ?? reading.zone }
        if let cell = cell(4) { reading.source = choice(cell, HotColumns.readingSource) }
        if let cell = cell(5), let value = bool(cell, "rollover") { reading.rollover = value }
        return reading
    }
    mutating func volume() -> Volume { decode(EntityTables.volumes) }
    /// Payments, like readings, are written field by field (see `reading()`).
    mutating func payment() -> Payment {
        var payment = EntityTables.payments.blank
        if let cell = cell(0), let value = text(cell, "payment_id") { payment.id = value }
        if let cell = cell(1), let value = text(cell, "account_id") { payment.accountID = value }
        if let cell = cell(2), let value = date(cell, "date") { payment.date = value }
        if let cell = cell(3), let value = money(cell, HotColumns.paymentAmount) {
            payment.amount = value
            check(HotColumns.paymentAmount, money: value)
        }
        if let cell = cell(4), let value = text(cell, "source") { payment.source = value }
        if let cell = cell(5), let value = period(cell, "period") { payment.period = value }
        return payment
    }
    mutating func absence() -> Absence { decode(EntityTables.absences) }
    mutating func keyRate() -> KeyRate { decode(EntityTables.keyRates) }
}

/// The columns the hot decoders above check, read out of the column table once: a column taken
/// from `EntityTable.fields` in a decoder was copied, with its arrays and strings, for every row.
private enum HotColumns {
    static let accountKind = EntityTables.accounts.fields[1].column
    static let accountINN = EntityTables.accounts.fields[4].column
    static let accountArea = EntityTables.accounts.fields[8].column
    static let accountResidents = EntityTables.accounts.fields[9].column
    static let accountEmail = EntityTables.accounts.fields[10].column
    static let accountClosed = EntityTables.accounts.fields[15].column
    static let accountServiceValidTo = EntityTables.accountServices.fields[3].column
    static let accountServiceQuantity = EntityTables.accountServices.fields[4].column
    static let meterZones = EntityTables.meters.fields[3].column
    static let meterDigits = EntityTables.meters.fields[4].column
    static let readingValue = EntityTables.readings.fields[2].column
    static let readingZone = EntityTables.readings.fields[3].column
    static let readingSource = EntityTables.readings.fields[4].column
    static let paymentAmount = EntityTables.payments.fields[3].column
}
