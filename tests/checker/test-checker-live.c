/* test-checker-live.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The live checker must always show what a full check of the document
 * shows: thousands of random edits (every kind of change, undo, redo,
 * groups, deletes, suppressions, the action plan of opportunities: status,
 * horizon, due, owner, role scores), compared after each with a fresh
 * cjm_check_document(). The items-changed signals must also rebuild the
 * same list in a mirror that only follows the signals.
 */

#include "config.h"

#include <string.h>

#include "checker-test-util.h"

typedef struct {
  CjmDocument *document;
  CjmChecker  *checker;
  GPtrArray   *mirror;      /* follows items-changed only */
  GRand       *rand;
  guint        n_signals;
  guint        step;
} Fuzz;

static const char *interactions[] = {
  "Pay bill", "pay  bill", " PAY BILL", "View bill", "Receipt", "receipt", "", NULL
};
static const char *emotions[] = { "-3", "-2", "-1", "0", "1", "2", "3", "9", "high", " 2", NULL };
static const char *owners[] = { "Digital", "digital ", "Billing", "  ", NULL };
static const char *titles[] = {
  "Pay the invoice", "Invoices", "Statement of account", "Pay", "invoice-free",
  "A statement", "חשבונית", "", NULL
};
static const char *fact_keys[] = { "fee", "Fee ", "posting time", "due" };
static const char *fact_values[] = { "0", "0.00", "5", "49 ILS", "49.00 ils", "instant", "-0" };
static const char *kpi_names[] = { "CSAT", "csat", "Conversion", "" };
static const char *rules[] = {
  "CJM-M01", "CJM-O01", "cjm-f01", "CJM-E01", "CJM-D01", "CJM-S01", "CJM-P01", "CJM-R02", "CJM-R03"
};
static const char *statuses[] = { "idea", "planned", "in-progress", "done", "dropped", " dropped",
                                  "started" };
static const char *horizons[] = { "now", "next", "later", "soon" };
static const char *dues[] = { "2027-03-31", "2028-02-29", "2027-02-30", "soon" };
static const char *roles[] = { "IT", "it ", "Customer Service", "Billing", "", "  " };
static const char *score_values[] = { "1", "2", "3", "4", "5", "0", "9", "high" };

static const char *
pick (Fuzz               *fuzz,
      const char * const *values,
      guint               n)
{
  return values[g_rand_int_range (fuzz->rand, 0, n)];
}

#define PICK(array) pick (fuzz, (const char * const *) (array), G_N_ELEMENTS (array))

static gboolean
chance (Fuzz *fuzz,
        int   percent)
{
  return g_rand_int_range (fuzz->rand, 0, 100) < percent;
}

static CjmItem *
random_item (Fuzz    *fuzz,
             CjmKind  kind)
{
  guint n = cjm_document_get_n_items (fuzz->document, kind);

  if (n == 0)
    return NULL;
  return cjm_document_get_item (fuzz->document, kind, g_rand_int_range (fuzz->rand, 0, n));
}

/* An id of an item of the kind, sometimes one that does not exist. */
static const char *
random_ref (Fuzz    *fuzz,
            CjmKind  kind)
{
  CjmItem *item;

  if (chance (fuzz, 8))
    return chance (fuzz, 50) ? "missing" : NULL;
  item = random_item (fuzz, kind);
  return item ? cjm_item_get_id (item) : "missing";
}

static char *
new_id (Fuzz       *fuzz,
        const char *prefix,
        CjmKind     kind)
{
  CjmItem *other;

  /* Now and then a duplicate. */
  if (chance (fuzz, 6) && (other = random_item (fuzz, chance (fuzz, 70) ? kind : CJM_KIND_STAGE)))
    return g_strdup (cjm_item_get_id (other));
  if (chance (fuzz, 2))
    return g_strdup ("9bad id");
  return cjm_document_make_id (fuzz->document, prefix, NULL);
}

