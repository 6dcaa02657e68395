/* test-cli-check.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `cjm check` and `cjm validate` as scripts use them: exit statuses, the
 * text lines, the JSON shape, unreadable files ($CJM_TOOL is the built
 * `cjm`).
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "../cjm-shared-samples.h"
#include "cli-test-util.h"

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "checker", name, NULL);
}

static char *
sample (const char *name)
{
  char *path = cjm_shared_sample (name);

  g_assert_nonnull (path);
  return path;
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p++)
    if (*p == '\n')
      n++;
  return n;
}

static void
test_check_clean (void)
{
  g_autofree char *clean = fixture ("clean.cjm");
  g_auto(Run) run = { 0 };

  run_cjm (&run, "check", clean, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, "");
}

/* Exit 1 when a finding is at or above --fail-on (default error). */
static void
test_check_fail_on (void)
{
  g_autofree char *bill = sample ("bill-payment.cjm");
  g_autofree char *warnings = fixture ("d01-fires.cjm");   /* D01 warning, no error */
  g_autofree char *infos = fixture ("r01-fires.cjm");      /* R01 info only */
  struct {
    const char *file;
    const char *fail_on;
    int         status;
  } cases[] = {
    { bill, NULL, 1 },
    { bill, "--fail-on=error", 1 },
    { bill, "--fail-on=never", 0 },
    { warnings, NULL, 0 },
    { warnings, "--fail-on=warning", 1 },
    { warnings, "--fail-on=info", 1 },
    { infos, "--fail-on=warning", 0 },
    { infos, "--fail-on=info", 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };

      if (cases[i].fail_on != NULL)
        run_cjm (&run, "check", cases[i].fail_on, cases[i].file, NULL);
      else
        run_cjm (&run, "check", cases[i].file, NULL);
      g_assert_cmpint (run.status, ==, cases[i].status);
    }
}

/* One line per finding: FILE: severity: CJM-ID name: message */
static void
test_check_text (void)
{
  g_autofree char *bill = sample ("bill-payment.cjm");
  g_autofree char *first = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(Run) run = { 0 };

  run_cjm (&run, "check", bill, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpuint (count_lines (run.out), ==, 21);
  lines = g_strsplit (run.out, "\n", -1);
  first = g_strdup_printf ("%s: error: CJM-F01 conflicting-facts: “Bill reminder” states due date "
                           "10th of the month on E-mail and SMS but 15th of the month on Mobile "
                           "app", bill);
  g_assert_cmpstr (lines[0], ==, first);
  g_assert_true (g_str_has_prefix (lines[20], bill));
  g_assert_nonnull (strstr (lines[20], ": info: CJM-X01 terminology: “Pay through the IVR”"));
}

/* Suppressed findings are left out, or shown marked with
 * --show-suppressed; they never make the check fail. */
static void
test_check_suppressed (void)
{
  g_autofree char *path = fixture ("suppressed.cjm");
  g_auto(Run) plain = { 0 };
  g_auto(Run) shown = { 0 };
  g_auto(Run) json = { 0 };
  g_auto(Run) failing = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *findings;

  run_cjm (&plain, "check", path, NULL);
  g_assert_cmpuint (count_lines (plain.out), ==, 1);
  g_assert_nonnull (strstr (plain.out, "CJM-O01 no-owner: “t-a”"));

  run_cjm (&shown, "check", "--show-suppressed", path, NULL);
  g_assert_cmpuint (count_lines (shown.out), ==, 2);
  g_assert_nonnull (strstr (shown.out, "“t-b” on Service branch has no owner, and neither has its "
                                       "lane (suppressed)\n"));

  run_cjm (&json, "check", "--format=json", "--show-suppressed", path, NULL);
  json_parser_load_from_data (parser, json.out, -1, &error);
  g_assert_no_error (error);
  findings = json_object_get_array_member (
    json_array_get_object_element (json_node_get_array (json_parser_get_root (parser)), 0),
    "findings");
  g_assert_cmpuint (json_array_get_length (findings), ==, 2);
  g_assert_false (json_object_has_member (json_array_get_object_element (findings, 0),
                                          "suppressed"));
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (findings, 1),
                                                 "suppressed"));

  /* the only warning left is t-a's; suppressing it too would pass */
  run_cjm (&failing, "check", "--fail-on=warning", path, NULL);
  g_assert_cmpint (failing.status, ==, 1);
}

