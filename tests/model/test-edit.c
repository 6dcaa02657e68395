/* test-edit.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The editing operations of cjm-edit.h without a display: what each one
 * does to the map, the slot arithmetic of moving cards, ids that stay
 * unique, paste renaming ids and rewiring links, the blank map. Each
 * operation must be exactly one undo step with its label, and undoing it
 * must give back the bytes the writer wrote before it, to the byte.
 */

#define G_LOG_DOMAIN "test"

#include "config.h"

#include <string.h>

#include "cjm-edit.h"
#include "test-util.h"

static const char map_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<journey-map xmlns=\"urn:x-cjm:1\" version=\"1.0\" xml:lang=\"en\">\n"
  "  <title>Edits</title>\n"
  "  <personas>\n"
  "    <persona id=\"p-a\"><name>Avi</name></persona>\n"
  "  </personas>\n"
  "  <stages>\n"
  "    <stage id=\"s-1\"><name>One</name></stage>\n"
  "    <stage id=\"s-2\"><name>Two</name></stage>\n"
  "  </stages>\n"
  "  <lanes>\n"
  "    <lane id=\"l-emo\" kind=\"emotion\"><name>Feelings</name></lane>\n"
  "    <lane id=\"l-web\" kind=\"channel\" channel=\"web\"><name>Web</name></lane>\n"
  "    <lane id=\"l-app\" kind=\"channel\" channel=\"app\"><name>App</name></lane>\n"
  "    <lane id=\"l-act\" kind=\"actions\"><name>Actions</name></lane>\n"
  "    <lane id=\"l-pain\" kind=\"pain-points\"><name>Pain</name></lane>\n"
  "    <lane id=\"l-notes\" kind=\"notes\"><name>Notes</name></lane>\n"
  "    <lane id=\"l-opp\" kind=\"opportunities\"><name>Ideas</name></lane>\n"
  "  </lanes>\n"
  "  <touchpoints>\n"
  "    <touchpoint id=\"t-a\" stage=\"s-1\" lane=\"l-web\" personas=\"p-a\"><title>A</title>"
  "<fact key=\"fee\">0</fact></touchpoint>\n"
  "    <touchpoint id=\"t-b\" stage=\"s-1\" lane=\"l-web\"><title>B</title></touchpoint>\n"
  "    <touchpoint id=\"t-d\" stage=\"s-2\" lane=\"l-web\"><title>D</title></touchpoint>\n"
  "    <touchpoint id=\"t-c\" stage=\"s-1\" lane=\"l-web\"><title>C</title></touchpoint>\n"
  "    <touchpoint id=\"t-e\" stage=\"s-1\" lane=\"l-app\" emotion=\"1\"><title>E</title>"
  "</touchpoint>\n"
  "  </touchpoints>\n"
  "  <notes>\n"
  "    <note id=\"n-a\" stage=\"s-1\" lane=\"l-act\">Looks</note>\n"
  "    <note id=\"n-b\" stage=\"s-1\" lane=\"l-act\">Waits</note>\n"
  "  </notes>\n"
  "  <opportunities>\n"
  "    <opportunity id=\"o-a\" stage=\"s-1\" lane=\"l-opp\" addresses=\"t-a n-a\">"
  "<title>Idea</title>"
  "</opportunity>\n"
  "  </opportunities>\n"
  "  <links>\n"
  "    <link from=\"t-a\" to=\"t-b\"><label>then</label></link>\n"
  "    <link from=\"t-b\" to=\"t-d\"/>\n"
  "  </links>\n"
  "</journey-map>\n";

/* Helpers */

static CjmDocument *
load_xml (const char *xml)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (xml, strlen (xml));

  return test_load_bytes (bytes, "edits.cjm");
}

static CjmDocument *
load_map (void)
{
  return load_xml (map_xml);
}

static CjmItem *
item (CjmDocument *document,
      const char  *id)
{
  CjmItem *found = cjm_document_lookup (document, id);

  g_assert_nonnull (found);
  return found;
}

/* The ids of a list of items, separated by spaces. */
static char *
join_ids (GPtrArray *items)
{
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    {
      if (i > 0)
        g_string_append_c (ids, ' ');
      g_string_append (ids, cjm_item_get_id (g_ptr_array_index (items, i)) ?: "(none)");
    }
  return g_string_free (ids, FALSE);
}

static char *
cell_ids (CjmDocument *document,
          const char  *stage,
          const char  *lane)
{
  g_autoptr(GPtrArray) cards = cjm_document_dup_cell_cards (document, item (document, stage),
                                                            item (document, lane));

  return join_ids (cards);
}

static char *
kind_ids (CjmDocument *document,
          CjmKind      kind)
{
  return join_ids (cjm_document_get_items (document, kind));
}

#define assert_cell(document, stage, lane, expected) \
  G_STMT_START { \
    g_autofree char *ids_ = cell_ids (document, stage, lane); \
    g_assert_cmpstr (ids_, ==, expected); \
  } G_STMT_END

#define assert_kind(document, kind, expected) \
  G_STMT_START { \
    g_autofree char *ids_ = kind_ids (document, kind); \
    g_assert_cmpstr (ids_, ==, expected); \
  } G_STMT_END

/* The edit since before was exactly one undo step called label; undoing it
 * gives back before's bytes, redoing the edited ones. Leaves the document
 * as before. */
