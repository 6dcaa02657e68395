/* cjm-shared-samples.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reference samples are not kept in the tree: tests read them from
 * $CJM_SHARED_DIR/samples (tests/meson.build sets CJM_SHARED_DIR to the
 * shared folder beside the checkout). Where that folder is absent, the
 * tests that need a sample are skipped, never passed.
 *
 * Header only, so every test folder can include it as "../cjm-shared-samples.h".
 */

#pragma once

#include <stdio.h>
#include <stdlib.h>

#include <glib.h>

/* $CJM_SHARED_DIR/samples when that folder exists, else NULL. */
static inline char *
cjm_shared_samples_dir (void)
{
  const char *shared = g_getenv ("CJM_SHARED_DIR");
  char *dir;

  if (shared == NULL || *shared == '\0')
    return NULL;
  dir = g_build_filename (shared, "samples", NULL);
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_free (dir);
      return NULL;
    }
  return dir;
}

/* $CJM_SHARED_DIR/samples/NAME when that file exists, else NULL. */
static inline char *
cjm_shared_sample (const char *name)
{
  char *dir = cjm_shared_samples_dir ();
  char *path;

  if (dir == NULL)
    return NULL;
  path = g_build_filename (dir, name, NULL);
  g_free (dir);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_free (path);
      return NULL;
    }
  return path;
}

/* Inside a test: the sample's path, or NULL after g_test_skip() (the test
 * returns at once then). */
static inline char *
cjm_shared_sample_or_skip (const char *name)
{
  char *path = cjm_shared_sample (name);

  if (path == NULL)
    g_test_skip ("$CJM_SHARED_DIR/samples is not there");
  return path;
}

/* At the start of main(), before the test plan is printed, for programs
 * whose every test opens a sample: without the samples the whole program
 * is skipped (TAP "1..0 # SKIP"). */
static inline void
cjm_shared_samples_require (void)
{
  char *dir = cjm_shared_samples_dir ();

  if (dir == NULL)
    {
      printf ("1..0 # SKIP $CJM_SHARED_DIR/samples is not there\n");
      exit (0);
    }
  g_free (dir);
}
