import RaschetCore
import RaschetDispatch
import Testing

@Suite struct ReceiptEmailTemplatesTests {
    /// `Templates/email` of this checkout (three levels above this file).
    static let directory = "/" + #filePath.split(separator: "/").dropLast(3).joined(separator: "/") + "/Templates/email"
    static let fields = ReceiptEmailFields(account: "4102470007", payer: "Смирнова Елена Викторовна",
                                           period: Period(year: 2026, month: 10)!, amountDue: Money(kopecks: 1_348_116),
                                           dueDate: CivilDate(year: 2026, month: 11, day: 10)!,
                                           organization: "РКЦ <Вологда>", contact: "+7 8172 00-00-00")

    @Test func theSubjectNamesThePeriodAndTheAccount() throws {
        let rendered = try ReceiptEmailTemplates(directory: Self.directory).render(Self.fields)
        #expect(rendered.subject == "Квитанция за октябрь 2026, лицевой счет 4102470007")
    }

    @Test func thePlainTextCarriesPayerAmountDueDateAndHowToUnsubscribeUnescaped() throws {
        let text = try ReceiptEmailTemplates(directory: Self.directory).render(Self.fields).text
        #expect(text.hasPrefix("Здравствуйте, Смирнова Елена Викторовна!\n\nКвитанция за октябрь 2026 по лицевому счету 4102470007 во вложении (файл PDF).\n\nК оплате: 13 481,16 руб.\nОплатить до: 10.11.2026\n"))
        #expect(text.contains("сообщите об этом в РКЦ <Вологда> (+7 8172 00-00-00)."))
    }

    @Test func theHTMLEscapesTheValues() throws {
        let html = try ReceiptEmailTemplates(directory: Self.directory).render(Self.fields).html
        #expect(html.contains("<td><b>13 481,16&nbsp;руб.</b></td>"))
        #expect(html.contains("<td><b>10.11.2026</b></td>"))
        #expect(html.contains("в кассе РКЦ &lt;Вологда&gt;."))
    }
}
