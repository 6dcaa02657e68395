/* cjm-export.c
 * SPDX-License-Identifier: GPL-3.0-or-later
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

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <pango/pangocairo.h>

#include "cjm-export.h"
#include "cjm-finding.h"
#include "cjm-layout-private.h"
#include "cjm-render-private.h"

#define PT_PER_UNIT      0.75            /* 72 pt / 96 units per inch */
#define MM               (96.0 / 25.4)   /* page units per millimetre */
#define MARGIN           (10 * MM)
#define HEADER_H         34.0
#define FOOTER_GAP       8.0
#define PAGE_NUMBER_W    150.0
#define MAX_SCALE        1.5             /* map units to page units, at most */
#define APPENDIX_ROW_GAP 10.0
#define LEGEND_SCALE     0.85            /* the legend, a little smaller than the map's text */

struct _CjmPagePlan
{
  GObject       parent_instance;

  CjmDocument  *document;
  CjmLayout    *layout;
  GPtrArray    *findings;        /* visible findings, sorted as given */
  CjmPageSetup  setup;

  double        page_w;          /* page units */
  double        page_h;
  CjmRect       content;         /* between header strip and footer */
  double        legend_h;
  double        k;               /* map units -> page units */
  double        overlap;         /* page units */
  guint         columns;
  guint         rows;
  gboolean      tiled;           /* crop marks and assembly labels */

  /* map geometry (map units) */
  double        lane_w;
  double        header_h;
  double        body_w;
  double        body_h;

  guint         n_cover;
  guint         n_appendix;
  GArray       *appendix_breaks; /* guint: first finding of each appendix page */
  char         *date;
};

G_DEFINE_FINAL_TYPE (CjmPagePlan, cjm_page_plan, G_TYPE_OBJECT)

G_DEFINE_QUARK (cjm-export-error-quark, cjm_export_error)

static const char * const paper_names[CJM_N_PAPERS] = { "a4", "a3", "a2", "letter", "tabloid" };
static const double paper_mm[CJM_N_PAPERS][2] = {
  { 210, 297 }, { 297, 420 }, { 420, 594 }, { 215.9, 279.4 }, { 279.4, 431.8 },
};
static const char * const fit_names[] = { "page", "width", "none" };

static const CjmColor c_page_text = HEX (0x241f31);
static const CjmColor c_page_dim  = HEX (0x5e5c64);
static const CjmColor c_page_rule = HEX (0xc0bfbc);
static const CjmColor c_page_accent = HEX (0x3584e4);

/* Page setup */

void
cjm_page_setup_init (CjmPageSetup *setup)
{
  g_return_if_fail (setup != NULL);

  memset (setup, 0, sizeof *setup);
  setup->paper = CJM_PAPER_A4;
  setup->landscape = TRUE;
  setup->fit = CJM_FIT_PAGE;
  setup->overlap_mm = 10;
  setup->findings = TRUE;
}

const char *
cjm_paper_to_string (CjmPaper paper)
{
  g_return_val_if_fail (paper < CJM_N_PAPERS, NULL);
  return paper_names[paper];
}

gboolean
cjm_paper_from_string (const char *text,
                       CjmPaper   *paper)
{
  for (guint i = 0; text != NULL && i < CJM_N_PAPERS; i++)
    if (g_ascii_strcasecmp (text, paper_names[i]) == 0)
      {
        if (paper)
          *paper = i;
        return TRUE;
      }
  return FALSE;
}

void
cjm_paper_get_size_mm (CjmPaper  paper,
                       double   *width,
                       double   *height)
{
  g_return_if_fail (paper < CJM_N_PAPERS);
  if (width)
    *width = paper_mm[paper][0];
  if (height)
    *height = paper_mm[paper][1];
}

const char *
cjm_fit_to_string (CjmFit fit)
{
  g_return_val_if_fail (fit <= CJM_FIT_NONE, NULL);
  return fit_names[fit];
}

gboolean
cjm_fit_from_string (const char *text,
                     CjmFit     *fit)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (fit_names); i++)
    if (g_ascii_strcasecmp (text, fit_names[i]) == 0)
      {
        if (fit)
          *fit = i;
        return TRUE;
      }
  return FALSE;
}

