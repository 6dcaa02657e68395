/* cjm-checker.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The live checker: keeps a record of every item and indexes over them
 * (items by id, touchpoints by interaction and by stage, links by their
 * ends, opportunities by what they address, suppressions by target), and
 * findings in scopes (cjm-checker-private.h). A change of the document marks
 * the scopes it can affect, from the item's values before and after the
 * change; only those are computed again. The sorted list of all findings is
 * patched (removed ones dropped, new ones merged in by binary search) and
 * the list model emits items-changed for the rows that differ.
 */

#define G_LOG_DOMAIN "cjm-check"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cjm-checker.h"
#include "cjm-checker-private.h"

struct _CjmChecker
{
  GObject      parent_instance;

  CjmDocument *document;
  CjmCheck     check;
  gboolean     built;

  GPtrArray   *all;             /* CjmFinding, sorted */
  GPtrArray   *visible;         /* the list model's items (not referenced) */
  GPtrArray   *diff_before;     /* while emitting items-changed: the old rows */
  guint        diff_i;          /* … of which those from here on are still shown */
  guint        diff_j;          /* … after this many new rows */
  GHashTable  *by_target;       /* id → GPtrArray of visible findings, built on demand */
  gboolean     show_suppressed;
  gboolean     disabled[CJM_N_RULES];  /* rules whose findings are left out */

  /* the update in progress */
  GPtrArray   *dirty;           /* CjmScope */
  GPtrArray   *dropped;         /* CjmFinding of scopes that went away */
  gboolean     full;
  gboolean     reorder;
  gboolean     trend_dirty;
  gboolean     suppressions_changed;
};

static void cjm_checker_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CjmChecker, cjm_checker, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      cjm_checker_list_model_init))

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_LABELS,
  PROP_SHOW_SUPPRESSED,
  PROP_DISABLED_RULES,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Records */

/* Copies the fields that are set and not empty into one block, and
 * points the records' strings at them (NULL for the others). */
static void
rec_copy_fields (CjmRec   *rec,
                 CjmField *fields,
                 char    **copies[],
                 guint     n)
{
  gsize lengths[4], size = 0;
  char *block;

  g_assert (n <= G_N_ELEMENTS (lengths));
  for (guint i = 0; i < n; i++)
    {
      const char *text = cjm_item_get_field (rec->item, fields[i]);

      lengths[i] = text != NULL && *text != '\0' ? strlen (text) + 1 : 0;
      size += lengths[i];
    }
  if (size == 0)
    return;
  rec->strings = block = g_malloc (size);
  for (guint i = 0; i < n; i++)
    if (lengths[i] > 0)
      {
        *copies[i] = memcpy (block, cjm_item_get_field (rec->item, fields[i]), lengths[i]);
        block += lengths[i];
      }
}

static void
scope_init (CjmScope     *scope,
            CjmScopeType  type,
            const char   *key,
            CjmRec       *rec)
{
  scope->type = type;
  scope->key = g_strdup (key);
  scope->rec = rec;
  scope->findings = NULL;   /* made when the scope first has a finding */
  scope->dirty = FALSE;
}

static void
scope_clear (CjmScope *scope)
{
  g_clear_pointer (&scope->key, g_free);
  g_clear_pointer (&scope->findings, g_ptr_array_unref);
}

static CjmScope *
scope_new (CjmScopeType  type,
           const char   *key)
{
  CjmScope *scope = g_new0 (CjmScope, 1);

  scope_init (scope, type, key, NULL);
  return scope;
}

static void
scope_free (gpointer data)
{
  CjmScope *scope = data;

  scope_clear (scope);
  g_free (scope);
}

static void
rec_clear_cache (CjmRec *rec)
{
  /* id, stage_ref, lane_ref, from and to share the block of strings */
  g_clear_pointer (&rec->strings, g_free);
  rec->id = rec->stage_ref = rec->lane_ref = rec->from = rec->to = NULL;
  g_clear_pointer (&rec->key, g_free);
  g_clear_pointer (&rec->addresses, g_strfreev);
  g_clear_pointer (&rec->target, g_free);
}

static void
rec_free (gpointer data)
{
  CjmRec *rec = data;

  rec_clear_cache (rec);
  scope_clear (&rec->scope);
  g_object_unref (rec->item);
  g_free (rec);
}

/* Reads what the rules need from the item. */
static void
rec_refresh (CjmCheck *check,
             CjmRec   *rec)
{
  CjmItem *item = rec->item;

  rec_clear_cache (rec);
  switch (rec->kind)
    {
    case CJM_KIND_TOUCHPOINT:
    case CJM_KIND_NOTE:
    case CJM_KIND_OPPORTUNITY:
      rec_copy_fields (rec, (CjmField[]) { CJM_FIELD_ID, CJM_FIELD_STAGE, CJM_FIELD_LANE },
                       (char **[]) { &rec->id, &rec->stage_ref, &rec->lane_ref }, 3);
      break;
    case CJM_KIND_LINK:
      rec_copy_fields (rec, (CjmField[]) { CJM_FIELD_ID, CJM_FIELD_FROM, CJM_FIELD_TO },
                       (char **[]) { &rec->id, &rec->from, &rec->to }, 3);
      break;
    case CJM_KIND_MAP:
    case CJM_KIND_PERSONA:
    case CJM_KIND_STAGE:
    case CJM_KIND_LANE:
    case CJM_KIND_TERM:
    case CJM_KIND_SUPPRESSION:
    case CJM_N_KINDS:
    default:
      rec_copy_fields (rec, (CjmField[]) { CJM_FIELD_ID }, (char **[]) { &rec->id }, 1);
      break;
    }
  rec->stage = rec->lane = NULL;
  rec->placed = FALSE;
  rec->emotion = CJM_EMOTION_UNSET;

  switch (rec->kind)
    {
    case CJM_KIND_TOUCHPOINT:
    case CJM_KIND_NOTE:
    case CJM_KIND_OPPORTUNITY:
      if (rec->stage_ref != NULL)
        rec->stage = g_hash_table_lookup (check->stages_by_id, rec->stage_ref);
      if (rec->lane_ref != NULL)
        rec->lane = g_hash_table_lookup (check->lanes_by_id, rec->lane_ref);
      rec->placed = rec->stage != NULL && rec->lane != NULL
                    && cjm_lane_kind_holds (cjm_item_get_lane_kind (rec->lane->item)) == rec->kind;
      if (rec->kind == CJM_KIND_TOUCHPOINT)
        {
          rec->key = cjm_normalize (cjm_item_get_field (item, CJM_FIELD_INTERACTION));
          rec->emotion = cjm_item_get_emotion (item);
        }
      else if (rec->kind == CJM_KIND_OPPORTUNITY)
        rec->addresses = cjm_item_dup_id_list (item, CJM_FIELD_ADDRESSES);
      break;

    case CJM_KIND_SUPPRESSION:
      {
        const char *target = cjm_item_get_field (item, CJM_FIELD_TARGET);

        if (target != NULL)
          rec->target = g_strstrip (g_strdup (target));
        if (rec->target != NULL && *rec->target == '\0')
          g_clear_pointer (&rec->target, g_free);
        rec->supp_rule = cjm_rule_from_id (cjm_item_get_field (item, CJM_FIELD_RULE));
      }
      break;

    case CJM_KIND_LINK:
    case CJM_KIND_MAP:
    case CJM_KIND_PERSONA:
    case CJM_KIND_STAGE:
    case CJM_KIND_LANE:
    case CJM_KIND_TERM:
    case CJM_N_KINDS:
    default:
      break;
    }
}

