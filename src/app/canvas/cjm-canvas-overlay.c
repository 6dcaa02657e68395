/* cjm-canvas-overlay.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the canvas draws over the cached map every frame: hover and
 * selection outlines, the drop preview (the cell or header band and the
 * caret where the drop lands), the dragged cards and headers following
 * the pointer, the emotion point being moved, the link being drawn and the
 * rubber band. Everything is in device pixels relative to the map's origin
 * (map units times the zoom), like the cached nodes, so the frame stays a
 * tree of translations that GTK can diff.
 */

#define G_LOG_DOMAIN "CjmCanvas"

#include "config.h"

#include <math.h>

#include "cjm-canvas-private.h"

static const GdkRGBA accent = { 0.208, 0.518, 0.894, 1.0 };
static const GdkRGBA accent_soft = { 0.208, 0.518, 0.894, 0.14 };
static const GdkRGBA refuse_soft = { 0.878, 0.106, 0.141, 0.12 };

static graphene_rect_t
to_device (CjmCanvas     *self,
           const CjmRect *rect)
{
  double z = self->zoom;

  return GRAPHENE_RECT_INIT (rect->x * z, rect->y * z, rect->width * z, rect->height * z);
}

/* A rounded outline of width px around a rectangle in map units. */
static void
append_outline (CjmCanvas     *self,
                GtkSnapshot   *snapshot,
                const CjmRect *rect,
                double         width,
                double         radius,
                const GdkRGBA *color)
{
  graphene_rect_t r = to_device (self, rect);
  GskRoundedRect outline;
  float w = width;

  gsk_rounded_rect_init_from_rect (&outline,
                                   &GRAPHENE_RECT_INIT (r.origin.x - width, r.origin.y - width,
                                                        r.size.width + 2 * width,
                                                        r.size.height + 2 * width),
                                   radius * self->zoom + width);
  gtk_snapshot_append_border (snapshot, &outline, (float[4]) { w, w, w, w },
                              (GdkRGBA[4]) { *color, *color, *color, *color });
}

/* A cairo node over a rectangle in map units, drawing in map units. */
static cairo_t *
append_cairo (CjmCanvas     *self,
              GtkSnapshot   *snapshot,
              const CjmRect *rect)
{
  CjmRect visible, clipped;
  graphene_rect_t bounds;
  cairo_t *cr;

  /* Only the part in view: a node as wide as the map would be a texture
   * wider than GL accepts. */
  _cjm_canvas_get_visible_rect (self, &visible);
  visible.x -= 32;
  visible.y -= 32;
  visible.width += 64;
  visible.height += 64;
  {
    graphene_rect_t a = GRAPHENE_RECT_INIT (rect->x, rect->y, rect->width, rect->height);
    graphene_rect_t b = GRAPHENE_RECT_INIT (visible.x, visible.y, visible.width, visible.height);
    graphene_rect_t c;

    if (!graphene_rect_intersection (&a, &b, &c))
      c = GRAPHENE_RECT_INIT (visible.x, visible.y, 1, 1);
    clipped = (CjmRect) { c.origin.x, c.origin.y, c.size.width, c.size.height };
  }
  bounds = to_device (self, &clipped);
  cr = gtk_snapshot_append_cairo (snapshot, &bounds);

  cairo_scale (cr, self->zoom, self->zoom);
  return cr;
}

static gboolean
item_overlay_rect (CjmCanvas *self,
                   CjmItem   *item,
                   CjmRect   *rect)
{
  double dx, dy;

  if (!cjm_layout_get_item_rect (self->layout, item, rect))
    return FALSE;
  _cjm_canvas_get_pin_offsets (self, &dx, &dy);
  if (cjm_item_get_kind (item) == CJM_KIND_STAGE)
    rect->y += dy;
  else if (cjm_item_get_kind (item) == CJM_KIND_LANE)
    rect->x += dx;
  return TRUE;
}

static void
append_node_at (GtkSnapshot   *snapshot,
                GskRenderNode *node,
                double         x,
                double         y,
                double         opacity)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_push_opacity (snapshot, opacity);
  gtk_snapshot_append_node (snapshot, node);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_restore (snapshot);
}

