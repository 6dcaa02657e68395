/* cjm-page-actions.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The action plan's pages, after the map: the map's opportunities in plan
 * order (cjm-plan.h), the open ones grouped by horizon and ranked, then
 * the done and dropped ones apart, one row each with its rank, title,
 * quadrant, impact, effort, reach, owner, status, due date and stage, all
 * in the map's language. Rows that do not fit go on to another page,
 * which repeats the column headings; a section's heading never ends a
 * page.
 *
 *   +--------------------------------------------------+
 *   | title                         date · personas     | header strip
 *   | Action plan                                      |
 *   | #  Action   Quadrant Impact Effort Reach Owner …  | column headings
 *   | Now                                              | a section
 *   | 1  Pay-by-link SMS  Quick win  4  2  1  Digital … | a row
 *   |                                      page 2 / 3  | footer
 *   +--------------------------------------------------+
 */

#define G_LOG_DOMAIN "cjm-print"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cjm-page-plan-private.h"
#include "cjm-plan.h"

typedef enum {
  COL_RANK,
  COL_TITLE,
  COL_QUADRANT,
  COL_IMPACT,
  COL_EFFORT,
  COL_REACH,
  COL_OWNER,
  COL_STATUS,
  COL_DUE,
  COL_STAGE,
  N_COLS
} Column;

/* Widths in page units on wide paper; the title takes the rest. On
 * narrower paper they shrink so that the title keeps a third or more. */
static const double col_width[N_COLS] = { 28, 0, 86, 52, 52, 48, 112, 88, 104, 128 };

#define COL_GAP      8.0
#define ROW_PAD      5.0
#define HEADING_GAP  12.0
#define TITLE_LINES  3
#define CELL_LINES   2

/* Static helpers */

/* Where each column starts from the start edge, and how wide it is. */
static void
column_geometry (CjmPagePlan *self,
                 double       x[N_COLS],
                 double       w[N_COLS])
{
  double width = self->page_w - 2 * MARGIN;
  double fixed = 0, k;

  for (guint c = 0; c < N_COLS; c++)
    fixed += col_width[c];
  k = MIN (1.0, (width * 2 / 3 - COL_GAP * (N_COLS - 1)) / fixed);
  for (guint c = 0; c < N_COLS; c++)
    w[c] = col_width[c] * k;
  w[COL_TITLE] = width - fixed * k - COL_GAP * (N_COLS - 1);
  x[0] = 0;
  for (guint c = 1; c < N_COLS; c++)
    x[c] = x[c - 1] + w[c - 1] + COL_GAP;
}

static const char *
column_heading (CjmLabels *labels,
                Column     column)
{
  switch (column)
    {
    case COL_RANK: return "#";
    case COL_TITLE: return cjm_labels_gettext (labels, "Action");
    case COL_QUADRANT: return cjm_labels_gettext (labels, "Quadrant");
    case COL_IMPACT: return cjm_labels_gettext (labels, "Impact");
    case COL_EFFORT: return cjm_labels_gettext (labels, "Effort");
    case COL_REACH: return cjm_labels_gettext (labels, "Reach");
    case COL_OWNER: return cjm_labels_gettext (labels, "Owner");
    case COL_STATUS: return cjm_labels_gettext (labels, "Status");
    case COL_DUE: return cjm_labels_gettext (labels, "Due");
    case COL_STAGE: return cjm_labels_gettext (labels, "Stage");
    case N_COLS:
    default: g_return_val_if_reached ("");
    }
}

static char *
number_or_dash (int value)
{
  return value > 0 ? g_strdup_printf ("%d", value) : g_strdup ("–");
}

