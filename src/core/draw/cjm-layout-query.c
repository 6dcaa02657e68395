/* cjm-layout-query.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Questions the canvas asks a layout: the parts and their rectangles, what
 * is under a point (hit-testing) and where a dropped card would go.
 */

#define G_LOG_DOMAIN "cjm-draw"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "cjm-layout-private.h"

CjmDocument *
cjm_layout_get_document (CjmLayout *self)
{
  g_return_val_if_fail (CJM_IS_LAYOUT (self), NULL);
  return self->document;
}

CjmLabels *
cjm_layout_get_labels (CjmLayout *self)
{
  g_return_val_if_fail (CJM_IS_LAYOUT (self), NULL);
  return self->labels;
}

PangoContext *
cjm_layout_get_pango_context (CjmLayout *self)
{
  g_return_val_if_fail (CJM_IS_LAYOUT (self), NULL);
  return self->context;
}

gboolean
cjm_layout_is_rtl (CjmLayout *self)
{
  g_return_val_if_fail (CJM_IS_LAYOUT (self), FALSE);
  return self->rtl;
}

gboolean
cjm_layout_get_show_findings (CjmLayout *self)
{
  g_return_val_if_fail (CJM_IS_LAYOUT (self), FALSE);
  return self->show_findings;
}

double
cjm_layout_get_card_width (CjmLayout *self)
{
  g_return_val_if_fail (CJM_IS_LAYOUT (self), 0);
  return self->card_width;
}

guint
cjm_layout_get_n_personas (CjmLayout *self)
{
  return cjm_document_get_n_items (self->document, CJM_KIND_PERSONA);
}

void
cjm_layout_get_size (CjmLayout *self,
                     double    *width,
                     double    *height)
{
  g_return_if_fail (CJM_IS_LAYOUT (self));
  if (width)
    *width = self->width;
  if (height)
    *height = self->height;
}

void
cjm_layout_get_grid_rect (CjmLayout *self,
                          CjmRect   *rect)
{
  g_return_if_fail (CJM_IS_LAYOUT (self));
  *rect = self->grid;
}

void
cjm_layout_get_corner_rect (CjmLayout *self,
                            CjmRect   *rect)
{
  g_return_if_fail (CJM_IS_LAYOUT (self));
  *rect = self->corner;
}

void
cjm_layout_get_stage_band (CjmLayout *self,
                           CjmRect   *rect)
{
  g_return_if_fail (CJM_IS_LAYOUT (self));
  *rect = self->stage_band;
}

void
cjm_layout_get_lane_band (CjmLayout *self,
                          CjmRect   *rect)
{
  g_return_if_fail (CJM_IS_LAYOUT (self));
  *rect = self->lane_band;
}

gboolean
cjm_layout_get_unplaced_rect (CjmLayout *self,
                              CjmRect   *rect)
{
  g_return_val_if_fail (CJM_IS_LAYOUT (self), FALSE);
  *rect = self->unplaced;
  return self->has_unplaced;
}

gboolean
cjm_layout_get_legend_rect (CjmLayout *self,
                            CjmRect   *rect)
{
  g_return_val_if_fail (CJM_IS_LAYOUT (self), FALSE);
  *rect = self->legend;
  return self->show_legend;
}

guint
cjm_layout_get_n_stages (CjmLayout *self)
{
  g_return_val_if_fail (CJM_IS_LAYOUT (self), 0);
  return self->stages->len;
}

const CjmLayoutStage *
cjm_layout_get_stage (CjmLayout *self,
                      guint      index)
{
  g_return_val_if_fail (CJM_IS_LAYOUT (self), NULL);
  g_return_val_if_fail (index < self->stages->len, NULL);
  return &g_array_index (self->stages, CjmLayoutStage, index);
}

guint
cjm_layout_get_n_lanes (CjmLayout *self)
{
  g_return_val_if_fail (CJM_IS_LAYOUT (self), 0);
  return self->lanes->len;
}

const CjmLayoutLane *
cjm_layout_get_lane (CjmLayout *self,
                     guint      index)
{
  g_return_val_if_fail (CJM_IS_LAYOUT (self), NULL);
  g_return_val_if_fail (index < self->lanes->len, NULL);
  return &g_array_index (self->lanes, CjmLayoutLane, index);
}

