/* cjm-render.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Colours follow the GNOME (Adwaita) palette; text goes through Pango with
 * the layout's own context, so what is drawn is exactly what was measured.
 */

#define G_LOG_DOMAIN "cjm-draw"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "cjm-finding.h"
#include "cjm-layout-private.h"
#include "cjm-render-private.h"

void
cjm_render_options_init (CjmRenderOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->draw_background = TRUE;
  options->draw_findings = TRUE;
  options->draw_link_labels = TRUE;
}

const CjmRenderOptions *
cjm_render_default_options (const CjmRenderOptions *options,
                 CjmRenderOptions       *storage)
{
  if (options != NULL)
    return options;
  cjm_render_options_init (storage);
  return storage;
}

const CjmStyleColors *
cjm_render_colors (const CjmRenderOptions *options)
{
  return cjm_style_get_colors (options != NULL ? options->scheme : CJM_STYLE_LIGHT);
}

void
cjm_render_color_to_hex (const CjmColor *c,
                         char            hex[8])
{
  g_snprintf (hex, 8, "#%02x%02x%02x", (guint) round (CLAMP (c->red, 0, 1) * 255),
              (guint) round (CLAMP (c->green, 0, 1) * 255),
              (guint) round (CLAMP (c->blue, 0, 1) * 255));
}

/* Layer 1 */

void
cjm_render_clip_rect (cairo_t *cr,
           CjmRect *rect)
{
  double x1, y1, x2, y2;

  cairo_clip_extents (cr, &x1, &y1, &x2, &y2);
  *rect = (CjmRect) { x1, y1, x2 - x1, y2 - y1 };
}

void
cjm_render_draw_background (CjmLayout              *layout,
                            cairo_t                *cr,
                            const CjmRenderOptions *options)
{
  CjmRenderOptions storage;
  const CjmStyleColors *pal;
  CjmRect clip, grid;
  double w, h;
  guint n_stages, n_lanes;

  g_return_if_fail (CJM_IS_LAYOUT (layout));
  g_return_if_fail (cr != NULL);

  options = cjm_render_default_options (options, &storage);
  pal = cjm_render_colors (options);
  cjm_render_clip_rect (cr, &clip);
  cjm_layout_get_size (layout, &w, &h);
  cjm_layout_get_grid_rect (layout, &grid);
  n_stages = cjm_layout_get_n_stages (layout);
  n_lanes = cjm_layout_get_n_lanes (layout);

  cairo_save (cr);

  if (options->draw_background)
    {
      cjm_render_set_color (cr, &pal->paper);
      cairo_rectangle (cr, 0, 0, w, h);
      cairo_fill (cr);
    }

  /* lane rows, tinted by kind */
  for (guint l = 0; l < n_lanes; l++)
    {
      const CjmLayoutLane *lane = cjm_layout_get_lane (layout, l);
      CjmColor tint;
      CjmRect cells = lane->row;

      if (!cjm_rect_intersects (&lane->row, &clip))
        continue;
      cells.width -= CJM_M_LANE_HEADER_WIDTH;
      if (!cjm_layout_is_rtl (layout))
        cells.x += CJM_M_LANE_HEADER_WIDTH;
      cjm_style_colors_get_lane_color (pal, lane->kind,
                                       cjm_item_get_field (lane->item, CJM_FIELD_CHANNEL), &tint);
      cjm_render_set_color (cr, &tint);
      cairo_rectangle (cr, cells.x, cells.y, cells.width, cells.height);
      cairo_fill (cr);

      if (lane->kind == CJM_LANE_EMOTION)
        {
          /* the scale: a line per level, the neutral one stronger */
          cairo_set_line_width (cr, 1);
          for (int e = -3; e <= 3; e++)
            {
              double y = cjm_layout_emotion_to_y (layout, l, e);

              if (e == 0)
                {
                  const double dash[] = { 6, 4 };

                  cjm_render_set_color_alpha (cr, &pal->text_faint, 0.6);
                  cairo_set_dash (cr, dash, 2, 0);
                }
              else
                {
                  cjm_render_set_color_alpha (cr, &pal->grid, 0.9);
                  cairo_set_dash (cr, NULL, 0, 0);
                }
              cairo_move_to (cr, MAX (cells.x, clip.x), y + 0.5);
              cairo_line_to (cr, MIN (cells.x + cells.width, clip.x + clip.width), y + 0.5);
              cairo_stroke (cr);
            }
          cairo_set_dash (cr, NULL, 0, 0);
          /* a band marks where cards misplaced into this lane start */
        }
    }

  /* grid lines */
  cjm_render_set_color (cr, &pal->grid);
  cairo_set_line_width (cr, 1);
  for (guint s = 0; s < n_stages; s++)
    {
      const CjmLayoutStage *st = cjm_layout_get_stage (layout, s);
      double x = cjm_layout_is_rtl (layout) ? st->column.x : st->column.x + st->column.width;

      if (x < clip.x - 1 || x > clip.x + clip.width + 1)
        continue;
      cairo_move_to (cr, round (x) - 0.5, grid.y);
      cairo_line_to (cr, round (x) - 0.5, grid.y + grid.height);
    }
  for (guint l = 0; l < n_lanes; l++)
    {
      const CjmLayoutLane *lane = cjm_layout_get_lane (layout, l);
      double y = lane->row.y + lane->row.height;

      if (y < clip.y - 1 || y > clip.y + clip.height + 1)
        continue;
      cairo_move_to (cr, grid.x, round (y) - 0.5);
      cairo_line_to (cr, grid.x + grid.width, round (y) - 0.5);
    }
  cairo_stroke (cr);

  cairo_restore (cr);
}

