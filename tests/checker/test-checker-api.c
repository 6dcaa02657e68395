/* test-checker-api.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the findings panel and the canvas rely on: the list model, its
 * items-changed signals after edits, suppression as undoable commands,
 * showing suppressed findings, badges by target, the finding properties,
 * rules turned off.
 */

#include "config.h"

#include <string.h>

#include "../cjm-shared-samples.h"
#include "checker-test-util.h"

typedef struct {
  guint n_signals;
  guint position;
  guint removed;
  guint added;
} Signals;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Signals    *signals)
{
  signals->n_signals++;
  signals->position = position;
  signals->removed = removed;
  signals->added = added;
}

static CjmDocument *
load_sample (const char *name)
{
  g_autofree char *path = cjm_shared_sample (name);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  CjmDocument *document;

  g_assert_nonnull (path);
  file = g_file_new_for_path (path);
  document = cjm_document_new_from_file (file, &error);

  g_assert_no_error (error);
  return document;
}

static CjmFinding *
find (GListModel *model,
      const char *rule,
      const char *first_target)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CjmFinding) finding = g_list_model_get_item (model, i);

      if (strcmp (cjm_finding_get_rule (finding), rule) == 0
          && g_strcmp0 (cjm_finding_get_targets (finding)[0], first_target) == 0)
        return finding;
    }
  return NULL;
}

static void
test_model_type (void)
{
  g_autoptr(CjmDocument) document = load_sample ("bill-payment.cjm");
  g_autoptr(CjmChecker) checker = cjm_checker_new (document);
  GListModel *model = G_LIST_MODEL (checker);
  g_autoptr(GPtrArray) full = cjm_check_document (document);
  g_autofree char *expected = tu_describe_array (full, FALSE);
  g_autofree char *shown = tu_describe_model (model);

  g_assert_true (g_list_model_get_item_type (model) == CJM_TYPE_FINDING);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 21);
  g_assert_null (g_list_model_get_item (model, 21));
  g_assert_cmpstr (shown, ==, expected);
  g_assert_true (cjm_checker_get_document (checker) == document);
}

static void
test_finding_properties (void)
{
  g_autoptr(CjmDocument) document = load_sample ("bill-payment.cjm");
  g_autoptr(CjmChecker) checker = cjm_checker_new (document);
  g_autoptr(CjmFinding) finding = g_list_model_get_item (G_LIST_MODEL (checker), 0);
  g_autofree char *rule = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  g_auto(GStrv) targets = NULL;
  CjmSeverity severity;
  gboolean suppressed;

  g_object_get (finding, "rule", &rule, "name", &name, "severity", &severity,
                "message", &message, "targets", &targets, "suppressed", &suppressed, NULL);
  g_assert_cmpstr (rule, ==, "CJM-F01");
  g_assert_cmpstr (name, ==, "conflicting-facts");
  g_assert_cmpint (severity, ==, CJM_SEVERITY_ERROR);
  g_assert_nonnull (strstr (message, "“Bill reminder”"));
  g_assert_cmpuint (g_strv_length (targets), ==, 2);
  g_assert_cmpstr (targets[0], ==, "t-sms-due");
  g_assert_false (suppressed);
  g_assert_true (cjm_finding_has_target (finding, "t-app-push"));
  g_assert_false (cjm_finding_has_target (finding, "t-web-pay"));
  g_assert_cmpstr (cjm_severity_get_label (CJM_SEVERITY_WARNING), ==, "Warning");
}

/* A suppression hides exactly the findings of its rule that name its
 * target; adding and removing one are undoable steps. */
