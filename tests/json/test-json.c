/* test-json.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * JSON conversion: every part of the model survives doc -> JSON -> doc and
 * JSON -> doc -> JSON, .cjm files survive .cjm -> JSON -> .cjm byte for byte,
 * and bad JSON is refused with the file, line, column and reason.
 */

#define G_LOG_DOMAIN "test-json"

#include "config.h"

#include <string.h>

#include "cjm-document-private.h"
#include "cjm-json.h"
#include "json-test-util.h"

/* A document that uses every part of the model, built in code. */
static CjmDocument *
build_full_document (void)
{
  CjmDocument *doc = g_object_new (CJM_TYPE_DOCUMENT, NULL);
  CjmItem *map = cjm_document_get_map (doc);
  CjmItem *item;
  CjmFact *fact;
  CjmText *text;
  GPtrArray *list;

  cjm_item_take_field (map, CJM_FIELD_VERSION, g_strdup ("1.3"));
  cjm_item_take_field (map, CJM_FIELD_LANG, g_strdup ("he"));
  cjm_item_take_field (map, CJM_FIELD_TITLE, g_strdup ("תשלום חשבון \"חודשי\" <&>"));
  cjm_item_take_field (map, CJM_FIELD_DESCRIPTION, g_strdup ("line one\nline two\ttabbed"));
  cjm_item_take_field (map, CJM_FIELD_AUTHOR, g_strdup (""));
  cjm_item_take_field (map, CJM_FIELD_EMOTION_SPREAD, g_strdup ("lots"));
  cjm_item_take_field (map, CJM_FIELD_PAPER, g_strdup ("a3"));
  cjm_item_take_field (map, CJM_FIELD_ORIENTATION, g_strdup ("landscape"));
  cjm_item_take_field (map, CJM_FIELD_FIT, g_strdup ("none"));
  cjm_item_take_field (map, CJM_FIELD_TILES, g_strdup ("2x3"));
  cjm_item_take_field (map, CJM_FIELD_OVERLAP, g_strdup ("10"));
  cjm_item_take_field (map, CJM_FIELD_COVER, g_strdup ("true"));
  cjm_item_take_field (map, CJM_FIELD_APPENDIX, g_strdup ("false"));
  cjm_item_take_field (map, CJM_FIELD_FINDINGS, g_strdup ("maybe"));
  cjm_extras_add_attr (cjm_document_peek_container_extras (doc, CJM_KIND_MAP),
                       "xmlns:x", "urn:example:x");
  cjm_extras_add_attr (cjm_document_peek_container_extras (doc, CJM_KIND_MAP),
                       "x:origin", "tool \"7\"");
  cjm_extras_add_child (cjm_document_peek_container_extras (doc, CJM_KIND_MAP),
                        4, "<x:history><x:step n=\"1\">made</x:step></x:history>");
  cjm_extras_add_attr (cjm_document_peek_settings_extras (doc), "x:grid", "on");
  cjm_extras_add_child (cjm_document_peek_print_extras (doc), 0, "<x:margin mm=\"5\"/>");
  cjm_extras_add_attr (cjm_item_peek_field_extras (map, CJM_FIELD_TITLE), "x:short", "bill");
  cjm_extras_add_child (cjm_document_peek_container_extras (doc, CJM_KIND_STAGE),
                        1, "<!-- stage comment -->");
  cjm_extras_add_attr (cjm_document_peek_container_extras (doc, CJM_KIND_LINK),
                       "x:style", "curved");

  item = cjm_item_new (CJM_KIND_PERSONA);
  cjm_item_take_field (item, CJM_FIELD_ID, g_strdup ("p-dana"));
  cjm_item_take_field (item, CJM_FIELD_COLOR, g_strdup ("#3584e4"));
  cjm_item_take_field (item, CJM_FIELD_NAME, g_strdup ("Dana"));
  cjm_item_take_field (item, CJM_FIELD_DESCRIPTION, g_strdup ("Busy parent"));
  cjm_item_take_field (item, CJM_FIELD_GOAL, g_strdup ("Pay on time"));
  cjm_document_append_loaded (doc, item);
  g_object_unref (item);

  for (guint i = 0; i < 2; i++)
    {
      item = cjm_item_new (CJM_KIND_STAGE);
      cjm_item_take_field (item, CJM_FIELD_ID, g_strdup_printf ("s-%u", i));
      cjm_item_take_field (item, CJM_FIELD_NAME, g_strdup_printf ("Stage %u", i));
      if (i == 1)
        {
          cjm_item_take_field (item, CJM_FIELD_GOAL, g_strdup ("Goal"));
          cjm_extras_add_child (cjm_item_peek_extras (item), 1, "<x:budget>100</x:budget>");
        }
      cjm_document_append_loaded (doc, item);
      g_object_unref (item);
    }

  item = cjm_item_new (CJM_KIND_LANE);
  cjm_item_take_field (item, CJM_FIELD_ID, g_strdup ("l-web"));
  cjm_item_take_field (item, CJM_FIELD_LANE_KIND, g_strdup ("channel"));
  cjm_item_take_field (item, CJM_FIELD_CHANNEL, g_strdup ("web"));
  cjm_item_take_field (item, CJM_FIELD_OWNER, g_strdup ("Digital"));
  cjm_item_take_field (item, CJM_FIELD_NAME, g_strdup ("Website"));
  cjm_document_append_loaded (doc, item);
  g_object_unref (item);

  item = cjm_item_new (CJM_KIND_LANE);
  cjm_item_take_field (item, CJM_FIELD_ID, g_strdup ("l-odd"));
  cjm_item_take_field (item, CJM_FIELD_LANE_KIND, g_strdup ("hologram"));
  cjm_item_take_field (item, CJM_FIELD_NAME, g_strdup ("From the future"));
  cjm_document_append_loaded (doc, item);
  g_object_unref (item);

  item = cjm_item_new (CJM_KIND_TOUCHPOINT);
  cjm_item_take_field (item, CJM_FIELD_ID, g_strdup ("t-1"));
  cjm_item_take_field (item, CJM_FIELD_STAGE, g_strdup ("s-0"));
  cjm_item_take_field (item, CJM_FIELD_LANE, g_strdup ("l-web"));
  cjm_item_take_field (item, CJM_FIELD_INTERACTION, g_strdup ("Pay bill"));
  cjm_item_take_field (item, CJM_FIELD_EMOTION, g_strdup ("high"));
  cjm_item_take_field (item, CJM_FIELD_TARGET_EMOTION, g_strdup ("+3"));
  cjm_item_take_field (item, CJM_FIELD_OWNER, g_strdup ("Billing"));
  cjm_item_take_field (item, CJM_FIELD_EVIDENCE, g_strdup ("observed"));
  cjm_item_take_field (item, CJM_FIELD_MOMENT_OF_TRUTH, g_strdup ("true"));
  cjm_item_take_field (item, CJM_FIELD_PERSONAS, g_strdup ("p-dana  p-ghost"));
  cjm_item_take_field (item, CJM_FIELD_TITLE, g_strdup ("Pay with saved card 💳"));
  cjm_item_take_field (item, CJM_FIELD_DESCRIPTION, g_strdup ("  spaced  "));
  cjm_item_take_field (item, CJM_FIELD_EMOTION_NOTE, g_strdup ("Quick"));
  cjm_item_take_field (item, CJM_FIELD_THIRD_PARTY, g_strdup ("PayCo"));
  cjm_extras_add_attr (cjm_item_peek_extras (item), "x:weight", "3");
  cjm_extras_add_child (cjm_item_peek_extras (item), 0, "<x:photo href=\"a.png\"/>");
  cjm_extras_add_child (cjm_item_peek_extras (item), 3, "<x:tag>b</x:tag>");
  cjm_extras_add_attr (cjm_item_peek_field_extras (item, CJM_FIELD_DESCRIPTION), "x:fmt", "md");

  list = cjm_list_new (CJM_LIST_FACTS);
  g_ptr_array_add (list, cjm_fact_new ("fee", "0"));
  fact = cjm_fact_new ("posting time", NULL);
  cjm_extras_add_attr (&fact->extras, "x:unit", "days");
  g_ptr_array_add (list, fact);
  g_ptr_array_add (list, cjm_fact_new (NULL, ""));
  cjm_item_swap_list (item, CJM_LIST_FACTS, &list);
  g_clear_pointer (&list, g_ptr_array_unref);

  list = cjm_list_new (CJM_LIST_KPIS);
  g_ptr_array_add (list, cjm_kpi_new ("CSAT", "4.5", NULL, "4.2", "survey"));
  g_ptr_array_add (list, cjm_kpi_new ("Wait", "30", "s", NULL, NULL));
  cjm_item_swap_list (item, CJM_LIST_KPIS, &list);
  g_clear_pointer (&list, g_ptr_array_unref);

  list = cjm_list_new (CJM_LIST_DATA_SOURCES);
  g_ptr_array_add (list, cjm_text_new ("web analytics"));
  text = cjm_text_new ("CRM");
  cjm_extras_add_child (&text->extras, 0, "<x:query>select 1</x:query>");
  g_ptr_array_add (list, text);
  g_ptr_array_add (list, cjm_text_new (NULL));
  cjm_item_swap_list (item, CJM_LIST_DATA_SOURCES, &list);
  g_clear_pointer (&list, g_ptr_array_unref);
  cjm_document_append_loaded (doc, item);
  g_object_unref (item);

  item = cjm_item_new (CJM_KIND_TOUCHPOINT);
  cjm_item_take_field (item, CJM_FIELD_ID, g_strdup ("t-2"));
  cjm_item_take_field (item, CJM_FIELD_TITLE, g_strdup ("Bare"));
  cjm_document_append_loaded (doc, item);
  g_object_unref (item);

  item = cjm_item_new (CJM_KIND_NOTE);
  cjm_item_take_field (item, CJM_FIELD_ID, g_strdup ("n-1"));
  cjm_item_take_field (item, CJM_FIELD_STAGE, g_strdup ("s-1"));
  cjm_item_take_field (item, CJM_FIELD_LANE, g_strdup ("l-odd"));
  cjm_item_take_field (item, CJM_FIELD_TEXT, g_strdup ("Hold time over 10 minutes"));
  cjm_document_append_loaded (doc, item);
  g_object_unref (item);

  item = cjm_item_new (CJM_KIND_OPPORTUNITY);
  cjm_item_take_field (item, CJM_FIELD_ID, g_strdup ("o-1"));
  cjm_item_take_field (item, CJM_FIELD_STAGE, g_strdup ("s-1"));
  cjm_item_take_field (item, CJM_FIELD_LANE, g_strdup ("l-odd"));
  cjm_item_take_field (item, CJM_FIELD_IMPACT, g_strdup ("4"));
  cjm_item_take_field (item, CJM_FIELD_EFFORT, g_strdup ("9"));
  cjm_item_take_field (item, CJM_FIELD_OWNER, g_strdup ("Digital"));
  cjm_item_take_field (item, CJM_FIELD_ADDRESSES, g_strdup ("t-1 t-2"));
  cjm_item_take_field (item, CJM_FIELD_TITLE, g_strdup ("Pay-by-link"));
  cjm_document_append_loaded (doc, item);
  g_object_unref (item);

  item = cjm_item_new (CJM_KIND_LINK);
  cjm_item_take_field (item, CJM_FIELD_FROM, g_strdup ("t-1"));
  cjm_item_take_field (item, CJM_FIELD_TO, g_strdup ("t-2"));
  cjm_item_take_field (item, CJM_FIELD_LABEL, g_strdup ("declined"));
  cjm_document_append_loaded (doc, item);
  g_object_unref (item);

  item = cjm_item_new (CJM_KIND_TERM);
  cjm_item_take_field (item, CJM_FIELD_PREFERRED, g_strdup ("bill"));
  list = cjm_list_new (CJM_LIST_SYNONYMS);
  g_ptr_array_add (list, cjm_text_new ("invoice"));
  g_ptr_array_add (list, cjm_text_new ("statement"));
  cjm_item_swap_list (item, CJM_LIST_SYNONYMS, &list);
  g_clear_pointer (&list, g_ptr_array_unref);
  cjm_document_append_loaded (doc, item);
  g_object_unref (item);

  item = cjm_item_new (CJM_KIND_SUPPRESSION);
  cjm_item_take_field (item, CJM_FIELD_RULE, g_strdup ("CJM-M01"));
  cjm_item_take_field (item, CJM_FIELD_TARGET, g_strdup ("t-2"));
  cjm_item_take_field (item, CJM_FIELD_TEXT, g_strdup ("No analytics yet"));
  cjm_document_append_loaded (doc, item);
  g_object_unref (item);

  return doc;
}

