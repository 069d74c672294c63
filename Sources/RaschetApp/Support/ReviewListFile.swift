import RaschetCore
import RaschetStore

/// The review list of a close, `DB.review-YYYY-MM.csv` next to the database (`OutputFile`: atomic,
/// never through a symbolic link). When it cannot be written, the period is recorded in the
/// store's `pending_review_lists` and the next command that opens the database writes it late.
enum ReviewListFile {
    static func path(database: String, period: Period) -> String { database + ".review-" + period.code + ".csv" }

    /// Writes the review list of `period` from the stored flags.
    /// - Returns: the number of flags.
    /// - Throws: when the file cannot be written, after recording it as pending: the write error
    ///   with a sentence saying the period is closed and the list will be written later.
    static func write(_ store: Store, database: String, period: Period) throws(AppError) -> Int {
        let path = path(database: database, period: period)
        let flags: [ReviewFlag]
        do { flags = try store.reviewFlags(period) } catch { throw AppError(error) }
        do {
            try OutputFile.write(Array(ExportTable.reviewList(period: period, flags: flags).csv.utf8), to: path)
        } catch {
            do { try store.markReviewListPending(period, reason: error.userText.russian) } catch { throw AppError(error) }
            throw AppError(error.exitStatus, .reviewListNotWritten(period, cause: error.userText))
        }
        return flags.count
    }

    /// Writes the review lists earlier closes could not write, telling `Notices` which were written
    /// late and which still could not be (they stay pending). Never fails the command that opened
    /// the database.
    static func writePending(_ store: Store, database: String) {
        guard let pending = try? store.pendingReviewLists() else { return }
        for period in pending {
            let path = path(database: database, period: period)
            do {
                let flags = try store.reviewFlags(period)
                try OutputFile.write(Array(ExportTable.reviewList(period: period, flags: flags).csv.utf8), to: path)
                try store.clearReviewListPending(period)
                Notices.post(.reviewListWrittenLate(period, flags: flags.count, path: path))
            } catch {
                Notices.post(.reviewListStillPending(period, cause: AppError(error).userText))
            }
        }
    }
}
