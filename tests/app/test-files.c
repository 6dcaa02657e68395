/* test-files.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Files in real windows: open, open twice, save, save as, revert, the
 * unsaved-changes question on close, a file changed on disk, a hostile
 * file, recent maps.
 */

#define G_LOG_DOMAIN "CjmTest"

#include "config.h"

#include <glib/gstdio.h>

#include "cjm-test-app.h"
#include "cjm-window-private.h"

/* Rewrites a file as someone else would, with a later modification time
 * even within the same second. */
static void
write_behind_back (const char *path,
                   const char *title)
{
  g_autofree char *text = cjm_test_small_map (title);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;
  guint64 mtime;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, 0, NULL, NULL);
  mtime = g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  g_assert_true (g_file_set_attribute_uint64 (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, mtime + 10,
                                              0, NULL, NULL));
}

static char *
title_on_disk (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CjmDocument) document = cjm_document_new_from_file (file, &error);

  g_assert_no_error (error);
  return g_strdup (cjm_item_get_field (cjm_document_get_map (document), CJM_FIELD_TITLE));
}

static const char *
map_title (CjmWindow *window)
{
  return cjm_item_get_field (cjm_document_get_map (cjm_window_get_document (window)),
                             CJM_FIELD_TITLE);
}

static guint
count_windows (void)
{
  guint n = 0;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (cjm_test_app_get ())); l; l = l->next)
    if (CJM_IS_WINDOW (l->data))
      n++;
  return n;
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
test_files_open (void)
{
  g_autofree char *sample = cjm_test_find_data ("samples/bill-payment.cjm");
  CjmWindow *window, *again;
  g_autofree char *basename = NULL;

  if (sample == NULL)
    {
      g_test_skip ("$CJM_SHARED_DIR/samples is not there");
      return;
    }
  window = cjm_test_open_path (sample);
  basename = g_path_get_basename (sample);

  g_assert_cmpstr (map_title (window), ==, "Paying a monthly phone bill");
  g_assert_cmpstr (adw_window_title_get_title (window->window_title), ==,
                   "Paying a monthly phone bill");
  g_assert_cmpstr (adw_window_title_get_subtitle (window->window_title), ==, basename);
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)),
                                   "Paying a monthly phone bill"));
  g_assert_cmpuint (count_windows (), ==, 1);

  /* Opened again: the same window, no second one. */
  again = cjm_test_open_path (sample);
  g_assert_true (again == window);
  g_assert_cmpuint (count_windows (), ==, 1);

  cjm_test_close_all ();
}

static void
test_files_open_reuses_blank_window (void)
{
  g_autofree char *dir = cjm_test_make_tmpdir ();
  g_autofree char *path = cjm_test_write_map (dir, "a.cjm", "First map");
  CjmWindow *blank = CJM_WINDOW (cjm_application_new_window (cjm_test_app_get ()));
  CjmWindow *opened;

  g_assert_true (cjm_window_is_pristine (blank));
  opened = cjm_test_open_path (path);
  g_assert_true (opened == blank);
  g_assert_cmpstr (map_title (opened), ==, "First map");

  /* A window with a map in it is not taken over. */
  g_free (path);
  path = cjm_test_write_map (dir, "b.cjm", "Second map");
  g_assert_true (cjm_test_open_path (path) != opened);
  g_assert_cmpuint (count_windows (), ==, 2);

  cjm_test_close_all ();
}

static void
test_files_save_as_and_save (void)
{
  g_autofree char *dir = cjm_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "new map.cjm", NULL);
  g_autofree char *on_disk = NULL;
  CjmWindow *window = CJM_WINDOW (cjm_application_new_window (cjm_test_app_get ()));
  CjmDocument *document = cjm_window_get_document (window);

  g_assert_true (cjm_test_wait_drawn (GTK_WIDGET (window)));
  cjm_document_set_field (document, cjm_document_get_map (document), CJM_FIELD_TITLE, "Onboarding");
  g_assert_true (cjm_document_get_modified (document));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save-as-file", "s", path));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_false (cjm_document_get_modified (document));
  on_disk = title_on_disk (path);
  g_assert_cmpstr (on_disk, ==, "Onboarding");
  g_assert_cmpstr (adw_window_title_get_title (window->window_title), ==, "Onboarding");
  g_assert_cmpstr (adw_window_title_get_subtitle (window->window_title), ==, "new map.cjm");

  /* Save goes to the same file, with no question. */
  cjm_document_set_field (document, cjm_document_get_map (document), CJM_FIELD_TITLE, "Onboarding v2");
  g_assert_cmpstr (adw_window_title_get_title (window->window_title), ==, "• Onboarding v2");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_free (on_disk);
  on_disk = title_on_disk (path);
  g_assert_cmpstr (on_disk, ==, "Onboarding v2");
  g_assert_cmpstr (adw_window_title_get_title (window->window_title), ==, "Onboarding v2");

  cjm_test_close_all ();
}

