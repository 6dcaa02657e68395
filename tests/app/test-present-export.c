/* test-present-export.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * With real input under Xvfb: Ctrl+E, PNG, the Export… button and the file
 * chooser write a PNG of the map's size at the chosen scale; F5 presents
 * the map full screen, its title first, three Right presses reach the
 * third stage in large text, Escape leaves, and the map is unchanged.
 * The slides' own words follow the map's language, not the desktop's
 * (LANGUAGE=en here). Screenshots go to $CJM_SCREENSHOT_DIR when it is set.
 */

#define G_LOG_DOMAIN "CjmTest"

#include "config.h"

#include <glib/gi18n.h>
#include <gdk-pixbuf/gdk-pixbuf.h>

#include "cjm-export-dialog.h"
#include "cjm-layout.h"
#include "cjm-presenter.h"
#include "cjm-templates.h"
#include "cjm-test-app.h"
#include "cjm-window-private.h"

/* Pixels darker than the paper in the band y0..y1 (fractions of the
 * height) of a PNG. */
static guint
count_dark (const char *path,
            double      y0,
            double      y1)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new_from_file (path, NULL);
  guint dark = 0;
  int width, height, stride, channels;
  const guchar *pixels;

  g_assert_nonnull (pixbuf);
  width = gdk_pixbuf_get_width (pixbuf);
  height = gdk_pixbuf_get_height (pixbuf);
  stride = gdk_pixbuf_get_rowstride (pixbuf);
  channels = gdk_pixbuf_get_n_channels (pixbuf);
  pixels = gdk_pixbuf_read_pixels (pixbuf);
  for (int y = (int) (y0 * height); y < (int) (y1 * height); y++)
    for (int x = 0; x < width; x++)
      {
        const guchar *p = pixels + y * stride + x * channels;

        if (p[0] + p[1] + p[2] < 3 * 90)
          dark++;
      }
  return dark;
}

static CjmDocument *
template_document (const char *name)
{
  g_autoptr(CjmTemplate) template = cjm_templates_find (name);

  g_assert_nonnull (template);
  return cjm_template_instantiate (template, NULL);
}

static CjmWindow *
open_window (CjmDocument *document)
{
  GtkWindow *window = cjm_application_new_window (cjm_test_app_get ());

  cjm_window_set_document (CJM_WINDOW (window), document);
  g_assert_true (cjm_test_wait_drawn (GTK_WIDGET (window)));
  cjm_test_iterate (200);
  return CJM_WINDOW (window);
}

static gboolean
toplevel_shown (gpointer data)
{
  return cjm_test_find_toplevel ((GType) GPOINTER_TO_SIZE (data), NULL) != NULL;
}

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_IS_REGULAR);
}

