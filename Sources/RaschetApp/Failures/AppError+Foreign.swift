import Foundation
import RaschetCore

extension AppError {
    /// An output file that could not be written: exit 74 when the disk is full or failing, else 73.
    static func cannotWrite(_ path: String, _ error: any Error) -> AppError {
        let cause = cause(of: error)
        let status: ExitStatus = isDiskFailure(error) ? .ioError : .cannotCreateOutput
        return AppError(status, .cannotWrite(path, cause: cause))
    }

    /// An output folder that could not be created (exit 73).
    static func cannotCreateFolder(_ path: String, _ error: any Error) -> AppError {
        AppError(.cannotCreateOutput, .cannotCreateFolder(path, cause: cause(of: error)))
    }

    /// An input file or folder that could not be read (exit 66).
    static func cannotRead(_ path: String, _ error: any Error) -> AppError {
        AppError(.missingInput, .cannotRead(path, cause: cause(of: error)))
    }

    /// A short reason for a foreign error: the system's text for a file error (`No such file or
    /// directory`), never Foundation's `Error Domain=...` dump.
    static func cause(of error: any Error) -> Message {
        if let failure = error as? any RaschetFailure { return failure.userText }
        let nsError = error as NSError
        if let posix = posixCode(nsError) { return .systemCause(String(cString: strerror(posix))) }
        if nsError.domain == NSCocoaErrorDomain {
            switch CocoaError.Code(rawValue: nsError.code) {
            case .fileNoSuchFile, .fileReadNoSuchFile: return .systemCause(String(cString: strerror(ENOENT)))
            case .fileReadNoPermission, .fileWriteNoPermission: return .systemCause(String(cString: strerror(EACCES)))
            case .fileWriteOutOfSpace: return .systemCause(String(cString: strerror(ENOSPC)))
            case .fileWriteVolumeReadOnly: return .systemCause(String(cString: strerror(EROFS)))
            case .fileWriteFileExists: return .systemCause(String(cString: strerror(EEXIST)))
            default: return .foundationFileError(nsError.code)
            }
        }
        // A Swift error of another module: the name of its type, never its own description.
        if !(type(of: error) is NSError.Type) { return .unexpectedFailure(kind: String(describing: type(of: error))) }
        return .systemError(domain: nsError.domain, code: nsError.code)
    }

    /// The POSIX error code behind a Foundation file error, when there is one.
    private static func posixCode(_ error: NSError) -> Int32? {
        if error.domain == NSPOSIXErrorDomain { return Int32(error.code) }
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return Int32(underlying.code)
        }
        return nil
    }

    private static func isDiskFailure(_ error: any Error) -> Bool {
        let nsError = error as NSError
        if let posix = posixCode(nsError) { return posix == ENOSPC || posix == EIO || posix == EDQUOT }
        return nsError.domain == NSCocoaErrorDomain && nsError.code == CocoaError.Code.fileWriteOutOfSpace.rawValue
    }
}
