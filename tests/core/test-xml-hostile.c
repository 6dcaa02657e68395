/* test-xml-hostile.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Hostile and broken files are refused quickly with "FILE:LINE:COL:
 * reason", in CJM_DOCUMENT_ERROR, and never read another file (the
 * content of /etc/hostname, which the XXE files point at, never shows).
 *
 * Timing is asserted only loosely (5 s) to catch hangs; the real figures
 * are in the benchmark.
 */

#define G_LOG_DOMAIN "test"

#include "config.h"

#include <gio/gio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "test-util.h"

#define HANG_LIMIT_USEC (5 * G_USEC_PER_SEC)

static const struct {
  const char       *name;
  CjmDocumentError  code;
  int               line;       /* 0: not checked */
  const char       *reason;     /* a part of the message */
} own_files[] = {
  { "xxe-file.cjm", CJM_DOCUMENT_ERROR_UNSAFE, 2, "DOCTYPE" },
  { "xxe-http.cjm", CJM_DOCUMENT_ERROR_UNSAFE, 2, "DOCTYPE" },
  { "external-dtd.cjm", CJM_DOCUMENT_ERROR_UNSAFE, 2, "DOCTYPE" },
  { "parameter-entity.cjm", CJM_DOCUMENT_ERROR_UNSAFE, 2, "DOCTYPE" },
  { "billion-laughs.cjm", CJM_DOCUMENT_ERROR_UNSAFE, 2, "DOCTYPE" },
  { "doctype-after-comment.cjm", CJM_DOCUMENT_ERROR_UNSAFE, 4, "DOCTYPE" },
  { "lowercase-doctype.cjm", CJM_DOCUMENT_ERROR_UNSAFE, 2, "not allowed" },
  { "undeclared-entity.cjm", CJM_DOCUMENT_ERROR_UNSAFE, 3, "entit" },
  { "bad-utf8-overlong.cjm", CJM_DOCUMENT_ERROR_ENCODING, 3, "UTF-8" },
  { "bad-utf8-truncated.cjm", CJM_DOCUMENT_ERROR_ENCODING, 3, "UTF-8" },
  { "latin1.cjm", CJM_DOCUMENT_ERROR_ENCODING, 3, "UTF-8" },
  { "utf16.cjm", CJM_DOCUMENT_ERROR_ENCODING, 1, "UTF-16" },
  { "nul.cjm", CJM_DOCUMENT_ERROR_ENCODING, 3, "NUL" },
  { "control-char.cjm", CJM_DOCUMENT_ERROR_PARSE, 3, "Char" },
  { "truncated.cjm", CJM_DOCUMENT_ERROR_PARSE, 0, "Premature end" },
  { "empty.cjm", CJM_DOCUMENT_ERROR_PARSE, 1, "empty" },
  { "blank.cjm", CJM_DOCUMENT_ERROR_PARSE, 0, "no XML" },
  { "wrong-root.cjm", CJM_DOCUMENT_ERROR_NOT_A_MAP, 2, "<svg>" },
  { "wrong-namespace.cjm", CJM_DOCUMENT_ERROR_NOT_A_MAP, 2, "urn:example:maps" },
  { "no-namespace.cjm", CJM_DOCUMENT_ERROR_NOT_A_MAP, 2, "namespace" },
  { "newer-major.cjm", CJM_DOCUMENT_ERROR_VERSION, 2, "version 2.1 is newer than this app supports" },
  { "newer-namespace.cjm", CJM_DOCUMENT_ERROR_VERSION, 2, "urn:x-cjm:3 is newer" },
  { "mismatched-tags.cjm", CJM_DOCUMENT_ERROR_PARSE, 3, "mismatch" },
  { "two-roots.cjm", CJM_DOCUMENT_ERROR_PARSE, 3, "Extra content" },
  { "unterminated-comment.cjm", CJM_DOCUMENT_ERROR_PARSE, 0, "Comment not terminated" },
  { "bad-attribute.cjm", CJM_DOCUMENT_ERROR_PARSE, 3, "AttValue" },
};

/* The shared files and the code each must give; a file not listed must
 * be refused with any code. */
