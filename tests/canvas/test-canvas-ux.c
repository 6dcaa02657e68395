/* test-canvas-ux.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a new user tripped over on the canvas, in a real window with real
 * pointer input (xdotool), checked in the pixels the X server shows:
 * a touchpoint without an emotion is a hollow point on the emotion lane
 * that is dragged up or down to set one; the tooltip names the card under
 * the pointer, also after moving to another card or scrolling; links are
 * drawn over the cards they cross, and the link under the pointer is
 * highlighted with its two cards.
 */

#define G_LOG_DOMAIN "CjmCanvasTest"

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <math.h>

#include "canvas-fixture.h"
#include "cjm-edit.h"

/* Helpers */

static GdkPixbuf *
shoot (CanvasFixture *f,
       const char    *name)
{
  const char *dir = g_getenv ("CJM_SCREENSHOT_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  GdkPixbuf *pixbuf;

  cjm_harness_wait_frame (GTK_WIDGET (f->canvas));
  if (dir != NULL && *dir != '\0')
    path = g_build_filename (dir, name, NULL);
  else
    path = g_build_filename (cjm_harness_get_tmpdir (), name, NULL);
  cjm_harness_screenshot (GTK_WINDOW (f->window), path);
  pixbuf = gdk_pixbuf_new_from_file (path, &error);
  g_assert_no_error (error);
  return pixbuf;
}

/* The pixel of the screenshot at a canvas point; FALSE outside. */
static gboolean
pixel_at (CanvasFixture *f,
          GdkPixbuf     *pixbuf,
          double         wx,
          double         wy,
          guint8         rgb[3])
{
  int sx, sy;
  const guint8 *p;

  cjm_harness_to_surface (GTK_WIDGET (f->canvas), wx, wy, &sx, &sy);
  if (sx < 0 || sy < 0 || sx >= gdk_pixbuf_get_width (pixbuf)
      || sy >= gdk_pixbuf_get_height (pixbuf))
    return FALSE;
  p = gdk_pixbuf_read_pixels (pixbuf) + sy * gdk_pixbuf_get_rowstride (pixbuf)
      + sx * gdk_pixbuf_get_n_channels (pixbuf);
  rgb[0] = p[0];
  rgb[1] = p[1];
  rgb[2] = p[2];
  return TRUE;
}

static int
colour_distance (const guint8 rgb[3],
                 guint32      hex)
{
  int dr = ABS (rgb[0] - (int) ((hex >> 16) & 0xff));
  int dg = ABS (rgb[1] - (int) ((hex >> 8) & 0xff));
  int db = ABS (rgb[2] - (int) (hex & 0xff));

  return MAX (MAX (dr, dg), db);
}

/* The closest a pixel within radius of a canvas point comes to a colour. */
static int
nearest_colour (CanvasFixture *f,
                GdkPixbuf     *pixbuf,
                double         wx,
                double         wy,
                int            radius,
                guint32        hex)
{
  int best = 255;

  for (int dy = -radius; dy <= radius; dy++)
    for (int dx = -radius; dx <= radius; dx++)
      {
        guint8 rgb[3];

        if (pixel_at (f, pixbuf, wx + dx, wy + dy, rgb))
          best = MIN (best, colour_distance (rgb, hex));
      }
  return best;
}

/* Pixels close to the accent (#3584e4) just outside a rectangle of the
 * canvas: an outline drawn around it. */
static guint
accent_around (CanvasFixture         *f,
               GdkPixbuf             *pixbuf,
               const graphene_rect_t *rect)
{
  guint hits = 0;

  for (double x = rect->origin.x - 3; x <= rect->origin.x + rect->size.width + 3; x++)
    for (int d = 1; d <= 4; d++)
      {
        guint8 rgb[3];

        if (pixel_at (f, pixbuf, x, rect->origin.y - d, rgb)
            && colour_distance (rgb, 0x3584e4) < 40)
          hits++;
        if (pixel_at (f, pixbuf, x, rect->origin.y + rect->size.height + d, rgb)
            && colour_distance (rgb, 0x3584e4) < 40)
          hits++;
      }
  return hits;
}

/* Scrolls so that a map point is in the middle of the canvas, clear of the
 * minimap in its corner. */
static void
center_on (CanvasFixture *f,
           double         mx,
           double         my)
{
  GtkAdjustment *h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (f->canvas));
  GtkAdjustment *v = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (f->canvas));
  double wx, wy;

  cjm_canvas_map_to_widget (f->canvas, mx, my, &wx, &wy);
  gtk_adjustment_set_value (h, gtk_adjustment_get_value (h) + wx
                               - gtk_widget_get_width (GTK_WIDGET (f->canvas)) / 2.0);
  gtk_adjustment_set_value (v, gtk_adjustment_get_value (v) + wy
                               - gtk_widget_get_height (GTK_WIDGET (f->canvas)) / 2.0);
  cjm_harness_wait_frame (GTK_WIDGET (f->canvas));
  cjm_harness_wait_frame (GTK_WIDGET (f->canvas));
}

