/* test-page-plan.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page plan that print and PDF export share: page setup from and to
 * the map's print fields (undoable; `plan` written only when it is not
 * the default, so older files save the same), page counts for fit and
 * tile settings, the action plan's pages, sheet names, and what each
 * sheet shows.
 */

#define G_LOG_DOMAIN "test-page-plan"

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "cjm-export.h"
#include "cjm-json.h"
#include "cjm-render.h"
#include "cjm-test-maps.h"

static void
test_setup_defaults (void)
{
  g_autoptr(CjmDocument) doc = cjm_document_new ();
  CjmPageSetup setup;

  cjm_page_setup_from_document (&setup, doc);
  g_assert_cmpint (setup.paper, ==, CJM_PAPER_A4);
  g_assert_true (setup.landscape);
  g_assert_cmpint (setup.fit, ==, CJM_FIT_PAGE);
  g_assert_false (setup.cover);
  g_assert_false (setup.appendix);
  g_assert_true (setup.findings);
  g_assert_true (setup.plan);
  g_assert_cmpfloat (setup.overlap_mm, ==, 10);
}

static void
test_setup_document (void)
{
  g_autoptr(CjmDocument) doc = cjm_test_small_map (NULL);
  CjmItem *map = cjm_document_get_map (doc);
  CjmPageSetup setup, back;

  /* what the map's print element says */
  cjm_document_set_field (doc, map, CJM_FIELD_PAPER, "tabloid");
  cjm_document_set_field (doc, map, CJM_FIELD_ORIENTATION, "portrait");
  cjm_document_set_field (doc, map, CJM_FIELD_FIT, "none");
  cjm_document_set_field (doc, map, CJM_FIELD_TILES, "3x2");
  cjm_document_set_field (doc, map, CJM_FIELD_OVERLAP, "6");
  cjm_document_set_field (doc, map, CJM_FIELD_COVER, "true");
  cjm_document_set_field (doc, map, CJM_FIELD_FINDINGS, "false");
  cjm_page_setup_from_document (&setup, doc);
  g_assert_cmpint (setup.paper, ==, CJM_PAPER_TABLOID);
  g_assert_false (setup.landscape);
  g_assert_cmpint (setup.fit, ==, CJM_FIT_NONE);
  g_assert_cmpuint (setup.tile_columns, ==, 3);
  g_assert_cmpuint (setup.tile_rows, ==, 2);
  g_assert_cmpfloat (setup.overlap_mm, ==, 6);
  g_assert_true (setup.cover);
  g_assert_false (setup.findings);

  /* values that do not parse keep the defaults */
  cjm_document_set_field (doc, map, CJM_FIELD_PAPER, "a9");
  cjm_document_set_field (doc, map, CJM_FIELD_TILES, "lots");
  cjm_document_set_field (doc, map, CJM_FIELD_OVERLAP, "-3");
  cjm_page_setup_from_document (&setup, doc);
  g_assert_cmpint (setup.paper, ==, CJM_PAPER_A4);
  g_assert_cmpuint (setup.tile_columns, ==, 0);
  g_assert_cmpfloat (setup.overlap_mm, ==, 10);

  /* storing a setup is one undo step */
  cjm_document_clear_history (doc);
  cjm_page_setup_init (&setup);
  setup.paper = CJM_PAPER_A3;
  setup.landscape = FALSE;
  setup.fit = CJM_FIT_WIDTH;
  setup.appendix = TRUE;
  cjm_page_setup_to_document (&setup, doc);
  g_assert_cmpstr (cjm_item_get_field (map, CJM_FIELD_PAPER), ==, "a3");
  g_assert_cmpstr (cjm_item_get_field (map, CJM_FIELD_ORIENTATION), ==, "portrait");
  g_assert_cmpstr (cjm_item_get_field (map, CJM_FIELD_FIT), ==, "width");
  g_assert_null (cjm_item_get_field (map, CJM_FIELD_TILES));
  cjm_page_setup_from_document (&back, doc);
  g_assert_cmpint (back.paper, ==, CJM_PAPER_A3);
  g_assert_false (back.landscape);
  g_assert_cmpint (back.fit, ==, CJM_FIT_WIDTH);
  g_assert_true (back.appendix);

  g_assert_true (cjm_document_can_undo (doc));
  g_assert_true (cjm_document_undo (doc));
  g_assert_false (cjm_document_can_undo (doc));
  g_assert_cmpstr (cjm_item_get_field (map, CJM_FIELD_PAPER), ==, "a9");
}

/* plan: true by default (a map with opportunities prints its action
 * plan), written only when it differs, kept as the file has it when it
 * says the same; one undo step like the rest. */
