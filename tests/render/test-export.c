/* test-export.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `cjm export` end to end, on the sample maps: the PDF has the pages the
 * page setup asks for (pdfinfo), carries every stage name and card title
 * (pdftotext, Hebrew for the Hebrew map) and renders (pdftoppm); the
 * action plan follows the map, its actions in plan order, unless
 * --no-plan or the map's print element says no; the PNG has the requested
 * size and is not blank; the SVG is well-formed XML (xmllint); bad
 * options and files fail with a message and write nothing.
 */

#define G_LOG_DOMAIN "test-export"

#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "cjm-document.h"
#include "../cjm-shared-samples.h"
#include "cli-test-util.h"
#include "export-test-util.h"

static char *tmpdir;

static char *
sample_path (const char *name)
{
  char *path = cjm_shared_sample (name);

  g_assert_nonnull (path);
  return path;
}

static char *
out_path (const char *name)
{
  return g_build_filename (tmpdir, name, NULL);
}

#define have_tool export_test_have_tool

static int
run (const char * const *argv,
     char              **out,
     char              **err)
{
  return export_test_run (argv, NULL, out, err);
}

/* cjm export SAMPLE -o OUT [options…]; asserts success. */
static char *
export (const char *sample,
        const char *output,
        ...)
{
  g_autofree char *in = sample_path (sample);
  char *out = out_path (output);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *err = NULL;
  va_list ap;
  const char *arg;
  int status;

  g_ptr_array_add (argv, (char *) g_getenv ("CJM_TOOL"));
  g_ptr_array_add (argv, "export");
  g_ptr_array_add (argv, in);
  g_ptr_array_add (argv, "-o");
  g_ptr_array_add (argv, out);
  va_start (ap, output);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  status = run ((const char * const *) argv->pdata, NULL, &err);
  if (status != 0)
    g_error ("cjm export %s -> %s failed (%d): %s", sample, output, status, err);
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
  return out;
}

#define pdf_pages export_test_pdf_pages
#define flatten export_test_flatten

static char *
pdf_text (const char *pdf)
{
  return export_test_pdf_text (pdf, 0, 0, TRUE);
}

static void
assert_map_text (const char *sample,
                 const char *text)
{
  g_autofree char *path = sample_path (sample);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CjmDocument) doc = cjm_document_new_from_file (file, &error);
  const CjmKind kinds[] = { CJM_KIND_STAGE, CJM_KIND_LANE, CJM_KIND_TOUCHPOINT, CJM_KIND_NOTE, CJM_KIND_OPPORTUNITY };
  guint checked = 0;

  g_assert_no_error (error);
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (guint i = 0; i < cjm_document_get_n_items (doc, kinds[k]); i++)
      {
        CjmItem *item = cjm_document_get_item (doc, kinds[k], i);
        g_autofree char *want = flatten (cjm_item_get_display_text (item));

        if (strstr (text, want) == NULL)
          g_error ("%s: the PDF does not show “%s”", sample, want);
        checked++;
      }
  g_assert_cmpuint (checked, >, 10);
}

static void
assert_pdf_renders (const char *pdf)
{
  g_autofree char *prefix = out_path ("render");
  g_autofree char *png = g_strconcat (prefix, "-1.png", NULL);
  const char *argv[] = { "pdftoppm", "-r", "40", "-f", "1", "-l", "1", "-png", pdf, prefix, NULL };
  cairo_surface_t *image;

  g_assert_cmpint (run (argv, NULL, NULL), ==, 0);
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), >, 100);
  cairo_surface_destroy (image);
  g_unlink (png);
}

static void
test_export_pdf_fit_page (void)
{
  const char *samples[] = { "bill-payment.cjm", "fiber-onboarding.he.cjm" };

  if (!have_tool ("pdfinfo") || !have_tool ("pdftotext") || !have_tool ("pdftoppm"))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *pdf = export (samples[i], "fit.pdf", "--fit=page", "--no-cover", "--no-plan",
                                     "--no-appendix", NULL);
      g_autofree char *text = NULL;

      g_assert_cmpuint (pdf_pages (pdf), ==, 1);
      text = pdf_text (pdf);
      assert_map_text (samples[i], text);
      assert_pdf_renders (pdf);
      /* the page numbers and the legend, in the map's language */
      if (i == 0)
        {
          g_assert_nonnull (strstr (text, "Page1of1"));
          g_assert_nonnull (strstr (text, "Legend"));
        }
      else
        {
          g_assert_nonnull (strstr (text, "עמוד1מתוך1"));
          g_assert_nonnull (strstr (text, "מקרא"));
        }
    }
}