static void
test_export_png_with_real_input (void)
{
  g_autoptr(CjmDocument) document = template_document ("utility-bill-payment.cjm");
  CjmWindow *window = open_window (document);
  g_autofree char *dir = cjm_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "bill.png", NULL);
  g_autofree char *reference = g_build_filename (dir, "reference.png", NULL);
  g_autofree char *typed = NULL;
  g_autoptr(GdkPixbuf) png = NULL;
  g_autoptr(GdkPixbuf) ref = NULL;
  g_autoptr(CjmLayout) layout = NULL;
  CjmLayoutOptions options;
  GtkWidget *dialog, *chooser;
  double map_width, map_height;
  const double scale = 1.5;

  cjm_test_focus_window (GTK_WIDGET (window));
  cjm_test_xdotool ("key ctrl+e");
  g_assert_true (cjm_test_wait_for (toplevel_shown,
                                    GSIZE_TO_POINTER (CJM_TYPE_EXPORT_DIALOG), 5000));
  dialog = cjm_test_find_toplevel (CJM_TYPE_EXPORT_DIALOG, NULL);
  g_assert_true (cjm_test_wait_drawn (dialog));

  /* PNG at 1.5: the format row and the scale spin button. */
  cjm_export_dialog_set_format (CJM_EXPORT_DIALOG (dialog), CJM_EXPORT_PNG);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (cjm_test_find_child (dialog, GTK_TYPE_SPIN_BUTTON)),
                             scale);
  cjm_test_iterate (300);
  g_assert_true (gtk_widget_get_mapped (cjm_test_find_row (dialog, "_Scale")));
  g_assert_false (gtk_widget_get_mapped (cjm_test_find_row (dialog, "_Paper")));
  {
    g_autofree char *shot = cjm_test_screenshot (dialog, "export-dialog.png");

    if (shot != NULL)
      g_assert_cmpuint (count_dark (shot, 0.1, 0.9), >, 500);
  }

  /* Export… and the file chooser, typed into. */
  cjm_test_focus_window (dialog);
  cjm_test_click (GTK_WIDGET (g_object_get_data (G_OBJECT (dialog), "cjm-export-button")));
  g_assert_true (cjm_test_wait_for (toplevel_shown,
                                    GSIZE_TO_POINTER (GTK_TYPE_FILE_CHOOSER_DIALOG), 5000));
  chooser = cjm_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, NULL);
  g_assert_true (cjm_test_wait_drawn (chooser));
  cjm_test_iterate (300);
  cjm_test_focus_window (chooser);
  cjm_test_xdotool ("key ctrl+a");
  typed = g_strdup_printf ("type --delay 5 %s", path);
  cjm_test_xdotool (typed);
  cjm_test_iterate (200);
  cjm_test_xdotool ("key Return");
  g_assert_true (cjm_test_wait_for (file_exists, path, 10000));
  cjm_test_iterate (200);

  /* The map's size (title band, map and legend) at 1.5, and not blank. */
  g_assert_true (cjm_export_image (document, CJM_EXPORT_PNG, reference, 1.0, NULL, FALSE, NULL));
  png = gdk_pixbuf_new_from_file (path, NULL);
  ref = gdk_pixbuf_new_from_file (reference, NULL);
  g_assert_nonnull (png);
  g_assert_cmpint (abs (gdk_pixbuf_get_width (png) - (int) (gdk_pixbuf_get_width (ref) * scale)), <=, 2);
  g_assert_cmpint (abs (gdk_pixbuf_get_height (png) - (int) (gdk_pixbuf_get_height (ref) * scale)), <=, 2);
  cjm_layout_options_init (&options);
  layout = cjm_layout_new (document, &options);
  cjm_layout_get_size (layout, &map_width, &map_height);
  g_assert_cmpint (gdk_pixbuf_get_width (png), >=, (int) (map_width * scale) - 2);
  g_assert_cmpint (gdk_pixbuf_get_height (png), >, (int) (map_height * scale));
  g_assert_cmpuint (count_dark (path, 0, 1), >, 2000);

  /* The dialog closed, a toast offers to open the file. */
  g_assert_null (cjm_test_find_toplevel (CJM_TYPE_EXPORT_DIALOG, NULL));
  cjm_test_close_all ();
}

static gboolean
presenter_gone (gpointer data)
{
  return cjm_test_find_toplevel (CJM_TYPE_PRESENTER, NULL) == NULL;
}

typedef struct {
  CjmPresenter *presenter;
  guint         page;
} PageWait;

static gboolean
on_page (gpointer data)
{
  PageWait *wait = data;

  return cjm_presenter_get_page (wait->presenter) == wait->page
         && cjm_presenter_get_heading_height (wait->presenter) > 0;
}

