/* test-style.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Light and dark paper (cjm-style.h) and a map's own words on it:
 *  - every text colour of both schemes reads at 4.5:1 or more on the
 *    paper, the headers, the corner and every card's face, and the lane
 *    accents at 3:1 on the headers;
 *  - a map rendered on dark paper has a dark ground, its lanes keep their
 *    hues, and the text in a stage header and on a card is as bright as
 *    the scheme's text colour, readable on what is under it;
 *  - the default is the light paper, pixel for pixel as before;
 *  - the layout of a Hebrew map labels its legend and cards in Hebrew
 *    whatever the process's language, an English map in English.
 */

#define G_LOG_DOMAIN "test-style"

#include "config.h"

#include <math.h>
#include <string.h>

#include "cjm-kinds.h"
#include "cjm-layout-private.h"
#include "cjm-render.h"
#include "cjm-test-maps.h"

static cairo_surface_t *
render (CjmLayout      *layout,
        CjmStyleScheme  scheme,
        double          scale)
{
  CjmRenderOptions options;
  cairo_surface_t *surface;
  cairo_t *cr;
  double w, h;

  cjm_render_options_init (&options);
  options.scheme = scheme;
  cjm_layout_get_size (layout, &w, &h);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (w * scale),
                                        (int) ceil (h * scale));
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  cjm_render_draw (layout, cjm_layout_get_document (layout), cr, &options);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static CjmColor
pixel (cairo_surface_t *surface,
       int              x,
       int              y)
{
  int stride = cairo_image_surface_get_stride (surface);
  guint32 v = *(guint32 *) (cairo_image_surface_get_data (surface) + y * stride + x * 4);

  return (CjmColor) { (v >> 16 & 0xff) / 255.0, (v >> 8 & 0xff) / 255.0, (v & 0xff) / 255.0, 1 };
}

static gboolean
same_color (const CjmColor *a,
            const CjmColor *b)
{
  return fabs (a->red - b->red) < 2.5 / 255 && fabs (a->green - b->green) < 2.5 / 255
         && fabs (a->blue - b->blue) < 2.5 / 255;
}

/* The pixel of a rectangle (map units) that contrasts most with its
 * ground: the text drawn on it. */
static CjmColor
brightest_against (cairo_surface_t *surface,
                   const CjmRect   *rect,
                   double           scale,
                   const CjmColor  *ground)
{
  CjmColor best = *ground;

  for (int y = (int) (rect->y * scale); y < (int) ((rect->y + rect->height) * scale); y++)
    for (int x = (int) (rect->x * scale); x < (int) ((rect->x + rect->width) * scale); x++)
      {
        CjmColor c = pixel (surface, x, y);

        if (cjm_style_contrast (&c, ground) > cjm_style_contrast (&best, ground))
          best = c;
      }
  return best;
}

