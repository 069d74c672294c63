import RaschetCore
import RaschetStore

/// `raschet export charges|balances|payments --period YYYY-MM`: a closed period's results as JSON or
/// CSV (SPEC section 5). Refused (65) for a period whose close has not finished, which would
/// otherwise export partial or no data silently.
public struct ExportResults: Sendable {
    public var database: String
    public var kind: ExportKind
    public var month: BillingMonth
    /// Only this account, when given.
    public var account: String?
    public var format: ExportFormat

    public init(database: String, kind: ExportKind, month: BillingMonth, account: String? = nil, format: ExportFormat = .json) {
        self.database = database
        self.kind = kind
        self.month = month
        self.account = account
        self.format = format
    }

    /// The export's text.
    public func run() throws(AppError) -> String {
        let store = try Workspace(database: database).openStore()
        let period = month.period
        do {
            guard try store.closeStatus(period) == .closed else {
                throw AppError(.badData, .periodNotClosedForExport(period))
            }
            let table: ExportTable = switch kind {
            case .charges: .charges(period: period, lines: try store.chargeLines(period, account: account))
            case .balances: .balances(period: period, balances: try store.balances(period, account: account))
            case .payments: .payments(period: period, payments: try store.postedPayments(period, account: account))
            }
            return format == .json ? table.json : table.csv
        } catch let error as AppError {
            throw error
        } catch {
            throw AppError(error)
        }
    }
}