/* What a cell of an action's row says; newly allocated. */
static char *
cell_text (CjmPagePlan        *self,
           const CjmActionRow *row,
           Column              column)
{
  const CjmPlanEntry *entry = g_ptr_array_index (self->actions, row->entry);
  GDate due;

  switch (column)
    {
    case COL_RANK:
      return row->rank > 0 ? g_strdup_printf ("%u", row->rank) : g_strdup ("");
    case COL_TITLE:
      return cjm_plan_entry_dup_title (entry, self->labels);
    case COL_QUADRANT:
      return g_strdup (cjm_quadrant_get_label_for (entry->quadrant, self->labels));
    case COL_IMPACT:
      return number_or_dash (entry->impact);
    case COL_EFFORT:
      return number_or_dash (entry->effort);
    case COL_REACH:
      return g_strdup_printf ("%u", entry->reach);
    case COL_OWNER:
      return g_strdup (entry->owner != NULL ? entry->owner : "–");
    case COL_STATUS:
      return g_strdup (cjm_status_get_label_for (entry->status, self->labels));
    case COL_DUE:
      g_date_clear (&due, 1);
      if (!cjm_plan_parse_date (entry->due, &due))
        return g_strdup ("–");
      return cjm_labels_format_date (self->labels, &due);
    case COL_STAGE:
      {
        g_autofree char *stage = cjm_plan_entry_dup_stage_name (self->document, entry);

        return *stage != '\0' ? g_steal_pointer (&stage) : g_strdup ("–");
      }
    case N_COLS:
    default:
      g_return_val_if_reached (g_strdup (""));
    }
}

static CjmFont
cell_font (Column column)
{
  return column == COL_TITLE ? CJM_FONT_BODY : CJM_FONT_SMALL;
}

static CjmTextFlags
cell_flags (Column column)
{
  return column == COL_IMPACT || column == COL_EFFORT || column == COL_REACH ? CJM_TEXT_CENTER : 0;
}

static double
row_height (CjmPagePlan        *self,
            const CjmActionRow *row,
            const double        w[N_COLS])
{
  double height = 0;

  if (row->entry < 0)
    return cjm_layout_get_line_height (self->layout, CJM_FONT_LANE) + HEADING_GAP;
  for (guint c = 0; c < N_COLS; c++)
    {
      g_autofree char *text = cell_text (self, row, c);
      double h;

      cjm_layout_measure_text (self->layout, cell_font (c), text, w[c],
                               c == COL_TITLE ? TITLE_LINES : CELL_LINES, cell_flags (c), NULL, &h);
      height = MAX (height, h);
    }
  return height + 2 * ROW_PAD;
}

/* The top of the rows on a plan page: under the header strip, the page's
 * heading and the column headings. */
static double
rows_top (CjmPagePlan *self)
{
  return MARGIN + HEADER_H + 40 + cjm_layout_get_line_height (self->layout, CJM_FONT_SMALL_BOLD)
         + 2 * ROW_PAD;
}

static double
rows_bottom (CjmPagePlan *self)
{
  return self->page_h - MARGIN - 24;
}

/* The rectangle of a column in a row, mirrored in a right-to-left map. */
static CjmRect
cell_box (CjmPagePlan  *self,
          const double  x[N_COLS],
          const double  w[N_COLS],
          Column        column,
          double        y,
          double        height)
{
  double width = self->page_w - 2 * MARGIN;
  double cx = cjm_layout_is_rtl (self->layout) ? MARGIN + width - x[column] - w[column]
                                                : MARGIN + x[column];

  return (CjmRect) { cx, y, w[column], height };
}

/* Private API */

void
cjm_page_plan_actions (CjmPagePlan *self)
{
  double x[N_COLS], w[N_COLS];
  double top = rows_top (self), bottom = rows_bottom (self), y = top;
  guint rank = 0;

  g_array_set_size (self->action_rows, 0);
  g_array_set_size (self->action_breaks, 0);
  self->n_actions = 0;
  if (!self->setup.plan || cjm_document_get_n_items (self->document, CJM_KIND_OPPORTUNITY) == 0)
    return;

  self->actions = cjm_plan_new (self->document);
  column_geometry (self, x, w);
  for (guint i = 0; i < self->actions->len; i++)
    {
      const CjmPlanEntry *entry = g_ptr_array_index (self->actions, i);
      const char *heading = cjm_plan_get_section_heading (self->actions, i, self->labels);
      CjmActionRow row = { (int) i, entry->open ? ++rank : 0, NULL, 0 };

      if (heading != NULL)
        {
          CjmActionRow head = { -1, 0, heading, 0 };

          head.height = row_height (self, &head, w);
          g_array_append_val (self->action_rows, head);
        }
      row.height = row_height (self, &row, w);
      g_array_append_val (self->action_rows, row);
    }

  g_array_append_val (self->action_breaks, (guint) { 0 });
  for (guint i = 0; i < self->action_rows->len; i++)
    {
      const CjmActionRow *row = &g_array_index (self->action_rows, CjmActionRow, i);
      double h = row->height;

      /* a heading goes with the row under it */
      if (row->entry < 0 && i + 1 < self->action_rows->len)
        h += g_array_index (self->action_rows, CjmActionRow, i + 1).height;
      if (y + h > bottom && y > top)
        {
          g_array_append_val (self->action_breaks, i);
          y = top;
        }
      y += row->height;
    }
  self->n_actions = self->action_breaks->len;
}

