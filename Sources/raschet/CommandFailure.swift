import ArgumentParser
import Foundation
import RaschetIngest
import RaschetStore

/// Exit codes of SPEC section 5 (the BSD sysexits values).
enum ExitStatus {
    static let usage: Int32 = 64
    static let badData: Int32 = 65
    static let missingInput: Int32 = 66
    static let unavailable: Int32 = 69
    static let internalError: Int32 = 70
}

/// Prints user-facing errors as they are (no stack traces) and maps them to an exit code.
enum CommandFailure {
    static func printError(_ text: String) {
        FileHandle.standardError.write(Data(("raschet: " + text + "\n").utf8))
    }

    /// Reports `error` on standard error and returns the exit code to end with.
    static func exit(for error: any Error) -> ExitCode {
        switch error {
        case let error as IngestError:
            printError(error.description)
            return ExitCode(error.code == .missingInput ? ExitStatus.missingInput : ExitStatus.badData)
        case let error as StoreError:
            printError(error.message)
            return ExitCode(error.code == .missing ? ExitStatus.missingInput : ExitStatus.internalError)
        case let error as SettingsError:
            printError(error.description)
            return ExitCode(ExitStatus.badData)
        default:
            printError("internal error: \(error)")
            return ExitCode(ExitStatus.internalError)
        }
    }
}

/// Runs a command body, turning thrown errors into a printed message and an exit code.
func reportingFailures(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let exit as ExitCode {
        throw exit
    } catch {
        throw CommandFailure.exit(for: error)
    }
}
