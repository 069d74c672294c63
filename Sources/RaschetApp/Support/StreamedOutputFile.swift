import Foundation
#if canImport(Glibc)
import Glibc
#endif
import PDFWriter

/// A file written a block at a time (a print batch streamed by the PDF writer), atomically like
/// ``OutputFile/write(_:to:)``: the blocks go to a temporary file next to `path`, renamed over it by
/// ``commit()``; a run that fails or never commits leaves no file under the final name.
final class StreamedOutputFile: PDFByteSink {
    let path: String
    private let partialPath: String
    private let handle: FileHandle
    /// The first failed write; later blocks are dropped and ``commit()`` reports it.
    private var failure: (any Error)?

    /// Creates (or empties) the temporary file.
    init(path: String) throws(AppError) {
        self.path = path
        let url = URL(fileURLWithPath: path)
        partialPath = url.deletingLastPathComponent().appendingPathComponent("." + url.lastPathComponent + ".partial").path
        guard FileManager.default.createFile(atPath: partialPath, contents: nil) else {
            throw AppError.cannotWrite(path, CocoaError(.fileWriteUnknown))
        }
        do {
            handle = try FileHandle(forWritingTo: URL(fileURLWithPath: partialPath))
        } catch {
            throw AppError.cannotWrite(path, error)
        }
    }

    private var isClosed = false

    deinit {
        if !isClosed { try? handle.close() }
        // After a commit the temporary file is gone; otherwise the run failed and it goes too.
        try? FileManager.default.removeItem(atPath: partialPath)
    }

    func write(_ bytes: [UInt8]) {
        guard failure == nil else { return }
        do {
            try bytes.withUnsafeBytes { try handle.write(contentsOf: $0) }
        } catch {
            failure = error
        }
    }

    /// Closes the file and renames it to `path`, or throws the first write failure.
    func commit() throws(AppError) {
        do {
            if let failure { throw failure }
            isClosed = true
            try handle.close()
            guard rename(partialPath, path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        } catch {
            throw AppError.cannotWrite(path, error)
        }
    }
}
