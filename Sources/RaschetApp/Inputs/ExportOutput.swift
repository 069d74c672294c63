import RaschetCore

/// How and where an export is written: its format, the file (`--out`; nil for standard output) and,
/// for CSV opened in a spreadsheet, the decimal comma, the encoding and a UTF-8 byte order mark.
public struct ExportOutput: Sendable, Hashable {
    public var format: ExportFormat
    /// Written atomically, never through a symbolic link (`OutputFile`); nil: standard output.
    public var file: String?
    /// CSV only: money, quantities, prices and the VAT rate written with a decimal comma (`1234,56`);
    /// the field separator stays `;`.
    public var decimalComma: Bool
    /// CSV only: `cp1251` for windows-1251.
    public var encoding: ExportEncoding
    /// CSV only, UTF-8 only: the bytes EF BB BF first, which Excel needs to read UTF-8.
    public var byteOrderMark: Bool

    public init(format: ExportFormat = .json, file: String? = nil, decimalComma: Bool = false, encoding: ExportEncoding = .utf8,
                byteOrderMark: Bool = false) {
        self.format = format; self.file = file; self.decimalComma = decimalComma; self.encoding = encoding
        self.byteOrderMark = byteOrderMark
    }

    /// - Throws: a usage error for a spreadsheet option with JSON (which is always UTF-8 with a
    ///   decimal point, RFC 8259) or a byte order mark with windows-1251.
    func validate() throws(AppError) {
        if format == .json {
            if decimalComma { throw AppError(.usage, .csvOnlyOption("--decimal-comma")) }
            if encoding != .utf8 { throw AppError(.usage, .csvOnlyOption("--encoding \(encoding.rawValue)")) }
            if byteOrderMark { throw AppError(.usage, .csvOnlyOption("--bom")) }
        }
        if byteOrderMark && encoding != .utf8 {
            throw AppError(.usage, .bomWithEncoding(encoding.rawValue))
        }
    }
}
