/* cjm-tool-export.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cjm export FILE -o OUT.{pdf,svg,png} [--paper=…] [--orientation=…]
 *   [--fit=…] [--tiles=COLSxROWS] [--overlap=MM] [--scale=N] [--no-findings]
 *   [--cover|--no-cover] [--appendix|--no-appendix]
 *
 * Page setup comes from the map's print element, then the options.
 * Exit status: 0 written, 1 the map could not be read or the output not
 * written, 2 bad usage.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "cjm-checker.h"
#include "cjm-export.h"
#include "cjm-tool.h"

static void
usage_error (GOptionContext *context,
             const char     *message)
{
  g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

  fprintf (stderr, "cjm export: %s\n\n%s", message, help);
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

  context = g_option_context_new (_("FILE — export a journey map to PDF, SVG or PNG"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Page setup comes from the map’s print settings; the options override it.\n"
                                  "PDF follows the page setup; SVG and PNG show the whole map as one picture."));

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      usage_error (context, error->message);
      return 2;
    }
  if (files == NULL || files[0] == NULL)
    {
      usage_error (context, _("no map to export"));
      return 2;
    }
  if (files[1] != NULL)
    {
      usage_error (context, _("one map at a time"));
      return 2;
    }
  if (output == NULL)
    {
      usage_error (context, _("say where to write with -o OUT.pdf, OUT.svg or OUT.png"));
      return 2;
    }
  if (!cjm_export_format_from_filename (output, &format))
    {
      usage_error (context, _("the output must end in .pdf, .svg or .png"));
      return 2;
    }

  document = cjm_tool_load_document (files[0], &error);
  if (document == NULL)
    {
      fprintf (stderr, "cjm export: %s\n", error->message);
      return 1;
    }

  cjm_page_setup_from_document (&setup, document);
  if (paper != NULL && !cjm_paper_from_string (paper, &setup.paper))
    {
      g_autofree char *msg = g_strdup_printf (_("unknown paper “%s”: use a4, a3, a2, letter or tabloid"), paper);
      usage_error (context, msg);
      return 2;
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
          usage_error (context, msg);
          return 2;
        }
    }
  if (tiles != NULL)
    {
      if (!cjm_tiles_from_string (tiles, &setup.tile_columns, &setup.tile_rows))
        {
          g_autofree char *msg = g_strdup_printf (_("bad tiles “%s”: use COLSxROWS, e.g. 3x2"), tiles);
          usage_error (context, msg);
          return 2;
        }
      setup.fit = CJM_FIT_NONE;
    }
  if (fit != NULL)
    {
      if (!cjm_fit_from_string (fit, &setup.fit))
        {
          g_autofree char *msg = g_strdup_printf (_("unknown fit “%s”: use page, width or none"), fit);
          usage_error (context, msg);
          return 2;
        }
      if (tiles != NULL && setup.fit != CJM_FIT_NONE)
        {
          usage_error (context, _("--tiles needs --fit=none"));
          return 2;
        }
      if (setup.fit == CJM_FIT_NONE && tiles == NULL)
        setup.tile_columns = setup.tile_rows = 0;
    }
  if (overlap >= 0)
    {
      if (overlap > 100)
        {
          usage_error (context, _("the overlap is at most 100 mm"));
          return 2;
        }
      setup.overlap_mm = overlap;
    }
  else if (overlap != -1)
    {
      usage_error (context, _("the overlap cannot be negative"));
      return 2;
    }
  if (!(scale > 0.05 && scale <= 16))
    {
      usage_error (context, _("the scale must be between 0.05 and 16"));
      return 2;
    }
  if (cover && no_cover)
    {
      usage_error (context, _("--cover and --no-cover contradict each other"));
      return 2;
    }
  if (appendix && no_appendix)
    {
      usage_error (context, _("--appendix and --no-appendix contradict each other"));
      return 2;
    }
  if (cover || no_cover)
    setup.cover = cover;
  if (appendix || no_appendix)
    setup.appendix = appendix;
  if (no_findings)
    setup.findings = FALSE;

  findings = cjm_check_document (document);

  if (format == CJM_EXPORT_PDF)
    {
      g_autoptr(CjmPagePlan) plan = cjm_page_plan_new (document, &setup, findings, NULL);

      if (!cjm_page_plan_write_pdf (plan, output, &error))
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