static void
test_present_with_real_input (void)
{
  g_autoptr(CjmDocument) document = template_document ("utility-bill-payment.cjm");
  CjmWindow *window = open_window (document);
  g_autoptr(GBytes) before = cjm_document_serialize (document);
  g_autoptr(GBytes) after = NULL;
  CjmLayout *layout = cjm_canvas_get_layout (cjm_window_get_canvas (window));
  const char *third = cjm_item_get_display_text (cjm_layout_get_stage (layout, 2)->item);
  g_autofree char *title_shot = NULL;
  g_autofree char *stage_shot = NULL;
  GdkDisplay *display = gdk_display_get_default ();
  GdkMonitor *monitor;
  GdkRectangle geometry;
  CjmPresenter *presenter;
  PageWait wait;

  g_assert_false (cjm_document_get_modified (document));
  cjm_test_focus_window (GTK_WIDGET (window));
  cjm_test_xdotool ("key F5");
  g_assert_true (cjm_test_wait_for (toplevel_shown,
                                    GSIZE_TO_POINTER (CJM_TYPE_PRESENTER), 5000));
  presenter = CJM_PRESENTER (cjm_test_find_toplevel (CJM_TYPE_PRESENTER, NULL));
  g_assert_true (cjm_test_wait_drawn (GTK_WIDGET (presenter)));
  cjm_test_iterate (500);

  /* Full screen: the whole monitor. */
  monitor = g_list_model_get_item (gdk_display_get_monitors (display), 0);
  gdk_monitor_get_geometry (monitor, &geometry);
  g_object_unref (monitor);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (presenter)), ==, geometry.width);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (presenter)), ==, geometry.height);

  /* The title first, in large text (over a twelfth of the screen tall). */
  wait = (PageWait) { presenter, 0 };
  g_assert_true (cjm_test_wait_for (on_page, &wait, 3000));
  g_assert_cmpstr (cjm_presenter_get_heading (presenter), ==, "Paying the electricity bill");
  g_assert_cmpint (cjm_presenter_get_heading_height (presenter), >, geometry.height / 12);
  title_shot = cjm_test_screenshot (GTK_WIDGET (presenter), "present-title.png");
  if (title_shot != NULL)
    g_assert_cmpuint (count_dark (title_shot, 0.25, 0.45), >, 20000);

  cjm_test_focus_window (GTK_WIDGET (presenter));
  cjm_test_xdotool ("key Right");
  cjm_test_xdotool ("key Right");
  cjm_test_xdotool ("key Right");
  wait.page = 3;
  g_assert_true (cjm_test_wait_for (on_page, &wait, 3000));
  cjm_test_iterate (300);
  g_assert_cmpstr (cjm_presenter_get_heading (presenter), ==, third);
  g_assert_cmpint (cjm_presenter_get_heading_height (presenter), >, geometry.height / 14);
  stage_shot = cjm_test_screenshot (GTK_WIDGET (presenter), "present-stage3.png");
  if (stage_shot != NULL)
    {
      g_assert_cmpuint (count_dark (stage_shot, 0.02, 0.2), >, 10000);
      /* The emotion curve of the first three stages at the bottom. */
      g_assert_cmpuint (count_dark (stage_shot, 0.7, 1.0), >, 1000);
    }

  /* A stage by its number: 2, Return. */
  cjm_test_xdotool ("key 2 Return");
  wait.page = 2;
  g_assert_true (cjm_test_wait_for (on_page, &wait, 3000));

  cjm_test_xdotool ("key Escape");
  g_assert_true (cjm_test_wait_for (presenter_gone, NULL, 3000));

  after = cjm_document_serialize (document);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (cjm_document_get_modified (document));
  g_assert_false (cjm_document_can_undo (document));
  cjm_test_close_all ();
}

static void
test_present_rtl_steps_with_left (void)
{
  g_autoptr(CjmDocument) document = template_document ("internet-onboarding.he.cjm");
  CjmWindow *window = open_window (document);
  CjmPresenter *presenter;
  PageWait wait;

  g_assert_true (cjm_document_is_rtl (document));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL);
  presenter = CJM_PRESENTER (cjm_test_find_toplevel (CJM_TYPE_PRESENTER, NULL));
  g_assert_nonnull (presenter);
  g_assert_true (cjm_test_wait_drawn (GTK_WIDGET (presenter)));
  cjm_test_focus_window (GTK_WIDGET (presenter));
  /* On a right-to-left map Left goes forward, Right back. */
  cjm_test_xdotool ("key Left");
  cjm_test_xdotool ("key Left");
  wait = (PageWait) { presenter, 2 };
  g_assert_true (cjm_test_wait_for (on_page, &wait, 3000));
  cjm_test_xdotool ("key Right");
  wait.page = 1;
  g_assert_true (cjm_test_wait_for (on_page, &wait, 3000));
  g_free (cjm_test_screenshot (GTK_WIDGET (presenter), "present-rtl-stage1.png"));
  cjm_test_xdotool ("key Escape");
  g_assert_true (cjm_test_wait_for (presenter_gone, NULL, 3000));
  cjm_test_close_all ();
}

