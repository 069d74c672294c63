import RaschetCore
import Testing

@Suite struct MeterConsumptionTests {
    static let water = Meter(id: "M1", accountID: "1001", serviceID: "HVS", digits: 5)
    /// Readings Jan..Jul 2026 on the 20th: cumulative 61 m3 over the 6 months Jan→Jul.
    static let history = Fixture.readings("M1", [
        ("2026-01", "100"), ("2026-02", "110"), ("2026-03", "118"), ("2026-04", "130"),
        ("2026-05", "139"), ("2026-06", "150"), ("2026-07", "161"),
    ])

    static func bill(_ readings: [Reading], _ period: String, meters: [Meter] = [water], services: [String] = ["HVS"],
                     posted: [ChargeLine] = []) -> AccountBillingResult {
        AccountBilling.bill(Fixture.input(services, meters: meters, readings: readings, posted: posted),
                            period: month(period), rules: Fixture.rules)
    }

    @Test(arguments: [
        ("2026-10-01", "2026-10"), ("2026-10-15", "2026-10"), ("2026-10-25", "2026-10"),
        ("2026-10-26", "2026-11"), ("2026-12-31", "2027-01"),
    ])
    func readingsAfterTheWindowCountForTheNextPeriod(date: String, period: String) {
        #expect(Fixture.rules.readingWindow.period(of: day(date)) == month(period))
    }

    @Test func aPeriodIsChargedCurrentMinusPreviousReading() {
        // Jul: 161 − 150 = 11 m3; gross = round(11 × 52.34 = 575.74); vat = round(575.74 × 22/122 = 103.8219) = 103.82
        let lines = billedLines(Self.bill(Self.history, "2026-07"))
        #expect(lines.count == 1)
        #expect(lines.first?.quantity == dec("11"))
        #expect(lines.first?.basis == .reading)
        #expect(lines.first?.amounts == VATAmounts(net: rub("471.92"), vat: rub("103.82"), gross: rub("575.74")))
    }

