/* test-checker-rules.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every rule of RULES.md on a fixture map that fires it and on a near miss
 * that must not (tests/fixtures/checker/<rule>-fires.cjm, -near-miss.cjm).
 * Each fixture says in a comment what it holds. The findings of the rule
 * under test are compared exactly: rule, severity, targets in order, and
 * the parts of the message that name the items and values.
 */

#include "config.h"

#include <string.h>

#include "checker-test-util.h"

#define MAX_EXPECTED 24
#define MAX_PARTS 4

typedef struct {
  const char *targets;
  const char *parts[MAX_PARTS];
} Expected;

typedef struct {
  const char *fixture;
  const char *rule;
  const char *severity;
  Expected    expected[MAX_EXPECTED];   /* ends with a NULL targets */
} RuleCase;

static const RuleCase cases[] = {
  /* F01: 0 and 0.00 are equal, 5 is not; the key compares case-folded
   * ("fee", "Fee"). Two touchpoints of one lane that disagree also
   * conflict. */
  { "f01-fires", "CJM-F01", "error", {
      { "t-web t-app t-call",
        { "“Pay bill” states fee 0 on Website and Mobile app but 5 on Call center" } },
      { "t-web-2 t-web-3", { "posting time instant on Website but 2 days on Website" } },
      { NULL } } },
  /* 49.00 ILS = 49 ILS = 49 ils; 0 = 0.0 = 00; “Instant” = “ instant”; two
   * touchpoints of one lane only are not siblings. */
  { "f01-near-miss", "CJM-F01", "error", { { NULL } } },

  { "e01-fires", "CJM-E01", "warning", {
      { "t-web t-app t-call", { "“Pay bill”", "2 on Website", "-1 on Call center", "gap of 3" } },
      { NULL } } },
  { "e01-spread", "CJM-E01", "warning", {
      { "t-web t-call", { "1 on Website", "-1 on Call center", "the limit is 2" } },
      { NULL } } },
  /* a spread of exactly 2 with the default 3 */
  { "e01-near-miss", "CJM-E01", "warning", { { NULL } } },

  { "s02-fires", "CJM-S02", "warning", {
      { "t-web t-app t-call",
        { "“Pay bill” is in stage “Pay” on Website and Mobile app but in stage “Confirm” on Call "
          "center" } },
      { NULL } } },
  { "s02-near-miss", "CJM-S02", "warning", { { NULL } } },

  { "k01-fires", "CJM-K01", "warning", {
      { "t-web t-app t-call",
        { "Conversion and CSAT on Website", "Conversion on Mobile app", "no KPI on Call center" } },
      { NULL } } },
  { "k01-near-miss", "CJM-K01", "warning", { { NULL } } },

  { "o01-fires", "CJM-O01", "warning", {
      { "t-branch", { "“t-branch” on Service branch has no owner" } },
      { NULL } } },
  { "o01-near-miss", "CJM-O01", "warning", { { NULL } } },

  { "o02-fires", "CJM-O02", "info", {
      { "t-web t-app t-call",
        { "“Pay bill” is owned by Digital on Website and Mobile app but by Billing on Call "
          "center" } },
      { NULL } } },
  { "o02-near-miss", "CJM-O02", "info", { { NULL } } },

  { "o03-fires", "CJM-O03", "warning", {
      { "t-deliver", { "“t-deliver” on Courier", "“FastCourier”" } },
      { NULL } } },
  { "o03-near-miss", "CJM-O03", "warning", { { NULL } } },

  /* targets: the missing lane first, then the interaction's touchpoints */
  { "c01-fires", "CJM-C01", "info", {
      { "l-call t-web t-app",
        { "“Pay bill” is offered on Website and Mobile app in stage “Pay”, but not on Call "
          "center" } },
      { NULL } } },
  { "c01-near-miss", "CJM-C01", "info", { { NULL } } },

  { "g01-fires", "CJM-G01", "warning", {
      { "s2", { "Stage “Pay”", "“Pay in two minutes”" } },
      { NULL } } },
  { "g01-near-miss", "CJM-G01", "warning", { { NULL } } },

  { "p01-fires", "CJM-P01", "warning", {
      { "t-call", { "“t-call” on Call center has emotion -2" } },
      { "t-web", { "“t-web” on Website has emotion -3" } },
      { NULL } } },
  { "p01-near-miss", "CJM-P01", "warning", { { NULL } } },
  /* a dropped opportunity (status "dropped", white space around allowed)
   * is no action on a pain */
  { "p01-dropped-fires", "CJM-P01", "warning", {
      { "t-call", { "“t-call” on Call center has emotion -2 and no opportunity addresses it" } },
      { "t-web", { "“t-web” on Website has emotion -3" } },
      { NULL } } },
  /* done, planned and no status count; a dropped one beside them does not
   * matter */
  { "p01-dropped-near-miss", "CJM-P01", "warning", { { NULL } } },

  /* one maximal run of four stages, not two runs of three */
  { "t01-fires", "CJM-T01", "info", {
      { "s1 s2 s3 s4", { "4 stages", "from 2.0 in “Stage 1” to -1.0 in “Stage 4”" } },
      { NULL } } },
  /* runs of two falling stages only */
  { "t01-near-miss", "CJM-T01", "info", { { NULL } } },

  { "m01-fires", "CJM-M01", "info", {
      { "t-call", { "“t-call” on Call center has no KPI and no data source" } },
      { "t-web", { "“t-web” on Website" } },
      { NULL } } },
  { "m01-near-miss", "CJM-M01", "info", { { NULL } } },

  /* one finding per touchpoint and synonym */
  { "x01-fires", "CJM-X01", "info", {
      { "t1", { "“Pay the Invoice” says “invoice” where the glossary prefers “bill”" } },
      { "t2", { "“Monthly bill” says “invoice”" } },
      { "t2", { "“Monthly bill” says “Statement”" } },
      { "t3", { "says “חשבונית” where the glossary prefers “חשבון”" } },
      { "t4", { "says “electronic mail” where the glossary prefers “e-mail”" } },
      { NULL } } },
  /* a synonym inside a longer word (Invoices, reinvoice, invoice2, the
   * Hebrew word with a prefix letter) is not a use of it */
  { "x01-near-miss", "CJM-X01", "info", { { NULL } } },

  { "r01-fires", "CJM-R01", "info", {
      { "o1", { "“Fix o1” has no impact rating" } },
      { "o2", { "“Fix o2” has no effort rating" } },
      { "o3", { "“Fix o3” has neither an impact nor an effort rating" } },
      { NULL } } },
  { "r01-near-miss", "CJM-R01", "info", { { NULL } } },

  /* the roles at both ends are named, not those in between */
  { "r02-fires", "CJM-R02", "info", {
      { "o1", { "Opportunity “Fix o1”: the roles disagree on impact: 5 from Customer Service but "
                "3 from IT" } },
      { "o2", { "Opportunity “Fix o2”: the roles disagree on effort: 5 from IT but 3 from "
                "Operations" } },
      { "o3", { "the roles disagree on impact (5 from Customer Service and Billing but 2 from IT) "
                "and on effort (4 from IT and Billing but 1 from Customer Service)" } },
      { NULL } } },
  /* gaps of 1; one score; a value absent in one of two scores */
  { "r02-near-miss", "CJM-R02", "info", { { NULL } } },

  { "r03-fires", "CJM-R03", "warning", {
      { "o1", { "Opportunity “Fix o1” has the horizon “now” but no owner" } },
      /* an owner of only white space is none */
      { "o2", { "Opportunity “Fix o2” has the horizon “next” but no owner" } },
      { "o3", { "Opportunity “Fix o3” is planned but has no owner" } },
      { "o4", { "Opportunity “Fix o4” is in progress with the horizon “now” but has no owner" } },
      { NULL } } },
  /* horizon later; idea, done, dropped; nothing set; an owner */
  { "r03-near-miss", "CJM-R03", "warning", { { NULL } } },

  /* targets: from, then to */
  { "h01-fires", "CJM-H01", "warning", {
      { "t-web t-call", { "from “t-web” on Website to “t-call” on Call center",
                          "from 2 to 0" } },
      { NULL } } },
  { "h01-near-miss", "CJM-H01", "warning", { { NULL } } },

  { "d01-fires", "CJM-D01", "warning", {
      { "t-app", { "“t-app” on Mobile app in stage “Pay” has no outgoing link" } },
      { NULL } } },
  { "d01-near-miss", "CJM-D01", "warning", { { NULL } } },
  { "d01-no-links", "CJM-D01", "warning", { { NULL } } },

  /* Every fault FORMAT.md lists, one finding each, in document order. */
  { "s01-fires", "CJM-S01", "error", {
      { "t-nostage", { "Touchpoint “t-nostage”: there is no stage “s9”" } },
      { "t-nolane", { "there is no lane “l-nowhere”" } },
      { "t-text", { "Touchpoint “t-text” sits in lane “Pain points”, which is not a channel "
                    "lane" } },
      { "t-emo", { "emotion “9” is not a whole number from -3 to 3" } },
      { "t-emo", { "target emotion “high”" } },
      { "t-emo", { "there is no persona “p2”" } },
      { "t-dup", { "Touchpoint “t-dup”: the id “t-dup” is already used by touchpoint" } },
      { "1bad", { "“1bad” is not a valid id" } },
      { "", { "Touchpoint “Anonymous”: the id is missing" } },
      { "", { "Touchpoint “Anonymous”: no stage is set" } },
      { "n-chan", { "Note “In a channel lane” sits in lane “Website”, which is not a text "
                    "lane" } },
      { "s1", { "Note “Reuses a stage id”: the id “s1” is already used by stage “Notice”" } },
      { "o-range", { "impact “0” is not a whole number from 1 to 5" } },
      { "o-range", { "effort “6”" } },
      { "o-range", { "addresses “t-gone”, but there is no touchpoint or note" } },
      { "o-lane", { "Opportunity “Fix o-lane” sits in lane “Website”, which is not an "
                    "opportunities lane" } },
      /* for a link, the end that exists */
      { "t-emo", { "The link from “t-emo” to “t-gone” ends at “t-gone”" } },
      { "t-text", { "starts at “t-ghost”, but there is no card" } },
      { "", { "The suppression of CJM-M01 names “t-vanished”" } },
      { NULL } } },

  /* The faults of the action plan (1.1): one finding each, in the order of
   * the attributes, then score by score. */
  { "s01-plan-fires", "CJM-S01", "error", {
      { "o-values", { "Opportunity “Fix o-values”: status “started” is not one of idea, planned, "
                      "in-progress, done or dropped" } },
      { "o-values", { "Opportunity “Fix o-values”: horizon “soon” is not one of now, next or "
                      "later" } },
      /* not a calendar date */
      { "o-values", { "Opportunity “Fix o-values”: due date “2027-02-30” is not a calendar "
                      "date" } },
      { "o-date", { "due date “31/03/2027” is not a calendar date (YYYY-MM-DD)" } },
      { "o-scores", { "Opportunity “Fix o-scores”: score 1 has no role" } },
      { "o-scores", { "impact “0” in score 1 is not a whole number from 1 to 5" } },
      { "o-scores", { "impact “9” in the score of IT is not a whole number from 1 to 5" } },
      { "o-scores", { "effort “high” in the score of IT is not a whole number from 1 to 5" } },
      /* roles compare trimmed and case-folded */
      { "o-scores", { "Opportunity “Fix o-scores”: the role “it” has more than one score" } },
      { "o-scores", { "score 5 has no role" } },
      { NULL } } },
  /* white space around the values, a leap day, roles that only share a
   * word, scores with values absent */
  { "s01-plan-near-miss", "CJM-S01", "error", { { NULL } } },
};