static void
test_export_pdf_hebrew (void)
{
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;

  if (!have_tool ("pdftotext"))
    return;

  pdf = export ("fiber-onboarding.he.cjm", "he.pdf", NULL);
  text = pdf_text (pdf);
  /* stage names and a card title in Hebrew, in reading order */
  g_assert_nonnull (strstr (text, "גילוי"));
  g_assert_nonnull (strstr (text, "שימושראשון"));
  g_assert_nonnull (strstr (text, "הצטרפותלאינטרנטסיבים"));
}

static void
test_export_pdf_pages (void)
{
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;

  if (!have_tool ("pdfinfo") || !have_tool ("pdftotext"))
    return;

  /* cover + map + appendix */
  g_free (pdf);
  pdf = export ("bill-payment.cjm", "cover.pdf", "--cover", "--appendix", NULL);
  {
    guint pages = pdf_pages (pdf);
    g_autofree char *last = g_strdup_printf ("Page%uof%u", pages, pages);

    /* the sample has findings: the appendix lists them over a page or more */
    g_assert_cmpuint (pages, >=, 3);
    text = pdf_text (pdf);
    g_assert_nonnull (strstr (text, last));
  }
  g_assert_nonnull (strstr (text, "Dana"));
  g_assert_nonnull (strstr (text, "Payontimewithoutcallinganyone"));
  g_assert_nonnull (strstr (text, "Findings"));
  /* the cover's summary and the appendix name rules and the cards */
  g_assert_nonnull (strstr (text, "CJM-F01"));
  g_assert_nonnull (strstr (text, "conflicting-facts"));
  g_assert_nonnull (strstr (text, "PaythroughtheIVR"));

  /* tiled over 2 × 2 sheets, with assembly labels */
  g_free (pdf);
  g_free (text);
  pdf = export ("bill-payment.cjm", "tiles.pdf", "--tiles=2x2", "--paper=a4",
                "--orientation=landscape", "--no-plan", NULL);
  g_assert_cmpuint (pdf_pages (pdf), ==, 4);
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "SheetA1"));
  g_assert_nonnull (strstr (text, "SheetB2"));
  g_assert_nonnull (strstr (text, "continuesonB1"));
  g_assert_nonnull (strstr (text, "continuesonA2"));
  /* the stage header row and the lane header column are repeated on every
   * sheet: each page shows stage names and lane names */
  for (guint page = 1; page <= 4; page++)
    {
      g_autofree char *number = g_strdup_printf ("%u", page);
      const char *argv[] = { "pdftotext", "-enc", "UTF-8", "-f", number, "-l", number, pdf, "-", NULL };
      const char *stages[] = { "Noticethebill", "Understandthecharges", "Pay", "Getconfirmation", "Followup" };
      const char *lanes[] = { "Emotions", "Customeractions", "E-mailandSMS", "Website", "Mobileapp",
                              "Callcenter", "Servicebranch", "Painpoints", "Backstage", "Opportunities" };
      g_autofree char *raw = NULL;
      g_autofree char *page_text = NULL;
      guint n_stages = 0, n_lanes = 0;

      g_assert_cmpint (run (argv, &raw, NULL), ==, 0);
      page_text = flatten (raw);
      for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
        n_stages += strstr (page_text, stages[i]) != NULL;
      for (guint i = 0; i < G_N_ELEMENTS (lanes); i++)
        n_lanes += strstr (page_text, lanes[i]) != NULL;
      g_assert_cmpuint (n_stages, >=, 1);
      g_assert_cmpuint (n_lanes, >=, 3);
    }

  /* fit to width on portrait A4: one column of pages down */
  g_free (pdf);
  pdf = export ("bill-payment.cjm", "width.pdf", "--fit=width", "--orientation=portrait", NULL);
  g_assert_cmpuint (pdf_pages (pdf), >=, 1);

  /* actual size on A4: more than one sheet for this map */
  g_free (pdf);
  pdf = export ("bill-payment.cjm", "none.pdf", "--fit=none", NULL);
  g_assert_cmpuint (pdf_pages (pdf), >, 1);

  /* bigger paper, fewer sheets */
  {
    g_autofree char *a2 = export ("bill-payment.cjm", "none-a2.pdf", "--fit=none", "--paper=a2", NULL);

    g_assert_cmpuint (pdf_pages (a2), <, pdf_pages (pdf));
  }

  /* paper size */
  {
    const char *argv[] = { "pdfinfo", pdf, NULL };
    g_autofree char *out = NULL;
    g_autofree char *a3 = export ("bill-payment.cjm", "a3.pdf", "--paper=a3", "--orientation=portrait", NULL);
    const char *argv3[] = { "pdfinfo", a3, NULL };

    g_assert_cmpint (run (argv, &out, NULL), ==, 0);
    g_assert_nonnull (strstr (out, "841.89 x 595.276"));    /* A4 landscape */
    g_free (out);
    g_assert_cmpint (run (argv3, &out, NULL), ==, 0);
    g_assert_nonnull (strstr (out, "841.89 x 1190.55"));    /* A3 portrait */
  }
}

