/* test-plan.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The action plan in core (cjm-plan.h), as the Priorities view, the printed
 * plan and `cjm plan` use it: the words of status, horizon and quadrant,
 * calendar dates, quadrants, reach, the spread of the roles' scores, and
 * the plan order on a map whose order needs every tie-break.
 */

#define G_LOG_DOMAIN "test"

#include "config.h"

#include <string.h>

#include "cjm-plan.h"
#include "test-util.h"

static void
test_words (void)
{
  static const char * const statuses[] = { "idea", "planned", "in-progress", "done", "dropped" };
  static const char * const horizons[] = { "now", "next", "later" };
  static const char * const quadrants[] = {
    "quick-win", "big-bet", "fill-in", "money-pit", "unscored"
  };
  static const char * const not_statuses[] = {
    "", " ", "Idea", "in progress", "inprogress", "drop", "idea idea", "later",
  };
  static const char * const not_horizons[] = { "", "Now", "soon", "never", "now!", "idea" };
  CjmStatus status = CJM_STATUS_DONE;
  CjmHorizon horizon = CJM_HORIZON_LATER;

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_autofree char *padded = g_strdup_printf (" \t%s\n", statuses[i]);

      g_assert_cmpstr (cjm_status_to_string (i), ==, statuses[i]);
      g_assert_true (cjm_status_from_string (statuses[i], &status));
      g_assert_cmpint (status, ==, i);
      status = CJM_STATUS_DONE;
      g_assert_true (cjm_status_from_string (padded, &status));
      g_assert_cmpint (status, ==, i);
      g_assert_nonnull (cjm_status_get_label (i));
    }
  for (guint i = 0; i < G_N_ELEMENTS (not_statuses); i++)
    g_assert_false (cjm_status_from_string (not_statuses[i], &status));
  g_assert_false (cjm_status_from_string (NULL, &status));

  for (guint i = 0; i < G_N_ELEMENTS (horizons); i++)
    {
      g_assert_cmpstr (cjm_horizon_to_string (i), ==, horizons[i]);
      g_assert_true (cjm_horizon_from_string (horizons[i], &horizon));
      g_assert_cmpint (horizon, ==, i);
    }
  g_assert_null (cjm_horizon_to_string (CJM_HORIZON_NONE));
  g_assert_cmpstr (cjm_horizon_get_label (CJM_HORIZON_NONE), ==, "Not scheduled");
  for (guint i = 0; i < G_N_ELEMENTS (not_horizons); i++)
    g_assert_false (cjm_horizon_from_string (not_horizons[i], &horizon));

  for (guint i = 0; i < G_N_ELEMENTS (quadrants); i++)
    {
      g_assert_cmpstr (cjm_quadrant_to_string (i), ==, quadrants[i]);
      g_assert_nonnull (cjm_quadrant_get_label (i));
    }
  g_assert_cmpstr (cjm_quadrant_get_label (CJM_QUADRANT_QUICK_WIN), ==, "Quick win");

  g_assert_true (cjm_status_is_open (CJM_STATUS_IDEA));
  g_assert_true (cjm_status_is_open (CJM_STATUS_PLANNED));
  g_assert_true (cjm_status_is_open (CJM_STATUS_IN_PROGRESS));
  g_assert_false (cjm_status_is_open (CJM_STATUS_DONE));
  g_assert_false (cjm_status_is_open (CJM_STATUS_DROPPED));
}

