/* cjm-plan.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The action plan of a map (FORMAT.md, "Version 1.1: the action plan"):
 * what each opportunity's status, horizon and due date say, its quadrant
 * on the impact × effort grid, its reach, the spread of the roles' own
 * scores, and the plan order in which `cjm plan`, the printed action plan
 * and the Priorities view list the opportunities. GLib only; nothing here
 * changes the document.
 *
 * Values that do not parse count as absent, as for the checker's rules
 * (the checker reports them as CJM-S01 faults): an unknown status is
 * "idea", an unknown horizon is "not scheduled", a due date that is not a
 * calendar date is no due date, an impact of "9" is no impact.
 */

#pragma once

#include "cjm-document.h"
#include "cjm-labels.h"

G_BEGIN_DECLS

typedef enum {
  CJM_STATUS_IDEA,            /* also when absent */
  CJM_STATUS_PLANNED,
  CJM_STATUS_IN_PROGRESS,
  CJM_STATUS_DONE,
  CJM_STATUS_DROPPED,
} CjmStatus;

typedef enum {
  CJM_HORIZON_NOW,
  CJM_HORIZON_NEXT,
  CJM_HORIZON_LATER,
  CJM_HORIZON_NONE,           /* not scheduled: absent */
} CjmHorizon;

/* In plan order. */
typedef enum {
  CJM_QUADRANT_QUICK_WIN,     /* high impact (4, 5), low effort (1, 2) */
  CJM_QUADRANT_BIG_BET,       /* high impact, effort 3–5 */
  CJM_QUADRANT_FILL_IN,       /* impact 1–3, low effort */
  CJM_QUADRANT_MONEY_PIT,     /* impact 1–3, effort 3–5 */
  CJM_QUADRANT_UNSCORED,      /* impact or effort absent */
} CjmQuadrant;

/* The words of the file ("in-progress", "now", "quick-win") and back.
 * from_string: FALSE for NULL or a word that is not one of them (ASCII
 * white space around the word is allowed, as XML tokens allow it). */
const char  *cjm_status_to_string      (CjmStatus    status);
gboolean     cjm_status_from_string    (const char  *text,
                                        CjmStatus   *status);
const char  *cjm_horizon_to_string     (CjmHorizon   horizon);     /* NULL for NONE */
gboolean     cjm_horizon_from_string   (const char  *text,
                                        CjmHorizon  *horizon);
const char  *cjm_quadrant_to_string    (CjmQuadrant  quadrant);
/* The same in the user's language ("In progress", "Not scheduled",
 * "Quick win"). */
const char  *cjm_status_get_label      (CjmStatus    status);
const char  *cjm_horizon_get_label     (CjmHorizon   horizon);
const char  *cjm_quadrant_get_label    (CjmQuadrant  quadrant);
/* The same in a map's language (cjm-labels.h), for the printed plan. */
const char  *cjm_status_get_label_for  (CjmStatus    status,
                                        CjmLabels   *labels);
const char  *cjm_horizon_get_label_for (CjmHorizon   horizon,
                                        CjmLabels   *labels);
const char  *cjm_quadrant_get_label_for (CjmQuadrant quadrant,
                                         CjmLabels  *labels);

/* Whether the text is a calendar date YYYY-MM-DD (ASCII white space
 * around it allowed); fills @date (may be NULL) when it is. */
gboolean     cjm_plan_parse_date       (const char  *text,
                                        GDate       *date);
/* impact and effort 1..5, 0 for absent */
CjmQuadrant  cjm_quadrant_for          (int          impact,
                                        int          effort);
/* idea, planned and in progress are open; done and dropped are not */
gboolean     cjm_status_is_open        (CjmStatus    status);

/* Of an opportunity */
CjmStatus    cjm_plan_get_status       (CjmItem     *opportunity);
CjmHorizon   cjm_plan_get_horizon      (CjmItem     *opportunity);

/* One valid score of a role: impact and effort 1..5, 0 when absent. */
typedef struct {
  char        *role;          /* trimmed; NULL when the score has none */
  int          impact;
  int          effort;
  const char  *comment;       /* the score's text as written, or NULL */
} CjmPlanScore;

/* The spread of an opportunity's scores. Only the first score of each
 * role counts (a role compares like an interaction: trimmed, white space
 * collapsed, case folded); scores without a role do not. */
typedef struct {
  guint        n_roles;       /* scores that count */
  int          impact_min;    /* 0 when no score has a valid impact */
  int          impact_max;
  int          effort_min;    /* 0 when no score has a valid effort */
  int          effort_max;
  gboolean     disputed;      /* impact or effort differ by 2 or more */
} CjmScoreSpread;

/* The spread of a list of CjmScore (CJM_LIST_SCORES). When @counted is
 * not NULL it is filled with the CjmScore entries that count (not
 * referenced), in list order. */
void         cjm_plan_score_spread     (GPtrArray      *scores,
                                        CjmScoreSpread *spread,
                                        GPtrArray      *counted);

/* An opportunity as the action plan shows it. The strings point into the
 * item (valid while the item is not changed), except role in scores. */
typedef struct {
  CjmItem        *item;       /* the opportunity (referenced) */
  guint           index;      /* in the document's opportunities */
  const char     *id;
  const char     *title;
  const char     *stage;      /* the stage id as written */
  char           *owner;      /* trimmed, NULL when absent or blank */
  CjmStatus       status;
  CjmHorizon      horizon;
  char           *due;        /* trimmed YYYY-MM-DD, NULL when not a date */
  int             impact;     /* 1..5, 0 when absent */
  int             effort;
  CjmQuadrant     quadrant;
  guint           reach;      /* distinct touchpoints and notes it addresses */
  gboolean        open;
  GPtrArray      *scores;     /* CjmPlanScore, every score in file order */
  CjmScoreSpread  spread;
} CjmPlanEntry;

CjmPlanEntry *cjm_plan_entry_new       (CjmDocument        *document,
                                        CjmItem            *opportunity);
void          cjm_plan_entry_free      (CjmPlanEntry       *entry);
/* Plan order: open entries first, by horizon (now, next, later, not
 * scheduled), quadrant, impact high to low (absent last), effort low to
 * high (absent last), reach high to low, then document order; done and
 * dropped entries after them, in document order. */
int           cjm_plan_entry_compare   (const CjmPlanEntry *a,
                                        const CjmPlanEntry *b);

/* Every opportunity of the document in plan order. transfer full: a
 * GPtrArray of CjmPlanEntry with its free function set. */
GPtrArray    *cjm_plan_new             (CjmDocument        *document);

/* How the plan shows an entry: its title on one line (the id when it
 * has none, "(untitled)" in the labels' language when it has neither);
 * the name of its stage (the stage id when no stage has it). */
char         *cjm_plan_entry_dup_title (const CjmPlanEntry *entry,
                                        CjmLabels          *labels);
char         *cjm_plan_entry_dup_stage_name (CjmDocument        *document,
                                             const CjmPlanEntry *entry);
/* The heading of the section that entry @index of a plan starts (its
 * horizon; the done and dropped ones together: "Done and dropped"), or
 * NULL when it goes on with the section of the entry before it. */
const char   *cjm_plan_get_section_heading (GPtrArray   *plan,
                                            guint        index,
                                            CjmLabels   *labels);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CjmPlanEntry, cjm_plan_entry_free)

G_END_DECLS
