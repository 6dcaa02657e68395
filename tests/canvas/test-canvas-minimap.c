/* test-canvas-minimap.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The minimap, a child widget of the canvas, in a real window with real
 * pointer input (xdotool): hidden while the whole map is in view, shown
 * over the bottom corner at the map's end side when it is not; dragging
 * in it moves the view there without touching the selection or the map.
 */

#define G_LOG_DOMAIN "test-canvas-minimap"

#include "config.h"

#include <math.h>

#include "canvas-fixture.h"
#include "cjm-minimap.h"

#define MARGIN 12

static void
set_zoom (CanvasFixture *f,
          double         zoom)
{
  cjm_canvas_set_zoom (f->canvas, zoom);
  cjm_harness_wait_frame (GTK_WIDGET (f->canvas));
  cjm_harness_wait_frame (GTK_WIDGET (f->canvas));
}

/* The minimap's rectangle in the canvas; FALSE when it is not shown. */
static gboolean
minimap_bounds (CanvasFixture   *f,
                graphene_rect_t *bounds)
{
  GtkWidget *minimap = GTK_WIDGET (canvas_fixture_find_minimap (f->canvas));

  g_assert_nonnull (minimap);
  return gtk_widget_get_child_visible (minimap)
         && gtk_widget_compute_bounds (minimap, GTK_WIDGET (f->canvas), bounds)
         && bounds->size.width > 0 && bounds->size.height > 0;
}

static void
test_shown_when_the_map_does_not_fit (void)
{
  CanvasFixture f;
  graphene_rect_t bounds;
  double mw, mh;
  int width, height;

  canvas_fixture_open (&f, "bill-payment.cjm");
  g_assert_true (cjm_minimap_get_canvas (canvas_fixture_find_minimap (f.canvas)) == f.canvas);

  /* The fixture zoomed to fit: nothing to find, no minimap. */
  g_assert_false (minimap_bounds (&f, &bounds));

  set_zoom (&f, 2.0);
  g_assert_true (minimap_bounds (&f, &bounds));
  width = gtk_widget_get_width (GTK_WIDGET (f.canvas));
  height = gtk_widget_get_height (GTK_WIDGET (f.canvas));
  /* Bottom right for a left-to-right map, the map's shape, at most
   * 220 × 160. */
  g_assert_cmpfloat (fabs (bounds.origin.x + bounds.size.width - (width - MARGIN)), <, 1);
  g_assert_cmpfloat (fabs (bounds.origin.y + bounds.size.height - (height - MARGIN)), <, 1);
  g_assert_cmpfloat (bounds.size.width, <=, 220);
  g_assert_cmpfloat (bounds.size.height, <=, 160);
  cjm_layout_get_size (cjm_canvas_get_layout (f.canvas), &mw, &mh);
  g_assert_cmpfloat (fabs (bounds.size.width / bounds.size.height - mw / mh), <, 0.05);

  set_zoom (&f, 0.1);
  g_assert_false (minimap_bounds (&f, &bounds));

  canvas_fixture_close (&f);
}

static void
test_drag_moves_the_view (void)
{
  CanvasFixture f;
  CjmItem *card;
  graphene_rect_t bounds;
  GtkAdjustment *hadjustment, *vadjustment;
  double mw, mh, cx, cy, fx, fy, tx, ty;
  int width, height;

  canvas_fixture_open (&f, "bill-payment.cjm");
  card = canvas_fixture_item (&f, "t-web-pay");
  cjm_canvas_select_items (f.canvas, &card, 1, FALSE);

  set_zoom (&f, 2.0);
  g_assert_true (minimap_bounds (&f, &bounds));
  hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (f.canvas));
  vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (f.canvas));
  width = gtk_widget_get_width (GTK_WIDGET (f.canvas));
  height = gtk_widget_get_height (GTK_WIDGET (f.canvas));
  cjm_layout_get_size (cjm_canvas_get_layout (f.canvas), &mw, &mh);

  /* From the minimap's top left quarter to the middle of its width and
   * height: the view is centred on the map point under the release. */
  fx = bounds.origin.x + bounds.size.width * 0.2;
  fy = bounds.origin.y + bounds.size.height * 0.2;
  tx = bounds.origin.x + bounds.size.width * 0.5;
  ty = bounds.origin.y + bounds.size.height * 0.5;
  cjm_harness_drag (GTK_WIDGET (f.canvas), fx, fy, GTK_WIDGET (f.canvas), tx, ty, 1, NULL, 6);
  cjm_harness_wait_frame (GTK_WIDGET (f.canvas));

  cjm_canvas_widget_to_map (f.canvas, width / 2.0, height / 2.0, &cx, &cy);
  g_assert_cmpfloat (gtk_adjustment_get_value (hadjustment), >, 0);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), >, 0);
  /* Within two minimap pixels. */
  g_assert_cmpfloat (fabs (cx - 0.5 * mw), <, 2 * mw / bounds.size.width);
  g_assert_cmpfloat (fabs (cy - 0.5 * mh), <, 2 * mh / bounds.size.height);

  /* A press in the minimap is not a press on what lies under it. */
  g_assert_cmpuint (cjm_canvas_get_selection (f.canvas)->len, ==, 1);
  g_assert_true (g_ptr_array_index (cjm_canvas_get_selection (f.canvas), 0) == card);
  g_assert_false (cjm_document_get_modified (f.document));

  /* A click moves the view too: to the start of the map. */
  cjm_harness_click (GTK_WIDGET (f.canvas), bounds.origin.x + 1, bounds.origin.y + 1, 1, NULL);
  cjm_harness_wait_frame (GTK_WIDGET (f.canvas));
  g_assert_cmpfloat (gtk_adjustment_get_value (hadjustment), ==, 0);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), ==, 0);

  canvas_fixture_close (&f);
}

static void
test_right_to_left (void)
{
  CanvasFixture f;
  graphene_rect_t bounds;
  int height;

  canvas_fixture_open (&f, "fiber-onboarding.he.cjm");
  set_zoom (&f, 2.0);
  g_assert_true (minimap_bounds (&f, &bounds));
  height = gtk_widget_get_height (GTK_WIDGET (f.canvas));
  /* The map ends on the left: the minimap is bottom left. */
  g_assert_cmpfloat (fabs (bounds.origin.x - MARGIN), <, 1);
  g_assert_cmpfloat (fabs (bounds.origin.y + bounds.size.height - (height - MARGIN)), <, 1);
  canvas_fixture_close (&f);
}

int
main (int    argc,
      char **argv)
{
  canvas_test_init (&argc, &argv);

  g_test_add_func ("/canvas/minimap/shown-when-the-map-does-not-fit",
                   test_shown_when_the_map_does_not_fit);
  g_test_add_func ("/canvas/minimap/drag-moves-the-view", test_drag_moves_the_view);
  g_test_add_func ("/canvas/minimap/right-to-left", test_right_to_left);

  return g_test_run ();
}
