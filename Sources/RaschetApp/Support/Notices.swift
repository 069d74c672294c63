public import RaschetCore
import Synchronization

/// Things a use case tells the user besides its result, whatever the command (a review list written
/// late): handed to the front end's handler (the CLI prints them on standard error), dropped when
/// none is installed.
public enum Notices {
    private static let handler = Mutex<(@Sendable (Message) -> Void)?>(nil)

    /// Sends every later notice to `handler`.
    public static func deliver(to handler: @escaping @Sendable (Message) -> Void) {
        self.handler.withLock { $0 = handler }
    }

    static func post(_ notice: Message) {
        let handler = self.handler.withLock { $0 }
        handler?(notice)
    }
}
