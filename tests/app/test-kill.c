/* test-kill.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * kill -9 of the app while it saves the 2,000-touchpoint map. The test
 * runs itself as the app (CJM_TEST_KILL_CHILD=1): the child opens the
 * map, and in a loop retitles it, brings its draft up to date, says so,
 * waits for the parent's word and saves with the file writer slowed down (CJM_FILE_WRITER_TEST_DELAY_MS).
 * The parent kills it at a random moment of a random save and checks
 * that the file on disk is whole, the old or the new version, and that
 * the draft holds the edit that was being saved. The child also reports
 * how long serializing and writing the draft of the big map took.
 */

#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <string.h>

#include "cjm-drafts.h"
#include "cjm-test-app.h"

#define ROUNDS 6

static const char *self_path;

/* The child: the app being killed */

static int
run_child (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *folder = NULL;
  GtkWindow *window;
  CjmDocument *document;

  window = cjm_application_open_file (cjm_test_app_get (), file);
  g_assert_true (CJM_IS_WINDOW (window));
  document = cjm_window_get_document (CJM_WINDOW (window));
  folder = cjm_drafts_dup_folder ();
  printf ("drafts %s\n", folder);
  fflush (stdout);

  for (guint n = 1; ; n++)
    {
      g_autofree char *title = g_strdup_printf ("Edit %u", n);
      g_autoptr(GBytes) bytes = NULL;
      gint64 start;
      gint64 serialize_usec;

      cjm_document_set_field (document, cjm_document_get_map (document), CJM_FIELD_TITLE, title);
      /* What drafting does on the main thread, timed. */
      start = g_get_monotonic_time ();
      bytes = cjm_document_serialize (document);
      serialize_usec = g_get_monotonic_time () - start;
      cjm_drafts_write_now (CJM_WINDOW (window));
      cjm_drafts_flush ();
      printf ("draft %u %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %zu\n", n, serialize_usec,
              cjm_drafts_get_last_write_usec (), g_bytes_get_size (bytes));
      fflush (stdout);
      /* The parent says when to save, so that it knows when the save began. */
      if (getchar () == EOF)
        return 1;
      gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
      g_assert_false (cjm_document_get_modified (document));
      printf ("saved %u\n", n);
      fflush (stdout);
    }
  return 0;
}

/* The parent */

static char *
title_of (GFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CjmDocument) document = cjm_document_new_from_file (file, &error);

  g_assert_no_error (error);
  return g_strdup (cjm_item_get_field (cjm_document_get_map (document), CJM_FIELD_TITLE));
}

/* The title in the draft (at most one) the child left in folder, or NULL. */
static char *
draft_title (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autofree char *found = NULL;
  const char *name;

  if (dir == NULL)
    return NULL;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".draft.cjm"))
      {
        g_autofree char *path = g_build_filename (folder, name, NULL);
        g_autoptr(GFile) file = g_file_new_for_path (path);

        g_assert_null (found);
        found = title_of (file);
      }
  return g_steal_pointer (&found);
}

/* The child's next report, skipping what GLib's test setup prints. */
static char *
read_line (GDataInputStream *lines)
{
  for (;;)
    {
      g_autoptr(GError) error = NULL;
      char *line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (line);
      if (g_str_has_prefix (line, "draft") || g_str_has_prefix (line, "saved "))
        return line;
      g_free (line);
    }
}