static void
test_setup_plan (void)
{
  g_autoptr(CjmDocument) doc = cjm_test_small_map (NULL);
  CjmItem *map = cjm_document_get_map (doc);
  CjmPageSetup setup;

  cjm_page_setup_from_document (&setup, doc);
  g_assert_true (setup.plan);
  cjm_page_setup_to_document (&setup, doc);
  g_assert_null (cjm_item_get_field (map, CJM_FIELD_PLAN));

  setup.plan = FALSE;
  cjm_page_setup_to_document (&setup, doc);
  g_assert_cmpstr (cjm_item_get_field (map, CJM_FIELD_PLAN), ==, "false");
  cjm_page_setup_from_document (&setup, doc);
  g_assert_false (setup.plan);
  g_assert_true (cjm_document_undo (doc));
  g_assert_null (cjm_item_get_field (map, CJM_FIELD_PLAN));

  /* "true" and "1" as a file may say it are kept while they hold */
  cjm_document_set_field (doc, map, CJM_FIELD_PLAN, "1");
  cjm_page_setup_from_document (&setup, doc);
  g_assert_true (setup.plan);
  cjm_page_setup_to_document (&setup, doc);
  g_assert_cmpstr (cjm_item_get_field (map, CJM_FIELD_PLAN), ==, "1");
  setup.plan = FALSE;
  cjm_page_setup_to_document (&setup, doc);
  g_assert_cmpstr (cjm_item_get_field (map, CJM_FIELD_PLAN), ==, "false");
  setup.plan = TRUE;
  cjm_page_setup_to_document (&setup, doc);
  g_assert_null (cjm_item_get_field (map, CJM_FIELD_PLAN));

  /* a value that does not parse keeps the default */
  cjm_document_set_field (doc, map, CJM_FIELD_PLAN, "sometimes");
  cjm_page_setup_from_document (&setup, doc);
  g_assert_true (setup.plan);
}

/* The print element's plan in the file: read, written after findings,
 * kept byte for byte in a 1.0 file (the version stays), and in JSON. */
static void
test_plan_in_file (void)
{
  const char *xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    "<journey-map xmlns=\"urn:x-cjm:1\" version=\"1.0\" xml:lang=\"en\">\n"
                    "  <title>Plan off</title>\n"
                    "  <print paper=\"a3\" cover=\"true\" findings=\"false\" plan=\"false\"/>\n"
                    "</journey-map>\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (xml, strlen (xml));
  g_autoptr(GError) error = NULL;
  g_autoptr(CjmDocument) doc = cjm_document_new_from_bytes (bytes, "plan-off.cjm", &error);
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(CjmDocument) from_json = NULL;
  g_autofree char *json = NULL;
  CjmPageSetup setup;

  g_assert_no_error (error);
  g_assert_cmpstr (cjm_item_get_field (cjm_document_get_map (doc), CJM_FIELD_PLAN), ==, "false");
  cjm_page_setup_from_document (&setup, doc);
  g_assert_false (setup.plan);
  saved = cjm_document_serialize (doc);
  g_assert_cmpmem (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved), xml, strlen (xml));

  json = cjm_document_to_json_data (doc, NULL);
  g_assert_nonnull (strstr (json, "\"plan\" : \"false\""));
  from_json = cjm_document_new_from_json_data (json, -1, "plan-off.json", &error);
  g_assert_no_error (error);
  g_clear_pointer (&saved, g_bytes_unref);
  saved = cjm_document_serialize (from_json);
  g_assert_cmpmem (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved), xml, strlen (xml));
}

static void
test_parsers (void)
{
  CjmPaper paper;
  CjmFit fit;
  guint c, r;
  double w, h;

  g_assert_true (cjm_paper_from_string ("A3", &paper));
  g_assert_cmpint (paper, ==, CJM_PAPER_A3);
  g_assert_false (cjm_paper_from_string ("a5", &paper));
  g_assert_cmpstr (cjm_paper_to_string (CJM_PAPER_LETTER), ==, "letter");
  cjm_paper_get_size_mm (CJM_PAPER_A4, &w, &h);
  g_assert_cmpfloat (w, ==, 210);
  g_assert_cmpfloat (h, ==, 297);

  g_assert_true (cjm_fit_from_string ("width", &fit));
  g_assert_cmpint (fit, ==, CJM_FIT_WIDTH);
  g_assert_false (cjm_fit_from_string ("stretch", &fit));

  g_assert_true (cjm_tiles_from_string ("3x2", &c, &r));
  g_assert_cmpuint (c, ==, 3);
  g_assert_cmpuint (r, ==, 2);
  g_assert_false (cjm_tiles_from_string ("0x2", &c, &r));
  g_assert_false (cjm_tiles_from_string ("3x", &c, &r));
  g_assert_false (cjm_tiles_from_string ("3x2x1", &c, &r));
  g_assert_false (cjm_tiles_from_string ("99x2", &c, &r));
}