static void
test_colors_contrast (void)
{
  const CjmStyleScheme schemes[] = { CJM_STYLE_LIGHT, CJM_STYLE_DARK };
  const CjmKind cards[] = { CJM_KIND_TOUCHPOINT, CJM_KIND_NOTE, CJM_KIND_OPPORTUNITY };
  const char *channels[] = {
    "web", "app", "phone", "store", "email", "sms", "chat", "social", "mail", "partner", "kiosk"
  };
  const CjmColor black = { 0, 0, 0, 1 }, white = { 1, 1, 1, 1 };

  g_assert_cmpfloat (fabs (cjm_style_contrast (&black, &white) - 21), <, 0.01);
  g_assert_true (cjm_style_get_colors (CJM_STYLE_DARK)->scheme == CJM_STYLE_DARK);
  g_assert_true (cjm_style_get_colors (CJM_STYLE_LIGHT)->scheme == CJM_STYLE_LIGHT);

  for (guint s = 0; s < G_N_ELEMENTS (schemes); s++)
    {
      const CjmStyleColors *colors = cjm_style_get_colors (schemes[s]);
      const CjmColor *grounds[] = {
        &colors->paper, &colors->card, &colors->header, &colors->corner
      };
      const CjmColor *texts[] = { &colors->text, &colors->text_dim };

      for (guint g = 0; g < G_N_ELEMENTS (grounds); g++)
        for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
          g_assert_cmpfloat (cjm_style_contrast (texts[t], grounds[g]), >=, 4.5);
      /* the stage number on its header */
      g_assert_cmpfloat (cjm_style_contrast (&colors->accent, &colors->header), >=,
                         schemes[s] == CJM_STYLE_DARK ? 4.5 : 3.0);

      /* cards of every kind in every lane: the title and the meta line */
      for (CjmLaneKind lane = CJM_LANE_UNKNOWN; lane < CJM_N_LANE_KINDS; lane++)
        for (guint k = 0; k < G_N_ELEMENTS (cards); k++)
          for (guint c = 0; c < (lane == CJM_LANE_CHANNEL ? G_N_ELEMENTS (channels) : 1); c++)
            {
              CjmColor fill, accent;

              cjm_style_colors_get_card_fill (colors, cards[k], lane, channels[c], &fill);
              g_assert_cmpfloat (cjm_style_contrast (&colors->text, &fill), >=, 4.5);
              g_assert_cmpfloat (cjm_style_contrast (&colors->text_dim, &fill), >=, 4.5);
              if (schemes[s] == CJM_STYLE_DARK)
                {
                  cjm_style_colors_get_lane_accent (colors, lane, channels[c], &accent);
                  g_assert_cmpfloat (cjm_style_contrast (&accent, &colors->header), >=, 3.0);
                }
            }
    }

  /* the dark scheme's faint text reads on the dark grounds too */
  {
    const CjmStyleColors *dark = cjm_style_get_colors (CJM_STYLE_DARK);

    g_assert_cmpfloat (cjm_style_contrast (&dark->text_faint, &dark->paper), >=, 4.5);
    g_assert_cmpfloat (cjm_style_contrast (&dark->text_faint, &dark->card), >=, 4.5);
    g_assert_cmpfloat (cjm_style_contrast (&dark->text_faint, &dark->header), >=, 4.5);
  }
}

