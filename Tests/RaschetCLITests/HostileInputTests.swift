import Foundation
import RaschetCore
import RaschetStore
import RaschetTesting
import Testing

/// One test per hostile-input class of issue 9 ("Trust"), run as a user runs the binary: each checks
/// the exit code, the exact message and that the database file is byte for byte unchanged.
/// (Exports — `--out`, symbolic links, a full disk, read-only media — are `ReadOnlyMediaTests` and the
/// export tests; two commands at once are `LockingTests`.)
@Suite struct HostileInputTests {
    static let header = "account_id;kind;name;address;area;residents;opened"

    static func row(_ number: Int, name: String? = nil, id: String? = nil) -> String {
        "\(id ?? String(1000 + number));person;\(name ?? "Житель \(number)");г. Вологда, ул. Мальцева, д. 52, кв. \(number);54,30;2;2026-01-15"
    }

    /// Runs `import auto FILE` on a database with the suppliers and services; the database must not change.
    static func refusedImport(_ name: String, bytes: [UInt8], status: Int32 = 65, stderr: String) throws {
        let cli = try ImportCommandTests().initialized()
        defer { cli.remove() }
        let before = try cli.bytes("r.sqlite")
        try cli.write(name, bytes: bytes)
        let result = try cli.run(["import", "auto", name, "--db", "r.sqlite"])
        #expect(result.status == status)
        #expect(result.stdout == "")
        #expect(result.stderr == stderr)
        #expect(try cli.bytes("r.sqlite") == before, "the database file must be byte-for-byte unchanged")
    }

    @Test func oneInvalidByteInAUTF8FileNamesItsLineAndByteOffset() throws {
        // The lead byte of «Ж» (0xD0 0x96) in line 3's name replaced by 0xFF. Offsets (UTF-8 bytes):
        // the header is 50 bytes + LF = 51; line 2 is "1001;person;" (12) + "Житель 1" (6 letters × 2 + 2 = 14)
        // + ";г. Вологда, ул. Мальцева, д. 52, кв. 1" (60) + ";54,30;2;2026-01-15" (19) + LF = 106;
        // so line 3 starts at 51 + 106 = 157 and its name at 157 + 12 = 169.
        let text = [Self.header, Self.row(1), Self.row(2), Self.row(3)].joined(separator: "\n") + "\n"
        var bytes = Array(text.utf8)
        let lineThree = Array(([Self.header, Self.row(1)].joined(separator: "\n") + "\n").utf8).count
        #expect(lineThree == 51 + 106)
        let offset = lineThree + Array("1002;person;".utf8).count
        #expect(offset == 169)
        bytes[offset] = 0xFF
        try Self.refusedImport("accounts.csv", bytes: bytes, stderr: """
            raschet: accounts.csv:3: the file is UTF-8 but the byte 0xFF at offset 169 is not: fix or remove it, or save the \
            file as UTF-8 again (--encoding cp1251 forces windows-1251)
            raschet: 1 problem; nothing was imported: a file could not be read as rows (above). --partial leaves out bad \
            rows, not whole files.

            """)
    }

    @Test func aFileNeitherUTF8NorWindows1251IsRefused() throws {
        // «Ив» in windows-1251 (0xC8 0xE2), then 0x98, which windows-1251 leaves unassigned, at offset 51 + 12 + 2 = 65.
        let bytes = Array((Self.header + "\n1001;person;").utf8) + [0xC8, 0xE2, 0x98] + Array(";адрес;1;1;2026-01-15\n".utf8)
        try Self.refusedImport("accounts.csv", bytes: bytes, stderr: """
            raschet: accounts.csv:2: the byte 0x98 at offset 65 is text in neither UTF-8 nor windows-1251: is this a CSV file? \
            Remove the byte or export the file again
            raschet: 1 problem; nothing was imported: a file could not be read as rows (above). --partial leaves out bad \
            rows, not whole files.

            """)
    }

    @Test func nulAndControlCharactersInATextFieldAndInAKeyAreRowErrors() throws {
        let text = [Self.header, Self.row(1, name: "Иванов\u{0}"), Self.row(2, id: "1002\u{7}"), Self.row(3)].joined(separator: "\n") + "\n"
        try Self.refusedImport("accounts.csv", bytes: Array(text.utf8), stderr: """
            raschet: accounts.csv:2: name: holds the control character U+0000; remove it
            raschet: accounts.csv:3: account_id: holds the control character U+0007; remove it
            raschet: 2 problems; nothing was imported. Fix the rows above, or use --partial to store the valid rows.

            """)
    }

