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

/* For a test program's main(): g_test_init(), then a fresh scratch
 * folder named after prefix. NULL, after the TAP plan that skips the
 * whole program, when $CJM_TOOL or the variable needs (may be NULL) is not
 * set. */
char *cli_test_begin  (int         *argc,
                       char      ***argv,
                       const char  *prefix,
                       const char  *needs);
/* Removes the scratch folder and everything in it; returns status. */
int   cli_test_finish (char        *folder,
                       int          status);

G_END_DECLS
