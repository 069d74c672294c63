import Foundation
import RaschetClose
import RaschetCore
import RaschetStore

/// `raschet reopen YYYY-MM`: undoes the latest close when none of its documents was issued or sent
/// (`PeriodReopen`), then deletes its review list `DB.review-YYYY-MM.csv`, so the database and its
/// folder are as they were before the close.
public struct ReopenPeriod: Sendable {
    public var workspace: Workspace
    public var month: BillingMonth

    public init(workspace: Workspace, month: BillingMonth) {
        self.workspace = workspace
        self.month = month
    }

    /// - Returns: the review list's path when there was one to delete.
    /// - Throws: `AppError` 65 when the period cannot be reopened (the message says why and the fix).
    public func run() throws(AppError) -> String? {
        let lock = try workspace.lock(for: "reopen \(month.period.code)")
        defer { withExtendedLifetime(lock) {} }
        let store = try workspace.openStore()
        do { try PeriodReopen(store: store, period: month.period).run() } catch { throw AppError(error) }
        let reviewList = workspace.database + ".review-" + month.period.code + ".csv"
        guard FileManager.default.fileExists(atPath: reviewList) else { return nil }
        do {
            try FileManager.default.removeItem(atPath: reviewList)
        } catch {
            throw AppError(.cannotCreateOutput, .reviewListNotDeleted(month.period, path: reviewList, cause: AppError.cause(of: error)))
        }
        return reviewList
    }
}