gboolean
cjm_tiles_from_string (const char *text,
                       guint      *columns,
                       guint      *rows)
{
  guint64 c, r;
  char *end = NULL;

  if (text == NULL || !g_ascii_isdigit (*text))
    return FALSE;
  c = g_ascii_strtoull (text, &end, 10);
  if (end == NULL || (*end != 'x' && *end != 'X') || !g_ascii_isdigit (end[1]))
    return FALSE;
  r = g_ascii_strtoull (end + 1, &end, 10);
  if (end == NULL || *end != '\0' || c < 1 || c > 50 || r < 1 || r > 50)
    return FALSE;
  if (columns)
    *columns = c;
  if (rows)
    *rows = r;
  return TRUE;
}

static gboolean
parse_bool (const char *text,
            gboolean   *value)
{
  if (g_strcmp0 (text, "true") == 0 || g_strcmp0 (text, "1") == 0)
    *value = TRUE;
  else if (g_strcmp0 (text, "false") == 0 || g_strcmp0 (text, "0") == 0)
    *value = FALSE;
  else
    return FALSE;
  return TRUE;
}

void
cjm_page_setup_from_document (CjmPageSetup *setup,
                              CjmDocument  *document)
{
  CjmItem *map;
  const char *v;
  char *end = NULL;
  double overlap;

  g_return_if_fail (setup != NULL);
  g_return_if_fail (CJM_IS_DOCUMENT (document));

  cjm_page_setup_init (setup);
  map = cjm_document_get_map (document);

  cjm_paper_from_string (cjm_item_get_field (map, CJM_FIELD_PAPER), &setup->paper);
  v = cjm_item_get_field (map, CJM_FIELD_ORIENTATION);
  if (g_strcmp0 (v, "portrait") == 0)
    setup->landscape = FALSE;
  else if (g_strcmp0 (v, "landscape") == 0)
    setup->landscape = TRUE;
  cjm_fit_from_string (cjm_item_get_field (map, CJM_FIELD_FIT), &setup->fit);
  cjm_tiles_from_string (cjm_item_get_field (map, CJM_FIELD_TILES), &setup->tile_columns, &setup->tile_rows);
  v = cjm_item_get_field (map, CJM_FIELD_OVERLAP);
  if (v != NULL)
    {
      overlap = g_ascii_strtod (v, &end);
      if (end != v && *end == '\0' && overlap >= 0 && overlap <= 100)
        setup->overlap_mm = overlap;
    }
  parse_bool (cjm_item_get_field (map, CJM_FIELD_COVER), &setup->cover);
  parse_bool (cjm_item_get_field (map, CJM_FIELD_APPENDIX), &setup->appendix);
  parse_bool (cjm_item_get_field (map, CJM_FIELD_FINDINGS), &setup->findings);
}

void
cjm_page_setup_to_document (const CjmPageSetup *setup,
                            CjmDocument        *document)
{
  CjmItem *map;
  char overlap[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *tiles = NULL;

  g_return_if_fail (setup != NULL);
  g_return_if_fail (CJM_IS_DOCUMENT (document));

  map = cjm_document_get_map (document);
  if (setup->tile_columns > 0 && setup->tile_rows > 0)
    tiles = g_strdup_printf ("%ux%u", setup->tile_columns, setup->tile_rows);
  g_ascii_formatd (overlap, sizeof overlap, "%g", setup->overlap_mm);

  cjm_document_begin_group (document, _("Page Setup"));
  cjm_document_set_field (document, map, CJM_FIELD_PAPER, cjm_paper_to_string (setup->paper));
  cjm_document_set_field (document, map, CJM_FIELD_ORIENTATION, setup->landscape ? "landscape" : "portrait");
  cjm_document_set_field (document, map, CJM_FIELD_FIT, cjm_fit_to_string (setup->fit));
  cjm_document_set_field (document, map, CJM_FIELD_TILES, setup->fit == CJM_FIT_NONE ? tiles : NULL);
  cjm_document_set_field (document, map, CJM_FIELD_OVERLAP, overlap);
  cjm_document_set_field (document, map, CJM_FIELD_COVER, setup->cover ? "true" : "false");
  cjm_document_set_field (document, map, CJM_FIELD_APPENDIX, setup->appendix ? "true" : "false");
  cjm_document_set_field (document, map, CJM_FIELD_FINDINGS, setup->findings ? "true" : "false");
  cjm_document_end_group (document);
}

/* The plan */

static void
cjm_page_plan_finalize (GObject *object)
{
  CjmPagePlan *self = (CjmPagePlan *) object;

  g_clear_object (&self->layout);
  g_clear_object (&self->document);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_pointer (&self->appendix_breaks, g_array_unref);
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
}

/* Today, or SOURCE_DATE_EPOCH for reproducible output. */
static char *
dup_date (void)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  g_autoptr(GDateTime) now = NULL;

  if (epoch != NULL && g_ascii_isdigit (*epoch))
    now = g_date_time_new_from_unix_utc (g_ascii_strtoll (epoch, NULL, 10));
  if (now == NULL)
    now = g_date_time_new_now_local ();
  g_autofree char *date = NULL;

  /* Translators: the date printed on each page, see g_date_time_format() */
  date = g_date_time_format (now, _("%-d %B %Y"));
  /* isolated, so that it reads the same inside right-to-left text */
  return g_strdup_printf ("\u2068%s\u2069", date);
}