static void
test_model_round_trip (void)
{
  g_autoptr(CjmDocument) doc = build_full_document ();
  g_autoptr(CjmDocument) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *again = NULL;
  gsize length;

  data = cjm_document_to_json_data (doc, &length);
  g_assert_cmpuint (length, ==, strlen (data));
  g_assert_true (g_str_has_suffix (data, "}\n"));

  back = cjm_document_new_from_json_data (data, length, "full.json", &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);
  cjm_test_assert_documents_equal (doc, back);
  g_assert_false (cjm_document_get_modified (back));
  g_assert_false (cjm_document_can_undo (back));

  again = cjm_document_to_json_data (back, NULL);
  g_assert_cmpstr (again, ==, data);
}

/* What a script sees: readable names, raw text, plain strings in lists. */
static void
test_shape (void)
{
  g_autoptr(CjmDocument) doc = build_full_document ();
  g_autoptr(JsonNode) root = cjm_document_to_json (doc);
  JsonObject *object = json_node_get_object (root);
  JsonObject *tp;
  JsonArray *facts;
  JsonArray *sources;

  g_assert_cmpstr (json_object_get_string_member (object, "format"), ==, "urn:x-cjm:1");
  g_assert_cmpstr (json_object_get_string_member (object, "version"), ==, "1.3");
  g_assert_cmpstr (json_object_get_string_member (object, "xml:lang"), ==, "he");
  g_assert_cmpstr (json_object_get_string_member (object, "author"), ==, "");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object, "settings"),
                                                  "emotion-spread"), ==, "lots");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object, "print"),
                                                  "tiles"), ==, "2x3");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "stages")), ==, 2);
  g_assert_false (json_object_has_member (object, "personas") == FALSE);

  tp = json_array_get_object_element (json_object_get_array_member (object, "touchpoints"), 0);
  g_assert_cmpstr (json_object_get_string_member (tp, "emotion"), ==, "high");
  g_assert_cmpstr (json_object_get_string_member (tp, "moment-of-truth"), ==, "true");
  g_assert_cmpstr (json_object_get_string_member (tp, "emotion-note"), ==, "Quick");
  facts = json_object_get_array_member (tp, "facts");
  g_assert_cmpuint (json_array_get_length (facts), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (facts, 0), "key"),
                   ==, "fee");
  g_assert_false (json_object_has_member (json_array_get_object_element (facts, 2), "key"));
  sources = json_object_get_array_member (tp, "data-sources");
  g_assert_cmpstr (json_array_get_string_element (sources, 0), ==, "web analytics");
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_array_get_element (sources, 1)));
  g_assert_cmpstr (json_object_get_string_member (
                     json_object_get_object_member (
                       json_object_get_object_member (tp, "unknown"), "attributes"), "x:weight"),
                   ==, "3");

  tp = json_array_get_object_element (json_object_get_array_member (object, "notes"), 0);
  g_assert_cmpstr (json_object_get_string_member (tp, "text"), ==, "Hold time over 10 minutes");

  /* Absent parts stay absent. */
  tp = json_array_get_object_element (json_object_get_array_member (object, "touchpoints"), 1);
  g_assert_cmpuint (json_object_get_size (tp), ==, 2);
}