static void
set_facts (Fuzz    *fuzz,
           CjmItem *item)
{
  g_autoptr(GPtrArray) facts = cjm_list_new (CJM_LIST_FACTS);
  guint n = g_rand_int_range (fuzz->rand, 0, 3);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (facts, cjm_fact_new (PICK (fact_keys), PICK (fact_values)));
  cjm_document_set_list (fuzz->document, item, CJM_LIST_FACTS, facts);
}

static void
set_kpis (Fuzz    *fuzz,
          CjmItem *item)
{
  g_autoptr(GPtrArray) kpis = cjm_list_new (CJM_LIST_KPIS);
  guint n = g_rand_int_range (fuzz->rand, 0, 3);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (kpis, cjm_kpi_new (PICK (kpi_names), "1", NULL, NULL, NULL));
  cjm_document_set_list (fuzz->document, item, CJM_LIST_KPIS, kpis);
}

static void
set_sources (Fuzz    *fuzz,
             CjmItem *item)
{
  g_autoptr(GPtrArray) texts = cjm_list_new (CJM_LIST_DATA_SOURCES);

  if (chance (fuzz, 50))
    g_ptr_array_add (texts, cjm_text_new (chance (fuzz, 80) ? "analytics" : " "));
  cjm_document_set_list (fuzz->document, item, CJM_LIST_DATA_SOURCES, texts);
}

static void
set_scores (Fuzz    *fuzz,
            CjmItem *item)
{
  g_autoptr(GPtrArray) scores = cjm_list_new (CJM_LIST_SCORES);
  guint n = g_rand_int_range (fuzz->rand, 0, 5);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (scores,
                     cjm_score_new (chance (fuzz, 90) ? PICK (roles) : NULL,
                                    chance (fuzz, 80) ? PICK (score_values) : NULL,
                                    chance (fuzz, 80) ? PICK (score_values) : NULL,
                                    chance (fuzz, 30) ? "why" : NULL));
  cjm_document_set_list (fuzz->document, item, CJM_LIST_SCORES, scores);
}

static void
edit_touchpoint (Fuzz    *fuzz,
                 CjmItem *tp)
{
  CjmDocument *doc = fuzz->document;

  switch (g_rand_int_range (fuzz->rand, 0, 16))
    {
    case 0:
      cjm_document_set_field (doc, tp, CJM_FIELD_STAGE, random_ref (fuzz, CJM_KIND_STAGE));
      break;
    case 1:
      cjm_document_set_field (doc, tp, CJM_FIELD_LANE, random_ref (fuzz, CJM_KIND_LANE));
      break;
    case 2:
      cjm_document_set_field (doc, tp, CJM_FIELD_INTERACTION, PICK (interactions));
      break;
    case 3:
    case 4:
      cjm_document_set_field (doc, tp, CJM_FIELD_EMOTION, PICK (emotions));
      break;
    case 5:
      cjm_document_set_field (doc, tp, CJM_FIELD_OWNER, PICK (owners));
      break;
    case 6:
      cjm_document_set_field (doc, tp, CJM_FIELD_THIRD_PARTY, chance (fuzz, 50) ? "PayLine" : NULL);
      break;
    case 7:
      cjm_document_set_field (doc, tp, CJM_FIELD_TITLE, PICK (titles));
      break;
    case 8:
      cjm_document_set_field (doc, tp, CJM_FIELD_DESCRIPTION, PICK (titles));
      break;
    case 9:
      {
        g_autofree char *id = new_id (fuzz, "t", CJM_KIND_TOUCHPOINT);
        cjm_document_set_field (doc, tp, CJM_FIELD_ID, chance (fuzz, 5) ? NULL : id);
      }
      break;
    case 10:
      cjm_document_set_field (doc, tp, CJM_FIELD_PERSONAS,
                              chance (fuzz, 50) ? "p-0" : chance (fuzz, 50) ? "p-1 p-x" : NULL);
      break;
    case 11:
      set_facts (fuzz, tp);
      break;
    case 12:
      set_kpis (fuzz, tp);
      break;
    case 13:
      set_sources (fuzz, tp);
      break;
    case 14:
      cjm_document_set_field (doc, tp, CJM_FIELD_TARGET_EMOTION, PICK (emotions));
      break;
    case 15:
      /* a drag to another cell: one group */
      cjm_document_begin_group (doc, "Move");
      cjm_document_set_field (doc, tp, CJM_FIELD_STAGE, random_ref (fuzz, CJM_KIND_STAGE));
      cjm_document_set_field (doc, tp, CJM_FIELD_LANE, random_ref (fuzz, CJM_KIND_LANE));
      cjm_document_end_group (doc);
      break;
    default:
      g_assert_not_reached ();
    }
}

