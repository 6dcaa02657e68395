/* test-cli-usage.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The subcommands of `cjm` behave alike (issue 11, point 9):
 *  - `cjm --help` lists every subcommand, one line each;
 *  - `cjm NAME --help` starts with the usage line "cjm NAME [OPTION…]
 *    ARGS" and says what the exit statuses mean, 2 among them;
 *  - a file that cannot be read (missing, a folder, not well-formed)
 *    exits with 2, and the message names its path once;
 *  - bad usage exits with 2 and a message that names the subcommand.
 */

#define G_LOG_DOMAIN "test-cli-usage"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cli-test-util.h"

typedef struct {
  const char *name;
  const char *args;           /* as the usage line names them */
} Command;

static const Command commands[] = {
  { "validate", "FILE…" },
  { "convert", "IN -o OUT" },
  { "check", "FILE…" },
  { "export", "FILE" },
  { "plan", "FILE…" },
  { "thumbnail", "INPUT OUTPUT" },
};

static char *tmpdir;

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  const char *p = haystack;

  while ((p = strstr (p, needle)) != NULL)
    {
      n++;
      p += strlen (needle);
    }
  return n;
}

/* cjm NAME FILE, with the outputs the subcommand needs. */
static void
run_on_file (Run           *run,
             const Command *command,
             const char    *file)
{
  g_autofree char *pdf = g_build_filename (tmpdir, "out.pdf", NULL);
  g_autofree char *json = g_build_filename (tmpdir, "out.json", NULL);
  g_autofree char *png = g_build_filename (tmpdir, "out.png", NULL);

  if (strcmp (command->name, "export") == 0)
    run_cjm (run, "export", file, "-o", pdf, NULL);
  else if (strcmp (command->name, "convert") == 0)
    run_cjm (run, "convert", file, "-o", json, NULL);
  else if (strcmp (command->name, "thumbnail") == 0)
    run_cjm (run, "thumbnail", file, png, NULL);
  else
    run_cjm (run, command->name, file, NULL);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (json, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
}

static void
test_command_list (void)
{
  g_auto(Run) run = { 0, };
  g_auto(GStrv) lines = NULL;
  guint listed = 0;

  run_cjm (&run, "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  lines = g_strsplit (run.out, "\n", -1);
  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    {
      guint found = 0;

      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_autofree char *prefix = g_strdup_printf ("  %s ", commands[c].name);

          /* "  name   One line that says what it does" */
          if (g_str_has_prefix (lines[i], prefix)
              && g_ascii_isupper (g_strchug (lines[i] + strlen (prefix))[0]))
            found++;
        }
      if (found != 1)
        g_error ("cjm --help lists “%s” %u times:\n%s", commands[c].name, found, run.out);
    }
  /* and nothing else looks like a command */
  for (guint i = 0; lines[i] != NULL; i++)
    listed += g_str_has_prefix (lines[i], "  ") && g_ascii_islower (lines[i][2]);
  g_assert_cmpuint (listed, ==, G_N_ELEMENTS (commands));

  /* no command, or an unknown one: bad usage */
  run_clear (&run);
  run_cjm (&run, NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_clear (&run);
  run_cjm (&run, "frobnicate", "x.cjm", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "frobnicate"));
}

static void
test_help (void)
{
  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    {
      g_auto(Run) run = { 0, };
      g_autofree char *usage = g_strdup_printf ("Usage:\n  cjm %s [OPTION…] %s\n", commands[c].name,
                                                commands[c].args);
      const char *exit_status;

      g_test_message ("cjm %s --help", commands[c].name);
      run_cjm (&run, commands[c].name, "--help", NULL);
      g_assert_cmpint (run.status, ==, 0);
      if (!g_str_has_prefix (run.out, usage))
        g_error ("the usage of cjm %s is not “%s”:\n%s", commands[c].name, usage, run.out);
      /* the exit statuses, 2 for a file that cannot be read among them */
      exit_status = strstr (run.out, "Exit status: 0 ");
      g_assert_nonnull (exit_status);
      g_assert_nonnull (strstr (exit_status, "2 "));
      g_assert_nonnull (strstr (strstr (exit_status, "2 "), "read"));
    }
}

static void
test_unreadable (void)
{
  g_autofree char *missing = g_build_filename (tmpdir, "no-such-map.cjm", NULL);
  g_autofree char *folder = g_build_filename (tmpdir, "a-folder.cjm", NULL);
  g_autofree char *broken = g_build_filename (tmpdir, "broken.cjm", NULL);
  const char *files[] = { missing, folder, broken };

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_true (g_file_set_contents (broken, "<journey-map xmlns=\"urn:x-cjm:1\" version=\"1.0\">"
                                      "<title>x</ti", -1, NULL));

  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    for (guint f = 0; f < G_N_ELEMENTS (files); f++)
      {
        g_auto(Run) run = { 0, };

        g_test_message ("cjm %s %s", commands[c].name, files[f]);
        run_on_file (&run, &commands[c], files[f]);
        if (run.status != 2)
          g_error ("cjm %s exits with %d for %s: %s", commands[c].name, run.status, files[f],
                   run.err);
        /* the message names the path once, first */
        if (count (run.err, files[f]) != 1 || !g_str_has_prefix (run.err, files[f]))
          g_error ("cjm %s does not name %s once: %s", commands[c].name, files[f], run.err);
      }
  g_rmdir (folder);
  g_unlink (broken);
}

static void
test_bad_usage (void)
{
  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    {
      g_auto(Run) run = { 0, };
      g_autofree char *prefix = g_strdup_printf ("cjm %s: ", commands[c].name);
      g_autofree char *help = g_strdup_printf ("cjm %s --help", commands[c].name);

      run_cjm (&run, commands[c].name, "--frobnicate", "x.cjm", NULL);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_true (g_str_has_prefix (run.err, prefix));
      g_assert_nonnull (strstr (run.err, help));
      run_clear (&run);

      /* no file at all */
      run_cjm (&run, commands[c].name, NULL);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_true (g_str_has_prefix (run.err, prefix));
    }
}

int
main (int   argc,
      char *argv[])
{
  tmpdir = cli_test_begin (&argc, &argv, "cjm-usage", NULL);
  if (tmpdir == NULL)
    return 0;

  g_test_add_func ("/cli-usage/command-list", test_command_list);
  g_test_add_func ("/cli-usage/help", test_help);
  g_test_add_func ("/cli-usage/unreadable", test_unreadable);
  g_test_add_func ("/cli-usage/bad-usage", test_bad_usage);

  return cli_test_finish (tmpdir, g_test_run ());
}