static const struct {
  const char       *name;
  CjmDocumentError  code;
  const char       *reason;
} shared_files[] = {
  { "cjm/newer-major.cjm", CJM_DOCUMENT_ERROR_VERSION, "version 2.0 is newer than this app supports" },
  { "cjm/gzip-bomb.cjm", CJM_DOCUMENT_ERROR_ENCODING, "compressed" },
  { "cjm/invalid-utf8.cjm", CJM_DOCUMENT_ERROR_ENCODING, "UTF-8" },
  { "cjm/xxe-file.cjm", CJM_DOCUMENT_ERROR_UNSAFE, "DOCTYPE" },
  { "cjm/billion-laughs.cjm", CJM_DOCUMENT_ERROR_UNSAFE, "DOCTYPE" },
  { "cjm/deep-nesting.cjm", CJM_DOCUMENT_ERROR_UNSAFE, "256" },
  { "cjm/truncated.cjm", CJM_DOCUMENT_ERROR_PARSE, NULL },
  { "libxml2/empty.xml", CJM_DOCUMENT_ERROR_PARSE, "empty" },
};

static char *hostname;

/* "DISPLAY:LINE:COL: reason" */
static void
assert_message_shape (const char *message,
                      const char *display_name,
                      int         line)
{
  g_autofree char *escaped = g_regex_escape_string (display_name, -1);
  g_autofree char *pattern = NULL;
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;

  pattern = g_strdup_printf ("^%s:([0-9]+):([0-9]+): .+", escaped);
  regex = g_regex_new (pattern, G_REGEX_DOTALL, 0, NULL);
  if (!g_regex_match (regex, message, 0, &match))
    g_error ("message is not FILE:LINE:COL: reason: %s", message);
  if (line > 0)
    {
      g_autofree char *found = g_match_info_fetch (match, 1);
      g_assert_cmpint (atoi (found), ==, line);
    }
}

static char *canary_path;
static char *canary;

/* Neither /etc/hostname (where the shared XXE files point; checked when
 * long enough to be told apart) nor our canary file ever shows. */
static void
assert_no_secret (const char *text)
{
  if (text == NULL)
    return;
  if (hostname != NULL && strlen (hostname) >= 4)
    g_assert_null (strstr (text, hostname));
  if (canary != NULL)
    g_assert_null (strstr (text, canary));
}

/* Loads the file from disk, as the app does, and returns the error. */
static GError *
refuse_file (const char *path,
             gint64     *elapsed)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CjmDocument) document = NULL;
  g_autoptr(GBytes) before = test_read_file (path);
  g_autoptr(GBytes) after = NULL;
  GError *error = NULL;
  gint64 start = g_get_monotonic_time ();

  document = cjm_document_new_from_file (file, &error);
  *elapsed = g_get_monotonic_time () - start;

  if (document != NULL)
    g_error ("%s was opened", path);
  g_assert_nonnull (error);
  g_assert_true (error->domain == CJM_DOCUMENT_ERROR);
  g_assert_cmpint (*elapsed, <, HANG_LIMIT_USEC);
  assert_no_secret (error->message);

  /* The file on disk is never touched. */
  after = test_read_file (path);
  g_assert_true (g_bytes_equal (before, after));

  {
    g_autofree char *display_name = g_file_get_parse_name (file);
    assert_message_shape (error->message, display_name, 0);
  }
  return error;
}

static void
test_own_file (gconstpointer data)
{
  guint i = GPOINTER_TO_UINT (data);
  g_autofree char *name = g_build_filename ("hostile", own_files[i].name, NULL);
  g_autofree char *path = test_fixture_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *display_name = g_file_get_parse_name (file);
  g_autoptr(GError) error = NULL;
  gint64 elapsed;

  error = refuse_file (path, &elapsed);
  g_test_message ("%s", error->message);
  g_assert_cmpint (error->code, ==, own_files[i].code);
  assert_message_shape (error->message, display_name, own_files[i].line);
  if (strstr (error->message, own_files[i].reason) == NULL)
    g_error ("“%s” not in: %s", own_files[i].reason, error->message);
}

static void
test_shared_file (gconstpointer data)
{
  const char *path = data;
  g_autoptr(GError) error = NULL;
  gint64 elapsed;

  error = refuse_file (path, &elapsed);
  g_test_message ("%s (%.1f ms)", error->message, elapsed / 1000.0);

  for (guint i = 0; i < G_N_ELEMENTS (shared_files); i++)
    if (g_str_has_suffix (path, shared_files[i].name))
      {
        g_assert_cmpint (error->code, ==, shared_files[i].code);
        if (shared_files[i].reason != NULL && strstr (error->message, shared_files[i].reason) == NULL)
          g_error ("“%s” not in: %s", shared_files[i].reason, error->message);
      }
}

/* Generated inputs */

