/* test-canvas-minimap.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The minimap, a child widget of the canvas, in a real window with real
 * pointer input (xdotool): hidden while the whole map is in view, shown
 * over the bottom corner at the map's end side when it is not; dragging
 * in it moves the view there without touching the selection or the map.
 * The view menu's toggle (win.show-minimap) hides it and is remembered;
 * it moves to another corner rather than cover a card being dragged or
 * edited.
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

static gboolean
minimap_shown_in (CjmWindow *window)
{
  CjmCanvas *canvas = cjm_window_get_canvas (window);
  GtkWidget *minimap = GTK_WIDGET (canvas_fixture_find_minimap (canvas));

  return gtk_widget_get_child_visible (minimap);
}

static void
test_toggle_is_remembered (void)
{
  CanvasFixture f, g;
  graphene_rect_t bounds;
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GVariant) state = NULL;

  g_settings_set_boolean (settings, "show-minimap", TRUE);
  canvas_fixture_open (&f, "bill-payment.cjm");
  set_zoom (&f, 2.0);
  g_assert_true (minimap_bounds (&f, &bounds));

  /* The view menu's item: a stateful window action, on. */
  state = g_action_group_get_action_state (G_ACTION_GROUP (f.window), "show-minimap");
  g_assert_nonnull (state);
  g_assert_true (g_variant_get_boolean (state));
  g_clear_pointer (&state, g_variant_unref);

  /* Off: the minimap goes, the setting says so, and the map under it is
   * the map again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.show-minimap", NULL));
  cjm_harness_wait_frame (GTK_WIDGET (f.canvas));
  cjm_harness_wait_frame (GTK_WIDGET (f.canvas));
  g_assert_false (minimap_bounds (&f, &bounds));
  g_assert_false (cjm_minimap_get_shown (canvas_fixture_find_minimap (f.canvas)));
  g_assert_false (g_settings_get_boolean (settings, "show-minimap"));
  state = g_action_group_get_action_state (G_ACTION_GROUP (f.window), "show-minimap");
  g_assert_false (g_variant_get_boolean (state));
  g_clear_pointer (&state, g_variant_unref);

  /* Remembered: a window opened afterwards has none either. */
  canvas_fixture_open (&g, "bill-payment.cjm");
  set_zoom (&g, 2.0);
  g_assert_false (minimap_shown_in (g.window));
  canvas_fixture_close (&g);

  /* On again, from the same item. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.show-minimap", NULL));
  cjm_harness_wait_frame (GTK_WIDGET (f.canvas));
  cjm_harness_wait_frame (GTK_WIDGET (f.canvas));
  g_assert_true (minimap_bounds (&f, &bounds));
  g_assert_true (g_settings_get_boolean (settings, "show-minimap"));

  canvas_fixture_close (&f);
}

/* A card dragged onto the minimap: the minimap moves to the other bottom
 * corner, off the card following the pointer, and stays there. */
static void
test_moves_off_a_dragged_card (void)
{
  CanvasFixture f;
  graphene_rect_t bounds, card, ghost;
  double px, py, tx, ty;
  int width, height;

  canvas_fixture_open (&f, "bill-payment.cjm");
  set_zoom (&f, 2.0);
  g_assert_true (minimap_bounds (&f, &bounds));
  width = gtk_widget_get_width (GTK_WIDGET (f.canvas));
  height = gtk_widget_get_height (GTK_WIDGET (f.canvas));
  g_assert_cmpfloat (fabs (bounds.origin.x + bounds.size.width - (width - MARGIN)), <, 1);

  /* The card in view, below the headers and well away from the minimap. */
  g_assert_true (cjm_canvas_get_item_widget_rect (f.canvas, canvas_fixture_item (&f, "t-sms-due"),
                                                  &card));
  {
    GtkAdjustment *h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (f.canvas));
    GtkAdjustment *v = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (f.canvas));

    gtk_adjustment_set_value (h, gtk_adjustment_get_value (h) + card.origin.x - 300);
    gtk_adjustment_set_value (v, gtk_adjustment_get_value (v) + card.origin.y - 250);
  }
  cjm_harness_wait_frame (GTK_WIDGET (f.canvas));
  cjm_harness_wait_frame (GTK_WIDGET (f.canvas));
  g_assert_true (minimap_bounds (&f, &bounds));
  g_assert_true (cjm_canvas_get_item_widget_rect (f.canvas, canvas_fixture_item (&f, "t-sms-due"),
                                                  &card));
  g_assert_true (graphene_rect_contains_rect (&GRAPHENE_RECT_INIT (0, 0, width, height), &card));
  px = card.origin.x + card.size.width / 2;
  py = card.origin.y + MIN (card.size.height / 2, 30);
  tx = bounds.origin.x + bounds.size.width / 2;
  ty = bounds.origin.y + bounds.size.height / 2;

  cjm_harness_pointer_move (GTK_WIDGET (f.canvas), px, py);
  cjm_harness_button (1, TRUE);
  for (guint i = 1; i <= 8; i++)
    cjm_harness_pointer_move (GTK_WIDGET (f.canvas), px + (tx - px) * i / 8,
                              py + (ty - py) * i / 8);
  cjm_harness_iterate (100);
  cjm_harness_wait_frame (GTK_WIDGET (f.canvas));

  /* The card follows the pointer to where the minimap was… */
  ghost = card;
  ghost.origin.x += tx - px;
  ghost.origin.y += ty - py;
  g_assert_true (graphene_rect_intersection (&ghost, &bounds, NULL));
  /* …and the minimap is no longer there: bottom left now. */
  g_assert_true (minimap_bounds (&f, &bounds));
  g_assert_false (graphene_rect_intersection (&ghost, &bounds, NULL));
  g_assert_false (graphene_rect_contains_point (&bounds, &GRAPHENE_POINT_INIT (tx, ty)));
  g_assert_cmpfloat (fabs (bounds.origin.x - MARGIN), <, 1);
  g_assert_cmpfloat (fabs (bounds.origin.y + bounds.size.height - (height - MARGIN)), <, 1);

  /* Dropped nowhere (Escape): the map is unchanged, and the minimap stays
   * in its new corner rather than jump back. */
  cjm_harness_key ("Escape");
  cjm_harness_button (1, FALSE);
  cjm_harness_iterate (100);
  cjm_harness_wait_frame (GTK_WIDGET (f.canvas));
  g_assert_false (cjm_document_get_modified (f.document));
  g_assert_true (minimap_bounds (&f, &bounds));
  g_assert_cmpfloat (fabs (bounds.origin.x - MARGIN), <, 1);

  canvas_fixture_close (&f);
}

