/* test-util.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Helpers shared by the core tests.
 */

#pragma once

#include "cjm-document-private.h"

G_BEGIN_DECLS

/* tests/fixtures/NAME */
char        *test_fixture_path      (const char   *name);
GBytes      *test_read_file         (const char   *path);
CjmDocument *test_load_fixture      (const char   *name);
CjmDocument *test_load_bytes        (GBytes       *bytes,
                                     const char   *name);
/* save(load(bytes)) */
GBytes      *test_resave            (GBytes       *bytes,
                                     const char   *name);
/* Fails with the first line that differs. */
void         test_assert_bytes_equal (GBytes      *actual,
                                      GBytes      *expected);
gboolean     test_bytes_contain     (GBytes       *bytes,
                                     const char   *needle);
/* A fresh folder, removed with test_remove_tree(). */
char        *test_make_folder       (void);
void         test_remove_tree       (const char   *path);
/* The .cjm files of a folder, sorted; empty when it does not exist. */
GPtrArray   *test_list_files        (const char   *folder,
                                     const char   *suffix);
/* $CJM_SHARED_DIR/SUB when it exists, else NULL. */
char        *test_shared_path       (const char   *sub);

G_END_DECLS