const CjmLayoutCell *
cjm_layout_get_cell (CjmLayout *self,
                     guint      stage_index,
                     guint      lane_index)
{
  g_return_val_if_fail (CJM_IS_LAYOUT (self), NULL);
  g_return_val_if_fail (stage_index < self->stages->len, NULL);
  g_return_val_if_fail (lane_index < self->lanes->len, NULL);
  return &g_array_index (self->cells, CjmLayoutCell, lane_index * self->stages->len + stage_index);
}

guint
cjm_layout_get_n_cards (CjmLayout *self)
{
  g_return_val_if_fail (CJM_IS_LAYOUT (self), 0);
  return self->cards->len;
}

const CjmLayoutCard *
cjm_layout_get_card (CjmLayout *self,
                     guint      index)
{
  g_return_val_if_fail (CJM_IS_LAYOUT (self), NULL);
  g_return_val_if_fail (index < self->cards->len, NULL);
  return &g_array_index (self->cards, CjmLayoutCard, index);
}

const CjmLayoutCard *
cjm_layout_lookup_card (CjmLayout *self,
                        CjmItem   *item)
{
  guint i;

  g_return_val_if_fail (CJM_IS_LAYOUT (self), NULL);

  i = GPOINTER_TO_UINT (g_hash_table_lookup (self->card_index, item));
  return i > 0 ? &g_array_index (self->cards, CjmLayoutCard, i - 1) : NULL;
}

guint
cjm_layout_get_n_unset_points (CjmLayout *self)
{
  g_return_val_if_fail (CJM_IS_LAYOUT (self), 0);
  return self->unset_points->len;
}

const CjmLayoutUnsetPoint *
cjm_layout_get_unset_point (CjmLayout *self,
                            guint      index)
{
  g_return_val_if_fail (CJM_IS_LAYOUT (self), NULL);
  g_return_val_if_fail (index < self->unset_points->len, NULL);
  return &g_array_index (self->unset_points, CjmLayoutUnsetPoint, index);
}

guint
cjm_layout_get_n_curves (CjmLayout *self)
{
  g_return_val_if_fail (CJM_IS_LAYOUT (self), 0);
  return self->curves->len;
}

const CjmLayoutCurve *
cjm_layout_get_curve (CjmLayout *self,
                      guint      index)
{
  g_return_val_if_fail (CJM_IS_LAYOUT (self), NULL);
  g_return_val_if_fail (index < self->curves->len, NULL);
  return &g_array_index (self->curves, CjmLayoutCurve, index);
}

guint
cjm_layout_get_n_links (CjmLayout *self)
{
  g_return_val_if_fail (CJM_IS_LAYOUT (self), 0);
  return self->links->len;
}

const CjmLayoutLink *
cjm_layout_get_link (CjmLayout *self,
                     guint      index)
{
  g_return_val_if_fail (CJM_IS_LAYOUT (self), NULL);
  g_return_val_if_fail (index < self->links->len, NULL);
  return &g_array_index (self->links, CjmLayoutLink, index);
}

