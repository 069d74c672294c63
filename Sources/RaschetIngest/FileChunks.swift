import Foundation
import RaschetCore

/// A file read front to back in chunks of a fixed size, so that a file of any size is read with a
/// bounded buffer (`CSVReader` streams UTF-8 files through it, and reads a windows-1251 file on
/// through it to decode it whole). Used by one reader at a time.
final class FileChunks {
    /// The file's name for error messages.
    let file: String
    /// Bytes asked for per read.
    let chunkSize: Int
    /// The file's size in bytes when it was opened.
    let size: Int
    /// Whether the end of the file was reached.
    private(set) var atEnd = false
    private let descriptor: Int32

    /// Opens `path` (a regular file) for reading.
    /// - Throws: `missingInput` when it cannot be opened or is not a regular file.
    init(path: String, file: String, chunkSize: Int) throws(IngestError) {
        precondition(chunkSize > 0, "a chunk holds at least one byte")
        // Without O_NONBLOCK, opening a named pipe would wait for a writer before it could be refused.
        descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw IngestError(.missingInput, file: file, message: .cannotReadFile(String(cString: strerror(errno))))
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            close(descriptor)
            throw IngestError(.missingInput, file: file, message: .notRegularFile)
        }
        self.file = file
        self.chunkSize = chunkSize
        self.size = Int(status.st_size)
    }

    deinit { close(descriptor) }

    /// Appends the next chunk (at most `chunkSize` bytes) to `buffer`; returns false, appending
    /// nothing, at the end of the file.
    /// - Throws: `missingInput` when the system fails to read.
    func read(appendingTo buffer: inout [UInt8]) throws(IngestError) -> Bool {
        guard !atEnd else { return false }
        var failure: Int32?
        let chunk = [UInt8](unsafeUninitializedCapacity: chunkSize) { storage, count in
            var done = 0
            while done < chunkSize {
                let n = Foundation.read(descriptor, storage.baseAddress! + done, chunkSize - done)
                if n < 0 && errno == EINTR { continue }
                if n < 0 {
                    failure = errno
                    break
                }
                if n == 0 {
                    atEnd = true
                    break
                }
                done += n
            }
            count = done
        }
        if let failure {
            throw IngestError(.missingInput, file: file, message: .cannotReadFile(String(cString: strerror(failure))))
        }
        buffer.append(contentsOf: chunk)
        return !chunk.isEmpty
    }

    /// Whether the whole file at `path` is well-formed UTF-8, read a chunk at a time (a multi-byte
    /// sequence split between two chunks is checked whole).
    static func isValidUTF8(path: String, file: String, chunkSize: Int) throws(IngestError) -> Bool {
        try firstInvalidUTF8(path: path, file: file, chunkSize: chunkSize) == nil
    }

    /// The first byte of the file at `path` that is not well-formed UTF-8 (its 0-based offset and its
    /// value), read as `isValidUTF8` reads; nil when there is none.
    static func firstInvalidUTF8(path: String, file: String, chunkSize: Int) throws(IngestError) -> (offset: Int, byte: UInt8)? {
        let chunks = try FileChunks(path: path, file: file, chunkSize: chunkSize)
        var buffer: [UInt8] = []
        var consumed = 0
        while true {
            let more = try chunks.read(appendingTo: &buffer)
            let complete = chunks.atEnd || !more ? buffer.count : completeSequencesEnd(buffer)
            let invalid = buffer.withUnsafeBufferPointer { UTF8Validation.firstInvalid(UnsafeBufferPointer(rebasing: $0[..<complete])) }
            if let invalid { return (consumed + invalid, buffer[invalid]) }
            guard more else { return nil }
            buffer.removeSubrange(..<complete)
            consumed += complete
        }
    }

    /// The 1-based line of the byte at `offset` of the file at `path` (read again, for a message).
    static func line(of offset: Int, path: String, file: String, chunkSize: Int) throws(IngestError) -> Int {
        let chunks = try FileChunks(path: path, file: file, chunkSize: chunkSize)
        var buffer: [UInt8] = []
        var line = 1, consumed = 0
        while consumed < offset, try chunks.read(appendingTo: &buffer) {
            for byte in buffer.prefix(offset - consumed) where byte == 0x0A { line += 1 }
            consumed += buffer.count
            buffer.removeAll(keepingCapacity: true)
        }
        return line
    }

    /// The end of the bytes that hold no sequence cut short by the buffer's end: before the last
    /// lead byte of the final three bytes when its sequence needs more bytes than follow it.
    private static func completeSequencesEnd(_ bytes: [UInt8]) -> Int {
        let count = bytes.count
        for back in 1...min(3, count) {
            let byte = bytes[count - back]
            if byte < 0x80 { return count }
            if byte >= 0xC0 {
                let needed = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                return needed > back ? count - back : count
            }
        }
        return count
    }
}
