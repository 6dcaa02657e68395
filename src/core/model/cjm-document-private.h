/* cjm-document-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Private to libcjm: what the reader and writer need beyond the public API.
 */

#pragma once

#include "cjm-document.h"
#include "cjm-extras.h"

G_BEGIN_DECLS

/* Appends a freshly read item without a command (reader only). */
void        cjm_document_append_loaded      (CjmDocument  *self,
                                             CjmItem      *item);
/* Unknown attributes/children of a container element (<stages>, …); kind
 * CJM_KIND_MAP gives the root <journey-map> element's. */
CjmExtras **cjm_document_peek_container_extras (CjmDocument *self,
                                                CjmKind      kind);
CjmExtras **cjm_document_peek_settings_extras  (CjmDocument *self);
CjmExtras **cjm_document_peek_print_extras     (CjmDocument *self);
/* Replaces all content with other's (used by reload); emits RELOADED. */
void        cjm_document_take_content       (CjmDocument  *self,
                                             CjmDocument  *other);
/* The container element name of a kind ("stages"), NULL for the map. */
const char *cjm_kind_to_container           (CjmKind       kind);

G_END_DECLS
