public import Foundation
import PDFText
import RaschetCore
import PDFWriter
import RaschetLayout

/// What every document takes from its surroundings: the creation date and the fonts.
public struct DocumentEnvironment: Sendable {
    /// Seconds since 1970-01-01 UTC: the document's only clock input.
    let creationSeconds: Int64

    /// `SOURCE_DATE_EPOCH` (the reproducible-builds convention) when set, else the current time; with
    /// it set the output is byte-identical from run to run.
    /// - Throws: a usage error (64) when the variable is not a whole number of seconds within the
    ///   years a PDF date can hold (to the end of 9999).
    public static func fromProcess(now: Date = Date()) throws(AppError) -> DocumentEnvironment {
        if let value = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"] {
            guard let seconds = Int64(value.trimmingCharacters(in: .whitespaces)), (0...253_402_300_799).contains(seconds) else {
                throw AppError(.usage, .badSourceDateEpoch(value))
            }
            return DocumentEnvironment(creationSeconds: seconds)
        }
        return DocumentEnvironment(creationSeconds: Int64(now.timeIntervalSince1970))
    }

    var creationDate: PDFDate { PDFDate(secondsSinceEpoch: creationSeconds) }

    /// PT Sans from `folder`, or from `Fonts/` found by `ResourceLocator` (exit 66 when missing).
    static func fontFamily(_ folder: String?) throws(AppError) -> FontFamily {
        guard let directory = folder ?? ResourceLocator.folder("Fonts") else {
            throw AppError(.missingInput, .noFontsFolder)
        }
        do {
            return try FontFamily.ptSans(directory: directory)
        } catch {
            throw AppError(.missingInput, .fontsUnusable(Self.cause(error)))
        }
    }

    /// Why a font file could not be loaded, in the catalog's words.
    private static func cause(_ error: FontError) -> Message {
        let path = error.path ?? ""
        return switch error.reason {
        case .cannotOpen: .fontFileCannotOpen(path)
        case .empty: .fontFileEmpty(path)
        case .cannotRead: .fontFileCannotRead(path)
        case .notAFont: .fontFileNotAFont(path)
        case .notTrueTypeOutlines: .fontFileNotTrueTypeOutlines(path)
        case .library: .fontLibraryFailed(error.description)
        }
    }
}
