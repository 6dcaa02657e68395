/* cjm-tool-validate.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cjm validate FILE…
 *
 * Exit status: 0 when every file opens cleanly, 1 when one opens with
 * semantic faults (CJM-S01, listed one a line), 2 when one is refused (the
 * reader's message, FILE:LINE:COL: reason, on stderr).
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "cjm-checker.h"
#include "cjm-tool.h"

int
cjm_tool_validate (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) files = NULL;
  int status = 0;
  const GOptionEntry entries[] = {
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE…") },
    { NULL }
  };

  context = cjm_tool_option_context ("validate", entries,
    _("Checks that journey maps open cleanly, and lists the broken references\n"
      "and values out of range of those that open with them."),
    _("Exit status: 0 when every file opens cleanly, 1 when a "
      "file opens with broken references or values out of "
      "range (listed), 2 when a file cannot be read or the command line "
      "is wrong."));

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return cjm_tool_usage_error (error->message);
  if (files == NULL || files[0] == NULL)
    return cjm_tool_usage_error (_("no file given"));

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(GError) load_error = NULL;
      g_autoptr(CjmDocument) document = cjm_tool_load_document (files[i], &load_error);
      g_autoptr(GPtrArray) findings = NULL;

      if (document == NULL)
        {
          fprintf (stderr, "%s\n", load_error->message);
          status = 2;
          continue;
        }

      /* Faults are faults: suppressions do not hide them here. */
      findings = cjm_check_document (document);
      for (guint f = 0; f < findings->len; f++)
        {
          CjmFinding *finding = g_ptr_array_index (findings, f);
          g_autofree char *line = NULL;

          if (strcmp (cjm_finding_get_rule (finding), "CJM-S01") != 0)
            continue;
          line = g_strdup_printf ("%s: %s: %s %s: %s\n", files[i],
                                  cjm_severity_to_string (cjm_finding_get_severity (finding)),
                                  cjm_finding_get_rule (finding), cjm_finding_get_name (finding),
                                  cjm_finding_get_message (finding));
          fputs (line, stdout);
          status = MAX (status, 1);
        }
    }

  fflush (stdout);
  return status;
}
