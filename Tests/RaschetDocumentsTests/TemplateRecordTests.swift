import RaschetCore
import Testing
@testable import RaschetDocuments

/// Records built on a ``TemplateLayout`` hold the values a record built from names holds, and compiled
/// texts find them alike, by position on layouts made before the text was compiled and by name on
/// layouts made after.
@Suite struct TemplateRecordTests {
    @Test func aRecordOnALayoutHoldsItsValuesByName() {
        let layout = TemplateLayout(["a": .scalar, "b": .scalar, "c": .flag])
        var record = TemplateRecord(layout, [.text("x"), nil, .flag(true)])
        #expect(record["a"] == .text("x"))
        #expect(record["b"] == nil)
        #expect(record["missing"] == nil)
        #expect(record.fields == ["a": .text("x"), "c": .flag(true)])
        #expect(record == TemplateRecord(["c": .flag(true), "a": .text("x")]))
        record["b"] = .count(2)
        record["a"] = nil
        #expect(record.fields == ["b": .count(2), "c": .flag(true)])
        record["d"] = .text("new")
        #expect(record.fields == ["b": .count(2), "c": .flag(true), "d": .text("new")])
    }

    /// The layouts of `TextTemplateTests`' records: the root's, then by field name the nested ones'
    /// (the items' with the field one of them adds).
    static func layouts() -> (root: TemplateLayout, nested: [String: TemplateLayout]) {
        let nested: [String: TemplateLayout] = [
            "balance": TemplateLayout(["opening": .scalar, "closing": .scalar]),
            "payee": TemplateLayout(["inn": .scalar, "phone": .scalar]),
            "items": TemplateLayout(["name": .scalar, "amount": .scalar, "service": .scalar]),
        ]
        let names = TextTemplateTests.schema.keys.sorted()
        let layout = TemplateLayout(fields: names.map { ($0, TextTemplateTests.schema[$0]!) })
        return (layout, nested)
    }

    /// `record` rebuilt on `layout`, its nested records and list items on `nested[name]`.
    static func laidOut(_ record: TemplateRecord, on layout: TemplateLayout, nested: [String: TemplateLayout]) -> TemplateRecord {
        TemplateRecord(layout, layout.names.map { name in
            switch record[name] {
            case .record(let inner)?: return .record(laidOut(inner, on: nested[name]!, nested: nested))
            case .list(let items)?: return .list(items.map { laidOut($0, on: nested[name]!, nested: nested) })
            case let value: return value
            }
        })
    }

    @Test(arguments: TextTemplateTests.sources)
    func textsFindFieldsOnLayoutsMadeBeforeAndAfterThemAlike(source: String) throws {
        let before = Self.layouts()
        let text = try TextTemplate(source, scopes: [TextTemplateTests.schema], file: "test.tmpl", line: 1, column: 1)
        let after = Self.layouts()
        for (index, record) in TextTemplateTests.records.enumerated() {
            let expected = text.render(TemplateScope(records: [record]))
            let byPosition = Self.laidOut(record, on: before.root, nested: before.nested)
            let byName = Self.laidOut(record, on: after.root, nested: after.nested)
            #expect(text.render(TemplateScope(records: [byPosition])) == expected, "record \(index)")
            #expect(text.render(TemplateScope(records: [byName])) == expected, "record \(index)")
        }
    }

    @Test func aPathFindsEachNameByItsPositionInTheLayoutsMadeBeforeIt() {
        let outer = TemplateLayout(["payee": .record(["inn": .scalar]), "zone": .scalar])
        let inner = TemplateLayout(["kpp": .scalar, "inn": .scalar])
        let path = FieldPath("payee.inn")
        #expect(path.names == ["payee", "inn"])
        #expect(path.positions[0][outer.id] == 0 && path.positions[0][inner.id] == -1)
        #expect(path.positions[1][outer.id] == -1 && path.positions[1][inner.id] == 1)
        let record = TemplateRecord(outer, [.record(TemplateRecord(inner, [nil, .text("3525417791")])), .text("день")])
        #expect(TemplateScope(records: [record]).value(path) == .text("3525417791"))
        #expect(TemplateScope(records: [record]).value(FieldPath("zone")) == .text("день"))
        #expect(TemplateScope(records: [record]).value(FieldPath("payee.kpp")) == nil)
    }
}
