/* export-test-util.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include "export-test-util.h"

int
export_test_run (const char * const *argv,
                 char * const       *envp,
                 char              **out,
                 char              **err)
{
  /* a program is looked for in the PATH of the environment it runs in */
  GSpawnFlags flags = envp != NULL ? G_SPAWN_SEARCH_PATH_FROM_ENVP : G_SPAWN_SEARCH_PATH;
  g_autoptr(GError) error = NULL;
  int status = 0;
  char *o = NULL, *e = NULL;

  if (!g_spawn_sync (NULL, (char **) argv, (char **) envp, flags, NULL, NULL, &o, &e, &status,
                     &error))
    g_error ("cannot run %s: %s", argv[0], error->message);
  if (out)
    *out = o;
  else
    g_free (o);
  if (err)
    *err = e;
  else
    g_free (e);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

gboolean
export_test_have_tool (const char *tool)
{
  g_autofree char *path = g_find_program_in_path (tool);

  if (path == NULL)
    {
      g_autofree char *msg = g_strdup_printf ("%s is not installed", tool);

      g_test_skip (msg);
      return FALSE;
    }
  return TRUE;
}

char *
export_test_flatten (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E)
          || (c >= 0x2066 && c <= 0x2069))
        continue;
      if (g_unichar_isspace (c))
        continue;
      g_string_append_unichar (s, c);
    }
  return g_string_free (s, FALSE);
}

char *
export_test_pdf_text (const char *pdf,
                      guint       first,
                      guint       last,
                      gboolean    flat)
{
  g_autofree char *f = g_strdup_printf ("%u", MAX (first, 1));
  g_autofree char *l = g_strdup_printf ("%u", last);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;

  g_ptr_array_add (argv, "pdftotext");
  g_ptr_array_add (argv, "-enc");
  g_ptr_array_add (argv, "UTF-8");
  g_ptr_array_add (argv, "-f");
  g_ptr_array_add (argv, f);
  if (last > 0)
    {
      g_ptr_array_add (argv, "-l");
      g_ptr_array_add (argv, l);
    }
  g_ptr_array_add (argv, (char *) pdf);
  g_ptr_array_add (argv, "-");
  g_ptr_array_add (argv, NULL);
  g_assert_cmpint (export_test_run ((const char * const *) argv->pdata, NULL, &out, NULL), ==, 0);
  return flat ? export_test_flatten (out) : g_steal_pointer (&out);
}

guint
export_test_pdf_pages (const char *pdf)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };
  g_autofree char *out = NULL;
  const char *line;

  g_assert_cmpint (export_test_run (argv, NULL, &out, NULL), ==, 0);
  line = strstr (out, "Pages:");
  g_assert_nonnull (line);
  return (guint) g_ascii_strtoull (line + 6 + strspn (line + 6, " "), NULL, 10);
}

char *
export_test_sample (const char *name,
                    const char *fallback)
{
  const char *shared = g_getenv ("CJM_SHARED_DIR");

  if (shared != NULL && *shared != '\0')
    {
      g_autofree char *path = g_build_filename (shared, "samples", name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&path);
    }
  return g_build_filename (g_getenv ("G_TEST_SRCDIR"), "..", "data", "templates", fallback, NULL);
}