static CjmItem *
make_touchpoint (Fuzz *fuzz)
{
  CjmItem *tp = cjm_item_new (CJM_KIND_TOUCHPOINT);
  g_autofree char *id = new_id (fuzz, "t", CJM_KIND_TOUCHPOINT);
  g_autoptr(GPtrArray) facts = cjm_list_new (CJM_LIST_FACTS);

  cjm_item_set_initial_field (tp, CJM_FIELD_ID, id);
  cjm_item_set_initial_field (tp, CJM_FIELD_STAGE, random_ref (fuzz, CJM_KIND_STAGE));
  cjm_item_set_initial_field (tp, CJM_FIELD_LANE, random_ref (fuzz, CJM_KIND_LANE));
  cjm_item_set_initial_field (tp, CJM_FIELD_INTERACTION, PICK (interactions));
  cjm_item_set_initial_field (tp, CJM_FIELD_EMOTION, PICK (emotions));
  cjm_item_set_initial_field (tp, CJM_FIELD_TITLE, PICK (titles));
  if (chance (fuzz, 30))
    cjm_item_set_initial_field (tp, CJM_FIELD_OWNER, PICK (owners));
  if (chance (fuzz, 10))
    cjm_item_set_initial_field (tp, CJM_FIELD_THIRD_PARTY, "Courier");
  if (chance (fuzz, 60))
    g_ptr_array_add (facts, cjm_fact_new (PICK (fact_keys), PICK (fact_values)));
  cjm_item_set_initial_list (tp, CJM_LIST_FACTS, facts);
  return tp;
}