gboolean
cjm_layout_get_item_rect (CjmLayout *self,
                          CjmItem   *item,
                          CjmRect   *rect)
{
  const CjmLayoutCard *card;
  guint i;

  g_return_val_if_fail (CJM_IS_LAYOUT (self), FALSE);
  g_return_val_if_fail (CJM_IS_ITEM (item), FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  *rect = (CjmRect) { 0, 0, 0, 0 };

  switch (cjm_item_get_kind (item))
    {
    case CJM_KIND_TOUCHPOINT:
    case CJM_KIND_NOTE:
    case CJM_KIND_OPPORTUNITY:
      card = cjm_layout_lookup_card (self, item);
      if (card == NULL)
        return FALSE;
      *rect = card->rect;
      return TRUE;

    case CJM_KIND_STAGE:
      i = GPOINTER_TO_UINT (g_hash_table_lookup (self->header_index, item));
      if (i == 0)
        return FALSE;
      *rect = g_array_index (self->stages, CjmLayoutStage, i - 1).header;
      return TRUE;

    case CJM_KIND_LANE:
      i = GPOINTER_TO_UINT (g_hash_table_lookup (self->header_index, item));
      if (i == 0)
        return FALSE;
      *rect = g_array_index (self->lanes, CjmLayoutLane, i - 1).header;
      return TRUE;

    case CJM_KIND_LINK:
      for (i = 0; i < self->links->len; i++)
        if (g_array_index (self->links, CjmLayoutLink, i).item == item)
          {
            *rect = g_array_index (self->links, CjmLayoutLink, i).bounds;
            return TRUE;
          }
      return FALSE;

    case CJM_KIND_MAP:
      rect->width = self->width;
      rect->height = self->height;
      return TRUE;

    case CJM_KIND_PERSONA:
    case CJM_KIND_TERM:
    case CJM_KIND_SUPPRESSION:
    case CJM_N_KINDS:
    default:
      return FALSE;
    }
}

/* The stage and lane indexes whose column / row contain x / y, or -1. */
static int
stage_at (CjmLayout *self,
          double     x)
{
  for (guint s = 0; s < self->stages->len; s++)
    {
      const CjmRect *r = &g_array_index (self->stages, CjmLayoutStage, s).column;

      if (x >= r->x && x < r->x + r->width)
        return s;
    }
  return -1;
}

static int
lane_at (CjmLayout *self,
         double     y)
{
  guint lo = 0, hi = self->lanes->len;

  /* rows are sorted top to bottom */
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      const CjmRect *r = &g_array_index (self->lanes, CjmLayoutLane, mid).row;

      if (y < r->y)
        hi = mid;
      else if (y >= r->y + r->height)
        lo = mid + 1;
      else
        return mid;
    }
  return -1;
}

GArray *
cjm_layout_get_cards_in_rect (CjmLayout     *self,
                              const CjmRect *rect)
{
  GArray *result;
  guint n_stages;

  g_return_val_if_fail (CJM_IS_LAYOUT (self), NULL);
  g_return_val_if_fail (rect != NULL, NULL);

  result = g_array_new (FALSE, FALSE, sizeof (guint));
  n_stages = self->stages->len;

  for (guint l = 0; l < self->lanes->len; l++)
    {
      const CjmLayoutLane *lane = &g_array_index (self->lanes, CjmLayoutLane, l);

      if (!cjm_rect_intersects (&lane->row, rect))
        continue;
      for (guint s = 0; s < n_stages; s++)
        {
          const CjmLayoutCell *cell = &g_array_index (self->cells, CjmLayoutCell, l * n_stages + s);

          /* badges stick out of the cell a little */
          CjmRect grown = { cell->rect.x - 8, cell->rect.y - 8, cell->rect.width + 16, cell->rect.height + 16 };

          if (cell->n_cards == 0 || !cjm_rect_intersects (&grown, rect))
            continue;
          for (guint i = cell->first_card; i < cell->first_card + cell->n_cards; i++)
            {
              const CjmLayoutCard *card = &g_array_index (self->cards, CjmLayoutCard, i);
              CjmRect r;

              cjm_rect_union (&card->rect, &card->badge, &r);
              if (cjm_rect_intersects (&r, rect))
                g_array_append_val (result, i);
            }
        }
    }

  for (guint i = self->n_placed; i < self->cards->len; i++)
    {
      const CjmLayoutCard *card = &g_array_index (self->cards, CjmLayoutCard, i);
      CjmRect r;

      cjm_rect_union (&card->rect, &card->badge, &r);
      if (cjm_rect_intersects (&r, rect))
        g_array_append_val (result, i);
    }

  return result;
}

static void
hit_reset (CjmHit *hit)
{
  memset (hit, 0, sizeof *hit);
  hit->kind = CJM_HIT_NONE;
  hit->field = CJM_FIELD_EMOTION;
  hit->stage_index = -1;
  hit->lane_index = -1;
}

static CjmHitKind
hit_card (CjmLayout           *self,
          const CjmLayoutCard *card,
          double               x,
          double               y,
          CjmHit              *hit)
{
  double dx = x - card->handle.x;
  double dy = y - card->handle.y;
  CjmHitKind kind;

  if (cjm_rect_contains (&card->badge, x, y))
    kind = CJM_HIT_BADGE;
  else if (dx * dx + dy * dy <= (CJM_M_HANDLE_RADIUS + 2) * (CJM_M_HANDLE_RADIUS + 2))
    kind = CJM_HIT_LINK_HANDLE;
  else if (cjm_rect_contains (&card->rect, x, y))
    kind = CJM_HIT_CARD;
  else
    return CJM_HIT_NONE;

  hit->kind = kind;
  hit->item = card->item;
  hit->stage = card->stage;
  hit->lane = card->lane;
  if (card->cell >= 0)
    {
      const CjmLayoutCell *cell = &g_array_index (self->cells, CjmLayoutCell, card->cell);

      hit->stage_index = cell->stage_index;
      hit->lane_index = cell->lane_index;
    }
  return kind;
}

