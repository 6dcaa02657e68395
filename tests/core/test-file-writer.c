/* test-file-writer.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The atomic file writer on its own: the checks every output passes
 * (file-test-util.h), then what only the writer's API reaches: a caller
 * whose writing fails, the etag check, FILE~, links that lead nowhere or
 * in a circle, a folder or a read-only file in the way, cancelling, and a
 * file without a local path.
 */

#define G_LOG_DOMAIN "test"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "cjm-file-writer.h"
#include "file-test-util.h"
#include "test-util.h"

static const char new_contents[] =
  "the new version, long enough to pass the file size limit of 64 bytes that\n"
  "file_test_check_output() sets to make a write fail half-way\n";

typedef FileTestFixture Fixture;

static void
assert_contents (const char *path,
                 const char *expected)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, expected);
}

static gboolean
write_path (const char  *path,
            const char  *etag,
            GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = g_bytes_new_static (new_contents, sizeof new_contents - 1);

  return cjm_file_writer_write_bytes (file, bytes, etag, CJM_FILE_WRITER_DEFAULT, NULL, error);
}

static gboolean
write_output (const char  *path,
              gpointer     user_data,
              GError     **error)
{
  return write_path (path, NULL, error);
}

static void
test_output (void)
{
  const FileTestOutput output = {
    "file.txt", "the new version", G_IO_ERROR, -1, write_output, NULL,
  };

  file_test_check_output (&output);
}

/* Writes half, then fails the way a stream would. */
static gboolean
write_half_then_fail (GOutputStream  *stream,
                      gpointer        user_data,
                      GCancellable   *cancellable,
                      GError        **error)
{
  if (!g_output_stream_write_all (stream, new_contents, sizeof new_contents / 2, NULL, cancellable,
                                  error))
    return FALSE;
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "No space left on device");
  return FALSE;
}

