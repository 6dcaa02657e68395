/* test-canvas-lod.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Level of detail on a generated map wider than 16,384 px at 100 %, read
 * back from the X server under the renderer in use: "Fit map" (Ctrl+1)
 * zooms to the value that shows the whole map and the whole map is in
 * view; below the zoom where a card's title would be under 6 px, cards
 * are blocks of their fill colour with no title glyphs (while just above
 * it the same titles show), and each emotion curve is still a visible line.
 */

#define G_LOG_DOMAIN "CjmCanvasTest"

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <math.h>

#include "canvas-fixture.h"
#include "cjm-render.h"


/* The space the canvas keeps around the map (CJM_CANVAS_MARGIN). */
#define MARGIN 32.0

static void
wait_frames (CanvasFixture *f)
{
  cjm_harness_wait_frame (GTK_WIDGET (f->canvas));
  cjm_harness_wait_frame (GTK_WIDGET (f->canvas));
  cjm_harness_iterate (100);
}

static void
shoot (CanvasFixture *f,
       const char    *name,
       CanvasShot    *shot)
{
  wait_frames (f);
  canvas_fixture_shoot (f, "lod", name, shot);
}

/* Not under the minimap, inside the canvas. */
static gboolean
in_view (CanvasFixture         *f,
         const graphene_rect_t *r)
{
  GtkWidget *minimap = GTK_WIDGET (canvas_fixture_find_minimap (f->canvas));
  graphene_rect_t bounds;

  if (r->origin.x < 0 || r->origin.y < 0
      || r->origin.x + r->size.width > gtk_widget_get_width (GTK_WIDGET (f->canvas))
      || r->origin.y + r->size.height > gtk_widget_get_height (GTK_WIDGET (f->canvas)))
    return FALSE;
  if (minimap != NULL && gtk_widget_get_child_visible (minimap)
      && gtk_widget_compute_bounds (minimap, GTK_WIDGET (f->canvas), &bounds))
    {
      graphene_rect_inset (&bounds, -6, -6);
      if (graphene_rect_intersection (&bounds, r, NULL))
        return FALSE;
    }
  return TRUE;
}

/* A glyph's pixel: dark and grey (text is drawn in the paper's text
 * colour; faces and stripes are coloured). */
static gboolean
is_text (const guint8 *p)
{
  int hi = MAX (MAX (p[0], p[1]), p[2]), lo = MIN (MIN (p[0], p[1]), p[2]);

  return (p[0] + p[1] + p[2]) / 3 < 120 && hi - lo < 40;
}

/* Over the touchpoints in view: how many show title glyphs, and how many
 * show their block (the stripe in the lane's colour). */
static void
count_cards (CanvasFixture    *f,
             const CanvasShot *shot,
             guint            *n_cards,
             guint            *with_text,
             guint            *filled)
{
  CjmLayout *layout = cjm_canvas_get_layout (f->canvas);

  *n_cards = *with_text = *filled = 0;
  for (guint i = 0; i < cjm_layout_get_n_cards (layout); i++)
    {
      const CjmLayoutCard *card = cjm_layout_get_card (layout, i);
      graphene_rect_t r;
      double x0, y0, x1, y1, cx, cy, face;
      guint text = 0;

      if (cjm_item_get_kind (card->item) != CJM_KIND_TOUCHPOINT
          || !cjm_canvas_get_item_widget_rect (f->canvas, card->item, &r) || !in_view (f, &r))
        continue;
      (*n_cards)++;
      cjm_canvas_map_to_widget (f->canvas, card->title.x, card->title.y, &x0, &y0);
      cjm_canvas_map_to_widget (f->canvas, card->title.x + card->title.width,
                                card->title.y + card->title.height, &x1, &y1);
      /* The simplified card's face sits in the middle: not text. */
      cx = r.origin.x + r.size.width / 2;
      cy = r.origin.y + r.size.height / 2;
      face = r.size.height * 0.4 + 2;
      for (int y = (int) floor (y0); y <= (int) ceil (y1); y++)
        for (int x = (int) floor (x0); x <= (int) ceil (x1); x++)
          {
            const guint8 *p = canvas_shot_pixel (shot, x, y);

            if (p != NULL && hypot (x - cx, y - cy) > face && is_text (p))
              text++;
          }
      if (text >= 3)
        (*with_text)++;
      /* The block is drawn: its lane-coloured stripe on the start edge. */
      for (int x = (int) r.origin.x; x <= (int) r.origin.x + 4; x++)
        {
          const guint8 *p = canvas_shot_pixel (shot, x, (int) cy);

          if (p != NULL && MAX (MAX (p[0], p[1]), p[2]) - MIN (MIN (p[0], p[1]), p[2]) > 40)
            {
              (*filled)++;
              break;
            }
        }
    }
}

