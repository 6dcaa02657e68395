/* cli-test-util.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <sys/wait.h>

#include "cli-test-util.h"

void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

void
run_cjm (Run *run,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *tool = g_getenv ("CJM_TOOL");
  const char *arg;
  va_list args;
  int wait_status;

  g_assert_nonnull (tool);
  g_ptr_array_add (argv, (gpointer) tool);
  va_start (args, run);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

char *
cli_test_begin (int         *argc,
                char      ***argv,
                const char  *prefix,
                const char  *needs)
{
  g_autofree char *template = g_strdup_printf ("%s-XXXXXX", prefix);
  char *folder;

  g_test_init (argc, argv, NULL);
  if (g_getenv ("CJM_TOOL") == NULL || (needs != NULL && g_getenv (needs) == NULL))
    {
      printf ("1..0 # SKIP CJM_TOOL%s%s is not set\n", needs ? " or " : "", needs ? needs : "");
      return NULL;
    }
  folder = g_dir_make_tmp (template, NULL);
  g_assert_nonnull (folder);
  return folder;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
cli_test_finish (char *folder,
                 int   status)
{
  remove_tree (folder);
  g_free (folder);
  return status;
}