static void
test_check_json (void)
{
  g_autofree char *bill = sample ("bill-payment.cjm");
  g_autofree char *clean = fixture ("clean.cjm");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };
  JsonArray *files, *findings, *targets;
  JsonObject *file, *finding;

  run_cjm (&run, "check", "--format=json", bill, clean, NULL);
  g_assert_cmpint (run.status, ==, 1);
  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);

  files = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (files), ==, 2);

  file = json_array_get_object_element (files, 0);
  g_assert_cmpstr (json_object_get_string_member (file, "file"), ==, bill);
  findings = json_object_get_array_member (file, "findings");
  g_assert_cmpuint (json_array_get_length (findings), ==, 21);
  finding = json_array_get_object_element (findings, 1);
  g_assert_cmpstr (json_object_get_string_member (finding, "rule"), ==, "CJM-F01");
  g_assert_cmpstr (json_object_get_string_member (finding, "name"), ==, "conflicting-facts");
  g_assert_cmpstr (json_object_get_string_member (finding, "severity"), ==, "error");
  g_assert_cmpstr (json_object_get_string_member (finding, "message"), ==,
                   "“Pay bill” states fee 0 on Website, Mobile app and Service branch but 5 on "
                   "Call center");
  targets = json_object_get_array_member (finding, "targets");
  g_assert_cmpuint (json_array_get_length (targets), ==, 4);
  g_assert_cmpstr (json_array_get_string_element (targets, 0), ==, "t-web-pay");
  g_assert_cmpstr (json_array_get_string_element (targets, 2), ==, "t-call-pay");
  g_assert_false (json_object_has_member (finding, "suppressed"));

  file = json_array_get_object_element (files, 1);
  g_assert_cmpstr (json_object_get_string_member (file, "file"), ==, clean);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (file, "findings")), ==, 0);
}

/* Exit 2 when a file cannot be read, with FILE:LINE:COL: reason; the
 * other files are still checked. */
