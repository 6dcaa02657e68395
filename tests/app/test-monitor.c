/* test-monitor.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window watches its map's file: a change by someone else reveals a
 * banner whose Reload button (clicked for real) loads their version; our
 * own save does not; a deleted file is said to be gone.
 */

#define G_LOG_DOMAIN "CjmTest"

#include "config.h"

#include <glib/gstdio.h>

#include "../cjm-shared-samples.h"
#include "cjm-test-app.h"
#include "cjm-window-private.h"

static const char *
map_title (CjmWindow *window)
{
  return cjm_item_get_field (cjm_document_get_map (cjm_window_get_document (window)),
                             CJM_FIELD_TITLE);
}

static gboolean
banner_shown (gpointer data)
{
  CjmWindow *window = data;

  return gtk_revealer_get_reveal_child (window->disk_banner)
         && gtk_revealer_get_child_revealed (window->disk_banner);
}

static gboolean
banner_hidden (gpointer data)
{
  CjmWindow *window = data;

  return !gtk_revealer_get_reveal_child (window->disk_banner);
}

typedef struct {
  CjmWindow  *window;
  const char *title;
} TitleWait;

static gboolean
has_title_and_no_banner (gpointer data)
{
  TitleWait *wait = data;

  return g_strcmp0 (map_title (wait->window), wait->title) == 0 && banner_hidden (wait->window);
}

/* Someone else rewrites the file: the title replaced, and a later
 * modification time even within the same microsecond. */
static void
rewrite_title (const char *path,
               const char *old_title,
               const char *new_title)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *text = NULL;
  g_autofree char *old_element = g_strdup_printf ("<title>%s</title>", old_title);
  g_autofree char *new_element = g_strdup_printf ("<title>%s</title>", new_title);
  g_auto(GStrv) parts = NULL;
  g_autofree char *changed = NULL;
  guint64 mtime;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  parts = g_strsplit (text, old_element, 2);
  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  changed = g_strjoinv (new_element, parts);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, 0, NULL, NULL);
  mtime = g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED);
  g_assert_true (g_file_set_contents (path, changed, -1, NULL));
  g_assert_true (g_file_set_attribute_uint64 (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, mtime + 10,
                                              0, NULL, NULL));
}

static char *
copy_sample (const char *dir)
{
  g_autofree char *sample = cjm_test_find_data ("samples/bill-payment.cjm");
  g_autofree char *path = g_build_filename (dir, "bill-payment.cjm", NULL);
  g_autofree char *text = NULL;
  gsize len;

  g_assert_nonnull (sample);
  g_assert_true (g_file_get_contents (sample, &text, &len, NULL));
  g_assert_true (g_file_set_contents (path, text, len, NULL));
  return g_steal_pointer (&path);
}

static void
screenshot (const char *name)
{
  const char *dir = g_getenv ("CJM_SCREENSHOT_DIR");
  g_autofree char *path = NULL;
  g_autofree char *command = NULL;
  int status;

  if (dir == NULL || g_find_program_in_path ("import") == NULL)
    return;
  path = g_build_filename (dir, name, NULL);
  command = g_strdup_printf ("import -window root %s", path);
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, &status, NULL));
  g_test_message ("screenshot: %s", path);
}

static void
test_monitor_changed_by_someone_else (void)
{
  g_autofree char *dir = cjm_test_make_tmpdir ();
  g_autofree char *path = copy_sample (dir);
  CjmWindow *window = cjm_test_open_path (path);
  CjmDocument *document = cjm_window_get_document (window);
  TitleWait wait = { window, NULL };

  g_assert_cmpstr (map_title (window), ==, "Paying a monthly phone bill");
  cjm_test_iterate (500);
  g_assert_true (banner_hidden (window));

  /* Our own save changes the file too: no banner. */
  cjm_document_set_field (document, cjm_document_get_map (document), CJM_FIELD_TITLE, "Our title");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  g_assert_false (cjm_document_get_modified (document));
  g_assert_false (cjm_test_wait_for (banner_shown, window, 2000));
  g_assert_true (banner_hidden (window));

  /* Someone else's change: the banner, and Reload loads their version. */
  rewrite_title (path, "Our title", "Their title");
  g_assert_true (cjm_test_wait_for (banner_shown, window, 10000));
  g_assert_cmpstr (gtk_label_get_text (window->disk_banner_label), ==,
                   "The map was changed on disk by someone else");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->disk_reload_button)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window->disk_reload_button)));
  g_assert_cmpstr (map_title (window), ==, "Our title");
  cjm_test_iterate (300);
  screenshot ("monitor-banner.png");

  cjm_test_focus_window (GTK_WIDGET (window));
  cjm_test_click (GTK_WIDGET (window->disk_reload_button));
  wait.title = "Their title";
  g_assert_true (cjm_test_wait_for (has_title_and_no_banner, &wait, 5000));
  g_assert_false (cjm_document_get_modified (document));

  /* And our next save, after the reload, still raises no banner. */
  cjm_document_set_field (document, cjm_document_get_map (document), CJM_FIELD_TITLE, "Ours again");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  g_assert_false (cjm_document_get_modified (document));
  g_assert_false (cjm_test_wait_for (banner_shown, window, 2000));

  cjm_test_close_all ();
}