static double
distance_to_link (const CjmLayoutLink *link,
                  double               x,
                  double               y)
{
  double best = G_MAXDOUBLE;
  double px, py;

  cjm_bezier_point (link->path, 0, &px, &py);
  for (int i = 1; i <= 24; i++)
    {
      double qx, qy, vx, vy, wx, wy, t, len2, cx, cy, d;

      cjm_bezier_point (link->path, i / 24.0, &qx, &qy);
      vx = qx - px;
      vy = qy - py;
      wx = x - px;
      wy = y - py;
      len2 = vx * vx + vy * vy;
      t = len2 > 0 ? CLAMP ((wx * vx + wy * vy) / len2, 0, 1) : 0;
      cx = px + t * vx - x;
      cy = py + t * vy - y;
      d = sqrt (cx * cx + cy * cy);
      best = MIN (best, d);
      px = qx;
      py = qy;
    }
  return best;
}

CjmHitKind
cjm_layout_hit_test (CjmLayout *self,
                     double     x,
                     double     y,
                     CjmHit    *hit)
{
  CjmHit local;
  int s, l;

  g_return_val_if_fail (CJM_IS_LAYOUT (self), CJM_HIT_NONE);

  if (hit == NULL)
    hit = &local;
  hit_reset (hit);

  /* Cards (with their badges and handles), top-most first. */
  {
    CjmRect probe = { x - CJM_M_HANDLE_RADIUS - 2, y - CJM_M_HANDLE_RADIUS - 2,
                      2 * CJM_M_HANDLE_RADIUS + 4, 2 * CJM_M_HANDLE_RADIUS + 4 };
    g_autoptr(GArray) near = cjm_layout_get_cards_in_rect (self, &probe);

    /* badges first: they are drawn over the neighbouring cards */
    for (guint i = near->len; i > 0; i--)
      {
        const CjmLayoutCard *card = &g_array_index (self->cards, CjmLayoutCard, g_array_index (near, guint, i - 1));

        if (cjm_rect_contains (&card->badge, x, y))
          return hit_card (self, card, x, y, hit);
      }
    for (guint i = near->len; i > 0; i--)
      {
        const CjmLayoutCard *card = &g_array_index (self->cards, CjmLayoutCard, g_array_index (near, guint, i - 1));

        if (cjm_rect_contains (&card->rect, x, y))
          return hit_card (self, card, x, y, hit);
      }
    for (guint i = near->len; i > 0; i--)
      {
        const CjmLayoutCard *card = &g_array_index (self->cards, CjmLayoutCard, g_array_index (near, guint, i - 1));

        if (hit_card (self, card, x, y, hit) != CJM_HIT_NONE)
          return hit->kind;
      }
  }

  s = cjm_rect_contains (&self->grid, x, y) ? stage_at (self, x) : -1;
  l = cjm_rect_contains (&self->grid, x, y) ? lane_at (self, y) : -1;

  /* Emotion points: the as-is curves are drawn over the to-be ones. */
  if (l >= 0 && g_array_index (self->lanes, CjmLayoutLane, l).kind == CJM_LANE_EMOTION)
    {
      const double r = CJM_M_FACE_SIZE / 2 + 2;

      for (int target = 0; target <= 1; target++)
        for (guint c = self->curves->len; c > 0; c--)
          {
            const CjmLayoutCurve *curve = &g_array_index (self->curves, CjmLayoutCurve, c - 1);

            if (curve->lane_index != (guint) l || curve->target != target)
              continue;
            for (guint i = 0; i < curve->n_points; i++)
              {
                const CjmLayoutPoint *pt = &curve->points[i];
                double dx = x - pt->x, dy = y - pt->y;

                if (dx * dx + dy * dy <= r * r)
                  {
                    hit->kind = CJM_HIT_EMOTION_POINT;
                    hit->item = pt->item;
                    hit->persona = curve->persona;
                    hit->lane = curve->lane;
                    hit->lane_index = l;
                    hit->field = target ? CJM_FIELD_TARGET_EMOTION : CJM_FIELD_EMOTION;
                    hit->stage_index = stage_at (self, pt->x);
                    if (hit->stage_index >= 0)
                      hit->stage = g_array_index (self->stages, CjmLayoutStage, hit->stage_index).item;
                    return hit->kind;
                  }
              }
          }

      /* Hollow points: a touchpoint without an emotion, to set one. */
      for (guint i = 0; i < self->unset_points->len; i++)
        {
          const CjmLayoutUnsetPoint *pt = &g_array_index (self->unset_points,
                                                          CjmLayoutUnsetPoint, i);
          double dx = x - pt->x, dy = y - pt->y;

          if (pt->lane_index != (guint) l || dx * dx + dy * dy > r * r)
            continue;
          hit->kind = CJM_HIT_EMOTION_POINT;
          hit->item = pt->item;
          hit->persona = NULL;
          hit->lane = g_array_index (self->lanes, CjmLayoutLane, l).item;
          hit->lane_index = l;
          hit->field = CJM_FIELD_EMOTION;
          hit->stage_index = stage_at (self, pt->x);
          if (hit->stage_index >= 0)
            hit->stage = g_array_index (self->stages, CjmLayoutStage, hit->stage_index).item;
          return hit->kind;
        }
    }

  /* Links: on the path or the label. */
  for (guint i = self->links->len; i > 0; i--)
    {
      const CjmLayoutLink *link = &g_array_index (self->links, CjmLayoutLink, i - 1);

      if (!cjm_rect_contains (&link->bounds, x, y))
        continue;
      if (cjm_rect_contains (&link->label, x, y) || distance_to_link (link, x, y) <= 5)
        {
          hit->kind = CJM_HIT_LINK;
          hit->item = link->item;
          return hit->kind;
        }
    }

  if (cjm_rect_contains (&self->corner, x, y))
    {
      hit->kind = CJM_HIT_CORNER;
      return hit->kind;
    }

  if (s >= 0 && cjm_rect_contains (&g_array_index (self->stages, CjmLayoutStage, s).header, x, y))
    {
      hit->kind = CJM_HIT_STAGE_HEADER;
      hit->stage_index = s;
      hit->stage = hit->item = g_array_index (self->stages, CjmLayoutStage, s).item;
      return hit->kind;
    }

  if (l >= 0 && cjm_rect_contains (&g_array_index (self->lanes, CjmLayoutLane, l).header, x, y))
    {
      hit->kind = CJM_HIT_LANE_HEADER;
      hit->lane_index = l;
      hit->lane = hit->item = g_array_index (self->lanes, CjmLayoutLane, l).item;
      return hit->kind;
    }

  if (s >= 0 && l >= 0)
    {
      hit->kind = CJM_HIT_CELL;
      hit->stage_index = s;
      hit->lane_index = l;
      hit->stage = g_array_index (self->stages, CjmLayoutStage, s).item;
      hit->lane = g_array_index (self->lanes, CjmLayoutLane, l).item;
      return hit->kind;
    }

  if (self->has_unplaced && cjm_rect_contains (&self->unplaced, x, y))
    {
      hit->kind = CJM_HIT_UNPLACED;
      return hit->kind;
    }

  return CJM_HIT_NONE;
}

