/* cjm-page-setup.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How a map goes on paper: paper size, orientation, fit (one page, the
 * page width, or actual size / tiles over several sheets), the overlap
 * between tiles, cover, action plan, appendix and finding badges. Kept in
 * the map's print element (FORMAT.md; `plan` is an extension of ours,
 * docs/io.md), so that a map prints the same from the application and
 * from `cjm export`.
 */

#pragma once

#include "cjm-document.h"

G_BEGIN_DECLS

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
  gboolean plan;                  /* the action plan after the map (when the
                                   * map has opportunities) */
  gboolean appendix;              /* a findings appendix last */
  gboolean findings;              /* finding badges on the cards */
} CjmPageSetup;

/* The application's defaults: A4, landscape, fit to page, 10 mm overlap,
 * no cover, the action plan (a map without opportunities has none to
 * print), no appendix, badges on. */
void          cjm_page_setup_init             (CjmPageSetup       *setup);
/* The defaults, overridden by the map's print element (the CJM_FIELD_PAPER,
 * _ORIENTATION, _FIT, _TILES, _OVERLAP, _COVER, _APPENDIX, _FINDINGS and
 * _PLAN fields of the map item); values that do not parse are ignored. */
void          cjm_page_setup_from_document    (CjmPageSetup       *setup,
                                               CjmDocument        *document);
/* Overrides setup with what the map's print element says, and keeps the
 * rest: the application starts from the user's own defaults. */
void          cjm_page_setup_apply_document   (CjmPageSetup       *setup,
                                               CjmDocument        *document);
/* Stores the setup in the map's print fields as undoable set_field
 * commands, grouped as one undo step ("Page Setup"). `plan` is written
 * only when it is not the default (plan="false"), or kept as the file
 * has it, so that a map saved before it existed saves the same. */
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

G_END_DECLS
