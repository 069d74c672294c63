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
            if state.descriptor < 0 { state = try makeFile() }
            let descriptor = state.descriptor
            try transfer(bytes.count, in: state.folder, stalled: ENOSPC) { done in
                pwrite(descriptor, bytes.baseAddress! + done, bytes.count - done, off_t(offset) + off_t(done))
            }
        }
    }

    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int64) throws {
        try state.withLock { state in
            let descriptor = state.descriptor
            try transfer(buffer.count, in: state.folder, stalled: EIO) { done in
                pread(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(offset) + off_t(done))
            }
        }
    }

    /// Makes the file in its folder and removes it from there at once.
    private func makeFile() throws -> State {
        let folder = givenFolder ?? getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((folder + "/raschet-import-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw failure(errno, in: folder) }
        unlink(template)
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        return State(descriptor: descriptor, folder: folder)
    }

    /// Calls `step` (a `pwrite` or `pread` of the bytes from the count done so far) until `count`
    /// bytes are done; a step that does nothing fails with `stalled`.
    private func transfer(_ count: Int, in folder: String, stalled: Int32, _ step: (_ done: Int) -> Int) throws {
        var done = 0
        while done < count {
            let n = step(done)
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw failure(n < 0 ? errno : stalled, in: folder) }
            done += n
        }
    }

    private func failure(_ code: Int32, in folder: String) -> IngestError {
        IngestError(.ioError, file: folder, message: .importSpillFailed(String(cString: strerror(code))))
    }
}
