/* cjm-page-plan.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The plan: how many sheets, the scale, which part of the map each sheet
 * shows, where the appendix breaks. Page units are 1/96 inch, the unit of
 * the map at actual size; cjm-page-plan-private.h has the page's measures.
 */

#define G_LOG_DOMAIN "cjm-print"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "cjm-checker.h"
#include "cjm-page-plan-private.h"

G_DEFINE_FINAL_TYPE (CjmPagePlan, cjm_page_plan, G_TYPE_OBJECT)

/* The plan */

static void
cjm_page_plan_finalize (GObject *object)
{
  CjmPagePlan *self = (CjmPagePlan *) object;

  g_clear_object (&self->layout);
  g_clear_object (&self->document);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_pointer (&self->messages, g_hash_table_unref);
  g_clear_pointer (&self->appendix_breaks, g_array_unref);
  g_clear_pointer (&self->actions, g_ptr_array_unref);
  g_clear_pointer (&self->action_rows, g_array_unref);
  g_clear_pointer (&self->action_breaks, g_array_unref);
  g_clear_pointer (&self->date, g_free);

  G_OBJECT_CLASS (cjm_page_plan_parent_class)->finalize (object);
}

static void
cjm_page_plan_class_init (CjmPagePlanClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cjm_page_plan_finalize;
}

static void
cjm_page_plan_init (CjmPagePlan *self)
{
  self->appendix_breaks = g_array_new (FALSE, FALSE, sizeof (guint));
  self->action_rows = g_array_new (FALSE, FALSE, sizeof (CjmActionRow));
  self->action_breaks = g_array_new (FALSE, FALSE, sizeof (guint));
}

/* Today, or SOURCE_DATE_EPOCH for reproducible output, in the map's
 * language. */
static char *
dup_date (CjmLabels *labels)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *date = NULL;
  GDate day;

  if (epoch != NULL && g_ascii_isdigit (*epoch))
    now = g_date_time_new_from_unix_utc (g_ascii_strtoll (epoch, NULL, 10));
  if (now == NULL)
    now = g_date_time_new_now_local ();
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  date = cjm_labels_format_date (labels, &day);
  /* isolated, so that it reads the same inside right-to-left text */
  return g_strdup_printf ("\u2068%s\u2069", date);
}

/* The same finding in another list: its rule, its targets and how many
 * findings with both came before it. */
static char *
finding_key (CjmFinding *finding,
             GHashTable *seen)
{
  const char * const *targets = cjm_finding_get_targets (finding);
  GString *key = g_string_new (cjm_finding_get_rule (finding));
  guint n;

  for (guint i = 0; targets != NULL && targets[i] != NULL; i++)
    {
      g_string_append_c (key, '\037');
      g_string_append (key, targets[i]);
    }
  n = GPOINTER_TO_UINT (g_hash_table_lookup (seen, key->str));
  g_hash_table_insert (seen, g_strdup (key->str), GUINT_TO_POINTER (n + 1));
  g_string_append_printf (key, "\036%u", n);
  return g_string_free (key, FALSE);
}

/* The cover and the appendix print what the findings say in the map's
 * language: the findings the caller gave were worded in the user's, so
 * the map is checked again with its own labels and each finding takes the
 * message of its twin. */
static void
translate_messages (CjmPagePlan *self)
{
  g_autoptr(GPtrArray) worded = NULL;
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  self->messages = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  if (self->labels == NULL || self->findings->len == 0)
    return;

  worded = cjm_check_document_with_labels (self->document, self->labels);
  for (guint i = 0; i < worded->len; i++)
    {
      CjmFinding *finding = g_ptr_array_index (worded, i);

      if (!cjm_finding_get_suppressed (finding))
        g_hash_table_insert (by_key, finding_key (finding, seen), finding);
    }
  g_hash_table_remove_all (seen);
  for (guint i = 0; i < self->findings->len; i++)
    {
      CjmFinding *finding = g_ptr_array_index (self->findings, i);
      g_autofree char *key = finding_key (finding, seen);
      CjmFinding *twin = g_hash_table_lookup (by_key, key);

      if (twin != NULL)
        g_hash_table_insert (self->messages, finding, g_strdup (cjm_finding_get_message (twin)));
    }
}

const char *
cjm_page_plan_get_message (CjmPagePlan *self,
                           CjmFinding  *finding)
{
  const char *message = g_hash_table_lookup (self->messages, finding);

  return message != NULL ? message : cjm_finding_get_message (finding);
}

char *
cjm_page_plan_dup_target_names (CjmPagePlan *self,
                                CjmFinding  *finding)
{
  const char * const *targets = cjm_finding_get_targets (finding);
  GString *s = g_string_new (NULL);

  for (guint i = 0; targets != NULL && targets[i] != NULL; i++)
    {
      CjmItem *item = cjm_document_lookup (self->document, targets[i]);
      const char *text = item ? cjm_item_get_display_text (item) : NULL;

      if (s->len > 0)
        g_string_append (s, " · ");
      g_string_append (s, text != NULL && *text != '\0' ? text : targets[i]);
    }
  return g_string_free (s, FALSE);
}

