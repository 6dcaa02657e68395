/* cjm-render.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Draws a CjmLayout on any cairo_t: the screen (through
 * gtk_snapshot_append_cairo), print, PDF, SVG, PNG and thumbnails share this
 * one path. Drawing is in map units (see cjm-layout.h); set the cairo
 * transformation for zoom and scrolling before calling. Only what
 * intersects the current clip (cairo_clip_extents) is drawn, so a small
 * region redraws fast.
 *
 * Layers, bottom to top, as cjm_render_draw() paints them:
 *   1. background: paper, lane rows (tinted by lane kind), cell grid,
 *      emotion-lane scale;
 *   2. links (arrows between cards, each on a halo of paper; under the
 *      cards so titles stay legible, labels on top of the cards; the
 *      canvas draws them over the cards, where the halo keeps both
 *      readable);
 *   3. cards (with their finding badge when the layout has show_findings);
 *   4. emotion curves with a face at each point;
 *   5. the stage header row and lane header column, the corner, the
 *      "Unplaced" area title and the legend band.
 * A canvas that caches one render node per item calls the per-part
 * functions below instead; they draw at the part's own layout position.
 *
 * Every word drawn (stage numbers, the legend, "via", "target", evidence
 * chips) is in the map's own language, from the layout's labels
 * (cjm_layout_get_labels()), whatever the language of the desktop.
 */

#pragma once

#include <cairo.h>

#include "cjm-layout.h"

G_BEGIN_DECLS

typedef struct {
  /* Paint the map background (white paper). FALSE leaves it transparent. */
  gboolean draw_background;
  /* Draw finding badges on cards (also needs the layout's show_findings). */
  gboolean draw_findings;
  /* Draw link labels. */
  gboolean draw_link_labels;
  /* For print: no link handles, no hover-only decorations. The renderer
   * draws no hover state anyway; this only drops screen-only hints. */
  gboolean print;
  /* Hollow points for touchpoints without an emotion in the emotion
   * lanes (the canvas, where they are dragged to set one). */
  gboolean draw_unset_emotions;
  /* Light paper (the default; print and export always use it) or dark
   * paper (cjm-style.h: the same hues, readable contrast). */
  CjmStyleScheme scheme;
  /* Level of detail for a map zoomed out past readable text (the canvas
   * sets it below CJM_RENDER_SIMPLIFY_ZOOM): cards are blocks of their fill
   * colour with the emotion face and the finding badge, no text; each
   * emotion curve is one thicker line without faces. */
  gboolean simplified;
} CjmRenderOptions;

/* The zoom below which a card's title (CJM_FONT_CARD_TITLE, about 13 px
 * at 100 %) is under 6 px on screen: draw simplified there. */
#define CJM_RENDER_SIMPLIFY_ZOOM 0.45

void     cjm_render_options_init        (CjmRenderOptions       *options);

/* Everything that intersects the clip. options may be NULL (defaults). */
void     cjm_render_draw                (CjmLayout              *layout,
                                         CjmDocument            *document,
                                         cairo_t                *cr,
                                         const CjmRenderOptions *options);

/* Layer 1: paper, lane rows, cell grid, emotion scale (within the clip). */
void     cjm_render_draw_background     (CjmLayout              *layout,
                                         cairo_t                *cr,
                                         const CjmRenderOptions *options);
/* Layer 2: every link whose bounds intersect the clip; labels too when
 * options->draw_link_labels. */
void     cjm_render_draw_links          (CjmLayout              *layout,
                                         cairo_t                *cr,
                                         const CjmRenderOptions *options);
void     cjm_render_draw_link           (CjmLayout              *layout,
                                         cairo_t                *cr,
                                         const CjmLayoutLink    *link,
                                         const CjmRenderOptions *options);
/* Layer 3: one card at its layout rectangle (badge included). */
void     cjm_render_draw_card           (CjmLayout              *layout,
                                         cairo_t                *cr,
                                         const CjmLayoutCard    *card,
                                         const CjmRenderOptions *options);
/* Layer 4: all curves of one emotion lane (its points and faces). */
void     cjm_render_draw_emotion_lane   (CjmLayout              *layout,
                                         cairo_t                *cr,
                                         guint                   lane_index,
                                         const CjmRenderOptions *options);
/* Layer 5: headers. Each draws at its layout rectangle; a canvas that
 * keeps headers in view while scrolling translates cr first. */
void     cjm_render_draw_corner         (CjmLayout              *layout,
                                         cairo_t                *cr,
                                         const CjmRenderOptions *options);
void     cjm_render_draw_stage_header   (CjmLayout              *layout,
                                         cairo_t                *cr,
                                         guint                   stage_index,
                                         const CjmRenderOptions *options);
void     cjm_render_draw_lane_header    (CjmLayout              *layout,
                                         cairo_t                *cr,
                                         guint                   lane_index,
                                         const CjmRenderOptions *options);
/* All stage headers, lane headers and the corner within the clip. */
void     cjm_render_draw_headers        (CjmLayout              *layout,
                                         cairo_t                *cr,
                                         const CjmRenderOptions *options);
/* The "Unplaced" area's frame and title (its cards are ordinary cards). */
void     cjm_render_draw_unplaced       (CjmLayout              *layout,
                                         cairo_t                *cr,
                                         const CjmRenderOptions *options);

/* The legend (lane kinds, personas' curve colours, marks: moment of
 * truth, evidence, to-be curve, findings) flowed to fit area (map units
 * or page units alike; cjm_layout_measure_legend() gives the height it
 * needs), in the options' colours (NULL: light paper). Returns the height
 * it used. Drawn at the layout's legend rectangle by cjm_render_draw()
 * when the layout has show_legend. */
double   cjm_render_draw_legend         (CjmLayout              *layout,
                                         cairo_t                *cr,
                                         const CjmRect          *area,
                                         const CjmRenderOptions *options);

/* A face for an emotion (-3..3) centred at (x, y) with the given radius:
 * for the palette, the inspector and the legend. */
void     cjm_render_draw_face           (cairo_t                *cr,
                                         double                  x,
                                         double                  y,
                                         double                  radius,
                                         int                     emotion);
/* A channel icon (web, app, phone, store, email, sms, chat, social, mail,
 * partner; anything else gets a generic glyph) in a size × size square. */
void     cjm_render_draw_channel_icon   (cairo_t                *cr,
                                         const char             *channel,
                                         double                  x,
                                         double                  y,
                                         double                  size,
                                         const CjmColor         *color);

/* The style's colours (cjm-style.h) under the names the canvas uses,
 * so that its overlays match (light paper; cjm_style_colors_get_lane_color()
 * and cjm_style_colors_get_lane_accent() for either). */
void     cjm_render_get_lane_color      (CjmLaneKind             kind,
                                         const char             *channel,
                                         CjmColor               *color);
void     cjm_render_get_lane_accent     (CjmLaneKind             kind,
                                         const char             *channel,
                                         CjmColor               *color);
void     cjm_render_get_emotion_color   (int                     emotion,
                                         CjmColor               *color);

G_END_DECLS
