import GRDB
import RaschetCore

/// The codec of every entity: each column of the column table bound from, and decoded into,
/// its field. Money is stored as kopecks, quantities as millionths (see `Schema`). A value the
/// schema guarantees but that does not parse (an edited database) decodes to a neutral value
/// rather than crashing; imports never store such values.
enum TableCodecs {
    static let suppliers = TableCodec<Supplier>(.suppliers, bind: [
        "supplier_id": { v, b in b.add(v.id) },
        "name": { v, b in b.add(v.name) },
        "inn": { v, b in b.add(v.inn) },
        "kpp": { v, b in b.add(v.kpp) },
        "bank_name": { v, b in b.add(v.bankName) },
        "bic": { v, b in b.add(v.bic) },
        "corr_account": { v, b in b.add(v.correspondentAccount) },
        "account": { v, b in b.add(v.account) },
        "address": { v, b in b.add(v.address) },
        "phone": { v, b in b.add(v.phone) },
    ]) { at in
        let id = at("supplier_id"), name = at("name"), inn = at("inn"), kpp = at("kpp"), bankName = at("bank_name")
        let bic = at("bic"), corr = at("corr_account"), account = at("account"), address = at("address"), phone = at("phone")
        return { row in
            Supplier(id: row[id], name: row[name], inn: row[inn], kpp: row[kpp], bankName: row[bankName], bic: row[bic],
                     correspondentAccount: row[corr], account: row[account], address: row[address], phone: row[phone])
        }
    }

    static let services = TableCodec<Service>(.services, bind: [
        "service_id": { v, b in b.add(v.id) },
        "name": { v, b in b.add(v.name) },
        "unit": { v, b in b.add(v.unit) },
        "supplier_id": { v, b in b.add(v.supplierID) },
        "method": { v, b in b.add(v.method.rawValue) },
        "vat_mode": { v, b in b.add(v.vatMode.rawValue) },
        "absence_recalc": { v, b in b.add(v.absenceRecalc) },
        "group": { v, b in b.add(v.group) },
    ]) { at in
        let id = at("service_id"), name = at("name"), unit = at("unit"), supplierID = at("supplier_id"), method = at("method")
        let vatMode = at("vat_mode"), absenceRecalc = at("absence_recalc"), group = at("group")
        return { row in
            Service(id: row[id], name: row[name], unit: row[unit], supplierID: row[supplierID],
                    method: CalculationMethod(rawValue: row[method]) ?? .fixed,
                    vatMode: VATMode(rawValue: row[vatMode]) ?? .included, absenceRecalc: row[absenceRecalc], group: row[group])
        }
    }

    static let tariffs = TableCodec<Tariff>(.tariffs, bind: [
        "service_id": { v, b in b.add(v.serviceID) },
        "valid_from": { v, b in b.add(v.validFrom) },
        "price": { v, b in b.add(v.price) },
        "valid_to": { v, b in b.add(v.validTo) },
        "zone": { v, b in b.add(v.zone.rawValue) },
        "category": { v, b in b.add(v.category.rawValue) },
        "norm": { v, b in b.add(v.norm) },
        "coefficient": { v, b in b.add(v.coefficient) },
    ]) { at in
        let serviceID = at("service_id"), validFrom = at("valid_from"), price = at("price"), validTo = at("valid_to")
        let zone = at("zone"), category = at("category"), norm = at("norm"), coefficient = at("coefficient")
        return { row in
            Tariff(serviceID: row[serviceID], validFrom: StoredRows.date(row[validFrom] as String),
                   validTo: StoredRows.date(row[validTo] as String?), price: ExactDecimal(micros: row[price]),
                   zone: Zone(rawValue: row[zone]) ?? .single, category: ConsumerCategory(rawValue: row[category]) ?? .household,
                   norm: StoredRows.decimal(row[norm]), coefficient: ExactDecimal(micros: row[coefficient]))
        }
    }

