public import RaschetCore

/// The catalog: the argument parser's own lines (the frame of a help page, a usage error and its
/// reasons). Each English text is what the parser prints; the Russian one is what a Russian locale
/// reads in its place (the executable's `ParserOutput` puts one for the other). The names of commands,
/// options and arguments, and what the user typed, are values.
///
/// The prefixes of lines that the parser wraps or indents by their width keep it: «ОПИСАНИЕ: » for
/// "OVERVIEW: ", «ВЫЗОВ: » for "USAGE: ", «Вызов: » for "Usage: ".
public enum ParserText {
    // MARK: A help page

    public static func overview(_ text: String) -> Message {
        Message(english: "OVERVIEW: \(text)", russian: "ОПИСАНИЕ: \(text)")
    }
    public static func usageHeading(_ usage: String) -> Message {
        Message(english: "USAGE: \(usage)", russian: "ВЫЗОВ: \(usage)")
    }
    /// The placeholders of a usage line that are not an argument's own name.
    public static let subcommandPlaceholder = Message(english: "<subcommand>", russian: "<команда>")
    public static let optionsPlaceholder = Message(english: "[<options>]", russian: "[<параметры>]")
    public static let subcommandsPlaceholder = Message(english: "<subcommands>", russian: "<команды>")
    public static let argumentsHeading = Message(english: "ARGUMENTS:", russian: "АРГУМЕНТЫ:")
    public static let optionsHeading = Message(english: "OPTIONS:", russian: "ПАРАМЕТРЫ:")
    public static let subcommandsHeading = Message(english: "SUBCOMMANDS:", russian: "КОМАНДЫ:")
    public static let versionFlag = Message(english: "Show the version.", russian: "Показать версию.")
    public static let helpFlag = Message(english: "Show help information.", russian: "Показать справку.")
    /// The `help` command's own abstract.
    public static let helpCommand = Message(english: "Show subcommand help information.", russian: "Показать справку по команде.")
    /// `command` is `raschet help`.
    public static func subcommandHelp(_ command: String) -> Message {
        Message(english: "  See '\(command) <subcommand>' for detailed help.", russian: "  Справка по команде: \(command) <команда>")
    }

    // MARK: A usage error

    public static func error(_ reason: String) -> Message {
        Message(english: "Error: \(reason)", russian: "Ошибка: \(reason)")
    }
    /// `help` is the argument's name and its help line.
    public static func argumentHelp(_ help: String) -> Message {
        Message(english: "Help:  \(help)", russian: "Справка:  \(help)")
    }
    public static func usage(_ usage: String) -> Message {
        Message(english: "Usage: \(usage)", russian: "Вызов: \(usage)")
    }
    /// `command` is the command and its help option: `raschet close --help`.
    public static func moreInformation(_ command: String) -> Message {
        Message(english: "  See '\(command)' for more information.", russian: "  Подробнее: \(command)")
    }

    // MARK: Why the arguments were refused

    public static func invalidValue(_ value: String, for argument: String) -> Message {
        Message(english: "The value '\(value)' is invalid for '\(argument)'", russian: "недопустимое значение «\(value)» для \(argument)")
    }
    public static func invalidValue(_ value: String) -> Message {
        Message(english: "The value '\(value)' is invalid.", russian: "недопустимое значение «\(value)»")
    }
    public static func missingArgument(_ argument: String) -> Message {
        Message(english: "Missing expected argument '\(argument)'", russian: "не указан аргумент \(argument)")
    }
    /// `arguments` is the parser's list: `a', 'b`.
    public static func missingOneOf(_ arguments: String) -> Message {
        Message(english: "Missing one of: '\(arguments)'", russian: "не указан ни один из аргументов: '\(arguments)'")
    }
    public static func missingValue(_ option: String) -> Message {
        Message(english: "Missing value for '\(option)'", russian: "не указано значение \(option)")
    }
    public static func unknownOption(_ option: String) -> Message {
        Message(english: "Unknown option '\(option)'", russian: "неизвестный параметр \(option)")
    }
    public static func unknownOption(_ option: String, suggestion: String) -> Message {
        Message(english: "Unknown option '\(option)'. Did you mean '\(suggestion)'?",
                russian: "неизвестный параметр \(option); возможно, имелся в виду \(suggestion)")
    }
    public static func invalidOption(_ option: String) -> Message {
        Message(english: "Invalid option: \(option)", russian: "недопустимый параметр \(option)")
    }
    public static func unexpectedArgument(_ value: String) -> Message {
        Message(english: "Unexpected argument '\(value)'", russian: "лишний аргумент «\(value)»")
    }
    /// `values` is the parser's list: `a', 'b`.
    public static func unexpectedArguments(_ count: String, _ values: String) -> Message {
        Message(english: "\(count) unexpected arguments: '\(values)'", russian: "лишних аргументов: \(count) ('\(values)')")
    }
    public static func flagWithValue(_ option: String, value: String) -> Message {
        Message(english: "The option '\(option)' does not take any value, but '\(value)' was specified.",
                russian: "параметр \(option) не принимает значения, а указано «\(value)»")
    }
    public static func valueSetTwice(_ option: String, first: String) -> Message {
        Message(english: "Value to be set with \(option) had already been set with \(first)",
                russian: "значение, задаваемое \(option), уже задано \(first)")
    }
    public static let missingSubcommand = Message(english: "Missing required subcommand.", russian: "не указана команда")
    public static func unknownShell(_ shell: String) -> Message {
        Message(english: "Can't generate completion scripts for '\(shell)'.", russian: "сценарий дополнения для оболочки «\(shell)» не создается")
    }
    public static let shellNotDetected = Message(english: "Can't autodetect a supported shell.",
                                                 russian: "оболочка, для которой создается сценарий дополнения, не определена")
    /// The line before the list of shells that have completion scripts.
    public static let shellsToChooseFrom = Message(english: "Please use --generate-completion-script=<shell> with one of:",
                                                   russian: "Укажите в --generate-completion-script=<shell> одну из оболочек:")
    /// A reason the catalog does not know, quoted as the parser's own words (in English the parser's
    /// line is printed as it is, not this).
    public static func otherReason(_ reason: String) -> Message {
        Message(english: "the arguments were refused (ArgumentParser: \"\(reason)\")",
                russian: "аргументы команды не приняты (ArgumentParser: «\(reason)»)")
    }
}
