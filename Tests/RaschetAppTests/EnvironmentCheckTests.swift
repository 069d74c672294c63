@testable import RaschetApp
import RaschetCore
import Testing

@Suite struct EnvironmentCheckTests {
    /// A variable set to what raschet cannot read stops the command (exit 64) rather than being
    /// replaced by its default in silence: a mistyped `RASCHET_TODAY` would store readings under the
    /// real date.
    @Test(arguments: [
        (["RASCHET_TODAY": "2026-11-31"], "RASCHET_TODAY=2026-11-31 cannot be read: it takes a date, YYYY-MM-DD; correct the variable or unset it"),
        (["RASCHET_BUSY_TIMEOUT": "30s"], "RASCHET_BUSY_TIMEOUT=30s cannot be read: it takes whole seconds from 0 to 3600; correct the variable or unset it"),
        (["RASCHET_BUSY_TIMEOUT": "3601"], "RASCHET_BUSY_TIMEOUT=3601 cannot be read: it takes whole seconds from 0 to 3600; correct the variable or unset it"),
    ])
    func aValueThatCannotBeReadIsAUsageError(environment: [String: String], message: String) {
        #expect {
            try EnvironmentCheck.check(environment)
        } throws: { error in
            (error as? AppError)?.exitCode == 64 && (error as? AppError)?.userText.english == message
        }
    }

    @Test func readableOrAbsentValuesPass() throws {
        try EnvironmentCheck.check([:])
        try EnvironmentCheck.check(["RASCHET_TODAY": "2026-11-20", "RASCHET_BUSY_TIMEOUT": "0"])
        #expect(Workspace.configuredBusyWait(["RASCHET_BUSY_TIMEOUT": "3600"]) == .seconds(3_600))
    }
}
