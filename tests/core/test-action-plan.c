/* test-action-plan.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Format 1.1, the action plan: what the reader builds from an opportunity's
 * status, horizon, due and scores (unknown XML in a score included), the
 * version a writer puts on the map (kept as read, 1.1 once a 1.1 feature
 * is used, never for 1.0 files that use none), and every edit of the new
 * values as an undoable command.
 */

#define G_LOG_DOMAIN "test"

#include "config.h"

#include <string.h>

#include "test-util.h"

static const char *
version_written (CjmDocument *document)
{
  g_autoptr(GBytes) bytes = cjm_document_serialize (document);
  const char *data = g_bytes_get_data (bytes, NULL);
  const char *root = strstr (data, "<journey-map ");
  const char *start;
  static char version[16];
  gsize n;

  g_assert_nonnull (root);
  start = strstr (root, " version=\"");
  g_assert_nonnull (start);
  g_assert_true (start < strchr (root, '>'));
  start += strlen (" version=\"");
  n = strcspn (start, "\"");
  g_assert_cmpuint (n, <, sizeof version);
  memcpy (version, start, n);
  version[n] = '\0';
  return version;
}

static void
test_read (void)
{
  g_autoptr(CjmDocument) document = test_load_fixture ("action-plan.cjm");
  CjmItem *o1 = cjm_document_lookup (document, "o1");
  CjmItem *o2 = cjm_document_lookup (document, "o2");
  GPtrArray *scores;
  CjmScore *score;
  CjmExtras *extras;

  g_assert_cmpstr (cjm_item_get_field (cjm_document_get_map (document), CJM_FIELD_VERSION), ==,
                   "1.1");
  g_assert_cmpstr (cjm_item_get_field (o1, CJM_FIELD_STATUS), ==, "planned");
  g_assert_cmpstr (cjm_item_get_field (o1, CJM_FIELD_HORIZON), ==, "now");
  g_assert_cmpstr (cjm_item_get_field (o1, CJM_FIELD_DUE), ==, "2027-03-31");
  g_assert_cmpstr (cjm_item_get_field (o1, CJM_FIELD_DESCRIPTION), ==,
                   "The agent sends a link; the customer pays in the app");
  g_assert_cmpstr (cjm_item_get_field (o2, CJM_FIELD_STATUS), ==, "dropped");
  g_assert_null (cjm_item_get_field (o2, CJM_FIELD_HORIZON));
  g_assert_cmpuint (cjm_item_get_list (o2, CJM_LIST_SCORES)->len, ==, 0);

  scores = cjm_item_get_list (o1, CJM_LIST_SCORES);
  g_assert_cmpuint (scores->len, ==, 3);
  score = g_ptr_array_index (scores, 0);
  g_assert_cmpstr (score->role, ==, "Customer Service");
  g_assert_cmpstr (score->impact, ==, "5");
  g_assert_cmpstr (score->effort, ==, "2");
  g_assert_null (score->text);
  g_assert_true (cjm_extras_is_empty (score->extras));

  score = g_ptr_array_index (scores, 1);
  g_assert_cmpstr (score->role, ==, "IT");
  g_assert_cmpstr (score->text, ==, "Needs the SMS gateway upgrade & a <new> contract");
  g_assert_cmpuint (score->extras->attrs->len, ==, 1);
  g_assert_cmpstr (((CjmRawAttr *) g_ptr_array_index (score->extras->attrs, 0))->name, ==,
                   "x:confidence");
  g_assert_cmpuint (score->extras->children->len, ==, 1);

  score = g_ptr_array_index (scores, 2);
  g_assert_cmpstr (score->role, ==, "Billing");
  g_assert_null (score->impact);
  g_assert_null (score->effort);

  /* The unknown element between two scores stays between them. */
  extras = cjm_item_get_extras (o1);
  g_assert_cmpuint (extras->children->len, ==, 1);
  g_assert_cmpuint (((CjmRawChild *) g_ptr_array_index (extras->children, 0))->anchor, ==, 3);
  g_assert_cmpstr (((CjmRawChild *) g_ptr_array_index (extras->children, 0))->xml, ==,
                   "<x:vote by=\"Dana\">yes</x:vote>");
}

/* A 1.0 file that uses nothing of 1.1 saves byte for byte, as 1.0; an
 * opportunity's description is not counted (1.0 files already had it). */
static void
test_version_kept (gconstpointer data)
{
  const char *path = data;
  g_autoptr(GBytes) original = test_read_file (path);
  g_autoptr(CjmDocument) document = test_load_bytes (original, path);
  g_autoptr(GBytes) saved = cjm_document_serialize (document);

  g_assert_cmpstr (version_written (document), ==, "1.0");
  test_assert_bytes_equal (saved, original);
}

typedef enum {
  USE_STATUS,
  USE_HORIZON,
  USE_DUE,
  USE_SCORES,
  N_USES
} Use;

