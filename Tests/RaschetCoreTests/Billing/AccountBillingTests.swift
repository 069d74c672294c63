import RaschetCore
import Testing

@Suite struct AccountBillingTests {
    @Test func narrowingKeepsAnInputOfOneAccountAsItIsAndDropsEveryForeignRow() {
        let meter = Meter(id: "M1", accountID: "1001", serviceID: "HVS", digits: 5)
        let readings = Fixture.readings("M1", [("2026-08", "10"), ("2026-09", "15")])
        // The fixture shares the whole catalog and tariff list: narrowing keeps HVS and its one tariff.
        let own = AccountBilling.narrowed(Fixture.input(["HVS"], meters: [meter], readings: readings))
        #expect(own.services.map(\.id) == ["HVS"])
        #expect(own.tariffs.map(\.price) == [dec("52.34")])
        #expect(own.readings == readings)
        #expect(AccountBilling.narrowed(own) == own)

        // Each foreign row alone is dropped, whether or not the rest is the account's own.
        var foreignReading = own
        foreignReading.readings += Fixture.readings("M2", [("2026-09", "7")])
        #expect(AccountBilling.narrowed(foreignReading) == own)
        // A foreign row between two of a run of the account's own (readings of one meter, tariffs of one
        // service) is found too.
        var betweenReadings = own
        betweenReadings.readings.insert(contentsOf: Fixture.readings("M2", [("2026-09", "7")]), at: 1)
        #expect(AccountBilling.narrowed(betweenReadings) == own)
        var betweenTariffs = own
        betweenTariffs.tariffs += [Tariff(serviceID: "FIX", validFrom: day("2025-01-01"), price: dec("45.00")),
                                   Tariff(serviceID: "HVS", validFrom: day("2027-01-01"), price: dec("60.00"))]
        #expect(AccountBilling.narrowed(betweenTariffs).tariffs.map(\.serviceID) == ["HVS", "HVS"])
        var foreignTariff = own
        foreignTariff.tariffs.append(Tariff(serviceID: "FIX", validFrom: day("2025-01-01"), price: dec("45.00")))
        #expect(AccountBilling.narrowed(foreignTariff) == own)
        var foreignMeter = own
        foreignMeter.meters.append(Meter(id: "M2", accountID: "1002", serviceID: "HVS", digits: 5))
        #expect(AccountBilling.narrowed(foreignMeter) == own)
        var foreignConnection = own
        foreignConnection.accountServices += Fixture.connect(["HVS"], account: "1002")
        #expect(AccountBilling.narrowed(foreignConnection) == own)
    }

    @Test func aBusinessAreaChargeOfDecember2025IsRecalculatedIn2026At20Percent() {
        let account = Fixture.account("B1", kind: .business, area: "50.5")
        let december = billedLines(AccountBilling.bill(Fixture.input(["SOD"], account: account),
                                                       period: month("2025-12"), rules: Fixture.rules))
        // 50.5 m2 × 30.00 = 1515.00 net, vat 20 % = 303.00, gross 1818.00
        #expect(december.first?.amounts == VATAmounts(net: rub("1515.00"), vat: rub("303.00"), gross: rub("1818.00")))
        #expect(december.first?.vatRate == ExactDecimal(20))

        // The area is corrected to 60.5 m2 before the close of 2026-01.
        let corrected = Fixture.account("B1", kind: .business, area: "60.5")
        let january = billedLines(AccountBilling.bill(Fixture.input(["SOD"], account: corrected, posted: december),
                                                      period: month("2026-01"), rules: Fixture.rules))
        // charge: 60.5 × 32.00 = 1936.00, vat 22 % = 425.92, gross 2361.92
        // recalc of 2025-12 at its own tariff and rate: 60.5 × 30 = 1815.00 + 20 % 363.00 = 2178.00,
        // minus the posted 1818.00: quantity +10, net +300.00, vat +60.00, gross +360.00
        #expect(january.count == 2)
        #expect(january[0].kind == .charge)
        #expect(january[0].vatRate == ExactDecimal(22))
        #expect(january[0].amounts == VATAmounts(net: rub("1936.00"), vat: rub("425.92"), gross: rub("2361.92")))
        #expect(january[1].kind == .recalc)
        #expect(january[1].refPeriod == month("2025-12"))
        #expect(january[1].period == month("2026-01"))
        #expect(january[1].vatRate == ExactDecimal(20))
        #expect(january[1].price == dec("30"))
        #expect(january[1].quantity == dec("10"))
        #expect(january[1].amounts == VATAmounts(net: rub("300.00"), vat: rub("60.00"), gross: rub("360.00")))
    }

