/* test-cli-plan.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `cjm plan` as scripts and minute-takers use it ($CJM_TOOL is the built
 * `cjm`): the plan order on a fixture that needs every tie-break, the JSON
 * shape (nulls, words, numbers), the text, CSV and Markdown layouts, several
 * files, unreadable files and usage errors.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "cli-test-util.h"

/* tests/fixtures/plan-order.cjm: see the comment in the file. */
static const char * const expected_order[] = {
  "a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9", "a10", "a11", "b1", "c1", "d1", "d2",
  "e1", "e2", "e3",
};

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
}

static JsonArray *
parse_array (JsonParser *parser,
             const char *text)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)));
  return json_node_get_array (json_parser_get_root (parser));
}

static JsonObject *
action_by_id (JsonArray  *actions,
              const char *id)
{
  for (guint i = 0; i < json_array_get_length (actions); i++)
    {
      JsonObject *action = json_array_get_object_element (actions, i);

      if (g_strcmp0 (json_object_get_string_member (action, "id"), id) == 0)
        return action;
    }
  g_error ("no action %s", id);
}

static gboolean
member_is_null (JsonObject *object,
                const char *name)
{
  g_assert_true (json_object_has_member (object, name));
  return JSON_NODE_HOLDS_NULL (json_object_get_member (object, name));
}

static char *
write_map (const char *folder,
           const char *name,
           const char *opportunities)
{
  g_autofree char *text = g_strdup_printf (
    "<journey-map xmlns='urn:x-cjm:1' version='1.1'><title>t</title>"
    "<stages><stage id='s1'><name>Pay | first</name></stage></stages>"
    "<lanes><lane id='l-opp' kind='opportunities'><name>Opportunities</name></lane></lanes>"
    "<opportunities>%s</opportunities></journey-map>", opportunities);
  char *path = g_build_filename (folder, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return path;
}

/* Every tie-break decides a pair; done and dropped come last in document
 * order. */
static void
test_plan_order (void)
{
  g_autofree char *path = fixture ("plan-order.cjm");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) run = { 0 };
  JsonArray *files, *actions;
  JsonObject *file;

  run_cjm (&run, "plan", "--format=json", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  files = parse_array (parser, run.out);
  g_assert_cmpuint (json_array_get_length (files), ==, 1);
  file = json_array_get_object_element (files, 0);
  g_assert_cmpstr (json_object_get_string_member (file, "file"), ==, path);
  actions = json_object_get_array_member (file, "actions");
  g_assert_cmpuint (json_array_get_length (actions), ==, G_N_ELEMENTS (expected_order));
  for (guint i = 0; i < G_N_ELEMENTS (expected_order); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (actions, i),
                                                    "id"), ==, expected_order[i]);
}

/* One object per action with every member, absent values null, words of
 * the file for status, horizon and quadrant, numbers for the rest. */