/* pdftotext -layout of one page, flattened: the rows of a table stay rows. */
static char *
page_rows (const char *pdf,
           guint       page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  const char *argv[] = {
    "pdftotext", "-layout", "-enc", "UTF-8", "-f", number, "-l", number, pdf, "-", NULL
  };
  g_autofree char *out = NULL;

  g_assert_cmpint (run (argv, &out, NULL), ==, 0);
  return flatten (out);
}

/* cjm export FILE -o OUT [options…]; returns the exit status. */
static int
export_file (const char *file,
             const char *output,
             const char *option1,
             const char *option2)
{
  const char *argv[] = {
    g_getenv ("CJM_TOOL"), "export", file, "-o", output, "--paper=a3", option1, option2, NULL
  };

  return run (argv, NULL, NULL);
}

/* The action plan after the map: the actions in plan order (as `cjm plan`
 * lists them), ranked, the open ones under their horizons and the done and
 * dropped ones apart; no plan page with --no-plan, when the map's print
 * element says plan="false" (unless --plan) or when the map has no
 * opportunities. */
static void
test_export_action_plan (void)
{
  g_autofree char *fixture = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "fixtures",
                                               "plan-order.cjm", NULL);
  g_autofree char *pdf = out_path ("plan.pdf");
  g_autofree char *text = NULL;
  g_autofree char *json = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  const char *plan_argv[] = { g_getenv ("CJM_TOOL"), "plan", "--format=json", fixture, NULL };
  JsonArray *report, *actions;
  const char *at;
  guint rank = 0;

  if (!have_tool ("pdfinfo") || !have_tool ("pdftotext"))
    return;

  /* the order cjm plan gives */
  g_assert_cmpint (run (plan_argv, &json, NULL), ==, 0);
  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  report = json_node_get_array (json_parser_get_root (parser));
  actions = json_object_get_array_member (json_array_get_object_element (report, 0), "actions");
  g_assert_cmpuint (json_array_get_length (actions), ==, 18);

  g_assert_cmpint (export_file (fixture, pdf, "--no-cover", NULL), ==, 0);
  g_assert_cmpuint (pdf_pages (pdf), ==, 2);
  text = page_rows (pdf, 2);
  g_assert_true (g_str_has_prefix (strstr (text, "Actionplan"), "Actionplan"));
  g_assert_nonnull (strstr (text, "Page2of2"));
  /* the column headings */
  g_assert_nonnull (strstr (text, "#ActionQuadrantImpactEffortReachOwnerStatusDueStage"));

  at = strstr (text, "#Action");
  for (guint i = 0; i < json_array_get_length (actions); i++)
    {
      JsonObject *action = json_array_get_object_element (actions, i);
      g_autofree char *title = flatten (json_object_get_string_member (action, "title"));
      const char *status = json_object_get_string_member (action, "status");
      gboolean open = strcmp (status, "done") != 0 && strcmp (status, "dropped") != 0;
      g_autofree char *row = open ? g_strdup_printf ("%u%s", ++rank, title) : g_strdup (title);
      const char *found = strstr (at, row);

      if (found == NULL)
        g_error ("action %u, “%s”, is not on the plan after the one before it", i + 1, row);
      if (i == rank && !open)
        {
          /* the done and dropped ones under a heading of their own */
          const char *heading = strstr (at, "Doneanddropped");

          g_assert_true (heading != NULL && heading < found);
        }
      at = found + strlen (row);
    }
  g_assert_cmpuint (rank, ==, 15);
  /* the horizons head their sections, in plan order */
  g_assert_true (strstr (text, "Now") < strstr (text, "Next"));
  g_assert_true (strstr (text, "Next") < strstr (text, "Later"));
  g_assert_true (strstr (text, "Later") < strstr (text, "Notscheduled"));

  /* --no-plan: the map alone */
  g_assert_cmpint (export_file (fixture, pdf, "--no-cover", "--no-plan"), ==, 0);
  g_assert_cmpuint (pdf_pages (pdf), ==, 1);
  g_free (text);
  text = pdf_text (pdf);
  g_assert_null (strstr (text, "Actionplan"));

  /* plan="false" in the map's print element; --plan overrides it */
  {
    g_autofree char *copy = out_path ("no-plan.cjm");
    g_autofree char *contents = NULL;
    GString *edited;

    g_assert_true (g_file_get_contents (fixture, &contents, NULL, NULL));
    edited = g_string_new (contents);
    g_assert_cmpuint (g_string_replace (edited, "<stages>",
                                        "<print plan=\"false\"/>\n  <stages>", 1), ==, 1);
    g_assert_true (g_file_set_contents (copy, edited->str, -1, NULL));
    g_string_free (edited, TRUE);

    g_assert_cmpint (export_file (copy, pdf, NULL, NULL), ==, 0);
    g_assert_cmpuint (pdf_pages (pdf), ==, 1);
    g_assert_cmpint (export_file (copy, pdf, "--plan", NULL), ==, 0);
    g_assert_cmpuint (pdf_pages (pdf), ==, 2);
  }

  /* a map without opportunities has no plan to print */
  {
    g_autofree char *blank = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "..", "data",
                                               "templates", "blank.cjm", NULL);

    g_assert_cmpint (export_file (blank, pdf, "--plan", NULL), ==, 0);
    g_assert_cmpuint (pdf_pages (pdf), ==, 1);
    g_free (text);
    text = pdf_text (pdf);
    g_assert_null (strstr (text, "Actionplan"));
  }
}