double
cjm_page_plan_get_appendix_row_height (CjmPagePlan *self,
                                       CjmFinding  *finding,
                                       double       width)
{
  g_autofree char *targets = cjm_page_plan_dup_target_names (self, finding);
  double mh, th;

  cjm_layout_measure_text (self->layout, CJM_FONT_BODY, cjm_page_plan_get_message (self, finding),
                           width - 150, 0, 0, NULL, &mh);
  cjm_layout_measure_text (self->layout, CJM_FONT_SMALL, targets, width - 150, 3, 0, NULL, &th);
  return MAX (mh + 2 + th, 28) + APPENDIX_ROW_GAP;
}

static void
plan_appendix (CjmPagePlan *self)
{
  double top = MARGIN + HEADER_H + 40;
  double bottom = self->page_h - MARGIN - 20;
  double y = top;
  double width = self->page_w - 2 * MARGIN;

  g_array_set_size (self->appendix_breaks, 0);
  if (!self->setup.appendix)
    {
      self->n_appendix = 0;
      return;
    }

  g_array_append_val (self->appendix_breaks, (guint) { 0 });
  for (guint i = 0; i < self->findings->len; i++)
    {
      double h = cjm_page_plan_get_appendix_row_height (self, g_ptr_array_index (self->findings, i), width);

      if (y + h > bottom && y > top)
        {
          g_array_append_val (self->appendix_breaks, i);
          y = top;
        }
      y += h;
    }
  self->n_appendix = self->appendix_breaks->len;
}

static void
plan_map (CjmPagePlan *self)
{
  double map_w, map_h, cw, ch, aw, ah, k;
  CjmRect corner;
  guint cols, rows;

  cjm_layout_get_size (self->layout, &map_w, &map_h);
  cjm_layout_get_corner_rect (self->layout, &corner);
  self->lane_w = corner.width;
  self->header_h = corner.height;
  self->body_w = MAX (map_w - self->lane_w, 1);
  self->body_h = MAX (map_h - self->header_h, 1);

  cw = self->page_w - 2 * MARGIN;
  self->legend_h = cjm_layout_measure_legend (self->layout, (cw - PAGE_NUMBER_W) / LEGEND_SCALE) * LEGEND_SCALE;
  ch = self->page_h - 2 * MARGIN - HEADER_H - FOOTER_GAP - self->legend_h;
  self->content = (CjmRect) { MARGIN, MARGIN + HEADER_H, cw, ch };
  self->overlap = 0;
  self->tiled = FALSE;

  switch (self->setup.fit)
    {
    case CJM_FIT_PAGE:
      k = MIN (cw / map_w, ch / map_h);
      cols = rows = 1;
      break;

    case CJM_FIT_WIDTH:
      k = cw / map_w;
      ah = ch - self->header_h * k;
      cols = 1;
      rows = MAX (1, (guint) ceil (self->body_h * k / ah - 1e-6));
      break;

    case CJM_FIT_NONE:
    default:
      self->overlap = self->setup.overlap_mm * MM;
      if (self->setup.tile_columns > 0 && self->setup.tile_rows > 0)
        {
          double o = self->overlap;

          cols = self->setup.tile_columns;
          rows = self->setup.tile_rows;
          /* the largest scale at which cols × rows sheets (each repeating
           * the headers, sharing the overlap) hold the whole body */
          k = MIN ((cols * (cw - o) + o) / (self->body_w + cols * self->lane_w),
                   (rows * (ch - o) + o) / (self->body_h + rows * self->header_h));
          k = MIN (k, MAX_SCALE);
          /* when the map's shape differs from the grid's, one direction
           * needs fewer sheets: do not print empty ones */
          aw = cw - self->lane_w * k;
          ah = ch - self->header_h * k;
          cols = MIN (cols, MAX (1, (guint) ceil ((self->body_w * k - o) / (aw - o) - 1e-6)));
          rows = MIN (rows, MAX (1, (guint) ceil ((self->body_h * k - o) / (ah - o) - 1e-6)));
        }
      else
        {
          k = 1.0;  /* actual size */
          aw = cw - self->lane_w * k;
          ah = ch - self->header_h * k;
          self->overlap = MIN (self->overlap, MIN (aw, ah) / 2);
          cols = MAX (1, (guint) ceil ((self->body_w * k - self->overlap) / (aw - self->overlap) - 1e-6));
          rows = MAX (1, (guint) ceil ((self->body_h * k - self->overlap) / (ah - self->overlap) - 1e-6));
        }
      self->tiled = cols * rows > 1;
      break;
    }

  self->k = MIN (k, MAX_SCALE);
  self->columns = cols;
  self->rows = rows;
}

