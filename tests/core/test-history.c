/* test-history.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A property test of the undo history through the file format: thousands
 * of random commands (fields, lists including an opportunity's status,
 * horizon, due and scores, insert, remove, move, delete with
 * its cascade, nested and cancelled groups) on a sample; undoing them all
 * gives back the original bytes, redoing them all the edited bytes. A
 * mirror kept only from ::changed signals must match the document at
 * every step, so the signals say exactly what changed.
 *
 * The random seed is g_test's: rerun a failure with --seed.
 */

#define G_LOG_DOMAIN "test"

#include "config.h"

#include <string.h>

#include "cjm-xml-private.h"
#include "test-util.h"

#define N_COMMANDS 4000

typedef struct {
  CjmDocument *document;
  GPtrArray   *mirror[CJM_N_KINDS];
  guint        n_changes;
} Mirror;

static const char * const pool[] = {
  "", "x", "Pay bill", "pay   BILL", "s-pay", "l-web", "t-web-pay", "p-dana p-moshe",
  "-3", "3", "7", "true", "false", "a3", "<&>\"'", "line\nbreak", "\ttab", "cr\r\nlf",
  "עברית", "🎉 emoji", "  spaces  ", "ctrl\x01" "char",
};

static const char *
random_value (void)
{
  /* NULL (remove) one time in six. */
  guint i = g_test_rand_int_range (0, G_N_ELEMENTS (pool) + G_N_ELEMENTS (pool) / 5);

  return i < G_N_ELEMENTS (pool) ? pool[i] : NULL;
}

static void
on_changed (CjmDocument *document,
            CjmChange   *change,
            Mirror      *m)
{
  GPtrArray *mirror;

  m->n_changes++;
  if (change->type == CJM_CHANGE_RELOADED)
    return;

  g_assert_true (CJM_IS_ITEM (change->item));
  g_assert_cmpint (change->kind, ==, cjm_item_get_kind (change->item));
  mirror = m->mirror[change->kind];

  switch (change->type)
    {
    case CJM_CHANGE_ITEM_INSERTED:
      g_assert_cmpuint (change->index, <=, mirror->len);
      g_ptr_array_insert (mirror, change->index, change->item);
      break;
    case CJM_CHANGE_ITEM_REMOVED:
      g_assert_cmpuint (change->index, <, mirror->len);
      g_assert_true (g_ptr_array_index (mirror, change->index) == change->item);
      g_ptr_array_remove_index (mirror, change->index);
      break;
    case CJM_CHANGE_ITEM_MOVED:
      g_assert_true (g_ptr_array_index (mirror, change->old_index) == change->item);
      g_ptr_array_remove_index (mirror, change->old_index);
      g_ptr_array_insert (mirror, change->index, change->item);
      break;
    case CJM_CHANGE_FIELD:
    case CJM_CHANGE_LIST:
      g_assert_true (cjm_document_index_of (document, change->item) >= 0);
      break;
    case CJM_CHANGE_RELOADED:
    default:
      g_assert_not_reached ();
    }
}

static void
assert_mirror (Mirror *m)
{
  for (guint k = CJM_KIND_MAP + 1; k < CJM_N_KINDS; k++)
    {
      GPtrArray *items = cjm_document_get_items (m->document, k);

      g_assert_cmpuint (items->len, ==, m->mirror[k]->len);
      for (guint i = 0; i < items->len; i++)
        {
          g_assert_true (g_ptr_array_index (items, i) == g_ptr_array_index (m->mirror[k], i));
          g_assert_true (cjm_item_is_in_document (g_ptr_array_index (items, i)));
        }
    }
}

static CjmItem *
random_item (CjmDocument *document,
             gboolean     with_map)
{
  guint total = with_map ? 1 : 0;
  guint pick;

  for (guint k = CJM_KIND_MAP + 1; k < CJM_N_KINDS; k++)
    total += cjm_document_get_n_items (document, k);
  if (total == 0)
    return NULL;

  pick = g_test_rand_int_range (0, total);
  if (with_map && pick-- == 0)
    return cjm_document_get_map (document);
  for (guint k = CJM_KIND_MAP + 1; k < CJM_N_KINDS; k++)
    {
      guint n = cjm_document_get_n_items (document, k);

      if (pick < n)
        return cjm_document_get_item (document, k, pick);
      pick -= n;
    }
  g_assert_not_reached ();
}

