/* test-preferences.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * With real input under Xvfb: Ctrl+comma opens the preferences; turning a
 * rule's switch off takes its findings out of the findings panel and the
 * canvas's badges, and on again brings them back. The appearance: dark
 * makes the canvas's paper dark (read from the window's pixels), light
 * makes it light again, while an export stays on light paper. The
 * defaults for new maps and for printing. Screenshots go to
 * $CJM_SCREENSHOT_DIR when it is set.
 */

#define G_LOG_DOMAIN "CjmTest"

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>

#include "../cjm-shared-samples.h"
#include "cjm-edit.h"
#include "cjm-export-dialog.h"
#include "cjm-preferences-window.h"
#include "cjm-print.h"
#include "cjm-templates.h"
#include "cjm-test-app.h"
#include "cjm-test-harness.h"
#include "cjm-window-private.h"

static guint
count_rule (GListModel *model,
            const char *rule)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CjmFinding) finding = g_list_model_get_item (model, i);

      if (g_strcmp0 (cjm_finding_get_rule (finding), rule) == 0)
        n++;
    }
  return n;
}

static gboolean
toplevel_shown (gpointer data)
{
  return cjm_test_find_toplevel ((GType) GPOINTER_TO_SIZE (data), NULL) != NULL;
}

typedef struct {
  CjmFindingsPanel *panel;
  guint             n;
} PanelCount;

static gboolean
panel_shows (gpointer data)
{
  PanelCount *count = data;

  return cjm_findings_panel_get_n_visible (count->panel) == count->n;
}

static gboolean
style_is_dark (gpointer data)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ()) == GPOINTER_TO_INT (data);
}

/* The median of the pixels' brightness (0..255) in a rectangle of a PNG. */
static guint
median_brightness (const char *path,
                   int         x0,
                   int         y0,
                   int         width,
                   int         height)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new_from_file (path, &error);
  guint histogram[256] = { 0 };
  guint n = 0, seen = 0;
  int stride, channels;
  const guint8 *pixels;

  g_assert_no_error (error);
  stride = gdk_pixbuf_get_rowstride (pixbuf);
  channels = gdk_pixbuf_get_n_channels (pixbuf);
  pixels = gdk_pixbuf_read_pixels (pixbuf);
  for (int y = MAX (y0, 0); y < MIN (y0 + height, gdk_pixbuf_get_height (pixbuf)); y++)
    for (int x = MAX (x0, 0); x < MIN (x0 + width, gdk_pixbuf_get_width (pixbuf)); x++)
      {
        const guint8 *p = pixels + y * stride + x * channels;

        histogram[(p[0] + p[1] + p[2]) / 3]++;
        n++;
      }
  g_assert_cmpuint (n, >, 0);
  for (guint v = 0; v < 256; v++)
    if ((seen += histogram[v]) * 2 >= n)
      return v;
  return 255;
}

/* The median brightness of the part of the map the canvas shows, from a
 * screenshot of the window. */
static guint
canvas_paper_brightness (CjmWindow  *window,
                         const char *name)
{
  CjmCanvas *canvas = cjm_window_get_canvas (window);
  CjmLayout *layout = cjm_canvas_get_layout (canvas);
  g_autofree char *shot = NULL;
  double mw, mh, x0, y0, x1, y1;
  int sx0, sy0, sx1, sy1;

  cjm_test_wait_drawn (GTK_WIDGET (canvas));
  cjm_test_iterate (300);
  shot = cjm_test_screenshot (GTK_WIDGET (window), name);
  if (shot == NULL)
    {
      g_test_skip ("ImageMagick's import is not installed");
      return G_MAXUINT;
    }
  cjm_layout_get_size (layout, &mw, &mh);
  cjm_canvas_map_to_widget (canvas, 0, 0, &x0, &y0);
  cjm_canvas_map_to_widget (canvas, mw, mh, &x1, &y1);
  x0 = MAX (x0, 0);
  y0 = MAX (y0, 0);
  x1 = MIN (x1, gtk_widget_get_width (GTK_WIDGET (canvas)));
  y1 = MIN (y1, gtk_widget_get_height (GTK_WIDGET (canvas)));
  g_assert_cmpfloat (x1 - x0, >, 100);
  g_assert_cmpfloat (y1 - y0, >, 100);
  cjm_harness_to_surface (GTK_WIDGET (canvas), x0, y0, &sx0, &sy0);
  cjm_harness_to_surface (GTK_WIDGET (canvas), x1, y1, &sx1, &sy1);
  return median_brightness (shot, sx0, sy0, sx1 - sx0, sy1 - sy0);
}

