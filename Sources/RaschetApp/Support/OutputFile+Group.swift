import CFileSync
import Foundation
import Glibc
import Synchronization
import RaschetCore

extension OutputFile {
    /// Many files of one folder written with the guarantee of ``OutputFile/write(_:to:)`` but one flush
    /// to disk for all of them instead of one per file: a run of receipts writes thousands, and a sync
    /// per file left the cores waiting on the disk (Benchmarks/JOURNAL.md, Receipts).
    ///
    /// ``write(_:to:)`` (from any thread) puts each file's bytes into its own temporary file, closed but
    /// not yet synced; ``commit()`` then flushes the folder's filesystem once (`syncfs`), renames every
    /// temporary file over its final name and syncs the folder. So a final name never refers to bytes
    /// that are not on disk: after a crash or a power cut each file is complete, its old version, or
    /// absent. Temporary files not yet renamed are removed when the group ends.
    final class Group: Sendable {
        /// The folder every file of the group is in.
        let folder: String
        /// Written, not yet renamed: (temporary file, final name).
        private let staged = Mutex<[(temporary: String, path: String)]>([])

        /// A group for files in `folder`.
        init(folder: String) { self.folder = folder }

        deinit {
            for file in staged.withLock({ $0 }) { OutputFile.removeTemporary(file.temporary) }
        }

        /// Writes `bytes` into the temporary file of `path`, a file of ``folder``.
        func write(_ bytes: [UInt8], to path: String) throws(AppError) {
            let file = try Writer(path: path)
            try file.write(bytes)
            if let temporary = try file.closeTemporary() { staged.withLock { $0.append((temporary, path)) } }
        }

        /// Flushes the files written so far to disk and puts each in place, as described above.
        func commit() throws(AppError) {
            let files = staged.withLock { $0 }
            guard !files.isEmpty else { return }
            let directory = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard directory >= 0 else { throw AppError.cannotWrite(folder, Writer.posix(errno)) }
            defer { close(directory) }
            if syncfs(directory) != 0 { throw AppError.cannotWrite(folder, Writer.posix(errno)) }
            var renamed = 0
            defer { staged.withLock { $0.removeFirst(renamed) } }
            for file in files {
                if rename(file.temporary, file.path) != 0 { throw AppError.cannotWrite(file.path, Writer.posix(errno)) }
                OutputFile.temporaryPlaced(file.temporary)
                renamed += 1
            }
            _ = fsync(directory)
        }
    }
}
