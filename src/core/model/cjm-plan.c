/* cjm-plan.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-model"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cjm-labels.h"
#include "cjm-plan.h"

static const char * const status_words[] = {
  [CJM_STATUS_IDEA] = "idea",
  [CJM_STATUS_PLANNED] = "planned",
  [CJM_STATUS_IN_PROGRESS] = "in-progress",
  [CJM_STATUS_DONE] = "done",
  [CJM_STATUS_DROPPED] = "dropped",
};

static const char * const horizon_words[] = {
  [CJM_HORIZON_NOW] = "now",
  [CJM_HORIZON_NEXT] = "next",
  [CJM_HORIZON_LATER] = "later",
  [CJM_HORIZON_NONE] = NULL,
};

static const char * const quadrant_words[] = {
  [CJM_QUADRANT_QUICK_WIN] = "quick-win",
  [CJM_QUADRANT_BIG_BET] = "big-bet",
  [CJM_QUADRANT_FILL_IN] = "fill-in",
  [CJM_QUADRANT_MONEY_PIT] = "money-pit",
  [CJM_QUADRANT_UNSCORED] = "unscored",
};

/* Static helpers */

/* The text without ASCII white space around it, in buf (size bytes), or
 * NULL when it does not fit or is empty. */
static const char *
trim_into (const char *text,
           char       *buf,
           gsize       size)
{
  const char *end;

  if (text == NULL)
    return NULL;
  while (g_ascii_isspace (*text))
    text++;
  end = text + strlen (text);
  while (end > text && g_ascii_isspace (end[-1]))
    end--;
  if (end == text || (gsize) (end - text) >= size)
    return NULL;
  memcpy (buf, text, end - text);
  buf[end - text] = '\0';
  return buf;
}

static gboolean
word_lookup (const char         *text,
             const char * const *words,
             guint               n_words,
             guint              *index)
{
  char buf[32];
  const char *word = trim_into (text, buf, sizeof buf);

  if (word == NULL)
    return FALSE;
  for (guint i = 0; i < n_words; i++)
    if (words[i] != NULL && strcmp (word, words[i]) == 0)
      {
        *index = i;
        return TRUE;
      }
  return FALSE;
}

/* Trimmed, white space collapsed; NULL for NULL or blank text. */
static char *
tidy (const char *text)
{
  char *tidied = cjm_collapse_space (text);

  if (*tidied == '\0')
    g_clear_pointer (&tidied, g_free);
  return tidied;
}

/* 1..5 as cjm_item_get_int_field() reads it, 0 otherwise. */
static int
one_to_five (const char *text)
{
  const char *start = text, *end;
  g_autofree char *word = NULL;
  gint64 value;
  char *stop = NULL;

  if (text == NULL)
    return 0;
  while (g_ascii_isspace (*start))
    start++;
  end = start + strlen (start);
  while (end > start && g_ascii_isspace (end[-1]))
    end--;
  if (end == start)
    return 0;
  word = g_strndup (start, end - start);
  value = g_ascii_strtoll (word, &stop, 10);
  if (stop == word || *stop != '\0' || value < 1 || value > 5)
    return 0;
  return (int) value;
}

static gboolean
addresses_card (CjmDocument *document,
                const char  *id)
{
  CjmItem *item = cjm_document_lookup (document, id);

  if (item == NULL)
    return FALSE;
  if (cjm_item_get_kind (item) == CJM_KIND_TOUCHPOINT || cjm_item_get_kind (item) == CJM_KIND_NOTE)
    return TRUE;

  /* Another kind of item took the id first: a card may still carry it. */
  for (CjmKind kind = CJM_KIND_TOUCHPOINT; kind <= CJM_KIND_NOTE; kind++)
    {
      GPtrArray *items = cjm_document_get_items (document, kind);

      for (guint i = 0; i < items->len; i++)
        if (g_strcmp0 (cjm_item_get_id (g_ptr_array_index (items, i)), id) == 0)
          return TRUE;
    }
  return FALSE;
}

static guint
count_reach (CjmDocument *document,
             CjmItem     *opportunity)
{
  g_auto(GStrv) ids = cjm_item_dup_id_list (opportunity, CJM_FIELD_ADDRESSES);
  guint reach = 0;

  for (guint i = 0; ids[i] != NULL; i++)
    {
      gboolean repeated = FALSE;

      for (guint j = 0; j < i && !repeated; j++)
        repeated = strcmp (ids[i], ids[j]) == 0;
      if (!repeated && addresses_card (document, ids[i]))
        reach++;
    }
  return reach;
}

static void
plan_score_free (gpointer data)
{
  CjmPlanScore *score = data;

  g_free (score->role);
  g_free (score);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  return cjm_plan_entry_compare (*(CjmPlanEntry * const *) a, *(CjmPlanEntry * const *) b);
}

