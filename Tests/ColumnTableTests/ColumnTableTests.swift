import Foundation
import GRDB
import RaschetCore
import RaschetIngest
@testable import RaschetStore
import RaschetSynth
import RaschetTesting
import Testing

/// The column table (`EntityKind.columns`) against everything derived from it: the importer's
/// schema, the tables of a real migrated database, the store's codecs and the synthetic files'
/// headers. Any of them disagreeing with the table fails here.
@Suite struct ColumnTableTests {
    /// A fully migrated database in `folder`, made the way `raschet init` makes one.
    static func store(in folder: TemporaryFolder) throws -> Store {
        try Store.create(at: folder.path("columns.sqlite")).store
    }

    /// The synthetic files of one account, by file name.
    static let synthetic: [String: [UInt8]] = {
        var files: [String: [UInt8]] = [:]
        SyntheticDataSet(accounts: 1, seed: 1, period: Period(year: 2026, month: 10)!).generate { name, chunk in
            files[name, default: []] += chunk
        }
        return files
    }()

    @Test(arguments: EntityKind.allCases)
    func theImporterTheStoreAndTheSyntheticFilesHaveTheColumnsOfTheTable(kind: EntityKind) throws {
        let table = kind.columns
        #expect(table.kind == kind)
        #expect(Set(table.names).count == table.columns.count, "a column is declared twice")

        let schema = EntitySchema.of(kind)
        #expect(schema.columns == table.names)
        #expect(schema.required == Set(table.columns.filter(\.required).map(\.name)))

        let folder = try TemporaryFolder("raschet-columns")
        defer { folder.remove() }
        let store = try Self.store(in: folder)
        let stored = try store.read { db in
            try Row.fetchAll(db, sql: "SELECT name, type, \"notnull\", pk FROM pragma_table_info(?)", arguments: [kind.name])
        }
        // The readings are keyed by their quarter first (`ReadingQuarters`), a column of the store's own.
        let leading = kind == .readings ? ReadingQuarters.column : nil
        #expect(stored.map { $0["name"] as String }.sorted() == (table.names + [leading].compactMap { $0 }).sorted())
        for row in stored {
            if let leading, row["name"] as String == leading {
                #expect(row["type"] as String == "INTEGER" && row["notnull"] as Bool && row["pk"] as Int == 1)
                continue
            }
            let column = try #require(table.column(row["name"]))
            #expect(row["type"] as String == (column.type.storedAsInteger ? "INTEGER" : "TEXT"), "\(kind.name).\(column.name)")
            #expect(row["notnull"] as Bool == column.alwaysFilled, "\(kind.name).\(column.name)")
            #expect((row["pk"] as Int > 0) == column.key, "\(kind.name).\(column.name)")
        }
        let references = try store.read { db in
            try Row.fetchAll(db, sql: "SELECT \"from\", \"table\" FROM pragma_foreign_key_list(?) ORDER BY id", arguments: [kind.name])
        }
        #expect(references.map { "\($0["from"] as String)->\($0["table"] as String)" }.sorted()
                == table.columns.compactMap { c in c.references.map { "\(c.name)->\($0.name)" } }.sorted())