static CjmItem *
make_card (Fuzz    *fuzz,
           CjmKind  kind)
{
  CjmItem *item;
  g_autofree char *id = NULL;

  if (kind == CJM_KIND_TOUCHPOINT)
    return make_touchpoint (fuzz);

  item = cjm_item_new (kind);
  switch (kind)
    {
    case CJM_KIND_NOTE:
      id = new_id (fuzz, "n", kind);
      cjm_item_set_initial_field (item, CJM_FIELD_ID, id);
      cjm_item_set_initial_field (item, CJM_FIELD_STAGE, random_ref (fuzz, CJM_KIND_STAGE));
      cjm_item_set_initial_field (item, CJM_FIELD_LANE, random_ref (fuzz, CJM_KIND_LANE));
      cjm_item_set_initial_field (item, CJM_FIELD_TEXT, "A note");
      break;
    case CJM_KIND_OPPORTUNITY:
      id = new_id (fuzz, "o", kind);
      cjm_item_set_initial_field (item, CJM_FIELD_ID, id);
      cjm_item_set_initial_field (item, CJM_FIELD_STAGE, random_ref (fuzz, CJM_KIND_STAGE));
      cjm_item_set_initial_field (item, CJM_FIELD_LANE,
                                  chance (fuzz, 70) ? "l-opp" : random_ref (fuzz, CJM_KIND_LANE));
      cjm_item_set_initial_field (item, CJM_FIELD_ADDRESSES, random_ref (fuzz, CJM_KIND_TOUCHPOINT));
      if (chance (fuzz, 60))
        cjm_item_set_initial_field (item, CJM_FIELD_IMPACT, chance (fuzz, 90) ? "3" : "7");
      if (chance (fuzz, 60))
        cjm_item_set_initial_field (item, CJM_FIELD_EFFORT, "2");
      if (chance (fuzz, 40))
        cjm_item_set_initial_field (item, CJM_FIELD_STATUS, PICK (statuses));
      if (chance (fuzz, 40))
        cjm_item_set_initial_field (item, CJM_FIELD_HORIZON, PICK (horizons));
      if (chance (fuzz, 50))
        cjm_item_set_initial_field (item, CJM_FIELD_OWNER, PICK (owners));
      cjm_item_set_initial_field (item, CJM_FIELD_TITLE, "Fix it");
      break;
    case CJM_KIND_LINK:
      cjm_item_set_initial_field (item, CJM_FIELD_FROM, random_ref (fuzz, CJM_KIND_TOUCHPOINT));
      cjm_item_set_initial_field (item, CJM_FIELD_TO,
                                  random_ref (fuzz, chance (fuzz, 85) ? CJM_KIND_TOUCHPOINT
                                                                      : CJM_KIND_NOTE));
      break;
    case CJM_KIND_SUPPRESSION:
      cjm_item_set_initial_field (item, CJM_FIELD_RULE, PICK (rules));
      cjm_item_set_initial_field (item, CJM_FIELD_TARGET, random_ref (fuzz, CJM_KIND_TOUCHPOINT));
      cjm_item_set_initial_field (item, CJM_FIELD_TEXT, "known");
      break;
    default:
      g_assert_not_reached ();
    }
  return item;
}

static void
build_document (Fuzz *fuzz)
{
  CjmDocument *doc = fuzz->document;
  const char *lane_kinds[] = { "emotion", "channel", "channel", "channel", "channel",
                               "pain-points", "opportunities" };
  const char *lane_ids[] = { "l-emo", "l-c0", "l-c1", "l-c2", "l-c3", "l-pain", "l-opp" };
  CjmItem *term;

  tu_add (doc, CJM_KIND_PERSONA, CJM_FIELD_ID, "p-0", CJM_FIELD_NAME, "Dana", TU_END);
  tu_add (doc, CJM_KIND_PERSONA, CJM_FIELD_ID, "p-1", CJM_FIELD_NAME, "Moshe", TU_END);
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *id = g_strdup_printf ("s-%u", i);
      g_autofree char *name = g_strdup_printf ("Stage %u", i);

      tu_add (doc, CJM_KIND_STAGE, CJM_FIELD_ID, id, CJM_FIELD_NAME, name,
              CJM_FIELD_GOAL, i % 2 ? "A goal" : NULL, TU_END);
    }
  for (guint i = 0; i < G_N_ELEMENTS (lane_ids); i++)
    tu_add (doc, CJM_KIND_LANE, CJM_FIELD_ID, lane_ids[i], CJM_FIELD_LANE_KIND, lane_kinds[i],
            CJM_FIELD_NAME, lane_ids[i], CJM_FIELD_OWNER, i == 1 || i == 2 ? "Digital" : NULL,
            TU_END);

  for (guint i = 0; i < 24; i++)
    {
      g_autoptr(CjmItem) tp = make_touchpoint (fuzz);
      cjm_document_insert_item (doc, tp, -1);
    }
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(CjmItem) note = make_card (fuzz, CJM_KIND_NOTE);
      g_autoptr(CjmItem) opp = make_card (fuzz, CJM_KIND_OPPORTUNITY);
      cjm_document_insert_item (doc, note, -1);
      cjm_document_insert_item (doc, opp, -1);
    }
  for (guint i = 0; i < 8; i++)
    {
      g_autoptr(CjmItem) link = make_card (fuzz, CJM_KIND_LINK);
      cjm_document_insert_item (doc, link, -1);
    }
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(CjmItem) supp = make_card (fuzz, CJM_KIND_SUPPRESSION);
      cjm_document_insert_item (doc, supp, -1);
    }
  term = tu_add (doc, CJM_KIND_TERM, CJM_FIELD_PREFERRED, "bill", TU_END);
  tu_set_texts (doc, term, CJM_LIST_SYNONYMS, "invoice", "Statement", NULL);
}

