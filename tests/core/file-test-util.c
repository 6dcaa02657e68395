/* file-test-util.c
 * SPDX-License-Identifier: GPL-3.0-or-later
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

#define NOBODY 65534
#define OLD_CONTENTS "the old version\n"

typedef struct {
  const FileTestOutput *output;
  const char           *path;
  GError               *error;
} Job;

static char *
make_folder (const char *parent,
             const char *name)
{
  char *folder = g_build_filename (parent, name, NULL);

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  return folder;
}


/* A folder named name in base holding the old version of the output. */
static char *
make_old_output (const FileTestOutput  *output,
                 const char            *base,
                 const char            *name,
                 char                 **path)
{
  char *folder = make_folder (base, name);

  *path = g_build_filename (folder, output->name, NULL);
  file_test_write_file (*path, OLD_CONTENTS);
  return folder;
}

/* Asserts that folder holds the output and nothing else. */
static void
assert_only_output (const FileTestOutput *output,
                    const char           *folder)
{
  const char *names[] = { output->name, NULL };

  file_test_assert_names (folder, names);
}

/* Writes and checks that the file now holds the new output. */
static void
assert_writes (const FileTestOutput *output,
               const char           *path,
               const char           *written)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize magic_length = strlen (output->magic);

  g_assert_true (output->write (path, output->user_data, &error));
  g_assert_no_error (error);
  bytes = test_read_file (written);
  g_assert_cmpuint (g_bytes_get_size (bytes), >=, magic_length);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), magic_length, output->magic, magic_length);
}

static gboolean
failed_as_expected (const FileTestOutput *output,
                    const GError         *error)
{
  return error != NULL && error->domain == output->domain
         && (output->code < 0 || error->code == output->code);
}

static void
assert_failed (const FileTestOutput *output,
               const GError         *error)
{
  if (!failed_as_expected (output, error))
    g_error ("not the expected error: %s", error != NULL ? error->message : "none");
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, output->name));
}

static void
check_new_file (const FileTestOutput *output,
                const char           *base)
{
  g_autofree char *folder = make_folder (base, "new");
  g_autofree char *path = g_build_filename (folder, output->name, NULL);

  assert_writes (output, path, path);
  g_assert_cmpuint (file_test_get_mode (path), ==, file_test_new_file_mode ());
  assert_only_output (output, folder);
}

static void
check_keeps_mode (const FileTestOutput *output,
                  const char           *base)
{
  g_autofree char *path = NULL;
  g_autofree char *folder = make_old_output (output, base, "mode", &path);
  gboolean root = geteuid () == 0;
  GStatBuf st;

  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  if (root)
    g_assert_cmpint (chown (path, NOBODY, NOBODY), ==, 0);

  assert_writes (output, path, path);
  g_assert_cmpuint (file_test_get_mode (path), ==, 0600);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  if (root)
    g_assert_cmpuint (st.st_uid, ==, NOBODY);
  assert_only_output (output, folder);
}

/* link-2 -> link-1 -> target/NAME: the file is replaced, the links stay. */
static void
check_links (const FileTestOutput *output,
             const char           *base)
{
  g_autofree char *folder = make_folder (base, "links");
  g_autofree char *target_folder = make_folder (folder, "target");
  g_autofree char *target = g_build_filename (target_folder, output->name, NULL);
  g_autofree char *to_target = g_build_filename ("target", output->name, NULL);
  g_autofree char *link1_name = g_strconcat ("link-1-", output->name, NULL);
  g_autofree char *link2_name = g_strconcat ("link-2-", output->name, NULL);
  g_autofree char *link1 = g_build_filename (folder, link1_name, NULL);
  g_autofree char *link2 = g_build_filename (folder, link2_name, NULL);
  g_autofree char *read1 = NULL;
  g_autofree char *read2 = NULL;
  const char *names[] = { "target", link1_name, link2_name, NULL };

  file_test_write_file (target, OLD_CONTENTS);
  g_assert_cmpint (g_chmod (target, 0600), ==, 0);
  g_assert_cmpint (symlink (to_target, link1), ==, 0);
  g_assert_cmpint (symlink (link1, link2), ==, 0);

  assert_writes (output, link2, target);
  read1 = g_file_read_link (link1, NULL);
  read2 = g_file_read_link (link2, NULL);
  g_assert_cmpstr (read1, ==, to_target);
  g_assert_cmpstr (read2, ==, link1);
  g_assert_cmpuint (file_test_get_mode (target), ==, 0600);
  file_test_assert_names (folder, names);
  assert_only_output (output, target_folder);
}