static void
test_dates (void)
{
  static const char * const valid[] = {
    "2027-03-31", " 2027-03-31\n", "2028-02-29", "2000-02-29", "0001-01-01", "9999-12-31",
  };
  static const char * const invalid[] = {
    "", "2027-02-29", "1900-02-29", "2027-13-01", "2027-00-10", "2027-04-31", "2027-3-31",
    "27-03-31", "2027/03/31", "31-03-2027", "2027-03-31T10:00", "2027-03-31Z", "+2027-03-31",
    "0000-01-01", "2027-03-3a", "2027 03 31",
  };
  GDate date;

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    if (!cjm_plan_parse_date (valid[i], NULL))
      g_error ("“%s” is a date", valid[i]);
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    if (cjm_plan_parse_date (invalid[i], NULL))
      g_error ("“%s” is not a date", invalid[i]);
  g_assert_false (cjm_plan_parse_date (NULL, NULL));

  g_date_clear (&date, 1);
  g_assert_true (cjm_plan_parse_date ("2027-03-31", &date));
  g_assert_cmpuint (g_date_get_year (&date), ==, 2027);
  g_assert_cmpuint (g_date_get_month (&date), ==, 3);
  g_assert_cmpuint (g_date_get_day (&date), ==, 31);
}

/* High impact is 4 or 5, low effort 1 or 2; anything absent or out of
 * range is unscored. */
static void
test_quadrants (void)
{
  for (int impact = -1; impact <= 6; impact++)
    for (int effort = -1; effort <= 6; effort++)
      {
        CjmQuadrant expected;

        if (impact < 1 || impact > 5 || effort < 1 || effort > 5)
          expected = CJM_QUADRANT_UNSCORED;
        else if (impact >= 4)
          expected = effort <= 2 ? CJM_QUADRANT_QUICK_WIN : CJM_QUADRANT_BIG_BET;
        else
          expected = effort <= 2 ? CJM_QUADRANT_FILL_IN : CJM_QUADRANT_MONEY_PIT;
        g_assert_cmpint (cjm_quadrant_for (impact, effort), ==, expected);
      }
  g_assert_cmpint (cjm_quadrant_for (4, 2), ==, CJM_QUADRANT_QUICK_WIN);
  g_assert_cmpint (cjm_quadrant_for (4, 3), ==, CJM_QUADRANT_BIG_BET);
  g_assert_cmpint (cjm_quadrant_for (3, 2), ==, CJM_QUADRANT_FILL_IN);
  g_assert_cmpint (cjm_quadrant_for (3, 3), ==, CJM_QUADRANT_MONEY_PIT);
}

static GPtrArray *
scores_new (const char *first,
            ...)
{
  GPtrArray *scores = cjm_list_new (CJM_LIST_SCORES);
  va_list args;

  va_start (args, first);
  for (const char *role = first; role != (const char *) 1; role = va_arg (args, const char *))
    {
      const char *impact = va_arg (args, const char *);
      const char *effort = va_arg (args, const char *);

      g_ptr_array_add (scores, cjm_score_new (role, impact, effort, NULL));
    }
  va_end (args);
  return scores;
}

#define END_SCORES ((const char *) 1)

/* The first score of each role counts (roles compare trimmed and case
 * folded; a blank one does not count), valid values only; a gap of 2 is a
 * dispute, 1 is not. */
static void
test_spread (void)
{
  g_autoptr(GPtrArray) close = scores_new ("IT", "5", "2", "Ops", "4", "3", END_SCORES);
  g_autoptr(GPtrArray) apart = scores_new ("IT", "5", NULL, "Ops", " 3 ", NULL, END_SCORES);
  g_autoptr(GPtrArray) repeated = scores_new ("IT", "5", "1", " it ", "1", "5", NULL, "1", "5",
                                              "  ", "1", "5", "Ops", "9", "high", END_SCORES);
  g_autoptr(GPtrArray) counted = g_ptr_array_new ();
  CjmScoreSpread spread;

  cjm_plan_score_spread (close, &spread, NULL);
  g_assert_cmpuint (spread.n_roles, ==, 2);
  g_assert_cmpint (spread.impact_min, ==, 4);
  g_assert_cmpint (spread.impact_max, ==, 5);
  g_assert_cmpint (spread.effort_min, ==, 2);
  g_assert_cmpint (spread.effort_max, ==, 3);
  g_assert_false (spread.disputed);

  cjm_plan_score_spread (apart, &spread, NULL);
  g_assert_cmpint (spread.impact_min, ==, 3);
  g_assert_cmpint (spread.impact_max, ==, 5);
  g_assert_cmpint (spread.effort_min, ==, 0);
  g_assert_cmpint (spread.effort_max, ==, 0);
  g_assert_true (spread.disputed);

  cjm_plan_score_spread (repeated, &spread, counted);
  g_assert_cmpuint (spread.n_roles, ==, 2);
  g_assert_cmpuint (counted->len, ==, 2);
  g_assert_true (g_ptr_array_index (counted, 0) == g_ptr_array_index (repeated, 0));
  g_assert_true (g_ptr_array_index (counted, 1) == g_ptr_array_index (repeated, 4));
  g_assert_cmpint (spread.impact_min, ==, 5);
  g_assert_cmpint (spread.effort_max, ==, 1);
  g_assert_false (spread.disputed);

  cjm_plan_score_spread (NULL, &spread, NULL);
  g_assert_cmpuint (spread.n_roles, ==, 0);
  g_assert_false (spread.disputed);
}

