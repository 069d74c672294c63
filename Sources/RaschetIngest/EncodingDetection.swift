/// Decides a CSV file's encoding from its bytes, once per file (SPEC §3: UTF-8, or windows-1251).
///
/// - Valid UTF-8 (or a UTF-8 byte order mark) is UTF-8.
/// - Otherwise the bytes are windows-1251 when they are plausible as such: its Cyrillic letters
///   (0xC0–0xFF) rarely form valid UTF-8 sequences, so a file in which valid multi-byte UTF-8
///   sequences outnumber the invalid bytes is a UTF-8 file with damaged bytes, not windows-1251:
///   decoding it as windows-1251 would turn every letter into mojibake. That is an error naming the
///   first bad byte's line and offset.
/// - Bytes that windows-1251 leaves undefined (0x98) or control characters other than TAB, CR and
///   LF (a binary file) fit neither encoding: an error naming the first such byte.
enum EncodingDetection {
    /// The outcome for one file.
    enum Outcome: Equatable {
        case utf8
        case cp1251
        /// Neither: the 0-based offset of the first byte at fault and why.
        case invalid(offset: Int, reason: Reason)
    }

    enum Reason: Equatable {
        /// Mostly UTF-8 with a damaged sequence.
        case damagedUTF8
        /// A byte that is text in neither encoding.
        case notText
    }

    /// - Complexity: O(n).
    static func detect(_ bytes: UnsafeBufferPointer<UInt8>) -> Outcome {
        if UTF8Validation.isValid(bytes) { return .utf8 }
        var validSequences = 0, invalidBytes = 0
        var firstInvalid: Int?
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D { return .invalid(offset: index, reason: .notText) }
                index += 1
                continue
            }
            if byte == 0x98 { return .invalid(offset: index, reason: .notText) }
            let length = UTF8Validation.sequenceLength(bytes, at: index)
            if length > 1 {
                validSequences += 1
                index += length
            } else {
                invalidBytes += 1
                if firstInvalid == nil { firstInvalid = index }
                index += 1
            }
        }
        if validSequences > invalidBytes, let firstInvalid { return .invalid(offset: firstInvalid, reason: .damagedUTF8) }
        return .cp1251
    }

    /// The 1-based line of the byte at `offset`.
    static func line(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var line = 1
        for index in 0..<min(offset, bytes.count) where bytes[index] == 0x0A { line += 1 }
        return line
    }
}