static GError *
refuse_bytes (GBytes     *bytes,
              const char *name)
{
  g_autoptr(CjmDocument) document = NULL;
  GError *error = NULL;
  gint64 start = g_get_monotonic_time ();

  document = cjm_document_new_from_bytes (bytes, name, &error);
  g_assert_cmpint (g_get_monotonic_time () - start, <, HANG_LIMIT_USEC);
  if (document != NULL)
    g_error ("%s was opened", name);
  g_assert_nonnull (error);
  g_assert_true (error->domain == CJM_DOCUMENT_ERROR);
  assert_message_shape (error->message, name, 0);
  return error;
}

static void
accept_bytes (GBytes     *bytes,
              const char *name)
{
  g_autoptr(CjmDocument) document = test_load_bytes (bytes, name);

  g_assert_nonnull (document);
}

static GBytes *
map_with_body (const char *body)
{
  char *text = g_strdup_printf ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                "<journey-map xmlns=\"urn:x-cjm:1\" version=\"1.0\">\n"
                                "  <title>Generated</title>\n%s\n</journey-map>\n", body);

  return g_bytes_new_take (text, strlen (text));
}

static GBytes *
nested (guint levels)
{
  GString *body = g_string_new (NULL);
  g_autofree char *text = NULL;

  /* The root is one level. */
  for (guint i = 1; i < levels; i++)
    g_string_append (body, "<x:d xmlns:x='urn:x'>");
  for (guint i = 1; i < levels; i++)
    g_string_append (body, "</x:d>");
  text = g_string_free (body, FALSE);
  return map_with_body (text);
}

static void
test_depth (void)
{
  g_autoptr(GBytes) ok = nested (CJM_MAX_DEPTH);
  g_autoptr(GBytes) deep = nested (CJM_MAX_DEPTH + 1);
  g_autoptr(GBytes) very_deep = nested (100000);
  g_autoptr(GError) error = NULL;

  accept_bytes (ok, "depth-256.cjm");

  error = refuse_bytes (deep, "depth-257.cjm");
  g_assert_error (error, CJM_DOCUMENT_ERROR, CJM_DOCUMENT_ERROR_UNSAFE);
  g_assert_nonnull (strstr (error->message, "256"));
  g_assert_true (g_str_has_prefix (error->message, "depth-257.cjm:4:"));
  g_clear_error (&error);

  error = refuse_bytes (very_deep, "depth-100000.cjm");
  g_assert_error (error, CJM_DOCUMENT_ERROR, CJM_DOCUMENT_ERROR_UNSAFE);
}

static GBytes *
with_attributes (guint n)
{
  GString *body = g_string_new ("  <x:many xmlns:x='urn:x'");
  g_autofree char *text = NULL;

  /* The namespace declaration counts as one. */
  for (guint i = 1; i < n; i++)
    g_string_append_printf (body, " a%u=\"%u\"", i, i);
  g_string_append (body, "/>");
  text = g_string_free (body, FALSE);
  return map_with_body (text);
}

static void
test_attributes (void)
{
  g_autoptr(GBytes) ok = with_attributes (CJM_MAX_ATTRIBUTES);
  g_autoptr(GBytes) many = with_attributes (CJM_MAX_ATTRIBUTES + 1);
  g_autoptr(GBytes) huge = with_attributes (500000);
  g_autoptr(GError) error = NULL;

  accept_bytes (ok, "attributes-256.cjm");

  error = refuse_bytes (many, "attributes-257.cjm");
  g_assert_error (error, CJM_DOCUMENT_ERROR, CJM_DOCUMENT_ERROR_UNSAFE);
  g_assert_true (g_str_has_prefix (error->message, "attributes-257.cjm:4:3: "));
  g_clear_error (&error);

  /* Quadratic in libxml2 2.9: would take minutes if it got there. */
  error = refuse_bytes (huge, "attributes-500000.cjm");
  g_assert_error (error, CJM_DOCUMENT_ERROR, CJM_DOCUMENT_ERROR_UNSAFE);
}

static GBytes *
with_text (const char *before,
           gsize       length,
           const char *after)
{
  char *filler = g_malloc (length + 1);
  g_autofree char *body = NULL;

  memset (filler, 'a', length);
  filler[length] = '\0';
  body = g_strconcat (before, filler, after, NULL);
  g_free (filler);
  return map_with_body (body);
}

