// The catalog: the mail client's failures (`SMTPError`) and the reasons of a dispatch report. The
// server's own reply and the system's words for a network error are values: the same in both
// languages, quoted in Russian; the network library's failures are told in our own words.

extension Message {
    // MARK: The mail server's reply

    /// `message` followed by the server's reply that caused it (`550 5.1.1 ...`).
    public static func withServerReply(_ message: Message, _ reply: String) -> Message {
        Message(english: "\(message.english) (server: \(reply))", russian: "\(message.russian) (ответ сервера: «\(reply)»)")
    }

    // MARK: Connection and TLS

    /// `cause` is the network library's words.
    public static func cannotConnectToMailServer(host: String, port: Int, cause: Message) -> Message {
        Message(english: "cannot connect to the mail server \(host):\(port): \(cause.english); check that it runs and the host "
                    + "and port in [smtp] or --smtp",
                russian: "не удается подключиться к почтовому серверу \(host):\(port): \(cause.russian); проверьте, что он "
                    + "запущен, и host и port в [smtp] или --smtp")
    }

    public static func cannotSetUpTLS(_ cause: Message) -> Message {
        Message(english: "cannot set up TLS: \(cause.english); check ca_file in [smtp]",
                russian: "не удается настроить TLS: \(cause.russian); проверьте ca_file в [smtp]")
    }

    public static let tlsNotSetUp = Message(english: "TLS is not set up", russian: "TLS не настроен")

    public static let textBeforeTLSHandshake = Message(
        english: "the server sent more after its go-ahead to STARTTLS, before the TLS handshake: something on the network "
            + "may be writing in its name; nothing was sent",
        russian: "сервер прислал еще что-то после согласия на STARTTLS, до установки TLS: возможно, кто-то в сети "
            + "пишет от его имени; ничего не отправлено")

    public static func cannotStartTLS(_ cause: Message) -> Message {
        Message(english: "cannot start TLS: \(cause.english)", russian: "не удается начать TLS: \(cause.russian)")
    }

    public static func tlsFailed(_ cause: Message) -> Message {
        Message(english: "TLS with the server failed: \(cause.english); check the server's certificate (ca_file in [smtp]) "
                    + "and security",
                russian: "ошибка TLS с сервером: \(cause.russian); проверьте сертификат сервера (ca_file в [smtp]) и security")
    }

    public static func connectionBroke(_ cause: Message) -> Message {
        Message(english: "the connection to the server broke: \(cause.english)",
                russian: "соединение с сервером прервалось: \(cause.russian)")
    }

    public static func connectionBrokeWhileSending(_ cause: Message) -> Message {
        Message(english: "the connection to the server broke while sending: \(cause.english)",
                russian: "соединение с сервером прервалось во время передачи: \(cause.russian)")
    }

    public static let serverClosedConnection = Message(
        english: "the server closed the connection", russian: "сервер закрыл соединение")

    public static func serverDidNotAnswer(seconds: Int64) -> Message {
        Message(english: "the server did not answer within \(seconds) s", russian: "сервер не ответил за \(seconds) с")
    }

    // MARK: The session

    public static let serverRefusedConnection = Message(
        english: "the server refused the connection", russian: "сервер отказал в соединении")

    public static let serverRefusedEHLO = Message(english: "the server refused EHLO", russian: "сервер отклонил EHLO")

    public static let startTLSNotOffered = Message(
        english: "the server does not offer STARTTLS and the settings require it (security = \"starttls\"); use "
            + "security = \"tls\" or \"off\" if that is intended",
        russian: "сервер не предлагает STARTTLS, а настройки его требуют (security = \"starttls\"); укажите "
            + "security = \"tls\" или \"off\", если так и задумано")

    public static let serverRefusedStartTLS = Message(
        english: "the server refused STARTTLS", russian: "сервер отклонил STARTTLS")

    public static func serverRefusedCredentials(user: String) -> Message {
        Message(english: "the server refused the user name or password (user \(user); the password comes from "
                    + "RASCHET_SMTP_PASSWORD)",
                russian: "сервер не принял имя пользователя или пароль (user \(user); пароль берется из "
                    + "RASCHET_SMTP_PASSWORD)")
    }

    public static let serverRefusedAuthLogin = Message(
        english: "the server refused AUTH LOGIN", russian: "сервер отклонил AUTH LOGIN")

