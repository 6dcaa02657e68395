/* cjm-checker-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Private to libcjm: the state the checker keeps between edits, shared by
 * cjm-checker.c (indexes, live updates, the list model) and cjm-rules.c
 * (the rules of RULES.md).
 *
 * Findings live in scopes. Each scope covers what one group of rules looks
 * at, so that an edit recomputes only the scopes it can affect:
 *  - an item scope: the rules of one item (S01 faults of the item; O01,
 *    O03, M01, X01, P01, D01 for a touchpoint; G01, C01 for a stage; R01,
 *    R02, R03 for an opportunity; H01 for a link);
 *  - an interaction scope: F01, E01, S02, K01, O02 of one interaction;
 *  - a duplicates scope: the S01 faults of one repeated id;
 *  - the trend scope: T01 (it spans all stages).
 */

#pragma once

#include "cjm-document.h"
#include "cjm-finding-private.h"
#include "cjm-labels.h"

G_BEGIN_DECLS

typedef enum {
  CJM_SCOPE_ITEM,
  CJM_SCOPE_INTERACTION,
  CJM_SCOPE_DUPLICATES,
  CJM_SCOPE_TREND,
} CjmScopeType;

typedef struct _CjmRec CjmRec;

typedef struct {
  CjmScopeType  type;
  char         *key;          /* interaction or id */
  CjmRec       *rec;          /* CJM_SCOPE_ITEM */
  GPtrArray    *findings;     /* CjmFinding, sorted by the scope's own order */
  gboolean      dirty;
} CjmScope;

/* What the checker knows of one item, as of the last time it looked. */
struct _CjmRec
{
  CjmItem      *item;
  CjmKind       kind;
  guint         index;        /* in the document's array of its kind */
  char         *strings;      /* the block that holds id, stage_ref, lane_ref,
                               * from and to */
  char         *id;           /* NULL when absent or empty */

  /* cards (touchpoints, notes, opportunities) */
  char         *stage_ref;
  char         *lane_ref;
  CjmRec       *stage;        /* the first stage with that id, or NULL */
  CjmRec       *lane;         /* the first lane with that id, or NULL */
  gboolean      placed;       /* stage and lane exist, lane of the right kind */

  /* touchpoints */
  char         *key;          /* normalized interaction ("" for none) */
  int           emotion;      /* CJM_EMOTION_UNSET when absent or invalid */

  /* opportunities: the ids of addresses */
  GStrv         addresses;

  /* links */
  char         *from;
  char         *to;

  /* suppressions */
  CjmRule       supp_rule;    /* CJM_N_RULES when not a known rule */
  char         *target;       /* trimmed, NULL when absent */

  CjmScope      scope;
};

/* The records under one key of an index. Laid out so that
 * g_ptr_array_index() and ->len work on it as on a GPtrArray. */
typedef struct {
  CjmRec      **pdata;
  guint         len;
  guint         size;
  CjmRec       *inline_recs[2];
  char          key[];        /* for string keys */
} CjmBucket;

typedef struct {
  char         *text;         /* normalized synonym */
  char         *shown;        /* the synonym as written */
  char         *preferred;    /* the preferred term as written */
  guint         term;
  guint         index;
} CjmSynonym;

typedef struct {
  CjmDocument  *document;
  CjmLabels    *labels;            /* the messages' language; NULL: the user's */

  GHashTable   *recs;              /* CjmItem → CjmRec (owned) */
  GHashTable   *stages_by_id;      /* id → first stage CjmRec */
  GHashTable   *lanes_by_id;       /* id → first lane CjmRec */
  GHashTable   *personas_by_id;    /* id → first persona CjmRec */
  GHashTable   *ids;               /* id → CjmBucket of CjmRec, any kind */
  GHashTable   *tps_by_key;        /* interaction key → CjmBucket of touchpoints */
  GHashTable   *tps_by_stage;      /* stage CjmRec → CjmBucket of touchpoints */
  GHashTable   *links_by_end;      /* id → CjmBucket of links (from or to) */
  GHashTable   *opps_by_address;   /* id → CjmBucket of opportunities */
  GHashTable   *supps_by_target;   /* id → CjmBucket of suppressions */
  GHashTable   *suppressions;      /* target id → guint[CJM_N_RULES] counts */
  guint         suppressed_rules[CJM_N_RULES];  /* suppressions of each rule */

  GHashTable   *interaction_scopes; /* key → CjmScope */
  GHashTable   *duplicate_scopes;   /* id → CjmScope */
  CjmScope      trend;

  GPtrArray    *synonyms;          /* CjmSynonym */
  int           spread;
  guint         n_links;
  int           last_stage;        /* index of the last stage with a placed
                                    * touchpoint, -1 when none */
} CjmCheck;

/* The document position of an item: its kind's container, then index. */
static inline guint32
cjm_rules_position (CjmRec *rec)
{
  return ((guint32) rec->kind << 24) | MIN (rec->index, 0xffffff);
}

/* cjm-rules.c */
void      cjm_rules_compute_scope  (CjmCheck   *check,
                                    CjmScope   *scope,
                                    GPtrArray  *out);
/* Whether a suppression hides this finding. */
gboolean  cjm_rules_is_suppressed  (CjmCheck   *check,
                                    CjmFinding *finding);
char     *cjm_rules_suppression_key (const char *rule,
                                     const char *target);
/* The card that a link end names (the first touchpoint, note or
 * opportunity with that id), or NULL. */
CjmRec   *cjm_rules_resolve_card   (CjmCheck   *check,
                                    const char *id);
/* The touchpoint or note that an opportunity's addresses names, or NULL. */
CjmRec   *cjm_rules_resolve_addressed (CjmCheck   *check,
                                       const char *id);
gboolean  cjm_rules_id_is_valid    (const char *id);

G_END_DECLS