/* Indexes */

static void
bucket_free (gpointer data)
{
  CjmBucket *bucket = data;

  if (bucket->pdata != bucket->inline_recs)
    g_free (bucket->pdata);
  g_free (bucket);
}

static void
multimap_add (GHashTable *map,
              gpointer    key,
              gboolean    string_key,
              CjmRec     *rec)
{
  CjmBucket *bucket;

  if (key == NULL)
    return;
  bucket = g_hash_table_lookup (map, key);
  if (bucket == NULL)
    {
      gsize key_size = string_key ? strlen (key) + 1 : 0;

      bucket = g_malloc (sizeof (CjmBucket) + key_size);
      bucket->pdata = bucket->inline_recs;
      bucket->len = 0;
      bucket->size = G_N_ELEMENTS (bucket->inline_recs);
      if (string_key)
        memcpy (bucket->key, key, key_size);
      g_hash_table_insert (map, string_key ? bucket->key : key, bucket);
    }
  for (guint i = 0; i < bucket->len; i++)
    if (bucket->pdata[i] == rec)
      return;
  if (bucket->len == bucket->size)
    {
      bucket->size *= 2;
      if (bucket->pdata == bucket->inline_recs)
        bucket->pdata = g_memdup2 (bucket->inline_recs, sizeof bucket->inline_recs);
      bucket->pdata = g_renew (CjmRec *, bucket->pdata, bucket->size);
    }
  bucket->pdata[bucket->len++] = rec;
}

static void
multimap_remove (GHashTable *map,
                 gpointer    key,
                 CjmRec     *rec)
{
  CjmBucket *bucket;

  if (key == NULL)
    return;
  bucket = g_hash_table_lookup (map, key);
  if (bucket == NULL)
    return;
  for (guint i = 0; i < bucket->len; i++)
    if (bucket->pdata[i] == rec)
      {
        bucket->pdata[i] = bucket->pdata[--bucket->len];
        break;
      }
  if (bucket->len == 0)
    g_hash_table_remove (map, key);
}

static void
index_add (CjmCheck *check,
           CjmRec   *rec)
{
  multimap_add (check->ids, rec->id, TRUE, rec);

  switch (rec->kind)
    {
    case CJM_KIND_TOUCHPOINT:
      if (*rec->key != '\0')
        multimap_add (check->tps_by_key, rec->key, TRUE, rec);
      multimap_add (check->tps_by_stage, rec->stage, FALSE, rec);
      break;

    case CJM_KIND_OPPORTUNITY:
      for (guint i = 0; rec->addresses[i] != NULL; i++)
        multimap_add (check->opps_by_address, rec->addresses[i], TRUE, rec);
      break;

    case CJM_KIND_LINK:
      multimap_add (check->links_by_end, rec->from, TRUE, rec);
      multimap_add (check->links_by_end, rec->to, TRUE, rec);
      check->n_links++;
      break;

    case CJM_KIND_SUPPRESSION:
      multimap_add (check->supps_by_target, rec->target, TRUE, rec);
      if (rec->target != NULL && rec->supp_rule < CJM_N_RULES)
        {
          guint *counts = g_hash_table_lookup (check->suppressions, rec->target);

          if (counts == NULL)
            {
              counts = g_new0 (guint, CJM_N_RULES);
              g_hash_table_insert (check->suppressions, g_strdup (rec->target), counts);
            }
          counts[rec->supp_rule]++;
          check->suppressed_rules[rec->supp_rule]++;
        }
      break;

    case CJM_KIND_MAP:
    case CJM_KIND_PERSONA:
    case CJM_KIND_STAGE:
    case CJM_KIND_LANE:
    case CJM_KIND_NOTE:
    case CJM_KIND_TERM:
    case CJM_N_KINDS:
    default:
      break;
    }
}

static void
index_remove (CjmCheck *check,
              CjmRec   *rec)
{
  multimap_remove (check->ids, rec->id, rec);

  switch (rec->kind)
    {
    case CJM_KIND_TOUCHPOINT:
      if (*rec->key != '\0')
        multimap_remove (check->tps_by_key, rec->key, rec);
      multimap_remove (check->tps_by_stage, rec->stage, rec);
      break;

    case CJM_KIND_OPPORTUNITY:
      for (guint i = 0; rec->addresses[i] != NULL; i++)
        multimap_remove (check->opps_by_address, rec->addresses[i], rec);
      break;

    case CJM_KIND_LINK:
      multimap_remove (check->links_by_end, rec->from, rec);
      multimap_remove (check->links_by_end, rec->to, rec);
      check->n_links--;
      break;

    case CJM_KIND_SUPPRESSION:
      multimap_remove (check->supps_by_target, rec->target, rec);
      if (rec->target != NULL && rec->supp_rule < CJM_N_RULES)
        {
          guint *counts = g_hash_table_lookup (check->suppressions, rec->target);
          guint total = 0;

          g_assert (counts != NULL && counts[rec->supp_rule] > 0);
          counts[rec->supp_rule]--;
          check->suppressed_rules[rec->supp_rule]--;
          for (guint r = 0; r < CJM_N_RULES; r++)
            total += counts[r];
          if (total == 0)
            g_hash_table_remove (check->suppressions, rec->target);
        }
      break;

    case CJM_KIND_MAP:
    case CJM_KIND_PERSONA:
    case CJM_KIND_STAGE:
    case CJM_KIND_LANE:
    case CJM_KIND_NOTE:
    case CJM_KIND_TERM:
    case CJM_N_KINDS:
    default:
      break;
    }
}

static CjmRec *
rec_new (CjmCheck *check,
         CjmItem  *item,
         guint     index)
{
  CjmRec *rec = g_new0 (CjmRec, 1);

  rec->item = g_object_ref (item);
  rec->kind = cjm_item_get_kind (item);
  rec->index = index;
  scope_init (&rec->scope, CJM_SCOPE_ITEM, NULL, rec);
  rec_refresh (check, rec);
  g_hash_table_insert (check->recs, item, rec);
  return rec;
}

static void
synonym_free (gpointer data)
{
  CjmSynonym *synonym = data;

  g_free (synonym->text);
  g_free (synonym->shown);
  g_free (synonym->preferred);
  g_free (synonym);
}