    static let accounts = TableCodec<Account>(.accounts, bind: [
        "account_id": { v, b in b.add(v.id) },
        "kind": { v, b in b.add(v.kind.rawValue) },
        "name": { v, b in b.add(v.name) },
        "address": { v, b in b.add(v.address) },
        "inn": { v, b in b.add(v.inn) },
        "contract_no": { v, b in b.add(v.contractNumber) },
        "contract_date": { v, b in b.add(v.contractDate) },
        "postal_address": { v, b in b.add(v.postalAddress) },
        "area": { v, b in b.add(v.area) },
        "residents": { v, b in b.add(v.residents) },
        "email": { v, b in b.add(v.email) },
        "email_confirmed": { v, b in b.add(v.emailConfirmed) },
        "e_receipt": { v, b in b.add(v.eReceipt) },
        "delivery_route": { v, b in b.add(v.deliveryRoute) },
        "opened": { v, b in b.add(v.opened) },
        "closed": { v, b in b.add(v.closed) },
    ]) { at in
        let id = at("account_id"), kind = at("kind"), name = at("name"), address = at("address"), inn = at("inn")
        let contractNumber = at("contract_no"), contractDate = at("contract_date"), postalAddress = at("postal_address")
        let area = at("area"), residents = at("residents"), email = at("email"), emailConfirmed = at("email_confirmed")
        let eReceipt = at("e_receipt"), deliveryRoute = at("delivery_route"), opened = at("opened"), closed = at("closed")
        return { row in
            Account(id: row[id], kind: AccountKind(rawValue: row[kind]) ?? .person, name: row[name], address: row[address],
                    inn: row[inn], contractNumber: row[contractNumber], contractDate: StoredRows.date(row[contractDate] as String?),
                    postalAddress: row[postalAddress], area: StoredRows.decimal(row[area]), residents: row[residents],
                    email: row[email], emailConfirmed: row[emailConfirmed], eReceipt: row[eReceipt],
                    deliveryRoute: row[deliveryRoute], opened: StoredRows.date(row[opened] as String?),
                    closed: StoredRows.date(row[closed] as String?))
        }
    }

    static let accountServices = TableCodec<AccountService>(.accountServices, bind: [
        "account_id": { v, b in b.add(v.accountID) },
        "service_id": { v, b in b.add(v.serviceID) },
        "valid_from": { v, b in b.add(v.validFrom) },
        "valid_to": { v, b in b.add(v.validTo) },
        "quantity": { v, b in b.add(v.quantity) },
        "installation": { v, b in b.add(v.installation) },
    ]) { at in
        let accountID = at("account_id"), serviceID = at("service_id"), validFrom = at("valid_from"), validTo = at("valid_to")
        let quantity = at("quantity"), installation = at("installation")
        return { row in
            AccountService(accountID: row[accountID], serviceID: row[serviceID], validFrom: StoredRows.date(row[validFrom] as String),
                           validTo: StoredRows.date(row[validTo] as String?), quantity: StoredRows.decimal(row[quantity]),
                           installation: row[installation])
        }
    }

    static let meters = TableCodec<Meter>(.meters, bind: [
        "meter_id": { v, b in b.add(v.id) },
        "account_id": { v, b in b.add(v.accountID) },
        "service_id": { v, b in b.add(v.serviceID) },
        "zones": { v, b in b.add(v.zones) },
        "digits": { v, b in b.add(v.digits) },
        "installed": { v, b in b.add(v.installed) },
        "removed": { v, b in b.add(v.removed) },
        "verification_due": { v, b in b.add(v.verificationDue) },
    ]) { at in
        let id = at("meter_id"), accountID = at("account_id"), serviceID = at("service_id"), zones = at("zones")
        let digits = at("digits"), installed = at("installed"), removed = at("removed"), verificationDue = at("verification_due")
        return { row in
            Meter(id: row[id], accountID: row[accountID], serviceID: row[serviceID], zones: row[zones], digits: row[digits],
                  installed: StoredRows.date(row[installed] as String?), removed: StoredRows.date(row[removed] as String?),
                  verificationDue: StoredRows.date(row[verificationDue] as String?))
        }
    }

