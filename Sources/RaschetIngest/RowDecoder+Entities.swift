import RaschetCore

/// Typed decoding of one row of each entity, with the per-value checks of SPEC section 3.
/// Referential checks (unknown service, account, meter) happen later, in `DataSetBuilder`.
/// An empty cell takes its column's default from the column table (`RowDecoder.raw`); a `??`
/// value below only stands in for a value that did not parse, in a row that is refused.
extension RowDecoder {
    mutating func supplier() -> Supplier {
        let inn = text("inn")
        digits("inn", inn.isEmpty ? nil : inn, counts: [10, 12])
        let kpp = optionalText("kpp"), bic = optionalText("bic")
        let corr = optionalText("corr_account"), account = optionalText("account")
        digits("kpp", kpp, counts: [9])
        digits("bic", bic, counts: [9])
        digits("corr_account", corr, counts: [20])
        digits("account", account, counts: [20])
        return Supplier(id: text("supplier_id"), name: text("name"), inn: inn, kpp: kpp, bankName: optionalText("bank_name"),
                        bic: bic, correspondentAccount: corr, account: account, address: optionalText("address"),
                        phone: optionalText("phone"))
    }

    mutating func service() -> Service {
        Service(id: text("service_id"), name: text("name"), unit: text("unit"), supplierID: text("supplier_id"),
                method: choice("method", required: true, CalculationMethod.self) ?? .fixed,
                vatMode: choice("vat_mode", VATMode.self) ?? .included,
                absenceRecalc: bool("absence_recalc"), group: optionalText("group"))
    }

    mutating func tariff() -> Tariff {
        let validFrom = date("valid_from", required: true)
        let validTo = date("valid_to")
        if let validFrom, let validTo, validTo < validFrom {
            fail("valid_to", "\(validTo.isoString) is before valid_from \(validFrom.isoString)")
        }
        let coefficient = decimal("coefficient") ?? .one
        if coefficient <= .zero { fail("coefficient", "\(coefficient.machineString) must be greater than 0") }
        return Tariff(serviceID: text("service_id"), validFrom: validFrom ?? Self.placeholderDate, validTo: validTo,
                      price: decimal("price", required: true, nonNegative: true) ?? .zero,
                      zone: choice("zone", Zone.self) ?? .single,
                      category: choice("category", ConsumerCategory.self) ?? .household,
                      norm: decimal("norm", nonNegative: true), coefficient: coefficient)
    }

    mutating func account() -> Account {
        let kind = choice("kind", required: true, AccountKind.self) ?? .person
        let inn = optionalText("inn")
        digits("inn", inn, counts: [10, 12])
        let email = optionalText("email")
        if let email, !Self.looksLikeEmail(email) {
            fail("email", "\"\(email)\" is not an e-mail address; write name@domain")
        }
        let eReceipt = bool("e_receipt")
        if eReceipt && email == nil { fail("e_receipt", "e-receipts need an e-mail address; fill in email or set e_receipt to 0") }
        let opened = date("opened"), closed = date("closed")
        if let opened, let closed, closed < opened { fail("closed", "\(closed.isoString) is before opened \(opened.isoString)") }
        return Account(id: text("account_id"), kind: kind, name: text("name"), address: text("address"), inn: inn,
                       contractNumber: optionalText("contract_no"), contractDate: date("contract_date"),
                       postalAddress: optionalText("postal_address"), area: decimal("area", nonNegative: true),
                       residents: integer("residents", range: 0...1000), email: email,
                       emailConfirmed: bool("email_confirmed"), eReceipt: eReceipt,
                       deliveryRoute: optionalText("delivery_route"), opened: opened, closed: closed)
    }

    mutating func accountService() -> AccountService {
        let validFrom = date("valid_from", required: true)
        let validTo = date("valid_to")
        if let validFrom, let validTo, validTo < validFrom {
            fail("valid_to", "\(validTo.isoString) is before valid_from \(validFrom.isoString)")
        }
        return AccountService(accountID: text("account_id"), serviceID: text("service_id"),
                              validFrom: validFrom ?? Self.placeholderDate, validTo: validTo,
                              quantity: decimal("quantity", nonNegative: true), installation: optionalText("installation"))
    }

    mutating func meter() -> Meter {
        Meter(id: text("meter_id"), accountID: text("account_id"), serviceID: text("service_id"),
              zones: integer("zones", range: 1...3) ?? 1, digits: integer("digits", range: 1...12),
              installed: date("installed"), removed: date("removed"), verificationDue: date("verification_due"))
    }

    mutating func reading() -> Reading {
        Reading(meterID: text("meter_id"), date: date("date", required: true) ?? Self.placeholderDate,
                value: decimal("value", required: true, nonNegative: true, limit: Self.readingLimit) ?? .zero,
                zone: choice("zone", Zone.self) ?? .single, source: choice("source", ReadingSource.self),
                rollover: bool("rollover"))
    }

    mutating func volume() -> Volume {
        Volume(accountID: text("account_id"), serviceID: text("service_id"),
               period: period("period", required: true) ?? Self.placeholderDate.period,
               quantity: decimal("quantity", required: true, nonNegative: true) ?? .zero,
               installation: optionalText("installation"))
    }

    mutating func payment() -> Payment {
        // A negative amount is a reversal (README, "Late and corrected data"): it undoes a posted payment.
        let amount = money("amount", required: true) ?? .zero
        if amount == .zero, raw("amount") != nil, Money(parsing: raw("amount") ?? "") != nil {
            fail("amount", "0.00 is not a payment; a payment is positive, a reversal of a posted payment negative")
        }
        return Payment(id: text("payment_id"), accountID: text("account_id"),
                       date: date("date", required: true) ?? Self.placeholderDate, amount: amount,
                       source: optionalText("source"), period: period("period"))
    }

    mutating func absence() -> Absence {
        let from = date("date_from", required: true), to = date("date_to", required: true)
        if let from, let to, to < from { fail("date_to", "\(to.isoString) is before date_from \(from.isoString)") }
        return Absence(accountID: text("account_id"), dateFrom: from ?? Self.placeholderDate,
                       dateTo: to ?? Self.placeholderDate, persons: integer("persons", required: true, range: 1...1000) ?? 1,
                       document: optionalText("document"))
    }

    mutating func keyRate() -> KeyRate {
        KeyRate(validFrom: date("valid_from", required: true) ?? Self.placeholderDate,
                rate: decimal("rate", required: true, nonNegative: true, limit: Self.keyRateLimit) ?? .zero)
    }

    /// The largest meter reading: 10^12 (a 12-digit register).
    static let readingLimit = ExactDecimal(micros: 1_000_000_000_000 * 1_000_000)

    /// The largest key rate, percent: 100 (the Bank of Russia's key rate has never exceeded 20 %).
    static let keyRateLimit = ExactDecimal(100)

    /// Stands in for a date that failed to parse; the row is rejected, so it is never stored.
    static let placeholderDate = CivilDate(year: 1970, month: 1, day: 1)!

    static func looksLikeEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !text.contains(" ")
    }
}