static void
check_init (CjmCheck    *check,
            CjmDocument *document)
{
  check->document = document;
  check->recs = g_hash_table_new_full (NULL, NULL, NULL, rec_free);
  check->stages_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  check->lanes_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  check->personas_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  check->ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, bucket_free);
  check->tps_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, bucket_free);
  check->tps_by_stage = g_hash_table_new_full (NULL, NULL, NULL, bucket_free);
  check->links_by_end = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, bucket_free);
  check->opps_by_address = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, bucket_free);
  check->supps_by_target = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, bucket_free);
  check->suppressions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  check->interaction_scopes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, scope_free);
  check->duplicate_scopes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, scope_free);
  scope_init (&check->trend, CJM_SCOPE_TREND, NULL, NULL);
  check->synonyms = g_ptr_array_new_with_free_func (synonym_free);
  memset (check->suppressed_rules, 0, sizeof check->suppressed_rules);
  check->spread = 3;
  check->last_stage = -1;
}

static void
check_clear (CjmCheck *check)
{
  g_clear_pointer (&check->interaction_scopes, g_hash_table_unref);
  g_clear_pointer (&check->duplicate_scopes, g_hash_table_unref);
  g_clear_pointer (&check->tps_by_stage, g_hash_table_unref);
  g_clear_pointer (&check->recs, g_hash_table_unref);
  g_clear_pointer (&check->stages_by_id, g_hash_table_unref);
  g_clear_pointer (&check->lanes_by_id, g_hash_table_unref);
  g_clear_pointer (&check->personas_by_id, g_hash_table_unref);
  g_clear_pointer (&check->ids, g_hash_table_unref);
  g_clear_pointer (&check->tps_by_key, g_hash_table_unref);
  g_clear_pointer (&check->links_by_end, g_hash_table_unref);
  g_clear_pointer (&check->opps_by_address, g_hash_table_unref);
  g_clear_pointer (&check->supps_by_target, g_hash_table_unref);
  g_clear_pointer (&check->suppressions, g_hash_table_unref);
  g_clear_pointer (&check->synonyms, g_ptr_array_unref);
  scope_clear (&check->trend);
  check->n_links = 0;
}

/* Builds all records and indexes from the document. */
static void
check_build (CjmCheck *check)
{
  CjmDocument *document = check->document;
  GPtrArray *terms;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* Stages, lanes and personas first: cards resolve against them. */
  for (CjmKind kind = CJM_KIND_PERSONA; kind <= CJM_KIND_LANE; kind++)
    {
      GPtrArray *items = cjm_document_get_items (document, kind);
      GHashTable *by_id = kind == CJM_KIND_STAGE ? check->stages_by_id
                          : kind == CJM_KIND_LANE ? check->lanes_by_id
                          : check->personas_by_id;

      for (guint i = 0; i < items->len; i++)
        {
          CjmRec *rec = rec_new (check, g_ptr_array_index (items, i), i);

          if (rec->id != NULL && !g_hash_table_contains (by_id, rec->id))
            g_hash_table_insert (by_id, rec->id, rec);
          index_add (check, rec);
        }
    }

  for (CjmKind kind = CJM_KIND_TOUCHPOINT; kind < CJM_N_KINDS; kind++)
    {
      GPtrArray *items = cjm_document_get_items (document, kind);

      if (kind == CJM_KIND_TERM)
        continue;
      for (guint i = 0; i < items->len; i++)
        index_add (check, rec_new (check, g_ptr_array_index (items, i), i));
    }

  terms = cjm_document_get_items (document, CJM_KIND_TERM);
  for (guint t = 0; t < terms->len; t++)
    {
      CjmItem *term = g_ptr_array_index (terms, t);
      GPtrArray *synonyms = cjm_item_get_list (term, CJM_LIST_SYNONYMS);
      g_autofree char *preferred = cjm_normalize (cjm_item_get_field (term, CJM_FIELD_PREFERRED));

      for (guint i = 0; i < synonyms->len; i++)
        {
          CjmText *text = g_ptr_array_index (synonyms, i);
          char *norm = cjm_normalize (text->text);
          CjmSynonym *synonym;

          if (*norm == '\0' || strcmp (norm, preferred) == 0
              || g_hash_table_contains (seen, norm))
            {
              g_free (norm);
              continue;
            }
          g_hash_table_add (seen, g_strdup (norm));
          synonym = g_new0 (CjmSynonym, 1);
          synonym->text = norm;
          synonym->shown = g_strstrip (g_strdup (text->text));
          synonym->preferred = g_strstrip (g_strdup (cjm_item_get_field (term, CJM_FIELD_PREFERRED)
                                                     ?: ""));
          synonym->term = t;
          synonym->index = i;
          g_ptr_array_add (check->synonyms, synonym);
        }
    }

  check->spread = cjm_document_get_emotion_spread (document);
}

/* Positions and order */

static guint32
position_of (CjmChecker *self,
             CjmItem    *item)
{
  CjmRec *rec = g_hash_table_lookup (self->check.recs, item);

  if (rec == NULL)
    return G_MAXUINT32;
  return cjm_rules_position (rec);
}

static void
refresh_positions (CjmChecker *self,
                   CjmFinding *finding)
{
  for (guint i = 0; i < finding->n_order; i++)
    finding->positions[i] = position_of (self, finding->order_items[i]);
}

/* Severity (error first), rule id, positions, key, message. Uses the
 * cached positions. */
static int
compare_findings (CjmFinding *a,
                  CjmFinding *b)
{
  CjmSeverity sa = cjm_rule_get_severity (a->rule);
  CjmSeverity sb = cjm_rule_get_severity (b->rule);
  guint n;
  int cmp;

  if (sa != sb)
    return sa > sb ? -1 : 1;
  if (a->rule != b->rule)
    return a->rule < b->rule ? -1 : 1;

  n = MIN (a->n_order, b->n_order);
  for (guint i = 0; i < n; i++)
    if (a->positions[i] != b->positions[i])
      return a->positions[i] < b->positions[i] ? -1 : 1;
  if (a->n_order != b->n_order)
    return a->n_order < b->n_order ? -1 : 1;

  cmp = g_strcmp0 (a->subkey, b->subkey);
  if (cmp != 0)
    return cmp;
  return strcmp (a->message, b->message);
}

static int
compare_findings_ptr (gconstpointer a,
                      gconstpointer b)
{
  return compare_findings (*(CjmFinding * const *) a, *(CjmFinding * const *) b);
}

/* Marking what a change touches */

static void
mark (CjmChecker *self,
      CjmScope   *scope)
{
  if (scope->dirty)
    return;
  scope->dirty = TRUE;
  g_ptr_array_add (self->dirty, scope);
}

static void
mark_recs (CjmChecker *self,
           CjmBucket  *recs)
{
  for (guint i = 0; recs != NULL && i < recs->len; i++)
    mark (self, &((CjmRec *) g_ptr_array_index (recs, i))->scope);
}

