/* cjm-render-headers.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Layer 5, on top of everything: the corner, the stage header row and the
 * lane header column, the "Unplaced" area's frame and title, and the
 * legend, drawn where cjm_layout_flow_legend() placed its entries.
 */

#define G_LOG_DOMAIN "cjm-draw"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "cjm-finding.h"
#include "cjm-layout-private.h"
#include "cjm-render-private.h"

/* Layer 5 */

void
cjm_render_draw_corner (CjmLayout              *layout,
                        cairo_t                *cr,
                        const CjmRenderOptions *options)
{
  const CjmStyleColors *pal = cjm_render_colors (options);
  CjmDocument *document;
  CjmItem *map;
  CjmRect corner, box;
  const char *title;
  double h;
  GPtrArray *personas;

  g_return_if_fail (CJM_IS_LAYOUT (layout));
  g_return_if_fail (cr != NULL);

  document = cjm_layout_get_document (layout);
  map = cjm_document_get_map (document);
  cjm_layout_get_corner_rect (layout, &corner);

  cairo_save (cr);
  cjm_render_set_color (cr, &pal->corner);
  cairo_rectangle (cr, corner.x, corner.y, corner.width, corner.height);
  cairo_fill (cr);

  title = cjm_item_get_field (map, CJM_FIELD_TITLE);
  box = (CjmRect) { corner.x + CJM_M_HEADER_PAD, corner.y + CJM_M_HEADER_PAD,
                    corner.width - 2 * CJM_M_HEADER_PAD, corner.height - 2 * CJM_M_HEADER_PAD };
  h = cjm_render_text (layout, cr, CJM_FONT_MAP_TITLE, title ? title : "", &box, 3, 0, &pal->text);

  /* who the curves belong to */
  personas = cjm_document_get_items (document, CJM_KIND_PERSONA);
  box.y += h + 6;
  for (guint i = 0; i < personas->len && box.y + 14 < corner.y + corner.height; i++)
    {
      CjmItem *persona = g_ptr_array_index (personas, i);
      CjmColor color;
      double dot_x;
      CjmRect name = box;

      cjm_style_get_persona_color (persona, i, &color);
      dot_x = cjm_layout_is_rtl (layout) ? box.x + box.width - 5 : box.x + 5;
      cairo_arc (cr, dot_x, box.y + 7, 5, 0, 2 * G_PI);
      cjm_render_set_color (cr, &color);
      cairo_fill (cr);
      name.width -= 16;
      if (!cjm_layout_is_rtl (layout))
        name.x += 16;
      box.y += cjm_render_text (layout, cr, CJM_FONT_SMALL_BOLD, cjm_item_get_display_text (persona), &name, 1, 0,
                          &pal->text_dim) + 3;
    }

  cjm_render_set_color (cr, &pal->grid);
  cairo_set_line_width (cr, 1);
  cairo_rectangle (cr, corner.x + 0.5, corner.y + 0.5, corner.width - 1, corner.height - 1);
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
cjm_render_draw_stage_header (CjmLayout              *layout,
                              cairo_t                *cr,
                              guint                   stage_index,
                              const CjmRenderOptions *options)
{
  const CjmStyleColors *pal = cjm_render_colors (options);
  const CjmLayoutStage *st;
  const CjmRect *r;
  const char *goal;
  g_autofree char *number = NULL;
  CjmRect box;
  double h;
  gboolean rtl;

  g_return_if_fail (CJM_IS_LAYOUT (layout));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (stage_index < cjm_layout_get_n_stages (layout));

  st = cjm_layout_get_stage (layout, stage_index);
  r = &st->header;
  rtl = cjm_layout_is_rtl (layout);

  cairo_save (cr);
  cjm_render_set_color (cr, &pal->header);
  cairo_rectangle (cr, r->x, r->y, r->width, r->height);
  cairo_fill (cr);

  /* a blue rule under the header, and the stage's number above its name */
  cjm_render_set_color (cr, &pal->accent);
  cairo_rectangle (cr, r->x, r->y + r->height - 3, r->width, 3);
  cairo_fill (cr);

  box = (CjmRect) { r->x + CJM_M_HEADER_PAD, r->y + CJM_M_HEADER_PAD, r->width - 2 * CJM_M_HEADER_PAD, 16 };
  /* Translators: the number of a stage in the map's header row */
  number = g_strdup_printf (cjm_labels_gettext (cjm_layout_get_labels (layout), "STAGE %u"),
                            stage_index + 1);
  cjm_render_text (layout, cr, CJM_FONT_CAPTION, number, &box, 1, 0, &pal->accent);

  box.y += 18;
  h = cjm_render_text (layout, cr, CJM_FONT_STAGE, cjm_item_get_display_text (st->item), &box, 2, 0,
                       &pal->text);
  (void) h;

  goal = cjm_item_get_field (st->item, CJM_FIELD_GOAL);
  if (goal != NULL && *goal != '\0' && st->goal.width > 0)
    {
      CjmRect gbox = st->goal;
      double ix = rtl ? gbox.x + gbox.width - 12 : gbox.x;
      double line = cjm_layout_get_line_height (layout, CJM_FONT_GOAL);

      /* a target icon before the goal */
      cairo_set_line_width (cr, 1.3);
      cjm_render_set_color (cr, &pal->text_faint);
      cairo_arc (cr, ix + 6, gbox.y + line / 2, 5, 0, 2 * G_PI);
      cairo_stroke (cr);
      cairo_arc (cr, ix + 6, gbox.y + line / 2, 2, 0, 2 * G_PI);
      cairo_fill (cr);

      gbox.width -= 18;
      if (!rtl)
        gbox.x += 18;
      cjm_render_text (layout, cr, CJM_FONT_GOAL, goal, &gbox, 3, 0, &pal->text_dim);
    }

  cjm_render_set_color (cr, &pal->grid);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, (rtl ? r->x : r->x + r->width) - 0.5, r->y);
  cairo_line_to (cr, (rtl ? r->x : r->x + r->width) - 0.5, r->y + r->height - 3);
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
cjm_render_draw_lane_header (CjmLayout              *layout,
                             cairo_t                *cr,
                             guint                   lane_index,
                             const CjmRenderOptions *options)
{
  const CjmStyleColors *pal = cjm_render_colors (options);
  const CjmLayoutLane *lane;
  const CjmRect *r;
  const char *owner;
  CjmColor accent;
  CjmRect box;
  double h;
  gboolean rtl;
  const double icon = 20;

  g_return_if_fail (CJM_IS_LAYOUT (layout));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (lane_index < cjm_layout_get_n_lanes (layout));

  lane = cjm_layout_get_lane (layout, lane_index);
  r = &lane->header;
  rtl = cjm_layout_is_rtl (layout);
  cjm_style_colors_get_lane_accent (pal, lane->kind,
                                    cjm_item_get_field (lane->item, CJM_FIELD_CHANNEL), &accent);

  cairo_save (cr);
  cjm_render_set_color (cr, &pal->header);
  cairo_rectangle (cr, r->x, r->y, r->width, r->height);
  cairo_fill (cr);

  /* the lane's colour along the outer edge */
  cjm_render_set_color (cr, &accent);
  cairo_rectangle (cr, rtl ? r->x + r->width - 4 : r->x, r->y, 4, r->height);
  cairo_fill (cr);

  cjm_render_draw_lane_icon (cr, lane->item, rtl ? r->x + r->width - CJM_M_HEADER_PAD - icon : r->x + CJM_M_HEADER_PAD,
                  r->y + CJM_M_HEADER_PAD - 1, icon, &accent);

  box = (CjmRect) { rtl ? r->x + CJM_M_HEADER_PAD : r->x + CJM_M_HEADER_PAD + 30, r->y + CJM_M_HEADER_PAD,
                    r->width - 2 * CJM_M_HEADER_PAD - 30, 0 };
  h = cjm_render_text (layout, cr, CJM_FONT_LANE, cjm_item_get_display_text (lane->item), &box, 3,
                       0, &pal->text);

  owner = cjm_item_get_field (lane->item, CJM_FIELD_OWNER);
  if (owner != NULL && *owner != '\0')
    {
      box.y += h + 4;
      cjm_render_text (layout, cr, CJM_FONT_SMALL, owner, &box, 1, 0, &pal->text_dim);
    }

  if (lane->kind == CJM_LANE_EMOTION)
    {
      /* the scale's labels along the edge next to the cells */
      for (int e = -3; e <= 3; e++)
        {
          double y = cjm_layout_emotion_to_y (layout, lane_index, e);
          double line = cjm_layout_get_line_height (layout, CJM_FONT_CAPTION);
          /* a left-to-right mark keeps the sign before the digit in RTL maps */
          g_autofree char *label = e > 0 ? g_strdup_printf ("\u200e+%d", e)
                                   : e < 0 ? g_strdup_printf ("\u200e−%d", -e) : g_strdup ("0");
          CjmRect lb = { rtl ? r->x + 8 : r->x + r->width - 32, y - line / 2, 24, line };

          if (e == 3 || e == 0 || e == -3)
            cjm_render_draw_face (cr, rtl ? r->x + 48 : r->x + r->width - 48, y, 7, e);
          cjm_render_text (layout, cr, CJM_FONT_CAPTION, label, &lb, 1, rtl ? 0 : CJM_TEXT_END,
                           &pal->text_faint);
        }
    }

  cjm_render_set_color (cr, &pal->grid);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, r->x, r->y + r->height - 0.5);
  cairo_line_to (cr, r->x + r->width, r->y + r->height - 0.5);
  cairo_move_to (cr, (rtl ? r->x + 0.5 : r->x + r->width - 0.5), r->y);
  cairo_line_to (cr, (rtl ? r->x + 0.5 : r->x + r->width - 0.5), r->y + r->height);
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
cjm_render_draw_headers (CjmLayout              *layout,
                         cairo_t                *cr,
                         const CjmRenderOptions *options)
{
  CjmRect clip, corner;

  g_return_if_fail (CJM_IS_LAYOUT (layout));
  g_return_if_fail (cr != NULL);

  cjm_render_clip_rect (cr, &clip);
  for (guint s = 0; s < cjm_layout_get_n_stages (layout); s++)
    if (cjm_rect_intersects (&cjm_layout_get_stage (layout, s)->header, &clip))
      cjm_render_draw_stage_header (layout, cr, s, options);
  for (guint l = 0; l < cjm_layout_get_n_lanes (layout); l++)
    if (cjm_rect_intersects (&cjm_layout_get_lane (layout, l)->header, &clip))
      cjm_render_draw_lane_header (layout, cr, l, options);
  cjm_layout_get_corner_rect (layout, &corner);
  if (cjm_rect_intersects (&corner, &clip))
    cjm_render_draw_corner (layout, cr, options);
}

void
cjm_render_draw_unplaced (CjmLayout              *layout,
                          cairo_t                *cr,
                          const CjmRenderOptions *options)
{
  const CjmStyleColors *pal = cjm_render_colors (options);
  CjmRect r, box;
  const double dash[] = { 6, 4 };

  g_return_if_fail (CJM_IS_LAYOUT (layout));
  g_return_if_fail (cr != NULL);

  if (!cjm_layout_get_unplaced_rect (layout, &r))
    return;

  cairo_save (cr);
  cjm_render_rounded_rect (cr, r.x + 6.5, r.y + 0.5, r.width - 13, r.height - 7, 10);
  cjm_render_set_color_alpha (cr, &pal->unplaced, 0.05);
  cairo_fill_preserve (cr);
  cjm_render_set_color (cr, &pal->unplaced);
  cairo_set_line_width (cr, 1.5);
  cairo_set_dash (cr, dash, 2, 0);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  box = (CjmRect) { r.x + CJM_M_STAGE_PAD + 4, r.y + 12, r.width - 2 * CJM_M_STAGE_PAD - 8, 20 };
  cjm_render_text (layout, cr, CJM_FONT_LANE,
                   cjm_labels_gettext (cjm_layout_get_labels (layout),
                                       "Unplaced — their stage or lane is missing"),
                   &box, 1, 0, &pal->unplaced);
  cairo_restore (cr);
}

/* The legend */

/* The mark before an entry's label, in a CJM_M_LEGEND_SWATCH wide box
 * starting at sx (the faces: CJM_M_LEGEND_FACES_WIDTH), centred on cy. */
static void
draw_legend_mark (cairo_t              *cr,
                  const CjmLegendEntry *e,
                  double                sx,
                  double                cy,
                  gboolean              rtl,
                  const CjmStyleColors     *pal)
{
  cairo_save (cr);
  switch (e->kind)
    {
    case CJM_LEGEND_PERSONA:
    case CJM_LEGEND_TARGET:
      cairo_set_line_width (cr, e->kind == CJM_LEGEND_TARGET ? 2 : 3);
      if (e->kind == CJM_LEGEND_TARGET)
        {
          const double dash[] = { 6, 4 };
          cairo_set_dash (cr, dash, 2, 0);
        }
      cjm_render_set_color (cr, &e->color);
      cairo_move_to (cr, sx + 2, cy);
      cairo_line_to (cr, sx + CJM_M_LEGEND_SWATCH - 2, cy);
      cairo_stroke (cr);
      if (e->kind == CJM_LEGEND_PERSONA)
        {
          cairo_arc (cr, sx + CJM_M_LEGEND_SWATCH / 2, cy, 5, 0, 2 * G_PI);
          cairo_fill (cr);
        }
      break;
    case CJM_LEGEND_FACES:
      {
        double fx = rtl ? sx + CJM_M_LEGEND_SWATCH - 8 : sx + 8;

        for (int f = -3; f <= 3; f++)
          {
            cjm_render_draw_face (cr, fx, cy, 7, f);
            fx += rtl ? -15.5 : 15.5;
          }
      }
      break;
    case CJM_LEGEND_LANE:
      {
        CjmColor tint, accent;
        CjmLaneKind kind = cjm_item_get_lane_kind (e->lane);
        const char *channel = cjm_item_get_field (e->lane, CJM_FIELD_CHANNEL);

        cjm_style_colors_get_lane_color (pal, kind, channel, &tint);
        cjm_style_colors_get_lane_accent (pal, kind, channel, &accent);
        cjm_render_rounded_rect (cr, sx, cy - 10, CJM_M_LEGEND_SWATCH, 20, 4);
        cjm_render_set_color (cr, &tint);
        cairo_fill_preserve (cr);
        cjm_render_set_color_alpha (cr, &accent, 0.5);
        cairo_set_line_width (cr, 1);
        cairo_stroke (cr);
        cjm_render_draw_lane_icon (cr, e->lane, sx + CJM_M_LEGEND_SWATCH / 2 - 8, cy - 8, 16, &accent);
      }
      break;
    case CJM_LEGEND_MOT:
      cjm_render_star_path (cr, sx + CJM_M_LEGEND_SWATCH / 2, cy, 8);
      cjm_render_set_color (cr, &pal->gold);
      cairo_fill (cr);
      break;
    case CJM_LEGEND_EVIDENCE:
      {
        const double dash[] = { 4, 3 };

        cjm_render_rounded_rect (cr, sx + 1.5, cy - 9.5, CJM_M_LEGEND_SWATCH - 3, 19, 4);
        cjm_render_set_color (cr, &pal->card_border);
        cairo_set_dash (cr, dash, 2, 0);
        cairo_set_line_width (cr, 1.2);
        cairo_stroke (cr);
      }
      break;
    case CJM_LEGEND_LINK:
      cjm_render_set_color (cr, &pal->link);
      cairo_set_line_width (cr, 1.6);
      cairo_move_to (cr, rtl ? sx + CJM_M_LEGEND_SWATCH - 2 : sx + 2, cy);
      cairo_line_to (cr, rtl ? sx + 10 : sx + CJM_M_LEGEND_SWATCH - 10, cy);
      cairo_stroke (cr);
      cairo_move_to (cr, rtl ? sx + 2 : sx + CJM_M_LEGEND_SWATCH - 2, cy);
      cairo_line_to (cr, rtl ? sx + 11 : sx + CJM_M_LEGEND_SWATCH - 11, cy - 4.5);
      cairo_line_to (cr, rtl ? sx + 11 : sx + CJM_M_LEGEND_SWATCH - 11, cy + 4.5);
      cairo_close_path (cr);
      cairo_fill (cr);
      break;
    case CJM_LEGEND_FINDING:
      for (int sv = 2; sv >= 0; sv--)
        {
          CjmColor c;

          cjm_style_get_severity_color (sv, &c);
          cjm_render_set_color (cr, &c);
          cairo_arc (cr, sx + 5 + (2 - sv) * 10, cy, 5, 0, 2 * G_PI);
          cairo_fill (cr);
        }
      break;
    default:
      break;
    }
  cairo_restore (cr);
}

double
cjm_render_draw_legend (CjmLayout              *layout,
                        cairo_t                *cr,
                        const CjmRect          *area,
                        const CjmRenderOptions *options)
{
  const CjmStyleColors *pal = cjm_render_colors (options);
  g_autoptr(GArray) entries = NULL;
  gboolean rtl;
  double height;

  g_return_val_if_fail (CJM_IS_LAYOUT (layout), 0);
  g_return_val_if_fail (cr != NULL && area != NULL, 0);

  rtl = cjm_layout_is_rtl (layout);
  entries = cjm_layout_flow_legend (layout, area->width, &height);
  for (guint i = 0; i < entries->len; i++)
    {
      const CjmLegendEntry *e = &g_array_index (entries, CjmLegendEntry, i);
      double ex, sx, tx, cy;
      CjmRect box;

      if (e->kind == CJM_LEGEND_TITLE)
        {
          box = (CjmRect) { area->x, area->y + (CJM_M_LEGEND_ROW - e->label_height) / 2,
                            area->width, e->label_height };
          cjm_render_text (layout, cr, CJM_FONT_SMALL_BOLD, e->label, &box, 1, 0, &pal->text);
          continue;
        }

      ex = rtl ? area->x + area->width - e->x - e->width : area->x + e->x;
      cy = area->y + e->y + CJM_M_LEGEND_ROW / 2;
      sx = rtl ? ex + e->width - CJM_M_LEGEND_SWATCH : ex;
      tx = rtl ? ex : ex + cjm_legend_entry_mark_width (e) + 6;
      draw_legend_mark (cr, e, sx, cy, rtl, pal);

      box = (CjmRect) { tx, cy - e->label_height / 2, e->label_width + 1, e->label_height };
      cjm_render_text (layout, cr, CJM_FONT_SMALL, e->label, &box, 1, 0, &pal->text_dim);
    }
  return height;
}
