/* cjm-layout-legend.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The legend: personas' curves, feelings, lane kinds and the marks used,
 * and where each goes in rows of a given width. Geometry only: the
 * renderer draws the entries where this flow put them.
 */

#define G_LOG_DOMAIN "cjm-draw"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cjm-kinds.h"
#include "cjm-layout-private.h"
#include "cjm-style-private.h"

/* The legend */

/* This file's short names for the entries. */
typedef CjmLegendEntry LegendEntry;

#define LEGEND_PERSONA  CJM_LEGEND_PERSONA
#define LEGEND_TARGET   CJM_LEGEND_TARGET
#define LEGEND_FACES    CJM_LEGEND_FACES
#define LEGEND_LANE     CJM_LEGEND_LANE
#define LEGEND_MOT      CJM_LEGEND_MOT
#define LEGEND_EVIDENCE CJM_LEGEND_EVIDENCE
#define LEGEND_LINK     CJM_LEGEND_LINK
#define LEGEND_FINDING  CJM_LEGEND_FINDING

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
  CjmLabels *labels = cjm_layout_get_labels (layout);
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

  e = (LegendEntry) { LEGEND_FACES, g_strdup (cjm_labels_gettext (labels, "Feeling, −3 to +3")) };
  g_array_append_val (entries, e);
  for (guint i = 0; i < personas->len; i++)
    {
      CjmItem *persona = g_ptr_array_index (personas, i);

      e = (LegendEntry) { LEGEND_PERSONA, g_strdup (cjm_item_get_display_text (persona)) };
      cjm_style_get_persona_color (persona, i, &e.color);
      g_array_append_val (entries, e);
    }
  if (any_target)
    {
      e = (LegendEntry) { LEGEND_TARGET,
                          g_strdup (cjm_labels_gettext (labels, "Target feeling (to-be)")) };
      cjm_style_get_persona_color (personas->len > 0 ? g_ptr_array_index (personas, 0) : NULL, 0, &e.color);
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
              : cjm_lane_kind_get_default_name_for (lane->kind, labels);
      g_hash_table_add (seen, g_steal_pointer (&key));
      e = (LegendEntry) { LEGEND_LANE, NULL };
      if (label != NULL)
        e.label = g_strdup (label);
      else
        {
          /* the kind of channel in words, never the raw attribute: a
           * kind FORMAT.md does not name is shown by its lane's name */
          const char *type = cjm_channel_get_label (channel, labels);

          /* Translators: a channel lane in the legend, e.g. "Channel: Website" */
          e.label = g_strdup_printf (cjm_labels_gettext (labels, "Channel: %s"),
                                     type ? type : cjm_item_get_display_text (lane->item));
        }
      e.lane = lane->item;
      g_array_append_val (entries, e);
    }

  if (any_mot)
    {
      e = (LegendEntry) { LEGEND_MOT, g_strdup (cjm_labels_gettext (labels, "Moment of truth")) };
      g_array_append_val (entries, e);
    }
  if (any_assumed || any_proposed)
    {
      e = (LegendEntry) { LEGEND_EVIDENCE,
                          g_strdup (cjm_labels_gettext (labels, "Assumed or proposed step")) };
      g_array_append_val (entries, e);
    }
  if (cjm_layout_get_n_links (layout) > 0)
    {
      e = (LegendEntry) { LEGEND_LINK, g_strdup (cjm_labels_gettext (labels, "Leads to")) };
      g_array_append_val (entries, e);
    }
  if (cjm_layout_get_show_findings (layout))
    {
      const char *label = cjm_labels_gettext (labels, "Findings: error, warning, note");

      e = (LegendEntry) { LEGEND_FINDING, g_strdup (label) };
      g_array_append_val (entries, e);
    }

  return entries;
}

/* Places the title and the entries in rows of the given width. */
GArray *
cjm_layout_flow_legend (CjmLayout *layout,
                        double     width,
                        double    *height)
{
  GArray *entries = legend_entries (layout);
  LegendEntry heading = { CJM_LEGEND_TITLE };
  double title_w, title_h;
  double x = 0, y = 0;
  const char *title = cjm_labels_gettext (cjm_layout_get_labels (layout), "Legend");

  cjm_layout_measure_text (layout, CJM_FONT_SMALL_BOLD, title, -1, 1, 0, &title_w, &title_h);
  heading.label = g_strdup (title);
  heading.width = heading.label_width = title_w;
  heading.label_height = title_h;
  x = title_w + CJM_M_LEGEND_SPACING;

  for (guint i = 0; i < entries->len; i++)
    {
      LegendEntry *e = &g_array_index (entries, LegendEntry, i);

      cjm_layout_measure_text (layout, CJM_FONT_SMALL, e->label, -1, 1, 0, &e->label_width,
                               &e->label_height);
      e->width = cjm_legend_entry_mark_width (e) + 6 + e->label_width;
      if (x > 0 && x + e->width > width)
        {
          x = 0;
          y += CJM_M_LEGEND_ROW;
        }
      e->x = x;
      e->y = y;
      x += e->width + CJM_M_LEGEND_SPACING;
    }
  g_array_prepend_val (entries, heading);

  if (height != NULL)
    *height = y + CJM_M_LEGEND_ROW;
  return entries;
}

double
cjm_layout_measure_legend (CjmLayout *layout,
                           double     width)
{
  g_autoptr(GArray) entries = NULL;
  double height;

  g_return_val_if_fail (CJM_IS_LAYOUT (layout), 0);

  entries = cjm_layout_flow_legend (layout, width, &height);
  return height;
}
