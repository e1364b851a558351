#ifndef SPBE_ASSESS_CLIBXML_SHIM_H
#define SPBE_ASSESS_CLIBXML_SHIM_H

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlstring.h>

/* xmlFree is a global function pointer; Swift 6 strict concurrency refuses to touch it. */
static inline void spbe_xml_free(void *pointer) { xmlFree(pointer); }

#endif
