/* fuzz-cjm-reader.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer target for the .cjm reader and writer. Any input either is
 * refused with a CJM_DOCUMENT_ERROR whose message starts with the display
 * name, or loads; a loaded map saves to bytes that load again into the same
 * document (every item, field, list and unknown XML) and save to the same
 * bytes (FORMAT.md: save(load(save(load(f)))) == save(load(f))), and it
 * goes through JSON and back unchanged. Built with libFuzzer by
 * tests/fuzz/run-fuzz.sh and, over the checked-in corpus, by the replay
 * test (tests/fuzz/meson.build).
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
  g_autoptr(GBytes) input = g_bytes_new (data, size);
  g_autoptr(CjmDocument) document = fuzz_load_cjm (input, "input.cjm");
  g_autoptr(GBytes) saved = NULL;

  if (document == NULL)
    return 0;

  saved = fuzz_check_cjm_round_trip (document, FUZZ_MAP_TITLE_WRITTEN);
  fuzz_check_json_round_trip (document);
  return 0;
}
