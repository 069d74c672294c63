import Foundation
import RaschetCore
import RaschetStore
import RaschetTesting
import Testing

/// An imported reading lower than the one before it (without the rollover mark), or higher than the
/// one after it, is a row error naming file, line, column and the fix: against the stored readings
/// and the earlier rows of the import (`Fixtures/bad/readings_lower.csv`). The fixture meter
/// 4102470003-HVS reads 3885.681 on 2026-09-16 and 3890.437 on 2026-10-18.
@Suite struct ImportReadingOrderTests {
    static let header = "meter_id;date;value;zone;source;rollover\n"

    @Test func theBadFixtureIsARowErrorAndNothingIsStored() throws {
        let cli = try ReadingSubmitTests.fixtures()
        defer { cli.remove() }
        try cli.write("readings_lower.csv", try String(contentsOfFile: CLI.fixture("bad/readings_lower.csv"), encoding: .utf8))
        let before = try cli.bytes("f.sqlite")
        let result = try cli.run(["import", "auto", "readings_lower.csv", "--db", "f.sqlite"])
        #expect(result.status == 65)
        #expect(result.stdout == "")
        #expect(result.stderr == """
            raschet: readings_lower.csv:2: value: meter 4102470003-HVS, zone single: 389.044 on 2026-11-18 is lower than the \
            previous reading 3890.437 on 2026-10-18 (stored); correct the value, or set rollover to 1 if the register wrapped past zero
            raschet: 1 problem; nothing was imported. Fix the rows above, or use --partial to store the valid rows.

            """)
        #expect(try cli.bytes("f.sqlite") == before)
    }

    @Test func aRowIsCheckedAgainstTheEarlierRowsOfTheFileAndPartialRejectsOnlyIt() throws {
        let cli = try ReadingSubmitTests.fixtures()
        defer { cli.remove() }
        try cli.write("readings_new.csv", Self.header + """
            4102470003-HVS;2026-11-18;3899;single;cabinet;0
            4102470003-HVS;2026-12-18;3895;single;cabinet;0
            4102470003-HVS;2027-01-18;3905;single;cabinet;0

            """)
        let before = try cli.bytes("f.sqlite")
        let refused = try cli.run(["import", "auto", "readings_new.csv", "--db", "f.sqlite"])
        #expect(refused.status == 65)
        #expect(refused.stderr == """
            raschet: readings_new.csv:3: value: meter 4102470003-HVS, zone single: 3895 on 2026-12-18 is lower than the previous \
            reading 3899 on 2026-11-18 (readings_new.csv line 2); correct the value, or set rollover to 1 if the register wrapped past zero
            raschet: 1 problem; nothing was imported. Fix the rows above, or use --partial to store the valid rows.

            """)
        #expect(try cli.bytes("f.sqlite") == before)

        let partial = try cli.run(["import", "auto", "readings_new.csv", "--partial", "--db", "f.sqlite"])
        #expect(partial.status == 0, "\(partial.stderr)")
        #expect(partial.stdout == "readings: 2 rows, 2 new, 0 changed, 0 unchanged\n")
        #expect(partial.stderr.hasSuffix("raschet: 1 row of readings_new.csv rejected; see readings_new.csv.rejected.csv\n"))
        let stored = try Store.open(at: cli.path("f.sqlite")).contents(of: .readings).filter { $0[0] == "4102470003-HVS" }.map { $0[1] }
        #expect(stored.suffix(3) == ["2026-10-18", "2026-11-18", "2027-01-18"])
    }

    @Test func aRowAboveTheNextStoredReadingIsARowErrorAndARolloverIsAccepted() throws {
        let cli = try ReadingSubmitTests.fixtures()
        defer { cli.remove() }
        try cli.write("readings_between.csv", Self.header + "4102470003-HVS;2026-09-20;3895;single;cabinet;0\n")
        let before = try cli.bytes("f.sqlite")
        let refused = try cli.run(["import", "auto", "readings_between.csv", "--db", "f.sqlite"])
        #expect(refused.status == 65)
        #expect(refused.stderr.hasPrefix("""
            raschet: readings_between.csv:2: value: meter 4102470003-HVS, zone single: 3895 on 2026-09-20 is higher than the next \
            reading 3890.437 on 2026-10-18 (stored); correct the value or its date

            """))
        #expect(try cli.bytes("f.sqlite") == before)

        // The 5-digit register wrapped: 3890.437 → 12.5 marked rollover is 100000 − 3890.437 + 12.5 = 96122.063 m³, accepted.
        try cli.write("readings_rollover.csv", Self.header + "4102470003-HVS;2026-11-18;12.5;single;cabinet;1\n")
        let rollover = try cli.run(["import", "auto", "readings_rollover.csv", "--db", "f.sqlite"])
        #expect(rollover.status == 0, "\(rollover.stderr)")
        #expect(rollover.stdout == "readings: 1 row, 1 new, 0 changed, 0 unchanged\n")
    }
}
