/* test-kinds.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The table of kinds (cjm-kinds.h) has a complete row for every kind of
 * item and every kind of lane: names the file uses, id prefixes, title
 * fields, labels in sentence case that differ from one another, and the
 * titles new items get.
 */

#define G_LOG_DOMAIN "test"

#include "config.h"

#include "cjm-edit.h"
#include "test-util.h"

/* Sentence case: a capital first letter and no other capital. */
static void
assert_sentence_case (const char *label)
{
  g_assert_nonnull (label);
  g_assert_true (g_unichar_isupper (g_utf8_get_char (label)));
  for (const char *p = g_utf8_next_char (label); *p; p = g_utf8_next_char (p))
    if (g_unichar_isupper (g_utf8_get_char (p)))
      g_error ("“%s” is not in sentence case", label);
}

static void
assert_all_different (GPtrArray *labels)
{
  for (guint i = 0; i < labels->len; i++)
    for (guint j = i + 1; j < labels->len; j++)
      g_assert_cmpstr (g_ptr_array_index (labels, i), !=, g_ptr_array_index (labels, j));
}

static void
test_item_kinds (void)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GPtrArray) plurals = g_ptr_array_new ();
  g_autoptr(GPtrArray) elements = g_ptr_array_new ();
  g_autoptr(CjmDocument) document = cjm_document_new ();
  guint n_cards = 0;

  for (CjmKind kind = 0; kind < CJM_N_KINDS; kind++)
    {
      g_autoptr(CjmItem) item = cjm_item_new (kind);
      const char *prefix = cjm_kind_get_id_prefix (kind);
      const char *noun = cjm_kind_get_noun (kind);
      CjmField title = cjm_kind_get_title_field (kind);

      g_test_message ("kind %s", cjm_kind_to_element (kind));
      g_assert_nonnull (cjm_kind_to_element (kind));
      g_ptr_array_add (elements, (gpointer) cjm_kind_to_element (kind));
      g_assert_true ((kind == CJM_KIND_MAP) == (cjm_kind_to_container (kind) == NULL));

      assert_sentence_case (cjm_kind_get_label (kind));
      assert_sentence_case (cjm_kind_get_plural (kind));
      g_ptr_array_add (labels, (gpointer) cjm_kind_get_label (kind));
      g_ptr_array_add (plurals, (gpointer) cjm_kind_get_plural (kind));
      /* The noun is the label in lower case. */
      g_assert_nonnull (noun);
      {
        g_autofree char *lower = g_utf8_strdown (cjm_kind_get_label (kind), -1);

        g_assert_cmpstr (noun, ==, lower);
      }

      /* The items that have ids have a prefix, and it makes ids. */
      g_assert_true ((prefix != NULL)
                     == (kind == CJM_KIND_PERSONA || kind == CJM_KIND_STAGE || kind == CJM_KIND_LANE
                         || cjm_kind_is_card (kind)));
      if (prefix != NULL)
        {
          g_autofree char *id = cjm_document_make_id_for (document, kind, "Pay bill");
          g_autofree char *expected = g_strdup_printf ("%s-pay-bill", prefix);

          g_assert_cmpstr (id, ==, expected);
        }

      /* The title field is what the item shows. */
      g_assert_cmpint (title, <, CJM_N_FIELDS);
      cjm_item_set_initial_field (item, title, "Shown");
      g_assert_cmpstr (cjm_item_get_display_text (item), ==, "Shown");

      /* (A new glossary term is in lower case, like most terms.) */
      if (cjm_kind_get_default_title (kind) != NULL && kind != CJM_KIND_TERM)
        assert_sentence_case (cjm_kind_get_default_title (kind));
      g_assert_true ((cjm_kind_get_default_title (kind) == NULL)
                     == (kind == CJM_KIND_LINK || kind == CJM_KIND_SUPPRESSION));
      if (cjm_kind_is_card (kind))
        n_cards++;
    }

  g_assert_cmpuint (n_cards, ==, 3);
  g_assert_true (cjm_kind_is_card (CJM_KIND_TOUCHPOINT));
  g_assert_true (cjm_kind_is_card (CJM_KIND_NOTE));
  g_assert_true (cjm_kind_is_card (CJM_KIND_OPPORTUNITY));
  g_assert_false (cjm_kind_is_card (CJM_N_KINDS));
  assert_all_different (labels);
  assert_all_different (plurals);
  assert_all_different (elements);

  /* The spellings the UI had twice, now once. */
  g_assert_cmpstr (cjm_kind_get_label (CJM_KIND_TERM), ==, "Glossary term");
  g_assert_cmpstr (cjm_kind_get_noun (CJM_KIND_TERM), ==, "glossary term");
  g_assert_cmpstr (cjm_kind_get_plural (CJM_KIND_OPPORTUNITY), ==, "Opportunities");
  g_assert_cmpstr (cjm_kind_get_default_title (CJM_KIND_MAP), ==,
                   cjm_item_get_field (cjm_document_get_map (document), CJM_FIELD_TITLE));
}

