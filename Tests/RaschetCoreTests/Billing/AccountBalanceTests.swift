import RaschetCore
import Testing

@Suite struct AccountBalanceTests {
    @Test(arguments: [
        // opening, charged, recalc, penalty, paid, closing = o + c + r + p − paid
        ("0.00", "1000.00", "0.00", "0.00", "1000.00", "0.00"),
        ("150.25", "5392.46", "-61.07", "15.83", "3000.00", "2497.47"),
        ("-500.00", "324.51", "0.00", "0.00", "0.00", "-175.49"),
        ("1000.00", "0.00", "-1500.00", "0.00", "-200.00", "-300.00"),
    ])
    func closingIsOpeningPlusMovementsMinusPaid(opening: String, charged: String, recalc: String, penalty: String,
                                                paid: String, closing: String) {
        let balance = AccountBalance(opening: rub(opening), charged: rub(charged), recalc: rub(recalc),
                                     penalty: rub(penalty), paid: rub(paid))
        #expect(balance.closing == rub(closing))
    }

    @Test func sumsLinesByKindAndPayments() {
        let lines = billedLines(AccountBilling.bill(Fixture.input(["SOD", "FIX"]), period: month("2026-10"),
                                                    rules: Fixture.rules))
        let penalty = PenaltyAccrual(debtPeriod: month("2026-08"), supplierID: "UK", amount: rub("12.34"))
            .line(accountID: "1001", period: month("2026-10"), rules: Fixture.rules)
        let payments = [Payment(id: "p1", accountID: "1001", date: day("2026-10-05"), amount: rub("1000.00"))]
        let balance = AccountBalance(opening: rub("100.00"), lines: lines + [penalty], payments: payments)
        // SOD (on_top): 50.5 × 32.00 = 1616.00 + 22 % 355.52 = 1971.52; FIX (exempt) 45.00; charged 2016.52;
        // closing 100.00 + 2016.52 + 12.34 − 1000.00 = 1128.86
        #expect(balance.charged == rub("2016.52"))
        #expect(balance.penalty == rub("12.34"))
        #expect(balance.closing == rub("1128.86"))
    }
}