/* Ctrl+comma, the Checks page, a rule's switch clicked off and on. */
static void
test_rules (void)
{
  g_autofree char *path = cjm_shared_sample ("bill-payment.cjm");
  g_autoptr(GSettings) settings = cjm_application_dup_settings ();
  CjmWindow *window = cjm_test_open_path (path);
  GtkWidget *preferences, *row, *toggle;
  g_auto(GStrv) disabled = NULL;
  PanelCount count;
  guint n_all, n_f01;
  g_autoptr(GPtrArray) badges = NULL;

  g_assert_nonnull (settings);
  g_settings_reset (settings, "disabled-rules");
  count.panel = window->findings_panel;
  n_all = cjm_findings_panel_get_n_visible (window->findings_panel);
  n_f01 = count_rule (G_LIST_MODEL (window->checker), "CJM-F01");
  g_assert_cmpuint (n_f01, >, 0);
  badges = cjm_checker_find_for_target (window->checker, "t-call-pay");
  g_assert_cmpuint (badges->len, >, 0);
  g_clear_pointer (&badges, g_ptr_array_unref);

  cjm_test_focus_window (GTK_WIDGET (window));
  cjm_test_xdotool ("key ctrl+comma");
  g_assert_true (cjm_test_wait_for (toplevel_shown,
                                    GSIZE_TO_POINTER (CJM_TYPE_PREFERENCES_WINDOW), 5000));
  preferences = cjm_test_find_toplevel (CJM_TYPE_PREFERENCES_WINDOW, NULL);
  g_assert_true (cjm_test_wait_drawn (preferences));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (preferences)) == GTK_WINDOW (window));
  cjm_test_iterate (300);
  g_free (cjm_test_screenshot (preferences, "preferences-general.png"));

  /* Every row is there, bound to its key. */
  g_assert_nonnull (cjm_test_find_row (preferences, "_Style"));
  g_assert_nonnull (cjm_test_find_row (preferences, "Show the _Minimap"));
  g_assert_nonnull (cjm_test_find_row (preferences, "Default _Template"));
  g_assert_nonnull (cjm_test_find_row (preferences, "_Emotion Spread"));
  g_assert_nonnull (cjm_test_find_row (preferences, "_Paper Size"));
  g_assert_nonnull (cjm_test_find_row (preferences, "_Orientation"));
  {
    const char * const *ids = cjm_rule_list_ids ();

    for (guint i = 0; ids[i] != NULL; i++)
      g_assert_nonnull (cjm_test_find_row (preferences, cjm_rule_id_get_title (ids[i])));
  }

  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "checks");
  row = cjm_test_find_row (preferences, "Conflicting facts");
  g_assert_nonnull (row);
  toggle = cjm_test_find_child (row, GTK_TYPE_SWITCH);
  g_assert_nonnull (toggle);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (toggle)));
  g_assert_true (cjm_test_wait_drawn (toggle));
  cjm_test_iterate (300);
  g_free (cjm_test_screenshot (preferences, "preferences-checks.png"));

  /* Off: the setting lists the rule, the panel and the badges lose its
   * findings, at once. */
  cjm_test_focus_window (preferences);
  cjm_test_click (toggle);
  count.n = n_all - n_f01;
  g_assert_true (cjm_test_wait_for (panel_shows, &count, 5000));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (toggle)));
  disabled = g_settings_get_strv (settings, "disabled-rules");
  g_assert_cmpstrv (disabled, ((const char *[]) { "CJM-F01", NULL }));
  g_assert_cmpuint (count_rule (G_LIST_MODEL (window->checker), "CJM-F01"), ==, 0);
  badges = cjm_checker_find_for_target (window->checker, "t-call-pay");
  for (guint i = 0; i < badges->len; i++)
    g_assert_cmpstr (cjm_finding_get_rule (g_ptr_array_index (badges, i)), !=, "CJM-F01");
  g_clear_pointer (&badges, g_ptr_array_unref);

  /* On again. */
  cjm_test_click (toggle);
  count.n = n_all;
  g_assert_true (cjm_test_wait_for (panel_shows, &count, 5000));
  g_assert_cmpuint (count_rule (G_LIST_MODEL (window->checker), "CJM-F01"), ==, n_f01);
  g_clear_pointer (&disabled, g_strfreev);
  disabled = g_settings_get_strv (settings, "disabled-rules");
  g_assert_cmpuint (g_strv_length (disabled), ==, 0);

  /* A change of the setting elsewhere moves the switch. */
  g_settings_set_strv (settings, "disabled-rules", (const char *[]) { "CJM-F01", NULL });
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (toggle)));
  count.n = n_all - n_f01;
  g_assert_true (cjm_test_wait_for (panel_shows, &count, 5000));
  g_settings_reset (settings, "disabled-rules");
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (toggle)));

  /* The preferences are also in the primary menu. */
  {
    GMenuModel *menu = gtk_menu_button_get_menu_model (window->primary_menu_button);
    gboolean found = FALSE;

    for (int s = 0; s < g_menu_model_get_n_items (menu) && !found; s++)
      {
        GMenuModel *section = g_menu_model_get_item_link (menu, s, G_MENU_LINK_SECTION);

        for (int i = 0; section != NULL && i < g_menu_model_get_n_items (section); i++)
          {
            g_autofree char *action = NULL;

            if (g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_ACTION, "s", &action)
                && g_strcmp0 (action, "app.preferences") == 0)
              found = TRUE;
          }
        g_clear_object (&section);
      }
    g_assert_true (found);
  }

  gtk_window_destroy (GTK_WINDOW (preferences));
  cjm_test_close_all ();
}

