/* cjm-style.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-draw"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cjm-finding.h"
#include "cjm-style-private.h"

static const guint32 persona_palette[] = {
  0x3584e4, 0xe66100, 0x2ec27e, 0x9141ac, 0xe01b24, 0x986a44, 0x1c71d8, 0xc061cb,
};

typedef struct {
  const char *channel;
  guint32     accent;
} ChannelColor;

static const ChannelColor channel_colors[] = {
  { "web",     0x1c71d8 },
  { "app",     0x813d9c },
  { "phone",   0x26a269 },
  { "store",   0xc64600 },
  { "email",   0x1a5fb4 },
  { "sms",     0x2190a4 },
  { "chat",    0x2ec27e },
  { "social",  0xc061cb },
  { "mail",    0x865e3c },
  { "partner", 0x5e5c64 },
};

CjmColor
cjm_style_color_from_hex (guint32 v)
{
  CjmColor c = HEX (v);
  return c;
}

CjmColor
cjm_style_lighten (const CjmColor *a,
                   double          amount)
{
  return (CjmColor) { a->red + (1 - a->red) * amount,
                      a->green + (1 - a->green) * amount,
                      a->blue + (1 - a->blue) * amount,
                      a->alpha };
}

double
cjm_style_luminance (const CjmColor *c)
{
  return 0.2126 * c->red + 0.7152 * c->green + 0.0722 * c->blue;
}

CjmColor
cjm_style_mix (const CjmColor *a,
               const CjmColor *b,
               double          amount)
{
  return (CjmColor) { a->red + (b->red - a->red) * amount,
                      a->green + (b->green - a->green) * amount,
                      a->blue + (b->blue - a->blue) * amount,
                      a->alpha };
}

/* WCAG 2: sRGB components made linear */
static double
relative_luminance (const CjmColor *c)
{
  double v[3] = { c->red, c->green, c->blue };

  for (guint i = 0; i < 3; i++)
    v[i] = v[i] <= 0.04045 ? v[i] / 12.92 : pow ((v[i] + 0.055) / 1.055, 2.4);
  return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
}