static void
test_files_save_error (void)
{
  g_autofree char *dir = cjm_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "no such folder", "map.cjm", NULL);
  CjmWindow *window = CJM_WINDOW (cjm_application_new_window (cjm_test_app_get ()));
  AdwMessageDialog *dialog;

  g_assert_true (cjm_test_wait_drawn (GTK_WIDGET (window)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-as-file", "s", path);
  dialog = cjm_test_wait_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Save the Map");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "map.cjm"));
  g_assert_null (cjm_document_get_file (cjm_window_get_document (window)));
  adw_message_dialog_response (dialog, "close");

  cjm_test_close_all ();
}

static void
test_files_hostile (void)
{
  g_autofree char *dir = cjm_test_make_tmpdir ();
  g_autofree char *good = cjm_test_write_map (dir, "good.cjm", "Good map");
  g_autofree char *bad = g_build_filename (dir, "doctype.cjm", NULL);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  CjmWindow *window = cjm_test_open_path (good);
  AdwMessageDialog *dialog;
  const char *body;

  g_assert_true (g_file_set_contents (bad,
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE journey-map [ <!ENTITY e SYSTEM \"file:///etc/passwd\"> ]>\n"
    "<journey-map xmlns=\"urn:x-cjm:1\" version=\"1.0\"><title>&e;</title></journey-map>\n",
    -1, NULL));

  g_assert_null (cjm_application_open_file (cjm_test_app_get (), bad_file));
  dialog = cjm_test_wait_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "doctype.cjm"));
  body = adw_message_dialog_get_body (dialog);
  /* The file, the line and the reason. */
  g_assert_nonnull (strstr (body, "doctype.cjm"));
  g_assert_nonnull (strstr (body, ":2"));
  g_assert_nonnull (strstr (body, "DOCTYPE"));

  /* The window stays, with its map, and works. */
  adw_message_dialog_response (dialog, "close");
  cjm_test_iterate (50);
  g_assert_cmpuint (count_windows (), ==, 1);
  g_assert_cmpstr (map_title (window), ==, "Good map");
  cjm_document_set_field (cjm_window_get_document (window),
                          cjm_document_get_map (cjm_window_get_document (window)),
                          CJM_FIELD_TITLE, "Still editable");
  g_assert_cmpstr (adw_window_title_get_title (window->window_title), ==, "• Still editable");

  /* From the command line with no window yet: a window to show it in. */
  cjm_test_close_all ();
  g_assert_cmpuint (count_windows (), ==, 0);
  g_application_open (G_APPLICATION (cjm_test_app_get ()), &bad_file, 1, "");
  g_assert_cmpuint (count_windows (), ==, 1);
  window = CJM_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (cjm_test_app_get ()))
                       ?: gtk_application_get_windows (GTK_APPLICATION (cjm_test_app_get ()))->data);
  dialog = cjm_test_wait_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "close");

  cjm_test_close_all ();
}