static void
test_check_unreadable (void)
{
  g_autofree char *broken = fixture ("unreadable.cjm");
  g_autofree char *clean = fixture ("clean.cjm");
  g_autofree char *expected = g_strdup_printf ("%s:5:1: ", broken);
  g_auto(Run) run = { 0 };
  g_auto(Run) missing = { 0 };
  g_auto(Run) json = { 0 };

  run_cjm (&run, "check", clean, broken, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_true (g_str_has_prefix (run.err, expected));
  g_assert_nonnull (strstr (run.err, "not well-formed"));

  run_cjm (&missing, "check", "no-such-map.cjm", NULL);
  g_assert_cmpint (missing.status, ==, 2);
  g_assert_true (g_str_has_prefix (missing.err, "no-such-map.cjm: "));

  run_cjm (&json, "check", "--format=json", broken, NULL);
  g_assert_cmpint (json.status, ==, 2);
  g_assert_nonnull (strstr (json.out, "\"error\""));
}

static void
test_check_usage (void)
{
  g_autofree char *clean = fixture ("clean.cjm");
  g_auto(Run) format = { 0 };
  g_auto(Run) fail_on = { 0 };
  g_auto(Run) none = { 0 };
  g_auto(Run) help = { 0 };

  run_cjm (&format, "check", "--format=xml", clean, NULL);
  g_assert_cmpint (format.status, ==, 2);
  run_cjm (&fail_on, "check", "--fail-on=fatal", clean, NULL);
  g_assert_cmpint (fail_on.status, ==, 2);
  run_cjm (&none, "check", NULL);
  g_assert_cmpint (none.status, ==, 2);
  run_cjm (&help, "check", "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "--fail-on"));
}

static guint
count_occurrences (const char *text,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static char *
write_config (const char *folder,
              const char *name,
              const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (folder, name, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

/* --config: a key file's [check] disabled-rules turns rules off; a
 * configuration that cannot be read is exit 2 naming it. */
static void
test_check_config (void)
{
  g_autofree char *bill = sample ("bill-payment.cjm");
  g_autofree char *infos = fixture ("r01-fires.cjm");      /* R01 info only */
  g_autofree char *folder = g_dir_make_tmp ("cjm-check-config-XXXXXX", NULL);
  g_autofree char *off = write_config (folder, "off.conf",
                                       "# rules we do not use\n[check]\ndisabled-rules=F01;CJM-X01;\n");
  g_autofree char *r01 = write_config (folder, "r01.conf", "[check]\ndisabled-rules=R01;S01;\n");
  g_autofree char *empty = write_config (folder, "empty.conf", "[other]\nkey=value\n");
  g_autofree char *garbage = write_config (folder, "garbage.conf", "this is not a key file\n");
  g_autofree char *unknown = write_config (folder, "unknown.conf", "[check]\ndisabled-rules=Z99\n");
  g_autofree char *missing = g_build_filename (folder, "missing.conf", NULL);
  g_auto(Run) plain = { 0 };
  g_auto(Run) fewer = { 0 };
  g_auto(Run) json = { 0 };
  g_auto(Run) info = { 0 };
  g_auto(Run) quiet = { 0 };
  g_auto(Run) nothing = { 0 };
  g_auto(Run) absent = { 0 };
  g_auto(Run) bad = { 0 };
  g_auto(Run) wrong = { 0 };
  g_auto(Run) help = { 0 };
  guint n_f01, n_x01;

  g_assert_nonnull (folder);

  run_cjm (&plain, "check", bill, NULL);
  n_f01 = count_occurrences (plain.out, ": CJM-F01 ");
  n_x01 = count_occurrences (plain.out, ": CJM-X01 ");
  g_assert_cmpuint (n_f01, >, 0);
  g_assert_cmpuint (n_x01, >, 0);

  run_cjm (&fewer, "check", "--config", off, bill, NULL);
  g_assert_cmpuint (count_occurrences (fewer.out, ": CJM-F01 "), ==, 0);
  g_assert_cmpuint (count_occurrences (fewer.out, ": CJM-X01 "), ==, 0);
  g_assert_cmpuint (count_lines (fewer.out), ==, count_lines (plain.out) - n_f01 - n_x01);
  g_assert_cmpstr (fewer.err, ==, "");
  /* F01 was the only error: nothing fails now at the default --fail-on */
  g_assert_cmpint (plain.status, ==, 1);
  g_assert_cmpint (fewer.status, ==, 0);

  run_cjm (&json, "check", "--format=json", "--config", off, bill, NULL);
  g_assert_cmpint (json.status, ==, 0);
  g_assert_null (strstr (json.out, "CJM-F01"));
  g_assert_null (strstr (json.out, "CJM-X01"));
  g_assert_nonnull (strstr (json.out, "CJM-O01"));

  run_cjm (&info, "check", "--fail-on=info", infos, NULL);
  g_assert_cmpint (info.status, ==, 1);
  run_cjm (&quiet, "check", "--fail-on=info", "--config", r01, infos, NULL);
  g_assert_cmpint (quiet.status, ==, 0);
  g_assert_cmpstr (quiet.out, ==, "");

  /* no [check] group: nothing is turned off */
  run_cjm (&nothing, "check", "--config", empty, bill, NULL);
  g_assert_cmpstr (nothing.out, ==, plain.out);
  g_assert_cmpint (nothing.status, ==, 1);

  run_cjm (&absent, "check", "--config", missing, bill, NULL);
  g_assert_cmpint (absent.status, ==, 2);
  g_assert_cmpstr (absent.out, ==, "");
  g_assert_nonnull (strstr (absent.err, missing));
  run_cjm (&bad, "check", "--config", garbage, bill, NULL);
  g_assert_cmpint (bad.status, ==, 2);
  g_assert_nonnull (strstr (bad.err, garbage));
  run_cjm (&wrong, "check", "--config", unknown, bill, NULL);
  g_assert_cmpint (wrong.status, ==, 2);
  g_assert_nonnull (strstr (wrong.err, "Z99"));
  g_assert_nonnull (strstr (wrong.err, unknown));

  run_cjm (&help, "check", "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "--config=FILE"));
  g_assert_nonnull (strstr (help.out, "disabled-rules=R01;S01;"));

  for (const char *const *p = (const char *const[]) { off, r01, empty, garbage, unknown, NULL };
       *p != NULL; p++)
    g_assert_cmpint (g_remove (*p), ==, 0);
  g_assert_cmpint (g_rmdir (folder), ==, 0);
}

static void
test_validate (void)
{
  g_autofree char *clean = fixture ("clean.cjm");
  g_autofree char *faults = fixture ("s01-fires.cjm");
  g_autofree char *broken = fixture ("unreadable.cjm");
  g_autofree char *bill = sample ("bill-payment.cjm");
  g_autofree char *prefix = g_strdup_printf ("%s: error: CJM-S01 broken-reference: ", faults);
  g_auto(GStrv) lines = NULL;
  g_auto(Run) ok = { 0 };
  g_auto(Run) bad = { 0 };
  g_auto(Run) refused = { 0 };

  /* findings other than S01 do not matter to validate */
  run_cjm (&ok, "validate", clean, bill, NULL);
  g_assert_cmpint (ok.status, ==, 0);
  g_assert_cmpstr (ok.out, ==, "");

  run_cjm (&bad, "validate", clean, faults, NULL);
  g_assert_cmpint (bad.status, ==, 1);
  lines = g_strsplit (bad.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 20);   /* 19 faults and "" */
  for (guint i = 0; i < 19; i++)
    g_assert_true (g_str_has_prefix (lines[i], prefix));
  g_assert_cmpstr (lines[0] + strlen (prefix), ==,
                   "Touchpoint “t-nostage”: there is no stage “s9”");

  run_cjm (&refused, "validate", faults, broken, NULL);
  g_assert_cmpint (refused.status, ==, 2);
  g_assert_nonnull (strstr (refused.err, broken));
  g_assert_nonnull (strstr (refused.err, ":5:1: "));
}

int
main (int    argc,
      char **argv)
{
  /* The tests read the shared samples. */
  cjm_shared_samples_require ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/check/clean", test_check_clean);
  g_test_add_func ("/cli/check/fail-on", test_check_fail_on);
  g_test_add_func ("/cli/check/text", test_check_text);
  g_test_add_func ("/cli/check/suppressed", test_check_suppressed);
  g_test_add_func ("/cli/check/json", test_check_json);
  g_test_add_func ("/cli/check/unreadable", test_check_unreadable);
  g_test_add_func ("/cli/check/usage", test_check_usage);
  g_test_add_func ("/cli/check/config", test_check_config);
  g_test_add_func ("/cli/validate", test_validate);

  return g_test_run ();
}
