/* cjm-style.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-draw"

#include "config.h"

#include <glib/gi18n-lib.h>
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

/* Colours of the map */

void
cjm_style_get_lane_accent (CjmLaneKind     kind,
                           const char     *channel,
                           CjmColor       *color)
{
  guint32 v;

  g_return_if_fail (color != NULL);

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
  *color = cjm_style_color_from_hex (v);
}

void
cjm_style_get_lane_color (CjmLaneKind     kind,
                          const char     *channel,
                          CjmColor       *color)
{
  CjmColor accent;

  g_return_if_fail (color != NULL);

  cjm_style_get_lane_accent (kind, channel, &accent);
  switch (kind)
    {
    case CJM_LANE_EMOTION:
      *color = cjm_style_lighten (&accent, 0.95);
      break;
    case CJM_LANE_CHANNEL:
      *color = cjm_style_lighten (&accent, 0.93);
      break;
    case CJM_LANE_BACKSTAGE:
    case CJM_LANE_ACTIONS:
      *color = cjm_style_lighten (&accent, 0.92);
      break;
    case CJM_LANE_UNKNOWN:
    case CJM_LANE_THOUGHTS:
    case CJM_LANE_PAIN_POINTS:
    case CJM_LANE_NOTES:
    case CJM_LANE_OPPORTUNITIES:
    default:
      *color = cjm_style_lighten (&accent, 0.91);
      break;
    }
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

