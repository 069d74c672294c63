import Foundation
public import RaschetCore

/// The outcome of every account of a dispatch, in account order.
public struct DispatchReport: Sendable, Hashable {
    public var outcomes: [DispatchOutcome] = []
    /// Set when the run stopped because the server could not be reached (exit 69).
    public var unavailable: SMTPError?

    public init() {}

    public func count(_ result: DispatchOutcome.Result) -> Int {
        outcomes.reduce(0) { $0 + ($1.result == result ? 1 : 0) }
    }

    /// `account,email,result,reason` with a header, RFC 4180 quoting, CRLF line ends. The column
    /// names and the `result` codes stay the same in every language (scripts read them); the
    /// reason is in `language`.
    public func csv(in language: Language) -> String {
        var out = "account,email,result,reason\r\n"
        for outcome in outcomes {
            out += [outcome.account, outcome.email, outcome.result.rawValue, outcome.reason.text(in: language)]
                .map(Self.quoted).joined(separator: ",") + "\r\n"
        }
        return out
    }

    /// RFC 4180 quoting of a formula-neutralized cell (`FormulaGuard`: a spreadsheet opens the report).
    private static func quoted(_ value: String) -> String {
        let field = FormulaGuard.neutralized(value)
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
