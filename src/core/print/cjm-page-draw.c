/* cjm-page-draw.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drawing the pages of a plan: the header strip (title, date, personas),
 * the footer (legend, page number), the map sheets with their crop marks
 * and assembly labels, the cover and the findings appendix (the action
 * plan's pages are in cjm-page-actions.c).
 *
 * Pages are drawn in "page units": 1/96 inch, the same unit as the map at
 * actual size, so that the layout's fonts have their true point size on
 * paper. The cairo_t the caller gives is in points; we scale by 0.75.
 *
 * A map sheet:
 *
 *   +--------------------------------------------------+
 *   | margin (assembly label "continues on A1" when tiled)
 *   | title                         date · personas     | header strip
 *   | corner | stage headers (repeated)                 |
 *   | lane   | body: this sheet's part of the cells     |
 *   | heads  |                                          |
 *   | legend                                page 3 / 8  | footer
 *   +--------------------------------------------------+
 */

#define G_LOG_DOMAIN "cjm-print"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "cjm-page-plan-private.h"

/* Drawing */

void
cjm_page_draw_header_strip (CjmPagePlan *self,
                            cairo_t     *cr,
                            const char  *extra)
{
  CjmLayout *layout = self->layout;
  gboolean rtl = cjm_layout_is_rtl (layout);
  const char *title = cjm_item_get_field (cjm_document_get_map (self->document), CJM_FIELD_TITLE);
  GPtrArray *personas = cjm_document_get_items (self->document, CJM_KIND_PERSONA);
  GString *right = g_string_new (self->date);
  double w = self->page_w - 2 * MARGIN;
  double rw, th;
  CjmRect box;

  for (guint i = 0; i < personas->len; i++)
    {
      g_string_append (right, i == 0 ? "  ·  " : ", ");
      g_string_append (right, cjm_item_get_display_text (g_ptr_array_index (personas, i)));
    }
  if (extra != NULL)
    {
      g_string_append (right, "  ·  ");
      g_string_append (right, extra);
    }

  cjm_layout_measure_text (layout, CJM_FONT_SMALL, right->str, w * 0.5, 1, CJM_TEXT_END, &rw, &th);
  box = (CjmRect) { rtl ? MARGIN : MARGIN + w - w * 0.5, MARGIN + 6, w * 0.5, th };
  cjm_render_text (layout, cr, CJM_FONT_SMALL, right->str, &box, 1, CJM_TEXT_END, &c_page_dim);

  box = (CjmRect) { rtl ? MARGIN + rw + 24 : MARGIN, MARGIN, w - rw - 24, HEADER_H };
  cjm_render_text (layout, cr, CJM_FONT_MAP_TITLE, title ? title : "", &box, 1, 0, &c_page_text);

  cjm_render_set_color (cr, &c_page_accent);
  cairo_rectangle (cr, MARGIN, MARGIN + HEADER_H - 8, w, 1.5);
  cairo_fill (cr);
  g_string_free (right, TRUE);
  (void) th;
}

void
cjm_page_draw_footer (CjmPagePlan *self,
                      cairo_t     *cr,
                      guint        page,
                      gboolean     legend)
{
  CjmLayout *layout = self->layout;
  gboolean rtl = cjm_layout_is_rtl (layout);
  double w = self->page_w - 2 * MARGIN;
  double y = self->page_h - MARGIN - self->legend_h;
  /* Translators: page number in the footer of printed pages */
  g_autofree char *number = g_strdup_printf (cjm_labels_gettext (self->labels, "Page %u of %u"),
                                             page + 1, cjm_page_plan_get_n_pages (self));
  double th;
  CjmRect box;

  if (legend)
    {
      CjmRect area = { 0, 0, (w - PAGE_NUMBER_W) / LEGEND_SCALE, self->legend_h / LEGEND_SCALE };

      cairo_save (cr);
      cairo_translate (cr, rtl ? MARGIN + PAGE_NUMBER_W : MARGIN, y);
      cairo_scale (cr, LEGEND_SCALE, LEGEND_SCALE);
      cjm_render_draw_legend (layout, cr, &area, NULL);
      cairo_restore (cr);
    }

  cjm_layout_measure_text (layout, CJM_FONT_SMALL, number, PAGE_NUMBER_W, 1, CJM_TEXT_END, NULL, &th);
  box = (CjmRect) { rtl ? MARGIN : MARGIN + w - PAGE_NUMBER_W, self->page_h - MARGIN - th - 4, PAGE_NUMBER_W, th };
  cjm_render_text (layout, cr, CJM_FONT_SMALL, number, &box, 1, CJM_TEXT_END, &c_page_dim);
}