static char *
findings_target_names (CjmPagePlan *self,
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

/* Height of one appendix row in page units. */
static double
appendix_row_height (CjmPagePlan *self,
                     CjmFinding  *finding,
                     double       width)
{
  g_autofree char *targets = findings_target_names (self, finding);
  double mh, th;

  cjm_layout_measure_text (self->layout, CJM_FONT_BODY, cjm_finding_get_message (finding),
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
      double h = appendix_row_height (self, g_ptr_array_index (self->findings, i), width);

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
  self->legend_h = cjm_render_measure_legend (self->layout, (cw - PAGE_NUMBER_W) / LEGEND_SCALE) * LEGEND_SCALE;
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
  self->date = dup_date ();

  plan_map (self);
  self->n_cover = self->setup.cover ? 1 : 0;
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
  return self->n_cover + self->columns * self->rows + self->n_appendix;
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

static char *
sheet_name (guint column,
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
  return sheet_name (i % self->columns, i / self->columns);
}

/* Drawing */

static void
draw_header_strip (CjmPagePlan *self,
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

static void
draw_footer (CjmPagePlan *self,
             cairo_t     *cr,
             guint        page,
             gboolean     legend)
{
  CjmLayout *layout = self->layout;
  gboolean rtl = cjm_layout_is_rtl (layout);
  double w = self->page_w - 2 * MARGIN;
  double y = self->page_h - MARGIN - self->legend_h;
  /* Translators: page number in the footer of printed pages */
  g_autofree char *number = g_strdup_printf (_("Page %u of %u"), page + 1, cjm_page_plan_get_n_pages (self));
  double th;
  CjmRect box;

  if (legend)
    {
      CjmRect area = { 0, 0, (w - PAGE_NUMBER_W) / LEGEND_SCALE, self->legend_h / LEGEND_SCALE };

      cairo_save (cr);
      cairo_translate (cr, rtl ? MARGIN + PAGE_NUMBER_W : MARGIN, y);
      cairo_scale (cr, LEGEND_SCALE, LEGEND_SCALE);
      cjm_render_draw_legend (layout, cr, &area);
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
  g_autofree char *name = sheet_name (col, row);
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
    extra = g_strdup_printf (_("Sheet %s"), name);
  draw_header_strip (self, cr, extra);

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
      const char *fmt = _("continues on %s");
      int start_edge = rtl ? 1 : 3, end_edge = rtl ? 3 : 1;

      draw_crop_marks (cr, &body);
      if (row > 0)
        {
          g_autofree char *n = sheet_name (col, row - 1);
          g_autofree char *t = g_strdup_printf (fmt, n);
          draw_margin_label (self, cr, t, 0);
        }
      if (row + 1 < self->rows)
        {
          g_autofree char *n = sheet_name (col, row + 1);
          g_autofree char *t = g_strdup_printf (fmt, n);
          draw_margin_label (self, cr, t, 2);
        }
      if (col > 0)
        {
          g_autofree char *n = sheet_name (col - 1, row);
          g_autofree char *t = g_strdup_printf (fmt, n);
          draw_margin_label (self, cr, t, start_edge);
        }
      if (col + 1 < self->columns)
        {
          g_autofree char *n = sheet_name (col + 1, row);
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

  draw_footer (self, cr, page, TRUE);
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

  cjm_render_severity_color (severity, &c);
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
      y += cjm_render_text (layout, cr, CJM_FONT_LANE, personas->len > 1 ? _("Personas") : _("Persona"),
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
          cjm_render_get_persona_color (p, i, &color);
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
              g_autofree char *g = g_markup_printf_escaped ("<b>%s</b> %s", _("Goal:"), goal);

              box.y = py + h;
              h += cjm_render_text (layout, cr, CJM_FONT_SMALL, g, &box, 3, CJM_TEXT_MARKUP, &c_page_text);
            }
          row_h = MAX (row_h, MAX (h, 60));
        }
      y += row_h + 18;
    }

  /* findings summary */
  box = (CjmRect) { MARGIN, y, w, 0 };
  y += cjm_render_text (layout, cr, CJM_FONT_LANE, _("Findings"), &box, 1, 0, &c_page_text) + 8;
  count_severities (self, counts);
  if (self->findings->len == 0)
    {
      box = (CjmRect) { MARGIN, y, w, 0 };
      y += cjm_render_text (layout, cr, CJM_FONT_BODY, _("No findings: the channels agree."), &box, 1, 0,
                            &c_page_dim) + 12;
    }
  else
    {
      g_autofree char *errors = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors", counts[2]),
                                                 counts[2]);
      g_autofree char *warnings = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings",
                                                                counts[1]), counts[1]);
      g_autofree char *notes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u note", "%u notes", counts[0]),
                                                counts[0]);
      g_autofree char *line = g_strdup_printf ("%s  ·  %s  ·  %s", errors, warnings, notes);
      guint shown = 0;

      box = (CjmRect) { MARGIN, y, w, 0 };
      y += cjm_render_text (layout, cr, CJM_FONT_BODY, line, &box, 1, 0, &c_page_text) + 8;
      for (guint i = 0; i < self->findings->len && shown < 8; i++, shown++)
        {
          CjmFinding *f = g_ptr_array_index (self->findings, i);
          g_autofree char *msg = g_markup_printf_escaped ("<b>%s</b>  %s", cjm_finding_get_rule (f),
                                                          cjm_finding_get_message (f));

          draw_severity_dot (cr, rtl ? MARGIN + w - 5 : MARGIN + 5, y + 7, cjm_finding_get_severity (f));
          box = (CjmRect) { rtl ? MARGIN : MARGIN + 16, y, w - 16, 0 };
          y += cjm_render_text (layout, cr, CJM_FONT_SMALL, msg, &box, 1, CJM_TEXT_MARKUP, &c_page_text) + 4;
        }
      if (self->findings->len > shown)
        {
          g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "… and %u more", "… and %u more",
                                                                self->findings->len - shown),
                                                   self->findings->len - shown);

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

  draw_footer (self, cr, page, FALSE);
}

