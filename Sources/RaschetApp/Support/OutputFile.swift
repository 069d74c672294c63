import Foundation

/// Writes the files a use case produces, naming the path and the cause when it cannot.
enum OutputFile {
    /// Writes `bytes` atomically: into a temporary file next to `path`, then renamed over it, so a
    /// crash or a full disk never leaves a half-written file under the final name.
    static func write(_ bytes: some Sequence<UInt8>, to path: String) throws(AppError) {
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw AppError.cannotWrite(path, error)
        }
    }

    static func createFolder(_ path: String) throws(AppError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw AppError.cannotCreateFolder(path, error)
        }
    }
}