static void
assert_one_step (CjmDocument *document,
                 GBytes      *before,
                 const char  *label)
{
  g_autoptr(GBytes) after = cjm_document_serialize (document);
  g_autoptr(GBytes) undone = NULL;
  g_autoptr(GBytes) redone = NULL;

  g_assert_false (g_bytes_equal (before, after));
  g_assert_true (cjm_document_get_modified (document));
  g_assert_cmpstr (cjm_document_get_undo_label (document), ==, label);
  g_assert_true (cjm_document_undo (document));
  g_assert_false (cjm_document_can_undo (document));
  undone = cjm_document_serialize (document);
  test_assert_bytes_equal (undone, before);
  g_assert_false (cjm_document_get_modified (document));

  g_assert_true (cjm_document_redo (document));
  redone = cjm_document_serialize (document);
  test_assert_bytes_equal (redone, after);
  g_assert_true (cjm_document_undo (document));
}

/* Nothing changed and no undo step was made. */
static void
assert_no_step (CjmDocument *document,
                GBytes      *before)
{
  g_autoptr(GBytes) now = cjm_document_serialize (document);

  g_assert_false (cjm_document_can_undo (document));
  test_assert_bytes_equal (now, before);
}

/* Tests */

static void
test_strip_and_lanes (void)
{
  g_autoptr(CjmDocument) document = load_map ();
  g_autofree char *empty = cjm_strip_text (NULL);
  g_autofree char *stripped = cjm_strip_text (" \t Pay  the bill \n");

  g_assert_cmpstr (empty, ==, "");
  g_assert_cmpstr (stripped, ==, "Pay  the bill");

  g_assert_cmpint (cjm_item_lane_holds (NULL), ==, CJM_KIND_MAP);
  g_assert_cmpint (cjm_item_lane_holds (item (document, "l-emo")), ==, CJM_KIND_MAP);
  g_assert_cmpint (cjm_item_lane_holds (item (document, "l-web")), ==, CJM_KIND_TOUCHPOINT);
  g_assert_cmpint (cjm_item_lane_holds (item (document, "l-pain")), ==, CJM_KIND_NOTE);
  g_assert_cmpint (cjm_item_lane_holds (item (document, "l-opp")), ==, CJM_KIND_OPPORTUNITY);
}

static void
test_unique_ids (void)
{
  g_autoptr(CjmDocument) document = load_map ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *taken = cjm_document_make_id_for (document, CJM_KIND_TOUCHPOINT, "A");
  g_autofree char *fresh = cjm_document_make_id_for (document, CJM_KIND_TOUCHPOINT, "Pay bill");
  g_autofree char *no_hint = cjm_document_make_id_for (document, CJM_KIND_STAGE, "¿?");

  /* t-a is taken: a number is added. */
  g_assert_cmpstr (taken, ==, "t-a-1");
  g_assert_cmpstr (fresh, ==, "t-pay-bill");
  g_assert_cmpstr (no_hint, ==, "s-3");

  /* Cards added with the same title get ids of their own. */
  for (guint i = 0; i < 20; i++)
    {
      CjmItem *card = cjm_document_add_card (document, item (document, "s-1"),
                                             item (document, "l-web"), 0, "Pay bill");

      g_assert_nonnull (card);
      g_assert_true (cjm_document_lookup (document, cjm_item_get_id (card)) == card);
      g_assert_true (g_hash_table_add (seen, g_strdup (cjm_item_get_id (card))));
    }
  g_assert_true (g_hash_table_contains (seen, "t-pay-bill"));
  g_assert_true (g_hash_table_contains (seen, "t-pay-bill-19"));
}

static void
test_cells (void)
{
  g_autoptr(CjmDocument) document = load_xml (map_xml);
  g_autoptr(CjmDocument) empty = cjm_document_new ();
  g_autoptr(CjmItem) twin = cjm_item_new (CJM_KIND_STAGE);
  CjmItem *stage = NULL, *lane = NULL;

  /* Touchpoints, notes and opportunities, each in document order. */
  assert_cell (document, "s-1", "l-web", "t-a t-b t-c");
  assert_cell (document, "s-2", "l-web", "t-d");
  assert_cell (document, "s-2", "l-app", "");
  assert_cell (document, "s-1", "l-act", "n-a n-b");

  /* A second stage with a used id shows nothing: its cards show in the
   * first one. */
  cjm_item_set_initial_field (twin, CJM_FIELD_ID, "s-1");
  cjm_document_insert_item (document, twin, -1);
  {
    g_autoptr(GPtrArray) cards = cjm_document_dup_cell_cards (document, twin,
                                                              item (document, "l-web"));

    g_assert_cmpuint (cards->len, ==, 0);
  }
  assert_cell (document, "s-1", "l-web", "t-a t-b t-c");

  g_assert_true (cjm_document_first_cell_for (document, CJM_KIND_TOUCHPOINT, &stage, &lane));
  g_assert_cmpstr (cjm_item_get_id (stage), ==, "s-1");
  g_assert_cmpstr (cjm_item_get_id (lane), ==, "l-web");
  g_assert_true (cjm_document_first_cell_for (document, CJM_KIND_NOTE, &stage, &lane));
  g_assert_cmpstr (cjm_item_get_id (lane), ==, "l-act");
  g_assert_true (cjm_document_first_cell_for (document, CJM_KIND_OPPORTUNITY, &stage, &lane));
  g_assert_cmpstr (cjm_item_get_id (lane), ==, "l-opp");
  g_assert_false (cjm_document_first_cell_for (empty, CJM_KIND_NOTE, &stage, &lane));
}

