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
#include <libxml/SAX2.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlstring.h>

/* libxml2's generic error channel prints straight to stderr (`encoding error : …`), outside
 * the tool's file:line:col format. Its handler is variadic, which Swift cannot define, so it
 * lives here. What it would print is reported anyway: the encoding converter's failure ends
 * the parse with a structured error carrying the file, line and column. */
static inline void spbe_discard_generic_error(void *context, const char *message, ...) {
    (void)context;
    (void)message;
}

/* Installs the silent handler for the calling thread and as the default for threads whose
 * libxml2 state is made later (libxml2 keeps error handlers per thread). */
static inline void spbe_silence_generic_errors(void) {
    xmlSetGenericErrorFunc(NULL, spbe_discard_generic_error);
    xmlThrDefSetGenericErrorFunc(NULL, spbe_discard_generic_error);
}

/* glibc's backward memchr, declared only under _GNU_SOURCE, which Swift's Glibc module is not
 * built with. The offset of the last `byte` before `count`, or -1. */
void *memrchr(const void *s, int c, size_t n);
static inline long spbe_last_index(const unsigned char *bytes, long count, unsigned char byte) {
    const unsigned char *found = count > 0 ? memrchr(bytes, byte, (size_t)count) : 0;
    return found ? (long)(found - bytes) : -1;
}

/* xmlFree is a global function pointer; Swift 6 strict concurrency refuses to touch it. */
static inline void spbe_xml_free(void *pointer) { xmlFree(pointer); }

#endif
