/* test-drafts.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drafts and recovery, and the faults a save can meet, in the app: the
 * draft follows the edits and goes with a clean save or close; a draft
 * left by a dead process is offered at the first window and recovered
 * dirty or discarded; a full disk or a refused write leaves the map
 * dirty, the old file intact, says why and lets Save As work; a
 * read-only file opens with a banner; a deleted file is saved again; a
 * save over someone else's is asked about and the edits are kept as a
 * draft; a FIFO or a device given to Open is refused promptly.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cjm-drafts.h"
#include "cjm-recovery-dialog.h"
#include "cjm-test-app.h"

/* The environment changes only while the draft worker is idle: setenv()
 * may move the environment another thread is reading. */
static void
set_fault (const char *fault)
{
  cjm_drafts_flush ();
  if (fault != NULL)
    g_setenv ("CJM_FILE_WRITER_TEST_FAULT", fault, TRUE);
  else
    g_unsetenv ("CJM_FILE_WRITER_TEST_FAULT");
}

static void
set_title (CjmWindow  *window,
           const char *title)
{
  CjmDocument *document = cjm_window_get_document (window);

  cjm_document_set_field (document, cjm_document_get_map (document), CJM_FIELD_TITLE, title);
}

static char *
draft_path (const char *id,
            const char *suffix)
{
  g_autofree char *folder = cjm_drafts_dup_folder ();
  g_autofree char *name = g_strconcat (id, suffix, NULL);

  return g_build_filename (folder, name, NULL);
}

static gboolean
draft_exists (gpointer data)
{
  g_autofree char *path = draft_path (data, ".draft");

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* The title of the map in a draft (flushing the worker first). */
static char *
draft_title (const char *id)
{
  g_autofree char *path = draft_path (id, ".draft.cjm");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CjmDocument) document = NULL;

  cjm_drafts_flush ();
  document = cjm_document_new_from_file (file, &error);
  g_assert_no_error (error);
  return g_strdup (cjm_item_get_field (cjm_document_get_map (document), CJM_FIELD_TITLE));
}

static char *
read_text (const char *path)
{
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

/* Plants a draft as a process that has died would have left it. */
static char *
plant_draft (const char *title,
             const char *file_path,
             const char *etag)
{
  g_autofree char *folder = cjm_drafts_dup_folder ();
  g_autofree char *id = g_strdup_printf ("planted-%08x", g_random_int ());
  g_autofree char *map = draft_path (id, ".draft.cjm");
  g_autofree char *info = draft_path (id, ".draft");
  g_autofree char *text = cjm_test_small_map (title);
  g_autoptr(GKeyFile) key_file = g_key_file_new ();

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (map, text, -1, NULL));
  if (file_path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (file_path);
      g_autofree char *uri = g_file_get_uri (file);

      g_key_file_set_string (key_file, "Draft", "file", uri);
    }
  if (etag != NULL)
    g_key_file_set_string (key_file, "Draft", "etag", etag);
  g_key_file_set_string (key_file, "Draft", "title", title);
  g_key_file_set_int64 (key_file, "Draft", "saved", g_get_real_time () / G_USEC_PER_SEC);
  /* No process has id 0 for kill(): as gone as a crashed one. */
  g_key_file_set_int64 (key_file, "Draft", "pid", 0);
  g_assert_true (g_key_file_save_to_file (key_file, info, NULL));
  return g_steal_pointer (&id);
}

static gboolean
has_recovery_dialog (gpointer data)
{
  return cjm_test_find_toplevel (CJM_TYPE_RECOVERY_DIALOG, NULL) != NULL;
}

static char *
row_subtitle (CjmRecoveryDialog *dialog,
              guint              index)
{
  GtkWidget *row = cjm_recovery_dialog_get_row (dialog, index);

  return g_strdup (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));
}

static char *
file_etag (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE, 0, NULL,
                                                 NULL);

  return g_strdup (g_file_info_get_etag (info));
}

