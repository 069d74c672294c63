import RaschetCore
import Testing

@Suite struct PaymentQRPayloadTests {
    /// The Fixtures' settlement center (Fixtures/raschet.toml).
    static let payee = Organization(
        name: "ООО «ЕРЦ Северный»", inn: "3525417791", kpp: "352501001", bankName: "ПАО СБЕРБАНК", bic: "041909644",
        correspondentAccount: "30101810900000000644", account: "40702810912000034517")
    static let account = Account(id: "4102470118", kind: .person, name: "Иванова А. П.", address: "г. Вологда, ул. Мира, д. 5, кв. 12")

    @Test func aDebtGivesEveryRequisiteInTheStandardOrderWithTheSumInKopecks() throws {
        let payload = PaymentQRPayload(payee: Self.payee, account: Self.account, period: month("2026-10"), amountDue: rub("13481.16"))
        #expect(try payload.text() == "ST00012|Name=ООО «ЕРЦ Северный»|PersonalAcc=40702810912000034517|BankName=ПАО СБЕРБАНК"
            + "|BIC=041909644|CorrespAcc=30101810900000000644|PayeeINN=3525417791|KPP=352501001|Sum=1348116"
            + "|Purpose=Оплата ЖКУ за октябрь 2026, л/с 4102470118|PersAcc=4102470118|PaymPeriod=102026|TechCode=02")
    }

    @Test(arguments: ["0.00", "-250.40"])
    func nothingDueLeavesTheSumOut(amount: String) throws {
        let text = try PaymentQRPayload(payee: Self.payee, account: Self.account, period: month("2026-01"), amountDue: rub(amount)).text()
        #expect(!text.contains("Sum="))
        #expect(text.hasSuffix("|KPP=352501001|Purpose=Оплата ЖКУ за январь 2026, л/с 4102470118|PersAcc=4102470118|PaymPeriod=012026|TechCode=02"))
    }

    @Test func aValueHoldingTheBarSwitchesTheDeclaredSeparator() throws {
        var payee = Self.payee
        payee.name = "ООО «Север|Юг»"
        payee.kpp = nil
        let text = try PaymentQRPayload(payee: payee, account: Self.account, period: month("2026-10"), amountDue: rub("1.05")).text()
        // The 8th character declares the separator; the bar stays inside the value.
        #expect(text == "ST00012#Name=ООО «Север|Юг»#PersonalAcc=40702810912000034517#BankName=ПАО СБЕРБАНК#BIC=041909644"
            + "#CorrespAcc=30101810900000000644#PayeeINN=3525417791#Sum=105"
            + "#Purpose=Оплата ЖКУ за октябрь 2026, л/с 4102470118#PersAcc=4102470118#PaymPeriod=102026#TechCode=02")
    }

    @Test func aBarThatIsPartOfACharacterKeepsTheBarAsSeparator() throws {
        var payee = Self.payee
        payee.name = "Север|\u{301}Юг"  // the bar and a combining acute accent: one character, not "|"
        let payload = PaymentQRPayload(payee: payee, account: Self.account, period: month("2026-10"), amountDue: .zero)
        #expect(payload.separator == "|")
        #expect(try payload.text().hasPrefix("ST00012|Name=Север|\u{301}Юг|PersonalAcc="))
    }

    @Test func valuesHoldingEveryCandidateSeparatorAreRefused() {
        var payee = Self.payee
        payee.name = String(PaymentQRPayload.separatorCandidates)
        #expect(throws: PaymentQRPayload.Failure.self) {
            try PaymentQRPayload(payee: payee, account: Self.account, period: month("2026-10"), amountDue: .zero).text()
        }
    }

    @Test func controlCharactersBecomeSpaces() throws {
        let account = Account(id: "A\n7", kind: .person, name: "x", address: "y")
        let text = try PaymentQRPayload(payee: Self.payee, account: account, period: month("2026-10"), amountDue: .zero).text()
        #expect(text.contains("|PersAcc=A 7|") && text.contains("л/с A 7|"))
    }

    @Test func deleteAndC1ControlsBecomeSpacesAndTheirUTF8NeighboursStay() throws {
        var payee = Self.payee
        payee.name = "a\u{7F}b\u{80}c\u{9F}d\u{A0}e«f»\u{1}"
        let text = try PaymentQRPayload(payee: payee, account: Self.account, period: month("2026-10"), amountDue: .zero).text()
        #expect(text.hasPrefix("ST00012|Name=a b c d\u{A0}e«f» |PersonalAcc="))
    }
}
