/* test-xml-read.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the reader builds from a file: fields as the raw text of the file,
 * lists, map settings, unknown XML kept through edits, semantic faults
 * loaded as they are, and what the writer makes of unusual values.
 */

#define G_LOG_DOMAIN "test"

#include "config.h"

#include <string.h>

#include "test-util.h"

static CjmItem *
lookup (CjmDocument *document,
        const char  *id)
{
  CjmItem *item = cjm_document_lookup (document, id);

  g_assert_nonnull (item);
  return item;
}

static void
test_fields (void)
{
  g_autoptr(CjmDocument) document = test_load_fixture ("full.cjm");
  CjmItem *map = cjm_document_get_map (document);
  CjmItem *item;
  GPtrArray *list;
  CjmFact *fact;
  CjmKpi *kpi;

  g_assert_cmpstr (cjm_item_get_field (map, CJM_FIELD_VERSION), ==, "1.0");
  g_assert_cmpstr (cjm_item_get_field (map, CJM_FIELD_LANG), ==, "en-GB");
  g_assert_cmpstr (cjm_item_get_field (map, CJM_FIELD_TITLE), ==, "Every part of the format");
  g_assert_true (g_str_has_suffix (cjm_item_get_field (map, CJM_FIELD_DESCRIPTION),
                                   "at least & escapes <this>."));
  g_assert_cmpstr (cjm_item_get_field (map, CJM_FIELD_AUTHOR), ==, "Test suite");
  g_assert_cmpstr (cjm_item_get_field (map, CJM_FIELD_EMOTION_SPREAD), ==, "2");
  g_assert_cmpint (cjm_document_get_emotion_spread (document), ==, 2);
  g_assert_cmpstr (cjm_item_get_field (map, CJM_FIELD_PAPER), ==, "a3");
  g_assert_cmpstr (cjm_item_get_field (map, CJM_FIELD_ORIENTATION), ==, "landscape");
  g_assert_cmpstr (cjm_item_get_field (map, CJM_FIELD_FIT), ==, "none");
  g_assert_cmpstr (cjm_item_get_field (map, CJM_FIELD_TILES), ==, "2x3");
  g_assert_cmpstr (cjm_item_get_field (map, CJM_FIELD_OVERLAP), ==, "10");
  g_assert_cmpstr (cjm_item_get_field (map, CJM_FIELD_COVER), ==, "true");
  g_assert_cmpstr (cjm_item_get_field (map, CJM_FIELD_APPENDIX), ==, "false");
  g_assert_cmpstr (cjm_item_get_field (map, CJM_FIELD_FINDINGS), ==, "true");

  g_assert_cmpuint (cjm_document_get_n_items (document, CJM_KIND_PERSONA), ==, 2);
  g_assert_cmpuint (cjm_document_get_n_items (document, CJM_KIND_STAGE), ==, 2);
  g_assert_cmpuint (cjm_document_get_n_items (document, CJM_KIND_LANE), ==, 9);
  g_assert_cmpuint (cjm_document_get_n_items (document, CJM_KIND_TOUCHPOINT), ==, 3);
  g_assert_cmpuint (cjm_document_get_n_items (document, CJM_KIND_NOTE), ==, 5);
  g_assert_cmpuint (cjm_document_get_n_items (document, CJM_KIND_OPPORTUNITY), ==, 2);
  g_assert_cmpuint (cjm_document_get_n_items (document, CJM_KIND_LINK), ==, 2);
  g_assert_cmpuint (cjm_document_get_n_items (document, CJM_KIND_TERM), ==, 2);
  g_assert_cmpuint (cjm_document_get_n_items (document, CJM_KIND_SUPPRESSION), ==, 2);
  g_assert_true (cjm_document_is_rtl (document) == FALSE);

  item = lookup (document, "p-a");
  g_assert_cmpstr (cjm_item_get_field (item, CJM_FIELD_COLOR), ==, "#3584e4");
  g_assert_cmpstr (cjm_item_get_field (item, CJM_FIELD_DESCRIPTION), ==,
                   "Line one\nline two, with \"quotes\" and 'apostrophes'");

  item = cjm_document_get_item (document, CJM_KIND_LANE, 1);
  g_assert_cmpstr (cjm_item_get_id (item), ==, "l-web");
  g_assert_cmpint (cjm_item_get_lane_kind (item), ==, CJM_LANE_CHANNEL);
  g_assert_cmpstr (cjm_item_get_field (item, CJM_FIELD_CHANNEL), ==, "web");
  g_assert_cmpstr (cjm_item_get_field (item, CJM_FIELD_OWNER), ==, "Digital");
  g_assert_cmpstr (cjm_item_get_field (item, CJM_FIELD_NAME), ==, "Web");

  item = lookup (document, "t-1");
  g_assert_cmpint (cjm_item_get_kind (item), ==, CJM_KIND_TOUCHPOINT);
  g_assert_cmpstr (cjm_item_get_field (item, CJM_FIELD_STAGE), ==, "s-1");
  g_assert_cmpstr (cjm_item_get_field (item, CJM_FIELD_LANE), ==, "l-web");
  g_assert_cmpstr (cjm_item_get_field (item, CJM_FIELD_INTERACTION), ==, "Sign up");
  g_assert_cmpint (cjm_item_get_emotion (item), ==, -1);
  g_assert_cmpint (cjm_item_get_target_emotion (item), ==, 2);
  g_assert_cmpstr (cjm_item_get_field (item, CJM_FIELD_EVIDENCE), ==, "observed");
  g_assert_true (cjm_item_get_bool_field (item, CJM_FIELD_MOMENT_OF_TRUTH, FALSE));
  g_assert_true (cjm_item_id_list_contains (item, CJM_FIELD_PERSONAS, "p-b"));
  g_assert_cmpstr (cjm_item_get_field (item, CJM_FIELD_EMOTION_NOTE), ==,
                   "Why do they need my birthday?");
  g_assert_cmpstr (cjm_item_get_field (item, CJM_FIELD_THIRD_PARTY), ==, "FormCo");

  list = cjm_item_get_list (item, CJM_LIST_FACTS);
  g_assert_cmpuint (list->len, ==, 2);
  fact = g_ptr_array_index (list, 1);
  g_assert_cmpstr (fact->key, ==, "time to complete");
  g_assert_cmpstr (fact->value, ==, "4 min");

  list = cjm_item_get_list (item, CJM_LIST_KPIS);
  g_assert_cmpuint (list->len, ==, 2);
  kpi = g_ptr_array_index (list, 0);
  g_assert_cmpstr (kpi->name, ==, "Completion");
  g_assert_cmpstr (kpi->value, ==, "61");
  g_assert_cmpstr (kpi->unit, ==, "%");
  g_assert_cmpstr (kpi->target, ==, "80");
  g_assert_cmpstr (kpi->source, ==, "web analytics");
  kpi = g_ptr_array_index (list, 1);
  g_assert_null (kpi->unit);
  g_assert_null (kpi->source);

  list = cjm_item_get_list (item, CJM_LIST_DATA_SOURCES);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((CjmText *) g_ptr_array_index (list, 1))->text, ==, "usability test, March");

  item = lookup (document, "n-3");
  g_assert_cmpstr (cjm_item_get_field (item, CJM_FIELD_TEXT), ==, "Confirmation mail < 1% opened");
  item = lookup (document, "n-5");
  g_assert_cmpstr (cjm_item_get_display_text (item), ==, "");

  item = lookup (document, "o-1");
  g_assert_cmpint (cjm_item_get_int_field (item, CJM_FIELD_IMPACT, 1, 5, 0), ==, 5);
  g_assert_cmpstr (cjm_item_get_field (item, CJM_FIELD_ADDRESSES), ==, "t-1 t-2");
  g_assert_cmpstr (cjm_item_get_field (item, CJM_FIELD_DESCRIPTION), ==, "Birthday later, if ever");

  item = cjm_document_get_item (document, CJM_KIND_LINK, 0);
  g_assert_cmpstr (cjm_item_get_field (item, CJM_FIELD_FROM), ==, "t-1");
  g_assert_cmpstr (cjm_item_get_field (item, CJM_FIELD_TO), ==, "t-3");
  g_assert_cmpstr (cjm_item_get_field (item, CJM_FIELD_LABEL), ==, "done");

  item = cjm_document_get_item (document, CJM_KIND_TERM, 0);
  g_assert_cmpstr (cjm_item_get_field (item, CJM_FIELD_PREFERRED), ==, "sign up");
  list = cjm_item_get_list (item, CJM_LIST_SYNONYMS);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((CjmText *) g_ptr_array_index (list, 0))->text, ==, "register");

  item = cjm_document_get_item (document, CJM_KIND_SUPPRESSION, 0);
  g_assert_cmpstr (cjm_item_get_field (item, CJM_FIELD_RULE), ==, "CJM-F01");
  g_assert_cmpstr (cjm_item_get_field (item, CJM_FIELD_TARGET), ==, "t-2");
  g_assert_cmpstr (cjm_item_get_field (item, CJM_FIELD_TEXT), ==, "Phone script is being rewritten");
}

