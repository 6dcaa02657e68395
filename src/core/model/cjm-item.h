/* cjm-item.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One item of a journey map: a persona, stage, lane, touchpoint, note,
 * opportunity, link, glossary term or suppression, plus the map itself
 * (CJM_KIND_MAP: title, description, author, settings and print setup).
 *
 * Every field is kept as the exact text of the file, so that values a
 * reader cannot use (an emotion of "high") are still written back
 * unchanged. Typed getters parse on demand and report "absent" for values
 * that do not parse or are out of range.
 *
 * Items are changed only through CjmDocument, so that every change is an
 * undoable command; the getters here never change anything.
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  CJM_KIND_MAP,
  CJM_KIND_PERSONA,
  CJM_KIND_STAGE,
  CJM_KIND_LANE,
  CJM_KIND_TOUCHPOINT,
  CJM_KIND_NOTE,
  CJM_KIND_OPPORTUNITY,
  CJM_KIND_LINK,
  CJM_KIND_TERM,
  CJM_KIND_SUPPRESSION,
  CJM_N_KINDS
} CjmKind;

typedef enum {
  /* attributes */
  CJM_FIELD_ID,
  CJM_FIELD_STAGE,
  CJM_FIELD_LANE,
  CJM_FIELD_INTERACTION,
  CJM_FIELD_EMOTION,
  CJM_FIELD_TARGET_EMOTION,
  CJM_FIELD_OWNER,
  CJM_FIELD_EVIDENCE,
  CJM_FIELD_MOMENT_OF_TRUTH,
  CJM_FIELD_PERSONAS,
  CJM_FIELD_COLOR,
  CJM_FIELD_LANE_KIND,        /* lane kind="…" */
  CJM_FIELD_CHANNEL,
  CJM_FIELD_IMPACT,
  CJM_FIELD_EFFORT,
  CJM_FIELD_ADDRESSES,
  CJM_FIELD_FROM,
  CJM_FIELD_TO,
  CJM_FIELD_RULE,
  CJM_FIELD_TARGET,
  CJM_FIELD_PREFERRED,
  CJM_FIELD_STATUS,           /* opportunity (1.1): idea, planned, … */
  CJM_FIELD_HORIZON,          /* opportunity (1.1): now, next, later */
  CJM_FIELD_DUE,              /* opportunity (1.1): YYYY-MM-DD */
  /* attributes of the map (journey-map, settings, print) */
  CJM_FIELD_VERSION,
  CJM_FIELD_LANG,
  CJM_FIELD_EMOTION_SPREAD,
  CJM_FIELD_PAPER,
  CJM_FIELD_ORIENTATION,
  CJM_FIELD_FIT,
  CJM_FIELD_TILES,
  CJM_FIELD_OVERLAP,
  CJM_FIELD_COVER,
  CJM_FIELD_APPENDIX,
  CJM_FIELD_FINDINGS,
  CJM_FIELD_PLAN,             /* print: an action plan page (extension, docs/io.md) */
  /* text children */
  CJM_FIELD_TITLE,
  CJM_FIELD_NAME,
  CJM_FIELD_DESCRIPTION,
  CJM_FIELD_AUTHOR,
  CJM_FIELD_GOAL,
  CJM_FIELD_EMOTION_NOTE,
  CJM_FIELD_THIRD_PARTY,
  CJM_FIELD_LABEL,
  CJM_FIELD_TEXT,             /* the body of a note or a suppress */
  CJM_N_FIELDS
} CjmField;

/* The list-valued parts of an item. */
typedef enum {
  CJM_LIST_FACTS,             /* touchpoint: CjmFact */
  CJM_LIST_KPIS,              /* touchpoint: CjmKpi */
  CJM_LIST_DATA_SOURCES,      /* touchpoint: CjmText */
  CJM_LIST_SYNONYMS,          /* term: CjmText */
  CJM_LIST_SCORES,            /* opportunity (1.1): CjmScore */
  CJM_N_LISTS
} CjmListKind;

typedef enum {
  CJM_LANE_UNKNOWN,           /* a kind this version does not know */
  CJM_LANE_EMOTION,
  CJM_LANE_CHANNEL,
  CJM_LANE_ACTIONS,
  CJM_LANE_THOUGHTS,
  CJM_LANE_PAIN_POINTS,
  CJM_LANE_BACKSTAGE,
  CJM_LANE_NOTES,
  CJM_LANE_OPPORTUNITIES,
  CJM_N_LANE_KINDS
} CjmLaneKind;

#define CJM_EMOTION_UNSET G_MININT

/* Unknown attributes and child elements, kept for the round trip (opaque). */
typedef struct _CjmExtras CjmExtras;

typedef struct {
  char      *key;
  char      *value;
  CjmExtras *extras;
} CjmFact;

