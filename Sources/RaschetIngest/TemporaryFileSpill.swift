import Foundation
import RaschetCore
import Synchronization

/// A `PageSpill` in a file of its own in a folder (`TMPDIR`, else `/tmp`), created at the first
/// write and removed from the folder at once, so that nothing is left behind whatever ends the
/// process; its space is freed when the spill is.
final class TemporaryFileSpill: PageSpill {
    /// The folder the file is made in: given, or `TMPDIR`'s (else `/tmp`), looked up at the first write.
    private let givenFolder: String?
    private struct State {
        var descriptor: Int32 = -1
        var folder = ""
    }
    private let state = Mutex(State())

    init(folder: String? = nil) {
        givenFolder = folder
    }

    deinit {
        state.withLock { if $0.descriptor >= 0 { close($0.descriptor) } }
    }

    func write(_ bytes: UnsafeRawBufferPointer, at offset: Int64) throws {
        try state.withLock { state in
            if state.descriptor < 0 {
                state.folder = givenFolder ?? getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
                var template = Array((state.folder + "/raschet-import-XXXXXX").utf8CString)
                let descriptor = template.withUnsafeMutableBufferPointer { path in
                    let descriptor = mkstemp(path.baseAddress!)
                    if descriptor >= 0 {
                        unlink(path.baseAddress!)
                        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
                    }
                    return descriptor
                }
                guard descriptor >= 0 else { throw failure(errno, in: state.folder) }
                state.descriptor = descriptor
            }
            var done = 0
            while done < bytes.count {
                let n = pwrite(state.descriptor, bytes.baseAddress! + done, bytes.count - done, off_t(offset) + off_t(done))
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { throw failure(n < 0 ? errno : ENOSPC, in: state.folder) }
                done += n
            }
        }
    }

    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int64) throws {
        try state.withLock { state in
            var done = 0
            while done < buffer.count {
                let n = pread(state.descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(offset) + off_t(done))
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { throw failure(n < 0 ? errno : EIO, in: state.folder) }
                done += n
            }
        }
    }

    private func failure(_ code: Int32, in folder: String) -> IngestError {
        IngestError(.ioError, file: folder, message: .importSpillFailed(String(cString: strerror(code))))
    }
}
