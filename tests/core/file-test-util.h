/* file-test-util.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The checks every kind of output (.cjm, JSON, PDF, SVG, PNG) must pass,
 * since they all go through the atomic file writer: a new file gets the
 * umask's mode; replacing keeps the mode (0600) and, as root, the owner;
 * a chain of symbolic links is written through and stays; a write that
 * fails half-way (a file size limit, which stops root too) and a write
 * into a folder the user may not write to (as "nobody" when the tests
 * run as root) leave the old file byte-identical, no temporary file, and
 * an error that names the file.
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Writes one output to path. */
typedef gboolean (*FileTestWriteFunc) (const char  *path,
                                       gpointer     user_data,
                                       GError     **error);

typedef struct {
  const char        *name;      /* output file name, "map.pdf" */
  const char        *magic;     /* its first bytes, "%PDF-" */
  GQuark             domain;    /* the error a failed write gives */
  int                code;      /* -1: any code of the domain */
  FileTestWriteFunc  write;
  gpointer           user_data;
} FileTestOutput;

/* A test's fresh folder (that "nobody" may enter), and the file NAME in
 * it, NAME being the test's data. */
typedef struct {
  char  *folder;
  char  *path;
  GFile *file;
} FileTestFixture;

void      file_test_fixture_set_up    (FileTestFixture *f,
                                       gconstpointer    name);
void      file_test_fixture_tear_down (FileTestFixture *f,
                                       gconstpointer    name);

/* Runs all the checks above on one kind of output. */
void      file_test_check_output   (const FileTestOutput *output);

/* Runs func with every file limited to limit bytes (RLIMIT_FSIZE; SIGXFSZ
 * ignored meanwhile); returns what func returns. */
gboolean  file_test_with_size_limit (gsize                limit,
                                     gboolean           (*func) (gpointer data),
                                     gpointer             data);
/* Runs func in a child process, as the user "nobody" when root; returns
 * its exit status (func's result). */
int       file_test_as_nobody      (int                 (*func) (gpointer data),
                                    gpointer              data);
/* Asserts that folder holds exactly names (NULL-terminated). */
void      file_test_assert_names   (const char           *folder,
                                    const char * const   *names);
void      file_test_write_file     (const char           *path,
                                    const char           *contents);
/* The permission bits of path. */
guint     file_test_get_mode       (const char           *path);
/* What a new file's permissions are under the current umask. */
guint     file_test_new_file_mode  (void);

G_END_DECLS
