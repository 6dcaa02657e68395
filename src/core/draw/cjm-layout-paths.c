/* cjm-layout-paths.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The emotion lanes' curves and the links' arrows, computed once the cards
 * have their places.
 */

#define G_LOG_DOMAIN "cjm-draw"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "cjm-layout-private.h"
#include "cjm-style.h"

static gboolean
persona_passes (CjmItem    *touchpoint,
                const char *persona_id)
{
  const char *personas;

  if (persona_id == NULL)
    return TRUE;
  personas = cjm_item_get_field (touchpoint, CJM_FIELD_PERSONAS);
  if (personas == NULL || *personas == '\0')
    return TRUE;
  return cjm_item_id_list_contains (touchpoint, CJM_FIELD_PERSONAS, persona_id);
}

double
cjm_layout_emotion_to_y (CjmLayout *self,
                         guint      lane_index,
                         int        emotion)
{
  const CjmLayoutLane *lane;
  double step = (CJM_M_EMOTION_HEIGHT - 2 * CJM_M_EMOTION_PAD) / 6.0;

  g_return_val_if_fail (CJM_IS_LAYOUT (self), 0);
  g_return_val_if_fail (lane_index < self->lanes->len, 0);

  lane = &g_array_index (self->lanes, CjmLayoutLane, lane_index);
  emotion = CLAMP (emotion, -3, 3);
  return lane->row.y + CJM_M_EMOTION_PAD + (3 - emotion) * step;
}

int
cjm_layout_y_to_emotion (CjmLayout *self,
                         guint      lane_index,
                         double     y)
{
  const CjmLayoutLane *lane;
  double step = (CJM_M_EMOTION_HEIGHT - 2 * CJM_M_EMOTION_PAD) / 6.0;
  int e;

  g_return_val_if_fail (CJM_IS_LAYOUT (self), 0);
  g_return_val_if_fail (lane_index < self->lanes->len, 0);

  lane = &g_array_index (self->lanes, CjmLayoutLane, lane_index);
  e = 3 - (int) lround ((y - lane->row.y - CJM_M_EMOTION_PAD) / step);
  return CLAMP (e, -3, 3);
}

void
cjm_layout_build_curves (CjmLayout *self,
              GPtrArray *journey,      /* placed touchpoint cards, journey order */
              GArray    *journey_x)    /* their x */
{
  GPtrArray *personas = cjm_document_get_items (self->document, CJM_KIND_PERSONA);
  guint n_personas = MAX (personas->len, 1);

  for (guint l = 0; l < self->lanes->len; l++)
    {
      CjmLayoutLane *lane = &g_array_index (self->lanes, CjmLayoutLane, l);

      if (lane->kind != CJM_LANE_EMOTION)
        continue;

      for (int target = 0; target <= 1; target++)
        for (guint p = 0; p < n_personas; p++)
          {
            CjmItem *persona = personas->len > 0 ? g_ptr_array_index (personas, p) : NULL;
            const char *pid = persona ? cjm_item_get_id (persona) : NULL;
            CjmLayoutCurve curve = { 0 };
            guint n = 0;

            curve.persona = persona;
            curve.lane = lane->item;
            curve.lane_index = l;
            curve.target = target;
            cjm_style_get_persona_color (persona, p, &curve.color);
            curve.points = g_new0 (CjmLayoutPoint, MAX (journey->len, 1));

            for (guint i = 0; i < journey->len; i++)
              {
                CjmItem *tp = g_ptr_array_index (journey, i);
                int e = target ? cjm_item_get_target_emotion (tp) : cjm_item_get_emotion (tp);

                if (e == CJM_EMOTION_UNSET || (pid != NULL && !persona_passes (tp, pid)))
                  continue;
                curve.points[n].item = tp;
                curve.points[n].emotion = e;
                curve.points[n].x = g_array_index (journey_x, double, i);
                curve.points[n].y = cjm_layout_emotion_to_y (self, l, e);
                n++;
              }

            curve.n_points = n;
            if (n == 0)
              {
                g_free (curve.points);
                continue;
              }
            g_array_append_val (self->curves, curve);
          }

      for (guint i = 0; i < journey->len; i++)
        {
          CjmItem *tp = g_ptr_array_index (journey, i);
          CjmLayoutUnsetPoint point;

          if (cjm_item_get_emotion (tp) != CJM_EMOTION_UNSET)
            continue;
          point.item = tp;
          point.lane_index = l;
          point.x = g_array_index (journey_x, double, i);
          point.y = cjm_layout_emotion_to_y (self, l, 0);
          g_array_append_val (self->unset_points, point);
        }
    }
}

