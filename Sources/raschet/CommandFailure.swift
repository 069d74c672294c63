import ArgumentParser
import Foundation
import RaschetApp

/// Prints errors in the one form of the CLI (`raschet: ...`, every line) and ends with their exit code.
enum CommandFailure {
    static func printError(_ text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { "raschet: " + $0 + "\n" }
        FileHandle.standardError.write(Data(lines.joined().utf8))
    }

    /// An informational line on standard error, in the same `raschet: ` form.
    static func printNotice(_ text: String) {
        printError(text)
    }
}

/// Runs a command body: an `AppError` is printed and becomes its exit code; `ExitCode` and the
/// argument parser's own errors pass through; anything else is reported as an internal error.
func reportingFailures(_ body: () throws -> Void) throws {
    Notices.deliver { CommandFailure.printNotice($0) }
    do {
        try body()
    } catch let exit as ExitCode {
        throw exit
    } catch let error as AppError {
        CommandFailure.printError(error.userMessage)
        throw ExitCode(error.exitCode)
    } catch {
        let failure = AppError(error)
        CommandFailure.printError(failure.userMessage)
        throw ExitCode(failure.exitCode)
    }
}