static void
test_render_dark (void)
{
  g_autoptr(CjmDocument) doc = cjm_test_small_map (NULL);
  g_autoptr(CjmLayout) layout = cjm_layout_new (doc, NULL);
  const CjmStyleColors *dark = cjm_style_get_colors (CJM_STYLE_DARK);
  const double scale = 2;
  cairo_surface_t *surface = render (layout, CJM_STYLE_DARK, scale);
  cairo_surface_t *light = render (layout, CJM_STYLE_LIGHT, scale);
  const CjmLayoutStage *stage = cjm_layout_get_stage (layout, 0);
  const CjmLayoutCard *card = cjm_layout_lookup_card (layout,
                                                      cjm_document_lookup (doc, "t-web-pay"));
  int w = cairo_image_surface_get_width (surface), h = cairo_image_surface_get_height (surface);
  double sum = 0, sum_light = 0;
  guint n = 0;
  CjmColor text, fill;
  CjmRect title;

  /* a dark ground overall, where the light paper is bright */
  for (int y = 0; y < h; y += 5)
    for (int x = 0; x < w; x += 5)
      {
        CjmColor c = pixel (surface, x, y), l = pixel (light, x, y);

        sum += cjm_style_luminance (&c);
        sum_light += cjm_style_luminance (&l);
        n++;
      }
  g_test_message ("mean luminance: dark %.3f, light %.3f", sum / n, sum_light / n);
  g_assert_cmpfloat (sum / n, <, 0.25);
  g_assert_cmpfloat (sum_light / n, >, 0.75);

  /* the lanes keep their hue: an empty cell of each shows the dark tint */
  for (guint l = 0; l < cjm_layout_get_n_lanes (layout); l++)
    {
      const CjmLayoutLane *lane = cjm_layout_get_lane (layout, l);
      const char *channel = cjm_item_get_field (lane->item, CJM_FIELD_CHANNEL);
      CjmColor tint, light_tint;

      cjm_style_colors_get_lane_color (dark, lane->kind, channel, &tint);
      cjm_render_get_lane_color (lane->kind, channel, &light_tint);
      g_assert_cmpfloat (cjm_style_luminance (&tint), <, 0.2);
      for (guint s = 0; s < cjm_layout_get_n_stages (layout); s++)
        {
          const CjmLayoutCell *cell = cjm_layout_get_cell (layout, s, l);
          CjmColor c;

          if (cell->n_cards > 0 || lane->kind == CJM_LANE_EMOTION)
            continue;
          c = pixel (surface, (int) ((cell->rect.x + 5) * scale),
                     (int) ((cell->rect.y + cell->rect.height - 5) * scale));
          if (!same_color (&c, &tint))
            g_error ("lane %u: %.3f %.3f %.3f, expected %.3f %.3f %.3f", l, c.red, c.green, c.blue,
                     tint.red, tint.green, tint.blue);
          /* the same hue as on light paper: the strongest channel agrees */
          if (light_tint.blue < light_tint.red - 0.02 || light_tint.blue < light_tint.green - 0.02)
            continue;
          g_assert_cmpfloat (c.blue, >=, MIN (c.red, c.green));
          break;
        }
    }

  /* the stage header: its ground, and text as bright as the scheme's */
  fill = pixel (surface, (int) ((stage->header.x + 2) * scale),
                (int) ((stage->header.y + 2) * scale));
  g_assert_true (same_color (&fill, &dark->header));
  text = brightest_against (surface, &stage->header, scale, &fill);
  g_test_message ("stage header text %.3f %.3f %.3f, contrast %.1f", text.red, text.green,
                  text.blue, cjm_style_contrast (&text, &fill));
  g_assert_cmpfloat (cjm_style_contrast (&text, &fill), >=, 4.5);
  g_assert_cmpfloat (cjm_style_contrast (&text, &fill), >=,
                     cjm_style_contrast (&dark->text, &fill) - 1);

  /* a touchpoint's title on its dark face */
  g_assert_nonnull (card);
  fill = pixel (surface, (int) ((card->rect.x + card->rect.width - 4) * scale),
                (int) ((card->rect.y + card->rect.height / 2) * scale));
  g_assert_true (same_color (&fill, &dark->card));
  title = card->title;
  text = brightest_against (surface, &title, scale, &fill);
  g_assert_cmpfloat (cjm_style_contrast (&text, &fill), >=, 4.5);

  cairo_surface_destroy (surface);
  cairo_surface_destroy (light);
}

