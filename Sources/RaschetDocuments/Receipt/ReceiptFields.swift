public import RaschetCore

/// The fields a receipt template can show, built from a ``ReceiptContent``, and their schema (checked
/// when the template is compiled). `Templates/README.md` lists them for template authors.
public enum ReceiptFields {
    // The layouts of a receipt's records: the record builders below give their values in these orders.
    private static let organization = TemplateLayout([
        "name": .scalar, "fullName": .scalar, "inn": .scalar, "kpp": .scalar, "bankName": .scalar, "bic": .scalar,
        "correspondentAccount": .scalar, "account": .scalar, "address": .scalar, "phone": .scalar, "email": .scalar,
    ])
    private static let account = TemplateLayout([
        "id": .scalar, "name": .scalar, "address": .scalar, "area": .scalar, "residents": .scalar, "inn": .scalar,
        "contractNumber": .scalar, "contractDate": .scalar, "isBusiness": .flag,
    ])
    private static let serviceRow = TemplateLayout([
        "name": .scalar, "unit": .scalar, "basis": .scalar, "quantity": .scalar, "price": .scalar,
        "vatRate": .scalar, "vat": .scalar, "charged": .scalar, "recalc": .scalar, "total": .scalar, "net": .scalar,
    ])
    private static let supplierBlock = TemplateLayout([
        "supplier": .record(organization.schema), "rows": .list(serviceRow.schema),
        "charged": .scalar, "recalc": .scalar, "total": .scalar, "vat": .scalar, "net": .scalar,
    ])
    private static let reading = TemplateLayout([
        "meter": .scalar, "service": .scalar, "unit": .scalar, "zone": .scalar, "previous": .scalar,
        "current": .scalar, "consumption": .scalar, "basis": .scalar, "isShare": .flag,
    ])
    private static let recalculation = TemplateLayout([
        "service": .scalar, "refPeriod": .scalar, "reason": .scalar, "quantity": .scalar, "amount": .scalar,
    ])
    private static let penalty = TemplateLayout(["debtPeriod": .scalar, "amount": .scalar])
    private static let payment = TemplateLayout(["date": .scalar, "amount": .scalar, "source": .scalar])
    private static let historyPoint = TemplateLayout(["period": .scalar, "month": .scalar, "charged": .scalar, "rubles": .scalar])
    private static let balance = TemplateLayout([
        "opening": .scalar, "charged": .scalar, "recalc": .scalar, "penalty": .scalar, "paid": .scalar, "closing": .scalar,
    ])
    private static let receipt = TemplateLayout([
        "number": .scalar, "period": .scalar, "periodCode": .scalar, "issueDate": .scalar, "dueDate": .scalar,
        "payee": .record(organization.schema), "account": .record(account.schema),
        "suppliers": .list(supplierBlock.schema), "readings": .list(reading.schema),
        "recalculations": .list(recalculation.schema), "penalties": .list(penalty.schema),
        "payments": .list(payment.schema), "history": .list(historyPoint.schema), "balance": .record(balance.schema),
        "charged": .scalar, "recalc": .scalar, "total": .scalar, "vat": .scalar, "penaltyTotal": .scalar,
        "amountDue": .scalar, "openingIsDebt": .flag, "openingIsAdvance": .flag,
        "isDebt": .flag, "isAdvance": .flag, "isSettled": .flag, "hasVATOnTop": .flag, "hasVAT": .flag,
        "qrPayload": .scalar, "readingFirstDay": .scalar, "readingLastDay": .scalar, "hasReadingShares": .flag, "net": .scalar,
    ])

    /// The names a receipt template may use. Reading it makes the receipt's layouts, so that a template
    /// compiled against it finds their fields by position.
    public static var schema: [String: TemplateSchema] { receipt.schema }