/* A label in the margin: horizontal at the top and bottom, turned along
 * the side edges. */
static void
draw_margin_label (CjmPagePlan *self,
                   cairo_t     *cr,
                   const char  *text,
                   int          edge)    /* 0 top, 1 right, 2 bottom, 3 left */
{
  double tw, th;
  CjmRect box;

  cjm_layout_measure_text (self->layout, CJM_FONT_CAPTION, text, -1, 1, 0, &tw, &th);
  tw += 2;
  cairo_save (cr);
  switch (edge)
    {
    case 0:
      cairo_translate (cr, self->page_w / 2 - tw / 2, (MARGIN - th) / 2);
      break;
    case 2:
      cairo_translate (cr, self->page_w / 2 - tw / 2, self->page_h - (MARGIN + th) / 2);
      break;
    case 1:
      cairo_translate (cr, self->page_w - (MARGIN - th) / 2, self->page_h / 2 - tw / 2);
      cairo_rotate (cr, G_PI / 2);
      break;
    case 3:
    default:
      cairo_translate (cr, (MARGIN - th) / 2, self->page_h / 2 + tw / 2);
      cairo_rotate (cr, -G_PI / 2);
      break;
    }
  box = (CjmRect) { 0, 0, tw, th };
  cjm_render_text (self->layout, cr, CJM_FONT_CAPTION, text, &box, 1, CJM_TEXT_CENTER, &c_page_dim);
  cairo_restore (cr);
}

