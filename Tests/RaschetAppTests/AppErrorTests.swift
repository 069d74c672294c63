import Foundation
import PDFText
import QRCode
import RaschetApp
import RaschetCore
import RaschetIngest
import RaschetSettings
import RaschetStore
import RaschetTesting
import Testing

/// Every error type reaches the user as our own sentence with its SPEC section 5 exit code; no
/// Foundation `Error Domain=` dump and no bare SQLite text.
@Suite struct AppErrorTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func theExitStatusesAreTheSysexitsCodes() {
        #expect(ExitStatus.allCases.map(\.rawValue) == [64, 65, 66, 69, 70, 73, 74, 75])
    }

    /// Each module's error type, its exit code and the sentence the user reads.
    @Test(arguments: [
        (IngestError(file: "accounts.csv", line: 12, column: "area", message: .negative("-54.3")) as any RaschetFailure,
         65, "accounts.csv:12: area: -54.3 is negative; it must be 0 or more"),
        (IngestError(.missingInput, file: "nowhere.csv", message: .cannotReadFile("No such file or directory")), 66,
         "nowhere.csv: cannot read the file (No such file or directory); check the path and permissions"),
        (StoreError(.missing, .noSuchDatabase("r.sqlite")), 66, "r.sqlite: no such database; create it with `raschet init --db r.sqlite`"),
        (StoreError(.refused, .periodNotClosed(Period(year: 2026, month: 10)!, closed: [])), 65,
         "period 2026-10 is not closed; run `raschet close 2026-10` first"),
        (StoreError(.failed, .sqliteFailed(.databaseOperation("r.sqlite", .read), sqlite: "malformed")), 70,
         "r.sqlite: cannot read the database: SQLite: malformed"),
        (StoreError(.busy, .databaseBusy(.databaseOperation("r.sqlite", .write))), 75,
         "r.sqlite: cannot write to the database: the database is busy with another command; run this one again when it has finished"),
        (StoreError(.io, .diskFull(.databaseOperation("r.sqlite", .write), sqlite: "database or disk is full")), 74,
         "r.sqlite: cannot write to the database: the disk is full; free some space and run the command again (SQLite: database or disk is full)"),
        (SettingsError(file: "raschet.toml", key: "billing.vat", message: .mustBeArrayOfTables), 65,
         "raschet.toml: billing.vat: must be an array of tables, for example [{ ... }, { ... }]"),
        (SettingsError(file: "x.toml", message: .settingsUnreadable, fileIsMissing: true), 66,
         "x.toml: cannot read the settings file; check that it is a readable file (the path given to --config, or raschet.toml next to the database)"),
        (BillingError(code: .noResidents, message: .noResidents, accountID: "1001", serviceID: "HVS", period: Period(year: 2026, month: 10)),
         65, "account 1001, service HVS, period 2026-10: The number of residents is not given"),
        (AppError(.cannotCreateOutput, .cannotWrite("x.pdf", cause: .systemCause("Permission denied"))), 73,
         "cannot write x.pdf: Permission denied; check that its folder exists, is writable and has space"),
    ])
    func everyErrorTypeHasItsExitCodeAndSentence(error: any RaschetFailure, code: Int32, message: String) {
        let shown = AppError(error)
        #expect(shown.exitCode == code)
        #expect(shown.userMessage == message)
    }

    @Test func aForeignErrorOfAnotherLibraryIsAnInternalErrorNamedByItsTypeNotItsDescription() {
        let shown = AppError(FontError("no glyph for U+0416", path: "PTS55F.ttf"))
        #expect(shown.exitCode == 70)
        #expect(shown.userMessage == "internal error (please report it with the command you ran): an unexpected failure (FontError)")
    }

    @Test func aFoundationFileErrorBecomesOurSentenceWithTheSystemsReason() throws {
        let folder = try TemporaryFolder("raschet-app")
        defer { folder.remove() }
        let path = folder.path("no-such-folder/specimen.pdf")
        do {
            _ = try RenderSpecimen(path: path, fontFolder: Self.packageRoot.appendingPathComponent("Fonts").path,
                                   environment: DocumentEnvironment.fromProcess()).run()
            Issue.record("wrote into a missing folder")
        } catch {
            #expect(error.exitCode == 73)
            #expect(error.userMessage == "cannot write \(path): No such file or directory; check that its folder exists, is writable and has space")
        }
    }

    @Test func aMissingFontFolderIsMissingInput() throws {
        let folder = try TemporaryFolder("raschet-app")
        defer { folder.remove() }
        do {
            _ = try RenderSpecimen(path: folder.path("s.pdf"), fontFolder: "/nowhere",
                                   environment: DocumentEnvironment.fromProcess()).run()
            Issue.record("rendered without fonts")
        } catch {
            #expect(error.exitCode == 66)
            #expect(error.userMessage.hasSuffix("; --fonts must name a folder with PTS55F.ttf, PTS75F.ttf, PTS56F.ttf and PTS76F.ttf"))
            #expect(error.userMessage.hasPrefix("/nowhere/PTS55F.ttf: "))
        }
    }

    @Test func aQRPayloadThatDoesNotFitIsBadData() throws {
        let folder = try TemporaryFolder("raschet-app")
        defer { folder.remove() }
        do {
            _ = try RenderSpecimen(path: folder.path("s.pdf"), payload: String(repeating: "Ж", count: 1200),
                                   fontFolder: Self.packageRoot.appendingPathComponent("Fonts").path,
                                   environment: DocumentEnvironment.fromProcess()).run()
            Issue.record("rendered an oversized QR code")
        } catch {
            #expect(error.exitCode == 65)
            #expect(error.userMessage == "QR code: payload of 2400 bytes does not fit a QR code at this level; shorten --qr (at most 2331 UTF-8 bytes at level M)")
        }
    }

    @Test func aDatabaseHeldByAnotherCommandIsBusyWithExit75() throws {
        let folder = try TemporaryFolder("raschet-app")
        defer { folder.remove() }
        let database = folder.path("r.sqlite")
        _ = try InitDatabase(database: database).run()
        let csv = folder.url("key_rates.csv")
        try Data("valid_from;rate\n2026-01-01;16\n".utf8).write(to: csv)

        // Another process holds the write lock: sqlite3 in an open exclusive transaction.
        let marker = folder.url("locked.out")
        let input = Pipe()
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        holder.arguments = ["sqlite3", database]
        holder.standardInput = input
        #expect(FileManager.default.createFile(atPath: marker.path, contents: nil))
        holder.standardOutput = try FileHandle(forWritingTo: marker)
        try holder.run()
        defer {
            try? input.fileHandleForWriting.close()
            holder.waitUntilExit()
        }
        input.fileHandleForWriting.write(Data("BEGIN EXCLUSIVE;\nSELECT 'locked';\n".utf8))
        let deadline = Date().addingTimeInterval(10)
        while (try? String(contentsOf: marker, encoding: .utf8))?.contains("locked") != true, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.02)
        }

        let entity = try #require(ImportEntity("key_rates"))
        do {
            _ = try ImportFiles(database: database, entity: entity, files: [csv.path]).run()
            Issue.record("imported into a locked database")
        } catch {
            #expect(error.exitCode == 75)
            #expect(error.userMessage == "\(database): cannot store the imported rows: the database is busy with another command; "
                + "run this one again when it has finished")
        }
    }

    @Test func aDatabaseInAFolderThatDoesNotExistCannotBeCreated() throws {
        let scratch = try TemporaryFolder("raschet-app")
        defer { scratch.remove() }
        let folder = scratch.path("missing")
        do {
            _ = try InitDatabase(database: folder + "/r.sqlite").run()
            Issue.record("created a database in a missing folder")
        } catch {
            #expect(error.exitCode == 73)
            #expect(error.userMessage == "cannot create \(folder)/r.sqlite: the folder \(folder) does not exist; create it first")
        }
    }

    @Test func aFileThatIsNotADatabaseIsBadDataInOurWords() throws {
        let folder = try TemporaryFolder("raschet-app")
        defer { folder.remove() }
        let path = folder.path("junk.sqlite")
        try Data("this is not SQLite, just a text file of some length to fill a header\n".utf8).write(to: URL(fileURLWithPath: path))
        let month = try #require(BillingMonth("2026-10"))
        do {
            try ExportResults(database: path, kind: .charges, month: month).run()
            Issue.record("read a text file as a database")
        } catch {
            #expect(error.exitCode == 65)
            #expect(error.userMessage == "\(path): cannot open the database: the file is not a usable Raschet database (SQLite: file is not a database)")
        }
    }
}
