import Foundation

extension UnsafeBufferPointer<UInt8> {
    /// Whether the buffer holds the same bytes as `other` (a cell's bytes against a code, a stored
    /// column's against a text), compared by `memcmp`: a generic comparison goes a byte at a time.
    public func holdsSameBytes(as other: UnsafeBufferPointer<UInt8>) -> Bool {
        guard count == other.count else { return false }
        guard let start = baseAddress, let otherStart = other.baseAddress else { return true }
        return memcmp(start, otherStart, count) == 0
    }
}