CjmPagePlan *
cjm_page_plan_new (CjmDocument        *document,
                   const CjmPageSetup *setup,
                   GPtrArray          *findings,
                   PangoContext       *pango_context)
{
  CjmPagePlan *self;
  CjmLayoutOptions options;
  double w_mm, h_mm;

  g_return_val_if_fail (CJM_IS_DOCUMENT (document), NULL);

  self = g_object_new (CJM_TYPE_PAGE_PLAN, NULL);
  self->document = g_object_ref (document);
  if (setup != NULL)
    self->setup = *setup;
  else
    cjm_page_setup_from_document (&self->setup, document);
  self->setup.paper = MIN (self->setup.paper, CJM_N_PAPERS - 1);

  self->findings = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      CjmFinding *finding = g_ptr_array_index (findings, i);

      if (!cjm_finding_get_suppressed (finding))
        g_ptr_array_add (self->findings, g_object_ref (finding));
    }

  cjm_layout_options_init (&options);
  options.pango_context = pango_context;
  options.show_findings = self->setup.findings && findings != NULL;
  options.findings = findings;
  options.show_legend = FALSE;      /* the pages draw it in their footer */
  self->layout = cjm_layout_new (document, &options);

  cjm_paper_get_size_mm (self->setup.paper, &w_mm, &h_mm);
  self->page_w = (self->setup.landscape ? h_mm : w_mm) * MM;
  self->page_h = (self->setup.landscape ? w_mm : h_mm) * MM;
  self->labels = cjm_layout_get_labels (self->layout);
  self->date = dup_date (self->labels);
  translate_messages (self);

  plan_map (self);
  self->n_cover = self->setup.cover ? 1 : 0;
  cjm_page_plan_actions (self);
  plan_appendix (self);

  return self;
}

const CjmPageSetup *
cjm_page_plan_get_setup (CjmPagePlan *self)
{
  g_return_val_if_fail (CJM_IS_PAGE_PLAN (self), NULL);
  return &self->setup;
}

CjmLayout *
cjm_page_plan_get_layout (CjmPagePlan *self)
{
  g_return_val_if_fail (CJM_IS_PAGE_PLAN (self), NULL);
  return self->layout;
}

guint
cjm_page_plan_get_n_pages (CjmPagePlan *self)
{
  g_return_val_if_fail (CJM_IS_PAGE_PLAN (self), 0);
  return self->n_cover + self->columns * self->rows + self->n_actions + self->n_appendix;
}

void
cjm_page_plan_get_page_size (CjmPagePlan *self,
                             double      *width,
                             double      *height)
{
  g_return_if_fail (CJM_IS_PAGE_PLAN (self));
  if (width)
    *width = self->page_w * PT_PER_UNIT;
  if (height)
    *height = self->page_h * PT_PER_UNIT;
}

CjmPageKind
cjm_page_plan_get_page_kind (CjmPagePlan *self,
                             guint        page)
{
  g_return_val_if_fail (CJM_IS_PAGE_PLAN (self), CJM_PAGE_MAP);

  if (page < self->n_cover)
    return CJM_PAGE_COVER;
  if (page < self->n_cover + self->columns * self->rows)
    return CJM_PAGE_MAP;
  if (page < self->n_cover + self->columns * self->rows + self->n_actions)
    return CJM_PAGE_ACTION_PLAN;
  return CJM_PAGE_APPENDIX;
}

void
cjm_page_plan_get_tiles (CjmPagePlan *self,
                         guint       *columns,
                         guint       *rows)
{
  g_return_if_fail (CJM_IS_PAGE_PLAN (self));
  if (columns)
    *columns = self->columns;
  if (rows)
    *rows = self->rows;
}

double
cjm_page_plan_get_scale (CjmPagePlan *self)
{
  g_return_val_if_fail (CJM_IS_PAGE_PLAN (self), 0);
  return self->k * PT_PER_UNIT;
}

char *
cjm_page_sheet_name (guint column,
                     guint row)
{
  GString *s = g_string_new (NULL);
  guint c = column;

  /* A … Z, AA, AB … */
  do
    {
      g_string_prepend_c (s, 'A' + c % 26);
      c = c / 26;
    }
  while (c-- > 0);
  g_string_append_printf (s, "%u", row + 1);
  return g_string_free (s, FALSE);
}

char *
cjm_page_plan_dup_sheet_name (CjmPagePlan *self,
                              guint        page)
{
  guint i;

  g_return_val_if_fail (CJM_IS_PAGE_PLAN (self), NULL);

  if (cjm_page_plan_get_page_kind (self, page) != CJM_PAGE_MAP)
    return NULL;
  i = page - self->n_cover;
  return cjm_page_sheet_name (i % self->columns, i / self->columns);
}