    @Test func theIncreasingCoefficientsExtraIsALineOfItsOwn() {
        var input = Fixture.input(["HVS"])
        input.services = input.services.map { var s = $0; if s.id == "HVS" { s.method = .norm }; return s }
        let lines = billedLines(AccountBilling.bill(input, period: month("2026-11"), rules: Fixture.rules))
        // base 4.9 × 3 = 14.7 × 52.34 = 769.40; extra 14.7 × (1.5 − 1) = 7.35 × 52.34 = 384.699 -> 384.70,
        // vat round(384.70 × 22/122 = 69.3721) = 69.37
        #expect(lines.map(\.component) == [.base, .coefficientExtra])
        #expect(lines.map(\.quantity) == [dec("14.7"), dec("7.35")])
        #expect(lines[1].amounts == VATAmounts(net: rub("315.33"), vat: rub("69.37"), gross: rub("384.70")))
    }

    @Test(arguments: [
        // supplier volume row wins over the connection's quantity: 3.32 Гкал × 1353.53 = 4493.72 + 20 % (2025)
        ("2025-10", "3.32", nil, "4493.72", "898.74", "5392.46"),
        // 2026: 22 %: 988.62
        ("2026-10", "3.32", nil, "4493.72", "988.62", "5482.34"),
        // a negative supplier correction volume: −0.5 × 1353.53 = −676.765 -> −676.77, vat round(−148.8894) = −148.89
        ("2026-10", "-0.5", nil, "-676.77", "-148.89", "-825.66"),
        // no volume row: the connection's fixed monthly quantity 2 × 1353.53 = 2707.06, vat 595.5532 -> 595.55
        ("2026-10", nil, "2", "2707.06", "595.55", "3302.61"),
    ] as [(String, String?, String?, String, String, String)])
    func quantityServicesUseVolumesThenTheConnectionQuantity(period: String, volume: String?, fixed: String?,
                                                             net: String, vat: String, gross: String) {
        let account = Fixture.account("B1", kind: .business)
        var input = Fixture.input(["HEAT"], account: account)
        input.accountServices[0].quantity = fixed.map(dec)
        input.accountServices[0].installation = "Котельная 1"
        if let volume {
            input.volumes = [Volume(accountID: "B1", serviceID: "HEAT", period: month(period), quantity: dec(volume),
                                    installation: "ТУ-7")]
        }
        let line = billedLines(AccountBilling.bill(input, period: month(period), rules: Fixture.rules)).first
        #expect(line?.amounts == VATAmounts(net: rub(net), vat: rub(vat), gross: rub(gross)))
        #expect(line?.installation == (volume == nil ? "Котельная 1" : "ТУ-7"))
        #expect(line?.supplierID == "TEPLO")
        #expect(line?.unit == "Гкал")
    }

    @Test func aQuantityServiceWithoutVolumeIsParked() {
        let input = Fixture.input(["HEAT"], account: Fixture.account("B1", kind: .business))
        #expect(AccountBilling.bill(input, period: month("2026-10"), rules: Fixture.rules).parkingReason?.code == .noQuantity)
    }

    @Test func aFixedExemptServiceIsOneUnitWithoutVAT() {
        let line = billedLines(AccountBilling.bill(Fixture.input(["FIX"]), period: month("2026-10"), rules: Fixture.rules)).first
        #expect(line?.quantity == .one)
        #expect(line?.vatRate == .zero)
        #expect(line?.amounts == VATAmounts(net: rub("45.00"), vat: rub("0.00"), gross: rub("45.00")))
    }

