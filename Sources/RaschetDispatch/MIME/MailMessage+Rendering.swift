extension MailMessage {
    /// The message in RFC 5322 wire form: CRLF line ends, every line at most 78 characters, only
    /// 7-bit bytes (bodies and attachment base64, headers RFC 2047 / RFC 2231 encoded).
    ///
    /// Deterministic: the boundaries come from a hash of the content. They start with `=_`, which
    /// neither base64 nor a plain header line can contain, so no part can hold a boundary line.
    /// - Complexity: O(n) in the size of the bodies and the attachment.
    public func bytes() -> [UInt8] {
        let text = Self.canonicalLines(textBody)
        let html = Self.canonicalLines(htmlBody)
        var hash = ContentHash()
        hash.add(subject.utf8); hash.add(to.address.utf8); hash.add(messageID.utf8)
        hash.add(text); hash.add(html)
        if let attachment { hash.add(attachment.fileName.utf8); hash.add(attachment.bytes) }
        let mixed = "=_mixed_" + hash.hex
        let alternative = "=_alt_" + hash.hex

        var out: [UInt8] = []
        out.reserveCapacity((attachment?.bytes.count ?? 0) * 140 / 100 + text.count * 2 + html.count * 2 + 2048)
        func line(_ string: String) { out.append(contentsOf: string.utf8); out.append(contentsOf: [0x0D, 0x0A]) }
        func raw(_ string: String) { out.append(contentsOf: string.utf8) }

        raw(HeaderEncoding.folded("Date", [date.headerValue]))
        raw(HeaderEncoding.folded("From", HeaderEncoding.addressTokens(from)))
        raw(HeaderEncoding.folded("To", HeaderEncoding.addressTokens(to)))
        raw(HeaderEncoding.folded("Subject", HeaderEncoding.unstructuredTokens(subject)))
        raw(HeaderEncoding.folded("Message-ID", ["<" + messageID + ">"]))
        line("MIME-Version: 1.0")
        if attachment != nil {
            line("Content-Type: multipart/mixed; boundary=\"\(mixed)\"")
            line("")
            line("--" + mixed)
        }
        line("Content-Type: multipart/alternative; boundary=\"\(alternative)\"")
        line("")
        line("--" + alternative)
        line("Content-Type: text/plain; charset=utf-8")
        line("Content-Transfer-Encoding: base64")
        line("")
        Base64.encodeLines(text, into: &out)
        line("--" + alternative)
        line("Content-Type: text/html; charset=utf-8")
        line("Content-Transfer-Encoding: base64")
        line("")
        Base64.encodeLines(html, into: &out)
        line("--" + alternative + "--")
        if let attachment {
            line("--" + mixed)
            line("Content-Type: " + attachment.contentType)
            line("Content-Transfer-Encoding: base64")
            line("Content-Disposition: attachment;")
            for parameter in HeaderEncoding.extendedParameter("filename", attachment.fileName) { line(parameter) }
            line("")
            Base64.encodeLines(attachment.bytes, into: &out)
            line("--" + mixed + "--")
        }
        return out
    }

    /// `text` as UTF-8 with every line ending (LF, CR or CRLF) made CRLF, as RFC 2046 requires of
    /// text parts before their transfer encoding.
    static func canonicalLines(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + text.utf8.count / 20)
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == 0x0A {
                if previous != 0x0D { out.append(0x0D) }
                out.append(0x0A)
            } else {
                if previous == 0x0D { out.append(0x0A) }
                if byte != 0x0D { out.append(byte) }
                else { out.append(0x0D) }
            }
            previous = byte
        }
        if previous == 0x0D { out.append(0x0A) }
        return out
    }
}
