/* cjm-layout.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The geometry of a journey map, computed from a CjmDocument: the stage
 * header row along the top, the lane header column along the start edge
 * (left, or right in a right-to-left map), one cell where each stage meets
 * each lane, the cards (touchpoints, notes, opportunities) laid out inside
 * their cell (wrapping into columns-then-rows, each lane row growing to fit
 * its tallest cell), the emotion curves, the link paths, finding badges and
 * an "Unplaced" area for cards whose stage or lane is missing.
 *
 * A layout is pure geometry: no drawing (see cjm-render.h). It is a
 * snapshot: it does not follow the document. After an edit, call
 * cjm_layout_update() (fast: text measurements are cached inside the
 * layout) or build a new one. Every pointer returned by the getters below
 * belongs to the layout and stays valid until the next cjm_layout_update()
 * or until the layout is finalized.
 *
 * Coordinates are map units (1 unit = 1 px at 100 % zoom = 1/96 inch);
 * the map's top-left corner is (0, 0) in both directions of writing: in a
 * right-to-left map the first stage is the right-most column and the lane
 * header column sits at the right edge, but x still grows to the right.
 *
 * Text is measured with the PangoContext from the options, so that the
 * screen, print and export measure alike. Use a context of a pango-cairo
 * font map (pango_font_map_create_context (pango_cairo_font_map_get_default
 * ())) with no transformation; its resolution is forced to 96 dpi.
 */

#pragma once

#include <pango/pango.h>

#include "cjm-document.h"
#include "cjm-labels.h"
#include "cjm-style.h"

G_BEGIN_DECLS

/* An axis-aligned rectangle in map units. Empty when width or height <= 0. */
typedef struct {
  double x;
  double y;
  double width;
  double height;
} CjmRect;

typedef struct {
  double x;
  double y;
} CjmPoint;

typedef struct {
  /* Measures text. NULL: the layout makes its own pango-cairo context
   * (fine for tests and the command line). The layout takes a reference. */
  PangoContext *pango_context;
  /* Width of a card in map units; 0 means the default (208). Clamped to
   * 120..480. */
  double        card_width;
  /* -1: from the document (cjm_document_is_rtl()), 0: left to right,
   * 1: right to left. */
  int           rtl;
  /* Reserve room for and record finding badges on cards. */
  gboolean      show_findings;
  /* The findings to badge cards with (a GPtrArray of CjmFinding, e.g.
   * from cjm_check_document() or cjm_checker_get_all()); suppressed
   * findings are ignored. Read when the options are set and kept as a
   * count per id (not the array) until cjm_layout_set_findings(). May be
   * NULL. Only used when show_findings is set. */
  GPtrArray    *findings;
  /* Reserve a band under the map for the legend (cjm_layout_get_legend_rect).
   * Exports and prints set it; the canvas usually does not. */
  gboolean      show_legend;
} CjmLayoutOptions;

/* One stage: a column. */
typedef struct {
  CjmItem *item;            /* the stage */
  guint    index;           /* position in the document's stage order */
  CjmRect  header;          /* the header cell in the top row */
  CjmRect  column;          /* header + all cells of this stage */
  CjmRect  goal;            /* where the stage goal is drawn inside the
                               header (empty when the stage has no goal) */
} CjmLayoutStage;

/* One lane: a row. */
typedef struct {
  CjmItem     *item;        /* the lane */
  guint        index;       /* position in the document's lane order */
  CjmLaneKind  kind;
  CjmRect      header;      /* the header cell in the start column */
  CjmRect      row;         /* header + all cells of this lane */
} CjmLayoutLane;

/* One cell: where a stage meets a lane. Cells are stored lane-major:
 * cell (stage s, lane l) is number l * n_stages + s. */
