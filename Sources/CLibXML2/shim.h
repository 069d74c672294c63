#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H

/* Debian builds libxml2 with ICU, so <libxml/encoding.h> includes ICU's <unicode/ucnv.h>. A Swift
 * module that imports Foundation (whose _FoundationICU ships its own, different ICU headers) and,
 * even transitively, this module then fails to build: "'UErrorCode' has different definitions in
 * different modules". ICU only adds two trailing `uconv_t *` fields to `xmlCharEncodingHandler`,
 * a struct Swift never allocates or reads (it only passes pointers), so leave ICU out. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

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
