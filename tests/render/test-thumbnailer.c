/* test-thumbnailer.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The thumbnailer as a file manager uses it: the built
 * io.github.journeyman.Journeyman.thumbnailer ($CJM_THUMBNAILER) is a
 * [Thumbnailer Entry] for the map's MIME type (the one data/…mime.xml
 * declares) whose Exec line, with %s, %i and %o filled in and `cjm` found
 * in PATH, writes a PNG whose larger side is the size asked for, for both
 * sample maps, that is not blank. `cjm thumbnail` refuses what it cannot
 * do with the usual exit statuses.
 */

#define G_LOG_DOMAIN "test-thumbnailer"

#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cli-test-util.h"
#include "export-test-util.h"

static char *tmpdir;

static GKeyFile *
load_thumbnailer (void)
{
  const char *path = g_getenv ("CJM_THUMBNAILER");
  GKeyFile *file = g_key_file_new ();
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (path);
  g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);
  return file;
}

/* The Exec line with %s, %i and %o replaced, as GNOME's thumbnailer does. */
static GStrv
command_line (GKeyFile   *file,
              int         size,
              const char *input,
              const char *output)
{
  g_autofree char *exec = g_key_file_get_string (file, "Thumbnailer Entry", "Exec", NULL);
  g_auto(GStrv) argv = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *out = g_ptr_array_new ();
  guint replaced = 0;

  g_assert_nonnull (exec);
  g_shell_parse_argv (exec, NULL, &argv, &error);
  g_assert_no_error (error);
  for (guint i = 0; argv[i] != NULL; i++)
    {
      if (strcmp (argv[i], "%s") == 0)
        g_ptr_array_add (out, g_strdup_printf ("%d", size));
      else if (strcmp (argv[i], "%i") == 0)
        g_ptr_array_add (out, g_strdup (input));
      else if (strcmp (argv[i], "%o") == 0)
        g_ptr_array_add (out, g_strdup (output));
      else
        {
          g_ptr_array_add (out, g_strdup (argv[i]));
          continue;
        }
      replaced++;
    }
  g_assert_cmpuint (replaced, ==, 3);
  g_ptr_array_add (out, NULL);
  return (GStrv) g_ptr_array_free (out, FALSE);
}

/* This environment with the built cjm first in PATH. */
static GStrv
tool_env (void)
{
  g_autofree char *dir = g_path_get_dirname (g_getenv ("CJM_TOOL"));
  g_autofree char *path = g_strconcat (dir, G_SEARCHPATH_SEPARATOR_S, g_getenv ("PATH"), NULL);

  return g_environ_setenv (g_get_environ (), "PATH", path, TRUE);
}

static void
test_entry (void)
{
  g_autoptr(GKeyFile) file = load_thumbnailer ();
  g_autofree char *try_exec = g_key_file_get_string (file, "Thumbnailer Entry", "TryExec", NULL);
  g_auto(GStrv) types = g_key_file_get_string_list (file, "Thumbnailer Entry", "MimeType", NULL,
                                                    NULL);
  g_autofree char *mime_xml = NULL;
  g_autofree char *declared = NULL;

  g_assert_cmpstr (try_exec, ==, "cjm");
  g_assert_nonnull (types);
  g_assert_cmpstr (types[0], ==, "application/x-cjm+xml");
  g_assert_null (types[1]);

  /* the type the MIME database gets for .cjm files */
  g_assert_true (g_file_get_contents (g_getenv ("CJM_MIME_XML"), &mime_xml, NULL, NULL));
  declared = g_strdup_printf ("<mime-type type=\"%s\">", types[0]);
  g_assert_nonnull (strstr (mime_xml, declared));
}

