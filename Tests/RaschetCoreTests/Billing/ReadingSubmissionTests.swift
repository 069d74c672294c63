import RaschetCore
import Testing

/// `ReadingSubmission`: a submitted reading against its meter and the register's readings on both
/// sides of its date. History: M1 (5 digits) read 100, 110, 118, 130, 139, 150, 161 on the 20th of
/// 2026-01 … 2026-07: 61 m³ over 2026-01-20 → 2026-07-20 = 181 days, 61 / 181 = 0.337017 m³ a day.
@Suite struct ReadingSubmissionTests {
    static let meter = Meter(id: "M1", accountID: "1001", serviceID: "HVS", digits: 5, installed: day("2025-12-01"),
                             removed: day("2027-12-31"))
    static let today = day("2026-11-20")

    static func check(_ value: String, on date: String, stored: [Reading] = MeterConsumptionTests.history,
                      factor: String = "10") throws(BillingError) -> ReadingSubmission.Jump? {
        try ReadingSubmission(meter: meter, reading: Reading(meterID: "M1", date: day(date), value: dec(value)), stored: stored)
            .check(today: today, jumpFactor: dec(factor))
    }

    static func refusal(_ value: String, on date: String, stored: [Reading] = MeterConsumptionTests.history) -> BillingError? {
        do {
            _ = try check(value, on: date, stored: stored)
            return nil
        } catch {
            return error
        }
    }

    /// 200 on 2026-08-20: (200 − 161) / 31 days = 1.258065 a day ≤ 10 × 0.337017 = 3.37017: plausible.
    /// 300: 139 / 31 = 4.483871 a day > 3.37017: a jump. With a factor of 14: 14 × 0.337017 = 4.718238, plausible.
    @Test func aJumpIsPerDayConsumptionAboveTheFactorTimesTheAveragePerDay() throws {
        #expect(try Self.check("200", on: "2026-08-20") == nil)
        let jump = try #require(try Self.check("300", on: "2026-08-20"))
        #expect(jump.perDay == dec("4.483871") && jump.averagePerDay == dec("0.337017"))
        #expect(jump.previous.value == dec("161"))
        #expect(jump.message.english == "account 1001, service HVS, meter M1: zone single: reading 300 on 2026-08-20 gives 4.483871 per day since the previous 161 "
            + "on 2026-07-20, more than 10 × the average 0.337017 per day")
        #expect(jump.message.russian == "лицевой счет 1001, услуга HVS, счетчик M1: зона single: показание 300 на 20.08.2026 дает расход 4,483871 в сутки с предыдущего "
            + "161 на 20.07.2026, больше чем 10 × средний расход 0,337017 в сутки")
        #expect(try Self.check("300", on: "2026-08-20", factor: "14") == nil)
    }

    /// Two readings 29 days apart (less than 30) give no average: no jump check, whatever the value.
    @Test func tooLittleHistoryMeansNoJumpCheck() throws {
        let young = Fixture.readings("M1", [("2026-01", "100")]) + [Reading(meterID: "M1", date: day("2026-02-18"), value: dec("101"))]
        #expect(try Self.check("99999", on: "2026-03-20", stored: young) == nil)
        // No consumption yet (100 → 100) is no average either.
        let idle = Fixture.readings("M1", [("2026-01", "100"), ("2026-03", "100")])
        #expect(try Self.check("99999", on: "2026-04-20", stored: idle) == nil)
    }

    @Test func eachRefusalHasItsCodeAndNamesTheNeighbour() {
        #expect(Self.refusal("170", on: "2026-11-21")?.code == .readingInFuture)
        #expect(Self.refusal("100", on: "2025-11-30")?.code == .readingOutsideMeterLife)
        // 10^5 = 100000 does not fit 5 digits; 99999.999999 does (and is then a jump, not a refusal).
        #expect(Self.refusal("100000", on: "2026-08-20")?.code == .readingBeyondCapacity)
        #expect(Self.refusal("99999.999999", on: "2026-08-20") == nil)
        let lower = Self.refusal("160", on: "2026-08-20")
        #expect(lower?.code == .readingLowerThanPrevious)
        #expect(lower?.message.russian == "зона single: показание 160 на 20.08.2026 меньше предыдущего 161 на 20.07.2026; "
            + "проверьте показание (переход счетчика через ноль вносится импортом строки с rollover = 1)")
        // Between 130 (2026-04-20) and 139 (2026-05-20): 140 is above the next.
        let higher = Self.refusal("140", on: "2026-05-01")
        #expect(higher?.code == .readingHigherThanNext)
        #expect(higher?.message.russian == "зона single: показание 140 на 01.05.2026 больше следующего 139 на 20.05.2026; "
            + "проверьте показание и его дату")
        // The stored reading of the same date is replaced, not compared: 155 on 2026-07-20 lies between 150 and nothing.
        #expect(Self.refusal("155", on: "2026-07-20") == nil)
    }

    /// The next reading marked rollover (the register wrapped after it): a higher value before it is fine.
    @Test func aNextReadingMarkedRolloverAllowsAHigherValueBeforeIt() throws {
        let wrapped = [Reading(meterID: "M1", date: day("2026-09-20"), value: dec("99990")),
                       Reading(meterID: "M1", date: day("2026-10-20"), value: dec("15"), rollover: true)]
        #expect(try Self.check("99995", on: "2026-10-01", stored: wrapped) == nil)
        #expect(Self.refusal("10", on: "2026-10-01", stored: wrapped)?.code == .readingLowerThanPrevious)
    }
}