static void
test_files_unsaved_close (void)
{
  g_autofree char *dir = cjm_test_make_tmpdir ();
  g_autofree char *path = cjm_test_write_map (dir, "close.cjm", "Before");
  g_autofree char *on_disk = NULL;
  CjmWindow *window = cjm_test_open_path (path);
  CjmDocument *document = cjm_window_get_document (window);
  AdwMessageDialog *dialog;
  gpointer weak = window;

  g_object_add_weak_pointer (G_OBJECT (window), &weak);

  /* Unmodified: closes at once. (Checked last; first the questions.) */
  cjm_document_set_field (document, cjm_document_get_map (document), CJM_FIELD_TITLE, "After");

  /* Cancel: the window stays, changes kept. */
  gtk_window_close (GTK_WINDOW (window));
  dialog = cjm_test_wait_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save Changes?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "After"));
  adw_message_dialog_response (dialog, "cancel");
  cjm_test_iterate (50);
  g_assert_nonnull (weak);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_cmpstr (map_title (window), ==, "After");

  /* Save: written to its file, then closed. */
  gtk_window_close (GTK_WINDOW (window));
  dialog = cjm_test_wait_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "save");
  g_assert_true (cjm_test_wait_for (is_null, &weak, 5000));
  on_disk = title_on_disk (path);
  g_assert_cmpstr (on_disk, ==, "After");

  /* Discard: closed, the file untouched. */
  window = cjm_test_open_path (path);
  weak = window;
  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  document = cjm_window_get_document (window);
  cjm_document_set_field (document, cjm_document_get_map (document), CJM_FIELD_TITLE, "Lost");
  gtk_window_close (GTK_WINDOW (window));
  dialog = cjm_test_wait_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "discard");
  g_assert_true (cjm_test_wait_for (is_null, &weak, 5000));
  g_free (on_disk);
  on_disk = title_on_disk (path);
  g_assert_cmpstr (on_disk, ==, "After");

  /* No changes: no question. */
  window = cjm_test_open_path (path);
  weak = window;
  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (cjm_test_wait_for (is_null, &weak, 5000));

  cjm_test_close_all ();
}

static void
test_files_changed_on_disk (void)
{
  g_autofree char *dir = cjm_test_make_tmpdir ();
  g_autofree char *path = cjm_test_write_map (dir, "shared.cjm", "Ours");
  g_autofree char *on_disk = NULL;
  CjmWindow *window = cjm_test_open_path (path);
  CjmDocument *document = cjm_window_get_document (window);
  AdwMessageDialog *dialog;

  /* Overwrite: our version wins. */
  cjm_document_set_field (document, cjm_document_get_map (document), CJM_FIELD_TITLE, "Our edit");
  write_behind_back (path, "Their edit");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  dialog = cjm_test_wait_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "The File Changed on Disk");
  on_disk = title_on_disk (path);
  g_assert_cmpstr (on_disk, ==, "Their edit");   /* nothing written yet */
  adw_message_dialog_response (dialog, "overwrite");
  cjm_test_iterate (50);
  g_free (on_disk);
  on_disk = title_on_disk (path);
  g_assert_cmpstr (on_disk, ==, "Our edit");
  g_assert_false (cjm_document_get_modified (document));

  /* Reload: their version wins, ours is dropped. */
  cjm_document_set_field (document, cjm_document_get_map (document), CJM_FIELD_TITLE, "Our second edit");
  write_behind_back (path, "Their second edit");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  dialog = cjm_test_wait_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "reload");
  cjm_test_iterate (50);
  g_assert_cmpstr (map_title (window), ==, "Their second edit");
  g_assert_false (cjm_document_get_modified (document));
  g_free (on_disk);
  on_disk = title_on_disk (path);
  g_assert_cmpstr (on_disk, ==, "Their second edit");

  /* Cancel: nothing written, still modified. */
  cjm_document_set_field (document, cjm_document_get_map (document), CJM_FIELD_TITLE, "Third");
  write_behind_back (path, "Theirs again");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  dialog = cjm_test_wait_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  cjm_test_iterate (50);
  g_assert_true (cjm_document_get_modified (document));
  g_free (on_disk);
  on_disk = title_on_disk (path);
  g_assert_cmpstr (on_disk, ==, "Theirs again");

  /* Discard on close, so the next test starts clean. */
  cjm_document_set_clean (document);
  cjm_test_close_all ();
}

