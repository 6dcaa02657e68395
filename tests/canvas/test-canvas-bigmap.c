/* test-canvas-bigmap.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A generated map wider than the largest texture GL accepts (16,384 px at
 * 100 %), as the X server shows it under the renderer in use: the emotion
 * curves and the links are in the pixels at the start, middle and end of
 * the map; and after zooming in and out and scrolling with real input,
 * each card in view shows the same pixels as the canvas's own render nodes
 * drawn by cairo (no stale or doubled card picture), and a click at its
 * centre selects that card; a zoom step shows in the very next frame, the
 * curves and links where the new zoom puts them, whether the view had
 * just moved or had rested for a while.
 */

#define G_LOG_DOMAIN "CjmCanvasTest"

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <math.h>

#include "canvas-fixture.h"


static void
open_big_map (CanvasFixture *f)
{
  g_autofree char *path = canvas_fixture_generate_map ("big.cjm", "7");
  double mw, mh;

  canvas_fixture_open_path (f, path);
  cjm_layout_get_size (cjm_canvas_get_layout (f->canvas), &mw, &mh);
  g_assert_cmpfloat (mw, >, 16384);
}

static void
wait_frames (CanvasFixture *f)
{
  /* A zoom step shows the view before it scaled for a moment (see
   * cjm-canvas-nodes.c): past that, the map is drawn at the new zoom. */
  cjm_harness_iterate (300);
  cjm_harness_wait_frame (GTK_WIDGET (f->canvas));
  cjm_harness_wait_frame (GTK_WIDGET (f->canvas));
  cjm_harness_iterate (100);
}

static void
shoot_now (CanvasFixture *f,
           const char    *name,
           CanvasShot    *shot);

static void
shoot (CanvasFixture *f,
       const char    *name,
       CanvasShot    *shot)
{
  wait_frames (f);
  shoot_now (f, name, shot);
}

/* The window as it is on screen now. */
static void
shoot_now (CanvasFixture *f,
           const char    *name,
           CanvasShot    *shot)
{
  canvas_fixture_shoot (f, "bigmap", name, shot);
}

/* The part of the canvas where the map itself shows: right of the pinned
 * lane headers, below the pinned stage headers, not under the minimap. */
static gboolean
in_open_view (CanvasFixture *f,
              double         wx,
              double         wy,
              double         margin)
{
  CjmLayout *layout = cjm_canvas_get_layout (f->canvas);
  const CjmLayoutLane *lane = cjm_layout_get_lane (layout, 0);
  const CjmLayoutStage *stage = cjm_layout_get_stage (layout, 0);
  double zoom = cjm_canvas_get_zoom (f->canvas);
  GtkWidget *minimap = GTK_WIDGET (canvas_fixture_find_minimap (f->canvas));
  graphene_rect_t bounds;

  if (wx < lane->header.width * zoom + 40 + margin || wy < stage->header.height * zoom + 40 + margin
      || wx > gtk_widget_get_width (GTK_WIDGET (f->canvas)) - margin
      || wy > gtk_widget_get_height (GTK_WIDGET (f->canvas)) - margin)
    return FALSE;
  if (minimap != NULL && gtk_widget_get_child_visible (minimap)
      && gtk_widget_compute_bounds (minimap, GTK_WIDGET (f->canvas), &bounds))
    {
      graphene_rect_inset (&bounds, -margin - 4, -margin - 4);
      if (graphene_rect_contains_point (&bounds, &GRAPHENE_POINT_INIT (wx, wy)))
        return FALSE;
    }
  return TRUE;
}

