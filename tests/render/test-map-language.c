/* test-map-language.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A map is printed in its own language (xml:lang), not the desktop's:
 *  - the Hebrew sample exported on an English desktop (LANGUAGE=en),
 *    with a cover, the action plan and the findings appendix: the PDF's
 *    text has the Hebrew labels (stage numbers, legend, channels, page
 *    numbers, the date, the plan, the findings) and no word in Latin
 *    letters but the rules' ids and names;
 *  - the English sample exported on a Hebrew desktop: no Hebrew letter at
 *    all, and the English labels. The Hebrew desktop is a real he_IL
 *    locale, built into a scratch folder with localedef (LOCPATH), and
 *    the test checks that `cjm check` really speaks Hebrew in it; on a
 *    machine without the locale sources it runs with LANGUAGE=he and
 *    says so.
 * The date is pinned with SOURCE_DATE_EPOCH (5 March 2026).
 */

#define G_LOG_DOMAIN "test-map-language"

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "cli-test-util.h"
#include "export-test-util.h"

#define EPOCH_5_MARCH_2026 "1772668800"

static char *tmpdir;

/* The environment of a desktop in a language: this process's, with
 * LANGUAGE and LANG (and LOCPATH for a locale built here) set. */
static GStrv
desktop_env (const char *language,
             const char *lang,
             const char *locpath)
{
  char **env = g_get_environ ();

  env = g_environ_unsetenv (env, "LC_ALL");
  env = g_environ_unsetenv (env, "LC_MESSAGES");
  env = g_environ_setenv (env, "LANGUAGE", language, TRUE);
  env = g_environ_setenv (env, "LANG", lang, TRUE);
  env = g_environ_setenv (env, "SOURCE_DATE_EPOCH", EPOCH_5_MARCH_2026, TRUE);
  if (locpath != NULL)
    env = g_environ_setenv (env, "LOCPATH", locpath, TRUE);
  return env;
}

/* A Hebrew desktop: he_IL.UTF-8 built with localedef when it can be. */
static GStrv
hebrew_desktop (gboolean *real)
{
  g_autofree char *locpath = g_build_filename (tmpdir, "locales", NULL);
  g_autofree char *target = g_build_filename (locpath, "he_IL.UTF-8", NULL);
  const char *argv[] = { "localedef", "-i", "he_IL", "-f", "UTF-8", target, NULL };
  g_autofree char *localedef = g_find_program_in_path ("localedef");

  g_assert_cmpint (g_mkdir_with_parents (locpath, 0755), ==, 0);
  *real = localedef != NULL && export_test_run (argv, NULL, NULL, NULL) == 0
          && g_file_test (target, G_FILE_TEST_IS_DIR);
  if (!*real)
    g_test_message ("no he_IL locale can be built here (localedef or the locale sources are "
                    "missing): the Hebrew desktop is LANGUAGE=he only");
  return desktop_env ("he", "he_IL.UTF-8", *real ? locpath : NULL);
}

/* cjm export MAP -o OUT.pdf --cover --plan --appendix on that desktop */
static char *
export_pdf (const char * const *env,
            const char         *map,
            const char         *name)
{
  g_autofree char *out = g_build_filename (tmpdir, name, NULL);
  const char *argv[] = {
    g_getenv ("CJM_TOOL"), "export", map, "-o", out, "--cover", "--plan", "--appendix", NULL
  };
  g_autofree char *err = NULL;

  if (export_test_run (argv, (char * const *) env, NULL, &err) != 0)
    g_error ("cjm export %s failed: %s", map, err);
  return g_steal_pointer (&out);
}

/* The ids and names of the rules a map breaks: identifiers, the same in
 * every language. */
static GHashTable *
rule_words (const char *map)
{
  const char *argv[] = {
    g_getenv ("CJM_TOOL"), "check", "--format=json", "--fail-on=never", map, NULL
  };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  GHashTable *words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonArray *findings;

  g_assert_cmpint (export_test_run (argv, NULL, &out, NULL), ==, 0);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  findings = json_object_get_array_member (json_array_get_object_element (json_node_get_array (
                                             json_parser_get_root (parser)), 0), "findings");
  for (guint i = 0; i < json_array_get_length (findings); i++)
    {
      JsonObject *finding = json_array_get_object_element (findings, i);

      g_hash_table_add (words, g_strdup (json_object_get_string_member (finding, "rule")));
      g_hash_table_add (words, g_strdup (json_object_get_string_member (finding, "name")));
    }
  return words;
}