/* Runs first: no window has been shown in this process yet. */
static void
test_drafts_offered_at_start (void)
{
  g_autofree char *dir = cjm_test_make_tmpdir ();
  g_autofree char *path = cjm_test_write_map (dir, "offered.cjm", "On disk");
  g_autofree char *etag = file_etag (path);
  g_autofree char *id = plant_draft ("Drafted", path, etag);
  g_autofree char *untitled = plant_draft ("Never saved map", NULL, NULL);
  g_autofree char *subtitle = NULL;
  g_autofree char *untitled_subtitle = NULL;
  g_autofree char *on_disk = read_text (path);
  CjmRecoveryDialog *dialog;
  CjmDocument *document;
  GtkWindow *window;

  window = cjm_application_new_window (cjm_test_app_get ());
  g_assert_true (cjm_test_wait_for (has_recovery_dialog, NULL, 5000));
  dialog = CJM_RECOVERY_DIALOG (cjm_test_find_toplevel (CJM_TYPE_RECOVERY_DIALOG, NULL));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == window);
  g_assert_cmpuint (cjm_recovery_dialog_get_n_rows (dialog), ==, 2);

  /* Which map, where, when and how it differs from the file. */
  for (guint i = 0; i < 2; i++)
    {
      GtkWidget *row = cjm_recovery_dialog_get_row (dialog, i);
      const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));

      if (g_str_equal (title, "Drafted"))
        subtitle = row_subtitle (dialog, i);
      else if (g_str_equal (title, "Never saved map"))
        untitled_subtitle = row_subtitle (dialog, i);
    }
  g_assert_nonnull (subtitle);
  g_assert_nonnull (untitled_subtitle);
  g_test_message ("%s", subtitle);
  g_assert_nonnull (strstr (subtitle, path));
  g_assert_nonnull (strstr (subtitle, "Drafted today at "));
  g_assert_nonnull (strstr (subtitle, "0 added, 0 removed, 1 changed"));
  g_assert_nonnull (strstr (untitled_subtitle, "Never saved"));
  g_assert_nonnull (strstr (untitled_subtitle, "2 added, 0 removed, 1 changed"));

  if (g_getenv ("CJM_SCREENSHOT_DIR") != NULL)
    cjm_test_iterate (15000);

  /* Recover the first (the order is by time), discard the other. */
  {
    GtkWidget *row = cjm_recovery_dialog_get_row (dialog, 0);
    gboolean first_is_file = g_str_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                                          "Drafted");

    cjm_recovery_dialog_answer (dialog, first_is_file ? 1 : 0, FALSE);
    g_assert_cmpuint (cjm_recovery_dialog_get_n_rows (dialog), ==, 1);
    cjm_recovery_dialog_answer (dialog, 0, TRUE);
  }
  cjm_drafts_flush ();
  g_assert_false (draft_exists (untitled));
  g_assert_true (draft_exists (id));

  /* Recovered into the blank window: dirty, the file's, the draft's map. */
  document = cjm_window_get_document (CJM_WINDOW (window));
  g_assert_true (cjm_document_get_modified (document));
  g_assert_nonnull (cjm_document_get_file (document));
  g_assert_cmpstr (g_file_peek_path (cjm_document_get_file (document)), ==, path);
  g_assert_cmpstr (cjm_item_get_field (cjm_document_get_map (document), CJM_FIELD_TITLE), ==,
                   "Drafted");
  g_assert_cmpstr (cjm_drafts_get_id (CJM_WINDOW (window)), ==, id);
  cjm_test_iterate (100);
  g_assert_null (cjm_test_find_toplevel (CJM_TYPE_RECOVERY_DIALOG, NULL));

  /* Recovering did not touch the file; saving does and ends the draft. */
  {
    g_autofree char *still = read_text (path);

    g_assert_cmpstr (still, ==, on_disk);
  }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  g_assert_false (cjm_document_get_modified (document));
  cjm_drafts_flush ();
  g_assert_false (draft_exists (id));

  cjm_test_close_all ();
}