static void
test_hebrew_sample (void)
{
  g_autofree char *samples = test_shared_path ("samples");
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(CjmDocument) document = NULL;
  CjmItem *map;

  if (samples == NULL)
    {
      g_test_skip ("$CJM_SHARED_DIR/samples is not there");
      return;
    }
  path = g_build_filename (samples, "fiber-onboarding.he.cjm", NULL);
  bytes = test_read_file (path);
  document = test_load_bytes (bytes, "fiber-onboarding.he.cjm");
  map = cjm_document_get_map (document);

  g_assert_cmpstr (cjm_item_get_field (map, CJM_FIELD_LANG), ==, "he");
  g_assert_true (cjm_document_is_rtl (document));
  g_assert_cmpstr (cjm_item_get_field (map, CJM_FIELD_TITLE), ==, "הצטרפות לאינטרנט סיבים");
}

/* Values the reader cannot use are kept as text; nothing is dropped. */
static void
test_semantic_faults (void)
{
  g_autoptr(CjmDocument) document = test_load_fixture ("faults.cjm");
  CjmItem *map = cjm_document_get_map (document);
  CjmItem *item;

  g_assert_cmpstr (cjm_item_get_field (map, CJM_FIELD_EMOTION_SPREAD), ==, "wide");
  g_assert_cmpint (cjm_document_get_emotion_spread (document), ==, 3);
  g_assert_cmpstr (cjm_item_get_field (map, CJM_FIELD_PAPER), ==, "b5");
  g_assert_cmpuint (cjm_document_get_n_items (document, CJM_KIND_PERSONA), ==, 2);
  g_assert_cmpuint (cjm_document_get_n_items (document, CJM_KIND_STAGE), ==, 2);
  g_assert_cmpuint (cjm_document_get_n_items (document, CJM_KIND_TOUCHPOINT), ==, 2);
  g_assert_cmpuint (cjm_document_get_n_items (document, CJM_KIND_LINK), ==, 2);

  item = cjm_document_get_item (document, CJM_KIND_STAGE, 1);
  g_assert_null (cjm_item_get_id (item));
  g_assert_cmpstr (cjm_item_get_field (item, CJM_FIELD_NAME), ==, "No id");

  item = cjm_document_get_item (document, CJM_KIND_TOUCHPOINT, 0);
  g_assert_cmpstr (cjm_item_get_field (item, CJM_FIELD_EMOTION), ==, "7");
  g_assert_cmpint (cjm_item_get_emotion (item), ==, CJM_EMOTION_UNSET);
  g_assert_cmpstr (cjm_item_get_field (item, CJM_FIELD_TARGET_EMOTION), ==, "-9");
  g_assert_cmpstr (cjm_item_get_field (item, CJM_FIELD_EVIDENCE), ==, "rumour");
  g_assert_cmpstr (cjm_item_get_field (item, CJM_FIELD_TITLE), ==, "In a text lane, out of range");

  item = cjm_document_get_item (document, CJM_KIND_TOUCHPOINT, 1);
  g_assert_cmpstr (cjm_item_get_id (item), ==, "t-1");
  g_assert_null (cjm_item_get_field (item, CJM_FIELD_STAGE));

  item = cjm_document_get_item (document, CJM_KIND_LANE, 1);
  g_assert_cmpint (cjm_item_get_lane_kind (item), ==, CJM_LANE_UNKNOWN);
  g_assert_cmpstr (cjm_item_get_field (item, CJM_FIELD_LANE_KIND), ==, "holograms");
}

