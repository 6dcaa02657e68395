/* cjm-style.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The map's colours, below both layout and render: colour arithmetic and
 * the colour of each lane kind, persona, emotion and finding severity
 * (the palette's named colours are in cjm-style-private.h). Layout reads
 * persona colours for the curves it builds; render, print and the canvas
 * paint with all of them. No cairo here: a colour is a CjmColor.
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

/* The accent of a lane kind (channel lanes: of the channel): the card's
 * edge stripe and the header icon. */
void     cjm_style_get_lane_accent     (CjmLaneKind      kind,
                                        const char      *channel,
                                        CjmColor        *color);
/* The lane row's tint: the accent, much lighter. */
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
