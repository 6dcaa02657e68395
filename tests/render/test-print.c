/* test-print.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Printing in the application, under a headless X server: a
 * GtkPrintOperation exporting to PDF (set_export_filename) prints the
 * pages of the page plan; the paper chosen for printing is stored in the
 * map as an undoable edit; the print preview opens from the window with
 * Ctrl+Shift+P, turns pages with Page Down, draws the page, and its page
 * setup edits the map (undoable).
 */

#define G_LOG_DOMAIN "test-print"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cjm-print.h"
#include "cjm-print-preview.h"
#include "../cjm-shared-samples.h"
#include "cjm-test-app.h"

static char *
sample (const char *name)
{
  char *path = cjm_shared_sample (name);

  g_assert_nonnull (path);
  return path;
}

static CjmDocument *
load_sample (const char *name)
{
  g_autofree char *path = sample (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CjmDocument *doc = cjm_document_new_from_file (file, &error);

  g_assert_no_error (error);
  return doc;
}

static char *
run_tool (const char *tool,
          const char *pdf)
{
  const char *argv[] = { tool, pdf, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  if (g_str_equal (tool, "pdfinfo"))
    argv[2] = NULL;
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                     &out, NULL, &status, &error))
    g_error ("%s: %s", tool, error->message);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static guint
pdf_pages (const char *pdf)
{
  g_autofree char *info = run_tool ("pdfinfo", pdf);
  const char *line = strstr (info, "Pages:");

  g_assert_nonnull (line);
  return (guint) g_ascii_strtoull (line + 6 + strspn (line + 6, " "), NULL, 10);
}

static void
test_print_export (void)
{
  g_autoptr(CjmDocument) doc = load_sample ("bill-payment.cjm");
  g_autofree char *dir = cjm_test_make_tmpdir ();
  g_autofree char *pdf = g_build_filename (dir, "printed.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkPrintOperationResult result;
  CjmItem *map = cjm_document_get_map (doc);

  /* a cover and an appendix, through the map's print fields */
  cjm_document_set_field (doc, map, CJM_FIELD_COVER, "true");
  cjm_document_set_field (doc, map, CJM_FIELD_APPENDIX, "true");
  cjm_document_clear_history (doc);

  result = cjm_print_run (doc, NULL, NULL, GTK_PRINT_OPERATION_ACTION_EXPORT, pdf, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));

  {
    g_autoptr(GPtrArray) findings = cjm_check_document (doc);
    g_autoptr(CjmPagePlan) plan = cjm_page_plan_new (doc, NULL, findings, NULL);

    /* the same pages as the page plan: cover, map, action plan, appendix */
    g_assert_cmpuint (pdf_pages (pdf), ==, cjm_page_plan_get_n_pages (plan));
    g_assert_cmpuint (pdf_pages (pdf), >=, 3);
  }
  text = run_tool ("pdftotext", pdf);
  g_assert_nonnull (strstr (text, "Paying a monthly phone bill"));
  g_assert_nonnull (strstr (text, "Notice the bill"));
  g_assert_nonnull (strstr (text, "Findings"));
  g_assert_nonnull (strstr (text, "Action plan"));
  /* the same paper as the map's: nothing to store, nothing to undo */
  g_assert_false (cjm_document_can_undo (doc));
}

static void
test_print_paper_stored (void)
{
  g_autoptr(CjmDocument) doc = load_sample ("fiber-onboarding.he.cjm");
  g_autofree char *dir = cjm_test_make_tmpdir ();
  g_autofree char *pdf = g_build_filename (dir, "a3.pdf", NULL);
  g_autoptr(GtkPrintOperation) operation = cjm_print_operation_new (doc, NULL);
  g_autoptr(GtkPageSetup) a3 = gtk_page_setup_new ();
  g_autoptr(GError) error = NULL;
  GtkPaperSize *size = cjm_print_paper_size_new (CJM_PAPER_A3);
  CjmItem *map = cjm_document_get_map (doc);
  g_autofree char *info = NULL;

  /* as if A3 portrait had been chosen in the print dialog */
  gtk_page_setup_set_paper_size (a3, size);
  gtk_page_setup_set_orientation (a3, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_paper_size_free (size);
  gtk_print_operation_set_default_page_setup (operation, a3);
  gtk_print_operation_set_export_filename (operation, pdf);

  g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error), ==,
                   GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);

  info = run_tool ("pdfinfo", pdf);
  g_assert_nonnull (strstr (info, "841.89 x 1190.55"));

  /* the map remembers the paper, as one undoable step */
  g_assert_cmpstr (cjm_item_get_field (map, CJM_FIELD_PAPER), ==, "a3");
  g_assert_cmpstr (cjm_item_get_field (map, CJM_FIELD_ORIENTATION), ==, "portrait");
  g_assert_true (cjm_document_can_undo (doc));
  g_assert_true (cjm_document_undo (doc));
  g_assert_null (cjm_item_get_field (map, CJM_FIELD_PAPER));
  g_assert_false (cjm_document_can_undo (doc));
}

