import RaschetCore
import Foundation

/// Reads a whole file into one byte array, without the intermediate `Data` copy that
/// `FileManager.contents(atPath:)` + `[UInt8](data)` would make (a 10^6-account readings file is
/// about 800 MB).
enum FileBytes {
    static func read(_ path: String) throws(IngestError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw IngestError(.missingInput, file: path, message: .cannotReadFile(String(cString: strerror(errno))))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            throw IngestError(.missingInput, file: path, message: .notRegularFile)
        }
        let size = Int(status.st_size)
        guard size > 0 else { return [] }
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            var done = 0
            while done < size {
                let n = Foundation.read(descriptor, buffer.baseAddress! + done, size - done)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                done += n
            }
            failed = done != size
            count = done
        }
        if failed {
            throw IngestError(.missingInput, file: path, message: .fileChangedWhileRead)
        }
        return bytes
    }
}