static void
test_drafts_follow_edits (void)
{
  g_autofree char *dir = cjm_test_make_tmpdir ();
  g_autofree char *path = cjm_test_write_map (dir, "follow.cjm", "Before");
  g_autofree char *etag = file_etag (path);
  CjmWindow *window = cjm_test_open_path (path);
  const char *id = cjm_drafts_get_id (window);
  g_autofree char *info_path = draft_path (id, ".draft");
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autofree char *uri = NULL;
  g_autofree char *stored_etag = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_nonnull (id);
  g_assert_false (draft_exists ((gpointer) id));
  set_title (window, "Edited once");
  g_assert_true (cjm_test_wait_for (draft_exists, (gpointer) id, 5000));
  title = draft_title (id);
  g_assert_cmpstr (title, ==, "Edited once");

  /* The key file names the map's file and the etag it was loaded with. */
  g_assert_true (g_key_file_load_from_file (key_file, info_path, G_KEY_FILE_NONE, NULL));
  uri = g_key_file_get_string (key_file, "Draft", "file", NULL);
  {
    g_autofree char *expected = g_file_get_uri (file);

    g_assert_cmpstr (uri, ==, expected);
  }
  stored_etag = g_key_file_get_string (key_file, "Draft", "etag", NULL);
  g_assert_cmpstr (stored_etag, ==, etag);

  /* Later edits reach the draft too. */
  set_title (window, "Edited twice");
  cjm_test_iterate (600);
  g_free (title);
  title = draft_title (id);
  g_assert_cmpstr (title, ==, "Edited twice");

  /* A clean save removes it; undoing back to the file does too. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  cjm_drafts_flush ();
  g_assert_false (draft_exists ((gpointer) id));
  set_title (window, "Edited thrice");
  g_assert_true (cjm_test_wait_for (draft_exists, (gpointer) id, 5000));
  cjm_document_undo (cjm_window_get_document (window));
  cjm_drafts_flush ();
  g_assert_false (draft_exists ((gpointer) id));

  /* Closing the window removes it. */
  set_title (window, "Edited and closed");
  g_assert_true (cjm_test_wait_for (draft_exists, (gpointer) id, 5000));
  {
    g_autofree char *kept = g_strdup (id);

    cjm_test_close_all ();
    cjm_drafts_flush ();
    g_assert_false (draft_exists (kept));
  }
}

static void
test_drafts_untitled (void)
{
  GtkWindow *window = cjm_application_new_window (cjm_test_app_get ());
  g_autofree char *id = g_strdup (cjm_drafts_get_id (CJM_WINDOW (window)));
  g_autofree char *info_path = draft_path (id, ".draft");
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autofree char *title = NULL;

  set_title (CJM_WINDOW (window), "Untitled but drafted");
  g_assert_true (cjm_test_wait_for (draft_exists, id, 5000));
  title = draft_title (id);
  g_assert_cmpstr (title, ==, "Untitled but drafted");
  g_assert_true (g_key_file_load_from_file (key_file, info_path, G_KEY_FILE_NONE, NULL));
  g_assert_false (g_key_file_has_key (key_file, "Draft", "file", NULL));
  /* A draft of this running process is not offered to recover. */
  {
    g_autoptr(GPtrArray) orphans = cjm_drafts_list_orphans ();

    g_assert_cmpuint (orphans->len, ==, 0);
  }
  cjm_test_close_all ();
  cjm_drafts_flush ();
  g_assert_false (draft_exists (id));
}

/* The save fails (full disk, refused): says why, stays dirty, the old
 * file intact, the draft up to date; Save As elsewhere works. */
static void
check_failed_save (const char *dir,
                   const char *path,
                   const char *reason)
{
  g_autofree char *before = read_text (path);
  g_autofree char *elsewhere_dir = cjm_test_make_tmpdir ();
  g_autofree char *elsewhere = g_build_filename (elsewhere_dir, "elsewhere.cjm", NULL);
  g_autofree char *title = NULL;
  CjmWindow *window = cjm_test_open_path (path);
  CjmDocument *document = cjm_window_get_document (window);
  AdwMessageDialog *dialog;

  set_title (window, "Unsaved work");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  dialog = cjm_test_wait_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_test_message ("%s: %s", adw_message_dialog_get_heading (dialog),
                  adw_message_dialog_get_body (dialog));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Save the Map");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), reason));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), path));
  g_assert_true (cjm_document_get_modified (document));
  {
    g_autofree char *after = read_text (path);

    g_assert_cmpstr (after, ==, before);
  }
  /* No temporary file is left beside it. */
  {
    g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (folder)) != NULL)
      g_assert_false (name[0] == '.');
  }
  title = draft_title (cjm_drafts_get_id (window));
  g_assert_cmpstr (title, ==, "Unsaved work");
  adw_message_dialog_response (dialog, "close");
  cjm_test_iterate (50);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-as-file", "s", elsewhere);
  g_assert_false (cjm_document_get_modified (document));
  {
    g_autoptr(GFile) file = g_file_new_for_path (elsewhere);
    g_autoptr(CjmDocument) saved = cjm_document_new_from_file (file, NULL);

    g_assert_nonnull (saved);
    g_assert_cmpstr (cjm_item_get_field (cjm_document_get_map (saved), CJM_FIELD_TITLE), ==,
                     "Unsaved work");
  }
  cjm_test_close_all ();
}

static void
test_faults_disk_full (void)
{
  g_autofree char *dir = cjm_test_make_tmpdir ();
  g_autofree char *path = cjm_test_write_map (dir, "full.cjm", "Old version");
  g_autofree char *fault = g_strdup_printf ("enospc:%s", dir);

  set_fault (fault);
  check_failed_save (dir, path, "No space left on device");
  set_fault (NULL);
}