static void
set_zoom (CanvasFixture *f,
          double         zoom)
{
  cjm_canvas_set_zoom (f->canvas, zoom);
  cjm_harness_wait_frame (GTK_WIDGET (f->canvas));
  cjm_harness_wait_frame (GTK_WIDGET (f->canvas));
}

static void
bezier (const CjmPoint *p,
        double          t,
        double         *x,
        double         *y)
{
  double u = 1 - t;

  *x = u * u * u * p[0].x + 3 * u * u * t * p[1].x + 3 * u * t * t * p[2].x + t * t * t * p[3].x;
  *y = u * u * u * p[0].y + 3 * u * u * t * p[1].y + 3 * u * t * t * p[2].y + t * t * t * p[3].y;
}

static const CjmLayoutLink *
find_link (CjmLayout *layout,
           CjmItem   *from,
           CjmItem   *to)
{
  for (guint i = 0; i < cjm_layout_get_n_links (layout); i++)
    {
      const CjmLayoutLink *link = cjm_layout_get_link (layout, i);

      if (link->from == from && link->to == to)
        return link;
    }
  return NULL;
}

/* The text of the tooltip the window shows, or NULL: GTK puts its tooltip
 * window under the window it belongs to. */
static const char *
find_label_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (widget));

      if (text != NULL && *text != '\0')
        return text;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *text = find_label_text (child);

      if (text != NULL)
        return text;
    }
  return NULL;
}

static const char *
tooltip_text (CanvasFixture *f)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (f->window)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_str_equal (G_OBJECT_TYPE_NAME (child), "GtkTooltipWindow")
        && gtk_widget_get_mapped (child))
      return find_label_text (child);
  return NULL;
}

typedef struct {
  CanvasFixture *f;
  const char    *expected;
} TooltipWait;

static gboolean
tooltip_says (gpointer data)
{
  TooltipWait *wait = data;

  return g_strcmp0 (tooltip_text (wait->f), wait->expected) == 0;
}

static void
wait_for_tooltip (CanvasFixture *f,
                  const char    *expected)
{
  TooltipWait wait = { f, expected };

  if (!cjm_harness_wait_for (tooltip_says, &wait, 4000))
    g_error ("the tooltip says “%s”, not “%s”", tooltip_text (f), expected);
}

/* Hollow emotion points */