    public static func serverRefusedUserName(_ user: String) -> Message {
        Message(english: "the server refused the user name \(user)", russian: "сервер не принял имя пользователя \(user)")
    }

    public static let noAuthMechanism = Message(
        english: "the server offers neither AUTH PLAIN nor AUTH LOGIN; if it needs no login, give no user (neither `user` in "
            + "[smtp] nor user@ in --smtp)",
        russian: "сервер не предлагает ни AUTH PLAIN, ни AUTH LOGIN; если вход не нужен, не указывайте пользователя (ни `user` "
            + "в [smtp], ни user@ в --smtp)")

    public static let noAuthBeforeTLS = Message(
        english: "the server offers no AUTH before TLS; set security = \"starttls\" or \"tls\"",
        russian: "сервер не предлагает AUTH до TLS; укажите security = \"starttls\" или \"tls\"")

    // MARK: One message

    public static func serverRefusedSender(_ address: String) -> Message {
        Message(english: "the server refused the sender <\(address)>; check smtp.from_address and the account's sending limits",
                russian: "сервер отклонил отправителя <\(address)>; проверьте smtp.from_address и ограничения отправки учетной записи")
    }

    public static func serverRefusedRecipient(_ address: String) -> Message {
        Message(english: "the server refused the recipient <\(address)>", russian: "сервер отклонил получателя <\(address)>")
    }

    public static let serverRefusedRSET = Message(english: "the server refused RSET", russian: "сервер отклонил RSET")

    public static let serverRefusedDATA = Message(english: "the server refused DATA", russian: "сервер отклонил DATA")

    public static let serverRefusedMessage = Message(
        english: "the server refused the message", russian: "сервер отклонил письмо")

    public static func messageTooLarge(bytes: Int, limit: Int) -> Message {
        Message(english: "the message (\(englishCount(bytes, "byte"))) is larger than the server accepts (SIZE \(limit))",
                russian: "письмо (байт: \(bytes)) больше, чем принимает сервер (SIZE \(limit))")
    }

    // MARK: Protocol violations

    /// `line` is the first 80 characters of what the server sent.
    public static func notAnSMTPReply(_ line: String) -> Message {
        Message(english: "the server sent a line that is not an SMTP reply: \(line)",
                russian: "сервер прислал строку, которая не является ответом SMTP: «\(line)»")
    }

    public static func mixedReplyCodes(_ first: Int, _ second: Int) -> Message {
        Message(english: "the server mixed reply codes \(first) and \(second) in one reply",
                russian: "сервер смешал коды \(first) и \(second) в одном ответе")
    }

    public static func replyLineTooLong(maximum: Int) -> Message {
        Message(english: "the server sent a line longer than \(maximum) bytes",
                russian: "сервер прислал строку длиннее \(maximum) байт")
    }

    public static let unsolicitedReply = Message(
        english: "the server sent a reply nobody asked for", russian: "сервер прислал ответ, о котором его не спрашивали")

    /// `step` is the client's internal step, for a bug report.
    public static func unexpectedSMTPStep(_ step: String) -> Message {
        Message(english: "unexpected step of the mail client: \(step)", russian: "непредвиденный шаг почтового клиента: \(step)")
    }

    // MARK: The dispatch report's reasons

    /// The server's acceptance of an earlier run is `answer`.
    /// The answer of the server that accepted a message: a sent row's reason in the report.
    public static func acceptedByServer(answer: String) -> Message {
        Message(english: "server: \(answer)", russian: "ответ сервера: «\(answer)»")
    }

    public static func alreadySent(answer: String?) -> Message {
        let english = answer.map { "already sent (server: \($0))" } ?? "already sent"
        let russian = answer.map { "уже отправлено (ответ сервера: «\($0)»)" } ?? "уже отправлено"
        return Message(english: english + "; --resend to send again", russian: russian + "; --resend — отправить еще раз")
    }

    public static func interruptedBeforeAnswer(attempt: Int) -> Message {
        Message(english: "an earlier run was interrupted after attempt \(attempt) and before the server's answer; the message "
                    + "may have been delivered: check the mail server's log, then use --resend if it was not",
                russian: "прошлый запуск прервался после попытки \(attempt) до ответа сервера; письмо могло быть доставлено: "
                    + "проверьте журнал почтового сервера и, если не доставлено, используйте --resend")
    }