gboolean
cjm_layout_get_drop_target (CjmLayout     *self,
                            double         x,
                            double         y,
                            CjmDropTarget *target)
{
  const CjmLayoutCell *cell;
  const CjmLayoutCard *cards;
  int s, l;
  guint slot;
  double lx, caret_x, caret_y, caret_h;

  g_return_val_if_fail (CJM_IS_LAYOUT (self), FALSE);
  g_return_val_if_fail (target != NULL, FALSE);

  memset (target, 0, sizeof *target);
  target->cell = -1;

  if (!cjm_rect_contains (&self->grid, x, y))
    return FALSE;
  s = stage_at (self, x);
  l = lane_at (self, y);
  if (s < 0 || l < 0)
    return FALSE;

  cell = &g_array_index (self->cells, CjmLayoutCell, l * self->stages->len + s);
  if (cjm_rect_contains (&g_array_index (self->lanes, CjmLayoutLane, l).header, x, y))
    return FALSE;

  cards = &g_array_index (self->cards, CjmLayoutCard, cell->first_card);
  /* in logical coordinates x grows from the start edge */
  lx = self->rtl ? -x : x;

  for (slot = 0; slot < cell->n_cards; slot++)
    {
      const CjmRect *r = &cards[slot].rect;
      double centre = self->rtl ? -(r->x + r->width / 2) : r->x + r->width / 2;

      if (y < r->y - CJM_M_CARD_GAP / 2)
        break;
      if (y < r->y + r->height + CJM_M_CARD_GAP / 2 && lx < centre)
        break;
    }

  target->stage = cell->stage;
  target->lane = cell->lane;
  target->cell = l * self->stages->len + s;
  target->index_in_cell = slot;
  target->before = slot < cell->n_cards ? cards[slot].item : NULL;
  target->after = slot > 0 ? cards[slot - 1].item : NULL;

  if (slot < cell->n_cards)
    {
      const CjmRect *r = &cards[slot].rect;

      caret_x = self->rtl ? r->x + r->width + CJM_M_CARD_GAP / 2 : r->x - CJM_M_CARD_GAP / 2;
      caret_y = r->y;
      caret_h = r->height;
    }
  else if (slot > 0)
    {
      const CjmRect *r = &cards[slot - 1].rect;

      caret_x = self->rtl ? r->x - CJM_M_CARD_GAP / 2 : r->x + r->width + CJM_M_CARD_GAP / 2;
      caret_y = r->y;
      caret_h = r->height;
    }
  else
    {
      double top = g_array_index (self->lanes, CjmLayoutLane, l).kind == CJM_LANE_EMOTION
                   ? CJM_M_EMOTION_HEIGHT : CJM_M_STAGE_PAD;

      caret_x = self->rtl ? cell->rect.x + cell->rect.width - CJM_M_STAGE_PAD / 2 : cell->rect.x + CJM_M_STAGE_PAD / 2;
      caret_y = cell->rect.y + top;
      caret_h = MAX (CJM_M_CARD_MIN_HEIGHT, cell->rect.height - top - CJM_M_STAGE_PAD);
    }
  target->caret = (CjmRect) { caret_x - 1.5, caret_y, 3, caret_h };

  return TRUE;
}

