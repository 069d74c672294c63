/// UTF-8's byte order mark, which editors such as Notepad and Excel put at the start of a file.
public enum ByteOrderMark {
    /// Its three bytes.
    public static let utf8: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// `bytes` without the mark they start with, if any.
    public static func dropped<Bytes: RangeReplaceableCollection<UInt8>>(from bytes: Bytes) -> Bytes {
        bytes.starts(with: utf8) ? Bytes(bytes.dropFirst(utf8.count)) : bytes
    }
}
