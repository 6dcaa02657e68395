/* test-xml-save.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Saving: the file on disk holds exactly the serialized bytes; the old
 * version is kept as FILE~; a file someone else changed is not
 * overwritten; and a save that fails for any reason leaves the old file
 * byte-identical and says why.
 *
 * The tests run as root, which chmod does not stop: failures are made
 * with a file size limit (RLIMIT_FSIZE), a parent that is a regular file,
 * a backup name taken by a folder, and an output stream that fails.
 */

#define G_LOG_DOMAIN "test"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "file-test-util.h"
#include "test-util.h"

typedef FileTestFixture Fixture;

/* An output stream that accepts @limit bytes, then fails. */
#define TEST_TYPE_FAILING_STREAM (test_failing_stream_get_type ())
G_DECLARE_FINAL_TYPE (TestFailingStream, test_failing_stream, TEST, FAILING_STREAM, GOutputStream)

struct _TestFailingStream
{
  GOutputStream parent_instance;
  gsize         limit;
  gsize         written;
};

G_DEFINE_FINAL_TYPE (TestFailingStream, test_failing_stream, G_TYPE_OUTPUT_STREAM)

static gssize
test_failing_stream_write_fn (GOutputStream  *stream,
                              const void     *buffer,
                              gsize           count,
                              GCancellable   *cancellable,
                              GError        **error)
{
  TestFailingStream *self = TEST_FAILING_STREAM (stream);
  gsize n;

  if (self->written >= self->limit)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "No space left on device");
      return -1;
    }
  n = MIN (count, self->limit - self->written);
  self->written += n;
  return n;
}

static void
test_failing_stream_class_init (TestFailingStreamClass *klass)
{
  G_OUTPUT_STREAM_CLASS (klass)->write_fn = test_failing_stream_write_fn;
}

static void
test_failing_stream_init (TestFailingStream *self)
{
}

static CjmDocument *
load (GFile *file)
{
  g_autoptr(GError) error = NULL;
  CjmDocument *document = cjm_document_new_from_file (file, &error);

  g_assert_no_error (error);
  return document;
}

/* Only the map and its backup: no temporary file left behind. */
static void
assert_folder_holds (const char         *folder,
                     const char * const *names)
{
  g_autoptr(GPtrArray) files = test_list_files (folder, NULL);

  g_assert_cmpuint (files->len, ==, g_strv_length ((char **) names));
  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *base = g_path_get_basename (g_ptr_array_index (files, i));
      g_assert_true (g_strv_contains (names, base));
    }
}

/* Moves the file's modification time, so its etag surely changes. */
static void
touch_in_the_past (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_file_set_attribute_uint64 (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, 1000000000,
                               G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);
}

static void
test_save_new (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(CjmDocument) document = test_load_fixture ("full.cjm");
  g_autoptr(GBytes) expected = cjm_document_serialize (document);
  g_autoptr(GBytes) on_disk = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInfo) info = NULL;
  static const char * const only_map[] = { "map.cjm", NULL };

  cjm_document_set_field (document, cjm_document_get_map (document), CJM_FIELD_AUTHOR, "Someone");
  g_assert_true (cjm_document_get_modified (document));
  g_clear_pointer (&expected, g_bytes_unref);
  expected = cjm_document_serialize (document);

  g_assert_true (cjm_document_save (document, f->file, CJM_SAVE_DEFAULT, &error));
  g_assert_no_error (error);

  on_disk = test_read_file (f->path);
  test_assert_bytes_equal (on_disk, expected);
  g_assert_false (cjm_document_get_modified (document));
  g_assert_true (g_file_equal (cjm_document_get_file (document), f->file));
  info = g_file_query_info (f->file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE, NULL,
                            NULL);
  g_assert_cmpstr (cjm_document_get_etag (document), ==, g_file_info_get_etag (info));
  /* A new file has nothing to back up. */
  assert_folder_holds (f->folder, only_map);

  /* Undo after saving makes it modified again; redo, clean again. */
  g_assert_true (cjm_document_undo (document));
  g_assert_true (cjm_document_get_modified (document));
  g_assert_true (cjm_document_redo (document));
  g_assert_false (cjm_document_get_modified (document));
}