/* A field the file format has for this kind of item. */
static CjmField
random_field (CjmItem *item)
{
  CjmKind kind = cjm_item_get_kind (item);
  const CjmXmlShape *shape = cjm_xml_get_shape (kind);
  GArray *fields = g_array_new (FALSE, FALSE, sizeof (CjmField));
  CjmField field;

  /* Not the version: a map that says "7" would not open again. */
  for (const CjmField *f = shape->attrs; *f != CJM_N_FIELDS; f++)
    if (*f != CJM_FIELD_VERSION)
      g_array_append_val (fields, *f);
  for (const guint *p = shape->children; *p != CJM_XML_PART_END; p++)
    if (!CJM_XML_PART_IS_LIST (*p))
      g_array_append_vals (fields, p, 1);
  if (cjm_xml_kind_is_text (kind))
    {
      field = CJM_FIELD_TEXT;
      g_array_append_val (fields, field);
    }
  if (kind == CJM_KIND_MAP)
    {
      for (const CjmField *f = cjm_xml_get_settings_fields (); *f != CJM_N_FIELDS; f++)
        g_array_append_val (fields, *f);
      for (const CjmField *f = cjm_xml_get_print_fields (); *f != CJM_N_FIELDS; f++)
        g_array_append_val (fields, *f);
    }

  field = g_array_index (fields, CjmField, g_test_rand_int_range (0, fields->len));
  g_array_unref (fields);
  return field;
}

static GPtrArray *
random_list (CjmListKind list)
{
  GPtrArray *entries = cjm_list_new (list);
  guint n = g_test_rand_int_range (0, 4);

  for (guint i = 0; i < n; i++)
    switch (list)
      {
      case CJM_LIST_FACTS:
        g_ptr_array_add (entries, cjm_fact_new (random_value (), random_value ()));
        break;
      case CJM_LIST_KPIS:
        g_ptr_array_add (entries, cjm_kpi_new (random_value (), random_value (), random_value (),
                                               random_value (), random_value ()));
        break;
      case CJM_LIST_DATA_SOURCES:
      case CJM_LIST_SYNONYMS:
        g_ptr_array_add (entries, cjm_text_new (random_value () ?: "source"));
        break;
      case CJM_LIST_SCORES:
        g_ptr_array_add (entries, cjm_score_new (random_value (), random_value (), random_value (),
                                                 random_value ()));
        break;
      case CJM_N_LISTS:
      default:
        g_assert_not_reached ();
      }
  return entries;
}

static void
random_command (CjmDocument *document,
                guint       *depth)
{
  guint what = g_test_rand_int_range (0, 100);
  CjmItem *item;

  if (what < 6)
    {
      cjm_document_begin_group (document, "Random group");
      (*depth)++;
    }
  else if (what < 11)
    {
      if (*depth > 0)
        {
          cjm_document_end_group (document);
          (*depth)--;
        }
    }
  else if (what < 12)
    {
      if (*depth > 0)
        {
          cjm_document_cancel_group (document);
          *depth = 0;
        }
    }
  else if (what < 50)
    {
      item = random_item (document, TRUE);
      cjm_document_set_field (document, item, random_field (item), random_value ());
    }
  else if (what < 58)
    {
      CjmListKind list;
      g_autoptr(GPtrArray) entries = NULL;

      item = random_item (document, FALSE);
      if (item == NULL)
        return;
      if (cjm_item_get_kind (item) == CJM_KIND_TOUCHPOINT)
        list = g_test_rand_int_range (CJM_LIST_FACTS, CJM_LIST_DATA_SOURCES + 1);
      else if (cjm_item_get_kind (item) == CJM_KIND_TERM)
        list = CJM_LIST_SYNONYMS;
      else if (cjm_item_get_kind (item) == CJM_KIND_OPPORTUNITY)
        list = CJM_LIST_SCORES;
      else
        return;
      entries = random_list (list);
      cjm_document_set_list (document, item, list, entries);
    }
  else if (what < 72)
    {
      CjmKind kind = g_test_rand_int_range (CJM_KIND_PERSONA, CJM_N_KINDS);
      g_autoptr(CjmItem) fresh = cjm_item_new (kind);
      g_autofree char *id = cjm_document_make_id (document, "n", random_value ());
      const CjmXmlShape *shape = cjm_xml_get_shape (kind);
      guint n = cjm_document_get_n_items (document, kind);

      for (const CjmField *f = shape->attrs; *f != CJM_N_FIELDS; f++)
        if (g_test_rand_bit ())
          cjm_item_set_initial_field (fresh, *f, random_value ());
      cjm_item_set_initial_field (fresh, CJM_FIELD_ID, id);
      if (kind == CJM_KIND_TOUCHPOINT && g_test_rand_bit ())
        {
          g_autoptr(GPtrArray) facts = random_list (CJM_LIST_FACTS);
          cjm_item_set_initial_list (fresh, CJM_LIST_FACTS, facts);
        }
      cjm_document_insert_item (document, fresh, g_test_rand_int_range (-1, n + 1));
    }
  else if (what < 80)
    {
      item = random_item (document, FALSE);
      if (item != NULL)
        cjm_document_remove_item (document, item);
    }
  else if (what < 92)
    {
      item = random_item (document, FALSE);
      if (item != NULL)
        cjm_document_move_item (document, item,
                                g_test_rand_int_range (0, cjm_document_get_n_items (
                                                            document, cjm_item_get_kind (item)) + 2));
    }
  else
    {
      CjmItem *items[3];
      guint n = g_test_rand_int_range (1, 4);

      for (guint i = 0; i < n; i++)
        if ((items[i] = random_item (document, FALSE)) == NULL)
          return;
      cjm_document_delete_items (document, items, n);
    }
}

