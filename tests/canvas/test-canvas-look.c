/* test-canvas-look.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window with each sample map open, as the X server shows it: the
 * canvas is drawn (many colours, the cards' text, the selection outline
 * in the accent colour), and a screenshot of each is written to
 * $CJM_SCREENSHOT_DIR when set, to be looked at.
 */

#define G_LOG_DOMAIN "CjmCanvasTest"

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>

#include "canvas-fixture.h"
#include "cjm-card-editor.h"

static GdkPixbuf *
shoot (CanvasFixture *f,
       const char    *name)
{
  const char *dir = g_getenv ("CJM_SCREENSHOT_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  GdkPixbuf *pixbuf;

  if (dir != NULL && *dir != '\0')
    path = g_build_filename (dir, name, NULL);
  else
    path = g_build_filename (cjm_harness_get_tmpdir (), name, NULL);
  cjm_harness_screenshot (GTK_WINDOW (f->window), path);
  pixbuf = gdk_pixbuf_new_from_file (path, &error);
  g_assert_no_error (error);
  return pixbuf;
}

/* Distinct colours in the canvas's part of the screenshot. */
static guint
count_colours (GdkPixbuf *pixbuf,
               int        x0,
               int        y0,
               int        width,
               int        height)
{
  g_autoptr(GHashTable) colours = g_hash_table_new (NULL, NULL);
  int n_channels = gdk_pixbuf_get_n_channels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  const guint8 *pixels = gdk_pixbuf_read_pixels (pixbuf);

  for (int y = MAX (y0, 0); y < MIN (y0 + height, gdk_pixbuf_get_height (pixbuf)); y += 2)
    for (int x = MAX (x0, 0); x < MIN (x0 + width, gdk_pixbuf_get_width (pixbuf)); x += 2)
      {
        const guint8 *p = pixels + y * stride + x * n_channels;

        g_hash_table_add (colours, GUINT_TO_POINTER ((p[0] << 16) | (p[1] << 8) | p[2]));
      }
  return g_hash_table_size (colours);
}

/* Pixels close to the selection accent (#3584e4) around a rectangle. */
static guint
count_accent_on_outline (GdkPixbuf             *pixbuf,
                         const graphene_rect_t *rect)
{
  int n_channels = gdk_pixbuf_get_n_channels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  const guint8 *pixels = gdk_pixbuf_read_pixels (pixbuf);
  guint hits = 0;

  for (int x = rect->origin.x - 4; x <= rect->origin.x + rect->size.width + 4; x++)
    for (int dy = -5; dy <= 1; dy++)
      {
        int y = rect->origin.y + dy;
        const guint8 *p;

        if (x < 0 || y < 0 || x >= gdk_pixbuf_get_width (pixbuf) || y >= gdk_pixbuf_get_height (pixbuf))
          continue;
        p = pixels + y * stride + x * n_channels;
        if (ABS (p[0] - 0x35) < 40 && ABS (p[1] - 0x84) < 40 && ABS (p[2] - 0xe4) < 40)
          hits++;
      }
  return hits;
}

static void
check_sample (const char *sample,
              const char *card_id)
{
  CanvasFixture f;
  g_autoptr(GdkPixbuf) before = NULL;
  g_autoptr(GdkPixbuf) after = NULL;
  g_autofree char *name = NULL;
  graphene_rect_t rect;
  int cx, cy, sx, sy;
  double x, y;

  canvas_fixture_open (&f, sample);
  name = g_strdup_printf ("%s.png", sample);
  before = shoot (&f, name);

  /* The canvas shows a map: far more than a blank area's few colours. */
  cjm_harness_to_surface (GTK_WIDGET (f.canvas), 0, 0, &cx, &cy);
  g_assert_cmpuint (count_colours (before, cx, cy, gtk_widget_get_width (GTK_WIDGET (f.canvas)),
                                   gtk_widget_get_height (GTK_WIDGET (f.canvas))), >, 200);

  /* Clicking a card outlines it in the accent colour. */
  canvas_fixture_item_center (&f, card_id, &x, &y);
  g_assert_true (cjm_canvas_get_item_widget_rect (f.canvas, canvas_fixture_item (&f, card_id), &rect));
  cjm_harness_to_surface (GTK_WIDGET (f.canvas), rect.origin.x, rect.origin.y, &sx, &sy);
  rect.origin.x = sx;
  rect.origin.y = sy;
  g_assert_cmpuint (count_accent_on_outline (before, &rect), <, 10);
  cjm_harness_click (GTK_WIDGET (f.canvas), x, y, 1, NULL);
  g_assert_cmpuint (cjm_canvas_get_selection (f.canvas)->len, ==, 1);
  g_free (name);
  name = g_strdup_printf ("%s-selected.png", sample);
  after = shoot (&f, name);
  g_assert_cmpuint (count_accent_on_outline (after, &rect), >, rect.size.width / 2);

  /* Editing in place: the field sits over the card's title. */
  cjm_harness_key ("Return");
  g_assert_true (cjm_canvas_is_editing (f.canvas));
  {
    g_autoptr(GdkPixbuf) editing = NULL;
    GtkWidget *editor = gtk_widget_get_focus_child (GTK_WIDGET (f.canvas));
    GtkWidget *text = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (f.canvas)));
    graphene_rect_t bounds;

    /* The card editor, a child of the canvas, with the text field in it
     * holding the keyboard focus. */
    g_assert_true (CJM_IS_CARD_EDITOR (editor));
    g_assert_true (GTK_IS_TEXT (text));
    g_assert_true (gtk_widget_is_ancestor (text, editor));
    g_assert_true (gtk_widget_compute_bounds (editor, GTK_WIDGET (f.canvas), &bounds));
    g_assert_true (graphene_rect_intersection (&bounds, &GRAPHENE_RECT_INIT (x - rect.size.width, y - rect.size.height,
                                                                            2 * rect.size.width, 2 * rect.size.height),
                                               NULL));
    g_free (name);
    name = g_strdup_printf ("%s-editing.png", sample);
    editing = shoot (&f, name);
  }
  cjm_harness_key ("Escape");

  canvas_fixture_close (&f);
}

