/* test-templates.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The map templates installed from data/templates: every one opens
 * without error, has no CJM-S01 finding, is canonical (saving it again
 * gives the same bytes; a writer that does not know format 1.1 yet may
 * only put the opportunities' attributes in another order), exports to a PDF whose text carries its title and
 * stage names, and, except the blank map, has what a CX team starts from:
 * personas, stage goals, channel lanes with owners, emotions, facts, KPIs,
 * pain points, links, and opportunities with the action plan of format
 * 1.1 (read straight from the file, so the test does not depend on this
 * build knowing 1.1). The complete maps state a few facts differently in
 * different channels on purpose: the checker must find them (CJM-F01).
 */

#define G_LOG_DOMAIN "test-templates"

#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

#include "cjm-checker.h"
#include "cjm-document.h"

/* The templates the application offers; each must be there. */
static const char * const expected_templates[] = {
  "blank.cjm",
  "utility-bill-payment.cjm",
  "ecommerce-purchase-return.cjm",
  "bank-account-opening.cjm",
  "internet-onboarding.he.cjm",
};

static char *tmpdir;

/* The opportunities and scores of a file as written (format 1.1). */
typedef struct {
  char       *id;
  GHashTable *attrs;            /* name → value */
  GPtrArray  *scores;           /* of GHashTable, name → value */
  gboolean    has_description;
} RawOpportunity;

typedef struct {
  char      *version;
  char      *lang;
  GPtrArray *opportunities; /* of RawOpportunity */
  GSList    *stack;         /* element names, innermost first */
} RawMap;

static GHashTable *
attrs_new (const char **names,
           const char **values)
{
  GHashTable *attrs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; names[i] != NULL; i++)
    g_hash_table_insert (attrs, g_strdup (names[i]), g_strdup (values[i]));
  return attrs;
}

static void
raw_opportunity_free (gpointer data)
{
  RawOpportunity *opp = data;

  g_free (opp->id);
  g_hash_table_unref (opp->attrs);
  g_ptr_array_unref (opp->scores);
  g_free (opp);
}

static void
raw_map_free (RawMap *map)
{
  g_free (map->version);
  g_free (map->lang);
  g_ptr_array_unref (map->opportunities);
  g_slist_free_full (map->stack, g_free);
  g_free (map);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RawMap, raw_map_free)

static void
on_start_element (GMarkupParseContext *context,
                  const char          *element,
                  const char         **names,
                  const char         **values,
                  gpointer             user_data,
                  GError             **error)
{
  RawMap *map = user_data;
  const char *parent = map->stack != NULL ? map->stack->data : NULL;

  if (g_str_equal (element, "journey-map") && parent == NULL)
    {
      for (guint i = 0; names[i] != NULL; i++)
        if (g_str_equal (names[i], "version"))
          map->version = g_strdup (values[i]);
        else if (g_str_equal (names[i], "xml:lang"))
          map->lang = g_strdup (values[i]);
    }
  else if (g_str_equal (element, "opportunity") && g_strcmp0 (parent, "opportunities") == 0)
    {
      RawOpportunity *opp = g_new0 (RawOpportunity, 1);

      opp->attrs = attrs_new (names, values);
      opp->id = g_strdup (g_hash_table_lookup (opp->attrs, "id"));
      opp->scores = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
      g_ptr_array_add (map->opportunities, opp);
    }
  else if (g_strcmp0 (parent, "opportunity") == 0 && map->opportunities->len > 0)
    {
      RawOpportunity *opp = g_ptr_array_index (map->opportunities, map->opportunities->len - 1);

      if (g_str_equal (element, "score"))
        g_ptr_array_add (opp->scores, attrs_new (names, values));
      else if (g_str_equal (element, "description"))
        opp->has_description = TRUE;
    }

  map->stack = g_slist_prepend (map->stack, g_strdup (element));
}

static void
on_end_element (GMarkupParseContext *context,
                const char          *element,
                gpointer             user_data,
                GError             **error)
{
  RawMap *map = user_data;
  GSList *top = map->stack;

  map->stack = g_slist_remove_link (map->stack, top);
  g_slist_free_full (top, g_free);
}

