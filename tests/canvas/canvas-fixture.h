/* canvas-fixture.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A real Journeyman window (CjmWindow of an in-process CjmApplication)
 * with a copy of a sample map, shown on the X server and focused, for the
 * canvas tests. Points are computed from the canvas's layout.
 */

#pragma once

#include <gdk-pixbuf/gdk-pixbuf.h>

#include "cjm-application.h"
#include "cjm-canvas.h"
#include "cjm-minimap.h"
#include "cjm-palette.h"
#include "cjm-test-harness.h"
#include "cjm-window.h"

G_BEGIN_DECLS

typedef struct {
  CjmWindow   *window;
  CjmCanvas   *canvas;
  CjmPalette  *palette;
  CjmDocument *document;
  char        *path;       /* the copy of the sample being edited */
  GBytes      *original;   /* its bytes as saved before the test edits */
} CanvasFixture;

/* cjm_harness_init() plus the application. */
void          canvas_test_init          (int          *argc,
                                         char       ***argv);
void          canvas_fixture_open       (CanvasFixture *fixture,
                                         const char    *sample);
/* A map file outside the samples (a generated one), opened in place. */
void          canvas_fixture_open_path  (CanvasFixture *fixture,
                                         const char    *path);
/* A new map with nothing in it (no stages, no lanes), not saved yet. */
void          canvas_fixture_open_empty (CanvasFixture *fixture);
void          canvas_fixture_close      (CanvasFixture *fixture);

/* The canvas's minimap child. */
CjmMinimap   *canvas_fixture_find_minimap (CjmCanvas  *canvas);
CjmItem      *canvas_fixture_item       (CanvasFixture *fixture,
                                         const char    *id);
/* The centre of an item as the canvas draws it (widget coordinates). */
void          canvas_fixture_item_center (CanvasFixture *fixture,
                                          const char    *id,
                                          double        *x,
                                          double        *y);
/* A point in the empty part of a cell, below its cards. */
void          canvas_fixture_cell_point (CanvasFixture *fixture,
                                         const char    *stage_id,
                                         const char    *lane_id,
                                         double        *x,
                                         double        *y);
/* A map wider than 16,384 px at 100 % (36 stages, 3 channels, 420
 * touchpoints, 2 personas) made by tests/bench/gen-map.py with `seed`,
 * as `name` in the test's folder; returns its path. */
char         *canvas_fixture_generate_map (const char *name,
                                           const char *seed);

/* The window as the X server shows it now, saved as
 * PREFIX-RENDERER-NAME.png (in $CJM_SCREENSHOT_DIR when set) and read
 * back. */
typedef struct {
  GdkPixbuf *pixbuf;
  int        x0;        /* the canvas's origin in the pixbuf */
  int        y0;
} CanvasShot;

void          canvas_fixture_shoot      (CanvasFixture *fixture,
                                         const char    *prefix,
                                         const char    *name,
                                         CanvasShot    *shot);
/* The pixel at (wx, wy) of the canvas, or NULL outside the shot. */
const guint8 *canvas_shot_pixel         (const CanvasShot *shot,
                                         int               wx,
                                         int               wy);

/* Saves (as Ctrl+S would, to the map's file) and returns the bytes. */
GBytes       *canvas_fixture_save       (CanvasFixture *fixture);
/* Presses Ctrl+Z and checks the file is back to the original bytes. */
void          canvas_fixture_undo_restores (CanvasFixture *fixture,
                                            guint          n_undo);

G_END_DECLS