static void
test_files_revert (void)
{
  g_autofree char *dir = cjm_test_make_tmpdir ();
  g_autofree char *path = cjm_test_write_map (dir, "revert.cjm", "Saved title");
  CjmWindow *window = cjm_test_open_path (path);
  CjmDocument *document = cjm_window_get_document (window);
  AdwMessageDialog *dialog;

  cjm_document_set_field (document, cjm_document_get_map (document), CJM_FIELD_TITLE, "Unsaved title");

  /* Cancel keeps the changes. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.revert", NULL);
  dialog = cjm_test_wait_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  cjm_test_iterate (50);
  g_assert_cmpstr (map_title (window), ==, "Unsaved title");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.revert", NULL);
  dialog = cjm_test_wait_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "revert");
  cjm_test_iterate (50);
  g_assert_cmpstr (map_title (window), ==, "Saved title");
  g_assert_cmpstr (adw_window_title_get_title (window->window_title), ==, "Saved title");
  g_assert_false (cjm_document_get_modified (document));
  g_assert_false (cjm_document_can_undo (document));

  cjm_test_close_all ();
}

static gboolean
recent_menu_has (gpointer data)
{
  gpointer *args = data;
  GMenuModel *menu = G_MENU_MODEL (((CjmWindow *) args[0])->recent_menu);
  const char *uri = args[1];

  for (int s = 0; s < g_menu_model_get_n_items (menu); s++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, s, G_MENU_LINK_SECTION);

      for (int i = 0; section && i < g_menu_model_get_n_items (section); i++)
        {
          g_autoptr(GVariant) target = g_menu_model_get_item_attribute_value (section, i, "target",
                                                                              G_VARIANT_TYPE_STRING);

          if (target != NULL && g_strcmp0 (g_variant_get_string (target, NULL), uri) == 0)
            return TRUE;
        }
    }
  return FALSE;
}

static void
test_files_recent (void)
{
  g_autofree char *dir = cjm_test_make_tmpdir ();
  g_autofree char *path = cjm_test_write_map (dir, "recent.cjm", "Recent map");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  CjmWindow *window = cjm_test_open_path (path);
  gpointer args[] = { window, uri };
  gpointer weak;

  /* Opened maps are listed in the Open button's menu... */
  g_assert_true (cjm_test_wait_for (recent_menu_has, args, 5000));

  /* ...and the menu entry opens them. */
  weak = window;
  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (cjm_test_wait_for (is_null, &weak, 5000));
  window = CJM_WINDOW (cjm_application_new_window (cjm_test_app_get ()));
  g_assert_true (cjm_test_wait_drawn (GTK_WIDGET (window)));
  g_action_group_activate_action (G_ACTION_GROUP (cjm_test_app_get ()), "open-uri",
                                  g_variant_new_string (uri));
  g_assert_cmpstr (map_title (window), ==, "Recent map");

  /* Two maps of the same name: the menu names their folders. */
  {
    g_autofree char *other_dir = g_build_filename (dir, "other_folder", NULL);
    g_autofree char *twin = NULL;
    g_autoptr(GFile) twin_file = NULL;
    g_autofree char *twin_uri = NULL;
    gpointer twin_args[2];
    GMenuModel *menu, *section;
    gboolean found = FALSE;

    g_mkdir (other_dir, 0700);
    twin = cjm_test_write_map (other_dir, "recent.cjm", "Twin map");
    twin_file = g_file_new_for_path (twin);
    twin_uri = g_file_get_uri (twin_file);
    window = cjm_test_open_path (twin);
    twin_args[0] = window;
    twin_args[1] = twin_uri;
    g_assert_true (cjm_test_wait_for (recent_menu_has, twin_args, 5000));

    menu = G_MENU_MODEL (window->recent_menu);
    section = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
    for (int i = 0; i < g_menu_model_get_n_items (section); i++)
      {
        g_autofree char *label = NULL;

        g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_LABEL, "s", &label);
        /* The folder's underscore is doubled, not taken as a mnemonic. */
        if (g_strcmp0 (label, "recent.cjm (in other__folder)") == 0)
          found = TRUE;
      }
    g_object_unref (section);
    g_assert_true (found);
  }

  cjm_test_close_all ();
}

/* GtkFileChooserNative without a portal shows a GtkFileChooserDialog:
 * the test answers it as a person would, through the dialog. */
static GtkWidget *
mapped_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER_DIALOG (window) && gtk_widget_get_mapped (window))
        return window;
    }
  return NULL;
}

static gboolean
no_chooser (gpointer data)
{
  return mapped_chooser () == NULL;
}

static GtkFileChooser *
wait_chooser (void)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < end)
    {
      GtkWidget *dialog = mapped_chooser ();

      if (dialog != NULL)
        return GTK_FILE_CHOOSER (dialog);
      cjm_test_iterate (20);
    }
  return NULL;
}

static void
answer_chooser (GtkFileChooser *chooser,
                int             response)
{
  gtk_dialog_response (GTK_DIALOG (chooser), response);
  g_assert_true (cjm_test_wait_for (no_chooser, NULL, 5000));
  cjm_test_iterate (100);
}

