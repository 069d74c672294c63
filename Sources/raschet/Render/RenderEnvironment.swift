import ArgumentParser
import Foundation
import PDFText
import PDFWriter
import RaschetLayout

/// What every `render` command takes from its surroundings: the fonts and the creation date.
enum RenderEnvironment {
    /// `SOURCE_DATE_EPOCH` (reproducible builds convention) when set, else the current time.
    /// The date is the only clock input of a document, so with it set the output is byte-identical.
    static func creationDate() throws -> PDFDate {
        if let value = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"] {
            guard let seconds = Int64(value.trimmingCharacters(in: .whitespaces)), seconds >= 0 else {
                throw ValidationError("SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01, got \"\(value)\"")
            }
            return PDFDate(secondsSinceEpoch: seconds)
        }
        return PDFDate(secondsSinceEpoch: Int64(Date().timeIntervalSince1970))
    }

    /// PT Sans from `--fonts DIR`, or from `Fonts/` found by ``ResourceLocator``.
    static func fontFamily(_ option: String?) throws -> FontFamily {
        guard let directory = option ?? ResourceLocator.folder("Fonts") else {
            CommandFailure.printError("no Fonts/ folder found; pass --fonts DIR or set RASCHET_HOME to the project folder")
            throw ExitCode(ExitStatus.missingInput)
        }
        do {
            return try FontFamily.ptSans(directory: directory)
        } catch {
            CommandFailure.printError("\(error.description); --fonts must name a folder with PTS55F.ttf, PTS75F.ttf, PTS56F.ttf and PTS76F.ttf")
            throw ExitCode(ExitStatus.missingInput)
        }
    }
}
