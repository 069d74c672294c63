import Foundation

/// The anchors' fixture (`receipt.json`), decoded as is.
public struct Receipt: Decodable, Sendable {
    public struct Center: Decodable, Sendable {
        let name, full_name, address, phone, inn, kpp, bank_name, bic, corr_account, settlement_account: String
    }
    public struct Payer: Decodable, Sendable {
        let full_name, address, area_m2: String
        let residents: Int
    }
    public struct Row: Decodable, Sendable {
        let service, unit, tariff, volume, opening, charged, recalculation, total: String
    }
    public struct Sums: Decodable, Sendable {
        let opening, charged, recalculation, total: String
    }
    public struct Supplier: Decodable, Sendable {
        let title, supplier, supplier_inn: String
        let rows: [Row]
        let subtotal: Sums
    }

    let title: String
    let settlement_center: Center
    let account_number: String
    let payer: Payer
    let period, period_code, due_date: String
    let suppliers: [Supplier]
    let totals: Sums
    let paid_last_period, amount_due, qr_payload: String

    /// The bundled fixture.
    public static func load() throws -> Receipt {
        let url = try requireResource()
        return try JSONDecoder().decode(Receipt.self, from: Data(contentsOf: url))
    }

    private static func requireResource() throws -> URL {
        guard let url = Bundle.module.url(forResource: "receipt", withExtension: "json") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return url
    }
}
