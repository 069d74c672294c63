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
            fail("e_receipt", "e-receipts need an e-mail address; fill in email or set e_receipt to 0")
        }
        return account
    }

    mutating func accountService() -> AccountService { decode(EntityTables.accountServices) }
    mutating func meter() -> Meter { decode(EntityTables.meters) }
    mutating func reading() -> Reading { decode(EntityTables.readings) }
    mutating func volume() -> Volume { decode(EntityTables.volumes) }
    mutating func payment() -> Payment { decode(EntityTables.payments) }
    mutating func absence() -> Absence { decode(EntityTables.absences) }
    mutating func keyRate() -> KeyRate { decode(EntityTables.keyRates) }
}