static void
snapshot_ghosts (CjmCanvas   *self,
                 GtkSnapshot *snapshot)
{
  double mx, my, dx, dy, z = self->zoom;

  _cjm_canvas_pointer_to_map (self, &mx, &my);
  _cjm_canvas_get_pin_offsets (self, &dx, &dy);

  if (self->drag_mode == CJM_DRAG_CARDS)
    {
      /* The cards follow the pointer, stacked. */
      for (int i = MIN (self->drag_items->len, 4) - 1; i >= 0; i--)
        {
          const CjmLayoutCard *card = cjm_layout_lookup_card (self->layout,
                                                              g_ptr_array_index (self->drag_items, i));
          double ox, oy;
          GskRenderNode *node;

          if (card == NULL)
            continue;
          node = _cjm_canvas_get_card_node (self, card, &ox, &oy);
          append_node_at (snapshot, node, (mx - self->grab_dx) * z + i * 6,
                          (my - self->grab_dy) * z + i * 6, 0.85);
        }
    }
  else if (self->drag_mode == CJM_DRAG_STAGE || self->drag_mode == CJM_DRAG_LANE)
    {
      gboolean stage = self->drag_mode == CJM_DRAG_STAGE;
      int index = cjm_document_index_of (self->document, self->press_hit.item);
      CjmRect rect;

      if (index < 0 || !cjm_layout_get_item_rect (self->layout, self->press_hit.item, &rect))
        return;
      if (stage)
        append_node_at (snapshot, _cjm_canvas_get_stage_node (self, index),
                        (mx - self->grab_dx) * z, (rect.y + dy) * z, 0.8);
      else
        append_node_at (snapshot, _cjm_canvas_get_lane_node (self, index),
                        (rect.x + dx) * z, (my - self->grab_dy) * z, 0.8);
    }
}

static void
snapshot_emotion_preview (CjmCanvas   *self,
                          GtkSnapshot *snapshot)
{
  const CjmLayoutPoint *point = NULL;
  const CjmLayoutCurve *curve = NULL;
  CjmLayoutPoint unset = { 0 };
  double y, r = 11;
  cairo_t *cr;
  CjmRect lane_row, bounds;
  g_autofree char *label = NULL;

  for (guint c = 0; c < cjm_layout_get_n_curves (self->layout) && point == NULL; c++)
    {
      const CjmLayoutCurve *candidate = cjm_layout_get_curve (self->layout, c);

      if ((int) candidate->lane_index != self->press_hit.lane_index
          || candidate->persona != self->press_hit.persona
          || candidate->target != (self->press_hit.field == CJM_FIELD_TARGET_EMOTION))
        continue;
      for (guint p = 0; p < candidate->n_points; p++)
        if (candidate->points[p].item == self->press_hit.item)
          {
            curve = candidate;
            point = &candidate->points[p];
            break;
          }
    }
  /* A hollow point: no curve yet. */
  for (guint i = 0; point == NULL && i < cjm_layout_get_n_unset_points (self->layout); i++)
    {
      const CjmLayoutUnsetPoint *candidate = cjm_layout_get_unset_point (self->layout, i);

      if (candidate->item == self->press_hit.item
          && (int) candidate->lane_index == self->press_hit.lane_index)
        {
          unset = (CjmLayoutPoint) { candidate->item, candidate->x, candidate->y, 0 };
          point = &unset;
        }
    }
  if (point == NULL)
    return;

  y = cjm_layout_emotion_to_y (self->layout, self->press_hit.lane_index, self->emotion_value);
  lane_row = cjm_layout_get_lane (self->layout, self->press_hit.lane_index)->row;
  bounds = (CjmRect) { lane_row.x, lane_row.y - r, lane_row.width, lane_row.height + 2 * r };
  cr = append_cairo (self, snapshot, &bounds);

  /* The curve's neighbours joined to the new value, dashed. */
  cairo_set_line_width (cr, 2);
  if (curve != NULL)
    {
      cairo_set_dash (cr, (double[]) { 5, 4 }, 2, 0);
      cairo_set_source_rgba (cr, curve->color.red, curve->color.green, curve->color.blue, 0.9);
      if (point > curve->points)
        {
          cairo_move_to (cr, point[-1].x, point[-1].y);
          cairo_line_to (cr, point->x, y);
        }
      else
        cairo_move_to (cr, point->x, y);
      if (point + 1 < curve->points + curve->n_points)
        cairo_line_to (cr, point[1].x, point[1].y);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  /* A guide from the old value to the new one, and the new face. */
  cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.6);
  cairo_move_to (cr, point->x, point->y);
  cairo_line_to (cr, point->x, y);
  cairo_stroke (cr);
  cjm_render_draw_face (cr, point->x, y, r, self->emotion_value);
  cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 1);
  cairo_arc (cr, point->x, y, r + 2, 0, 2 * G_PI);
  cairo_stroke (cr);

  label = self->emotion_value == 0 ? g_strdup ("0") : g_strdup_printf ("%+d", self->emotion_value);
  cairo_select_font_face (cr, "Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  cairo_set_font_size (cr, 12);
  cairo_move_to (cr, point->x + r + 6, y + 4);
  cairo_show_text (cr, label);
  cairo_destroy (cr);
}

