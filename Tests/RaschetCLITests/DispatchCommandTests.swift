import Foundation
import RaschetCore
import RaschetStore
import RaschetTesting
import Testing

/// `raschet dispatch` against a real SMTP server on loopback (aiosmtpd, STARTTLS and AUTH on a
/// self-signed certificate), every received message parsed by Python's `email` package.
@Suite struct DispatchCommandTests {
    /// The Fixtures accounts with e_receipt = 1, email_confirmed = 1 and an address, read from
    /// Fixtures/accounts.csv: (account, name, e-mail).
    static let subscribers: [(account: String, name: String, email: String)] = {
        let text = (try? String(contentsOfFile: CLI.fixture("accounts.csv"), encoding: .utf8)) ?? ""
        let rows = text.split(separator: "\n").map { $0.split(separator: ";", omittingEmptySubsequences: false).map(String.init) }
        let header = rows[0]
        func column(_ name: String) -> Int { header.firstIndex(of: name)! }
        return rows.dropFirst().filter { $0[column("e_receipt")] == "1" && $0[column("email_confirmed")] == "1" && !$0[column("email")].isEmpty }
            .map { ($0[column("account_id")], $0[column("name")], $0[column("email")]) }
    }()

    /// A demo database closed through 2026-10, the period's receipts rendered where `dispatch` looks
    /// for them (`receipts/2026-10/` next to the database) and a certificate, in a scratch folder that
    /// the test removes: `defer { setup.cli.remove() }`.
    struct Setup {
        let cli: CLI
        let tls: TLSFiles

        init() throws {
            let cli = try CLI()
            self.cli = cli
            tls = try cli.folder.removeOnError { () throws -> TLSFiles in
                let demo = try cli.run(["demo", "--out", "d"], environment: ["SOURCE_DATE_EPOCH": "1790000000"])
                #expect(demo.status == 0, "\(demo.stderr)")
                let render = try cli.run(["render", "receipts", "--period", "2026-10", "--out", "d/receipts/2026-10",
                                          "--db", "d/raschet.sqlite", "--config", CLI.fixture("raschet.toml")],
                                         environment: ["SOURCE_DATE_EPOCH": "1790000000"])
                #expect(render.status == 0, "\(render.stderr)")
                return try TLSFiles(in: cli.directory.path)
            }
        }

        func configure(port: Int, ratePerSecond: Int = 50, _ extra: String = "") throws {
            let fixtures = try String(contentsOfFile: CLI.fixture("raschet.toml"), encoding: .utf8)
            try cli.write("raschet.toml", fixtures + """

                [smtp]
                host = "localhost"
                port = \(port)
                security = "starttls"
                ca_file = "\(tls.certificate)"
                user = "\(SMTPTestServer.user)"
                from_address = "info@erc-severny.ru"
                from_name = "ЕРЦ Северный"
                rate_per_second = \(ratePerSecond)
                retry_delay_seconds = 1
                \(extra)

                """)
        }

        func dispatch(_ arguments: [String] = [], locale: [String: String] = CLI.englishLocale) throws -> ExternalTool.Result {
            try cli.run(["dispatch", "--period", "2026-10", "--db", "d/raschet.sqlite", "--config", "raschet.toml"] + arguments,
                        environment: locale.merging(["RASCHET_SMTP_PASSWORD": SMTPTestServer.password]) { $1 })
        }

        func server(port: Int = 0, _ extra: [String] = []) throws -> SMTPTestServer {
            try SMTPTestServer(maildir: cli.path("mail-\(UUID().uuidString.prefix(8))"), tls: tls, port: port, extra: extra)
        }

        func outbox() throws -> [String: OutboxEntry] {
            try Store.open(at: cli.path("d/raschet.sqlite")).outboxEntries(period: Period(year: 2026, month: 10)!)
        }

        /// Each subscriber's amount due as the e-mail writes it («13 481,16»), from the demo's
        /// balances export (closing balance, zero when not positive).
        func amountsDue() throws -> [String: String] {
            struct Balances: Decodable { struct Account: Decodable { var account: String; var closing: String }; var accounts: [Account] }
            let balances = try JSONDecoder().decode(Balances.self, from: cli.bytes("d/balances-2026-10.json"))
            var amounts: [String: String] = [:]
            for account in balances.accounts {
                let closing = account.closing.hasPrefix("-") ? "0.00" : account.closing
                let parts = closing.split(separator: ".")
                var rubles = String(parts[0])
                var grouped = ""
                while rubles.count > 3 {
                    grouped = " " + rubles.suffix(3) + grouped
                    rubles = String(rubles.dropLast(3))
                }
                amounts[account.account] = rubles + grouped + "," + parts[1]
            }
            return amounts
        }
    }

