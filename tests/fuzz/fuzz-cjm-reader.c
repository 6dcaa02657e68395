/* fuzz-cjm-reader.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer target for the .cjm reader and writer. Any input either is
 * refused with a CJM_DOCUMENT_ERROR whose message starts with the display
 * name, or loads; a loaded map saves to bytes that load again and save to
 * the same bytes (FORMAT.md: save(load(save(load(f)))) == save(load(f))).
 * Build and run with tests/fuzz/run-fuzz.sh.
 */

#define G_LOG_DOMAIN "fuzz"

#include <stdio.h>
#include <stdlib.h>

#include "cjm-document-private.h"

int LLVMFuzzerTestOneInput (const unsigned char *data,
                            size_t               size);

static CjmDocument *
load (GBytes     *bytes,
      const char *name)
{
  GError *error = NULL;
  CjmDocument *document = cjm_document_new_from_bytes (bytes, name, &error);

  if (document == NULL)
    {
      if (error == NULL || error->domain != CJM_DOCUMENT_ERROR
          || !g_str_has_prefix (error->message, name))
        abort ();
      g_error_free (error);
    }
  return document;
}

int
LLVMFuzzerTestOneInput (const unsigned char *data,
                        size_t               size)
{
  g_autoptr(GBytes) input = g_bytes_new (data, size);
  g_autoptr(CjmDocument) document = load (input, "input.cjm");
  g_autoptr(CjmDocument) again = NULL;
  g_autoptr(GBytes) once = NULL;
  g_autoptr(GBytes) twice = NULL;

  if (document == NULL)
    return 0;

  once = cjm_document_serialize (document);
  again = load (once, "saved.cjm");
  if (again == NULL)
    {
      fprintf (stderr, "the saved map does not open again:\n%.*s\n",
               (int) g_bytes_get_size (once), (const char *) g_bytes_get_data (once, NULL));
      abort ();
    }
  twice = cjm_document_serialize (again);
  if (!g_bytes_equal (once, twice))
    {
      fprintf (stderr, "saving is not idempotent:\n%.*s\n---\n%.*s\n",
               (int) g_bytes_get_size (once), (const char *) g_bytes_get_data (once, NULL),
               (int) g_bytes_get_size (twice), (const char *) g_bytes_get_data (twice, NULL));
      abort ();
    }
  return 0;
}