static void
test_caller_fails (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *names[] = { "file.txt", NULL };

  file_test_write_file (f->path, "old");
  g_assert_false (cjm_file_writer_write (f->file, NULL, CJM_FILE_WRITER_BACKUP, write_half_then_fail,
                                         NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_nonnull (strstr (error->message, f->path));
  g_assert_nonnull (strstr (error->message, "No space left on device"));
  assert_contents (f->path, "old");
  file_test_assert_names (f->folder, names);
}

static void
test_etag (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *missing = g_build_filename (f->folder, "missing.txt", NULL);
  const char *names[] = { "file.txt", NULL };

  file_test_write_file (f->path, "theirs");
  info = g_file_query_info (f->file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  etag = g_strdup (g_file_info_get_etag (info));

  /* The same etag: written. */
  g_assert_true (write_path (f->path, etag, &error));
  g_assert_no_error (error);
  assert_contents (f->path, new_contents);

  /* Changed since (the etag is the modification time): refused. */
  file_test_write_file (f->path, "theirs again");
  g_file_set_attribute_uint64 (f->file, G_FILE_ATTRIBUTE_TIME_MODIFIED, 1000000000,
                               G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (write_path (f->path, etag, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_assert_nonnull (strstr (error->message, f->path));
  g_clear_error (&error);
  assert_contents (f->path, "theirs again");
  file_test_assert_names (f->folder, names);

  /* Gone since: written anew. */
  g_assert_true (write_path (missing, etag, &error));
  g_assert_no_error (error);
  assert_contents (missing, new_contents);
}

static void
test_backup (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (new_contents, sizeof new_contents - 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *real = g_build_filename (f->folder, "real.txt", NULL);
  g_autofree char *real_backup = g_build_filename (f->folder, "real.txt~", NULL);
  const char *names[] = { "file.txt", "real.txt", "real.txt~", NULL };

  /* Through a link, the backup sits beside the file it names. */
  file_test_write_file (real, "old");
  g_assert_cmpint (symlink ("real.txt", f->path), ==, 0);
  g_assert_true (cjm_file_writer_write_bytes (f->file, bytes, NULL, CJM_FILE_WRITER_BACKUP, NULL,
                                              &error));
  g_assert_no_error (error);
  assert_contents (real_backup, "old");
  assert_contents (real, new_contents);
  g_assert_true (g_file_test (f->path, G_FILE_TEST_IS_SYMLINK));
  file_test_assert_names (f->folder, names);
}

/* A link to a file that does not exist yet: the file is made, the link
 * stays. A circle of links: refused, nothing made. */
static void
test_odd_links (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *target = g_build_filename (f->folder, "later.txt", NULL);
  g_autofree char *a = g_build_filename (f->folder, "a.txt", NULL);
  g_autofree char *b = g_build_filename (f->folder, "b.txt", NULL);
  const char *names[] = { "file.txt", "later.txt", "a.txt", "b.txt", NULL };

  g_assert_cmpint (symlink ("later.txt", f->path), ==, 0);
  g_assert_true (write_path (f->path, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (f->path, G_FILE_TEST_IS_SYMLINK));
  assert_contents (target, new_contents);

  g_assert_cmpint (symlink ("b.txt", a), ==, 0);
  g_assert_cmpint (symlink ("a.txt", b), ==, 0);
  g_assert_false (write_path (a, NULL, &error));
  g_assert_nonnull (strstr (error->message, g_strerror (ELOOP)));
  file_test_assert_names (f->folder, names);
}

static void
test_folder_in_the_way (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (f->path, 0755), ==, 0);
  g_assert_false (write_path (f->path, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_true (g_file_test (f->path, G_FILE_TEST_IS_DIR));
}

static int
write_read_only (gpointer data)
{
  g_autoptr(GError) error = NULL;

  if (write_path (data, NULL, &error))
    return 1;
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED) ? 0 : 2;
}

/* A read-only file is not replaced, though its folder would allow it. */
static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  file_test_write_file (f->path, "old");
  g_assert_cmpint (g_chmod (f->path, 0444), ==, 0);
  g_assert_cmpint (g_chmod (f->folder, 0777), ==, 0);
  g_assert_cmpint (file_test_as_nobody (write_read_only, f->path), ==, 0);
  g_chmod (f->folder, 0755);
  assert_contents (f->path, "old");
}

static void
test_cancelled (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GBytes) bytes = g_bytes_new_static (new_contents, sizeof new_contents - 1);
  g_autoptr(GError) error = NULL;
  const char *names[] = { "file.txt", NULL };

  file_test_write_file (f->path, "old");
  g_cancellable_cancel (cancellable);
  g_assert_false (cjm_file_writer_write_bytes (f->file, bytes, NULL, CJM_FILE_WRITER_DEFAULT,
                                               cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_contents (f->path, "old");
  file_test_assert_names (f->folder, names);
}

/* Without a local path, GIO replaces the file; its errors name it too. */
static void
test_not_local (void)
{
  g_autoptr(GFile) file = g_file_new_for_uri ("resource:///io/github/journeyman/none.txt");
  g_autoptr(GBytes) bytes = g_bytes_new_static (new_contents, sizeof new_contents - 1);
  g_autoptr(GError) error = NULL;

  g_assert_false (cjm_file_writer_write_bytes (file, bytes, NULL, CJM_FILE_WRITER_DEFAULT, NULL,
                                               &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "none.txt"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/file-writer/" name, Fixture, "file.txt", \
              file_test_fixture_set_up, func, file_test_fixture_tear_down)

  g_test_add_func ("/file-writer/output", test_output);
  ADD ("caller-fails", test_caller_fails);
  ADD ("etag", test_etag);
  ADD ("backup", test_backup);
  ADD ("odd-links", test_odd_links);
  ADD ("folder-in-the-way", test_folder_in_the_way);
  ADD ("read-only", test_read_only);
  ADD ("cancelled", test_cancelled);
  g_test_add_func ("/file-writer/not-local", test_not_local);

#undef ADD

  return g_test_run ();
}
