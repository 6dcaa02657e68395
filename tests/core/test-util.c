/* test-util.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "test-util.h"

char *
test_fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
}

GBytes *
test_read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

CjmDocument *
test_load_bytes (GBytes     *bytes,
                 const char *name)
{
  g_autoptr(GError) error = NULL;
  CjmDocument *document = cjm_document_new_from_bytes (bytes, name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

CjmDocument *
test_load_fixture (const char *name)
{
  g_autofree char *path = test_fixture_path (name);
  g_autoptr(GBytes) bytes = test_read_file (path);

  return test_load_bytes (bytes, name);
}

GBytes *
test_resave (GBytes     *bytes,
             const char *name)
{
  g_autoptr(CjmDocument) document = test_load_bytes (bytes, name);

  return cjm_document_serialize (document);
}

void
test_assert_bytes_equal (GBytes *actual,
                         GBytes *expected)
{
  gsize len_a, len_e;
  const char *a = g_bytes_get_data (actual, &len_a);
  const char *e = g_bytes_get_data (expected, &len_e);
  gsize i = 0;
  gsize line_start = 0;
  guint line = 1;
  g_autofree char *line_a = NULL;
  g_autofree char *line_e = NULL;
  const char *end;

  if (g_bytes_equal (actual, expected))
    return;

  while (i < len_a && i < len_e && a[i] == e[i])
    {
      if (a[i] == '\n')
        {
          line++;
          line_start = i + 1;
        }
      i++;
    }

  end = memchr (a + line_start, '\n', len_a - line_start);
  line_a = g_strndup (a + line_start, end ? (gsize) (end - a) - line_start : len_a - line_start);
  end = memchr (e + line_start, '\n', len_e - line_start);
  line_e = g_strndup (e + line_start, end ? (gsize) (end - e) - line_start : len_e - line_start);

  g_test_message ("bytes differ at line %u (sizes %" G_GSIZE_FORMAT " and %" G_GSIZE_FORMAT ")",
                  line, len_a, len_e);
  g_assert_cmpstr (line_a, ==, line_e);
  g_assert_cmpuint (len_a, ==, len_e);
  g_assert_not_reached ();
}

gboolean
test_bytes_contain (GBytes     *bytes,
                    const char *needle)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  return g_strstr_len (data, len, needle) != NULL;
}

char *
test_make_folder (void)
{
  g_autoptr(GError) error = NULL;
  char *path = g_dir_make_tmp ("cjm-test-XXXXXX", &error);

  g_assert_no_error (error);
  return path;
}

void
test_remove_tree (const char *path)
{
  GDir *dir;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_unlink (path);
      return;
    }

  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_chmod (child, 0700);
      test_remove_tree (child);
    }
  if (dir != NULL)
    g_dir_close (dir);
  g_rmdir (path);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

GPtrArray *
test_list_files (const char *folder,
                 const char *suffix)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      if ((suffix == NULL || g_str_has_suffix (name, suffix))
          && g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (files, g_steal_pointer (&path));
    }
  g_ptr_array_sort (files, compare_strings);
  return files;
}

char *
test_shared_path (const char *sub)
{
  const char *shared = g_getenv ("CJM_SHARED_DIR");
  g_autofree char *path = NULL;

  if (shared == NULL || *shared == '\0')
    return NULL;
  path = g_build_filename (shared, sub, NULL);
  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    return NULL;
  return g_steal_pointer (&path);
}
