/* cjm-tool.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `cjm`: check, plan, export, convert, validate and make thumbnails of
 * journey maps from scripts. Every subcommand exits with 2 when a file
 * cannot be read or the command line is wrong, and says so in --help.
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
  { "plan",     cjm_tool_plan,     N_("List the action plan: what to fix first") },
  { "export",   cjm_tool_export,   N_("Export a map to PDF, SVG or PNG") },
  { "convert",  cjm_tool_convert,  N_("Convert between .cjm and .json") },
  { "validate", cjm_tool_validate, N_("Check that files open cleanly") },
  { "thumbnail", cjm_tool_thumbnail, N_("Draw a small PNG picture of a map, for file managers") },
};

CjmDocument *
cjm_tool_load_document (const char  *path,
                        GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autofree char *parse_name = g_file_get_parse_name (file);
  g_autoptr(GError) local_error = NULL;
  CjmDocument *document;

  document = cjm_document_new_from_file (file, &local_error);
  if (document != NULL)
    return document;

  if (g_str_has_prefix (local_error->message, parse_name) && strcmp (parse_name, path) != 0)
    g_set_error (error, local_error->domain, local_error->code, "%s%s",
                 path, local_error->message + strlen (parse_name));
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

GOptionContext *
cjm_tool_option_context (const char         *name,
                         const GOptionEntry *entries,
                         const char         *summary,
                         const char         *description)
{
  g_autofree char *prgname = g_strdup_printf ("cjm %s", name);
  GOptionContext *context;

  g_set_prgname (prgname);
  context = g_option_context_new (NULL);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  g_option_context_set_description (context, description);
  return context;
}

int
cjm_tool_usage_error (const char *message)
{
  fprintf (stderr, "%s: %s\n", g_get_prgname (), message);
  /* Translators: %s is the command, "cjm export" */
  fprintf (stderr, _("Run “%s --help” for usage.\n"), g_get_prgname ());
  return 2;
}

gboolean
cjm_tool_json_begin_file (JsonBuilder *builder,
                          const char  *path,
                          const char  *error_message)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "file");
  json_builder_add_string_value (builder, path);
  if (error_message == NULL)
    return TRUE;

  json_builder_set_member_name (builder, "error");
  json_builder_add_string_value (builder, error_message);
  json_builder_end_object (builder);
  return FALSE;
}

char *
cjm_tool_json_text (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, NULL);
  return g_strconcat (text, "\n", NULL);
}

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: cjm COMMAND [OPTION…] FILE…"));
  fprintf (out, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-11s %s\n", commands[i].name, _(commands[i].summary));
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
