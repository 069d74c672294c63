import ArgumentParser
import Foundation
import RaschetApp

/// What the argument parser prints itself (a help page, a usage error) in the locale's language.
///
/// The parser writes its frame and its reasons in English (`USAGE:`, `Error: Missing expected
/// argument …`) around the catalog's help lines; in a Russian locale each such line is put into the
/// catalog's Russian (`ParserText`), so that no line and no page mixes the two languages. In English
/// the parser's text is printed as it is.
enum ParserOutput {
    /// Prints what the parser has to say about `error` (standard output for a help page, standard
    /// error otherwise) and exits with the parser's exit code, as `ParsableCommand.exit(withError:)`.
    static func exit(withError error: any Error) -> Never {
        let code = Raschet.exitCode(for: error)
        let text = Raschet.fullMessage(for: error)
        if !text.isEmpty {
            let localized = language.isRussian ? russian(text, reason: Raschet.message(for: error)) : text
            if code == .success {
                print(localized)
            } else {
                FileHandle.standardError.write(Data((localized + "\n").utf8))
            }
        }
        Foundation.exit(code.rawValue)
    }

    /// The parser's `text` in Russian: the reason of an error (`reason`, which may hold a line break
    /// typed by the user) as a whole, the rest line by line; the catalog's lines within it are Russian
    /// already.
    static func russian(_ text: String, reason: String) -> String {
        let error = ParserText.error(reason).englishText
        guard !reason.isEmpty, text.hasPrefix(error) else { return russianLines(text) }
        return ParserText.error(Self.reason(reason)).russianText + russianLines(String(text.dropFirst(error.count)))
    }

    /// The parser's lines of `text` in Russian, one by one (the built-in texts wrapped over several
    /// lines as one).
    private static func russianLines(_ text: String) -> String {
        builtInTextsInRussian(text.split(separator: "\n", omittingEmptySubsequences: false)).map { line in
            line.isRussian ? line.text : russian(line: Substring(line.text))
        }.joined(separator: "\n")
    }

    /// The lines with each built-in flag's or command's help text (`--version`, `--help`, `help`) in
    /// Russian: in the help column after the names, over as many lines as a narrow terminal wrapped
    /// it into.
    private static func builtInTextsInRussian(_ lines: [Substring]) -> [(text: String, isRussian: Bool)] {
        var result: [(text: String, isRussian: Bool)] = []
        var index = 0
        lines: while index < lines.count {
            let line = lines[index]
            if let column = line.range(of: "  ", options: .backwards)?.upperBound, column < line.endIndex {
                for message in [ParserText.versionFlag, ParserText.helpFlag, ParserText.helpCommand] {
                    var text = String(line[column...]), next = index + 1
                    while message.englishText.hasPrefix(text + " "), next < lines.count {
                        text += " " + lines[next].trimmingCharacters(in: .whitespaces)
                        next += 1
                    }
                    if text == message.englishText {
                        result.append((String(line[..<column]) + message.russianText, true))
                        index = next
                        continue lines
                    }
                }
            }
            result.append((String(line), false))
            index += 1
        }
        return result
    }

    private static func russian(line: Substring) -> String {
        let russian: Message? = switch line {
        case "ARGUMENTS:": ParserText.argumentsHeading
        case "OPTIONS:": ParserText.optionsHeading
        case "SUBCOMMANDS:": ParserText.subcommandsHeading
        default:
            if let text = line.after("OVERVIEW: ") {
                ParserText.overview(text == ParserText.helpCommand.englishText ? ParserText.helpCommand.russianText : text)
            } else if let usage = line.after("USAGE: ") {
                ParserText.usageHeading(placeholders(usage))
            } else if let usage = line.after("Usage: ") {
                ParserText.usage(placeholders(usage))
            } else if let help = line.after("Help:  ") {
                ParserText.argumentHelp(help)
            } else if let reason = line.after("Error: ") {
                ParserText.error(Self.reason(reason))
            } else if let match = line.wholeMatch(of: #/  See '(.+)' for more information\./#) {
                ParserText.moreInformation(String(match.1))
            } else if let match = line.wholeMatch(of: #/  See '(.+) <subcommand>' for detailed help\./#) {
                ParserText.subcommandHelp(String(match.1))
            } else if line == ParserText.shellsToChooseFrom.englishText {
                ParserText.shellsToChooseFrom
            } else {
                nil
            }
        }
        return russian?.russianText ?? String(line)
    }