static void
snapshot_link_preview (CjmCanvas   *self,
                       GtkSnapshot *snapshot)
{
  const CjmLayoutCard *from = cjm_layout_lookup_card (self->layout, self->press_hit.item);
  double mx, my, x0, y0;
  CjmRect bounds;
  cairo_t *cr;

  if (from == NULL)
    return;
  _cjm_canvas_pointer_to_map (self, &mx, &my);
  x0 = from->handle.x;
  y0 = from->handle.y;
  if (self->link_target != NULL)
    {
      CjmRect rect;

      if (cjm_layout_get_item_rect (self->layout, self->link_target, &rect))
        {
          append_outline (self, snapshot, &rect, 3, 6, &accent);
          mx = CLAMP (mx, rect.x, rect.x + rect.width);
          my = CLAMP (my, rect.y, rect.y + rect.height);
        }
    }

  bounds = (CjmRect) { MIN (x0, mx) - 12, MIN (y0, my) - 12, fabs (mx - x0) + 24, fabs (my - y0) + 24 };
  cr = append_cairo (self, snapshot, &bounds);
  cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 1);
  cairo_set_line_width (cr, 2.5 / self->zoom);
  cairo_move_to (cr, x0, y0);
  cairo_curve_to (cr, (x0 + mx) / 2, y0, (x0 + mx) / 2, my, mx, my);
  cairo_stroke (cr);
  cairo_arc (cr, x0, y0, 5, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_arc (cr, mx, my, 4, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_destroy (cr);
}

static void
snapshot_selected_link (CjmCanvas     *self,
                        GtkSnapshot   *snapshot,
                        CjmItem       *item,
                        const GdkRGBA *color)
{
  for (guint l = 0; l < cjm_layout_get_n_links (self->layout); l++)
    {
      const CjmLayoutLink *link = cjm_layout_get_link (self->layout, l);
      CjmRect bounds;
      cairo_t *cr;

      if (link->item != item)
        continue;
      bounds = (CjmRect) { link->bounds.x - 4, link->bounds.y - 4,
                           link->bounds.width + 8, link->bounds.height + 8 };
      cr = append_cairo (self, snapshot, &bounds);
      gdk_cairo_set_source_rgba (cr, color);
      cairo_set_line_width (cr, 5 / self->zoom);
      cairo_move_to (cr, link->path[0].x, link->path[0].y);
      cairo_curve_to (cr, link->path[1].x, link->path[1].y, link->path[2].x, link->path[2].y,
                      link->path[3].x, link->path[3].y);
      cairo_stroke (cr);
      cairo_destroy (cr);
    }
}

/* The link under the pointer stands out, and so do its ends: where it
 * comes from and where it goes. */
static void
snapshot_hovered_link (CjmCanvas   *self,
                       GtkSnapshot *snapshot,
                       CjmItem     *item)
{
  GdkRGBA soft = accent;

  soft.alpha = 0.5;
  for (guint l = 0; l < cjm_layout_get_n_links (self->layout); l++)
    {
      const CjmLayoutLink *link = cjm_layout_get_link (self->layout, l);
      CjmRect rect;

      if (link->item != item)
        continue;
      if (!_cjm_canvas_is_selected (self, item))
        snapshot_selected_link (self, snapshot, item, &soft);
      if (link->from != NULL && cjm_layout_get_item_rect (self->layout, link->from, &rect))
        append_outline (self, snapshot, &rect, 2.5, 6, &accent);
      if (link->to != NULL && cjm_layout_get_item_rect (self->layout, link->to, &rect))
        append_outline (self, snapshot, &rect, 2.5, 6, &accent);
      break;
    }
}

static void
snapshot_preview (CjmCanvas   *self,
                  GtkSnapshot *snapshot)
{
  CjmRect area = self->preview.area;
  CjmRect caret = self->preview.caret;
  graphene_rect_t c;
  double dx, dy;

  /* The cell or the header band, and the caret where the drop lands. */
  _cjm_canvas_get_pin_offsets (self, &dx, &dy);
  if (self->drag_mode == CJM_DRAG_STAGE || self->preview.kind == CJM_KIND_STAGE)
    area.y += dy;
  else if (self->drag_mode == CJM_DRAG_LANE || self->preview.kind == CJM_KIND_LANE)
    area.x += dx;
  c = to_device (self, &area);
  gtk_snapshot_append_color (snapshot, self->preview.valid ? &accent_soft : &refuse_soft, &c);

  if (!self->preview.valid || caret.width <= 0 || caret.height <= 0)
    return;
  c = to_device (self, &caret);
  /* At least 3 px wide on screen. */
  if (c.size.width < 3)
    {
      c.origin.x -= (3 - c.size.width) / 2;
      c.size.width = 3;
    }
  if (c.size.height < 3)
    {
      c.origin.y -= (3 - c.size.height) / 2;
      c.size.height = 3;
    }
  gtk_snapshot_append_color (snapshot, &accent, &c);
}

/* The link handle of a card: a white dot ringed in the accent colour on
 * its trailing edge, to drag a link from. */
static void
append_link_handle (CjmCanvas   *self,
                    GtkSnapshot *snapshot,
                    CjmItem     *item)
{
  const CjmLayoutCard *card;
  GskRoundedRect dot;
  float r, w;

  if (!_cjm_canvas_is_card (item))
    return;
  card = cjm_layout_lookup_card (self->layout, item);
  if (card == NULL || (card->handle.x == 0 && card->handle.y == 0))
    return;
  r = MAX (5.0, 6.0 * self->zoom);
  w = MAX (1.5, 2.0 * self->zoom);
  gsk_rounded_rect_init_from_rect (&dot, &GRAPHENE_RECT_INIT (card->handle.x * self->zoom - r,
                                                              card->handle.y * self->zoom - r,
                                                              2 * r, 2 * r), r);
  gtk_snapshot_push_rounded_clip (snapshot, &dot);
  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 1, 1, 1, 1 }, &dot.bounds);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_append_border (snapshot, &dot, (float[4]) { w, w, w, w },
                              (GdkRGBA[4]) { accent, accent, accent, accent });
}

