/* cjm-inspector.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The end-side panel that edits every field of the selected item (or of
 * the map itself, with its personas and glossary, when nothing is
 * selected). Each edit is an undoable command; text is committed when the
 * field is activated or loses the focus, so one typing burst is one step.
 */

#pragma once

#include <adwaita.h>

#include "cjm-document.h"

G_BEGIN_DECLS

#define CJM_TYPE_INSPECTOR (cjm_inspector_get_type ())
G_DECLARE_FINAL_TYPE (CjmInspector, cjm_inspector, CJM, INSPECTOR, GtkWidget)

GtkWidget   *cjm_inspector_new          (void);
CjmDocument *cjm_inspector_get_document (CjmInspector *self);
void         cjm_inspector_set_document (CjmInspector *self,
                                         CjmDocument  *document);
/* The item shown; NULL when the map is shown. */
CjmItem     *cjm_inspector_get_item     (CjmInspector *self);
/* NULL (or the map item) shows the map's own fields. */
void         cjm_inspector_set_item     (CjmInspector *self,
                                         CjmItem      *item);
/* Writes any text still being typed into the document (before a save). */
void         cjm_inspector_commit       (CjmInspector *self);

G_END_DECLS