static void
draw_appendix (CjmPagePlan *self,
               cairo_t     *cr,
               guint        page)
{
  CjmLayout *layout = self->layout;
  gboolean rtl = cjm_layout_is_rtl (layout);
  guint a = page - self->n_cover - self->columns * self->rows;
  guint first = g_array_index (self->appendix_breaks, guint, a);
  guint last = a + 1 < self->appendix_breaks->len ? g_array_index (self->appendix_breaks, guint, a + 1)
                                                   : self->findings->len;
  double w = self->page_w - 2 * MARGIN;
  double y = MARGIN + HEADER_H + 8;
  CjmRect box;

  draw_header_strip (self, cr, NULL);
  box = (CjmRect) { MARGIN, y, w, 0 };
  cjm_render_text (layout, cr, CJM_FONT_STAGE, a == 0 ? _("Findings") : _("Findings (continued)"), &box, 1, 0,
                   &c_page_text);
  y = MARGIN + HEADER_H + 40;

  if (self->findings->len == 0)
    {
      box = (CjmRect) { MARGIN, y, w, 0 };
      cjm_render_text (layout, cr, CJM_FONT_BODY, _("No findings: the channels agree."), &box, 1, 0, &c_page_dim);
    }

  for (guint i = first; i < last; i++)
    {
      CjmFinding *f = g_ptr_array_index (self->findings, i);
      g_autofree char *targets = findings_target_names (self, f);
      g_autofree char *rule = g_markup_printf_escaped ("<b>%s</b>\n<span size=\"small\">%s</span>",
                                                       cjm_finding_get_rule (f), cjm_finding_get_name (f));
      double h = appendix_row_height (self, f, w);
      double mh;

      draw_severity_dot (cr, rtl ? MARGIN + w - 6 : MARGIN + 6, y + 8, cjm_finding_get_severity (f));
      box = (CjmRect) { rtl ? MARGIN + w - 140 : MARGIN + 18, y, 122, 0 };
      cjm_render_text (layout, cr, CJM_FONT_SMALL, rule, &box, 2, CJM_TEXT_MARKUP, &c_page_text);
      box = (CjmRect) { rtl ? MARGIN : MARGIN + 150, y, w - 150, 0 };
      mh = cjm_render_text (layout, cr, CJM_FONT_BODY, cjm_finding_get_message (f), &box, 0, 0, &c_page_text);
      box.y = y + mh + 2;
      cjm_render_text (layout, cr, CJM_FONT_SMALL, targets, &box, 3, 0, &c_page_dim);

      cjm_render_set_color (cr, &c_page_rule);
      cairo_rectangle (cr, MARGIN, y + h - APPENDIX_ROW_GAP / 2, w, 0.75);
      cairo_fill (cr);
      y += h;
    }

  draw_footer (self, cr, page, FALSE);
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
    case CJM_PAGE_APPENDIX:
    default:
      draw_appendix (self, cr, page);
      break;
    }
  cairo_restore (cr);
}

