/* test-schema.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * data/cjm.rng describes the files: the samples, valid fixtures and what
 * the writer makes of them validate with xmllint; a file with semantic
 * faults does not (the schema is not vacuous). xmllint comes from
 * build-aux/deps.sh (libxml2-utils): the test fails without it.
 */

#define G_LOG_DOMAIN "test"

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "test-util.h"

static char *schema;

static gboolean
validates (GBytes  *bytes,
           char   **output)
{
  const char *xmllint = g_getenv ("XMLLINT");
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) out = NULL;

  if (xmllint == NULL || *xmllint == '\0')
    g_error ("xmllint was not found at configure time (install libxml2-utils)");

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE
                              | G_SUBPROCESS_FLAGS_STDERR_MERGE, &error,
                              xmllint, "--noout", "--nonet", "--relaxng", schema, "-", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate (process, bytes, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  *output = g_strndup (g_bytes_get_data (out, NULL), g_bytes_get_size (out));
  return g_subprocess_get_if_exited (process) && g_subprocess_get_exit_status (process) == 0;
}

static void
assert_valid (GBytes     *bytes,
              const char *what)
{
  g_autofree char *output = NULL;

  if (!validates (bytes, &output))
    g_error ("%s does not validate:\n%s", what, output);
}

static void
test_file (gconstpointer data)
{
  const char *path = data;
  g_autoptr(GBytes) bytes = test_read_file (path);
  g_autoptr(GBytes) saved = test_resave (bytes, path);

  assert_valid (bytes, path);
  assert_valid (saved, "the writer's output");
}

/* A map built through the API, as the app does. */
static void
test_built (void)
{
  g_autoptr(CjmDocument) document = cjm_document_new ();
  g_autoptr(CjmItem) stage = cjm_item_new (CJM_KIND_STAGE);
  g_autoptr(CjmItem) lane = cjm_item_new (CJM_KIND_LANE);
  g_autoptr(CjmItem) touchpoint = cjm_item_new (CJM_KIND_TOUCHPOINT);
  g_autoptr(GPtrArray) kpis = cjm_list_new (CJM_LIST_KPIS);
  g_autoptr(GBytes) bytes = NULL;

  cjm_item_set_initial_field (stage, CJM_FIELD_ID, "s-1");
  cjm_item_set_initial_field (stage, CJM_FIELD_NAME, "Stage");
  cjm_item_set_initial_field (lane, CJM_FIELD_ID, "l-1");
  cjm_item_set_initial_field (lane, CJM_FIELD_LANE_KIND, "channel");
  cjm_item_set_initial_field (lane, CJM_FIELD_NAME, "Lane");
  cjm_item_set_initial_field (touchpoint, CJM_FIELD_ID, "t-1");
  cjm_item_set_initial_field (touchpoint, CJM_FIELD_STAGE, "s-1");
  cjm_item_set_initial_field (touchpoint, CJM_FIELD_LANE, "l-1");
  cjm_item_set_initial_field (touchpoint, CJM_FIELD_TITLE, "Card with <markup> & \"quotes\"");
  cjm_item_set_initial_field (touchpoint, CJM_FIELD_EMOTION, "-2");
  g_ptr_array_add (kpis, cjm_kpi_new ("NPS", "12", NULL, "30", "survey"));
  cjm_item_set_initial_list (touchpoint, CJM_LIST_KPIS, kpis);
  cjm_document_insert_item (document, stage, -1);
  cjm_document_insert_item (document, lane, -1);
  cjm_document_insert_item (document, touchpoint, -1);
  cjm_document_set_field (document, cjm_document_get_map (document), CJM_FIELD_PAPER, "a4");

  bytes = cjm_document_serialize (document);
  assert_valid (bytes, "a built map");
}

/* The values of the action plan (1.1) are constrained like the others. */
static void
test_plan_values (void)
{
  static const char * const bad[] = {
    "status='started'", "horizon='soon'", "due='2027-02-30'", "due='31/03/2027'",
  };
  static const char * const bad_scores[] = {
    "<score impact='3'/>", "<score role='IT' impact='9'/>", "<score role='IT' effort='high'/>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad) + G_N_ELEMENTS (bad_scores) + 1; i++)
    {
      gboolean valid = i == G_N_ELEMENTS (bad) + G_N_ELEMENTS (bad_scores);
      g_autofree char *xml = g_strdup_printf (
        "<journey-map xmlns='urn:x-cjm:1' version='1.1'><title>t</title><opportunities>"
        "<opportunity id='o' stage='s' lane='l' %s><title>o</title>%s</opportunity>"
        "</opportunities></journey-map>",
        i < G_N_ELEMENTS (bad) ? bad[i] : "status='in-progress' horizon='later' due='2028-02-29'",
        i >= G_N_ELEMENTS (bad) && !valid ? bad_scores[i - G_N_ELEMENTS (bad)]
                                          : "<score role='IT' impact='5' effort='1'>why</score>");
      g_autoptr(GBytes) bytes = g_bytes_new (xml, strlen (xml));
      g_autofree char *output = NULL;

      if (validates (bytes, &output) != valid)
        g_error ("%s %s:\n%s", xml, valid ? "does not validate" : "validates", output);
    }
}

/* The print element's plan (our extension, docs/io.md) is a boolean. */
static void
test_print_plan (void)
{
  static const char * const values[] = { "true", "false", "maybe" };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *xml = g_strdup_printf ("<journey-map xmlns='urn:x-cjm:1' version='1.0'>"
                                              "<title>t</title><print cover='true' plan='%s'/>"
                                              "</journey-map>", values[i]);
      g_autoptr(GBytes) bytes = g_bytes_new (xml, strlen (xml));
      g_autofree char *output = NULL;

      if (validates (bytes, &output) != (i < 2))
        g_error ("%s %s:\n%s", xml, i < 2 ? "does not validate" : "validates", output);
    }
}

static void
test_faults_do_not_validate (void)
{
  g_autofree char *path = test_fixture_path ("faults.cjm");
  g_autoptr(GBytes) bytes = test_read_file (path);
  g_autofree char *output = NULL;

  g_assert_false (validates (bytes, &output));
}

int
main (int    argc,
      char **argv)
{
  static const char * const valid_fixtures[] = {
    "full.cjm", "unknown.cjm", "action-plan.cjm", "action-plan-messy.expected.cjm"
  };
  g_autofree char *shared_samples = test_shared_path ("samples");
  g_autoptr(GPtrArray) files = NULL;

  g_test_init (&argc, &argv, NULL);

  schema = g_test_build_filename (G_TEST_DIST, "..", "data", "cjm.rng", NULL);
  if (shared_samples != NULL)
    files = test_list_files (shared_samples, ".cjm");
  else
    files = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < G_N_ELEMENTS (valid_fixtures); i++)
    g_ptr_array_add (files, test_fixture_path (valid_fixtures[i]));

  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autofree char *base = g_path_get_basename (path);
      g_autofree char *name = g_strdup_printf ("/schema/%u-%s", i, base);

      g_test_add_data_func (name, path, test_file);
    }
  g_test_add_func ("/schema/built", test_built);
  g_test_add_func ("/schema/faults-do-not-validate", test_faults_do_not_validate);
  g_test_add_func ("/schema/plan-values", test_plan_values);
  g_test_add_func ("/schema/print-plan", test_print_plan);

  return g_test_run ();
}
