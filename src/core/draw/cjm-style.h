/* cjm-style.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The map's colours, below both layout and render: colour arithmetic and
 * the colour of each lane kind, persona, emotion and finding severity.
 * Layout reads persona colours for the curves it builds; render, print and
 * the canvas paint with all of them. No cairo here: a colour is a CjmColor.
 *
 * A map is drawn on light paper or on dark paper (CjmStyleScheme): the
 * caller picks one in CjmRenderOptions. Print and every export use the
 * light paper; the canvas may follow the desktop's dark style. Both
 * palettes keep the hues of lanes, personas, emotions and finding badges;
 * on dark paper the lane accents are lightened until they stand out from
 * the headers, and every text colour reads at a contrast of at least
 * 4.5:1 (WCAG AA) on the paper, the headers and every card's face.
 */

#pragma once

#include "cjm-document.h"

G_BEGIN_DECLS

/* Colours are sRGB components in 0..1. */
typedef struct {
  double red;
  double green;
  double blue;
  double alpha;
} CjmColor;

CjmColor cjm_style_color_from_hex      (guint32          v);
/* a mixed with white: amount 0 = a, 1 = white */
CjmColor cjm_style_lighten             (const CjmColor  *a,
                                        double           amount);
double   cjm_style_luminance           (const CjmColor  *c);

/* a mixed with b: amount 0 = a, 1 = b */
CjmColor cjm_style_mix                 (const CjmColor  *a,
                                        const CjmColor  *b,
                                        double           amount);
/* The contrast ratio of two colours as WCAG 2 defines it: 1 (none) to 21
 * (black on white), from their relative luminance. */
double   cjm_style_contrast            (const CjmColor  *a,
                                        const CjmColor  *b);

typedef enum {
  CJM_STYLE_LIGHT,                /* the default, and always on paper */
  CJM_STYLE_DARK,
} CjmStyleScheme;

/* The colours of a scheme that are not a lane's, a persona's, an
 * emotion's or a severity's. */
typedef struct {
  CjmStyleScheme scheme;
  CjmColor       paper;           /* the map's ground, link labels' ground */
  CjmColor       card;            /* a touchpoint's face */
  CjmColor       header;          /* stage and lane headers */
  CjmColor       corner;          /* where the header row meets the column */
  CjmColor       grid;            /* cell lines, rules */
  CjmColor       card_border;
  CjmColor       text;
  CjmColor       text_dim;        /* owners, goals, meta lines, the legend */
  CjmColor       text_faint;      /* scale labels, fact keys, "+2 more" */
  CjmColor       link;
  CjmColor       gold;            /* moments of truth */
  CjmColor       accent;          /* stage numbers and the rule under a stage */
  CjmColor       unplaced;        /* the "Unplaced" area */
} CjmStyleColors;

const CjmStyleColors *cjm_style_get_colors           (CjmStyleScheme        scheme);

/* As cjm_style_get_lane_accent() and cjm_style_get_lane_color(), on the
 * colours' paper. */
void                  cjm_style_colors_get_lane_accent (const CjmStyleColors *colors,
                                                        CjmLaneKind           kind,
                                                        const char           *channel,
                                                        CjmColor             *color);
void                  cjm_style_colors_get_lane_color  (const CjmStyleColors *colors,
                                                        CjmLaneKind           kind,
                                                        const char           *channel,
                                                        CjmColor             *color);
/* The face of a card of this kind in a lane of this kind (a touchpoint:
 * the colours' card; a note or an opportunity: a tint of the lane's
 * accent). */
void                  cjm_style_colors_get_card_fill   (const CjmStyleColors *colors,
                                                        CjmKind               kind,
                                                        CjmLaneKind           lane_kind,
                                                        const char           *channel,
                                                        CjmColor             *color);
/* color, lightened on a dark ground (darkened on a light one) until it
 * reads at min_contrast against ground; unchanged when it already does.
 * For marks and chips in a hue of their own. */
CjmColor              cjm_style_colors_readable        (const CjmStyleColors *colors,
                                                        const CjmColor       *color,
                                                        const CjmColor       *ground,
                                                        double                min_contrast);

/* The accent of a lane kind (channel lanes: of the channel): the card's
 * edge stripe and the header icon. Light paper. */
void     cjm_style_get_lane_accent     (CjmLaneKind      kind,
                                        const char      *channel,
                                        CjmColor        *color);
/* The lane row's tint: the accent, much lighter. Light paper. */
void     cjm_style_get_lane_color      (CjmLaneKind      kind,
                                        const char      *channel,
                                        CjmColor        *color);
/* A persona's colour ("color" field, #rrggbb), or a distinct palette
 * colour by index when it has none or it does not parse. */
void     cjm_style_get_persona_color   (CjmItem         *persona,
                                        guint            index,
                                        CjmColor        *color);
/* Red (-3) through grey (0) to green (3). */
void     cjm_style_get_emotion_color   (int              emotion,
                                        CjmColor        *color);
/* A CjmSeverity: error red, warning yellow, note blue. */
void     cjm_style_get_severity_color  (int              severity,
                                        CjmColor        *color);

G_END_DECLS
