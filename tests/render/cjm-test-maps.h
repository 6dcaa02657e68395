/* cjm-test-maps.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Maps built in code with the model API, for the layout and render tests
 * and the benchmarks.
 */

#pragma once

#include "cjm-document.h"

G_BEGIN_DECLS

/* Adds an item with an id and fields given as (CjmField, value) pairs
 * ending with -1. Returns it (owned by the document). */
CjmItem     *cjm_test_add           (CjmDocument *document,
                                     CjmKind      kind,
                                     const char  *id,
                                     ...);
/* A small map: 2 personas, 4 stages, an emotion lane, 3 channel lanes, a
 * pain-point lane and an opportunities lane, touchpoints with emotions,
 * facts and KPIs, a note, an opportunity, two links and one touchpoint
 * whose stage is missing (unplaced). lang may be NULL ("en"). */
CjmDocument *cjm_test_small_map     (const char  *lang);
/* A synthetic map: n_stages stages, one emotion lane, n_channels channel
 * lanes, n_touchpoints touchpoints spread over the cells, with emotions,
 * a fact on every third and a link between every tenth and its next. */
CjmDocument *cjm_test_synthetic_map (guint        n_stages,
                                     guint        n_channels,
                                     guint        n_touchpoints);

G_END_DECLS