/* A hand-written map: numbers and booleans are taken as their text, null as
 * absent, and the result writes back in the canonical shape. */
static void
test_script_input (void)
{
  static const char input[] =
    "{\"format\": \"urn:x-cjm:1\", \"version\": \"1.0\", \"title\": \"Hand made\",\n"
    " \"settings\": {\"emotion-spread\": 2},\n"
    " \"print\": {\"cover\": true, \"overlap\": 2.5},\n"
    " \"stages\": [{\"id\": \"s1\", \"name\": \"One\", \"goal\": null}],\n"
    " \"lanes\": [],\n"
    " \"touchpoints\": [{\"id\": \"t1\", \"stage\": \"s1\", \"emotion\": -2,\n"
    "   \"kpis\": [{\"name\": \"NPS\", \"value\": 41}],\n"
    "   \"data-sources\": [\"a\", {\"text\": \"b\"}]}]}\n";
  g_autoptr(CjmDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  CjmItem *map;
  CjmItem *tp;
  CjmKpi *kpi;

  doc = cjm_document_new_from_json_data (input, -1, "hand.json", &error);
  g_assert_no_error (error);
  map = cjm_document_get_map (doc);
  g_assert_cmpstr (cjm_item_get_field (map, CJM_FIELD_EMOTION_SPREAD), ==, "2");
  g_assert_cmpint (cjm_document_get_emotion_spread (doc), ==, 2);
  g_assert_cmpstr (cjm_item_get_field (map, CJM_FIELD_COVER), ==, "true");
  g_assert_cmpstr (cjm_item_get_field (map, CJM_FIELD_OVERLAP), ==, "2.5");
  g_assert_null (cjm_item_get_field (map, CJM_FIELD_LANG));
  g_assert_null (cjm_item_get_field (cjm_document_get_item (doc, CJM_KIND_STAGE, 0),
                                     CJM_FIELD_GOAL));
  g_assert_cmpuint (cjm_document_get_n_items (doc, CJM_KIND_LANE), ==, 0);
  tp = cjm_document_get_item (doc, CJM_KIND_TOUCHPOINT, 0);
  g_assert_cmpint (cjm_item_get_emotion (tp), ==, -2);
  kpi = g_ptr_array_index (cjm_item_get_list (tp, CJM_LIST_KPIS), 0);
  g_assert_cmpstr (kpi->value, ==, "41");
  g_assert_cmpstr (((CjmText *) g_ptr_array_index (cjm_item_get_list (tp, CJM_LIST_DATA_SOURCES),
                                                   1))->text, ==, "b");
  g_assert_true (cjm_document_lookup (doc, "t1") == tp);
}

typedef struct {
  const char *name;
  const char *input;
  int         code;
  const char *message;      /* expected start of the message */
  const char *reason;       /* expected in the message */
} BadCase;

static const BadCase bad_cases[] = {
  { "empty", "", CJM_DOCUMENT_ERROR_PARSE, "bad.json:1:1: ", "empty" },
  { "blank", "  \n  ", CJM_DOCUMENT_ERROR_PARSE, "bad.json:2:3: ", "empty" },
  { "array", "[1, 2]", CJM_DOCUMENT_ERROR_NOT_A_MAP, "bad.json:1:1: ", "expected a JSON object" },
  { "scalar", "\n  \"map\"", CJM_DOCUMENT_ERROR_NOT_A_MAP, "bad.json:2:3: ", "JSON object" },
  { "truncated", "{\"format\": \"urn:x-cjm:1\",\n \"title\": \"x\"",
    CJM_DOCUMENT_ERROR_PARSE, "bad.json:2:", "" },
  { "syntax", "{\"format\": \"urn:x-cjm:1\",\n \"title\": nope}",
    CJM_DOCUMENT_ERROR_PARSE, "bad.json:2:", "nope" },
  { "trailing", "{\"format\": \"urn:x-cjm:1\"}\n{}", CJM_DOCUMENT_ERROR_PARSE,
    "bad.json:2:1: ", "after the end" },
  { "utf8", "{\"format\": \"urn:x-cjm:1\",\n \"title\": \"ab\xff\"}",
    CJM_DOCUMENT_ERROR_ENCODING, "bad.json:2:14: ", "UTF-8" },
  { "nul-escape", "{\"format\": \"urn:x-cjm:1\", \"title\": \"a\\u0000b\"}",
    CJM_DOCUMENT_ERROR_ENCODING, "bad.json:1:38: ", "U+0000" },
  { "control", "{\"format\": \"urn:x-cjm:1\",\n \"title\": \"a\\u0001b\"}",
    CJM_DOCUMENT_ERROR_ENCODING, "bad.json:2:", "title: the text contains the character U+0001" },
  { "no-format", "{\"title\": \"x\"}", CJM_DOCUMENT_ERROR_NOT_A_MAP, "bad.json:1:1: ",
    "\"format\": \"urn:x-cjm:1\"" },
  { "other-format", "{\"format\": \"geojson\"}", CJM_DOCUMENT_ERROR_NOT_A_MAP, "bad.json:1:",
    "not a journey map" },
  { "newer", "{\"format\": \"urn:x-cjm:1\", \"version\": \"2.0\"}", CJM_DOCUMENT_ERROR_VERSION,
    "bad.json:1:", "version 2.0" },
  { "unknown-top", "{\"format\": \"urn:x-cjm:1\",\n \"colour\": \"red\"}",
    CJM_DOCUMENT_ERROR_PARSE, "bad.json:2:", "colour: “colour” is not a member of the map" },
  { "unknown-member",
    "{\"format\": \"urn:x-cjm:1\",\n \"personas\": [\n  {\"id\": \"p\"},\n  {\"id\": \"q\", \"channel\": \"web\"}]}",
    CJM_DOCUMENT_ERROR_PARSE, "bad.json:4:",
    "personas[1].channel: “channel” is not a member of a persona" },
  { "duplicate", "{\"format\": \"urn:x-cjm:1\",\n \"title\": \"a\",\n \"title\": \"b\"}",
    CJM_DOCUMENT_ERROR_PARSE, "bad.json:3:", "“title” appears twice" },
  { "wrong-type-list", "{\"format\": \"urn:x-cjm:1\", \"stages\": {\"id\": \"s\"}}",
    CJM_DOCUMENT_ERROR_PARSE, "bad.json:1:", "stages: expected an array, found an object" },
  { "wrong-type-field",
    "{\"format\": \"urn:x-cjm:1\", \"touchpoints\": [\n {\"id\": \"t\", \"emotion\": [1]}]}",
    CJM_DOCUMENT_ERROR_PARSE, "bad.json:2:", "touchpoints[0].emotion: expected a string, found an array" },
  { "wrong-type-item", "{\"format\": \"urn:x-cjm:1\", \"notes\": [\"x\"]}",
    CJM_DOCUMENT_ERROR_PARSE, "bad.json:1:", "notes[0]: expected an object, found a string" },
  { "fact-member",
    "{\"format\": \"urn:x-cjm:1\", \"touchpoints\": [{\"facts\": [{\"key\": \"a\", \"val\": \"b\"}]}]}",
    CJM_DOCUMENT_ERROR_PARSE, "bad.json:1:", "touchpoints[0].facts[0].val: “val” is not a member of a fact" },
  { "list-on-wrong-kind", "{\"format\": \"urn:x-cjm:1\", \"stages\": [{\"facts\": []}]}",
    CJM_DOCUMENT_ERROR_PARSE, "bad.json:1:", "“facts” is not a member of a stage" },
  { "bad-xml",
    "{\"format\": \"urn:x-cjm:1\", \"stages\": [{\"id\": \"s\",\n \"unknown\": {\"elements\": [{\"anchor\": 0, \"xml\": \"<a>\"}]}}]}",
    CJM_DOCUMENT_ERROR_PARSE, "bad.json:2:", "stages[0].unknown.elements[0]: not a well-formed XML element" },
  { "xml-entity",
    "{\"format\": \"urn:x-cjm:1\", \"unknown\": {\"elements\": [{\"anchor\": 0, \"xml\": \"<a>&ext;</a>\"}]}}",
    CJM_DOCUMENT_ERROR_PARSE, "bad.json:1:", "Entity 'ext' not defined" },
  { "xml-doctype",
    "{\"format\": \"urn:x-cjm:1\", \"unknown\": {\"elements\": [{\"anchor\": 0, \"xml\":"
    " \"<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><x>&e;</x>\"}]}}",
    CJM_DOCUMENT_ERROR_PARSE, "bad.json:1:", "unknown.elements[0]: not a well-formed XML element" },
  { "xml-two",
    "{\"format\": \"urn:x-cjm:1\", \"unknown\": {\"elements\": [{\"anchor\": 0, \"xml\": \"<a/><b/>\"}]}}",
    CJM_DOCUMENT_ERROR_PARSE, "bad.json:1:", "exactly one element" },
  { "xml-text",
    "{\"format\": \"urn:x-cjm:1\", \"unknown\": {\"elements\": [{\"anchor\": 0, \"xml\": \"<a/>hello\"}]}}",
    CJM_DOCUMENT_ERROR_PARSE, "bad.json:1:", "exactly one element" },
  { "anchor",
    "{\"format\": \"urn:x-cjm:1\", \"unknown\": {\"elements\": [{\"anchor\": -1, \"xml\": \"<a/>\"}]}}",
    CJM_DOCUMENT_ERROR_PARSE, "bad.json:1:", "“anchor” must be a whole number" },
  { "known-attr",
    "{\"format\": \"urn:x-cjm:1\", \"touchpoints\": [{\"unknown\": {\"attributes\": {\"emotion\": \"1\"}}}]}",
    CJM_DOCUMENT_ERROR_PARSE, "bad.json:1:", "“emotion” is not an unknown attribute here" },
  { "root-attr",
    "{\"format\": \"urn:x-cjm:1\", \"unknown\": {\"attributes\": {\"version\": \"1\"}}}",
    CJM_DOCUMENT_ERROR_PARSE, "bad.json:1:", "“version” is not an unknown attribute here" },
  { "xmlns",
    "{\"format\": \"urn:x-cjm:1\", \"links\": [{\"unknown\": {\"attributes\": {\"xmlns\": \"urn:y\"}}}]}",
    CJM_DOCUMENT_ERROR_PARSE, "bad.json:1:", "xmlns: the default namespace cannot be changed" },
  { "root-xmlns",
    "{\"format\": \"urn:x-cjm:1\", \"unknown\": {\"attributes\": {\"xmlns\": \"urn:x-cjm:1\"}}}",
    CJM_DOCUMENT_ERROR_PARSE, "bad.json:1:", "xmlns: the default namespace cannot be changed" },
  { "attr-name",
    "{\"format\": \"urn:x-cjm:1\", \"links\": [{\"unknown\": {\"attributes\": {\"1 bad\": \"v\"}}}]}",
    CJM_DOCUMENT_ERROR_PARSE, "bad.json:1:", "“1 bad” is not an XML attribute name" },
  { "unknown-in",
    "{\"format\": \"urn:x-cjm:1\", \"links\": [{\"unknown-in\": {\"title\": {}}}]}",
    CJM_DOCUMENT_ERROR_PARSE, "bad.json:1:", "“title” is not a child element here" },
  { "container",
    "{\"format\": \"urn:x-cjm:1\", \"unknown-containers\": {\"chapters\": {}}}",
    CJM_DOCUMENT_ERROR_PARSE, "bad.json:1:", "“chapters” is not a list of the map" },
  { "infinity", "{\"format\": \"urn:x-cjm:1\", \"settings\": {\"emotion-spread\": 1e999}}",
    CJM_DOCUMENT_ERROR_PARSE, "bad.json:1:", "out of range" },
  { "score-member",
    "{\"format\": \"urn:x-cjm:1\", \"opportunities\": [{\"scores\": [\n {\"role\": \"IT\", \"comment\": \"x\"}]}]}",
    CJM_DOCUMENT_ERROR_PARSE, "bad.json:2:",
    "opportunities[0].scores[0].comment: “comment” is not a member of a score" },
  { "score-known-attr",
    "{\"format\": \"urn:x-cjm:1\", \"opportunities\": [{\"scores\": [{\"unknown\": {\"attributes\": {\"impact\": \"1\"}}}]}]}",
    CJM_DOCUMENT_ERROR_PARSE, "bad.json:1:", "“impact” is not an unknown attribute here" },
  { "score-type",
    "{\"format\": \"urn:x-cjm:1\", \"opportunities\": [{\"scores\": [\"IT\"]}]}",
    CJM_DOCUMENT_ERROR_PARSE, "bad.json:1:", "opportunities[0].scores[0]: expected an object, found a string" },
  { "scores-on-touchpoint", "{\"format\": \"urn:x-cjm:1\", \"touchpoints\": [{\"scores\": []}]}",
    CJM_DOCUMENT_ERROR_PARSE, "bad.json:1:", "“scores” is not a member of a touchpoint" },
  { "status-on-touchpoint",
    "{\"format\": \"urn:x-cjm:1\", \"touchpoints\": [{\"status\": \"done\"}]}",
    CJM_DOCUMENT_ERROR_PARSE, "bad.json:1:", "“status” is not a member of a touchpoint" },
  /* Found by fuzzing (tests/fuzz): each saved to a .cjm file that lost it
   * or did not open. */
  { "unknown-in-absent",
    "{\"format\": \"urn:x-cjm:1\", \"stages\": [{\"id\": \"s\", "
    "\"unknown-in\": {\"goal\": {\"attributes\": {\"a\": \"1\"}}}}]}",
    CJM_DOCUMENT_ERROR_PARSE, "bad.json:1:", "“unknown-in” has unknown XML for “goal”, which is absent" },
  { "undeclared-prefix",
    "{\"format\": \"urn:x-cjm:1\", \"stages\": [{\"id\": \"s\", "
    "\"unknown\": {\"attributes\": {\"x:a\": \"1\"}}}]}",
    CJM_DOCUMENT_ERROR_PARSE, "bad.json: ", "Namespace prefix x for a on stage is not defined" },
  { "xmlns-not-a-uri",
    "{\"format\": \"urn:x-cjm:1\", \"unknown\": {\"attributes\": {\"xmlns:x\": \"u=n:x\"}}}",
    CJM_DOCUMENT_ERROR_PARSE, "bad.json: ", "is not a valid URI" },
};

static void
test_bad_input (gconstpointer data)
{
  const BadCase *bad = data;
  g_autoptr(CjmDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  doc = cjm_document_new_from_json_data (bad->input, -1, "bad.json", &error);
  g_assert_null (doc);
  g_assert_error (error, CJM_DOCUMENT_ERROR, bad->code);
  g_test_message ("%s", error->message);
  if (!g_str_has_prefix (error->message, bad->message) || !strstr (error->message, bad->reason))
    g_error ("%s: unexpected message “%s”, wanted “%s…%s”", bad->name, error->message,
             bad->message, bad->reason);
}

static void
test_limits (void)
{
  g_autoptr(GString) deep = g_string_new ("{\"format\": \"urn:x-cjm:1\", \"x\": ");
  g_autoptr(GString) long_text = g_string_new ("{\"format\": \"urn:x-cjm:1\", \"title\": \"");
  g_autofree char *huge = NULL;
  g_autoptr(GError) error = NULL;
  CjmDocument *doc;

  /* json-glib would recurse until the stack overflows. */
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  doc = cjm_document_new_from_json_data (deep->str, deep->len, "deep.json", &error);
  g_assert_null (doc);
  g_assert_error (error, CJM_DOCUMENT_ERROR, CJM_DOCUMENT_ERROR_UNSAFE);
  g_assert_true (g_str_has_prefix (error->message, "deep.json:1:95: "));
  g_clear_error (&error);

  for (guint i = 0; i <= CJM_MAX_TEXT_LENGTH; i++)
    g_string_append_c (long_text, 'a');
  g_string_append (long_text, "\"}");
  doc = cjm_document_new_from_json_data (long_text->str, long_text->len, "long.json", &error);
  g_assert_null (doc);
  g_assert_error (error, CJM_DOCUMENT_ERROR, CJM_DOCUMENT_ERROR_UNSAFE);
  g_assert_true (g_str_has_prefix (error->message, "long.json:1:"));
  g_assert_nonnull (strstr (error->message, "title: the text is longer than"));
  g_clear_error (&error);

  huge = g_malloc (CJM_MAX_FILE_SIZE + 2);
  memset (huge, ' ', CJM_MAX_FILE_SIZE + 1);
  huge[0] = '{';
  huge[CJM_MAX_FILE_SIZE] = '}';
  huge[CJM_MAX_FILE_SIZE + 1] = '\0';
  doc = cjm_document_new_from_json_data (huge, -1, "huge.json", &error);
  g_assert_null (doc);
  g_assert_error (error, CJM_DOCUMENT_ERROR, CJM_DOCUMENT_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "huge.json: the file is larger than 64 MiB");
}

/* The action plan (format 1.1): status, horizon and due are members of an
 * opportunity, its scores a list of objects; a script's numbers are taken
 * as their text; the version says 1.1 once a 1.1 member is used. */
static void
test_action_plan (void)
{
  static const char input[] =
    "{\"format\": \"urn:x-cjm:1\", \"version\": \"1.0\", \"title\": \"Plan\",\n"
    " \"opportunities\": [{\"id\": \"o1\", \"impact\": 4, \"status\": \"planned\",\n"
    "   \"horizon\": \"now\", \"due\": \"2027-03-31\", \"title\": \"Pay by link\",\n"
    "   \"scores\": [{\"role\": \"IT\", \"impact\": 4, \"effort\": 4, \"text\": \"Gateway\"},\n"
    "              {\"role\": \"Billing\", \"text\": \"\", \"effort\": null,\n"
    "               \"unknown\": {\"attributes\": {\"x:w\": \"1\"}}}]}],\n"
    " \"unknown\": {\"attributes\": {\"xmlns:x\": \"urn:x\"}}}\n";
  static const char expected_cjm[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<journey-map xmlns=\"urn:x-cjm:1\" xmlns:x=\"urn:x\" version=\"1.1\">\n"
    "  <title>Plan</title>\n"
    "  <opportunities>\n"
    "    <opportunity id=\"o1\" impact=\"4\" status=\"planned\" horizon=\"now\" "
    "due=\"2027-03-31\">\n"
    "      <title>Pay by link</title>\n"
    "      <score role=\"IT\" impact=\"4\" effort=\"4\">Gateway</score>\n"
    "      <score role=\"Billing\" x:w=\"1\"/>\n"
    "    </opportunity>\n"
    "  </opportunities>\n"
    "</journey-map>\n";
  g_autoptr(CjmDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) cjm = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;
  g_autofree char *json_again = NULL;
  g_autoptr(CjmDocument) back = NULL;
  JsonObject *opportunity;
  JsonArray *scores;
  JsonObject *score;
  CjmItem *item;
  CjmScore *billing;

  doc = cjm_document_new_from_json_data (input, -1, "plan.json", &error);
  g_assert_no_error (error);
  item = cjm_document_get_item (doc, CJM_KIND_OPPORTUNITY, 0);
  g_assert_cmpstr (cjm_item_get_field (item, CJM_FIELD_STATUS), ==, "planned");
  g_assert_cmpstr (cjm_item_get_field (item, CJM_FIELD_HORIZON), ==, "now");
  g_assert_cmpstr (cjm_item_get_field (item, CJM_FIELD_DUE), ==, "2027-03-31");
  g_assert_cmpuint (cjm_item_get_list (item, CJM_LIST_SCORES)->len, ==, 2);
  billing = g_ptr_array_index (cjm_item_get_list (item, CJM_LIST_SCORES), 1);
  g_assert_null (billing->text);      /* an empty comment is none, as in .cjm */
  g_assert_null (billing->effort);

  cjm = cjm_document_serialize (doc);
  g_assert_cmpstr (g_bytes_get_data (cjm, NULL), ==, expected_cjm);

  root = cjm_document_to_json (doc);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "version"), ==,
                   "1.1");
  opportunity = json_array_get_object_element (
    json_object_get_array_member (json_node_get_object (root), "opportunities"), 0);
  g_assert_cmpstr (json_object_get_string_member (opportunity, "impact"), ==, "4");
  g_assert_cmpstr (json_object_get_string_member (opportunity, "status"), ==, "planned");
  g_assert_cmpstr (json_object_get_string_member (opportunity, "horizon"), ==, "now");
  g_assert_cmpstr (json_object_get_string_member (opportunity, "due"), ==, "2027-03-31");
  scores = json_object_get_array_member (opportunity, "scores");
  g_assert_cmpuint (json_array_get_length (scores), ==, 2);
  score = json_array_get_object_element (scores, 0);
  g_assert_cmpuint (json_object_get_size (score), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (score, "role"), ==, "IT");
  g_assert_cmpstr (json_object_get_string_member (score, "text"), ==, "Gateway");
  score = json_array_get_object_element (scores, 1);
  g_assert_cmpuint (json_object_get_size (score), ==, 2);
  g_assert_true (json_object_has_member (score, "unknown"));

  /* JSON -> doc -> JSON is the same from here on */
  json = cjm_document_to_json_data (doc, NULL);
  back = cjm_document_new_from_json_data (json, -1, "plan.json", &error);
  g_assert_no_error (error);
  json_again = cjm_document_to_json_data (back, NULL);
  g_assert_cmpstr (json_again, ==, json);
}

/* Columns count characters, not bytes. */
static void
test_columns (void)
{
  static const char input[] =
    "{\"format\": \"urn:x-cjm:1\",\n"
    " \"title\": \"שלום\", \"stages\": 7}";
  g_autoptr(GError) error = NULL;
  CjmDocument *doc;

  doc = cjm_document_new_from_json_data (input, -1, "he.json", &error);
  g_assert_null (doc);
  g_assert_error (error, CJM_DOCUMENT_ERROR, CJM_DOCUMENT_ERROR_PARSE);
  g_test_message ("%s", error->message);
  /* the 7 is character 29 of the line (byte 33) */
  g_assert_true (g_str_has_prefix (error->message, "he.json:2:29: "));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json/model-round-trip", test_model_round_trip);
  g_test_add_func ("/json/shape", test_shape);
  g_test_add_func ("/json/script-input", test_script_input);
  g_test_add_func ("/json/limits", test_limits);
  g_test_add_func ("/json/columns", test_columns);
  g_test_add_func ("/json/action-plan", test_action_plan);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/json/bad/%s", bad_cases[i].name);
      g_test_add_data_func (path, &bad_cases[i], test_bad_input);
    }

  return g_test_run ();
}
