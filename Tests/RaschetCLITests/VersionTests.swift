import RaschetApp
import RaschetTesting
import Testing

@Suite struct VersionTests {
    @Test func versionPrintsTheReleaseAndExitsZero() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let result = try cli.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout == RaschetVersion.string + "\n")
        #expect(RaschetVersion.string.split(separator: ".").count == 3)
    }
}