typedef struct {
  CjmItem *stage;
  CjmItem *lane;
  guint    stage_index;
  guint    lane_index;
  CjmRect  rect;
  guint    first_card;      /* index into the cards (cjm_layout_get_card) */
  guint    n_cards;         /* cards in this cell, in document order */
} CjmLayoutCell;

/* One card: a touchpoint, note or opportunity. */
typedef struct {
  CjmItem    *item;
  CjmItem    *stage;        /* NULL for an unplaced card */
  CjmItem    *lane;         /* NULL for an unplaced card */
  int         cell;         /* cell number, -1 for an unplaced card */
  guint       index_in_cell;
  gboolean    unplaced;     /* its stage or lane is missing */
  CjmRect     rect;
  CjmRect     title;        /* the title text box inside rect */
  int         title_lines;  /* lines the title was wrapped into (1..) */
  guint       n_facts;      /* facts shown (the rest are summarized) */
  guint       n_kpis;       /* KPIs shown */
  CjmRect     badge;        /* finding badge (empty when none) */
  guint       n_findings;   /* visible findings naming this card */
  int         severity;     /* worst CjmSeverity of those, -1 when none */
  CjmPoint    handle;       /* centre of the link handle (trailing edge) */
} CjmLayoutCard;

/* A point of an emotion curve: a touchpoint's (target) emotion. */
typedef struct {
  CjmItem *item;            /* the touchpoint */
  double   x;
  double   y;
  int      emotion;         /* -3..3 */
} CjmLayoutPoint;

/* A touchpoint with no emotion, drawn as a hollow point at neutral height
 * in each emotion lane (where the canvas lets it be dragged to set one). */
typedef struct {
  CjmItem *item;            /* the touchpoint */
  guint    lane_index;      /* the emotion lane */
  double   x;
  double   y;
} CjmLayoutUnsetPoint;

/* One curve: a persona's emotions (or target emotions) through the
 * touchpoints they pass, in journey order (stage order, then lane order,
 * then document order within a cell), drawn in one emotion lane. */
typedef struct {
  CjmItem        *persona;  /* NULL when the map has no persona */
  CjmItem        *lane;     /* the emotion lane it is drawn in */
  guint           lane_index;
  gboolean        target;   /* the to-be curve (target-emotion), dashed */
  CjmColor        color;    /* the persona's colour (or the default) */
  CjmLayoutPoint *points;
  guint           n_points;
} CjmLayoutCurve;

/* A link drawn as an arrow: a cubic Bézier from the edge of the source
 * card to the edge of the target card. */
typedef struct {
  CjmItem  *item;           /* the link */
  CjmItem  *from;
  CjmItem  *to;
  CjmPoint  path[4];        /* start, control 1, control 2, end (arrow tip) */
  CjmRect   bounds;         /* covers the path, the arrow head and label */
  CjmRect   label;          /* the label's box at the middle (empty when
                               the link has no label) */
} CjmLayoutLink;

typedef enum {
  CJM_HIT_NONE,
  CJM_HIT_CORNER,           /* the top-start corner above the lane headers */
  CJM_HIT_STAGE_HEADER,     /* stage, item = stage */
  CJM_HIT_LANE_HEADER,      /* lane, item = lane */
  CJM_HIT_CELL,             /* stage, lane: empty space of a cell */
  CJM_HIT_CARD,             /* item = the card (stage and lane set when placed) */
  CJM_HIT_LINK_HANDLE,      /* item = the card whose link handle was hit */
  CJM_HIT_BADGE,            /* item = the card whose finding badge was hit */
  CJM_HIT_EMOTION_POINT,    /* item = touchpoint, persona, lane = emotion lane,
                               field = CJM_FIELD_EMOTION or _TARGET_EMOTION;
                               a hollow point: persona NULL, field EMOTION */
  CJM_HIT_LINK,             /* item = the link (on its path or label) */
  CJM_HIT_UNPLACED,         /* empty space of the "Unplaced" area */
} CjmHitKind;

