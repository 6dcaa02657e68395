/* cjm-extras.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Private to libcjm: what the reader did not know, kept so the writer can put
 * it back where it stood.
 */

#pragma once

#include "cjm-item.h"

G_BEGIN_DECLS

typedef struct {
  char *name;                 /* qualified name as read, e.g. "foo" or "x:foo" */
  char *value;                /* raw value (unescaped) */
} CjmRawAttr;

typedef struct {
  guint anchor;               /* number of known child elements before it */
  char *xml;                  /* the element serialized exactly as read */
} CjmRawChild;

struct _CjmExtras {
  GPtrArray *attrs;           /* CjmRawAttr, in the order read */
  GPtrArray *children;        /* CjmRawChild, in the order read */
};

CjmExtras  *cjm_extras_new           (void);
CjmExtras  *cjm_extras_copy          (const CjmExtras *extras);
void        cjm_extras_free          (CjmExtras       *extras);
gboolean    cjm_extras_equal         (const CjmExtras *a,
                                      const CjmExtras *b);
void        cjm_extras_add_attr      (CjmExtras      **extras,
                                      const char      *name,
                                      const char      *value);
void        cjm_extras_add_child     (CjmExtras      **extras,
                                      guint            anchor,
                                      const char      *xml);
gboolean    cjm_extras_is_empty      (const CjmExtras *extras);

/* Item internals the reader and writer use. */
CjmExtras  *cjm_item_get_extras      (CjmItem         *self);
CjmExtras **cjm_item_peek_extras     (CjmItem         *self);
/* Extras of a text child element (<title foo="…">), or NULL. */
CjmExtras  *cjm_item_get_field_extras (CjmItem        *self,
                                       CjmField        field);
CjmExtras **cjm_item_peek_field_extras (CjmItem       *self,
                                        CjmField       field);
/* Sets a field without a command: only for items not yet in a document. */
void        cjm_item_take_field      (CjmItem         *self,
                                      CjmField         field,
                                      char            *value);

/* Document bookkeeping (cjm-document.c). */
void        cjm_item_set_in_document (CjmItem         *self,
                                      gboolean         in_document);
/* Exchanges the item's list with *entries (either may be NULL). */
void        cjm_item_swap_list       (CjmItem         *self,
                                      CjmListKind      list,
                                      GPtrArray      **entries);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CjmExtras, cjm_extras_free)

G_END_DECLS