static void
test_hollow_emotion_point (void)
{
  CanvasFixture f;
  CjmItem *tp;
  CjmLayout *layout;
  const CjmLayoutUnsetPoint *point = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  guint8 rgb[3];
  guint ring = 0;
  guint lane;
  double wx, wy, tx, ty, x;

  canvas_fixture_open (&f, "bill-payment.cjm");
  tp = canvas_fixture_item (&f, "t-web-pay");
  layout = cjm_canvas_get_layout (f.canvas);
  g_assert_cmpuint (cjm_layout_get_n_unset_points (layout), ==, 0);

  /* A touchpoint whose emotion is not known yet. */
  cjm_document_set_field (f.document, tp, CJM_FIELD_EMOTION, NULL);
  g_assert_cmpint (cjm_item_get_emotion (tp), ==, CJM_EMOTION_UNSET);
  layout = cjm_canvas_get_layout (f.canvas);
  for (guint i = 0; i < cjm_layout_get_n_unset_points (layout); i++)
    if (cjm_layout_get_unset_point (layout, i)->item == tp)
      point = cjm_layout_get_unset_point (layout, i);
  g_assert_nonnull (point);
  lane = point->lane_index;
  x = point->x;
  /* At neutral height, in its stage's column. */
  g_assert_cmpfloat (fabs (point->y - cjm_layout_emotion_to_y (layout, lane, 0)), <, 0.01);
  {
    const CjmLayoutCard *card = cjm_layout_lookup_card (layout, tp);
    int s = cjm_document_index_of (f.document, card->stage);
    const CjmLayoutStage *stage = cjm_layout_get_stage (layout, s);

    g_assert_cmpfloat (x, >, stage->column.x);
    g_assert_cmpfloat (x, <, stage->column.x + stage->column.width);
  }

  /* Drawn as a hollow ring: paper inside, a grey ring 6 units out. */
  set_zoom (&f, 2.0);
  center_on (&f, x, point->y);
  cjm_canvas_map_to_widget (f.canvas, x, cjm_layout_emotion_to_y (layout, lane, 0), &wx, &wy);
  pixbuf = shoot (&f, "hollow-point.png");
  g_assert_true (pixel_at (&f, pixbuf, wx, wy, rgb));
  g_assert_cmpint (colour_distance (rgb, 0xffffff), <, 16);
  for (int a = 0; a < 16; a++)
    {
      double angle = a * G_PI / 8;
      double rx = wx + 12 * cos (angle), ry = wy + 12 * sin (angle);

      if (nearest_colour (&f, pixbuf, rx, ry, 1, 0x5e5c64) < 40)
        ring++;
    }
  g_assert_cmpuint (ring, >=, 12);

  /* Dragged up two steps: an emotion of +2, one undo step. */
  cjm_canvas_map_to_widget (f.canvas, x, cjm_layout_emotion_to_y (layout, lane, 2), &tx, &ty);
  cjm_harness_drag (GTK_WIDGET (f.canvas), wx, wy, GTK_WIDGET (f.canvas), tx, ty, 1, NULL, 8);
  cjm_harness_wait_frame (GTK_WIDGET (f.canvas));
  g_assert_cmpint (cjm_item_get_emotion (tp), ==, 2);
  layout = cjm_canvas_get_layout (f.canvas);
  for (guint i = 0; i < cjm_layout_get_n_unset_points (layout); i++)
    g_assert_true (cjm_layout_get_unset_point (layout, i)->item != tp);

  cjm_harness_key ("ctrl+z");
  cjm_harness_wait_frame (GTK_WIDGET (f.canvas));
  g_assert_cmpint (cjm_item_get_emotion (tp), ==, CJM_EMOTION_UNSET);

  canvas_fixture_close (&f);
}

/* Tooltips */