static void
test_json_shape (void)
{
  static const char * const members[] = {
    "id", "title", "stage", "owner", "status", "horizon", "due", "impact", "effort", "quadrant",
    "reach", "scores",
  };
  g_autofree char *path = fixture ("plan-order.cjm");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) run = { 0 };
  JsonArray *actions, *scores;
  JsonObject *action, *score;

  run_cjm (&run, "plan", "--format=json", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  actions = json_object_get_array_member (
    json_array_get_object_element (parse_array (parser, run.out), 0), "actions");

  for (guint i = 0; i < json_array_get_length (actions); i++)
    {
      g_autoptr(GList) names = json_object_get_members (json_array_get_object_element (actions, i));
      guint n = 0;

      for (GList *l = names; l != NULL; l = l->next, n++)
        g_assert_cmpstr (l->data, ==, members[n]);
      g_assert_cmpuint (n, ==, G_N_ELEMENTS (members));
    }

  action = action_by_id (actions, "a1");
  g_assert_cmpstr (json_object_get_string_member (action, "title"), ==, "Now quick win, reach 2");
  g_assert_cmpstr (json_object_get_string_member (action, "stage"), ==, "s1");
  g_assert_cmpstr (json_object_get_string_member (action, "owner"), ==, "Customer Service");
  g_assert_cmpstr (json_object_get_string_member (action, "status"), ==, "planned");
  g_assert_cmpstr (json_object_get_string_member (action, "horizon"), ==, "now");
  g_assert_cmpstr (json_object_get_string_member (action, "due"), ==, "2027-03-31");
  g_assert_cmpint (json_object_get_int_member (action, "impact"), ==, 5);
  g_assert_cmpint (json_object_get_int_member (action, "effort"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (action, "quadrant"), ==, "quick-win");
  g_assert_cmpint (json_object_get_int_member (action, "reach"), ==, 2);
  scores = json_object_get_array_member (action, "scores");
  g_assert_cmpuint (json_array_get_length (scores), ==, 2);
  score = json_array_get_object_element (scores, 0);
  g_assert_cmpuint (json_object_get_size (score), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (score, "role"), ==, "IT");
  g_assert_cmpint (json_object_get_int_member (score, "impact"), ==, 5);
  g_assert_cmpint (json_object_get_int_member (score, "effort"), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (scores, 1),
                                                  "role"), ==, "Customer Service");

  /* t1 twice and a missing id: reach 1 */
  g_assert_cmpint (json_object_get_int_member (action_by_id (actions, "a2"), "reach"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (action_by_id (actions, "a2"), "status"), ==,
                   "in-progress");
  /* a note counts */
  g_assert_cmpint (json_object_get_int_member (action_by_id (actions, "a3"), "reach"), ==, 1);
  /* status is always there: an unknown one is an idea */
  g_assert_cmpstr (json_object_get_string_member (action_by_id (actions, "a3"), "status"), ==,
                   "idea");
  g_assert_cmpstr (json_object_get_string_member (action_by_id (actions, "a4"), "status"), ==,
                   "idea");
  g_assert_true (member_is_null (action_by_id (actions, "a4"), "due"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                      action_by_id (actions, "a4"), "scores")), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (action_by_id (actions, "a6"), "quadrant"), ==,
                   "big-bet");
  g_assert_cmpstr (json_object_get_string_member (action_by_id (actions, "a7"), "quadrant"), ==,
                   "fill-in");
  g_assert_cmpstr (json_object_get_string_member (action_by_id (actions, "a8"), "quadrant"), ==,
                   "money-pit");

  action = action_by_id (actions, "a11");     /* impact "9", no effort */
  g_assert_true (member_is_null (action, "impact"));
  g_assert_true (member_is_null (action, "effort"));
  g_assert_cmpstr (json_object_get_string_member (action, "quadrant"), ==, "unscored");
  g_assert_true (member_is_null (action_by_id (actions, "d1"), "horizon"));
  g_assert_true (member_is_null (action_by_id (actions, "d2"), "horizon"));   /* "soon" */
  g_assert_cmpstr (json_object_get_string_member (action_by_id (actions, "c1"), "horizon"), ==,
                   "later");

  action = action_by_id (actions, "e3");
  g_assert_true (member_is_null (action, "owner"));
  g_assert_cmpstr (json_object_get_string_member (action, "status"), ==, "done");
  g_assert_cmpstr (json_object_get_string_member (action_by_id (actions, "e2"), "status"), ==,
                   "dropped");
}

/* For minutes: a heading per file and per horizon, ranks through the open
 * actions, the done and dropped ones apart. */
static void
test_text (void)
{
  g_autofree char *path = fixture ("plan-order.cjm");
  g_autofree char *action_plan = fixture ("action-plan.cjm");
  g_auto(Run) run = { 0 };
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) headings = g_ptr_array_new ();
  g_autoptr(GPtrArray) ranked = g_ptr_array_new_with_free_func (g_free);
  guint n_closed = 0;

  run_cjm (&run, "plan", path, action_plan, NULL);
  g_assert_cmpint (run.status, ==, 0);
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpstr (lines[0], ==, path);
  g_assert_cmpstr (lines[1], ==, "Now");
  g_assert_cmpstr (lines[2], ==, "  1. Now quick win, reach 2 [a1]");
  g_assert_cmpstr (lines[3], ==, "     stage Pay · Quick win · impact 5 · effort 1 · reach 2 · "
                                 "owner Customer Service · Planned · due 2027-03-31");
  g_assert_cmpstr (lines[4], ==, "     scores: IT 5/4, Customer Service 4/2 (far apart)");

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (lines[i][0] != ' ' && lines[i][0] != '\0')
        g_ptr_array_add (headings, lines[i]);
      else if (g_str_has_prefix (lines[i], "  - "))
        n_closed++;
      else if (lines[i][0] == ' ' && lines[i][2] != ' ')
        g_ptr_array_add (ranked, g_strndup (lines[i], strcspn (lines[i], ".")));
    }

  g_assert_cmpuint (headings->len, ==, 10);
  g_assert_cmpstr (g_ptr_array_index (headings, 1), ==, "Now");
  g_assert_cmpstr (g_ptr_array_index (headings, 2), ==, "Next");
  g_assert_cmpstr (g_ptr_array_index (headings, 3), ==, "Later");
  g_assert_cmpstr (g_ptr_array_index (headings, 4), ==, "Not scheduled");
  g_assert_cmpstr (g_ptr_array_index (headings, 5), ==, "Done and dropped");
  g_assert_cmpstr (g_ptr_array_index (headings, 6), ==, action_plan);
  g_assert_cmpstr (g_ptr_array_index (headings, 7), ==, "Now");
  g_assert_cmpstr (g_ptr_array_index (headings, 8), ==, "Later");
  g_assert_cmpstr (g_ptr_array_index (headings, 9), ==, "Done and dropped");
  g_assert_cmpuint (n_closed, ==, 4);
  /* 15 + 2 open actions, ranked from 1 in each file */
  g_assert_cmpuint (ranked->len, ==, 17);
  g_assert_cmpstr (g_ptr_array_index (ranked, 14), ==, "  15");
  g_assert_cmpstr (g_ptr_array_index (ranked, 15), ==, "  1");
  g_assert_true (g_strv_contains ((const char * const *) lines,
                                  "     stage Pay · Unscored · reach 0 · no owner · Done"));
}

