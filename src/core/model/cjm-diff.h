/* cjm-diff.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How two versions of a map differ, counted by items: what a draft would
 * change in the file it belongs to. Items are matched by id within their
 * kind; an item is changed when any field, list or unknown markup
 * differs (cjm_item_equal()). The map item counts as one item.
 */

#pragma once

#include "cjm-document.h"

G_BEGIN_DECLS

typedef struct {
  guint added[CJM_N_KINDS];
  guint removed[CJM_N_KINDS];
  guint changed[CJM_N_KINDS];
} CjmDiff;

/* Fills diff with what turns old (NULL: an empty map) into new. */
void      cjm_diff_documents     (CjmDocument   *old,
                                  CjmDocument   *new,
                                  CjmDiff       *diff);
guint     cjm_diff_total_added   (const CjmDiff *diff);
guint     cjm_diff_total_removed (const CjmDiff *diff);
guint     cjm_diff_total_changed (const CjmDiff *diff);
gboolean  cjm_diff_is_empty      (const CjmDiff *diff);
/* "2 added, 1 removed, 5 changed" or "No differences" (translated). */
char     *cjm_diff_describe      (const CjmDiff *diff);

G_END_DECLS