static void
test_add_card (void)
{
  g_autoptr(CjmDocument) document = load_map ();
  g_autoptr(GBytes) before = cjm_document_serialize (document);
  CjmItem *s1 = item (document, "s-1");
  CjmItem *s2 = item (document, "s-2");
  CjmItem *web = item (document, "l-web");
  CjmItem *card;

  /* At the start of a cell: before its first card in the list too. */
  card = cjm_document_add_card (document, s1, web, 0, NULL);
  g_assert_cmpstr (cjm_item_get_id (card), ==, "t-new-touchpoint");
  g_assert_cmpstr (cjm_item_get_field (card, CJM_FIELD_TITLE), ==, "New touchpoint");
  g_assert_cmpstr (cjm_item_get_field (card, CJM_FIELD_STAGE), ==, "s-1");
  g_assert_cmpstr (cjm_item_get_field (card, CJM_FIELD_LANE), ==, "l-web");
  assert_cell (document, "s-1", "l-web", "t-new-touchpoint t-a t-b t-c");
  assert_kind (document, CJM_KIND_TOUCHPOINT, "t-new-touchpoint t-a t-b t-d t-c t-e");
  assert_one_step (document, before, "Add card");

  /* Between two cards. */
  card = cjm_document_add_card (document, s1, web, 2, "  Call back \n");
  g_assert_cmpstr (cjm_item_get_field (card, CJM_FIELD_TITLE), ==, "Call back");
  assert_cell (document, "s-1", "l-web", "t-a t-b t-call-back t-c");
  assert_kind (document, CJM_KIND_TOUCHPOINT, "t-a t-b t-d t-call-back t-c t-e");
  assert_one_step (document, before, "Add card");

  /* At the end: after the cell's last card in the list. */
  card = cjm_document_add_card (document, s1, web, G_MAXUINT, "Z");
  assert_cell (document, "s-1", "l-web", "t-a t-b t-c t-z");
  assert_kind (document, CJM_KIND_TOUCHPOINT, "t-a t-b t-d t-c t-z t-e");
  assert_one_step (document, before, "Add card");

  /* In an empty cell: at the end of the list. */
  card = cjm_document_add_card (document, s2, item (document, "l-app"), 0, "Y");
  assert_kind (document, CJM_KIND_TOUCHPOINT, "t-a t-b t-d t-c t-e t-y");
  assert_one_step (document, before, "Add card");

  /* The lane says what a card is and what it is called. */
  card = cjm_document_add_card (document, s2, item (document, "l-pain"), 0, NULL);
  g_assert_cmpint (cjm_item_get_kind (card), ==, CJM_KIND_NOTE);
  g_assert_cmpstr (cjm_item_get_field (card, CJM_FIELD_TEXT), ==, "New pain point");
  g_assert_cmpstr (cjm_item_get_id (card), ==, "n-new-pain-point");
  assert_one_step (document, before, "Add card");
  card = cjm_document_add_card (document, s1, item (document, "l-act"), 1, NULL);
  g_assert_cmpstr (cjm_item_get_field (card, CJM_FIELD_TEXT), ==, "New action");
  assert_cell (document, "s-1", "l-act", "n-a n-new-action n-b");
  assert_one_step (document, before, "Add card");
  card = cjm_document_add_card (document, s1, item (document, "l-notes"), 0, NULL);
  g_assert_cmpstr (cjm_item_get_field (card, CJM_FIELD_TEXT), ==, "New note");
  assert_one_step (document, before, "Add card");
  card = cjm_document_add_card (document, s1, item (document, "l-opp"), 0, NULL);
  g_assert_cmpint (cjm_item_get_kind (card), ==, CJM_KIND_OPPORTUNITY);
  g_assert_cmpstr (cjm_item_get_field (card, CJM_FIELD_TITLE), ==, "New opportunity");
  assert_cell (document, "s-1", "l-opp", "o-new-opportunity o-a");
  assert_one_step (document, before, "Add card");

  /* Nothing: no cards in an emotion lane, no blank text, no stage. */
  g_assert_null (cjm_document_add_card (document, s1, item (document, "l-emo"), 0, NULL));
  g_assert_null (cjm_document_add_card (document, s1, web, 0, " \n "));
  g_assert_null (cjm_document_add_card (document, NULL, web, 0, NULL));
  g_assert_null (cjm_document_add_card (document, s1, NULL, 0, NULL));
  assert_no_step (document, before);
}

