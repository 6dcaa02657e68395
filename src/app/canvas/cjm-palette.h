/* cjm-palette.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tiles that are dragged onto the canvas to add cards, stages and
 * lanes. A drag carries a CjmPaletteTile value (a GType private to the
 * application); activating a tile (click, Enter) emits ::tile-activated.
 */

#pragma once

#include <gtk/gtk.h>

#include "cjm-item.h"

G_BEGIN_DECLS

typedef enum {
  CJM_PALETTE_TILE_TOUCHPOINT,
  CJM_PALETTE_TILE_NOTE,
  CJM_PALETTE_TILE_PAIN_POINT,
  CJM_PALETTE_TILE_OPPORTUNITY,
  CJM_PALETTE_TILE_STAGE,
  CJM_PALETTE_TILE_LANE_CHANNEL,
  CJM_PALETTE_TILE_LANE_EMOTION,
  CJM_PALETTE_TILE_LANE_ACTIONS,
  CJM_PALETTE_TILE_LANE_THOUGHTS,
  CJM_PALETTE_TILE_LANE_PAIN_POINTS,
  CJM_PALETTE_TILE_LANE_BACKSTAGE,
  CJM_PALETTE_TILE_LANE_NOTES,
  CJM_PALETTE_TILE_LANE_OPPORTUNITIES,
  CJM_N_PALETTE_TILES
} CjmPaletteTile;

#define CJM_TYPE_PALETTE_TILE (cjm_palette_tile_get_type ())
GType        cjm_palette_tile_get_type       (void) G_GNUC_CONST;

/* TRUE for the tiles that make cards (touchpoint, note, pain point,
 * opportunity). */
gboolean     cjm_palette_tile_is_card        (CjmPaletteTile tile);
/* The lane kind a lane tile makes (CJM_LANE_UNKNOWN for other tiles). */
CjmLaneKind  cjm_palette_tile_get_lane_kind  (CjmPaletteTile tile);
/* The label shown on the tile, translated. */
const char  *cjm_palette_tile_get_label      (CjmPaletteTile tile);
const char  *cjm_palette_tile_get_icon_name  (CjmPaletteTile tile);

#define CJM_TYPE_PALETTE (cjm_palette_get_type ())
G_DECLARE_FINAL_TYPE (CjmPalette, cjm_palette, CJM, PALETTE, GtkWidget)

GtkWidget   *cjm_palette_new                 (void);
/* The tile's widget (for tests that drag it). */
GtkWidget   *cjm_palette_get_tile_widget     (CjmPalette    *self,
                                              CjmPaletteTile tile);

G_END_DECLS