static RawMap *
raw_map_read (GBytes *bytes)
{
  static const GMarkupParser parser = { on_start_element, on_end_element, NULL, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  RawMap *map = g_new0 (RawMap, 1);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  map->opportunities = g_ptr_array_new_with_free_func (raw_opportunity_free);
  context = g_markup_parse_context_new (&parser, 0, map, NULL);
  g_markup_parse_context_parse (context, data, size, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
  return map;
}

static char *
template_dir (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "templates", NULL);
}

static char *
template_path (const char *name)
{
  g_autofree char *dir = template_dir ();

  return g_build_filename (dir, name, NULL);
}

static gboolean
is_blank (const char *name)
{
  return g_str_equal (name, "blank.cjm");
}

static GBytes *
read_template (const char *name)
{
  g_autofree char *path = template_path (name);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static CjmDocument *
load_template (const char *name)
{
  g_autofree char *path = template_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CjmDocument *document = cjm_document_new_from_file (file, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static gboolean
is_blank_text (const char *text)
{
  g_autofree char *copy = g_strdup (text != NULL ? text : "");

  return *g_strstrip (copy) == '\0';
}

static gboolean
has_text (CjmItem  *item,
          CjmField  field)
{
  return !is_blank_text (cjm_item_get_field (item, field));
}

static CjmLaneKind
lane_kind_of (CjmDocument *document,
              CjmItem     *item)
{
  CjmItem *lane = cjm_document_lookup (document, cjm_item_get_field (item, CJM_FIELD_LANE));

  g_assert_nonnull (lane);
  g_assert_cmpint (cjm_item_get_kind (lane), ==, CJM_KIND_LANE);
  return cjm_item_get_lane_kind (lane);
}

static guint
count_rule (GPtrArray  *findings,
            const char *rule)
{
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    n += g_str_equal (cjm_finding_get_rule (g_ptr_array_index (findings, i)), rule);
  return n;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Whether this build writes the opportunity attributes of format 1.1 in
 * the canonical order of FORMAT.md (status, horizon and due before
 * addresses). A build that does not know them yet keeps them as unknown
 * attributes, after the known ones. */
static gboolean
writer_knows_action_plan (void)
{
  static const char probe[] =
    "<journey-map xmlns=\"urn:x-cjm:1\" version=\"1.1\"><title>p</title><opportunities>"
    "<opportunity id=\"o\" stage=\"s\" lane=\"l\" status=\"idea\" addresses=\"o\">"
    "<title>t</title></opportunity></opportunities></journey-map>";
  g_autoptr(GBytes) bytes = g_bytes_new_static (probe, sizeof probe - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(CjmDocument) document = cjm_document_new_from_bytes (bytes, "probe.cjm", &error);
  g_autoptr(GBytes) saved = NULL;
  g_autofree char *text = NULL;
  const char *status, *addresses;

  g_assert_no_error (error);
  saved = cjm_document_serialize (document);
  text = g_strndup (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved));
  status = strstr (text, " status=");
  addresses = strstr (text, " addresses=");
  g_assert_nonnull (status);
  g_assert_nonnull (addresses);
  return status < addresses;
}

/* Runs argv; returns the exit status and stdout. */
static int
run (const char * const *argv,
     char              **out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = 0;
  char *o = NULL;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &o, &err, &status,
                     &error))
    g_error ("cannot run %s: %s", argv[0], error->message);
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_test_message ("%s: %s", argv[0], err);
  if (out != NULL)
    *out = o;
  else
    g_free (o);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

/* Text without white space and bidi controls: pdftotext guesses word gaps
 * and may split right-to-left words; the letters and their order count. */
static char *
flatten (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E)
          || (c >= 0x2066 && c <= 0x2069) || g_unichar_isspace (c))
        continue;
      g_string_append_unichar (s, c);
    }
  return g_string_free (s, FALSE);
}

/* Tests */

static void
test_all_there (void)
{
  g_autofree char *dir = template_dir ();
  g_autoptr(GDir) handle = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  guint found = 0;

  for (guint i = 0; i < G_N_ELEMENTS (expected_templates); i++)
    {
      g_autofree char *path = template_path (expected_templates[i]);

      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_error ("template %s is missing", expected_templates[i]);
    }

  /* nothing else but maps in the folder that is installed as a whole */
  handle = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      if (!g_str_has_suffix (name, ".cjm"))
        g_error ("%s in data/templates is not a map", name);
      found++;
    }
  g_assert_cmpuint (found, >=, G_N_ELEMENTS (expected_templates));
}