static void
test_suppress (void)
{
  g_autoptr(CjmDocument) document = load_sample ("bill-payment.cjm");
  g_autoptr(CjmChecker) checker = cjm_checker_new (document);
  GListModel *model = G_LIST_MODEL (checker);
  g_autoptr(CjmFinding) m01 = g_object_ref (find (model, "CJM-M01", "t-call-pay"));
  g_autoptr(GPtrArray) before = cjm_checker_find_for_target (checker, "t-call-pay");
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) hidden = NULL;
  CjmItem *supp;
  Signals signals = { 0 };

  g_assert_cmpuint (before->len, ==, 7);
  g_signal_connect (checker, "items-changed", G_CALLBACK (on_items_changed), &signals);

  cjm_checker_suppress (checker, m01, "IVR has no analytics yet");

  /* One row left the model, nothing else. */
  g_assert_cmpuint (signals.n_signals, ==, 1);
  g_assert_cmpuint (signals.removed, ==, 1);
  g_assert_cmpuint (signals.added, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 20);
  g_assert_null (find (model, "CJM-M01", "t-call-pay"));
  g_assert_true (cjm_finding_get_suppressed (m01));

  /* the suppression is in the file, with the reason */
  g_assert_cmpuint (cjm_document_get_n_items (document, CJM_KIND_SUPPRESSION), ==, 1);
  supp = cjm_document_get_item (document, CJM_KIND_SUPPRESSION, 0);
  g_assert_cmpstr (cjm_item_get_field (supp, CJM_FIELD_RULE), ==, "CJM-M01");
  g_assert_cmpstr (cjm_item_get_field (supp, CJM_FIELD_TARGET), ==, "t-call-pay");
  g_assert_cmpstr (cjm_item_get_field (supp, CJM_FIELD_TEXT), ==, "IVR has no analytics yet");

  /* other rules naming t-call-pay stay visible */
  after = cjm_checker_find_for_target (checker, "t-call-pay");
  g_assert_cmpuint (after->len, ==, 6);
  hidden = cjm_checker_dup_suppressed (checker);
  g_assert_cmpuint (hidden->len, ==, 1);
  g_assert_true (g_ptr_array_index (hidden, 0) == m01);

  /* undo and redo */
  g_assert_true (cjm_document_undo (document));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 21);
  g_assert_false (cjm_finding_get_suppressed (m01));
  g_assert_true (find (model, "CJM-M01", "t-call-pay") == m01);
  g_assert_true (cjm_document_redo (document));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 20);

  /* shown, marked */
  cjm_checker_set_show_suppressed (checker, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 21);
  g_assert_true (find (model, "CJM-M01", "t-call-pay") == m01);
  g_assert_true (cjm_finding_get_suppressed (m01));
  cjm_checker_set_show_suppressed (checker, FALSE);

  /* restore: one undo step that removes the suppression */
  cjm_checker_unsuppress (checker, m01);
  g_assert_cmpuint (cjm_document_get_n_items (document, CJM_KIND_SUPPRESSION), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 21);
  g_assert_cmpstr (cjm_document_get_undo_label (document), ==, "Restore Finding");
  g_assert_true (cjm_document_undo (document));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 20);
}

/* A suppression that names any target of a finding hides it, and only
 * findings of its rule. */
static void
test_suppress_other_target (void)
{
  g_autoptr(CjmDocument) document = load_sample ("bill-payment.cjm");
  g_autoptr(CjmChecker) checker = cjm_checker_new (document);
  GListModel *model = G_LIST_MODEL (checker);
  g_autoptr(GPtrArray) hidden = NULL;

  /* t-app-pay is the second target of the Pay bill O02 */
  tu_add (document, CJM_KIND_SUPPRESSION, CJM_FIELD_RULE, "CJM-O02", CJM_FIELD_TARGET, "t-app-pay",
          CJM_FIELD_TEXT, "Known", TU_END);
  hidden = cjm_checker_dup_suppressed (checker);
  g_assert_cmpuint (hidden->len, ==, 1);
  tu_assert_finding (g_ptr_array_index (hidden, 0), "CJM-O02", "info",
                     "t-web-pay t-app-pay t-call-pay t-branch-pay", "“Pay bill”", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 20);
  g_assert_nonnull (find (model, "CJM-O02", "t-sms-due"));
  g_assert_nonnull (find (model, "CJM-F01", "t-web-pay"));
}

/* Editing one touchpoint's title changes the rows that show it and keeps
 * every other finding object. */
