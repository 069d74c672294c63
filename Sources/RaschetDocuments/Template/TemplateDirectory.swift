import RaschetCore
import Foundation

/// The folder of editable templates (`Templates/` in the repository): one `.tmpl` file per document
/// and shared parts (`parts/payee.tmpl`) pulled in with `include`, plus any images they show.
/// Templates are read and compiled when a renderer is created, so an edit needs no rebuild.
public struct TemplateDirectory: Sendable, Hashable {
    /// The folder's path.
    public let path: String

    /// A template folder at `path`.
    public init(path: String) { self.path = path }

    /// The text of `name` (a path relative to the folder), without the byte order mark an editor
    /// such as Notepad puts at the start of a UTF-8 file.
    func text(_ name: String, includedFrom line: TemplateLine?) throws(DocumentError) -> String {
        let bytes = ByteOrderMark.dropped(from: try self.bytes(name, includedFrom: line))
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw DocumentError(file: name, message: .templateNotUTF8)
        }
        return text
    }

    /// The bytes of `name` (a path relative to the folder).
    func bytes(_ name: String, includedFrom line: TemplateLine?) throws(DocumentError) -> [UInt8] {
        guard !name.hasPrefix("/"), !name.split(separator: "/").contains("..") else {
            throw line?.error(line?.texts.first?.column ?? 0, .pathOutsideTemplates(name))
                ?? DocumentError(file: name, message: .nameOutsideTemplates)
        }
        guard let data = FileManager.default.contents(atPath: path + "/" + name) else {
            let message = Message.cannotReadTemplateFile(name, folder: path)
            throw line?.error(line?.keyword.column ?? 0, message) ?? DocumentError(file: name, message: message)
        }
        return [UInt8](data)
    }
}
