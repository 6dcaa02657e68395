/* cjm-minimap.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The overview of a canvas's map: the lanes and cards as blocks of colour,
 * with the part in view framed; pressing or dragging in it moves the view
 * there. The canvas makes it its child and places it over a bottom corner
 * (cjm_minimap_get_placement()) when the map does not fit the view, and
 * the user has not hidden it (the "show-minimap" setting, which its
 * "shown" property follows). It moves to another corner rather than
 * cover the card being edited or what a drag shows.
 */

#pragma once

#include <gtk/gtk.h>

#include "cjm-canvas.h"

G_BEGIN_DECLS

#define CJM_TYPE_MINIMAP (cjm_minimap_get_type ())
G_DECLARE_FINAL_TYPE (CjmMinimap, cjm_minimap, CJM, MINIMAP, GtkWidget)

/* An overview of canvas, which it reads through its public API and
 * scrolls through its adjustments. transfer floating. */
GtkWidget *cjm_minimap_new           (CjmCanvas     *canvas);
CjmCanvas *cjm_minimap_get_canvas    (CjmMinimap    *self);
/* The canvas's layout changed: the picture is made again when drawn. */
void       cjm_minimap_invalidate    (CjmMinimap    *self);
/* TRUE while the view is being moved with the pointer in the minimap. */
gboolean   cjm_minimap_is_dragging   (CjmMinimap    *self);
/* Where the minimap goes in a canvas of this size, in the canvas's
 * coordinates; FALSE when it is not shown (the map fits the view, or the
 * view is too small to spare the room). */
gboolean   cjm_minimap_get_placement (CjmMinimap    *self,
                                      int            canvas_width,
                                      int            canvas_height,
                                      GtkAllocation *allocation);
/* Whether the user wants it shown (when there is room and a reason). */
gboolean   cjm_minimap_get_shown     (CjmMinimap    *self);
void       cjm_minimap_set_shown     (CjmMinimap    *self,
                                      gboolean       shown);
/* A rectangle of the canvas (its coordinates) the minimap must not cover,
 * such as the cards being dragged and the pointer; NULL: none. When it
 * covers it, the canvas places it in another corner. */
void       cjm_minimap_set_avoid     (CjmMinimap            *self,
                                      const graphene_rect_t *rect);

G_END_DECLS