/* Files */

/* A temporary file next to filename; the output is renamed over filename
 * only when complete. */
static char *
make_temp_path (const char  *filename,
                GError     **error)
{
  g_autofree char *template = g_strconcat (filename, ".XXXXXX", NULL);
  int fd = g_mkstemp (template);

  if (fd < 0)
    {
      int saved = errno;
      g_autofree char *display = g_filename_display_name (filename);

      g_set_error (error, CJM_EXPORT_ERROR, CJM_EXPORT_ERROR_FAILED,
                   _("Cannot write “%s”: %s"), display, g_strerror (saved));
      return NULL;
    }
  g_close (fd, NULL);
  return g_steal_pointer (&template);
}

static gboolean
finish_file (cairo_surface_t *surface,
             const char      *temp,
             const char      *filename,
             GError         **error)
{
  cairo_status_t status;
  g_autofree char *display = g_filename_display_name (filename);

  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_unlink (temp);
      g_set_error (error, CJM_EXPORT_ERROR, CJM_EXPORT_ERROR_FAILED,
                   _("Cannot write “%s”: %s"), display, cairo_status_to_string (status));
      return FALSE;
    }
  if (g_chmod (temp, 0644) != 0 || g_rename (temp, filename) != 0)
    {
      int saved = errno;

      g_unlink (temp);
      g_set_error (error, CJM_EXPORT_ERROR, CJM_EXPORT_ERROR_FAILED,
                   _("Cannot write “%s”: %s"), display, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

gboolean
cjm_page_plan_write_pdf (CjmPagePlan  *self,
                         const char   *filename,
                         GError      **error)
{
  g_autofree char *temp = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  double w, h;
  CjmItem *map;

  g_return_val_if_fail (CJM_IS_PAGE_PLAN (self), FALSE);
  g_return_val_if_fail (filename != NULL, FALSE);

  temp = make_temp_path (filename, error);
  if (temp == NULL)
    return FALSE;

  cjm_page_plan_get_page_size (self, &w, &h);
  surface = cairo_pdf_surface_create (temp, w, h);
  map = cjm_document_get_map (self->document);
  if (cjm_item_get_field (map, CJM_FIELD_TITLE))
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, cjm_item_get_field (map, CJM_FIELD_TITLE));
  if (cjm_item_get_field (map, CJM_FIELD_AUTHOR))
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, cjm_item_get_field (map, CJM_FIELD_AUTHOR));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Journeyman " PACKAGE_VERSION);

  cr = cairo_create (surface);
  for (guint page = 0; page < cjm_page_plan_get_n_pages (self); page++)
    {
      cjm_page_plan_draw_page (self, cr, page);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);

  return finish_file (surface, temp, filename, error);
}

gboolean
cjm_export_format_from_filename (const char      *filename,
                                 CjmExportFormat *format)
{
  const char *dot;

  g_return_val_if_fail (filename != NULL, FALSE);

  dot = strrchr (filename, '.');
  if (dot == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (dot, ".pdf") == 0)
    *format = CJM_EXPORT_PDF;
  else if (g_ascii_strcasecmp (dot, ".svg") == 0)
    *format = CJM_EXPORT_SVG;
  else if (g_ascii_strcasecmp (dot, ".png") == 0)
    *format = CJM_EXPORT_PNG;
  else
    return FALSE;
  return TRUE;
}