void
cjm_page_draw_actions (CjmPagePlan *self,
                       cairo_t     *cr,
                       guint        page)
{
  CjmLayout *layout = self->layout;
  guint a = page - self->n_cover - self->columns * self->rows;
  guint first = g_array_index (self->action_breaks, guint, a);
  guint last = a + 1 < self->action_breaks->len ? g_array_index (self->action_breaks, guint, a + 1)
                                                 : self->action_rows->len;
  double width = self->page_w - 2 * MARGIN;
  double x[N_COLS], w[N_COLS];
  double y = MARGIN + HEADER_H + 8;
  double head_h = cjm_layout_get_line_height (layout, CJM_FONT_SMALL_BOLD);
  CjmRect box;

  column_geometry (self, x, w);
  cjm_page_draw_header_strip (self, cr, NULL);

  box = (CjmRect) { MARGIN, y, width, 0 };
  cjm_render_text (layout, cr, CJM_FONT_STAGE,
                   a == 0 ? cjm_labels_gettext (self->labels, "Action plan")
                          : cjm_labels_gettext (self->labels, "Action plan (continued)"),
                   &box, 1, 0, &c_page_text);

  /* the column headings, repeated on every page */
  y = MARGIN + HEADER_H + 40;
  for (guint c = 0; c < N_COLS; c++)
    {
      box = cell_box (self, x, w, c, y + ROW_PAD, head_h);
      cjm_render_text (layout, cr, CJM_FONT_SMALL_BOLD, column_heading (self->labels, c), &box, 1,
                       cell_flags (c), &c_page_dim);
    }
  y += head_h + 2 * ROW_PAD;
  cjm_render_set_color (cr, &c_page_text);
  cairo_rectangle (cr, MARGIN, y - 1, width, 1);
  cairo_fill (cr);

  for (guint i = first; i < last; i++)
    {
      const CjmActionRow *row = &g_array_index (self->action_rows, CjmActionRow, i);

      if (row->entry < 0)
        {
          double line = cjm_layout_get_line_height (layout, CJM_FONT_LANE);
          gboolean rtl = cjm_layout_is_rtl (layout);

          cjm_render_set_color (cr, &c_page_accent);
          cairo_rectangle (cr, rtl ? MARGIN + width - 4 : MARGIN, y + HEADING_GAP, 4, line);
          cairo_fill (cr);
          box = (CjmRect) { rtl ? MARGIN : MARGIN + 12, y + HEADING_GAP, width - 12, line };
          cjm_render_text (layout, cr, CJM_FONT_LANE, row->heading, &box, 1, 0, &c_page_text);
        }
      else
        {
          for (guint c = 0; c < N_COLS; c++)
            {
              g_autofree char *text = cell_text (self, row, c);

              box = cell_box (self, x, w, c, y + ROW_PAD, row->height - 2 * ROW_PAD);
              cjm_render_text (layout, cr, cell_font (c), text, &box,
                               c == COL_TITLE ? TITLE_LINES : CELL_LINES, cell_flags (c),
                               c == COL_RANK ? &c_page_dim : &c_page_text);
            }
          cjm_render_set_color (cr, &c_page_rule);
          cairo_rectangle (cr, MARGIN, y + row->height - 0.75, width, 0.75);
          cairo_fill (cr);
        }
      y += row->height;
    }

  cjm_page_draw_footer (self, cr, page, FALSE);
}
