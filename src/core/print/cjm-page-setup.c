/* cjm-page-setup.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-print"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cjm-page-setup.h"

static const char * const paper_names[CJM_N_PAPERS] = { "a4", "a3", "a2", "letter", "tabloid" };
static const double paper_mm[CJM_N_PAPERS][2] = {
  { 210, 297 }, { 297, 420 }, { 420, 594 }, { 215.9, 279.4 }, { 279.4, 431.8 },
};
static const char * const fit_names[] = { "page", "width", "none" };


/* Page setup */

void
cjm_page_setup_init (CjmPageSetup *setup)
{
  g_return_if_fail (setup != NULL);

  memset (setup, 0, sizeof *setup);
  setup->paper = CJM_PAPER_A4;
  setup->landscape = TRUE;
  setup->fit = CJM_FIT_PAGE;
  setup->overlap_mm = 10;
  setup->plan = TRUE;
  setup->findings = TRUE;
}

const char *
cjm_paper_to_string (CjmPaper paper)
{
  g_return_val_if_fail (paper < CJM_N_PAPERS, NULL);
  return paper_names[paper];
}

gboolean
cjm_paper_from_string (const char *text,
                       CjmPaper   *paper)
{
  for (guint i = 0; text != NULL && i < CJM_N_PAPERS; i++)
    if (g_ascii_strcasecmp (text, paper_names[i]) == 0)
      {
        if (paper)
          *paper = i;
        return TRUE;
      }
  return FALSE;
}

void
cjm_paper_get_size_mm (CjmPaper  paper,
                       double   *width,
                       double   *height)
{
  g_return_if_fail (paper < CJM_N_PAPERS);
  if (width)
    *width = paper_mm[paper][0];
  if (height)
    *height = paper_mm[paper][1];
}

const char *
cjm_fit_to_string (CjmFit fit)
{
  g_return_val_if_fail (fit <= CJM_FIT_NONE, NULL);
  return fit_names[fit];
}

gboolean
cjm_fit_from_string (const char *text,
                     CjmFit     *fit)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (fit_names); i++)
    if (g_ascii_strcasecmp (text, fit_names[i]) == 0)
      {
        if (fit)
          *fit = i;
        return TRUE;
      }
  return FALSE;
}

gboolean
cjm_tiles_from_string (const char *text,
                       guint      *columns,
                       guint      *rows)
{
  guint64 c, r;
  char *end = NULL;

  if (text == NULL || !g_ascii_isdigit (*text))
    return FALSE;
  c = g_ascii_strtoull (text, &end, 10);
  if (end == NULL || (*end != 'x' && *end != 'X') || !g_ascii_isdigit (end[1]))
    return FALSE;
  r = g_ascii_strtoull (end + 1, &end, 10);
  if (end == NULL || *end != '\0' || c < 1 || c > 50 || r < 1 || r > 50)
    return FALSE;
  if (columns)
    *columns = c;
  if (rows)
    *rows = r;
  return TRUE;
}

static gboolean
parse_bool (const char *text,
            gboolean   *value)
{
  if (g_strcmp0 (text, "true") == 0 || g_strcmp0 (text, "1") == 0)
    *value = TRUE;
  else if (g_strcmp0 (text, "false") == 0 || g_strcmp0 (text, "0") == 0)
    *value = FALSE;
  else
    return FALSE;
  return TRUE;
}

void
cjm_page_setup_from_document (CjmPageSetup *setup,
                              CjmDocument  *document)
{
  g_return_if_fail (setup != NULL);
  g_return_if_fail (CJM_IS_DOCUMENT (document));

  cjm_page_setup_init (setup);
  cjm_page_setup_apply_document (setup, document);
}

void
cjm_page_setup_apply_document (CjmPageSetup *setup,
                               CjmDocument  *document)
{
  CjmItem *map;
  const char *v;
  char *end = NULL;
  double overlap;

  g_return_if_fail (setup != NULL);
  g_return_if_fail (CJM_IS_DOCUMENT (document));

  map = cjm_document_get_map (document);

  cjm_paper_from_string (cjm_item_get_field (map, CJM_FIELD_PAPER), &setup->paper);
  v = cjm_item_get_field (map, CJM_FIELD_ORIENTATION);
  if (g_strcmp0 (v, "portrait") == 0)
    setup->landscape = FALSE;
  else if (g_strcmp0 (v, "landscape") == 0)
    setup->landscape = TRUE;
  cjm_fit_from_string (cjm_item_get_field (map, CJM_FIELD_FIT), &setup->fit);
  cjm_tiles_from_string (cjm_item_get_field (map, CJM_FIELD_TILES), &setup->tile_columns, &setup->tile_rows);
  v = cjm_item_get_field (map, CJM_FIELD_OVERLAP);
  if (v != NULL)
    {
      overlap = g_ascii_strtod (v, &end);
      if (end != v && *end == '\0' && overlap >= 0 && overlap <= 100)
        setup->overlap_mm = overlap;
    }
  parse_bool (cjm_item_get_field (map, CJM_FIELD_COVER), &setup->cover);
  parse_bool (cjm_item_get_field (map, CJM_FIELD_APPENDIX), &setup->appendix);
  parse_bool (cjm_item_get_field (map, CJM_FIELD_FINDINGS), &setup->findings);
  parse_bool (cjm_item_get_field (map, CJM_FIELD_PLAN), &setup->plan);
}

void
cjm_page_setup_to_document (const CjmPageSetup *setup,
                            CjmDocument        *document)
{
  CjmItem *map;
  char overlap[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *tiles = NULL;
  const char *plan;
  gboolean stored_plan;

  g_return_if_fail (setup != NULL);
  g_return_if_fail (CJM_IS_DOCUMENT (document));

  map = cjm_document_get_map (document);
  /* plan: as the file has it when that says the same, else only "false" */
  plan = cjm_item_get_field (map, CJM_FIELD_PLAN);
  if (!parse_bool (plan, &stored_plan) || stored_plan != !!setup->plan)
    plan = setup->plan ? NULL : "false";
  if (setup->tile_columns > 0 && setup->tile_rows > 0)
    tiles = g_strdup_printf ("%ux%u", setup->tile_columns, setup->tile_rows);
  g_ascii_formatd (overlap, sizeof overlap, "%g", setup->overlap_mm);

  cjm_document_begin_group (document, _("Page Setup"));
  cjm_document_set_field (document, map, CJM_FIELD_PAPER, cjm_paper_to_string (setup->paper));
  cjm_document_set_field (document, map, CJM_FIELD_ORIENTATION, setup->landscape ? "landscape" : "portrait");
  cjm_document_set_field (document, map, CJM_FIELD_FIT, cjm_fit_to_string (setup->fit));
  cjm_document_set_field (document, map, CJM_FIELD_TILES, setup->fit == CJM_FIT_NONE ? tiles : NULL);
  cjm_document_set_field (document, map, CJM_FIELD_OVERLAP, overlap);
  cjm_document_set_field (document, map, CJM_FIELD_COVER, setup->cover ? "true" : "false");
  cjm_document_set_field (document, map, CJM_FIELD_APPENDIX, setup->appendix ? "true" : "false");
  cjm_document_set_field (document, map, CJM_FIELD_FINDINGS, setup->findings ? "true" : "false");
  cjm_document_set_field (document, map, CJM_FIELD_PLAN, plan);
  cjm_document_end_group (document);
}
