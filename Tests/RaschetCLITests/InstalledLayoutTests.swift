import Foundation
import RaschetTesting
import Testing

/// An installed binary (`PREFIX/bin/raschet`) finds `Fonts/`, `Templates/` and `Fixtures/` in
/// `PREFIX/share/raschet/`, run from a folder that holds none of them (README "Installing").
@Suite struct InstalledLayoutTests {
    @Test func theInstalledBinaryFindsItsResourcesUnderPrefixShare() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let files = FileManager.default
        try files.createDirectory(atPath: cli.path("prefix/bin"), withIntermediateDirectories: true)
        try files.createDirectory(atPath: cli.path("prefix/share/raschet"), withIntermediateDirectories: true)
        try files.createDirectory(atPath: cli.path("elsewhere"), withIntermediateDirectories: true)
        try files.copyItem(atPath: CLI.binary.path, toPath: cli.path("prefix/bin/raschet"))
        for folder in ["Fonts", "Templates", "Fixtures"] {
            try files.copyItem(atPath: CLI.packageRoot.appendingPathComponent(folder).path,
                               toPath: cli.path("prefix/share/raschet/\(folder)"))
        }

        let demo = try ExternalTool.run(executable: URL(fileURLWithPath: cli.path("prefix/bin/raschet")),
                                        arguments: ["demo", "--out", "d"],
                                        directory: URL(fileURLWithPath: cli.path("elsewhere")),
                                        environment: ["RASCHET_HOME": cli.path("no-such-folder")])
        #expect(demo.status == 0, "\(demo.stderr)")
        let receipts = try files.contentsOfDirectory(atPath: cli.path("elsewhere/d/receipts/2026-10"))
        #expect(receipts.filter { $0.hasSuffix(".pdf") }.count == 45)
        #expect(files.fileExists(atPath: cli.path("elsewhere/d/receipts/2026-10-batch.pdf")))
        #expect(files.fileExists(atPath: cli.path("elsewhere/d/specimen.pdf")))
    }
}
