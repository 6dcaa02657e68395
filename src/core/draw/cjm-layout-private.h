/* cjm-layout-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the cjm-layout*.c and cjm-render*.c files and print: the
 * metrics of the map (so that the renderer draws exactly where the layout
 * measured), the layout's cache of shaped text and the legend's flow.
 */

#pragma once

#include "cjm-layout.h"

G_BEGIN_DECLS

/* Metrics, in map units (px at 100 %). */
#define CJM_M_LANE_HEADER_WIDTH   196.0
#define CJM_M_STAGE_PAD           14.0    /* cell padding */
#define CJM_M_CARD_GAP            12.0    /* between cards in a cell */
#define CJM_M_CARD_PAD            10.0    /* inside a card */
#define CJM_M_CARD_STRIPE         5.0     /* the lane-coloured start edge */
#define CJM_M_CARD_RADIUS         8.0
#define CJM_M_CARD_MIN_HEIGHT     52.0
#define CJM_M_SECTION_GAP         6.0     /* between title, meta and facts */
#define CJM_M_FACE_SIZE           22.0
#define CJM_M_BADGE_SIZE          20.0
#define CJM_M_HANDLE_RADIUS       7.0
#define CJM_M_MIN_CELL_HEIGHT     76.0
#define CJM_M_EMOTION_HEIGHT      184.0   /* the curve area of an emotion lane */
#define CJM_M_EMOTION_PAD         26.0    /* above +3 and below -3 */
#define CJM_M_STAGE_HEADER_MIN    76.0
#define CJM_M_HEADER_PAD          14.0
#define CJM_M_UNPLACED_TITLE      44.0
#define CJM_M_LEGEND_PAD          16.0
#define CJM_M_LEGEND_ROW          26.0
#define CJM_M_LEGEND_SWATCH       30.0    /* the mark before a legend entry's label */
#define CJM_M_LEGEND_SPACING      26.0    /* between legend entries */
#define CJM_M_LEGEND_FACES_WIDTH  (7 * 15.5)
#define CJM_M_MAX_FACTS           3
#define CJM_M_MAX_KPIS            2
#define CJM_M_TITLE_LINES         3
#define CJM_M_NOTE_LINES          6

typedef enum {
  CJM_FONT_CARD_TITLE,
  CJM_FONT_NOTE,
  CJM_FONT_SMALL,
  CJM_FONT_SMALL_BOLD,
  CJM_FONT_STAGE,
  CJM_FONT_GOAL,
  CJM_FONT_LANE,
  CJM_FONT_MAP_TITLE,
  CJM_FONT_HEADING,
  CJM_FONT_BODY,
  CJM_FONT_CAPTION,
  CJM_N_FONTS
} CjmFont;

typedef enum {
  CJM_TEXT_START   = 0,       /* aligned to the start of the map's direction */
  CJM_TEXT_CENTER  = 1 << 0,
  CJM_TEXT_MARKUP  = 1 << 1,  /* text is Pango markup */
  CJM_TEXT_END     = 1 << 2,
} CjmTextFlags;

typedef struct {
  guint count;
  int   severity;
} CjmFindingCount;

/* An entry of the legend (cjm-layout-legend.c). */
typedef enum {
  CJM_LEGEND_PERSONA,
  CJM_LEGEND_TARGET,
  CJM_LEGEND_FACES,
  CJM_LEGEND_LANE,
  CJM_LEGEND_MOT,
  CJM_LEGEND_EVIDENCE,
  CJM_LEGEND_LINK,
  CJM_LEGEND_FINDING,
  CJM_LEGEND_TITLE,           /* "Legend", first in the flow */
} CjmLegendKind;

typedef struct {
  CjmLegendKind  kind;
  char          *label;
  CjmColor       color;       /* persona and target curves */
  CjmItem       *lane;        /* lane kinds */
  int            value;
  /* Placed by cjm_layout_flow_legend(): the entry's box, from the start
   * of the legend's area in the map's direction, and its label's size. */
  double         x;
  double         y;
  double         width;
  double         label_width;
  double         label_height;
} CjmLegendEntry;