static void
test_text_length (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) ok = with_text ("  <description>", CJM_MAX_TEXT_LENGTH, "</description>");
  g_autoptr(GBytes) long_text = with_text ("  <description>", CJM_MAX_TEXT_LENGTH + 1,
                                           "</description>");
  g_autoptr(GBytes) long_cdata = with_text ("  <description>abc<![CDATA[", CJM_MAX_TEXT_LENGTH,
                                            "]]></description>");
  g_autoptr(GBytes) long_attr = with_text ("  <x:e xmlns:x='urn:x' a='", CJM_MAX_TEXT_LENGTH + 1,
                                           "'/>");
  g_autoptr(CjmDocument) document = test_load_bytes (ok, "text-1MiB.cjm");

  g_assert_cmpuint (strlen (cjm_item_get_field (cjm_document_get_map (document),
                                                CJM_FIELD_DESCRIPTION)), ==, CJM_MAX_TEXT_LENGTH);

  error = refuse_bytes (long_text, "text.cjm");
  g_assert_error (error, CJM_DOCUMENT_ERROR, CJM_DOCUMENT_ERROR_UNSAFE);
  g_assert_true (g_str_has_prefix (error->message, "text.cjm:4:16: "));
  g_clear_error (&error);

  error = refuse_bytes (long_cdata, "cdata.cjm");
  g_assert_error (error, CJM_DOCUMENT_ERROR, CJM_DOCUMENT_ERROR_UNSAFE);
  g_clear_error (&error);

  error = refuse_bytes (long_attr, "attribute.cjm");
  g_assert_error (error, CJM_DOCUMENT_ERROR, CJM_DOCUMENT_ERROR_UNSAFE);
}

static void
test_compressed (void)
{
  g_autofree char *path = test_fixture_path ("full.cjm");
  g_autoptr(GBytes) plain = test_read_file (path);
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) gzip = g_converter_output_stream_new (memory,
                                                                 G_CONVERTER (compressor));
  g_autoptr(GBytes) compressed = NULL;
  g_autoptr(GError) error = NULL;

  g_output_stream_write_all (gzip, g_bytes_get_data (plain, NULL), g_bytes_get_size (plain),
                             NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (gzip, NULL, &error);
  g_assert_no_error (error);
  compressed = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));

  error = refuse_bytes (compressed, "full.cjm.gz");
  g_assert_error (error, CJM_DOCUMENT_ERROR, CJM_DOCUMENT_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "gzip"));
}

static void
test_too_large (void)
{
  g_autofree char *folder = test_make_folder ();
  g_autofree char *path = g_build_filename (folder, "huge.cjm", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CjmDocument) document = NULL;
  gsize size = CJM_MAX_FILE_SIZE + 1;
  char *data;
  g_autoptr(GBytes) bytes = NULL;
  FILE *out;

  /* On disk: a sparse file, refused by its size before it is read. */
  out = fopen (path, "w");
  g_assert_nonnull (out);
  g_assert_cmpint (ftruncate (fileno (out), size), ==, 0);
  fclose (out);
  document = cjm_document_new_from_file (file, &error);
  g_assert_null (document);
  g_assert_error (error, CJM_DOCUMENT_ERROR, CJM_DOCUMENT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "64 MiB"));
  g_clear_error (&error);
  test_remove_tree (folder);

  /* In memory. */
  data = g_malloc (size);
  memset (data, ' ', size);
  bytes = g_bytes_new_take (data, size);
  error = refuse_bytes (bytes, "huge.cjm");
  g_assert_error (error, CJM_DOCUMENT_ERROR, CJM_DOCUMENT_ERROR_TOO_LARGE);
}

/* Every way XML has to pull in another file, pointed at a file of ours
 * with a secret in it: refused, and the secret never shows. */
static void
test_canary (void)
{
  static const char * const templates[] = {
    "<!DOCTYPE journey-map [<!ENTITY s SYSTEM \"%s\">]>"
    "<journey-map xmlns='urn:x-cjm:1' version='1.0'><title>&s;</title></journey-map>",
    "<!DOCTYPE journey-map SYSTEM \"%s\">"
    "<journey-map xmlns='urn:x-cjm:1' version='1.0'><title>t</title></journey-map>",
    "<!DOCTYPE journey-map [<!ENTITY %% p SYSTEM \"%s\"> %%p;]>"
    "<journey-map xmlns='urn:x-cjm:1' version='1.0'><title>t</title></journey-map>",
    "<journey-map xmlns='urn:x-cjm:1' version='1.0'><title>t</title>"
    "<!DOCTYPE x SYSTEM \"%s\"></journey-map>",
    "<journey-map xmlns='urn:x-cjm:1' version='1.0'><title a='&s;'>%s</title></journey-map>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (templates); i++)
    {
      g_autofree char *uri = g_filename_to_uri (canary_path, NULL, NULL);
      char *text = g_strdup_printf (templates[i], uri);
      g_autoptr(GBytes) bytes = g_bytes_new_take (text, strlen (text));
      g_autoptr(GError) error = refuse_bytes (bytes, "canary.cjm");

      g_test_message ("%s", error->message);
      assert_no_secret (error->message);
    }
}

/* Loads a generated map and returns what the writer makes of it. */
static char *
load_and_save (const char *body)
{
  g_autoptr(GBytes) bytes = map_with_body (body);
  g_autoptr(CjmDocument) document = test_load_bytes (bytes, "generated.cjm");
  g_autoptr(GBytes) saved = cjm_document_serialize (document);

  return g_strndup (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved));
}

