/// Every field of the entities `InputFingerprint` feeds, in declaration order, but
/// `Account.changedFrom`: an instruction to the import, whose effect (`EarlierPremises`) is fed as
/// the area and residents of each period.
extension StableHasher {
    public mutating func combine(_ account: Account) {
        combine(account.id); combine(account.kind.rawValue); combine(account.name); combine(account.address)
        combine(account.inn); combine(account.contractNumber); combine(account.contractDate)
        combine(account.postalAddress); combine(account.area); combine(account.residents); combine(account.email)
        combine(account.emailConfirmed); combine(account.eReceipt); combine(account.deliveryRoute)
        combine(account.opened); combine(account.closed)
    }

    public mutating func combine(_ row: AccountService) {
        combine(row.accountID); combine(row.serviceID); combine(row.validFrom); combine(row.validTo)
        combine(row.quantity); combine(row.installation)
    }

    public mutating func combine(_ service: Service) {
        combine(service.id); combine(service.name); combine(service.unit); combine(service.supplierID)
        combine(service.method.rawValue); combine(service.vatMode.rawValue); combine(service.absenceRecalc)
        combine(service.group)
    }

    public mutating func combine(_ tariff: Tariff) {
        combine(tariff.serviceID); combine(tariff.validFrom); combine(tariff.validTo); combine(tariff.price)
        combine(tariff.zone.rawValue); combine(tariff.category.rawValue); combine(tariff.norm)
        combine(tariff.coefficient)
    }

    public mutating func combine(_ meter: Meter) {
        combine(meter.id); combine(meter.accountID); combine(meter.serviceID); combine(meter.zones)
        combine(meter.digits); combine(meter.installed); combine(meter.removed); combine(meter.verificationDue)
    }

    public mutating func combine(_ volume: Volume) {
        combine(volume.accountID); combine(volume.serviceID); combine(volume.period); combine(volume.quantity)
        combine(volume.installation)
    }

    public mutating func combine(_ absence: Absence) {
        combine(absence.accountID); combine(absence.dateFrom); combine(absence.dateTo); combine(absence.persons)
        combine(absence.document)
    }
}
