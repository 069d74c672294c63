public import RaschetCore
import GRDB

extension Store {
    /// The numbers already issued to the documents `keys` name, in the same order; nil for a document
    /// never issued. Reads only: nothing is numbered here (the reconciliation act shows the receipts'
    /// numbers as they were printed, and an unprinted receipt has none).
    /// - Complexity: one indexed lookup per key.
    public func issuedDocumentNumbers(for keys: [DocumentKey], issuerINN: String) throws(StoreError) -> [DocumentNumber?] {
        try read { db in
            let find = try db.cachedStatement(sql: """
                SELECT year, sequence FROM document_numbers
                WHERE issuer_inn = ? AND kind = ? AND account_id = ? AND range_from = ? AND range_to = ?
                """)
            return try keys.map { key in
                try Row.fetchOne(find, arguments: [issuerINN, key.kind.rawValue, key.accountID, key.from, key.to])
                    .map { DocumentNumber(year: $0[0], sequence: $0[1]) }
            }
        }
    }
}