static void
test_tooltip_follows_the_pointer (void)
{
  CanvasFixture f;
  const char *a_text, *b_text;
  double ax, ay, bx, by;

  canvas_fixture_open (&f, "bill-payment.cjm");
  a_text = cjm_item_get_display_text (canvas_fixture_item (&f, "t-sms-due"));
  b_text = cjm_item_get_display_text (canvas_fixture_item (&f, "t-web-bill"));
  g_assert_cmpstr (a_text, !=, b_text);

  canvas_fixture_item_center (&f, "t-sms-due", &ax, &ay);
  canvas_fixture_item_center (&f, "t-web-bill", &bx, &by);
  cjm_harness_pointer_move (GTK_WIDGET (f.canvas), ax, ay);
  cjm_harness_pointer_move (GTK_WIDGET (f.canvas), ax + 2, ay + 1);
  wait_for_tooltip (&f, a_text);

  /* Straight to the next card: the tooltip names it, not the first. */
  cjm_harness_pointer_move (GTK_WIDGET (f.canvas), bx, by);
  cjm_harness_pointer_move (GTK_WIDGET (f.canvas), bx + 2, by + 1);
  wait_for_tooltip (&f, b_text);

  /* Zoomed in, B in the middle under the pointer; then the wheel scrolls
   * another card under the pointer, which does not move: the tooltip is
   * about that card, found by a new hit test, not about B. */
  set_zoom (&f, 1.5);
  {
    CjmLayout *layout = cjm_canvas_get_layout (f.canvas);
    CjmItem *b_item = canvas_fixture_item (&f, "t-web-bill");
    const CjmLayoutCard *b = cjm_layout_lookup_card (layout, b_item);
    const char *c_text = NULL;
    graphene_rect_t rect;
    double px, py;

    center_on (&f, b->rect.x + b->rect.width / 2, b->rect.y + b->rect.height / 2);
    px = gtk_widget_get_width (GTK_WIDGET (f.canvas)) / 2.0;
    py = gtk_widget_get_height (GTK_WIDGET (f.canvas)) / 2.0;
    cjm_harness_pointer_move (GTK_WIDGET (f.canvas), px, py);
    cjm_harness_pointer_move (GTK_WIDGET (f.canvas), px + 1, py + 1);
    wait_for_tooltip (&f, b_text);

    for (guint clicks = 0; clicks < 12 && c_text == NULL; clicks++)
      {
        cjm_harness_xdotool ("click", "5", NULL);
        cjm_harness_wait_frame (GTK_WIDGET (f.canvas));
        for (guint i = 0; i < cjm_layout_get_n_cards (layout) && c_text == NULL; i++)
          {
            CjmItem *item = cjm_layout_get_card (layout, i)->item;
            const char *text = cjm_item_get_display_text (item);

            if (cjm_item_get_kind (item) == CJM_KIND_TOUCHPOINT
                && cjm_canvas_get_item_widget_rect (f.canvas, item, &rect)
                && graphene_rect_contains_point (&rect, &GRAPHENE_POINT_INIT (px + 1, py + 1))
                && text != NULL && g_strcmp0 (text, b_text) != 0)
              c_text = text;
          }
      }
    g_assert_nonnull (c_text);
    wait_for_tooltip (&f, c_text);
  }

  canvas_fixture_close (&f);
}

/* Links */

/* The link under the pointer is highlighted, and so are its two cards. */
static void
test_link_hover (void)
{
  CanvasFixture f;
  CjmItem *from, *to;
  CjmLayout *layout;
  const CjmLayoutLink *link;
  g_autoptr(GdkPixbuf) before = NULL;
  g_autoptr(GdkPixbuf) after = NULL;
  graphene_rect_t from_rect, to_rect;
  double hx = -1, hy = -1, ex, ey;

  canvas_fixture_open (&f, "bill-payment.cjm");
  from = canvas_fixture_item (&f, "t-web-bill");
  to = canvas_fixture_item (&f, "t-call-explain");
  layout = cjm_canvas_get_layout (f.canvas);
  link = find_link (layout, from, to);
  g_assert_nonnull (link);

  /* A point of its path where nothing else is hit. */
  for (double t = 0.5; t < 0.95 && hx < 0; t += 0.05)
    for (int sign = -1; sign <= 1 && hx < 0; sign += 2)
      {
        double mx, my, wx, wy;
        CjmHit hit;

        bezier (link->path, 0.5 + sign * (t - 0.5), &mx, &my);
        if (cjm_layout_hit_test (layout, mx, my, &hit) != CJM_HIT_LINK || hit.item != link->item)
          continue;
        cjm_canvas_map_to_widget (f.canvas, mx, my, &wx, &wy);
        hx = wx;
        hy = wy;
      }
  g_assert_cmpfloat (hx, >=, 0);

  g_assert_true (cjm_canvas_get_item_widget_rect (f.canvas, from, &from_rect));
  g_assert_true (cjm_canvas_get_item_widget_rect (f.canvas, to, &to_rect));
  canvas_fixture_cell_point (&f, "s-pay", "l-app", &ex, &ey);
  cjm_harness_pointer_move (GTK_WIDGET (f.canvas), ex, ey);
  g_assert_null (cjm_canvas_get_hovered_link (f.canvas));
  before = shoot (&f, "link-hover-none.png");

  cjm_harness_pointer_move (GTK_WIDGET (f.canvas), hx, hy);
  cjm_harness_wait_frame (GTK_WIDGET (f.canvas));
  g_assert_true (cjm_canvas_get_hovered_link (f.canvas) == link->item);
  after = shoot (&f, "link-hover.png");
  g_assert_cmpuint (accent_around (&f, after, &from_rect), >,
                    accent_around (&f, before, &from_rect) + from_rect.size.width / 2);
  g_assert_cmpuint (accent_around (&f, after, &to_rect), >,
                    accent_around (&f, before, &to_rect) + to_rect.size.width / 2);
  /* Nothing was selected or changed by hovering. */
  g_assert_cmpuint (cjm_canvas_get_selection (f.canvas)->len, ==, 0);
  g_assert_false (cjm_document_get_modified (f.document));

  /* Off the link: no highlight. */
  cjm_harness_pointer_move (GTK_WIDGET (f.canvas), ex, ey);
  g_assert_null (cjm_canvas_get_hovered_link (f.canvas));

  canvas_fixture_close (&f);
}

