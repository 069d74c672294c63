import ArgumentParser
import RaschetApp

extension DocumentEnvironment {
    /// The environment, with a malformed `SOURCE_DATE_EPOCH` reported as the argument parser's usage
    /// error (exit 64, with the usage text) before the command runs.
    static func usageChecked() throws -> DocumentEnvironment {
        do {
            return try fromProcess()
        } catch {
            throw ValidationError(error.userMessage)
        }
    }
}