/* tests/fixtures/plan-order.cjm: see the comment in the file. */
static void
test_order (void)
{
  static const char * const expected[] = {
    "a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9", "a10", "a11", "b1", "c1", "d1", "d2",
    "e1", "e2", "e3",
  };
  g_autoptr(CjmDocument) document = test_load_fixture ("plan-order.cjm");
  g_autoptr(GPtrArray) plan = cjm_plan_new (document);

  g_assert_cmpuint (plan->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < plan->len; i++)
    {
      const CjmPlanEntry *entry = g_ptr_array_index (plan, i);

      g_assert_cmpstr (entry->id, ==, expected[i]);
      g_assert_true (entry->open == (i < 15));
      g_assert_true (cjm_document_get_item (document, CJM_KIND_OPPORTUNITY, entry->index)
                     == entry->item);
    }

  /* The comparison is an order: antisymmetric, zero only for itself. */
  for (guint i = 0; i < plan->len; i++)
    for (guint j = 0; j < plan->len; j++)
      {
        int ij = cjm_plan_entry_compare (g_ptr_array_index (plan, i), g_ptr_array_index (plan, j));
        int ji = cjm_plan_entry_compare (g_ptr_array_index (plan, j), g_ptr_array_index (plan, i));

        g_assert_cmpint (ij < 0 ? -1 : ij > 0, ==, -(ji < 0 ? -1 : ji > 0));
        g_assert_true ((ij == 0) == (i == j));
        g_assert_true ((ij < 0) == (i < j) || i == j);
      }
}

static const CjmPlanEntry *
entry_for (GPtrArray  *plan,
           const char *id)
{
  for (guint i = 0; i < plan->len; i++)
    if (g_strcmp0 (((CjmPlanEntry *) g_ptr_array_index (plan, i))->id, id) == 0)
      return g_ptr_array_index (plan, i);
  g_error ("no entry %s", id);
}

