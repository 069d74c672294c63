#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension String {
    /// Byte-wise equality of the UTF-8 contents, without the Unicode normalisation `==` performs on
    /// non-ASCII text. Stricter than canonical equivalence; used for cache keys and glyph meanings.
    public func hasSameUTF8(as other: String) -> Bool {
        var lhs = self
        var rhs = other
        return lhs.withUTF8 { a in
            rhs.withUTF8 { b in
                a.count == b.count && (a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0)
            }
        }
    }
}
