public import RaschetCore

/// The fields a receipt template can show, built from a ``ReceiptContent``, and their schema (checked
/// when the template is compiled). `Templates/README.md` lists them for template authors.
public enum ReceiptFields {
    private static let organization: [String: TemplateSchema] = [
        "name": .scalar, "fullName": .scalar, "inn": .scalar, "kpp": .scalar, "bankName": .scalar, "bic": .scalar,
        "correspondentAccount": .scalar, "account": .scalar, "address": .scalar, "phone": .scalar, "email": .scalar,
    ]

    /// The names a receipt template may use.
    public static let schema: [String: TemplateSchema] = [
        "number": .scalar, "period": .scalar, "periodCode": .scalar, "issueDate": .scalar, "dueDate": .scalar,
        "payee": .record(organization),
        "account": .record([
            "id": .scalar, "name": .scalar, "address": .scalar, "area": .scalar, "residents": .scalar, "inn": .scalar,
            "contractNumber": .scalar, "contractDate": .scalar, "isBusiness": .flag,
        ]),
        "suppliers": .list([
            "supplier": .record(organization),
            "rows": .list([
                "name": .scalar, "unit": .scalar, "basis": .scalar, "quantity": .scalar, "price": .scalar,
                "vatRate": .scalar, "vat": .scalar, "charged": .scalar, "recalc": .scalar, "total": .scalar,
            ]),
            "charged": .scalar, "recalc": .scalar, "total": .scalar,
        ]),
        "readings": .list([
            "meter": .scalar, "service": .scalar, "unit": .scalar, "zone": .scalar, "previous": .scalar,
            "current": .scalar, "consumption": .scalar, "basis": .scalar,
        ]),
        "recalculations": .list([
            "service": .scalar, "refPeriod": .scalar, "reason": .scalar, "quantity": .scalar, "amount": .scalar,
        ]),
        "penalties": .list(["debtPeriod": .scalar, "amount": .scalar]),
        "payments": .list(["date": .scalar, "amount": .scalar, "source": .scalar]),
        "history": .list(["period": .scalar, "month": .scalar, "charged": .scalar, "rubles": .scalar]),
        "balance": .record([
            "opening": .scalar, "charged": .scalar, "recalc": .scalar, "penalty": .scalar, "paid": .scalar,
            "closing": .scalar,
        ]),
        "charged": .scalar, "recalc": .scalar, "total": .scalar, "vat": .scalar, "penaltyTotal": .scalar,
        "amountDue": .scalar, "openingIsDebt": .flag, "openingIsAdvance": .flag,
        "isDebt": .flag, "isAdvance": .flag, "isSettled": .flag, "hasVATOnTop": .flag, "hasVAT": .flag,
        "qrPayload": .scalar,
    ]

    /// The record a receipt template renders for `content`.
    /// - Complexity: O(rows of the receipt).
    public static func record(_ content: ReceiptContent) -> TemplateRecord {
        var record = TemplateRecord()
        record["number"] = .text(content.number.text)
        record["period"] = .period(content.period)
        record["periodCode"] = .text(content.period.paymentPeriodCode)
        record["issueDate"] = .date(content.issueDate)
        record["dueDate"] = .date(content.dueDate)
        record["payee"] = .record(organization(content.payee))
        let account = content.account
        var accountRecord = TemplateRecord([
            "id": .text(account.id), "name": .text(account.name), "address": .text(account.address),
            "isBusiness": .flag(account.kind == .business),
        ])
        accountRecord["area"] = account.area.map { .number($0) }
        accountRecord["residents"] = account.residents.map { .count($0) }
        accountRecord["inn"] = account.inn.map { .text($0) }
        accountRecord["contractNumber"] = account.contractNumber.map { .text($0) }
        accountRecord["contractDate"] = account.contractDate.map { .date($0) }
        record["account"] = .record(accountRecord)

        var charged = Money.zero, recalc = Money.zero, vat = Money.zero
        var vatOnTop = false
        record["suppliers"] = .list(content.suppliers.map { block in
            charged += block.charged
            recalc += block.recalc
            return TemplateRecord([
                "supplier": .record(supplier(block.supplier)),
                "rows": .list(block.rows.map { row in
                    vat += row.vat
                    if row.vatMode == .onTop { vatOnTop = true }
                    return TemplateRecord([
                        "name": .text(row.name), "unit": .text(row.unit), "basis": .text(basisName(row.basis)),
                        "quantity": .number(row.quantity), "price": .price(row.price),
                        "vatRate": .text(row.vatMode == .exempt ? "без НДС" : row.vatRate.russianString + " %"),
                        "vat": .money(row.vat), "charged": .money(row.charged), "recalc": .money(row.recalc),
                        "total": .money(row.total),
                    ])
                }),
                "charged": .money(block.charged), "recalc": .money(block.recalc), "total": .money(block.total),
            ])
        })
        record["charged"] = .money(charged)
        record["recalc"] = .money(recalc)
        record["total"] = .money(charged + recalc)
        record["vat"] = .money(vat)
        record["hasVAT"] = .flag(vat != .zero)
        record["hasVATOnTop"] = .flag(vatOnTop)

        record["readings"] = .list(content.readings.map { reading in
            var row = TemplateRecord([
                "meter": .text(reading.meterID), "service": .text(reading.serviceName), "unit": .text(reading.unit),
                "consumption": .number(reading.consumption),
                "basis": .text(basisName(reading.basis)),
            ])
            row["zone"] = zoneName(reading.zone).map { .text($0) }
            row["previous"] = reading.previous.map { .number($0) }
            row["current"] = reading.current.map { .number($0) }
            return row
        })
        record["recalculations"] = .list(content.recalculations.map { row in
            TemplateRecord([
                "service": .text(row.serviceName), "refPeriod": .period(row.refPeriod), "reason": .text(reasonName(row.basis)),
                "quantity": .number(row.quantity), "amount": .money(row.amount),
            ])
        })
        record["penalties"] = .list(content.penalties.map {
            TemplateRecord(["debtPeriod": .period($0.debtPeriod), "amount": .money($0.amount)])
        })
        record["penaltyTotal"] = .money(content.penalties.reduce(.zero) { $0 + $1.amount })
        record["payments"] = .list(content.payments.map { payment in
            var row = TemplateRecord(["date": .date(payment.date), "amount": .money(payment.amount)])
            row["source"] = payment.source.map { .text($0) }
            return row
        })
        record["history"] = .list(content.history.map { point in
            TemplateRecord([
                "period": .period(point.period), "month": .text(monthAbbreviations[point.period.month - 1]),
                "charged": .money(point.charged),
                "rubles": .text(wholeRubles(point.charged)),
            ])
        })
        let balance = content.balance
        record["balance"] = .record(TemplateRecord([
            "opening": .money(balance.opening), "charged": .money(balance.charged), "recalc": .money(balance.recalc),
            "penalty": .money(balance.penalty), "paid": .money(balance.paid), "closing": .money(balance.closing),
        ]))
        record["openingIsDebt"] = .flag(balance.opening > .zero)
        record["openingIsAdvance"] = .flag(balance.opening < .zero)
        record["amountDue"] = .money(content.amountDue)
        record["isDebt"] = .flag(content.dueState == .debt)
        record["isAdvance"] = .flag(content.dueState == .advance)
        record["isSettled"] = .flag(content.dueState == .settled)
        record["qrPayload"] = .text(content.qrPayload)
        return record
    }