/* XInclude is never processed: the element is kept like any unknown one. */
static void
test_xinclude_not_processed (void)
{
  g_autofree char *body = g_strdup_printf (
    "  <xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"%s\" parse=\"text\"/>\n"
    "  <xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"file:///etc/hostname\" "
    "parse=\"text\"/>", canary_path);
  g_autofree char *text = load_and_save (body);

  g_assert_nonnull (strstr (text, "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\""));
  g_assert_nonnull (strstr (text, canary_path));
  assert_no_secret (text);
}

/* libxml2 reports only through the GError: nothing on stderr. */
static void
test_silent (void)
{
  if (g_test_subprocess ())
    {
      for (guint i = 0; i < G_N_ELEMENTS (own_files); i++)
        {
          g_autofree char *name = g_build_filename ("hostile", own_files[i].name, NULL);
          g_autofree char *path = test_fixture_path (name);
          g_autoptr(GBytes) bytes = test_read_file (path);
          g_autoptr(GError) error = NULL;
          g_autoptr(CjmDocument) document = cjm_document_new_from_bytes (bytes, name, &error);

          g_assert_null (document);
          g_assert_nonnull (error);
        }
      return;
    }

  /* Under AddressSanitizer, the child's exit would report what GTest
   * itself keeps until exit on stderr. */
  {
    const char *asan = g_getenv ("ASAN_OPTIONS");
    g_autofree char *options = g_strconcat (asan != NULL ? asan : "",
                                            asan != NULL ? ":" : "", "detect_leaks=0", NULL);
    g_setenv ("ASAN_OPTIONS", options, TRUE);
  }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("");
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *shared = test_shared_path ("hostile");
  g_autofree char *canary_folder = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  if (g_file_get_contents ("/etc/hostname", &hostname, NULL, NULL))
    g_strstrip (hostname);
  canary_folder = test_make_folder ();
  canary_path = g_build_filename (canary_folder, "secret.txt", NULL);
  canary = g_strdup_printf ("CANARY-%08x%08x", g_random_int (), g_random_int ());
  g_file_set_contents (canary_path, canary, -1, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (own_files); i++)
    {
      g_autofree char *name = g_strdup_printf ("/xml/hostile/fixtures/%s", own_files[i].name);
      g_test_add_data_func (name, GUINT_TO_POINTER (i), test_own_file);
    }

  if (shared != NULL)
    {
      static const char * const subs[] = { "cjm", "libxml2" };

      for (guint s = 0; s < G_N_ELEMENTS (subs); s++)
        {
          g_autofree char *folder = g_build_filename (shared, subs[s], NULL);
          g_autoptr(GPtrArray) files = test_list_files (folder, NULL);

          for (guint i = 0; i < files->len; i++)
            {
              const char *path = g_ptr_array_index (files, i);
              g_autofree char *base = g_path_get_basename (path);
              g_autofree char *name = NULL;

              if (strcmp (base, "COPYING") == 0 || g_str_has_suffix (base, ".md"))
                continue;
              name = g_strdup_printf ("/xml/hostile/shared/%s/%s", subs[s], base);
              g_test_add_data_func_full (name, g_strdup (path), test_shared_file, g_free);
            }
        }
    }

  g_test_add_func ("/xml/hostile/depth", test_depth);
  g_test_add_func ("/xml/hostile/attributes", test_attributes);
  g_test_add_func ("/xml/hostile/text-length", test_text_length);
  g_test_add_func ("/xml/hostile/compressed", test_compressed);
  g_test_add_func ("/xml/hostile/too-large", test_too_large);
  g_test_add_func ("/xml/hostile/xinclude-not-processed", test_xinclude_not_processed);
  g_test_add_func ("/xml/hostile/canary", test_canary);
  g_test_add_func ("/xml/hostile/silent", test_silent);

  status = g_test_run ();
  test_remove_tree (canary_folder);
  return status;
}
