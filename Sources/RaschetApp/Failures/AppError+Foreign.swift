import Foundation
import RaschetCore

extension AppError {
    /// An output file that could not be written: exit 74 when the disk is full or failing, else 73.
    static func cannotWrite(_ path: String, _ error: any Error) -> AppError {
        let cause = cause(of: error)
        let status: ExitStatus = isDiskFailure(error) ? .ioError : .cannotCreateOutput
        return AppError(status, "cannot write \(path): \(cause); check that its folder exists, is writable and has space")
    }

    /// An output folder that could not be created (exit 73).
    static func cannotCreateFolder(_ path: String, _ error: any Error) -> AppError {
        AppError(.cannotCreateOutput, "cannot create the folder \(path): \(cause(of: error))")
    }

    /// An input file or folder that could not be read (exit 66).
    static func cannotRead(_ path: String, _ error: any Error) -> AppError {
        AppError(.missingInput, "cannot read \(path): \(cause(of: error)); check the path and permissions")
    }

    /// A short reason for a foreign error: the system's text for a file error (`No such file or
    /// directory`), never Foundation's `Error Domain=...` dump.
    static func cause(of error: any Error) -> String {
        if let failure = error as? any RaschetFailure { return failure.userMessage }
        let nsError = error as NSError
        if let posix = posixCode(nsError) { return String(cString: strerror(posix)) }
        if nsError.domain == NSCocoaErrorDomain {
            switch CocoaError.Code(rawValue: nsError.code) {
            case .fileNoSuchFile, .fileReadNoSuchFile: return "No such file or directory"
            case .fileReadNoPermission, .fileWriteNoPermission: return "Permission denied"
            case .fileWriteOutOfSpace: return "No space left on device"
            case .fileWriteVolumeReadOnly: return "Read-only file system"
            case .fileWriteFileExists: return "File exists"
            default: return "file operation failed (Foundation file error \(nsError.code))"
            }
        }
        // A Swift error of another module: its own description, which every caller puts after our
        // sentence and exit code (an NSError's description would be a dump).
        if !(type(of: error) is NSError.Type) { return String(describing: error) }
        return "system error \(nsError.domain) \(nsError.code)"
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