static gboolean
preview_open (gpointer data)
{
  return cjm_test_find_toplevel (CJM_TYPE_PRINT_PREVIEW, NULL) != NULL;
}

static gboolean
preview_closed (gpointer data)
{
  return !preview_open (data);
}

static gboolean
page_is (gpointer data)
{
  CjmPrintPreview *preview = CJM_PRINT_PREVIEW (cjm_test_find_toplevel (CJM_TYPE_PRINT_PREVIEW, NULL));

  return preview != NULL && cjm_print_preview_get_page (preview) == GPOINTER_TO_UINT (data);
}

static gboolean
n_pages_is (gpointer data)
{
  CjmPrintPreview *preview = CJM_PRINT_PREVIEW (cjm_test_find_toplevel (CJM_TYPE_PRINT_PREVIEW, NULL));

  return preview != NULL && cjm_print_preview_get_n_pages (preview) == GPOINTER_TO_UINT (data);
}

/* How many distinct colours the preview's drawing shows. */
static guint
count_colors (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GHashTable) colors = g_hash_table_new (NULL, NULL);
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  g_autofree guchar *pixels = NULL;

  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  pixels = g_malloc (w * h * 4);
  gdk_texture_download (texture, pixels, w * 4);
  for (int i = 0; i < w * h; i += 3)
    g_hash_table_add (colors, GUINT_TO_POINTER (((guint32 *) pixels)[i]));
  return g_hash_table_size (colors);
}

static GtkWidget *
find_drawing_area (GtkWidget *root)
{
  return cjm_test_find_child (root, GTK_TYPE_DRAWING_AREA);
}

