/* test-convert.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Files through JSON: every fixture and every shared sample survives
 * .cjm -> JSON -> .cjm byte for byte, unknown XML included; and `cjm
 * convert` end to end: results, messages, exit codes, and no partial file
 * when the output cannot be written.
 */

#define G_LOG_DOMAIN "test-convert"

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "cjm-document-private.h"
#include "cjm-json.h"
#include "file-test-util.h"
#include "json-test-util.h"

/* Fixtures and, where present, the shared samples. */
static GPtrArray *
list_maps (void)
{
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *shared = g_getenv ("CJM_SHARED_DIR");
  g_autofree char *fixtures = g_test_build_filename (G_TEST_DIST, "json", "fixtures", NULL);
  const char *dirs[] = { fixtures, NULL, NULL };
  g_autofree char *samples = NULL;

  if (shared != NULL)
    {
      samples = g_build_filename (shared, "samples", NULL);
      dirs[1] = samples;
    }

  for (guint d = 0; dirs[d] != NULL; d++)
    {
      g_autoptr(GDir) dir = g_dir_open (dirs[d], 0, NULL);
      g_autoptr(GPtrArray) names = g_ptr_array_new ();
      const char *name;

      if (dir == NULL)
        continue;
      while ((name = g_dir_read_name (dir)) != NULL)
        if (g_str_has_suffix (name, ".cjm"))
          g_ptr_array_add (names, (gpointer) name);
      g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
      for (guint i = 0; i < names->len; i++)
        g_ptr_array_add (paths, g_build_filename (dirs[d], g_ptr_array_index (names, i), NULL));
    }

  return paths;
}

static CjmDocument *
load_cjm (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CjmDocument *doc = cjm_document_new_from_file (file, &error);

  g_assert_no_error (error);
  return doc;
}

static void
assert_bytes_equal (GBytes     *a,
                    GBytes     *b,
                    const char *what)
{
  if (!g_bytes_equal (a, b))
    {
      gsize la, lb;
      const char *x = g_bytes_get_data (a, &la);
      const char *y = g_bytes_get_data (b, &lb);
      gsize i = 0;

      while (i < la && i < lb && x[i] == y[i])
        i++;
      g_error ("%s: differs at byte %" G_GSIZE_FORMAT ":\n…%.*s\nvs\n…%.*s", what, i,
               (int) MIN (80, la - i), x + i, (int) MIN (80, lb - i), y + i);
    }
}

/* .cjm -> JSON -> .cjm gives the same bytes; JSON -> doc -> JSON the same
 * JSON; a canonical file comes back as it was. */
static void
test_files_round_trip (void)
{
  g_autoptr(GPtrArray) paths = list_maps ();

  g_assert_cmpuint (paths->len, >=, 2);
  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autoptr(CjmDocument) doc = load_cjm (path);
      g_autoptr(CjmDocument) back = NULL;
      g_autoptr(CjmDocument) again = NULL;
      g_autoptr(GBytes) cjm = cjm_document_serialize (doc);
      g_autoptr(GBytes) cjm_back = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *json = NULL;
      g_autofree char *json_again = NULL;
      g_autofree char *contents = NULL;
      gsize length;

      g_test_message ("%s", path);
      json = cjm_document_to_json_data (doc, &length);
      back = cjm_document_new_from_json_data (json, length, path, &error);
      g_assert_no_error (error);
      cjm_test_assert_documents_equal (doc, back);

      cjm_back = cjm_document_serialize (back);
      assert_bytes_equal (cjm, cjm_back, path);

      json_again = cjm_document_to_json_data (back, NULL);
      g_assert_cmpstr (json, ==, json_again);

      /* The fixtures and samples are written in the canonical layout. */
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      {
        g_autoptr(GBytes) file_bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
        assert_bytes_equal (file_bytes, cjm_back, path);
      }
    }
}

/* What another tool or a newer version put in the file is in the JSON and
 * back in place in the .cjm. */
static void
test_unknown_survives (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "json", "fixtures", "unknown.cjm", NULL);
  g_autoptr(CjmDocument) doc = load_cjm (path);
  g_autoptr(JsonNode) root = cjm_document_to_json (doc);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *json = NULL;
  JsonObject *object = json_node_get_object (root);
  JsonObject *tp;
  JsonObject *unknown;

  json_generator_set_root (generator, root);
  json = json_generator_to_data (generator, NULL);

  /* Namespace declaration and attribute of the root. */
  unknown = json_object_get_object_member (object, "unknown");
  g_assert_nonnull (unknown);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (unknown,
                                                                                 "attributes"),
                                                  "xmlns:x"), ==, "urn:example:extra");
  /* An unknown element inside a touchpoint, with its position. */
  tp = json_array_get_object_element (json_object_get_array_member (object, "touchpoints"), 0);
  unknown = json_object_get_object_member (tp, "unknown");
  g_assert_nonnull (unknown);
  g_assert_nonnull (strstr (json, "<x:photo href=\\\"pay.png\\\"/>"));
  g_assert_nonnull (json_object_get_array_member (unknown, "elements"));
  /* An unknown element of a newer minor version, in our namespace. */
  g_assert_nonnull (strstr (json, "<sentiment-score>0.8</sentiment-score>"));
}

