/* test-render.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The renderer on image surfaces, no display: pixels of known regions
 * (lane colours, card fills and stripes, the emotion curves at their
 * points), the clip, right-to-left and text that stays inside its card.
 */

#define G_LOG_DOMAIN "test-render"

#include "config.h"

#include <math.h>

#include "cjm-checker.h"
#include "cjm-edit.h"
#include "cjm-layout.h"
#include "cjm-render.h"
#include "cjm-test-maps.h"

typedef struct {
  double r, g, b, a;
} Pixel;

static cairo_surface_t *
render (CjmLayout *layout,
        double     scale)
{
  double w, h;
  cairo_surface_t *surface;
  cairo_t *cr;

  cjm_layout_get_size (layout, &w, &h);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (w * scale), (int) ceil (h * scale));
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  cjm_render_draw (layout, cjm_layout_get_document (layout), cr, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static Pixel
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y)
{
  int ix = (int) floor (x), iy = (int) floor (y);
  unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 v;
  Pixel p;

  g_assert_cmpint (ix, >=, 0);
  g_assert_cmpint (iy, >=, 0);
  g_assert_cmpint (ix, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (iy, <, cairo_image_surface_get_height (surface));

  v = *(guint32 *) (data + iy * stride + ix * 4);
  p.a = (v >> 24 & 0xff) / 255.0;
  /* un-premultiply */
  p.r = p.a > 0 ? (v >> 16 & 0xff) / 255.0 / p.a : 0;
  p.g = p.a > 0 ? (v >> 8 & 0xff) / 255.0 / p.a : 0;
  p.b = p.a > 0 ? (v & 0xff) / 255.0 / p.a : 0;
  return p;
}

static gboolean
pixel_is (Pixel           p,
          const CjmColor *c,
          double          tolerance)
{
  return fabs (p.r - c->red) <= tolerance && fabs (p.g - c->green) <= tolerance &&
         fabs (p.b - c->blue) <= tolerance && p.a > 0.99;
}

#define assert_pixel(surface, x, y, color, tol) G_STMT_START { \
  Pixel _p = pixel_at ((surface), (x), (y)); \
  if (!pixel_is (_p, (color), (tol))) \
    g_error ("pixel at %.1f,%.1f is %.3f,%.3f,%.3f,%.3f, expected %.3f,%.3f,%.3f", \
             (double) (x), (double) (y), _p.r, _p.g, _p.b, _p.a, (color)->red, (color)->green, (color)->blue); \
} G_STMT_END

static CjmLayout *
make_layout (CjmDocument *doc,
             int          rtl)
{
  CjmLayoutOptions options;

  cjm_layout_options_init (&options);
  options.rtl = rtl;
  return cjm_layout_new (doc, &options);
}

static void
test_render_lane_colors (void)
{
  g_autoptr(CjmDocument) doc = cjm_test_small_map (NULL);
  g_autoptr(CjmLayout) layout = make_layout (doc, 0);
  cairo_surface_t *surface = render (layout, 1);
  CjmColor colors[6];

  for (guint l = 0; l < cjm_layout_get_n_lanes (layout); l++)
    {
      const CjmLayoutLane *lane = cjm_layout_get_lane (layout, l);
      gboolean checked = FALSE;

      cjm_render_get_lane_color (lane->kind, cjm_item_get_field (lane->item, CJM_FIELD_CHANNEL), &colors[l]);
      /* an empty cell of the lane shows the lane's tint */
      for (guint s = 0; s < cjm_layout_get_n_stages (layout) && !checked; s++)
        {
          const CjmLayoutCell *cell = cjm_layout_get_cell (layout, s, l);

          if (cell->n_cards > 0)
            continue;
          assert_pixel (surface, cell->rect.x + 5, cell->rect.y + cell->rect.height - 5,
                        &colors[l], 1.5 / 255);
          checked = TRUE;
        }
      g_assert_true (checked);
    }

  /* lane kinds and channels look different from each other */
  for (guint i = 0; i < 6; i++)
    for (guint j = i + 1; j < 6; j++)
      g_assert_cmpfloat (fabs (colors[i].red - colors[j].red) + fabs (colors[i].green - colors[j].green) +
                         fabs (colors[i].blue - colors[j].blue), >, 0.01);

  cairo_surface_destroy (surface);
}

