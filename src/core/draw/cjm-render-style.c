/* cjm-render-style.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What every part of the map draws with: colours set on cairo, shapes,
 * text, channel and lane icons, faces. The colours themselves are the
 * style's (cjm-style.c).
 */

#define G_LOG_DOMAIN "cjm-draw"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "cjm-finding.h"
#include "cjm-layout-private.h"
#include "cjm-render-private.h"

void
cjm_render_set_color (cairo_t        *cr,
           const CjmColor *c)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha);
}

void
cjm_render_set_color_alpha (cairo_t        *cr,
                 const CjmColor *c,
                 double          alpha)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha * alpha);
}

/* Shapes */

void
cjm_render_rounded_rect (cairo_t *cr,
              double   x,
              double   y,
              double   w,
              double   h,
              double   r)
{
  r = MIN (r, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

void
cjm_render_star_path (cairo_t *cr,
           double   cx,
           double   cy,
           double   r)
{
  for (int i = 0; i < 10; i++)
    {
      double a = -G_PI / 2 + i * G_PI / 5;
      double rr = (i % 2) ? r * 0.45 : r;

      if (i == 0)
        cairo_move_to (cr, cx + rr * cos (a), cy + rr * sin (a));
      else
        cairo_line_to (cr, cx + rr * cos (a), cy + rr * sin (a));
    }
  cairo_close_path (cr);
}

/* Text at the top of box, wrapped to its width, in the map's direction. */
double
cjm_render_text (CjmLayout      *layout,
           cairo_t        *cr,
           CjmFont         font,
           const char     *text,
           const CjmRect  *box,
           int             max_lines,
           CjmTextFlags    flags,
           const CjmColor *color)
{
  PangoLayout *pl = cjm_layout_get_text (layout, font, text, box->width, max_lines, flags);
  PangoRectangle logical;

  pango_layout_get_extents (pl, NULL, &logical);
  cjm_render_set_color (cr, color);
  cairo_move_to (cr, box->x, box->y);
  pango_cairo_show_layout (cr, pl);
  cairo_new_path (cr);
  return (double) logical.height / PANGO_SCALE;
}

/* Icons: simple strokes on a size × size square, in the current colour. */

static void
icon_face (cairo_t *cr,
           double   x,
           double   y,
           double   s)
{
  double cx = x + s / 2, cy = y + s / 2, r = s * 0.42;

  cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
  cairo_stroke (cr);
  cairo_arc (cr, cx - r * 0.38, cy - r * 0.25, s * 0.05, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_arc (cr, cx + r * 0.38, cy - r * 0.25, s * 0.05, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_arc (cr, cx, cy + r * 0.05, r * 0.5, G_PI * 0.2, G_PI * 0.8);
  cairo_stroke (cr);
}

static void
draw_icon_shape (cairo_t    *cr,
                 const char *name,
                 double      x,
                 double      y,
                 double      s)
{
  double cx = x + s / 2, cy = y + s / 2;

  cairo_save (cr);
  cairo_set_line_width (cr, MAX (1.0, s / 11));
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  if (g_str_equal (name, "web"))
    {
      double r = s * 0.42;

      cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
      cairo_stroke (cr);
      cairo_save (cr);
      cairo_translate (cr, cx, cy);
      cairo_scale (cr, 0.45, 1);
      cairo_arc (cr, 0, 0, r, 0, 2 * G_PI);
      cairo_restore (cr);
      cairo_stroke (cr);
      cairo_move_to (cr, cx - r, cy);
      cairo_line_to (cr, cx + r, cy);
      cairo_stroke (cr);
    }
  else if (g_str_equal (name, "app"))
    {
      cjm_render_rounded_rect (cr, x + s * 0.28, y + s * 0.08, s * 0.44, s * 0.84, s * 0.08);
      cairo_stroke (cr);
      cairo_arc (cr, cx, y + s * 0.8, s * 0.04, 0, 2 * G_PI);
      cairo_fill (cr);
    }
  else if (g_str_equal (name, "phone"))
    {
      /* a headset: band, ear pads, microphone */
      cairo_arc (cr, cx, cy, s * 0.34, G_PI, 2 * G_PI);
      cairo_stroke (cr);
      cjm_render_rounded_rect (cr, x + s * 0.1, cy - s * 0.02, s * 0.16, s * 0.3, s * 0.05);
      cairo_fill (cr);
      cjm_render_rounded_rect (cr, x + s * 0.74, cy - s * 0.02, s * 0.16, s * 0.3, s * 0.05);
      cairo_fill (cr);
      cairo_move_to (cr, x + s * 0.82, cy + s * 0.28);
      cairo_curve_to (cr, x + s * 0.82, y + s * 0.92, cx, y + s * 0.9, cx - s * 0.02, y + s * 0.88);
      cairo_stroke (cr);
    }
  else if (g_str_equal (name, "store"))
    {
      cairo_move_to (cr, x + s * 0.1, y + s * 0.38);
      cairo_line_to (cr, x + s * 0.2, y + s * 0.14);
      cairo_line_to (cr, x + s * 0.8, y + s * 0.14);
      cairo_line_to (cr, x + s * 0.9, y + s * 0.38);
      cairo_close_path (cr);
      cairo_stroke (cr);
      cairo_rectangle (cr, x + s * 0.18, y + s * 0.38, s * 0.64, s * 0.48);
      cairo_stroke (cr);
      cairo_rectangle (cr, x + s * 0.42, y + s * 0.56, s * 0.16, s * 0.3);
      cairo_fill (cr);
    }
  else if (g_str_equal (name, "email") || g_str_equal (name, "mail"))
    {
      cairo_rectangle (cr, x + s * 0.1, y + s * 0.22, s * 0.8, s * 0.56);
      cairo_stroke (cr);
      cairo_move_to (cr, x + s * 0.1, y + s * 0.24);
      cairo_line_to (cr, cx, cy + s * 0.06);
      cairo_line_to (cr, x + s * 0.9, y + s * 0.24);
      cairo_stroke (cr);
    }
  else if (g_str_equal (name, "sms") || g_str_equal (name, "chat"))
    {
      cjm_render_rounded_rect (cr, x + s * 0.1, y + s * 0.14, s * 0.8, s * 0.56, s * 0.14);
      cairo_stroke (cr);
      cairo_move_to (cr, x + s * 0.3, y + s * 0.7);
      cairo_line_to (cr, x + s * 0.24, y + s * 0.9);
      cairo_line_to (cr, x + s * 0.48, y + s * 0.7);
      cairo_stroke (cr);
      if (g_str_equal (name, "chat"))
        for (int i = -1; i <= 1; i++)
          {
            cairo_arc (cr, cx + i * s * 0.17, y + s * 0.42, s * 0.045, 0, 2 * G_PI);
            cairo_fill (cr);
          }
    }
  else if (g_str_equal (name, "social"))
    {
      double px[3] = { x + s * 0.25, x + s * 0.75, x + s * 0.75 };
      double py[3] = { cy, y + s * 0.22, y + s * 0.78 };

      cairo_move_to (cr, px[1], py[1]);
      cairo_line_to (cr, px[0], py[0]);
      cairo_line_to (cr, px[2], py[2]);
      cairo_stroke (cr);
      for (int i = 0; i < 3; i++)
        {
          cairo_arc (cr, px[i], py[i], s * 0.12, 0, 2 * G_PI);
          cairo_fill (cr);
        }
    }
  else if (g_str_equal (name, "partner"))
    {
      cairo_arc (cr, x + s * 0.36, y + s * 0.32, s * 0.14, 0, 2 * G_PI);
      cairo_stroke (cr);
      cairo_arc (cr, x + s * 0.36, y + s * 0.88, s * 0.26, G_PI, 2 * G_PI);
      cairo_stroke (cr);
      cairo_arc (cr, x + s * 0.68, y + s * 0.36, s * 0.12, 0, 2 * G_PI);
      cairo_stroke (cr);
      cairo_arc (cr, x + s * 0.7, y + s * 0.88, s * 0.2, G_PI * 1.1, 2 * G_PI);
      cairo_stroke (cr);
    }
  else if (g_str_equal (name, "emotion"))
    {
      icon_face (cr, x, y, s);
    }
  else if (g_str_equal (name, "actions"))
    {
      /* a walking arrow */
      cairo_move_to (cr, x + s * 0.12, cy);
      cairo_line_to (cr, x + s * 0.84, cy);
      cairo_move_to (cr, x + s * 0.58, y + s * 0.26);
      cairo_line_to (cr, x + s * 0.86, cy);
      cairo_line_to (cr, x + s * 0.58, y + s * 0.74);
      cairo_stroke (cr);
    }
  else if (g_str_equal (name, "thoughts"))
    {
      cairo_save (cr);
      cairo_translate (cr, x + s * 0.56, y + s * 0.38);
      cairo_scale (cr, 1.4, 1);
      cairo_arc (cr, 0, 0, s * 0.24, 0, 2 * G_PI);
      cairo_restore (cr);
      cairo_stroke (cr);
      cairo_arc (cr, x + s * 0.26, y + s * 0.72, s * 0.08, 0, 2 * G_PI);
      cairo_fill (cr);
      cairo_arc (cr, x + s * 0.13, y + s * 0.88, s * 0.05, 0, 2 * G_PI);
      cairo_fill (cr);
    }
  else if (g_str_equal (name, "pain-points"))
    {
      cairo_move_to (cr, cx, y + s * 0.1);
      cairo_line_to (cr, x + s * 0.92, y + s * 0.86);
      cairo_line_to (cr, x + s * 0.08, y + s * 0.86);
      cairo_close_path (cr);
      cairo_stroke (cr);
      cairo_move_to (cr, cx, y + s * 0.38);
      cairo_line_to (cr, cx, y + s * 0.6);
      cairo_stroke (cr);
      cairo_arc (cr, cx, y + s * 0.73, s * 0.05, 0, 2 * G_PI);
      cairo_fill (cr);
    }
  else if (g_str_equal (name, "backstage"))
    {
      /* a cog */
      for (int i = 0; i < 8; i++)
        {
          double a = i * G_PI / 4;

          cairo_move_to (cr, cx + s * 0.28 * cos (a), cy + s * 0.28 * sin (a));
          cairo_line_to (cr, cx + s * 0.44 * cos (a), cy + s * 0.44 * sin (a));
        }
      cairo_stroke (cr);
      cairo_arc (cr, cx, cy, s * 0.28, 0, 2 * G_PI);
      cairo_stroke (cr);
      cairo_arc (cr, cx, cy, s * 0.1, 0, 2 * G_PI);
      cairo_fill (cr);
    }
  else if (g_str_equal (name, "notes"))
    {
      cairo_move_to (cr, x + s * 0.16, y + s * 0.12);
      cairo_line_to (cr, x + s * 0.84, y + s * 0.12);
      cairo_line_to (cr, x + s * 0.84, y + s * 0.62);
      cairo_line_to (cr, x + s * 0.58, y + s * 0.88);
      cairo_line_to (cr, x + s * 0.16, y + s * 0.88);
      cairo_close_path (cr);
      cairo_stroke (cr);
      cairo_move_to (cr, x + s * 0.3, y + s * 0.34);
      cairo_line_to (cr, x + s * 0.7, y + s * 0.34);
      cairo_move_to (cr, x + s * 0.3, y + s * 0.52);
      cairo_line_to (cr, x + s * 0.6, y + s * 0.52);
      cairo_stroke (cr);
    }
  else if (g_str_equal (name, "opportunities"))
    {
      /* a light bulb */
      cairo_arc (cr, cx, y + s * 0.38, s * 0.26, G_PI * 0.75, G_PI * 2.25);
      cairo_line_to (cr, x + s * 0.62, y + s * 0.72);
      cairo_line_to (cr, x + s * 0.38, y + s * 0.72);
      cairo_close_path (cr);
      cairo_stroke (cr);
      cairo_move_to (cr, x + s * 0.4, y + s * 0.86);
      cairo_line_to (cr, x + s * 0.6, y + s * 0.86);
      cairo_stroke (cr);
    }
  else
    {
      /* any other channel: a ring with a dot */
      cairo_arc (cr, cx, cy, s * 0.38, 0, 2 * G_PI);
      cairo_stroke (cr);
      cairo_arc (cr, cx, cy, s * 0.12, 0, 2 * G_PI);
      cairo_fill (cr);
    }

  cairo_restore (cr);
}

void
cjm_render_draw_channel_icon (cairo_t        *cr,
                              const char     *channel,
                              double          x,
                              double          y,
                              double          size,
                              const CjmColor *color)
{
  g_autofree char *name = NULL;

  g_return_if_fail (cr != NULL);

  name = g_ascii_strdown (channel ? channel : "", -1);
  cairo_save (cr);
  if (color)
    cjm_render_set_color (cr, color);
  draw_icon_shape (cr, name, x, y, size);
  cairo_restore (cr);
}

void
cjm_render_draw_lane_icon (cairo_t        *cr,
                CjmItem        *lane,
                double          x,
                double          y,
                double          size,
                const CjmColor *color)
{
  CjmLaneKind kind = cjm_item_get_lane_kind (lane);

  if (kind == CJM_LANE_CHANNEL)
    cjm_render_draw_channel_icon (cr, cjm_item_get_field (lane, CJM_FIELD_CHANNEL), x, y, size, color);
  else if (kind == CJM_LANE_UNKNOWN)
    cjm_render_draw_channel_icon (cr, "", x, y, size, color);
  else
    {
      cairo_save (cr);
      cjm_render_set_color (cr, color);
      draw_icon_shape (cr, cjm_lane_kind_to_string (kind), x, y, size);
      cairo_restore (cr);
    }
}

void
cjm_render_draw_face (cairo_t *cr,
                      double   x,
                      double   y,
                      double   radius,
                      int      emotion)
{
  CjmColor fill, ink;
  double r = radius;
  double mouth;

  g_return_if_fail (cr != NULL);

  emotion = CLAMP (emotion, -3, 3);
  cjm_style_get_emotion_color (emotion, &fill);
  ink = cjm_style_luminance (&fill) > 0.6 ? cjm_style_color_from_hex (0x241f31) : cjm_style_color_from_hex (0xffffff);

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_arc (cr, x, y, r, 0, 2 * G_PI);
  cjm_render_set_color (cr, &fill);
  cairo_fill (cr);

  cjm_render_set_color (cr, &ink);
  cairo_arc (cr, x - r * 0.36, y - r * 0.22, r * 0.13, 0, 2 * G_PI);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + r * 0.36, y - r * 0.22, r * 0.13, 0, 2 * G_PI);
  cairo_fill (cr);

  /* mouth: a curve that bends with the feeling */
  mouth = emotion / 3.0 * r * 0.34;
  cairo_set_line_width (cr, MAX (1.0, r * 0.14));
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_move_to (cr, x - r * 0.42, y + r * 0.34 - mouth * 0.5);
  cairo_curve_to (cr, x - r * 0.2, y + r * 0.34 + mouth, x + r * 0.2, y + r * 0.34 + mouth,
                  x + r * 0.42, y + r * 0.34 - mouth * 0.5);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* The style's colours, for the canvas */

void
cjm_render_get_lane_color (CjmLaneKind  kind,
                           const char  *channel,
                           CjmColor    *color)
{
  cjm_style_get_lane_color (kind, channel, color);
}

void
cjm_render_get_lane_accent (CjmLaneKind  kind,
                            const char  *channel,
                            CjmColor    *color)
{
  cjm_style_get_lane_accent (kind, channel, color);
}

void
cjm_render_get_emotion_color (int       emotion,
                              CjmColor *color)
{
  cjm_style_get_emotion_color (emotion, color);
}
