#ifndef SPBE_ASSESS_CLIBXML_SHIM_H
#define SPBE_ASSESS_CLIBXML_SHIM_H

/* Debian's libxml2 is built with ICU, so <libxml/encoding.h> pulls in the system's
 * <unicode/ucnv.h>, whose types clash with the ICU copy inside Foundation (a clean build fails
 * with "'UErrorCode' has different definitions in different modules"). We never touch libxml2's
 * ICU converter structs, so keep ICU's header out and declare the two names they mention. */
#include <stdint.h>
#ifndef UCNV_H
#define UCNV_H 1
typedef struct UConverter UConverter;
typedef uint16_t UChar;
#endif

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlstring.h>

/* xmlFree is a global function pointer; Swift 6 strict concurrency refuses to touch it. */
static inline void spbe_xml_free(void *pointer) { xmlFree(pointer); }

#endif