/* RFC 4180: one header, CRLF, fields quoted when they hold a comma, quote
 * or line end; words of the file; empty for absent. */
static void
test_csv (void)
{
  g_autofree char *path = fixture ("plan-order.cjm");
  g_autofree char *folder = g_dir_make_tmp ("cjm-plan-XXXXXX", NULL);
  g_autofree char *odd = write_map (folder, "odd.cjm",
                                    "<opportunity id='o' stage='s1' lane='l-opp' "
                                    "owner=' Ops  team '><title>Say \"sorry\",\nthen fix</title>"
                                    "<score role='IT' effort='3'/><score role='Ops' impact='2'/>"
                                    "</opportunity>");
  g_autofree char *expected_odd = NULL;
  g_auto(Run) run = { 0 };
  g_auto(GStrv) lines = NULL;

  run_cjm (&run, "plan", "--format=csv", path, odd, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_suffix (run.out, "\r\n"));
  lines = g_strsplit (run.out, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 18 + 1 + 1);
  g_assert_cmpstr (lines[0], ==, "file,rank,id,title,stage,owner,status,horizon,due,impact,effort,"
                                 "quadrant,reach,scores");
  g_assert_true (g_str_has_prefix (lines[1], path));
  g_assert_cmpstr (lines[1] + strlen (path), ==,
                   ",1,a1,\"Now quick win, reach 2\",s1,Customer Service,planned,now,2027-03-31,"
                   "5,1,quick-win,2,IT:5/4;Customer Service:4/2");
  g_assert_cmpstr (lines[11] + strlen (path), ==,
                   ",11,a11,\"Now, impact out of range, no effort\",s1,IT,idea,now,,,,unscored,0,");
  g_assert_cmpstr (lines[18] + strlen (path), ==,
                   ",,e3,\"Done, unscored\",s1,,done,,,,,unscored,0,");

  expected_odd = g_strdup_printf ("%s,1,o,\"Say \"\"sorry\"\",\nthen fix\",s1,Ops team,idea,,,,,"
                                  "unscored,0,IT:/3;Ops:2/", odd);
  g_assert_cmpstr (lines[19], ==, expected_odd);

  g_unlink (odd);
  g_rmdir (folder);
}

/* Markdown tables under a heading per file and per horizon; pipes and line
 * ends in the text cannot break a table. */