static void
test_kill_while_saving (void)
{
  const char *big = g_getenv ("CJM_BIG_MAP");
  g_autofree char *tmp = cjm_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (tmp, "big.cjm", NULL);
  g_autofree char *original = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) source = NULL;
  g_autoptr(GError) error = NULL;
  gint64 max_serialize = 0;
  gint64 max_write = 0;
  gsize size = 0;

  g_assert_nonnull (big);
  source = g_file_new_for_path (big);
  g_assert_true (g_file_copy (source, file, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error));
  original = title_of (file);
  g_assert_cmpstr (original, !=, "Edit 1");

  for (guint round = 0; round < ROUNDS; round++)
    {
      g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                                                             | G_SUBPROCESS_FLAGS_STDIN_PIPE);
      g_autoptr(GSubprocess) child = NULL;
      g_autoptr(GDataInputStream) lines = NULL;
      g_autofree char *folder = NULL;
      g_autofree char *first = NULL;
      g_autofree char *before = title_of (file);
      g_autofree char *on_disk = NULL;
      g_autofree char *in_draft = NULL;
      g_autofree char *edit = NULL;
      guint kill_at = g_test_rand_int_range (1, 4);
      guint delay_ms = g_test_rand_int_range (0, 500);
      guint n = 0;

      g_subprocess_launcher_setenv (launcher, "CJM_TEST_KILL_CHILD", "1", TRUE);
      g_subprocess_launcher_setenv (launcher, "CJM_FILE_WRITER_TEST_DELAY_MS", "300", TRUE);
      g_subprocess_launcher_setenv (launcher, "G_MESSAGES_DEBUG", "", TRUE);
      child = g_subprocess_launcher_spawn (launcher, &error, self_path, path, NULL);
      g_assert_no_error (error);
      lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
      first = read_line (lines);
      g_assert_true (g_str_has_prefix (first, "drafts "));
      folder = g_strdup (first + strlen ("drafts "));

      /* Read up to the draft before the chosen save, then kill mid-save. */
      while (n < kill_at)
        {
          g_autofree char *line = read_line (lines);
          gint64 serialize_usec, write_usec;
          guint64 bytes;

          if (g_str_has_prefix (line, "saved "))
            {
              g_free (before);
              before = title_of (file);
              continue;
            }
          g_assert_cmpint (sscanf (line, "draft %u %" G_GINT64_FORMAT " %" G_GINT64_FORMAT
                                   " %" G_GUINT64_FORMAT, &n, &serialize_usec, &write_usec,
                                   &bytes), ==, 4);
          max_serialize = MAX (max_serialize, serialize_usec);
          max_write = MAX (max_write, write_usec);
          size = bytes;
          g_assert_true (g_output_stream_write_all (g_subprocess_get_stdin_pipe (child), "\n", 1,
                                                    NULL, NULL, NULL));
        }
      g_usleep (delay_ms * 1000);
      kill (atoi (g_subprocess_get_identifier (child)), SIGKILL);
      g_subprocess_wait (child, NULL, NULL);
      g_assert_true (g_subprocess_get_if_signaled (child));

      /* The file is whole: the version before this save or after it. */
      edit = g_strdup_printf ("Edit %u", n);
      on_disk = title_of (file);
      g_test_message ("round %u: killed %u ms into save %u; on disk: “%s”", round, delay_ms, n,
                      on_disk);
      g_assert_true (g_strcmp0 (on_disk, before) == 0 || g_strcmp0 (on_disk, edit) == 0);

      /* Killed before the save replaced the file: the draft holds the edit
       * being saved. After: the file holds it, and a draft, if any, holds
       * the next edit (or this one, its removal not done yet). */
      in_draft = draft_title (folder);
      if (g_strcmp0 (on_disk, edit) != 0)
        g_assert_cmpstr (in_draft, ==, edit);
      else
        {
          g_autofree char *next = g_strdup_printf ("Edit %u", n + 1);

          g_assert_true (in_draft == NULL || g_str_equal (in_draft, edit)
                         || g_str_equal (in_draft, next));
        }

      /* The next round starts from whatever is on disk, without drafts. */
      {
        g_autofree char *app = g_path_get_dirname (folder);
        g_autofree char *data = g_path_get_dirname (app);
        g_autofree char *tree = g_path_get_dirname (data);
        const char *rm[] = { "rm", "-rf", tree, NULL };

        /* The child's private XDG tree (…/cjm-test-XXXXXX/XDG_DATA_HOME/…). */
        g_assert_nonnull (strstr (tree, "cjm-test-"));
        g_assert_true (g_spawn_sync (NULL, (char **) rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                     NULL, NULL, NULL, NULL));
      }
    }

  g_test_message ("draft of the 2,000-touchpoint map (%zu bytes): serialized on the main "
                  "thread in at most %.1f ms, written in the worker in at most %.1f ms",
                  size, max_serialize / 1000.0, max_write / 1000.0);
  g_print ("# draft-timing bytes=%zu serialize-max-ms=%.1f write-max-ms=%.1f\n", size,
           max_serialize / 1000.0, max_write / 1000.0);
}

int
main (int   argc,
      char *argv[])
{
  if (g_getenv ("CJM_TEST_KILL_CHILD") != NULL)
    {
      cjm_test_app_init (&argc, &argv);
      return run_child (argv[argc - 1]);
    }

  self_path = argv[0];
  cjm_test_app_init (&argc, &argv);
  g_test_add_func ("/kill/while-saving", test_kill_while_saving);
  return g_test_run ();
}