static const char *
extra_attr (const CjmExtras *extras,
            const char      *name)
{
  for (guint i = 0; extras != NULL && i < extras->attrs->len; i++)
    {
      const CjmRawAttr *attr = g_ptr_array_index (extras->attrs, i);

      if (strcmp (attr->name, name) == 0)
        return attr->value;
    }
  return NULL;
}

static void
test_extras (void)
{
  g_autoptr(CjmDocument) document = test_load_fixture ("unknown.cjm");
  CjmExtras *root = *cjm_document_peek_container_extras (document, CJM_KIND_MAP);
  CjmItem *item;
  const CjmRawChild *child;
  CjmFact *fact;
  CjmKpi *kpi;

  g_assert_cmpstr (extra_attr (root, "xmlns:x"), ==, "urn:example:extension");
  g_assert_cmpstr (extra_attr (root, "x:generator"), ==, "Other tool 3.1");
  g_assert_cmpuint (root->children->len, ==, 5);
  child = g_ptr_array_index (root->children, 0);
  g_assert_cmpuint (child->anchor, ==, 0);
  g_assert_cmpstr (child->xml, ==, "<!-- Maintained by the CX guild; ask before changing lanes. -->");
  child = g_ptr_array_index (root->children, 2);
  g_assert_cmpuint (child->anchor, ==, 1);
  g_assert_cmpstr (child->xml, ==, "<x:subtitle>Between title and description</x:subtitle>");

  g_assert_cmpstr (extra_attr (*cjm_document_peek_settings_extras (document), "x:scale"), ==,
                   "linear");
  g_assert_cmpstr (extra_attr (*cjm_document_peek_print_extras (document), "x:margins"), ==,
                   "narrow");
  g_assert_cmpstr (extra_attr (*cjm_document_peek_container_extras (document, CJM_KIND_PERSONA),
                               "x:sorted"), ==, "true");
  g_assert_cmpstr (extra_attr (cjm_item_get_field_extras (cjm_document_get_map (document),
                                                          CJM_FIELD_TITLE), "x:status"),
                   ==, "approved");

  item = cjm_document_lookup (document, "p-a");
  g_assert_cmpstr (extra_attr (cjm_item_get_extras (item), "x:avatar"), ==, "a.png");
  g_assert_cmpstr (cjm_item_get_field (item, CJM_FIELD_NAME), ==, "Ada");

  item = cjm_document_lookup (document, "t-1");
  g_assert_cmpstr (extra_attr (cjm_item_get_extras (item), "y:flag"), ==, "off");
  fact = g_ptr_array_index (cjm_item_get_list (item, CJM_LIST_FACTS), 0);
  g_assert_cmpstr (fact->value, ==, "10");
  g_assert_cmpstr (extra_attr (fact->extras, "x:currency"), ==, "EUR");
  kpi = g_ptr_array_index (cjm_item_get_list (item, CJM_LIST_KPIS), 0);
  g_assert_cmpuint (kpi->extras->children->len, ==, 1);

  item = cjm_document_lookup (document, "n-1");
  g_assert_cmpstr (cjm_item_get_field (item, CJM_FIELD_TEXT), ==, "Remember ");
}

