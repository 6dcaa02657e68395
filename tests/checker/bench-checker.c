/* bench-checker.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How fast the checker is on a large map: a synthetic map of 2,000
 * touchpoints (40 stages, 12 channel lanes, facts, KPIs, data sources,
 * owners, links, opportunities, a glossary) built with the model API.
 *
 *  - a full check (cjm_check_document), goal < 5 ms;
 *  - the live update after one edit (the whole cjm_document_set_field()
 *    call, which updates the checker's model before it returns), goal
 *    < 1 ms, for the edits a user makes while typing and dragging.
 *
 * Prints the median (and min/max) of many runs, in CPU time of the thread
 * (the machines this runs on are often busy with other work). Run it by hand:
 *   meson test -C build --benchmark --suite checker -v
 * or build/tests/checker/bench-checker [ROUNDS].
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "cjm-checker.h"

#define N_STAGES 40
#define N_CHANNELS 12
#define N_TOUCHPOINTS 2000

static const char *titles[] = {
  "Pay with saved card", "Read the invoice", "Call the agent", "Open the statement",
  "Check the balance", "Confirm by SMS", "Wait for the technician", "Chat with support",
};

/* CPU time of this thread: the machine may be busy with other work, and
 * the checker runs on one thread. */
static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
report (const char *what,
        double     *times,
        guint       n,
        double      goal)
{
  qsort (times, n, sizeof (double), compare_doubles);
  printf ("%-44s median %8.3f ms   min %8.3f   max %8.3f   (%u runs, goal < %g ms)\n",
          what, times[n / 2], times[0], times[n - 1], n, goal);
}

static CjmItem *
add (CjmDocument *doc,
     CjmKind      kind,
     const char  *id)
{
  g_autoptr(CjmItem) item = cjm_item_new (kind);

  cjm_item_set_initial_field (item, CJM_FIELD_ID, id);
  cjm_document_insert_item (doc, item, -1);
  return item;
}

/* messy: a map with many findings (about two a touchpoint); tidy: the
 * same shape with consistent channels and almost no findings. */