/* Layer 2 */

/* Whether the link's curve passes near rect: its bounding box says little
 * for a long link that crosses the map. */
static gboolean
link_meets (const CjmLayoutLink *link,
            const CjmRect       *rect)
{
  CjmRect grown = { rect->x - 10, rect->y - 10, rect->width + 20, rect->height + 20 };
  double px, py;

  if (!cjm_rect_intersects (&link->bounds, &grown))
    return FALSE;
  if (link->label.width > 0 && cjm_rect_intersects (&link->label, &grown))
    return TRUE;

  cjm_bezier_point (link->path, 0, &px, &py);
  for (guint i = 1; i <= 32; i++)
    {
      double x, y;

      cjm_bezier_point (link->path, i / 32.0, &x, &y);
      /* a chord is within a few units of the curve at this sampling */
      if (MAX (px, x) >= grown.x && MIN (px, x) <= grown.x + grown.width &&
          MAX (py, y) >= grown.y && MIN (py, y) <= grown.y + grown.height)
        return TRUE;
      px = x;
      py = y;
    }
  return FALSE;
}

static void
draw_link_path (cairo_t             *cr,
                const CjmLayoutLink *link,
                const CjmStyleColors    *pal)
{
  const CjmPoint *p = link->path;
  double dx, dy, len, ux, uy;
  const double head = 9;

  /* butt ends: the dot and the arrow head cover them, and round caps make
   * cairo's stroker slower on long curves */
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);

  /* end the stroke at the base of the arrow head */
  dx = p[3].x - p[2].x;
  dy = p[3].y - p[2].y;
  len = sqrt (dx * dx + dy * dy);
  if (len < 0.01)
    {
      dx = p[3].x - p[0].x;
      dy = p[3].y - p[0].y;
      len = MAX (sqrt (dx * dx + dy * dy), 0.01);
    }
  ux = dx / len;
  uy = dy / len;

  /* A halo of paper under the line: it stays readable where it crosses a
   * card, a lane's colour or another link. */
  cairo_move_to (cr, p[0].x, p[0].y);
  cairo_curve_to (cr, p[1].x, p[1].y, p[2].x, p[2].y, p[3].x - ux * head * 0.8, p[3].y - uy * head * 0.8);
  cjm_render_set_color_alpha (cr, &pal->paper, 0.85);
  cairo_set_line_width (cr, 1.6 + 2 * 2);
  cairo_stroke_preserve (cr);
  cjm_render_set_color (cr, &pal->link);
  cairo_set_line_width (cr, 1.6);
  cairo_stroke (cr);

  cairo_move_to (cr, p[3].x, p[3].y);
  cairo_line_to (cr, p[3].x - ux * head - uy * head * 0.5, p[3].y - uy * head + ux * head * 0.5);
  cairo_line_to (cr, p[3].x - ux * head + uy * head * 0.5, p[3].y - uy * head - ux * head * 0.5);
  cairo_close_path (cr);
  cairo_fill (cr);

  cairo_arc (cr, p[0].x, p[0].y, 2.5, 0, 2 * G_PI);
  cairo_fill (cr);
}

