/* cjm-tool-plan.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cjm plan [--format=text|csv|json|markdown] FILE…
 *
 * The action plan of each map: its opportunities in plan order (the open
 * ones by horizon, quadrant, impact, effort, reach and document order;
 * then the done and dropped ones), for scripts (json, csv) and for pasting
 * into minutes (text, markdown). The order and the values come from
 * cjm-plan.h, as in the app's Priorities view and the printed plan.
 *
 * Exit status: 0 when every file was read, 2 when a file cannot be read
 * (the others are still listed) or the command line is wrong.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "cjm-plan.h"
#include "cjm-tool.h"

typedef enum {
  FORMAT_TEXT,
  FORMAT_CSV,
  FORMAT_JSON,
  FORMAT_MARKDOWN,
} Format;

static const char * const format_names[] = {
  [FORMAT_TEXT] = "text",
  [FORMAT_CSV] = "csv",
  [FORMAT_JSON] = "json",
  [FORMAT_MARKDOWN] = "markdown",
};

/* Static helpers */

/* "Customer Service 5/2, IT 4/–" (– for a value that is absent) */
static char *
shown_scores (const CjmPlanEntry *entry,
              const char         *separator)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < entry->scores->len; i++)
    {
      const CjmPlanScore *score = g_ptr_array_index (entry->scores, i);
      g_autofree char *impact = score->impact ? g_strdup_printf ("%d", score->impact)
                                              : g_strdup ("–");
      g_autofree char *effort = score->effort ? g_strdup_printf ("%d", score->effort)
                                              : g_strdup ("–");
      g_autofree char *role = cjm_collapse_space (score->role);

      if (i > 0)
        g_string_append (out, separator);
      /* Translators: a role's own score in the action plan: "IT 4/2" (impact/effort) */
      g_string_append_printf (out, _("%s %s/%s"), *role ? role : _("(no role)"), impact, effort);
    }
  return g_string_free (out, FALSE);
}

/* Text */

static void
print_text_entry (GString            *out,
                  CjmDocument        *document,
                  const CjmPlanEntry *entry,
                  guint               rank)
{
  g_autofree char *title = cjm_plan_entry_dup_title (entry, NULL);
  g_autofree char *stage = cjm_plan_entry_dup_stage_name (document, entry);
  g_autoptr(GPtrArray) details = g_ptr_array_new_with_free_func (g_free);

  if (rank > 0)
    g_string_append_printf (out, "  %u. %s", rank, title);
  else
    g_string_append_printf (out, "  - %s", title);
  if (entry->id != NULL && *entry->id != '\0' && strcmp (entry->id, title) != 0)
    g_string_append_printf (out, " [%s]", entry->id);
  g_string_append_c (out, '\n');

  if (*stage != '\0')
    g_ptr_array_add (details, g_strdup_printf (_("stage %s"), stage));
  g_ptr_array_add (details, g_strdup (cjm_quadrant_get_label (entry->quadrant)));
  if (entry->impact != 0)
    g_ptr_array_add (details, g_strdup_printf (_("impact %d"), entry->impact));
  if (entry->effort != 0)
    g_ptr_array_add (details, g_strdup_printf (_("effort %d"), entry->effort));
  g_ptr_array_add (details, g_strdup_printf (_("reach %u"), entry->reach));
  if (entry->owner != NULL)
    g_ptr_array_add (details, g_strdup_printf (_("owner %s"), entry->owner));
  else
    g_ptr_array_add (details, g_strdup (_("no owner")));
  g_ptr_array_add (details, g_strdup (cjm_status_get_label (entry->status)));
  if (entry->due != NULL)
    g_ptr_array_add (details, g_strdup_printf (_("due %s"), entry->due));

  g_string_append (out, "     ");
  for (guint i = 0; i < details->len; i++)
    {
      if (i > 0)
        g_string_append (out, " · ");
      g_string_append (out, g_ptr_array_index (details, i));
    }
  g_string_append_c (out, '\n');

  if (entry->scores->len > 0)
    {
      g_autofree char *scores = shown_scores (entry, ", ");

      if (entry->spread.disputed)
        /* Translators: the roles' own scores (impact/effort) of an action, far apart */
        g_string_append_printf (out, _("     scores: %s (far apart)\n"), scores);
      else
        /* Translators: the roles' own scores (impact/effort) of an action */
        g_string_append_printf (out, _("     scores: %s\n"), scores);
    }
}