static void
test_add_stage_lane_link (void)
{
  g_autoptr(CjmDocument) document = load_map ();
  g_autoptr(GBytes) before = cjm_document_serialize (document);
  CjmItem *added;

  added = cjm_document_add_stage (document, 1);
  g_assert_cmpstr (cjm_item_get_id (added), ==, "s-new-stage");
  g_assert_cmpstr (cjm_item_get_field (added, CJM_FIELD_NAME), ==, "New stage");
  assert_kind (document, CJM_KIND_STAGE, "s-1 s-new-stage s-2");
  assert_one_step (document, before, "Add stage");

  added = cjm_document_add_lane (document, CJM_LANE_PAIN_POINTS, 0);
  g_assert_cmpstr (cjm_item_get_id (added), ==, "l-pain-points");
  g_assert_cmpstr (cjm_item_get_field (added, CJM_FIELD_NAME), ==, "Pain points");
  g_assert_cmpint (cjm_item_get_lane_kind (added), ==, CJM_LANE_PAIN_POINTS);
  g_assert_cmpstr (cjm_item_get_field (added, CJM_FIELD_LANE_KIND), ==, "pain-points");
  g_assert_true (cjm_document_get_item (document, CJM_KIND_LANE, 0) == added);
  assert_one_step (document, before, "Add lane");

  added = cjm_document_add_lane (document, CJM_LANE_CHANNEL, 99);
  g_assert_cmpstr (cjm_item_get_field (added, CJM_FIELD_NAME), ==, "New channel");
  g_assert_cmpint (cjm_item_lane_holds (added), ==, CJM_KIND_TOUCHPOINT);
  g_assert_true (cjm_document_get_item (document, CJM_KIND_LANE, 7) == added);
  assert_one_step (document, before, "Add lane");

  added = cjm_document_add_lane (document, CJM_LANE_UNKNOWN, 0);
  g_assert_cmpstr (cjm_item_get_field (added, CJM_FIELD_NAME), ==, "New lane");
  g_assert_null (cjm_item_get_field (added, CJM_FIELD_LANE_KIND));
  assert_one_step (document, before, "Add lane");

  g_assert_true (cjm_document_add_link (document, item (document, "t-a"), item (document, "t-c")));
  {
    CjmItem *link = cjm_document_get_item (document, CJM_KIND_LINK, 2);

    g_assert_cmpstr (cjm_item_get_field (link, CJM_FIELD_FROM), ==, "t-a");
    g_assert_cmpstr (cjm_item_get_field (link, CJM_FIELD_TO), ==, "t-c");
    g_assert_null (cjm_item_get_id (link));
  }
  assert_one_step (document, before, "Add link");

  /* Not twice, not to itself, not without ids. */
  g_assert_false (cjm_document_add_link (document, item (document, "t-a"), item (document, "t-b")));
  g_assert_false (cjm_document_add_link (document, item (document, "t-a"), item (document, "t-a")));
  {
    g_autoptr(CjmItem) loose = cjm_item_new (CJM_KIND_TOUCHPOINT);

    g_assert_false (cjm_document_add_link (document, item (document, "t-a"), loose));
  }
  assert_no_step (document, before);
}

/* Cards (ids) moved to a slot of a cell: the cards that cell shows after,
 * the list of their kind after (when given), and the cell they left. */
static const struct {
  const char *cards;
  const char *stage;
  const char *lane;
  guint       slot;
  const char *cell;
  const char *list;
  const char *left_stage;
  const char *left_lane;
  const char *left_cell;
} moves[] = {
  /* Within a cell: to the front (t-d keeps its place among the others),
   * to the end, one down. */
  { "t-c", "s-1", "l-web", 0, "t-c t-a t-b", "t-c t-a t-b t-d t-e" },
  { "t-a", "s-1", "l-web", 3, "t-b t-c t-a", "t-b t-d t-c t-a t-e" },
  { "t-a", "s-1", "l-web", 2, "t-b t-a t-c", NULL },
  /* To another lane between two cards, to another stage after its only
   * card, to an empty cell (the card keeps its place in the list). */
  { "t-e", "s-1", "l-web", 1, "t-a t-e t-b t-c", "t-a t-e t-b t-d t-c", "s-1", "l-app", "" },
  { "t-a", "s-2", "l-web", 1, "t-d t-a", "t-b t-d t-a t-c t-e", "s-1", "l-web", "t-b t-c" },
  { "t-a", "s-2", "l-app", 0, "t-a", "t-a t-b t-d t-c t-e" },
  /* Several, given out of order: they keep their order in the map. */
  { "t-c t-a", "s-2", "l-web", 0, "t-a t-c t-d", "t-b t-a t-c t-d t-e", "s-1", "l-web", "t-b" },
  { "t-c t-a", "s-1", "l-web", 3, "t-b t-a t-c", NULL },
  { "t-e t-b", "s-1", "l-web", 1, "t-a t-b t-e t-c", NULL, "s-1", "l-app", "" },
  { "n-b n-a", "s-2", "l-pain", 0, "n-a n-b", "n-a n-b", "s-1", "l-act", "" },
};

static void
test_move_cards (void)
{
  g_autoptr(CjmDocument) document = load_map ();
  g_autoptr(GBytes) before = cjm_document_serialize (document);

  for (guint m = 0; m < G_N_ELEMENTS (moves); m++)
    {
      g_auto(GStrv) ids = g_strsplit (moves[m].cards, " ", -1);
      g_autoptr(GPtrArray) cards = g_ptr_array_new ();

      g_test_message ("%s to %s %s, slot %u", moves[m].cards, moves[m].stage, moves[m].lane,
                      moves[m].slot);
      for (guint i = 0; ids[i] != NULL; i++)
        g_ptr_array_add (cards, item (document, ids[i]));
      g_assert_true (cjm_document_move_cards (document, (CjmItem **) cards->pdata, cards->len,
                                              item (document, moves[m].stage),
                                              item (document, moves[m].lane), moves[m].slot));
      assert_cell (document, moves[m].stage, moves[m].lane, moves[m].cell);
      if (moves[m].list != NULL)
        assert_kind (document, cjm_item_get_kind (cards->pdata[0]), moves[m].list);
      if (moves[m].left_stage != NULL)
        assert_cell (document, moves[m].left_stage, moves[m].left_lane, moves[m].left_cell);
      assert_one_step (document, before, cards->len == 1 ? "Move card" : "Move cards");
    }
}