typedef struct {
  CjmHitKind  kind;
  CjmItem    *item;
  CjmItem    *stage;
  CjmItem    *lane;
  CjmItem    *persona;
  CjmField    field;
  int         stage_index;  /* -1 when none */
  int         lane_index;   /* -1 when none */
} CjmHit;

/* Where a card dropped at a point would go. */
typedef struct {
  CjmItem *stage;
  CjmItem *lane;
  int      cell;            /* cell number */
  guint    index_in_cell;   /* 0..n_cards: the slot in the cell */
  CjmItem *before;          /* the card now in that slot, NULL at the end */
  CjmItem *after;           /* the card before that slot, NULL at the start */
  CjmRect  caret;           /* a thin bar showing the slot, for feedback */
} CjmDropTarget;

#define CJM_LAYOUT_DEFAULT_CARD_WIDTH 208.0

#define CJM_TYPE_LAYOUT (cjm_layout_get_type ())
G_DECLARE_FINAL_TYPE (CjmLayout, cjm_layout, CJM, LAYOUT, GObject)

/* options may be NULL (all defaults). */
void                  cjm_layout_options_init      (CjmLayoutOptions *options);
CjmLayout            *cjm_layout_new               (CjmDocument            *document,
                                                    const CjmLayoutOptions *options);
/* Recomputes the geometry from the document (after an edit). */
void                  cjm_layout_update            (CjmLayout              *self);
/* Changes the options and recomputes. */
void                  cjm_layout_set_options       (CjmLayout              *self,
                                                    const CjmLayoutOptions *options);

/* Replaces the findings the cards are badged with (a live checker calls
 * this when its findings change) and updates the cards' badges. */
void                  cjm_layout_set_findings      (CjmLayout              *self,
                                                    GPtrArray              *findings);

CjmDocument          *cjm_layout_get_document      (CjmLayout *self);
PangoContext         *cjm_layout_get_pango_context (CjmLayout *self);
/* The words the map is drawn with: its own language's (cjm-labels.h),
 * as of the last build or update. */
CjmLabels            *cjm_layout_get_labels        (CjmLayout *self);
gboolean              cjm_layout_is_rtl            (CjmLayout *self);
gboolean              cjm_layout_get_show_findings (CjmLayout *self);
double                cjm_layout_get_card_width    (CjmLayout *self);

/* Total size of the map (grid, unplaced area and legend band). */
void                  cjm_layout_get_size          (CjmLayout *self,
                                                    double    *width,
                                                    double    *height);
/* The grid only: corner + headers + cells. */
void                  cjm_layout_get_grid_rect     (CjmLayout *self,
                                                    CjmRect   *rect);
/* The top-start corner where the stage row meets the lane column. */
void                  cjm_layout_get_corner_rect   (CjmLayout *self,
                                                    CjmRect   *rect);
/* The whole stage header row / lane header column (corner excluded). */
void                  cjm_layout_get_stage_band    (CjmLayout *self,
                                                    CjmRect   *rect);
void                  cjm_layout_get_lane_band     (CjmLayout *self,
                                                    CjmRect   *rect);
/* The "Unplaced" area under the grid; FALSE (and empty) when every card
 * has its stage and lane. */
gboolean              cjm_layout_get_unplaced_rect (CjmLayout *self,
                                                    CjmRect   *rect);
/* The legend band; FALSE when show_legend is off. */
gboolean              cjm_layout_get_legend_rect   (CjmLayout *self,
                                                    CjmRect   *rect);
/* The height the legend's entries need in rows of the given width (map
 * or page units), whether or not this layout shows a legend band. */
double                cjm_layout_measure_legend    (CjmLayout *self,
                                                    double     width);

guint                 cjm_layout_get_n_stages      (CjmLayout *self);
const CjmLayoutStage *cjm_layout_get_stage         (CjmLayout *self,
                                                    guint      index);