/* Dark makes the canvas's paper dark, light makes it light; the export
 * stays light. */
static void
test_dark (void)
{
  g_autofree char *path = cjm_shared_sample ("bill-payment.cjm");
  g_autofree char *dir = cjm_test_make_tmpdir ();
  g_autofree char *png = g_build_filename (dir, "dark-export.png", NULL);
  g_autoptr(GSettings) settings = cjm_application_dup_settings ();
  g_autoptr(GFile) file = g_file_new_for_path (png);
  g_autoptr(GError) error = NULL;
  CjmWindow *window = cjm_test_open_path (path);
  CjmCanvas *canvas = cjm_window_get_canvas (window);
  CjmExportDialog *dialog;
  g_autoptr(GdkPixbuf) exported = NULL;
  guint light, dark, again;

  cjm_test_focus_window (GTK_WIDGET (window));
  g_assert_cmpint (cjm_canvas_get_style_scheme (canvas), ==, CJM_STYLE_LIGHT);
  light = canvas_paper_brightness (window, "canvas-light.png");
  if (light == G_MAXUINT)
    {
      cjm_test_close_all ();
      return;
    }
  g_assert_cmpuint (light, >, 200);

  g_settings_set_string (settings, "color-scheme", "dark");
  g_assert_true (cjm_test_wait_for (style_is_dark, GINT_TO_POINTER (TRUE), 5000));
  g_assert_cmpint (cjm_canvas_get_style_scheme (canvas), ==, CJM_STYLE_DARK);
  dark = canvas_paper_brightness (window, "canvas-dark.png");
  g_assert_cmpuint (dark, <, 80);

  /* The priorities in the dark, to be looked at. */
  adw_view_stack_set_visible_child_name (window->main_stack, "priorities");
  g_assert_true (cjm_test_wait_drawn (GTK_WIDGET (window->priorities)));
  cjm_test_iterate (300);
  g_free (cjm_test_screenshot (GTK_WIDGET (window), "priorities-dark.png"));
  adw_view_stack_set_visible_child_name (window->main_stack, "map");

  /* Export while dark: light paper. */
  dialog = cjm_export_dialog_new (GTK_WINDOW (window), window->document, window->checker);
  cjm_export_dialog_set_format (dialog, CJM_EXPORT_PNG);
  g_assert_true (cjm_export_dialog_write (dialog, file, &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (dialog));
  exported = gdk_pixbuf_new_from_file (png, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (median_brightness (png, 0, 0, gdk_pixbuf_get_width (exported),
                                       gdk_pixbuf_get_height (exported)), >, 200);

  g_settings_set_string (settings, "color-scheme", "light");
  g_assert_true (cjm_test_wait_for (style_is_dark, GINT_TO_POINTER (FALSE), 5000));
  g_assert_cmpint (cjm_canvas_get_style_scheme (canvas), ==, CJM_STYLE_LIGHT);
  again = canvas_paper_brightness (window, "canvas-light-again.png");
  g_assert_cmpuint (again, >, 200);

  g_settings_reset (settings, "color-scheme");
  cjm_test_close_all ();
}

/* A new map takes the default emotion spread and stays untouched; a map
 * without a page setup prints on the default paper, one with its own
 * keeps it. */
static void
test_defaults (void)
{
  g_autoptr(GSettings) settings = cjm_application_dup_settings ();
  g_autofree char *path = cjm_shared_sample ("bill-payment.cjm");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CjmDocument) sample = cjm_document_new_from_file (file, NULL);
  g_autoptr(CjmDocument) blank = cjm_document_new_blank ("en");
  GtkWindow *window;
  CjmDocument *document;
  CjmPageSetup setup;

  g_settings_set_int (settings, "default-emotion-spread", 5);
  window = cjm_application_new_window (cjm_test_app_get ());
  document = cjm_window_get_document (CJM_WINDOW (window));
  g_assert_cmpint (cjm_document_get_emotion_spread (document), ==, 5);
  g_assert_false (cjm_document_get_modified (document));
  g_assert_false (cjm_document_can_undo (document));
  g_assert_true (cjm_window_is_pristine (CJM_WINDOW (window)));
  g_settings_reset (settings, "default-emotion-spread");
  cjm_test_close_all ();
  window = cjm_application_new_window (cjm_test_app_get ());
  document = cjm_window_get_document (CJM_WINDOW (window));
  g_assert_cmpint (cjm_document_get_emotion_spread (document), ==, 3);
  g_assert_null (cjm_item_get_field (cjm_document_get_map (document),
                                     CJM_FIELD_EMOTION_SPREAD));
  cjm_test_close_all ();

  g_assert_nonnull (sample);
  cjm_print_setup_for_document (&setup, blank);
  g_assert_cmpint (setup.paper, ==, CJM_PAPER_A4);
  g_assert_true (setup.landscape);
  g_settings_set_string (settings, "default-paper", "letter");
  g_settings_set_string (settings, "default-orientation", "portrait");
  cjm_print_setup_for_document (&setup, blank);
  g_assert_cmpint (setup.paper, ==, CJM_PAPER_LETTER);
  g_assert_false (setup.landscape);
  /* The map's own print element wins. */
  cjm_document_set_field (blank, cjm_document_get_map (blank), CJM_FIELD_PAPER, "a3");
  cjm_print_setup_for_document (&setup, blank);
  g_assert_cmpint (setup.paper, ==, CJM_PAPER_A3);
  g_assert_false (setup.landscape);
  cjm_document_set_field (blank, cjm_document_get_map (blank), CJM_FIELD_ORIENTATION,
                          "landscape");
  cjm_print_setup_for_document (&setup, blank);
  g_assert_true (setup.landscape);
  g_settings_reset (settings, "default-paper");
  g_settings_reset (settings, "default-orientation");
}

/* The rows write their keys, and follow them. */
static void
test_bindings (void)
{
  g_autoptr(GSettings) settings = cjm_application_dup_settings ();
  g_autoptr(GPtrArray) templates = cjm_templates_list ();
  CjmPreferencesWindow *preferences = cjm_preferences_window_new (NULL, settings);
  AdwComboRow *template_row, *paper_row, *orientation_row, *style_row;
  GtkWidget *spread_row, *minimap_row;
  g_autofree char *first = NULL;
  g_autofree char *chosen = NULL;
  g_autofree char *paper = NULL;
  g_autofree char *orientation = NULL;

  gtk_window_present (GTK_WINDOW (preferences));
  g_assert_true (cjm_test_wait_drawn (GTK_WIDGET (preferences)));
  template_row = ADW_COMBO_ROW (cjm_test_find_row (GTK_WIDGET (preferences), "Default _Template"));
  paper_row = ADW_COMBO_ROW (cjm_test_find_row (GTK_WIDGET (preferences), "_Paper Size"));
  orientation_row = ADW_COMBO_ROW (cjm_test_find_row (GTK_WIDGET (preferences), "_Orientation"));
  style_row = ADW_COMBO_ROW (cjm_test_find_row (GTK_WIDGET (preferences), "_Style"));
  spread_row = cjm_test_find_row (GTK_WIDGET (preferences), "_Emotion Spread");
  minimap_row = cjm_test_find_row (GTK_WIDGET (preferences), "Show the _Minimap");

  /* The blank map, then every template the gallery lists. */
  g_assert_cmpuint (templates->len, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (template_row)), ==,
                    templates->len + 1);
  g_assert_cmpuint (adw_combo_row_get_selected (template_row), ==, 0);
  adw_combo_row_set_selected (template_row, 1);
  first = g_path_get_basename (((CjmTemplate *) g_ptr_array_index (templates, 0))->path);
  chosen = g_settings_get_string (settings, "default-template");
  g_assert_cmpstr (chosen, ==, first);
  g_settings_reset (settings, "default-template");
  g_assert_cmpuint (adw_combo_row_get_selected (template_row), ==, 0);

  adw_combo_row_set_selected (paper_row, CJM_PAPER_TABLOID);
  paper = g_settings_get_string (settings, "default-paper");
  g_assert_cmpstr (paper, ==, "tabloid");
  adw_combo_row_set_selected (orientation_row, 1);
  orientation = g_settings_get_string (settings, "default-orientation");
  g_assert_cmpstr (orientation, ==, "portrait");
  g_settings_set_string (settings, "color-scheme", "dark");
  g_assert_cmpuint (adw_combo_row_get_selected (style_row), ==, 2);
  g_settings_reset (settings, "color-scheme");
  g_assert_cmpuint (adw_combo_row_get_selected (style_row), ==, 0);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (cjm_test_find_child (spread_row,
                                                                   GTK_TYPE_SPIN_BUTTON)), 4);
  g_assert_cmpint (g_settings_get_int (settings, "default-emotion-spread"), ==, 4);
  g_settings_set_boolean (settings, "show-minimap", FALSE);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (cjm_test_find_child (minimap_row,
                                                                           GTK_TYPE_SWITCH))));

  g_settings_reset (settings, "default-paper");
  g_settings_reset (settings, "default-orientation");
  g_settings_reset (settings, "default-emotion-spread");
  g_settings_reset (settings, "show-minimap");
  gtk_window_destroy (GTK_WINDOW (preferences));
  cjm_test_iterate (100);
}

int
main (int    argc,
      char **argv)
{
  /* Three of the tests open the shared bill-payment sample. */
  cjm_shared_samples_require ();
  cjm_test_app_init (&argc, &argv);

  g_test_add_func ("/preferences/rules", test_rules);
  g_test_add_func ("/preferences/dark", test_dark);
  g_test_add_func ("/preferences/defaults", test_defaults);
  g_test_add_func ("/preferences/bindings", test_bindings);

  return g_test_run ();
}
