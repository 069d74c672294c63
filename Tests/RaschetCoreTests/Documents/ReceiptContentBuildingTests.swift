@testable import RaschetCore
import Testing

/// One household account in 2026-10 with a cold-water meter, a day/night electricity meter, a
/// recalculation of September and two penalties; every figure below is worked by hand.
@Suite struct ReceiptContentBuildingTests {
    static let period = month("2026-10")
    static let suppliers = [
        "VODA": Supplier(id: "VODA", name: "МУП «Вологдагорводоканал»", inn: "3525019867"),
        "ENERGO": Supplier(id: "ENERGO", name: "ПАО «Россети Северо-Запад»", inn: "7802312751"),
    ]
    static let services = [
        "HVS": Service(id: "HVS", name: "Холодное водоснабжение", unit: "м³", supplierID: "VODA", method: .meter),
        "EE": Service(id: "EE", name: "Электроэнергия", unit: "кВт·ч", supplierID: "ENERGO", method: .meter),
    ]

    /// Household lines (VAT included at 22 %: vat = round(gross × 22 / 122), net = gross − vat).
    static func line(_ service: String, _ supplier: String, _ kind: ChargeKind, ref: String = "2026-10", zone: Zone = .single,
                     basis: ChargeBasis, quantity: String, price: String, net: String, vat: String, gross: String) -> ChargeLine {
        ChargeLine(accountID: "A1", serviceID: service, supplierID: supplier, period: period, kind: kind, refPeriod: month(ref),
                   zone: zone, basis: basis, quantity: dec(quantity), unit: services[service]?.unit ?? "руб.", price: dec(price),
                   vatMode: kind == .penalty ? .exempt : .included, vatRate: kind == .penalty ? .zero : dec("22"),
                   amounts: VATAmounts(net: rub(net), vat: rub(vat), gross: rub(gross)))
    }

    static let input = ReceiptInput(
        account: Account(id: "A1", kind: .person, name: "Петров П. П.", address: "ул. Мира, д. 1, кв. 2", residents: 2),
        period: period,
        lines: [
            // 4.64 × 57.52 = 266.8928 → 266.89; vat 266.89 × 22/122 = 48.128… → 48.13; net 218.76
            line("HVS", "VODA", .charge, basis: .reading, quantity: "4.64", price: "57.52", net: "218.76", vat: "48.13", gross: "266.89"),
            // September corrected: 1.2 × 52.10 = 62.52; vat 62.52 × 22/122 = 11.274… → 11.27; net 51.25
            line("HVS", "VODA", .recalc, ref: "2026-09", basis: .reading, quantity: "1.2", price: "52.10", net: "51.25", vat: "11.27", gross: "62.52"),
            // day 120 × 7.07 = 848.40; vat 848.40 × 22/122 = 152.990… → 152.99; net 695.41
            line("EE", "ENERGO", .charge, zone: .day, basis: .reading, quantity: "120", price: "7.07", net: "695.41", vat: "152.99", gross: "848.40"),
            // night (no reading: average) 36 × 3.50 = 126.00; vat 126 × 22/122 = 22.721… → 22.72; net 103.28
            line("EE", "ENERGO", .charge, zone: .night, basis: .average, quantity: "36", price: "3.5", net: "103.28", vat: "22.72", gross: "126.00"),
            line("PENI", "ERC", .penalty, ref: "2026-08", basis: .penalty, quantity: "0", price: "0", net: "12.34", vat: "0", gross: "12.34"),
            line("PENI", "ERC", .penalty, ref: "2026-09", basis: .penalty, quantity: "0", price: "0", net: "5.66", vat: "0", gross: "5.66"),
        ],
        // charged 266.89 + 848.40 + 126.00 = 1241.29; recalc 62.52; penalty 12.34 + 5.66 = 18.00; paid 200 + 300 = 500
        balance: AccountBalance(opening: rub("1000.00"), charged: rub("1241.29"), recalc: rub("62.52"), penalty: rub("18.00"), paid: rub("500.00")),
        payments: [
            Payment(id: "P2", accountID: "A1", date: day("2026-10-20"), amount: rub("300.00"), source: "СБЕРБАНК"),
            Payment(id: "P1", accountID: "A1", date: day("2026-10-05"), amount: rub("200.00")),
        ],
        meters: [
            Meter(id: "M2", accountID: "A1", serviceID: "EE", zones: 2),
            Meter(id: "M1", accountID: "A1", serviceID: "HVS"),
        ],
        readings: [
            Reading(meterID: "M1", date: day("2026-09-20"), value: dec("100.5")),
            Reading(meterID: "M1", date: day("2026-10-18"), value: dec("105.14")),
            // After the window's 25th: counts for November, not shown as October's reading.
            Reading(meterID: "M1", date: day("2026-10-28"), value: dec("106")),
            Reading(meterID: "M2", date: day("2026-09-15"), value: dec("1000"), zone: .day),
            Reading(meterID: "M2", date: day("2026-10-16"), value: dec("1120"), zone: .day),
            Reading(meterID: "M2", date: day("2026-09-15"), value: dec("500"), zone: .night),
        ],
        history: [
            .init(period: month("2026-10"), charged: rub("1321.81")),
            .init(period: month("2025-10"), charged: rub("999.00")),
            .init(period: month("2026-09"), charged: rub("1500.00")),
        ])