void
cjm_bezier_point (const CjmPoint *p,
              double          t,
              double         *x,
              double         *y)
{
  double u = 1 - t;

  *x = u * u * u * p[0].x + 3 * u * u * t * p[1].x + 3 * u * t * t * p[2].x + t * t * t * p[3].x;
  *y = u * u * u * p[0].y + 3 * u * u * t * p[1].y + 3 * u * t * t * p[2].y + t * t * t * p[3].y;
}

void
cjm_layout_build_links (CjmLayout *self)
{
  GPtrArray *links = cjm_document_get_items (self->document, CJM_KIND_LINK);

  for (guint i = 0; i < links->len; i++)
    {
      CjmItem *item = g_ptr_array_index (links, i);
      const char *from_id = cjm_item_get_field (item, CJM_FIELD_FROM);
      const char *to_id = cjm_item_get_field (item, CJM_FIELD_TO);
      CjmItem *from = from_id ? cjm_document_lookup (self->document, from_id) : NULL;
      CjmItem *to = to_id ? cjm_document_lookup (self->document, to_id) : NULL;
      const CjmLayoutCard *a, *b;
      CjmLayoutLink link = { 0 };
      const char *label;
      double ax, ay, bx, by, d;
      CjmPoint *p = link.path;

      if (from == NULL || to == NULL || from == to)
        continue;
      a = cjm_layout_lookup_card (self, from);
      b = cjm_layout_lookup_card (self, to);
      if (a == NULL || b == NULL)
        continue;

      link.item = item;
      link.from = from;
      link.to = to;

      if (b->rect.x >= a->rect.x + a->rect.width - 1 || b->rect.x + b->rect.width <= a->rect.x + 1)
        {
          /* side by side: from the facing edges, horizontally */
          gboolean right = b->rect.x > a->rect.x;

          ax = right ? a->rect.x + a->rect.width : a->rect.x;
          bx = right ? b->rect.x : b->rect.x + b->rect.width;
          ay = a->rect.y + a->rect.height / 2;
          by = b->rect.y + b->rect.height / 2;
          d = MAX (fabs (bx - ax) / 2, 24);
          p[0] = (CjmPoint) { ax, ay };
          p[1] = (CjmPoint) { ax + (right ? d : -d), ay };
          p[2] = (CjmPoint) { bx - (right ? d : -d), by };
          p[3] = (CjmPoint) { bx, by };
        }
      else
        {
          /* one above the other: from the facing edges, vertically */
          gboolean down = b->rect.y > a->rect.y;

          ax = a->rect.x + a->rect.width / 2;
          bx = b->rect.x + b->rect.width / 2;
          ay = down ? a->rect.y + a->rect.height : a->rect.y;
          by = down ? b->rect.y : b->rect.y + b->rect.height;
          d = MAX (fabs (by - ay) / 2, 16);
          p[0] = (CjmPoint) { ax, ay };
          p[1] = (CjmPoint) { ax, ay + (down ? d : -d) };
          p[2] = (CjmPoint) { bx, by - (down ? d : -d) };
          p[3] = (CjmPoint) { bx, by };
        }

      {
        double x1 = p[0].x, y1 = p[0].y, x2 = p[0].x, y2 = p[0].y;

        for (guint k = 1; k < 4; k++)
          {
            x1 = MIN (x1, p[k].x);
            y1 = MIN (y1, p[k].y);
            x2 = MAX (x2, p[k].x);
            y2 = MAX (y2, p[k].y);
          }
        link.bounds = (CjmRect) { x1 - 8, y1 - 8, x2 - x1 + 16, y2 - y1 + 16 };
      }

      label = cjm_item_get_field (item, CJM_FIELD_LABEL);
      if (label != NULL && *label != '\0')
        {
          double lw, lh, mx, my;

          cjm_layout_measure_text (self, CJM_FONT_SMALL, label, 160, 2, CJM_TEXT_CENTER, &lw, &lh);
          cjm_bezier_point (p, 0.5, &mx, &my);
          lw = MIN (lw, 160) + 12;
          lh += 4;
          link.label = (CjmRect) { mx - lw / 2, my - lh / 2, lw, lh };
          cjm_rect_union (&link.bounds, &link.label, &link.bounds);
        }

      g_array_append_val (self->links, link);
    }
}
