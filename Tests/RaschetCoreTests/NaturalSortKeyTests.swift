import RaschetCore
import Testing

@Suite struct NaturalSortKeyTests {
    @Test func numbersCompareByValueAndTheRestByItsBytes() {
        let addresses = ["ул. Ленина, д. 5, кв. 24", "ул. Ленина, д. 5, кв. 3", "ул. Ленина, д. 10, кв. 1", "ул. Ленина, д. 5, кв. 100",
                         "ул. Ленина, д. 5а, кв. 2", "пр. Мира, д. 7", "ул. Ленина, д. 5"]
        let sorted = addresses.sorted { NaturalSortKey($0) < NaturalSortKey($1) }
        #expect(sorted == ["пр. Мира, д. 7", "ул. Ленина, д. 5", "ул. Ленина, д. 5, кв. 3", "ул. Ленина, д. 5, кв. 24",
                           "ул. Ленина, д. 5, кв. 100", "ул. Ленина, д. 5а, кв. 2", "ул. Ленина, д. 10, кв. 1"])
        #expect(NaturalSortKey("кв. 3") == NaturalSortKey("кв. 003"))
        #expect(NaturalSortKey("М-01") < NaturalSortKey("М-2") && NaturalSortKey("М-2") < NaturalSortKey("М-10"))
    }
}