static void
test_backup (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(CjmDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) backup = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autofree char *backup_path = g_strconcat (f->path, "~", NULL);
  static const char * const with_backup[] = { "map.cjm", "map.cjm~", NULL };
  static const char first[] =
    "<journey-map xmlns='urn:x-cjm:1' version='1.0'><title>First</title></journey-map>";

  file_test_write_file (f->path, first);
  g_chmod (f->path, 0640);
  document = load (f->file);

  cjm_document_set_field (document, cjm_document_get_map (document), CJM_FIELD_TITLE, "Second");
  g_assert_true (cjm_document_save (document, f->file, CJM_SAVE_DEFAULT, &error));
  g_assert_no_error (error);

  backup = test_read_file (backup_path);
  g_assert_cmpmem (g_bytes_get_data (backup, NULL), g_bytes_get_size (backup),
                   first, sizeof first - 1);
  saved = test_read_file (f->path);
  g_assert_true (test_bytes_contain (saved, "<title>Second</title>"));
  assert_folder_holds (f->folder, with_backup);

  /* The permissions of the original are kept. */
  {
    GStatBuf st;
    g_assert_cmpint (g_stat (f->path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0640);
  }

  /* Saving again replaces the backup with the previous version. */
  cjm_document_set_field (document, cjm_document_get_map (document), CJM_FIELD_TITLE, "Third");
  g_assert_true (cjm_document_save (document, f->file, CJM_SAVE_DEFAULT, &error));
  g_assert_no_error (error);
  g_clear_pointer (&backup, g_bytes_unref);
  backup = test_read_file (backup_path);
  test_assert_bytes_equal (backup, saved);

  /* No backup when asked not to keep one. */
  g_unlink (backup_path);
  cjm_document_set_field (document, cjm_document_get_map (document), CJM_FIELD_TITLE, "Fourth");
  g_assert_true (cjm_document_save (document, f->file, CJM_SAVE_NO_BACKUP, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (backup_path, G_FILE_TEST_EXISTS));
}

static void
test_changed_on_disk (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(CjmDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) on_disk = NULL;
  static const char theirs[] =
    "<journey-map xmlns='urn:x-cjm:1' version='1.0'><title>Theirs</title></journey-map>";

  file_test_write_file (f->path,
              "<journey-map xmlns='urn:x-cjm:1' version='1.0'><title>Ours</title></journey-map>");
  document = load (f->file);
  cjm_document_set_field (document, cjm_document_get_map (document), CJM_FIELD_TITLE, "Mine");

  /* Someone else saves in between. */
  file_test_write_file (f->path, theirs);
  touch_in_the_past (f->path);

  g_assert_false (cjm_document_save (document, f->file, CJM_SAVE_DEFAULT, &error));
  g_assert_error (error, CJM_DOCUMENT_ERROR, CJM_DOCUMENT_ERROR_CHANGED_ON_DISK);
  g_assert_nonnull (strstr (error->message, "map.cjm"));
  g_clear_error (&error);
  on_disk = test_read_file (f->path);
  g_assert_cmpmem (g_bytes_get_data (on_disk, NULL), g_bytes_get_size (on_disk),
                   theirs, sizeof theirs - 1);
  g_assert_true (cjm_document_get_modified (document));

  /* Forced, it overwrites; the next save needs no force. */
  g_assert_true (cjm_document_save (document, f->file, CJM_SAVE_FORCE, &error));
  g_assert_no_error (error);
  g_clear_pointer (&on_disk, g_bytes_unref);
  on_disk = test_read_file (f->path);
  g_assert_true (test_bytes_contain (on_disk, "<title>Mine</title>"));
  cjm_document_set_field (document, cjm_document_get_map (document), CJM_FIELD_TITLE, "Again");
  g_assert_true (cjm_document_save (document, f->file, CJM_SAVE_DEFAULT, &error));
  g_assert_no_error (error);
}

/* Save as… to another file does not compare etags. */
static void
test_save_as (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(CjmDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *other_path = g_build_filename (f->folder, "other.cjm", NULL);
  g_autoptr(GFile) other = g_file_new_for_path (other_path);

  file_test_write_file (f->path, "<journey-map xmlns='urn:x-cjm:1' version='1.0'><title>A</title></journey-map>");
  file_test_write_file (other_path, "old");
  document = load (f->file);

  g_assert_true (cjm_document_save (document, other, CJM_SAVE_NO_BACKUP, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_equal (cjm_document_get_file (document), other));
}

static void
test_symlink (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(CjmDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) on_disk = NULL;
  g_autofree char *real_path = g_build_filename (f->folder, "real.cjm", NULL);

  file_test_write_file (real_path, "<journey-map xmlns='urn:x-cjm:1' version='1.0'><title>A</title></journey-map>");
  g_assert_cmpint (symlink ("real.cjm", f->path), ==, 0);
  document = load (f->file);
  cjm_document_set_field (document, cjm_document_get_map (document), CJM_FIELD_TITLE, "B");

  g_assert_true (cjm_document_save (document, f->file, CJM_SAVE_NO_BACKUP, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (f->path, G_FILE_TEST_IS_SYMLINK));
  on_disk = test_read_file (real_path);
  g_assert_true (test_bytes_contain (on_disk, "<title>B</title>"));
}

static void
on_document_changed (CjmDocument *document,
                     CjmChange   *change,
                     guint       *reloaded)
{
  if (change->type == CJM_CHANGE_RELOADED)
    (*reloaded)++;
}

static void
test_reload (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(CjmDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInfo) info = NULL;
  guint reloaded = 0;

  file_test_write_file (f->path, "<journey-map xmlns='urn:x-cjm:1' version='1.0'><title>A</title>"
                       "<stages><stage id='s'/></stages></journey-map>");
  document = load (f->file);
  cjm_document_set_field (document, cjm_document_get_map (document), CJM_FIELD_TITLE, "Edited");

  file_test_write_file (f->path, "<journey-map xmlns='urn:x-cjm:1' version='1.1'><title>On disk</title>"
                       "<lanes><lane id='l'/></lanes></journey-map>");
  touch_in_the_past (f->path);
  g_signal_connect (document, "changed", G_CALLBACK (on_document_changed), &reloaded);
  g_assert_true (cjm_document_reload (document, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (reloaded, ==, 1);

  g_assert_cmpstr (cjm_item_get_field (cjm_document_get_map (document), CJM_FIELD_TITLE), ==,
                   "On disk");
  g_assert_cmpuint (cjm_document_get_n_items (document, CJM_KIND_STAGE), ==, 0);
  g_assert_cmpuint (cjm_document_get_n_items (document, CJM_KIND_LANE), ==, 1);
  g_assert_false (cjm_document_get_modified (document));
  g_assert_false (cjm_document_can_undo (document));
  info = g_file_query_info (f->file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE, NULL,
                            NULL);
  g_assert_cmpstr (cjm_document_get_etag (document), ==, g_file_info_get_etag (info));

  /* A broken file on disk: reload fails and the content stays. */
  file_test_write_file (f->path, "<journey-map");
  g_assert_false (cjm_document_reload (document, &error));
  g_assert_error (error, CJM_DOCUMENT_ERROR, CJM_DOCUMENT_ERROR_PARSE);
  g_assert_cmpstr (cjm_item_get_field (cjm_document_get_map (document), CJM_FIELD_TITLE), ==,
                   "On disk");
}

/* A write that fails half-way (here: the file size limit, which stops
 * root too) leaves the old file byte-identical and no temporary file. */
static void
test_write_fails (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(CjmDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *backup_path = g_strconcat (f->path, "~", NULL);
  static const char * const only_map[] = { "map.cjm", NULL };
  struct rlimit saved_limit, limit;
  void (*old_handler) (int);
  gboolean ok;

  file_test_write_file (f->path, "<journey-map xmlns='urn:x-cjm:1' version='1.0'><title>Old</title></journey-map>\n");
  before = test_read_file (f->path);
  document = load (f->file);
  cjm_document_set_field (document, cjm_document_get_map (document), CJM_FIELD_DESCRIPTION,
                          "A description long enough to pass the limit set below, so that the "
                          "write fails half-way through.");

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved_limit), ==, 0);
  limit = saved_limit;
  limit.rlim_cur = 64;
  old_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  ok = cjm_document_save (document, f->file, CJM_SAVE_DEFAULT, &error);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved_limit), ==, 0);
  signal (SIGXFSZ, old_handler);

  g_assert_false (ok);
  g_assert_error (error, CJM_DOCUMENT_ERROR, CJM_DOCUMENT_ERROR_WRITE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "map.cjm"));
  g_assert_nonnull (strstr (error->message, g_strerror (EFBIG)));
  after = test_read_file (f->path);
  test_assert_bytes_equal (after, before);
  assert_folder_holds (f->folder, only_map);
  g_assert_true (cjm_document_get_modified (document));
}

/* A folder that cannot exist: its parent is a regular file. */
static void
test_parent_is_file (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(CjmDocument) document = test_load_fixture ("full.cjm");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->path, "inside.cjm", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  file_test_write_file (f->path, "not a folder");
  before = test_read_file (f->path);

  g_assert_false (cjm_document_save (document, file, CJM_SAVE_DEFAULT, &error));
  g_assert_error (error, CJM_DOCUMENT_ERROR, CJM_DOCUMENT_ERROR_WRITE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "inside.cjm"));
  g_assert_nonnull (strstr (error->message, g_strerror (ENOTDIR)));
  g_assert_null (cjm_document_get_file (document));
  after = test_read_file (f->path);
  test_assert_bytes_equal (after, before);
}

/* The backup cannot be made (its name is taken by a folder that is not
 * empty): the save stops and the old file is untouched. */
static void
test_backup_fails (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(CjmDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *backup_path = g_strconcat (f->path, "~", NULL);
  g_autofree char *inside = g_build_filename (backup_path, "keep", NULL);
  g_autoptr(GPtrArray) files = NULL;

  file_test_write_file (f->path, "<journey-map xmlns='urn:x-cjm:1' version='1.0'><title>Old</title></journey-map>");
  before = test_read_file (f->path);
  document = load (f->file);
  cjm_document_set_field (document, cjm_document_get_map (document), CJM_FIELD_TITLE, "New");
  g_assert_cmpint (g_mkdir (backup_path, 0700), ==, 0);
  file_test_write_file (inside, "x");

  g_assert_false (cjm_document_save (document, f->file, CJM_SAVE_DEFAULT, &error));
  g_assert_error (error, CJM_DOCUMENT_ERROR, CJM_DOCUMENT_ERROR_WRITE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "backup"));
  after = test_read_file (f->path);
  test_assert_bytes_equal (after, before);
  files = test_list_files (f->folder, NULL);
  g_assert_cmpuint (files->len, ==, 1);
}

/* Saving over a folder is refused. */
static void
test_target_is_folder (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(CjmDocument) document = test_load_fixture ("full.cjm");
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (f->path, 0700), ==, 0);
  g_assert_false (cjm_document_save (document, f->file, CJM_SAVE_DEFAULT, &error));
  g_assert_error (error, CJM_DOCUMENT_ERROR, CJM_DOCUMENT_ERROR_WRITE);
  g_assert_true (g_file_test (f->path, G_FILE_TEST_IS_DIR));
}

static void
test_stream_fails (void)
{
  g_autoptr(CjmDocument) document = test_load_fixture ("full.cjm");
  g_autoptr(GOutputStream) stream = g_object_new (TEST_TYPE_FAILING_STREAM, NULL);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GBytes) expected = cjm_document_serialize (document);

  TEST_FAILING_STREAM (stream)->limit = 1000;
  g_assert_false (cjm_document_write_to_stream (document, stream, NULL, &error));
  g_assert_error (error, CJM_DOCUMENT_ERROR, CJM_DOCUMENT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "No space left on device"));
  g_clear_error (&error);

  g_assert_true (cjm_document_write_to_stream (document, memory, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_close (memory, NULL, NULL);
  written = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
  test_assert_bytes_equal (written, expected);
}

/* A read-only file, and a file in a read-only folder: as an ordinary
 * user (root runs the test as "nobody" in a child process, since
 * permissions do not stop root). */
static int
save_as_user (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CjmDocument) document = cjm_document_new ();
  g_autoptr(GError) error = NULL;

  if (cjm_document_save (document, file, CJM_SAVE_FORCE, &error))
    return 1;
  if (!g_error_matches (error, CJM_DOCUMENT_ERROR, CJM_DOCUMENT_ERROR_WRITE))
    return 2;
  if (strstr (error->message, g_strerror (EACCES)) == NULL)
    return 3;
  return 0;
}