static void
test_move_refused (void)
{
  g_autoptr(CjmDocument) document = load_map ();
  g_autoptr(GBytes) before = cjm_document_serialize (document);
  CjmItem *s1 = item (document, "s-1");
  CjmItem *web = item (document, "l-web");
  CjmItem *a = item (document, "t-a");
  CjmItem *note = item (document, "n-a");
  CjmItem *mixed[] = { a, note };

  /* Onto its own place, before or after itself: nothing to undo. */
  g_assert_true (cjm_document_move_cards (document, &a, 1, s1, web, 0));
  g_assert_true (cjm_document_move_cards (document, &a, 1, s1, web, 1));

  /* Not into a lane that holds other cards, nor nowhere; cards of two
   * kinds never fit one lane. */
  g_assert_false (cjm_document_move_cards (document, &note, 1, s1, web, 0));
  g_assert_false (cjm_document_move_cards (document, &a, 1, s1, item (document, "l-act"), 0));
  g_assert_false (cjm_document_move_cards (document, &a, 1, s1, item (document, "l-emo"), 0));
  g_assert_false (cjm_document_move_cards (document, &a, 1, NULL, web, 0));
  g_assert_false (cjm_document_move_cards (document, NULL, 0, s1, web, 0));
  g_assert_false (cjm_document_move_cards (document, mixed, 2, s1, web, 0));
  assert_no_step (document, before);
}

static void
test_reorder_and_emotion (void)
{
  g_autoptr(CjmDocument) document = load_map ();
  g_autoptr(GBytes) before = cjm_document_serialize (document);
  CjmItem *e = item (document, "t-e");

  g_assert_true (cjm_document_reorder_item (document, item (document, "s-2"), 0));
  assert_kind (document, CJM_KIND_STAGE, "s-2 s-1");
  assert_one_step (document, before, "Move stage");
  g_assert_true (cjm_document_reorder_item (document, item (document, "l-emo"), 3));
  assert_kind (document, CJM_KIND_LANE, "l-web l-app l-act l-emo l-pain l-notes l-opp");
  assert_one_step (document, before, "Move lane");
  g_assert_false (cjm_document_reorder_item (document, item (document, "l-web"), 1));
  assert_no_step (document, before);

  g_assert_true (cjm_document_set_emotion (document, e, CJM_FIELD_EMOTION, -2));
  g_assert_cmpint (cjm_item_get_emotion (e), ==, -2);
  assert_one_step (document, before, "Change emotion");
  g_assert_true (cjm_document_set_emotion (document, e, CJM_FIELD_TARGET_EMOTION, 9));
  g_assert_cmpstr (cjm_item_get_field (e, CJM_FIELD_TARGET_EMOTION), ==, "3");
  assert_one_step (document, before, "Change emotion");
  g_assert_false (cjm_document_set_emotion (document, e, CJM_FIELD_EMOTION, 1));
  assert_no_step (document, before);
}

static void
test_copy (void)
{
  g_autoptr(CjmDocument) document = load_map ();
  g_autoptr(GBytes) before = cjm_document_serialize (document);
  CjmItem *cards[] = { item (document, "o-a"), item (document, "t-b"), item (document, "n-a"),
                       item (document, "t-a") };
  g_autofree char *text = NULL;
  g_autoptr(CjmDocument) fragment = cjm_document_copy_cards (document, cards, G_N_ELEMENTS (cards),
                                                             &text);
  CjmItem *copy, *link;

  /* Copies, in document order, with the one link between them. */
  assert_kind (fragment, CJM_KIND_TOUCHPOINT, "t-a t-b");
  assert_kind (fragment, CJM_KIND_NOTE, "n-a");
  assert_kind (fragment, CJM_KIND_OPPORTUNITY, "o-a");
  copy = cjm_document_get_item (fragment, CJM_KIND_TOUCHPOINT, 0);
  g_assert_true (copy != item (document, "t-a"));
  g_assert_true (cjm_item_equal (copy, item (document, "t-a")));
  g_assert_cmpuint (cjm_document_get_n_items (fragment, CJM_KIND_LINK), ==, 1);
  link = cjm_document_get_item (fragment, CJM_KIND_LINK, 0);
  g_assert_cmpstr (cjm_item_get_field (link, CJM_FIELD_FROM), ==, "t-a");
  g_assert_cmpstr (cjm_item_get_field (link, CJM_FIELD_TO), ==, "t-b");
  g_assert_cmpstr (cjm_item_get_field (link, CJM_FIELD_LABEL), ==, "then");
  g_assert_cmpuint (cjm_document_get_n_items (fragment, CJM_KIND_STAGE), ==, 0);
  g_assert_cmpstr (cjm_item_get_field (cjm_document_get_map (fragment), CJM_FIELD_LANG), ==, "en");
  g_assert_cmpstr (text, ==, "A\nB\nLooks\nIdea");

  /* Copying changes nothing. */
  assert_no_step (document, before);
}