static void
test_minimal_updates (void)
{
  g_autoptr(CjmDocument) document = load_sample ("bill-payment.cjm");
  g_autoptr(CjmChecker) checker = cjm_checker_new (document);
  GListModel *model = G_LIST_MODEL (checker);
  g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func (g_object_unref);
  CjmItem *branch_receipt = cjm_document_lookup (document, "t-branch-receipt");
  Signals signals = { 0 };
  guint kept = 0;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (before, g_list_model_get_item (model, i));
  g_signal_connect (checker, "items-changed", G_CALLBACK (on_items_changed), &signals);

  /* The title appears in D01, O01 and M01 of that touchpoint. */
  cjm_document_set_field (document, branch_receipt, CJM_FIELD_TITLE, "Paper receipt");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 21);
  for (guint i = 0; i < before->len; i++)
    {
      g_autoptr(CjmFinding) now = g_list_model_get_item (model, i);

      if (now == g_ptr_array_index (before, i))
        kept++;
      else
        g_assert_true (cjm_finding_has_target (now, "t-branch-receipt"));
    }
  g_assert_cmpuint (kept, ==, 18);
  g_assert_cmpuint (signals.n_signals, ==, 3);
  g_assert_cmpuint (signals.removed, ==, 1);
  g_assert_cmpuint (signals.added, ==, 1);

  /* An edit that changes nothing the rules see emits nothing. */
  signals.n_signals = 0;
  cjm_document_set_field (document, branch_receipt, CJM_FIELD_EVIDENCE, "observed");
  g_assert_cmpuint (signals.n_signals, ==, 0);

  /* Giving the touchpoint an owner removes its O01 (a warning) and makes
   * Receipt owned by Marketing and Retail (an O02, info): two rows. */
  cjm_document_set_field (document, branch_receipt, CJM_FIELD_OWNER, "Retail");
  g_assert_cmpuint (signals.n_signals, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 21);
  g_assert_null (find (model, "CJM-O01", "t-branch-receipt"));
  g_assert_nonnull (find (model, "CJM-O02", "t-email-receipt"));
}

/* A drag of an emotion point: the E01, T01 and H01 follow. */
static void
test_live_emotion (void)
{
  g_autoptr(CjmDocument) document = load_sample ("bill-payment.cjm");
  g_autoptr(CjmChecker) checker = cjm_checker_new (document);
  GListModel *model = G_LIST_MODEL (checker);
  CjmItem *web_bill = cjm_document_lookup (document, "t-web-bill");

  g_assert_nonnull (find (model, "CJM-E01", "t-web-bill"));
  g_assert_nonnull (find (model, "CJM-H01", "t-sms-due"));

  cjm_document_set_field (document, web_bill, CJM_FIELD_EMOTION, "0");
  g_assert_null (find (model, "CJM-E01", "t-web-bill"));
  g_assert_null (find (model, "CJM-H01", "t-sms-due"));

  cjm_document_set_field (document, web_bill, CJM_FIELD_EMOTION, "-3");
  g_assert_nonnull (find (model, "CJM-E01", "t-web-bill"));
  g_assert_nonnull (find (model, "CJM-H01", "t-sms-due"));
  /* o-labels addresses t-web-bill: no P01 */
  g_assert_null (find (model, "CJM-P01", "t-web-bill"));

  /* Back to -1, then the app payment feels 2 instead of 3: the stage means
   * become 1, 0.5, 0.25, 1.5, -3 and the first three stages fall. */
  g_assert_true (cjm_document_undo (document));
  g_assert_true (cjm_document_undo (document));
  g_assert_nonnull (find (model, "CJM-E01", "t-web-bill"));
  g_assert_null (find (model, "CJM-T01", "s-notice"));
  cjm_document_set_field (document, cjm_document_lookup (document, "t-app-pay"),
                          CJM_FIELD_EMOTION, "2");
  tu_assert_finding (find (model, "CJM-T01", "s-notice"), "CJM-T01", "info",
                     "s-notice s-understand s-pay", "3 stages", "from 1.0 in “Notice the bill” "
                     "to 0.2 in “Pay”", NULL);
}