/* Unknown XML survives editing: changed fields, new and removed items,
 * moved items, emptied lists. */
static void
test_extras_survive_edits (void)
{
  g_autoptr(CjmDocument) document = test_load_fixture ("unknown.cjm");
  g_autoptr(CjmItem) stage = cjm_item_new (CJM_KIND_STAGE);
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(CjmDocument) reloaded = NULL;
  CjmItem *touchpoint = cjm_document_lookup (document, "t-1");
  static const char * const kept[] = {
    "xmlns:x=\"urn:example:extension\"",
    "x:generator=\"Other tool 3.1\"",
    "<!-- Maintained by the CX guild; ask before changing lanes. -->",
    "<x:banner colour=\"red\">Draft</x:banner>",
    "<title x:status=\"approved\">Renamed</title>",
    "<x:subtitle>Between title and description</x:subtitle>",
    "<settings emotion-spread=\"4\" x:scale=\"linear\">",
    "<x:threshold kind=\"soft\">2</x:threshold>",
    "<print paper=\"a4\" x:margins=\"narrow\"/>",
    "<?x-tool layout=\"wide\"?>",
    "<personas x:sorted=\"true\">",
    "<x:photo src=\"a.png\"/>",
    "<x:age>41</x:age>",
    "<!-- goal from interviews -->",
    "<name x:short=\"1\">One</name>",
    "<x:stage-group from=\"s-1\" to=\"s-1\"/>",
    "<touchpoint id=\"t-1\" stage=\"s-2\" lane=\"l-web\" emotion=\"1\" x:weight=\"3\" y:flag=\"off\">",
    "<x:caption>The home page, <x:b>before</x:b> the redesign</x:caption>",
    "<x:appendix>",
  };

  cjm_document_set_field (document, cjm_document_get_map (document), CJM_FIELD_TITLE, "Renamed");
  cjm_item_set_initial_field (stage, CJM_FIELD_ID, "s-2");
  cjm_item_set_initial_field (stage, CJM_FIELD_NAME, "Two");
  cjm_document_insert_item (document, stage, 0);
  cjm_document_set_field (document, touchpoint, CJM_FIELD_STAGE, "s-2");
  cjm_document_set_list (document, touchpoint, CJM_LIST_DATA_SOURCES, NULL);
  cjm_document_move_item (document, cjm_document_lookup (document, "l-note"), 0);
  cjm_document_remove_item (document, cjm_document_lookup (document, "n-1"));

  saved = cjm_document_serialize (document);
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    if (!test_bytes_contain (saved, kept[i]))
      g_error ("lost after editing: %s", kept[i]);
  g_assert_false (test_bytes_contain (saved, "x:confidence"));

  /* …and the edited file is itself stable. */
  reloaded = test_load_bytes (saved, "edited.cjm");
  {
    g_autoptr(GBytes) again = cjm_document_serialize (reloaded);
    test_assert_bytes_equal (again, saved);
  }
}