/* No options, and options left at their defaults, draw the light paper. */
static void
test_default_is_light (void)
{
  g_autoptr(CjmDocument) doc = cjm_test_small_map (NULL);
  g_autoptr(CjmLayout) layout = cjm_layout_new (doc, NULL);
  cairo_surface_t *light = render (layout, CJM_STYLE_LIGHT, 1);
  cairo_surface_t *plain;
  CjmRenderOptions options;
  cairo_t *cr;
  gsize size;

  cjm_render_options_init (&options);
  g_assert_cmpint (options.scheme, ==, CJM_STYLE_LIGHT);
  plain = cairo_image_surface_create (CAIRO_FORMAT_RGB24, cairo_image_surface_get_width (light),
                                      cairo_image_surface_get_height (light));
  cr = cairo_create (plain);
  cjm_render_draw (layout, doc, cr, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (plain);
  size = cairo_image_surface_get_stride (light) * cairo_image_surface_get_height (light);
  g_assert_cmpint (memcmp (cairo_image_surface_get_data (light),
                           cairo_image_surface_get_data (plain), size), ==, 0);
  cairo_surface_destroy (light);
  cairo_surface_destroy (plain);
}

static gboolean
has_hebrew (const char *text)
{
  for (const char *p = text; p != NULL && *p; p = g_utf8_next_char (p))
    if (g_utf8_get_char (p) >= 0x05d0 && g_utf8_get_char (p) <= 0x05ea)
      return TRUE;
  return FALSE;
}

static gboolean
has_latin (const char *text)
{
  for (const char *p = text; p != NULL && *p; p++)
    if (g_ascii_isalpha (*p))
      return TRUE;
  return FALSE;
}

/* What the layout words itself (the legend, a card's "via"), in the
 * map's language: the same for the canvas, print, every export and
 * thumbnails, which all draw this layout. */
static void
test_map_words (void)
{
  const char *langs[] = { "he", "en" };

  cjm_labels_set_locale_dir (g_getenv ("JOURNEYMAN_LOCALEDIR"));
  for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
    {
      gboolean he = strcmp (langs[i], "he") == 0;
      g_autoptr(CjmDocument) doc = cjm_test_small_map (langs[i]);
      CjmLayoutOptions options;
      g_autoptr(CjmLayout) layout = NULL;
      g_autoptr(GArray) legend = NULL;
      g_autofree char *meta = NULL;
      g_autofree char *via = NULL;
      guint channels = 0;

      cjm_layout_options_init (&options);
      options.show_legend = TRUE;
      layout = cjm_layout_new (doc, &options);
      g_assert_cmpstr (cjm_labels_get_language (cjm_layout_get_labels (layout)), ==, langs[i]);

      legend = cjm_layout_flow_legend (layout, 2000, NULL);
      for (guint e = 0; e < legend->len; e++)
        {
          const CjmLegendEntry *entry = &g_array_index (legend, CjmLegendEntry, e);
          const char *channel, *type;

          if (entry->kind == CJM_LEGEND_PERSONA)
            continue;     /* the persona's own name */
          g_test_message ("%s legend: %s", langs[i], entry->label);
          g_assert_true (he ? has_hebrew (entry->label) && !has_latin (entry->label)
                            : !has_hebrew (entry->label) && has_latin (entry->label));
          if (entry->kind != CJM_LEGEND_LANE
              || cjm_item_get_lane_kind (entry->lane) != CJM_LANE_CHANNEL)
            continue;
          /* the channel's kind in words, never the raw attribute */
          channel = cjm_item_get_field (entry->lane, CJM_FIELD_CHANNEL);
          type = cjm_channel_get_label (channel, cjm_layout_get_labels (layout));
          g_assert_nonnull (strstr (entry->label, type));
          if (!he)
            {
              g_autofree char *raw = g_strdup_printf ("Channel: %s", channel);

              g_assert_cmpstr (entry->label, !=, raw);
            }
          channels++;
        }
      g_assert_cmpuint (channels, ==, 3);

      /* a touchpoint run by a third party: "via" in the map's language */
      meta = cjm_layout_dup_card_meta (layout, cjm_document_lookup (doc, "t-call-pay"),
                                       cjm_document_lookup (doc, "l-call"));
      via = g_strdup_printf (he ? "דרך %s" : "via %s", "PayLine IVR");
      g_test_message ("meta: %s", meta);
      g_assert_nonnull (strstr (meta, via));

      /* the map changes its language: the layout follows on its next update */
      cjm_document_set_field (doc, cjm_document_get_map (doc), CJM_FIELD_LANG, he ? "en" : "he");
      cjm_layout_update (layout);
      g_clear_pointer (&legend, g_array_unref);
      legend = cjm_layout_flow_legend (layout, 2000, NULL);
      g_assert_true (he ? !has_hebrew (g_array_index (legend, CjmLegendEntry, 0).label)
                        : has_hebrew (g_array_index (legend, CjmLegendEntry, 0).label));

    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/style/colors-contrast", test_colors_contrast);
  g_test_add_func ("/style/render-dark", test_render_dark);
  g_test_add_func ("/style/default-is-light", test_default_is_light);
  g_test_add_func ("/style/map-words", test_map_words);

  return g_test_run ();
}
