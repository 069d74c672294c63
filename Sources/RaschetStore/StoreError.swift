public import RaschetCore
import GRDB

/// A failure of the embedded database: missing, unreadable, busy, or a refused request.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    public enum Code: Sendable {
        /// The database file does not exist (exit 66).
        case missing
        /// The database refused an operation: a bug or a damaged file (exit 70).
        case failed
        /// The request contradicts the stored state or the data (exit 65): closing a period out of
        /// order, a rejected reading, an unknown meter, a `--db` file that is not a database.
        case refused
        /// Another command holds the database (SQLite busy or locked; exit 75).
        case busy
        /// The disk is full or the file cannot be read or written (exit 74).
        case io
    }

    public var code: Code
    public var message: String
    /// The billing rule behind a `refused` request, when one is (a reading lower than the previous).
    public var billingCode: BillingError.Code?

    public init(_ code: Code, _ message: String, billingCode: BillingError.Code? = nil) {
        self.code = code
        self.message = message
        self.billingCode = billingCode
    }

    /// A failed database call: our sentence `context` first, then SQLite's reason; a busy or locked
    /// database and a full or failing disk get their own code and sentence.
    public init(_ context: String, cause: any Error) {
        guard let error = cause as? DatabaseError else {
            self.init(.failed, "\(context): \(cause)")
            return
        }
        self.init(context, resultCode: error.resultCode,
                  reason: error.message ?? "SQLite result code \(error.extendedResultCode.rawValue)")
    }

    /// A failed call of the SQLite C API (`sqlite3_step` returned `sqliteStatus`, `reason` is
    /// `sqlite3_errmsg`), classified as `init(_:cause:)` does.
    public init(_ context: String, sqliteStatus: Int32, reason: String) {
        self.init(context, resultCode: ResultCode(rawValue: sqliteStatus).primaryResultCode, reason: reason)
    }

    private init(_ context: String, resultCode: ResultCode, reason: String) {
        switch resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            self.init(.busy, "\(context): the database is busy with another command; run this one again when it has finished")
        case .SQLITE_FULL:
            self.init(.io, "\(context): the disk is full; free some space and run the command again (SQLite: \(reason))")
        case .SQLITE_IOERR, .SQLITE_CANTOPEN, .SQLITE_READONLY, .SQLITE_PERM:
            self.init(.io, "\(context): the database file cannot be read or written; check the disk and the file's permissions (SQLite: \(reason))")
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            self.init(.refused, "\(context): the file is not a usable Raschet database (SQLite: \(reason))")
        default:
            self.init(.failed, "\(context): SQLite: \(reason)")
        }
    }

    public var description: String { message }
}

extension StoreError: RaschetFailure {
    public var exitStatus: ExitStatus {
        switch code {
        case .missing: .missingInput
        case .failed: .internalError
        case .refused: .badData
        case .busy: .busy
        case .io: .ioError
        }
    }

    public var userMessage: String { message }
}