static gboolean
under_a_card (CjmLayout *layout,
              double     mx,
              double     my)
{
  for (guint i = 0; i < cjm_layout_get_n_cards (layout); i++)
    {
      const CjmLayoutCard *card = cjm_layout_get_card (layout, i);
      CjmRect r = { card->rect.x - 3, card->rect.y - 3, card->rect.width + 6,
                    card->rect.height + 6 };

      if (cjm_rect_contains (&r, mx, my))
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_coloured (const guint8 *p)
{
  return MAX (MAX (p[0], p[1]), p[2]) - MIN (MIN (p[0], p[1]), p[2]) > 50;
}

static gboolean
is_dark (const guint8 *p)
{
  return (p[0] + p[1] + p[2]) / 3 < 185;
}

/* Some pixel within radius of (wx, wy) that is coloured (a curve's
 * persona colour or an emotion face, not grey or white) or dark enough
 * to be a link's stroke. */
static gboolean
found_near (const CanvasShot *shot,
            int               wx,
            int               wy,
            int               radius,
            gboolean        (*wanted) (const guint8 *p))
{
  for (int dy = -radius; dy <= radius; dy++)
    for (int dx = -radius; dx <= radius; dx++)
      {
        const guint8 *p = canvas_shot_pixel (shot, wx + dx, wy + dy);

        if (p != NULL && wanted (p))
          return TRUE;
      }
  return FALSE;
}

static void
check_curves_and_links (CanvasFixture    *f,
                        const CanvasShot *shot,
                        const char       *where)
{
  CjmLayout *layout = cjm_canvas_get_layout (f->canvas);
  guint points = 0, coloured = 0, samples = 0, dark = 0;

  for (guint c = 0; c < cjm_layout_get_n_curves (layout); c++)
    {
      const CjmLayoutCurve *curve = cjm_layout_get_curve (layout, c);

      for (guint p = 0; p < curve->n_points; p++)
        {
          double wx, wy;

          cjm_canvas_map_to_widget (f->canvas, curve->points[p].x, curve->points[p].y, &wx, &wy);
          if (!in_open_view (f, wx, wy, 8))
            continue;
          points++;
          if (found_near (shot, (int) wx, (int) wy, 12, is_coloured))
            coloured++;
        }
    }

  for (guint l = 0; l < cjm_layout_get_n_links (layout); l++)
    {
      const CjmLayoutLink *link = cjm_layout_get_link (layout, l);

      for (double t = 0.05; t < 0.96; t += 0.05)
        {
          double u = 1 - t;
          double mx = u * u * u * link->path[0].x + 3 * u * u * t * link->path[1].x
                      + 3 * u * t * t * link->path[2].x + t * t * t * link->path[3].x;
          double my = u * u * u * link->path[0].y + 3 * u * u * t * link->path[1].y
                      + 3 * u * t * t * link->path[2].y + t * t * t * link->path[3].y;
          double wx, wy;

          cjm_canvas_map_to_widget (f->canvas, mx, my, &wx, &wy);
          if (!in_open_view (f, wx, wy, 8) || under_a_card (layout, mx, my)
              || cjm_rect_contains (&link->label, mx, my))
            continue;
          samples++;
          if (found_near (shot, (int) wx, (int) wy, 2, is_dark))
            dark++;
        }
    }

  g_test_message ("%s: %u/%u curve points coloured, %u/%u link samples dark", where,
                  coloured, points, dark, samples);
  g_assert_cmpuint (points, >=, 5);
  g_assert_cmpuint (coloured * 10, >=, points * 8);
  g_assert_cmpuint (samples, >=, 5);
  g_assert_cmpuint (dark * 10, >=, samples * 7);
}

static void
test_curves_and_links_across_the_map (void)
{
  CanvasFixture f;
  GtkAdjustment *hadjustment;
  const char *names[] = { "start", "middle", "end" };
  double fractions[] = { 0.0, 0.5, 1.0 };

  open_big_map (&f);
  cjm_canvas_set_zoom (f.canvas, 1.0);
  wait_frames (&f);
  hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (f.canvas));
  for (guint i = 0; i < G_N_ELEMENTS (fractions); i++)
    {
      CanvasShot shot;
      double upper = gtk_adjustment_get_upper (hadjustment);
      double page = gtk_adjustment_get_page_size (hadjustment);

      gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (f.canvas)), 0);
      gtk_adjustment_set_value (hadjustment, (upper - page) * fractions[i]);
      shoot (&f, names[i], &shot);
      check_curves_and_links (&f, &shot, names[i]);
      g_object_unref (shot.pixbuf);
    }
  canvas_fixture_close (&f);
}

/* The canvas's current render nodes drawn by cairo, as RGBA rows. */
static guint8 *
render_reference (CanvasFixture *f,
                  int           *stride)
{
  GtkWidget *widget = GTK_WIDGET (f->canvas);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  guint8 *data;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  g_assert_true (gsk_renderer_realize (renderer, NULL, &error));
  g_assert_no_error (error);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_renderer_unrealize (renderer);
  if (g_getenv ("CJM_SCREENSHOT_DIR") != NULL)
    {
      g_autofree char *path = g_build_filename (g_getenv ("CJM_SCREENSHOT_DIR"),
                                                "bigmap-reference.png", NULL);

      gdk_texture_save_to_png (texture, path);
    }
  *stride = width * 4;
  data = g_malloc (*stride * height);
  gdk_texture_download (texture, data, *stride);
  return data;
}