/* The title band above a whole-map picture; returns its height. */
static double
draw_title_band (CjmLayout *layout,
                 cairo_t   *cr,
                 double     width)
{
  CjmDocument *document = cjm_layout_get_document (layout);
  CjmItem *map = cjm_document_get_map (document);
  const char *title = cjm_item_get_field (map, CJM_FIELD_TITLE);
  const char *desc = cjm_item_get_field (map, CJM_FIELD_DESCRIPTION);
  CjmRect box = { 24, 18, width - 48, 0 };
  double y;

  y = 18 + cjm_layout_get_line_height (layout, CJM_FONT_HEADING);
  if (desc != NULL && *desc != '\0')
    y += 4 + cjm_layout_get_line_height (layout, CJM_FONT_BODY);
  y += 18;

  if (cr == NULL)
    return y;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, width, y);
  cairo_fill (cr);
  box.y += cjm_render_text (layout, cr, CJM_FONT_HEADING, title ? title : "", &box, 1, 0, &c_page_text) + 4;
  if (desc != NULL && *desc != '\0')
    cjm_render_text (layout, cr, CJM_FONT_BODY, desc, &box, 1, 0, &c_page_dim);
  cairo_restore (cr);
  return y;
}

gboolean
cjm_export_image (CjmDocument     *document,
                  CjmExportFormat  format,
                  const char      *filename,
                  double           scale,
                  GPtrArray       *findings,
                  gboolean         show_findings,
                  GError         **error)
{
  g_autoptr(CjmLayout) layout = NULL;
  g_autofree char *temp = NULL;
  CjmLayoutOptions options;
  cairo_surface_t *surface;
  cairo_t *cr;
  double map_w, map_h, band, total_h;
  int pw, ph;

  g_return_val_if_fail (CJM_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (filename != NULL, FALSE);

  if (format != CJM_EXPORT_SVG && format != CJM_EXPORT_PNG)
    {
      g_set_error (error, CJM_EXPORT_ERROR, CJM_EXPORT_ERROR_FORMAT,
                   _("Only SVG and PNG are single pictures; use a page plan for PDF"));
      return FALSE;
    }
  if (!(scale > 0.05 && scale <= 16))
    scale = 1;

  cjm_layout_options_init (&options);
  options.show_findings = show_findings && findings != NULL;
  options.findings = findings;
  options.show_legend = TRUE;
  layout = cjm_layout_new (document, &options);
  cjm_layout_get_size (layout, &map_w, &map_h);
  band = draw_title_band (layout, NULL, map_w);
  total_h = band + map_h;

  pw = (int) ceil (map_w * scale);
  ph = (int) ceil (total_h * scale);
  if (format == CJM_EXPORT_PNG && (pw > 32767 || ph > 32767))
    {
      g_autofree char *display = g_filename_display_name (filename);

      g_set_error (error, CJM_EXPORT_ERROR, CJM_EXPORT_ERROR_FAILED,
                   _("Cannot write “%s”: %d × %d pixels is too large for PNG; choose a smaller scale"),
                   display, pw, ph);
      return FALSE;
    }

  temp = make_temp_path (filename, error);
  if (temp == NULL)
    return FALSE;

  if (format == CJM_EXPORT_SVG)
    {
      surface = cairo_svg_surface_create (temp, map_w, total_h);
      cairo_svg_surface_restrict_to_version (surface, CAIRO_SVG_VERSION_1_1);
    }
  else
    surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, pw, ph);

  cr = cairo_create (surface);
  if (format == CJM_EXPORT_PNG)
    cairo_scale (cr, scale, scale);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  draw_title_band (layout, cr, map_w);
  cairo_translate (cr, 0, band);
  {
    CjmRenderOptions render_options;

    cjm_render_options_init (&render_options);
    render_options.draw_findings = show_findings;
    render_options.print = format == CJM_EXPORT_SVG;
    cjm_render_draw (layout, document, cr, &render_options);
  }
  cairo_destroy (cr);

  if (format == CJM_EXPORT_PNG)
    {
      cairo_status_t status = cairo_surface_write_to_png (surface, temp);

      if (status != CAIRO_STATUS_SUCCESS)
        {
          g_autofree char *display = g_filename_display_name (filename);

          cairo_surface_destroy (surface);
          g_unlink (temp);
          g_set_error (error, CJM_EXPORT_ERROR, CJM_EXPORT_ERROR_FAILED,
                       _("Cannot write “%s”: %s"), display, cairo_status_to_string (status));
          return FALSE;
        }
    }

  return finish_file (surface, temp, filename, error);
}