static void
draw_link_label (CjmLayout           *layout,
                 cairo_t             *cr,
                 const CjmLayoutLink *link,
                 const CjmStyleColors    *pal)
{
  const CjmRect *r = &link->label;
  CjmRect text = { r->x + 6, r->y + 2, r->width - 12, r->height - 4 };

  cjm_render_rounded_rect (cr, r->x, r->y, r->width, r->height, r->height / 2);
  cjm_render_set_color (cr, &pal->paper);
  cairo_fill_preserve (cr);
  cjm_render_set_color (cr, &pal->grid);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  cjm_render_text (layout, cr, CJM_FONT_SMALL, cjm_item_get_field (link->item, CJM_FIELD_LABEL),
             &text, 2, CJM_TEXT_CENTER, &pal->text_dim);
}

static void
draw_link_part (CjmLayout           *layout,
                cairo_t             *cr,
                const CjmLayoutLink *link,
                gboolean             path,
                gboolean             label,
                const CjmStyleColors    *pal)
{
  cairo_save (cr);
  /* long curves flatten into fewer segments; no visible difference */
  cairo_set_tolerance (cr, 0.3);
  if (path)
    draw_link_path (cr, link, pal);
  if (label && link->label.width > 0)
    draw_link_label (layout, cr, link, pal);
  cairo_restore (cr);
}

void
cjm_render_draw_link (CjmLayout              *layout,
                      cairo_t                *cr,
                      const CjmLayoutLink    *link,
                      const CjmRenderOptions *options)
{
  CjmRenderOptions storage;

  g_return_if_fail (CJM_IS_LAYOUT (layout));
  g_return_if_fail (cr != NULL && link != NULL);

  options = cjm_render_default_options (options, &storage);
  draw_link_part (layout, cr, link, TRUE, options->draw_link_labels, cjm_render_colors (options));
}

void
cjm_render_draw_links (CjmLayout              *layout,
                       cairo_t                *cr,
                       const CjmRenderOptions *options)
{
  CjmRect clip;

  g_return_if_fail (CJM_IS_LAYOUT (layout));
  g_return_if_fail (cr != NULL);

  cjm_render_clip_rect (cr, &clip);
  for (guint i = 0; i < cjm_layout_get_n_links (layout); i++)
    {
      const CjmLayoutLink *link = cjm_layout_get_link (layout, i);

      if (link_meets (link, &clip))
        cjm_render_draw_link (layout, cr, link, options);
    }
}

/* Layer 4 */

/* Points closer than this (map units) are joined by straight segments and
 * drawn without markers: at that density a smooth curve and faces add
 * nothing but cost. */
#define DENSE_SPACING 12.0
/* Strokes are flushed every so many segments: one long self-crossing path
 * is much slower to rasterize than several short ones. */
#define SEGMENTS_PER_STROKE 24

/* The slope of the curve at point i (dy/dx): a monotone cubic (the
 * harmonic mean of the neighbouring secants, 0 where they change sign), so
 * that the curve never goes past the points on either side: two neutral
 * points are joined by a flat line at 0, a peak is not overshot. */
static double
curve_slope (const CjmLayoutPoint *p,
             guint                 n,
             guint                 i)
{
  double before = 0, after = 0;
  gboolean has_before = FALSE, has_after = FALSE;

  if (i > 0 && fabs (p[i].x - p[i - 1].x) > 1e-6)
    {
      before = (p[i].y - p[i - 1].y) / (p[i].x - p[i - 1].x);
      has_before = TRUE;
    }
  if (i + 1 < n && fabs (p[i + 1].x - p[i].x) > 1e-6)
    {
      after = (p[i + 1].y - p[i].y) / (p[i + 1].x - p[i].x);
      has_after = TRUE;
    }
  if (!has_before)
    return has_after ? after : 0;
  if (!has_after)
    return before;
  if (before * after <= 0)
    return 0;
  return 2 * before * after / (before + after);
}

/* Strokes the monotone curve through the points (cubic Béziers),
 * skipping segments far from the clip. */