static void
print_text (GString     *out,
            CjmDocument *document,
            const char  *path,
            GPtrArray   *plan,
            gboolean     first)
{
  guint rank = 0;

  if (!first)
    g_string_append_c (out, '\n');
  g_string_append_printf (out, "%s\n", path);
  if (plan->len == 0)
    g_string_append_printf (out, "%s\n", _("  No opportunities"));

  for (guint i = 0; i < plan->len; i++)
    {
      const CjmPlanEntry *entry = g_ptr_array_index (plan, i);
      const char *heading = cjm_plan_get_section_heading (plan, i, NULL);

      if (heading != NULL)
        g_string_append_printf (out, "%s\n", heading);
      print_text_entry (out, document, entry, entry->open ? ++rank : 0);
    }
}

/* Markdown */

/* Text on one line, with what Markdown would read as a table's pipe or
 * an escape escaped; "–" for none. */
static void
append_inline (GString    *out,
               const char *text)
{
  g_autofree char *line = cjm_collapse_space (text);

  if (*line == '\0')
    g_string_append (out, "–");
  for (const char *p = line; *p; p++)
    {
      if (*p == '|' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
}

static void
append_cell (GString    *out,
             const char *text)
{
  g_string_append_c (out, ' ');
  append_inline (out, text);
  g_string_append (out, " |");
}

static void
append_markdown_header (GString *out)
{
  g_string_append_printf (out, "| # | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n",
                          _("Action"), _("Stage"), _("Quadrant"), _("Impact"), _("Effort"),
                          _("Reach"), _("Owner"), _("Status"), _("Due"), _("Scores"));
  g_string_append (out, "|--:|---|---|---|--:|--:|--:|---|---|---|---|\n");
}

static void
print_markdown (GString     *out,
                CjmDocument *document,
                const char  *path,
                GPtrArray   *plan,
                gboolean     first)
{
  guint rank = 0;

  if (!first)
    g_string_append_c (out, '\n');
  g_string_append (out, "## ");
  append_inline (out, path);
  g_string_append_c (out, '\n');
  if (plan->len == 0)
    g_string_append_printf (out, "\n%s\n", _("No opportunities."));

  for (guint i = 0; i < plan->len; i++)
    {
      const CjmPlanEntry *entry = g_ptr_array_index (plan, i);
      g_autofree char *title = cjm_plan_entry_dup_title (entry, NULL);
      g_autofree char *stage = cjm_plan_entry_dup_stage_name (document, entry);
      g_autofree char *scores = shown_scores (entry, ", ");
      g_autofree char *rank_text = NULL;
      g_autofree char *impact = entry->impact ? g_strdup_printf ("%d", entry->impact) : NULL;
      g_autofree char *effort = entry->effort ? g_strdup_printf ("%d", entry->effort) : NULL;
      g_autofree char *reach = g_strdup_printf ("%u", entry->reach);
      const char *heading = cjm_plan_get_section_heading (plan, i, NULL);

      if (heading != NULL)
        {
          g_string_append_printf (out, "\n### %s\n\n", heading);
          append_markdown_header (out);
        }

      if (entry->open)
        rank_text = g_strdup_printf ("%u", ++rank);
      if (entry->spread.disputed)
        {
          /* Translators: the roles' own scores in a table cell, far apart */
          char *marked = g_strdup_printf (_("%s (far apart)"), scores);

          g_free (scores);
          scores = marked;
        }

      g_string_append (out, "|");
      append_cell (out, rank_text);
      append_cell (out, title);
      append_cell (out, stage);
      append_cell (out, cjm_quadrant_get_label (entry->quadrant));
      append_cell (out, impact);
      append_cell (out, effort);
      append_cell (out, reach);
      append_cell (out, entry->owner);
      append_cell (out, cjm_status_get_label (entry->status));
      append_cell (out, entry->due);
      append_cell (out, scores);
      g_string_append_c (out, '\n');
    }
}

/* CSV (RFC 4180: CRLF line ends, quoted when needed) */

static void
append_csv (GString    *out,
            const char *text,
            gboolean    last)
{
  if (text != NULL && text[strcspn (text, ",\"\r\n")] != '\0')
    {
      g_string_append_c (out, '"');
      for (const char *p = text; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else if (text != NULL)
    g_string_append (out, text);
  g_string_append (out, last ? "\r\n" : ",");
}

static void
print_csv_header (GString *out)
{
  static const char * const columns[] = {
    "file", "rank", "id", "title", "stage", "owner", "status", "horizon", "due", "impact",
    "effort", "quadrant", "reach", "scores",
  };

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    append_csv (out, columns[i], i + 1 == G_N_ELEMENTS (columns));
}

static void
print_csv (GString    *out,
           const char *path,
           GPtrArray  *plan)
{
  guint rank = 0;

  for (guint i = 0; i < plan->len; i++)
    {
      const CjmPlanEntry *entry = g_ptr_array_index (plan, i);
      g_autofree char *rank_text = entry->open ? g_strdup_printf ("%u", ++rank) : NULL;
      g_autofree char *impact = entry->impact ? g_strdup_printf ("%d", entry->impact) : NULL;
      g_autofree char *effort = entry->effort ? g_strdup_printf ("%d", entry->effort) : NULL;
      g_autofree char *reach = g_strdup_printf ("%u", entry->reach);
      g_autoptr(GString) scores = g_string_new (NULL);

      /* "Customer Service:5/2;IT:4/" — role:impact/effort, empty when absent */
      for (guint s = 0; s < entry->scores->len; s++)
        {
          const CjmPlanScore *score = g_ptr_array_index (entry->scores, s);

          if (s > 0)
            g_string_append_c (scores, ';');
          g_string_append (scores, score->role ? score->role : "");
          g_string_append_c (scores, ':');
          if (score->impact)
            g_string_append_printf (scores, "%d", score->impact);
          g_string_append_c (scores, '/');
          if (score->effort)
            g_string_append_printf (scores, "%d", score->effort);
        }

      append_csv (out, path, FALSE);
      append_csv (out, rank_text, FALSE);
      append_csv (out, entry->id, FALSE);
      append_csv (out, entry->title, FALSE);
      append_csv (out, entry->stage, FALSE);
      append_csv (out, entry->owner, FALSE);
      append_csv (out, cjm_status_to_string (entry->status), FALSE);
      append_csv (out, cjm_horizon_to_string (entry->horizon), FALSE);
      append_csv (out, entry->due, FALSE);
      append_csv (out, impact, FALSE);
      append_csv (out, effort, FALSE);
      append_csv (out, cjm_quadrant_to_string (entry->quadrant), FALSE);
      append_csv (out, reach, FALSE);
      append_csv (out, scores->len > 0 ? scores->str : NULL, TRUE);
    }
}

/* JSON */

static void
add_string_or_null (JsonBuilder *builder,
                    const char  *name,
                    const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_int_or_null (JsonBuilder *builder,
                 const char  *name,
                 int          value)
{
  json_builder_set_member_name (builder, name);
  if (value != 0)
    json_builder_add_int_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_json (JsonBuilder *builder,
          const char  *path,
          GPtrArray   *plan,
          const char  *error_message)
{
  if (!cjm_tool_json_begin_file (builder, path, error_message))
    return;

  json_builder_set_member_name (builder, "actions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < plan->len; i++)
    {
      const CjmPlanEntry *entry = g_ptr_array_index (plan, i);

      json_builder_begin_object (builder);
      add_string_or_null (builder, "id", entry->id);
      add_string_or_null (builder, "title", entry->title);
      add_string_or_null (builder, "stage", entry->stage);
      add_string_or_null (builder, "owner", entry->owner);
      add_string_or_null (builder, "status", cjm_status_to_string (entry->status));
      add_string_or_null (builder, "horizon", cjm_horizon_to_string (entry->horizon));
      add_string_or_null (builder, "due", entry->due);
      add_int_or_null (builder, "impact", entry->impact);
      add_int_or_null (builder, "effort", entry->effort);
      add_string_or_null (builder, "quadrant", cjm_quadrant_to_string (entry->quadrant));
      json_builder_set_member_name (builder, "reach");
      json_builder_add_int_value (builder, entry->reach);
      json_builder_set_member_name (builder, "scores");
      json_builder_begin_array (builder);
      for (guint s = 0; s < entry->scores->len; s++)
        {
          const CjmPlanScore *score = g_ptr_array_index (entry->scores, s);

          json_builder_begin_object (builder);
          add_string_or_null (builder, "role", score->role);
          add_int_or_null (builder, "impact", score->impact);
          add_int_or_null (builder, "effort", score->effort);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

/* Public API */

int
cjm_tool_plan (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *format_name = NULL;
  g_auto(GStrv) files = NULL;
  Format format = FORMAT_TEXT;
  gboolean unreadable = FALSE;
  gboolean first = TRUE;
  gboolean known = FALSE;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name,
      N_("Output format: text (default), csv, json or markdown"), N_("FORMAT") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE…") },
    { NULL }
  };

  context = cjm_tool_option_context ("plan", entries,
    _("Lists the action plan of journey maps: what to fix first."),
    _("The open opportunities come first, by horizon (now, next, "
      "later, not scheduled), quadrant (quick win, big bet, "
      "fill-in, money pit, unscored), impact, effort, reach and "
      "order in the map; the done and dropped ones follow.\n\n"
      "Exit status: 0 when every file was read, 2 when a file "
      "cannot be read or the command line is wrong."));

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return cjm_tool_usage_error (error->message);
  for (guint i = 0; format_name != NULL && i < G_N_ELEMENTS (format_names); i++)
    if (strcmp (format_name, format_names[i]) == 0)
      {
        format = i;
        known = TRUE;
      }
  if (format_name != NULL && !known)
    {
      g_autofree char *message = g_strdup_printf (_("unknown format “%s” (use text, csv, json or "
                                                    "markdown)"), format_name);

      return cjm_tool_usage_error (message);
    }
  if (files == NULL || files[0] == NULL)
    return cjm_tool_usage_error (_("no file given"));

  if (format == FORMAT_JSON)
    {
      builder = json_builder_new ();
      json_builder_begin_array (builder);
    }
  else if (format == FORMAT_CSV)
    print_csv_header (out);

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(GError) load_error = NULL;
      g_autoptr(CjmDocument) document = cjm_tool_load_document (files[i], &load_error);
      g_autoptr(GPtrArray) plan = NULL;

      if (document == NULL)
        {
          fprintf (stderr, "%s\n", load_error->message);
          unreadable = TRUE;
          if (format == FORMAT_JSON)
            add_json (builder, files[i], NULL, load_error->message);
          continue;
        }

      plan = cjm_plan_new (document);
      switch (format)
        {
        case FORMAT_JSON:
          add_json (builder, files[i], plan, NULL);
          break;
        case FORMAT_CSV:
          print_csv (out, files[i], plan);
          break;
        case FORMAT_MARKDOWN:
          print_markdown (out, document, files[i], plan, first);
          break;
        case FORMAT_TEXT:
        default:
          print_text (out, document, files[i], plan, first);
          break;
        }
      first = FALSE;
    }

  if (format == FORMAT_JSON)
    {
      g_autofree char *text = NULL;

      json_builder_end_array (builder);
      text = cjm_tool_json_text (builder);
      g_string_append (out, text);
    }

  fwrite (out->str, 1, out->len, stdout);
  fflush (stdout);

  return unreadable ? 2 : 0;
}