static void
test_paste (void)
{
  g_autoptr(CjmDocument) document = load_map ();
  CjmItem *cards[] = { item (document, "t-a"), item (document, "t-b"), item (document, "o-a") };
  g_autoptr(CjmDocument) fragment = cjm_document_copy_cards (document, cards, G_N_ELEMENTS (cards),
                                                             NULL);
  g_autoptr(GBytes) before = cjm_document_serialize (document);
  g_autoptr(GPtrArray) added = NULL;
  CjmItem *new_a, *new_b, *new_o, *link;

  /* After the anchor card in its cell; the opportunity does not fit
   * there and goes back to its own cell, after the cards in it. */
  added = cjm_document_paste_cards (document, fragment, item (document, "t-e"));
  g_assert_cmpuint (added->len, ==, 3);
  new_a = g_ptr_array_index (added, 0);
  new_b = g_ptr_array_index (added, 1);
  new_o = g_ptr_array_index (added, 2);
  g_assert_cmpstr (cjm_item_get_id (new_a), ==, "t-a-1");
  g_assert_cmpstr (cjm_item_get_id (new_b), ==, "t-b-1");
  g_assert_cmpstr (cjm_item_get_id (new_o), ==, "o-idea");
  assert_cell (document, "s-1", "l-app", "t-e t-a-1 t-b-1");
  assert_cell (document, "s-1", "l-opp", "o-a o-idea");
  /* Everything else comes along: title, facts, personas. */
  g_assert_cmpstr (cjm_item_get_field (new_a, CJM_FIELD_TITLE), ==, "A");
  g_assert_cmpuint (cjm_item_get_list (new_a, CJM_LIST_FACTS)->len, ==, 1);
  g_assert_cmpstr (cjm_item_get_field (new_a, CJM_FIELD_PERSONAS), ==, "p-a");

  /* The link between the pasted cards joins the copies; the one to t-d,
   * which was not copied, is not pasted. Addresses follow the copies. */
  g_assert_cmpuint (cjm_document_get_n_items (document, CJM_KIND_LINK), ==, 3);
  link = cjm_document_get_item (document, CJM_KIND_LINK, 2);
  g_assert_cmpstr (cjm_item_get_field (link, CJM_FIELD_FROM), ==, "t-a-1");
  g_assert_cmpstr (cjm_item_get_field (link, CJM_FIELD_TO), ==, "t-b-1");
  g_assert_cmpstr (cjm_item_get_field (link, CJM_FIELD_LABEL), ==, "then");
  g_assert_cmpstr (cjm_item_get_field (new_o, CJM_FIELD_ADDRESSES), ==, "t-a-1 n-a");
  /* The originals are as they were. */
  g_assert_cmpstr (cjm_item_get_field (item (document, "o-a"), CJM_FIELD_ADDRESSES), ==, "t-a n-a");
  assert_cell (document, "s-1", "l-web", "t-a t-b t-c");
  assert_one_step (document, before, "Paste");

  /* Without an anchor: each card back to its own cell, after its cards. */
  g_clear_pointer (&added, g_ptr_array_unref);
  added = cjm_document_paste_cards (document, fragment, NULL);
  g_assert_cmpuint (added->len, ==, 3);
  assert_cell (document, "s-1", "l-web", "t-a t-b t-c t-a-1 t-b-1");
  assert_one_step (document, before, "Paste");

  /* Pasting twice makes new ids again. */
  g_clear_pointer (&added, g_ptr_array_unref);
  added = cjm_document_paste_cards (document, fragment, item (document, "t-a"));
  g_clear_pointer (&added, g_ptr_array_unref);
  added = cjm_document_paste_cards (document, fragment, item (document, "t-a"));
  assert_cell (document, "s-1", "l-web", "t-a t-a-2 t-b-2 t-a-1 t-b-1 t-b t-c");
}

/* A fragment from another map: links only among the pasted cards, and
 * cards whose stage or lane this map lacks go to the first cell that holds
 * them, or nowhere. */
