import RaschetCore
@testable import RaschetDispatch
import Synchronization
import Testing

@Suite struct ReceiptReadAheadTests {
    /// Records the hints it is given.
    final class HintRecorder: ReceiptSource {
        let hinted = Mutex<[String]>([])
        func receipt(account: String, period: Period) throws(DispatchError) -> [UInt8] { [] }
        func willRead(account: String, period: Period) { hinted.withLock { $0.append(account) } }
    }

    @Test func theNextReceiptsAreHintedOnceEachAndNeverPastTheLast() {
        let accounts = (0..<100).map { "A\($0)" }
        let source = HintRecorder()
        var readAhead = ReceiptReadAhead(accounts: accounts, period: Period(year: 2026, month: 10)!, source: source)
        readAhead.reading(0)
        #expect(source.hinted.withLock { $0 } == Array(accounts[0..<64]))
        readAhead.reading(1)
        #expect(source.hinted.withLock { $0 } == Array(accounts[0..<65]))
        readAhead.reading(1)
        readAhead.reading(50)
        #expect(source.hinted.withLock { $0 } == accounts)
        readAhead.reading(99)
        #expect(source.hinted.withLock { $0.count } == 100)
    }

    @Test func aDirectoryHintsAMissingFileWithoutFailing() throws {
        // The hint of a file that is not there does nothing; asking for it still names the folder.
        let directory = ReceiptDirectory(path: "/nonexistent")
        directory.willRead(account: "1", period: Period(year: 2026, month: 10)!)
        #expect(throws: DispatchError.self) { try directory.receipt(account: "1", period: Period(year: 2026, month: 10)!) }
    }
}
