public import Mustache
public import RaschetCore

extension MustacheTemplate.ParserError {
    /// The parser's fault in the message catalog's words (document and e-mail templates alike).
    public var fault: Message {
        guard let error = error as? MustacheTemplate.Error else { return .templateSyntaxError }
        switch error {
        case .sectionCloseNameIncorrect: return .templateSectionClosedWithAnotherName
        case .unfinishedName: return .templateTagUnfinished
        case .expectedSectionEnd: return .templateSectionNotClosed
        case .invalidSetDelimiter: return .templateDelimiterChangeMalformed
        case .transformAppliedToInheritanceSection, .illegalTokenInsideInheritSection, .textInsideInheritSection:
            return .templateInheritanceMisused
        case .invalidConfigVariableSyntax, .unrecognisedConfigVariable: return .templateConfigurationTagUnknown
        }
    }
}