static void
test_random_commands (gconstpointer data)
{
  const char *path = data;
  g_autoptr(GBytes) bytes = test_read_file (path);
  g_autoptr(CjmDocument) document = test_load_bytes (bytes, path);
  g_autoptr(GBytes) original = cjm_document_serialize (document);
  g_autoptr(GBytes) edited = NULL;
  g_autoptr(GBytes) undone = NULL;
  g_autoptr(GBytes) redone = NULL;
  Mirror m = { document, };
  guint depth = 0;
  guint n_undo = 0;
  guint n_redo = 0;

  for (guint k = 0; k < CJM_N_KINDS; k++)
    {
      /* A copy keeps the free function: the mirror holds no references. */
      m.mirror[k] = g_ptr_array_copy (cjm_document_get_items (document, k), NULL, NULL);
      g_ptr_array_set_free_func (m.mirror[k], NULL);
    }
  g_signal_connect (document, "changed", G_CALLBACK (on_changed), &m);

  for (guint i = 0; i < N_COMMANDS; i++)
    {
      random_command (document, &depth);
      if (i % 97 == 0)
        assert_mirror (&m);
    }
  while (depth-- > 0)
    cjm_document_end_group (document);
  assert_mirror (&m);
  g_assert_cmpuint (m.n_changes, >, N_COMMANDS / 2);

  edited = cjm_document_serialize (document);
  g_assert_false (g_bytes_equal (edited, original));
  g_assert_true (cjm_document_get_modified (document));

  /* The edited document is a valid file, and saving is idempotent from
   * there. (Not byte-identical to the first save in general: a repeated
   * <settings> kept as unknown becomes the known one once the first is
   * emptied, and moves to its canonical place.) */
  {
    g_autoptr(GBytes) once = test_resave (edited, "edited.cjm");
    g_autoptr(GBytes) twice = test_resave (once, "edited.cjm");
    test_assert_bytes_equal (twice, once);
  }

  while (cjm_document_undo (document))
    n_undo++;
  assert_mirror (&m);
  undone = cjm_document_serialize (document);
  test_assert_bytes_equal (undone, original);
  g_assert_false (cjm_document_get_modified (document));
  g_assert_false (cjm_document_can_undo (document));

  while (cjm_document_redo (document))
    n_redo++;
  assert_mirror (&m);
  redone = cjm_document_serialize (document);
  test_assert_bytes_equal (redone, edited);
  g_assert_cmpuint (n_undo, ==, n_redo);
  g_assert_true (cjm_document_get_modified (document));
  g_test_message ("%u undo steps", n_undo);

  for (guint k = 0; k < CJM_N_KINDS; k++)
    g_ptr_array_unref (m.mirror[k]);
}

/* Undo to the middle and edit: the redo steps are gone, the clean state
 * too when it was among them. */
static void
test_branch (void)
{
  g_autoptr(CjmDocument) document = test_load_fixture ("full.cjm");
  CjmItem *map = cjm_document_get_map (document);

  cjm_document_set_field (document, map, CJM_FIELD_TITLE, "One");
  cjm_document_set_field (document, map, CJM_FIELD_TITLE, "Two");
  cjm_document_set_clean (document);
  g_assert_false (cjm_document_get_modified (document));
  g_assert_true (cjm_document_undo (document));
  g_assert_true (cjm_document_get_modified (document));
  cjm_document_set_field (document, map, CJM_FIELD_AUTHOR, "Other");
  g_assert_false (cjm_document_can_redo (document));
  g_assert_true (cjm_document_get_modified (document));
  g_assert_true (cjm_document_undo (document));
  g_assert_true (cjm_document_get_modified (document));
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *samples = test_shared_path ("samples");
  g_autoptr(GPtrArray) files = NULL;

  g_test_init (&argc, &argv, NULL);

  if (samples != NULL)
    files = test_list_files (samples, ".cjm");
  else
    files = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (files, test_fixture_path ("unknown.cjm"));
  g_ptr_array_add (files, test_fixture_path ("faults.cjm"));
  g_ptr_array_add (files, test_fixture_path ("action-plan.cjm"));
  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autofree char *base = g_path_get_basename (path);
      g_autofree char *name = g_strdup_printf ("/history/random-commands/%s", base);

      g_test_add_data_func (name, path, test_random_commands);
    }
  g_test_add_func ("/history/branch", test_branch);

  return g_test_run ();
}
