#ifndef AUTOGIT_CLIBXML2_SHIM_H
#define AUTOGIT_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU, and encoding.h then includes the system's <unicode/ucnv.h>, whose
// UErrorCode clashes with the copy of ICU inside Foundation. We never touch the ICU-only fields of
// xmlCharEncodingHandler (only pointers to it), so the headers are read as if ICU were off.
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/SAX2.h>
#include <libxml/dict.h>
#include <libxml/xmlerror.h>

// xmlFree is a global function-pointer variable, which Swift 6 rejects as shared mutable state;
// a function reads it at the call instead.
static inline void autogit_xmlFree(void *pointer) { xmlFree(pointer); }
#endif
