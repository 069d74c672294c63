import RaschetCore
@testable import RaschetStore
import Testing

/// Consecutive periods bound as one parameter (`PeriodList`).
@Suite struct PeriodListTests {
    @Test func aListNamesEveryPeriodOnceInOrder() {
        let november = Period(year: 2026, month: 11)!
        #expect(PeriodList.json(from: november, through: Period(year: 2027, month: 2)!)
                    == #"["2026-11","2026-12","2027-01","2027-02"]"#)
        #expect(PeriodList.json(from: november, through: november) == #"["2026-11"]"#)
        #expect(PeriodList.json(from: november, through: Period(year: 2026, month: 10)!) == "[]")
        #expect(PeriodList.json(from: nil, through: november) == "[]")
    }
}