static void
test_plan_counts (void)
{
  g_autoptr(CjmDocument) wide = cjm_test_synthetic_map (30, 6, 200);
  CjmPageSetup setup;

  /* fit to page: one page, plus cover and appendix when asked */
  {
    g_autoptr(CjmPagePlan) plan = NULL;
    double w, h;

    cjm_page_setup_init (&setup);
    plan = cjm_page_plan_new (wide, &setup, NULL, NULL);
    g_assert_cmpuint (cjm_page_plan_get_n_pages (plan), ==, 1);
    cjm_page_plan_get_page_size (plan, &w, &h);
    g_assert_cmpfloat (fabs (w - 841.89), <, 0.01);     /* A4 landscape */
    g_assert_cmpfloat (fabs (h - 595.28), <, 0.01);
    g_assert_cmpint (cjm_page_plan_get_page_kind (plan, 0), ==, CJM_PAGE_MAP);
  }
  {
    g_autoptr(CjmPagePlan) plan = NULL;

    setup.cover = setup.appendix = TRUE;
    plan = cjm_page_plan_new (wide, &setup, NULL, NULL);
    g_assert_cmpuint (cjm_page_plan_get_n_pages (plan), ==, 3);
    g_assert_cmpint (cjm_page_plan_get_page_kind (plan, 0), ==, CJM_PAGE_COVER);
    g_assert_cmpint (cjm_page_plan_get_page_kind (plan, 1), ==, CJM_PAGE_MAP);
    g_assert_cmpint (cjm_page_plan_get_page_kind (plan, 2), ==, CJM_PAGE_APPENDIX);
    g_assert_null (cjm_page_plan_dup_sheet_name (plan, 0));
  }

  /* fit to width on portrait paper: one column, pages down */
  {
    g_autoptr(CjmDocument) tall = cjm_test_synthetic_map (3, 12, 300);
    g_autoptr(CjmPagePlan) plan = NULL;
    guint cols, rows;

    cjm_page_setup_init (&setup);
    setup.fit = CJM_FIT_WIDTH;
    setup.landscape = FALSE;
    plan = cjm_page_plan_new (tall, &setup, NULL, NULL);
    cjm_page_plan_get_tiles (plan, &cols, &rows);
    g_assert_cmpuint (cols, ==, 1);
    g_assert_cmpuint (rows, >, 1);
    g_assert_cmpuint (cjm_page_plan_get_n_pages (plan), ==, rows);
  }

  /* actual size: as many sheets as it takes, fewer on bigger paper */
  {
    g_autoptr(CjmPagePlan) a4 = NULL;
    g_autoptr(CjmPagePlan) a2 = NULL;
    guint cols, rows;

    cjm_page_setup_init (&setup);
    setup.fit = CJM_FIT_NONE;
    a4 = cjm_page_plan_new (wide, &setup, NULL, NULL);
    g_assert_cmpfloat (cjm_page_plan_get_scale (a4), ==, 0.75);
    cjm_page_plan_get_tiles (a4, &cols, &rows);
    g_assert_cmpuint (cols, >, 1);
    setup.paper = CJM_PAPER_A2;
    a2 = cjm_page_plan_new (wide, &setup, NULL, NULL);
    g_assert_cmpuint (cjm_page_plan_get_n_pages (a2), <, cjm_page_plan_get_n_pages (a4));
  }

  /* tiles: at most cols × rows, the map scaled to fill them */
  {
    g_autoptr(CjmPagePlan) plan = NULL;
    guint cols, rows;

    cjm_page_setup_init (&setup);
    setup.fit = CJM_FIT_NONE;
    setup.tile_columns = 4;
    setup.tile_rows = 1;
    plan = cjm_page_plan_new (wide, &setup, NULL, NULL);
    cjm_page_plan_get_tiles (plan, &cols, &rows);
    g_assert_cmpuint (cols, ==, 4);
    g_assert_cmpuint (rows, ==, 1);
    g_assert_cmpuint (cjm_page_plan_get_n_pages (plan), ==, 4);
    {
      g_autofree char *a = cjm_page_plan_dup_sheet_name (plan, 0);
      g_autofree char *d = cjm_page_plan_dup_sheet_name (plan, 3);

      g_assert_cmpstr (a, ==, "A1");
      g_assert_cmpstr (d, ==, "D1");
    }
  }
}

