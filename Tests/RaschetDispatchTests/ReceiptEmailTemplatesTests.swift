import Foundation
import RaschetCore
import RaschetDispatch
import RaschetTesting
import Testing

@Suite struct ReceiptEmailTemplatesTests {
    /// `Templates/email` of this checkout (three levels above this file).
    static let directory = "/" + #filePath.split(separator: "/").dropLast(3).joined(separator: "/") + "/Templates/email"
    static let fields = ReceiptEmailFields(account: "4102470007", payer: "Смирнова Елена Викторовна",
                                           period: Period(year: 2026, month: 10)!, closingBalance: Money(kopecks: 1_348_116),
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

    /// An overpaid or settled account is not asked to pay: the overpayment with its minus, as on the
    /// receipt, and no due date.
    @Test func anOverpaymentOrNoDebtIsSaidAsSuchWithoutADueDate() throws {
        let templates = try ReceiptEmailTemplates(directory: Self.directory)
        var fields = Self.fields
        fields.closingBalance = Money(kopecks: -699_141)
        let advance = templates.render(fields)
        #expect(advance.text.contains("(файл PDF).\n\nПереплата: -6 991,41 руб. Она будет зачтена в следующем периоде.\n\nКак оплатить:"),
                "\(advance.text)")
        #expect(advance.html.contains("<td><b>-6 991,41&nbsp;руб.</b> (будет зачтена в следующем периоде)</td>"))
        fields.closingBalance = .zero
        let settled = templates.render(fields)
        #expect(settled.text.contains("(файл PDF).\n\nЗадолженность отсутствует.\n\nКак оплатить:"), "\(settled.text)")
        for rendered in [advance, settled] {
            #expect(!rendered.text.contains("Оплатить до") && !rendered.html.contains("Оплатить до")
                && !rendered.text.contains("К оплате") && !rendered.html.contains("К оплате"))
        }
    }

    @Test func theHTMLEscapesTheValues() throws {
        let html = try ReceiptEmailTemplates(directory: Self.directory).render(Self.fields).html
        #expect(html.contains("<td><b>13 481,16&nbsp;руб.</b></td>"))
        #expect(html.contains("<td><b>10.11.2026</b></td>"))
        #expect(html.contains("в кассе РКЦ &lt;Вологда&gt;."))
    }

    /// A copy of the templates whose plain text opens a section on line 2 and never closes it: the
    /// error names the file, the line and column where the parser stopped, our sentence, then the
    /// parser's name for the fault.
    /// A subject saved with a byte order mark (as Notepad saves UTF-8) does not start with it.
    @Test func aByteOrderMarkIsNotPartOfTheSubject() throws {
        let scratch = try TemporaryFolder("raschet-email")
        defer { scratch.remove() }
        let folder = scratch.path("templates")
        try FileManager.default.copyItem(atPath: Self.directory, toPath: folder)
        let subject = URL(fileURLWithPath: folder + "/subject.txt")
        try Data([0xEF, 0xBB, 0xBF] + (try Data(contentsOf: subject))).write(to: subject)
        let rendered = try ReceiptEmailTemplates(directory: folder).render(Self.fields)
        #expect(rendered.subject == "Квитанция за октябрь 2026, лицевой счет 4102470007")
    }

    @Test func aBrokenTemplateIsNamedWithItsLineAndColumn() throws {
        let scratch = try TemporaryFolder("raschet-email")
        defer { scratch.remove() }
        let folder = scratch.path("templates")
        try FileManager.default.copyItem(atPath: Self.directory, toPath: folder)
        try Data("Здравствуйте!\n{{#payer}}\n".utf8).write(to: URL(fileURLWithPath: folder + "/receipt.txt"))
        do {
            _ = try ReceiptEmailTemplates(directory: folder)
            Issue.record("a broken template was accepted")
        } catch {
            #expect(error.code == .badInput)
            // The parser reaches the end of the file (line 3, column 1) still inside the section.
            #expect(error.message.english
                == "\(folder)/receipt.txt:3:1: not a valid Mustache template: a section is not closed; check its {{ }} tags")
            #expect(error.message.russian
                == "\(folder)/receipt.txt:3:1: ошибка в шаблоне Mustache: секция не закрыта; проверьте теги {{ }}")
        }
    }
}