static void
test_loads (gconstpointer data)
{
  const char *name = data;
  g_autoptr(CjmDocument) document = load_template (name);
  CjmItem *map = cjm_document_get_map (document);
  g_autoptr(GBytes) bytes = read_template (name);
  g_autoptr(RawMap) raw = raw_map_read (bytes);

  g_assert_false (is_blank_text (cjm_item_get_field (map, CJM_FIELD_TITLE)));
  /* a template is a new map, and new maps are format 1.1 */
  g_assert_cmpstr (raw->version, ==, "1.1");
  g_assert_cmpstr (cjm_item_get_field (map, CJM_FIELD_VERSION), ==, "1.1");
  g_assert_cmpuint (cjm_document_get_n_items (document, CJM_KIND_STAGE), >=, 3);
  g_assert_false (cjm_document_get_modified (document));

  if (is_blank (name))
    g_assert_cmpstr (cjm_item_get_field (map, CJM_FIELD_TITLE), ==, "Blank map");

  if (g_str_has_suffix (name, ".he.cjm"))
    {
      const char *title = cjm_item_get_field (map, CJM_FIELD_TITLE);

      g_assert_cmpstr (cjm_item_get_field (map, CJM_FIELD_LANG), ==, "he");
      g_assert_cmpstr (raw->lang, ==, "he");
      g_assert_true (cjm_document_is_rtl (document));
      /* written in Hebrew, not only tagged so */
      g_assert_cmpint (g_unichar_get_script (g_utf8_get_char (title)), ==, G_UNICODE_SCRIPT_HEBREW);
    }
  else
    {
      g_assert_cmpstr (cjm_item_get_field (map, CJM_FIELD_LANG), ==, "en");
      g_assert_false (cjm_document_is_rtl (document));
    }
}

static void
test_checker (gconstpointer data)
{
  const char *name = data;
  g_autoptr(CjmDocument) document = load_template (name);
  g_autoptr(GPtrArray) findings = cjm_check_document (document);
  g_autoptr(GString) rules = g_string_new (NULL);

  for (guint i = 0; i < findings->len; i++)
    {
      CjmFinding *finding = g_ptr_array_index (findings, i);

      g_string_append_printf (rules, " %s", cjm_finding_get_rule (finding));
      if (g_str_equal (cjm_finding_get_rule (finding), "CJM-S01"))
        g_error ("%s: %s", name, cjm_finding_get_message (finding));
      g_assert_false (cjm_finding_get_suppressed (finding));
    }
  g_test_message ("%s: %u findings:%s", name, findings->len, rules->str);
  g_assert_cmpuint (count_rule (findings, "CJM-S01"), ==, 0);

  if (is_blank (name))
    {
      /* nothing to say about a map with no cards */
      g_assert_cmpuint (findings->len, ==, 0);
      return;
    }

  /* the facts that differ between channels on purpose */
  g_assert_cmpuint (count_rule (findings, "CJM-F01"), >=, 2);
  /* and a finished map otherwise: every card owned and measured, every
   * goal served, every strong pain has an action */
  g_assert_cmpuint (count_rule (findings, "CJM-O01"), ==, 0);
  g_assert_cmpuint (count_rule (findings, "CJM-O03"), ==, 0);
  g_assert_cmpuint (count_rule (findings, "CJM-M01"), ==, 0);
  g_assert_cmpuint (count_rule (findings, "CJM-G01"), ==, 0);
  g_assert_cmpuint (count_rule (findings, "CJM-P01"), ==, 0);
  g_assert_cmpuint (count_rule (findings, "CJM-R01"), ==, 0);
  g_assert_cmpuint (count_rule (findings, "CJM-D01"), ==, 0);
  g_assert_cmpuint (count_rule (findings, "CJM-X01"), ==, 0);
}