static void
test_render_cards (void)
{
  g_autoptr(CjmDocument) doc = cjm_test_small_map (NULL);
  g_autoptr(CjmLayout) layout = make_layout (doc, 0);
  cairo_surface_t *surface = render (layout, 1);
  const CjmLayoutCard *push = cjm_layout_lookup_card (layout, cjm_document_lookup (doc, "t-sms"));
  const CjmLayoutCard *note = cjm_layout_lookup_card (layout, cjm_document_lookup (doc, "n-p1"));
  const CjmColor white = { 1, 1, 1, 1 };
  CjmColor accent, face;
  Pixel p;

  /* a touchpoint is a white card with its lane's stripe at the start edge */
  assert_pixel (surface, push->rect.x + push->rect.width - 8, push->rect.y + push->rect.height - 6, &white, 1.5 / 255);
  cjm_render_get_lane_accent (CJM_LANE_CHANNEL, "app", &accent);
  assert_pixel (surface, push->rect.x + 2.5, push->rect.y + push->rect.height / 2, &accent, 1.5 / 255);

  /* its emotion face (+1) at the top end corner */
  cjm_render_get_emotion_color (1, &face);
  assert_pixel (surface, push->rect.x + push->rect.width - 10 - 11, push->rect.y + 10 + 11 - 1 - 6, &face, 2.0 / 255);

  /* title text is drawn: dark pixels inside the title box */
  {
    gboolean dark = FALSE;

    for (double y = push->title.y; y < push->title.y + push->title.height && !dark; y++)
      for (double x = push->title.x; x < push->title.x + push->title.width && !dark; x++)
        {
          p = pixel_at (surface, x, y);
          dark = p.r < 0.3 && p.g < 0.3 && p.b < 0.3;
        }
    g_assert_true (dark);
  }

  /* a pain point is a reddish note */
  p = pixel_at (surface, note->rect.x + note->rect.width - 8, note->rect.y + note->rect.height - 6);
  g_assert_cmpfloat (p.r, >, p.g + 0.05);
  g_assert_cmpfloat (p.r, >, p.b + 0.05);

  /* a moment of truth has a gold border */
  {
    const CjmLayoutCard *ivr = cjm_layout_lookup_card (layout, cjm_document_lookup (doc, "t-call-pay"));

    p = pixel_at (surface, ivr->rect.x + ivr->rect.width - 1, ivr->rect.y + ivr->rect.height / 2 + 1);
    g_assert_cmpfloat (p.r, >, 0.7);
    g_assert_cmpfloat (p.b, <, 0.4);
  }

  cairo_surface_destroy (surface);
}

static void
test_render_curves (void)
{
  g_autoptr(CjmDocument) doc = cjm_test_small_map (NULL);
  g_autoptr(CjmLayout) layout = make_layout (doc, 0);
  cairo_surface_t *surface = render (layout, 1);
  guint checked = 0;

  for (guint c = 0; c < cjm_layout_get_n_curves (layout); c++)
    {
      const CjmLayoutCurve *curve = cjm_layout_get_curve (layout, c);

      if (curve->target)
        continue;

      for (guint i = 0; i < curve->n_points; i++)
        {
          const CjmLayoutPoint *pt = &curve->points[i];
          CjmColor face;
          gboolean shared = FALSE;

          /* points that several personas share show the last curve's colour */
          for (guint d = c + 1; d < cjm_layout_get_n_curves (layout); d++)
            for (guint k = 0; k < cjm_layout_get_curve (layout, d)->n_points; k++)
              if (!cjm_layout_get_curve (layout, d)->target &&
                  fabs (cjm_layout_get_curve (layout, d)->points[k].x - pt->x) < 14 &&
                  fabs (cjm_layout_get_curve (layout, d)->points[k].y - pt->y) < 14)
                shared = TRUE;
          if (shared)
            continue;

          /* the face of the emotion at the point, ringed in the persona's colour */
          cjm_render_get_emotion_color (pt->emotion, &face);
          assert_pixel (surface, pt->x - 7, pt->y + 1, &face, 2.0 / 255);
          assert_pixel (surface, pt->x + 11.75, pt->y, &curve->color, 10.0 / 255);
          checked++;
        }

      /* between two points the curve passes through the column */
      for (guint i = 0; i + 1 < curve->n_points; i++)
        {
          double mx = (curve->points[i].x + curve->points[i + 1].x) / 2;
          double y1 = MIN (curve->points[i].y, curve->points[i + 1].y) - 16;
          double y2 = MAX (curve->points[i].y, curve->points[i + 1].y) + 16;
          gboolean found = FALSE;

          for (double y = y1; y <= y2 && !found; y += 1)
            found = pixel_is (pixel_at (surface, mx, y), &curve->color, 6.0 / 255);
          g_assert_true (found);
        }
    }
  g_assert_cmpuint (checked, >=, 5);

  cairo_surface_destroy (surface);
}