double
cjm_style_contrast (const CjmColor *a,
                    const CjmColor *b)
{
  double la = relative_luminance (a), lb = relative_luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

/* The colours of light and dark paper */

static const CjmStyleColors light_colors = {
  CJM_STYLE_LIGHT,
  .paper       = HEX (0xffffff),
  .card        = HEX (0xffffff),
  .header      = HEX (0xf6f5f4),
  .corner      = HEX (0xebebeb),
  .grid        = HEX (0xdeddda),
  .card_border = HEX (0xc0bfbc),
  .text        = HEX (0x241f31),
  .text_dim    = HEX (0x5e5c64),
  .text_faint  = HEX (0x77767b),
  .link        = HEX (0x77767b),
  .gold        = HEX (0xe5a50a),
  .accent      = HEX (0x3584e4),
  .unplaced    = HEX (0xc64600),
};

/* Adwaita's dark view and card colours */
static const CjmStyleColors dark_colors = {
  CJM_STYLE_DARK,
  .paper       = HEX (0x1e1e1e),
  .card        = HEX (0x2e2e32),
  .header      = HEX (0x303030),
  .corner      = HEX (0x383838),
  .grid        = HEX (0x454545),
  .card_border = HEX (0x5e5c64),
  .text        = HEX (0xf6f5f4),
  .text_dim    = HEX (0xcfcfcb),
  .text_faint  = HEX (0xb0afac),
  .link        = HEX (0x9a9996),
  .gold        = HEX (0xf6d32d),
  .accent      = HEX (0x78aeed),
  .unplaced    = HEX (0xff8c3a),
};

const CjmStyleColors *
cjm_style_get_colors (CjmStyleScheme scheme)
{
  return scheme == CJM_STYLE_DARK ? &dark_colors : &light_colors;
}

CjmColor
cjm_style_colors_readable (const CjmStyleColors *colors,
                           const CjmColor       *color,
                           const CjmColor       *ground,
                           double                min_contrast)
{
  static const CjmColor white = HEX (0xffffff), black = HEX (0x000000);
  const CjmColor *toward;
  CjmColor c = *color;

  g_return_val_if_fail (colors != NULL && color != NULL && ground != NULL, *color);

  /* away from the ground: lighter on a dark one, darker on a light one */
  toward = relative_luminance (ground) < 0.18 ? &white : &black;
  for (guint i = 0; i < 20 && cjm_style_contrast (&c, ground) < min_contrast; i++)
    c = cjm_style_mix (&c, toward, 0.1);
  return c;
}

/* Colours of the map */

static guint32
lane_accent_hex (CjmLaneKind  kind,
                 const char  *channel)
{
  guint32 v;

  switch (kind)
    {
    case CJM_LANE_EMOTION:       v = 0x9141ac; break;
    case CJM_LANE_ACTIONS:       v = 0x3d3846; break;
    case CJM_LANE_THOUGHTS:      v = 0x813d9c; break;
    case CJM_LANE_PAIN_POINTS:   v = 0xc01c28; break;
    case CJM_LANE_BACKSTAGE:     v = 0x5e5c64; break;
    case CJM_LANE_NOTES:         v = 0xc88800; break;
    case CJM_LANE_OPPORTUNITIES: v = 0x26a269; break;
    case CJM_LANE_CHANNEL:
      v = 0x3584e4;
      for (guint i = 0; channel != NULL && i < G_N_ELEMENTS (channel_colors); i++)
        if (g_ascii_strcasecmp (channel, channel_colors[i].channel) == 0)
          v = channel_colors[i].accent;
      break;
    case CJM_LANE_UNKNOWN:
    default:
      v = 0x77767b;
      break;
    }
  return v;
}

/* The accent toward the ground: amount 0 the accent, 1 the
 * ground (white on light paper; the paper or a card on dark paper, where
 * a faint tint would read as grey, so more of the hue is kept). */
static CjmColor
tint (const CjmStyleColors *colors,
      const CjmColor       *accent,
      double                amount,
      const CjmColor       *dark_ground)
{
  if (colors->scheme == CJM_STYLE_LIGHT)
    return cjm_style_lighten (accent, amount);
  return cjm_style_mix (accent, dark_ground, 1 - (1 - amount) * 2.2);
}

void
cjm_style_colors_get_lane_accent (const CjmStyleColors *colors,
                                  CjmLaneKind           kind,
                                  const char           *channel,
                                  CjmColor             *color)
{
  g_return_if_fail (colors != NULL && color != NULL);

  *color = cjm_style_color_from_hex (lane_accent_hex (kind, channel));
  /* the same hue, light enough to stand out from a dark header (3:1, as
   * WCAG asks of marks) */
  if (colors->scheme == CJM_STYLE_DARK)
    *color = cjm_style_colors_readable (colors, color, &colors->header, 3.0);
}

void
cjm_style_colors_get_lane_color (const CjmStyleColors *colors,
                                 CjmLaneKind           kind,
                                 const char           *channel,
                                 CjmColor             *color)
{
  CjmColor accent = cjm_style_color_from_hex (lane_accent_hex (kind, channel));
  double amount;

  g_return_if_fail (colors != NULL && color != NULL);

  switch (kind)
    {
    case CJM_LANE_EMOTION:
      amount = 0.95;
      break;
    case CJM_LANE_CHANNEL:
      amount = 0.93;
      break;
    case CJM_LANE_BACKSTAGE:
    case CJM_LANE_ACTIONS:
      amount = 0.92;
      break;
    case CJM_LANE_UNKNOWN:
    case CJM_LANE_THOUGHTS:
    case CJM_LANE_PAIN_POINTS:
    case CJM_LANE_NOTES:
    case CJM_LANE_OPPORTUNITIES:
    default:
      amount = 0.91;
      break;
    }
  *color = tint (colors, &accent, amount, &colors->paper);
}

void
cjm_style_colors_get_card_fill (const CjmStyleColors *colors,
                                CjmKind               kind,
                                CjmLaneKind           lane_kind,
                                const char           *channel,
                                CjmColor             *color)
{
  CjmColor accent = cjm_style_color_from_hex (lane_accent_hex (lane_kind, channel));

  g_return_if_fail (colors != NULL && color != NULL);

  if (kind == CJM_KIND_TOUCHPOINT)
    *color = colors->card;
  else
    *color = tint (colors, &accent, kind == CJM_KIND_NOTE ? 0.86 : 0.88, &colors->card);
}

void
cjm_style_get_lane_accent (CjmLaneKind     kind,
                           const char     *channel,
                           CjmColor       *color)
{
  cjm_style_colors_get_lane_accent (&light_colors, kind, channel, color);
}

void
cjm_style_get_lane_color (CjmLaneKind     kind,
                          const char     *channel,
                          CjmColor       *color)
{
  cjm_style_colors_get_lane_color (&light_colors, kind, channel, color);
}

static gboolean
parse_hex_color (const char *text,
                 CjmColor   *color)
{
  guint64 v;
  char *end = NULL;

  if (text == NULL || text[0] != '#' || strlen (text) != 7)
    return FALSE;
  v = g_ascii_strtoull (text + 1, &end, 16);
  if (end == NULL || *end != '\0')
    return FALSE;
  *color = cjm_style_color_from_hex ((guint32) v);
  return TRUE;
}

void
cjm_style_get_persona_color (CjmItem  *persona,
                             guint     index,
                             CjmColor *color)
{
  g_return_if_fail (color != NULL);

  if (persona != NULL && parse_hex_color (cjm_item_get_field (persona, CJM_FIELD_COLOR), color))
    return;
  *color = cjm_style_color_from_hex (persona_palette[index % G_N_ELEMENTS (persona_palette)]);
}

void
cjm_style_get_emotion_color (int       emotion,
                             CjmColor *color)
{
  static const guint32 ramp[7] = { 0xc01c28, 0xe01b24, 0xf57900, 0x9a9996, 0x57c47f, 0x2ec27e, 0x26a269 };

  g_return_if_fail (color != NULL);
  *color = cjm_style_color_from_hex (ramp[CLAMP (emotion, -3, 3) + 3]);
}

void
cjm_style_get_severity_color (int       severity,
                              CjmColor *color)
{
  switch (severity)
    {
    case CJM_SEVERITY_ERROR:   *color = cjm_style_color_from_hex (0xe01b24); break;
    case CJM_SEVERITY_WARNING: *color = cjm_style_color_from_hex (0xe5a50a); break;
    case CJM_SEVERITY_INFO:
    default:                   *color = cjm_style_color_from_hex (0x3584e4); break;
    }
}