static void
draw_crop_marks (cairo_t       *cr,
                 const CjmRect *r)
{
  const double gap = 3, len = 12;
  double xs[2] = { r->x, r->x + r->width };
  double ys[2] = { r->y, r->y + r->height };

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, 0.5);
  for (int i = 0; i < 2; i++)
    for (int j = 0; j < 2; j++)
      {
        double dx = i == 0 ? -1 : 1, dy = j == 0 ? -1 : 1;

        cairo_move_to (cr, xs[i] + dx * gap, ys[j]);
        cairo_line_to (cr, xs[i] + dx * (gap + len), ys[j]);
        cairo_move_to (cr, xs[i], ys[j] + dy * gap);
        cairo_line_to (cr, xs[i], ys[j] + dy * (gap + len));
      }
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_map_sheet (CjmPagePlan *self,
                cairo_t     *cr,
                guint        page)
{
  CjmLayout *layout = self->layout;
  gboolean rtl = cjm_layout_is_rtl (layout);
  guint i = page - self->n_cover;
  guint col = i % self->columns, row = i / self->columns;
  double k = self->k;
  double lane_w = self->lane_w * k, header_h = self->header_h * k;
  double aw = self->content.width - lane_w;
  double ah = self->content.height - header_h;
  double step_w, step_h, bx, by, map_w, sheet_x, lane_x, body_x;
  CjmRenderOptions options;
  CjmRect body;
  g_autofree char *name = cjm_page_sheet_name (col, row);
  g_autofree char *extra = NULL;

  cjm_layout_get_size (layout, &map_w, NULL);
  cjm_render_options_init (&options);
  options.print = TRUE;
  options.draw_findings = self->setup.findings;

  if (self->columns == 1 && self->rows == 1)
    {
      /* the map alone: centred across the page */
      aw = MIN (aw, self->body_w * k);
      ah = MIN (ah, self->body_h * k);
    }
  else if (self->columns == 1)
    aw = MIN (aw, self->body_w * k);

  step_w = aw - (self->columns > 1 ? self->overlap : 0);
  step_h = ah - (self->rows > 1 ? self->overlap : 0);
  sheet_x = self->content.x + (self->content.width - lane_w - aw) / 2 * (self->columns == 1 ? 1 : 0);

  /* the part of the body (map units) shown on this sheet */
  by = self->header_h + row * step_h / k;
  if (!rtl)
    {
      bx = self->lane_w + col * step_w / k;
      lane_x = sheet_x;
      body_x = sheet_x + lane_w;
    }
  else
    {
      bx = map_w - self->lane_w - col * step_w / k - aw / k;
      body_x = sheet_x;
      lane_x = sheet_x + aw;
    }
  body = (CjmRect) { body_x, self->content.y + header_h, aw, ah };

  if (self->tiled)
    extra = g_strdup_printf (cjm_labels_gettext (self->labels, "Sheet %s"), name);
  cjm_page_draw_header_strip (self, cr, extra);

  /* body */
  cairo_save (cr);
  cairo_rectangle (cr, body.x, body.y, body.width, body.height);
  cairo_clip (cr);
  cairo_translate (cr, body.x, body.y);
  cairo_scale (cr, k, k);
  cairo_translate (cr, -bx, -by);
  cjm_render_draw (layout, self->document, cr, &options);
  cairo_restore (cr);

  /* stage header row, repeated */
  cairo_save (cr);
  cairo_rectangle (cr, body.x, self->content.y, body.width, header_h);
  cairo_clip (cr);
  cairo_translate (cr, body.x, self->content.y);
  cairo_scale (cr, k, k);
  cairo_translate (cr, -bx, 0);
  cjm_render_draw_headers (layout, cr, &options);
  cairo_restore (cr);

  /* lane header column, repeated */
  cairo_save (cr);
  cairo_rectangle (cr, lane_x, body.y, lane_w, body.height);
  cairo_clip (cr);
  cairo_translate (cr, lane_x, body.y);
  cairo_scale (cr, k, k);
  cairo_translate (cr, rtl ? -(map_w - self->lane_w) : 0, -by);
  cjm_render_draw_headers (layout, cr, &options);
  cairo_restore (cr);

  /* corner */
  cairo_save (cr);
  cairo_rectangle (cr, lane_x, self->content.y, lane_w, header_h);
  cairo_clip (cr);
  cairo_translate (cr, lane_x, self->content.y);
  cairo_scale (cr, k, k);
  cairo_translate (cr, rtl ? -(map_w - self->lane_w) : 0, 0);
  cjm_render_draw_corner (layout, cr, &options);
  cairo_restore (cr);

  cairo_save (cr);
  cjm_render_set_color (cr, &c_page_rule);
  cairo_set_line_width (cr, 0.75);
  cairo_rectangle (cr, MIN (lane_x, body.x), self->content.y, aw + lane_w, header_h + ah);
  cairo_stroke (cr);
  cairo_restore (cr);

  if (self->tiled)
    {
      /* where this sheet meets its neighbours */
      const char *fmt = cjm_labels_gettext (self->labels, "continues on %s");
      int start_edge = rtl ? 1 : 3, end_edge = rtl ? 3 : 1;

      draw_crop_marks (cr, &body);
      if (row > 0)
        {
          g_autofree char *n = cjm_page_sheet_name (col, row - 1);
          g_autofree char *t = g_strdup_printf (fmt, n);
          draw_margin_label (self, cr, t, 0);
        }
      if (row + 1 < self->rows)
        {
          g_autofree char *n = cjm_page_sheet_name (col, row + 1);
          g_autofree char *t = g_strdup_printf (fmt, n);
          draw_margin_label (self, cr, t, 2);
        }
      if (col > 0)
        {
          g_autofree char *n = cjm_page_sheet_name (col - 1, row);
          g_autofree char *t = g_strdup_printf (fmt, n);
          draw_margin_label (self, cr, t, start_edge);
        }
      if (col + 1 < self->columns)
        {
          g_autofree char *n = cjm_page_sheet_name (col + 1, row);
          g_autofree char *t = g_strdup_printf (fmt, n);
          draw_margin_label (self, cr, t, end_edge);
        }

      /* the overlap strips the next sheets cover */
      if (self->overlap > 0)
        {
          const double dash[] = { 3, 3 };

          cairo_save (cr);
          cairo_set_source_rgba (cr, 0, 0, 0, 0.35);
          cairo_set_line_width (cr, 0.5);
          cairo_set_dash (cr, dash, 2, 0);
          if (col + 1 < self->columns)
            {
              double x = rtl ? body.x + self->overlap : body.x + body.width - self->overlap;

              cairo_move_to (cr, x, body.y);
              cairo_line_to (cr, x, body.y + body.height);
            }
          if (row + 1 < self->rows)
            {
              cairo_move_to (cr, body.x, body.y + body.height - self->overlap);
              cairo_line_to (cr, body.x + body.width, body.y + body.height - self->overlap);
            }
          cairo_stroke (cr);
          cairo_restore (cr);
        }
    }

  cjm_page_draw_footer (self, cr, page, TRUE);
}