/* Between two neutral points the curve stays at 0, and between a point and
 * its neighbour it stays within their values, however steep the points
 * around them (a monotone curve, no overshoot). */
/* A face's radius in map units (CJM_M_FACE_SIZE / 2 in the layout). */
#define CJM_TEST_FACE_RADIUS 11.0

static void
test_render_curve_monotone (void)
{
  g_autoptr(CjmDocument) doc = cjm_test_small_map (NULL);
  g_autoptr(CjmLayout) layout = NULL;
  const CjmLayoutCurve *curve = NULL;
  const int values[] = { 3, 0, 0, 3, -3, -3, 3 };
  cairo_surface_t *surface;
  guint checked = 0, n;

  layout = make_layout (doc, 0);
  for (guint c = 0; c < cjm_layout_get_n_curves (layout) && curve == NULL; c++)
    if (!cjm_layout_get_curve (layout, c)->target
        && cjm_layout_get_curve (layout, c)->n_points >= 4)
      curve = cjm_layout_get_curve (layout, c);
  g_assert_nonnull (curve);
  n = MIN (curve->n_points, G_N_ELEMENTS (values));
  for (guint i = 0; i < n; i++)
    cjm_document_set_emotion (doc, curve->points[i].item, CJM_FIELD_EMOTION, values[i]);
  g_clear_object (&layout);

  layout = make_layout (doc, 0);
  curve = NULL;
  for (guint c = 0; c < cjm_layout_get_n_curves (layout) && curve == NULL; c++)
    if (!cjm_layout_get_curve (layout, c)->target
        && cjm_layout_get_curve (layout, c)->n_points >= 4)
      curve = cjm_layout_get_curve (layout, c);
  g_assert_nonnull (curve);
  g_assert_cmpuint (curve->n_points, >=, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (curve->points[i].emotion, ==, values[i]);

  surface = render (layout, 1);
  for (guint i = 0; i + 1 < n; i++)
    {
      const CjmLayoutPoint *a = &curve->points[i], *b = &curve->points[i + 1];
      double top = MIN (a->y, b->y) - 2.5, bottom = MAX (a->y, b->y) + 2.5;
      double r = CJM_TEST_FACE_RADIUS + 3;

      if (fabs (b->x - a->x) < 2 * r + 4)
        continue;
      /* Each column between the faces: the curve's colour only within
       * the two values (plus half the stroke). */
      for (double x = MIN (a->x, b->x) + r; x <= MAX (a->x, b->x) - r; x += 1)
        {
          const CjmLayoutLane *lane = cjm_layout_get_lane (layout, curve->lane_index);
          gboolean inside = FALSE;

          for (double y = lane->row.y; y < lane->row.y + lane->row.height; y += 1)
            if (pixel_is (pixel_at (surface, x, y), &curve->color, 6.0 / 255))
              {
                if (y < top || y > bottom)
                  g_error ("segment %u: the curve at %.0f,%.0f is outside %.1f..%.1f", i, x, y,
                           top, bottom);
                inside = TRUE;
              }
          if (inside)
            checked++;
        }
    }
  g_assert_cmpuint (checked, >=, 40);
  cairo_surface_destroy (surface);
}

static void
test_render_clip (void)
{
  g_autoptr(CjmDocument) doc = cjm_test_small_map (NULL);
  g_autoptr(CjmLayout) layout = make_layout (doc, 0);
  const CjmLayoutCell *cell = cjm_layout_get_cell (layout, 2, 1);
  const CjmColor magenta = { 1, 0, 1, 1 };
  CjmColor tint;
  cairo_surface_t *surface;
  cairo_t *cr;
  double w, h;

  cjm_layout_get_size (layout, &w, &h);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (w), (int) ceil (h));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 0, 1);
  cairo_paint (cr);
  cairo_rectangle (cr, cell->rect.x, cell->rect.y, cell->rect.width, cell->rect.height);
  cairo_clip (cr);
  cjm_render_draw (layout, doc, cr, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  cjm_render_get_lane_color (CJM_LANE_CHANNEL, "web", &tint);
  assert_pixel (surface, cell->rect.x + 4, cell->rect.y + cell->rect.height - 4, &tint, 1.5 / 255);
  assert_pixel (surface, cell->rect.x - 4, cell->rect.y + 4, &magenta, 0);
  assert_pixel (surface, cell->rect.x + cell->rect.width + 4, cell->rect.y + 4, &magenta, 0);
  assert_pixel (surface, 5, 5, &magenta, 0);
  cairo_surface_destroy (surface);
}

