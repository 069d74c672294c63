import Foundation
import RaschetCore

/// The environment variables raschet reads that a person types, checked once before a command runs:
/// one set to a value raschet cannot read stops the command (exit 64, naming it and the form it
/// takes) instead of being silently replaced by its default.
public enum EnvironmentCheck {
    /// - Throws: a usage error for `RASCHET_TODAY` that is not a `YYYY-MM-DD` date, or
    ///   `RASCHET_BUSY_TIMEOUT` that is not whole seconds from 0 to 3600.
    public static func check() throws(AppError) {
        try check(ProcessInfo.processInfo.environment)
    }

    static func check(_ environment: [String: String]) throws(AppError) {
        if let text = environment["RASCHET_TODAY"], CalendarDay(text) == nil {
            throw AppError(.usage, .badEnvironmentValue("RASCHET_TODAY", text, expected: .environmentDateForm))
        }
        if let text = environment["RASCHET_BUSY_TIMEOUT"], Workspace.busyWait(text) == nil {
            throw AppError(.usage, .badEnvironmentValue("RASCHET_BUSY_TIMEOUT", text, expected: .environmentSecondsForm))
        }
    }
}