static void
edit_global (Fuzz *fuzz)
{
  CjmDocument *doc = fuzz->document;
  CjmItem *item;

  switch (g_rand_int_range (fuzz->rand, 0, 10))
    {
    case 0:
      item = random_item (fuzz, CJM_KIND_STAGE);
      cjm_document_set_field (doc, item, CJM_FIELD_GOAL, chance (fuzz, 50) ? "Goal" : NULL);
      break;
    case 1:
      item = random_item (fuzz, CJM_KIND_STAGE);
      cjm_document_move_item (doc, item, g_rand_int_range (fuzz->rand, 0, 5));
      break;
    case 2:
      item = random_item (fuzz, CJM_KIND_LANE);
      cjm_document_set_field (doc, item, CJM_FIELD_LANE_KIND,
                              chance (fuzz, 70) ? "channel" : "notes");
      break;
    case 3:
      item = random_item (fuzz, CJM_KIND_LANE);
      cjm_document_set_field (doc, item, CJM_FIELD_OWNER, PICK (owners));
      break;
    case 4:
      item = random_item (fuzz, CJM_KIND_TERM);
      if (item != NULL)
        tu_set_texts (doc, item, CJM_LIST_SYNONYMS, chance (fuzz, 50) ? "pay" : "invoice", NULL);
      break;
    case 5:
      cjm_document_set_field (doc, cjm_document_get_map (doc), CJM_FIELD_EMOTION_SPREAD,
                              chance (fuzz, 50) ? "2" : NULL);
      break;
    case 6:
      item = random_item (fuzz, CJM_KIND_STAGE);
      cjm_document_set_field (doc, item, CJM_FIELD_NAME, chance (fuzz, 50) ? "Renamed" : "Other");
      break;
    case 7:
      item = random_item (fuzz, CJM_KIND_LANE);
      cjm_document_set_field (doc, item, CJM_FIELD_NAME, chance (fuzz, 50) ? "Web" : "Phone");
      break;
    case 8:
      item = random_item (fuzz, CJM_KIND_PERSONA);
      if (item != NULL)
        cjm_document_set_field (doc, item, CJM_FIELD_ID, chance (fuzz, 50) ? "p-0" : "p-x");
      break;
    case 9:
      cjm_document_set_field (doc, cjm_document_get_map (doc), CJM_FIELD_TITLE, "Title");
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
random_edit (Fuzz *fuzz)
{
  CjmDocument *doc = fuzz->document;
  CjmKind kinds[] = { CJM_KIND_TOUCHPOINT, CJM_KIND_TOUCHPOINT, CJM_KIND_NOTE,
                      CJM_KIND_OPPORTUNITY, CJM_KIND_LINK, CJM_KIND_SUPPRESSION };
  CjmKind kind = kinds[g_rand_int_range (fuzz->rand, 0, G_N_ELEMENTS (kinds))];
  int what = g_rand_int_range (fuzz->rand, 0, 100);
  CjmItem *item;

  if (what < 36)
    {
      if ((item = random_item (fuzz, CJM_KIND_TOUCHPOINT)))
        edit_touchpoint (fuzz, item);
    }
  else if (what < 44)
    {
      g_autoptr(CjmItem) card = make_card (fuzz, kind);
      guint n = cjm_document_get_n_items (doc, kind);

      cjm_document_insert_item (doc, card, g_rand_int_range (fuzz->rand, 0, n + 1));
    }
  else if (what < 50)
    {
      if ((item = random_item (fuzz, kind)) && cjm_document_get_n_items (doc, kind) > 2)
        cjm_document_remove_item (doc, item);
    }
  else if (what < 56)
    {
      if ((item = random_item (fuzz, kind)))
        cjm_document_move_item (doc, item,
                                g_rand_int_range (fuzz->rand, 0,
                                                  cjm_document_get_n_items (doc, kind)));
    }
  else if (what < 66)
    {
      if ((item = random_item (fuzz, CJM_KIND_OPPORTUNITY)))
        switch (g_rand_int_range (fuzz->rand, 0, 10))
          {
          case 0:
            cjm_document_set_field (doc, item, CJM_FIELD_ADDRESSES,
                                    random_ref (fuzz, CJM_KIND_TOUCHPOINT));
            break;
          case 1:
            cjm_document_set_field (doc, item, CJM_FIELD_IMPACT, chance (fuzz, 80) ? "4" : "x");
            break;
          case 2:
            cjm_document_set_field (doc, item, CJM_FIELD_EFFORT, chance (fuzz, 50) ? "1" : NULL);
            break;
          case 3:
            cjm_document_set_field (doc, item, CJM_FIELD_STAGE, random_ref (fuzz, CJM_KIND_STAGE));
            break;
          case 4:
            cjm_document_set_field (doc, item, CJM_FIELD_LANE, random_ref (fuzz, CJM_KIND_LANE));
            break;
          case 5:
            cjm_document_set_field (doc, item, CJM_FIELD_STATUS,
                                    chance (fuzz, 85) ? PICK (statuses) : NULL);
            break;
          case 6:
            cjm_document_set_field (doc, item, CJM_FIELD_HORIZON,
                                    chance (fuzz, 80) ? PICK (horizons) : NULL);
            break;
          case 7:
            cjm_document_set_field (doc, item, CJM_FIELD_DUE,
                                    chance (fuzz, 80) ? PICK (dues) : NULL);
            break;
          case 8:
            cjm_document_set_field (doc, item, CJM_FIELD_OWNER,
                                    chance (fuzz, 70) ? PICK (owners) : NULL);
            break;
          case 9:
            set_scores (fuzz, item);
            break;
          default:
            g_assert_not_reached ();
          }
    }
  else if (what < 70)
    {
      if ((item = random_item (fuzz, CJM_KIND_LINK)))
        cjm_document_set_field (doc, item, chance (fuzz, 50) ? CJM_FIELD_FROM : CJM_FIELD_TO,
                                random_ref (fuzz, CJM_KIND_TOUCHPOINT));
    }
  else if (what < 73)
    {
      if ((item = random_item (fuzz, CJM_KIND_SUPPRESSION)))
        cjm_document_set_field (doc, item, chance (fuzz, 50) ? CJM_FIELD_RULE : CJM_FIELD_TARGET,
                                chance (fuzz, 50) ? PICK (rules)
                                                  : random_ref (fuzz, CJM_KIND_TOUCHPOINT));
    }
  else if (what < 75)
    {
      if ((item = random_item (fuzz, CJM_KIND_NOTE)))
        cjm_document_set_field (doc, item, chance (fuzz, 50) ? CJM_FIELD_LANE : CJM_FIELD_ID,
                                chance (fuzz, 50) ? "l-pain" : random_ref (fuzz, CJM_KIND_TOUCHPOINT));
    }
  else if (what < 80)
    edit_global (fuzz);
  else if (what < 86)
    cjm_document_undo (doc);
  else if (what < 90)
    cjm_document_redo (doc);
  else if (what < 93)
    {
      cjm_document_begin_group (doc, "Several");
      for (int i = g_rand_int_range (fuzz->rand, 2, 5); i > 0; i--)
        if ((item = random_item (fuzz, CJM_KIND_TOUCHPOINT)))
          edit_touchpoint (fuzz, item);
      cjm_document_end_group (doc);
    }
  else if (what < 95)
    {
      CjmKind victim = chance (fuzz, 80) ? CJM_KIND_TOUCHPOINT : CJM_KIND_STAGE;

      if ((item = random_item (fuzz, victim)) && cjm_document_get_n_items (doc, victim) > 3)
        cjm_document_delete_items (doc, &item, 1);
    }
  else if (what < 97)
    cjm_checker_set_show_suppressed (fuzz->checker,
                                     !cjm_checker_get_show_suppressed (fuzz->checker));
  else
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (fuzz->checker));
      g_autoptr(CjmFinding) finding = NULL;

      if (n == 0)
        return;
      finding = g_list_model_get_item (G_LIST_MODEL (fuzz->checker),
                                       g_rand_int_range (fuzz->rand, 0, n));
      if (cjm_finding_get_suppressed (finding))
        cjm_checker_unsuppress (fuzz->checker, finding);
      else if (cjm_finding_get_targets (finding)[0] != NULL)
        cjm_checker_suppress (fuzz->checker, finding, "random");
    }
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fuzz       *fuzz)
{
  g_assert_cmpuint (position + removed, <=, fuzz->mirror->len);
  g_ptr_array_remove_range (fuzz->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (fuzz->mirror, position + i, g_list_model_get_item (model, position + i));
  g_assert_cmpuint (fuzz->mirror->len, ==, g_list_model_get_n_items (model));
  fuzz->n_signals++;
}

static void
compare_with_full_check (Fuzz *fuzz)
{
  g_autoptr(GPtrArray) full = cjm_check_document (fuzz->document);
  gboolean show = cjm_checker_get_show_suppressed (fuzz->checker);
  g_autofree char *expected = tu_describe_array (full, show);
  g_autofree char *expected_all = tu_describe_array (full, TRUE);
  g_autofree char *live = tu_describe_model (G_LIST_MODEL (fuzz->checker));
  g_autofree char *live_all = tu_describe_array (cjm_checker_get_all (fuzz->checker), TRUE);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (fuzz->checker));

  if (g_strcmp0 (expected, live) != 0)
    g_error ("step %u: live findings differ from a full check\n--- full\n%s--- live\n%s",
             fuzz->step, expected, live);
  g_assert_cmpstr (expected_all, ==, live_all);

  g_assert_cmpuint (fuzz->mirror->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CjmFinding) finding = g_list_model_get_item (G_LIST_MODEL (fuzz->checker), i);
      g_assert_true (finding == g_ptr_array_index (fuzz->mirror, i));
    }
}

