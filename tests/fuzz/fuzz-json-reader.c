/* fuzz-json-reader.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer target for the JSON reader and writer (cjm-json.h). Any input
 * either is refused with a CJM_DOCUMENT_ERROR whose message starts with the
 * display name, or reads; a document read from JSON writes JSON that reads
 * into the same document and writes the same text again, and it saves to
 * .cjm bytes that open into the same document, but for what fuzz-check.h
 * lets a first trip through .cjm change; from then on the map goes round
 * through .cjm exactly, to the same bytes. Built like fuzz-cjm-reader.c.
 */

#define G_LOG_DOMAIN "fuzz"

#include "config.h"

#include <string.h>

#include "fuzz-check.h"

int LLVMFuzzerTestOneInput (const unsigned char *data,
                            size_t               size);

int
LLVMFuzzerTestOneInput (const unsigned char *data,
                        size_t               size)
{
  g_autoptr(CjmDocument) document = fuzz_load_json ((const char *) data, size, "input.json");
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) saved_again = NULL;
  g_autoptr(CjmDocument) reopened = NULL;

  if (document == NULL)
    return 0;

  fuzz_check_json_round_trip (document);
  saved = fuzz_check_cjm_round_trip (document, FUZZ_MAP_TITLE_WRITTEN | FUZZ_ENTRY_TEXT_WRITTEN
                                     | FUZZ_ANCHORS_PLACED | FUZZ_XML_REWRITTEN);
  /* Once in a .cjm file, the map goes round exactly. */
  reopened = fuzz_load_cjm (saved, "saved.cjm");
  saved_again = fuzz_check_cjm_round_trip (reopened, FUZZ_EXACT);
  return 0;
}