typedef struct {
  CjmPresenter *presenter;
  const char   *label;
} LabelWait;

static gboolean
label_drawn (gpointer data)
{
  LabelWait *wait = data;

  return g_strcmp0 (cjm_presenter_get_label (wait->presenter), wait->label) == 0;
}

/* A Hebrew map presented on an English desktop: the slides' words (the
 * number of stages, "Stage 1 of 5") are Hebrew, from the map's xml:lang. */
static void
test_present_labels_in_map_language (void)
{
  g_autoptr(CjmDocument) document = template_document ("internet-onboarding.he.cjm");
  CjmWindow *window = open_window (document);
  CjmLayout *layout = cjm_canvas_get_layout (cjm_window_get_canvas (window));
  guint n = cjm_layout_get_n_stages (layout);
  g_autofree char *count = g_strdup_printf ("%u שלבים", n);
  g_autofree char *counter = g_strdup_printf ("שלב 1 מתוך %u", n);
  CjmPresenter *presenter;
  PageWait wait;
  LabelWait label_wait;

  /* The desktop is English: gettext gives the source strings. */
  g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, "en");
  g_assert_cmpstr (_("Stage %u of %u"), ==, "Stage %u of %u");
  g_assert_cmpstr (cjm_item_get_field (cjm_document_get_map (document), CJM_FIELD_LANG), ==, "he");
  g_assert_cmpuint (n, >, 1);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL);
  presenter = CJM_PRESENTER (cjm_test_find_toplevel (CJM_TYPE_PRESENTER, NULL));
  g_assert_nonnull (presenter);
  g_assert_true (cjm_test_wait_drawn (GTK_WIDGET (presenter)));

  wait = (PageWait) { presenter, 0 };
  g_assert_true (cjm_test_wait_for (on_page, &wait, 3000));
  g_assert_cmpstr (cjm_presenter_get_label (presenter), ==, count);

  cjm_presenter_set_page (presenter, 1);
  label_wait = (LabelWait) { presenter, counter };
  if (!cjm_test_wait_for (label_drawn, &label_wait, 3000))
    g_assert_cmpstr (cjm_presenter_get_label (presenter), ==, counter);
  g_assert_cmpuint (cjm_presenter_get_page (presenter), ==, 1);
  g_assert_cmpstr (cjm_presenter_get_heading (presenter), ==,
                   cjm_item_get_display_text (cjm_layout_get_stage (layout, 0)->item));

  gtk_window_close (GTK_WINDOW (presenter));
  g_assert_true (cjm_test_wait_for (presenter_gone, NULL, 3000));
  cjm_test_close_all ();
}

int
main (int   argc,
      char *argv[])
{
  /* An English desktop; the Hebrew map's slides must not follow it. The
   * catalogs of the build, bound as the app's main() binds them. */
  g_setenv ("LANGUAGE", "en", TRUE);
  if (g_getenv ("JOURNEYMAN_LOCALEDIR") != NULL)
    bindtextdomain (GETTEXT_PACKAGE, g_getenv ("JOURNEYMAN_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  cjm_test_app_init (&argc, &argv);

  g_test_add_func ("/export/png-with-real-input", test_export_png_with_real_input);
  g_test_add_func ("/present/real-input", test_present_with_real_input);
  g_test_add_func ("/present/rtl", test_present_rtl_steps_with_left);
  g_test_add_func ("/present/map-language", test_present_labels_in_map_language);
  return g_test_run ();
}