/* Moving a touchpoint to another cell (one group) and back by undo. */
static void
test_live_move (void)
{
  g_autoptr(CjmDocument) document = load_sample ("bill-payment.cjm");
  g_autoptr(CjmChecker) checker = cjm_checker_new (document);
  GListModel *model = G_LIST_MODEL (checker);
  CjmItem *call_pay = cjm_document_lookup (document, "t-call-pay");
  g_autoptr(GPtrArray) full = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *shown = NULL;

  cjm_document_begin_group (document, "Move");
  cjm_document_set_field (document, call_pay, CJM_FIELD_STAGE, "s-confirm");
  cjm_document_set_field (document, call_pay, CJM_FIELD_LANE, "l-call");
  cjm_document_end_group (document);

  /* Pay bill is now in two stages; s-confirm gets a C01-free third lane. */
  g_assert_nonnull (find (model, "CJM-S02", "t-web-pay"));
  full = cjm_check_document (document);
  expected = tu_describe_array (full, FALSE);
  shown = tu_describe_model (model);
  g_assert_cmpstr (shown, ==, expected);

  cjm_document_undo (document);
  g_assert_null (find (model, "CJM-S02", "t-web-pay"));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 21);
}

/* Reloading the file replaces everything. */
static void
test_reload (void)
{
  g_autoptr(CjmDocument) document = load_sample ("bill-payment.cjm");
  g_autoptr(CjmChecker) checker = cjm_checker_new (document);
  GListModel *model = G_LIST_MODEL (checker);
  g_autoptr(GError) error = NULL;
  CjmItem *branch = cjm_document_lookup (document, "l-branch");

  cjm_document_set_field (document, branch, CJM_FIELD_OWNER, "Retail");
  g_assert_null (find (model, "CJM-O01", "t-branch-pay"));
  g_assert_true (cjm_document_reload (document, &error));
  g_assert_no_error (error);
  g_assert_nonnull (find (model, "CJM-O01", "t-branch-pay"));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 21);
}

/* Document position: findings of one rule follow the file's order, by
 * container (stages before touchpoints before notes …) then index; moving
 * a touchpoint in the file reorders its findings. */
static void
test_order (void)
{
  g_autoptr(CjmDocument) document = cjm_document_new ();
  g_autoptr(CjmChecker) checker = cjm_checker_new (document);
  GListModel *model = G_LIST_MODEL (checker);
  CjmItem *first;
  g_autofree char *shown = NULL;

  tu_add (document, CJM_KIND_STAGE, CJM_FIELD_ID, "s1", CJM_FIELD_NAME, "One", TU_END);
  tu_add (document, CJM_KIND_LANE, CJM_FIELD_ID, "l1", CJM_FIELD_LANE_KIND, "channel",
          CJM_FIELD_NAME, "Web", TU_END);
  first = tu_add (document, CJM_KIND_TOUCHPOINT, CJM_FIELD_ID, "t1", CJM_FIELD_STAGE, "s1",
                  CJM_FIELD_LANE, "l1", CJM_FIELD_TITLE, "First", TU_END);
  tu_add (document, CJM_KIND_TOUCHPOINT, CJM_FIELD_ID, "t2", CJM_FIELD_STAGE, "s1",
          CJM_FIELD_LANE, "l1", CJM_FIELD_TITLE, "Second", TU_END);
  tu_add (document, CJM_KIND_NOTE, CJM_FIELD_ID, "s1", CJM_FIELD_STAGE, "s1",
          CJM_FIELD_LANE, "l1", CJM_FIELD_TEXT, "Note", TU_END);
  tu_add (document, CJM_KIND_STAGE, CJM_FIELD_ID, "t1", CJM_FIELD_NAME, "Two", TU_END);

  /* The stage “Two” was added last but stages come before touchpoints in
   * the file: the touchpoint repeats its id. */
  shown = tu_describe_model (model);
  g_assert_cmpstr (shown, ==,
    "CJM-S01 error [t1] Touchpoint “First”: the id “t1” is already used by stage “Two”\n"
    "CJM-S01 error [s1] Note “Note”: the id “s1” is already used by stage “One”\n"
    "CJM-S01 error [s1] Note “Note” sits in lane “Web”, which is not a text lane\n"
    "CJM-O01 warning [t1] “First” on Web has no owner, and neither has its lane\n"
    "CJM-O01 warning [t2] “Second” on Web has no owner, and neither has its lane\n"
    "CJM-M01 info [t1] “First” on Web has no KPI and no data source\n"
    "CJM-M01 info [t2] “Second” on Web has no KPI and no data source\n");

  /* Moving the first touchpoint after the second moves its findings. */
  cjm_document_move_item (document, first, 1);
  g_clear_pointer (&shown, g_free);
  shown = tu_describe_model (model);
  g_assert_cmpstr (shown, ==,
    "CJM-S01 error [t1] Touchpoint “First”: the id “t1” is already used by stage “Two”\n"
    "CJM-S01 error [s1] Note “Note”: the id “s1” is already used by stage “One”\n"
    "CJM-S01 error [s1] Note “Note” sits in lane “Web”, which is not a text lane\n"
    "CJM-O01 warning [t2] “Second” on Web has no owner, and neither has its lane\n"
    "CJM-O01 warning [t1] “First” on Web has no owner, and neither has its lane\n"
    "CJM-M01 info [t2] “Second” on Web has no KPI and no data source\n"
    "CJM-M01 info [t1] “First” on Web has no KPI and no data source\n");
}