static void
test_blank_content (void)
{
  g_autoptr(CjmDocument) document = load_template ("blank.cjm");
  const CjmKind cards[] = {
    CJM_KIND_TOUCHPOINT, CJM_KIND_NOTE, CJM_KIND_OPPORTUNITY, CJM_KIND_LINK
  };
  guint kinds[CJM_LANE_OPPORTUNITIES + 1] = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (cards); i++)
    g_assert_cmpuint (cjm_document_get_n_items (document, cards[i]), ==, 0);

  for (guint i = 0; i < cjm_document_get_n_items (document, CJM_KIND_STAGE); i++)
    g_assert_true (has_text (cjm_document_get_item (document, CJM_KIND_STAGE, i), CJM_FIELD_NAME));

  for (guint i = 0; i < cjm_document_get_n_items (document, CJM_KIND_LANE); i++)
    {
      CjmItem *lane = cjm_document_get_item (document, CJM_KIND_LANE, i);

      g_assert_true (has_text (lane, CJM_FIELD_NAME));
      kinds[cjm_item_get_lane_kind (lane)]++;
    }
  g_assert_cmpuint (kinds[CJM_LANE_UNKNOWN], ==, 0);
  g_assert_cmpuint (kinds[CJM_LANE_EMOTION], ==, 1);
  g_assert_cmpuint (kinds[CJM_LANE_ACTIONS], ==, 1);
  g_assert_cmpuint (kinds[CJM_LANE_CHANNEL], >=, 2);
  g_assert_cmpuint (kinds[CJM_LANE_PAIN_POINTS], ==, 1);
  g_assert_cmpuint (kinds[CJM_LANE_OPPORTUNITIES], ==, 1);
}

