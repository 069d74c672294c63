/// An e-mail with a plain-text and an HTML version of one body and an optional attachment:
/// `multipart/mixed` ⊃ (`multipart/alternative` ⊃ text/plain, text/html) + the attachment.
///
/// `bytes()` (in `MailMessage+Rendering.swift`) renders it to the RFC 5322 wire form.
public struct MailMessage: Sendable, Hashable {
    public var from: MailAddress
    public var to: MailAddress
    public var subject: String
    public var textBody: String
    public var htmlBody: String
    public var attachment: MailAttachment?
    /// The `Message-ID` without angle brackets (`id@domain`).
    public var messageID: String
    /// The `Date` header's moment; the clock is the caller's.
    public var date: MailDate

    public init(from: MailAddress, to: MailAddress, subject: String, textBody: String, htmlBody: String,
                attachment: MailAttachment?, messageID: String, date: MailDate) {
        self.from = from; self.to = to; self.subject = subject; self.textBody = textBody; self.htmlBody = htmlBody
        self.attachment = attachment; self.messageID = messageID; self.date = date
    }
}