static gboolean
chooser_has_file (gpointer data)
{
  gpointer *args = data;
  g_autoptr(GFile) file = gtk_file_chooser_get_file (args[0]);

  return file != NULL && g_file_equal (file, args[1]);
}

static gboolean
chooser_in_folder (gpointer data)
{
  gpointer *args = data;
  g_autoptr(GFile) folder = gtk_file_chooser_get_current_folder (args[0]);

  return folder != NULL && g_file_equal (folder, args[1]);
}

static void
test_files_choosers (void)
{
  g_autofree char *dir = cjm_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "Chosen.cjm", NULL);
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autofree char *folder_uri = g_file_get_uri (folder);
  gpointer args[2];
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *on_disk = NULL;
  CjmWindow *window = CJM_WINDOW (cjm_application_new_window (cjm_test_app_get ()));
  CjmDocument *document = cjm_window_get_document (window);
  GtkFileChooser *chooser;
  g_autofree char *name = NULL;

  g_assert_true (cjm_test_wait_drawn (GTK_WIDGET (window)));
  cjm_document_set_field (document, cjm_document_get_map (document), CJM_FIELD_TITLE, "Chosen");
  /* The folder last used is offered first. */
  g_settings_set_string (settings, "last-folder", folder_uri);
  args[0] = NULL;
  args[1] = file;

  /* Save on a map never saved asks where, suggesting the title. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  chooser = wait_chooser ();
  g_assert_nonnull (chooser);
  g_assert_cmpint (gtk_file_chooser_get_action (chooser), ==, GTK_FILE_CHOOSER_ACTION_SAVE);
  name = gtk_file_chooser_get_current_name (chooser);
  g_assert_cmpstr (name, ==, "Chosen.cjm");
  args[0] = chooser;
  g_assert_true (cjm_test_wait_for (chooser_has_file, args, 5000));

  /* Cancel: nothing written, still unsaved. */
  answer_chooser (chooser, GTK_RESPONSE_CANCEL);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (cjm_document_get_modified (document));

  /* Save As, a file chosen: written there. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-as", NULL);
  chooser = wait_chooser ();
  g_assert_nonnull (chooser);
  args[0] = chooser;
  g_assert_true (cjm_test_wait_for (chooser_has_file, args, 5000));
  answer_chooser (chooser, GTK_RESPONSE_ACCEPT);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  on_disk = title_on_disk (path);
  g_assert_cmpstr (on_disk, ==, "Chosen");
  g_assert_false (cjm_document_get_modified (document));
  g_assert_true (g_file_equal (cjm_document_get_file (document), file));

  /* Open: the chooser lists maps. */
  g_action_group_activate_action (G_ACTION_GROUP (cjm_test_app_get ()), "open", NULL);
  chooser = wait_chooser ();
  g_assert_nonnull (chooser);
  g_assert_cmpint (gtk_file_chooser_get_action (chooser), ==, GTK_FILE_CHOOSER_ACTION_OPEN);
  g_assert_nonnull (gtk_file_chooser_get_filter (chooser));
  g_assert_cmpstr (gtk_file_filter_get_name (gtk_file_chooser_get_filter (chooser)), ==, "Journey Maps");
  /* It starts in the folder last used. */
  args[0] = chooser;
  args[1] = folder;
  g_assert_true (cjm_test_wait_for (chooser_in_folder, args, 5000));
  answer_chooser (chooser, GTK_RESPONSE_CANCEL);
  g_assert_cmpuint (count_windows (), ==, 1);

  g_settings_reset (settings, "last-folder");
  cjm_test_close_all ();
}

int
main (int   argc,
      char *argv[])
{
  cjm_test_app_init (&argc, &argv);

  g_test_add_func ("/app/files/open", test_files_open);
  g_test_add_func ("/app/files/open-reuses-blank-window", test_files_open_reuses_blank_window);
  g_test_add_func ("/app/files/save-as-and-save", test_files_save_as_and_save);
  g_test_add_func ("/app/files/save-error", test_files_save_error);
  g_test_add_func ("/app/files/hostile", test_files_hostile);
  g_test_add_func ("/app/files/unsaved-close", test_files_unsaved_close);
  g_test_add_func ("/app/files/changed-on-disk", test_files_changed_on_disk);
  g_test_add_func ("/app/files/revert", test_files_revert);
  g_test_add_func ("/app/files/recent", test_files_recent);
  g_test_add_func ("/app/files/choosers", test_files_choosers);

  return g_test_run ();
}
