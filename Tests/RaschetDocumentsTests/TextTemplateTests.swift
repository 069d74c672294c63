import Mustache
import RaschetCore
import Testing
@testable import RaschetDocuments

/// `TextTemplate` fills the one-line forms receipts use itself: for each such text and each record
/// (values present, missing, empty, zero, false; lists empty and not), the text must be exactly what
/// swift-mustache renders from the same source.
@Suite struct TextTemplateTests {
    static let schema: [String: TemplateSchema] = [
        "service": .scalar, "zone": .scalar, "previous": .scalar, "count": .scalar, "amountDue": .scalar,
        "period": .scalar, "isDebt": .flag, "isAdvance": .flag, "isSettled": .flag,
        "openingIsDebt": .flag, "openingIsAdvance": .flag,
        "balance": .record(["opening": .scalar, "closing": .scalar]),
        "payee": .record(["inn": .scalar, "phone": .scalar]),
        "items": .list(["name": .scalar, "amount": .scalar]),
    ]

    static let sources = [
        "{{service}}{{#zone}} ({{zone}}){{/zone}}",
        "{{previous}}{{^previous}}—{{/previous}}",
        "{{#openingIsDebt}}Задолженность{{/openingIsDebt}}{{#openingIsAdvance}}Аванс{{/openingIsAdvance}}"
            + "{{^openingIsDebt}}{{^openingIsAdvance}}Долг{{/openingIsAdvance}}{{/openingIsDebt}}",
        "{{abs(balance.opening)}}",
        "{{#isDebt}}{{amountDue}}{{/isDebt}}{{#isAdvance}}{{abs(balance.closing)}}{{/isAdvance}}{{#isSettled}}0,00{{/isSettled}}",
        "{{#items}}[{{name}} {{amount}} {{service}}]{{/items}}{{^items}}нет{{/items}}",
        "ИНН {{#payee}}{{inn}}{{#phone}}, тел. {{phone}}{{/phone}}{{/payee}}",
        "код {{code(period)}} {{upper(service)}} {{abs(service)}}",
        "{{#count}}n={{count}}{{/count}}{{^amountDue}}ноль{{/amountDue}}{{#amountDue}} к оплате {{amountDue}}{{/amountDue}}",
        "{{#balance}}{{abs(opening)}}/{{closing}}{{/balance}}",
    ]

    static let records: [TemplateRecord] = [
        TemplateRecord([
            "service": .text("Электроснабжение"), "zone": .text("день"), "previous": .number(ExactDecimal(micros: 1_234_500_000)),
            "count": .count(3), "amountDue": .money(Money(kopecks: 1_348_116)), "period": .period(Period(year: 2026, month: 10)!),
            "isDebt": .flag(true), "isAdvance": .flag(false), "isSettled": .flag(false),
            "openingIsDebt": .flag(false), "openingIsAdvance": .flag(true),
            "balance": .record(TemplateRecord(["opening": .money(Money(kopecks: -52_000)), "closing": .money(Money(kopecks: 1_348_116))])),
            "payee": .record(TemplateRecord(["inn": .text("3525417791"), "phone": .text("+7 8172 00-00-00")])),
            "items": .list([TemplateRecord(["name": .text("А"), "amount": .money(Money(kopecks: 100))]),
                            TemplateRecord(["name": .text("Б"), "service": .text("своя")])]),
        ]),
        TemplateRecord([
            "service": .text(""), "zone": .text(""), "previous": .text(""), "count": .count(0), "amountDue": .money(.zero),
            "isDebt": .flag(false), "isAdvance": .flag(true), "isSettled": .flag(false),
            "openingIsDebt": .flag(false), "openingIsAdvance": .flag(false),
            "balance": .record(TemplateRecord(["closing": .money(Money(kopecks: -77))])),
            "payee": .record(TemplateRecord(["inn": .text("3525417791"), "phone": .text("")])),
            "items": .list([]),
        ]),
        TemplateRecord([:]),
    ]

    @Test(arguments: sources)
    func fillsTheTextExactlyAsMustacheDoes(source: String) throws {
        let text = try TextTemplate(source, scopes: [Self.schema], file: "test.tmpl", line: 1, column: 1)
        let mustache = try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT }}" + source)
        for (index, record) in Self.records.enumerated() {
            let scope = TemplateScope(records: [record])
            #expect(text.render(scope) == mustache.render(scope), "record \(index)")
        }
    }

    @Test func fillsTheFormsOfTheReceiptWithTheValuesItPrints() throws {
        let scope = TemplateScope(records: [Self.records[0]])
        let filled = try Self.sources.map { try TextTemplate($0, scopes: [Self.schema], file: "t", line: 1, column: 1).render(scope) }
        #expect(filled == [
            "Электроснабжение (день)", "1\u{00A0}234,5", "Аванс", "520,00", "13\u{00A0}481,16",
            "[А 1,00 Электроснабжение][Б  своя]", "ИНН 3525417791, тел. +7 8172 00-00-00",
            "код 102026 ЭЛЕКТРОСНАБЖЕНИЕ ", "n=3 к оплате 13\u{00A0}481,16", "520,00/13\u{00A0}481,16",
        ])
    }

    @Test func aTextThatIsNotMustacheIsRefusedInTheCatalogsWords() {
        // Our own checks catch most faults first; an unbalanced triple brace reaches the Mustache parser.
        #expect(throws: DocumentError(file: "test.tmpl", line: 1, column: 14,
                                      message: .notMustache(fault: .templateSyntaxError))) {
            try TextTemplate("{{{service}}", scopes: [Self.schema], file: "test.tmpl", line: 1, column: 1)
        }
        #expect(Message.notMustache(fault: .templateSyntaxError).russian
            == "текст не разбирается как шаблон Mustache (синтаксическая ошибка); проверьте теги {{ }}")
    }
}