static void
use_feature (CjmDocument *document,
             CjmItem     *opportunity,
             Use          use)
{
  g_autoptr(GPtrArray) scores = cjm_list_new (CJM_LIST_SCORES);

  switch (use)
    {
    case USE_STATUS:
      /* even the default value, or one that is not valid */
      cjm_document_set_field (document, opportunity, CJM_FIELD_STATUS, "idea");
      break;
    case USE_HORIZON:
      cjm_document_set_field (document, opportunity, CJM_FIELD_HORIZON, "soon");
      break;
    case USE_DUE:
      cjm_document_set_field (document, opportunity, CJM_FIELD_DUE, "2027-01-31");
      break;
    case USE_SCORES:
      g_ptr_array_add (scores, cjm_score_new ("IT", NULL, NULL, NULL));
      cjm_document_set_list (document, opportunity, CJM_LIST_SCORES, scores);
      break;
    case N_USES:
    default:
      g_assert_not_reached ();
    }
}

/* The version is bumped to 1.1 by each 1.1 feature, and only then: undo
 * gives the 1.0 file back byte for byte. */
static void
test_version_bumped (void)
{
  g_autofree char *path = test_fixture_path ("full.cjm");
  g_autoptr(GBytes) original = test_read_file (path);

  for (Use use = 0; use < N_USES; use++)
    {
      g_autoptr(CjmDocument) document = test_load_bytes (original, "full.cjm");
      CjmItem *opportunity = cjm_document_lookup (document, "o-2");
      g_autoptr(GBytes) undone = NULL;

      use_feature (document, opportunity, use);
      g_assert_cmpstr (version_written (document), ==, "1.1");
      /* the map's version as read is not changed: only what is written */
      g_assert_cmpstr (cjm_item_get_field (cjm_document_get_map (document), CJM_FIELD_VERSION),
                       ==, "1.0");

      g_assert_true (cjm_document_undo (document));
      undone = cjm_document_serialize (document);
      test_assert_bytes_equal (undone, original);
    }
}

/* A newer minor version stays as it is; a 1.1 file stays 1.1 without any
 * 1.1 feature; a map without a version gets 1.1 only when it needs it. */
static void
test_version_other (void)
{
  g_autoptr(CjmDocument) newer = test_load_fixture ("newer-minor.cjm");
  g_autoptr(CjmDocument) plan = test_load_fixture ("action-plan.cjm");
  static const char unversioned_text[] =
    "<journey-map xmlns='urn:x-cjm:1'><title>t</title><opportunities>"
    "<opportunity id='o'><title>o</title></opportunity></opportunities></journey-map>";
  g_autoptr(GBytes) bytes = g_bytes_new_static (unversioned_text, sizeof unversioned_text - 1);
  g_autoptr(CjmDocument) unversioned = test_load_bytes (bytes, "unversioned.cjm");
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(CjmDocument) fresh = cjm_document_new ();
  g_autoptr(CjmItem) opportunity = cjm_item_new (CJM_KIND_OPPORTUNITY);

  g_assert_cmpstr (version_written (newer), ==, "1.4");
  cjm_item_set_initial_field (opportunity, CJM_FIELD_ID, "o-new");
  cjm_document_insert_item (newer, opportunity, -1);
  use_feature (newer, opportunity, USE_STATUS);
  g_assert_cmpstr (version_written (newer), ==, "1.4");

  for (guint i = 0; i < cjm_document_get_n_items (plan, CJM_KIND_OPPORTUNITY); i++)
    {
      CjmItem *item = cjm_document_get_item (plan, CJM_KIND_OPPORTUNITY, i);
      g_autoptr(GPtrArray) none = cjm_list_new (CJM_LIST_SCORES);

      cjm_document_set_field (plan, item, CJM_FIELD_STATUS, NULL);
      cjm_document_set_field (plan, item, CJM_FIELD_HORIZON, NULL);
      cjm_document_set_field (plan, item, CJM_FIELD_DUE, NULL);
      cjm_document_set_list (plan, item, CJM_LIST_SCORES, none);
    }
  g_assert_cmpstr (version_written (plan), ==, "1.1");

  saved = cjm_document_serialize (unversioned);
  g_assert_true (test_bytes_contain (saved, "<journey-map xmlns=\"urn:x-cjm:1\">\n"));
  use_feature (unversioned, cjm_document_get_item (unversioned, CJM_KIND_OPPORTUNITY, 0),
               USE_DUE);
  g_assert_cmpstr (version_written (unversioned), ==, "1.1");

  g_assert_cmpstr (version_written (fresh), ==, "1.1");
}

/* Each new value is one undoable command with its change signal; undo and
 * redo give the bytes before and after. */
static void
on_changed (CjmDocument *document,
            CjmChange   *change,
            GArray      *changes)
{
  g_array_append_val (changes, *change);
}