static gboolean
is_hebrew_letter (gunichar c)
{
  return c >= 0x05d0 && c <= 0x05ea;
}

static void
test_hebrew_map_on_english_desktop (void)
{
  g_autofree char *map = export_test_sample ("fiber-onboarding.he.cjm",
                                             "internet-onboarding.he.cjm");
  g_auto(GStrv) env = desktop_env ("en", "C.UTF-8", NULL);
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  g_autoptr(GHashTable) allowed = NULL;
  g_autoptr(GRegex) word = g_regex_new ("[A-Za-z][A-Za-z0-9-]*", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  const char *labels[] = {
    "שלב1",             /* STAGE 1 */
    "מקרא",              /* Legend */
    "ערוץ:טלפון",        /* Channel: Phone (the kind of channel in words) */
    "5במרץ2026",         /* the date */
    "עמוד1מתוך",         /* Page 1 of */
    "תוכניתפעולה",       /* Action plan */
    "פרסונ",             /* the cover's Persona(s) */
    "ממצאים",            /* Findings */
  };
  guint latin = 0;

  if (!export_test_have_tool ("pdftotext"))
    return;

  pdf = export_pdf ((const char * const *) env, map, "he.pdf");
  text = export_test_pdf_text (pdf, 0, 0, FALSE);
  flat = export_test_flatten (text);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (strstr (flat, labels[i]) == NULL)
      g_error ("the Hebrew map's PDF lacks “%s”", labels[i]);

  /* no word in Latin letters but the rules' ids and names */
  allowed = rule_words (map);
  g_regex_match (word, text, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *w = g_match_info_fetch (match, 0);

      if (!g_hash_table_contains (allowed, w))
        {
          g_test_message ("not Hebrew: “%s”", w);
          latin++;
        }
      g_match_info_next (match, NULL);
    }
  g_assert_cmpuint (latin, ==, 0);
}

static void
test_english_map_on_hebrew_desktop (void)
{
  g_autofree char *map = export_test_sample ("bill-payment.cjm", "utility-bill-payment.cjm");
  gboolean real = FALSE;
  g_auto(GStrv) env = hebrew_desktop (&real);
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  const char *labels[] = {
    "STAGE1", "Legend", "Channel:Phone", "5March2026", "Page1of", "Actionplan", "Findings"
  };

  if (!export_test_have_tool ("pdftotext"))
    return;

  /* the desktop really is Hebrew: cjm's own messages are */
  if (real)
    {
      const char *argv[] = { g_getenv ("CJM_TOOL"), "check", "--fail-on=never", map, NULL };
      g_autofree char *out = NULL;
      gboolean hebrew = FALSE;

      g_assert_cmpint (export_test_run (argv, env, &out, NULL), ==, 0);
      for (const char *p = out; *p; p = g_utf8_next_char (p))
        hebrew |= is_hebrew_letter (g_utf8_get_char (p));
      g_assert_true (hebrew);
    }

  pdf = export_pdf ((const char * const *) env, map, "en.pdf");
  text = export_test_pdf_text (pdf, 0, 0, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (strstr (text, labels[i]) == NULL)
      g_error ("the English map's PDF lacks “%s”", labels[i]);
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (g_utf8_get_char (p) >= 0x0590 && g_utf8_get_char (p) <= 0x05ff)
      g_error ("a Hebrew letter in the English map's PDF: …%.60s…", p - MIN (p - text, 20));
}

int
main (int   argc,
      char *argv[])
{
  tmpdir = cli_test_begin (&argc, &argv, "cjm-language", NULL);
  if (tmpdir == NULL)
    return 0;

  g_test_add_func ("/map-language/hebrew-map-english-desktop", test_hebrew_map_on_english_desktop);
  g_test_add_func ("/map-language/english-map-hebrew-desktop", test_english_map_on_hebrew_desktop);

  return cli_test_finish (tmpdir, g_test_run ());
}
