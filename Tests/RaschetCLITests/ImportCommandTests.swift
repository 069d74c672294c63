import Foundation
import RaschetCore
import RaschetStore
import RaschetTesting
import Testing

/// `raschet init` and `raschet import`, run as a user runs them.
@Suite struct ImportCommandTests {
    static let suppliers = """
        supplier_id;name;inn;kpp;bic;account
        VOD;АО «Вологдагорводоканал»;3525142318;352501001;041909644;40702810412000034517

        """
    static let services = """
        service_id;name;unit;supplier_id;method;vat_mode
        HVS;Холодное водоснабжение;м³;VOD;meter;included

        """

    /// Twenty good accounts, numbered 1001...1020.
    static func accounts(replacingLine line: Int? = nil, with bad: String = "", header: String? = nil) -> String {
        var lines = [header ?? "account_id;kind;name;address;area;residents;opened"]
        for i in 1...20 {
            lines.append("\(1000 + i);person;Житель \(i);г. Вологда, ул. Мальцева, д. 52, кв. \(i);54,30;2;2026-01-15")
        }
        if let line { lines[line - 1] = bad }
        return lines.joined(separator: "\n") + "\n"
    }

    func initialized() throws -> CLI {
        let cli = try CLI()
        return try cli.folder.removeOnError { () throws -> CLI in
            let created = try cli.run(["init", "--db", "r.sqlite"])
            #expect(created.status == 0)
            #expect(created.stdout == "created r.sqlite\n")
            try cli.write("suppliers.csv", Self.suppliers)
            try cli.write("services.csv", Self.services)
            let base = try cli.run(["import", "auto", "suppliers.csv", "services.csv", "--db", "r.sqlite"])
            #expect(base.status == 0, "\(base.stderr)")
            return cli
        }
    }

    @Test func importsAFileAndReimportingChangesNothing() throws {
        let cli = try initialized()
        defer { cli.remove() }
        try cli.write("accounts.csv", Self.accounts())
        let first = try cli.run(["import", "accounts", "accounts.csv", "--db", "r.sqlite"])
        #expect(first.status == 0)
        #expect(first.stdout == "accounts: 20 rows, 20 new, 0 changed, 0 unchanged\n")
        let second = try cli.run(["import", "accounts", "accounts.csv", "--db", "r.sqlite"])
        #expect(second.stdout == "accounts: 20 rows, 0 new, 0 changed, 20 unchanged\n")
        #expect(second.stderr == "")
        // Two rows changed (line 3: account 1002's area, line 6: 1005's residents), one added.
        var changed = Self.accounts(replacingLine: 3, with: "1002;person;Житель 2;г. Вологда, ул. Мальцева, д. 52, кв. 2;60,10;2;2026-01-15")
            .replacingOccurrences(of: "кв. 5;54,30;2;", with: "кв. 5;54,30;3;")
        changed += "1021;person;Житель 21;г. Вологда, ул. Мальцева, д. 52, кв. 21;33,00;1;2026-01-15\n"
        try cli.write("accounts.csv", changed)
        let third = try cli.run(["import", "accounts", "accounts.csv", "--db", "r.sqlite"])
        #expect(third.stdout == "accounts: 21 rows, 1 new, 2 changed, 18 unchanged\n")
        // Counted for the import's transaction only: the next import counts its own.
        let fourth = try cli.run(["import", "accounts", "accounts.csv", "--db", "r.sqlite"])
        #expect(fourth.stdout == "accounts: 21 rows, 0 new, 0 changed, 21 unchanged\n")
    }