static void
assert_thumbnail (const char *png,
                  int         size)
{
  cairo_surface_t *image = cairo_image_surface_create_from_png (png);
  int w, h, stride;
  unsigned char *data;
  g_autoptr(GHashTable) colors = g_hash_table_new (NULL, NULL);
  guint dark = 0, most = 0;
  GHashTableIter iter;
  gpointer count;

  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  w = cairo_image_surface_get_width (image);
  h = cairo_image_surface_get_height (image);
  g_test_message ("%s: %d × %d", png, w, h);
  /* the larger side is the size asked for, the other in proportion */
  g_assert_cmpint (MAX (w, h), ==, size);
  g_assert_cmpint (MIN (w, h), >, size / 8);

  /* not blank: many colours, no colour covering nine tenths of it, and
   * ink (text, faces, lines) */
  data = cairo_image_surface_get_data (image);
  stride = cairo_image_surface_get_stride (image);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 v = *(guint32 *) (data + y * stride + x * 4) & 0xffffff;
        guint seen = GPOINTER_TO_UINT (g_hash_table_lookup (colors, GUINT_TO_POINTER (v)));

        g_hash_table_insert (colors, GUINT_TO_POINTER (v), GUINT_TO_POINTER (seen + 1));
        dark += (v >> 16 & 0xff) + (v >> 8 & 0xff) + (v & 0xff) < 3 * 128;
      }
  g_hash_table_iter_init (&iter, colors);
  while (g_hash_table_iter_next (&iter, NULL, &count))
    most = MAX (most, GPOINTER_TO_UINT (count));
  g_assert_cmpuint (g_hash_table_size (colors), >, 50);
  g_assert_cmpuint (most, <, (guint) (w * h * 9 / 10));
  g_assert_cmpuint (dark, >, 10);
  cairo_surface_destroy (image);
}

static void
test_run_exec_line (void)
{
  g_autoptr(GKeyFile) file = load_thumbnailer ();
  g_auto(GStrv) env = tool_env ();
  g_autofree char *english = export_test_sample ("bill-payment.cjm", "utility-bill-payment.cjm");
  g_autofree char *hebrew = export_test_sample ("fiber-onboarding.he.cjm",
                                                "internet-onboarding.he.cjm");
  const char *maps[] = { english, hebrew };
  const int sizes[] = { 128, 256, 512 };

  for (guint m = 0; m < G_N_ELEMENTS (maps); m++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      {
        /* file managers write to a name of their own, without .png */
        g_autofree char *name = g_strdup_printf ("thumb-%u-%d", m, sizes[s]);
        g_autofree char *out = g_build_filename (tmpdir, name, NULL);
        g_auto(GStrv) argv = command_line (file, sizes[s], maps[m], out);
        g_autofree char *err = NULL;

        if (export_test_run ((const char * const *) argv, env, NULL, &err) != 0)
          g_error ("the thumbnailer failed on %s: %s", maps[m], err);
        g_assert_cmpstr (err, ==, "");
        assert_thumbnail (out, sizes[s]);
        g_unlink (out);
      }
}

static void
test_refusals (void)
{
  g_autofree char *map = export_test_sample ("bill-payment.cjm", "utility-bill-payment.cjm");
  g_autofree char *missing = g_build_filename (tmpdir, "missing.cjm", NULL);
  g_autofree char *out = g_build_filename (tmpdir, "never.png", NULL);
  g_autofree char *nowhere = g_build_filename (tmpdir, "no", "such", "folder", "t.png", NULL);
  const char *tool = g_getenv ("CJM_TOOL");
  struct {
    const char *argv[7];
    int         status;
    const char *message;
  } cases[] = {
    { { tool, "thumbnail", missing, out, NULL }, 2, "missing.cjm" },
    { { tool, "thumbnail", "-s", "8", map, out, NULL }, 2, "size" },
    { { tool, "thumbnail", "-s", "100000", map, out, NULL }, 2, "size" },
    { { tool, "thumbnail", map, NULL }, 2, "PNG" },
    { { tool, "thumbnail", map, out, out, NULL }, 2, "PNG" },
    { { tool, "thumbnail", map, nowhere, NULL }, 1, "t.png" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *err = NULL;

      g_assert_cmpint (export_test_run (cases[i].argv, NULL, NULL, &err), ==, cases[i].status);
      if (strstr (err, cases[i].message) == NULL)
        g_error ("case %u: “%s” is not in: %s", i, cases[i].message, err);
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
    }
}

int
main (int   argc,
      char *argv[])
{
  tmpdir = cli_test_begin (&argc, &argv, "cjm-thumbnailer", "CJM_THUMBNAILER");
  if (tmpdir == NULL)
    return 0;

  g_test_add_func ("/thumbnailer/entry", test_entry);
  g_test_add_func ("/thumbnailer/exec-line", test_run_exec_line);
  g_test_add_func ("/thumbnailer/refusals", test_refusals);

  return cli_test_finish (tmpdir, g_test_run ());
}