static CjmDocument *
build_map (gboolean tidy)
{
  CjmDocument *doc = cjm_document_new ();
  GRand *rand = g_rand_new_with_seed (42);
  g_autoptr(GPtrArray) tps = g_ptr_array_new ();
  CjmItem *item;

  cjm_document_begin_group (doc, "Build");

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *id = g_strdup_printf ("p-%u", i);
      item = add (doc, CJM_KIND_PERSONA, id);
      cjm_document_set_field (doc, item, CJM_FIELD_NAME, "Persona");
    }

  for (guint s = 0; s < N_STAGES; s++)
    {
      g_autofree char *id = g_strdup_printf ("s-%02u", s);
      g_autofree char *name = g_strdup_printf ("Stage %u", s + 1);

      item = add (doc, CJM_KIND_STAGE, id);
      cjm_document_set_field (doc, item, CJM_FIELD_NAME, name);
      if (s % 3 == 0)
        cjm_document_set_field (doc, item, CJM_FIELD_GOAL, "Get it done quickly");
    }

  item = add (doc, CJM_KIND_LANE, "l-emo");
  cjm_document_set_field (doc, item, CJM_FIELD_LANE_KIND, "emotion");
  for (guint l = 0; l < N_CHANNELS; l++)
    {
      g_autofree char *id = g_strdup_printf ("l-ch%02u", l);
      g_autofree char *name = g_strdup_printf ("Channel %u", l + 1);

      item = add (doc, CJM_KIND_LANE, id);
      cjm_document_set_field (doc, item, CJM_FIELD_LANE_KIND, "channel");
      cjm_document_set_field (doc, item, CJM_FIELD_NAME, name);
      if (tidy || l % 4 != 3)
        cjm_document_set_field (doc, item, CJM_FIELD_OWNER, l % 2 ? "Digital" : "Service");
    }
  item = add (doc, CJM_KIND_LANE, "l-pain");
  cjm_document_set_field (doc, item, CJM_FIELD_LANE_KIND, "pain-points");
  item = add (doc, CJM_KIND_LANE, "l-opp");
  cjm_document_set_field (doc, item, CJM_FIELD_LANE_KIND, "opportunities");

  /* 50 touchpoints a stage: 5 interactions offered in 8–10 channels each */
  for (guint t = 0; t < N_TOUCHPOINTS; t++)
    {
      guint stage = t / (N_TOUCHPOINTS / N_STAGES);
      guint slot = t % (N_TOUCHPOINTS / N_STAGES);
      g_autofree char *id = g_strdup_printf ("t-%04u", t);
      g_autofree char *stage_id = g_strdup_printf ("s-%02u", stage);
      g_autofree char *lane_id = g_strdup_printf ("l-ch%02u", slot % N_CHANNELS);
      g_autofree char *interaction = tidy ? (slot < 48 ? g_strdup_printf ("Step %u of stage %u",
                                                                         slot / 12, stage)
                                                       : g_strdup_printf ("Only %u", t))
                                          : g_strdup_printf ("Step %u of stage %u", slot / 10, stage);
      g_autofree char *emotion = g_strdup_printf ("%d", tidy ? 1 : g_rand_int_range (rand, -3, 4));
      g_autoptr(GPtrArray) facts = cjm_list_new (CJM_LIST_FACTS);
      g_autoptr(GPtrArray) kpis = cjm_list_new (CJM_LIST_KPIS);
      g_autoptr(GPtrArray) sources = cjm_list_new (CJM_LIST_DATA_SOURCES);

      item = add (doc, CJM_KIND_TOUCHPOINT, id);
      g_ptr_array_add (tps, item);
      cjm_document_set_field (doc, item, CJM_FIELD_STAGE, stage_id);
      cjm_document_set_field (doc, item, CJM_FIELD_LANE, lane_id);
      cjm_document_set_field (doc, item, CJM_FIELD_INTERACTION, interaction);
      cjm_document_set_field (doc, item, CJM_FIELD_EMOTION, emotion);
      cjm_document_set_field (doc, item, CJM_FIELD_TITLE,
                              tidy ? "Pay the bill"
                                   : titles[g_rand_int_range (rand, 0, G_N_ELEMENTS (titles))]);
      cjm_document_set_field (doc, item, CJM_FIELD_DESCRIPTION,
                              "What the customer does here, and what the company says back.");
      cjm_document_set_field (doc, item, CJM_FIELD_PERSONAS, "p-0 p-1");
      if (!tidy && g_rand_int_range (rand, 0, 10) == 0)
        cjm_document_set_field (doc, item, CJM_FIELD_OWNER, "Billing");

      g_ptr_array_add (facts, cjm_fact_new ("fee", tidy || g_rand_int_range (rand, 0, 20) ? "0"
                                                                                         : "5.00"));
      g_ptr_array_add (facts, cjm_fact_new ("delay", tidy || g_rand_int_range (rand, 0, 10)
                                                     ? "2 days" : "instant"));
      cjm_document_set_list (doc, item, CJM_LIST_FACTS, facts);
      if (tidy || g_rand_int_range (rand, 0, 10) < 6)
        {
          g_ptr_array_add (kpis, cjm_kpi_new ("CSAT", "4.1", NULL, "4.5", "survey"));
          if (!tidy && g_rand_int_range (rand, 0, 4) == 0)
            g_ptr_array_add (kpis, cjm_kpi_new ("Conversion", "80", "%", NULL, NULL));
          cjm_document_set_list (doc, item, CJM_LIST_KPIS, kpis);
        }
      if (g_rand_int_range (rand, 0, 10) < 3)
        {
          g_ptr_array_add (sources, cjm_text_new ("analytics"));
          cjm_document_set_list (doc, item, CJM_LIST_DATA_SOURCES, sources);
        }
    }

  /* a link from most touchpoints to one in the next stage */
  for (guint t = 0; t + N_TOUCHPOINTS / N_STAGES < N_TOUCHPOINTS; t++)
    {
      g_autoptr(CjmItem) link = cjm_item_new (CJM_KIND_LINK);

      if (!tidy && g_rand_int_range (rand, 0, 10) == 0)
        continue;
      cjm_item_set_initial_field (link, CJM_FIELD_FROM, cjm_item_get_id (g_ptr_array_index (tps, t)));
      cjm_item_set_initial_field (link, CJM_FIELD_TO,
                                  cjm_item_get_id (g_ptr_array_index (tps, MIN (t + N_TOUCHPOINTS / N_STAGES
                                                                                + g_rand_int_range (rand, -3, 3),
                                                                                N_TOUCHPOINTS - 1))));
      cjm_document_insert_item (doc, link, -1);
    }

  for (guint o = 0; o < 100; o++)
    {
      g_autofree char *id = g_strdup_printf ("o-%03u", o);
      g_autofree char *stage_id = g_strdup_printf ("s-%02u", o % N_STAGES);

      item = add (doc, CJM_KIND_OPPORTUNITY, id);
      cjm_document_set_field (doc, item, CJM_FIELD_STAGE, stage_id);
      cjm_document_set_field (doc, item, CJM_FIELD_LANE, "l-opp");
      cjm_document_set_field (doc, item, CJM_FIELD_TITLE, "Make it better");
      cjm_document_set_field (doc, item, CJM_FIELD_ADDRESSES,
                              cjm_item_get_id (g_ptr_array_index (tps, o * 20)));
      if (tidy || o % 4)
        {
          cjm_document_set_field (doc, item, CJM_FIELD_IMPACT, "4");
          cjm_document_set_field (doc, item, CJM_FIELD_EFFORT, "2");
        }
    }

  for (guint n = 0; n < 200; n++)
    {
      g_autofree char *id = g_strdup_printf ("n-%03u", n);
      g_autofree char *stage_id = g_strdup_printf ("s-%02u", n % N_STAGES);

      item = add (doc, CJM_KIND_NOTE, id);
      cjm_document_set_field (doc, item, CJM_FIELD_STAGE, stage_id);
      cjm_document_set_field (doc, item, CJM_FIELD_LANE, "l-pain");
      cjm_document_set_field (doc, item, CJM_FIELD_TEXT, "Takes too long");
    }

  item = cjm_item_new (CJM_KIND_TERM);
  cjm_item_set_initial_field (item, CJM_FIELD_PREFERRED, "bill");
  {
    g_autoptr(GPtrArray) synonyms = cjm_list_new (CJM_LIST_SYNONYMS);
    g_ptr_array_add (synonyms, cjm_text_new ("invoice"));
    g_ptr_array_add (synonyms, cjm_text_new ("statement"));
    cjm_item_set_initial_list (item, CJM_LIST_SYNONYMS, synonyms);
  }
  cjm_document_insert_item (doc, item, -1);
  g_object_unref (item);

  item = cjm_item_new (CJM_KIND_SUPPRESSION);
  cjm_item_set_initial_field (item, CJM_FIELD_RULE, "CJM-M01");
  cjm_item_set_initial_field (item, CJM_FIELD_TARGET, "t-0007");
  cjm_document_insert_item (doc, item, -1);
  g_object_unref (item);

  cjm_document_end_group (doc);
  cjm_document_clear_history (doc);
  g_rand_free (rand);
  return doc;
}

