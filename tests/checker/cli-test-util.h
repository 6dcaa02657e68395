/* cli-test-util.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Running the built `cjm` ($CJM_TOOL) from the command-line tests.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  int   status;               /* the exit status */
  char *out;
  char *err;
} Run;

void  run_clear (Run *run);
/* Runs cjm with the arguments (NULL-terminated); it must exit normally. */
void  run_cjm   (Run *run,
                 ...) G_GNUC_NULL_TERMINATED;

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

G_END_DECLS
