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
    /// What happened and the fix, from the message catalog.
    public var message: Message
    /// The billing rule behind a `refused` request, when one is (a reading lower than the previous).
    public var billingCode: BillingError.Code?

    public init(_ code: Code, _ message: Message, billingCode: BillingError.Code? = nil) {
        self.code = code
        self.message = message
        self.billingCode = billingCode
    }

    /// A failed database call: our sentence `context` first, then SQLite's reason; a busy or locked
    /// database and a full or failing disk get their own code and sentence.
    public init(_ context: Message, cause: any Error) {
        guard let error = cause as? DatabaseError else {
            self.init(.failed, .failedWithCause(context, String(describing: cause)))
            return
        }
        self.init(context, resultCode: error.resultCode,
                  reason: error.message ?? Message.sqliteResultCode(error.extendedResultCode.rawValue))
    }

    /// A failed call of the SQLite C API (`sqlite3_step` returned `sqliteStatus`, `reason` is
    /// `sqlite3_errmsg`), classified as `init(_:cause:)` does.
    public init(_ context: Message, sqliteStatus: Int32, reason: String) {
        self.init(context, resultCode: ResultCode(rawValue: sqliteStatus).primaryResultCode, reason: reason)
    }

    private init(_ context: Message, resultCode: ResultCode, reason: String) {
        switch resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            self.init(.busy, .databaseBusy(context))
        case .SQLITE_FULL:
            self.init(.io, .diskFull(context, sqlite: reason))
        case .SQLITE_IOERR, .SQLITE_CANTOPEN, .SQLITE_READONLY, .SQLITE_PERM:
            self.init(.io, .databaseUnreadable(context, sqlite: reason))
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            self.init(.refused, .notADatabase(context, sqlite: reason))
        default:
            self.init(.failed, .sqliteFailed(context, sqlite: reason))
        }
    }

    public var description: String { message.english }
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

    public var userText: Message { message }
}