static void
test_print_preview (void)
{
  g_autoptr(CjmDocument) doc = load_sample ("bill-payment.cjm");
  CjmWindow *window = cjm_window_new (cjm_test_app_get (), doc);
  CjmPrintPreview *preview;
  CjmItem *map = cjm_document_get_map (doc);
  GtkWidget *area;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (cjm_test_wait_drawn (GTK_WIDGET (window)));
  cjm_test_focus_window (GTK_WIDGET (window));

  /* Ctrl+Shift+P opens the preview over the window */
  cjm_test_xdotool ("key ctrl+shift+p");
  g_assert_true (cjm_test_wait_for (preview_open, NULL, 5000));
  preview = CJM_PRINT_PREVIEW (cjm_test_find_toplevel (CJM_TYPE_PRINT_PREVIEW, NULL));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (preview)) == GTK_WINDOW (window));
  g_assert_true (cjm_test_wait_drawn (GTK_WIDGET (preview)));
  /* the map and its action plan (the sample has opportunities) */
  g_assert_cmpuint (cjm_print_preview_get_n_pages (preview), ==, 2);
  g_assert_cmpint (cjm_page_plan_get_page_kind (cjm_print_preview_get_plan (preview), 1), ==,
                   CJM_PAGE_ACTION_PLAN);

  /* it draws the page itself */
  area = find_drawing_area (GTK_WIDGET (preview));
  g_assert_nonnull (area);
  g_assert_cmpuint (count_colors (area), >, 50);

  /* a cover page, switched on in the preview: an undoable edit of the map */
  {
    GtkWidget *row = cjm_test_find_row (GTK_WIDGET (preview), "_Cover page");
    GtkWidget *sw;

    g_assert_nonnull (row);
    sw = cjm_test_find_child (row, GTK_TYPE_SWITCH);
    gtk_switch_set_active (GTK_SWITCH (sw), TRUE);
  }
  g_assert_cmpstr (cjm_item_get_field (map, CJM_FIELD_COVER), ==, "true");
  g_assert_true (cjm_test_wait_for (n_pages_is, GUINT_TO_POINTER (3), 5000));
  g_assert_cmpint (cjm_page_plan_get_page_kind (cjm_print_preview_get_plan (preview), 0), ==, CJM_PAGE_COVER);

  /* Page Down turns to the map */
  cjm_test_focus_window (GTK_WIDGET (preview));
  cjm_test_xdotool ("key Next");
  g_assert_true (cjm_test_wait_for (page_is, GUINT_TO_POINTER (1), 5000));
  cjm_test_xdotool ("key Prior");
  g_assert_true (cjm_test_wait_for (page_is, GUINT_TO_POINTER (0), 5000));

  /* undo in the map brings the preview back to two pages */
  g_assert_true (cjm_document_undo (doc));
  g_assert_null (cjm_item_get_field (map, CJM_FIELD_COVER));
  g_assert_true (cjm_test_wait_for (n_pages_is, GUINT_TO_POINTER (2), 5000));

  /* the action plan switched off: plan="false" in the map, undoable */
  {
    GtkWidget *row = cjm_test_find_row (GTK_WIDGET (preview), "Ac_tion plan");

    g_assert_nonnull (row);
    gtk_switch_set_active (GTK_SWITCH (cjm_test_find_child (row, GTK_TYPE_SWITCH)), FALSE);
  }
  g_assert_cmpstr (cjm_item_get_field (map, CJM_FIELD_PLAN), ==, "false");
  g_assert_true (cjm_test_wait_for (n_pages_is, GUINT_TO_POINTER (1), 5000));
  g_assert_true (cjm_document_undo (doc));
  g_assert_null (cjm_item_get_field (map, CJM_FIELD_PLAN));
  g_assert_true (cjm_test_wait_for (n_pages_is, GUINT_TO_POINTER (2), 5000));

  /* tiles set in the preview */
  {
    GtkWidget *fit_row = cjm_test_find_row (GTK_WIDGET (preview), "_Fit");
    GtkWidget *across = cjm_test_find_row (GTK_WIDGET (preview), "Sheets _across");
    GtkWidget *down = cjm_test_find_row (GTK_WIDGET (preview), "Sheets _down");

    adw_combo_row_set_selected (ADW_COMBO_ROW (fit_row), CJM_FIT_NONE);
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (cjm_test_find_child (across, GTK_TYPE_SPIN_BUTTON)), 2);
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (cjm_test_find_child (down, GTK_TYPE_SPIN_BUTTON)), 2);
  }
  g_assert_cmpstr (cjm_item_get_field (map, CJM_FIELD_FIT), ==, "none");
  g_assert_cmpstr (cjm_item_get_field (map, CJM_FIELD_TILES), ==, "2x2");
  g_assert_true (cjm_test_wait_for (n_pages_is, GUINT_TO_POINTER (5), 5000));

  /* Escape closes it */
  cjm_test_xdotool ("key Escape");
  g_assert_true (cjm_test_wait_for (preview_closed, NULL, 5000));

  cjm_test_close_all ();
}

int
main (int   argc,
      char *argv[])
{
  /* The tests read the shared samples. */
  cjm_shared_samples_require ();
  cjm_test_app_init (&argc, &argv);

  g_test_add_func ("/print/export", test_print_export);
  g_test_add_func ("/print/paper-stored", test_print_paper_stored);
  g_test_add_func ("/print/preview", test_print_preview);

  return g_test_run ();
}