static gboolean
run_job (gpointer data)
{
  Job *job = data;

  return job->output->write (job->path, job->output->user_data, &job->error);
}

/* After a failed write: the old version, and nothing else. */
static void
assert_old_output (const FileTestOutput *output,
                   const char           *folder,
                   const char           *path)
{
  g_autoptr(GBytes) after = test_read_file (path);

  g_assert_cmpmem (g_bytes_get_data (after, NULL), g_bytes_get_size (after),
                   OLD_CONTENTS, strlen (OLD_CONTENTS));
  assert_only_output (output, folder);
}

/* The write stops half-way: the old file stays, nothing else appears. */
static void
check_write_fails (const FileTestOutput *output,
                   const char           *base)
{
  g_autofree char *path = NULL;
  g_autofree char *folder = make_old_output (output, base, "fails", &path);
  Job job = { output, path, NULL };

  g_assert_false (file_test_with_size_limit (64, run_job, &job));
  assert_failed (output, job.error);
  g_clear_error (&job.error);
  assert_old_output (output, folder, path);
}

/* In the child: 0 when the write failed as it should. */
static int
write_refused (gpointer data)
{
  Job *job = data;
  int code = 0;

  if (run_job (job))
    code = 1;
  else if (!failed_as_expected (job->output, job->error))
    code = 2;
  else if (strstr (job->error->message, job->output->name) == NULL
           || strstr (job->error->message, g_strerror (EACCES)) == NULL)
    code = 3;
  g_clear_error (&job->error);
  return code;
}

/* A folder the user may not write to: nothing changes there. */
static void
check_closed_folder (const FileTestOutput *output,
                     const char           *base)
{
  g_autofree char *path = NULL;
  g_autofree char *folder = make_old_output (output, base, "closed", &path);
  Job job = { output, path, NULL };

  g_assert_cmpint (g_chmod (path, 0666), ==, 0);
  g_assert_cmpint (g_chmod (folder, 0555), ==, 0);
  g_assert_cmpint (file_test_as_nobody (write_refused, &job), ==, 0);
  assert_old_output (output, folder, path);
  g_chmod (folder, 0755);
}

/* Public API */

void
file_test_fixture_set_up (FileTestFixture *f,
                          gconstpointer    name)
{
  f->folder = test_make_folder ();
  g_assert_cmpint (g_chmod (f->folder, 0755), ==, 0);
  f->path = g_build_filename (f->folder, name, NULL);
  f->file = g_file_new_for_path (f->path);
}

void
file_test_fixture_tear_down (FileTestFixture *f,
                             gconstpointer    name)
{
  test_remove_tree (f->folder);
  g_free (f->folder);
  g_free (f->path);
  g_object_unref (f->file);
}

void
file_test_check_output (const FileTestOutput *output)
{
  g_autofree char *base = test_make_folder ();

  /* "nobody" must reach the folders inside. */
  g_assert_cmpint (g_chmod (base, 0755), ==, 0);

  check_new_file (output, base);
  check_keeps_mode (output, base);
  check_links (output, base);
  check_write_fails (output, base);
  check_closed_folder (output, base);

  test_remove_tree (base);
}

gboolean
file_test_with_size_limit (gsize      limit,
                           gboolean (*func) (gpointer data),
                           gpointer   data)
{
  struct rlimit saved, limited;
  void (*old_handler) (int);
  gboolean result;

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  limited = saved;
  limited.rlim_cur = limit;
  old_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limited), ==, 0);
  result = func (data);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  signal (SIGXFSZ, old_handler);
  return result;
}

int
file_test_as_nobody (int    (*func) (gpointer data),
                     gpointer data)
{
  int status;
  pid_t pid;

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      if (getuid () == 0 && (setgid (NOBODY) != 0 || setuid (NOBODY) != 0))
        _exit (10);
      _exit (func (data));
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

void
file_test_assert_names (const char         *folder,
                        const char * const *names)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GString) found = g_string_new (NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_string_append_printf (found, " %s", name);
      n++;
    }
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (folder, names[i], NULL);

      if (!g_file_test (path, G_FILE_TEST_EXISTS | G_FILE_TEST_IS_SYMLINK))
        g_error ("%s is missing from %s (it holds:%s)", names[i], folder, found->str);
    }
  if (n != g_strv_length ((char **) names))
    g_error ("%s holds more than expected:%s", folder, found->str);
}

guint
file_test_get_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

guint
file_test_new_file_mode (void)
{
  mode_t mask = umask (0);

  umask (mask);
  return 0666 & ~mask;
}

void
file_test_write_file (const char *path,
                      const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}