/* Whatever text the user types is written so that it reads back the
 * same; characters XML cannot hold become U+FFFD. */
static void
test_escaping (void)
{
  static const char * const values[] = {
    "plain",
    "<tag> & \"quotes\" & 'single'",
    "new\nline\tand tab",
    "carriage\r\nreturn",
    "  leading and trailing  ",
    "]]> and &amp; literally",
    "עברית and émoji 🎉",
    "",
  };
  g_autoptr(CjmDocument) document = test_load_fixture ("full.cjm");
  CjmItem *touchpoint = cjm_document_lookup (document, "t-1");
  CjmItem *note = cjm_document_lookup (document, "n-1");

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autoptr(GBytes) saved = NULL;
      g_autoptr(CjmDocument) reloaded = NULL;
      g_autoptr(GPtrArray) facts = cjm_list_new (CJM_LIST_FACTS);

      g_ptr_array_add (facts, cjm_fact_new (values[i], values[i]));
      cjm_document_set_field (document, touchpoint, CJM_FIELD_INTERACTION, values[i]);
      cjm_document_set_field (document, touchpoint, CJM_FIELD_TITLE, values[i]);
      cjm_document_set_field (document, note, CJM_FIELD_TEXT, values[i]);
      cjm_document_set_list (document, touchpoint, CJM_LIST_FACTS, facts);

      saved = cjm_document_serialize (document);
      reloaded = test_load_bytes (saved, "escaped.cjm");
      touchpoint = cjm_document_lookup (reloaded, "t-1");
      g_assert_cmpstr (cjm_item_get_field (touchpoint, CJM_FIELD_INTERACTION), ==, values[i]);
      g_assert_cmpstr (cjm_item_get_field (touchpoint, CJM_FIELD_TITLE), ==, values[i]);
      g_assert_cmpstr (cjm_item_get_field (cjm_document_lookup (reloaded, "n-1"), CJM_FIELD_TEXT),
                       ==, values[i]);
      g_assert_true (cjm_list_equal (CJM_LIST_FACTS, facts,
                                     cjm_item_get_list (touchpoint, CJM_LIST_FACTS)));
      touchpoint = cjm_document_lookup (document, "t-1");
    }

  /* Control characters cannot be in XML 1.0 at all. */
  cjm_document_set_field (document, touchpoint, CJM_FIELD_TITLE, "bell\a and \x1b escape");
  {
    g_autoptr(GBytes) saved = cjm_document_serialize (document);
    g_autoptr(CjmDocument) reloaded = test_load_bytes (saved, "controls.cjm");

    g_assert_cmpstr (cjm_item_get_field (cjm_document_lookup (reloaded, "t-1"), CJM_FIELD_TITLE),
                     ==, "bell\xef\xbf\xbd and \xef\xbf\xbd escape");
  }
}

