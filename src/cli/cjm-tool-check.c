/* cjm-tool-check.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cjm check [--format=text|json] [--fail-on=error|warning|info|never]
 *           [--show-suppressed] [--config=FILE] FILE…
 *
 * --config names a key file whose [check] group may turn rules off:
 *   [check]
 *   disabled-rules=R01;S01;
 *
 * Exit status: 0 when no finding is at or above --fail-on, 1 when one is,
 * 2 when a file or the configuration cannot be read or the command line
 * is wrong.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "cjm-checker.h"
#include "cjm-tool.h"

/* The rules the configuration file at path turns off (canonical ids), or
 * NULL with error set when it cannot be read or names an unknown rule. */
static GStrv
read_config (const char  *path,
             GError     **error)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) listed = NULL;

  if (!g_key_file_load_from_file (keyfile, path, G_KEY_FILE_NONE, &local_error))
    {
      /* Translators: %s is a file name, then the reason */
      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not read the configuration “%s”: %s"), path, local_error->message);
      return NULL;
    }
  listed = g_key_file_get_string_list (keyfile, "check", "disabled-rules", NULL, &local_error);
  if (listed == NULL && !g_error_matches (local_error, G_KEY_FILE_ERROR,
                                          G_KEY_FILE_ERROR_GROUP_NOT_FOUND)
      && !g_error_matches (local_error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_KEY_NOT_FOUND))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not read the configuration “%s”: %s"), path, local_error->message);
      return NULL;
    }
  for (guint i = 0; listed != NULL && listed[i] != NULL; i++)
    {
      const char *id;

      if (*g_strstrip (listed[i]) == '\0')
        continue;
      if ((id = cjm_rule_id_canonicalize (listed[i])) == NULL)
        {
          /* Translators: the first %s is a rule id, the second a file name */
          g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                       _("Unknown rule “%s” in the configuration “%s”"), listed[i], path);
          return NULL;
        }
      g_strv_builder_add (builder, id);
    }
  return g_strv_builder_end (builder);
}

static void
print_text (const char *path,
            GPtrArray  *findings,
            gboolean    show_suppressed)
{
  for (guint i = 0; i < findings->len; i++)
    {
      CjmFinding *finding = g_ptr_array_index (findings, i);
      gboolean suppressed = cjm_finding_get_suppressed (finding);
      g_autofree char *line = NULL;

      if (suppressed && !show_suppressed)
        continue;
      line = g_strdup_printf ("%s: %s: %s %s: %s%s\n", path,
                              cjm_severity_to_string (cjm_finding_get_severity (finding)),
                              cjm_finding_get_rule (finding), cjm_finding_get_name (finding),
                              cjm_finding_get_message (finding),
                              suppressed ? _(" (suppressed)") : "");
      fputs (line, stdout);
    }
}