static guint
count_rule (GPtrArray  *findings,
            const char *rule)
{
  g_autoptr(GPtrArray) of_rule = tu_filter_rule (findings, rule);

  return of_rule->len;
}

static guint
count_rule_in_model (GListModel *model,
                     const char *rule)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CjmFinding) finding = g_list_model_get_item (model, i);

      if (strcmp (cjm_finding_get_rule (finding), rule) == 0)
        n++;
    }
  return n;
}

/* The rule ids the preferences and `cjm check --config` name rules by. */
static void
test_rule_ids (void)
{
  const char * const *ids = cjm_rule_list_ids ();

  g_assert_cmpuint (g_strv_length ((GStrv) ids), ==, 19);
  g_assert_cmpstr (ids[0], ==, "CJM-C01");
  g_assert_cmpstr (ids[18], ==, "CJM-X01");
  g_assert_true (g_strv_contains (ids, "CJM-R01"));
  g_assert_cmpstr (cjm_rule_id_canonicalize ("R01"), ==, "CJM-R01");
  g_assert_cmpstr (cjm_rule_id_canonicalize (" cjm-s01 "), ==, "CJM-S01");
  g_assert_cmpstr (cjm_rule_id_canonicalize ("s02"), ==, "CJM-S02");
  g_assert_null (cjm_rule_id_canonicalize ("Z01"));
  g_assert_null (cjm_rule_id_canonicalize (""));
  g_assert_null (cjm_rule_id_canonicalize (NULL));
}

/* A disabled rule yields no finding, in a one-shot check and live; the
 * other rules' findings stay as they were. */
