import Foundation
import Glibc

extension OutputFile {
    /// Removes from `folder` the temporary PDF files (`.NAME.pdf.PID-RANDOM.tmp`, ``Writer``) that a
    /// run killed part-way left behind: those whose process is gone and that nothing wrote to for
    /// `staleAfter` seconds. A live run's are kept: one of this host is alive, and one of another
    /// host or container sharing the folder (whose process this host cannot see) renames its files
    /// within seconds and appends to its batch all along. Called once per run by the commands that
    /// write many files into one folder (`render receipts`), before they write. `""` is the current folder.
    static func removeStaleTemporaries(in folder: String, staleAfter: TimeInterval = 3600) {
        let folder = folder.isEmpty ? "." : folder
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        let now = Date()
        for name in names where name.hasPrefix(".") && name.hasSuffix(".tmp") && name.contains(".pdf.") {
            let path = (folder as NSString).appendingPathComponent(name)
            guard let pid = writerProcess(ofTemporary: name), kill(pid, 0) != 0, errno == ESRCH,
                  let modified = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date,
                  now.timeIntervalSince(modified) > staleAfter else { continue }
            unlink(path)
        }
    }

    /// The process id in a temporary file's name `.NAME.PID-RANDOM.tmp`; nil for another name.
    static func writerProcess(ofTemporary name: String) -> pid_t? {
        let stem = name.dropLast(".tmp".count)
        guard let dot = stem.lastIndex(of: "."), dot > stem.startIndex else { return nil }
        let parts = stem[stem.index(after: dot)...].split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, UInt32(parts[1]) != nil, let pid = pid_t(parts[0]), pid > 0 else { return nil }
        return pid
    }
}
