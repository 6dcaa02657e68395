/* test-xml-roundtrip.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Canonical files load and save byte for byte; any file saves to the
 * canonical form, and saving that again changes nothing.
 */

#define G_LOG_DOMAIN "test"

#include "config.h"

#include <string.h>

#include "test-util.h"

/* Canonical fixtures: load + save gives the same bytes. */
static const char * const canonical_fixtures[] = {
  "full.cjm",
  "unknown.cjm",
  "newer-minor.cjm",
  "faults.cjm",
  "messy.expected.cjm",
  "prefixed.expected.cjm",
  "action-plan.cjm",
  "action-plan-messy.expected.cjm",
};

/* Non-canonical fixtures and the canonical form they save to. */
static const struct {
  const char *input;
  const char *expected;
} messy_fixtures[] = {
  { "messy.cjm", "messy.expected.cjm" },
  { "prefixed.cjm", "prefixed.expected.cjm" },
  /* attributes and scores of 1.1 in canonical order; a 1.0 file becomes 1.1 */
  { "action-plan-messy.cjm", "action-plan-messy.expected.cjm" },
};

static void
test_canonical_file (gconstpointer data)
{
  const char *path = data;
  g_autoptr(GBytes) original = test_read_file (path);
  g_autoptr(GBytes) saved = test_resave (original, path);

  test_assert_bytes_equal (saved, original);
}

static void
test_idempotent (gconstpointer data)
{
  const char *path = data;
  g_autoptr(GBytes) original = test_read_file (path);
  g_autoptr(GBytes) once = test_resave (original, path);
  g_autoptr(GBytes) twice = test_resave (once, path);

  test_assert_bytes_equal (twice, once);
}

static void
test_messy (gconstpointer data)
{
  guint i = GPOINTER_TO_UINT (data);
  g_autofree char *input_path = test_fixture_path (messy_fixtures[i].input);
  g_autofree char *expected_path = test_fixture_path (messy_fixtures[i].expected);
  g_autoptr(GBytes) input = test_read_file (input_path);
  g_autoptr(GBytes) expected = test_read_file (expected_path);
  g_autoptr(GBytes) saved = test_resave (input, messy_fixtures[i].input);

  test_assert_bytes_equal (saved, expected);
}

