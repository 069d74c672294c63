#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H
#include <libxml/xmlreader.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>

/// libxml2's `xmlFree` is a global function pointer, which Swift 6 rejects as shared mutable state.
static inline void CLibXML2_free(void *pointer) { xmlFree(pointer); }
#endif