static void
run_fuzz (guint32 seed,
          guint   steps)
{
  Fuzz fuzz = { 0 };

  fuzz.rand = g_rand_new_with_seed (seed);
  fuzz.document = cjm_document_new ();
  build_document (&fuzz);
  fuzz.checker = cjm_checker_new (fuzz.document);
  fuzz.mirror = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (fuzz.checker)); i++)
    g_ptr_array_add (fuzz.mirror, g_list_model_get_item (G_LIST_MODEL (fuzz.checker), i));
  g_signal_connect (fuzz.checker, "items-changed", G_CALLBACK (on_items_changed), &fuzz);

  compare_with_full_check (&fuzz);
  for (fuzz.step = 1; fuzz.step <= steps; fuzz.step++)
    {
      random_edit (&fuzz);
      compare_with_full_check (&fuzz);
    }
  g_assert_cmpuint (fuzz.n_signals, >, 0);

  g_signal_handlers_disconnect_by_data (fuzz.checker, &fuzz);
  g_ptr_array_unref (fuzz.mirror);
  g_object_unref (fuzz.checker);
  g_object_unref (fuzz.document);
  g_rand_free (fuzz.rand);
}

static void
test_live_random_edits (void)
{
  const char *env = g_getenv ("CJM_FUZZ_SEEDS");
  guint seeds = env ? atoi (env) : 6;

  for (guint32 seed = 1; seed <= seeds; seed++)
    run_fuzz (seed, 1000);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/checker/live/random-edits", test_live_random_edits);

  return g_test_run ();
}
