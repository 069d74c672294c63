import CLibXML2
public import RaschetCore
import Glibc

/// Streams `<raschet-data version="1">` files, one row element at a time.
///
/// The format (SPEC §3):
/// ```xml
/// <raschet-data version="1">
///   <tariffs>
///     <tariff service_id="HVS" valid_from="2026-07-01" price="52.10"/>
///   </tariffs>
/// </raschet-data>
/// ```
/// The root's children are collections; each collection holds row elements named by the
/// collection's singular (`tariffs`/`tariff`, `EntityKind.rowElementName`); a row element carries its
/// fields as attributes, in document order, and nothing else (no child elements, no text).
/// Comments and processing instructions are ignored anywhere.
///
/// ## Parsing and security
/// The file is read in 64 KiB chunks and fed to libxml2's SAX2 push parser, so memory stays flat
/// for any file size, and rows are handed out as ``next()`` asks for them. The SAX2 parser is used
/// rather than `xmlTextReader` for exact line numbers: the reader's element lines saturate at
/// 65535 (libxml2 stores them in 16 bits) and its parser line runs ahead of the node being read.
///
/// DTDs are refused: the parser stops inside its `internalSubset` callback, which libxml2 calls at
/// `<!DOCTYPE name ...` *before* it reads the internal subset, so no entity is ever declared,
/// nothing is expanded (no "billion laughs"), and no external DTD or entity is loaded. The options
/// are `XML_PARSE_NONET` only: no `NOENT` (entities are never substituted), no `DTDLOAD`,
/// `DTDATTR` or `DTDVALID`. An entity reference other than the five predefined ones and character
/// references is then undeclared, which libxml2 reports as a fatal error. Attribute values are
/// decoded by libxml2 (`&amp;`, `&quot;`, `&#1092;`, attribute-value normalization), as is the
/// encoding the prolog declares (UTF-8, windows-1251, ...).
///
/// ## Errors
/// Every problem is an ``IngestError`` naming the file and the line: the line where the element's
/// start tag begins for structure errors, libxml2's line for malformed XML (libxml2's message,
/// prefixed with "malformed XML: "). libxml2's diagnostics are captured, never printed. Errors end
/// the stream: XML cannot be resynchronized after one, so after throwing, `next()` returns nil.
/// Rows read before the error are handed out first.
///
/// Not thread-safe (a reader is used by one task at a time); not `Sendable`.
public final class XMLRecordReader {
    static let chunkSize = 64 * 1024

    let state: XMLParseState
    let stream: UnsafeMutablePointer<FILE>
    let context: xmlParserCtxtPtr
    let buffer: UnsafeMutableBufferPointer<CChar>
    /// Set when the whole file was fed (or parsing stopped): nothing more will be queued.
    var finished = false
    /// Set once an error was thrown.
    var failed = false
    /// Whether any byte was read.
    var sawBytes = false

    /// Opens an XML file for streaming.
    ///
    /// - Parameters:
    ///   - path: the file to read.
    ///   - file: the file's name as the user gave it, for error messages.
    /// - Throws: ``IngestError`` with `code == .missingInput` when the file cannot be opened.
    ///   Problems in the content are thrown by ``next()``.
    public init(path: String, file: String) throws(IngestError) {
        // A named pipe or a device is refused before it is opened: opening a pipe waits for a writer.
        var status = stat()
        if stat(path, &status) == 0, status.st_mode & S_IFMT != S_IFREG {
            throw IngestError(.missingInput, file: file, message: .notRegularFile)
        }
        guard let stream = fopen(path, "rb") else {
            let reason = String(cString: strerror(errno))
            throw IngestError(.missingInput, file: file, message: .cannotOpenFile(reason))
        }
        let state = XMLParseState(file: file)
        var handler = XMLParseState.saxHandler()
        guard let context = xmlCreatePushParserCtxt(
            &handler, Unmanaged.passUnretained(state).toOpaque(), nil, 0, path)
        else {
            fclose(stream)
            throw IngestError(.missingInput, file: file, message: .xmlParserUnavailable)
        }
        xmlCtxtUseOptions(context, Int32(bitPattern: XML_PARSE_NONET.rawValue))
        state.context = context
        self.state = state
        self.stream = stream
        self.context = context
        self.buffer = .allocate(capacity: Self.chunkSize)
    }

    deinit {
        xmlFreeParserCtxt(context)
        fclose(stream)
        buffer.deallocate()
    }

