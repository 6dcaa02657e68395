/* cjm-render-legend.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The legend: personas' curves, feelings, lane kinds and the marks used.
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

/* The legend */

typedef enum {
  LEGEND_PERSONA,
  LEGEND_TARGET,
  LEGEND_FACES,
  LEGEND_LANE,
  LEGEND_MOT,
  LEGEND_EVIDENCE,
  LEGEND_LINK,
  LEGEND_FINDING,
} LegendKind;

typedef struct {
  LegendKind  kind;
  char       *label;
  CjmColor    color;
  CjmItem    *lane;
  int         value;
} LegendEntry;

static void
legend_entry_clear (gpointer data)
{
  LegendEntry *e = data;

  g_free (e->label);
}

static GArray *
legend_entries (CjmLayout *layout)
{
  CjmDocument *document = cjm_layout_get_document (layout);
  GArray *entries = g_array_new (FALSE, TRUE, sizeof (LegendEntry));
  GPtrArray *personas = cjm_document_get_items (document, CJM_KIND_PERSONA);
  gboolean any_target = FALSE, any_mot = FALSE, any_assumed = FALSE, any_proposed = FALSE;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  LegendEntry e;

  g_array_set_clear_func (entries, legend_entry_clear);

  for (guint i = 0; i < cjm_layout_get_n_curves (layout); i++)
    any_target |= cjm_layout_get_curve (layout, i)->target;
  for (guint i = 0; i < cjm_layout_get_n_cards (layout); i++)
    {
      CjmItem *item = cjm_layout_get_card (layout, i)->item;
      const char *ev = cjm_item_get_field (item, CJM_FIELD_EVIDENCE);

      if (cjm_item_get_kind (item) != CJM_KIND_TOUCHPOINT)
        continue;
      any_mot |= cjm_item_get_bool_field (item, CJM_FIELD_MOMENT_OF_TRUTH, FALSE);
      any_assumed |= g_strcmp0 (ev, "assumed") == 0;
      any_proposed |= g_strcmp0 (ev, "proposed") == 0;
    }

  e = (LegendEntry) { LEGEND_FACES, g_strdup (_("Feeling, −3 to +3")) };
  g_array_append_val (entries, e);
  for (guint i = 0; i < personas->len; i++)
    {
      CjmItem *persona = g_ptr_array_index (personas, i);

      e = (LegendEntry) { LEGEND_PERSONA, g_strdup (cjm_item_get_display_text (persona)) };
      cjm_render_get_persona_color (persona, i, &e.color);
      g_array_append_val (entries, e);
    }
  if (any_target)
    {
      e = (LegendEntry) { LEGEND_TARGET, g_strdup (_("Target feeling (to-be)")) };
      e.color = personas->len > 0 ? (CjmColor) HEX (0x5e5c64) : c_blue;
      cjm_render_get_persona_color (personas->len > 0 ? g_ptr_array_index (personas, 0) : NULL, 0, &e.color);
      g_array_append_val (entries, e);
    }

  for (guint l = 0; l < cjm_layout_get_n_lanes (layout); l++)
    {
      const CjmLayoutLane *lane = cjm_layout_get_lane (layout, l);
      const char *channel = cjm_item_get_field (lane->item, CJM_FIELD_CHANNEL);
      g_autofree char *key = g_strdup_printf ("%d|%s", lane->kind, lane->kind == CJM_LANE_CHANNEL && channel ? channel : "");
      const char *label;

      if (lane->kind == CJM_LANE_EMOTION || g_hash_table_contains (seen, key))
        continue;
      label = lane->kind == CJM_LANE_CHANNEL ? NULL
              : lane->kind == CJM_LANE_UNKNOWN ? cjm_item_get_display_text (lane->item)
              : cjm_lane_kind_get_default_name (lane->kind);
      g_hash_table_add (seen, g_steal_pointer (&key));
      e = (LegendEntry) { LEGEND_LANE, NULL };
      if (label != NULL)
        e.label = g_strdup (label);
      else
        /* Translators: a channel lane in the legend, e.g. "Channel: web" */
        e.label = g_strdup_printf (_("Channel: %s"), channel ? channel : cjm_item_get_display_text (lane->item));
      e.lane = lane->item;
      g_array_append_val (entries, e);
    }

  if (any_mot)
    {
      e = (LegendEntry) { LEGEND_MOT, g_strdup (_("Moment of truth")) };
      g_array_append_val (entries, e);
    }
  if (any_assumed || any_proposed)
    {
      e = (LegendEntry) { LEGEND_EVIDENCE, g_strdup (_("Assumed or proposed step")) };
      g_array_append_val (entries, e);
    }
  if (cjm_layout_get_n_links (layout) > 0)
    {
      e = (LegendEntry) { LEGEND_LINK, g_strdup (_("Leads to")) };
      g_array_append_val (entries, e);
    }
  if (cjm_layout_get_show_findings (layout))
    {
      e = (LegendEntry) { LEGEND_FINDING, g_strdup (_("Findings: error, warning, note")) };
      g_array_append_val (entries, e);
    }

  return entries;
}

