import PDFText
import RaschetCore
import QRCode
import RaschetDocuments

/// `raschet render specimen`: a one-page specimen of the fonts, a table, a paragraph and a payment
/// QR code, to check a font, a printer or a template change (SPEC section 5).
public struct RenderSpecimen: Sendable {
    /// What `run()` wrote.
    public struct Report: Sendable, Hashable {
        public var path: String
        public var bytes: Int
        public var pages: Int
    }

    /// The PDF file to write.
    public var path: String
    /// The paragraph; nil: a Russian pangram.
    public var text: String?
    /// The QR code's payload; nil: a sample ГОСТ Р 56042-2014 payment string.
    public var payload: String?
    /// The font folder; nil: `Fonts/` found in the working folder or next to the executable.
    public var fontFolder: String?
    public var environment: DocumentEnvironment

    public init(path: String, text: String? = nil, payload: String? = nil, fontFolder: String? = nil,
                environment: DocumentEnvironment) {
        self.path = path
        self.text = text
        self.payload = payload
        self.fontFolder = fontFolder
        self.environment = environment
    }

    /// Takes no database, and keeps clear of the files of the one commands use by default: its
    /// output may not name them (`Workspace.refuseReplacing`), nor any other SQLite database.
    public func run() throws(AppError) -> Report {
        guard payload?.isEmpty != true else { throw AppError(.usage, .emptyQRPayload) }
        try Workspace(database: Workspace.defaultDatabase).refuseReplacing(path)
        let bytes = try Self.render(text: text, payload: payload, fontFolder: fontFolder, environment: environment)
        try OutputFile.write(bytes, to: path)
        return Report(path: path, bytes: bytes.count, pages: 1)
    }

    /// The specimen's bytes.
    static func render(text: String?, payload: String?, fontFolder: String?, environment: DocumentEnvironment) throws(AppError) -> [UInt8] {
        let family = try DocumentEnvironment.fontFamily(fontFolder)
        let specimen = SpecimenDocument(text: text ?? SpecimenDocument.defaultText, payload: payload ?? SpecimenDocument.defaultPayload,
                                        creationDate: environment.creationDate)
        do {
            return try specimen.render(family: family)
        } catch let error as QRCode.Failure {
            throw AppError(.badData, .qrPayloadTooLong(bytes: error.byteCount))
        } catch let error as FontError {
            throw AppError(.badData, .specimenNotTypeset(error.description))
        } catch {
            throw AppError(error)
        }
    }
}
