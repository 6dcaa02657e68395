/* cjm-map-image.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A map drawn by the renderer into a GdkTexture: template previews, the
 * export preview and "Copy as Image". Always on the light paper.
 */

#pragma once

#include <gtk/gtk.h>

#include "cjm-document.h"

G_BEGIN_DECLS

/* The whole map (or only @items, a GPtrArray of CjmItem cards, when not
 * NULL or empty) at @scale map units per pixel; @findings badges cards
 * when not NULL. */
GdkTexture *cjm_map_image_render     (CjmDocument *document,
                                      double       scale,
                                      GPtrArray   *items,
                                      GPtrArray   *findings);
/* The whole map scaled to fit @max_width × @max_height pixels. */
GdkTexture *cjm_map_image_render_fit (CjmDocument *document,
                                      int          max_width,
                                      int          max_height);

G_END_DECLS