static void
test_undo (void)
{
  g_autoptr(CjmDocument) document = test_load_fixture ("action-plan.cjm");
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (CjmChange));
  g_autoptr(GBytes) final = NULL;
  CjmItem *o3 = cjm_document_lookup (document, "o3");
  const CjmField fields[] = { CJM_FIELD_STATUS, CJM_FIELD_HORIZON, CJM_FIELD_DUE };
  const char *values[] = { "done", NULL, "2026-12-01" };

  g_signal_connect (document, "changed", G_CALLBACK (on_changed), changes);

  for (guint i = 0; i <= G_N_ELEMENTS (fields); i++)
    {
      g_autoptr(GBytes) before = cjm_document_serialize (document);
      g_autoptr(GBytes) after = NULL;
      g_autoptr(GBytes) undone = NULL;
      g_autoptr(GBytes) redone = NULL;
      CjmChange *change;

      g_array_set_size (changes, 0);
      if (i < G_N_ELEMENTS (fields))
        cjm_document_set_field (document, o3, fields[i], values[i]);
      else
        {
          g_autoptr(GPtrArray) scores = cjm_list_copy (CJM_LIST_SCORES,
                                                       cjm_item_get_list (o3, CJM_LIST_SCORES));

          g_ptr_array_add (scores, cjm_score_new ("Billing", "4", "1", "Cheap for us"));
          cjm_document_set_list (document, o3, CJM_LIST_SCORES, scores);
        }
      g_assert_cmpuint (changes->len, ==, 1);
      change = &g_array_index (changes, CjmChange, 0);
      g_assert_true (change->item == o3);
      if (i < G_N_ELEMENTS (fields))
        {
          g_assert_cmpint (change->type, ==, CJM_CHANGE_FIELD);
          g_assert_cmpint (change->field, ==, fields[i]);
          g_assert_cmpstr (cjm_item_get_field (o3, fields[i]), ==, values[i]);
        }
      else
        {
          g_assert_cmpint (change->type, ==, CJM_CHANGE_LIST);
          g_assert_cmpint (change->list, ==, CJM_LIST_SCORES);
          g_assert_cmpuint (cjm_item_get_list (o3, CJM_LIST_SCORES)->len, ==, 2);
        }

      after = cjm_document_serialize (document);
      g_assert_false (g_bytes_equal (before, after));
      g_assert_true (cjm_document_undo (document));
      undone = cjm_document_serialize (document);
      test_assert_bytes_equal (undone, before);
      g_assert_true (cjm_document_redo (document));
      redone = cjm_document_serialize (document);
      test_assert_bytes_equal (redone, after);
    }

  final = cjm_document_serialize (document);
  g_assert_true (test_bytes_contain (final,
                                     "<opportunity id=\"o3\" stage=\"s-pay\" lane=\"l-opp\" "
                                     "impact=\"2\" effort=\"5\" status=\"done\" "
                                     "due=\"2026-12-01\" addresses=\"t-call-pay\">\n"));
  g_assert_true (test_bytes_contain (final,
                                     "      <score role=\"IT\" effort=\"5\">Multi-year</score>\n"
                                     "      <score role=\"Billing\" impact=\"4\" effort=\"1\">"
                                     "Cheap for us</score>\n"));

  /* Setting the same value again is no command. */
  g_array_set_size (changes, 0);
  cjm_document_set_field (document, o3, CJM_FIELD_STATUS, "done");
  g_assert_cmpuint (changes->len, ==, 0);
}

/* Copies and comparisons of items know the scores. */
static void
test_item_copy (void)
{
  g_autoptr(CjmDocument) document = test_load_fixture ("action-plan.cjm");
  CjmItem *o1 = cjm_document_lookup (document, "o1");
  g_autoptr(CjmItem) copy = cjm_item_copy (o1);
  g_autoptr(CjmItem) other = cjm_item_copy (o1);
  CjmScore *score;

  g_assert_true (cjm_item_equal (o1, copy));
  score = g_ptr_array_index (cjm_item_get_list (other, CJM_LIST_SCORES), 1);
  g_free (score->text);
  score->text = g_strdup ("Changed");
  g_assert_false (cjm_item_equal (o1, other));
  g_free (score->text);
  score->text = g_strdup ("Needs the SMS gateway upgrade & a <new> contract");
  g_assert_true (cjm_item_equal (o1, other));
  cjm_extras_free (score->extras);
  score->extras = NULL;
  g_assert_false (cjm_item_equal (o1, other));
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *samples = test_shared_path ("samples");
  g_autoptr(GPtrArray) files = NULL;
  static const char * const fixtures_1_0[] = { "full.cjm", "unknown.cjm", "faults.cjm" };

  g_test_init (&argc, &argv, NULL);

  if (samples != NULL)
    files = test_list_files (samples, ".cjm");
  else
    files = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < G_N_ELEMENTS (fixtures_1_0); i++)
    g_ptr_array_add (files, test_fixture_path (fixtures_1_0[i]));
  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autofree char *base = g_path_get_basename (path);
      g_autofree char *name = g_strdup_printf ("/action-plan/version-kept/%s", base);

      g_test_add_data_func (name, path, test_version_kept);
    }

  g_test_add_func ("/action-plan/read", test_read);
  g_test_add_func ("/action-plan/version-bumped", test_version_bumped);
  g_test_add_func ("/action-plan/version-other", test_version_other);
  g_test_add_func ("/action-plan/undo", test_undo);
  g_test_add_func ("/action-plan/item-copy", test_item_copy);

  return g_test_run ();
}