    @Test func aTwoZoneMeterIsChargedPerZone() {
        let meter = Meter(id: "E1", accountID: "1001", serviceID: "EL", zones: 2)
        let readings = Fixture.readings("E1", [("2026-09", "1000"), ("2026-10", "1150.5")], zone: .day)
            + Fixture.readings("E1", [("2026-09", "500"), ("2026-10", "580.25")], zone: .night)
        let lines = billedLines(Self.bill(readings, "2026-10", meters: [meter], services: ["EL"]))
        // day: 150.5 × 6.50 = 978.25, vat = round(978.25 × 22/122 = 176.4057) = 176.41
        // night: 80.25 × 3.20 = 256.80, vat = round(256.80 × 22/122 = 46.3082) = 46.31
        #expect(lines.map(\.zone) == [.day, .night])
        #expect(lines.map(\.quantity) == [dec("150.5"), dec("80.25")])
        #expect(lines.map(\.amounts) == [
            VATAmounts(net: rub("801.84"), vat: rub("176.41"), gross: rub("978.25")),
            VATAmounts(net: rub("210.49"), vat: rub("46.31"), gross: rub("256.80")),
        ])
    }

    @Test func aMarkedRolloverWrapsAtTenToTheDigits() {
        // 5 digits: 99990 -> 15 is 15 + 100000 − 99990 = 25 m3
        let readings = [Reading(meterID: "M1", date: day("2026-09-20"), value: dec("99990")),
                        Reading(meterID: "M1", date: day("2026-10-20"), value: dec("15"), rollover: true)]
        #expect(billedLines(Self.bill(readings, "2026-10")).first?.quantity == dec("25"))
    }

    @Test func aLowerReadingIsRejectedWithTheCabinetMessage() {
        let readings = [Reading(meterID: "M1", date: day("2026-09-20"), value: dec("99990")),
                        Reading(meterID: "M1", date: day("2026-10-20"), value: dec("15"))]
        let reason = Self.bill(readings, "2026-10").parkingReason
        #expect(reason?.code == .readingLowerThanPrevious)
        #expect(reason?.message.russian
            == "Показание не принято! Введенные показания меньше ранее переданных показаний. Проверьте корректность ввода.")
    }

    /// A 12-digit register read 0 and 999 999 999 999 alternately, each 0 marked rollover: every pair
    /// adds 999 999 999 999 m³ + 1 m³, so after the 10th high reading (2026-08, the 20th reading from
    /// 2025-01) the running total, 10 × 999 999 999 999 + 9 = 9 999 999 999 999 m³ = 9.999… × 10^18
    /// micros, is beyond Int64 (9.22 × 10^18): the account is parked with the overflow reason, no trap.
    @Test func aRunningTotalBeyondInt64AfterManyRolloversParksTheAccount() {
        let meter = Meter(id: "M1", accountID: "1001", serviceID: "HVS", digits: 12)
        let start = month("2025-01")
        let readings = (0..<20).map { index in
            let date = CivilDate(year: Period(ordinal: start.ordinal + index).year, month: Period(ordinal: start.ordinal + index).month, day: 20)!
            return Reading(meterID: "M1", date: date, value: index.isMultiple(of: 2) ? .zero : dec("999999999999"),
                           rollover: index > 0 && index.isMultiple(of: 2))
        }
        // Up to 2026-07 (the 19th reading, 0 marked rollover: a step of 1 m³) the total is
        // 9 × 999 999 999 999 + 9 × 1 = 9 × 10^12 m³ = 9 × 10^18 micros: it fits, and the month bills 1 m³.
        #expect(Self.bill(readings, "2026-07", meters: [meter]).parkingReason == nil)
        let reason = Self.bill(readings, "2026-08", meters: [meter]).parkingReason
        #expect(reason?.code == .overflow)
        #expect(reason?.message.russian == "Накопленный расход счетчика (зона single) к показанию 999999999999 на 20.08.2026 вне "
            + "допустимого диапазона (более 9 223 372 036 854 единиц); проверьте отметки rollover и разрядность счетчика")
    }

    @Test func aRolloverOnAMeterWithoutDigitsIsParked() {
        let meter = Meter(id: "M1", accountID: "1001", serviceID: "HVS")
        let readings = [Reading(meterID: "M1", date: day("2026-09-20"), value: dec("99990")),
                        Reading(meterID: "M1", date: day("2026-10-20"), value: dec("15"), rollover: true)]
        #expect(Self.bill(readings, "2026-10", meters: [meter]).parkingReason?.code == .rolloverWithoutDigits)
    }

    @Test(arguments: [
        // the k-th period without a reading after Jul: 1..3 by the average of Jan→Jul = 61 / 6 = 10.166667
        ("2026-08", ChargeBasis.average, "10.166667"), ("2026-09", .average, "10.166667"),
        ("2026-10", .average, "10.166667"),
        // the 4th: norm × residents without the coefficient 1.5: 4.9 × 3 = 14.7
        ("2026-11", .norm, "14.7"),
    ])
    func missingReadingsAreChargedByAverageThenNorm(period: String, basis: ChargeBasis, quantity: String) {
        let line = billedLines(Self.bill(Self.history, period)).first
        #expect(line?.basis == basis)
        #expect(line?.quantity == dec(quantity))
    }

    @Test func aNewerMeterAveragesAtLeastThreeMonths() {
        // first reading Mar (install), Jul − Mar = 4 months ≥ 3: (139 − 100) / 4 = 9.75
        let readings = Fixture.readings("M1", [("2026-03", "100"), ("2026-05", "120"), ("2026-07", "139")])
        #expect(billedLines(Self.bill(readings, "2026-08")).first?.quantity == dec("9.75"))
        // two months of history only: no average, norm 14.7
        let young = Fixture.readings("M1", [("2026-05", "100"), ("2026-07", "139")])
        #expect(billedLines(Self.bill(young, "2026-08")).first?.basis == .norm)
    }

    @Test func aRealReadingRecalculatesTheEstimatedPeriods() {
        // Closes of Aug and Sep charged the average 10.166667 m3:
        // gross = round(10.166667 × 52.34 = 532.1233...) = 532.12, vat = round(532.12 × 22/122 = 95.956) = 95.96
        let aug = billedLines(Self.bill(Self.history, "2026-08"))
        let sep = billedLines(Self.bill(Self.history, "2026-09", posted: aug))
        #expect(sep.count == 1, "no recalc of Aug while no reading arrived")
        #expect(aug.first?.amounts == VATAmounts(net: rub("436.16"), vat: rub("95.96"), gross: rub("532.12")))
        // Oct brings 195: T = 195 − 161 = 34 over Aug, Sep, Oct: share round6(34/3) = 11.333333, Oct gets
        // 34 − 2 × 11.333333 = 11.333334. Aug and Sep should be 11.333333 × 52.34 = 593.1866 -> 593.19,
        // vat round(593.19 × 22/122 = 106.9686) = 106.97; recalc = new − old = 61.07 (vat 11.01, net 50.06),
        // quantity 11.333333 − 10.166667 = 1.166666.
        let readings = Self.history + Fixture.readings("M1", [("2026-10", "195")])
        let oct = billedLines(Self.bill(readings, "2026-10", posted: aug + sep))
        #expect(oct.map(\.kind) == [.charge, .recalc, .recalc])
        #expect(oct.map(\.refPeriod) == [month("2026-10"), month("2026-08"), month("2026-09")])
        #expect(oct.map(\.quantity) == [dec("11.333334"), dec("1.166666"), dec("1.166666")])
        #expect(oct[0].amounts == VATAmounts(net: rub("486.22"), vat: rub("106.97"), gross: rub("593.19")))
        #expect(oct[1].amounts == VATAmounts(net: rub("50.06"), vat: rub("11.01"), gross: rub("61.07")))
        // Consumption since the last real reading minus the estimates, in volume: 34 − 2 × 10.166667
        #expect(oct.map(\.quantity).reduce(.zero, +) == dec("34") - dec("10.166667") * ExactDecimal(2))
        // Closing Nov afterwards with everything posted: nothing more to correct.
        let nov = billedLines(Self.bill(readings + Fixture.readings("M1", [("2026-11", "205")]), "2026-11",
                                        posted: aug + sep + oct))
        #expect(nov.map(\.kind) == [.charge])
        #expect(nov.first?.quantity == dec("10"))
    }

    @Test func aLowerActualThanEstimatedGivesNegativeRecalculations() {
        // Oct brings 170: T = 9, share 3 each; Aug recalc = 3 − 10.166667 = −7.166667
        // gross: round(3 × 52.34) = 157.02 − 532.12 = −375.10; vat: round(157.02 × 22/122 = 28.3151) = 28.32 − 95.96 = −67.64
        let aug = billedLines(Self.bill(Self.history, "2026-08"))
        let sep = billedLines(Self.bill(Self.history, "2026-09", posted: aug))
        let readings = Self.history + Fixture.readings("M1", [("2026-10", "170")])
        let oct = billedLines(Self.bill(readings, "2026-10", posted: aug + sep))
        #expect(oct[1].quantity == dec("-7.166667"))
        #expect(oct[1].amounts == VATAmounts(net: rub("-307.46"), vat: rub("-67.64"), gross: rub("-375.10")))
    }

    @Test func aReadingAfterTheWindowIsNotSeenByTheCloseOfItsMonth() {
        let late = Self.history + [Reading(meterID: "M1", date: day("2026-08-27"), value: dec("172"))]
        #expect(billedLines(Self.bill(late, "2026-08")).first?.basis == .average)
        #expect(billedLines(Self.bill(late, "2026-09")).first?.basis == .reading)
    }
}