static void
mark_interaction (CjmChecker *self,
                  const char *key)
{
  CjmScope *scope;

  if (key == NULL || *key == '\0')
    return;
  scope = g_hash_table_lookup (self->check.interaction_scopes, key);
  if (scope == NULL)
    {
      scope = scope_new (CJM_SCOPE_INTERACTION, key);
      g_hash_table_insert (self->check.interaction_scopes, scope->key, scope);
    }
  mark (self, scope);
}

static void
mark_all_touchpoints (CjmChecker *self)
{
  GPtrArray *items = cjm_document_get_items (self->document, CJM_KIND_TOUCHPOINT);

  for (guint i = 0; i < items->len; i++)
    {
      CjmRec *rec = g_hash_table_lookup (self->check.recs, g_ptr_array_index (items, i));

      if (rec != NULL)
        mark (self, &rec->scope);
    }
}

/* Everything whose findings depend on which items carry this id. */
static void
touch_id (CjmChecker *self,
          const char *id)
{
  CjmCheck *check = &self->check;
  CjmBucket *recs;
  CjmScope *scope;

  if (id == NULL)
    return;

  recs = g_hash_table_lookup (check->ids, id);
  scope = g_hash_table_lookup (check->duplicate_scopes, id);
  if (scope == NULL && recs != NULL && recs->len >= 2)
    {
      scope = scope_new (CJM_SCOPE_DUPLICATES, id);
      g_hash_table_insert (check->duplicate_scopes, scope->key, scope);
    }
  if (scope != NULL)
    mark (self, scope);

  mark_recs (self, recs);
  mark_recs (self, g_hash_table_lookup (check->links_by_end, id));
  mark_recs (self, g_hash_table_lookup (check->opps_by_address, id));
  mark_recs (self, g_hash_table_lookup (check->supps_by_target, id));
}

/* Marks the scopes that depend on the record's current values. */
static void
mark_neighborhood (CjmChecker *self,
                   CjmRec     *rec)
{
  CjmCheck *check = &self->check;

  mark (self, &rec->scope);
  touch_id (self, rec->id);

  switch (rec->kind)
    {
    case CJM_KIND_TOUCHPOINT:
      mark_interaction (self, rec->key);
      if (rec->stage != NULL)
        mark (self, &rec->stage->scope);
      break;

    case CJM_KIND_OPPORTUNITY:
      for (guint i = 0; rec->addresses[i] != NULL; i++)
        mark_recs (self, g_hash_table_lookup (check->ids, rec->addresses[i]));
      break;

    case CJM_KIND_LINK:
      if (rec->from != NULL)
        mark_recs (self, g_hash_table_lookup (check->ids, rec->from));
      break;

    case CJM_KIND_SUPPRESSION:
      self->suppressions_changed = TRUE;
      break;

    case CJM_KIND_MAP:
    case CJM_KIND_PERSONA:
    case CJM_KIND_STAGE:
    case CJM_KIND_LANE:
    case CJM_KIND_NOTE:
    case CJM_KIND_TERM:
    case CJM_N_KINDS:
    default:
      break;
    }
}

static void
renumber (CjmChecker *self,
          CjmKind     kind,
          guint       from,
          guint       to)
{
  GPtrArray *items = cjm_document_get_items (self->document, kind);

  to = MIN (to, items->len == 0 ? 0 : items->len - 1);
  for (guint i = from; i < items->len && i <= to; i++)
    {
      CjmRec *rec = g_hash_table_lookup (self->check.recs, g_ptr_array_index (items, i));

      if (rec != NULL)
        rec->index = i;
    }
}

static void
links_counted (CjmChecker *self,
               guint       before)
{
  if ((before == 0) != (self->check.n_links == 0))
    mark_all_touchpoints (self);
}

static gboolean
kind_is_global (CjmKind kind)
{
  return kind == CJM_KIND_MAP || kind == CJM_KIND_PERSONA || kind == CJM_KIND_STAGE
         || kind == CJM_KIND_LANE || kind == CJM_KIND_TERM;
}

static void
item_changed (CjmChecker *self,
              CjmRec     *rec)
{
  guint links = self->check.n_links;

  mark_neighborhood (self, rec);
  index_remove (&self->check, rec);
  rec_refresh (&self->check, rec);
  index_add (&self->check, rec);
  mark_neighborhood (self, rec);
  links_counted (self, links);
}

static void
item_inserted (CjmChecker *self,
               CjmItem    *item,
               guint       index)
{
  CjmKind kind = cjm_item_get_kind (item);
  guint links = self->check.n_links;
  CjmRec *rec;

  rec = rec_new (&self->check, item, index);
  renumber (self, kind, index, G_MAXUINT);
  index_add (&self->check, rec);
  mark_neighborhood (self, rec);
  links_counted (self, links);
  if (kind == CJM_KIND_TOUCHPOINT)
    self->trend_dirty = TRUE;
}

static void
item_removed (CjmChecker *self,
              CjmItem    *item,
              guint       index)
{
  CjmKind kind = cjm_item_get_kind (item);
  guint links = self->check.n_links;
  CjmRec *rec = g_hash_table_lookup (self->check.recs, item);

  g_return_if_fail (rec != NULL);

  index_remove (&self->check, rec);
  mark_neighborhood (self, rec);
  links_counted (self, links);

  /* Its own findings go with it. */
  if (rec->scope.dirty)
    g_ptr_array_remove (self->dirty, &rec->scope);
  if (rec->scope.findings != NULL)
    g_ptr_array_extend_and_steal (self->dropped, g_steal_pointer (&rec->scope.findings));
  g_hash_table_remove (self->check.recs, item);

  renumber (self, kind, index, G_MAXUINT);
  if (kind == CJM_KIND_TOUCHPOINT)
    self->trend_dirty = TRUE;
}

static void
item_moved (CjmChecker *self,
            CjmItem    *item,
            guint       old_index,
            guint       index)
{
  CjmRec *rec = g_hash_table_lookup (self->check.recs, item);

  g_return_if_fail (rec != NULL);

  /* Findings that order by the item, and everything that resolves an id to
   * the first item carrying it, before and after. */
  mark_neighborhood (self, rec);
  renumber (self, cjm_item_get_kind (item), MIN (old_index, index), MAX (old_index, index));
  mark_neighborhood (self, rec);
  self->reorder = TRUE;
}

