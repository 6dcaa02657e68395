/* cjm-page-plan-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by cjm-page-plan.c (the plan), cjm-page-draw.c (drawing its
 * pages) and cjm-export.c: the plan's fields and the measures of a page.
 *
 * Page units are 1/96 inch, the unit of the map at actual size (see
 * cjm-page-draw.c for how a sheet is laid out).
 */

#pragma once

#include "cjm-finding.h"
#include "cjm-layout-private.h"
#include "cjm-page-plan.h"
#include "cjm-render-private.h"

G_BEGIN_DECLS

#define PT_PER_UNIT      0.75            /* 72 pt / 96 units per inch */
#define MM               (96.0 / 25.4)   /* page units per millimetre */
#define MARGIN           (10 * MM)
#define HEADER_H         34.0
#define FOOTER_GAP       8.0
#define PAGE_NUMBER_W    150.0
#define MAX_SCALE        1.5             /* map units to page units, at most */
#define APPENDIX_ROW_GAP 10.0
#define LEGEND_SCALE     0.85            /* the legend, a little smaller than the map's text */

struct _CjmPagePlan
{
  GObject       parent_instance;

  CjmDocument  *document;
  CjmLayout    *layout;
  CjmLabels    *labels;          /* the map's language: every word on the pages */
  GPtrArray    *findings;        /* visible findings, sorted as given */
  GHashTable   *messages;        /* CjmFinding → its message in the map's language */
  CjmPageSetup  setup;

  double        page_w;          /* page units */
  double        page_h;
  CjmRect       content;         /* between header strip and footer */
  double        legend_h;
  double        k;               /* map units -> page units */
  double        overlap;         /* page units */
  guint         columns;
  guint         rows;
  gboolean      tiled;           /* crop marks and assembly labels */

  /* map geometry (map units) */
  double        lane_w;
  double        header_h;
  double        body_w;
  double        body_h;

  guint         n_cover;
  GPtrArray    *actions;         /* CjmPlanEntry in plan order (the plan pages) */
  GArray       *action_rows;     /* CjmActionRow */
  GArray       *action_breaks;   /* guint: first row of each plan page */
  guint         n_actions;       /* pages of the action plan */
  guint         n_appendix;
  GArray       *appendix_breaks; /* guint: first finding of each appendix page */
  char         *date;
};

static const CjmColor c_page_text = HEX (0x241f31);
static const CjmColor c_page_dim  = HEX (0x5e5c64);
static const CjmColor c_page_rule = HEX (0xc0bfbc);
static const CjmColor c_page_accent = HEX (0x3584e4);

/* A row of the action plan's pages: an action, or the heading of a
 * section (a horizon; the done and dropped ones). */
typedef struct {
  int          entry;            /* in actions; -1 for a heading */
  guint        rank;             /* 1… for open actions, 0 for the others */
  const char  *heading;
  double       height;
} CjmActionRow;

/* "A1" for the top left sheet: column letters, row number. */
char   *cjm_page_sheet_name                  (guint        column,
                                              guint        row);
/* The names of a finding's targets, "Sign up · Pay", for the pages. */
char   *cjm_page_plan_dup_target_names       (CjmPagePlan *self,
                                              CjmFinding  *finding);
/* What the finding says, in the map's language. */
const char *cjm_page_plan_get_message        (CjmPagePlan *self,
                                              CjmFinding  *finding);
/* The header strip of a page (title, date, personas, extra) and its
 * footer (the legend when asked, the page number). */
void    cjm_page_draw_header_strip           (CjmPagePlan *self,
                                              cairo_t     *cr,
                                              const char  *extra);
void    cjm_page_draw_footer                 (CjmPagePlan *self,
                                              cairo_t     *cr,
                                              guint        page,
                                              gboolean     legend);
/* cjm-page-actions.c: the action plan's pages, planned and drawn. */
void    cjm_page_plan_actions                (CjmPagePlan *self);
void    cjm_page_draw_actions                (CjmPagePlan *self,
                                              cairo_t     *cr,
                                              guint        page);
/* Height of one appendix row in page units. */
double  cjm_page_plan_get_appendix_row_height (CjmPagePlan *self,
                                               CjmFinding  *finding,
                                               double       width);

G_END_DECLS