static void
test_paste_elsewhere (void)
{
  static const char other_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<journey-map xmlns=\"urn:x-cjm:1\" version=\"1.0\">\n"
    "  <title>Clipboard</title>\n"
    "  <touchpoints>\n"
    "    <touchpoint id=\"t-x\" stage=\"s-zz\" lane=\"l-zz\" personas=\"p-a p-zz\"><title>X</title>"
    "</touchpoint>\n"
    "    <touchpoint id=\"t-y\" stage=\"s-2\" lane=\"l-app\"><title>Y</title></touchpoint>\n"
    "  </touchpoints>\n"
    "  <notes>\n"
    "    <note id=\"n-x\" stage=\"s-1\" lane=\"l-web\">In a channel lane</note>\n"
    "  </notes>\n"
    "  <opportunities>\n"
    "    <opportunity id=\"o-x\" stage=\"s-1\" lane=\"l-zz\" addresses=\"t-x t-zz\">"
    "<title>Fix</title>"
    "</opportunity>\n"
    "  </opportunities>\n"
    "  <links>\n"
    "    <link from=\"t-x\" to=\"t-y\"/>\n"
    "    <link from=\"t-x\" to=\"t-a\"/>\n"
    "    <link from=\"t-zz\" to=\"t-y\"/>\n"
    "  </links>\n"
    "</journey-map>\n";
  static const char no_ideas_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<journey-map xmlns=\"urn:x-cjm:1\" version=\"1.0\">\n"
    "  <title>No ideas</title>\n"
    "  <stages><stage id=\"s-1\"><name>One</name></stage></stages>\n"
    "  <lanes><lane id=\"l-web\" kind=\"channel\"><name>Web</name></lane></lanes>\n"
    "</journey-map>\n";
  g_autoptr(CjmDocument) document = load_map ();
  g_autoptr(CjmDocument) fragment = load_xml (other_xml);
  g_autoptr(CjmDocument) no_ideas = load_xml (no_ideas_xml);
  g_autoptr(GBytes) before = cjm_document_serialize (document);
  g_autoptr(GBytes) before_no_ideas = cjm_document_serialize (no_ideas);
  g_autoptr(GPtrArray) added = cjm_document_paste_cards (document, fragment, NULL);
  CjmItem *x = item (document, "t-x");

  g_assert_cmpuint (added->len, ==, 4);
  /* No such stage or lane here: the first channel lane. */
  g_assert_cmpstr (cjm_item_get_field (x, CJM_FIELD_STAGE), ==, "s-1");
  g_assert_cmpstr (cjm_item_get_field (x, CJM_FIELD_LANE), ==, "l-web");
  assert_cell (document, "s-1", "l-web", "t-a t-b t-c t-x");
  /* Its own stage and lane exist here. */
  assert_cell (document, "s-2", "l-app", "t-y");
  /* A note's lane here is not a text lane: the first text lane. */
  assert_cell (document, "s-1", "l-act", "n-a n-b n-in-a-channel-lane");
  /* Only the personas and cards this map has. */
  g_assert_cmpstr (cjm_item_get_field (x, CJM_FIELD_PERSONAS), ==, "p-a");
  g_assert_cmpstr (cjm_item_get_field (item (document, "o-fix"), CJM_FIELD_ADDRESSES), ==, "t-x");
  /* The t-x → t-y link, between pasted cards, with the new ids; not the
   * one to this map's t-a, nor the one from a card not pasted. */
  g_assert_cmpuint (cjm_document_get_n_items (document, CJM_KIND_LINK), ==, 3);
  g_assert_cmpstr (cjm_item_get_field (cjm_document_get_item (document, CJM_KIND_LINK, 2),
                                       CJM_FIELD_TO), ==, "t-y");
  assert_one_step (document, before, "Paste");

  /* A map without a text lane or an opportunities lane takes only the
   * touchpoints; with no personas, the list goes. */
  g_clear_pointer (&added, g_ptr_array_unref);
  added = cjm_document_paste_cards (no_ideas, fragment, NULL);
  g_assert_cmpuint (added->len, ==, 2);
  assert_kind (no_ideas, CJM_KIND_TOUCHPOINT, "t-x t-y");
  g_assert_null (cjm_item_get_field (item (no_ideas, "t-x"), CJM_FIELD_PERSONAS));
  g_assert_cmpuint (cjm_document_get_n_items (no_ideas, CJM_KIND_NOTE), ==, 0);
  g_assert_cmpuint (cjm_document_get_n_items (no_ideas, CJM_KIND_OPPORTUNITY), ==, 0);
  assert_one_step (no_ideas, before_no_ideas, "Paste");

  /* A map without stages takes nothing, and has nothing to undo. */
  {
    g_autoptr(CjmDocument) empty = cjm_document_new ();
    g_autoptr(GBytes) empty_before = cjm_document_serialize (empty);
    g_autoptr(GPtrArray) none = cjm_document_paste_cards (empty, fragment, NULL);

    g_assert_cmpuint (none->len, ==, 0);
    assert_no_step (empty, empty_before);
  }
}

static void
test_duplicate (void)
{
  g_autoptr(CjmDocument) document = load_map ();
  g_autoptr(GBytes) before = cjm_document_serialize (document);
  CjmItem *one[] = { item (document, "t-a") };
  CjmItem *pair[] = { item (document, "t-b"), item (document, "t-a"), item (document, "n-b") };
  g_autoptr(GPtrArray) added = NULL;

  /* Right after the original, in its cell. */
  added = cjm_document_duplicate_cards (document, one, 1);
  g_assert_cmpuint (added->len, ==, 1);
  g_assert_cmpstr (cjm_item_get_id (g_ptr_array_index (added, 0)), ==, "t-a-1");
  assert_cell (document, "s-1", "l-web", "t-a t-a-1 t-b t-c");
  assert_kind (document, CJM_KIND_TOUCHPOINT, "t-a t-a-1 t-b t-d t-c t-e");
  /* A link from a duplicated card to one that was not is not copied. */
  g_assert_cmpuint (cjm_document_get_n_items (document, CJM_KIND_LINK), ==, 2);
  assert_one_step (document, before, "Duplicate");

  /* Each after its own original; the link between them is copied. */
  g_clear_pointer (&added, g_ptr_array_unref);
  added = cjm_document_duplicate_cards (document, pair, G_N_ELEMENTS (pair));
  g_assert_cmpuint (added->len, ==, 3);
  assert_cell (document, "s-1", "l-web", "t-a t-a-1 t-b t-b-1 t-c");
  assert_cell (document, "s-1", "l-act", "n-a n-b n-waits");
  g_assert_cmpuint (cjm_document_get_n_items (document, CJM_KIND_LINK), ==, 3);
  g_assert_cmpstr (cjm_item_get_field (cjm_document_get_item (document, CJM_KIND_LINK, 2),
                                       CJM_FIELD_FROM), ==, "t-a-1");
  g_assert_cmpstr (cjm_item_get_field (cjm_document_get_item (document, CJM_KIND_LINK, 2),
                                       CJM_FIELD_TO), ==, "t-b-1");
  assert_one_step (document, before, "Duplicate");
}