static guint32
pixel (cairo_surface_t *s,
       double           x,
       double           y)
{
  unsigned char *data = cairo_image_surface_get_data (s);

  return *(guint32 *) (data + (int) y * cairo_image_surface_get_stride (s) + (int) x * 4) & 0xffffff;
}

/* Renders every map sheet to an image and checks that each repeats the
 * lane header column (at the start edge) and the stage header row. */
static void
check_sheets (CjmDocument *doc,
              gboolean     rtl)
{
  g_autoptr(CjmPagePlan) plan = NULL;
  CjmPageSetup setup;
  double w, h;
  guint cols, rows;

  cjm_page_setup_init (&setup);
  setup.fit = CJM_FIT_NONE;
  setup.tile_columns = 3;
  setup.tile_rows = 2;
  plan = cjm_page_plan_new (doc, &setup, NULL, NULL);
  cjm_page_plan_get_tiles (plan, &cols, &rows);
  g_assert_cmpuint (cols * rows, >=, 4);
  cjm_page_plan_get_page_size (plan, &w, &h);

  for (guint page = 0; page < cjm_page_plan_get_n_pages (plan); page++)
    {
      cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) w, (int) h);
      cairo_t *cr = cairo_create (s);
      double k = cjm_page_plan_get_scale (plan);
      double margin = 10 / 25.4 * 72;
      double header_y = margin + 34 * 0.75;
      CjmLayout *layout = cjm_page_plan_get_layout (plan);
      CjmRect corner;
      double lane_x;
      guint32 header_bg = 0xf6f5f4;
      guint lane_hits = 0;

      cjm_page_plan_draw_page (plan, cr, page);
      cairo_destroy (cr);
      cairo_surface_flush (s);

      cjm_layout_get_corner_rect (layout, &corner);
      /* just inside the lane column, under the corner, a little in from
       * the coloured edge: the header background, on every sheet */
      lane_x = rtl ? w - margin - corner.width * k + 30 * k : margin + 30 * k;
      for (double y = header_y + corner.height * k + 4; y < h - margin - 80; y += 3)
        if (pixel (s, lane_x, y) == header_bg)
          lane_hits++;
      g_assert_cmpuint (lane_hits, >, 10);

      /* the stage header row: its blue rule under the headers */
      {
        guint blue = 0;

        for (double x = margin + 2; x < w - margin - 2; x += 2)
          for (double y = header_y + corner.height * k - 4; y < header_y + corner.height * k + 2; y += 1)
            if (pixel (s, x, y) == 0x3584e4)
              {
                blue++;
                break;
              }
        g_assert_cmpuint (blue, >, 50);
      }
      cairo_surface_destroy (s);
    }
}

/* The action plan's pages: after the map sheets, before the appendix; as
 * many as its rows need on small paper, each drawn. */
