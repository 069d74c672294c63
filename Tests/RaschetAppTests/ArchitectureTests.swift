import Foundation
import Testing

/// The module graph of `Guides/Architecture.md`, checked on the source tree: a forbidden `import`
/// in any file of `Sources/` fails here. A planned module whose folder does not exist yet is skipped.
@Suite struct ArchitectureTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")

    /// The PDF stack: knows nothing about billing.
    static let pdfStack: Set = ["PDFWriter", "PDFText", "QRCode", "RaschetLayout"]
    /// Modules that know the billing domain (everything the PDF stack must not import).
    static let billing: Set = ["RaschetCore", "RaschetSynth", "RaschetIngest", "RaschetStore", "RaschetClose", "RaschetSettings",
                               "RaschetDocuments", "RaschetDispatch", "RaschetApp"]
    /// The database and what reads it for the close: documents and dispatch get their data from the app layer.
    static let storage: Set = ["RaschetStore", "RaschetClose", "GRDB", "GRDBSQLite", "RaschetIngest"]
    /// Front-end modules: only the executable (and later front ends) import them.
    static let frontEnd: Set = ["RaschetApp", "ArgumentParser"]

    /// A rule: what a module may not import, or the only modules it may import.
    enum Rule {
        case only(Set<String>)
        case never(Set<String>)

        func allows(_ module: String) -> Bool {
            switch self {
            case .only(let allowed): allowed.contains(module)
            case .never(let forbidden): !forbidden.contains(module)
            }
        }
    }

    /// The rules, module by module (`Guides/Architecture.md`, "What each module may import").
    static let rules: [String: [Rule]] = [
        "RaschetCore": [.only(["Foundation", "Synchronization"])],
        "RaschetSynth": [.only(["Foundation", "Synchronization", "RaschetCore"])],
        "RaschetSettings": [.only(["Foundation", "RaschetCore", "TOMLKit"])],
        "RaschetIngest": [.never(pdfStack.union(["RaschetStore", "RaschetClose", "RaschetDocuments", "RaschetDispatch"]).union(frontEnd))],
        "RaschetStore": [.never(pdfStack.union(["RaschetIngest", "RaschetClose", "RaschetDocuments", "RaschetDispatch"]).union(frontEnd))],
        "RaschetClose": [.never(pdfStack.union(["RaschetIngest", "RaschetDocuments", "RaschetDispatch"]).union(frontEnd))],
        "PDFWriter": [.never(billing.union(frontEnd))],
        "PDFText": [.never(billing.union(frontEnd))],
        "QRCode": [.never(billing.union(frontEnd))],
        "RaschetLayout": [.never(billing.union(frontEnd))],
        "RaschetDocuments": [.never(storage.union(["RaschetDispatch"]).union(frontEnd))],
        "RaschetDispatch": [.never(storage.union(frontEnd))],
        "RaschetApp": [.never(["ArgumentParser"])],
        "raschet": [.only(["ArgumentParser", "Foundation", "RaschetApp"])],
    ]

    /// The modules a Swift source imports, whatever the access modifier (`public import`,
    /// `@_exported import`, `import struct M.T`); `#if canImport(...)` branches count too.
    static func imports(in source: String) -> [String] {
        source.split(separator: "\n").compactMap { line in
            var words = line.split(separator: " ").map(String.init)
            while let first = words.first, ["public", "internal", "package", "private", "fileprivate"].contains(first)
                || first.hasPrefix("@") {
                words.removeFirst()
            }
            guard words.first == "import", words.count >= 2 else { return nil }
            let path = ["struct", "class", "enum", "protocol", "func", "var", "let", "typealias"].contains(words[1]) && words.count >= 3
                ? words[2] : words[1]
            return String(path.split(separator: ".").first ?? "")
        }
    }

    /// Every `(file, imported module)` of the module folder `module`, or nil when it does not exist.
    static func imports(ofModule module: String) throws -> [(file: String, module: String)]? {
        let folder = sources.appendingPathComponent(module)
        guard FileManager.default.fileExists(atPath: folder.path) else { return nil }
        guard let files = FileManager.default.enumerator(atPath: folder.path) else { return nil }
        var result: [(file: String, module: String)] = []
        for case let file as String in files where file.hasSuffix(".swift") {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            result += imports(in: text).map { (module + "/" + file, $0) }
        }
        return result
    }

    @Test func theImportParserSeesEveryFormOfImport() {
        let source = """
            import Foundation
            public import RaschetCore
            @_exported import RaschetStore
            internal import CZlib
            @testable import RaschetApp
            import struct GRDB.Row
                #if canImport(Glibc)
                import Glibc
                #endif
            // import NotThis
            let important = "import"
            """
        #expect(Self.imports(in: source) == ["Foundation", "RaschetCore", "RaschetStore", "CZlib", "RaschetApp", "GRDB", "Glibc"])
    }

    @Test func theRulesCatchAForbiddenImport() {
        #expect(Self.rules["RaschetCore"]?.allSatisfy { $0.allows("GRDB") } == false)
        #expect(Self.rules["PDFWriter"]?.allSatisfy { $0.allows("RaschetCore") } == false)
        #expect(Self.rules["RaschetDocuments"]?.allSatisfy { $0.allows("RaschetStore") } == false)
        #expect(Self.rules["RaschetDispatch"]?.allSatisfy { $0.allows("GRDB") } == false)
        #expect(Self.rules["raschet"]?.allSatisfy { $0.allows("RaschetStore") } == false)
        #expect(Self.rules["raschet"]?.allSatisfy { $0.allows("RaschetApp") } == true)
    }

    @Test(arguments: rules.keys.sorted())
    func aModuleImportsOnlyWhatTheArchitectureAllows(module: String) throws {
        guard let imports = try Self.imports(ofModule: module) else { return }  // planned, not yet written
        #expect(!imports.isEmpty || module == "RaschetCore", "no imports read in \(module): wrong folder?")
        for (file, imported) in imports where imported != module {
            for rule in Self.rules[module] ?? [] {
                #expect(rule.allows(imported), "\(file) imports \(imported), which Guides/Architecture.md forbids for \(module)")
            }
        }
    }

    @Test func theModulesThatExistTodayAreChecked() throws {
        for module in ["RaschetCore", "RaschetIngest", "RaschetStore", "PDFWriter", "RaschetDocuments", "RaschetSettings", "RaschetApp", "raschet"] {
            #expect(try Self.imports(ofModule: module) != nil, "Sources/\(module) is missing")
        }
        #expect(try Self.imports(ofModule: "raschet")?.contains { $0.module == "RaschetApp" } == true)
    }
}