/* Returns FALSE when the change needs a full check. */
static gboolean
handle_change (CjmChecker *self,
               CjmChange  *change)
{
  CjmRec *rec;

  switch (change->type)
    {
    case CJM_CHANGE_RELOADED:
      return FALSE;

    case CJM_CHANGE_ITEM_INSERTED:
      if (kind_is_global (change->kind))
        return FALSE;
      item_inserted (self, change->item, change->index);
      return TRUE;

    case CJM_CHANGE_ITEM_REMOVED:
      if (kind_is_global (change->kind))
        return FALSE;
      item_removed (self, change->item, change->index);
      return TRUE;

    case CJM_CHANGE_ITEM_MOVED:
      if (kind_is_global (change->kind))
        return FALSE;
      item_moved (self, change->item, change->old_index, change->index);
      return TRUE;

    case CJM_CHANGE_FIELD:
    case CJM_CHANGE_LIST:
      if (change->kind == CJM_KIND_MAP)
        return change->type != CJM_CHANGE_FIELD || change->field != CJM_FIELD_EMOTION_SPREAD;
      if (change->kind == CJM_KIND_PERSONA)
        return change->type == CJM_CHANGE_FIELD && change->field != CJM_FIELD_ID;
      if (kind_is_global (change->kind))
        return FALSE;

      rec = g_hash_table_lookup (self->check.recs, change->item);
      g_return_val_if_fail (rec != NULL, FALSE);
      item_changed (self, rec);
      if (change->kind == CJM_KIND_TOUCHPOINT && change->type == CJM_CHANGE_FIELD
          && (change->field == CJM_FIELD_STAGE || change->field == CJM_FIELD_LANE
              || change->field == CJM_FIELD_EMOTION))
        self->trend_dirty = TRUE;
      return TRUE;

    default:
      return FALSE;
    }
}

/* Computing scopes */

/* Computes a scope again. Findings equal to old ones keep the old object.
 * removed/added: what leaves and enters the sorted list of all findings. */
static void
recompute (CjmChecker *self,
           CjmScope   *scope,
           GPtrArray  *removed,
           GPtrArray  *added)
{
  g_autoptr(GPtrArray) old = g_steal_pointer (&scope->findings);
  g_autoptr(GPtrArray) fresh = g_ptr_array_new_with_free_func (g_object_unref);
  GPtrArray *kept;
  g_autofree gboolean *matched = NULL;

  if (old == NULL)
    old = g_ptr_array_new_with_free_func (g_object_unref);
  kept = g_ptr_array_new_full (old->len + 4, g_object_unref);
  matched = g_new0 (gboolean, old->len + 1);

  cjm_rules_compute_scope (&self->check, scope, fresh);

  for (guint i = 0; i < fresh->len; i++)
    {
      CjmFinding *finding = g_ptr_array_index (fresh, i);
      CjmFinding *same = NULL;

      for (guint j = 0; j < old->len && same == NULL; j++)
        if (!matched[j] && cjm_finding_same (g_ptr_array_index (old, j), finding))
          {
            matched[j] = TRUE;
            same = g_ptr_array_index (old, j);
          }

      if (same != NULL)
        {
          cjm_finding_set_suppressed (same, finding->suppressed);
          g_ptr_array_add (kept, g_object_ref (same));
          if (self->reorder)
            {
              g_ptr_array_add (removed, g_object_ref (same));
              g_ptr_array_add (added, g_object_ref (same));
            }
        }
      else
        {
          g_ptr_array_add (kept, g_object_ref (finding));
          g_ptr_array_add (added, g_object_ref (finding));
        }
    }

  for (guint j = 0; j < old->len; j++)
    if (!matched[j])
      g_ptr_array_add (removed, g_object_ref (g_ptr_array_index (old, j)));

  scope->findings = kept;
  scope->dirty = FALSE;
}

static gboolean
scope_is_empty (CjmChecker *self,
                CjmScope   *scope)
{
  GHashTable *members = scope->type == CJM_SCOPE_INTERACTION ? self->check.tps_by_key
                        : self->check.ids;

  return (scope->findings == NULL || scope->findings->len == 0)
         && !g_hash_table_contains (members, scope->key);
}

/* Removes the findings in removed from all, and merges those in added
 * (but those of disabled rules). */
static void
patch_all (CjmChecker *self,
           GPtrArray  *removed,
           GPtrArray  *added)
{
  for (guint i = added->len; i > 0; i--)
    if (self->disabled[((CjmFinding *) g_ptr_array_index (added, i - 1))->rule])
      g_ptr_array_remove_index (added, i - 1);

  if (removed->len > 0)
    {
      guint n = 0;

      for (guint i = 0; i < removed->len; i++)
        ((CjmFinding *) g_ptr_array_index (removed, i))->dead = TRUE;
      for (guint i = 0; i < self->all->len; i++)
        {
          CjmFinding *finding = g_ptr_array_index (self->all, i);

          if (finding->dead)
            g_object_unref (finding);
          else
            self->all->pdata[n++] = finding;
        }
      self->all->len = n;
      for (guint i = 0; i < removed->len; i++)
        ((CjmFinding *) g_ptr_array_index (removed, i))->dead = FALSE;
    }

  if (added->len > 0)
    {
      GPtrArray *merged = g_ptr_array_new_full (self->all->len + added->len, g_object_unref);
      guint from = 0;

      for (guint i = 0; i < added->len; i++)
        refresh_positions (self, g_ptr_array_index (added, i));
      g_ptr_array_sort (added, compare_findings_ptr);

      for (guint i = 0; i < added->len; i++)
        {
          CjmFinding *finding = g_ptr_array_index (added, i);
          guint lo = from, hi = self->all->len;

          /* The first finding of all that sorts after this one. */
          while (lo < hi)
            {
              guint mid = lo + (hi - lo) / 2;
              CjmFinding *probe = g_ptr_array_index (self->all, mid);

              refresh_positions (self, probe);
              if (compare_findings (probe, finding) <= 0)
                lo = mid + 1;
              else
                hi = mid;
            }
          for (; from < lo; from++)
            g_ptr_array_add (merged, g_ptr_array_index (self->all, from));
          g_ptr_array_add (merged, g_object_ref (finding));
        }
      for (; from < self->all->len; from++)
        g_ptr_array_add (merged, g_ptr_array_index (self->all, from));

      /* merged took over the references of all */
      g_ptr_array_set_free_func (self->all, NULL);
      g_ptr_array_unref (self->all);
      self->all = merged;
    }
}

/* Brings the list model to the new list of visible findings, one
 * items-changed per run of changed rows. While the signals are emitted the
 * model shows the new rows up to the run and the old ones after it. The
 * rows hold no references: all (and, for the rows that go, the caller)
 * keeps the findings alive. */