static void
stroke_curve (cairo_t              *cr,
              const CjmLayoutCurve *curve,
              const CjmRect        *clip)
{
  const CjmLayoutPoint *p = curve->points;
  guint n = curve->n_points;
  gboolean moved = FALSE;
  guint pending = 0;

  cairo_new_path (cr);
  for (guint i = 0; i + 1 < n; i++)
    {
      const CjmLayoutPoint *p1 = &p[i];
      const CjmLayoutPoint *p2 = &p[i + 1];
      double h = (p2->x - p1->x) / 3;
      double c1x = p1->x + h, c1y = p1->y + curve_slope (p, n, i) * h;
      double c2x = p2->x - h, c2y = p2->y - curve_slope (p, n, i + 1) * h;
      double x1 = MIN (p1->x, p2->x) - 4;
      double x2 = MAX (p1->x, p2->x) + 4;

      if (x2 < clip->x || x1 > clip->x + clip->width)
        {
          moved = FALSE;
          continue;
        }
      if (!moved)
        cairo_move_to (cr, p1->x, p1->y);
      if (fabs (p2->x - p1->x) < DENSE_SPACING)
        cairo_line_to (cr, p2->x, p2->y);
      else
        cairo_curve_to (cr, c1x, c1y, c2x, c2y, p2->x, p2->y);
      moved = TRUE;

      if (++pending == SEGMENTS_PER_STROKE)
        {
          cairo_stroke (cr);
          cairo_move_to (cr, p2->x, p2->y);
          pending = 0;
        }
    }
  cairo_stroke (cr);
}

/* Touchpoints without an emotion: a hollow ring at neutral height, to be
 * dragged up or down (the canvas only). */