static void
test_faults_permission_denied (void)
{
  g_autofree char *dir = cjm_test_make_tmpdir ();
  g_autofree char *path = cjm_test_write_map (dir, "denied.cjm", "Old version");
  g_autofree char *fault = g_strdup_printf ("eacces:%s", dir);

  /* root may write anywhere: the refusal is injected there. */
  if (geteuid () == 0)
    set_fault (fault);
  else
    g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  check_failed_save (dir, path, "Permission denied");
  set_fault (NULL);
  g_chmod (dir, 0755);
}

static gboolean
banner_shown (gpointer data)
{
  GtkRevealer *revealer = data;

  return gtk_revealer_get_reveal_child (revealer) && gtk_revealer_get_child_revealed (revealer);
}

static GtkLabel *
banner_label (GtkRevealer *revealer)
{
  return GTK_LABEL (cjm_test_find_child (GTK_WIDGET (revealer), GTK_TYPE_LABEL));
}

static GtkRevealer *
disk_banner (CjmWindow *window)
{
  GtkWidget *label = NULL;
  GtkWidget *child;

  /* The revealer whose label speaks of the file. */
  for (child = gtk_widget_get_first_child (GTK_WIDGET (window)); child != NULL; )
    {
      if (GTK_IS_REVEALER (child)
          && (label = cjm_test_find_child (child, GTK_TYPE_LABEL)) != NULL
          && gtk_widget_has_css_class (gtk_widget_get_parent (label), "cjm-disk-banner"))
        return GTK_REVEALER (child);
      if (gtk_widget_get_first_child (child) != NULL)
        child = gtk_widget_get_first_child (child);
      else
        {
          while (child != NULL && gtk_widget_get_next_sibling (child) == NULL)
            {
              child = gtk_widget_get_parent (child);
              if (child == GTK_WIDGET (window))
                return NULL;
            }
          if (child != NULL)
            child = gtk_widget_get_next_sibling (child);
        }
    }
  return NULL;
}

static void
test_faults_read_only (void)
{
  g_autofree char *dir = cjm_test_make_tmpdir ();
  g_autofree char *share = g_build_filename (dir, "share", NULL);
  g_autofree char *path = NULL;
  g_autofree char *elsewhere = g_build_filename (dir, "copy.cjm", NULL);
  gboolean mounted = FALSE;
  CjmWindow *window;
  GtkRevealer *banner;

  g_assert_cmpint (g_mkdir (share, 0755), ==, 0);
  if (geteuid () == 0)
    {
      /* root writes through permissions: a read-only mount, as a share. */
      if (mount ("tmpfs", share, "tmpfs", 0, "size=1m") != 0)
        {
          g_test_skip ("Cannot mount a tmpfs as root here");
          return;
        }
      mounted = TRUE;
      path = cjm_test_write_map (share, "shared.cjm", "On the share");
      g_assert_cmpint (mount (NULL, share, NULL, MS_REMOUNT | MS_RDONLY, NULL), ==, 0);
    }
  else
    {
      path = cjm_test_write_map (share, "shared.cjm", "On the share");
      g_assert_cmpint (g_chmod (path, 0444), ==, 0);
    }

  window = cjm_test_open_path (path);
  banner = disk_banner (window);
  g_assert_nonnull (banner);
  g_assert_true (cjm_test_wait_for (banner_shown, banner, 5000));
  g_assert_nonnull (strstr (gtk_label_get_text (banner_label (banner)), "read-only"));
  if (g_getenv ("CJM_SCREENSHOT_DIR") != NULL)
    cjm_test_iterate (15000);

  set_title (window, "Edited on a share");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-as-file", "s", elsewhere);
  g_assert_false (cjm_document_get_modified (cjm_window_get_document (window)));
  g_assert_true (g_file_test (elsewhere, G_FILE_TEST_IS_REGULAR));
  cjm_test_iterate (100);
  g_assert_false (gtk_revealer_get_reveal_child (banner));
  cjm_test_close_all ();
  if (mounted)
    g_assert_cmpint (umount (share), ==, 0);
}