static void
test_content (gconstpointer data)
{
  const char *name = data;
  g_autoptr(CjmDocument) document = load_template (name);
  CjmItem *map = cjm_document_get_map (document);
  guint n_personas = cjm_document_get_n_items (document, CJM_KIND_PERSONA);
  guint n_stages = cjm_document_get_n_items (document, CJM_KIND_STAGE);
  guint n_channels = 0, n_facts = 0, n_kpis = 0, n_sources = 0, n_moments = 0;
  guint n_pains = 0, n_actions = 0, n_backstage = 0;
  g_autoptr(GHashTable) touched_stages = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) channel_lanes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) persona_curves = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_true (has_text (map, CJM_FIELD_DESCRIPTION));
  g_assert_true (has_text (map, CJM_FIELD_AUTHOR));

  g_assert_cmpuint (n_personas, >=, 2);
  for (guint i = 0; i < n_personas; i++)
    {
      CjmItem *persona = cjm_document_get_item (document, CJM_KIND_PERSONA, i);

      g_assert_true (has_text (persona, CJM_FIELD_NAME));
      g_assert_true (has_text (persona, CJM_FIELD_DESCRIPTION));
      g_assert_true (has_text (persona, CJM_FIELD_GOAL));
      g_assert_true (has_text (persona, CJM_FIELD_COLOR));
    }

  g_assert_cmpuint (n_stages, >=, 5);
  g_assert_cmpuint (n_stages, <=, 7);
  for (guint i = 0; i < n_stages; i++)
    {
      CjmItem *stage = cjm_document_get_item (document, CJM_KIND_STAGE, i);

      g_assert_true (has_text (stage, CJM_FIELD_NAME));
      g_assert_true (has_text (stage, CJM_FIELD_GOAL));
    }

  for (guint i = 0; i < cjm_document_get_n_items (document, CJM_KIND_LANE); i++)
    {
      CjmItem *lane = cjm_document_get_item (document, CJM_KIND_LANE, i);

      g_assert_true (has_text (lane, CJM_FIELD_NAME));
      if (cjm_item_get_lane_kind (lane) != CJM_LANE_CHANNEL)
        continue;
      g_assert_true (has_text (lane, CJM_FIELD_CHANNEL));
      g_assert_true (has_text (lane, CJM_FIELD_OWNER));
      n_channels++;
    }
  g_assert_cmpuint (n_channels, >=, 3);

  g_assert_cmpuint (cjm_document_get_n_items (document, CJM_KIND_TOUCHPOINT), >=, 2 * n_stages);
  for (guint i = 0; i < cjm_document_get_n_items (document, CJM_KIND_TOUCHPOINT); i++)
    {
      CjmItem *touchpoint = cjm_document_get_item (document, CJM_KIND_TOUCHPOINT, i);
      int emotion = cjm_item_get_emotion (touchpoint);
      g_auto(GStrv) personas = cjm_item_dup_id_list (touchpoint, CJM_FIELD_PERSONAS);

      g_assert_cmpint (lane_kind_of (document, touchpoint), ==, CJM_LANE_CHANNEL);
      g_assert_true (has_text (touchpoint, CJM_FIELD_TITLE));
      g_assert_true (has_text (touchpoint, CJM_FIELD_INTERACTION));
      /* every touchpoint has a feeling on the curve */
      g_assert_cmpint (emotion, !=, CJM_EMOTION_UNSET);
      g_assert_cmpint (emotion, >=, -3);
      g_assert_cmpint (emotion, <=, 3);

      g_hash_table_add (touched_stages,
                        (gpointer) cjm_item_get_field (touchpoint, CJM_FIELD_STAGE));
      g_hash_table_add (channel_lanes, (gpointer) cjm_item_get_field (touchpoint, CJM_FIELD_LANE));
      if (personas == NULL || personas[0] == NULL)
        g_hash_table_add (persona_curves, (gpointer) "every persona");
      for (guint p = 0; personas != NULL && personas[p] != NULL; p++)
        {
          CjmItem *persona = cjm_document_lookup (document, personas[p]);

          g_assert_nonnull (persona);
          g_assert_cmpint (cjm_item_get_kind (persona), ==, CJM_KIND_PERSONA);
          g_hash_table_add (persona_curves, (gpointer) cjm_item_get_id (persona));
        }

      n_facts += cjm_item_get_list (touchpoint, CJM_LIST_FACTS)->len;
      n_kpis += cjm_item_get_list (touchpoint, CJM_LIST_KPIS)->len;
      n_sources += cjm_item_get_list (touchpoint, CJM_LIST_DATA_SOURCES)->len;
      n_moments += cjm_item_get_bool_field (touchpoint, CJM_FIELD_MOMENT_OF_TRUTH, FALSE);
    }
  /* every stage has touchpoints, every channel lane is used, and each
   * persona has a curve of its own */
  g_assert_cmpuint (g_hash_table_size (touched_stages), ==, n_stages);
  g_assert_cmpuint (g_hash_table_size (channel_lanes), ==, n_channels);
  g_assert_cmpuint (g_hash_table_size (persona_curves), >=, 2);
  g_assert_cmpuint (n_facts, >=, 6);
  g_assert_cmpuint (n_kpis, >=, cjm_document_get_n_items (document, CJM_KIND_TOUCHPOINT));
  g_assert_cmpuint (n_sources, >=, 1);
  g_assert_cmpuint (n_moments, >=, 1);

  for (guint i = 0; i < cjm_document_get_n_items (document, CJM_KIND_NOTE); i++)
    {
      CjmItem *note = cjm_document_get_item (document, CJM_KIND_NOTE, i);

      g_assert_true (has_text (note, CJM_FIELD_TEXT));
      switch (lane_kind_of (document, note))
        {
        case CJM_LANE_PAIN_POINTS:
          n_pains++;
          break;
        case CJM_LANE_ACTIONS:
        case CJM_LANE_THOUGHTS:
          n_actions++;
          break;
        case CJM_LANE_BACKSTAGE:
          n_backstage++;
          break;
        case CJM_LANE_NOTES:
          break;
        case CJM_LANE_UNKNOWN:
        case CJM_LANE_EMOTION:
        case CJM_LANE_CHANNEL:
        case CJM_LANE_OPPORTUNITIES:
        default:
          g_assert_not_reached ();
        }
    }
  g_assert_cmpuint (n_pains, >=, 2);
  g_assert_cmpuint (n_actions, >=, n_stages);
  g_assert_cmpuint (n_backstage, >=, 2);

  g_assert_cmpuint (cjm_document_get_n_items (document, CJM_KIND_OPPORTUNITY), >=, 3);
  for (guint i = 0; i < cjm_document_get_n_items (document, CJM_KIND_OPPORTUNITY); i++)
    {
      CjmItem *opportunity = cjm_document_get_item (document, CJM_KIND_OPPORTUNITY, i);

      g_assert_cmpint (lane_kind_of (document, opportunity), ==, CJM_LANE_OPPORTUNITIES);
      g_assert_true (has_text (opportunity, CJM_FIELD_TITLE));
      g_assert_true (has_text (opportunity, CJM_FIELD_OWNER));
      g_assert_cmpint (cjm_item_get_int_field (opportunity, CJM_FIELD_IMPACT, 1, 5, 0), >, 0);
      g_assert_cmpint (cjm_item_get_int_field (opportunity, CJM_FIELD_EFFORT, 1, 5, 0), >, 0);
    }

  /* the journey is drawn: links between touchpoints */
  g_assert_cmpuint (cjm_document_get_n_items (document, CJM_KIND_LINK), >=, n_stages);
  for (guint i = 0; i < cjm_document_get_n_items (document, CJM_KIND_LINK); i++)
    {
      CjmItem *link = cjm_document_get_item (document, CJM_KIND_LINK, i);
      CjmItem *from = cjm_document_lookup (document, cjm_item_get_field (link, CJM_FIELD_FROM));
      CjmItem *to = cjm_document_lookup (document, cjm_item_get_field (link, CJM_FIELD_TO));

      g_assert_cmpint (cjm_item_get_kind (from), ==, CJM_KIND_TOUCHPOINT);
      g_assert_cmpint (cjm_item_get_kind (to), ==, CJM_KIND_TOUCHPOINT);
    }
}

