import Foundation
import Glibc
import RaschetCore
import Synchronization

/// Writes the files a use case produces, naming the path and the cause when it cannot. Every file
/// is written atomically and never through a symbolic link (README, «Files written next to the
/// database»): the bytes go to a new temporary file in the same folder, created with
/// `O_CREAT | O_EXCL | O_NOFOLLOW` (an existing name, link or not, is refused, never followed), then
/// `fsync`, then `rename` over the final name. A final name that is a symbolic link, or an SQLite
/// database (whichever the command uses), is refused.
/// A failure (a full disk: exit 74) removes the temporary file, so nothing half-written is left.
enum OutputFile {
    /// The temporary files created and not yet renamed or removed (``InterruptHandling`` removes them).
    static let temporaryFiles = Mutex<Set<String>>([])

    /// Writes `bytes` to `path` as described above.
    static func write(_ bytes: some Sequence<UInt8>, to path: String) throws(AppError) {
        let file = try Writer(path: path)
        try file.write(Array(bytes))
        try file.commit()
    }

    /// Removes a temporary file that will not be renamed.
    static func removeTemporary(_ path: String) {
        unlink(path)
        temporaryPlaced(path)
    }

    /// Forgets a temporary file renamed into place (or removed): no longer to remove on an interrupt.
    static func temporaryPlaced(_ path: String) {
        temporaryFiles.withLock { _ = $0.remove(path) }
    }

    static func createFolder(_ path: String) throws(AppError) {
        guard !path.isEmpty else { throw AppError(.usage, .outputPathEmpty) }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw AppError.cannotCreateFolder(path, error)
        }
    }

    /// One output being written through a 64 KiB buffer: a file (atomically, as above) or standard
    /// output. Until `commit()`, the final file does not exist (or keeps its old bytes); a writer
    /// dropped without `commit()` removes its temporary file.
    final class Writer {
        /// The final path; nil for standard output.
        let path: String?
        private let temporary: String?
        private var descriptor: Int32
        private var buffer: [UInt8] = []
        private static let bufferSize = 1 << 16

        /// Writes to standard output.
        init() {
            path = nil; temporary = nil; descriptor = STDOUT_FILENO
            buffer.reserveCapacity(Self.bufferSize)
        }

        /// Creates the temporary file of `path`, with the permissions of the file it will replace
        /// (a file an operator made private stays private), else 0644.
        /// - Throws: exit 64 when `path` is empty; exit 73 when it is a symbolic link, anything else but
        ///   a file (a device such as `/dev/full`, a pipe, a folder: the rename would replace it) or an
        ///   SQLite database, or the temporary file cannot be created.
        init(path: String) throws(AppError) {
            guard !path.isEmpty else { throw AppError(.usage, .outputPathEmpty) }
            var status = stat()
            let exists = lstat(path, &status) == 0
            if exists, status.st_mode & mode_t(S_IFMT) == mode_t(S_IFLNK) {
                throw AppError(.cannotCreateOutput, .outputIsSymbolicLink(path))
            }
            if exists, status.st_mode & mode_t(S_IFMT) != mode_t(S_IFREG) {
                throw AppError(.cannotCreateOutput, .outputNotAFile(path))
            }
            if exists, Self.isDatabase(path) {
                throw AppError(.cannotCreateOutput, .outputIsADatabase(path))
            }
            let folder = FilePathName.folder(of: path)
            let name = (path as NSString).lastPathComponent
            let temporary = (folder.isEmpty ? "" : folder + "/") + ".\(name).\(getpid())-\(UInt32.random(in: .min ... .max)).tmp"
            // Created and recorded under the lock the interrupt handler takes to remove them and exit: a
            // signal never finds the file made and not yet recorded.
            let (descriptor, code) = OutputFile.temporaryFiles.withLock { files in
                let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
                let code = errno
                if descriptor >= 0 { files.insert(temporary) }
                return (descriptor, code)
            }
            guard descriptor >= 0 else {
                if code == EEXIST {
                    throw AppError(.cannotCreateOutput, .temporaryFileExists(path, temporary: temporary))
                }
                throw AppError.cannotWrite(path, Self.posix(code))
            }
            if exists {
                _ = fchmod(descriptor, status.st_mode & 0o7777)
            }
            self.path = path; self.temporary = temporary; self.descriptor = descriptor
            buffer.reserveCapacity(Self.bufferSize)
        }

        /// Whether the file at `path` starts with SQLite's header string.
        private static func isDatabase(_ path: String) -> Bool {
            let header = Array("SQLite format 3\0".utf8)
            let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
            guard descriptor >= 0 else { return false }
            defer { close(descriptor) }
            var bytes = [UInt8](repeating: 0, count: header.count)
            return read(descriptor, &bytes, bytes.count) == bytes.count && bytes == header
        }

        deinit { discard() }

        /// Closes and removes the temporary file, unless it was put in place or handed over.
        func discard() {
            if let temporary, descriptor >= 0 {
                close(descriptor)
                descriptor = -1
                OutputFile.removeTemporary(temporary)
            }
        }

        /// Appends `bytes`, writing the buffer out whenever it is full.
        func write(_ bytes: some Collection<UInt8>) throws(AppError) {
            buffer.append(contentsOf: bytes)
            if buffer.count >= Self.bufferSize { try flush() }
        }

        /// Writes out what is buffered; for a file, then `fsync`, close and rename over the final
        /// name (and `fsync` of the folder, so the rename survives a power cut).
        func commit() throws(AppError) {
            try flush()
            guard let path, let temporary else { return }
            if fsync(descriptor) != 0 { try fail(errno) }
            let closed = close(descriptor)
            descriptor = -1
            if closed != 0 { try fail(errno) }
            if rename(temporary, path) != 0 { try fail(errno) }
            OutputFile.temporaryPlaced(temporary)
            let folder = FilePathName.folder(of: path)
            let directory = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if directory >= 0 {
                _ = fsync(directory)
                close(directory)
            }
        }

        /// Writes out what is buffered and closes the temporary file, neither synced nor renamed, and
        /// returns its path: ``Group/commit()`` syncs and renames it. From here the writer no longer
        /// removes it. Nil for standard output, which has no temporary file.
        func closeTemporary() throws(AppError) -> String? {
            try flush()
            guard let path, let temporary else { return nil }
            let closed = close(descriptor)
            descriptor = -1
            if closed != 0 {
                let code = errno
                OutputFile.removeTemporary(temporary)
                throw AppError.cannotWrite(path, Self.posix(code))
            }
            return temporary
        }

        private func flush() throws(AppError) {
            var written = 0
            while written < buffer.count {
                let result = buffer.withUnsafeBytes { raw in
                    Glibc.write(descriptor, raw.baseAddress.map { $0 + written }, raw.count - written)
                }
                if result < 0 {
                    if errno == EINTR { continue }
                    try fail(errno)
                }
                written += result
            }
            buffer.removeAll(keepingCapacity: true)
        }

        /// Removes the temporary file and throws the system error `code` for this output.
        private func fail(_ code: Int32) throws(AppError) -> Never {
            if let temporary {
                if descriptor >= 0 { close(descriptor) }
                descriptor = -1
                OutputFile.removeTemporary(temporary)
            }
            throw AppError.cannotWrite(path ?? "standard output", Self.posix(code))
        }

        static func posix(_ code: Int32) -> NSError { NSError(domain: NSPOSIXErrorDomain, code: Int(code)) }
    }
}
