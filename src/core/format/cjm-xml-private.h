/* cjm-xml-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Private to libcjm: the shape of the .cjm format (FORMAT.md) shared by the
 * reader and the writer, so that both agree on which elements and
 * attributes are known and in which order they are written.
 */

#pragma once

#include <libxml/tree.h>

#include "cjm-document-private.h"

G_BEGIN_DECLS

#define CJM_XML_NAMESPACE "urn:x-cjm:1"

/* A child part of an element: a text field, or a list of entries. */
#define CJM_XML_PART_LIST(list) ((guint) CJM_N_FIELDS + (guint) (list))
#define CJM_XML_PART_IS_LIST(part) ((part) >= (guint) CJM_N_FIELDS)
#define CJM_XML_PART_END G_MAXUINT

typedef struct {
  const CjmField *attrs;      /* known attributes in writing order, ends with CJM_N_FIELDS */
  const guint    *children;   /* known children in writing order, ends with CJM_XML_PART_END */
} CjmXmlShape;

/* The known attributes and children of an item of this kind; for
 * CJM_KIND_MAP, the root element's (settings and print are apart). */
const CjmXmlShape *cjm_xml_get_shape          (CjmKind      kind);
/* emotion-spread; and the print attributes, in writing order. */
const CjmField    *cjm_xml_get_settings_fields (void);
const CjmField    *cjm_xml_get_print_fields    (void);
/* "fact", "kpi", "data-source", "synonym", "score" */
const char        *cjm_xml_list_to_element    (CjmListKind  list);
/* Items whose element holds only text (note, suppress). */
gboolean           cjm_xml_kind_is_text       (CjmKind      kind);
/* The version the writers put on the map (FORMAT.md, 1.1): the one read,
 * or "1.1" when the document uses a 1.1 attribute or element and the
 * version read is 1.0 or absent. */
const char        *cjm_xml_get_written_version (CjmDocument *document);

/* cjm-xml-parse.c: checks the bytes and parses them with libxml2, safely
 * (see there). NULL and a CJM_DOCUMENT_ERROR when refused. */
xmlDoc            *cjm_xml_parse              (const char        *data,
                                               gsize              len,
                                               const char        *display_name,
                                               GError           **error);
/* Sets "DISPLAY_NAME:LINE:COLUMN: reason". */
void               cjm_xml_set_error          (GError           **error,
                                               const char        *display_name,
                                               CjmDocumentError   code,
                                               int                line,
                                               int                column,
                                               const char        *reason);
/* The same at the start tag of @node, in the bytes it was parsed from. */
void               cjm_xml_set_error_at_node  (GError           **error,
                                               const char        *data,
                                               gsize              len,
                                               const char        *display_name,
                                               CjmDocumentError   code,
                                               xmlNode           *node,
                                               const char        *reason);

G_END_DECLS