/* cjm convert */

static const char *
tool_path (void)
{
  const char *tool = g_getenv ("CJM_TOOL");

  if (tool == NULL)
    g_error ("CJM_TOOL is not set: run the tests with meson test");
  return tool;
}

typedef struct {
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static gsize file_size_limit;

/* In the child: writes past file_size_limit bytes fail with EFBIG, as on a
 * full disk (even for root, who ignores permissions). */
static void
limit_file_size (gpointer data)
{
  struct rlimit limit = { file_size_limit, file_size_limit };

  signal (SIGXFSZ, SIG_IGN);
  setrlimit (RLIMIT_FSIZE, &limit);
}

static void
run_tool (Run        *run,
          const char *dir,
          gsize       size_limit,
          ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (gpointer) tool_path ());
  g_ptr_array_add (argv, (gpointer) "convert");
  va_start (args, size_limit);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  file_size_limit = size_limit;
  if (!g_spawn_sync (dir, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT,
                     size_limit > 0 ? limit_file_size : NULL, NULL,
                     &run->out, &run->err, &run->status, &error))
    g_error ("cannot run %s: %s", tool_path (), error->message);
  g_assert_true (WIFEXITED (run->status));
  run->status = WEXITSTATUS (run->status);
  g_test_message ("exit %d, stderr: %s", run->status, run->err);
}

static char *
read_file (const char *dir,
           const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, NULL);
  return contents;
}

static void
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static char *
make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("cjm-convert-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tmp_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (dir);
}

static char *
canonical_fixture (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "json", "fixtures", "unknown.cjm", NULL);
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