static void
test_entries (void)
{
  g_autoptr(CjmDocument) document = test_load_fixture ("plan-order.cjm");
  g_autoptr(GPtrArray) plan = cjm_plan_new (document);
  const CjmPlanEntry *entry;
  const CjmPlanScore *score;

  entry = entry_for (plan, "a1");
  g_assert_cmpstr (entry->title, ==, "Now quick win, reach 2");
  g_assert_cmpstr (entry->stage, ==, "s1");
  g_assert_cmpstr (entry->owner, ==, "Customer Service");
  g_assert_cmpint (entry->status, ==, CJM_STATUS_PLANNED);
  g_assert_cmpint (entry->horizon, ==, CJM_HORIZON_NOW);
  g_assert_cmpstr (entry->due, ==, "2027-03-31");
  g_assert_cmpint (entry->impact, ==, 5);
  g_assert_cmpint (entry->effort, ==, 1);
  g_assert_cmpint (entry->quadrant, ==, CJM_QUADRANT_QUICK_WIN);
  g_assert_cmpuint (entry->reach, ==, 2);
  g_assert_cmpuint (entry->scores->len, ==, 2);
  score = g_ptr_array_index (entry->scores, 0);
  g_assert_cmpstr (score->role, ==, "IT");
  g_assert_cmpint (score->impact, ==, 5);
  g_assert_cmpint (score->effort, ==, 4);
  g_assert_cmpstr (score->comment, ==, "Gateway");
  g_assert_true (entry->spread.disputed);
  g_assert_cmpint (entry->spread.effort_min, ==, 2);

  entry = entry_for (plan, "a2");       /* "t1 t1 t-gone" */
  g_assert_cmpuint (entry->reach, ==, 1);
  g_assert_cmpint (entry->status, ==, CJM_STATUS_IN_PROGRESS);
  entry = entry_for (plan, "a3");       /* status "started", addresses a note */
  g_assert_cmpint (entry->status, ==, CJM_STATUS_IDEA);
  g_assert_true (entry->open);
  g_assert_cmpuint (entry->reach, ==, 1);
  entry = entry_for (plan, "a11");      /* impact "9" */
  g_assert_cmpint (entry->impact, ==, 0);
  g_assert_cmpint (entry->quadrant, ==, CJM_QUADRANT_UNSCORED);
  entry = entry_for (plan, "d2");       /* horizon "soon" */
  g_assert_cmpint (entry->horizon, ==, CJM_HORIZON_NONE);
  g_assert_null (entry->due);
  entry = entry_for (plan, "e2");
  g_assert_cmpint (entry->status, ==, CJM_STATUS_DROPPED);
  g_assert_false (entry->open);
  entry = entry_for (plan, "e3");
  g_assert_null (entry->owner);
  g_assert_cmpuint (entry->scores->len, ==, 0);
  g_assert_cmpuint (entry->spread.n_roles, ==, 0);
}

/* Reach counts distinct touchpoints and notes, even when another kind of
 * item took the id first; owners and due dates are tidied or dropped. */
static void
test_entry_values (void)
{
  static const char text[] =
    "<journey-map xmlns='urn:x-cjm:1' version='1.1'><title>t</title>"
    "<stages><stage id='x'/></stages>"
    "<touchpoints><touchpoint id='x'/><touchpoint id='t'/></touchpoints>"
    "<notes><note id='n'/></notes>"
    "<opportunities>"
    "<opportunity id='o1' owner=' Ops \n team ' due=' 2027-01-31 ' addresses='x t n x s'/>"
    "<opportunity id='o2' owner='   ' due='2027-02-31' addresses='o1'/>"
    "</opportunities></journey-map>";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, sizeof text - 1);
  g_autoptr(CjmDocument) document = test_load_bytes (bytes, "values.cjm");
  g_autoptr(CjmPlanEntry) o1 = cjm_plan_entry_new (document, cjm_document_lookup (document, "o1"));
  g_autoptr(CjmPlanEntry) o2 = cjm_plan_entry_new (document, cjm_document_lookup (document, "o2"));

  g_assert_cmpuint (o1->reach, ==, 3);
  g_assert_cmpstr (o1->owner, ==, "Ops team");
  g_assert_cmpstr (o1->due, ==, "2027-01-31");
  g_assert_null (o1->title);
  g_assert_cmpuint (o1->index, ==, 0);

  /* an opportunity is not something to address */
  g_assert_cmpuint (o2->reach, ==, 0);
  g_assert_null (o2->owner);
  g_assert_null (o2->due);
  g_assert_cmpuint (o2->index, ==, 1);
  g_assert_cmpint (cjm_plan_get_status (o2->item), ==, CJM_STATUS_IDEA);
  g_assert_cmpint (cjm_plan_get_horizon (o2->item), ==, CJM_HORIZON_NONE);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plan/words", test_words);
  g_test_add_func ("/plan/dates", test_dates);
  g_test_add_func ("/plan/quadrants", test_quadrants);
  g_test_add_func ("/plan/spread", test_spread);
  g_test_add_func ("/plan/order", test_order);
  g_test_add_func ("/plan/entries", test_entries);
  g_test_add_func ("/plan/entry-values", test_entry_values);

  return g_test_run ();
}