/* Every card wholly in view shows what its nodes draw; a click at the
 * centre of a few of them selects that card. Returns the cards checked. */
static guint
check_cards (CanvasFixture *f,
             const char    *where)
{
  CjmLayout *layout = cjm_canvas_get_layout (f->canvas);
  g_autofree guint8 *reference = NULL;
  int stride;
  CanvasShot shot;
  guint checked = 0, clicked = 0;
  g_autoptr(GPtrArray) to_click = g_ptr_array_new ();

  shoot (f, where, &shot);
  reference = render_reference (f, &stride);

  for (guint i = 0; i < cjm_layout_get_n_cards (layout); i++)
    {
      const CjmLayoutCard *card = cjm_layout_get_card (layout, i);
      double x0, y0, x1, y1;
      guint differing = 0, total = 0;

      if (card->unplaced)
        continue;
      cjm_canvas_map_to_widget (f->canvas, card->rect.x, card->rect.y, &x0, &y0);
      cjm_canvas_map_to_widget (f->canvas, card->rect.x + card->rect.width,
                                card->rect.y + card->rect.height, &x1, &y1);
      if (!in_open_view (f, MIN (x0, x1), y0, 2) || !in_open_view (f, MAX (x0, x1), y1, 2))
        continue;
      for (int y = (int) y0 + 2; y < (int) y1 - 2; y++)
        for (int x = (int) MIN (x0, x1) + 2; x < (int) MAX (x0, x1) - 2; x++)
          {
            const guint8 *p = canvas_shot_pixel (&shot, x, y);
            int diff = 255;

            /* The texture is premultiplied B, G, R, A in memory order on
             * little-endian; the map is opaque there. GL places a cached
             * texture to the nearest pixel where cairo may not: the best
             * match within one pixel counts. */
            for (int dy = -1; dy <= 1; dy++)
              for (int dx = -1; dx <= 1; dx++)
                {
                  const guint8 *r = reference + (y + dy) * stride + (x + dx) * 4;

                  diff = MIN (diff, MAX (MAX (ABS (p[0] - r[2]), ABS (p[1] - r[1])),
                                         ABS (p[2] - r[0])));
                }

            total++;
            if (diff > 96)
              differing++;
          }
      checked++;
      /* Another card's picture differs in its title, facts and badges. */
      if (differing * 100 > total * 3)
        g_error ("%s: card %u (%s) at %.0f,%.0f differs from its nodes in %u of %u pixels",
                 where, i, cjm_item_get_id (card->item), x0, y0, differing, total);
      if (to_click->len < 3 && i % 5 == 0)
        g_ptr_array_add (to_click, (gpointer) card);
    }
  g_object_unref (shot.pixbuf);

  for (guint i = 0; i < to_click->len; i++)
    {
      const CjmLayoutCard *card = g_ptr_array_index (to_click, i);
      double wx, wy;
      GPtrArray *selection;

      cjm_canvas_map_to_widget (f->canvas, card->rect.x + card->rect.width / 2,
                                card->rect.y + 12, &wx, &wy);
      cjm_harness_click (GTK_WIDGET (f->canvas), wx, wy, 1, NULL);
      cjm_harness_iterate (100);
      selection = cjm_canvas_get_selection (f->canvas);
      g_assert_cmpuint (selection->len, ==, 1);
      g_assert_true (g_ptr_array_index (selection, 0) == card->item);
      clicked++;
    }
  g_test_message ("%s: %u cards match their nodes, %u clicked", where, checked, clicked);
  return checked;
}

static void
scroll_wheel (CanvasFixture *f,
              guint          button,
              guint          times)
{
  g_autofree char *line = g_strdup_printf ("click --repeat %u --delay 30 %u", times, button);

  cjm_harness_pointer_move (GTK_WIDGET (f->canvas), gtk_widget_get_width (GTK_WIDGET (f->canvas)) / 2.0,
                            gtk_widget_get_height (GTK_WIDGET (f->canvas)) / 2.0);
  cjm_harness_xdotool_line (line);
  wait_frames (f);
}