    /// An amount rounded half away from zero to whole rubles, printed without kopecks (`13 481`).
    static func wholeRubles(_ money: Money) -> String {
        let magnitude = (money.kopecks.magnitude + 50) / 100 * 100
        let rounded = Money(kopecks: money.kopecks < 0 ? -Int64(magnitude) : Int64(magnitude))
        return String(TemplateValue.printed(rounded).dropLast(3))
    }

    private static func organization(_ organization: Organization) -> TemplateRecord {
        var record = TemplateRecord([
            "name": .text(organization.name), "inn": .text(organization.inn), "bankName": .text(organization.bankName),
            "bic": .text(organization.bic), "correspondentAccount": .text(organization.correspondentAccount),
            "account": .text(organization.account),
        ])
        record["fullName"] = organization.fullName.map { .text($0) }
        record["kpp"] = organization.kpp.map { .text($0) }
        record["address"] = organization.address.map { .text($0) }
        record["phone"] = organization.phone.map { .text($0) }
        record["email"] = organization.email.map { .text($0) }
        return record
    }

    private static func supplier(_ supplier: Supplier) -> TemplateRecord {
        var record = TemplateRecord(["name": .text(supplier.name), "inn": .text(supplier.inn)])
        record["kpp"] = supplier.kpp.map { .text($0) }
        record["bankName"] = supplier.bankName.map { .text($0) }
        record["bic"] = supplier.bic.map { .text($0) }
        record["correspondentAccount"] = supplier.correspondentAccount.map { .text($0) }
        record["account"] = supplier.account.map { .text($0) }
        record["address"] = supplier.address.map { .text($0) }
        record["phone"] = supplier.phone.map { .text($0) }
        return record
    }

    /// How a volume was determined, as the form's column says it.
    static func basisName(_ basis: ChargeBasis) -> String {
        switch basis {
        case .reading: return "счётчик"
        case .average: return "среднее"
        case .norm: return "норматив"
        case .area: return "площадь"
        case .fixed: return "фикс."
        case .quantity: return "объём"
        case .penalty: return "пени"
        }
    }

    /// Why an earlier period was recalculated, from the basis of its corrected volume.
    static func reasonName(_ basis: ChargeBasis) -> String {
        switch basis {
        case .reading: return "по показаниям счётчика"
        case .average: return "по среднему потреблению"
        case .norm: return "по нормативу"
        case .area: return "изменение площади"
        case .fixed: return "изменение тарифа"
        case .quantity: return "изменение объёма"
        case .penalty: return "пени"
        }
    }

    /// The register's name; nil for a single-rate meter.
    static func zoneName(_ zone: Zone) -> String? {
        switch zone {
        case .single: return nil
        case .day: return "день"
        case .night: return "ночь"
        case .peak: return "пик"
        case .halfpeak: return "полупик"
        }
    }

    static let monthAbbreviations = ["янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"]
}
