/* test-diff.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cjm_diff_documents(): items added, removed and changed between two
 * versions of a map, as the draft recovery dialog shows them.
 */

#include "config.h"

#include "cjm-diff.h"
#include "cjm-item.h"
#include "test-util.h"

static CjmDocument *
copy_document (CjmDocument *document)
{
  g_autoptr(GBytes) bytes = cjm_document_serialize (document);

  return test_load_bytes (bytes, "copy");
}

static void
test_diff_same (void)
{
  g_autoptr(CjmDocument) old = test_load_fixture ("full.cjm");
  g_autoptr(CjmDocument) new = copy_document (old);
  g_autofree char *text = NULL;
  CjmDiff diff;

  cjm_diff_documents (old, new, &diff);
  g_assert_true (cjm_diff_is_empty (&diff));
  text = cjm_diff_describe (&diff);
  g_assert_cmpstr (text, ==, "No differences");
}

static void
test_diff_counts (void)
{
  g_autoptr(CjmDocument) old = test_load_fixture ("full.cjm");
  g_autoptr(CjmDocument) new = copy_document (old);
  g_autoptr(CjmItem) stage = cjm_item_new (CJM_KIND_STAGE);
  g_autofree char *id = cjm_document_make_id (new, "stage", "Extra");
  g_autofree char *text = NULL;
  guint n_touchpoints = cjm_document_get_n_items (new, CJM_KIND_TOUCHPOINT);
  CjmItem *touchpoint;
  CjmItem *other;
  CjmDiff diff;

  g_assert_cmpuint (n_touchpoints, >=, 2);
  cjm_item_set_initial_field (stage, CJM_FIELD_ID, id);
  cjm_item_set_initial_field (stage, CJM_FIELD_NAME, "Extra");
  cjm_document_insert_item (new, stage, -1);
  touchpoint = cjm_document_get_item (new, CJM_KIND_TOUCHPOINT, 0);
  cjm_document_set_field (new, touchpoint, CJM_FIELD_TITLE, "Retitled in the draft");
  other = cjm_document_get_item (new, CJM_KIND_TOUCHPOINT, 1);
  cjm_document_remove_item (new, other);

  cjm_diff_documents (old, new, &diff);
  g_assert_cmpuint (diff.added[CJM_KIND_STAGE], ==, 1);
  g_assert_cmpuint (diff.changed[CJM_KIND_TOUCHPOINT], ==, 1);
  g_assert_cmpuint (diff.removed[CJM_KIND_TOUCHPOINT], ==, 1);
  g_assert_cmpuint (cjm_diff_total_added (&diff), ==, 1);
  g_assert_cmpuint (cjm_diff_total_removed (&diff), ==, 1);
  g_assert_cmpuint (cjm_diff_total_changed (&diff), ==, 1);
  g_assert_false (cjm_diff_is_empty (&diff));
  text = cjm_diff_describe (&diff);
  g_assert_cmpstr (text, ==, "1 added, 1 removed, 1 changed");

  /* The other way round, the stage is removed and the touchpoint added. */
  cjm_diff_documents (new, old, &diff);
  g_assert_cmpuint (diff.removed[CJM_KIND_STAGE], ==, 1);
  g_assert_cmpuint (diff.added[CJM_KIND_TOUCHPOINT], ==, 1);
  g_assert_cmpuint (diff.changed[CJM_KIND_TOUCHPOINT], ==, 1);
}

static void
test_diff_map_title (void)
{
  g_autoptr(CjmDocument) old = test_load_fixture ("full.cjm");
  g_autoptr(CjmDocument) new = copy_document (old);
  CjmDiff diff;

  cjm_document_set_field (new, cjm_document_get_map (new), CJM_FIELD_TITLE, "Another title");
  cjm_diff_documents (old, new, &diff);
  g_assert_cmpuint (diff.changed[CJM_KIND_MAP], ==, 1);
  g_assert_cmpuint (cjm_diff_total_changed (&diff), ==, 1);
}

static void
test_diff_untitled (void)
{
  g_autoptr(CjmDocument) new = test_load_fixture ("full.cjm");
  guint items = 0;
  CjmDiff diff;

  /* No file on disk: everything is added, the map item counts changed. */
  cjm_diff_documents (NULL, new, &diff);
  for (CjmKind kind = CJM_KIND_PERSONA; kind < CJM_N_KINDS; kind++)
    items += cjm_document_get_n_items (new, kind);
  g_assert_cmpuint (cjm_diff_total_added (&diff), ==, items);
  g_assert_cmpuint (cjm_diff_total_removed (&diff), ==, 0);
  g_assert_cmpuint (diff.changed[CJM_KIND_MAP], ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/diff/same", test_diff_same);
  g_test_add_func ("/diff/counts", test_diff_counts);
  g_test_add_func ("/diff/map-title", test_diff_map_title);
  g_test_add_func ("/diff/untitled", test_diff_untitled);

  return g_test_run ();
}
