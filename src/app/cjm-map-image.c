/* cjm-map-image.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Renders a map with cjm-render into a cairo image surface and wraps its
 * pixels in a GdkTexture.
 */

#define G_LOG_DOMAIN "CjmMapImage"

#include "config.h"

#include <math.h>

#include "cjm-layout.h"
#include "cjm-map-image.h"
#include "cjm-render.h"

/* Helpers */

static GdkTexture *
texture_from_surface (cairo_surface_t *surface)
{
  g_autoptr(GBytes) bytes = NULL;
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);

  cairo_surface_flush (surface);
  bytes = g_bytes_new (cairo_image_surface_get_data (surface), (gsize) stride * height);
  /* CAIRO_FORMAT_ARGB32 is premultiplied native-endian ARGB. */
  return gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, stride);
}

/* The bounds of the cards in @items, or FALSE when none is laid out. */
static gboolean
items_bounds (CjmLayout *layout,
              GPtrArray *items,
              CjmRect   *bounds)
{
  gboolean found = FALSE;
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0;

  for (guint i = 0; i < cjm_layout_get_n_cards (layout); i++)
    {
      const CjmLayoutCard *card = cjm_layout_get_card (layout, i);

      if (!g_ptr_array_find (items, card->item, NULL))
        continue;
      if (!found)
        {
          x1 = card->rect.x;
          y1 = card->rect.y;
          x2 = card->rect.x + card->rect.width;
          y2 = card->rect.y + card->rect.height;
          found = TRUE;
        }
      else
        {
          x1 = MIN (x1, card->rect.x);
          y1 = MIN (y1, card->rect.y);
          x2 = MAX (x2, card->rect.x + card->rect.width);
          y2 = MAX (y2, card->rect.y + card->rect.height);
        }
    }
  if (found)
    {
      const double margin = 12;

      bounds->x = x1 - margin;
      bounds->y = y1 - margin;
      bounds->width = x2 - x1 + 2 * margin;
      bounds->height = y2 - y1 + 2 * margin;
    }
  return found;
}

static GdkTexture *
render_area (CjmLayout     *layout,
             CjmDocument   *document,
             const CjmRect *area,
             double         scale,
             gboolean       show_findings)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  GdkTexture *texture;
  CjmRenderOptions options;
  int width = MAX (1, (int) ceil (area->width * scale));
  int height = MAX (1, (int) ceil (area->height * scale));

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -area->x, -area->y);
  cairo_rectangle (cr, area->x, area->y, area->width, area->height);
  cairo_clip (cr);

  cjm_render_options_init (&options);
  options.draw_background = TRUE;
  options.draw_findings = show_findings;
  options.print = TRUE;
  cjm_render_draw (layout, document, cr, &options);
  cairo_destroy (cr);
  texture = texture_from_surface (surface);
  cairo_surface_destroy (surface);
  return texture;
}

/* Public API */

GdkTexture *
cjm_map_image_render (CjmDocument *document,
                      double       scale,
                      GPtrArray   *items,
                      GPtrArray   *findings)
{
  g_autoptr(CjmLayout) layout = NULL;
  CjmLayoutOptions options;
  CjmRect area = { 0, 0, 0, 0 };

  g_return_val_if_fail (CJM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (scale > 0, NULL);

  cjm_layout_options_init (&options);
  options.show_findings = findings != NULL;
  options.findings = findings;
  options.show_legend = items == NULL || items->len == 0;
  layout = cjm_layout_new (document, &options);

  if (items == NULL || items->len == 0 || !items_bounds (layout, items, &area))
    {
      area.x = area.y = 0;
      cjm_layout_get_size (layout, &area.width, &area.height);
    }
  return render_area (layout, document, &area, scale, findings != NULL);
}

GdkTexture *
cjm_map_image_render_fit (CjmDocument *document,
                          int          max_width,
                          int          max_height)
{
  g_autoptr(CjmLayout) layout = NULL;
  CjmRect area = { 0, 0, 0, 0 };
  double scale;

  g_return_val_if_fail (CJM_IS_DOCUMENT (document), NULL);

  layout = cjm_layout_new (document, NULL);
  cjm_layout_get_size (layout, &area.width, &area.height);
  scale = MIN (max_width / MAX (area.width, 1), max_height / MAX (area.height, 1));
  return render_area (layout, document, &area, scale, FALSE);
}