static void
test_markdown (void)
{
  g_autofree char *path = fixture ("action-plan.cjm");
  g_autofree char *folder = g_dir_make_tmp ("cjm-plan-XXXXXX", NULL);
  g_autofree char *odd = write_map (folder, "odd.cjm",
                                    "<opportunity id='o' stage='s1' lane='l-opp' horizon='next'>"
                                    "<title>A | B\nC</title></opportunity>");
  g_autofree char *expected = NULL;
  g_autofree char *expected_odd = NULL;
  g_auto(Run) run = { 0 };
  g_auto(Run) odd_run = { 0 };

  run_cjm (&run, "plan", "--format=markdown", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  expected = g_strdup_printf (
    "## %s\n"
    "\n"
    "### Now\n"
    "\n"
    "| # | Action | Stage | Quadrant | Impact | Effort | Reach | Owner | Status | Due | Scores |\n"
    "|--:|---|---|---|--:|--:|--:|---|---|---|---|\n"
    "| 1 | Pay-by-link SMS during the call | Pay | Quick win | 4 | 2 | 2 | Digital | Planned | "
    "2027-03-31 | Customer Service 5/2, IT 4/4, Billing –/– (far apart) |\n"
    "\n"
    "### Later\n"
    "\n"
    "| # | Action | Stage | Quadrant | Impact | Effort | Reach | Owner | Status | Due | Scores |\n"
    "|--:|---|---|---|--:|--:|--:|---|---|---|---|\n"
    "| 2 | New IVR | Pay | Money pit | 2 | 5 | 1 | – | In progress | – | IT –/5 |\n"
    "\n"
    "### Done and dropped\n"
    "\n"
    "| # | Action | Stage | Quadrant | Impact | Effort | Reach | Owner | Status | Due | Scores |\n"
    "|--:|---|---|---|--:|--:|--:|---|---|---|---|\n"
    "| – | Call-back instead of hold | Pay | Unscored | – | – | 0 | – | Dropped | – | – |\n",
    path);
  g_assert_cmpstr (run.out, ==, expected);

  run_cjm (&odd_run, "plan", "--format=markdown", odd, NULL);
  g_assert_cmpint (odd_run.status, ==, 0);
  expected_odd = g_strdup_printf ("| 1 | A \\| B C | Pay \\| first | Unscored | – | – | 0 | – "
                                  "| Idea | – | – |\n");
  g_assert_true (g_str_has_suffix (odd_run.out, expected_odd));

  g_unlink (odd);
  g_rmdir (folder);
}

/* A map without opportunities has an empty plan. */
static void
test_empty (void)
{
  g_autofree char *clean = g_test_build_filename (G_TEST_DIST, "fixtures", "checker", "clean.cjm",
                                                  NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) json = { 0 };
  g_auto(Run) text = { 0 };
  JsonObject *file;

  run_cjm (&json, "plan", "--format=json", clean, NULL);
  g_assert_cmpint (json.status, ==, 0);
  file = json_array_get_object_element (parse_array (parser, json.out), 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (file, "actions")), ==, 0);

  run_cjm (&text, "plan", clean, NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_true (g_str_has_suffix (text.out, "\n  No opportunities\n"));
}

/* Exit 2 when a file cannot be read, with FILE:LINE:COL: reason; the
 * other files are still listed (in JSON, the file with its error). */
static void
test_unreadable (void)
{
  g_autofree char *broken = g_test_build_filename (G_TEST_DIST, "fixtures", "checker",
                                                   "unreadable.cjm", NULL);
  g_autofree char *path = fixture ("action-plan.cjm");
  g_autofree char *expected = g_strdup_printf ("%s:5:1: ", broken);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) run = { 0 };
  g_auto(Run) json = { 0 };
  g_auto(Run) missing = { 0 };
  JsonArray *files;

  run_cjm (&run, "plan", broken, path, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_true (g_str_has_prefix (run.err, expected));
  g_assert_true (g_str_has_prefix (run.out, path));

  run_cjm (&json, "plan", "--format=json", path, broken, NULL);
  g_assert_cmpint (json.status, ==, 2);
  files = parse_array (parser, json.out);
  g_assert_cmpuint (json_array_get_length (files), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                      json_array_get_object_element (files, 0), "actions")), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (files, 1), "file"),
                   ==, broken);
  g_assert_true (g_str_has_prefix (json_object_get_string_member (
                                     json_array_get_object_element (files, 1), "error"),
                                   expected));
  g_assert_false (json_object_has_member (json_array_get_object_element (files, 1), "actions"));

  run_cjm (&missing, "plan", "no-such-map.cjm", NULL);
  g_assert_cmpint (missing.status, ==, 2);
  g_assert_true (g_str_has_prefix (missing.err, "no-such-map.cjm: "));
}

static void
test_usage (void)
{
  g_autofree char *path = fixture ("action-plan.cjm");
  g_auto(Run) format = { 0 };
  g_auto(Run) none = { 0 };
  g_auto(Run) help = { 0 };
  g_auto(Run) commands = { 0 };

  run_cjm (&format, "plan", "--format=xml", path, NULL);
  g_assert_cmpint (format.status, ==, 2);
  g_assert_nonnull (strstr (format.err, "xml"));
  g_assert_cmpstr (format.out, ==, "");
  run_cjm (&none, "plan", NULL);
  g_assert_cmpint (none.status, ==, 2);
  run_cjm (&help, "plan", "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "--format"));
  run_cjm (&commands, "--help", NULL);
  g_assert_cmpint (commands.status, ==, 0);
  g_assert_nonnull (strstr (commands.out, "  plan "));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/plan/order", test_plan_order);
  g_test_add_func ("/cli/plan/json", test_json_shape);
  g_test_add_func ("/cli/plan/text", test_text);
  g_test_add_func ("/cli/plan/csv", test_csv);
  g_test_add_func ("/cli/plan/markdown", test_markdown);
  g_test_add_func ("/cli/plan/empty", test_empty);
  g_test_add_func ("/cli/plan/unreadable", test_unreadable);
  g_test_add_func ("/cli/plan/usage", test_usage);

  return g_test_run ();
}
