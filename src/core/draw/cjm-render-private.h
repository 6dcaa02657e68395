/* cjm-render-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the cjm-render*.c files and print: drawing helpers.
 */

#pragma once

#include "cjm-layout-private.h"
#include "cjm-render.h"
#include "cjm-style-private.h"

G_BEGIN_DECLS

void     cjm_render_set_color        (cairo_t        *cr,
                                      const CjmColor *c);
void     cjm_render_set_color_alpha  (cairo_t        *cr,
                                      const CjmColor *c,
                                      double          alpha);
void     cjm_render_rounded_rect     (cairo_t        *cr,
                                      double          x,
                                      double          y,
                                      double          w,
                                      double          h,
                                      double          r);
void     cjm_render_star_path        (cairo_t        *cr,
                                      double          cx,
                                      double          cy,
                                      double          r);
/* Text at the top of box, wrapped to its width, in the map's direction;
 * returns its height. */
double   cjm_render_text             (CjmLayout      *layout,
                                      cairo_t        *cr,
                                      CjmFont         font,
                                      const char     *text,
                                      const CjmRect  *box,
                                      int             max_lines,
                                      CjmTextFlags    flags,
                                      const CjmColor *color);
void     cjm_render_draw_lane_icon   (cairo_t        *cr,
                                      CjmItem        *lane,
                                      double          x,
                                      double          y,
                                      double          size,
                                      const CjmColor *color);
/* The clip extents in user space. */
void     cjm_render_clip_rect        (cairo_t        *cr,
                                      CjmRect        *rect);
const CjmRenderOptions *cjm_render_default_options (const CjmRenderOptions *options,
                                                    CjmRenderOptions       *storage);
/* The colours of the options' scheme; NULL options: light paper. */
const CjmStyleColors       *cjm_render_colors         (const CjmRenderOptions *options);
/* "#rrggbb", for Pango markup. */
void     cjm_render_color_to_hex     (const CjmColor *c,
                                      char            hex[8]);

G_END_DECLS