/* A card edited in place under the minimap's corner: the minimap moves. */
static void
test_moves_off_the_edited_card (void)
{
  CanvasFixture f;
  graphene_rect_t bounds, card;
  CjmItem *item = NULL;
  CjmLayout *layout;

  canvas_fixture_open (&f, "bill-payment.cjm");
  set_zoom (&f, 2.0);
  g_assert_true (minimap_bounds (&f, &bounds));

  /* Scroll so that some card lies under the minimap. */
  layout = cjm_canvas_get_layout (f.canvas);
  for (guint attempt = 0; attempt < 40 && item == NULL; attempt++)
    {
      for (guint i = 0; i < cjm_layout_get_n_cards (layout) && item == NULL; i++)
        {
          CjmItem *candidate = cjm_layout_get_card (layout, i)->item;

          if (cjm_canvas_get_item_widget_rect (f.canvas, candidate, &card)
              && graphene_rect_intersection (&card, &bounds, NULL))
            item = candidate;
        }
      if (item == NULL)
        {
          GtkAdjustment *v = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (f.canvas));
          GtkAdjustment *h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (f.canvas));

          gtk_adjustment_set_value (v, gtk_adjustment_get_value (v) + 40);
          if (attempt % 4 == 3)
            gtk_adjustment_set_value (h, gtk_adjustment_get_value (h) + 120);
          cjm_harness_wait_frame (GTK_WIDGET (f.canvas));
        }
    }
  g_assert_nonnull (item);

  cjm_canvas_edit_item (f.canvas, item);
  cjm_harness_wait_frame (GTK_WIDGET (f.canvas));
  cjm_harness_wait_frame (GTK_WIDGET (f.canvas));
  g_assert_true (cjm_canvas_is_editing (f.canvas));
  g_assert_true (cjm_canvas_get_item_widget_rect (f.canvas, item, &card));
  {
    /* Its own corner would cover the card… */
    int width = gtk_widget_get_width (GTK_WIDGET (f.canvas));
    int height = gtk_widget_get_height (GTK_WIDGET (f.canvas));
    graphene_rect_t home = GRAPHENE_RECT_INIT (width - MARGIN - bounds.size.width,
                                               height - MARGIN - bounds.size.height,
                                               bounds.size.width, bounds.size.height);

    g_assert_true (graphene_rect_intersection (&card, &home, NULL));
  }
  /* …so it is in another one. */
  g_assert_true (minimap_bounds (&f, &bounds));
  g_assert_false (graphene_rect_intersection (&card, &bounds, NULL));

  cjm_harness_key ("Escape");
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
  g_test_add_func ("/canvas/minimap/toggle-is-remembered", test_toggle_is_remembered);
  g_test_add_func ("/canvas/minimap/moves-off-a-dragged-card", test_moves_off_a_dragged_card);
  g_test_add_func ("/canvas/minimap/moves-off-the-edited-card", test_moves_off_the_edited_card);

  return g_test_run ();
}
