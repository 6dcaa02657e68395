/* cjm-tool.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The subcommands of `cjm`. Each gets argv starting at its own name and
 * returns the process exit status.
 */

#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "cjm-document.h"

G_BEGIN_DECLS

int cjm_tool_validate (int argc, char **argv);
int cjm_tool_convert  (int argc, char **argv);
int cjm_tool_check    (int argc, char **argv);
int cjm_tool_export   (int argc, char **argv);
int cjm_tool_plan     (int argc, char **argv);
int cjm_tool_thumbnail (int argc, char **argv);

/* The option context of `cjm NAME`. Its --help reads "Usage: cjm NAME
 * [OPTION…] ARGS" (ARGS: the arg_description of the entries'
 * G_OPTION_REMAINING), then the summary, the options and the
 * description, which says what the exit statuses mean. Sets the program
 * name to "cjm NAME" for the messages. */
GOptionContext *cjm_tool_option_context (const char         *name,
                                         const GOptionEntry *entries,
                                         const char         *summary,
                                         const char         *description);
/* "cjm NAME: message" and where to read the usage, on stderr; returns 2,
 * the exit status of bad usage. */
int             cjm_tool_usage_error    (const char         *message);

/* The document of a file named on the command line; errors name the file
 * as it was given ("maps/a.cjm:3:1: …"), not as an absolute path. */
CjmDocument *cjm_tool_load_document (const char  *path,
                                     GError     **error);

/* JSON reports (check, plan) are an array with one object per file.
 * begin_file starts that object with {"file": PATH; for a file that could
 * not be read it writes the whole object, {"file": PATH, "error": MESSAGE},
 * and returns FALSE. */
gboolean     cjm_tool_json_begin_file (JsonBuilder *builder,
                                       const char  *path,
                                       const char  *error_message);
/* The report, two-space indented, with a final new line. */
char        *cjm_tool_json_text     (JsonBuilder *builder);

G_END_DECLS
