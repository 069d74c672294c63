import RaschetCore

/// Hand-built receipt contents: figures worked out by hand (quantity × price rounded half up to
/// kopecks; VAT included = gross × 20/120, VAT on top = net × 20 %), written here as the expected values.
enum ReceiptSamples {
    static func money(_ text: String) -> Money { Money(parsing: text)! }
    static func decimal(_ text: String) -> ExactDecimal { ExactDecimal(parsing: text)! }
    static func period(_ year: Int, _ month: Int) -> Period { Period(year: year, month: month)! }
    static func date(_ year: Int, _ month: Int, _ day: Int) -> CivilDate { CivilDate(year: year, month: month, day: day)! }

    static let payee = Organization(
        name: "ООО «ЕРЦ Северный»", fullName: "Общество с ограниченной ответственностью «Единый расчётный центр Северный»",
        inn: "3525417795", kpp: "352501001", bankName: "ПАО СБЕРБАНК", bic: "041909644",
        correspondentAccount: "30101810900000000644", account: "40702810412000034517",
        address: "160009, г. Вологда, ул. Мальцева, д. 52, офис 304", phone: "+7 (8172) 55-21-40")

    static let water = Supplier(id: "VGV", name: "АО «Вологдагорводоканал»", inn: "3525142318", phone: "+7 (8172) 72-43-11")
    static let heat = Supplier(id: "TGK", name: "ПАО «ТГК-2»", inn: "7606053324")
    static let power = Supplier(id: "SSK", name: "ООО «Северная сбытовая компания»", inn: "7736317095")
    static let housing = Supplier(id: "UK", name: "ООО «УК Заречье»", inn: "3525301234")

    static func row(_ id: String, _ name: String, _ unit: String, _ basis: ChargeBasis, _ quantity: String, _ price: String,
                    vat: String, charged: String, recalc: String = "0", mode: VATMode = .included, zone: Zone = .single) -> ReceiptContent.ServiceRow {
        ReceiptContent.ServiceRow(serviceID: id, name: name, unit: unit, zone: zone, basis: basis, quantity: decimal(quantity),
                                  price: decimal(price), vatMode: mode, vatRate: mode == .exempt ? .zero : ExactDecimal(20),
                                  vat: money(vat), charged: money(charged), recalc: money(recalc))
    }

    static func history(_ amounts: [String]) -> [ReceiptContent.HistoryPoint] {
        // Ending with October 2026, the receipts' period.
        amounts.enumerated().map {
            ReceiptContent.HistoryPoint(period: Period(ordinal: period(2026, 10).ordinal - amounts.count + 1 + $0.offset), charged: money($0.element))
        }
    }

    static func payload(_ account: String, sum: String?) -> String {
        "ST00012|Name=ООО «ЕРЦ Северный»|PersonalAcc=40702810412000034517|BankName=ПАО СБЕРБАНК|BIC=041909644|CorrespAcc=30101810900000000644|PayeeINN=3525417795|KPP=352501001"
            + (sum.map { "|Sum=" + $0 } ?? "") + "|Purpose=Оплата ЖКУ за октябрь 2026, л/с \(account)|PersAcc=\(account)|PaymPeriod=102026|TechCode=02"
    }

    /// A flat with water, heating, housing and a day/night electricity meter; a debt at the start,
    /// a payment, a recalculation and a penalty. Closing 1 250,00 + 6 441,54 − 41,97 + 12,34 − 1 250,00 = 6 411,91.
    static let household = ReceiptContent(
        number: DocumentNumber(year: 2026, sequence: 123), period: period(2026, 10), issueDate: date(2026, 10, 31),
        dueDate: date(2026, 11, 10), payee: payee,
        account: Account(id: "4102738516", kind: .person, name: "Ковалёва Татьяна Юрьевна",
                         address: "160035, г. Вологда, ул. Пролетарская, д. 47, корп. 2, кв. 118", area: decimal("54.3"), residents: 2),
        suppliers: [
            .init(supplier: water, rows: [
                row("HVS", "Холодное водоснабжение", "м³", .reading, "6.2", "52.34", vat: "54.09", charged: "324.51"),
                row("VO", "Водоотведение", "м³", .reading, "10.4", "38.15", vat: "59.13", charged: "396.76", recalc: "-41.97"),
            ]),
            .init(supplier: heat, rows: [
                row("OT", "Отопление", "Гкал", .norm, "0.912", "2950.27", vat: "448.44", charged: "2690.65"),
            ]),
            .init(supplier: power, rows: [
                row("EE-D", "Электроэнергия (день)", "кВт·ч", .reading, "142", "6.43", vat: "152.18", charged: "913.06", zone: .day),
                row("EE-N", "Электроэнергия (ночь)", "кВт·ч", .reading, "61", "3.72", vat: "37.82", charged: "226.92", zone: .night),
            ]),
            .init(supplier: housing, rows: [
                row("SOD", "Содержание и текущий ремонт общего имущества многоквартирного дома", "м²", .area, "54.3", "34.8", vat: "314.94", charged: "1889.64"),
            ]),
        ],
        readings: [
            .init(meterID: "ХВ-0457812", serviceName: "Холодное водоснабжение", unit: "м³", zone: .single,
                  previous: decimal("123.4"), current: decimal("129.6"), consumption: decimal("6.2"), basis: .reading),
            .init(meterID: "ЭЛ-3318290", serviceName: "Электроэнергия", unit: "кВт·ч", zone: .day,
                  previous: decimal("10234"), current: decimal("10376"), consumption: decimal("142"), basis: .reading),
            .init(meterID: "ЭЛ-3318290", serviceName: "Электроэнергия", unit: "кВт·ч", zone: .night,
                  previous: decimal("4120"), current: decimal("4181"), consumption: decimal("61"), basis: .reading),
        ],
        recalculations: [
            .init(serviceName: "Водоотведение", refPeriod: period(2026, 9), basis: .reading, quantity: decimal("-1.1"), amount: money("-41.97")),
        ],
        penalties: [.init(debtPeriod: period(2026, 8), amount: money("12.34"))],
        payments: [.init(paymentID: "P-1", date: date(2026, 10, 5), amount: money("1250"), source: "ПАО СБЕРБАНК")],
        balance: AccountBalance(opening: money("1250"), charged: money("6441.54"), recalc: money("-41.97"),
                                penalty: money("12.34"), paid: money("1250")),
        history: history(["7210.11", "8012.40", "8340.02", "7655.90", "6120.33", "4410.12", "3980.00", "3875.45",
                          "3901.27", "4420.18", "5210.66", "6441.54"]),
        qrPayload: payload("4102738516", sum: "641191"), readingWindow: ReadingWindow(firstDay: 15, lastDay: 25))