static CjmPlanEntry *
entry_new (CjmDocument *document,
           CjmItem     *opportunity,
           guint        index)
{
  CjmPlanEntry *entry;
  GPtrArray *scores;

  entry = g_new0 (CjmPlanEntry, 1);
  entry->item = g_object_ref (opportunity);
  entry->index = index;
  entry->id = cjm_item_get_id (opportunity);
  entry->title = cjm_item_get_field (opportunity, CJM_FIELD_TITLE);
  entry->stage = cjm_item_get_field (opportunity, CJM_FIELD_STAGE);
  entry->owner = tidy (cjm_item_get_field (opportunity, CJM_FIELD_OWNER));
  entry->status = cjm_plan_get_status (opportunity);
  entry->horizon = cjm_plan_get_horizon (opportunity);
  if (cjm_plan_parse_date (cjm_item_get_field (opportunity, CJM_FIELD_DUE), NULL))
    entry->due = g_strstrip (g_strdup (cjm_item_get_field (opportunity, CJM_FIELD_DUE)));
  entry->impact = cjm_item_get_int_field (opportunity, CJM_FIELD_IMPACT, 1, 5, 0);
  entry->effort = cjm_item_get_int_field (opportunity, CJM_FIELD_EFFORT, 1, 5, 0);
  entry->quadrant = cjm_quadrant_for (entry->impact, entry->effort);
  entry->reach = count_reach (document, opportunity);
  entry->open = cjm_status_is_open (entry->status);

  scores = cjm_item_get_list (opportunity, CJM_LIST_SCORES);
  entry->scores = g_ptr_array_new_full (scores->len, plan_score_free);
  for (guint i = 0; i < scores->len; i++)
    {
      CjmScore *score = g_ptr_array_index (scores, i);
      CjmPlanScore *shown = g_new0 (CjmPlanScore, 1);

      shown->role = tidy (score->role);
      shown->impact = one_to_five (score->impact);
      shown->effort = one_to_five (score->effort);
      shown->comment = score->text;
      g_ptr_array_add (entry->scores, shown);
    }
  cjm_plan_score_spread (scores, &entry->spread, NULL);

  return entry;
}

/* Public API */

const char *
cjm_status_to_string (CjmStatus status)
{
  g_return_val_if_fail (status <= CJM_STATUS_DROPPED, NULL);
  return status_words[status];
}

gboolean
cjm_status_from_string (const char *text,
                        CjmStatus  *status)
{
  guint index;

  g_return_val_if_fail (status != NULL, FALSE);

  if (!word_lookup (text, status_words, G_N_ELEMENTS (status_words), &index))
    return FALSE;
  *status = index;
  return TRUE;
}

const char *
cjm_horizon_to_string (CjmHorizon horizon)
{
  g_return_val_if_fail (horizon <= CJM_HORIZON_NONE, NULL);
  return horizon_words[horizon];
}

gboolean
cjm_horizon_from_string (const char *text,
                         CjmHorizon *horizon)
{
  guint index;

  g_return_val_if_fail (horizon != NULL, FALSE);

  if (!word_lookup (text, horizon_words, G_N_ELEMENTS (horizon_words), &index))
    return FALSE;
  *horizon = index;
  return TRUE;
}

const char *
cjm_quadrant_to_string (CjmQuadrant quadrant)
{
  g_return_val_if_fail (quadrant <= CJM_QUADRANT_UNSCORED, NULL);
  return quadrant_words[quadrant];
}

const char *
cjm_status_get_label (CjmStatus status)
{
  return cjm_status_get_label_for (status, NULL);
}