    @Test(arguments: [
        ("bad date", 8, "1007;person;Житель 7;г. Вологда, ул. Мальцева, д. 52, кв. 7;54,30;2;2026-13-01",
         "accounts.csv:8: opened: \"2026-13-01\" is not a date; write YYYY-MM-DD or DD.MM.YYYY"),
        ("negative area", 12, "1011;person;Житель 11;г. Вологда, ул. Мальцева, д. 52, кв. 11;-54,30;2;2026-01-15",
         "accounts.csv:12: area: -54.3 is negative; it must be 0 or more"),
        ("area out of range", 12, "1011;person;Житель 11;г. Вологда, ул. Мальцева, д. 52, кв. 11;1000000000,01;2;2026-01-15",
         "accounts.csv:12: area: 1000000000.01 is out of range; it must be from 0 to 1000000000"),
        // Too large for any number: out of range too, not «not a number».
        ("area beyond any number", 12, "1011;person;Житель 11;г. Вологда, ул. Мальцева, д. 52, кв. 11;99999999999999999999,5;2;2026-01-15",
         "accounts.csv:12: area: 99999999999999999999,5 is out of range; it must be from 0 to 1000000000"),
        ("residents beyond any whole number", 12, "1011;person;Житель 11;г. Вологда, ул. Мальцева, д. 52, кв. 11;54,30;99999999999999999999;2026-01-15",
         "accounts.csv:12: residents: 99999999999999999999 is out of range; it must be from 0 to 1000"),
        ("residents not a whole number", 12, "1011;person;Житель 11;г. Вологда, ул. Мальцева, д. 52, кв. 11;54,30;2.5;2026-01-15",
         "accounts.csv:12: residents: \"2.5\" is not a whole number"),
        ("area not a number", 12, "1011;person;Житель 11;г. Вологда, ул. Мальцева, д. 52, кв. 11;1e5;2;2026-01-15",
         "accounts.csv:12: area: \"1e5\" is not a number with at most 6 decimals (use . or , as the decimal separator)"),
        ("broken quote", 5, "1004;person;\"Житель\" 4;г. Вологда;54,30;2;2026-01-15",
         "accounts.csv:5: name: broken quote: unexpected character after the closing quote (a \" inside a quoted value must be doubled: \"\")"),
    ])
    func aBadRowRefusesTheWholeFileAndLeavesTheDatabaseUnchanged(
        name: String, line: Int, row: String, message: String
    ) throws {
        let cli = try initialized()
        defer { cli.remove() }
        let before = try cli.bytes("r.sqlite")
        try cli.write("accounts.csv", Self.accounts(replacingLine: line, with: row))
        let result = try cli.run(["import", "auto", "accounts.csv", "--db", "r.sqlite"])
        #expect(result.status == 65)
        #expect(result.stdout == "")
        #expect(result.stderr == """
            raschet: \(message)
            raschet: 1 problem; nothing was imported. Fix the rows above, or use --partial to store the valid rows.

            """)
        #expect(try cli.bytes("r.sqlite") == before, "the database file must be byte-for-byte unchanged")
    }

    /// The first import into a new database switches it to a rollback journal and back
    /// (`Store.importRows`); SQLite counts each switch in the file's header. Refused, the import
    /// leaves every other byte as it was.
    @Test func aBadRowInTheFirstImportLeavesTheNewDatabaseAsItWasBesidesTwoHeaderCounters() throws {
        let cli = try CLI()
        defer { cli.remove() }
        #expect(try cli.run(["init", "--db", "r.sqlite"]).status == 0)
        let before = try cli.bytes("r.sqlite")
        try cli.write("suppliers.csv", Self.suppliers)
        try cli.write("accounts.csv", Self.accounts(replacingLine: 12, with: "1011;person;Житель 11;г. Вологда;-54,30;2;2026-01-15"))
        let result = try cli.run(["import", "auto", "suppliers.csv", "accounts.csv", "--db", "r.sqlite"])
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("raschet: accounts.csv:12: area: -54.3 is negative; it must be 0 or more\n"))
        let after = try cli.bytes("r.sqlite")
        #expect(after.count == before.count)
        #expect(Self.withoutHeaderCounters(after) == Self.withoutHeaderCounters(before))
    }

    /// A database file's bytes without the two counters of its header SQLite moves when the journal
    /// mode changes: the file change counter (offset 24) and the version-valid-for number (offset 92).
    static func withoutHeaderCounters(_ bytes: Data) -> Data { bytes.prefix(24) + bytes[28..<92] + bytes.dropFirst(96) }

    @Test func anUnknownColumnIsAnErrorNotSilentlyDroppedData() throws {
        let cli = try initialized()
        defer { cli.remove() }
        let before = try cli.bytes("r.sqlite")
        try cli.write("accounts.csv", Self.accounts(header: "account_id;kind;name;address;aera;residents;opened"))
        let result = try cli.run(["import", "auto", "accounts.csv", "--db", "r.sqlite"])
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("""
            raschet: accounts.csv:1: aera: unknown column for accounts; expected one of: account_id, kind, name, address, \
            inn, contract_no, contract_date, postal_address, area, residents, email, email_confirmed, e_receipt, \
            delivery_route, opened, closed, changed_from. Fix the column name (a typo must not silently drop data)
            """))
        #expect(try cli.bytes("r.sqlite") == before)
    }

    @Test func aPaymentForAnUnknownAccountIsARowError() throws {
        let cli = try initialized()
        defer { cli.remove() }
        try cli.write("accounts.csv", Self.accounts())
        try cli.write("payments.csv", """
            payment_id;account_id;date;amount;source
            OP-1;1001;2026-10-05;1500,00;Сбербанк
            OP-2;9999;2026-10-06;200.00;Почта России

            """)
        let result = try cli.run(["import", "auto", "payments.csv", "accounts.csv", "--db", "r.sqlite"])
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("raschet: payments.csv:3: account_id: unknown account \"9999\"; import it in accounts first\n"))
    }

    @Test func partialStoresTheGoodRowsAndWritesTheRejectedOnesWithReasons() throws {
        let cli = try initialized()
        defer { cli.remove() }
        try cli.write("accounts.csv", Self.accounts(
            replacingLine: 12, with: "1011;person;Житель 11;г. Вологда, ул. Мальцева, д. 52, кв. 11;-54,30;2;2026-01-15"))
        let result = try cli.run(["import", "auto", "accounts.csv", "--partial", "--db", "r.sqlite"])
        #expect(result.status == 0)
        #expect(result.stdout == "accounts: 19 rows, 19 new, 0 changed, 0 unchanged\n")
        #expect(result.stderr == """
            raschet: accounts.csv:12: area: -54.3 is negative; it must be 0 or more
            raschet: 1 row of accounts.csv rejected; see accounts.csv.rejected.csv

            """)
        #expect(String(decoding: try cli.bytes("accounts.csv.rejected.csv"), as: UTF8.self) == """
            account_id;kind;name;address;area;residents;opened;source_line;reason
            1011;person;Житель 11;г. Вологда, ул. Мальцева, д. 52, кв. 11;-54,30;2;2026-01-15;12;"area: -54.3 is negative; it must be 0 or more"

            """)
        let store = try Store.open(at: cli.path("r.sqlite"))
        #expect(try store.contents(of: .accounts).map { $0[0] } == (1001...1020).filter { $0 != 1011 }.map(String.init))
    }

    /// A row that cannot be read as CSV (a broken quote) comes back with its text in the file's
    /// columns, split at the delimiters, for the operator to correct; corrected, it imports.
    @Test func partialKeepsTheTextOfARowWithABrokenQuote() throws {
        let cli = try initialized()
        defer { cli.remove() }
        try cli.write("accounts.csv", Self.accounts(
            replacingLine: 12, with: "1011;person;Житель \"11\";г. Вологда, ул. Мальцева, д. 52, кв. 11;54,30;2;2026-01-15"))
        let result = try cli.run(["import", "auto", "accounts.csv", "--partial", "--db", "r.sqlite"])
        #expect(result.status == 0)
        #expect(String(decoding: try cli.bytes("accounts.csv.rejected.csv"), as: UTF8.self) == #"""
            account_id;kind;name;address;area;residents;opened;source_line;reason
            1011;person;"Житель ""11""";г. Вологда, ул. Мальцева, д. 52, кв. 11;54,30;2;2026-01-15;12;"name: broken quote: a \#
            "" inside an unquoted value (quote the whole value and double the "": """")"

            """#)
        let again = try cli.run(["import", "auto", "accounts.csv.rejected.csv", "--db", "r.sqlite"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout == "accounts: 1 row, 1 new, 0 changed, 0 unchanged\n")
    }

    /// An XML input's refused rows come back as XML: the elements as they were read, each after a
    /// comment with its line and reason; corrected, the file imports as it is.
    @Test func partialWritesTheRejectedRowsOfAnXMLFileAsXMLThatReimportsOnceCorrected() throws {
        let cli = try initialized()
        defer { cli.remove() }
        try cli.write("accounts.csv", Self.accounts())
        try cli.write("bank.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <raschet-data version="1">
              <payments>
                <payment payment_id="OP-1" account_id="1001" date="2026-10-05" amount="1500.00" source="Сбербанк"/>
                <payment payment_id="OP-2" account_id="1002" date="2026-10-06" amount="200,00 руб" source="Почта &amp; «Связь»"/>
              </payments>
            </raschet-data>

            """)
        let result = try cli.run(["import", "auto", "accounts.csv", "bank.xml", "--partial", "--db", "r.sqlite"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.hasSuffix("raschet: 1 row of bank.xml rejected; see bank.xml.rejected.xml\n"))
        let rejected = String(decoding: try cli.bytes("bank.xml.rejected.xml"), as: UTF8.self)
        #expect(rejected == """
            <?xml version="1.0" encoding="UTF-8"?>
            <raschet-data version="1">
              <payments>
                <!-- source_line 5: amount: "200,00 руб" is not an amount with at most 2 decimals (use . or , as the decimal separator) -->
                <payment payment_id="OP-2" account_id="1002" date="2026-10-06" amount="200,00 руб" source="Почта &amp; «Связь»"/>
              </payments>
            </raschet-data>

            """)

        try cli.write("bank.xml.rejected.xml", rejected.replacingOccurrences(of: "amount=\"200,00 руб\"", with: "amount=\"200.00\""))
        let again = try cli.run(["import", "auto", "bank.xml.rejected.xml", "--db", "r.sqlite"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout == "payments: 1 row, 1 new, 0 changed, 0 unchanged\n")
        let payments = try Store.open(at: cli.path("r.sqlite")).contents(of: .payments)
        #expect(payments.map { [$0[0], $0[3], $0[4]] } == [["OP-1", "150000", "Сбербанк"], ["OP-2", "20000", "Почта & «Связь»"]])
    }

    @Test func aWindows1251FileImportsTheSameValuesAsItsUTF8Twin() throws {
        let utf8 = """
            account_id;kind;name;address;area;residents;opened
            2001;person;Ёлкина Алёна Петровна;г. Вологда, ул. Ленина, д. 5, кв. 1;54.30;2;2026-01-15

            """
        let cp1251 = """
            account_id;kind;name;address;area;residents;opened
            2001;person;Ёлкина Алёна Петровна;г. Вологда, ул. Ленина, д. 5, кв. 1;54,30;2;15.01.2026

            """
        let a = try initialized()
        defer { a.remove() }
        let b = try initialized()
        defer { b.remove() }
        try a.write("accounts.csv", utf8)
        try b.write("accounts.csv", bytes: Self.windows1251(cp1251))
        #expect(try a.run(["import", "auto", "accounts.csv", "--db", "r.sqlite"]).status == 0)
        let result = try b.run(["import", "auto", "accounts.csv", "--db", "r.sqlite"])
        #expect(result.status == 0, "\(result.stderr)")
        let fromUTF8 = try Store.open(at: a.path("r.sqlite")).contents(of: .accounts)
        let fromCP1251 = try Store.open(at: b.path("r.sqlite")).contents(of: .accounts)
        #expect(fromUTF8 == fromCP1251)
        #expect(fromCP1251.first?[2] == "Ёлкина Алёна Петровна")
    }

    @Test func anXMLFileWithADTDIsRefusedAndReadsNoFile() throws {
        let cli = try initialized()
        defer { cli.remove() }
        let secret = try cli.write("secret.txt", "пароль")
        let before = try cli.bytes("r.sqlite")
        try cli.write("data.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE raschet-data [<!ENTITY xxe SYSTEM "file://\(secret)">]>
            <raschet-data version="1"><accounts>
            <account account_id="3001" kind="person" name="&xxe;" address="г. Вологда"/>
            </accounts></raschet-data>

            """)
        let result = try cli.run(["import", "auto", "data.xml", "--db", "r.sqlite"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("DTDs and entity declarations are not accepted"))
        #expect(!result.stderr.contains("пароль") && !result.stdout.contains("пароль"))
        #expect(try cli.bytes("r.sqlite") == before)
    }

    @Test func importIntoAMissingDatabaseSaysHowToCreateIt() throws {
        let cli = try CLI()
        defer { cli.remove() }
        try cli.write("accounts.csv", Self.accounts())
        let result = try cli.run(["import", "auto", "accounts.csv", "--db", "none.sqlite"])
        #expect(result.status == 66)
        #expect(result.stderr == "raschet: none.sqlite: no such database; create it with `raschet init --db none.sqlite`\n")
    }

    @Test func aMissingInputFileIsExitCode66() throws {
        let cli = try initialized()
        defer { cli.remove() }
        let result = try cli.run(["import", "accounts", "nowhere.csv", "--db", "r.sqlite"])
        #expect(result.status == 66)
        #expect(result.stderr == "raschet: nowhere.csv: cannot read the file (No such file or directory); check the path and permissions\n")
        // A mistyped name in `auto`: missing, not of an unknown entity.
        let typo = try cli.run(["import", "auto", "acounts.csv", "--db", "r.sqlite"])
        #expect(typo.status == 66)
        #expect(typo.stderr == "raschet: acounts.csv: cannot read the file (No such file or directory); check the path and permissions\n")
        try cli.write("empty.csv", "")
        let empty = try cli.run(["import", "accounts", "empty.csv", "--db", "r.sqlite"])
        #expect(empty.status == 65)
        #expect(empty.stderr.hasPrefix("raschet: empty.csv:1: the file is empty"))
    }

    /// Encodes text as windows-1251 (Cyrillic and ASCII only, as the test data is).
    static func windows1251(_ text: String) -> [UInt8] {
        text.unicodeScalars.map { scalar -> UInt8 in
            switch scalar.value {
            case 0..<0x80: UInt8(scalar.value)
            case 0x410...0x44F: UInt8(scalar.value - 0x410 + 0xC0)
            case 0x401: 0xA8  // Ё
            case 0x451: 0xB8  // ё
            case 0xAB: 0xAB  // «
            case 0xBB: 0xBB  // »
            default: preconditionFailure("not in the test's windows-1251 subset: \(scalar)")
            }
        }
    }

    /// A named pipe given as an input file is refused at once (exit 66), for CSV and XML: opening it
    /// used to wait for a writer, for ever.
    @Test func aNamedPipeIsRefusedWithoutWaiting() throws {
        let cli = try CLI()
        defer { cli.remove() }
        #expect(try cli.run(["init", "--db", "r.sqlite"]).status == 0)
        for name in ["accounts.csv", "data.xml"] {
            #expect(mkfifo(cli.path(name), 0o644) == 0)
            let result = try cli.run(["import", "auto", name, "--db", "r.sqlite"])
            #expect(result.status == 66, "\(name)")
            #expect(result.stderr == "raschet: \(name): is not a regular file; name a CSV or XML file\n")
        }
    }

    /// A file whose lines end with CR alone (as Excel for Mac's "CSV (Macintosh)" saves) is named as such.
    @Test func linesEndingWithCRAloneAreNamed() throws {
        let cli = try CLI()
        defer { cli.remove() }
        #expect(try cli.run(["init", "--db", "r.sqlite"]).status == 0)
        try cli.write("accounts.csv", "account_id;kind;name;address;area\r1001;person;A;B;1\r")
        let result = try cli.run(["import", "accounts", "accounts.csv", "--db", "r.sqlite"])
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("raschet: accounts.csv:1: the lines end with CR alone (the old Mac format); save the file with "
            + "Windows (CRLF) or Unix (LF) line ends\n"), "\(result.stderr)")
    }
}
