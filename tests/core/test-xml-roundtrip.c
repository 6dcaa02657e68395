/* test-xml-roundtrip.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Canonical files load and save byte for byte; saving is idempotent.
 */

#define G_LOG_DOMAIN "test"

#include "config.h"

#include "cjm-document-private.h"

static GBytes *
load_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

static GBytes *
resave (GBytes     *bytes,
        const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CjmDocument) document = cjm_document_new_from_bytes (bytes, name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return cjm_document_serialize (document);
}

static void
assert_bytes_equal (GBytes *a,
                    GBytes *b)
{
  gsize len_a, len_b;
  const char *data_a = g_bytes_get_data (a, &len_a);
  const char *data_b = g_bytes_get_data (b, &len_b);

  if (!g_bytes_equal (a, b))
    {
      g_autofree char *sa = g_strndup (data_a, len_a);
      g_autofree char *sb = g_strndup (data_b, len_b);

      g_assert_cmpstr (sa, ==, sb);
    }
}

static void
test_canonical_file (gconstpointer data)
{
  const char *path = data;
  g_autoptr(GBytes) original = load_bytes (path);
  g_autoptr(GBytes) saved = resave (original, path);

  assert_bytes_equal (saved, original);
}

static void
add_samples (const char *folder,
             const char *prefix)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".cjm"))
      {
        g_autofree char *testpath = g_strdup_printf ("/xml/roundtrip/%s/%s", prefix, name);

        g_test_add_data_func_full (testpath, g_build_filename (folder, name, NULL),
                                   test_canonical_file, g_free);
      }
}

int
main (int    argc,
      char **argv)
{
  const char *shared = g_getenv ("CJM_SHARED_DIR");
  g_autofree char *samples = NULL;

  g_test_init (&argc, &argv, NULL);

  samples = g_test_build_filename (G_TEST_DIST, "..", "data", "samples", NULL);
  add_samples (samples, "data");
  if (shared != NULL)
    {
      g_autofree char *shared_samples = g_build_filename (shared, "samples", NULL);
      add_samples (shared_samples, "shared");
    }

  return g_test_run ();
}
