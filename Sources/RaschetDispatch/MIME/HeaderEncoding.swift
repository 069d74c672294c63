/// Header text made 7-bit safe and folded within 78 characters a line.
enum HeaderEncoding {
    /// The longest header line written, CRLF excluded (RFC 5322 section 2.1.1 recommends 78).
    static let lineLimit = 78

    /// Whether `text` can appear in a header unencoded: printable ASCII and spaces only, and no
    /// sequence an RFC 2047 decoder would take for an encoded word.
    static func isPlain(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F } && !text.contains("=?")
    }

    /// RFC 2047 encoded words (`=?utf-8?B?...?=`) for `text`, each at most 39 bytes (so at most
    /// 64 characters, fitting a folded line). Words break after a space, which stays encoded at
    /// the end of the word before it: a decoder drops the whitespace between encoded words
    /// (RFC 2047 section 6.2), and one that keeps it still shows whole words. Only a word longer
    /// than 39 bytes is cut, between characters.
    static func encodedWords(_ text: String) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        func flush() {
            if !chunk.isEmpty { words.append(encodedWord(chunk)) }
            chunk = []
        }
        var word: [UInt8] = []
        func take(_ word: [UInt8]) {
            if chunk.count + word.count > 39 { flush() }
            if word.count <= 39 {
                chunk += word
                return
            }
            for scalar in String(decoding: word, as: UTF8.self).unicodeScalars {
                let bytes = Array(String(scalar).utf8)
                if chunk.count + bytes.count > 39 { flush() }
                chunk += bytes
            }
        }
        for byte in text.utf8 {
            word.append(byte)
            if byte == UInt8(ascii: " ") {
                take(word)
                word = []
            }
        }
        take(word)
        flush()
        return words
    }

    private static func encodedWord(_ bytes: [UInt8]) -> String {
        "=?utf-8?B?" + String(decoding: Base64.encode(bytes), as: UTF8.self) + "?="
    }

    /// The tokens of an unstructured header value (a subject): its words when plain, else
    /// encoded words.
    static func unstructuredTokens(_ text: String) -> [String] {
        isPlain(text) ? text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) : encodedWords(text)
    }

    /// The tokens of an address header value: the display name (quoted or encoded) and `<address>`.
    static func addressTokens(_ address: MailAddress) -> [String] {
        guard let name = address.name, !name.isEmpty else { return [address.address] }
        let nameTokens: [String]
        if isPlain(name) {
            var quoted = "\""
            for character in name {
                if character == "\"" || character == "\\" { quoted.append("\\") }
                quoted.append(character)
            }
            nameTokens = [quoted + "\""]
        } else {
            nameTokens = encodedWords(name)
        }
        return nameTokens + ["<" + address.address + ">"]
    }

    /// `Name: token token ...`, folded (CRLF + space) before a token that would pass the line
    /// limit. A single token longer than a line stays whole (none of ours is).
    static func folded(_ name: String, _ tokens: [String]) -> String {
        var out = name + ":"
        var lineLength = out.utf8.count
        for token in tokens {
            let length = token.utf8.count
            if lineLength + 1 + length > lineLimit && lineLength > name.utf8.count + 1 {
                out += "\r\n"
                lineLength = 0
            }
            out += " " + token
            lineLength += 1 + length
        }
        return out + "\r\n"
    }

    /// An RFC 2231 parameter (`name*0*=utf-8''%D0%9A...;` continued over lines) for any Unicode
    /// value: every byte outside `[A-Za-z0-9._-]` is percent-encoded, and sections end on
    /// character boundaries (a client that decodes sections one by one still reads it).
    /// - Returns: the parameter lines, each starting with a space (folded), without the final CRLF.
    static func extendedParameter(_ name: String, _ value: String) -> [String] {
        let hex = Array("0123456789ABCDEF")
        var sections: [String] = []
        var current = "utf-8''"
        for scalar in value.unicodeScalars {
            var piece = ""
            for byte in String(scalar).utf8 {
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                     UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"):
                    piece.append(Character(UnicodeScalar(byte)))
                default:
                    piece += "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 0x0F)])
                }
            }
            if current.utf8.count + piece.utf8.count > 54 {
                sections.append(current)
                current = ""
            }
            current += piece
        }
        sections.append(current)
        return sections.enumerated().map { index, section in
            " " + name + "*" + String(index) + "*=" + section + (index == sections.count - 1 ? "" : ";")
        }
    }
}