static void
draw_unset_points (CjmLayout              *layout,
                   cairo_t                *cr,
                   guint                   lane_index,
                   const CjmRect          *clip,
                   const CjmRenderOptions *options)
{
  const CjmStyleColors *pal = cjm_render_colors (options);
  const double r = 6;

  cairo_save (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_set_line_width (cr, 2);
  for (guint i = 0; i < cjm_layout_get_n_unset_points (layout); i++)
    {
      const CjmLayoutUnsetPoint *pt = cjm_layout_get_unset_point (layout, i);

      if (pt->lane_index != lane_index
          || pt->x + r + 2 < clip->x || pt->x - r - 2 > clip->x + clip->width
          || pt->y + r + 2 < clip->y || pt->y - r - 2 > clip->y + clip->height)
        continue;
      cairo_new_sub_path (cr);
      cairo_arc (cr, pt->x, pt->y, r, 0, 2 * G_PI);
      cjm_render_set_color (cr, &pal->paper);
      cairo_fill_preserve (cr);
      cjm_render_set_color (cr, &pal->text_dim);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

void
cjm_render_draw_emotion_lane (CjmLayout              *layout,
                              cairo_t                *cr,
                              guint                   lane_index,
                              const CjmRenderOptions *options)
{
  CjmRect clip;
  guint n_curves;
  const double dense = CJM_M_FACE_SIZE + 4;
  gboolean simplified = options != NULL && options->simplified;
  double scale = 1, dy = 0;

  g_return_if_fail (CJM_IS_LAYOUT (layout));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (lane_index < cjm_layout_get_n_lanes (layout));

  /* Device pixels per map unit, for a simplified line's width. */
  cairo_user_to_device_distance (cr, &scale, &dy);
  scale = MAX (hypot (scale, dy), 1e-3);

  cjm_render_clip_rect (cr, &clip);
  n_curves = cjm_layout_get_n_curves (layout);

  cairo_save (cr);
  cairo_set_tolerance (cr, 0.3);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  /* to-be curves under the as-is ones */
  for (int target = 1; target >= 0; target--)
    for (guint c = 0; c < n_curves; c++)
      {
        const CjmLayoutCurve *curve = cjm_layout_get_curve (layout, c);

        if (curve->lane_index != lane_index || curve->target != target)
          continue;

        if (target)
          {
            const double dash[] = { 7, 5 };

            cairo_set_dash (cr, dash, 2, 0);
            cairo_set_line_width (cr, 2);
            cjm_render_set_color_alpha (cr, &curve->color, 0.8);
          }
        else
          {
            cairo_set_dash (cr, NULL, 0, 0);
            cairo_set_line_width (cr, 3);
            cjm_render_set_color (cr, &curve->color);
          }
        /* Zoomed out: one line per curve, thick enough to read, no faces. */
        if (simplified)
          cairo_set_line_width (cr, MAX (3, (target ? 2.5 : 3.5) / scale));
        stroke_curve (cr, curve, &clip);
        cairo_set_dash (cr, NULL, 0, 0);
        if (simplified)
          continue;

        for (guint i = 0; i < curve->n_points; i++)
          {
            const CjmLayoutPoint *pt = &curve->points[i];
            double rr = CJM_M_FACE_SIZE / 2;
            double spacing;

            if (pt->x + rr + 3 < clip.x || pt->x - rr - 3 > clip.x + clip.width ||
                pt->y + rr + 3 < clip.y || pt->y - rr - 3 > clip.y + clip.height)
              continue;
            spacing = MIN (i > 0 ? fabs (pt->x - curve->points[i - 1].x) : G_MAXDOUBLE,
                           i + 1 < curve->n_points ? fabs (curve->points[i + 1].x - pt->x) : G_MAXDOUBLE);
            if (spacing < DENSE_SPACING)
              continue;
            if (target)
              {
                /* a hollow ring at the to-be feeling */
                cairo_arc (cr, pt->x, pt->y, 5, 0, 2 * G_PI);
                cjm_render_set_color (cr, &cjm_render_colors (options)->paper);
                cairo_fill_preserve (cr);
                cairo_set_line_width (cr, 2);
                cjm_render_set_color (cr, &curve->color);
                cairo_stroke (cr);
              }
            else if (spacing < dense)
              {
                /* too close together for faces: a dot in the emotion's colour */
                CjmColor color;

                cjm_style_get_emotion_color (pt->emotion, &color);
                cairo_arc (cr, pt->x, pt->y, 5.5, 0, 2 * G_PI);
                cjm_render_set_color (cr, &color);
                cairo_fill_preserve (cr);
                cairo_set_line_width (cr, 2);
                cjm_render_set_color (cr, &curve->color);
                cairo_stroke (cr);
              }
            else
              {
                cairo_arc (cr, pt->x, pt->y, rr + 2, 0, 2 * G_PI);
                cjm_render_set_color (cr, &curve->color);
                cairo_fill (cr);
                cjm_render_draw_face (cr, pt->x, pt->y, rr - 0.5, pt->emotion);
              }
          }
      }

  cairo_restore (cr);

  if (options != NULL && options->draw_unset_emotions)
    draw_unset_points (layout, cr, lane_index, &clip, options);
}

/* Everything */

void
cjm_render_draw (CjmLayout              *layout,
                 CjmDocument            *document,
                 cairo_t                *cr,
                 const CjmRenderOptions *options)
{
  CjmRenderOptions storage;
  CjmRect clip, legend;
  g_autoptr(GArray) cards = NULL;

  g_return_if_fail (CJM_IS_LAYOUT (layout));
  g_return_if_fail (document == NULL || document == cjm_layout_get_document (layout));
  g_return_if_fail (cr != NULL);

  options = cjm_render_default_options (options, &storage);
  cjm_render_clip_rect (cr, &clip);

  cjm_render_draw_background (layout, cr, options);
  cjm_render_draw_unplaced (layout, cr, options);

  for (guint i = 0; i < cjm_layout_get_n_links (layout); i++)
    {
      const CjmLayoutLink *link = cjm_layout_get_link (layout, i);

      if (link_meets (link, &clip))
        draw_link_part (layout, cr, link, TRUE, FALSE, cjm_render_colors (options));
    }

  cards = cjm_layout_get_cards_in_rect (layout, &clip);
  for (guint i = 0; i < cards->len; i++)
    cjm_render_draw_card (layout, cr, cjm_layout_get_card (layout, g_array_index (cards, guint, i)), options);

  for (guint l = 0; l < cjm_layout_get_n_lanes (layout); l++)
    {
      const CjmLayoutLane *lane = cjm_layout_get_lane (layout, l);

      if (lane->kind == CJM_LANE_EMOTION && cjm_rect_intersects (&lane->row, &clip))
        cjm_render_draw_emotion_lane (layout, cr, l, options);
    }

  /* link labels over the cards, so that they stay readable */
  if (options->draw_link_labels)
    for (guint i = 0; i < cjm_layout_get_n_links (layout); i++)
      {
        const CjmLayoutLink *link = cjm_layout_get_link (layout, i);

        if (link->label.width > 0 && cjm_rect_intersects (&link->label, &clip))
          draw_link_part (layout, cr, link, FALSE, TRUE, cjm_render_colors (options));
      }

  cjm_render_draw_headers (layout, cr, options);

  if (cjm_layout_get_legend_rect (layout, &legend) && cjm_rect_intersects (&legend, &clip))
    {
      CjmRect area = { legend.x + CJM_M_LEGEND_PAD, legend.y + CJM_M_LEGEND_PAD,
                       legend.width - 2 * CJM_M_LEGEND_PAD, legend.height - 2 * CJM_M_LEGEND_PAD };

      cairo_save (cr);
      cjm_render_set_color (cr, &cjm_render_colors (options)->grid);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, legend.x, legend.y + 0.5);
      cairo_line_to (cr, legend.x + legend.width, legend.y + 0.5);
      cairo_stroke (cr);
      cairo_restore (cr);
      cjm_render_draw_legend (layout, cr, &area, options);
    }
}
