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
            let localized = language.isRussian ? russian(text) : text
            if code == .success {
                print(localized)
            } else {
                FileHandle.standardError.write(Data((localized + "\n").utf8))
            }
        }
        Foundation.exit(code.rawValue)
    }

    /// The parser's `text`, line by line in Russian; the catalog's lines within it are Russian already.
    static func russian(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { russian(line: $0) }.joined(separator: "\n")
    }

    private static func russian(line: Substring) -> String {
        let russian: Message? = switch line {
        case "ARGUMENTS:": ParserText.argumentsHeading
        case "OPTIONS:": ParserText.optionsHeading
        case "SUBCOMMANDS:": ParserText.subcommandsHeading
        default:
            if let text = line.after("OVERVIEW: ") {
                ParserText.overview(text)
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
        if let russian { return russian.russianText }
        // A built-in flag's line: its help text after the names' column.
        for flag in [ParserText.versionFlag, ParserText.helpFlag] {
            if line.hasSuffix("  " + flag.englishText) {
                return String(line.dropLast(flag.englishText.count)) + flag.russianText
            }
        }
        return String(line)
    }

    /// A usage line with its placeholders (`<subcommand>`, `[<options>]`) in Russian; the arguments'
    /// own names stay.
    private static func placeholders(_ usage: String) -> String {
        [ParserText.subcommandPlaceholder, ParserText.optionsPlaceholder].reduce(usage) { usage, placeholder in
            usage.replacingOccurrences(of: placeholder.englishText, with: placeholder.russianText)
        }
    }

    /// Why the parser refused the arguments, in Russian. A reason of the program's own (a command's
    /// `validate()`) is in the locale's language already: it is one the parser does not word.
    private static func reason(_ reason: String) -> String {
        let message: Message
        if let match = reason.wholeMatch(of: /The value '(.*)' is invalid for '(.+)'/) {
            message = ParserText.invalidValue(String(match.1), for: String(match.2))
        } else if let match = reason.wholeMatch(of: /The value '(.*)' is invalid\./) {
            message = ParserText.invalidValue(String(match.1))
        } else if let match = reason.wholeMatch(of: /Missing expected argument '(.+)'/) {
            message = ParserText.missingArgument(String(match.1))
        } else if let match = reason.wholeMatch(of: /Missing one of: '(.+)'/) {
            message = ParserText.missingOneOf(String(match.1))
        } else if let match = reason.wholeMatch(of: /Missing value for '(.+)'/) {
            message = ParserText.missingValue(String(match.1))
        } else if let match = reason.wholeMatch(of: /Unknown option '(.+)'\. Did you mean '(.+)'\?/) {
            message = ParserText.unknownOption(String(match.1), suggestion: String(match.2))
        } else if let match = reason.wholeMatch(of: /Unknown option '(.+)'/) {
            message = ParserText.unknownOption(String(match.1))
        } else if let match = reason.wholeMatch(of: /Invalid option: (.+)/) {
            message = ParserText.invalidOption(String(match.1))
        } else if let match = reason.wholeMatch(of: /Unexpected argument '(.*)'/) {
            message = ParserText.unexpectedArgument(String(match.1))
        } else if let match = reason.wholeMatch(of: /([0-9]+) unexpected arguments: '(.*)'/) {
            message = ParserText.unexpectedArguments(String(match.1), String(match.2))
        } else if let match = reason.wholeMatch(of: /The option '(.+)' does not take any value, but '(.*)' was specified\./) {
            message = ParserText.flagWithValue(String(match.1), value: String(match.2))
        } else if let match = reason.wholeMatch(of: /Value to be set with (.+) had already been set with (.+)/) {
            message = ParserText.valueSetTwice(String(match.1), first: String(match.2))
        } else if let match = reason.wholeMatch(of: /Can't generate completion scripts for '(.*)'\./) {
            message = ParserText.unknownShell(String(match.1))
        } else if reason == ParserText.missingSubcommand.englishText {
            message = ParserText.missingSubcommand
        } else if reason.contains(where: { ("а"..."я").contains($0) || ("А"..."Я").contains($0) }) {
            return reason
        } else {
            message = ParserText.otherReason(reason)
        }
        return message.russianText
    }
}

extension Substring {
    /// The rest of the line after `prefix`, nil when it does not start with it.
    fileprivate func after(_ prefix: String) -> String? {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : nil
    }
}
