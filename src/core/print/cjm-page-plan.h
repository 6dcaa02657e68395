/* cjm-page-plan.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Boardroom printing. A CjmPagePlan turns a map into sheets of paper: the
 * whole map fitted to one page, fitted to the page width over as many
 * pages as it needs, or tiled at a chosen size over COLS × ROWS sheets
 * that overlap so they can be trimmed and glued together. Every map sheet
 * repeats the stage header row and the lane header column, carries the
 * title, date, personas, legend and page number, and, when tiled, crop
 * marks and assembly labels ("continues on B2"). An optional cover page
 * shows the personas and a findings summary; the action plan follows the
 * map (when the map has opportunities and the setup asks for it); an
 * optional appendix lists the findings. Every word on the pages is in the
 * map's language (cjm-labels.h).
 *
 * The same plan drives the PDF export (cjm-export.h) and
 * GtkPrintOperation: draw page N with cjm_page_plan_draw_page() on a
 * cairo_t whose unit is the point (1/72 inch) and whose origin is the
 * sheet's top-left corner. The plan is made in cjm-page-plan.c, its pages
 * are drawn in cjm-page-draw.c.
 */

#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "cjm-layout.h"
#include "cjm-page-setup.h"

G_BEGIN_DECLS

typedef enum {
  CJM_PAGE_COVER,
  CJM_PAGE_MAP,
  CJM_PAGE_ACTION_PLAN,
  CJM_PAGE_APPENDIX,
} CjmPageKind;

#define CJM_TYPE_PAGE_PLAN (cjm_page_plan_get_type ())
G_DECLARE_FINAL_TYPE (CjmPagePlan, cjm_page_plan, CJM, PAGE_PLAN, GObject)

/* findings: a GPtrArray of CjmFinding (e.g. cjm_check_document()) for the
 * badges, the cover's summary and the appendix; may be NULL. The plan
 * keeps a reference to it. pango_context: as in CjmLayoutOptions (NULL:
 * a default pango-cairo context). The document is read now: build a new
 * plan after an edit. */
CjmPagePlan  *cjm_page_plan_new               (CjmDocument        *document,
                                               const CjmPageSetup *setup,
                                               GPtrArray          *findings,
                                               PangoContext       *pango_context);
const CjmPageSetup *cjm_page_plan_get_setup   (CjmPagePlan        *self);
CjmLayout    *cjm_page_plan_get_layout        (CjmPagePlan        *self);
guint         cjm_page_plan_get_n_pages       (CjmPagePlan        *self);
/* Sheet size in points, orientation applied. */
void          cjm_page_plan_get_page_size     (CjmPagePlan        *self,
                                               double             *width,
                                               double             *height);
CjmPageKind   cjm_page_plan_get_page_kind     (CjmPagePlan        *self,
                                               guint               page);
/* Map sheets across and down, and the map's scale (points per map unit;
 * 0.75 is actual size). */
void          cjm_page_plan_get_tiles         (CjmPagePlan        *self,
                                               guint              *columns,
                                               guint              *rows);
double        cjm_page_plan_get_scale         (CjmPagePlan        *self);
/* The sheet's name for assembly ("B2": column letter, row number) of a
 * map page; NULL for other pages. Newly allocated. */
char         *cjm_page_plan_dup_sheet_name    (CjmPagePlan        *self,
                                               guint               page);
/* Draws page `page` (0-based) on cr: points, origin at the sheet's top
 * left corner. The page is white; nothing is drawn outside the sheet. */
void          cjm_page_plan_draw_page         (CjmPagePlan        *self,
                                               cairo_t            *cr,
                                               guint               page);

G_END_DECLS