static void
update_visible (CjmChecker *self)
{
  GPtrArray *next = g_ptr_array_sized_new (self->all->len);
  GPtrArray *old = self->visible;
  guint n_old = old->len;
  guint prefix = 0, suffix = 0, end_old, end_new, i, j;

  for (guint k = 0; k < self->all->len; k++)
    {
      CjmFinding *finding = g_ptr_array_index (self->all, k);

      if (self->show_suppressed || !finding->suppressed)
        g_ptr_array_add (next, finding);
    }

  while (prefix < old->len && prefix < next->len && old->pdata[prefix] == next->pdata[prefix])
    prefix++;
  if (prefix == old->len && prefix == next->len)
    {
      g_ptr_array_unref (next);
      return;
    }
  while (suffix < old->len - prefix && suffix < next->len - prefix
         && old->pdata[old->len - 1 - suffix] == next->pdata[next->len - 1 - suffix])
    suffix++;
  end_old = old->len - suffix;
  end_new = next->len - suffix;

  for (guint k = prefix; k < end_old; k++)
    {
      CjmFinding *finding = g_ptr_array_index (old, k);

      finding->in_old = TRUE;
      finding->old_index = k;
    }
  for (guint k = prefix; k < end_new; k++)
    {
      CjmFinding *finding = g_ptr_array_index (next, k);

      finding->in_new = TRUE;
      finding->new_index = k;
    }

  self->visible = next;
  self->diff_before = old;
  i = j = prefix;
  while (i < end_old || j < end_new)
    {
      guint position = j, n_removed = 0;

      if (i < end_old && j < end_new && old->pdata[i] == next->pdata[j])
        {
          i++;
          j++;
          continue;
        }

      for (;;)
        {
          CjmFinding *o = i < end_old ? g_ptr_array_index (old, i) : NULL;
          CjmFinding *n = j < end_new ? g_ptr_array_index (next, j) : NULL;

          if (o != NULL && (!o->in_new || o->new_index < j))
            {
              /* gone, or already shown earlier */
              n_removed++;
              i++;
            }
          else if (n != NULL && (!n->in_old || n->old_index < i))
            /* new, or already taken out earlier */
            j++;
          else if (o != NULL && n != NULL && o != n)
            {
              /* both stay but their order changed */
              n_removed++;
              i++;
            }
          else
            break;
        }

      self->diff_i = i;
      self->diff_j = j;
      g_list_model_items_changed (G_LIST_MODEL (self), position, n_removed, j - position);
    }

  for (guint k = prefix; k < end_old; k++)
    ((CjmFinding *) g_ptr_array_index (old, k))->in_old = FALSE;
  for (guint k = prefix; k < end_new; k++)
    ((CjmFinding *) g_ptr_array_index (next, k))->in_new = FALSE;
  self->diff_before = NULL;
  g_ptr_array_unref (old);

  if (n_old != next->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
add_scope_findings (CjmChecker *self,
                    GPtrArray  *out,
                    CjmScope   *scope)
{
  for (guint i = 0; scope->findings != NULL && i < scope->findings->len; i++)
    {
      CjmFinding *finding = g_ptr_array_index (scope->findings, i);

      if (!self->disabled[finding->rule])
        g_ptr_array_add (out, g_object_ref (finding));
    }
}

/* Checks everything again. Findings equal to old ones keep their objects.
 * Returns the old list, to keep its findings alive until the model has
 * moved on. */
static GPtrArray *
rebuild (CjmChecker *self)
{
  CjmCheck *check = &self->check;
  g_autoptr(GHashTable) reuse = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                       (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) old_all = g_steal_pointer (&self->all);
  g_autoptr(GPtrArray) scopes = g_ptr_array_new ();
  g_autoptr(GPtrArray) scratch = g_ptr_array_new ();   /* no free func */
  GPtrArray *all;
  GHashTableIter iter;
  gpointer key, value;

  check_clear (check);
  check_init (check, self->document);
  check_build (check);
  g_ptr_array_set_size (self->dirty, 0);
  g_ptr_array_set_size (self->dropped, 0);

  for (guint i = 0; i < old_all->len; i++)
    {
      CjmFinding *finding = g_ptr_array_index (old_all, i);
      GPtrArray *same = g_hash_table_lookup (reuse, finding->message);

      if (same == NULL)
        {
          same = g_ptr_array_new ();
          g_hash_table_insert (reuse, finding->message, same);
        }
      g_ptr_array_add (same, finding);
    }

  /* The trend first: D01 needs the last stage with a touchpoint. */
  g_ptr_array_add (scopes, &check->trend);
  for (CjmKind kind = CJM_KIND_PERSONA; kind < CJM_N_KINDS; kind++)
    {
      GPtrArray *items = cjm_document_get_items (self->document, kind);

      if (kind == CJM_KIND_TERM)
        continue;
      for (guint i = 0; i < items->len; i++)
        g_ptr_array_add (scopes,
                         &((CjmRec *) g_hash_table_lookup (check->recs,
                                                           g_ptr_array_index (items, i)))->scope);
    }
  g_hash_table_iter_init (&iter, check->tps_by_key);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      CjmScope *scope = scope_new (CJM_SCOPE_INTERACTION, key);

      g_hash_table_insert (check->interaction_scopes, scope->key, scope);
      g_ptr_array_add (scopes, scope);
    }
  g_hash_table_iter_init (&iter, check->ids);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      CjmScope *scope;

      if (((CjmBucket *) value)->len < 2)
        continue;
      scope = scope_new (CJM_SCOPE_DUPLICATES, key);
      g_hash_table_insert (check->duplicate_scopes, scope->key, scope);
      g_ptr_array_add (scopes, scope);
    }

  all = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint s = 0; s < scopes->len; s++)
    {
      CjmScope *scope = g_ptr_array_index (scopes, s);

      cjm_rules_compute_scope (check, scope, scratch);
      if (scratch->len == 0)
        continue;
      /* the scope owns the new findings */
      scope->findings = g_ptr_array_new_full (scratch->len, g_object_unref);
      g_ptr_array_extend (scope->findings, scratch, NULL, NULL);
      g_ptr_array_set_size (scratch, 0);
      for (guint i = 0; i < scope->findings->len; i++)
        {
          CjmFinding *finding = g_ptr_array_index (scope->findings, i);
          GPtrArray *same;

          /* A first check has nothing to reuse: do not hash its messages. */
          if (old_all->len == 0)
            break;
          same = g_hash_table_lookup (reuse, finding->message);

          for (guint k = 0; same != NULL && k < same->len; k++)
            {
              CjmFinding *old = g_ptr_array_index (same, k);

              if (cjm_finding_same (old, finding))
                {
                  cjm_finding_set_suppressed (old, finding->suppressed);
                  memcpy (old->positions, finding->positions, old->n_order * sizeof (guint32));
                  scope->findings->pdata[i] = g_object_ref (old);
                  g_object_unref (finding);
                  g_ptr_array_remove_index_fast (same, k);
                  break;
                }
            }
        }
      add_scope_findings (self, all, scope);
    }

  /* Positions were set when the findings were made, and reused ones are
   * the same as their new equals. */
  g_ptr_array_sort (all, compare_findings_ptr);
  self->all = all;
  self->built = TRUE;
  return g_steal_pointer (&old_all);
}

