import RaschetCore
import Testing

/// The column table's bindings to entity fields (`EntityTables`) against the columns they
/// declare: a field that cannot be nil has a column every row fills, and each declared check
/// is one the importer applies to the column's type.
@Suite struct FieldBindingTests {
    /// Calls `body` with every entity's table.
    static func eachTable(_ body: (any EntityTableChecks) -> Void) {
        body(EntityTables.suppliers); body(EntityTables.services); body(EntityTables.tariffs)
        body(EntityTables.accounts); body(EntityTables.accountServices); body(EntityTables.meters)
        body(EntityTables.readings); body(EntityTables.volumes); body(EntityTables.payments)
        body(EntityTables.absences); body(EntityTables.keyRates)
    }

    @Test func everyEntityHasItsOwnTable() {
        var kinds: [EntityKind] = []
        Self.eachTable { kinds.append($0.kind) }
        #expect(kinds == EntityKind.allCases)
        Self.eachTable { #expect($0.kind.columns == $0.columns) }
    }

    @Test func aFieldIsOptionalExactlyWhenItsColumnMayBeEmpty() {
        Self.eachTable { table in
            for (name, optional, column) in table.bindings {
                #expect(optional == !column.alwaysFilled, "\(table.kind.name).\(name)")
            }
        }
    }

    @Test func everyCheckFitsItsColumnsType() {
        Self.eachTable { table in
            for column in table.columns.columns {
                for check in column.checks {
                    let fits = switch check {
                    case .digits, .email: column.type == .text
                    case .range: column.type == .integer
                    case .nonNegative, .positive, .nonZero, .atMost: column.type == .decimal || column.type == .money
                    case .notBefore(let other): column.type == .date && table.columns.column(other)?.type == .date
                    }
                    #expect(fits, "\(table.kind.name).\(column.name): \(check)")
                }
            }
        }
    }

    /// The account checks of SPEC section 3 sit on their columns.
    @Test func theAccountsTableDeclaresItsChecks() {
        let checks = Dictionary(uniqueKeysWithValues: EntityTables.accounts.fields.map { ($0.column.name, $0.column.checks) })
            .filter { !$0.value.isEmpty }
        #expect(checks == ["inn": [.digits([10, 12])], "area": [.nonNegative, .atMost(ExactDecimal(1_000_000_000))], "residents": [.range(0...1000)],
                           "email": [.email], "closed": [.notBefore("opened")]])
    }
}

/// What the tests read of an `EntityTable`, whatever its entity.
protocol EntityTableChecks {
    var kind: EntityKind { get }
    var columns: EntityColumns { get }
    /// Each column's name, whether its field can be nil, and the column.
    var bindings: [(String, Bool, Column)] { get }
}

extension EntityTable: EntityTableChecks {
    var bindings: [(String, Bool, Column)] { fields.map { ($0.column.name, $0.access.isOptional, $0.column) } }
}