/* The action plan of format 1.1, as FORMAT.md writes it. */
static void
test_action_plan (gconstpointer data)
{
  const char *name = data;
  g_autoptr(GBytes) bytes = read_template (name);
  g_autoptr(RawMap) raw = raw_map_read (bytes);
  static const char * const statuses[] = {
    "idea", "planned", "in-progress", "done", "dropped", NULL
  };
  static const char * const horizons[] = { "now", "next", "later", NULL };
  guint n_scheduled = 0, n_due = 0, n_described = 0, n_scored = 0, n_open = 0;

  g_assert_cmpstr (raw->version, ==, "1.1");
  g_assert_cmpuint (raw->opportunities->len, >=, 3);

  for (guint i = 0; i < raw->opportunities->len; i++)
    {
      RawOpportunity *opp = g_ptr_array_index (raw->opportunities, i);
      const char *status = g_hash_table_lookup (opp->attrs, "status");
      const char *horizon = g_hash_table_lookup (opp->attrs, "horizon");
      const char *due = g_hash_table_lookup (opp->attrs, "due");
      g_autoptr(GHashTable) roles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      /* every opportunity says where it stands */
      if (status == NULL || !g_strv_contains (statuses, status))
        g_error ("%s: %s has status “%s”", name, opp->id, status);
      n_open += g_strv_contains ((const char * const[]) { "idea", "planned", "in-progress", NULL },
                                 status);
      if (horizon != NULL)
        {
          g_assert_true (g_strv_contains (horizons, horizon));
          n_scheduled++;
        }
      if (due != NULL)
        {
          int y = 0, m = 0, d = 0;

          g_assert_cmpuint (strlen (due), ==, 10);
          g_assert_cmpint (sscanf (due, "%4d-%2d-%2d", &y, &m, &d), ==, 3);
          g_assert_true (g_date_valid_dmy (d, m, y));
          n_due++;
        }
      n_described += opp->has_description;
      n_scored += opp->scores->len >= 2;

      for (guint s = 0; s < opp->scores->len; s++)
        {
          GHashTable *score = g_ptr_array_index (opp->scores, s);
          const char *role = g_hash_table_lookup (score, "role");
          char *key;

          g_assert_false (is_blank_text (role));
          key = cjm_normalize (role);
          if (!g_hash_table_add (roles, key))
            g_error ("%s: %s scores “%s” twice", name, opp->id, role);
          for (guint a = 0; a < 2; a++)
            {
              const char *value = g_hash_table_lookup (score, a == 0 ? "impact" : "effort");
              guint64 number = 0;

              g_assert_nonnull (value);
              g_assert_true (g_ascii_string_to_unsigned (value, 10, 1, 5, &number, NULL));
            }
        }
    }
  g_assert_cmpuint (n_open, >=, 3);
  g_assert_cmpuint (n_scheduled, >=, 3);
  g_assert_cmpuint (n_due, >=, 2);
  g_assert_cmpuint (n_described, >=, 2);
  g_assert_cmpuint (n_scored, >=, 2);
}