guint                 cjm_layout_get_n_lanes       (CjmLayout *self);
const CjmLayoutLane  *cjm_layout_get_lane          (CjmLayout *self,
                                                    guint      index);
/* n_stages * n_lanes cells. */
const CjmLayoutCell  *cjm_layout_get_cell          (CjmLayout *self,
                                                    guint      stage_index,
                                                    guint      lane_index);
/* Cards: placed ones cell by cell (lane-major), then the unplaced ones. */
guint                 cjm_layout_get_n_cards       (CjmLayout *self);
const CjmLayoutCard  *cjm_layout_get_card          (CjmLayout *self,
                                                    guint      index);
const CjmLayoutCard  *cjm_layout_lookup_card       (CjmLayout *self,
                                                    CjmItem   *item);
guint                 cjm_layout_get_n_curves      (CjmLayout *self);
const CjmLayoutCurve *cjm_layout_get_curve         (CjmLayout *self,
                                                    guint      index);
/* Touchpoints without an (as-is) emotion, per emotion lane, in journey
 * order. Placed in the journey like the others, so setting an emotion
 * does not move any point. */
guint                 cjm_layout_get_n_unset_points (CjmLayout *self);
const CjmLayoutUnsetPoint *cjm_layout_get_unset_point (CjmLayout *self,
                                                    guint      index);
guint                 cjm_layout_get_n_links       (CjmLayout *self);
const CjmLayoutLink  *cjm_layout_get_link          (CjmLayout *self,
                                                    guint      index);

/* The rectangle of an item: a card, a stage or lane header, a link's
 * bounds. FALSE when the item is not drawn. */
gboolean              cjm_layout_get_item_rect     (CjmLayout *self,
                                                    CjmItem   *item,
                                                    CjmRect   *rect);
/* Indexes (into cjm_layout_get_card) of the cards that intersect rect, in
 * drawing order. transfer container, a GArray of guint. */
GArray               *cjm_layout_get_cards_in_rect (CjmLayout     *self,
                                                    const CjmRect *rect);

/* What is at (x, y): cards and their handles and badges first, then
 * emotion points, links, headers, cells. Fills every field of hit. */
CjmHitKind            cjm_layout_hit_test          (CjmLayout *self,
                                                    double     x,
                                                    double     y,
                                                    CjmHit    *hit);
/* The y (map units) of an emotion value in an emotion lane, and back: the
 * emotion (-3..3, rounded and clamped) for a y. For dragging points. */
double                cjm_layout_emotion_to_y      (CjmLayout *self,
                                                    guint      lane_index,
                                                    int        emotion);
int                   cjm_layout_y_to_emotion      (CjmLayout *self,
                                                    guint      lane_index,
                                                    double     y);

/* Where a card dropped at (x, y) would land: the cell under the point and
 * the slot in it. FALSE when (x, y) is not over a cell. */
gboolean              cjm_layout_get_drop_target   (CjmLayout     *self,
                                                    double         x,
                                                    double         y,
                                                    CjmDropTarget *target);
/* The index in the document's list of items of `kind` that puts a card
 * at the drop target's slot, to pass to cjm_document_move_item() (when
 * moving is the item being dragged) or cjm_document_insert_item() (when
 * moving is NULL, for a new item). Cards of other kinds in the cell are
 * ignored, as document order only ranks items of one kind. */
guint                 cjm_layout_get_drop_index    (CjmLayout           *self,
                                                    const CjmDropTarget *target,
                                                    CjmKind              kind,
                                                    CjmItem             *moving);

/* Rectangle helpers */
gboolean              cjm_rect_contains            (const CjmRect *rect,
                                                    double         x,
                                                    double         y);
gboolean              cjm_rect_intersects          (const CjmRect *a,
                                                    const CjmRect *b);
void                  cjm_rect_union               (const CjmRect *a,
                                                    const CjmRect *b,
                                                    CjmRect       *result);

G_END_DECLS