    /// `answer` is the server's refusal recorded in the outbox, if it gave one.
    public static func refusedEarlier(answer: String?) -> Message {
        let english = answer.map { "refused earlier (server: \($0))" } ?? "refused earlier (the reason is in the earlier report)"
        let russian = answer.map { "отклонено ранее (ответ сервера: «\($0)»)" } ?? "отклонено ранее (причина — в прошлом отчете)"
        return Message(english: english + "; fix it, then --resend", russian: russian + "; исправьте и повторите с --resend")
    }

    public static func malformedEmailAddress(_ address: String) -> Message {
        Message(english: "the e-mail address \"\(address)\" is malformed; correct it in accounts.csv and import again",
                russian: "адрес электронной почты \"\(address)\" записан неверно; исправьте его в accounts.csv и импортируйте снова")
    }

    public static func accountPeriodNotClosed(_ period: String) -> Message {
        Message(english: "the period \(period) is not closed for this account; run `raschet close \(period)` first",
                russian: "период \(period) для этого лицевого счета не закрыт; сначала выполните `raschet close \(period)`")
    }

    public static let wouldRenderThenSend = Message(
        english: "its receipt would be rendered first (no file yet), then sent",
        russian: "квитанция была бы сначала сформирована (файла еще нет), затем отправлена")

    public static func wouldSendBytes(_ bytes: Int) -> Message {
        Message(english: englishCount(bytes, "byte"), russian: "байт: \(bytes)")
    }

    public static func brokeAfterSending(_ cause: Message) -> Message {
        Message(english: "the connection broke after the message was sent and before the server answered (\(cause.english)); "
                    + "it may have been delivered: check the mail server's log, then use --resend if it was not",
                russian: "соединение прервалось после передачи письма до ответа сервера (\(cause.russian)); письмо могло быть "
                    + "доставлено: проверьте журнал почтового сервера и, если не доставлено, используйте --resend")
    }

    public static func stillPendingRerunSends(_ cause: Message) -> Message {
        Message(english: "\(cause.english); still pending, a rerun sends it",
                russian: "\(cause.russian); письмо в очереди, повторный запуск отправит его")
    }

    public static func failedAfterTries(_ cause: Message, tries: Int) -> Message {
        Message(english: "\(cause.english) (after \(englishCount(tries, "try", "tries"))); still pending, a rerun retries it",
                russian: "\(cause.russian) (после попыток: \(tries)); письмо в очереди, повторный запуск попробует снова")
    }

    public static let notAttemptedServerUnavailable = Message(
        english: "not attempted: the mail server is unavailable; still pending, a rerun sends it",
        russian: "не отправлялось: почтовый сервер недоступен; письмо в очереди, повторный запуск отправит его")

    public static let notResentServerUnavailable = Message(
        english: "not resent: the mail server is unavailable; its outbox entry is unchanged, --resend again sends it",
        russian: "повторно не отправлялось: почтовый сервер недоступен; запись в очереди не изменена, повторный запуск "
            + "с --resend отправит его")
}

extension Message {
    // MARK: Network failures without the system's words (`NetworkCause`)

    public static var networkTimedOut: Message {
        Message(english: "the connection timed out", russian: "истекло время ожидания соединения")
    }

    public static var networkClosedByServer: Message {
        Message(english: "the server closed the connection", russian: "сервер закрыл соединение")
    }

    public static func hostNotFound(_ host: String) -> Message {
        Message(english: "the address of \(host) cannot be found", russian: "не удается найти адрес узла \(host)")
    }

    public static var tlsHandshakeFailed: Message {
        Message(english: "the TLS handshake failed (the server's certificate was not accepted, or there is no common protocol)",
                russian: "не удалось установить TLS (сертификат сервера не принят или нет общего протокола)")
    }

    public static var tlsCertificateNotLoaded: Message {
        Message(english: "the certificate file cannot be loaded", russian: "не удается загрузить файл сертификата")
    }

    public static var tlsHostNameMismatch: Message {
        Message(english: "the server's certificate is not for this host name",
                russian: "сертификат сервера выдан не на это имя узла")
    }

    /// A network failure the mail client has no words for; `kind` is the name of its error type.
    public static func unexpectedNetworkFailure(kind: String) -> Message {
        Message(english: "an unexpected network failure (\(kind))", russian: "непредвиденная сетевая ошибка (\(kind))")
    }
}
