import ArgumentParser
import Foundation
import RaschetApp

/// Prints errors in the one form of the CLI (`raschet: ...`, every line, in the locale's language) and
/// ends with their exit code.
enum CommandFailure {
    static func printError(_ message: Message) {
        let lines = message.localized.split(separator: "\n", omittingEmptySubsequences: false).map { "raschet: " + $0 + "\n" }
        FileHandle.standardError.write(Data(lines.joined().utf8))
    }

    /// An informational line on standard error, in the same `raschet: ` form.
    static func printNotice(_ message: Message) {
        printError(message)
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
        CommandFailure.printError(error.userText)
        throw ExitCode(error.exitCode)
    } catch {
        let failure = AppError(error)
        CommandFailure.printError(failure.userText)
        throw ExitCode(failure.exitCode)
    }
}
