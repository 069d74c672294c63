import RaschetCore
import Testing

@Suite struct ChargeLineExportTests {
    @Test func theSpecsSampleLineExportsAsWritten() {
        // SPEC section 5: 3.32 Гкал at 1353.53, on_top 20 %: net 4493.72, vat 898.74, gross 5392.46
        var input = Fixture.input(["HEAT"], account: Fixture.account("B1", kind: .business))
        input.volumes = [Volume(accountID: "B1", serviceID: "HEAT", period: month("2025-10"), quantity: dec("3.32"),
                                installation: "ТУ-7")]
        let line = billedLines(AccountBilling.bill(input, period: month("2025-10"), rules: Fixture.rules)).first
        let fields = line?.exportFields.map { $0.key + "=" + $0.value }
        #expect(fields == [
            "account=B1", "service=HEAT", "supplier=TEPLO", "kind=charge", "ref_period=2025-10", "zone=single",
            "quantity=3.32", "unit=Гкал", "price=1353.53", "net=4493.72", "vat_rate=20", "vat=898.74",
            "gross=5392.46", "installation=ТУ-7",
        ])
    }

    @Test func aBalanceExportsWithTwoDecimalsAndSigns() {
        let balance = AccountBalance(opening: rub("-500.00"), charged: rub("324.51"), recalc: rub("-61.07"),
                                     penalty: .zero, paid: rub("0.5"))
        #expect(balance.exportFields.map(\.value) == ["-500.00", "324.51", "-61.07", "0.00", "0.50", "-237.06"])
    }
}