static void
test_monitor_unsaved_changes_asked_first (void)
{
  g_autofree char *dir = cjm_test_make_tmpdir ();
  g_autofree char *path = copy_sample (dir);
  CjmWindow *window = cjm_test_open_path (path);
  CjmDocument *document = cjm_window_get_document (window);
  AdwMessageDialog *dialog;
  TitleWait wait = { window, "Their title" };

  cjm_document_set_field (document, cjm_document_get_map (document), CJM_FIELD_TITLE, "Unsaved");
  rewrite_title (path, "Paying a monthly phone bill", "Their title");
  g_assert_true (cjm_test_wait_for (banner_shown, window, 10000));

  /* Reload with unsaved changes asks; cancelling keeps ours and the banner. */
  cjm_test_focus_window (GTK_WIDGET (window));
  cjm_test_click (GTK_WIDGET (window->disk_reload_button));
  dialog = cjm_test_wait_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  cjm_test_iterate (100);
  g_assert_cmpstr (map_title (window), ==, "Unsaved");
  g_assert_true (gtk_revealer_get_reveal_child (window->disk_banner));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.revert", NULL);
  dialog = cjm_test_wait_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "revert");
  g_assert_true (cjm_test_wait_for (has_title_and_no_banner, &wait, 5000));

  cjm_test_close_all ();
}

static void
test_monitor_deleted (void)
{
  g_autofree char *dir = cjm_test_make_tmpdir ();
  g_autofree char *path = copy_sample (dir);
  CjmWindow *window = cjm_test_open_path (path);
  g_autofree char *on_disk = NULL;

  cjm_test_iterate (300);
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_true (cjm_test_wait_for (banner_shown, window, 10000));
  g_assert_cmpstr (gtk_label_get_text (window->disk_banner_label), ==,
                   "The file was deleted or moved; save to keep your map");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->disk_reload_button)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->disk_save_button)));

  /* Saving puts the file back and hides the banner. */
  cjm_test_focus_window (GTK_WIDGET (window));
  cjm_test_click (GTK_WIDGET (window->disk_save_button));
  g_assert_true (cjm_test_wait_for (banner_hidden, window, 5000));
  g_assert_true (g_file_get_contents (path, &on_disk, NULL, NULL));
  g_assert_nonnull (strstr (on_disk, "Paying a monthly phone bill"));

  cjm_test_close_all ();
}

static void
test_monitor_follows_save_as (void)
{
  g_autofree char *dir = cjm_test_make_tmpdir ();
  g_autofree char *path = copy_sample (dir);
  g_autofree char *other = g_build_filename (dir, "copy.cjm", NULL);
  CjmWindow *window = cjm_test_open_path (path);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-as-file", "s", other);
  g_assert_false (cjm_test_wait_for (banner_shown, window, 1500));

  /* The old file is no longer ours to watch; the new one is. */
  rewrite_title (path, "Paying a monthly phone bill", "Old file changed");
  g_assert_false (cjm_test_wait_for (banner_shown, window, 1500));
  rewrite_title (other, "Paying a monthly phone bill", "New file changed");
  g_assert_true (cjm_test_wait_for (banner_shown, window, 10000));

  cjm_test_close_all ();
}

int
main (int   argc,
      char *argv[])
{
  /* Every test edits a copy of a shared sample. */
  cjm_shared_samples_require ();
  cjm_test_app_init (&argc, &argv);

  g_test_add_func ("/app/monitor/changed-by-someone-else", test_monitor_changed_by_someone_else);
  g_test_add_func ("/app/monitor/unsaved-changes-asked-first", test_monitor_unsaved_changes_asked_first);
  g_test_add_func ("/app/monitor/deleted", test_monitor_deleted);
  g_test_add_func ("/app/monitor/follows-save-as", test_monitor_follows_save_as);

  return g_test_run ();
}