    @Test func theErrorFloodListsTheFirstHundredErrorsOfAFileThenACount() throws {
        // 150 rows with a negative area: 100 listed, then the 50 others counted.
        let rows = (1...150).map { "\(1000 + $0);person;Житель;г. Вологда;-1;2;2026-01-15" }
        let text = ([Self.header] + rows).joined(separator: "\n") + "\n"
        let listed = (2...101).map { "raschet: accounts.csv:\($0): area: -1 is negative; it must be 0 or more\n" }.joined()
        try Self.refusedImport("accounts.csv", bytes: Array(text.utf8), stderr: listed + """
            raschet: accounts.csv: 50 more problems not listed (the first 100 are above); fix those and import again to see the rest
            raschet: 150 problems; nothing was imported. Fix the rows above, or use --partial to store the valid rows.

            """)
    }

    /// A rejected row whose name starts with `=` is written with a leading apostrophe (a spreadsheet
    /// shows it as text); the corrected rejected-rows file (its `source_line` and `reason` columns
    /// kept) imports as it is, and the apostrophe is dropped again.
    @Test func aRejectedRowsFileNeutralizesFormulasAndReimportsAsItIsOnceCorrected() throws {
        let cli = try ImportCommandTests().initialized()
        defer { cli.remove() }
        try cli.write("accounts.csv", [Self.header, Self.row(1), "1002;person;=1+2;г. Вологда;-5;2;2026-01-15"]
            .joined(separator: "\n") + "\n")
        let partial = try cli.run(["import", "auto", "accounts.csv", "--partial", "--db", "r.sqlite"])
        #expect(partial.status == 0)
        let rejected = String(decoding: try cli.bytes("accounts.csv.rejected.csv"), as: UTF8.self)
        #expect(rejected == """
            account_id;kind;name;address;area;residents;opened;source_line;reason
            1002;person;'=1+2;г. Вологда;-5;2;2026-01-15;3;"area: -5 is negative; it must be 0 or more"

            """)
        try cli.write("fixed_accounts.csv", rejected.replacingOccurrences(of: ";-5;", with: ";54,30;"))
        let before = try cli.bytes("r.sqlite")
        let again = try cli.run(["import", "accounts", "fixed_accounts.csv", "--db", "r.sqlite"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout == "accounts: 1 row, 1 new, 0 changed, 0 unchanged\n")
        #expect(try cli.bytes("r.sqlite") != before)
        let names = try Store.open(at: cli.path("r.sqlite")).contents(of: .accounts).map { $0[2] }
        #expect(names == ["Житель 1", "=1+2"])
    }

    /// A rejected-rows file still wrong in one row, imported with `--partial`, is rejected again with
    /// one `source_line` and `reason` (the new ones), and that file, corrected, imports as it is.
    @Test func aRejectedRowsFileRefusedAgainKeepsOneReasonColumnAndReimports() throws {
        let cli = try ImportCommandTests().initialized()
        defer { cli.remove() }
        try cli.write("accounts.csv", [Self.header, Self.row(1), "1002;person;Житель 2;г. Вологда;-5;2;2026-01-15",
                                       "1003;person;Житель 3;г. Вологда;-6;2;2026-01-15"].joined(separator: "\n") + "\n")
        #expect(try cli.run(["import", "auto", "accounts.csv", "--partial", "--db", "r.sqlite"]).status == 0)
        let rejected = String(decoding: try cli.bytes("accounts.csv.rejected.csv"), as: UTF8.self)
        // Only 1002 corrected: 1003, on line 3 of the rejected-rows file, is refused again.
        try cli.write("fix1_accounts.csv", rejected.replacingOccurrences(of: ";-5;", with: ";54,30;"))
        let second = try cli.run(["import", "accounts", "fix1_accounts.csv", "--partial", "--db", "r.sqlite"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout == "accounts: 1 row, 1 new, 0 changed, 0 unchanged\n")
        let again = String(decoding: try cli.bytes("fix1_accounts.csv.rejected.csv"), as: UTF8.self)
        #expect(again == """
            account_id;kind;name;address;area;residents;opened;source_line;reason
            1003;person;Житель 3;г. Вологда;-6;2;2026-01-15;3;"area: -6 is negative; it must be 0 or more"

            """)
        try cli.write("fix2_accounts.csv", again.replacingOccurrences(of: ";-6;", with: ";41,00;"))
        let third = try cli.run(["import", "accounts", "fix2_accounts.csv", "--db", "r.sqlite"])
        #expect(third.status == 0, "\(third.stderr)")
        #expect(third.stdout == "accounts: 1 row, 1 new, 0 changed, 0 unchanged\n")
        let ids = try Store.open(at: cli.path("r.sqlite")).contents(of: .accounts).map { $0[0] }
        #expect(ids == ["1001", "1002", "1003"])
    }

    /// `--partial` leaves out bad rows, not a whole file: an unknown column in one file's header
    /// refuses the import of every file (exit 65, the database unchanged), as without `--partial`.
    @Test func partialDoesNotLeaveOutAFileWithABadHeader() throws {
        let cli = try ImportCommandTests().initialized()
        defer { cli.remove() }
        try cli.write("accounts.csv", [Self.header, Self.row(1)].joined(separator: "\n") + "\n")
        try cli.write("payments.csv", "payment_id;account_id;date;amount;sorce\nP1;1001;2026-02-10;100,00;Банк\n")
        let before = try cli.bytes("r.sqlite")
        let result = try cli.run(["import", "auto", "accounts.csv", "payments.csv", "--partial", "--db", "r.sqlite"])
        #expect(result.status == 65)
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix("raschet: payments.csv:1: sorce: "))
        #expect(result.stderr.hasSuffix("""
            raschet: 1 problem; nothing was imported: a file could not be read as rows (above). \
            --partial leaves out bad rows, not whole files.

            """))
        #expect(try cli.bytes("r.sqlite") == before)
        #expect(!FileManager.default.fileExists(atPath: cli.path("payments.csv.rejected.csv")))
    }

    /// The rejected rows of `--partial` are written as they are found, into a temporary file next to
    /// their input: an import that is refused after them (here by the bad header of a file read
    /// later) leaves neither a rejected-rows file nor its temporary file.
    @Test func aRefusedPartialImportLeavesNoRejectedRowsFileNorItsTemporaryFile() throws {
        let cli = try ImportCommandTests().initialized()
        defer { cli.remove() }
        try cli.write("accounts.csv", [Self.header, Self.row(1), "1002;person;Житель 2;г. Вологда;-5;2;2026-01-15"]
            .joined(separator: "\n") + "\n")
        try cli.write("payments.csv", "payment_id;account_id;date;amount;sorce\nP1;1001;2026-02-10;100,00;Банк\n")
        let before = try cli.bytes("r.sqlite")
        // Besides the database's own files (its write-ahead log may come and go).
        func files() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: cli.path("")).filter { !$0.hasPrefix("r.sqlite") }.sorted()
        }
        let listed = try files()
        #expect(listed == ["accounts.csv", "payments.csv", "services.csv", "suppliers.csv"])
        let result = try cli.run(["import", "auto", "accounts.csv", "payments.csv", "--partial", "--db", "r.sqlite"])
        #expect(result.status == 65)
        #expect(result.stderr.hasSuffix("""
            raschet: 2 problems; nothing was imported: a file could not be read as rows (above). \
            --partial leaves out bad rows, not whole files.

            """))
        #expect(try cli.bytes("r.sqlite") == before)
        #expect(try files() == listed)
    }

    /// A rejected-rows file that cannot be made (its name is a folder) stops the import before any
    /// row is stored: exit 73, the database unchanged.
    @Test func aRejectedRowsFileThatCannotBeMadeStopsThePartialImportBeforeStoring() throws {
        let cli = try ImportCommandTests().initialized()
        defer { cli.remove() }
        try cli.write("accounts.csv", [Self.header, Self.row(1), "1002;person;Житель 2;г. Вологда;-5;2;2026-01-15"]
            .joined(separator: "\n") + "\n")
        try FileManager.default.createDirectory(atPath: cli.path("accounts.csv.rejected.csv"), withIntermediateDirectories: false)
        let before = try cli.bytes("r.sqlite")
        let result = try cli.run(["import", "auto", "accounts.csv", "--partial", "--db", "r.sqlite"])
        #expect(result.status == 73)
        #expect(result.stdout == "")
        #expect(result.stderr == """
            raschet: accounts.csv.rejected.csv is not a file but a folder, a device or a pipe, which writing there would \
            replace; choose a file name

            """)
        #expect(try cli.bytes("r.sqlite") == before)
    }

    @Test(arguments: [("9999-12", "9999-12"), ("1900-01", "1900-01")])
    func aCloseFarFromTodayIsRefused(period: String, code: String) throws {
        let cli = try ReadingSubmitTests.fixtures()
        defer { cli.remove() }
        let before = try cli.bytes("f.sqlite")
        let result = try cli.run(["close", period, "--db", "f.sqlite"])
        #expect(result.status == 65)
        #expect(result.stderr == "raschet: cannot close \(code): no period is closed yet, and the first close must be within a "
            + "year of today, from 2025-11 to 2027-11\n")
        #expect(try cli.bytes("f.sqlite") == before)
        #expect(!FileManager.default.fileExists(atPath: cli.path("f.sqlite.review-\(period).csv")))
    }

    @Test(arguments: ["9999-12", "1900-01", "1900-12", "1902-12", "9980-01"])
    func synthRefusesPeriodsBeyondItsCalendarWithoutATrap(period: String) throws {
        let cli = try CLI()
        defer { cli.remove() }
        let result = try cli.run(["synth", "--accounts", "3", "--out", "x", "--period", period])
        #expect(result.status == 64)
        #expect(result.stderr == "raschet: synthetic data can be made for the periods 1903-01 to 9979-12; \(period) is outside them\n")
        #expect(!FileManager.default.fileExists(atPath: cli.path("x")))
    }

    /// The first period with the longest history (its readings from 1900-12), and the last.
    @Test(arguments: ["1903-01", "9979-12"])
    func synthMakesTheEdgePeriods(period: String) throws {
        let cli = try CLI()
        defer { cli.remove() }
        let result = try cli.run(["synth", "--accounts", "3", "--out", "x", "--period", period, "--history-months", "24"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: cli.path("x/readings.csv")))
    }

    /// 10^9 м² × 10^9 руб./м² (both at the top of the import ranges) = 10^18 rubles, beyond
    /// `Money.limit` (10^12 rubles): that account is parked with the reason, the 45 Fixtures accounts
    /// close, the command exits 65, and the period's run row says `closed` (never left `running`).
    @Test func aHugePriceTimesAreaParksOneAccountAndTheOthersClose() throws {
        let cli = try ReadingSubmitTests.fixtures()
        defer { cli.remove() }
        try cli.write("services_big.csv", "service_id;name;unit;supplier_id;method;vat_mode\nBIG;Содержание;м²;VODOKANAL;area;included\n")
        try cli.write("tariffs_big.csv", "service_id;valid_from;price\nBIG;2025-01-01;1000000000\n")
        try cli.write("accounts_big.csv", "account_id;kind;name;address;area;residents;opened\n"
                      + "9000000001;person;Петров;г. Вологда;1000000000;1;2014-03-12\n")
        try cli.write("account_services_big.csv", "account_id;service_id;valid_from\n9000000001;BIG;2025-01-01\n")
        let imported = try cli.run(["import", "auto", "services_big.csv", "tariffs_big.csv", "accounts_big.csv",
                                    "account_services_big.csv", "--db", "f.sqlite"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let result = try cli.run(["close", "2026-08", "--db", "f.sqlite"])
        #expect(result.status == 65)
        #expect(result.stdout.hasPrefix("closed 2026-08: 45 accounts closed, 1 parked\n"), "\(result.stdout)")
        #expect(result.stderr == """
            raschet: parked 9000000001: account 9000000001, service BIG, period 2026-08: An amount out of the allowed range \
            (at most 1000000000000.00 rubles): 1000000000 × 1000000000; check the price, the quantity and the area
            raschet: 1 account parked; fix the data and run `raschet close 2026-08` again to compute them

            """)
        #expect(try Store.open(at: cli.path("f.sqlite")).closeStatus(Period(year: 2026, month: 8)!) == .closed)
    }
}