struct _CjmLayout
{
  GObject       parent_instance;

  CjmDocument  *document;
  CjmLabels    *labels;          /* the map's language (xml:lang) */
  PangoContext *context;
  double        card_width;
  int           rtl_option;
  gboolean      rtl;
  gboolean      show_findings;
  gboolean      show_legend;
  GHashTable   *findings;        /* id -> CjmFindingCount */

  GArray       *stages;          /* CjmLayoutStage */
  GArray       *lanes;           /* CjmLayoutLane */
  GArray       *cells;           /* CjmLayoutCell */
  GArray       *cards;           /* CjmLayoutCard */
  GArray       *curves;          /* CjmLayoutCurve */
  GArray       *unset_points;    /* CjmLayoutUnsetPoint */
  GArray       *links;           /* CjmLayoutLink */
  GHashTable   *card_index;      /* CjmItem -> index + 1 */
  GHashTable   *header_index;    /* stage or lane CjmItem -> index + 1 */
  guint         n_placed;

  double        width;
  double        height;
  CjmRect       grid;
  CjmRect       corner;
  CjmRect       stage_band;
  CjmRect       lane_band;
  CjmRect       unplaced;
  CjmRect       legend;
  gboolean      has_unplaced;

  GHashTable   *text_cache;      /* key -> PangoLayout */
  PangoFontDescription *fonts[CJM_N_FONTS];
  double        line_height[CJM_N_FONTS];
};

void         cjm_layout_setup_fonts      (CjmLayout     *self);
PangoContext *cjm_layout_make_context    (PangoContext  *given,
                                          CjmDocument   *document,
                                          gboolean       rtl);
void         cjm_layout_build_curves     (CjmLayout     *self,
                                          GPtrArray     *journey,
                                          GArray        *journey_x);
void         cjm_layout_build_links      (CjmLayout     *self);
void         cjm_bezier_point            (const CjmPoint *p,
                                          double          t,
                                          double         *x,
                                          double         *y);

/* A shaped PangoLayout for text in a font, wrapped to width (map units;
 * <= 0: no wrapping) and ellipsized after max_lines lines (0: no limit).
 * Cached in the layout: transfer none, valid until the layout's next
 * update. */
PangoLayout *cjm_layout_get_text        (CjmLayout    *self,
                                         CjmFont       font,
                                         const char   *text,
                                         double        width,
                                         int           max_lines,
                                         CjmTextFlags  flags);
/* Logical size of such a text, in map units. */
void         cjm_layout_measure_text    (CjmLayout    *self,
                                         CjmFont       font,
                                         const char   *text,
                                         double        width,
                                         int           max_lines,
                                         CjmTextFlags  flags,
                                         double       *out_width,
                                         double       *out_height);
/* Height of one line of a font. */
double       cjm_layout_get_line_height (CjmLayout    *self,
                                         CjmFont       font);
/* The items the layout was built from, for the legend and the pages. */
guint        cjm_layout_get_n_personas  (CjmLayout    *self);
/* The width available to a card's title. */
double       cjm_layout_card_title_width (CjmLayout   *self,
                                          CjmItem     *item);
/* The text of a card's meta line ("" when it has none); newly allocated. */
char        *cjm_layout_dup_card_meta   (CjmLayout    *self,
                                         CjmItem      *item,
                                         CjmItem      *lane);
/* The legend's title and entries (CjmLegendEntry) flowed in rows of
 * width; height: the rows' height. Free with g_array_unref(). */
GArray      *cjm_layout_flow_legend     (CjmLayout    *self,
                                         double        width,
                                         double       *height);
/* The width of the mark before an entry's label. */
static inline double
cjm_legend_entry_mark_width (const CjmLegendEntry *entry)
{
  return entry->kind == CJM_LEGEND_FACES ? CJM_M_LEGEND_FACES_WIDTH : CJM_M_LEGEND_SWATCH;
}
/* Findings per id, as set from the options: count and worst severity. */
guint        cjm_layout_get_findings_for (CjmLayout   *self,
                                          const char  *id,
                                          int         *severity);

G_END_DECLS
