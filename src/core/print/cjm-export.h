/* cjm-export.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Boardroom printing and export. A CjmPagePlan turns a map into sheets of
 * paper: the whole map fitted to one page, fitted to the page width over
 * as many pages as it needs, or tiled at a chosen size over COLS × ROWS
 * sheets that overlap so they can be trimmed and glued together. Every map
 * sheet repeats the stage header row and the lane header column, carries
 * the title, date, personas, legend and page number, and, when tiled, crop
 * marks and assembly labels ("continues on B2"). An optional cover page
 * shows the personas and a findings summary; an optional appendix lists
 * the findings.
 *
 * The same plan drives the PDF export and GtkPrintOperation: draw page N
 * with cjm_page_plan_draw_page() on a cairo_t whose unit is the point
 * (1/72 inch) and whose origin is the sheet's top-left corner.
 *
 * SVG and PNG export draw the whole map as one picture, with a title band
 * and the legend.
 */

#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "cjm-document.h"
#include "cjm-layout.h"

G_BEGIN_DECLS

#define CJM_EXPORT_ERROR (cjm_export_error_quark ())

typedef enum {
  CJM_EXPORT_ERROR_FAILED,        /* cairo or the file system failed */
  CJM_EXPORT_ERROR_FORMAT,        /* unknown output format */
} CjmExportError;

typedef enum {
  CJM_PAPER_A4,
  CJM_PAPER_A3,
  CJM_PAPER_A2,
  CJM_PAPER_LETTER,
  CJM_PAPER_TABLOID,
  CJM_N_PAPERS
} CjmPaper;

typedef enum {
  CJM_FIT_PAGE,                   /* the whole map on one page */
  CJM_FIT_WIDTH,                  /* fit the width, as many pages down as needed */
  CJM_FIT_NONE,                   /* actual size, or the size that fills tiles */
} CjmFit;

typedef enum {
  CJM_PAGE_COVER,
  CJM_PAGE_MAP,
  CJM_PAGE_APPENDIX,
} CjmPageKind;

typedef struct {
  CjmPaper paper;
  gboolean landscape;
  CjmFit   fit;
  /* With CJM_FIT_NONE: the sheets across and down; the map is scaled to
   * fill them (and sheets that would stay empty because the map's shape
   * differs from the grid's are left out). 0 × 0 means actual size (1 map
   * unit = 1/96 inch) over as many sheets as needed. */
  guint    tile_columns;
  guint    tile_rows;
  double   overlap_mm;            /* shared strip between tiled sheets */
  gboolean cover;                 /* a cover page first */
  gboolean appendix;              /* a findings appendix last */
  gboolean findings;              /* finding badges on the cards */
} CjmPageSetup;

typedef enum {
  CJM_EXPORT_PDF,
  CJM_EXPORT_SVG,
  CJM_EXPORT_PNG,
} CjmExportFormat;

GQuark        cjm_export_error_quark          (void);

/* The application's defaults: A4, landscape, fit to page, 10 mm overlap,
 * no cover, no appendix, badges on. */
void          cjm_page_setup_init             (CjmPageSetup       *setup);
/* The defaults, overridden by the map's print element (the CJM_FIELD_PAPER,
 * _ORIENTATION, _FIT, _TILES, _OVERLAP, _COVER, _APPENDIX and _FINDINGS
 * fields of the map item); values that do not parse are ignored. */
void          cjm_page_setup_from_document    (CjmPageSetup       *setup,
                                               CjmDocument        *document);
/* Stores the setup in the map's print fields as undoable set_field
 * commands, grouped as one undo step ("Page Setup"). */
void          cjm_page_setup_to_document      (const CjmPageSetup *setup,
                                               CjmDocument        *document);

const char   *cjm_paper_to_string             (CjmPaper            paper);
gboolean      cjm_paper_from_string           (const char         *text,
                                               CjmPaper           *paper);
/* Portrait size in millimetres. */
void          cjm_paper_get_size_mm           (CjmPaper            paper,
                                               double             *width,
                                               double             *height);
const char   *cjm_fit_to_string               (CjmFit              fit);
gboolean      cjm_fit_from_string             (const char         *text,
                                               CjmFit             *fit);
/* "3x2" -> 3, 2 (1..50 each). */
gboolean      cjm_tiles_from_string           (const char         *text,
                                               guint              *columns,
                                               guint              *rows);

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

/* Writes every page to a PDF file. The file appears only when complete. */
gboolean      cjm_page_plan_write_pdf         (CjmPagePlan        *self,
                                               const char         *filename,
                                               GError            **error);

/* The whole map as one picture (title band, map, legend): SVG (vector) or
 * PNG (scale 1.0 = 96 dpi). findings may be NULL; show_findings draws the
 * badges. The file appears only when complete. */
gboolean      cjm_export_image                (CjmDocument        *document,
                                               CjmExportFormat     format,
                                               const char         *filename,
                                               double              scale,
                                               GPtrArray          *findings,
                                               gboolean            show_findings,
                                               GError            **error);
/* The format of an output file name ("map.pdf"), from its extension. */
gboolean      cjm_export_format_from_filename (const char         *filename,
                                               CjmExportFormat    *format);

G_END_DECLS
