import GRDB

extension Schema {
    /// The issued documents' numbers (migration `v3-documents`).
    ///
    /// `document_numbers`: one row per issued document: the organization's INN and the year of the
    /// series, the position in it, and what was issued (`kind`, account and the period or date range
    /// the document covers). The primary key keeps a number from being given twice; the unique key
    /// keeps a document from getting a second number (a reprint finds its row). Numbers are assigned
    /// by `Store.documentNumbers(for:issuerINN:)`; see there why the series has no gaps.
    static func registerDocuments(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v3-documents") { db in
            try db.execute(sql: """
                CREATE TABLE document_numbers (
                    issuer_inn TEXT NOT NULL, year INTEGER NOT NULL, sequence INTEGER NOT NULL,
                    kind TEXT NOT NULL, account_id TEXT NOT NULL REFERENCES accounts,
                    range_from TEXT NOT NULL, range_to TEXT NOT NULL,
                    PRIMARY KEY (issuer_inn, year, sequence),
                    UNIQUE (issuer_inn, kind, account_id, range_from, range_to)
                ) WITHOUT ROWID;
                """)
        }
    }
}