void
_cjm_canvas_snapshot_overlay (CjmCanvas   *self,
                              GtkSnapshot *snapshot)
{
  CjmRect rect;

  /* Hover */
  if (self->drag_mode == CJM_DRAG_NONE && self->hover.item != NULL
      && !_cjm_canvas_is_selected (self, self->hover.item)
      && (self->hover.kind == CJM_HIT_CARD || self->hover.kind == CJM_HIT_STAGE_HEADER
          || self->hover.kind == CJM_HIT_LANE_HEADER || self->hover.kind == CJM_HIT_BADGE)
      && item_overlay_rect (self, self->hover.item, &rect))
    {
      GdkRGBA soft = accent;

      soft.alpha = 0.45;
      append_outline (self, snapshot, &rect, 1, 6, &soft);
    }

  /* A link under the pointer, and the two cards it joins. */
  if (self->drag_mode == CJM_DRAG_NONE && self->hover.kind == CJM_HIT_LINK
      && self->hover.item != NULL)
    snapshot_hovered_link (self, snapshot, self->hover.item);

  /* Selection */
  for (guint i = 0; i < self->selection->len; i++)
    {
      CjmItem *item = g_ptr_array_index (self->selection, i);

      if (cjm_item_get_kind (item) == CJM_KIND_LINK)
        snapshot_selected_link (self, snapshot, item,
                                &(GdkRGBA) { accent.red, accent.green, accent.blue, 0.8 });
      else if (item_overlay_rect (self, item, &rect))
        append_outline (self, snapshot, &rect, 2.5, 6, &accent);
    }

  /* Link handles: on the card under the pointer and the selected cards. */
  if ((self->drag_mode == CJM_DRAG_NONE || self->drag_mode == CJM_DRAG_PENDING)
      && self->hover.item != NULL
      && (self->hover.kind == CJM_HIT_CARD || self->hover.kind == CJM_HIT_LINK_HANDLE
          || self->hover.kind == CJM_HIT_BADGE))
    append_link_handle (self, snapshot, self->hover.item);
  if (self->drag_mode != CJM_DRAG_CARDS)
    for (guint i = 0; i < self->selection->len; i++)
      if (g_ptr_array_index (self->selection, i) != self->hover.item)
        append_link_handle (self, snapshot, g_ptr_array_index (self->selection, i));

  if (self->preview.active)
    snapshot_preview (self, snapshot);

  switch (self->drag_mode)
    {
    case CJM_DRAG_CARDS:
    case CJM_DRAG_STAGE:
    case CJM_DRAG_LANE:
      snapshot_ghosts (self, snapshot);
      break;

    case CJM_DRAG_EMOTION:
      snapshot_emotion_preview (self, snapshot);
      break;

    case CJM_DRAG_LINK:
      snapshot_link_preview (self, snapshot);
      break;

    case CJM_DRAG_RUBBER_BAND:
      {
        CjmRect band;
        graphene_rect_t g;

        _cjm_canvas_get_rubber_band (self, &band);
        g = to_device (self, &band);
        gtk_snapshot_append_color (snapshot, &accent_soft, &g);
        append_outline (self, snapshot, &band, 1, 0, &accent);
      }
      break;

    case CJM_DRAG_NONE:
    case CJM_DRAG_PENDING:
    case CJM_DRAG_PAN:
    case CJM_DRAG_CANCELLED:
    default:
      break;
    }
}
