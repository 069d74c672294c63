import Foundation
import RaschetDispatch
import Testing

@Suite struct MailMessageTests {
    static let message = MailMessage(
        from: MailAddress("rkc@example.ru", name: "РКЦ Вологда"),
        to: MailAddress("smirnova.ev@mail.ru", name: "Смирнова Елена Викторовна"),
        subject: "Квитанция за октябрь 2026, лицевой счет 4102470007",
        textBody: "Здравствуйте!\nК оплате: 13 481,16 руб.\n",
        htmlBody: "<p>К оплате: <b>13 481,16</b></p>\n",
        attachment: MailAttachment(fileName: "Квитанция 4102470007 октябрь 2026.pdf", contentType: "application/pdf",
                                   bytes: Array("%PDF-1.7\n.dot line\n%%EOF\n".utf8)),
        messageID: "raschet.4102470007_2026-10@example.ru",
        date: MailDate(secondsSince1970: 1_796_210_255))

    static var text: String { String(decoding: message.bytes(), as: UTF8.self) }

    @Test func theHeadersAreEncodedAndFoldedAsRFC2047AndRFC5322Say() {
        let headers = Self.text.components(separatedBy: "\r\n\r\n")[0] + "\r\n"
        let boundary = Self.text.split(separator: "\"")[1]
        #expect(headers == """
            Date: Wed, 02 Dec 2026 14:17:35 +0300\r
            From: =?utf-8?B?0KDQmtCmINCS0L7Qu9C+0LPQtNCw?= <rkc@example.ru>\r
            To: =?utf-8?B?0KHQvNC40YDQvdC+0LLQsCDQldC70LXQvdCwIA==?=\r
             =?utf-8?B?0JLQuNC60YLQvtGA0L7QstC90LA=?= <smirnova.ev@mail.ru>\r
            Subject: =?utf-8?B?0JrQstC40YLQsNC90YbQuNGPINC30LAg0L7QutGC0Y/QsdGA0Ywg?=\r
             =?utf-8?B?MjAyNiwg0LvQuNGG0LXQstC+0Lkg0YHRh9C10YIg?=\r
             =?utf-8?B?NDEwMjQ3MDAwNw==?=\r
            Message-ID: <raschet.4102470007_2026-10@example.ru>\r
            MIME-Version: 1.0\r
            Content-Type: multipart/mixed; boundary="\(boundary)"\r

            """)
        #expect(boundary.hasPrefix("=_mixed_") && boundary.count == 24)
    }

    @Test func theAttachmentNameIsAnRFC2231ParameterContinuedOnCharacterBoundaries() {
        #expect(Self.text.contains("""
            Content-Type: application/pdf\r
            Content-Transfer-Encoding: base64\r
            Content-Disposition: attachment;\r
             filename*0*=utf-8''%D0%9A%D0%B2%D0%B8%D1%82%D0%B0%D0%BD%D1%86;\r
             filename*1*=%D0%B8%D1%8F%204102470007%20%D0%BE%D0%BA%D1%82%D1%8F;\r
             filename*2*=%D0%B1%D1%80%D1%8C%202026.pdf\r
            \r
            JVBERi0xLjcKLmRvdCBsaW5lCiUlRU9GCg==\r

            """))
    }

    @Test func bodiesAreBase64OfUTF8WithCRLFLineEnds() {
        // "Здравствуйте!\r\nК оплате: 13 481,16 руб.\r\n" in base64, in lines of 76.
        #expect(Self.text.contains("""
            Content-Type: text/plain; charset=utf-8\r
            Content-Transfer-Encoding: base64\r
            \r
            0JfQtNGA0LDQstGB0YLQstGD0LnRgtC1IQ0K0Jog0L7Qv9C70LDRgtC1OiAxMyA0ODEsMTYg0YDR\r
            g9CxLg0K\r

            """))
    }

    @Test func everyLineIsSevenBitAndAtMost78Characters() {
        let bytes = Self.message.bytes()
        #expect(bytes.allSatisfy { $0 < 0x80 })
        let lines = Self.text.components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.utf8.count <= 78 })
        #expect(!Self.text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }

    @Test func aWordLongerThanAnEncodedWordIsCutBetweenCharacters() {
        var message = Self.message
        message.subject = String(repeating: "щ", count: 25)
        let text = String(decoding: message.bytes(), as: UTF8.self)
        // 19 two-byte letters (38 bytes) fill the first encoded word, 6 the second.
        #expect(text.contains("Subject: =?utf-8?B?" + String(repeating: "0YnRidGJ", count: 6) + "0Yk=?=\r\n =?utf-8?B?" + String(repeating: "0YnRidGJ", count: 2) + "?=\r\n"))
    }

    @Test func theSameInputGivesTheSameBytesAndOtherContentAnotherBoundary() {
        #expect(Self.message.bytes() == Self.message.bytes())
        var other = Self.message
        other.attachment?.bytes.append(0x0A)
        let boundary = Self.text.split(separator: "\"")[1]
        let otherBoundary = String(decoding: other.bytes(), as: UTF8.self).split(separator: "\"")[1]
        #expect(boundary != otherBoundary)
    }

    @Test func aPlainASCIIDisplayNameIsQuotedWithItsQuotesEscaped() {
        var message = Self.message
        message.from = MailAddress("a@b.ru", name: "RKC \"North\"")
        message.subject = "Receipt"
        let text = String(decoding: message.bytes(), as: UTF8.self)
        #expect(text.contains("From: \"RKC \\\"North\\\"\" <a@b.ru>\r\n"))
        #expect(text.contains("Subject: Receipt\r\n"))
    }

    @Test(arguments: [
        (Int64(0), 180, "Thu, 01 Jan 1970 03:00:00 +0300"),
        (Int64(951_782_400), 0, "Tue, 29 Feb 2000 00:00:00 +0000"),
        (Int64(-1), -330, "Wed, 31 Dec 1969 18:29:59 -0530"),
    ])
    func datesAreWrittenInRFC5322Form(seconds: Int64, offset: Int, expected: String) {
        #expect(MailDate(secondsSince1970: seconds, utcOffsetMinutes: offset).headerValue == expected)
    }
}
