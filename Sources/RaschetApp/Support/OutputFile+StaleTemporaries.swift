import Foundation
import Glibc

extension OutputFile {
    /// Removes from `folder` the temporary files (`.NAME.PID-RANDOM.tmp`, ``Writer``) that a run
    /// killed part-way left behind: those whose process is gone. A temporary file of a process that
    /// still runs (another command writing there now) is left alone. Called once per run by the
    /// commands that write many files into one folder (`render receipts`), before they write.
    static func removeStaleTemporaries(in folder: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix(".") && name.hasSuffix(".tmp") {
            guard let pid = writerProcess(ofTemporary: name), kill(pid, 0) != 0, errno == ESRCH else { continue }
            unlink((folder as NSString).appendingPathComponent(name))
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
