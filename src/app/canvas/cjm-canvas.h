/* cjm-canvas.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The map editor: draws a CjmDocument through cjm-layout / cjm-render and
 * edits it with the pointer and the keyboard (selection, drag and drop of
 * cards, headers, emotion points and links, in-place title editing,
 * clipboard). Put it in a GtkScrolledWindow: it is GtkScrollable.
 */

#pragma once

#include <gtk/gtk.h>

#include "cjm-checker.h"
#include "cjm-document.h"
#include "cjm-layout.h"
#include "cjm-palette.h"
#include "cjm-style.h"

G_BEGIN_DECLS

#define CJM_CANVAS_MIN_ZOOM 0.02
#define CJM_CANVAS_MAX_ZOOM 4.0

/* The clipboard format of copied cards: a .cjm document holding them. */
#define CJM_CANVAS_CLIPBOARD_MIME "application/x-cjm-fragment+xml"

#define CJM_TYPE_CANVAS (cjm_canvas_get_type ())
G_DECLARE_FINAL_TYPE (CjmCanvas, cjm_canvas, CJM, CANVAS, GtkWidget)

GtkWidget   *cjm_canvas_new                  (void);

CjmDocument *cjm_canvas_get_document         (CjmCanvas   *self);
void         cjm_canvas_set_document         (CjmCanvas   *self,
                                              CjmDocument *document);
CjmChecker  *cjm_canvas_get_checker          (CjmCanvas   *self);
/* Cards named by the checker's visible findings get a badge. */
void         cjm_canvas_set_checker          (CjmCanvas   *self,
                                              CjmChecker  *checker);
/* The layout the canvas draws (updated before it is returned).
 * transfer none; NULL without a document. */
CjmLayout   *cjm_canvas_get_layout           (CjmCanvas   *self);

/* Selection: cards, stages, lanes or links. transfer none: the canvas's
 * own array of CjmItem, valid until ::selection-changed. */
GPtrArray   *cjm_canvas_get_selection        (CjmCanvas   *self);
/* Selects exactly these items (NULL or n_items 0 clears); when scroll_to,
 * scrolls so the first one is in view. */
void         cjm_canvas_select_items         (CjmCanvas   *self,
                                              CjmItem    **items,
                                              guint        n_items,
                                              gboolean     scroll_to);
void         cjm_canvas_scroll_to_item       (CjmCanvas   *self,
                                              CjmItem     *item);

/* Zoom: 1.0 = 100 %, clamped to CJM_CANVAS_MIN_ZOOM..MAX_ZOOM. */
double       cjm_canvas_get_zoom             (CjmCanvas   *self);
void         cjm_canvas_set_zoom             (CjmCanvas   *self,
                                              double       zoom);
void         cjm_canvas_zoom_in              (CjmCanvas   *self);
void         cjm_canvas_zoom_out             (CjmCanvas   *self);
/* Zooms so the whole map fits the view (not past 100 %). */
void         cjm_canvas_zoom_fit             (CjmCanvas   *self);

/* Starts editing the title (or text, or name) of a card, stage or lane
 * in place; Enter or leaving the field commits, Escape cancels. */
void         cjm_canvas_edit_item            (CjmCanvas   *self,
                                              CjmItem     *item);
gboolean     cjm_canvas_is_editing           (CjmCanvas   *self);

/* Adds what a palette tile makes where the keyboard is (after the
 * selected card, in its cell; or in the first cell that takes it),
 * as one undo step, and starts editing its title. */
void         cjm_canvas_add_tile             (CjmCanvas     *self,
                                              CjmPaletteTile tile);

/* Clipboard and editing of the selection. */
void         cjm_canvas_copy                 (CjmCanvas   *self);
void         cjm_canvas_cut                  (CjmCanvas   *self);
void         cjm_canvas_paste                (CjmCanvas   *self);
void         cjm_canvas_duplicate            (CjmCanvas   *self);
void         cjm_canvas_delete_selection     (CjmCanvas   *self);
void         cjm_canvas_select_all           (CjmCanvas   *self);

/* For tests and the findings panel: the rectangle an item is drawn in,
 * in the canvas widget's coordinates (computed from the layout, the
 * zoom and the scroll position). FALSE when the item is not drawn. */
gboolean     cjm_canvas_get_item_widget_rect (CjmCanvas       *self,
                                              CjmItem         *item,
                                              graphene_rect_t *rect);
/* The link under the pointer, highlighted with its two cards; NULL when
 * the pointer is not on a link. transfer none. */
CjmItem     *cjm_canvas_get_hovered_link     (CjmCanvas       *self);
/* Map units <-> widget coordinates. */
void         cjm_canvas_map_to_widget        (CjmCanvas   *self,
                                              double       mx,
                                              double       my,
                                              double      *wx,
                                              double      *wy);
void         cjm_canvas_widget_to_map        (CjmCanvas   *self,
                                              double       wx,
                                              double       wy,
                                              double      *mx,
                                              double      *my);

/* The paper the map is drawn on: light (the default) or dark, as the
 * desktop's style is; the map is drawn again when it changes. Print and
 * export use light paper whatever the canvas shows. */
void           cjm_canvas_set_style_scheme   (CjmCanvas      *self,
                                              CjmStyleScheme  scheme);
CjmStyleScheme cjm_canvas_get_style_scheme   (CjmCanvas      *self);

G_END_DECLS