static void
test_export_png (void)
{
  g_autofree char *png = export ("bill-payment.cjm", "map.png", "--scale=0.5", NULL);
  g_autofree char *png2 = export ("bill-payment.cjm", "map2.png", "--scale=1", NULL);
  cairo_surface_t *a = cairo_image_surface_create_from_png (png);
  cairo_surface_t *b = cairo_image_surface_create_from_png (png2);
  int w, h, stride;
  unsigned char *data;
  guint colors = 0;
  guint32 first;

  g_assert_cmpint (cairo_surface_status (a), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_surface_status (b), ==, CAIRO_STATUS_SUCCESS);
  /* the requested scale: half the size */
  w = cairo_image_surface_get_width (a);
  h = cairo_image_surface_get_height (a);
  g_assert_cmpint (w, >, 400);
  g_assert_cmpint (abs (cairo_image_surface_get_width (b) - 2 * w), <=, 1);
  g_assert_cmpint (abs (cairo_image_surface_get_height (b) - 2 * h), <=, 1);

  /* not blank: many different colours */
  data = cairo_image_surface_get_data (b);
  stride = cairo_image_surface_get_stride (b);
  first = *(guint32 *) data;
  for (int y = 0; y < cairo_image_surface_get_height (b); y += 7)
    for (int x = 0; x < cairo_image_surface_get_width (b); x += 7)
      if ((*(guint32 *) (data + y * stride + x * 4) & 0xffffff) != (first & 0xffffff))
        colors++;
  g_assert_cmpuint (colors, >, 1000);

  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
}

static void
test_export_svg (void)
{
  const char *samples[] = { "bill-payment.cjm", "fiber-onboarding.he.cjm" };

  if (!have_tool ("xmllint"))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *svg = export (samples[i], "map.svg", NULL);
      const char *argv[] = { "xmllint", "--noout", svg, NULL };
      g_autofree char *err = NULL;
      g_autofree char *contents = NULL;

      g_assert_cmpint (run (argv, NULL, &err), ==, 0);
      g_assert_cmpstr (err, ==, "");
      g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
      g_assert_nonnull (strstr (contents, "<svg"));
    }
}