    /// The record a receipt template renders for `content`.
    /// - Complexity: O(rows of the receipt).
    public static func record(_ content: ReceiptContent) -> TemplateRecord {
        let account = content.account
        var charged = Money.zero, recalc = Money.zero, vat = Money.zero
        var vatOnTop = false
        let suppliers = content.suppliers.map { block in
            charged += block.charged
            recalc += block.recalc
            let rows = block.rows.map { row in
                vat += row.vat
                if row.vatMode == .onTop { vatOnTop = true }
                return TemplateRecord(serviceRow, [
                    .text(row.name), .text(row.unit), .text(basisName(row.basis)), .number(row.quantity), .price(row.price),
                    .text(row.vatMode == .exempt ? "без НДС" : ([row.vatRate] + row.otherVATRates).map { $0.russianString + "\u{A0}%" }
                        .joined(separator: ", ")), .money(row.vat),
                    .money(row.charged), .money(row.recalc), .money(row.total), .money(row.net),
                ])
            }
            return TemplateRecord(supplierBlock, [
                .record(supplier(block.supplier)), .list(rows), .money(block.charged), .money(block.recalc), .money(block.total),
                .money(block.vat), .money(block.net),
            ])
        }
        let readings = content.readings.map { reading in
            TemplateRecord(Self.reading, [
                .text(reading.meterID), .text(reading.serviceName), .text(reading.unit), zoneName(reading.zone).map { .text($0) },
                reading.previous.map { .number($0) }, reading.current.map { .number($0) }, .number(reading.consumption),
                .text(basisName(reading.basis)), .flag(reading.isShareOfDifference),
            ])
        }
        let recalculations = content.recalculations.map { row in
            TemplateRecord(recalculation, [
                .text(row.serviceName), .period(row.refPeriod), .text(reasonName(row.basis)), .number(row.quantity), .money(row.amount),
            ])
        }
        let penalties = content.penalties.map { TemplateRecord(penalty, [.period($0.debtPeriod), .money($0.amount)]) }
        let payments = content.payments.map { payment in
            TemplateRecord(Self.payment, [.date(payment.date), .money(payment.amount), payment.source.map { .text($0) }])
        }
        let history = content.history.map { point in
            TemplateRecord(historyPoint, [
                .period(point.period), .text(monthAbbreviations[point.period.month - 1]), .money(point.charged),
                .text(wholeRubles(point.charged)),
            ])
        }
        let balance = content.balance
        return TemplateRecord(receipt, [
            .text(content.number.text), .period(content.period), .text(content.period.paymentPeriodCode),
            .date(content.issueDate), .date(content.dueDate),
            .record(organization(content.payee)),
            .record(TemplateRecord(Self.account, [
                .text(account.id), .text(account.name), .text(account.address), account.area.map { .number($0) },
                account.residents.map { .count($0) }, account.inn.map { .text($0) }, account.contractNumber.map { .text($0) },
                account.contractDate.map { .date($0) }, .flag(account.kind == .business),
            ])),
            .list(suppliers), .list(readings), .list(recalculations), .list(penalties), .list(payments), .list(history),
            .record(TemplateRecord(Self.balance, [
                .money(balance.opening), .money(balance.charged), .money(balance.recalc), .money(balance.penalty),
                .money(balance.paid), .money(balance.closing),
            ])),
            .money(charged), .money(recalc), .money(charged + recalc), .money(vat),
            .money(content.penalties.reduce(.zero) { $0 + $1.amount }), .money(content.amountDue),
            .flag(balance.opening > .zero), .flag(balance.opening < .zero),
            .flag(content.dueState == .debt), .flag(content.dueState == .advance), .flag(content.dueState == .settled),
            .flag(vatOnTop), .flag(vat != .zero), .text(content.qrPayload),
            .count(content.readingWindow.firstDay), .count(content.readingWindow.lastDay),
            .flag(content.readings.contains(where: \.isShareOfDifference)), .money(charged + recalc - vat),
        ])
    }

    /// An amount rounded half away from zero to whole rubles, printed without kopecks (`13 481`).
    static func wholeRubles(_ money: Money) -> String {
        let magnitude = (money.kopecks.magnitude + 50) / 100 * 100
        let rounded = Money(kopecks: money.kopecks < 0 ? -Int64(magnitude) : Int64(magnitude))
        return String(TemplateValue.printed(rounded).dropLast(3))
    }

    private static func organization(_ organization: Organization) -> TemplateRecord {
        TemplateRecord(Self.organization, [
            .text(organization.name), organization.fullName.map { .text($0) }, .text(organization.inn),
            organization.kpp.map { .text($0) }, .text(organization.bankName), .text(organization.bic),
            .text(organization.correspondentAccount), .text(organization.account), organization.address.map { .text($0) },
            organization.phone.map { .text($0) }, organization.email.map { .text($0) },
        ])
    }

    private static func supplier(_ supplier: Supplier) -> TemplateRecord {
        TemplateRecord(organization, [
            .text(supplier.name), nil, .text(supplier.inn), supplier.kpp.map { .text($0) }, supplier.bankName.map { .text($0) },
            supplier.bic.map { .text($0) }, supplier.correspondentAccount.map { .text($0) }, supplier.account.map { .text($0) },
            supplier.address.map { .text($0) }, supplier.phone.map { .text($0) }, nil,
        ])
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