static void
count_severities (CjmPagePlan *self,
                  guint        counts[3])
{
  counts[0] = counts[1] = counts[2] = 0;
  for (guint i = 0; i < self->findings->len; i++)
    {
      CjmSeverity s = cjm_finding_get_severity (g_ptr_array_index (self->findings, i));

      counts[MIN (s, 2)]++;
    }
}

static double
draw_severity_dot (cairo_t *cr,
                   double   x,
                   double   y,
                   int      severity)
{
  CjmColor c;

  cjm_style_get_severity_color (severity, &c);
  cjm_render_set_color (cr, &c);
  cairo_arc (cr, x, y, 5, 0, 2 * G_PI);
  cairo_fill (cr);
  return 10;
}

static void
draw_cover (CjmPagePlan *self,
            cairo_t     *cr,
            guint        page)
{
  CjmLayout *layout = self->layout;
  CjmLabels *labels = self->labels;
  CjmItem *map = cjm_document_get_map (self->document);
  gboolean rtl = cjm_layout_is_rtl (layout);
  GPtrArray *personas = cjm_document_get_items (self->document, CJM_KIND_PERSONA);
  double w = self->page_w - 2 * MARGIN;
  double y = MARGIN + 10;
  const char *text;
  g_autofree char *title = NULL;
  CjmRect box;
  guint counts[3];
  double map_w, map_h;

  text = cjm_item_get_field (map, CJM_FIELD_TITLE);
  title = g_markup_printf_escaped ("<span font=\"Sans Bold 28\">%s</span>", text ? text : "");
  box = (CjmRect) { MARGIN, y, w, 0 };
  y += cjm_render_text (layout, cr, CJM_FONT_HEADING, title, &box, 2, CJM_TEXT_MARKUP, &c_page_text) + 8;

  text = cjm_item_get_field (map, CJM_FIELD_DESCRIPTION);
  if (text != NULL && *text != '\0')
    {
      box = (CjmRect) { MARGIN, y, w, 0 };
      y += cjm_render_text (layout, cr, CJM_FONT_BODY, text, &box, 4, 0, &c_page_dim) + 6;
    }
  {
    const char *author = cjm_item_get_field (map, CJM_FIELD_AUTHOR);
    g_autofree char *line = author && *author ? g_strdup_printf ("%s  ·  %s", author, self->date)
                                              : g_strdup (self->date);

    box = (CjmRect) { MARGIN, y, w, 0 };
    y += cjm_render_text (layout, cr, CJM_FONT_SMALL, line, &box, 1, 0, &c_page_dim) + 14;
  }
  cjm_render_set_color (cr, &c_page_accent);
  cairo_rectangle (cr, MARGIN, y, w, 2);
  cairo_fill (cr);
  y += 18;

  /* personas, side by side */
  if (personas->len > 0)
    {
      guint n = MIN (personas->len, 4);
      double pw = (w - (n - 1) * 20) / n;
      double row_h = 0;

      box = (CjmRect) { MARGIN, y, w, 0 };
      y += cjm_render_text (layout, cr, CJM_FONT_LANE,
                            personas->len > 1 ? cjm_labels_gettext (labels, "Personas")
                                              : cjm_labels_gettext (labels, "Persona"),
                            &box, 1, 0, &c_page_text) + 8;
      for (guint i = 0; i < personas->len; i++)
        {
          CjmItem *p = g_ptr_array_index (personas, i);
          guint slot = i % n;
          double px = rtl ? MARGIN + w - (slot + 1) * pw - slot * 20 : MARGIN + slot * (pw + 20);
          double py = y, h;
          const char *desc = cjm_item_get_field (p, CJM_FIELD_DESCRIPTION);
          const char *goal = cjm_item_get_field (p, CJM_FIELD_GOAL);
          CjmColor color;

          if (slot == 0 && i > 0)
            {
              y += row_h + 12;
              py = y;
              row_h = 0;
            }
          cjm_style_get_persona_color (p, i, &color);
          cjm_render_set_color (cr, &color);
          cairo_rectangle (cr, rtl ? px + pw - 4 : px, py, 4, 60);
          cairo_fill (cr);
          box = (CjmRect) { rtl ? px : px + 14, py, pw - 14, 0 };
          h = cjm_render_text (layout, cr, CJM_FONT_LANE, cjm_item_get_display_text (p), &box, 1, 0, &c_page_text) + 2;
          if (desc != NULL && *desc != '\0')
            {
              box.y = py + h;
              h += cjm_render_text (layout, cr, CJM_FONT_SMALL, desc, &box, 3, 0, &c_page_dim) + 2;
            }
          if (goal != NULL && *goal != '\0')
            {
              const char *label = cjm_labels_gettext (labels, "Goal:");
              g_autofree char *g = g_markup_printf_escaped ("<b>%s</b> %s", label, goal);

              box.y = py + h;
              h += cjm_render_text (layout, cr, CJM_FONT_SMALL, g, &box, 3, CJM_TEXT_MARKUP, &c_page_text);
            }
          row_h = MAX (row_h, MAX (h, 60));
        }
      y += row_h + 18;
    }

  /* findings summary */
  box = (CjmRect) { MARGIN, y, w, 0 };
  y += cjm_render_text (layout, cr, CJM_FONT_LANE, cjm_labels_gettext (labels, "Findings"), &box, 1,
                        0, &c_page_text) + 8;
  count_severities (self, counts);
  if (self->findings->len == 0)
    {
      const char *none = cjm_labels_gettext (labels, "No findings: the channels agree.");

      box = (CjmRect) { MARGIN, y, w, 0 };
      y += cjm_render_text (layout, cr, CJM_FONT_BODY, none, &box, 1, 0, &c_page_dim) + 12;
    }
  else
    {
      const char *error_format = cjm_labels_ngettext (labels, "%u error", "%u errors", counts[2]);
      g_autofree char *errors = g_strdup_printf (error_format, counts[2]);
      g_autofree char *warnings = g_strdup_printf (cjm_labels_ngettext (labels, "%u warning",
                                                                        "%u warnings", counts[1]),
                                                   counts[1]);
      g_autofree char *notes = g_strdup_printf (cjm_labels_ngettext (labels, "%u note", "%u notes",
                                                                     counts[0]), counts[0]);
      g_autofree char *line = g_strdup_printf ("%s  ·  %s  ·  %s", errors, warnings, notes);
      guint shown = 0;

      box = (CjmRect) { MARGIN, y, w, 0 };
      y += cjm_render_text (layout, cr, CJM_FONT_BODY, line, &box, 1, 0, &c_page_text) + 8;
      for (guint i = 0; i < self->findings->len && shown < 8; i++, shown++)
        {
          CjmFinding *f = g_ptr_array_index (self->findings, i);
          g_autofree char *msg = g_markup_printf_escaped ("<b>%s</b>  %s", cjm_finding_get_rule (f),
                                                          cjm_page_plan_get_message (self, f));

          draw_severity_dot (cr, rtl ? MARGIN + w - 5 : MARGIN + 5, y + 7, cjm_finding_get_severity (f));
          box = (CjmRect) { rtl ? MARGIN : MARGIN + 16, y, w - 16, 0 };
          y += cjm_render_text (layout, cr, CJM_FONT_SMALL, msg, &box, 1, CJM_TEXT_MARKUP, &c_page_text) + 4;
        }
      if (self->findings->len > shown)
        {
          guint rest = self->findings->len - shown;
          g_autofree char *more = g_strdup_printf (cjm_labels_ngettext (labels, "… and %u more",
                                                                        "… and %u more", rest),
                                                   rest);

          box = (CjmRect) { rtl ? MARGIN : MARGIN + 16, y, w - 16, 0 };
          y += cjm_render_text (layout, cr, CJM_FONT_SMALL, more, &box, 1, 0, &c_page_dim) + 4;
        }
      y += 12;
    }

  /* the whole map, small */
  cjm_layout_get_size (layout, &map_w, &map_h);
  {
    double avail_h = self->page_h - MARGIN - 30 - y;
    double k = MIN (w / map_w, avail_h / map_h);

    if (k > 0.05)
      {
        CjmRenderOptions options;
        double x = MARGIN + (w - map_w * k) / 2;

        cjm_render_options_init (&options);
        options.print = TRUE;
        cairo_save (cr);
        cairo_rectangle (cr, x, y, map_w * k, map_h * k);
        cairo_clip (cr);
        cairo_translate (cr, x, y);
        cairo_scale (cr, k, k);
        cjm_render_draw (layout, self->document, cr, &options);
        cairo_restore (cr);
        cjm_render_set_color (cr, &c_page_rule);
        cairo_set_line_width (cr, 0.75);
        cairo_rectangle (cr, x, y, map_w * k, map_h * k);
        cairo_stroke (cr);
      }
  }

  cjm_page_draw_footer (self, cr, page, FALSE);
}

