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
 *    O03, M01, X01, P01, D01 for a touchpoint; G01, C01 for a stage; R01
 *    for an opportunity; H01 for a link);
 *  - an interaction scope: F01, E01, S02, K01, O02 of one interaction;
 *  - a duplicates scope: the S01 faults of one repeated id;
 *  - the trend scope: T01 (it spans all stages).
 */

#pragma once

#include "cjm-document.h"
#include "cjm-finding-private.h"

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
  char         *supp_key;     /* "CJM-X01\037target", NULL when incomplete */
  char         *target;

  CjmScope      scope;
};

typedef struct {
  char         *text;         /* normalized synonym */
  char         *shown;        /* the synonym as written */
  char         *preferred;    /* the preferred term as written */
  guint         term;
  guint         index;
} CjmSynonym;

typedef struct {
  CjmDocument  *document;

  GHashTable   *recs;              /* CjmItem → CjmRec (owned) */
  GHashTable   *stages_by_id;      /* id → first stage CjmRec */
  GHashTable   *lanes_by_id;       /* id → first lane CjmRec */
  GHashTable   *personas_by_id;    /* id → first persona CjmRec */
  GHashTable   *ids;               /* id → GPtrArray of CjmRec, any kind */
  GHashTable   *tps_by_key;        /* interaction key → GPtrArray of CjmRec */
  GHashTable   *tps_by_stage;      /* stage CjmRec → GPtrArray of CjmRec */
  GHashTable   *links_by_end;      /* id → GPtrArray of link CjmRec (from or to) */
  GHashTable   *opps_by_address;   /* id → GPtrArray of opportunity CjmRec */
  GHashTable   *supps_by_target;   /* id → GPtrArray of suppression CjmRec */
  GHashTable   *suppressions;      /* supp_key → count */

  GHashTable   *interaction_scopes; /* key → CjmScope */
  GHashTable   *duplicate_scopes;   /* id → CjmScope */
  CjmScope      trend;

  GPtrArray    *synonyms;          /* CjmSynonym */
  int           spread;
  guint         n_links;
  int           last_stage;        /* index of the last stage with a placed
                                    * touchpoint, -1 when none */
} CjmCheck;

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