static CjmDocument *
load_fixture (const char *name)
{
  g_autofree char *basename = g_strconcat (name, ".cjm", NULL);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "checker",
                                                 basename, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CjmDocument *document = cjm_document_new_from_file (file, &error);

  g_assert_no_error (error);
  return document;
}

static void
test_rule_case (gconstpointer data)
{
  const RuleCase *rule_case = data;
  g_autoptr(CjmDocument) document = load_fixture (rule_case->fixture);
  g_autoptr(GPtrArray) findings = cjm_check_document (document);
  g_autoptr(GPtrArray) found = tu_filter_rule (findings, rule_case->rule);
  g_autofree char *shown = tu_describe_array (found, TRUE);
  guint n_expected = 0;

  while (rule_case->expected[n_expected].targets != NULL)
    n_expected++;

  if (found->len != n_expected)
    g_error ("%s: expected %u %s findings, got:\n%s", rule_case->fixture, n_expected,
             rule_case->rule, shown);

  for (guint i = 0; i < n_expected; i++)
    {
      const Expected *expected = &rule_case->expected[i];

      tu_assert_finding (g_ptr_array_index (found, i), rule_case->rule, rule_case->severity,
                         expected->targets, expected->parts[0], expected->parts[1],
                         expected->parts[2], expected->parts[3], NULL);
    }

  /* The fixtures are sound maps, except those about faults. */
  if (strcmp (rule_case->rule, "CJM-S01") != 0)
    {
      g_autoptr(GPtrArray) faults = tu_filter_rule (findings, "CJM-S01");
      g_autofree char *faults_shown = tu_describe_array (faults, TRUE);

      g_assert_cmpstr (faults_shown, ==, "");
    }
}

