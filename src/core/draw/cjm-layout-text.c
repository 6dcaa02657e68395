/* cjm-layout-text.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rectangles, and the text of the map: one PangoContext at 96 dpi with
 * unhinted metrics, the fonts, and a cache of shaped PangoLayouts.
 */

#define G_LOG_DOMAIN "cjm-draw"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "cjm-layout-private.h"

static const char * const font_names[CJM_N_FONTS] = {
  [CJM_FONT_CARD_TITLE] = "Sans Semi-Bold 10",
  [CJM_FONT_NOTE]       = "Sans 10",
  [CJM_FONT_SMALL]      = "Sans 8.5",
  [CJM_FONT_SMALL_BOLD] = "Sans Bold 8.5",
  [CJM_FONT_STAGE]      = "Sans Bold 12.5",
  [CJM_FONT_GOAL]       = "Sans Italic 9",
  [CJM_FONT_LANE]       = "Sans Bold 10.5",
  [CJM_FONT_MAP_TITLE]  = "Sans Bold 13",
  [CJM_FONT_HEADING]    = "Sans Bold 20",
  [CJM_FONT_BODY]       = "Sans 10",
  [CJM_FONT_CAPTION]    = "Sans 8",
};


/* Rectangles */

gboolean
cjm_rect_contains (const CjmRect *rect,
                   double         x,
                   double         y)
{
  return rect->width > 0 && rect->height > 0 &&
         x >= rect->x && x < rect->x + rect->width &&
         y >= rect->y && y < rect->y + rect->height;
}

gboolean
cjm_rect_intersects (const CjmRect *a,
                     const CjmRect *b)
{
  if (a->width <= 0 || a->height <= 0 || b->width <= 0 || b->height <= 0)
    return FALSE;
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

void
cjm_rect_union (const CjmRect *a,
                const CjmRect *b,
                CjmRect       *result)
{
  double x1, y1, x2, y2;

  if (a->width <= 0 || a->height <= 0)
    {
      *result = *b;
      return;
    }
  if (b->width <= 0 || b->height <= 0)
    {
      *result = *a;
      return;
    }
  x1 = MIN (a->x, b->x);
  y1 = MIN (a->y, b->y);
  x2 = MAX (a->x + a->width, b->x + b->width);
  y2 = MAX (a->y + a->height, b->y + b->height);
  *result = (CjmRect) { x1, y1, x2 - x1, y2 - y1 };
}

/* Text */

PangoContext *
cjm_layout_make_context (PangoContext *given,
              CjmDocument  *document,
              gboolean      rtl)
{
  PangoFontMap *font_map = NULL;
  PangoContext *context;
  cairo_font_options_t *font_options;
  const char *lang;

  if (given != NULL)
    font_map = pango_context_get_font_map (given);
  if (font_map == NULL || !PANGO_IS_CAIRO_FONT_MAP (font_map))
    font_map = pango_cairo_font_map_get_default ();

  context = pango_font_map_create_context (font_map);
  pango_cairo_context_set_resolution (context, 96.0);
  /* Unhinted metrics: the same text measures the same at any zoom, on
   * screen and on paper. */
  font_options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (font_options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (context, font_options);
  cairo_font_options_destroy (font_options);
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_context_set_base_dir (context, rtl ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);

  lang = cjm_item_get_field (cjm_document_get_map (document), CJM_FIELD_LANG);
  if (lang != NULL)
    pango_context_set_language (context, pango_language_from_string (lang));

  return context;
}

/* The direction of the first strong character, or neutral. */
static PangoDirection
text_direction (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x200E)
        return PANGO_DIRECTION_LTR;
      if (c == 0x200F)
        return PANGO_DIRECTION_RTL;
      if (!g_unichar_isalpha (c))
        continue;
      switch (g_unichar_get_script (c))
        {
        case G_UNICODE_SCRIPT_HEBREW:
        case G_UNICODE_SCRIPT_ARABIC:
        case G_UNICODE_SCRIPT_SYRIAC:
        case G_UNICODE_SCRIPT_THAANA:
        case G_UNICODE_SCRIPT_NKO:
        case G_UNICODE_SCRIPT_SAMARITAN:
        case G_UNICODE_SCRIPT_MANDAIC:
          return PANGO_DIRECTION_RTL;
        default:
          return PANGO_DIRECTION_LTR;
        }
    }
  return PANGO_DIRECTION_NEUTRAL;
}

PangoLayout *
cjm_layout_get_text (CjmLayout    *self,
                     CjmFont       font,
                     const char   *text,
                     double        width,
                     int           max_lines,
                     CjmTextFlags  flags)
{
  g_autofree char *key = NULL;
  PangoLayout *layout;
  PangoAlignment align;

  g_assert (font < CJM_N_FONTS);

  if (text == NULL)
    text = "";

  key = g_strdup_printf ("%d|%d|%d|%d|%s", font, (int) (width * 8), max_lines, flags, text);
  layout = g_hash_table_lookup (self->text_cache, key);
  if (layout != NULL)
    return layout;

  layout = pango_layout_new (self->context);
  pango_layout_set_font_description (layout, self->fonts[font]);
  if (flags & CJM_TEXT_MARKUP)
    pango_layout_set_markup (layout, text, -1);
  else
    pango_layout_set_text (layout, text, -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (layout, max_lines > 0 ? -max_lines : G_MAXINT);
    }

  /* Each paragraph is shaped in its own direction (a Latin date stays
   * "22 November 2026" in a Hebrew map), but sits at the map's start edge:
   * the right edge of its box in a right-to-left map. Pango swaps left and
   * right for a paragraph whose direction is opposite to the context's
   * (the map's), so pick the alignment from both. */
  {
    PangoDirection dir = text_direction (pango_layout_get_text (layout));
    gboolean para_rtl = dir == PANGO_DIRECTION_RTL || (dir == PANGO_DIRECTION_NEUTRAL && self->rtl);
    gboolean right = (flags & CJM_TEXT_END) ? !self->rtl : self->rtl;

    pango_layout_set_auto_dir (layout, TRUE);
    if (flags & CJM_TEXT_CENTER)
      align = PANGO_ALIGN_CENTER;
    else
      align = (right != (para_rtl != self->rtl)) ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
    pango_layout_set_alignment (layout, align);
  }

  g_hash_table_insert (self->text_cache, g_steal_pointer (&key), layout);
  return layout;
}

void
cjm_layout_measure_text (CjmLayout    *self,
                         CjmFont       font,
                         const char   *text,
                         double        width,
                         int           max_lines,
                         CjmTextFlags  flags,
                         double       *out_width,
                         double       *out_height)
{
  PangoLayout *layout = cjm_layout_get_text (self, font, text, width, max_lines, flags);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (out_width)
    *out_width = (double) logical.width / PANGO_SCALE;
  if (out_height)
    *out_height = (double) logical.height / PANGO_SCALE;
}

double
cjm_layout_get_line_height (CjmLayout *self,
                            CjmFont    font)
{
  g_assert (font < CJM_N_FONTS);
  return self->line_height[font];
}

void
cjm_layout_setup_fonts (CjmLayout *self)
{
  for (guint i = 0; i < CJM_N_FONTS; i++)
    {
      g_clear_pointer (&self->fonts[i], pango_font_description_free);
      self->fonts[i] = pango_font_description_from_string (font_names[i]);
    }
  g_hash_table_remove_all (self->text_cache);
  for (guint i = 0; i < CJM_N_FONTS; i++)
    {
      double h;

      cjm_layout_measure_text (self, i, "Ag", -1, 0, 0, NULL, &h);
      self->line_height[i] = h;
    }
}
