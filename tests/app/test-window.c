/* test-window.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window in a real GTK display: title and unsaved mark, undo/redo
 * actions following the history, the blank map a new window starts with.
 */

#define G_LOG_DOMAIN "CjmTest"

#include "config.h"

#include "cjm-test-app.h"
#include "cjm-window-private.h"

static CjmWindow *
new_window (void)
{
  CjmWindow *window = CJM_WINDOW (cjm_application_new_window (cjm_test_app_get ()));

  g_assert_true (cjm_test_wait_drawn (GTK_WIDGET (window)));
  return window;
}

static void
test_window_blank_map (void)
{
  CjmWindow *window = new_window ();
  CjmDocument *document = cjm_window_get_document (window);
  gboolean seen[CJM_LANE_OPPORTUNITIES + 1] = { FALSE, };

  g_assert_nonnull (document);
  g_assert_false (cjm_document_get_modified (document));
  g_assert_false (cjm_document_can_undo (document));
  g_assert_cmpuint (cjm_document_get_n_items (document, CJM_KIND_STAGE), >=, 3);

  for (guint i = 0; i < cjm_document_get_n_items (document, CJM_KIND_LANE); i++)
    seen[cjm_item_get_lane_kind (cjm_document_get_item (document, CJM_KIND_LANE, i))] = TRUE;
  g_assert_true (seen[CJM_LANE_EMOTION]);
  g_assert_true (seen[CJM_LANE_CHANNEL]);
  g_assert_true (seen[CJM_LANE_ACTIONS]);
  g_assert_true (seen[CJM_LANE_THOUGHTS]);
  g_assert_true (seen[CJM_LANE_PAIN_POINTS]);
  g_assert_true (seen[CJM_LANE_BACKSTAGE]);
  g_assert_true (seen[CJM_LANE_OPPORTUNITIES]);

  /* Every card kind has a lane to go to, and ids are unique. */
  for (guint i = 0; i < cjm_document_get_n_items (document, CJM_KIND_LANE); i++)
    {
      CjmItem *lane = cjm_document_get_item (document, CJM_KIND_LANE, i);

      g_assert_true (cjm_document_lookup (document, cjm_item_get_id (lane)) == lane);
    }

  cjm_test_close_all ();
}

static void
test_window_title (void)
{
  CjmWindow *window = new_window ();
  CjmDocument *document = cjm_window_get_document (window);
  CjmItem *map = cjm_document_get_map (document);

  g_assert_cmpstr (adw_window_title_get_title (window->window_title), ==, "Untitled journey");
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "Untitled journey"));

  cjm_document_set_field (document, map, CJM_FIELD_TITLE, "Paying a bill");
  g_assert_cmpstr (adw_window_title_get_title (window->window_title), ==, "• Paying a bill");
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• Paying a bill"));

  /* Undoing back to the clean state drops the unsaved mark. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (adw_window_title_get_title (window->window_title), ==, "Untitled journey");

  cjm_test_close_all ();
}

static void
test_window_undo_actions (void)
{
  CjmWindow *window = new_window ();
  CjmDocument *document = cjm_window_get_document (window);
  CjmItem *stage = cjm_document_get_item (document, CJM_KIND_STAGE, 0);
  const char *before = cjm_item_get_field (stage, CJM_FIELD_NAME);
  g_autofree char *old_name = g_strdup (before);

  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (window->undo_button)));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (window->redo_button)));

  cjm_document_set_field (document, stage, CJM_FIELD_NAME, "Awareness");
  cjm_test_iterate (20);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (window->undo_button)));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (window->redo_button)));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (GTK_WIDGET (window->undo_button)), "Edit"));

  /* A button activated from the keyboard clicks after a short press. */
  gtk_widget_activate (GTK_WIDGET (window->undo_button));
  cjm_test_iterate (400);
  g_assert_cmpstr (cjm_item_get_field (stage, CJM_FIELD_NAME), ==, old_name);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (window->undo_button)));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (window->redo_button)));

  gtk_widget_activate (GTK_WIDGET (window->redo_button));
  cjm_test_iterate (400);
  g_assert_cmpstr (cjm_item_get_field (stage, CJM_FIELD_NAME), ==, "Awareness");

  cjm_test_close_all ();
}

static void
test_window_size_remembered (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  CjmWindow *window;
  int width, height;

  g_settings_set (settings, "window-size", "(ii)", 1000, 700);
  g_settings_set_boolean (settings, "show-inspector", TRUE);

  /* A new window opens at the remembered size... */
  window = new_window ();
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1000);
  g_assert_cmpint (height, ==, 700);

  /* ...and remembers its own when it closes. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 650);
  adw_flap_set_reveal_flap (window->flap, FALSE);
  cjm_test_iterate (50);
  gtk_window_close (GTK_WINDOW (window));
  cjm_test_iterate (50);
  g_settings_get (settings, "window-size", "(ii)", &width, &height);
  g_assert_cmpint (width, ==, 1100);
  g_assert_cmpint (height, ==, 650);
  g_assert_false (g_settings_get_boolean (settings, "show-inspector"));

  window = new_window ();
  g_assert_false (adw_flap_get_reveal_flap (window->flap));
  cjm_test_close_all ();
  g_settings_set_boolean (settings, "show-inspector", TRUE);
}

int
main (int   argc,
      char *argv[])
{
  cjm_test_app_init (&argc, &argv);

  g_test_add_func ("/app/window/blank-map", test_window_blank_map);
  g_test_add_func ("/app/window/title", test_window_title);
  g_test_add_func ("/app/window/undo-actions", test_window_undo_actions);
  g_test_add_func ("/app/window/size-remembered", test_window_size_remembered);

  return g_test_run ();
}
