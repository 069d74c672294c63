#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H
#include <libxml/xmlreader.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

/// libxml2's `xmlFree` is a global function pointer, which Swift 6 rejects as shared mutable state.
static inline void CLibXML2_free(void *pointer) { xmlFree(pointer); }

/// The line where the start tag just reported to a SAX2 `startElementNs` callback begins.
///
/// libxml2 reports the parser's current line, which is the line where the tag's attributes end.
/// During the callback the tag's bytes are still in the input buffer (`cur` is at its `>` or
/// `/>`), and a well-formed tag holds no `<` after its first byte, so counting the line feeds back
/// to the `<` gives the start line (line feeds are what libxml2 counts as well).
static inline int CLibXML2_startTagLine(xmlParserCtxtPtr ctxt) {
    if (ctxt == NULL || ctxt->input == NULL) return 0;
    int line = ctxt->input->line;
    const xmlChar *cur = ctxt->input->cur;
    const xmlChar *base = ctxt->input->base;
    if (cur == NULL || base == NULL) return line;
    while (cur > base) {
        cur--;
        if (*cur == '<') break;
        if (*cur == '\n') line--;
    }
    return line;
}

/// The parser's current line (for problems found in text, where no tag start applies).
static inline int CLibXML2_currentLine(xmlParserCtxtPtr ctxt) {
    if (ctxt == NULL || ctxt->input == NULL) return 0;
    return ctxt->input->line;
}
#endif