/* .cjm -> .json -> .cjm, and a re-save, through the tool. */
static void
test_convert_round_trip (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *original = canonical_fixture ();
  g_autofree char *json = NULL;
  g_autofree char *back = NULL;
  g_autofree char *json_again = NULL;
  g_autoptr(CjmDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0, };

  write_file (dir, "map.cjm", original);

  run_tool (&run, dir, 0, "map.cjm", "-o", "map.json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  json = read_file (dir, "map.json");
  g_assert_nonnull (json);
  doc = cjm_document_new_from_json_data (json, -1, "map.json", &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (json, "\"format\" : \"urn:x-cjm:1\""));
  run_clear (&run);

  run_tool (&run, dir, 0, "map.json", "-o", "back.cjm", NULL);
  g_assert_cmpint (run.status, ==, 0);
  back = read_file (dir, "back.cjm");
  g_assert_cmpstr (back, ==, original);
  run_clear (&run);

  run_tool (&run, dir, 0, "back.cjm", "-o", "again.json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  json_again = read_file (dir, "again.json");
  g_assert_cmpstr (json_again, ==, json);
  run_clear (&run);

  /* Re-save in place: canonical stays canonical; no backup file. */
  run_tool (&run, dir, 0, "back.cjm", "-o", "back.cjm", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_clear_pointer (&back, g_free);
  back = read_file (dir, "back.cjm");
  g_assert_cmpstr (back, ==, original);
  g_assert_cmpuint (count_entries (dir), ==, 4);

  remove_tmp_dir (dir);
}

/* A non-canonical file comes out canonical, the same as the library's. */
static void
test_convert_resave (void)
{
  static const char messy[] =
    "<?xml version='1.0' encoding='UTF-8'?>\n"
    "<journey-map version='1.0'   xmlns='urn:x-cjm:1'><title>Messy</title>"
    "<stages><stage id='s1'><name>One</name></stage></stages>\n"
    "<touchpoints><touchpoint lane='l' id='t1' stage='s1'><title>T &amp; U</title>"
    "</touchpoint></touchpoints></journey-map>";
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *result = NULL;
  g_autoptr(CjmDocument) doc = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0, };

  write_file (dir, "messy.cjm", messy);
  run_tool (&run, dir, 0, "messy.cjm", "-o", "clean.cjm", NULL);
  g_assert_cmpint (run.status, ==, 0);

  bytes = g_bytes_new_static (messy, strlen (messy));
  doc = cjm_document_new_from_bytes (bytes, "messy.cjm", &error);
  g_assert_no_error (error);
  expected = cjm_document_serialize (doc);
  result = read_file (dir, "clean.cjm");
  g_assert_cmpstr (result, ==, g_bytes_get_data (expected, NULL));
  g_assert_true (g_str_has_prefix (result, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                           "<journey-map xmlns=\"urn:x-cjm:1\" version=\"1.0\">\n"));

  remove_tmp_dir (dir);
}

static void
test_convert_bad_input (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_auto(Run) run = { 0, };

  /* Missing file */
  run_tool (&run, dir, 0, "nothing.cjm", "-o", "out.json", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_true (g_str_has_prefix (run.err, "nothing.cjm: "));
  g_assert_nonnull (strstr (run.err, "No such file"));
  g_assert_cmpuint (count_entries (dir), ==, 0);
  run_clear (&run);

  /* Malformed JSON: file, line, column and reason */
  write_file (dir, "bad.json", "{\n  \"format\": \"urn:x-cjm:1\",\n  \"title\": oops\n}\n");
  run_tool (&run, dir, 0, "bad.json", "-o", "out.cjm", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_true (g_str_has_prefix (run.err, "bad.json:3:"));
  g_assert_nonnull (strstr (run.err, "oops"));
  g_assert_null (read_file (dir, "out.cjm"));
  run_clear (&run);

  /* Wrong shape */
  write_file (dir, "shape.json", "{\"format\": \"urn:x-cjm:1\",\n \"stages\": [{\"nmae\": \"x\"}]}");
  run_tool (&run, dir, 0, "shape.json", "-o", "out.cjm", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_true (g_str_has_prefix (run.err, "shape.json:2:"));
  g_assert_nonnull (strstr (run.err, "stages[0].nmae"));
  run_clear (&run);

  /* Not well-formed .cjm */
  write_file (dir, "bad.cjm", "<journey-map xmlns=\"urn:x-cjm:1\" version=\"1.0\">\n"
                              "  <title>x</title>\n  <stages>\n</journey-map>\n");
  run_tool (&run, dir, 0, "bad.cjm", "-o", "out.json", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_true (g_str_has_prefix (run.err, "bad.cjm:4:"));
  g_assert_null (read_file (dir, "out.json"));
  run_clear (&run);

  /* A folder */
  run_tool (&run, dir, 0, ".", "-o", "out.json", NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_clear (&run);

  /* Usage errors */
  run_tool (&run, dir, 0, "bad.json", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "-o OUT"));
  run_clear (&run);

  run_tool (&run, dir, 0, "bad.json", "-o", "out.txt", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_true (g_str_has_prefix (run.err, "out.txt: "));
  g_assert_nonnull (strstr (run.err, ".cjm or .json"));
  run_clear (&run);

  run_tool (&run, dir, 0, "a.cjm", "b.cjm", "-o", "out.json", NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_clear (&run);

  run_tool (&run, dir, 0, "--frobnicate", NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_clear (&run);

  remove_tmp_dir (dir);
}

static void
test_convert_help (void)
{
  g_auto(Run) run = { 0, };

  run_tool (&run, NULL, 0, "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "cjm convert"));
  g_assert_nonnull (strstr (run.out, "IN -o OUT"));
  g_assert_nonnull (strstr (run.out, "--output"));
  g_assert_nonnull (strstr (run.out, "Exit status"));
}

/* An output that cannot be written: nonzero exit, a message naming it, and
 * no file, partial or temporary, left behind; an old file stays intact. */
static void
test_convert_unwritable (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *original = canonical_fixture ();
  g_autofree char *old = NULL;
  const char *outputs[] = { "out.json", "out.cjm" };
  g_auto(Run) run = { 0, };

  write_file (dir, "map.cjm", original);
  write_file (dir, "plain-file", "not a folder");

  for (guint i = 0; i < G_N_ELEMENTS (outputs); i++)
    {
      g_autofree char *target = g_build_filename ("plain-file", outputs[i], NULL);

      /* Inside something that is not a folder (fails even for root). */
      run_tool (&run, dir, 0, "map.cjm", "-o", target, NULL);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_nonnull (strstr (run.err, outputs[i]));
      g_assert_cmpuint (count_entries (dir), ==, 2);
      run_clear (&run);

      /* The disk fills up half way through: the old file stays. */
      write_file (dir, outputs[i], "old content\n");
      run_tool (&run, dir, 1024, "map.cjm", "-o", outputs[i], NULL);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_nonnull (strstr (run.err, outputs[i]));
      old = read_file (dir, outputs[i]);
      g_assert_cmpstr (old, ==, "old content\n");
      g_clear_pointer (&old, g_free);
      g_assert_cmpuint (count_entries (dir), ==, 3);
      run_clear (&run);

      /* And with no old file, none appears. */
      {
        g_autofree char *output = g_build_filename (dir, outputs[i], NULL);
        g_assert_cmpint (g_remove (output), ==, 0);
      }
      run_tool (&run, dir, 1024, "map.cjm", "-o", outputs[i], NULL);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_null (read_file (dir, outputs[i]));
      g_assert_cmpuint (count_entries (dir), ==, 2);
      run_clear (&run);
    }

  remove_tmp_dir (dir);
}

/* cjm_document_save_json() and cjm_document_new_from_json_file() */
static void
test_json_file_api (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "map.json", NULL);
  g_autofree char *link_path = g_build_filename (dir, "link.json", NULL);
  g_autofree char *plain = g_build_filename (dir, "plain", NULL);
  g_autofree char *inside = g_build_filename (plain, "map.json", NULL);
  g_autofree char *huge = g_build_filename (dir, "huge.json", NULL);
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "json", "fixtures", "unknown.cjm",
                                                    NULL);
  g_autoptr(CjmDocument) doc = load_cjm (fixture);
  g_autoptr(CjmDocument) back = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) link = g_file_new_for_path (link_path);
  g_autoptr(GFile) inside_file = g_file_new_for_path (inside);
  g_autoptr(GFile) huge_file = g_file_new_for_path (huge);
  g_autoptr(GError) error = NULL;
  GStatBuf st;
  FILE *f;

  g_assert_true (cjm_document_save_json (doc, file, &error));
  g_assert_no_error (error);
  back = cjm_document_new_from_json_file (file, &error);
  g_assert_no_error (error);
  cjm_test_assert_documents_equal (doc, back);
  g_assert_null (cjm_document_get_file (back));

  /* Replacing keeps the permissions, and a link stays a link. */
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  g_assert_cmpint (symlink ("map.json", link_path), ==, 0);
  g_assert_true (cjm_document_save_json (doc, link, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);
  g_assert_true (g_file_test (link_path, G_FILE_TEST_IS_SYMLINK));
  g_assert_cmpuint (count_entries (dir), ==, 2);
  g_remove (link_path);

  /* Errors name the file and leave nothing behind. */
  write_file (dir, "plain", "a file, not a folder");
  g_assert_false (cjm_document_save_json (doc, inside_file, &error));
  g_assert_error (error, CJM_DOCUMENT_ERROR, CJM_DOCUMENT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, inside));
  g_clear_error (&error);
  g_assert_cmpuint (count_entries (dir), ==, 2);

  g_assert_null (cjm_document_new_from_json_file (inside_file, &error));
  g_assert_error (error, CJM_DOCUMENT_ERROR, CJM_DOCUMENT_ERROR_READ);
  g_assert_true (g_str_has_prefix (error->message, inside));
  g_clear_error (&error);

  /* Too large is refused before reading (a sparse file costs no disk). */
  f = fopen (huge, "w");
  g_assert_nonnull (f);
  g_assert_cmpint (ftruncate (fileno (f), CJM_MAX_FILE_SIZE + 1), ==, 0);
  fclose (f);
  g_assert_null (cjm_document_new_from_json_file (huge_file, &error));
  g_assert_error (error, CJM_DOCUMENT_ERROR, CJM_DOCUMENT_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, huge));

  remove_tmp_dir (dir);
}

static gboolean
save_json_output (const char  *path,
                  gpointer     user_data,
                  GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return cjm_document_save_json (user_data, file, error);
}

/* What every output written through the atomic file writer does: links,
 * permissions, owner, failures (file-test-util.h). */
static void
test_json_file_output (void)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "json", "fixtures", "unknown.cjm",
                                                    NULL);
  g_autoptr(CjmDocument) doc = load_cjm (fixture);
  const FileTestOutput output = {
    "map.json", "{", CJM_DOCUMENT_ERROR, CJM_DOCUMENT_ERROR_WRITE, save_json_output, doc,
  };

  file_test_check_output (&output);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json/files/round-trip", test_files_round_trip);
  g_test_add_func ("/json/files/unknown-survives", test_unknown_survives);
  g_test_add_func ("/json/files/api", test_json_file_api);
  g_test_add_func ("/json/files/output", test_json_file_output);
  g_test_add_func ("/json/convert/round-trip", test_convert_round_trip);
  g_test_add_func ("/json/convert/resave", test_convert_resave);
  g_test_add_func ("/json/convert/bad-input", test_convert_bad_input);
  g_test_add_func ("/json/convert/help", test_convert_help);
  g_test_add_func ("/json/convert/unwritable", test_convert_unwritable);

  return g_test_run ();
}