    /// The next row element: the entity of the collection it belongs to (its parent element) and the record
    /// (its attributes as fields in document order; `line` is where its start tag begins). Nil at
    /// the end of the file, and after an error was thrown.
    ///
    /// - Throws: ``IngestError`` (`.badData`) for a DOCTYPE, a wrong root or version, an unknown
    ///   collection, a row element with the wrong name, child elements or text inside a row, and
    ///   malformed XML; `.missingInput` when reading the file fails.
    /// - Complexity: amortized O(size of the row element).
    public func next() throws(IngestError) -> (kind: EntityKind, record: SourceRecord)? {
        while true {
            if let row = state.dequeue() { return row }
            if failed { return nil }
            if let error = state.error {
                failed = true
                throw error
            }
            if finished { return nil }
            feed()
        }
    }

    /// Reads one chunk and parses it, queueing rows in `state`.
    func feed() {
        let count = fread(buffer.baseAddress, 1, Self.chunkSize, stream)
        var terminate: Int32 = 0
        if count < Self.chunkSize {
            if ferror(stream) != 0 {
                let reason = String(cString: strerror(errno))
                state.fail(IngestError(.missingInput, file: state.file, message: .fileReadFailed(reason)))
                finished = true
                return
            }
            terminate = 1
        }
        if count > 0 {
            sawBytes = true
        } else if !sawBytes {
            state.fail(line: 1, .emptyXML)
            finished = true
            return
        }
        // Errors libxml2 raises outside the parser context (encoding conversion, I/O) go to the
        // thread's global handler: capture them too while this thread parses.
        xmlSetStructuredErrorFunc(Unmanaged.passUnretained(state).toOpaque(), XMLParseState.errorHandler)
        let status = xmlParseChunk(context, buffer.baseAddress, Int32(count), terminate)
        xmlSetStructuredErrorFunc(nil, nil)
        if status != 0 {
            state.fail(IngestError(file: state.file, message: .malformedXMLStatus(status)))
        }
        if terminate != 0 || state.error != nil { finished = true }
    }
}

/// The SAX2 callbacks' state: element nesting, the queue of rows parsed ahead, the first error.
final class XMLParseState {
    let file: String
    var context: xmlParserCtxtPtr?
    /// Number of open elements.
    var depth = 0
    /// Whether the root element was opened.
    var sawRoot = false
    /// The open collection's entity, nil outside a collection.
    var collection: EntityKind?
    var rowName = ""
    var queue: [(kind: EntityKind, record: SourceRecord)] = []
    var head = 0
    var error: IngestError?

    init(file: String) {
        self.file = file
    }

    func dequeue() -> (kind: EntityKind, record: SourceRecord)? {
        guard head < queue.count else {
            if head > 0 {
                queue.removeAll(keepingCapacity: true)
                head = 0
            }
            return nil
        }
        defer { head += 1 }
        return queue[head]
    }

    /// Records the first error and stops the parser.
    func fail(_ error: IngestError) {
        if self.error == nil { self.error = error }
        if let context { xmlStopParser(context) }
    }

    func fail(line: Int32, column: String? = nil, _ message: Message) {
        fail(IngestError(file: file, line: line > 0 ? Int(line) : nil, column: column, message: message))
    }

    static func from(_ pointer: UnsafeMutableRawPointer?) -> XMLParseState {
        Unmanaged<XMLParseState>.fromOpaque(pointer!).takeUnretainedValue()
    }

    static func name(_ localName: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?) -> String {
        let local = localName.map { String(cString: $0) } ?? ""
        guard let prefix else { return local }
        return String(cString: prefix) + ":" + local
    }

    // MARK: SAX2 callbacks

    static let errorHandler: xmlStructuredErrorFunc = { userData, error in
        guard let error else { return }
        XMLParseState.from(userData).libxmlError(error.pointee)
    }

    static func saxHandler() -> xmlSAXHandler {
        var handler = xmlSAXHandler()
        handler.initialized = UInt32(XML_SAX2_MAGIC)
        handler.serror = errorHandler
        handler.internalSubset = { userData, _, _, _ in
            let state = XMLParseState.from(userData)
            state.fail(
                line: CLibXML2_currentLine(state.context),
                .xmlNoDTD)
        }
        handler.startElementNs = { userData, localName, prefix, _, _, _, attributeCount, _, attributes in
            XMLParseState.from(userData).startElement(
                name: XMLParseState.name(localName, prefix), attributeCount: Int(attributeCount), attributes: attributes)
        }
        handler.endElementNs = { userData, _, _, _ in
            XMLParseState.from(userData).depth -= 1
        }
        let text: charactersSAXFunc = { userData, characters, length in
            guard let characters, length > 0 else { return }
            XMLParseState.from(userData).text(UnsafeBufferPointer(start: characters, count: Int(length)))
        }
        handler.characters = text
        handler.ignorableWhitespace = text
        handler.cdataBlock = text
        return handler
    }