static void
describe_map (const char  *name,
              CjmDocument *doc)
{
  g_autoptr(GPtrArray) all = cjm_check_document (doc);
  const char *rule = NULL;
  guint count = 0;

  printf ("%s map: %u touchpoints, %u stages, %u lanes, %u links, %u findings:", name,
          cjm_document_get_n_items (doc, CJM_KIND_TOUCHPOINT),
          cjm_document_get_n_items (doc, CJM_KIND_STAGE),
          cjm_document_get_n_items (doc, CJM_KIND_LANE),
          cjm_document_get_n_items (doc, CJM_KIND_LINK), all->len);
  for (guint i = 0; i <= all->len; i++)
    {
      const char *next = i < all->len ? cjm_finding_get_rule (g_ptr_array_index (all, i)) : NULL;

      if (rule != NULL && g_strcmp0 (rule, next) != 0)
        printf (" %s %u", rule + 4, count);
      count = g_strcmp0 (rule, next) == 0 ? count + 1 : 1;
      rule = next;
    }
  printf ("\n");
}

int
main (int    argc,
      char **argv)
{
  guint rounds = argc > 1 ? (guint) atoi (argv[1]) : 200;
  g_autoptr(CjmDocument) doc = build_map (FALSE);
  g_autoptr(CjmDocument) tidy = build_map (TRUE);
  g_autoptr(CjmChecker) checker = NULL;
  g_autofree double *times = g_new0 (double, MAX (rounds, 1) * 2);
  CjmItem *tp = cjm_document_lookup (doc, "t-1012");
  CjmItem *lane = cjm_document_lookup (doc, "l-ch03");
  guint n_findings;

  rounds = MAX (rounds, 10);
  g_assert_nonnull (tp);

  describe_map ("messy", doc);
  describe_map ("tidy", tidy);
  {
    g_autoptr(GPtrArray) all = cjm_check_document (doc);
    n_findings = all->len;
  }

  /* Full check */
  for (guint i = 0; i < rounds / 4; i++)
    {
      double start = now_ms ();
      g_autoptr(GPtrArray) all = cjm_check_document (doc);

      times[i] = now_ms () - start;
      g_assert_cmpuint (all->len, ==, n_findings);
    }
  report ("full check (cjm_check_document), messy", times, rounds / 4, 5);

  for (guint i = 0; i < rounds / 4; i++)
    {
      double start = now_ms ();
      g_autoptr(GPtrArray) all = cjm_check_document (tidy);

      times[i] = now_ms () - start;
    }
  report ("full check (cjm_check_document), tidy", times, rounds / 4, 5);

  checker = cjm_checker_new (doc);

  /* Typing in the title: each keystroke is one edit. */
  for (guint i = 0; i < rounds; i++)
    {
      g_autofree char *title = g_strdup_printf ("Pay the invoice %u", i);
      double start = now_ms ();

      cjm_document_set_field (doc, tp, CJM_FIELD_TITLE, title);
      times[i] = now_ms () - start;
    }
  report ("edit: a keystroke in a title", times, rounds, 1);

  /* Dragging an emotion point */
  for (guint i = 0; i < rounds; i++)
    {
      const char *values[] = { "-3", "-1", "1", "3" };
      double start = now_ms ();

      cjm_document_set_field (doc, tp, CJM_FIELD_EMOTION, values[i % 4]);
      times[i] = now_ms () - start;
    }
  report ("edit: emotion", times, rounds, 1);

  /* Typing in the interaction */
  for (guint i = 0; i < rounds; i++)
    {
      g_autofree char *interaction = g_strdup_printf ("Step %u of stage 20", i % 6);
      double start = now_ms ();

      cjm_document_set_field (doc, tp, CJM_FIELD_INTERACTION, interaction);
      times[i] = now_ms () - start;
    }
  report ("edit: interaction", times, rounds, 1);

  /* Dragging the card to another cell: stage and lane in one group */
  for (guint i = 0; i < rounds; i++)
    {
      g_autofree char *stage = g_strdup_printf ("s-%02u", 18 + i % 5);
      g_autofree char *lane_id = g_strdup_printf ("l-ch%02u", i % N_CHANNELS);
      double start = now_ms ();

      cjm_document_begin_group (doc, "Move");
      cjm_document_set_field (doc, tp, CJM_FIELD_STAGE, stage);
      cjm_document_set_field (doc, tp, CJM_FIELD_LANE, lane_id);
      cjm_document_end_group (doc);
      times[i] = now_ms () - start;
    }
  report ("edit: move a card to another cell", times, rounds, 1);

  /* Editing a fact */
  for (guint i = 0; i < rounds; i++)
    {
      g_autoptr(GPtrArray) facts = cjm_list_new (CJM_LIST_FACTS);
      g_autofree char *value = g_strdup_printf ("%u", i % 3);
      double start;

      g_ptr_array_add (facts, cjm_fact_new ("fee", value));
      start = now_ms ();
      cjm_document_set_list (doc, tp, CJM_LIST_FACTS, facts);
      times[i] = now_ms () - start;
    }
  report ("edit: a fact value", times, rounds, 1);

  /* Reordering cards within a cell */
  for (guint i = 0; i < rounds; i++)
    {
      double start = now_ms ();

      cjm_document_move_item (doc, tp, 1012 + (i % 2 ? 1 : 0));
      times[i] = now_ms () - start;
    }
  report ("edit: reorder a card in its cell", times, rounds, 1);

  /* Adding a touchpoint from the palette, and undoing it */
  for (guint i = 0; i < rounds; i++)
    {
      g_autoptr(CjmItem) item = cjm_item_new (CJM_KIND_TOUCHPOINT);
      g_autofree char *id = g_strdup_printf ("t-new-%u", i);
      double start;

      cjm_item_set_initial_field (item, CJM_FIELD_ID, id);
      cjm_item_set_initial_field (item, CJM_FIELD_STAGE, "s-20");
      cjm_item_set_initial_field (item, CJM_FIELD_LANE, "l-ch04");
      cjm_item_set_initial_field (item, CJM_FIELD_INTERACTION, "Step 2 of stage 20");
      start = now_ms ();
      cjm_document_insert_item (doc, item, 1010);
      times[2 * i] = now_ms () - start;
      start = now_ms ();
      cjm_document_undo (doc);
      times[2 * i + 1] = now_ms () - start;
    }
  report ("edit: insert a touchpoint / undo it", times, 2 * rounds, 1);

  /* A change of global scope falls back to a full check */
  for (guint i = 0; i < rounds / 4; i++)
    {
      double start = now_ms ();

      cjm_document_set_field (doc, lane, CJM_FIELD_NAME, i % 2 ? "Call center" : "Phone");
      times[i] = now_ms () - start;
    }
  report ("global: rename a lane (full re-check)", times, rounds / 4, 5);

  {
    g_autoptr(GPtrArray) all = cjm_check_document (doc);
    g_assert_cmpuint (all->len, ==, cjm_checker_get_all (checker)->len);
  }
  return 0;
}
