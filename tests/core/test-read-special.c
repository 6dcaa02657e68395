/* test-read-special.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Files that are not regular files, or that never end, are refused
 * promptly by cjm_document_new_from_file() with a message naming them:
 * a FIFO (whose open would block for ever), character devices that never
 * end (/dev/zero, /dev/urandom) and a file that keeps growing while it is
 * read (stopped at the size cap).
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <string.h>
#include <unistd.h>

#include "test-util.h"

/* Loads path in a thread; fails the test when that takes over 10 s.
 * code: the expected CJM_DOCUMENT_ERROR code, or -1 for any. */
typedef struct {
  char     *path;
  GError   *error;
  gboolean  loaded;
  gboolean  done;
  GMutex    mutex;
  GCond     cond;
} Load;

static gpointer
load_thread (gpointer data)
{
  Load *load = data;
  g_autoptr(GFile) file = g_file_new_for_path (load->path);
  g_autoptr(CjmDocument) document = NULL;
  GError *error = NULL;

  document = cjm_document_new_from_file (file, &error);
  g_mutex_lock (&load->mutex);
  load->loaded = document != NULL;
  load->error = error;
  load->done = TRUE;
  g_cond_signal (&load->cond);
  g_mutex_unlock (&load->mutex);
  return NULL;
}

static void
assert_refused_in_time (const char *path,
                        int         code)
{
  Load load = { .path = (char *) path };
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  GThread *thread;

  g_mutex_init (&load.mutex);
  g_cond_init (&load.cond);
  thread = g_thread_new ("load", load_thread, &load);
  g_mutex_lock (&load.mutex);
  while (!load.done)
    if (!g_cond_wait_until (&load.cond, &load.mutex, deadline))
      g_error ("Reading %s did not end within 10 s", path);
  g_mutex_unlock (&load.mutex);
  g_thread_join (thread);

  g_assert_false (load.loaded);
  if (code >= 0)
    g_assert_error (load.error, CJM_DOCUMENT_ERROR, code);
  else
    g_assert_true (load.error != NULL && load.error->domain == CJM_DOCUMENT_ERROR);
  g_test_message ("%s", load.error->message);
  /* The message names the file. */
  g_assert_nonnull (strstr (load.error->message, path));
  g_clear_error (&load.error);
  g_mutex_clear (&load.mutex);
  g_cond_clear (&load.cond);
}

static void
test_read_fifo (void)
{
  g_autofree char *folder = test_make_folder ();
  g_autofree char *path = g_build_filename (folder, "pipe.cjm", NULL);

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  assert_refused_in_time (path, CJM_DOCUMENT_ERROR_READ);
  test_remove_tree (folder);
}

static void
test_read_devices (void)
{
  const char *devices[] = { "/dev/zero", "/dev/urandom", "/dev/random", "/dev/null" };

  for (guint i = 0; i < G_N_ELEMENTS (devices); i++)
    {
      if (!g_file_test (devices[i], G_FILE_TEST_EXISTS))
        continue;
      assert_refused_in_time (devices[i], CJM_DOCUMENT_ERROR_READ);
    }
}

static void
test_read_symlink_to_device (void)
{
  g_autofree char *folder = test_make_folder ();
  g_autofree char *path = g_build_filename (folder, "zero.cjm", NULL);

  g_assert_cmpint (symlink ("/dev/zero", path), ==, 0);
  assert_refused_in_time (path, CJM_DOCUMENT_ERROR_READ);
  test_remove_tree (folder);
}

/* A writer that keeps appending to the file while it is read. */
typedef struct {
  char     *path;
  gboolean  stop;
} Grower;

static gpointer
grow_thread (gpointer data)
{
  Grower *grower = data;
  int fd = open (grower->path, O_WRONLY | O_APPEND | O_CLOEXEC);
  g_autofree char *block = g_malloc (1 << 20);

  g_assert_cmpint (fd, >=, 0);
  memset (block, ' ', 1 << 20);
  /* At most 256 MiB, far above the cap. */
  for (guint i = 0; i < 256 && !g_atomic_int_get (&grower->stop); i++)
    if (write (fd, block, 1 << 20) < 0)
      break;
  close (fd);
  return NULL;
}

static void
test_read_growing (void)
{
  g_autofree char *folder = test_make_folder ();
  g_autofree char *path = g_build_filename (folder, "growing.cjm", NULL);
  Grower grower = { .path = path };
  GThread *thread;

  g_assert_true (g_file_set_contents (path, "<?xml version=\"1.0\"?>\n<!-- ", -1, NULL));
  thread = g_thread_new ("grow", grow_thread, &grower);
  /* Refused at the size cap, or as unfinished XML if the reader caught up
   * with the writer: either way it ends. */
  assert_refused_in_time (path, -1);
  g_atomic_int_set (&grower.stop, TRUE);
  g_thread_join (thread);
  test_remove_tree (folder);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/read-special/fifo", test_read_fifo);
  g_test_add_func ("/read-special/devices", test_read_devices);
  g_test_add_func ("/read-special/symlink-to-device", test_read_symlink_to_device);
  g_test_add_func ("/read-special/growing", test_read_growing);

  return g_test_run ();
}