/* Containers that appear twice are merged; nothing in them is lost. */
static void
test_repeated_containers (void)
{
  static const char input[] =
    "<journey-map xmlns='urn:x-cjm:1' version='1.0'>"
    "<title>T</title>"
    "<stages a='1'><stage id='s1'><name>One</name></stage></stages>"
    "<lanes><lane id='l1' kind='notes'/></lanes>"
    "<stages a='2' b='3'><foo xmlns='urn:x'/><stage id='s2'/></stages>"
    "</journey-map>";
  static const char expected[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<journey-map xmlns=\"urn:x-cjm:1\" version=\"1.0\">\n"
    "  <title>T</title>\n"
    "  <stages a=\"1\" b=\"3\">\n"
    "    <stage id=\"s1\">\n"
    "      <name>One</name>\n"
    "    </stage>\n"
    "    <foo xmlns=\"urn:x\"/>\n"
    "    <stage id=\"s2\"/>\n"
    "  </stages>\n"
    "  <lanes>\n"
    "    <lane id=\"l1\" kind=\"notes\"/>\n"
    "  </lanes>\n"
    "</journey-map>\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (input, sizeof input - 1);
  g_autoptr(GBytes) want = g_bytes_new_static (expected, sizeof expected - 1);
  g_autoptr(GBytes) saved = test_resave (bytes, "repeated.cjm");
  g_autoptr(GBytes) again = test_resave (saved, "repeated.cjm");

  test_assert_bytes_equal (saved, want);
  test_assert_bytes_equal (again, saved);
}

/* A map with no title gets an empty one, first; what stood before the
 * first element stays after the title. */
static void
test_missing_title (void)
{
  static const char input[] =
    "<journey-map xmlns='urn:x-cjm:1' version='1.0'><x:a xmlns:x='urn:x'/>"
    "<description>D</description></journey-map>";
  static const char expected[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<journey-map xmlns=\"urn:x-cjm:1\" version=\"1.0\">\n"
    "  <title/>\n"
    "  <x:a xmlns:x=\"urn:x\"/>\n"
    "  <description>D</description>\n"
    "</journey-map>\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (input, sizeof input - 1);
  g_autoptr(GBytes) want = g_bytes_new_static (expected, sizeof expected - 1);
  g_autoptr(GBytes) saved = test_resave (bytes, "untitled.cjm");

  test_assert_bytes_equal (saved, want);
}

/* A new, empty map is version 1.1 (FORMAT.md) and saves to a file that
 * opens again to the same. */
static void
test_new_document (void)
{
  g_autoptr(CjmDocument) document = cjm_document_new ();
  g_autoptr(GBytes) saved = cjm_document_serialize (document);
  g_autoptr(GBytes) again = test_resave (saved, "new.cjm");

  g_assert_true (test_bytes_contain (saved, "<journey-map xmlns=\"urn:x-cjm:1\" version=\"1.1\">\n"));
  test_assert_bytes_equal (again, saved);
}

/* Found by fuzzing: inputs whose first save did not save the same again. */
static const char * const fuzz_inputs[] = {
  /* a repeated element written before the known one */
  "<journey-map xmlns='urn:x-cjm:1' version='1.0'><description>a</description>"
  "<description>b</description><title>t</title></journey-map>",
  /* an empty <settings> first, then one that says something */
  "<journey-map xmlns='urn:x-cjm:1' version='1.0'><settings/><settings emotion-spread='2'/>"
  "<title>x</title><title>y</title></journey-map>",
  "<journey-map xmlns='urn:x-cjm:1' version='1.0'><title>t</title><stages><stage id='s'>"
  "<goal>g</goal><goal>h</goal><name>n</name><name>m</name></stage></stages></journey-map>",
  /* '&' in a namespace name */
  "<journey-map xmlns='urn:x-cjm:1' xmlns:z='u&amp;rn:z' version='1.0'><title>t</title>"
  "<z:a xmlns:q='a&#38;b' q:b='&amp;'/></journey-map>",
};

static void
test_fuzz_input (gconstpointer data)
{
  const char *input = data;
  g_autoptr(GBytes) bytes = g_bytes_new_static (input, strlen (input));
  g_autoptr(GBytes) once = test_resave (bytes, "fuzz.cjm");
  g_autoptr(GBytes) twice = test_resave (once, "fuzz.cjm");

  test_assert_bytes_equal (twice, once);
}

static void
test_repeated_stays_second (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (fuzz_inputs[0], strlen (fuzz_inputs[0]));
  g_autoptr(GBytes) once = test_resave (bytes, "fuzz.cjm");
  g_autoptr(CjmDocument) document = test_load_bytes (once, "fuzz.cjm");

  g_assert_cmpstr (cjm_item_get_field (cjm_document_get_map (document), CJM_FIELD_DESCRIPTION),
                   ==, "a");
  g_assert_true (test_bytes_contain (once, "  <description>a</description>\n"
                                           "  <description>b</description>\n"));
}

static void
add_folder (const char *folder,
            const char *prefix,
            gboolean    canonical)
{
  g_autoptr(GPtrArray) files = test_list_files (folder, ".cjm");

  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autofree char *base = g_path_get_basename (path);
      g_autofree char *name = NULL;

      if (canonical)
        {
          name = g_strdup_printf ("/xml/roundtrip/identical/%s/%s", prefix, base);
          g_test_add_data_func_full (name, g_strdup (path), test_canonical_file, g_free);
          g_clear_pointer (&name, g_free);
        }
      name = g_strdup_printf ("/xml/roundtrip/idempotent/%s/%s", prefix, base);
      g_test_add_data_func_full (name, g_strdup (path), test_idempotent, g_free);
    }
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *fixtures = NULL;
  g_autofree char *shared_samples = test_shared_path ("samples");

  g_test_init (&argc, &argv, NULL);

  if (shared_samples != NULL)
    add_folder (shared_samples, "shared", TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (canonical_fixtures); i++)
    {
      g_autofree char *name = g_strdup_printf ("/xml/roundtrip/identical/fixtures/%s",
                                               canonical_fixtures[i]);

      g_test_add_data_func_full (name, test_fixture_path (canonical_fixtures[i]),
                                 test_canonical_file, g_free);
    }
  fixtures = test_fixture_path ("");
  add_folder (fixtures, "fixtures", FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (messy_fixtures); i++)
    {
      g_autofree char *name = g_strdup_printf ("/xml/roundtrip/canonical-form/%s",
                                               messy_fixtures[i].input);

      g_test_add_data_func (name, GUINT_TO_POINTER (i), test_messy);
    }

  g_test_add_func ("/xml/roundtrip/repeated-containers", test_repeated_containers);
  g_test_add_func ("/xml/roundtrip/missing-title", test_missing_title);
  g_test_add_func ("/xml/roundtrip/new-document", test_new_document);
  g_test_add_func ("/xml/roundtrip/repeated-stays-second", test_repeated_stays_second);
  for (guint i = 0; i < G_N_ELEMENTS (fuzz_inputs); i++)
    {
      g_autofree char *name = g_strdup_printf ("/xml/roundtrip/fuzz/%u", i);
      g_test_add_data_func (name, fuzz_inputs[i], test_fuzz_input);
    }

  return g_test_run ();
}