    @Test func everySubscriberGetsOneIntactMessageOverSTARTTLSWithAuthAndARerunSendsNothing() throws {
        let setup = try Setup()
        defer { setup.cli.remove() }
        let server = try setup.server()
        defer { server.stop() }
        try setup.configure(port: server.port)

        let first = try setup.dispatch()
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasPrefix("dispatch 2026-10: 7 sent, 0 failed, 0 skipped, 0 unknown\n"))
        // A sent row's reason is the server's answer, quoted.
        let sentReport = try String(decoding: setup.cli.bytes("d/raschet.sqlite.dispatch-2026-10.csv"), as: UTF8.self)
        #expect(sentReport.hasPrefix("account,email,result,reason\r\n4102470007,smirnova.ev@mail.ru,sent,server: 250 2.0.0 Ok: queued as "),
                "\(sentReport)")
        let second = try setup.dispatch()
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.hasPrefix("dispatch 2026-10: 0 sent, 0 failed, 7 skipped, 0 unknown\n"))

        let messages = try server.messages(extractingTo: setup.cli.path("extracted"))
        let amounts = try setup.amountsDue()
        #expect(messages.count == Self.subscribers.count)
        for subscriber in Self.subscribers {
            let received = messages.filter { $0.envelope_to == [subscriber.email] }
            #expect(received.count == 1, "\(subscriber.account)")
            guard let message = received.first else { continue }
            let amount = try #require(amounts[subscriber.account])
            #expect(message.envelope_from == "info@erc-severny.ru")
            #expect(message.from == "ЕРЦ Северный <info@erc-severny.ru>")
            #expect(message.to == "\(subscriber.name) <\(subscriber.email)>")
            #expect(message.subject == "Квитанция за октябрь 2026, лицевой счет \(subscriber.account)")
            #expect(message.message_id == "<raschet.\(subscriber.account)_2026-10@erc-severny.ru>")
            #expect(message.content_type == "multipart/mixed")
            #expect(message.text?.hasPrefix("Здравствуйте, \(subscriber.name)!\n\nКвитанция за октябрь 2026 по лицевому счету \(subscriber.account) во вложении (файл PDF).\n\nК оплате: \(amount) руб.\nОплатить до: 15.11.2026\n") == true)
            #expect(message.html?.contains("<td><b>\(amount)&nbsp;руб.</b></td>") == true)
            #expect(message.html?.contains("сообщите об этом в ООО «ЕРЦ Северный» (+7 (8172) 55-21-40)") == true)
            #expect(message.attachments.count == 1)
            #expect(message.attachments.first?.filename == "Квитанция \(subscriber.account) октябрь 2026.pdf")
            #expect(message.attachments.first?.type == "application/pdf")
            let pdf = try setup.cli.bytes("d/receipts/2026-10/\(subscriber.account)_2026-10.pdf")
            #expect(try Data(contentsOf: URL(fileURLWithPath: message.attachments.first?.path ?? "/")) == pdf)
            #expect(message.max_line <= 78 && message.seven_bit && message.defects.isEmpty)
        }
        let outbox = try setup.outbox()
        #expect(outbox.count == 7 && outbox.values.allSatisfy { $0.status == .sent && $0.attempts == 1 })
        let csv = try String(decoding: setup.cli.bytes("d/raschet.sqlite.dispatch-2026-10.csv"), as: UTF8.self)
        #expect(csv.hasPrefix("account,email,result,reason\r\n4102470007,smirnova.ev@mail.ru,skipped,already sent (server: 250 2.0.0 Ok: queued as "))
    }

    /// The e-mail gives the due date the close ran under (its receipt's), not the one the settings
    /// say today.
    @Test func theMessagesDueDateIsTheClosesAfterTheSettingsChanged() throws {
        let setup = try Setup()
        defer { setup.cli.remove() }
        let server = try setup.server()
        defer { server.stop() }
        try setup.configure(port: server.port)
        let settings = try String(decoding: setup.cli.bytes("raschet.toml"), as: UTF8.self)
        #expect(settings.contains("[billing]\n") && !settings.contains("due_day"))
        try setup.cli.write("raschet.toml", settings.replacingOccurrences(of: "[billing]\n",
                                                                          with: "[billing]\ndue_day = [{ from = \"1900-01\", day = 5 }]\n"))
        let run = try setup.dispatch()
        #expect(run.status == 0, "\(run.stderr)")
        let messages = try server.messages(extractingTo: setup.cli.path("extracted"))
        #expect(messages.count == Self.subscribers.count
            && messages.allSatisfy { $0.text?.contains(" руб.\nОплатить до: 15.11.2026\n") == true })
    }

    /// A period not closed, an unknown account and a paper account are refused before anything is
    /// sent or written (exit 65, one line), where the run had ended 0 with every account skipped.
    @Test func aPeriodNotClosedOrAnAccountWithoutEReceiptsIsRefused() throws {
        let setup = try Setup()
        defer { setup.cli.remove() }
        try setup.configure(port: 1)
        // A user without RASCHET_SMTP_PASSWORD: the refusal names where the user was given.
        let settingsUser = try setup.cli.run(["dispatch", "--period", "2026-10", "--db", "d/raschet.sqlite", "--config", "raschet.toml"])
        #expect(settingsUser.status == 65 && settingsUser.stderr == "raschet: raschet.toml: smtp.user: a user is set but "
            + "RASCHET_SMTP_PASSWORD is not; set the environment variable to the password\n")
        let urlUser = try setup.cli.run(["dispatch", "--period", "2026-10", "--db", "d/raschet.sqlite", "--config", "raschet.toml",
                                         "--smtp", "smtp://clerk@127.0.0.1:1"])
        #expect(urlUser.status == 65 && urlUser.stderr == "raschet: --smtp names the user clerk but RASCHET_SMTP_PASSWORD is not "
            + "set; set the environment variable to the password\n")
        let open = try setup.cli.run(["dispatch", "--period", "2026-11", "--db", "d/raschet.sqlite", "--config", "raschet.toml"],
                                     environment: CLI.englishLocale.merging(["RASCHET_SMTP_PASSWORD": SMTPTestServer.password]) { $1 })
        #expect(open.status == 65 && open.stdout.isEmpty)
        #expect(open.stderr == "raschet: period 2026-11 is not closed; run `raschet close 2026-11` first\n")
        let early = try setup.cli.run(["dispatch", "--period", "2026-07", "--db", "d/raschet.sqlite", "--config", "raschet.toml"],
                                      environment: CLI.russianLocale.merging(["RASCHET_SMTP_PASSWORD": SMTPTestServer.password]) { $1 })
        #expect(early.status == 65)
        #expect(early.stderr == "raschet: период 2026-07 не закрыт: первый закрытый период этой базы данных 2026-08, более ранних "
            + "закрытых периодов нет\n")
        let unknown = try setup.dispatch(["--account", "9999999999"])
        #expect(unknown.status == 65 && unknown.stderr.contains("account 9999999999 not found"), "\(unknown.stderr)")
        // 4102470074 chose e-receipts, but its address is not confirmed; 4102470003 chose paper.
        for paper in ["4102470074", "4102470003"] {
            let result = try setup.dispatch(["--account", paper])
            #expect(result.status == 65)
            #expect(result.stderr == "raschet: account \(paper) gets paper receipts, not e-mail: e-receipts need e_receipt = 1, "
                + "email_confirmed = 1 and an email in accounts; its receipt is in the print batch\n")
        }
        #expect(!FileManager.default.fileExists(atPath: setup.cli.path("d/raschet.sqlite.dispatch-2026-11.csv")))
        #expect(!FileManager.default.fileExists(atPath: setup.cli.path("d/raschet.sqlite.dispatch-2026-10.csv")))
        #expect(try setup.outbox().isEmpty)
    }

    @Test func aRecipientRefusedWith5xxIsReportedAndNotRetriedAndAMissingReceiptIsRenderedFirst() throws {
        let setup = try Setup()
        defer { setup.cli.remove() }
        let server = try setup.server(["--refuse", "volkova.so@mail.ru"])
        defer { server.stop() }
        try setup.configure(port: server.port)
        try FileManager.default.removeItem(atPath: setup.cli.path("d/receipts/2026-10/4102710040_2026-10.pdf"))

        let first = try setup.dispatch()
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == """
            dispatch 2026-10: 6 sent, 1 failed, 0 skipped, 0 unknown; 1 missing receipt rendered first
              4102470044 <volkova.so@mail.ru> failed: the server refused the recipient <volkova.so@mail.ru> (server: 550 5.1.1 <volkova.so@mail.ru>: Recipient address rejected: User unknown)
            report: d/raschet.sqlite.dispatch-2026-10.csv

            """)
        let refused = try #require(try setup.outbox()["4102470044"])
        #expect(refused.status == .failed && refused.attempts == 0)
        #expect(refused.serverAnswer == "550 5.1.1 <volkova.so@mail.ru>: Recipient address rejected: User unknown")
        #expect(try setup.outbox()["4102710040"]?.status == .sent)
        #expect(FileManager.default.fileExists(atPath: setup.cli.path("d/receipts/2026-10/4102710040_2026-10.pdf")))

        let second = try setup.dispatch()
        #expect(second.stdout.contains("\n  4102470044 <volkova.so@mail.ru> skipped: refused earlier (server: 550 5.1.1 "
            + "<volkova.so@mail.ru>: Recipient address rejected: User unknown); fix it, then --resend\n"))
        #expect(try server.messages(extractingTo: setup.cli.path("x")).count == 6)
    }

    /// The same refusal in a Russian locale: the terminal and the report file in Russian, the
    /// server's reply quoted as it came, the report's columns and result codes unchanged.
    @Test func aRefusedRecipientIsReportedInRussianInARussianLocale() throws {
        let setup = try Setup()
        defer { setup.cli.remove() }
        let server = try setup.server(["--refuse", "volkova.so@mail.ru"])
        defer { server.stop() }
        try setup.configure(port: server.port)

        let run = try setup.dispatch(["--account", "4102470044"], locale: CLI.russianLocale)
        #expect(run.status == 0, "\(run.stderr)")
        let reason = "сервер отклонил получателя <volkova.so@mail.ru> (ответ сервера: «550 5.1.1 <volkova.so@mail.ru>: "
            + "Recipient address rejected: User unknown»)"
        #expect(run.stdout == """
            рассылка 2026-10: отправлено 0, ошибок 1, пропущено 0, неизвестно 0
              4102470044 <volkova.so@mail.ru> ошибка: \(reason)
            отчет: d/raschet.sqlite.dispatch-2026-10.accounts.csv

            """)
        // A run limited to some accounts has a report of its own, beside the whole period's.
        let csv = try String(decoding: setup.cli.bytes("d/raschet.sqlite.dispatch-2026-10.accounts.csv"), as: UTF8.self)
        #expect(csv == "account,email,result,reason\r\n4102470044,volkova.so@mail.ru,failed,\(reason)\r\n")
        #expect(!FileManager.default.fileExists(atPath: setup.cli.path("d/raschet.sqlite.dispatch-2026-10.csv")))

        let again = try setup.dispatch(["--account", "4102470044"], locale: CLI.russianLocale)
        #expect(again.stdout.contains("\n  4102470044 <volkova.so@mail.ru> пропущено: отклонено ранее (ответ сервера: «550 5.1.1 "
            + "<volkova.so@mail.ru>: Recipient address rejected: User unknown»); исправьте и повторите с --resend\n"))
    }

    @Test func aRecipientRefusedWith4xxIsRetriedWithBackoff() throws {
        let setup = try Setup()
        defer { setup.cli.remove() }
        let server = try setup.server(["--tempfail", "mikhailova.ap@gmail.com:2"])
        defer { server.stop() }
        try setup.configure(port: server.port, "retry_attempts = 3")

        let result = try setup.dispatch()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("dispatch 2026-10: 7 sent, 0 failed, 0 skipped, 0 unknown\n"))
        let messages = try server.messages(extractingTo: setup.cli.path("x")).sorted { $0.n < $1.n }
        // 4102470007 goes first; 4102470029 is refused twice, after waits of 1 s and 2 s, then taken.
        #expect(messages.map(\.envelope_to) .prefix(2) == [["smirnova.ev@mail.ru"], ["mikhailova.ap@gmail.com"]])
        #expect(messages[1].time_ns - messages[0].time_ns >= 3_000_000_000)
        #expect(try setup.outbox()["4102470029"]?.attempts == 1)
    }

    @Test func withTheServerDownTheCommandExits69KeepsTheOutboxAndARerunDelivers() throws {
        let setup = try Setup()
        defer { setup.cli.remove() }
        // A port nobody listens on: one the server picks, then stops.
        let probe = try setup.server()
        let port = probe.port
        probe.stop()
        try setup.configure(port: port, "retry_attempts = 2")

        let down = try setup.dispatch()
        #expect(down.status == 69)
        #expect(down.stderr.contains("raschet: the mail server cannot be used: cannot connect to the mail server localhost:\(port): "))
        #expect(down.stderr.contains("the outbox keeps every unsent message, run the command again when the server is back\n"))
        #expect(down.stdout.hasPrefix("dispatch 2026-10: 0 sent, 1 failed, 6 skipped, 0 unknown\n"))
        let pending = try setup.outbox()
        #expect(pending.count == 7 && pending.values.allSatisfy { $0.status == .pending && $0.attempts == 0 })

        let server = try setup.server(port: port)
        defer { server.stop() }
        let up = try setup.dispatch()
        #expect(up.status == 0, "\(up.stderr)")
        #expect(up.stdout.hasPrefix("dispatch 2026-10: 7 sent, 0 failed, 0 skipped, 0 unknown\n"))
        #expect(try server.messages(extractingTo: setup.cli.path("x")).count == 7)
    }

    @Test func theRateLimitHoldsAtTheServer() throws {
        let setup = try Setup()
        defer { setup.cli.remove() }
        let server = try setup.server()
        defer { server.stop() }
        try setup.configure(port: server.port, ratePerSecond: 2, "batch_size = 3")
        let result = try setup.dispatch()
        #expect(result.status == 0, "\(result.stderr)")
        let times = try server.messages(extractingTo: setup.cli.path("x")).map(\.time_ns).sorted()
        try #require(times.count == 7)
        // At most 2 in any second: message i + 2 arrives at least a second after message i.
        for index in 2..<times.count { #expect(times[index] - times[index - 2] >= 1_000_000_000) }
    }

    @Test func aDispatchKilledAtRandomPointsAndRerunLeavesEverySubscriberExactlyOneMessage() throws {
        var generator = SystemRandomNumberGenerator()
        for trial in 1...3 {
            let setup = try Setup()
            defer { setup.cli.remove() }
            let server = try setup.server()
            defer { server.stop() }
            try setup.configure(port: server.port, ratePerSecond: 4)
            let process = Process()
            process.executableURL = CLI.binary
            process.arguments = ["dispatch", "--period", "2026-10", "--db", "d/raschet.sqlite", "--config", "raschet.toml"]
            process.currentDirectoryURL = setup.cli.directory
            process.environment = ProcessInfo.processInfo.environment.merging(["RASCHET_SMTP_PASSWORD": SMTPTestServer.password]) { $1 }.merging(CLI.englishLocale) { $1 }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32.random(in: 100_000...2_000_000, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()

            let rerun = try setup.dispatch()
            #expect(rerun.status == 0, "\(rerun.stderr)")
            // The documented rule for an entry left `sending`: check the server's log for its
            // Message-ID, and --resend it only if the server never got it.
            let received = Set(try server.messages(extractingTo: setup.cli.path("x")).map(\.message_id))
            for (account, entry) in try setup.outbox() where entry.status == .sending && !received.contains("<\(entry.messageID)>") {
                let resend = try setup.dispatch(["--resend", "--account", account])
                #expect(resend.status == 0, "\(resend.stderr)")
            }
            let messages = try server.messages(extractingTo: setup.cli.path("y"))
            print("trial \(trial): \(messages.count) messages; rerun said: \(rerun.stdout.split(separator: "\n").first ?? "")")
            for subscriber in Self.subscribers {
                #expect(messages.filter { $0.envelope_to == [subscriber.email] }.count == 1, "trial \(trial): \(subscriber.account)")
            }
        }
    }

    @Test func aRefusedLoginStopsWithExit69AndSaysSo() throws {
        let setup = try Setup()
        defer { setup.cli.remove() }
        let server = try setup.server()
        defer { server.stop() }
        try setup.configure(port: server.port)
        let result = try setup.cli.run(["dispatch", "--period", "2026-10", "--db", "d/raschet.sqlite", "--config", "raschet.toml"],
                                       environment: ["RASCHET_SMTP_PASSWORD": "wrong"])
        #expect(result.status == 69)
        #expect(result.stderr.hasPrefix("raschet: the mail server cannot be used: the server refused the user name or password (user rkc; the password comes from RASCHET_SMTP_PASSWORD) (server: 535 5.7.8 Authentication credentials invalid)"))
        #expect(try server.messages(extractingTo: setup.cli.path("x")).isEmpty)
        // Not the messages' fault: every one stays pending for the next run.
        let outbox = try setup.outbox()
        #expect(outbox.count == 7 && outbox.values.allSatisfy { $0.status == .pending && $0.attempts == 0 })
    }

    /// A refused sender (a 5xx to MAIL FROM: a sender's quota, a wrong `from_address`) refuses every
    /// message alike: the run stops with exit 69 and every message stays pending for the next run,
    /// rather than each account being marked failed in turn.
    @Test func aRefusedSenderStopsWithExit69AndLeavesEveryMessagePending() throws {
        let setup = try Setup()
        defer { setup.cli.remove() }
        let server = try setup.server(["--refuse-sender", "info@erc-severny.ru"])
        defer { server.stop() }
        try setup.configure(port: server.port)
        let result = try setup.dispatch()
        #expect(result.status == 69, "\(result.stderr)")
        #expect(result.stderr.contains("the server refused the sender <info@erc-severny.ru>; check smtp.from_address"), "\(result.stderr)")
        #expect(try server.messages(extractingTo: setup.cli.path("x")).isEmpty)
        let outbox = try setup.outbox()
        #expect(outbox.count == 7 && outbox.values.allSatisfy { $0.status == .pending && $0.attempts == 0 }, "\(outbox)")
    }

    /// A sender refused for now (a 4xx to MAIL FROM: an hourly limit reached) is retried, then the
    /// run stops with exit 69 and every message stays pending, as when the server is unreachable:
    /// each account in turn would have waited out its own retries for the same refusal.
    @Test func aSenderRefusedForNowIsRetriedThenStopsTheRunWithEveryMessagePending() throws {
        let setup = try Setup()
        defer { setup.cli.remove() }
        let server = try setup.server(["--tempfail-sender", "info@erc-severny.ru"])
        defer { server.stop() }
        try setup.configure(port: server.port, "retry_attempts = 2")
        let result = try setup.dispatch()
        #expect(result.status == 69, "\(result.stderr)")
        #expect(result.stderr.contains("451 4.7.1 <info@erc-severny.ru>: Sender address rejected: hourly sending limit reached"), "\(result.stderr)")
        #expect(result.stdout.hasPrefix("dispatch 2026-10: 0 sent, 1 failed, 6 skipped, 0 unknown\n"), "\(result.stdout)")
        #expect(try server.messages(extractingTo: setup.cli.path("x")).isEmpty)
        let outbox = try setup.outbox()
        #expect(outbox.count == 7 && outbox.values.allSatisfy { $0.status == .pending && $0.attempts == 0 }, "\(outbox)")
    }

    /// A reply that comes with the go-ahead to STARTTLS, before the TLS handshake, was written by
    /// something on the network, not through TLS (CVE-2011-0411): the run stops with exit 69 before
    /// any TLS, login or message, and every message stays pending.
    @Test func textAfterTheGoAheadToSTARTTLSStopsTheRunBeforeTLS() throws {
        let setup = try Setup()
        defer { setup.cli.remove() }
        let server = try SMTPTestServer(maildir: setup.cli.path("mail"), tls: nil, script: "starttls_injector.py")
        defer { server.stop() }
        try setup.configure(port: server.port)
        let result = try setup.dispatch()
        #expect(result.status == 69, "\(result.stderr)")
        #expect(result.stderr.contains("the server sent more after its go-ahead to STARTTLS, before the TLS handshake"), "\(result.stderr)")
        let outbox = try setup.outbox()
        #expect(outbox.count == 7 && outbox.values.allSatisfy { $0.status == .pending && $0.attempts == 0 }, "\(outbox)")
    }

    /// A server may scan a message before it answers its data. That answer is waited for 10 minutes
    /// whatever `timeout_seconds` says (RFC 5321, 4.5.3.2.6): given up on, the message would be left
    /// `unknown` for the operator to look up in the server's log although the server accepts it.
    @Test func aSlowAnswerToTheDataIsWaitedForBeyondTimeoutSeconds() throws {
        let setup = try Setup()
        defer { setup.cli.remove() }
        let server = try setup.server(["--slow-data", "2.5"])
        defer { server.stop() }
        try setup.configure(port: server.port, "timeout_seconds = 1")
        let result = try setup.dispatch()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("dispatch 2026-10: 7 sent, 0 failed, 0 skipped, 0 unknown\n"), "\(result.stdout)")
        #expect(try server.messages(extractingTo: setup.cli.path("x")).count == 7)
        let outbox = try setup.outbox()
        #expect(outbox.count == 7 && outbox.values.allSatisfy { $0.status == .sent && $0.attempts == 1 }, "\(outbox)")
    }

    /// No mail server is guessed: settings without `[smtp]` and no `--smtp` is a usage error, and
    /// nothing is marked.
    @Test func aRunWithoutAnyMailServerIsRefused() throws {
        let setup = try Setup()
        defer { setup.cli.remove() }
        try setup.cli.write("raschet.toml", try String(contentsOfFile: CLI.fixture("raschet.toml"), encoding: .utf8))
        let result = try setup.dispatch()
        #expect(result.status == 64)
        #expect(result.stderr == "raschet: no mail server: raschet.toml has no [smtp] table (host, port, security, from_address); "
            + "add one, or give --smtp smtp://host:port\n")
        #expect(try setup.outbox().isEmpty)
    }

    @Test func aDryRunBuildsEveryMessageAndConnectsToNothing() throws {
        let setup = try Setup()
        defer { setup.cli.remove() }
        try setup.configure(port: 1)
        let result = try setup.dispatch(["--dry-run"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "dry run of dispatch 2026-10: 0 sent, 0 failed, 0 skipped, 0 unknown, 7 would be sent\n"
            + "report: d/raschet.sqlite.dispatch-2026-10.dry-run.csv\n")
        #expect(try setup.outbox().isEmpty)
        // The messages are built on every core; the report lists them in account order, each with its
        // own size: its receipt in base64 (4 characters per 3 bytes, CRLF per 76) plus headers and bodies.
        let csv = try String(decoding: setup.cli.bytes("d/raschet.sqlite.dispatch-2026-10.dry-run.csv"), as: UTF8.self)
        let rows = csv.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
        #expect(rows.map { $0[0] } == Self.subscribers.map(\.account).sorted())
        for row in rows {
            let pdf = try setup.cli.bytes("d/receipts/2026-10/\(row[0])_2026-10.pdf")
            let attachment = (pdf.count + 2) / 3 * 4 + 2 * ((pdf.count + 56) / 57)
            let bytes = Int(row[3].dropLast(" bytes".count)) ?? 0
            #expect(row[2] == "would-send" && (attachment + 2_000 ... attachment + 8_000).contains(bytes), "\(row)")
        }
        #expect(!FileManager.default.fileExists(atPath: setup.cli.path("d/raschet.sqlite.dispatch-2026-10.csv")))

        // A receipt whose file is missing would be rendered first by the run: the dry run says so,
        // renders nothing and numbers nothing.
        let missing = Self.subscribers.map(\.account).sorted()[0]
        try FileManager.default.removeItem(atPath: setup.cli.path("d/receipts/2026-10/\(missing)_2026-10.pdf"))
        let database = try setup.cli.bytes("d/raschet.sqlite")
        let again = try setup.dispatch(["--dry-run"])
        #expect(again.stdout.hasPrefix("dry run of dispatch 2026-10: 0 sent, 0 failed, 0 skipped, 0 unknown, 7 would be sent\n"))
        let report = try String(decoding: setup.cli.bytes("d/raschet.sqlite.dispatch-2026-10.dry-run.csv"), as: UTF8.self)
        #expect(report.contains("\(missing),")
                    && report.contains(",would-send,\"its receipt would be rendered first (no file yet), then sent\""), "\(report)")
        #expect(!FileManager.default.fileExists(atPath: setup.cli.path("d/receipts/2026-10/\(missing)_2026-10.pdf")))
        #expect(try setup.cli.bytes("d/raschet.sqlite") == database)
    }

    /// One `dispatch` sends at a time: while another holds `DB.dispatch.lock` (as a run still
    /// sending does), a second waits `RASCHET_BUSY_TIMEOUT`, then exits 75 naming it, having sent and
    /// marked nothing; it would otherwise read the same pending messages and send them again.
    @Test func aSecondDispatchWhileOneRunsExits75AndSendsNothing() throws {
        let setup = try Setup()
        defer { setup.cli.remove() }
        let server = try setup.server()
        defer { server.stop() }
        try setup.configure(port: server.port)
        let descriptor = open(setup.cli.path("d/raschet.sqlite.dispatch.lock"), O_RDWR | O_CREAT, 0o644)
        #expect(descriptor >= 0)
        defer { close(descriptor) }
        #expect(flock(descriptor, LOCK_EX | LOCK_NB) == 0)
        let note = Array("dispatch 2026-10 (pid 4242)\n".utf8)
        #expect(pwrite(descriptor, note, note.count, 0) == note.count)

        let busy = try setup.cli.run(["dispatch", "--period", "2026-10", "--db", "d/raschet.sqlite", "--config", "raschet.toml"],
                                     environment: CLI.englishLocale.merging(["RASCHET_SMTP_PASSWORD": SMTPTestServer.password,
                                                                             "RASCHET_BUSY_TIMEOUT": "1"]) { $1 })
        #expect(busy.status == 75)
        #expect(busy.stderr == "raschet: the database d/raschet.sqlite is busy with another command (dispatch 2026-10 (pid 4242)); "
            + "waited 1 s; run this one again when it has finished\n")
        #expect(try server.messages(extractingTo: setup.cli.path("x")).isEmpty)
        #expect(try setup.outbox().isEmpty)
        // Once the first has ended, a dispatch sends each message once.
        flock(descriptor, LOCK_UN)
        let after = try setup.dispatch()
        #expect(after.status == 0, "\(after.stderr)")
        #expect(try server.messages(extractingTo: setup.cli.path("y")).count == 7)
    }

    /// A `--resend` that cannot reach the server changes no outbox entry: the messages sent before stay
    /// `sent`, so the next plain run sends none of them again.
    @Test func aResendThatCannotReachTheServerLeavesTheSentMessagesSent() throws {
        let setup = try Setup()
        defer { setup.cli.remove() }
        let first = try setup.server()
        try setup.configure(port: first.port)
        #expect(try setup.dispatch().status == 0)
        #expect(try first.messages(extractingTo: setup.cli.path("x")).count == 7)
        let port = first.port
        first.stop()

        let resend = try setup.dispatch(["--resend"])
        #expect(resend.status == 69, "\(resend.stderr)")
        let outbox = try setup.outbox()
        #expect(outbox.count == 7 && outbox.values.allSatisfy { $0.status == .sent }, "\(outbox)")

        let second = try setup.server(port: port)
        defer { second.stop() }
        let rerun = try setup.dispatch()
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(try second.messages(extractingTo: setup.cli.path("y")).isEmpty)
    }

    @Test func aPasswordInTheSettingsFileIsRefused() throws {
        let cli = try CLI()
        defer { cli.remove() }
        #expect(try cli.run(["init", "--db", "r.sqlite"]).status == 0)
        try cli.write("raschet.toml", "[smtp]\nhost = \"x\"\nfrom_address = \"a@b.ru\"\npassword = \"secret\"\n")
        let result = try cli.run(["dispatch", "--period", "2026-10", "--config", "raschet.toml", "--db", "r.sqlite"])
        #expect(result.status == 65)
        #expect(result.stderr == "raschet: raschet.toml: smtp.password: the password is never read from the settings file; remove the key and set the environment variable RASCHET_SMTP_PASSWORD\n")
    }
}

/// `raschet demo --smtp URL`: the demo ends by e-mailing its e-receipts to a local test server.
@Suite struct DemoDispatchTests {
    @Test func theDemoSendsEverySubscriberItsReceiptWhenAServerIsGiven() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let server = try SMTPTestServer(maildir: cli.path("mail"), tls: nil)
        defer { server.stop() }
        let demo = try cli.run(["demo", "--out", "d", "--smtp", "smtp://127.0.0.1:\(server.port)"],
                               environment: ["SOURCE_DATE_EPOCH": "1790000000"])
        #expect(demo.status == 0, "\(demo.stderr)")
        let count = DispatchCommandTests.subscribers.count
        #expect(demo.stdout.hasSuffix("8. e-receipts of 2026-10 to 127.0.0.1:\(server.port): \(count) sent, 0 failed, 0 skipped; "
            + "report d/raschet.sqlite.dispatch-2026-10.csv\n"))
        let messages = try server.messages(extractingTo: cli.path("x"))
        #expect(messages.count == count)
        for message in messages {
            let account = try #require(message.attachments.first?.filename?.split(separator: " ").dropFirst().first.map(String.init))
            let pdf = try cli.bytes("d/receipts/2026-10/\(account)_2026-10.pdf")
            #expect(try Data(contentsOf: URL(fileURLWithPath: message.attachments.first?.path ?? "/")) == pdf)
        }
    }
}
