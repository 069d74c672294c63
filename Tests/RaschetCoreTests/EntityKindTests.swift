import RaschetCore
import Testing

@Suite struct EntityKindTests {
    @Test func positionsFollowDependencyOrder() {
        #expect(EntityKind.allCases.map(\.position) == Array(0..<EntityKind.allCases.count))
        #expect(EntityKind.allCases.sorted() == EntityKind.allCases)
    }

    @Test func rowElementsAndKeysAreThoseOfTheSpec() {
        #expect(EntityKind.accountServices.name == "account_services")
        #expect(EntityKind.accountServices.rowElementName == "account_service")
        #expect(EntityKind.tariffs.keyColumns == ["service_id", "valid_from", "zone", "category"])
        #expect(EntityKind(name: "key_rates") == .keyRates)
        #expect(EntityKind(name: "tariff") == nil)
    }
}
