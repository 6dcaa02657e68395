/* test-plan-action.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cjm_document_plan_action() without a display: the opportunity it makes
 * from a finding's targets (stage, lane, addresses, title), the
 * opportunities lane it adds when the map has none, one undo step that
 * gives back the bytes before it, and a P01 finding that the new
 * opportunity answers.
 */

#define G_LOG_DOMAIN "test"

#include "config.h"

#include <string.h>

#include "cjm-checker.h"
#include "cjm-edit.h"
#include "cjm-plan-action.h"
#include "test-util.h"

static const char map_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<journey-map xmlns=\"urn:x-cjm:1\" version=\"1.0\" xml:lang=\"en\">\n"
  "  <title>Plan</title>\n"
  "  <stages>\n"
  "    <stage id=\"s-1\"><name>One</name></stage>\n"
  "    <stage id=\"s-2\"><name>Two</name></stage>\n"
  "  </stages>\n"
  "  <lanes>\n"
  "    <lane id=\"l-web\" kind=\"channel\" owner=\"Web\"><name>Web</name></lane>\n"
  "    <lane id=\"l-app\" kind=\"channel\" owner=\"App\"><name>App</name></lane>\n"
  "    %s\n"
  "  </lanes>\n"
  "  <touchpoints>\n"
  "    <touchpoint id=\"t-a\" stage=\"s-1\" lane=\"l-web\" emotion=\"1\"><title>A</title>"
  "<data-source>x</data-source></touchpoint>\n"
  "    <touchpoint id=\"t-b\" stage=\"s-2\" lane=\"l-web\" emotion=\"-3\"><title>Slow refund</title>"
  "<data-source>x</data-source></touchpoint>\n"
  "    <touchpoint id=\"t-c\" stage=\"s-2\" lane=\"l-app\" emotion=\"-2\"><title>C</title>"
  "<data-source>x</data-source></touchpoint>\n"
  "  </touchpoints>\n"
  "  %s\n"
  "</journey-map>\n";

static const char opp_lane[] =
  "<lane id=\"l-opp\" kind=\"opportunities\"><name>Ideas</name></lane>";
static const char one_opportunity[] =
  "<opportunities><opportunity id=\"o-x\" stage=\"s-2\" lane=\"l-opp\" impact=\"2\" effort=\"2\""
  " owner=\"Web\"><title>X</title></opportunity></opportunities>";

static CjmDocument *
load_map (gboolean with_lane)
{
  g_autofree char *xml = g_strdup_printf (map_xml, with_lane ? opp_lane : "",
                                          with_lane ? one_opportunity : "");
  g_autoptr(GBytes) bytes = g_bytes_new_take (g_strdup (xml), strlen (xml));

  return test_load_bytes (bytes, "plan.cjm");
}

static CjmFinding *
find_p01 (CjmChecker *checker,
          const char *target)
{
  GPtrArray *all = cjm_checker_get_all (checker);

  for (guint i = 0; i < all->len; i++)
    {
      CjmFinding *finding = g_ptr_array_index (all, i);

      if (g_strcmp0 (cjm_finding_get_rule (finding), "CJM-P01") == 0
          && g_strv_contains (cjm_finding_get_targets (finding), target))
        return finding;
    }
  return NULL;
}

/* One undo step labelled "Plan an action"; undo gives back @before to the
 * byte, redo the bytes after. */
static void
assert_one_step (CjmDocument *document,
                 GBytes      *before)
{
  g_autoptr(GBytes) after = cjm_document_serialize (document);
  g_autoptr(GBytes) undone = NULL;
  g_autoptr(GBytes) redone = NULL;

  g_assert_cmpstr (cjm_document_get_undo_label (document), ==, "Plan an action");
  g_assert_true (cjm_document_undo (document));
  g_assert_false (cjm_document_can_undo (document));
  undone = cjm_document_serialize (document);
  test_assert_bytes_equal (undone, before);
  g_assert_true (cjm_document_redo (document));
  redone = cjm_document_serialize (document);
  test_assert_bytes_equal (redone, after);
}