/* The attributes of one line of XML, "name=value" sorted. */
static GPtrArray *
sorted_attributes (const char *line)
{
  g_autoptr(GRegex) regex = g_regex_new ("([^\\s=]+)=\"([^\"]*)\"", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  GPtrArray *attributes = g_ptr_array_new_with_free_func (g_free);

  g_regex_match (regex, line, 0, &match);
  while (g_match_info_matches (match))
    {
      g_ptr_array_add (attributes, g_match_info_fetch (match, 0));
      g_match_info_next (match, NULL);
    }
  g_ptr_array_sort (attributes, compare_names);
  return attributes;
}

/* The same opportunity start tag, its attributes in another order. */
static gboolean
same_opportunity_tag (const char *a,
                      const char *b)
{
  g_autoptr(GPtrArray) attrs_a = NULL;
  g_autoptr(GPtrArray) attrs_b = NULL;
  const char *tag = "<opportunity ";
  gsize indent = strspn (a, " ");

  if (indent != strspn (b, " ") || !g_str_has_prefix (a + indent, tag)
      || !g_str_has_prefix (b + indent, tag))
    return FALSE;
  attrs_a = sorted_attributes (a);
  attrs_b = sorted_attributes (b);
  if (attrs_a->len != attrs_b->len)
    return FALSE;
  for (guint i = 0; i < attrs_a->len; i++)
    if (!g_str_equal (g_ptr_array_index (attrs_a, i), g_ptr_array_index (attrs_b, i)))
      return FALSE;
  return TRUE;
}

static void
test_canonical (gconstpointer data)
{
  const char *name = data;
  g_autoptr(GBytes) original = read_template (name);
  g_autoptr(GError) error = NULL;
  g_autoptr(CjmDocument) document = cjm_document_new_from_bytes (original, name, &error);
  g_autoptr(CjmDocument) again = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) saved_again = NULL;
  g_autofree char *original_text = NULL;
  g_autofree char *saved_text = NULL;
  g_auto(GStrv) original_lines = NULL;
  g_auto(GStrv) saved_lines = NULL;
  gboolean knows_action_plan = writer_knows_action_plan ();
  guint reordered = 0;

  g_assert_no_error (error);
  saved = cjm_document_serialize (document);

  /* saving is idempotent */
  again = cjm_document_new_from_bytes (saved, name, &error);
  g_assert_no_error (error);
  saved_again = cjm_document_serialize (again);
  g_assert_true (g_bytes_equal (saved, saved_again));

  if (g_bytes_equal (original, saved))
    return;

  /* The templates are written in the canonical layout of format 1.1. A
   * build whose writer does not know the action plan yet keeps status,
   * horizon and due as unknown attributes, after addresses: that order,
   * and nothing else, may differ then. */
  original_text = g_strndup (g_bytes_get_data (original, NULL), g_bytes_get_size (original));
  saved_text = g_strndup (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved));
  original_lines = g_strsplit (original_text, "\n", -1);
  saved_lines = g_strsplit (saved_text, "\n", -1);
  for (guint i = 0; original_lines[i] != NULL || saved_lines[i] != NULL; i++)
    {
      if (original_lines[i] != NULL && saved_lines[i] != NULL
          && g_str_equal (original_lines[i], saved_lines[i]))
        continue;
      if (!knows_action_plan && original_lines[i] != NULL && saved_lines[i] != NULL
          && same_opportunity_tag (original_lines[i], saved_lines[i]))
        {
          reordered++;
          continue;
        }
      g_error ("%s is not canonical at line %u:\n  file:  %s\n  saved: %s\n"
               "(re-save it with cjm convert %s -o %s)", name, i + 1,
               original_lines[i] != NULL ? original_lines[i] : "(end)",
               saved_lines[i] != NULL ? saved_lines[i] : "(end)", name, name);
    }
  g_assert_cmpuint (reordered, >, 0);
  g_test_message ("%s: this build writes %u opportunities in the order of format 1.0", name,
                  reordered);
}

