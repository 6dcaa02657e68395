/* cjm-tool-export.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cjm export FILE -o OUT.{pdf,svg,png} [--paper=…] [--orientation=…]
 *   [--fit=…] [--tiles=COLSxROWS] [--overlap=MM] [--scale=N] [--no-findings]
 *   [--cover|--no-cover] [--plan|--no-plan] [--appendix|--no-appendix]
 *
 * Page setup comes from the map's print element, then the options.
 * Exit status: 0 written, 1 the output could not be written, 2 the map
 * could not be read or bad usage.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "cjm-checker.h"
#include "cjm-export.h"
#include "cjm-tool.h"

/* --NAME and --no-NAME: the setting stays as the map has it when neither
 * is given. Returns FALSE (after saying so) when both are. */
static gboolean
apply_switch (const char *name,
              gboolean    on,
              gboolean    off,
              gboolean   *setting)
{
  if (on && off)
    {
      g_autofree char *message = g_strdup_printf (_("--%s and --no-%s contradict each other"),
                                                  name, name);

      cjm_tool_usage_error (message);
      return FALSE;
    }
  if (on || off)
    *setting = on;
  return TRUE;
}

int
cjm_tool_export (int    argc,
                 char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *paper = NULL;
  g_autofree char *orientation = NULL;
  g_autofree char *fit = NULL;
  g_autofree char *tiles = NULL;
  double overlap = -1;
  double scale = 1;
  gboolean no_findings = FALSE;
  gboolean cover = FALSE, no_cover = FALSE, appendix = FALSE, no_appendix = FALSE;
  gboolean plan = FALSE, no_plan = FALSE;
  g_auto(GStrv) files = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE (.pdf, .svg or .png)"), N_("FILE") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper, N_("Paper size: a4, a3, a2, letter or tabloid"), N_("SIZE") },
    { "orientation", 0, 0, G_OPTION_ARG_STRING, &orientation, N_("landscape or portrait"), N_("ORIENTATION") },
    { "fit", 0, 0, G_OPTION_ARG_STRING, &fit,
      N_("page (one page), width (fit the width) or none (actual size, tiled)"), N_("FIT") },
    { "tiles", 0, 0, G_OPTION_ARG_STRING, &tiles, N_("Tile over COLS × ROWS sheets (implies --fit=none)"),
      N_("COLSxROWS") },
    { "overlap", 0, 0, G_OPTION_ARG_DOUBLE, &overlap, N_("Overlap between tiled sheets, in millimetres"), N_("MM") },
    { "scale", 0, 0, G_OPTION_ARG_DOUBLE, &scale, N_("PNG scale (1 = 96 dots per inch)"), N_("N") },
    { "no-findings", 0, 0, G_OPTION_ARG_NONE, &no_findings, N_("Do not draw finding badges"), NULL },
    { "cover", 0, 0, G_OPTION_ARG_NONE, &cover, N_("Start with a cover page (PDF)"), NULL },
    { "no-cover", 0, 0, G_OPTION_ARG_NONE, &no_cover, N_("No cover page"), NULL },
    { "plan", 0, 0, G_OPTION_ARG_NONE, &plan,
      N_("Follow the map with its action plan (PDF; the default when it has opportunities)"),
      NULL },
    { "no-plan", 0, 0, G_OPTION_ARG_NONE, &no_plan, N_("No action plan page"), NULL },
    { "appendix", 0, 0, G_OPTION_ARG_NONE, &appendix, N_("End with a findings appendix (PDF)"), NULL },
    { "no-appendix", 0, 0, G_OPTION_ARG_NONE, &no_appendix, N_("No findings appendix"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CjmDocument) document = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *display = NULL;
  CjmExportFormat format;
  CjmPageSetup setup;

  context = cjm_tool_option_context ("export", entries,
    _("Exports a journey map to PDF, SVG or PNG. Page setup comes from the map’s\n"
      "print settings; the options override it. PDF follows the page setup; SVG\n"
      "and PNG show the whole map as one picture. Every word drawn on the map is\n"
      "in the map’s own language."),
    _("Exit status: 0 written; 1 the output could not be written; 2 the map "
      "cannot be read or the command line is wrong."));

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return cjm_tool_usage_error (error->message);
  if (files == NULL || files[0] == NULL)
    return cjm_tool_usage_error (_("no map to export"));
  if (files[1] != NULL)
    return cjm_tool_usage_error (_("one map at a time"));
  if (output == NULL)
    return cjm_tool_usage_error (_("say where to write with -o OUT.pdf, OUT.svg or OUT.png"));
  if (!cjm_export_format_from_filename (output, &format))
    return cjm_tool_usage_error (_("the output must end in .pdf, .svg or .png"));

  document = cjm_tool_load_document (files[0], &error);
  if (document == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 2;
    }

  cjm_page_setup_from_document (&setup, document);
  if (paper != NULL && !cjm_paper_from_string (paper, &setup.paper))
    {
      g_autofree char *msg = g_strdup_printf (_("unknown paper “%s”: use a4, a3, a2, letter or tabloid"), paper);

      return cjm_tool_usage_error (msg);
    }
  if (orientation != NULL)
    {
      if (g_ascii_strcasecmp (orientation, "landscape") == 0)
        setup.landscape = TRUE;
      else if (g_ascii_strcasecmp (orientation, "portrait") == 0)
        setup.landscape = FALSE;
      else
        {
          g_autofree char *msg = g_strdup_printf (_("unknown orientation “%s”: use landscape or portrait"),
                                                  orientation);

          return cjm_tool_usage_error (msg);
        }
    }
  if (tiles != NULL)
    {
      if (!cjm_tiles_from_string (tiles, &setup.tile_columns, &setup.tile_rows))
        {
          g_autofree char *msg = g_strdup_printf (_("bad tiles “%s”: use COLSxROWS, e.g. 3x2"), tiles);

          return cjm_tool_usage_error (msg);
        }
      setup.fit = CJM_FIT_NONE;
    }
  if (fit != NULL)
    {
      if (!cjm_fit_from_string (fit, &setup.fit))
        {
          g_autofree char *msg = g_strdup_printf (_("unknown fit “%s”: use page, width or none"), fit);

          return cjm_tool_usage_error (msg);
        }
      if (tiles != NULL && setup.fit != CJM_FIT_NONE)
          return cjm_tool_usage_error (_("--tiles needs --fit=none"));
      if (setup.fit == CJM_FIT_NONE && tiles == NULL)
        setup.tile_columns = setup.tile_rows = 0;
    }
  if (overlap >= 0)
    {
      if (overlap > 100)
        return cjm_tool_usage_error (_("the overlap is at most 100 mm"));
      setup.overlap_mm = overlap;
    }
  else if (overlap != -1)
    return cjm_tool_usage_error (_("the overlap cannot be negative"));
  if (!(scale > 0.05 && scale <= 16))
    return cjm_tool_usage_error (_("the scale must be between 0.05 and 16"));
  if (!apply_switch ("cover", cover, no_cover, &setup.cover)
      || !apply_switch ("plan", plan, no_plan, &setup.plan)
      || !apply_switch ("appendix", appendix, no_appendix, &setup.appendix))
    return 2;
  if (no_findings)
    setup.findings = FALSE;

  findings = cjm_check_document (document);

  if (format == CJM_EXPORT_PDF)
    {
      g_autoptr(CjmPagePlan) pages = cjm_page_plan_new (document, &setup, findings, NULL);

      if (!cjm_page_plan_write_pdf (pages, output, &error))
        {
          fprintf (stderr, "cjm export: %s\n", error->message);
          return 1;
        }
    }
  else if (!cjm_export_image (document, format, output, scale, findings, setup.findings, &error))
    {
      fprintf (stderr, "cjm export: %s\n", error->message);
      return 1;
    }

  return 0;
}