/* Computes the marked scopes and updates the model. */
static void
flush (CjmChecker *self)
{
  g_autoptr(GPtrArray) removed = NULL;
  g_autoptr(GPtrArray) added = NULL;
  CjmCheck *check = &self->check;

  if (self->full || !self->built)
    {
      g_autoptr(GPtrArray) old_all = NULL;

      self->full = self->reorder = self->trend_dirty = self->suppressions_changed = FALSE;
      old_all = rebuild (self);
      g_clear_pointer (&self->by_target, g_hash_table_unref);
      update_visible (self);
      return;
    }

  removed = g_ptr_array_new_with_free_func (g_object_unref);
  added = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_extend_and_steal (removed, g_steal_pointer (&self->dropped));
  self->dropped = g_ptr_array_new_with_free_func (g_object_unref);

  if (self->trend_dirty)
    {
      int last_stage = check->last_stage;

      if (check->trend.dirty)
        g_ptr_array_remove (self->dirty, &check->trend);
      recompute (self, &check->trend, removed, added);
      if (last_stage != check->last_stage)
        mark_all_touchpoints (self);
    }

  for (guint i = 0; i < self->dirty->len; i++)
    recompute (self, g_ptr_array_index (self->dirty, i), removed, added);

  for (guint i = 0; i < self->dirty->len; i++)
    {
      CjmScope *scope = g_ptr_array_index (self->dirty, i);

      if (scope->type == CJM_SCOPE_INTERACTION && scope_is_empty (self, scope))
        g_hash_table_remove (check->interaction_scopes, scope->key);
      else if (scope->type == CJM_SCOPE_DUPLICATES && scope_is_empty (self, scope))
        g_hash_table_remove (check->duplicate_scopes, scope->key);
    }
  g_ptr_array_set_size (self->dirty, 0);

  if (self->suppressions_changed)
    for (guint i = 0; i < self->all->len; i++)
      {
        CjmFinding *finding = g_ptr_array_index (self->all, i);

        cjm_finding_set_suppressed (finding, cjm_rules_is_suppressed (check, finding));
      }

  self->reorder = self->trend_dirty = self->suppressions_changed = FALSE;
  patch_all (self, removed, added);
  g_clear_pointer (&self->by_target, g_hash_table_unref);
  update_visible (self);
}

/* Callbacks */

static void
on_document_changed (CjmDocument *document,
                     CjmChange   *change,
                     CjmChecker  *self)
{
  if (!self->full && !handle_change (self, change))
    self->full = TRUE;
  flush (self);
}

/* GListModel */

static GType
cjm_checker_get_item_type (GListModel *model)
{
  return CJM_TYPE_FINDING;
}

static guint
cjm_checker_get_n_items (GListModel *model)
{
  CjmChecker *self = CJM_CHECKER (model);

  if (self->diff_before != NULL)
    return self->diff_j + (self->diff_before->len - self->diff_i);
  return self->visible->len;
}

static gpointer
cjm_checker_get_item (GListModel *model,
                      guint       position)
{
  CjmChecker *self = CJM_CHECKER (model);

  if (position >= cjm_checker_get_n_items (model))
    return NULL;
  if (self->diff_before != NULL && position >= self->diff_j)
    return g_object_ref (g_ptr_array_index (self->diff_before,
                                            self->diff_i + position - self->diff_j));
  return g_object_ref (g_ptr_array_index (self->visible, position));
}

static void
cjm_checker_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = cjm_checker_get_item_type;
  iface->get_n_items = cjm_checker_get_n_items;
  iface->get_item = cjm_checker_get_item;
}

/* GObject */

static void
cjm_checker_constructed (GObject *object)
{
  CjmChecker *self = CJM_CHECKER (object);

  G_OBJECT_CLASS (cjm_checker_parent_class)->constructed (object);

  g_return_if_fail (CJM_IS_DOCUMENT (self->document));

  check_init (&self->check, self->document);
  g_signal_connect_object (self->document, "changed",
                           G_CALLBACK (on_document_changed), self, 0);
  flush (self);
}