    /// A usage line with its placeholders (`<subcommand>`, `[<options>]`) in Russian; the arguments'
    /// own names stay.
    private static func placeholders(_ usage: String) -> String {
        [ParserText.subcommandsPlaceholder, ParserText.subcommandPlaceholder, ParserText.optionsPlaceholder].reduce(usage) { usage, placeholder in
            usage.replacingOccurrences(of: placeholder.englishText, with: placeholder.russianText)
        }
    }

    /// Why the parser refused the arguments, in Russian. A reason of the program's own (a command's
    /// `validate()`) is in the locale's language already: it is one the parser does not word. A reason
    /// of several lines the catalog does not know as a whole (a completion script's refusal and the
    /// shells to choose from) is put into Russian line by line.
    private static func reason(_ reason: String) -> String {
        if let message = message(forReason: reason) { return message.russianText }
        if let newline = reason.firstIndex(of: "\n") {
            return Self.reason(String(reason[..<newline])) + russianLines(String(reason[newline...]))
        }
        if reason.contains(where: { ("а"..."я").contains($0) || ("А"..."Я").contains($0) }) { return reason }
        return ParserText.otherReason(reason).russianText
    }

    /// The catalog's entry for one of the parser's reasons, nil for one it does not know. What the
    /// user typed may hold a line break.
    private static func message(forReason reason: String) -> Message? {
        if let match = reason.wholeMatch(of: /(?s)The value '(.*)' is invalid for '(.+)'/) {
            ParserText.invalidValue(String(match.1), for: String(match.2))
        } else if let match = reason.wholeMatch(of: /(?s)The value '(.*)' is invalid\./) {
            ParserText.invalidValue(String(match.1))
        } else if let match = reason.wholeMatch(of: /Missing expected argument '(.+)'/) {
            ParserText.missingArgument(String(match.1))
        } else if let match = reason.wholeMatch(of: /Missing one of: '(.+)'/) {
            ParserText.missingOneOf(String(match.1))
        } else if let match = reason.wholeMatch(of: /Missing value for '(.+)'/) {
            ParserText.missingValue(String(match.1))
        } else if let match = reason.wholeMatch(of: /Unknown option '(.+)'\. Did you mean '(.+)'\?/) {
            ParserText.unknownOption(String(match.1), suggestion: String(match.2))
        } else if let match = reason.wholeMatch(of: /Unknown option '(.+)'/) {
            ParserText.unknownOption(String(match.1))
        } else if let match = reason.wholeMatch(of: /Invalid option: (.+)/) {
            ParserText.invalidOption(String(match.1))
        } else if let match = reason.wholeMatch(of: /(?s)Unexpected argument '(.*)'/) {
            ParserText.unexpectedArgument(String(match.1))
        } else if let match = reason.wholeMatch(of: /(?s)([0-9]+) unexpected arguments: '(.*)'/) {
            ParserText.unexpectedArguments(String(match.1), String(match.2))
        } else if let match = reason.wholeMatch(of: /(?s)The option '(.+)' does not take any value, but '(.*)' was specified\./) {
            ParserText.flagWithValue(String(match.1), value: String(match.2))
        } else if let match = reason.wholeMatch(of: /Value to be set with (.+) had already been set with (.+)/) {
            ParserText.valueSetTwice(String(match.1), first: String(match.2))
        } else if let match = reason.wholeMatch(of: /Can't generate completion scripts for '(.*)'\./) {
            ParserText.unknownShell(String(match.1))
        } else if reason == ParserText.shellNotDetected.englishText {
            ParserText.shellNotDetected
        } else if reason == ParserText.missingSubcommand.englishText {
            ParserText.missingSubcommand
        } else {
            nil
        }
    }
}

extension Substring {
    /// The rest of the line after `prefix`, nil when it does not start with it.
    fileprivate func after(_ prefix: String) -> String? {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : nil
    }
}
