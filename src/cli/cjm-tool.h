/* cjm-tool.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The subcommands of `cjm`. Each gets argv starting at its own name and
 * returns the process exit status.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

int cjm_tool_validate (int argc, char **argv);
int cjm_tool_convert  (int argc, char **argv);
int cjm_tool_check    (int argc, char **argv);
int cjm_tool_export   (int argc, char **argv);

G_END_DECLS