static void
cjm_checker_dispose (GObject *object)
{
  CjmChecker *self = CJM_CHECKER (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (cjm_checker_parent_class)->dispose (object);
}

static void
cjm_checker_finalize (GObject *object)
{
  CjmChecker *self = CJM_CHECKER (object);

  if (self->check.recs != NULL)
    check_clear (&self->check);
  g_clear_pointer (&self->all, g_ptr_array_unref);
  g_clear_pointer (&self->visible, g_ptr_array_unref);
  g_clear_pointer (&self->by_target, g_hash_table_unref);
  g_clear_pointer (&self->dirty, g_ptr_array_unref);
  g_clear_pointer (&self->dropped, g_ptr_array_unref);

  G_OBJECT_CLASS (cjm_checker_parent_class)->finalize (object);
}

static void
cjm_checker_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CjmChecker *self = CJM_CHECKER (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_SHOW_SUPPRESSED:
      g_value_set_boolean (value, self->show_suppressed);
      break;
    case PROP_DISABLED_RULES:
      g_value_take_boxed (value, cjm_checker_dup_disabled_rules (self));
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->visible->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cjm_checker_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CjmChecker *self = CJM_CHECKER (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;
    case PROP_LABELS:
      self->check.labels = g_value_get_pointer (value);
      break;
    case PROP_SHOW_SUPPRESSED:
      cjm_checker_set_show_suppressed (self, g_value_get_boolean (value));
      break;
    case PROP_DISABLED_RULES:
      cjm_checker_set_disabled_rules (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cjm_checker_class_init (CjmCheckerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = cjm_checker_constructed;
  object_class->dispose = cjm_checker_dispose;
  object_class->finalize = cjm_checker_finalize;
  object_class->get_property = cjm_checker_get_property;
  object_class->set_property = cjm_checker_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, CJM_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The language of the messages (a CjmLabels; NULL: the user's). */
  properties[PROP_LABELS] =
    g_param_spec_pointer ("labels", NULL, NULL,
                          G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_SUPPRESSED] =
    g_param_spec_boolean ("show-suppressed", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The ids of the rules whose findings are left out ("CJM-R01" or
   * "R01"; unknown ids are ignored). */
  properties[PROP_DISABLED_RULES] =
    g_param_spec_boxed ("disabled-rules", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY
                        | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cjm_checker_init (CjmChecker *self)
{
  self->all = g_ptr_array_new_with_free_func (g_object_unref);
  self->visible = g_ptr_array_new ();
  self->dirty = g_ptr_array_new ();
  self->dropped = g_ptr_array_new_with_free_func (g_object_unref);
}

/* Public API */

CjmChecker *
cjm_checker_new (CjmDocument *document)
{
  g_return_val_if_fail (CJM_IS_DOCUMENT (document), NULL);

  return g_object_new (CJM_TYPE_CHECKER, "document", document, NULL);
}

CjmDocument *
cjm_checker_get_document (CjmChecker *self)
{
  g_return_val_if_fail (CJM_IS_CHECKER (self), NULL);
  return self->document;
}

GPtrArray *
cjm_checker_get_all (CjmChecker *self)
{
  g_return_val_if_fail (CJM_IS_CHECKER (self), NULL);
  return self->all;
}

GPtrArray *
cjm_checker_find_for_target (CjmChecker *self,
                             const char *id)
{
  GPtrArray *found;

  g_return_val_if_fail (CJM_IS_CHECKER (self), NULL);

  if (self->by_target == NULL)
    {
      self->by_target = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify) g_ptr_array_unref);
      for (guint i = 0; i < self->visible->len; i++)
        {
          CjmFinding *finding = g_ptr_array_index (self->visible, i);

          if (finding->suppressed)
            continue;
          for (guint t = 0; finding->targets[t] != NULL; t++)
            {
              GPtrArray *list = g_hash_table_lookup (self->by_target, finding->targets[t]);

              if (list == NULL)
                {
                  list = g_ptr_array_new ();
                  g_hash_table_insert (self->by_target, g_strdup (finding->targets[t]), list);
                }
              g_ptr_array_add (list, finding);
            }
        }
    }

  found = g_ptr_array_new_with_free_func (g_object_unref);
  if (id != NULL)
    {
      GPtrArray *list = g_hash_table_lookup (self->by_target, id);

      for (guint i = 0; list != NULL && i < list->len; i++)
        g_ptr_array_add (found, g_object_ref (g_ptr_array_index (list, i)));
    }
  return found;
}

GPtrArray *
cjm_check_document (CjmDocument *document)
{
  return cjm_check_document_with_labels (document, NULL);
}

GPtrArray *
cjm_check_document_with_labels (CjmDocument *document,
                                CjmLabels   *labels)
{
  return cjm_check_document_full (document, labels, NULL);
}

GPtrArray *
cjm_check_document_full (CjmDocument        *document,
                         CjmLabels          *labels,
                         const char * const *disabled_rules)
{
  g_autoptr(CjmChecker) checker = NULL;
  GPtrArray *findings;

  g_return_val_if_fail (CJM_IS_DOCUMENT (document), NULL);

  checker = g_object_new (CJM_TYPE_CHECKER, "document", document, "labels", labels,
                          "disabled-rules", disabled_rules, NULL);
  /* The checker goes away: take its list (it holds a reference to each
   * finding) rather than copy it. */
  findings = g_steal_pointer (&checker->all);
  return findings;
}

void
cjm_checker_set_show_suppressed (CjmChecker *self,
                                 gboolean    show_suppressed)
{
  g_return_if_fail (CJM_IS_CHECKER (self));

  show_suppressed = !!show_suppressed;
  if (self->show_suppressed == show_suppressed)
    return;
  self->show_suppressed = show_suppressed;
  g_clear_pointer (&self->by_target, g_hash_table_unref);
  if (self->built)
    update_visible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_SUPPRESSED]);
}

gboolean
cjm_checker_get_show_suppressed (CjmChecker *self)
{
  g_return_val_if_fail (CJM_IS_CHECKER (self), FALSE);
  return self->show_suppressed;
}

void
cjm_checker_set_disabled_rules (CjmChecker         *self,
                                const char * const *rules)
{
  gboolean disabled[CJM_N_RULES] = { FALSE, };

  g_return_if_fail (CJM_IS_CHECKER (self));

  for (guint i = 0; rules != NULL && rules[i] != NULL; i++)
    {
      const char *id = cjm_rule_id_canonicalize (rules[i]);

      if (id != NULL)
        disabled[cjm_rule_from_id (id)] = TRUE;
    }
  if (memcmp (disabled, self->disabled, sizeof disabled) == 0)
    return;
  memcpy (self->disabled, disabled, sizeof disabled);
  /* Before the first check (a construct property) there is nothing to
   * redo; after it, every scope's findings are merged again. */
  if (self->built)
    {
      self->full = TRUE;
      flush (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISABLED_RULES]);
}

GStrv
cjm_checker_dup_disabled_rules (CjmChecker *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (CJM_IS_CHECKER (self), NULL);

  for (guint r = 0; r < CJM_N_RULES; r++)
    if (self->disabled[r])
      g_strv_builder_add (builder, cjm_rule_get_id (r));
  return g_strv_builder_end (builder);
}

GPtrArray *
cjm_checker_dup_suppressed (CjmChecker *self)
{
  GPtrArray *hidden;

  g_return_val_if_fail (CJM_IS_CHECKER (self), NULL);

  hidden = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->all->len; i++)
    {
      CjmFinding *finding = g_ptr_array_index (self->all, i);

      if (finding->suppressed)
        g_ptr_array_add (hidden, g_object_ref (finding));
    }
  return hidden;
}

void
cjm_checker_suppress (CjmChecker *self,
                      CjmFinding *finding,
                      const char *reason)
{
  g_autoptr(CjmItem) item = NULL;

  g_return_if_fail (CJM_IS_CHECKER (self));
  g_return_if_fail (CJM_IS_FINDING (finding));
  g_return_if_fail (finding->targets[0] != NULL);

  item = cjm_item_new (CJM_KIND_SUPPRESSION);
  cjm_item_set_initial_field (item, CJM_FIELD_RULE, cjm_finding_get_rule (finding));
  cjm_item_set_initial_field (item, CJM_FIELD_TARGET, finding->targets[0]);
  if (reason != NULL && *reason != '\0')
    cjm_item_set_initial_field (item, CJM_FIELD_TEXT, reason);

  cjm_document_begin_group (self->document, _("Suppress Finding"));
  cjm_document_insert_item (self->document, item, -1);
  cjm_document_end_group (self->document);
}

void
cjm_checker_unsuppress (CjmChecker *self,
                        CjmFinding *finding)
{
  GPtrArray *items;
  g_autoptr(GPtrArray) doomed = g_ptr_array_new ();

  g_return_if_fail (CJM_IS_CHECKER (self));
  g_return_if_fail (CJM_IS_FINDING (finding));

  items = cjm_document_get_items (self->document, CJM_KIND_SUPPRESSION);
  for (guint i = 0; i < items->len; i++)
    {
      CjmItem *item = g_ptr_array_index (items, i);

      for (guint t = 0; finding->targets[t] != NULL; t++)
        {
          g_autofree char *wanted = cjm_rules_suppression_key (cjm_finding_get_rule (finding),
                                                               finding->targets[t]);
          g_autofree char *key = cjm_rules_suppression_key (cjm_item_get_field (item, CJM_FIELD_RULE),
                                                            cjm_item_get_field (item, CJM_FIELD_TARGET));

          if (key != NULL && g_strcmp0 (key, wanted) == 0)
            {
              g_ptr_array_add (doomed, item);
              break;
            }
        }
    }
  if (doomed->len == 0)
    return;

  cjm_document_begin_group (self->document, _("Restore Finding"));
  for (guint i = 0; i < doomed->len; i++)
    cjm_document_remove_item (self->document, g_ptr_array_index (doomed, i));
  cjm_document_end_group (self->document);
}
