/* cjm-render-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the cjm-render*.c files: the palette and drawing helpers.
 */

#pragma once

#include "cjm-layout-private.h"
#include "cjm-render.h"

G_BEGIN_DECLS

/* Adwaita palette */
#define HEX(v) { ((v) >> 16 & 0xff) / 255.0, ((v) >> 8 & 0xff) / 255.0, ((v) & 0xff) / 255.0, 1.0 }

static const CjmColor c_paper       = HEX (0xffffff);
static const CjmColor c_header_bg   = HEX (0xf6f5f4);
static const CjmColor c_corner_bg   = HEX (0xebebeb);
static const CjmColor c_grid        = HEX (0xdeddda);
static const CjmColor c_card_border = HEX (0xc0bfbc);
static const CjmColor c_text        = HEX (0x241f31);
static const CjmColor c_text_dim    = HEX (0x5e5c64);
static const CjmColor c_text_faint  = HEX (0x77767b);
static const CjmColor c_link        = HEX (0x77767b);
static const CjmColor c_gold        = HEX (0xe5a50a);
static const CjmColor c_blue        = HEX (0x3584e4);
static const CjmColor c_unplaced    = HEX (0xc64600);

void     cjm_render_set_color        (cairo_t        *cr,
                                      const CjmColor *c);
void     cjm_render_set_color_alpha  (cairo_t        *cr,
                                      const CjmColor *c,
                                      double          alpha);
CjmColor cjm_render_color_from_hex   (guint32         v);
/* a mixed with white: amount 0 = a, 1 = white */
CjmColor cjm_render_lighten          (const CjmColor *a,
                                      double          amount);
double   cjm_render_luminance        (const CjmColor *c);
void     cjm_render_severity_color   (int             severity,
                                      CjmColor       *color);
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

G_END_DECLS
