import GRDB

/// The versioned SQLite schema. Money is stored as integer kopecks, quantities and prices as
/// integer millionths (`ExactDecimal.micros`), dates as `YYYY-MM-DD` text, periods as `YYYY-MM`,
/// booleans as 0/1. Tables are named after the entities and keyed by their natural keys.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-reference-data") { db in
            try db.execute(sql: """
                CREATE TABLE suppliers (
                    supplier_id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL, inn TEXT NOT NULL, kpp TEXT,
                    bank_name TEXT, bic TEXT, corr_account TEXT, account TEXT, address TEXT, phone TEXT
                ) WITHOUT ROWID;
                CREATE TABLE services (
                    service_id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL, unit TEXT NOT NULL,
                    supplier_id TEXT NOT NULL REFERENCES suppliers, method TEXT NOT NULL, vat_mode TEXT NOT NULL,
                    absence_recalc INTEGER NOT NULL, "group" TEXT
                ) WITHOUT ROWID;
                CREATE TABLE tariffs (
                    service_id TEXT NOT NULL REFERENCES services, valid_from TEXT NOT NULL, valid_to TEXT,
                    price INTEGER NOT NULL, zone TEXT NOT NULL, category TEXT NOT NULL, norm INTEGER,
                    coefficient INTEGER NOT NULL,
                    PRIMARY KEY (service_id, valid_from, zone, category)
                ) WITHOUT ROWID;
                CREATE TABLE accounts (
                    account_id TEXT PRIMARY KEY NOT NULL, kind TEXT NOT NULL, name TEXT NOT NULL, address TEXT NOT NULL,
                    inn TEXT, contract_no TEXT, contract_date TEXT, postal_address TEXT, area INTEGER, residents INTEGER,
                    email TEXT, email_confirmed INTEGER NOT NULL, e_receipt INTEGER NOT NULL, delivery_route TEXT,
                    opened TEXT, closed TEXT
                ) WITHOUT ROWID;
                CREATE TABLE account_services (
                    account_id TEXT NOT NULL REFERENCES accounts, service_id TEXT NOT NULL REFERENCES services,
                    valid_from TEXT NOT NULL, valid_to TEXT, quantity INTEGER, installation TEXT,
                    PRIMARY KEY (account_id, service_id, valid_from)
                ) WITHOUT ROWID;
                CREATE TABLE meters (
                    meter_id TEXT PRIMARY KEY NOT NULL, account_id TEXT NOT NULL REFERENCES accounts,
                    service_id TEXT NOT NULL REFERENCES services, zones INTEGER NOT NULL, digits INTEGER,
                    installed TEXT, removed TEXT, verification_due TEXT
                ) WITHOUT ROWID;
                CREATE INDEX meters_by_account ON meters (account_id);
                CREATE TABLE readings (
                    meter_id TEXT NOT NULL REFERENCES meters, date TEXT NOT NULL, zone TEXT NOT NULL,
                    value INTEGER NOT NULL, source TEXT, rollover INTEGER NOT NULL,
                    PRIMARY KEY (meter_id, date, zone)
                ) WITHOUT ROWID;
                CREATE TABLE volumes (
                    account_id TEXT NOT NULL REFERENCES accounts, service_id TEXT NOT NULL REFERENCES services,
                    period TEXT NOT NULL, quantity INTEGER NOT NULL, installation TEXT,
                    PRIMARY KEY (account_id, service_id, period)
                ) WITHOUT ROWID;
                CREATE TABLE payments (
                    payment_id TEXT PRIMARY KEY NOT NULL, account_id TEXT NOT NULL REFERENCES accounts,
                    date TEXT NOT NULL, amount INTEGER NOT NULL, source TEXT, period TEXT
                ) WITHOUT ROWID;
                CREATE INDEX payments_by_account ON payments (account_id, date);
                CREATE TABLE absences (
                    account_id TEXT NOT NULL REFERENCES accounts, date_from TEXT NOT NULL, date_to TEXT NOT NULL,
                    persons INTEGER NOT NULL, document TEXT,
                    PRIMARY KEY (account_id, date_from)
                ) WITHOUT ROWID;
                CREATE TABLE key_rates (
                    valid_from TEXT PRIMARY KEY NOT NULL, rate INTEGER NOT NULL
                ) WITHOUT ROWID;
                """)
        }
        registerMonthlyClose(in: &migrator)
        registerOutbox(in: &migrator)
        return migrator
    }
}
