@testable import RaschetStore
import Testing

/// `meter_changes` keeps a meter's row in the columns of `meters`: the triggers copy them by name
/// and `StoredRows.meter` decodes them by position, so both lists must stay the same.
@Suite struct MeterChangesTableTests {
    @Test func aChangedMetersRowIsKeptInTheColumnsAndOrderOfMeters() {
        let kept = MeterChangesTable.rowColumns.split(separator: ",").map { "\"" + $0.filter { $0 != " " } + "\"" }
        #expect(kept.joined(separator: ", ") == StoredRows.meterColumns)
    }
}
