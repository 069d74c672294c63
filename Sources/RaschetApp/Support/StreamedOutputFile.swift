import PDFWriter

/// A file written a block at a time (a print batch streamed by the PDF writer), with the guarantees
/// of ``OutputFile/write(_:to:)`` (a new temporary file next to `path`, never through a link, synced
/// and renamed over it by ``commit()``): a run that fails or never commits leaves no file under the
/// final name, and no temporary file.
final class StreamedOutputFile: PDFByteSink {
    let path: String
    private let writer: OutputFile.Writer
    /// The first failed write; later blocks are dropped and ``commit()`` reports it.
    private var failure: AppError?

    /// Creates the temporary file.
    init(path: String) throws(AppError) {
        self.path = path
        writer = try OutputFile.Writer(path: path)
    }

    func write(_ bytes: [UInt8]) {
        guard failure == nil else { return }
        do { try writer.write(bytes) } catch { failure = error }
    }

    /// Syncs the file and renames it to `path`, or throws the first write failure.
    func commit() throws(AppError) {
        if let failure { throw failure }
        try writer.commit()
    }
}