static void
test_fit_shows_the_whole_map (void)
{
  CanvasFixture f;
  g_autofree char *path = canvas_fixture_generate_map ("lod.cjm", "11");
  GtkWidget *widget;
  CjmLayout *layout;
  double mw, mh, fit, x0, y0, x1, y1;
  int width, height;
  CanvasShot shot;
  guint points = 0, coloured = 0;

  canvas_fixture_open_path (&f, path);
  widget = GTK_WIDGET (f.canvas);
  layout = cjm_canvas_get_layout (f.canvas);
  cjm_layout_get_size (layout, &mw, &mh);
  g_assert_cmpfloat (mw, >, 16384);

  /* From 100 %, scrolled into the middle, Ctrl+1. */
  cjm_canvas_set_zoom (f.canvas, 1.0);
  gtk_adjustment_set_value (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (f.canvas)), mw / 2);
  wait_frames (&f);
  cjm_harness_key ("ctrl+1");
  wait_frames (&f);

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  fit = MIN ((width - 2 * MARGIN) / mw,
             (height - 2 * MARGIN) / mh);
  g_assert_cmpfloat_with_epsilon (cjm_canvas_get_zoom (f.canvas), fit, 1e-6);
  g_assert_cmpfloat (fit, <, CJM_RENDER_SIMPLIFY_ZOOM);
  cjm_canvas_map_to_widget (f.canvas, 0, 0, &x0, &y0);
  cjm_canvas_map_to_widget (f.canvas, mw, mh, &x1, &y1);
  g_assert_cmpfloat (x0, >=, 0);
  g_assert_cmpfloat (y0, >=, 0);
  g_assert_cmpfloat (x1, <=, width);
  g_assert_cmpfloat (y1, <=, height);

  /* Each persona's curve is still a line to be seen: coloured pixels at
   * its points. */
  shoot (&f, "fit", &shot);
  for (guint c = 0; c < cjm_layout_get_n_curves (layout); c++)
    {
      const CjmLayoutCurve *curve = cjm_layout_get_curve (layout, c);

      for (guint p = 0; p < curve->n_points; p += 5)
        {
          double wx, wy;
          gboolean found = FALSE;

          cjm_canvas_map_to_widget (f.canvas, curve->points[p].x, curve->points[p].y, &wx, &wy);
          if (!in_view (&f, &GRAPHENE_RECT_INIT (wx - 3, wy - 3, 6, 6)))
            continue;
          points++;
          for (int dy = -2; dy <= 2 && !found; dy++)
            for (int dx = -2; dx <= 2 && !found; dx++)
              {
                const guint8 *px = canvas_shot_pixel (&shot, (int) wx + dx, (int) wy + dy);

                found = px != NULL
                        && MAX (MAX (px[0], px[1]), px[2]) - MIN (MIN (px[0], px[1]), px[2]) > 50;
              }
          if (found)
            coloured++;
        }
    }
  g_test_message ("fit %.3f: %u/%u curve points coloured", fit, coloured, points);
  g_assert_cmpuint (points, >=, 10);
  g_assert_cmpuint (coloured * 10, >=, points * 8);
  g_object_unref (shot.pixbuf);
  canvas_fixture_close (&f);
}

static void
test_cards_lose_text_below_readable_zoom (void)
{
  CanvasFixture f;
  g_autofree char *path = canvas_fixture_generate_map ("lod.cjm", "11");
  CanvasShot shot;
  guint n, with_text, filled;

  canvas_fixture_open_path (&f, path);

  /* Just above the limit the titles are drawn: the count sees them. */
  cjm_canvas_set_zoom (f.canvas, CJM_RENDER_SIMPLIFY_ZOOM + 0.05);
  shoot (&f, "above", &shot);
  count_cards (&f, &shot, &n, &with_text, &filled);
  g_test_message ("zoom %.2f: %u cards, %u with text, %u filled", cjm_canvas_get_zoom (f.canvas),
                  n, with_text, filled);
  g_assert_cmpuint (n, >=, 10);
  g_assert_cmpuint (with_text * 10, >=, n * 8);
  g_object_unref (shot.pixbuf);

  /* Just below: blocks of colour, no glyph. */
  cjm_canvas_set_zoom (f.canvas, CJM_RENDER_SIMPLIFY_ZOOM - 0.05);
  shoot (&f, "below", &shot);
  count_cards (&f, &shot, &n, &with_text, &filled);
  g_test_message ("zoom %.2f: %u cards, %u with text, %u filled", cjm_canvas_get_zoom (f.canvas),
                  n, with_text, filled);
  g_assert_cmpuint (n, >=, 10);
  g_assert_cmpuint (with_text, ==, 0);
  g_assert_cmpuint (filled * 10, >=, n * 9);
  g_object_unref (shot.pixbuf);
  canvas_fixture_close (&f);
}

int
main (int   argc,
      char *argv[])
{
  canvas_test_init (&argc, &argv);

  g_test_add_func ("/canvas/lod/fit", test_fit_shows_the_whole_map);
  g_test_add_func ("/canvas/lod/no-text", test_cards_lose_text_below_readable_zoom);
  return g_test_run ();
}
