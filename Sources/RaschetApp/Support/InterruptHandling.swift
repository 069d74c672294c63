import Dispatch
import Glibc
import Synchronization

/// How a front end's process ends on Ctrl-C, `SIGTERM` or `SIGHUP`: it removes the temporary files
/// it was writing (``OutputFile/temporaryFiles``) and exits 128 + the signal, as the default action
/// reports it, instead of leaving a hidden `.NAME.PID-RANDOM.tmp` of the size of an export behind.
/// Nothing else changes: a command is as safe to interrupt as to kill (the database rolls back what
/// was not committed).
public enum InterruptHandling {
    /// Installs the handling; call once, at the start of the process, before other threads run.
    public static func install() {
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            Glibc.signal(signal, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signal, queue: .global())
            source.setEventHandler {
                // Exits holding the lock: no temporary file is created after the removal (`OutputFile.Writer`).
                OutputFile.temporaryFiles.withLock { files in
                    for path in files { unlink(path) }
                    _exit(128 + signal)
                }
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Kept for the life of the process; set by ``install()`` only.
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []
}
