/* cjm-finding-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Private to libcjm: how the checker builds findings and orders them.
 */

#pragma once

#include "cjm-finding.h"
#include "cjm-item.h"

G_BEGIN_DECLS

/* The rules of RULES.md, in the order of their ids (the sort order). */
typedef enum {
  CJM_RULE_C01,
  CJM_RULE_D01,
  CJM_RULE_E01,
  CJM_RULE_F01,
  CJM_RULE_G01,
  CJM_RULE_H01,
  CJM_RULE_K01,
  CJM_RULE_M01,
  CJM_RULE_O01,
  CJM_RULE_O02,
  CJM_RULE_O03,
  CJM_RULE_P01,
  CJM_RULE_R01,
  CJM_RULE_R02,
  CJM_RULE_R03,
  CJM_RULE_S01,
  CJM_RULE_S02,
  CJM_RULE_T01,
  CJM_RULE_X01,
  CJM_N_RULES
} CjmRule;

struct _CjmFinding
{
  GObject      parent_instance;

  CjmRule      rule;
  gboolean     suppressed;
  char        *message;
  char       **targets;       /* in the block of order_items */

  /* Ordering: the items whose document positions order the finding (the
   * item at fault or the first target first, then the other targets), and
   * a rule-specific key that breaks the remaining ties (NULL for none).
   * The items are not referenced: the checker only compares them and
   * looks up their positions while the finding is in its list. */
  guint        n_order;
  CjmItem    **order_items;   /* one allocation with targets, positions, subkey */
  guint32     *positions;     /* cache filled by the checker before sorting */
  const char  *subkey;

  /* Bookkeeping of the checker that owns it. */
  guint        old_index;
  guint        new_index;
  guint        in_old : 1;
  guint        in_new : 1;
  guint        dead : 1;
};

const char  *cjm_rule_get_id          (CjmRule      rule);
const char  *cjm_rule_get_name        (CjmRule      rule);
CjmSeverity  cjm_rule_get_severity    (CjmRule      rule);
/* The rule's title in the user's language ("Conflicting facts"). */
const char  *cjm_rule_get_title       (CjmRule      rule);
/* The rule with this id ("CJM-F01", case-insensitive), or CJM_N_RULES. */
CjmRule      cjm_rule_from_id         (const char  *id);

/* Takes the message; targets may be NULL; order_items is copied. */
CjmFinding  *cjm_finding_new          (CjmRule      rule,
                                       char        *message,
                                       const char * const *targets,
                                       CjmItem    **order_items,
                                       guint        n_order_items,
                                       const char  *subkey);
void         cjm_finding_set_suppressed (CjmFinding *self,
                                         gboolean    suppressed);
CjmRule      cjm_finding_get_rule_enum (CjmFinding *self);
/* Same rule, message, targets, ordering items and key (not the
 * suppressed flag). */
gboolean     cjm_finding_same         (CjmFinding  *a,
                                       CjmFinding  *b);

G_END_DECLS