/* Items whose stage or lane is missing or of the wrong kind take part only
 * in S01: no M01, O01, D01, E01… for them (o-lane would have R02 and R03). */
static void
test_unplaced_only_s01 (void)
{
  g_autoptr(CjmDocument) document = load_fixture ("s01-fires");
  g_autoptr(GPtrArray) findings = cjm_check_document (document);
  const char *unplaced[] = { "t-nostage", "t-nolane", "t-text", "n-chan", "o-lane" };

  for (guint i = 0; i < findings->len; i++)
    {
      CjmFinding *finding = g_ptr_array_index (findings, i);

      if (strcmp (cjm_finding_get_rule (finding), "CJM-S01") == 0)
        continue;
      for (guint u = 0; u < G_N_ELEMENTS (unplaced); u++)
        g_assert_false (cjm_finding_has_target (finding, unplaced[u]));
    }
}

/* R02 counts valid values of scores with a role, the first score of each
 * role only: the faulty scores of s01-plan-fires would make a dispute. */
static void
test_disputed_counts_valid_scores (void)
{
  g_autoptr(CjmDocument) document = load_fixture ("s01-plan-fires");
  g_autoptr(GPtrArray) findings = cjm_check_document (document);
  g_autoptr(GPtrArray) disputed = tu_filter_rule (findings, "CJM-R02");
  CjmItem *opportunity = cjm_document_lookup (document, "o-scores");
  g_autoptr(GPtrArray) scores = cjm_list_copy (CJM_LIST_SCORES,
                                               cjm_item_get_list (opportunity, CJM_LIST_SCORES));

  g_assert_cmpuint (disputed->len, ==, 0);

  /* The same scores with the IT impact in range: 5 against 1. */
  g_free (((CjmScore *) g_ptr_array_index (scores, 1))->impact);
  ((CjmScore *) g_ptr_array_index (scores, 1))->impact = g_strdup ("5");
  cjm_document_set_list (document, opportunity, CJM_LIST_SCORES, scores);
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = cjm_check_document (document);
  g_clear_pointer (&disputed, g_ptr_array_unref);
  disputed = tu_filter_rule (findings, "CJM-R02");
  g_assert_cmpuint (disputed->len, ==, 1);
  tu_assert_finding (g_ptr_array_index (disputed, 0), "CJM-R02", "info", "o-scores",
                     "impact: 5 from IT but 1 from Operations", NULL);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/checker/rules/%s", cases[i].fixture);
      g_test_add_data_func (path, &cases[i], test_rule_case);
    }
  g_test_add_func ("/checker/rules/unplaced-only-s01", test_unplaced_only_s01);
  g_test_add_func ("/checker/rules/disputed-counts-valid-scores",
                   test_disputed_counts_valid_scores);

  return g_test_run ();
}