static void
test_render_rtl (void)
{
  g_autoptr(CjmDocument) doc = cjm_test_small_map ("he");
  g_autoptr(CjmLayout) layout = make_layout (doc, -1);
  cairo_surface_t *surface = render (layout, 1);
  const CjmLayoutLane *web = cjm_layout_get_lane (layout, 1);
  const CjmLayoutCard *push = cjm_layout_lookup_card (layout, cjm_document_lookup (doc, "t-sms"));
  CjmColor accent, app;
  double w;

  cjm_layout_get_size (layout, &w, NULL);
  /* the lane header, with its coloured edge, is at the right */
  cjm_render_get_lane_accent (CJM_LANE_CHANNEL, "web", &accent);
  assert_pixel (surface, w - 2, web->header.y + web->header.height / 2, &accent, 1.5 / 255);
  /* the card's stripe is on its right (start) edge */
  cjm_render_get_lane_accent (CJM_LANE_CHANNEL, "app", &app);
  assert_pixel (surface, push->rect.x + push->rect.width - 2.5, push->rect.y + push->rect.height / 2, &app, 1.5 / 255);
  /* the first stage is right-most */
  g_assert_cmpfloat (cjm_layout_get_stage (layout, 0)->header.x, >, cjm_layout_get_stage (layout, 3)->header.x);
  cairo_surface_destroy (surface);
}

static void
test_render_scale (void)
{
  g_autoptr(CjmDocument) doc = cjm_test_small_map (NULL);
  g_autoptr(CjmLayout) layout = make_layout (doc, 0);
  cairo_surface_t *surface = render (layout, 2);
  const CjmLayoutCard *push = cjm_layout_lookup_card (layout, cjm_document_lookup (doc, "t-sms"));
  CjmColor accent;
  double w, h;

  cjm_layout_get_size (layout, &w, &h);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, (int) ceil (w * 2));
  cjm_render_get_lane_accent (CJM_LANE_CHANNEL, "app", &accent);
  assert_pixel (surface, (push->rect.x + 2.5) * 2, (push->rect.y + push->rect.height / 2) * 2, &accent, 1.5 / 255);
  cairo_surface_destroy (surface);
}

/* Draws one card alone on a transparent surface and checks that no pixel
 * lands outside it: text is wrapped and ellipsized, never overflowing. */
static void
assert_card_contained (CjmLayout           *layout,
                       const CjmLayoutCard *card)
{
  double w, h;
  cairo_surface_t *surface;
  cairo_t *cr;
  int sw, sh;

  cjm_layout_get_size (layout, &w, &h);
  sw = (int) ceil (w);
  sh = (int) ceil (h);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, sw, sh);
  cr = cairo_create (surface);
  cjm_render_draw_card (layout, cr, card, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  for (int y = 0; y < sh; y++)
    for (int x = 0; x < sw; x++)
      {
        gboolean inside = x >= card->rect.x - 1 && x < card->rect.x + card->rect.width + 1 &&
                          y >= card->rect.y - 1 && y < card->rect.y + card->rect.height + 3;

        if (!inside && pixel_at (surface, x, y).a > 0)
          g_error ("card %s draws outside its rectangle %g,%g %gx%g at %d,%d", cjm_item_get_id (card->item),
                   card->rect.x, card->rect.y, card->rect.width, card->rect.height, x, y);
      }
  cairo_surface_destroy (surface);
}

static void
test_render_text_contained (void)
{
  g_autoptr(CjmDocument) doc = cjm_test_small_map (NULL);
  g_autoptr(CjmLayout) layout = NULL;
  g_autoptr(GPtrArray) facts = cjm_list_new (CJM_LIST_FACTS);
  CjmItem *tp = cjm_document_lookup (doc, "t-web-pay");
  const CjmLayoutCard *card;

  cjm_document_set_field (doc, tp, CJM_FIELD_TITLE,
                          "Pneumonoultramicroscopicsilicovolcanoconiosis-and-another-very-long-compound-"
                          "word-without-spaces plus a title that goes on and on and on and on and on");
  cjm_document_set_field (doc, tp, CJM_FIELD_OWNER, "A department with a name far too long to fit on one line");
  for (guint i = 0; i < 6; i++)
    g_ptr_array_add (facts, cjm_fact_new ("a rather long fact key", "with an even longer value that must be cut"));
  cjm_document_set_list (doc, tp, CJM_LIST_FACTS, facts);
  cjm_document_set_field (doc, cjm_document_lookup (doc, "n-p1"), CJM_FIELD_TEXT,
                          "זוהי הערה ארוכה מאוד בעברית שממשיכה ונמשכת ונמשכת ונמשכת ונמשכת ונמשכת ונמשכת "
                          "ונמשכת ונמשכת ונמשכת ונמשכת ונמשכת ונמשכת ונמשכת ונמשכת ונמשכת ונמשכת ונמשכת");

  layout = make_layout (doc, 0);
  card = cjm_layout_lookup_card (layout, tp);
  g_assert_cmpint (card->title_lines, <=, 3);
  g_assert_cmpuint (card->n_facts, ==, 3);
  assert_card_contained (layout, card);
  assert_card_contained (layout, cjm_layout_lookup_card (layout, cjm_document_lookup (doc, "n-p1")));
  assert_card_contained (layout, cjm_layout_lookup_card (layout, cjm_document_lookup (doc, "t-call-pay")));
}