static void
test_lane_kinds (void)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  g_assert_null (cjm_lane_kind_to_string (CJM_LANE_UNKNOWN));
  g_assert_null (cjm_lane_kind_to_string (CJM_N_LANE_KINDS));
  g_assert_cmpint (cjm_lane_kind_from_string (NULL), ==, CJM_LANE_UNKNOWN);
  g_assert_cmpint (cjm_lane_kind_from_string ("swimming"), ==, CJM_LANE_UNKNOWN);
  g_assert_cmpint (cjm_lane_kind_holds (CJM_N_LANE_KINDS), ==, CJM_KIND_MAP);

  for (CjmLaneKind kind = 0; kind < CJM_N_LANE_KINDS; kind++)
    {
      CjmKind holds = cjm_lane_kind_holds (kind);
      const char *card_title = cjm_lane_kind_get_card_title (kind);

      assert_sentence_case (cjm_lane_kind_get_label (kind));
      assert_sentence_case (cjm_lane_kind_get_default_name (kind));
      g_ptr_array_add (labels, (gpointer) cjm_lane_kind_get_label (kind));
      g_ptr_array_add (names, (gpointer) cjm_lane_kind_get_default_name (kind));

      if (kind != CJM_LANE_UNKNOWN)
        {
          g_assert_nonnull (cjm_lane_kind_to_string (kind));
          g_assert_cmpint (cjm_lane_kind_from_string (cjm_lane_kind_to_string (kind)), ==, kind);
        }

      /* A lane holds one kind of card or none. */
      g_assert_true (holds == CJM_KIND_MAP || cjm_kind_is_card (holds));
      g_assert_true ((holds == CJM_KIND_MAP)
                     == (kind == CJM_LANE_UNKNOWN || kind == CJM_LANE_EMOTION));
      /* Only text lanes name their new cards; the rest use the card's. */
      if (card_title != NULL)
        {
          assert_sentence_case (card_title);
          g_assert_cmpint (holds, ==, CJM_KIND_NOTE);
        }
    }
  assert_all_different (labels);
  assert_all_different (names);

  g_assert_cmpint (cjm_lane_kind_holds (CJM_LANE_CHANNEL), ==, CJM_KIND_TOUCHPOINT);
  g_assert_cmpint (cjm_lane_kind_holds (CJM_LANE_OPPORTUNITIES), ==, CJM_KIND_OPPORTUNITY);
  g_assert_cmpint (cjm_lane_kind_holds (CJM_LANE_PAIN_POINTS), ==, CJM_KIND_NOTE);
  g_assert_cmpstr (cjm_lane_kind_to_string (CJM_LANE_PAIN_POINTS), ==, "pain-points");
  g_assert_cmpstr (cjm_lane_kind_get_default_name (CJM_LANE_PAIN_POINTS), ==, "Pain points");
  g_assert_cmpstr (cjm_lane_kind_get_card_title (CJM_LANE_PAIN_POINTS), ==, "New pain point");
  g_assert_null (cjm_lane_kind_get_card_title (CJM_LANE_NOTES));
  g_assert_cmpstr (cjm_lane_kind_get_default_name (CJM_LANE_UNKNOWN), ==,
                   cjm_kind_get_default_title (CJM_KIND_LANE));
}

/* The element names are the ones the reader and writer use. */
static void
test_file_names (void)
{
  g_autoptr(CjmDocument) document = test_load_fixture ("full.cjm");
  g_autoptr(GBytes) saved = cjm_document_serialize (document);

  for (CjmKind kind = CJM_KIND_PERSONA; kind < CJM_N_KINDS; kind++)
    {
      g_autofree char *element = g_strdup_printf ("<%s ", cjm_kind_to_element (kind));
      g_autofree char *container = g_strdup_printf ("<%s>", cjm_kind_to_container (kind));

      g_assert_cmpuint (cjm_document_get_n_items (document, kind), >, 0);
      g_assert_true (test_bytes_contain (saved, element));
      g_assert_true (test_bytes_contain (saved, container));
    }
  for (CjmLaneKind kind = CJM_LANE_UNKNOWN + 1; kind < CJM_N_LANE_KINDS; kind++)
    {
      g_autofree char *attribute = g_strdup_printf ("kind=\"%s\"", cjm_lane_kind_to_string (kind));

      g_assert_true (test_bytes_contain (saved, attribute));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/kinds/items", test_item_kinds);
  g_test_add_func ("/model/kinds/lanes", test_lane_kinds);
  g_test_add_func ("/model/kinds/file-names", test_file_names);

  return g_test_run ();
}