static void
test_read_only (void)
{
  g_autofree char *folder = test_make_folder ();
  g_autofree char *open_folder = g_build_filename (folder, "open", NULL);
  g_autofree char *closed_folder = g_build_filename (folder, "closed", NULL);
  g_autofree char *read_only = g_build_filename (open_folder, "read-only.cjm", NULL);
  g_autofree char *inside = g_build_filename (closed_folder, "inside.cjm", NULL);
  g_autoptr(GBytes) before_read_only = NULL;
  g_autoptr(GBytes) before_inside = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GPtrArray) files = NULL;
  int status;
  pid_t pid;

  g_chmod (folder, 0755);
  g_mkdir (open_folder, 0777);
  g_chmod (open_folder, 0777);
  g_mkdir (closed_folder, 0755);
  file_test_write_file (read_only, "<journey-map xmlns='urn:x-cjm:1' version='1.0'><title>RO</title></journey-map>");
  file_test_write_file (inside, "<journey-map xmlns='urn:x-cjm:1' version='1.0'><title>In</title></journey-map>");
  g_chmod (read_only, 0444);
  g_chmod (inside, 0666);
  g_chmod (closed_folder, 0555);
  before_read_only = test_read_file (read_only);
  before_inside = test_read_file (inside);

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      int code;

      if (getuid () == 0 && (setgid (65534) != 0 || setuid (65534) != 0))
        _exit (10);
      code = save_as_user (read_only);
      if (code == 0)
        code = save_as_user (inside) * 4;
      _exit (code);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);

  after = test_read_file (read_only);
  test_assert_bytes_equal (after, before_read_only);
  g_clear_pointer (&after, g_bytes_unref);
  after = test_read_file (inside);
  test_assert_bytes_equal (after, before_inside);
  files = test_list_files (open_folder, NULL);
  g_assert_cmpuint (files->len, ==, 1);

  test_remove_tree (folder);
}

