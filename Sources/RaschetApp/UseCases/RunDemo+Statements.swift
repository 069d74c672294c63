import Foundation
import RaschetCore

extension RunDemo {
    /// The business account the demo's statements are for: ООО "Вектор" (heat and waste), which paid
    /// August on 03.09.2026 (no debt that day) and owes October's 11 947,49 on 31.10.2026.
    static let statementAccount = "5102000003"

    /// The demo's statements of `statementAccount` for the fixture months: one of each document, the
    /// no-debt certificate on 03.09.2026, and its refusal on the last closed day (the debt), no file.
    func renderStatements(_ workspace: Workspace) throws(AppError) -> Step {
        let account = Self.statementAccount
        let (first, last) = (Self.fixturePeriods[0], Self.lastFixturePeriod)
        let (from, to) = (CalendarDay(first.firstDay), CalendarDay(last.lastDay))
        let documents: [(String, RenderStatement.Document)] = [
            ("settlement", .settlement(account: account, from: from, to: to)),
            ("accruals", .accruals(account: account, from: from, to: to)),
            ("act", .act(account: account, from: from, to: to)),
            ("turnover", .turnover(from: BillingMonth(first), to: BillingMonth(last), account: account)),
            ("no-debt", .noDebt(account: account, date: CalendarDay(CivilDate(year: 2026, month: 9, day: 3)!))),
        ]
        var files: [String] = []
        for (name, document) in documents {
            let path = (folder as NSString).appendingPathComponent("\(name)-\(account).pdf")
            files.append(try RenderStatement(workspace: workspace, document: document, outputPath: path, environment: environment).run().path)
        }
        let refusedPath = (folder as NSString).appendingPathComponent("no-debt-\(account)-\(last.lastDay.isoString).pdf")
        do throws(AppError) {
            _ = try RenderStatement(workspace: workspace, document: .noDebt(account: account, date: to), outputPath: refusedPath,
                                    environment: environment).run()
        } catch {
            guard error.exitStatus == .badData else { throw error }
            return .statements(account: account, files: files, refusal: error.userText)
        }
        throw AppError(.internalError, .demoCertificateInDebt(String(describing: to)))
    }
}
