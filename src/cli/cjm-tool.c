/* cjm-tool.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `cjm`: check, export, convert and validate journey maps from scripts.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "cjm-tool.h"

typedef struct {
  const char *name;
  int       (*run) (int argc, char **argv);
  const char *summary;
} CjmToolCommand;

static const CjmToolCommand commands[] = {
  { "check",    cjm_tool_check,    N_("Report where the channels of a map disagree") },
  { "export",   cjm_tool_export,   N_("Export a map to PDF, SVG or PNG") },
  { "convert",  cjm_tool_convert,  N_("Convert between .cjm and .json") },
  { "validate", cjm_tool_validate, N_("Check that files open cleanly") },
};

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: cjm COMMAND [OPTION…] FILE…"));
  fprintf (out, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (out, "\n%s\n", _("Run “cjm COMMAND --help” for the options of a command."));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  /* JOURNEYMAN_LOCALEDIR: translations of an uninstalled build (run-app.sh). */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("JOURNEYMAN_LOCALEDIR") ? g_getenv ("JOURNEYMAN_LOCALEDIR")
                                                                     : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("cjm");

  if (argc < 2)
    {
      print_usage (stderr);
      return 2;
    }

  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0
      || strcmp (argv[1], "help") == 0)
    {
      print_usage (stdout);
      return 0;
    }

  if (strcmp (argv[1], "--version") == 0)
    {
      printf ("cjm %s\n", PACKAGE_VERSION);
      return 0;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (argv[1], commands[i].name) == 0)
      return commands[i].run (argc - 1, argv + 1);

  fprintf (stderr, _("cjm: unknown command “%s”\n\n"), argv[1]);
  print_usage (stderr);
  return 2;
}
