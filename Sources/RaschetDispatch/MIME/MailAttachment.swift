/// A file attached to a message, sent base64-encoded as is, byte for byte.
public struct MailAttachment: Sendable, Hashable {
    /// The file name shown to the reader, any Unicode (RFC 2231 encoded).
    public var fileName: String
    /// The media type, e.g. `application/pdf`.
    public var contentType: String
    public var bytes: [UInt8]

    public init(fileName: String, contentType: String, bytes: [UInt8]) {
        self.fileName = fileName
        self.contentType = contentType
        self.bytes = bytes
    }
}