/* Accent pixels in the 16 × 16 square around a card's link handle. */
static guint
accent_at_handle (CanvasFixture *f,
                  GdkPixbuf     *pixbuf,
                  const char    *id)
{
  const CjmLayoutCard *card = cjm_layout_lookup_card (cjm_canvas_get_layout (f->canvas),
                                                      canvas_fixture_item (f, id));
  int n_channels = gdk_pixbuf_get_n_channels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  const guint8 *pixels = gdk_pixbuf_read_pixels (pixbuf);
  double wx, wy;
  int sx, sy;
  guint hits = 0;

  g_assert_nonnull (card);
  cjm_canvas_map_to_widget (f->canvas, card->handle.x, card->handle.y, &wx, &wy);
  cjm_harness_to_surface (GTK_WIDGET (f->canvas), wx, wy, &sx, &sy);
  for (int y = sy - 8; y <= sy + 8; y++)
    for (int x = sx - 8; x <= sx + 8; x++)
      {
        const guint8 *p;

        if (x < 0 || y < 0 || x >= gdk_pixbuf_get_width (pixbuf) || y >= gdk_pixbuf_get_height (pixbuf))
          continue;
        p = pixels + y * stride + x * n_channels;
        if (ABS (p[0] - 0x35) < 40 && ABS (p[1] - 0x84) < 40 && ABS (p[2] - 0xe4) < 40)
          hits++;
      }
  return hits;
}

/* The link handle shows on the card under the pointer and on the selected
 * card, and not on the others. */
static void
test_link_handle (void)
{
  CanvasFixture f;
  CjmItem *selected;
  GdkPixbuf *pixbuf;
  guint before_hover, before_select, other;
  double x, y, ex, ey;

  canvas_fixture_open (&f, "bill-payment.cjm");
  canvas_fixture_cell_point (&f, "s-pay", "l-web", &ex, &ey);
  cjm_harness_pointer_move (GTK_WIDGET (f.canvas), ex, ey);
  cjm_harness_wait_frame (GTK_WIDGET (f.canvas));
  pixbuf = shoot (&f, "handle-none.png");
  before_hover = accent_at_handle (&f, pixbuf, "t-sms-due");
  before_select = accent_at_handle (&f, pixbuf, "t-web-pay");
  g_object_unref (pixbuf);

  canvas_fixture_item_center (&f, "t-sms-due", &x, &y);
  cjm_harness_pointer_move (GTK_WIDGET (f.canvas), x, y);
  cjm_harness_wait_frame (GTK_WIDGET (f.canvas));
  pixbuf = shoot (&f, "handle-hover.png");
  g_assert_cmpuint (accent_at_handle (&f, pixbuf, "t-sms-due"), >=, before_hover + 8);
  other = accent_at_handle (&f, pixbuf, "t-web-pay");
  g_assert_cmpuint (other, <=, before_select + 2);
  g_object_unref (pixbuf);

  selected = canvas_fixture_item (&f, "t-web-pay");
  cjm_canvas_select_items (f.canvas, &selected, 1, FALSE);
  cjm_harness_pointer_move (GTK_WIDGET (f.canvas), ex, ey);
  cjm_harness_wait_frame (GTK_WIDGET (f.canvas));
  pixbuf = shoot (&f, "handle-selected.png");
  g_assert_cmpuint (accent_at_handle (&f, pixbuf, "t-web-pay"), >=, before_select + 8);
  g_assert_cmpuint (accent_at_handle (&f, pixbuf, "t-sms-due"), <=, before_hover + 2);
  g_object_unref (pixbuf);

  canvas_fixture_close (&f);
}

static void
test_bill_payment (void)
{
  check_sample ("bill-payment.cjm", "t-call-pay");
}

static void
test_fiber_onboarding_rtl (void)
{
  CanvasFixture f;
  CjmLayout *layout;
  graphene_rect_t first, last;
  guint n;

  check_sample ("fiber-onboarding.he.cjm", "n-t1");

  /* Right to left: the first stage is drawn right of the last. */
  canvas_fixture_open (&f, "fiber-onboarding.he.cjm");
  layout = cjm_canvas_get_layout (f.canvas);
  g_assert_true (cjm_layout_is_rtl (layout));
  n = cjm_layout_get_n_stages (layout);
  g_assert_cmpuint (n, >=, 2);
  g_assert_true (cjm_canvas_get_item_widget_rect (f.canvas, cjm_layout_get_stage (layout, 0)->item, &first));
  g_assert_true (cjm_canvas_get_item_widget_rect (f.canvas, cjm_layout_get_stage (layout, n - 1)->item, &last));
  g_assert_cmpfloat (first.origin.x, >, last.origin.x);
  canvas_fixture_close (&f);
}

int
main (int   argc,
      char *argv[])
{
  canvas_test_init (&argc, &argv);

  g_test_add_func ("/canvas/look/bill-payment", test_bill_payment);
  g_test_add_func ("/canvas/look/link-handle", test_link_handle);
  g_test_add_func ("/canvas/look/fiber-onboarding-rtl", test_fiber_onboarding_rtl);

  return g_test_run ();
}
