import Foundation
import RaschetCore
import RaschetStore

/// `raschet init`: creates an empty database, or brings an existing one's schema up to date.
public struct InitDatabase: Sendable {
    /// What `run()` did.
    public struct Result: Sendable, Hashable {
        /// Whether the file was created (false: it existed and its schema is now up to date).
        public var created: Bool
    }

    public var database: String

    public init(database: String) {
        self.database = database
    }

    /// - Throws: 64 when the path names no file (empty, or ending with `/`); 73 when the database's
    ///   folder does not exist.
    public func run() throws(AppError) -> Result {
        guard !database.isEmpty, !database.hasSuffix("/"), Store.exists(at: database) || !FileManager.default.fileExists(atPath: database)
        else { throw AppError(.usage, .databasePathNamesNoFile(database)) }
        let folder = FilePathName.folder(of: database)
        var isDirectory: ObjCBool = false
        guard folder.isEmpty || (FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) && isDirectory.boolValue) else {
            throw AppError(.cannotCreateOutput, .cannotCreateDatabase(database, folder: folder))
        }
        do {
            return Result(created: try Store.create(at: database).created)
        } catch {
            throw AppError(error)
        }
    }
}
