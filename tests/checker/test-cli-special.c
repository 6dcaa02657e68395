/* test-cli-special.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `cjm` given a FIFO or a device that never ends exits promptly with a
 * message naming the file instead of hanging (the test's meson timeout
 * is short on purpose).
 */

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cli-test-util.h"

static void
assert_refused (const char *command,
                const char *path)
{
  g_auto(Run) run = { 0, };
  gint64 start = g_get_monotonic_time ();

  run_cjm (&run, command, path, NULL);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_nonnull (strstr (run.err, path));
  g_assert_nonnull (strstr (run.err, "not a regular file"));
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
}

static void
test_cli_fifo (void)
{
  g_autofree char *folder = g_dir_make_tmp ("cjm-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (folder, "pipe.cjm", NULL);

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  assert_refused ("check", path);
  assert_refused ("validate", path);
  g_unlink (path);
  g_rmdir (folder);
}

static void
test_cli_devices (void)
{
  assert_refused ("check", "/dev/zero");
  if (g_file_test ("/dev/random", G_FILE_TEST_EXISTS))
    assert_refused ("validate", "/dev/random");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/special/fifo", test_cli_fifo);
  g_test_add_func ("/cli/special/devices", test_cli_devices);

  return g_test_run ();
}