static void
test_into_existing_lane (void)
{
  g_autoptr(CjmDocument) document = load_map (TRUE);
  g_autoptr(CjmChecker) checker = cjm_checker_new (document);
  g_autoptr(GBytes) before = cjm_document_serialize (document);
  CjmFinding *finding = find_p01 (checker, "t-b");
  const char * const *targets;
  CjmItem *opportunity;
  g_autoptr(GPtrArray) cell = NULL;

  g_assert_nonnull (finding);
  targets = cjm_finding_get_targets (finding);
  opportunity = cjm_document_plan_action (document, targets, "  Refund faster ");

  g_assert_nonnull (opportunity);
  g_assert_cmpint (cjm_item_get_kind (opportunity), ==, CJM_KIND_OPPORTUNITY);
  g_assert_cmpstr (cjm_item_get_field (opportunity, CJM_FIELD_TITLE), ==, "Refund faster");
  g_assert_cmpstr (cjm_item_get_field (opportunity, CJM_FIELD_STAGE), ==, "s-2");
  g_assert_cmpstr (cjm_item_get_field (opportunity, CJM_FIELD_LANE), ==, "l-opp");
  g_assert_cmpstr (cjm_item_get_field (opportunity, CJM_FIELD_ADDRESSES), ==, "t-b");
  g_assert_null (cjm_item_get_field (opportunity, CJM_FIELD_IMPACT));
  g_assert_cmpuint (cjm_document_get_n_items (document, CJM_KIND_LANE), ==, 3);

  /* Last in its cell, after the opportunity already there. */
  cell = cjm_document_dup_cell_cards (document, cjm_document_lookup (document, "s-2"),
                                      cjm_document_lookup (document, "l-opp"));
  g_assert_cmpuint (cell->len, ==, 2);
  g_assert_true (g_ptr_array_index (cell, 1) == opportunity);

  /* The finding is answered; undo brings it back. */
  g_assert_null (find_p01 (checker, "t-b"));
  g_assert_nonnull (find_p01 (checker, "t-c"));
  assert_one_step (document, before);
  g_assert_true (cjm_document_undo (document));
  g_assert_nonnull (find_p01 (checker, "t-b"));
}

static void
test_adds_lane (void)
{
  g_autoptr(CjmDocument) document = load_map (FALSE);
  g_autoptr(GBytes) before = cjm_document_serialize (document);
  const char *targets[] = { "nothing", "t-c", "t-b", "t-c", "s-1", NULL };
  GPtrArray *lanes;
  CjmItem *lane;
  CjmItem *opportunity;

  opportunity = cjm_document_plan_action (document, targets, NULL);
  g_assert_nonnull (opportunity);

  lanes = cjm_document_get_items (document, CJM_KIND_LANE);
  g_assert_cmpuint (lanes->len, ==, 3);
  lane = g_ptr_array_index (lanes, 2);
  g_assert_cmpint (cjm_item_get_lane_kind (lane), ==, CJM_LANE_OPPORTUNITIES);
  g_assert_cmpstr (cjm_item_get_field (opportunity, CJM_FIELD_LANE), ==, cjm_item_get_id (lane));
  /* The first target that exists decides the stage; touchpoints only,
   * each once, in the targets' order. */
  g_assert_cmpstr (cjm_item_get_field (opportunity, CJM_FIELD_STAGE), ==, "s-2");
  g_assert_cmpstr (cjm_item_get_field (opportunity, CJM_FIELD_ADDRESSES), ==, "t-c t-b");
  g_assert_cmpstr (cjm_item_get_field (opportunity, CJM_FIELD_TITLE), ==,
                   cjm_kind_get_default_title (CJM_KIND_OPPORTUNITY));

  /* Lane and opportunity: one step. */
  assert_one_step (document, before);
}

static void
test_stage_target (void)
{
  g_autoptr(CjmDocument) document = load_map (TRUE);
  const char *targets[] = { "s-1", NULL };
  CjmItem *opportunity = cjm_document_plan_action (document, targets, "Serve the goal");

  g_assert_nonnull (opportunity);
  g_assert_cmpstr (cjm_item_get_field (opportunity, CJM_FIELD_STAGE), ==, "s-1");
  g_assert_null (cjm_item_get_field (opportunity, CJM_FIELD_ADDRESSES));
}

static void
test_nothing_to_plan (void)
{
  g_autoptr(CjmDocument) document = load_map (FALSE);
  g_autoptr(GBytes) before = cjm_document_serialize (document);
  g_autoptr(GBytes) after = NULL;
  const char *targets[] = { "nothing", "l-web", NULL };
  const char *none[] = { NULL };

  g_assert_null (cjm_document_plan_action (document, targets, "X"));
  g_assert_null (cjm_document_plan_action (document, none, "X"));
  g_assert_null (cjm_document_plan_action (document, NULL, "X"));
  g_assert_false (cjm_document_can_undo (document));
  after = cjm_document_serialize (document);
  test_assert_bytes_equal (after, before);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("LANGUAGE", "C", TRUE);

  g_test_add_func ("/model/plan-action/existing-lane", test_into_existing_lane);
  g_test_add_func ("/model/plan-action/adds-lane", test_adds_lane);
  g_test_add_func ("/model/plan-action/stage-target", test_stage_target);
  g_test_add_func ("/model/plan-action/nothing", test_nothing_to_plan);

  return g_test_run ();
}