    @Test func missingAccountDataParksTheAccount() {
        let noResidents = Account(id: "1001", kind: .person, name: "И", address: "А", area: nil, residents: nil)
        #expect(AccountBilling.bill(Fixture.input(["HVSN"], account: noResidents), period: month("2026-10"),
                                    rules: Fixture.rules).parkingReason?.code == .noResidents)
        #expect(AccountBilling.bill(Fixture.input(["SOD"], account: noResidents), period: month("2026-10"),
                                    rules: Fixture.rules).parkingReason?.code == .noArea)
    }

    @Test func aMeteredServiceWithoutAMeterIsChargedByNormWithTheCoefficient() {
        // no meter in service: 4.9 × 3 = 14.7 m3 plus the extra 14.7 × 0.5 = 7.35 m3
        let lines = billedLines(AccountBilling.bill(Fixture.input(["HVS"]), period: month("2026-10"), rules: Fixture.rules))
        #expect(lines.map(\.quantity) == [dec("14.7"), dec("7.35")])
        #expect(lines.map(\.basis) == [.norm, .norm])
        let removed = Meter(id: "M1", accountID: "1001", serviceID: "HVS", removed: day("2026-09-30"))
        let after = billedLines(AccountBilling.bill(Fixture.input(["HVS"], meters: [removed]), period: month("2026-10"),
                                                    rules: Fixture.rules))
        #expect(after.map(\.component) == [.base, .coefficientExtra])
    }

    @Test func closingTwiceGivesTheSameLinesAndNothingToCorrect() {
        let input = Fixture.input(["SOD", "HVSN", "FIX"])
        let first = AccountBilling.bill(input, period: month("2026-10"), rules: Fixture.rules)
        #expect(first == AccountBilling.bill(input, period: month("2026-10"), rules: Fixture.rules))
        // Lines posted by an earlier (crashed) run of the same period are ignored.
        var rerun = input
        rerun.posted = billedLines(first)
        #expect(AccountBilling.bill(rerun, period: month("2026-10"), rules: Fixture.rules) == first)
        // The next close recomputes 2026-10, finds it unchanged, and posts no recalc.
        let next = billedLines(AccountBilling.bill(rerun, period: month("2026-11"), rules: Fixture.rules))
        #expect(next.allSatisfy { $0.kind == .charge })
        #expect(next.count == billedLines(first).count)
    }

    @Test func aCorrectedTariffIsRecalculatedAtTheCorrectedPrice() {
        let october = billedLines(AccountBilling.bill(Fixture.input(["FIX"]), period: month("2026-10"), rules: Fixture.rules))
        var input = Fixture.input(["FIX"], posted: october)
        // A row from 2026-10-01 corrects the price to 40.00 (exempt): recalc −5.00, quantity 0, price 40
        input.tariffs.append(Tariff(serviceID: "FIX", validFrom: day("2026-10-01"), price: dec("40.00")))
        let november = billedLines(AccountBilling.bill(input, period: month("2026-11"), rules: Fixture.rules))
        let recalc = november.first { $0.kind == .recalc }
        #expect(recalc?.quantity == .zero)
        #expect(recalc?.price == dec("40"))
        #expect(recalc?.amounts == VATAmounts(net: rub("-5.00"), vat: rub("0.00"), gross: rub("-5.00")))
    }

    @Test func servicesDisconnectedLaterAreStillRecalculatedAndRemovedOnesReversed() {
        let october = billedLines(AccountBilling.bill(Fixture.input(["FIX"]), period: month("2026-10"), rules: Fixture.rules))
        var input = Fixture.input(["FIX"], posted: october)
        // The connection turns out to have ended on 2026-09-30: 2026-10 is reversed in full.
        input.accountServices[0].validTo = day("2026-09-30")
        let november = billedLines(AccountBilling.bill(input, period: month("2026-11"), rules: Fixture.rules))
        #expect(november.count == 1)
        #expect(november.first?.kind == .recalc)
        #expect(november.first?.quantity == dec("-1"))
        #expect(november.first?.gross == rub("-45.00"))
    }
}