static void
test_cards_match_hits_after_zoom_and_scroll (void)
{
  CanvasFixture f;
  guint checked = 0;

  open_big_map (&f);
  cjm_canvas_set_zoom (f.canvas, 1.0);
  wait_frames (&f);
  checked += check_cards (&f, "100");

  /* In three steps, across the middle of the map, and back out. */
  gtk_widget_grab_focus (GTK_WIDGET (f.canvas));
  for (int i = 0; i < 3; i++)
    cjm_harness_key ("ctrl+plus");
  wait_frames (&f);
  g_assert_cmpfloat (cjm_canvas_get_zoom (f.canvas), >, 1.2);
  scroll_wheel (&f, 7, 40);
  scroll_wheel (&f, 5, 6);
  checked += check_cards (&f, "zoomed-in");

  for (int i = 0; i < 5; i++)
    cjm_harness_key ("ctrl+minus");
  wait_frames (&f);
  g_assert_cmpfloat (cjm_canvas_get_zoom (f.canvas), <, 1.0);
  scroll_wheel (&f, 6, 15);
  scroll_wheel (&f, 4, 3);
  checked += check_cards (&f, "zoomed-out");

  g_assert_cmpuint (checked, >=, 10);
  canvas_fixture_close (&f);
}

/* A step of the zoom shows at once, in the next frame, with the curves
 * and the links where the new zoom puts them (first as the view before,
 * scaled, under GL), and then drawn at the new zoom. */
static void
test_zoom_step_shows_at_once (void)
{
  CanvasFixture f;
  CanvasShot shot;
  double zoom;

  open_big_map (&f);
  cjm_canvas_set_zoom (f.canvas, 1.0);
  gtk_adjustment_set_value (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (f.canvas)), 3000);
  gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (f.canvas)), 0);
  wait_frames (&f);

  gtk_widget_grab_focus (GTK_WIDGET (f.canvas));
  cjm_harness_key ("ctrl+plus");
  zoom = cjm_canvas_get_zoom (f.canvas);
  g_assert_cmpfloat (zoom, >, 1.0);
  cjm_harness_wait_frame (GTK_WIDGET (f.canvas));
  shoot_now (&f, "zoom-step", &shot);
  check_curves_and_links (&f, &shot, "the frame after a zoom step");
  g_object_unref (shot.pixbuf);

  cjm_harness_key ("ctrl+minus");
  g_assert_cmpfloat (cjm_canvas_get_zoom (f.canvas), <, zoom);
  cjm_harness_wait_frame (GTK_WIDGET (f.canvas));
  shoot_now (&f, "zoom-step-back", &shot);
  check_curves_and_links (&f, &shot, "the frame after a step back");
  g_object_unref (shot.pixbuf);

  /* Rested: drawn at the zoom, every card as its nodes draw it. */
  g_assert_cmpuint (check_cards (&f, "zoom-step-rested"), >=, 5);

  /* Out from there, after a rest (GL's cache of the tiles has been
   * through idle time): more of the map comes into view at once. */
  cjm_harness_iterate (1500);
  zoom = cjm_canvas_get_zoom (f.canvas);
  cjm_harness_key ("ctrl+minus");
  g_assert_cmpfloat (cjm_canvas_get_zoom (f.canvas), <, zoom);
  cjm_harness_wait_frame (GTK_WIDGET (f.canvas));
  shoot_now (&f, "zoom-step-out", &shot);
  check_curves_and_links (&f, &shot, "the frame after a step out");
  g_object_unref (shot.pixbuf);
  g_assert_cmpuint (check_cards (&f, "zoom-step-out-rested"), >=, 5);

  /* And in again after a rest. */
  cjm_harness_iterate (1500);
  zoom = cjm_canvas_get_zoom (f.canvas);
  cjm_harness_key ("ctrl+plus");
  g_assert_cmpfloat (cjm_canvas_get_zoom (f.canvas), >, zoom);
  cjm_harness_wait_frame (GTK_WIDGET (f.canvas));
  shoot_now (&f, "zoom-step-in-rested", &shot);
  check_curves_and_links (&f, &shot, "the frame after a step in from rest");
  g_object_unref (shot.pixbuf);
  g_assert_cmpuint (check_cards (&f, "zoom-step-in-rested-drawn"), >=, 5);
  canvas_fixture_close (&f);
}

int
main (int   argc,
      char *argv[])
{
  canvas_test_init (&argc, &argv);

  g_test_add_func ("/canvas/bigmap/curves-and-links", test_curves_and_links_across_the_map);
  g_test_add_func ("/canvas/bigmap/cards-match-hits", test_cards_match_hits_after_zoom_and_scroll);
  g_test_add_func ("/canvas/bigmap/zoom-step", test_zoom_step_shows_at_once);
  return g_test_run ();
}