static void
test_faults_deleted (void)
{
  g_autofree char *dir = cjm_test_make_tmpdir ();
  g_autofree char *path = cjm_test_write_map (dir, "deleted.cjm", "Soon gone");
  CjmWindow *window = cjm_test_open_path (path);
  GtkRevealer *banner = disk_banner (window);

  set_title (window, "Kept after deletion");
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_true (cjm_test_wait_for (banner_shown, banner, 5000));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  g_assert_false (cjm_document_get_modified (cjm_window_get_document (window)));
  {
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(CjmDocument) saved = cjm_document_new_from_file (file, NULL);

    g_assert_nonnull (saved);
    g_assert_cmpstr (cjm_item_get_field (cjm_document_get_map (saved), CJM_FIELD_TITLE), ==,
                     "Kept after deletion");
  }
  cjm_test_close_all ();
}

/* A draft in the folder, other than skip, whose map has this title. */
static gboolean
has_draft_titled (const char *title,
                  const char *skip)
{
  g_autofree char *folder = cjm_drafts_dup_folder ();
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  cjm_drafts_flush ();
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *id = NULL;
      g_autofree char *found = NULL;

      if (!g_str_has_suffix (name, ".draft"))
        continue;
      id = g_strndup (name, strlen (name) - strlen (".draft"));
      if (g_strcmp0 (id, skip) == 0)
        continue;
      found = draft_title (id);
      if (g_strcmp0 (found, title) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
test_faults_two_instances (void)
{
  const char *answers[] = { "cancel", "reload" };

  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    {
      g_autofree char *dir = cjm_test_make_tmpdir ();
      g_autofree char *path = cjm_test_write_map (dir, "shared.cjm", "Original");
      g_autofree char *theirs = NULL;
      g_autofree char *ours = g_strdup_printf ("Second instance's edits %u", i);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(CjmDocument) first = NULL;
      g_autoptr(GError) error = NULL;
      CjmWindow *window = cjm_test_open_path (path);
      AdwMessageDialog *dialog;

      /* The other instance loaded the same file and saves first. */
      first = cjm_document_new_from_file (file, &error);
      g_assert_no_error (error);
      cjm_document_set_field (first, cjm_document_get_map (first), CJM_FIELD_TITLE,
                              "First instance's edits");
      g_usleep (20000);
      g_assert_true (cjm_document_save (first, file, CJM_SAVE_DEFAULT, &error));
      theirs = read_text (path);

      /* This one is told before it overwrites. */
      set_title (window, ours);
      gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
      dialog = cjm_test_wait_dialog (GTK_WINDOW (window));
      g_assert_nonnull (dialog);
      g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "The File Changed on Disk");
      {
        g_autofree char *now = read_text (path);

        g_assert_cmpstr (now, ==, theirs);
      }
      adw_message_dialog_response (dialog, answers[i]);
      cjm_test_iterate (50);

      /* Whatever it chose, its edits are a draft of their own. */
      g_assert_true (has_draft_titled (ours, NULL));
      cjm_test_close_all ();
      cjm_drafts_flush ();
      g_assert_true (has_draft_titled (ours, NULL));
    }
}

static void
test_faults_open_special (void)
{
  g_autofree char *dir = cjm_test_make_tmpdir ();
  g_autofree char *fifo = g_build_filename (dir, "pipe.cjm", NULL);
  const char *paths[] = { fifo, "/dev/zero" };

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths[i]);
      gint64 start = g_get_monotonic_time ();
      GtkWindow *window;
      AdwMessageDialog *dialog;

      g_assert_null (cjm_application_open_file (cjm_test_app_get (), file));
      g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
      window = gtk_application_get_active_window (GTK_APPLICATION (cjm_test_app_get ()));
      dialog = cjm_test_wait_dialog (window);
      g_assert_nonnull (dialog);
      g_test_message ("%s", adw_message_dialog_get_body (dialog));
      g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), paths[i]));
      g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "not a regular file"));
      adw_message_dialog_response (dialog, "close");
      cjm_test_close_all ();
    }
  cjm_test_close_all ();
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("JOURNEYMAN_DRAFT_DELAY_MS", "100", TRUE);
  cjm_test_app_init (&argc, &argv);

  g_test_add_func ("/drafts/offered-at-start", test_drafts_offered_at_start);
  g_test_add_func ("/drafts/follow-edits", test_drafts_follow_edits);
  g_test_add_func ("/drafts/untitled", test_drafts_untitled);
  g_test_add_func ("/faults/disk-full", test_faults_disk_full);
  g_test_add_func ("/faults/permission-denied", test_faults_permission_denied);
  g_test_add_func ("/faults/read-only", test_faults_read_only);
  g_test_add_func ("/faults/deleted", test_faults_deleted);
  g_test_add_func ("/faults/two-instances", test_faults_two_instances);
  g_test_add_func ("/faults/open-special", test_faults_open_special);

  return g_test_run ();
}