    /// A business contract billed with VAT on top, in advance: closing −25 000,00 + 22 710,86 = −2 289,14.
    static let business = ReceiptContent(
        number: DocumentNumber(year: 2026, sequence: 4567), period: period(2026, 10), issueDate: date(2026, 10, 31),
        dueDate: date(2026, 11, 18), payee: payee,
        account: Account(id: "Д-2024-015", kind: .business, name: "ООО «Ромашка»", address: "160000, г. Вологда, ул. Ленина, д. 6, пом. 2",
                         inn: "3525000016", contractNumber: "15/2024", contractDate: date(2024, 1, 15)),
        suppliers: [
            .init(supplier: power, rows: [
                row("EE", "Электроэнергия", "кВт·ч", .reading, "1520", "7.85", vat: "2386.40", charged: "14318.40", mode: .onTop),
            ]),
            .init(supplier: heat, rows: [
                row("TE", "Тепловая энергия", "Гкал", .reading, "3.32", "1353.53", vat: "898.74", charged: "5392.46", mode: .onTop),
                row("OBS", "Техническое обслуживание узла учёта", "усл.", .fixed, "1", "2500", vat: "500.00", charged: "3000.00", mode: .onTop),
            ]),
        ],
        readings: [
            .init(meterID: "ЭЛ-1000451", serviceName: "Электроэнергия", unit: "кВт·ч", zone: .single,
                  previous: decimal("88120"), current: decimal("89640"), consumption: decimal("1520"), basis: .reading),
            .init(meterID: "ТЕ-77", serviceName: "Тепловая энергия", unit: "Гкал", zone: .single,
                  previous: decimal("412.08"), current: decimal("415.4"), consumption: decimal("3.32"), basis: .reading),
        ],
        recalculations: [], penalties: [], payments: [],
        balance: AccountBalance(opening: money("-25000"), charged: money("22710.86"), recalc: .zero, penalty: .zero, paid: .zero),
        history: history(["0", "0", "18940.20", "21010.77", "20544.10", "19870.00", "17450.31", "15210.42", "16120.90",
                          "18800.12", "21003.48", "22710.86"]),
        qrPayload: payload("Д-2024-015", sum: nil), readingWindow: ReadingWindow(firstDay: 15, lastDay: 25))

    /// Forty services (some with long names, no meter): the table continues on a second page.
    /// Charged 10,00 × (1 + … + 40) = 8 200,00; opening 3 000,00, paid 11 200,00: nothing due.
    static let long: ReceiptContent = {
        let rows = (1...40).map { index in
            let name = index % 7 == 0
                ? "Услуга \(index): содержание и текущий ремонт общего имущества многоквартирного дома, включая лифты, мусоропровод и уборку лестничных клеток"
                : "Услуга \(index)"
            return row("S\(index)", name, "усл.", .fixed, "1", "\(index * 10)", vat: "0", charged: "\(index * 10)", mode: .exempt)
        }
        return ReceiptContent(
            number: DocumentNumber(year: 2026, sequence: 7), period: period(2026, 10), issueDate: date(2026, 10, 31),
            dueDate: date(2026, 11, 10), payee: payee,
            account: Account(id: "7700000001", kind: .person, name: "Смирнов Пётр Алексеевич",
                             address: "160001, г. Вологда, пр. Победы, д. 1, кв. 1", area: decimal("72.15"), residents: 4),
            suppliers: [.init(supplier: housing, rows: Array(rows[0..<25])), .init(supplier: water, rows: Array(rows[25...]))],
            readings: [], recalculations: [], penalties: [],
            payments: [.init(paymentID: "P-7", date: date(2026, 10, 20), amount: money("11200"), source: nil)],
            balance: AccountBalance(opening: money("3000"), charged: money("8200"), recalc: .zero, penalty: .zero, paid: money("11200")),
            history: history(["8200"]),
            qrPayload: payload("7700000001", sum: nil), readingWindow: ReadingWindow(firstDay: 15, lastDay: 25))
    }()
}
