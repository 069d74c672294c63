import Foundation

/// Writes the files a use case produces, naming the path and the cause when it cannot.
enum OutputFile {
    static func write(_ bytes: some Sequence<UInt8>, to path: String) throws(AppError) {
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: path))
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
