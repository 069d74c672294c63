import RaschetCore
import RaschetIngest
import Synchronization

/// `--partial`'s rejected-rows files, written as the import refuses rows: each input with a refused
/// row gets its `FILE.rejected.csv` (or `.xml`, `RejectedRowsWriter`) through a temporary file
/// next to it (``OutputFile/Writer``), so that memory does not grow with the rows refused. The files
/// take their final names in ``commit()``, once the valid rows are stored; ``discard()`` (the import
/// refused or failed) removes the temporary files.
final class RejectedRowsFiles: RejectedRowsOutput {
    /// One input's file being written.
    private struct Open {
        var writer: OutputFile.Writer
        var format: RejectedRowsWriter
        var rows: Int
    }

    private let language: Language
    /// The files being written, by input.
    private let open = Mutex<[String: Open]>([:])

    /// Files whose reasons are in `language` (the operator reads them).
    init(language: Language) {
        self.language = language
    }

    func add(_ row: RejectedRow, file: String) throws {
        try open.withLock { (open) throws(AppError) in
            if open[file] == nil {
                let format = RejectedRowsWriter(file: file, first: row, language: language)
                let writer = try OutputFile.Writer(path: RejectedRowsWriter.path(for: file))
                try writer.write(format.opening())
                open[file] = Open(writer: writer, format: format, rows: 0)
            }
            try open[file]!.writer.write(open[file]!.format.bytes(of: row))
            open[file]!.rows += 1
        }
    }

    /// Removes the temporary files not put in place. The import's reading thread may still hold this
    /// object for a moment after the import ends, so its files are not left to its release.
    func discard() {
        let files = open.withLock { open in
            let files = open
            open = [:]
            return files
        }
        for (_, output) in files { output.writer.discard() }
    }

    /// Ends each file and puts it in place, in the order of the inputs' names.
    func commit() throws(AppError) -> [ImportFiles.RejectedFile] {
        let files = open.withLock { open in
            let files = open.sorted { $0.key < $1.key }
            open = [:]
            return files
        }
        var written: [ImportFiles.RejectedFile] = []
        for (file, output) in files {
            try output.writer.write(output.format.closing())
            try output.writer.commit()
            written.append(ImportFiles.RejectedFile(file: file, rows: output.rows, rejectedPath: RejectedRowsWriter.path(for: file)))
        }
        return written
    }
}
