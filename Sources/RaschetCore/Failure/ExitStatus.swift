/// The exit codes of SPEC section 5: the BSD sysexits values, one per kind of failure.
public enum ExitStatus: Int32, Sendable, Hashable, CaseIterable {
    /// The command line is wrong (unknown option, malformed argument).
    case usage = 64
    /// The input data is wrong: a bad row, a bad setting, a refused request.
    case badData = 65
    /// An input file or the database does not exist or cannot be read.
    case missingInput = 66
    /// A service the command needs is unavailable (the SMTP server).
    case unavailable = 69
    /// A bug: never the user's mistake.
    case internalError = 70
    /// An output file or folder cannot be created.
    case cannotCreateOutput = 73
    /// Reading or writing failed part way (disk full, I/O error).
    case ioError = 74
    /// The database is busy with another command; try again later.
    case busy = 75
}
