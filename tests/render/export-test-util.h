/* export-test-util.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Running `cjm` ($CJM_TOOL) and the poppler tools from the tests of the
 * command line's output: exports, the map's language, thumbnails.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Runs argv (a NULL-terminated array, found in the PATH of the
 * environment) with the environment envp (NULL: this process's); returns
 * the exit status and stdout and stderr when asked. */
int       export_test_run        (const char * const *argv,
                                  char * const       *envp,
                                  char              **out,
                                  char              **err);
/* Marks the test skipped and returns FALSE when tool is not installed. */
gboolean  export_test_have_tool  (const char         *tool);
/* Text without bidi controls and without white space: pdftotext guesses
 * word gaps from glyph positions and sometimes splits right-to-left words
 * ("ב ד י ק ת"); the letters and their order are what we check. */
char     *export_test_flatten    (const char         *text);
/* pdftotext of pages first..last (0: all), as it is and flattened. */
char     *export_test_pdf_text   (const char         *pdf,
                                  guint               first,
                                  guint               last,
                                  gboolean            flat);
guint     export_test_pdf_pages  (const char         *pdf);
/* A map to export: $CJM_SHARED_DIR/samples/NAME when that is there, else
 * data/templates/FALLBACK. */
char     *export_test_sample     (const char         *name,
                                  const char         *fallback);

G_END_DECLS