typedef struct {
  char      *name;
  char      *value;
  char      *unit;
  char      *target;
  char      *source;
  CjmExtras *extras;
} CjmKpi;

/* A data source or a synonym. */
typedef struct {
  char      *text;
  CjmExtras *extras;
} CjmText;

/* One role's own estimate of an opportunity (<score>): role, impact and
 * effort as the text of the file, and the role's comment. */
typedef struct {
  char      *role;
  char      *impact;
  char      *effort;
  char      *text;
  CjmExtras *extras;
} CjmScore;

#define CJM_TYPE_ITEM (cjm_item_get_type ())
G_DECLARE_FINAL_TYPE (CjmItem, cjm_item, CJM, ITEM, GObject)

CjmItem      *cjm_item_new                (CjmKind        kind);
CjmItem      *cjm_item_copy               (CjmItem       *self);
CjmKind       cjm_item_get_kind           (CjmItem       *self);
const char   *cjm_item_get_field          (CjmItem       *self,
                                           CjmField       field);
const char   *cjm_item_get_id             (CjmItem       *self);
GPtrArray    *cjm_item_get_list           (CjmItem       *self,
                                           CjmListKind    list);
gboolean      cjm_item_equal              (CjmItem       *a,
                                           CjmItem       *b);

/* Only for an item that is not in a document yet (a new item being built
 * before cjm_document_insert_item()); a NULL value removes the field. */
void          cjm_item_set_initial_field  (CjmItem       *self,
                                           CjmField       field,
                                           const char    *value);
void          cjm_item_set_initial_list   (CjmItem       *self,
                                           CjmListKind    list,
                                           GPtrArray     *entries);
gboolean      cjm_item_is_in_document     (CjmItem       *self);

/* Typed views; absent or unparsable values give the "unset" answer. */
int           cjm_item_get_int_field      (CjmItem       *self,
                                           CjmField       field,
                                           int            min,
                                           int            max,
                                           int            unset);
int           cjm_item_get_emotion        (CjmItem       *self);
int           cjm_item_get_target_emotion (CjmItem       *self);
gboolean      cjm_item_get_bool_field     (CjmItem       *self,
                                           CjmField       field,
                                           gboolean       unset);
CjmLaneKind   cjm_item_get_lane_kind      (CjmItem       *self);
/* Space-separated id lists (personas, addresses) split into a strv. */
GStrv         cjm_item_dup_id_list        (CjmItem       *self,
                                           CjmField       field);
gboolean      cjm_item_id_list_contains   (CjmItem       *self,
                                           CjmField       field,
                                           const char    *id);
/* The card text: title, or the body of a note. */
const char   *cjm_item_get_display_text   (CjmItem       *self);

/* Names used in the file (the table of kinds, cjm-kinds.c). */
const char   *cjm_kind_to_element         (CjmKind        kind);
const char   *cjm_field_to_name           (CjmField       field);
gboolean      cjm_field_is_text_child     (CjmField       field);
const char   *cjm_lane_kind_to_string     (CjmLaneKind    kind);
CjmLaneKind   cjm_lane_kind_from_string   (const char    *str);
/* Which kind of item a lane of this kind holds, or CJM_KIND_MAP for none. */
CjmKind       cjm_lane_kind_holds         (CjmLaneKind    kind);

/* List entries */
CjmFact      *cjm_fact_new                (const char    *key,
                                           const char    *value);
void          cjm_fact_free               (CjmFact       *fact);
CjmKpi       *cjm_kpi_new                 (const char    *name,
                                           const char    *value,
                                           const char    *unit,
                                           const char    *target,
                                           const char    *source);
void          cjm_kpi_free                (CjmKpi        *kpi);
CjmText      *cjm_text_new                (const char    *text);
void          cjm_text_free               (CjmText       *text);
CjmScore     *cjm_score_new               (const char    *role,
                                           const char    *impact,
                                           const char    *effort,
                                           const char    *text);
void          cjm_score_free              (CjmScore      *score);
/* A deep copy of a list of the given kind, with its free function set. */
GPtrArray    *cjm_list_copy               (CjmListKind    list,
                                           GPtrArray     *entries);
GPtrArray    *cjm_list_new                (CjmListKind    list);
gboolean      cjm_list_equal              (CjmListKind    list,
                                           GPtrArray     *a,
                                           GPtrArray     *b);

/* Comparison helpers shared by the checker and the UI: trim, collapse
 * white space, case fold. Returns a newly allocated string ("" for NULL). */
char         *cjm_normalize               (const char    *text);
/* The same without the case folding: text as shown on one line. */
char         *cjm_collapse_space          (const char    *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CjmFact, cjm_fact_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CjmKpi, cjm_kpi_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CjmScore, cjm_score_free)

G_END_DECLS