static void
test_blank_map (void)
{
  static const struct {
    const char *id;
    CjmLaneKind kind;
    const char *name;
    const char *channel;
  } lanes[] = {
    { "l-actions", CJM_LANE_ACTIONS, "Customer actions", NULL },
    { "l-emotion", CJM_LANE_EMOTION, "Emotions", NULL },
    { "l-web", CJM_LANE_CHANNEL, "Website", "web" },
    { "l-app", CJM_LANE_CHANNEL, "Mobile app", "app" },
    { "l-phone", CJM_LANE_CHANNEL, "Call center", "phone" },
    { "l-store", CJM_LANE_CHANNEL, "Store", "store" },
    { "l-thoughts", CJM_LANE_THOUGHTS, "Thoughts", NULL },
    { "l-pain-points", CJM_LANE_PAIN_POINTS, "Pain points", NULL },
    { "l-backstage", CJM_LANE_BACKSTAGE, "Backstage", NULL },
    { "l-opportunities", CJM_LANE_OPPORTUNITIES, "Opportunities", NULL },
  };
  g_autoptr(CjmDocument) document = cjm_document_new_blank ("he");
  g_autoptr(CjmDocument) users = cjm_document_new_blank (NULL);
  g_autoptr(GBytes) saved = cjm_document_serialize (document);
  GPtrArray *items;

  g_assert_cmpstr (cjm_item_get_field (cjm_document_get_map (document), CJM_FIELD_LANG), ==, "he");
  g_assert_true (cjm_document_is_rtl (document));
  g_assert_cmpstr (cjm_item_get_field (cjm_document_get_map (document), CJM_FIELD_TITLE), ==,
                   "Untitled journey");
  g_assert_false (cjm_document_get_modified (document));
  g_assert_false (cjm_document_can_undo (document));

  assert_kind (document, CJM_KIND_STAGE, "s-discover s-choose s-buy s-use s-get-help");
  g_assert_cmpstr (cjm_item_get_field (cjm_document_get_item (document, CJM_KIND_STAGE, 4),
                                       CJM_FIELD_NAME), ==, "Get help");
  items = cjm_document_get_items (document, CJM_KIND_LANE);
  g_assert_cmpuint (items->len, ==, G_N_ELEMENTS (lanes));
  for (guint i = 0; i < items->len; i++)
    {
      CjmItem *lane = g_ptr_array_index (items, i);

      g_assert_cmpstr (cjm_item_get_id (lane), ==, lanes[i].id);
      g_assert_cmpint (cjm_item_get_lane_kind (lane), ==, lanes[i].kind);
      g_assert_cmpstr (cjm_item_get_field (lane, CJM_FIELD_NAME), ==, lanes[i].name);
      g_assert_cmpstr (cjm_item_get_field (lane, CJM_FIELD_CHANNEL), ==, lanes[i].channel);
    }
  for (CjmKind kind = CJM_KIND_TOUCHPOINT; kind < CJM_N_KINDS; kind++)
    g_assert_cmpuint (cjm_document_get_n_items (document, kind), ==, 0);
  g_assert_cmpuint (cjm_document_get_n_items (document, CJM_KIND_PERSONA), ==, 0);

  /* Every kind of card has a cell to go to. */
  for (CjmKind kind = 0; kind < CJM_N_KINDS; kind++)
    if (cjm_kind_is_card (kind))
      {
        CjmItem *stage, *lane;

        g_assert_true (cjm_document_first_cell_for (document, kind, &stage, &lane));
      }

  /* The user's language, or English; a valid file either way. */
  g_assert_nonnull (cjm_item_get_field (cjm_document_get_map (users), CJM_FIELD_LANG));
  g_assert_cmpstr (cjm_item_get_field (cjm_document_get_map (users), CJM_FIELD_LANG), !=, "");
  g_assert_cmpstr (cjm_item_get_field (cjm_document_get_map (users), CJM_FIELD_LANG), !=, "C");
  {
    g_autoptr(GBytes) resaved = test_resave (saved, "blank.cjm");

    test_assert_bytes_equal (resaved, saved);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/edit/strip-and-lanes", test_strip_and_lanes);
  g_test_add_func ("/model/edit/unique-ids", test_unique_ids);
  g_test_add_func ("/model/edit/cells", test_cells);
  g_test_add_func ("/model/edit/add-card", test_add_card);
  g_test_add_func ("/model/edit/add-stage-lane-link", test_add_stage_lane_link);
  g_test_add_func ("/model/edit/move-cards", test_move_cards);
  g_test_add_func ("/model/edit/move-refused", test_move_refused);
  g_test_add_func ("/model/edit/reorder-and-emotion", test_reorder_and_emotion);
  g_test_add_func ("/model/edit/copy", test_copy);
  g_test_add_func ("/model/edit/paste", test_paste);
  g_test_add_func ("/model/edit/paste-elsewhere", test_paste_elsewhere);
  g_test_add_func ("/model/edit/duplicate", test_duplicate);
  g_test_add_func ("/model/edit/blank-map", test_blank_map);

  return g_test_run ();
}