static void
test_render_badges (void)
{
  g_autoptr(CjmDocument) doc = cjm_test_small_map (NULL);
  g_autoptr(GPtrArray) findings = cjm_check_document (doc);
  g_autoptr(CjmLayout) layout = NULL;
  CjmLayoutOptions options;
  cairo_surface_t *surface;
  guint badged = 0;

  cjm_layout_options_init (&options);
  options.show_findings = TRUE;
  options.findings = findings;
  layout = cjm_layout_new (doc, &options);
  surface = render (layout, 1);

  g_assert_cmpuint (findings->len, >, 0);
  for (guint i = 0; i < cjm_layout_get_n_cards (layout); i++)
    {
      const CjmLayoutCard *card = cjm_layout_get_card (layout, i);
      guint expected = 0;
      int worst = -1;

      for (guint f = 0; f < findings->len; f++)
        if (!cjm_finding_get_suppressed (g_ptr_array_index (findings, f)) &&
            cjm_finding_has_target (g_ptr_array_index (findings, f), cjm_item_get_id (card->item)))
          {
            expected++;
            worst = MAX (worst, (int) cjm_finding_get_severity (g_ptr_array_index (findings, f)));
          }
      g_assert_cmpuint (card->n_findings, ==, expected);
      g_assert_cmpint (card->severity, ==, worst);
      if (expected > 0)
        {
          Pixel p;
          CjmHit hit;

          /* a badge at the top end corner, in the colour of the worst finding */
          g_assert_cmpfloat (card->badge.width, >, 0);
          p = pixel_at (surface, card->badge.x + 4, card->badge.y + card->badge.height / 2);
          if (worst == CJM_SEVERITY_ERROR)
            g_assert_true (p.r > 0.8 && p.g < 0.3);
          else if (worst == CJM_SEVERITY_WARNING)
            g_assert_true (p.r > 0.8 && p.g > 0.5 && p.b < 0.3);
          else
            g_assert_true (p.b > 0.8 && p.r < 0.4);
          g_assert_cmpint (cjm_layout_hit_test (layout, card->badge.x + card->badge.width / 2,
                                                card->badge.y + card->badge.height / 2, &hit), ==, CJM_HIT_BADGE);
          g_assert_true (hit.item == card->item);
          badged++;
        }
      else
        g_assert_cmpfloat (card->badge.width, ==, 0);
    }
  g_assert_cmpuint (badged, >, 0);
  cairo_surface_destroy (surface);

  /* a live checker replaces the findings: no findings, no badges */
  cjm_layout_set_findings (layout, NULL);
  for (guint i = 0; i < cjm_layout_get_n_cards (layout); i++)
    g_assert_cmpfloat (cjm_layout_get_card (layout, i)->badge.width, ==, 0);
}

static void
test_render_empty (void)
{
  g_autoptr(CjmDocument) doc = cjm_document_new ();
  g_autoptr(CjmLayout) layout = make_layout (doc, -1);
  cairo_surface_t *surface = render (layout, 1);

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/lane-colors", test_render_lane_colors);
  g_test_add_func ("/render/cards", test_render_cards);
  g_test_add_func ("/render/curves", test_render_curves);
  g_test_add_func ("/render/curve-monotone", test_render_curve_monotone);
  g_test_add_func ("/render/clip", test_render_clip);
  g_test_add_func ("/render/rtl", test_render_rtl);
  g_test_add_func ("/render/scale", test_render_scale);
  g_test_add_func ("/render/text-contained", test_render_text_contained);
  g_test_add_func ("/render/badges", test_render_badges);
  g_test_add_func ("/render/empty", test_render_empty);

  return g_test_run ();
}
