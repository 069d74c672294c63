/// A dotted field path of a template (`payee.inn`), compiled: its names, and each name's position in
/// every ``TemplateLayout`` made before the template was compiled, so that finding it in a record
/// built on one of them is an index, not a hash (``TemplateRecord/value(_:at:)``).
struct FieldPath: Sendable {
    /// The names of the path, outermost first.
    let names: [String]
    /// Per name, per layout number: the name's position in that layout, or -1 when it has no such
    /// field. Layouts made later are past the end: a record built on one is searched by name.
    let positions: [[Int32]]

    /// Compiles `dotted`.
    init(_ dotted: String) {
        names = dotted.split(separator: ".").map(String.init)
        let layouts = TemplateLayout.madeSoFar
        positions = names.map { name in
            layouts.map { positions in positions[name].map { Int32($0) } ?? -1 }
        }
    }
}