static void
test_action_plan_pages (void)
{
  g_autoptr(CjmDocument) doc = cjm_test_small_map (NULL);
  CjmPageSetup setup;

  /* a map with an opportunity: the map, then its plan */
  {
    g_autoptr(CjmPagePlan) plan = NULL;

    cjm_page_setup_init (&setup);
    plan = cjm_page_plan_new (doc, &setup, NULL, NULL);
    g_assert_cmpuint (cjm_page_plan_get_n_pages (plan), ==, 2);
    g_assert_cmpint (cjm_page_plan_get_page_kind (plan, 0), ==, CJM_PAGE_MAP);
    g_assert_cmpint (cjm_page_plan_get_page_kind (plan, 1), ==, CJM_PAGE_ACTION_PLAN);
    g_assert_null (cjm_page_plan_dup_sheet_name (plan, 1));
  }
  {
    g_autoptr(CjmPagePlan) plan = NULL;

    setup.cover = setup.appendix = TRUE;
    plan = cjm_page_plan_new (doc, &setup, NULL, NULL);
    g_assert_cmpuint (cjm_page_plan_get_n_pages (plan), ==, 4);
    g_assert_cmpint (cjm_page_plan_get_page_kind (plan, 0), ==, CJM_PAGE_COVER);
    g_assert_cmpint (cjm_page_plan_get_page_kind (plan, 1), ==, CJM_PAGE_MAP);
    g_assert_cmpint (cjm_page_plan_get_page_kind (plan, 2), ==, CJM_PAGE_ACTION_PLAN);
    g_assert_cmpint (cjm_page_plan_get_page_kind (plan, 3), ==, CJM_PAGE_APPENDIX);
  }
  {
    g_autoptr(CjmPagePlan) plan = NULL;

    setup.plan = FALSE;
    plan = cjm_page_plan_new (doc, &setup, NULL, NULL);
    g_assert_cmpuint (cjm_page_plan_get_n_pages (plan), ==, 3);
    for (guint p = 0; p < 3; p++)
      g_assert_cmpint (cjm_page_plan_get_page_kind (plan, p), !=, CJM_PAGE_ACTION_PLAN);
  }

  /* 120 actions on portrait A4: several plan pages, every one drawn */
  {
    g_autoptr(CjmPagePlan) plan = NULL;
    guint n_plan = 0, last_map = 0, first_plan = G_MAXUINT;

    for (guint i = 0; i < 120; i++)
      {
        g_autofree char *id = g_strdup_printf ("o-extra-%u", i);
        g_autofree char *impact = g_strdup_printf ("%u", 1 + i % 5);
        g_autofree char *title = g_strdup_printf ("Action %u, with a title long enough to wrap "
                                                  "over two lines in a narrow column", i);

        cjm_test_add (doc, CJM_KIND_OPPORTUNITY, id, CJM_FIELD_STAGE, "s-pay",
                      CJM_FIELD_LANE, "l-opp", CJM_FIELD_IMPACT, impact, CJM_FIELD_EFFORT, "2",
                      CJM_FIELD_HORIZON, i % 3 ? "now" : "later",
                      CJM_FIELD_STATUS, i % 7 ? "planned" : "done", CJM_FIELD_DUE, "2027-03-31",
                      CJM_FIELD_TITLE, title, -1);
      }
    cjm_page_setup_init (&setup);
    setup.landscape = FALSE;
    setup.appendix = TRUE;
    plan = cjm_page_plan_new (doc, &setup, NULL, NULL);
    for (guint p = 0; p < cjm_page_plan_get_n_pages (plan); p++)
      {
        cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR, NULL);
        cairo_t *cr = cairo_create (surface);
        CjmPageKind kind = cjm_page_plan_get_page_kind (plan, p);

        if (kind == CJM_PAGE_MAP)
          last_map = p;
        if (kind == CJM_PAGE_ACTION_PLAN)
          {
            n_plan++;
            first_plan = MIN (first_plan, p);
          }
        cjm_page_plan_draw_page (plan, cr, p);
        g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
        cairo_destroy (cr);
        cairo_surface_destroy (surface);
      }
    g_assert_cmpuint (n_plan, >=, 4);
    g_assert_cmpuint (first_plan, ==, last_map + 1);
    g_assert_cmpint (cjm_page_plan_get_page_kind (plan, cjm_page_plan_get_n_pages (plan) - 1), ==,
                     CJM_PAGE_APPENDIX);
  }
}

static void
test_plan_sheets (void)
{
  g_autoptr(CjmDocument) ltr = cjm_test_synthetic_map (16, 8, 200);
  g_autoptr(CjmDocument) rtl = cjm_test_synthetic_map (16, 8, 200);

  check_sheets (ltr, FALSE);
  cjm_document_set_field (rtl, cjm_document_get_map (rtl), CJM_FIELD_LANG, "he");
  check_sheets (rtl, TRUE);
}

static void
test_plan_pdf (void)
{
  g_autoptr(CjmDocument) doc = cjm_test_small_map (NULL);
  g_autoptr(CjmPagePlan) plan = cjm_page_plan_new (doc, NULL, NULL, NULL);
  g_autofree char *dir = g_dir_make_tmp ("cjm-plan-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "map.pdf", NULL);
  g_autofree char *bad = g_build_filename (dir, "missing", "map.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (cjm_page_plan_write_pdf (plan, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_cmpuint (length, >, 1000);

  g_assert_false (cjm_page_plan_write_pdf (plan, bad, &error));
  g_assert_error (error, CJM_EXPORT_ERROR, CJM_EXPORT_ERROR_FAILED);

  g_remove (pdf);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/page-plan/setup-defaults", test_setup_defaults);
  g_test_add_func ("/page-plan/setup-document", test_setup_document);
  g_test_add_func ("/page-plan/setup-plan", test_setup_plan);
  g_test_add_func ("/page-plan/plan-in-file", test_plan_in_file);
  g_test_add_func ("/page-plan/parsers", test_parsers);
  g_test_add_func ("/page-plan/action-plan-pages", test_action_plan_pages);
  g_test_add_func ("/page-plan/counts", test_plan_counts);
  g_test_add_func ("/page-plan/sheets", test_plan_sheets);
  g_test_add_func ("/page-plan/pdf", test_plan_pdf);

  return g_test_run ();
}