/* A file's display name and position are in every message. */
static void
test_error_names_file (void)
{
  static const char text[] = "<journey-map xmlns='urn:x-cjm:1'>\n  <title>x</titel>\n</journey-map>";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, sizeof text - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(CjmDocument) document = cjm_document_new_from_bytes (bytes, "my map.cjm", &error);

  g_assert_null (document);
  g_assert_error (error, CJM_DOCUMENT_ERROR, CJM_DOCUMENT_ERROR_PARSE);
  g_assert_true (g_str_has_prefix (error->message, "my map.cjm:2:"));
  g_assert_nonnull (strstr (error->message, "mismatch"));
}

static void
test_from_file (void)
{
  g_autofree char *path = test_fixture_path ("full.cjm");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CjmDocument) document = cjm_document_new_from_file (file, &error);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFile) missing = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *missing_path = NULL;

  g_assert_no_error (error);
  g_assert_true (g_file_equal (cjm_document_get_file (document), file));
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  g_assert_nonnull (cjm_document_get_etag (document));
  g_assert_cmpstr (cjm_document_get_etag (document), ==, g_file_info_get_etag (info));
  g_assert_false (cjm_document_get_modified (document));
  g_assert_false (cjm_document_can_undo (document));

  missing_path = test_fixture_path ("no-such-file.cjm");
  missing = g_file_new_for_path (missing_path);
  g_clear_object (&document);
  document = cjm_document_new_from_file (missing, &error);
  g_assert_null (document);
  g_assert_error (error, CJM_DOCUMENT_ERROR, CJM_DOCUMENT_ERROR_READ);
  g_assert_nonnull (strstr (error->message, "no-such-file.cjm"));
  g_clear_error (&error);

  folder = g_file_get_parent (file);
  document = cjm_document_new_from_file (folder, &error);
  g_assert_null (document);
  g_assert_error (error, CJM_DOCUMENT_ERROR, CJM_DOCUMENT_ERROR_READ);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xml/read/fields", test_fields);
  g_test_add_func ("/xml/read/hebrew-sample", test_hebrew_sample);
  g_test_add_func ("/xml/read/semantic-faults", test_semantic_faults);
  g_test_add_func ("/xml/read/extras", test_extras);
  g_test_add_func ("/xml/read/extras-survive-edits", test_extras_survive_edits);
  g_test_add_func ("/xml/read/escaping", test_escaping);
  g_test_add_func ("/xml/read/error-names-file", test_error_names_file);
  g_test_add_func ("/xml/read/from-file", test_from_file);

  return g_test_run ();
}