static gboolean
save_output (const char  *path,
             gpointer     user_data,
             GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return cjm_document_save (user_data, file, CJM_SAVE_FORCE | CJM_SAVE_NO_BACKUP, error);
}

/* What every output written through the atomic file writer does: links,
 * permissions, owner, failures (file-test-util.h). */
static void
test_output (void)
{
  g_autoptr(CjmDocument) document = test_load_fixture ("full.cjm");
  const FileTestOutput output = {
    "map.cjm", "<?xml", CJM_DOCUMENT_ERROR, CJM_DOCUMENT_ERROR_WRITE, save_output, document,
  };

  file_test_check_output (&output);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/xml/save/" name, Fixture, "map.cjm", \
              file_test_fixture_set_up, func, file_test_fixture_tear_down)

  ADD ("new-file", test_save_new);
  ADD ("backup", test_backup);
  ADD ("changed-on-disk", test_changed_on_disk);
  ADD ("save-as", test_save_as);
  ADD ("symlink", test_symlink);
  ADD ("reload", test_reload);
  ADD ("write-fails", test_write_fails);
  ADD ("parent-is-file", test_parent_is_file);
  ADD ("backup-fails", test_backup_fails);
  ADD ("target-is-folder", test_target_is_folder);
  g_test_add_func ("/xml/save/stream-fails", test_stream_fails);
  g_test_add_func ("/xml/save/read-only", test_read_only);
  g_test_add_func ("/xml/save/output", test_output);

#undef ADD

  return g_test_run ();
}