/* A link across cards is drawn over them: its colour shows where it
 * crosses a card that is neither of its ends. */
static void
test_link_over_cards (void)
{
  CanvasFixture f;
  CjmItem *from;
  CjmLayout *layout;
  GPtrArray *touchpoints;
  double cx = 0, cy = 0;
  gboolean found = FALSE;

  canvas_fixture_open (&f, "bill-payment.cjm");
  from = canvas_fixture_item (&f, "t-sms-due");
  touchpoints = cjm_document_get_items (f.document, CJM_KIND_TOUCHPOINT);

  /* Links from the first card to the others until one crosses a card. */
  for (guint i = 0; i < touchpoints->len && !found; i++)
    {
      CjmItem *to = g_ptr_array_index (touchpoints, i);
      const CjmLayoutLink *link;

      layout = cjm_canvas_get_layout (f.canvas);
      if (to == from || find_link (layout, from, to) != NULL)
        continue;
      g_assert_true (cjm_document_add_link (f.document, from, to));
      layout = cjm_canvas_get_layout (f.canvas);
      link = find_link (layout, from, to);
      g_assert_nonnull (link);
      for (double t = 0.2; t <= 0.8 && !found; t += 0.02)
        {
          double mx, my;

          bezier (link->path, t, &mx, &my);
          for (guint c = 0; c < cjm_layout_get_n_cards (layout) && !found; c++)
            {
              const CjmLayoutCard *card = cjm_layout_get_card (layout, c);
              CjmRect inner = { card->rect.x + 8, card->rect.y + 8, card->rect.width - 16,
                                card->rect.height - 16 };

              if (card->item == from || card->item == to || !cjm_rect_contains (&inner, mx, my))
                continue;
              found = TRUE;
              cx = mx;
              cy = my;
            }
        }
      if (!found)
        g_assert_true (cjm_document_undo (f.document));
    }
  g_assert_true (found);

  set_zoom (&f, 2.0);
  center_on (&f, cx, cy);
  {
    g_autoptr(GdkPixbuf) with_link = shoot (&f, "link-over-card.png");
    g_autoptr(GdkPixbuf) without_link = NULL;
    double wx, wy;
    int on_card;

    cjm_canvas_map_to_widget (f.canvas, cx, cy, &wx, &wy);
    /* The link's grey, within a pixel of its path. */
    g_assert_cmpint (nearest_colour (&f, with_link, wx, wy, 1, 0x77767b), <, 24);

    /* Not there without the link: that was the card. */
    g_assert_true (cjm_document_undo (f.document));
    cjm_harness_wait_frame (GTK_WIDGET (f.canvas));
    without_link = shoot (&f, "link-over-card-none.png");
    on_card = nearest_colour (&f, without_link, wx, wy, 1, 0x77767b);
    g_assert_cmpint (on_card, >, 24);
  }

  canvas_fixture_close (&f);
}

int
main (int    argc,
      char **argv)
{
  canvas_test_init (&argc, &argv);

  g_test_add_func ("/canvas/ux/hollow-emotion-point", test_hollow_emotion_point);
  g_test_add_func ("/canvas/ux/tooltip-follows-the-pointer", test_tooltip_follows_the_pointer);
  g_test_add_func ("/canvas/ux/link-hover", test_link_hover);
  g_test_add_func ("/canvas/ux/link-over-cards", test_link_over_cards);

  return g_test_run ();
}