    static let readings = TableCodec<Reading>(.readings, bind: [
        "meter_id": { v, b in b.add(v.meterID) },
        "date": { v, b in b.add(v.date) },
        "value": { v, b in b.add(v.value) },
        "zone": { v, b in b.add(v.zone.rawValue) },
        "source": { v, b in b.add(v.source?.rawValue) },
        "rollover": { v, b in b.add(v.rollover) },
    ]) { at in
        let meterID = at("meter_id"), date = at("date"), value = at("value"), zone = at("zone"), source = at("source")
        let rollover = at("rollover")
        return { row in
            Reading(meterID: row[meterID], date: StoredRows.date(row[date] as String), value: ExactDecimal(micros: row[value]),
                    zone: Zone(rawValue: row[zone]) ?? .single,
                    source: (row[source] as String?).flatMap { ReadingSource(rawValue: $0) }, rollover: row[rollover])
        }
    }

    static let volumes = TableCodec<Volume>(.volumes, bind: [
        "account_id": { v, b in b.add(v.accountID) },
        "service_id": { v, b in b.add(v.serviceID) },
        "period": { v, b in b.add(v.period.code) },
        "quantity": { v, b in b.add(v.quantity) },
        "installation": { v, b in b.add(v.installation) },
    ]) { at in
        let accountID = at("account_id"), serviceID = at("service_id"), period = at("period"), quantity = at("quantity")
        let installation = at("installation")
        return { row in
            Volume(accountID: row[accountID], serviceID: row[serviceID], period: StoredRows.period(row[period]),
                   quantity: ExactDecimal(micros: row[quantity]), installation: row[installation])
        }
    }

    static let payments = TableCodec<Payment>(.payments, bind: [
        "payment_id": { v, b in b.add(v.id) },
        "account_id": { v, b in b.add(v.accountID) },
        "date": { v, b in b.add(v.date) },
        "amount": { v, b in b.add(v.amount.kopecks) },
        "source": { v, b in b.add(v.source) },
        "period": { v, b in b.add(v.period?.code) },
    ]) { at in
        let id = at("payment_id"), accountID = at("account_id"), date = at("date"), amount = at("amount"), source = at("source")
        let period = at("period")
        return { row in
            Payment(id: row[id], accountID: row[accountID], date: StoredRows.date(row[date] as String),
                    amount: Money(kopecks: row[amount]), source: row[source],
                    period: (row[period] as String?).flatMap { Period(parsing: $0) })
        }
    }

    static let absences = TableCodec<Absence>(.absences, bind: [
        "account_id": { v, b in b.add(v.accountID) },
        "date_from": { v, b in b.add(v.dateFrom) },
        "date_to": { v, b in b.add(v.dateTo) },
        "persons": { v, b in b.add(v.persons) },
        "document": { v, b in b.add(v.document) },
    ]) { at in
        let accountID = at("account_id"), dateFrom = at("date_from"), dateTo = at("date_to"), persons = at("persons")
        let document = at("document")
        return { row in
            Absence(accountID: row[accountID], dateFrom: StoredRows.date(row[dateFrom] as String),
                    dateTo: StoredRows.date(row[dateTo] as String), persons: row[persons], document: row[document])
        }
    }

    static let keyRates = TableCodec<KeyRate>(.keyRates, bind: [
        "valid_from": { v, b in b.add(v.validFrom) },
        "rate": { v, b in b.add(v.rate) },
    ]) { at in
        let validFrom = at("valid_from"), rate = at("rate")
        return { row in KeyRate(validFrom: StoredRows.date(row[validFrom] as String), rate: ExactDecimal(micros: row[rate])) }
    }
}
