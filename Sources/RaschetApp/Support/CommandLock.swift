import Foundation
import RaschetCore

/// A lock a command holds for its whole run: an exclusive `flock` on a file next to the database.
/// `DB.lock` is held by a command that changes the close's results (`close`, `reopen`): SQLite's own
/// lock covers one transaction; a close is many, so without this a second close started at the same
/// time would plan the same accounts and fail on the first one's rows. `DB.dispatch.lock` is held by
/// `dispatch`, whose outbox marks each message as it goes: a second run started meanwhile would read
/// the same pending messages and send them again. The second command waits up to `wait` (polling
/// every 100 ms), then exits 75 naming the command that holds the lock (written into the file by its
/// holder). The kernel drops the lock when the holder exits, even on `kill -9`.
final class CommandLock {
    private let descriptor: Int32

    /// Takes the lock `database` + `suffix` for `command` (e.g. `close 2026-08`).
    /// - Throws: `AppError` 75 when another command keeps it for longer than `wait`; 73 when the lock
    ///   file cannot be created (74 on a read-only file system, with "read-only" in the message).
    init(database: String, suffix: String = ".lock", command: String, wait: Duration) throws(AppError) {
        let path = database + suffix
        descriptor = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            let code = errno
            if code == EROFS || code == EACCES || code == EPERM {
                throw AppError(.ioError, .lockOnReadOnly(database: database, lock: path, cause: String(cString: strerror(code))))
            }
            throw AppError(.cannotCreateOutput, .cannotCreateLock(path, cause: String(cString: strerror(code))))
        }
        let clock = ContinuousClock()
        let deadline = clock.now + wait
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, clock.now < deadline else {
                let holder = Self.holder(descriptor)
                close(descriptor)
                throw AppError(.busy, .databaseHeld(database, holder: holder, waited: wait.seconds))
            }
            usleep(100_000)
        }
        let note = Array("\(command) (pid \(getpid()))\n".utf8)
        _ = ftruncate(descriptor, 0)
        _ = pwrite(descriptor, note, note.count, 0)
    }

    deinit {
        close(descriptor)
    }

    /// What the holder wrote into the lock file, or a neutral phrase when it wrote nothing yet.
    private static func holder(_ descriptor: Int32) -> Message {
        var bytes = [UInt8](repeating: 0, count: 256)
        let count = pread(descriptor, &bytes, bytes.count, 0)
        let text = count > 0 ? String(decoding: bytes[0..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) : ""
        return text.isEmpty ? .commandJustStarted : .verbatim(text)
    }
}

extension Duration {
    /// Whole seconds, for messages.
    fileprivate var seconds: Int64 { components.seconds }
}