    static func build(_ input: ReceiptInput = input) throws -> ReceiptContent {
        try ReceiptContent(input: input, number: DocumentNumber(year: 2026, sequence: 7), payee: PaymentQRPayloadTests.payee,
                           suppliers: suppliers, services: services, terms: try BillingRules.legalDefaults.receiptTerms(for: input.period))
    }

    @Test func serviceRowsAreGroupedPerSupplierServiceAndZone() throws {
        let content = try Self.build()
        #expect(content.suppliers.map(\.supplier.id) == ["ENERGO", "VODA"])
        let energy = content.suppliers[0]
        #expect(energy.rows.map(\.name) == ["Электроэнергия (день)", "Электроэнергия (ночь)"])
        #expect(energy.rows.map(\.basis) == [.reading, .average])
        // 848.40 + 126.00 = 974.40
        #expect(energy.charged == rub("974.40") && energy.recalc == .zero && energy.total == rub("974.40"))
        let water = try #require(content.suppliers[1].rows.first)
        #expect(content.suppliers[1].rows.count == 1)
        #expect(water.quantity == dec("4.64") && water.price == dec("57.52") && water.basis == .reading)
        // charged 266.89, recalc 62.52, total 329.41; VAT 48.13 + 11.27 = 59.40
        #expect(water.charged == rub("266.89") && water.recalc == rub("62.52") && water.total == rub("329.41"))
        #expect(water.vat == rub("59.40") && water.vatRate == dec("22") && water.otherVATRates.isEmpty)
    }

    /// A recalculation of a period under another rate (December 2025 at 20 %, corrected in 2026 at
    /// 22 %) is on the same row: the row names both rates, and its VAT is each line's.
    @Test func aRowWithARecalculationUnderAnotherRateNamesBothRates() throws {
        var input = Self.input
        // 1.2 × 52.10 = 62.52 at 20 % included: vat 62.52 × 20/120 = 10.42; net 52.10
        input.lines[1] = ChargeLine(accountID: "A1", serviceID: "HVS", supplierID: "VODA", period: Self.period, kind: .recalc,
                                    refPeriod: month("2025-12"), zone: .single, basis: .reading, quantity: dec("1.2"), unit: "м³",
                                    price: dec("52.10"), vatMode: .included, vatRate: dec("20"),
                                    amounts: VATAmounts(net: rub("52.10"), vat: rub("10.42"), gross: rub("62.52")))
        let water = try #require(try Self.build(input).suppliers[1].rows.first)
        #expect(water.vatRate == dec("22") && water.otherVATRates == [dec("20")])
        // 48.13 at 22 % + 10.42 at 20 %
        #expect(water.vat == rub("58.55"))
    }

