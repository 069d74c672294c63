import RaschetCore
import Testing

@Suite struct ReceiptContentXMLTests {
    static func content(name: String) -> ReceiptContent {
        let water = Supplier(id: "VODA", name: "МУП «Водоканал»", inn: "3525019867")
        let row = ReceiptContent.ServiceRow(
            serviceID: "HVS", name: "Холодное водоснабжение", unit: "м³", zone: .single, basis: .reading,
            quantity: dec("4.640"), price: dec("57.52"), vatMode: .included, vatRate: dec("22"), vat: rub("48.13"),
            charged: rub("266.89"), recalc: rub("-10.00"))
        return ReceiptContent(
            number: DocumentNumber(year: 2026, sequence: 12), period: month("2026-10"), issueDate: day("2026-10-31"),
            dueDate: day("2026-11-15"), payee: PaymentQRPayloadTests.payee,
            account: Account(id: "A1", kind: .person, name: name, address: "ул. Мира, 1", area: dec("54.30"), residents: 2),
            suppliers: [.init(supplier: water, rows: [row])],
            readings: [.init(meterID: "M1", serviceName: "Холодное водоснабжение", unit: "м³", zone: .single, previous: nil,
                             current: dec("105.14"), consumption: dec("4.64"), basis: .reading)],
            recalculations: [.init(serviceName: "Холодное водоснабжение", refPeriod: month("2026-09"), basis: .reading,
                                   quantity: dec("-0.2"), amount: rub("-10.00"))],
            penalties: [.init(debtPeriod: month("2026-08"), amount: rub("1.50"))],
            payments: [.init(paymentID: "P1", date: day("2026-10-05"), amount: rub("100.00"), source: nil)],
            // closing = 50.00 + 266.89 − 10.00 + 1.50 − 100.00 = 208.39
            balance: AccountBalance(opening: rub("50.00"), charged: rub("266.89"), recalc: rub("-10.00"), penalty: rub("1.50"),
                                    paid: rub("100.00")),
            history: [.init(period: month("2026-10"), charged: rub("266.89"))],
            qrPayload: "ST00012|Name=A&B", readingWindow: ReadingWindow(firstDay: 15, lastDay: 25))
    }

    @Test func theXMLHoldsEveryFigureInExportFormInAFixedOrder() {
        #expect(String(decoding: Self.content(name: "Петров П. П.").xml, as: UTF8.self) == """
            <?xml version="1.0" encoding="UTF-8"?>
            <receipt number="2026-000012" period="2026-10" date="2026-10-31" due_date="2026-11-15" state="debt" amount_due="208.39">
              <payee name="ООО «ЕРЦ Северный»" inn="3525417791" kpp="352501001" bank_name="ПАО СБЕРБАНК" bic="041909644" corr_account="30101810900000000644" account="40702810912000034517"/>
              <payer account="A1" kind="person" name="Петров П. П." address="ул. Мира, 1" area="54.3" residents="2" e_receipt="0"/>
              <balance opening="50.00" charged="266.89" recalc="-10.00" penalty="1.50" paid="100.00" closing="208.39"/>
              <supplier id="VODA" name="МУП «Водоканал»" inn="3525019867" charged="266.89" recalc="-10.00" total="256.89">
                <service id="HVS" name="Холодное водоснабжение" unit="м³" zone="single" basis="reading" quantity="4.64" price="57.52" vat_mode="included" vat_rate="22" vat="48.13" charged="266.89" recalc="-10.00" total="256.89"/>
              </supplier>
              <meter id="M1" service="Холодное водоснабжение" unit="м³" zone="single" current="105.14" consumption="4.64" basis="reading"/>
              <recalc service="Холодное водоснабжение" ref_period="2026-09" basis="reading" quantity="-0.2" amount="-10.00"/>
              <penalty debt_period="2026-08" amount="1.50"/>
              <payment id="P1" date="2026-10-05" amount="100.00"/>
              <history period="2026-10" charged="266.89"/>
              <qr>ST00012|Name=A&amp;B</qr>
            </receipt>

            """)
    }

    @Test func markupAndControlCharactersInValuesAreEscaped() {
        let xml = String(decoding: Self.content(name: "<b>\"Ж&К\"</b>\tкв.\n5\u{1}").xml, as: UTF8.self)
        #expect(xml.contains(" name=\"&lt;b&gt;&quot;Ж&amp;К&quot;&lt;/b&gt;&#9;кв.&#10;5\u{FFFD}\" "))
    }
}
