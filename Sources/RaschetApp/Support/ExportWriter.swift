import RaschetCore
import RaschetIngest

/// Writes one export record by record (`ExportStream`) to its output (`ExportOutput`): encoded as
/// asked, through `OutputFile.Writer`'s buffer, so memory stays bounded whatever the size. Until
/// `finish()` an `--out` file does not exist; a failure leaves none.
struct ExportWriter {
    private var stream: ExportStream
    private let output: ExportOutput
    private let file: OutputFile.Writer
    /// The line of the output the next record starts on (1: the first line), for error messages.
    private var line = 1

    init(_ output: ExportOutput, header: [ExportTable.Field], collection: String, columns: [String]) throws(AppError) {
        try output.validate()
        self.output = output
        stream = ExportStream(format: output.format == .json ? .json : .csv, header: header, collection: collection,
                              columns: columns, decimalComma: output.decimalComma)
        if let path = output.file { file = try OutputFile.Writer(path: path) } else { file = OutputFile.Writer() }
        if output.byteOrderMark { try file.write([0xEF, 0xBB, 0xBF]) }
        try emit(stream.opening(), account: nil)
    }

    /// Writes one record; `account` names it in an encoding error.
    mutating func record(_ fields: [ExportTable.Field], account: String) throws(AppError) {
        try emit(stream.record(fields), account: account)
    }

    /// Writes the end of the export and, for a file, puts it in place.
    mutating func finish() throws(AppError) {
        try emit(stream.closing(), account: nil)
        try file.commit()
    }

    /// The characters of our own data that windows-1251 lacks, written as Windows' best-fit
    /// conversion does: the units `м²` and `м³` become `м2` and `м3`. Any other such character is an error.
    static let cp1251Substitutes: [Unicode.Scalar: UInt8] = ["\u{00B2}": UInt8(ascii: "2"), "\u{00B3}": UInt8(ascii: "3")]

    private mutating func emit(_ text: String, account: String?) throws(AppError) {
        switch output.encoding {
        case .utf8:
            try file.write(text.utf8)
        case .cp1251:
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count)
            var offset = 0
            for scalar in text.unicodeScalars {
                guard let byte = CP1251.byte(for: scalar) ?? Self.cp1251Substitutes[scalar] else {
                    let lineNumber = line + text.unicodeScalars.prefix(offset).filter { $0 == "\n" }.count
                    let code = String(scalar.value, radix: 16, uppercase: true)
                    let codePoint: String = String(repeating: "0", count: max(0, 4 - code.count)) + code
                    throw AppError(.badData, .noCP1251Form(line: lineNumber, file: output.file, account: account,
                                                           character: String(scalar), codePoint: codePoint))
                }
                bytes.append(byte)
                offset += 1
            }
            try file.write(bytes)
        }
        line += text.utf8.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
    }
}
