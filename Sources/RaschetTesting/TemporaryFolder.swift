public import Foundation

/// A fresh empty folder in the system's temporary directory (`NAME-UUID`) for the files of one test.
///
/// A test puts every file it makes into its folder and removes the folder, with all it holds, when it
/// ends, pass or fail: `let folder = try TemporaryFolder("raschet-x"); defer { folder.remove() }`. A
/// helper that makes a folder and hands it to the test removes it itself if it throws before handing
/// it over (`removeOnError`).
public struct TemporaryFolder: Sendable {
    /// The folder.
    public let url: URL

    /// Creates the folder.
    public init(_ name: String) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// The folder's path.
    public var path: String { url.path }

    /// The URL of `name` (a file name or a relative path) in the folder.
    public func url(_ name: String) -> URL { url.appendingPathComponent(name) }

    /// The path of `name` (a file name or a relative path) in the folder.
    public func path(_ name: String) -> String { url(name).path }

    /// Writes `bytes` to `name` in the folder and returns its path.
    @discardableResult
    public func write(_ name: String, bytes: [UInt8]) throws -> String {
        try Data(bytes).write(to: url(name))
        return path(name)
    }

    /// Writes `text` as UTF-8 to `name` in the folder and returns its path.
    @discardableResult
    public func write(_ name: String, _ text: String) throws -> String {
        try write(name, bytes: Array(text.utf8))
    }

    /// Removes the folder and everything in it.
    public func remove() {
        try? FileManager.default.removeItem(at: url)
    }

    /// Runs `body`; if it throws, removes the folder before passing the error on.
    public func removeOnError<T>(_ body: () throws -> T) rethrows -> T {
        do {
            return try body()
        } catch {
            remove()
            throw error
        }
    }
}
