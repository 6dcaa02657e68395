/* fuzz-replay.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs files through a fuzz target's LLVMFuzzerTestOneInput() without
 * libFuzzer, so that every build replays the checked-in corpus (and any
 * crash file a fuzzing run wrote) with gcc. A failed check aborts.
 *
 *   fuzz-replay-TARGET FILE|FOLDER…
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

int LLVMFuzzerTestOneInput (const unsigned char *data,
                            size_t               size);

static gboolean
replay_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &data, &length, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return FALSE;
    }
  /* Printed first, so that the input of a failed check is named. */
  printf ("%s (%" G_GSIZE_FORMAT " bytes)\n", path, length);
  fflush (stdout);
  LLVMFuzzerTestOneInput ((const unsigned char *) data, length);
  return TRUE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* Every file of a folder, in name order; FALSE if it cannot be read. */
static gboolean
replay_folder (const char *path,
               guint      *count)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return FALSE;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_build_filename (path, name, NULL));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      if (!replay_file (names->pdata[i]))
        return FALSE;
      (*count)++;
    }
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  guint count = 0;

  if (argc < 2)
    {
      fprintf (stderr, "usage: %s FILE|FOLDER…\n", argv[0]);
      return 2;
    }
  for (int i = 1; i < argc; i++)
    {
      if (g_file_test (argv[i], G_FILE_TEST_IS_DIR))
        {
          if (!replay_folder (argv[i], &count))
            return 1;
        }
      else
        {
          if (!replay_file (argv[i]))
            return 1;
          count++;
        }
    }
  /* An empty corpus would make the test pass without testing anything. */
  if (count == 0)
    {
      fprintf (stderr, "no inputs\n");
      return 1;
    }
  printf ("%u inputs passed every check\n", count);
  return 0;
}