static void
test_disabled_rules (void)
{
  g_autoptr(CjmDocument) document = load_sample ("bill-payment.cjm");
  g_autoptr(GPtrArray) full = cjm_check_document (document);
  const char *disabled[] = { "F01", "CJM-O01", "no-such-rule", NULL };
  g_autoptr(GPtrArray) some = cjm_check_document_full (document, NULL, disabled);
  g_autoptr(CjmChecker) checker = cjm_checker_new (document);
  g_autoptr(GPtrArray) badges = NULL;
  g_auto(GStrv) listed = NULL;
  Signals signals = { 0 };
  guint n_f01 = count_rule (full, "CJM-F01");
  guint n_o01 = count_rule (full, "CJM-O01");
  guint n_visible;

  g_assert_cmpuint (n_f01, >, 0);
  g_assert_cmpuint (n_o01, >, 0);
  g_assert_cmpuint (count_rule (some, "CJM-F01"), ==, 0);
  g_assert_cmpuint (count_rule (some, "CJM-O01"), ==, 0);
  g_assert_cmpuint (some->len, ==, full->len - n_f01 - n_o01);
  for (guint i = 0; i < some->len; i++)
    {
      g_autofree char *a = tu_describe (g_ptr_array_index (some, i));
      gboolean found = FALSE;

      for (guint k = 0; k < full->len && !found; k++)
        {
          g_autofree char *b = tu_describe (g_ptr_array_index (full, k));

          found = strcmp (a, b) == 0;
        }
      g_assert_true (found);
    }

  /* Live: turning a rule off takes its findings out of every list. */
  n_visible = g_list_model_get_n_items (G_LIST_MODEL (checker));
  g_assert_cmpuint (count_rule_in_model (G_LIST_MODEL (checker), "CJM-F01"), >, 0);
  badges = cjm_checker_find_for_target (checker, "t-call-pay");
  g_assert_cmpuint (count_rule (badges, "CJM-F01"), >, 0);
  g_clear_pointer (&badges, g_ptr_array_unref);
  g_signal_connect (checker, "items-changed", G_CALLBACK (on_items_changed), &signals);

  cjm_checker_set_disabled_rules (checker, (const char *[]) { "f01", NULL });
  listed = cjm_checker_dup_disabled_rules (checker);
  g_assert_cmpstrv (listed, ((const char *[]) { "CJM-F01", NULL }));
  g_assert_cmpuint (signals.n_signals, >, 0);
  g_assert_cmpuint (count_rule_in_model (G_LIST_MODEL (checker), "CJM-F01"), ==, 0);
  g_assert_cmpuint (count_rule (cjm_checker_get_all (checker), "CJM-F01"), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (checker)), <, n_visible);
  badges = cjm_checker_find_for_target (checker, "t-call-pay");
  g_assert_cmpuint (count_rule (badges, "CJM-F01"), ==, 0);
  g_clear_pointer (&badges, g_ptr_array_unref);

  /* An edit that makes a new conflict of facts still shows none. */
  tu_set_facts (document, cjm_document_lookup (document, "t-call-pay"),
                "fee", "7", "posting time", "2 business days", NULL);
  g_assert_cmpuint (count_rule_in_model (G_LIST_MODEL (checker), "CJM-F01"), ==, 0);
  g_assert_cmpuint (count_rule (cjm_checker_get_all (checker), "CJM-F01"), ==, 0);

  /* On again: the findings are back, as a full check has them. */
  cjm_checker_set_disabled_rules (checker, NULL);
  {
    g_autoptr(GPtrArray) now = cjm_check_document (document);
    g_autofree char *expected = tu_describe_array (now, FALSE);
    g_autofree char *shown = tu_describe_model (G_LIST_MODEL (checker));

    g_assert_cmpuint (count_rule (now, "CJM-F01"), >, 0);
    g_assert_cmpstr (shown, ==, expected);
  }
}

int
main (int    argc,
      char **argv)
{
  /* The tests read the shared samples. */
  cjm_shared_samples_require ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/checker/api/model", test_model_type);
  g_test_add_func ("/checker/api/finding-properties", test_finding_properties);
  g_test_add_func ("/checker/api/suppress", test_suppress);
  g_test_add_func ("/checker/api/suppress-other-target", test_suppress_other_target);
  g_test_add_func ("/checker/api/minimal-updates", test_minimal_updates);
  g_test_add_func ("/checker/api/live-emotion", test_live_emotion);
  g_test_add_func ("/checker/api/live-move", test_live_move);
  g_test_add_func ("/checker/api/reload", test_reload);
  g_test_add_func ("/checker/api/order", test_order);
  g_test_add_func ("/checker/api/rule-ids", test_rule_ids);
  g_test_add_func ("/checker/api/disabled-rules", test_disabled_rules);

  return g_test_run ();
}