        let file = try #require(Self.synthetic[kind.name + ".csv"])
        let header = file.split(separator: UInt8(ascii: "\n"), maxSplits: 1).first.map { String(decoding: $0, as: UTF8.self) }
        #expect(header == table.names.joined(separator: ";"))
    }

    /// `Fixtures/spec_columns.py`, the Fixtures scripts' copy of the table (they cannot read Swift).
    @Test func theFixturesScriptsCopyOfTheTableAgrees() throws {
        var path = #filePath
        for _ in 0..<3 { path = String(path[..<path.lastIndex(of: "/")!]) }
        let text = try String(contentsOfFile: path + "/Fixtures/spec_columns.py", encoding: .utf8)
        let body = try #require(text.split(separator: "COLUMNS = {", maxSplits: 1).last?.split(separator: "}").first)
        var copy: [String: [String]] = [:]
        for match in body.matches(of: /"(\w+)":((?:\s*"[^"]*")+)/) {
            let words = match.2.matches(of: /"([^"]*)"/).map { String($0.1) }.joined().split(separator: " ").map(String.init)
            copy[String(match.1)] = words
        }
        #expect(copy == Dictionary(uniqueKeysWithValues: EntityKind.allCases.map { ($0.name, $0.columns.names) }))
    }

    @Test func everyDefaultIsAValueOfItsColumn() {
        for kind in EntityKind.allCases {
            for column in kind.columns.columns {
                guard let value = column.defaultValue else { continue }
                let parses = switch column.type {
                case .boolean: value == "0" || value == "1"
                case .integer: Int(value) != nil
                case .decimal: ExactDecimal(parsing: value) != nil
                case .choice(let codes): codes.contains(value)
                case .text, .money, .date, .period: false  // no column of these types has a default
                }
                #expect(parses, "\(kind.name).\(column.name) default \(value)")
            }
        }
    }

    /// The first migration is history: databases made before the column table have exactly these
    /// tables (taken with `PRAGMA table_info`, `foreign_key_list` and `index_list` from a database
    /// that the hand-written `v1-reference-data` made). Changing a column of the table that the
    /// first schema already had fails here: add a migration instead (`Column.addedBy`).
    @Test func theFirstMigrationStillCreatesTheTablesOfExistingDatabases() throws {
        let folder = try TemporaryFolder("raschet-columns")
        defer { folder.remove() }
        let queue = try DatabaseQueue(path: folder.path("columns.sqlite"))
        try Schema.migrator.migrate(queue, upTo: "v1-reference-data")
        let dump = try queue.read { db in
            var lines: [String] = []
            for kind in EntityKind.allCases {
                lines.append(kind.name)
                for row in try Row.fetchAll(db, sql: "SELECT name, type, \"notnull\", pk FROM pragma_table_info(?)", arguments: [kind.name]) {
                    let pk: Int = row["pk"]
                    lines.append("  \(row["name"] as String) \(row["type"] as String)" + (row["notnull"] as Bool ? " NOT NULL" : "")
                                 + (pk > 0 ? " PK\(pk)" : ""))
                }
                for row in try Row.fetchAll(db, sql: "SELECT \"from\", \"table\" FROM pragma_foreign_key_list(?) ORDER BY id", arguments: [kind.name]) {
                    lines.append("  \(row["from"] as String) -> \(row["table"] as String)")
                }
                for name in try String.fetchAll(db, sql: "SELECT name FROM pragma_index_list(?) ORDER BY name", arguments: [kind.name]) {
                    let columns = try String.fetchAll(db, sql: "SELECT name FROM pragma_index_info(?)", arguments: [name])
                    lines.append("  index \(name) (\(columns.joined(separator: ", ")))")
                }
            }
            return lines.joined(separator: "\n")
        }
        #expect(dump == """
        suppliers
          supplier_id TEXT NOT NULL PK1
          name TEXT NOT NULL
          inn TEXT NOT NULL
          kpp TEXT
          bank_name TEXT
          bic TEXT
          corr_account TEXT
          account TEXT
          address TEXT
          phone TEXT
          index sqlite_autoindex_suppliers_1 (supplier_id)
        services
          service_id TEXT NOT NULL PK1
          name TEXT NOT NULL
          unit TEXT NOT NULL
          supplier_id TEXT NOT NULL
          method TEXT NOT NULL
          vat_mode TEXT NOT NULL
          absence_recalc INTEGER NOT NULL
          group TEXT
          supplier_id -> suppliers
          index sqlite_autoindex_services_1 (service_id)
        tariffs
          service_id TEXT NOT NULL PK1
          valid_from TEXT NOT NULL PK2
          valid_to TEXT
          price INTEGER NOT NULL
          zone TEXT NOT NULL PK3
          category TEXT NOT NULL PK4
          norm INTEGER
          coefficient INTEGER NOT NULL
          service_id -> services
          index sqlite_autoindex_tariffs_1 (service_id, valid_from, zone, category)
        accounts
          account_id TEXT NOT NULL PK1
          kind TEXT NOT NULL
          name TEXT NOT NULL
          address TEXT NOT NULL
          inn TEXT
          contract_no TEXT
          contract_date TEXT
          postal_address TEXT
          area INTEGER
          residents INTEGER
          email TEXT
          email_confirmed INTEGER NOT NULL
          e_receipt INTEGER NOT NULL
          delivery_route TEXT
          opened TEXT
          closed TEXT
          index sqlite_autoindex_accounts_1 (account_id)
        account_services
          account_id TEXT NOT NULL PK1
          service_id TEXT NOT NULL PK2
          valid_from TEXT NOT NULL PK3
          valid_to TEXT
          quantity INTEGER
          installation TEXT
          service_id -> services
          account_id -> accounts
          index sqlite_autoindex_account_services_1 (account_id, service_id, valid_from)
        meters
          meter_id TEXT NOT NULL PK1
          account_id TEXT NOT NULL
          service_id TEXT NOT NULL
          zones INTEGER NOT NULL
          digits INTEGER
          installed TEXT
          removed TEXT
          verification_due TEXT
          service_id -> services
          account_id -> accounts
          index meters_by_account (account_id)
          index sqlite_autoindex_meters_1 (meter_id)
        readings
          meter_id TEXT NOT NULL PK1
          date TEXT NOT NULL PK2
          zone TEXT NOT NULL PK3
          value INTEGER NOT NULL
          source TEXT
          rollover INTEGER NOT NULL
          meter_id -> meters
          index sqlite_autoindex_readings_1 (meter_id, date, zone)
        volumes
          account_id TEXT NOT NULL PK1
          service_id TEXT NOT NULL PK2
          period TEXT NOT NULL PK3
          quantity INTEGER NOT NULL
          installation TEXT
          service_id -> services
          account_id -> accounts
          index sqlite_autoindex_volumes_1 (account_id, service_id, period)
        payments
          payment_id TEXT NOT NULL PK1
          account_id TEXT NOT NULL
          date TEXT NOT NULL
          amount INTEGER NOT NULL
          source TEXT
          period TEXT
          account_id -> accounts
          index payments_by_account (account_id, date)
          index sqlite_autoindex_payments_1 (payment_id)
        absences
          account_id TEXT NOT NULL PK1
          date_from TEXT NOT NULL PK2
          date_to TEXT NOT NULL
          persons INTEGER NOT NULL
          document TEXT
          account_id -> accounts
          index sqlite_autoindex_absences_1 (account_id, date_from)
        key_rates
          valid_from TEXT NOT NULL PK1
          rate INTEGER NOT NULL
          index sqlite_autoindex_key_rates_1 (valid_from)
        """)
    }

    @Test func aColumnAddedLaterIsAppendedToItsTableAsAnOptionalColumn() throws {
        let folder = try TemporaryFolder("raschet-columns")
        defer { folder.remove() }
        let queue = try DatabaseQueue(path: folder.path("columns.sqlite"))
        try Schema.migrator.migrate(queue)
        let sql = Schema.addColumnSQL(RaschetCore.Column("mobile", .text, addedBy: "v9-account-mobile"), to: .accounts)
        #expect(sql == #"ALTER TABLE accounts ADD COLUMN "mobile" TEXT"#)
        try queue.write { db in try db.execute(sql: sql) }
        let last = try queue.read { db in try Row.fetchAll(db, sql: "SELECT name, type, \"notnull\" FROM pragma_table_info('accounts')").last }
        #expect(last?["name"] == "mobile")
        #expect(last?["type"] == "TEXT")
        #expect(last?["notnull"] == false)
    }
}
