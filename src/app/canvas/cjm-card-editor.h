/* cjm-card-editor.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The in-place title editor: a text field for one field of one item (a
 * card's title, a stage's or lane's name) that the canvas places over the
 * item. It edits nothing itself: it says when it is done, committed by
 * Enter or by leaving the field, or cancelled by Escape, and the canvas
 * stores the text.
 */

#pragma once

#include <gtk/gtk.h>

#include "cjm-item.h"

G_BEGIN_DECLS

#define CJM_TYPE_CARD_EDITOR (cjm_card_editor_get_type ())
G_DECLARE_FINAL_TYPE (CjmCardEditor, cjm_card_editor, CJM, CARD_EDITOR, GtkWidget)

/* An editor of item's field, holding its text. transfer floating. */
GtkWidget  *cjm_card_editor_new       (CjmItem       *item,
                                       CjmField       field);
CjmItem    *cjm_card_editor_get_item  (CjmCardEditor *self);
CjmField    cjm_card_editor_get_field (CjmCardEditor *self);
/* The text as typed so far. */
const char *cjm_card_editor_get_text  (CjmCardEditor *self);
/* Takes the keyboard focus with the whole text selected. */
void        cjm_card_editor_begin     (CjmCardEditor *self);
/* TRUE when the keyboard focus is in the field. */
gboolean    cjm_card_editor_has_focus (CjmCardEditor *self);

G_END_DECLS