    func libxmlError(_ error: xmlError) {
        guard error.level.rawValue >= XML_ERR_ERROR.rawValue, self.error == nil else { return }
        if !sawRoot
            && (error.code == Int32(XML_ERR_DOCUMENT_END.rawValue) || error.code == Int32(XML_ERR_DOCUMENT_EMPTY.rawValue))
        {
            // The push parser's words ("Extra content at the end of the document", "Document is
            // empty") for a file of only a prolog, comments, blanks or text.
            return fail(line: error.line, .xmlNoRoot)
        }
        // libxml2's messages end with a line feed and some span two lines: make them one line.
        var message = (error.message.map { String(cString: $0) } ?? "error \(error.code)")
            .split(whereSeparator: \.isNewline).joined(separator: " ")
        while let last = message.last, last.isWhitespace { message.removeLast() }
        fail(line: error.line, .malformedXML(message, cp1251Hint: message.hasPrefix("Input is not proper UTF-8")))
    }

    func startElement(name: String, attributeCount: Int, attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        guard error == nil else { return }
        depth += 1
        let line = CLibXML2_startTagLine(context)
        switch depth {
        case 1:
            sawRoot = true
            let version = (0..<attributeCount).first { Self.name(attributes![5 * $0], attributes![5 * $0 + 1]) == "version" }
                .map { Self.attributeValue(attributes!, $0) }
            guard name == "raschet-data" else {
                return fail(line: line, .xmlWrongRoot(name))
            }
            guard let version else {
                return fail(line: line, column: "version", .xmlVersionMissing)
            }
            guard version == "1" else {
                return fail(
                    line: line, column: "version",
                    .xmlVersionUnsupported(version))
            }
        case 2:
            guard let kind = EntityKind(name: name) else {
                let known = EntityKind.allCases.map(\.name).sorted().joined(separator: ", ")
                return fail(line: line, .xmlUnknownCollection(name, expected: known))
            }
            if attributeCount > 0 {
                return fail(line: line, .xmlCollectionAttributes(name))
            }
            collection = kind
            rowName = kind.rowElementName
        case 3:
            guard name == rowName, let collection else {
                return fail(line: line, .xmlWrongRow(name, collection: collection?.name ?? "", row: rowName))
            }
            var names: [String] = [], values: [String] = []
            names.reserveCapacity(attributeCount)
            values.reserveCapacity(attributeCount)
            for index in 0..<attributeCount {
                names.append(Self.name(attributes![5 * index], attributes![5 * index + 1]))
                values.append(Self.attributeValue(attributes!, index))
            }
            queue.append((collection, SourceRecord(line: Int(line), names: names, values: values)))
        default:
            fail(
                line: line,
                .xmlChildElement(row: rowName, child: name))
        }
    }

    func text(_ bytes: UnsafeBufferPointer<xmlChar>) {
        guard error == nil, depth >= 1 else { return }
        guard let first = bytes.firstIndex(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 })
        else { return }
        // The parser is past the text: step back over the line feeds after its first non-blank.
        let laterLines = bytes[first...].reduce(Int32(0)) { $1 == 0x0A ? $0 + 1 : $0 }
        let line = CLibXML2_currentLine(context) - laterLines
        switch depth {
        case 1: fail(line: line, .xmlTextInRoot)
        case 2: fail(line: line, .xmlTextInCollection(collection?.name ?? "", row: rowName))
        default: fail(line: line, .xmlTextInRow(rowName))
        }
    }

    /// The value of attribute `index` of a SAX2 attribute array (5 pointers per attribute: local
    /// name, prefix, URI, value start, value end).
    ///
    /// Without entity substitution, libxml2 hands over `&` (from `&amp;` or `&#38;`) as the
    /// five characters `&#38;`, for the tree builder to reparse; no other `&` can occur (any
    /// other entity reference is undeclared, a fatal error), so those are turned back into `&`.
    static func attributeValue(_ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>, _ index: Int) -> String {
        guard let start = attributes[5 * index + 3], let end = attributes[5 * index + 4] else { return "" }
        let bytes = UnsafeBufferPointer(start: start, count: end - start)
        guard bytes.contains(0x26) else { return String(decoding: bytes, as: UTF8.self) }
        let escape: [UInt8] = Array("&#38;".utf8)
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var position = 0
        while position < bytes.count {
            if bytes[position] == 0x26, position + 5 <= bytes.count, bytes[position..<position + 5].elementsEqual(escape) {
                decoded.append(0x26)
                position += 5
            } else {
                decoded.append(bytes[position])
                position += 1
            }
        }
        return String(decoding: decoded, as: UTF8.self)
    }
}