#define LEGEND_ROW 26.0
#define LEGEND_SWATCH 30.0
#define LEGEND_SPACING 26.0
#define LEGEND_FACES_WIDTH (7 * 15.5)

/* Flows the entries in rows; calls draw for each when cr is set. */
static double
legend_flow (CjmLayout     *layout,
             cairo_t       *cr,
             const CjmRect *area)
{
  g_autoptr(GArray) entries = legend_entries (layout);
  gboolean rtl = cjm_layout_is_rtl (layout);
  double title_w, title_h;
  double x = 0, y = 0;
  const char *title = _("Legend");

  cjm_layout_measure_text (layout, CJM_FONT_SMALL_BOLD, title, -1, 1, 0, &title_w, &title_h);
  if (cr != NULL)
    {
      CjmRect box = { area->x, area->y + (LEGEND_ROW - title_h) / 2, area->width, title_h };

      cjm_render_text (layout, cr, CJM_FONT_SMALL_BOLD, title, &box, 1, 0, &c_text);
    }
  x = title_w + LEGEND_SPACING;

  for (guint i = 0; i < entries->len; i++)
    {
      LegendEntry *e = &g_array_index (entries, LegendEntry, i);
      double tw, th, w, sx, tx, cy;

      cjm_layout_measure_text (layout, CJM_FONT_SMALL, e->label, -1, 1, 0, &tw, &th);
      w = (e->kind == LEGEND_FACES ? LEGEND_FACES_WIDTH : LEGEND_SWATCH) + 6 + tw;
      if (x > 0 && x + w > area->width)
        {
          x = 0;
          y += LEGEND_ROW;
        }
      if (cr != NULL)
        {
          double ex = rtl ? area->x + area->width - x - w : area->x + x;
          CjmRect box;

          cy = area->y + y + LEGEND_ROW / 2;
          sx = rtl ? ex + w - LEGEND_SWATCH : ex;
          tx = rtl ? ex : ex + (e->kind == LEGEND_FACES ? LEGEND_FACES_WIDTH : LEGEND_SWATCH) + 6;

          cairo_save (cr);
          switch (e->kind)
            {
            case LEGEND_PERSONA:
            case LEGEND_TARGET:
              cairo_set_line_width (cr, e->kind == LEGEND_TARGET ? 2 : 3);
              if (e->kind == LEGEND_TARGET)
                {
                  const double dash[] = { 6, 4 };
                  cairo_set_dash (cr, dash, 2, 0);
                }
              cjm_render_set_color (cr, &e->color);
              cairo_move_to (cr, sx + 2, cy);
              cairo_line_to (cr, sx + LEGEND_SWATCH - 2, cy);
              cairo_stroke (cr);
              if (e->kind == LEGEND_PERSONA)
                {
                  cairo_arc (cr, sx + LEGEND_SWATCH / 2, cy, 5, 0, 2 * G_PI);
                  cairo_fill (cr);
                }
              break;
            case LEGEND_FACES:
              {
                double fx = rtl ? sx + LEGEND_SWATCH - 8 : sx + 8;

                for (int f = -3; f <= 3; f++)
                  {
                    cjm_render_draw_face (cr, fx, cy, 7, f);
                    fx += rtl ? -15.5 : 15.5;
                  }
              }
              break;
            case LEGEND_LANE:
              {
                CjmColor tint, accent;
                CjmLaneKind kind = cjm_item_get_lane_kind (e->lane);
                const char *channel = cjm_item_get_field (e->lane, CJM_FIELD_CHANNEL);

                cjm_render_get_lane_color (kind, channel, &tint);
                cjm_render_get_lane_accent (kind, channel, &accent);
                cjm_render_rounded_rect (cr, sx, cy - 10, LEGEND_SWATCH, 20, 4);
                cjm_render_set_color (cr, &tint);
                cairo_fill_preserve (cr);
                cjm_render_set_color_alpha (cr, &accent, 0.5);
                cairo_set_line_width (cr, 1);
                cairo_stroke (cr);
                cjm_render_draw_lane_icon (cr, e->lane, sx + LEGEND_SWATCH / 2 - 8, cy - 8, 16, &accent);
              }
              break;
            case LEGEND_MOT:
              cjm_render_star_path (cr, sx + LEGEND_SWATCH / 2, cy, 8);
              cjm_render_set_color (cr, &c_gold);
              cairo_fill (cr);
              break;
            case LEGEND_EVIDENCE:
              {
                const double dash[] = { 4, 3 };

                cjm_render_rounded_rect (cr, sx + 1.5, cy - 9.5, LEGEND_SWATCH - 3, 19, 4);
                cjm_render_set_color (cr, &c_card_border);
                cairo_set_dash (cr, dash, 2, 0);
                cairo_set_line_width (cr, 1.2);
                cairo_stroke (cr);
              }
              break;
            case LEGEND_LINK:
              cjm_render_set_color (cr, &c_link);
              cairo_set_line_width (cr, 1.6);
              cairo_move_to (cr, rtl ? sx + LEGEND_SWATCH - 2 : sx + 2, cy);
              cairo_line_to (cr, rtl ? sx + 10 : sx + LEGEND_SWATCH - 10, cy);
              cairo_stroke (cr);
              cairo_move_to (cr, rtl ? sx + 2 : sx + LEGEND_SWATCH - 2, cy);
              cairo_line_to (cr, rtl ? sx + 11 : sx + LEGEND_SWATCH - 11, cy - 4.5);
              cairo_line_to (cr, rtl ? sx + 11 : sx + LEGEND_SWATCH - 11, cy + 4.5);
              cairo_close_path (cr);
              cairo_fill (cr);
              break;
            case LEGEND_FINDING:
              for (int sv = 2; sv >= 0; sv--)
                {
                  CjmColor c;

                  cjm_render_severity_color (sv, &c);
                  cjm_render_set_color (cr, &c);
                  cairo_arc (cr, sx + 5 + (2 - sv) * 10, cy, 5, 0, 2 * G_PI);
                  cairo_fill (cr);
                }
              break;
            default:
              break;
            }
          cairo_restore (cr);

          box = (CjmRect) { tx, cy - th / 2, tw + 1, th };
          cjm_render_text (layout, cr, CJM_FONT_SMALL, e->label, &box, 1, 0, &c_text_dim);
        }
      x += w + LEGEND_SPACING;
    }

  return y + LEGEND_ROW;
}

double
cjm_render_measure_legend (CjmLayout *layout,
                           double     width)
{
  CjmRect area = { 0, 0, width, 0 };

  g_return_val_if_fail (CJM_IS_LAYOUT (layout), 0);
  return legend_flow (layout, NULL, &area);
}

double
cjm_render_draw_legend (CjmLayout     *layout,
                        cairo_t       *cr,
                        const CjmRect *area)
{
  g_return_val_if_fail (CJM_IS_LAYOUT (layout), 0);
  g_return_val_if_fail (cr != NULL && area != NULL, 0);
  return legend_flow (layout, cr, area);
}