static void
add_json (JsonBuilder *builder,
          const char  *path,
          GPtrArray   *findings,
          const char  *error_message,
          gboolean     show_suppressed)
{
  if (!cjm_tool_json_begin_file (builder, path, error_message))
    return;

  json_builder_set_member_name (builder, "findings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < findings->len; i++)
    {
      CjmFinding *finding = g_ptr_array_index (findings, i);
      const char * const *targets = cjm_finding_get_targets (finding);
      gboolean suppressed = cjm_finding_get_suppressed (finding);

      if (suppressed && !show_suppressed)
        continue;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "rule");
      json_builder_add_string_value (builder, cjm_finding_get_rule (finding));
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, cjm_finding_get_name (finding));
      json_builder_set_member_name (builder, "severity");
      json_builder_add_string_value (builder,
                                     cjm_severity_to_string (cjm_finding_get_severity (finding)));
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, cjm_finding_get_message (finding));
      json_builder_set_member_name (builder, "targets");
      json_builder_begin_array (builder);
      for (guint t = 0; targets[t] != NULL; t++)
        json_builder_add_string_value (builder, targets[t]);
      json_builder_end_array (builder);
      if (suppressed)
        {
          json_builder_set_member_name (builder, "suppressed");
          json_builder_add_boolean_value (builder, TRUE);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

int
cjm_tool_check (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *format = NULL;
  g_autofree char *fail_on = NULL;
  g_autofree char *config = NULL;
  g_auto(GStrv) files = NULL;
  g_auto(GStrv) disabled = NULL;
  gboolean show_suppressed = FALSE;
  gboolean json;
  gboolean unreadable = FALSE;
  gboolean failed = FALSE;
  int threshold = CJM_SEVERITY_ERROR;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("Output format: text (default) or json"), N_("FORMAT") },
    { "fail-on", 0, 0, G_OPTION_ARG_STRING, &fail_on,
      N_("Exit with status 1 when a finding is at least this severe: error (default), "
         "warning, info or never"), N_("SEVERITY") },
    { "show-suppressed", 0, 0, G_OPTION_ARG_NONE, &show_suppressed,
      N_("Also list the findings that the map suppresses, marked as such"), NULL },
    { "config", 0, 0, G_OPTION_ARG_FILENAME, &config,
      N_("Read the rules to turn off from this key file (see below)"), N_("FILE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE…") },
    { NULL }
  };

  context = cjm_tool_option_context ("check", entries,
    _("Reports where the channels of journey maps disagree: one finding a line,\n"
      "FILE: severity: rule name: message, or a JSON report."),
    _("A configuration file given with --config may turn rules off, by their ids:\n"
      "\n"
      "  [check]\n"
      "  disabled-rules=R01;S01;\n"
      "\n"
      "Exit status: 0 when no finding is at or above --fail-on, "
      "1 when one is, 2 when a file or the configuration cannot be read "
      "or the command line is wrong."));

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return cjm_tool_usage_error (error->message);
  if (format != NULL && strcmp (format, "text") != 0 && strcmp (format, "json") != 0)
    {
      g_autofree char *message = g_strdup_printf (_("unknown format “%s” (use text or json)"),
                                                  format);

      return cjm_tool_usage_error (message);
    }
  if (fail_on != NULL && !cjm_severity_from_string (fail_on, &threshold))
    {
      g_autofree char *message = g_strdup_printf (_("unknown severity “%s” (use error, warning, "
                                                    "info or never)"), fail_on);

      return cjm_tool_usage_error (message);
    }
  if (files == NULL || files[0] == NULL)
    return cjm_tool_usage_error (_("no file given"));
  if (config != NULL && (disabled = read_config (config, &error)) == NULL)
    {
      fprintf (stderr, "%s: %s\n", g_get_prgname (), error->message);
      return 2;
    }

  json = format != NULL && strcmp (format, "json") == 0;
  if (json)
    {
      builder = json_builder_new ();
      json_builder_begin_array (builder);
    }

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(GError) load_error = NULL;
      g_autoptr(CjmDocument) document = cjm_tool_load_document (files[i], &load_error);
      g_autoptr(GPtrArray) findings = NULL;

      if (document == NULL)
        {
          fprintf (stderr, "%s\n", load_error->message);
          unreadable = TRUE;
          if (json)
            add_json (builder, files[i], NULL, load_error->message, show_suppressed);
          continue;
        }

      findings = cjm_check_document_full (document, NULL, (const char * const *) disabled);
      for (guint f = 0; f < findings->len; f++)
        {
          CjmFinding *finding = g_ptr_array_index (findings, f);

          if (!cjm_finding_get_suppressed (finding)
              && (int) cjm_finding_get_severity (finding) >= threshold)
            failed = TRUE;
        }

      if (json)
        add_json (builder, files[i], findings, NULL, show_suppressed);
      else
        print_text (files[i], findings, show_suppressed);
    }

  if (json)
    {
      g_autofree char *text = NULL;

      json_builder_end_array (builder);
      text = cjm_tool_json_text (builder);
      fputs (text, stdout);
    }
  fflush (stdout);

  if (unreadable)
    return 2;
  return failed ? 1 : 0;
}