static void
draw_appendix (CjmPagePlan *self,
               cairo_t     *cr,
               guint        page)
{
  CjmLayout *layout = self->layout;
  gboolean rtl = cjm_layout_is_rtl (layout);
  guint a = page - self->n_cover - self->columns * self->rows - self->n_actions;
  guint first = g_array_index (self->appendix_breaks, guint, a);
  guint last = a + 1 < self->appendix_breaks->len ? g_array_index (self->appendix_breaks, guint, a + 1)
                                                   : self->findings->len;
  double w = self->page_w - 2 * MARGIN;
  double y = MARGIN + HEADER_H + 8;
  CjmRect box;

  cjm_page_draw_header_strip (self, cr, NULL);
  box = (CjmRect) { MARGIN, y, w, 0 };
  cjm_render_text (layout, cr, CJM_FONT_STAGE,
                   a == 0 ? cjm_labels_gettext (self->labels, "Findings")
                          : cjm_labels_gettext (self->labels, "Findings (continued)"), &box, 1, 0,
                   &c_page_text);
  y = MARGIN + HEADER_H + 40;

  if (self->findings->len == 0)
    {
      const char *none = cjm_labels_gettext (self->labels, "No findings: the channels agree.");

      box = (CjmRect) { MARGIN, y, w, 0 };
      cjm_render_text (layout, cr, CJM_FONT_BODY, none, &box, 1, 0, &c_page_dim);
    }

  for (guint i = first; i < last; i++)
    {
      CjmFinding *f = g_ptr_array_index (self->findings, i);
      g_autofree char *targets = cjm_page_plan_dup_target_names (self, f);
      g_autofree char *rule = g_markup_printf_escaped ("<b>%s</b>\n<span size=\"small\">%s</span>",
                                                       cjm_finding_get_rule (f), cjm_finding_get_name (f));
      double h = cjm_page_plan_get_appendix_row_height (self, f, w);
      double mh;

      draw_severity_dot (cr, rtl ? MARGIN + w - 6 : MARGIN + 6, y + 8, cjm_finding_get_severity (f));
      box = (CjmRect) { rtl ? MARGIN + w - 140 : MARGIN + 18, y, 122, 0 };
      cjm_render_text (layout, cr, CJM_FONT_SMALL, rule, &box, 2, CJM_TEXT_MARKUP, &c_page_text);
      box = (CjmRect) { rtl ? MARGIN : MARGIN + 150, y, w - 150, 0 };
      mh = cjm_render_text (layout, cr, CJM_FONT_BODY, cjm_page_plan_get_message (self, f), &box, 0,
                            0, &c_page_text);
      box.y = y + mh + 2;
      cjm_render_text (layout, cr, CJM_FONT_SMALL, targets, &box, 3, 0, &c_page_dim);

      cjm_render_set_color (cr, &c_page_rule);
      cairo_rectangle (cr, MARGIN, y + h - APPENDIX_ROW_GAP / 2, w, 0.75);
      cairo_fill (cr);
      y += h;
    }

  cjm_page_draw_footer (self, cr, page, FALSE);
}

void
cjm_page_plan_draw_page (CjmPagePlan *self,
                         cairo_t     *cr,
                         guint        page)
{
  g_return_if_fail (CJM_IS_PAGE_PLAN (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < cjm_page_plan_get_n_pages (self));

  cairo_save (cr);
  cairo_scale (cr, PT_PER_UNIT, PT_PER_UNIT);
  cairo_rectangle (cr, 0, 0, self->page_w, self->page_h);
  cairo_clip (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  switch (cjm_page_plan_get_page_kind (self, page))
    {
    case CJM_PAGE_COVER:
      draw_cover (self, cr, page);
      break;
    case CJM_PAGE_MAP:
      draw_map_sheet (self, cr, page);
      break;
    case CJM_PAGE_ACTION_PLAN:
      cjm_page_draw_actions (self, cr, page);
      break;
    case CJM_PAGE_APPENDIX:
    default:
      draw_appendix (self, cr, page);
      break;
    }
  cairo_restore (cr);
}