const char *
cjm_status_get_label_for (CjmStatus  status,
                          CjmLabels *labels)
{
  switch (status)
    {
    case CJM_STATUS_IDEA:
      return cjm_labels_pgettext (labels, "opportunity status", "Idea");
    case CJM_STATUS_PLANNED:
      return cjm_labels_pgettext (labels, "opportunity status", "Planned");
    case CJM_STATUS_IN_PROGRESS:
      return cjm_labels_pgettext (labels, "opportunity status", "In progress");
    case CJM_STATUS_DONE:
      return cjm_labels_pgettext (labels, "opportunity status", "Done");
    case CJM_STATUS_DROPPED:
      return cjm_labels_pgettext (labels, "opportunity status", "Dropped");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
cjm_horizon_get_label (CjmHorizon horizon)
{
  return cjm_horizon_get_label_for (horizon, NULL);
}

const char *
cjm_horizon_get_label_for (CjmHorizon  horizon,
                           CjmLabels  *labels)
{
  switch (horizon)
    {
    case CJM_HORIZON_NOW:
      return cjm_labels_pgettext (labels, "horizon", "Now");
    case CJM_HORIZON_NEXT:
      return cjm_labels_pgettext (labels, "horizon", "Next");
    case CJM_HORIZON_LATER:
      return cjm_labels_pgettext (labels, "horizon", "Later");
    case CJM_HORIZON_NONE:
      return cjm_labels_pgettext (labels, "horizon", "Not scheduled");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
cjm_quadrant_get_label (CjmQuadrant quadrant)
{
  return cjm_quadrant_get_label_for (quadrant, NULL);
}

const char *
cjm_quadrant_get_label_for (CjmQuadrant  quadrant,
                            CjmLabels   *labels)
{
  switch (quadrant)
    {
    case CJM_QUADRANT_QUICK_WIN:
      return cjm_labels_pgettext (labels, "quadrant", "Quick win");
    case CJM_QUADRANT_BIG_BET:
      return cjm_labels_pgettext (labels, "quadrant", "Big bet");
    case CJM_QUADRANT_FILL_IN:
      return cjm_labels_pgettext (labels, "quadrant", "Fill-in");
    case CJM_QUADRANT_MONEY_PIT:
      return cjm_labels_pgettext (labels, "quadrant", "Money pit");
    case CJM_QUADRANT_UNSCORED:
      return cjm_labels_pgettext (labels, "quadrant", "Unscored");
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
cjm_plan_parse_date (const char *text,
                     GDate      *date)
{
  char buf[16];
  const char *word = trim_into (text, buf, sizeof buf);
  guint year, month, day;

  if (word == NULL || strlen (word) != 10 || word[4] != '-' || word[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (word[i]))
      return FALSE;

  year = (word[0] - '0') * 1000 + (word[1] - '0') * 100 + (word[2] - '0') * 10 + (word[3] - '0');
  month = (word[5] - '0') * 10 + (word[6] - '0');
  day = (word[8] - '0') * 10 + (word[9] - '0');
  if (!g_date_valid_dmy (day, month, year))
    return FALSE;
  if (date != NULL)
    g_date_set_dmy (date, day, month, year);
  return TRUE;
}

CjmQuadrant
cjm_quadrant_for (int impact,
                  int effort)
{
  gboolean high_impact, low_effort;

  if (impact < 1 || impact > 5 || effort < 1 || effort > 5)
    return CJM_QUADRANT_UNSCORED;

  high_impact = impact >= 4;
  low_effort = effort <= 2;
  if (high_impact)
    return low_effort ? CJM_QUADRANT_QUICK_WIN : CJM_QUADRANT_BIG_BET;
  return low_effort ? CJM_QUADRANT_FILL_IN : CJM_QUADRANT_MONEY_PIT;
}

gboolean
cjm_status_is_open (CjmStatus status)
{
  return status == CJM_STATUS_IDEA || status == CJM_STATUS_PLANNED
         || status == CJM_STATUS_IN_PROGRESS;
}

CjmStatus
cjm_plan_get_status (CjmItem *opportunity)
{
  CjmStatus status = CJM_STATUS_IDEA;

  g_return_val_if_fail (CJM_IS_ITEM (opportunity), CJM_STATUS_IDEA);

  if (!cjm_status_from_string (cjm_item_get_field (opportunity, CJM_FIELD_STATUS), &status))
    return CJM_STATUS_IDEA;
  return status;
}

CjmHorizon
cjm_plan_get_horizon (CjmItem *opportunity)
{
  CjmHorizon horizon = CJM_HORIZON_NONE;

  g_return_val_if_fail (CJM_IS_ITEM (opportunity), CJM_HORIZON_NONE);

  if (!cjm_horizon_from_string (cjm_item_get_field (opportunity, CJM_FIELD_HORIZON), &horizon))
    return CJM_HORIZON_NONE;
  return horizon;
}

void
cjm_plan_score_spread (GPtrArray      *scores,
                       CjmScoreSpread *spread,
                       GPtrArray      *counted)
{
  g_autoptr(GPtrArray) roles = g_ptr_array_new_with_free_func (g_free);

  g_return_if_fail (spread != NULL);

  memset (spread, 0, sizeof *spread);
  for (guint i = 0; scores != NULL && i < scores->len; i++)
    {
      CjmScore *score = g_ptr_array_index (scores, i);
      char *role = cjm_normalize (score->role);
      int impact, effort;

      if (*role == '\0' || g_ptr_array_find_with_equal_func (roles, role, g_str_equal, NULL))
        {
          g_free (role);
          continue;
        }
      g_ptr_array_add (roles, role);
      if (counted != NULL)
        g_ptr_array_add (counted, score);
      spread->n_roles++;

      impact = one_to_five (score->impact);
      effort = one_to_five (score->effort);
      if (impact != 0)
        {
          spread->impact_min = spread->impact_min == 0 ? impact : MIN (spread->impact_min, impact);
          spread->impact_max = MAX (spread->impact_max, impact);
        }
      if (effort != 0)
        {
          spread->effort_min = spread->effort_min == 0 ? effort : MIN (spread->effort_min, effort);
          spread->effort_max = MAX (spread->effort_max, effort);
        }
    }
  spread->disputed = spread->impact_max - spread->impact_min >= 2
                     || spread->effort_max - spread->effort_min >= 2;
}

CjmPlanEntry *
cjm_plan_entry_new (CjmDocument *document,
                    CjmItem     *opportunity)
{
  int index;

  g_return_val_if_fail (CJM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (CJM_IS_ITEM (opportunity), NULL);
  g_return_val_if_fail (cjm_item_get_kind (opportunity) == CJM_KIND_OPPORTUNITY, NULL);

  index = cjm_document_index_of (document, opportunity);
  g_return_val_if_fail (index >= 0, NULL);
  return entry_new (document, opportunity, index);
}

void
cjm_plan_entry_free (CjmPlanEntry *entry)
{
  if (entry == NULL)
    return;
  g_clear_object (&entry->item);
  g_free (entry->owner);
  g_free (entry->due);
  g_clear_pointer (&entry->scores, g_ptr_array_unref);
  g_free (entry);
}

int
cjm_plan_entry_compare (const CjmPlanEntry *a,
                        const CjmPlanEntry *b)
{
  int impact_a, impact_b, effort_a, effort_b;

  g_return_val_if_fail (a != NULL && b != NULL, 0);

  if (a->open != b->open)
    return a->open ? -1 : 1;
  if (!a->open)
    return a->index < b->index ? -1 : a->index > b->index;

  if (a->horizon != b->horizon)
    return a->horizon < b->horizon ? -1 : 1;
  if (a->quadrant != b->quadrant)
    return a->quadrant < b->quadrant ? -1 : 1;

  /* an absent impact after 1, an absent effort after 5 */
  impact_a = a->impact;
  impact_b = b->impact;
  if (impact_a != impact_b)
    return impact_a > impact_b ? -1 : 1;
  effort_a = a->effort != 0 ? a->effort : 6;
  effort_b = b->effort != 0 ? b->effort : 6;
  if (effort_a != effort_b)
    return effort_a < effort_b ? -1 : 1;

  if (a->reach != b->reach)
    return a->reach > b->reach ? -1 : 1;
  return a->index < b->index ? -1 : a->index > b->index;
}

GPtrArray *
cjm_plan_new (CjmDocument *document)
{
  GPtrArray *opportunities;
  GPtrArray *plan;

  g_return_val_if_fail (CJM_IS_DOCUMENT (document), NULL);

  opportunities = cjm_document_get_items (document, CJM_KIND_OPPORTUNITY);
  plan = g_ptr_array_new_full (opportunities->len, (GDestroyNotify) cjm_plan_entry_free);
  for (guint i = 0; i < opportunities->len; i++)
    g_ptr_array_add (plan, entry_new (document, g_ptr_array_index (opportunities, i), i));
  g_ptr_array_sort (plan, compare_entries);
  return plan;
}

char *
cjm_plan_entry_dup_title (const CjmPlanEntry *entry,
                          CjmLabels          *labels)
{
  g_autofree char *title = NULL;

  g_return_val_if_fail (entry != NULL, NULL);

  title = cjm_collapse_space (entry->title);
  if (*title != '\0')
    return g_steal_pointer (&title);
  if (entry->id != NULL && *entry->id != '\0')
    return g_strdup (entry->id);
  return g_strdup (cjm_labels_gettext (labels, "(untitled)"));
}

char *
cjm_plan_entry_dup_stage_name (CjmDocument        *document,
                               const CjmPlanEntry *entry)
{
  CjmItem *stage;

  g_return_val_if_fail (CJM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (entry != NULL, NULL);

  stage = entry->stage != NULL ? cjm_document_lookup (document, entry->stage) : NULL;
  if (stage != NULL && cjm_item_get_kind (stage) == CJM_KIND_STAGE)
    {
      g_autofree char *name = cjm_collapse_space (cjm_item_get_field (stage, CJM_FIELD_NAME));

      if (*name != '\0')
        return g_steal_pointer (&name);
    }
  return cjm_collapse_space (entry->stage);
}

const char *
cjm_plan_get_section_heading (GPtrArray *plan,
                              guint      index,
                              CjmLabels *labels)
{
  const CjmPlanEntry *entry, *before;

  g_return_val_if_fail (plan != NULL && index < plan->len, NULL);

  entry = g_ptr_array_index (plan, index);
  before = index > 0 ? g_ptr_array_index (plan, index - 1) : NULL;
  if (before != NULL && before->open == entry->open
      && (!entry->open || before->horizon == entry->horizon))
    return NULL;
  return entry->open ? cjm_horizon_get_label_for (entry->horizon, labels)
                     : cjm_labels_gettext (labels, "Done and dropped");
}