guint
cjm_layout_get_drop_index (CjmLayout           *self,
                           const CjmDropTarget *target,
                           CjmKind              kind,
                           CjmItem             *moving)
{
  const CjmLayoutCell *cell;
  int moving_index = -1;
  guint n_items;

  g_return_val_if_fail (CJM_IS_LAYOUT (self), 0);
  g_return_val_if_fail (target != NULL, 0);
  g_return_val_if_fail ((kind == CJM_KIND_TOUCHPOINT || kind == CJM_KIND_NOTE || kind == CJM_KIND_OPPORTUNITY), 0);

  n_items = cjm_document_get_n_items (self->document, kind);
  if (moving != NULL)
    moving_index = cjm_document_index_of (self->document, moving);
  if (target->cell < 0 || (guint) target->cell >= self->cells->len)
    return moving_index >= 0 ? (guint) moving_index : n_items;

  cell = &g_array_index (self->cells, CjmLayoutCell, target->cell);

  /* The first card of this kind at or after the slot: go before it. */
  for (guint i = target->index_in_cell; i < cell->n_cards; i++)
    {
      CjmItem *item = g_array_index (self->cards, CjmLayoutCard, cell->first_card + i).item;
      int index;

      if (item == moving || cjm_item_get_kind (item) != kind)
        continue;
      index = cjm_document_index_of (self->document, item);
      if (moving_index >= 0 && moving_index < index)
        return index - 1;
      return index;
    }

  /* Else the last card of this kind before the slot: go after it. */
  for (guint i = MIN (target->index_in_cell, cell->n_cards); i > 0; i--)
    {
      CjmItem *item = g_array_index (self->cards, CjmLayoutCard, cell->first_card + i - 1).item;
      int index;

      if (item == moving || cjm_item_get_kind (item) != kind)
        continue;
      index = cjm_document_index_of (self->document, item);
      if (moving_index >= 0 && moving_index <= index)
        return index;
      return index + 1;
    }

  /* No card of this kind in the cell: the position does not matter. */
  return moving_index >= 0 ? (guint) moving_index : n_items;
}