static void
test_export_pdf (gconstpointer data)
{
  const char *name = data;
  g_autofree char *in = template_path (name);
  g_autofree char *base = g_strconcat (name, ".pdf", NULL);
  g_autofree char *pdf = g_build_filename (tmpdir, base, NULL);
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autoptr(CjmDocument) document = load_template (name);
  const char *tool = g_getenv ("CJM_TOOL");

  if (tool == NULL)
    {
      g_test_skip ("CJM_TOOL is not set");
      return;
    }
  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      return;
    }

  {
    const char *argv[] = { tool, "export", in, "-o", pdf, NULL };

    g_assert_cmpint (run (argv, NULL), ==, 0);
  }
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));

  {
    const char *argv[] = { pdftotext, "-enc", "UTF-8", pdf, "-", NULL };

    g_assert_cmpint (run (argv, &raw), ==, 0);
  }
  text = flatten (raw);

  {
    g_autofree char *title = flatten (cjm_item_get_field (cjm_document_get_map (document),
                                                          CJM_FIELD_TITLE));

    if (strstr (text, title) == NULL)
      g_error ("%s: the PDF does not show the title “%s”:\n%s", name, title, raw);
  }
  for (guint i = 0; i < cjm_document_get_n_items (document, CJM_KIND_STAGE); i++)
    {
      CjmItem *stage = cjm_document_get_item (document, CJM_KIND_STAGE, i);
      g_autofree char *stage_name = flatten (cjm_item_get_field (stage, CJM_FIELD_NAME));

      if (strstr (text, stage_name) == NULL)
        g_error ("%s: the PDF does not show the stage “%s”", name, stage_name);
    }
  g_unlink (pdf);
}

/* Every map in the folder that meson installs as a whole, sorted. */
static GPtrArray *
list_templates (void)
{
  g_autofree char *dir = template_dir ();
  g_autoptr(GDir) handle = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  handle = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (handle)) != NULL)
    if (g_str_has_suffix (name, ".cjm"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  return names;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) names = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("cjm-templates-XXXXXX", NULL);
  g_assert_nonnull (tmpdir);
  names = list_templates ();

  g_test_add_func ("/templates/all-there", test_all_there);
  g_test_add_func ("/templates/blank/content", test_blank_content);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      struct {
        const char     *what;
        GTestDataFunc   func;
        gboolean        complete_only;
      } cases[] = {
        { "loads", test_loads, FALSE },
        { "checker", test_checker, FALSE },
        { "canonical", test_canonical, FALSE },
        { "export-pdf", test_export_pdf, FALSE },
        { "content", test_content, TRUE },
        { "action-plan", test_action_plan, TRUE },
      };

      for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
        {
          g_autofree char *path = NULL;

          if (cases[c].complete_only && is_blank (name))
            continue;
          path = g_strdup_printf ("/templates/%s/%s", name, cases[c].what);
          g_test_add_data_func (path, name, cases[c].func);
        }
    }

  status = g_test_run ();

  g_rmdir (tmpdir);
  g_free (tmpdir);
  return status;
}