static void
test_export_errors (void)
{
  g_autofree char *in = sample_path ("bill-payment.cjm");
  g_autofree char *out = out_path ("never.pdf");
  g_autofree char *bad_ext = out_path ("never.doc");
  g_autofree char *missing = out_path ("missing.cjm");
  g_autofree char *broken = out_path ("broken.cjm");
  g_autofree char *err = NULL;
  const char *tool = g_getenv ("CJM_TOOL");

  struct {
    const char *args[8];
    int         status;
    const char *message;
  } cases[] = {
    { { tool, "export", in, "-o", out, "--paper=a5", NULL }, 2, "a5" },
    { { tool, "export", in, "-o", out, "--orientation=sideways", NULL }, 2, "sideways" },
    { { tool, "export", in, "-o", out, "--fit=huge", NULL }, 2, "huge" },
    { { tool, "export", in, "-o", out, "--tiles=0x3", NULL }, 2, "0x3" },
    { { tool, "export", in, "-o", out, "--tiles=2x2", "--fit=page", NULL }, 2, "--tiles" },
    { { tool, "export", in, "-o", out, "--overlap=-4", NULL }, 2, "overlap" },
    { { tool, "export", in, "-o", bad_ext, NULL }, 2, ".pdf" },
    { { tool, "export", in, NULL }, 2, "-o" },
    { { tool, "export", in, "-o", out, "--plan", "--no-plan", NULL }, 2, "--plan" },
    { { tool, "export", missing, "-o", out, NULL }, 2, "missing.cjm" },
    { { tool, "export", broken, "-o", out, NULL }, 2, "broken.cjm" },
  };

  g_assert_true (g_file_set_contents (broken, "<journey-map xmlns=\"urn:x-cjm:1\" version=\"1.0\"><title>x</ti", -1, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_clear_pointer (&err, g_free);
      g_assert_cmpint (run (cases[i].args, NULL, &err), ==, cases[i].status);
      if (strstr (err, cases[i].message) == NULL)
        g_error ("case %u: “%s” not in the message: %s", i, cases[i].message, err);
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (bad_ext, G_FILE_TEST_EXISTS));
    }

  /* an unwritable place: a clear message, no partial file */
  {
    g_autofree char *nodir = g_build_filename (tmpdir, "no", "such", "dir", "map.pdf", NULL);
    const char *argv[] = { tool, "export", in, "-o", nodir, NULL };

    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run (argv, NULL, &err), ==, 1);
    g_assert_nonnull (strstr (err, "map.pdf"));
  }

  /* nothing but what was asked for is left in the directory */
  {
    g_autoptr(GDir) dir = g_dir_open (tmpdir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      g_assert_null (strstr (name, "never"));
  }
}

static void
test_export_print_settings (void)
{
  g_autofree char *in = sample_path ("bill-payment.cjm");
  g_autofree char *contents = NULL;
  g_autofree char *copy = out_path ("a3-tiles.cjm");
  g_autofree char *pdf = NULL;
  GString *edited;
  const char *argv_info[3] = { "pdfinfo", NULL, NULL };
  g_autofree char *info = NULL;

  if (!have_tool ("pdfinfo"))
    return;

  /* a map whose print element asks for A3 portrait, 2×2 tiles and a cover */
  g_assert_true (g_file_get_contents (in, &contents, NULL, NULL));
  edited = g_string_new (contents);
  g_string_replace (edited, "<personas>",
                    "<print paper=\"a3\" orientation=\"portrait\" fit=\"none\" tiles=\"2x2\" cover=\"true\"/>\n"
                    "  <personas>", 1);
  g_assert_true (g_file_set_contents (copy, edited->str, -1, NULL));
  g_string_free (edited, TRUE);

  {
    g_autofree char *out = out_path ("from-print.pdf");
    const char *argv[] = { g_getenv ("CJM_TOOL"), "export", copy, "-o", out, NULL };

    g_assert_cmpint (run (argv, NULL, NULL), ==, 0);
    pdf = g_steal_pointer (&out);
  }
  argv_info[1] = pdf;
  g_assert_cmpint (run (argv_info, &info, NULL), ==, 0);
  g_assert_nonnull (strstr (info, "841.89 x 1190.55"));
  g_assert_cmpuint (pdf_pages (pdf), ==, 6);   /* cover + 2×2 sheets + the action plan */

  /* options override the map's settings */
  {
    g_autofree char *out = out_path ("override.pdf");
    const char *argv[] = { g_getenv ("CJM_TOOL"), "export", copy, "-o", out, "--fit=page", "--no-cover", NULL };

    g_assert_cmpint (run (argv, NULL, NULL), ==, 0);
    g_assert_cmpuint (pdf_pages (out), ==, 2);   /* the map and its action plan */
  }
}

int
main (int   argc,
      char *argv[])
{
  /* The tests read the shared samples. */
  cjm_shared_samples_require ();
  tmpdir = cli_test_begin (&argc, &argv, "cjm-export", NULL);
  if (tmpdir == NULL)
    return 0;

  g_test_add_func ("/export/pdf-fit-page", test_export_pdf_fit_page);
  g_test_add_func ("/export/pdf-hebrew", test_export_pdf_hebrew);
  g_test_add_func ("/export/pdf-pages", test_export_pdf_pages);
  g_test_add_func ("/export/action-plan", test_export_action_plan);
  g_test_add_func ("/export/png", test_export_png);
  g_test_add_func ("/export/svg", test_export_svg);
  g_test_add_func ("/export/errors", test_export_errors);
  g_test_add_func ("/export/print-settings", test_export_print_settings);

  return cli_test_finish (tmpdir, g_test_run ());
}