    @Test func recalculationsPenaltiesAndPaymentsAreListedSeparately() throws {
        let content = try Self.build()
        #expect(content.recalculations == [.init(serviceName: "Холодное водоснабжение", refPeriod: month("2026-09"), basis: .reading,
                                                 quantity: dec("1.2"), amount: rub("62.52"))])
        #expect(content.penalties == [.init(debtPeriod: month("2026-08"), amount: rub("12.34")),
                                      .init(debtPeriod: month("2026-09"), amount: rub("5.66"))])
        #expect(content.payments.map(\.paymentID) == ["P1", "P2"])
    }

    /// A penalty correction of a late payment (kind recalc, service PENI, no catalog service, no
    /// supplier) is a recalculation row named «Пени», not a service block.
    @Test func aPenaltyCorrectionIsARecalculationRowOfItsOwn() throws {
        var input = Self.input
        var correction = Self.line("PENI", "", .recalc, ref: "2026-08", basis: .penalty, quantity: "1", price: "-9.98",
                                   net: "-9.98", vat: "0", gross: "-9.98")
        correction.component = .penalty
        correction.vatMode = .exempt; correction.vatRate = .zero
        input.lines.append(correction)
        // recalc 62.52 − 9.98 = 52.54
        input.balance.recalc = rub("52.54")
        let content = try Self.build(input)
        #expect(content.suppliers.map(\.supplier.id) == ["ENERGO", "VODA"])
        #expect(content.recalculations.map(\.serviceName) == ["Холодное водоснабжение", "Пени"])
        #expect(content.recalculations.map(\.amount) == [rub("62.52"), rub("-9.98")])
        #expect(content.recalculations.last?.refPeriod == month("2026-08"))
    }

    @Test func totalsDueDateAndQRCodeFollowTheBalance() throws {
        let content = try Self.build()
        // closing = 1000.00 + 1241.29 + 62.52 + 18.00 − 500.00 = 1821.81
        #expect(content.balance.closing == rub("1821.81") && content.amountDue == rub("1821.81") && content.dueState == .debt)
        // Due day of 2026-10 is the 15th of the next month (177-ФЗ, from 2026-03).
        #expect(content.dueDate == day("2026-11-15") && content.issueDate == day("2026-10-31"))
        #expect(content.number.text == "2026-000007")
        #expect(content.qrPayload.contains("|Sum=182181|Purpose=Оплата ЖКУ за октябрь 2026, л/с A1|PersAcc=A1|PaymPeriod=102026|"))
        // The chart keeps 2025-11 … 2026-10, oldest first: 2025-10 is outside.
        #expect(content.history.map(\.period) == [month("2026-09"), month("2026-10")])
    }

    @Test func meterRowsShowThePeriodsReadingsAndTheChargedVolume() throws {
        let rows = try Self.build().readings
        #expect(rows == [
            .init(meterID: "M1", serviceName: "Холодное водоснабжение", unit: "м³", zone: .single, previous: dec("100.5"),
                  current: dec("105.14"), consumption: dec("4.64"), basis: .reading, difference: dec("4.64")),
            .init(meterID: "M2", serviceName: "Электроэнергия", unit: "кВт·ч", zone: .day, previous: dec("1000"),
                  current: dec("1120"), consumption: dec("120"), basis: .reading, difference: dec("120")),
            .init(meterID: "M2", serviceName: "Электроэнергия", unit: "кВт·ч", zone: .night, previous: dec("500"),
                  current: nil, consumption: dec("36"), basis: .average),
        ])
        #expect(rows.allSatisfy { !$0.isShareOfDifference })
    }

    /// A reading after a month without one: the close charges this month its share of the volume
    /// between the readings (the rest recalculates the month before), and the row says it is a share.
    @Test func aRowChargedAShareOfItsReadingsDifferenceSaysSo() throws {
        var input = Self.input
        input.readings.removeAll { $0.meterID == "M1" && $0.date == day("2026-09-20") }
        input.readings.append(Reading(meterID: "M1", date: day("2026-08-20"), value: dec("95.86")))
        let row = try #require(try Self.build(input).readings.first)
        #expect(row.previous == dec("95.86") && row.current == dec("105.14") && row.consumption == dec("4.64"))
        #expect(row.difference == dec("9.28") && row.isShareOfDifference)
    }

    /// The legal window ends on the 25th: October's readings count from 26 September, so a receipt of
    /// October reads from 26 June (the first day counting for July) at first.
    @Test func aReceiptReadsItsReadingsFromTheThirdPeriodBefore() {
        let window = BillingRules.legalDefaults.readingWindow
        #expect(ReceiptContent.readingsFrom(Self.period, window: window) == day("2026-06-26"))
        #expect(ReceiptContent.readingsFrom(month("2027-01"), window: window) == day("2026-09-26"))
    }

    /// The input's readings suffice when every register a row may show has one counting for an earlier
    /// period among them; the rows are then those of the whole history.
    @Test func readingsSufficeWhenEveryShownRegisterHasAnEarlierOne() throws {
        let window = BillingRules.legalDefaults.readingWindow
        #expect(ReceiptContent.readingsSuffice(Self.input, window: window))
        // M2's night register without its September reading: it may have an older one.
        var nightless = Self.input
        nightless.readings.removeAll { $0.meterID == "M2" && $0.zone == .night }
        #expect(!ReceiptContent.readingsSuffice(nightless, window: window))
        // M1 read on 26 September counts for October: nothing before it is among the readings.
        var late = Self.input
        late.readings = late.readings.map { $0.meterID == "M1" && $0.date == day("2026-09-20") ? Reading(meterID: "M1", date: day("2026-09-26"), value: dec("100.5")) : $0 }
        #expect(!ReceiptContent.readingsSuffice(late, window: window))
        // A meter installed after October, and one removed before it and not read for it, show no row.
        var others = Self.input
        others.meters += [Meter(id: "M3", accountID: "A1", serviceID: "HVS", installed: day("2026-11-02")),
                          Meter(id: "M4", accountID: "A1", serviceID: "HVS", removed: day("2026-08-31"))]
        #expect(ReceiptContent.readingsSuffice(others, window: window))
        #expect(try Self.build(others).readings.count == 3)
        // Read for October after its removal, M4 shows a row: its earlier reading is wanted.
        others.readings.append(Reading(meterID: "M4", date: day("2026-10-10"), value: dec("7")))
        #expect(!ReceiptContent.readingsSuffice(others, window: window))
        #expect(try Self.build(others).readings.count == 4)
    }

    @Test func anOverpaymentIsAnAdvanceWithNothingDue() throws {
        var input = Self.input
        // closing = −900.00 + 1241.29 + 62.52 + 18.00 − 500.00 = −78.19
        input.balance.opening = rub("-900.00")
        let content = try Self.build(input)
        #expect(content.balance.closing == rub("-78.19") && content.amountDue == .zero && content.dueState == .advance)
        #expect(!content.qrPayload.contains("Sum="))
    }

    @Test func aLineOfAnUnknownServiceIsRefusedNamingIt() {
        var input = Self.input
        input.lines.append(Self.line("GAZ", "VODA", .charge, basis: .norm, quantity: "1", price: "1", net: "1", vat: "0", gross: "1"))
        #expect(throws: BillingError.self) { try Self.build(input) }
    }
}

/// The increasing coefficient of a norm's extra line, named on its row (RULES: the receipt shows the
/// coefficient and the extra it caused).
@Suite struct ReceiptCoefficientRowTests {
    @Test func theCoefficientIsOneAndTheExtraOverTheBaseWhenExactInHundredths() {
        #expect(ReceiptContent.coefficient(extra: dec("95"), base: dec("190")) == dec("1.5"))
        #expect(ReceiptContent.coefficient(extra: dec("21.8"), base: dec("10.9")) == dec("3"))
        #expect(ReceiptContent.coefficient(extra: dec("0.166667"), base: dec("0.333333")) == nil)
        #expect(ReceiptContent.coefficient(extra: dec("5"), base: .zero) == nil)
        let key = ChargeLine.Key(serviceID: "EE_N", zone: .single, component: .coefficientExtra, installation: "")
        #expect(ReceiptContent.rowName("Электроснабжение (по нормативу)", key, coefficient: dec("1.5"))
            == "Электроснабжение (по нормативу) (повышающий коэффициент 1,5)")
        #expect(ReceiptContent.rowName("Электроснабжение (по нормативу)", key) == "Электроснабжение (по нормативу) (повышающий коэффициент)")
    }
}
