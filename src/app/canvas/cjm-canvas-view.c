/* cjm-canvas-view.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What part of the map the canvas shows: zoom, scrolling (the canvas is
 * GtkScrollable and configures its adjustments), the headers pinned in
 * view, and the one pair of functions between widget and map
 * coordinates that hit-testing and drawing go through.
 */

#define G_LOG_DOMAIN "CjmCanvas"

#include "config.h"

#include <math.h>

#include "cjm-canvas-private.h"
#include "cjm-minimap.h"

static gboolean
rect_is_empty (const CjmRect *rect)
{
  return rect->width <= 0 || rect->height <= 0;
}

static void
compute_origin (CjmCanvas *self,
                double     zoom,
                double    *ox,
                double    *oy)
{
  double mw = 0, mh = 0;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->layout != NULL)
    cjm_layout_get_size (self->layout, &mw, &mh);

  *ox = mw * zoom + 2 * CJM_CANVAS_MARGIN <= width
          ? floor ((width - mw * zoom) / 2) : CJM_CANVAS_MARGIN;
  *oy = mh * zoom + 2 * CJM_CANVAS_MARGIN <= height
          ? floor ((height - mh * zoom) / 2) : CJM_CANVAS_MARGIN;
}

static void
configure_adjustments (CjmCanvas *self,
                       double     hvalue,
                       double     vvalue)
{
  double mw = 0, mh = 0;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double upper_h, upper_v;

  if (self->layout != NULL)
    cjm_layout_get_size (self->layout, &mw, &mh);
  compute_origin (self, self->zoom, &self->origin_x, &self->origin_y);

  upper_h = MAX (mw * self->zoom + 2 * CJM_CANVAS_MARGIN, width);
  upper_v = MAX (mh * self->zoom + 2 * CJM_CANVAS_MARGIN, height);
  hvalue = CLAMP (hvalue, 0, MAX (0, upper_h - width));
  vvalue = CLAMP (vvalue, 0, MAX (0, upper_v - height));

  if (self->hadjustment != NULL)
    gtk_adjustment_configure (self->hadjustment, hvalue, 0, upper_h,
                              width * 0.1, width * 0.9, width);
  if (self->vadjustment != NULL)
    gtk_adjustment_configure (self->vadjustment, vvalue, 0, upper_v,
                              height * 0.1, height * 0.9, height);
}

/* Where the journey starts: the left end, or the right end of a
 * right-to-left map (configure_adjustments() clamps it). */
static double
start_hscroll (CjmCanvas *self)
{
  if (self->layout != NULL && cjm_layout_is_rtl (self->layout))
    return G_MAXDOUBLE;
  return 0;
}

static double
hscroll (CjmCanvas *self)
{
  return self->hadjustment ? gtk_adjustment_get_value (self->hadjustment) : 0;
}

static double
vscroll (CjmCanvas *self)
{
  return self->vadjustment ? gtk_adjustment_get_value (self->vadjustment) : 0;
}

/* The minimap is over the map: what is under it is not hit. */
static gboolean
point_in_minimap (CjmCanvas *self,
                  double     wx,
                  double     wy)
{
  graphene_rect_t bounds;

  return gtk_widget_get_child_visible (self->minimap)
         && gtk_widget_compute_bounds (self->minimap, GTK_WIDGET (self), &bounds)
         && graphene_rect_contains_point (&bounds, &GRAPHENE_POINT_INIT (wx, wy));
}

static void
scroll_to_rect (CjmCanvas     *self,
                const CjmRect *rect)
{
  double x0, y0, x1, y1, h, v;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  CjmRect stages, lanes;
  double top = 0, start = 0, end = 0;

  if (self->layout == NULL)
    return;

  /* Keep clear of the pinned headers. */
  cjm_layout_get_stage_band (self->layout, &stages);
  cjm_layout_get_lane_band (self->layout, &lanes);
  top = stages.height * self->zoom;
  if (cjm_layout_is_rtl (self->layout))
    end = lanes.width * self->zoom;
  else
    start = lanes.width * self->zoom;

  cjm_canvas_map_to_widget (self, rect->x, rect->y, &x0, &y0);
  cjm_canvas_map_to_widget (self, rect->x + rect->width, rect->y + rect->height, &x1, &y1);
  h = hscroll (self);
  v = vscroll (self);
  if (x0 < start + 8)
    h += x0 - start - 8;
  else if (x1 > width - end - 8)
    h += MIN (x1 - (width - end - 8), x0 - start - 8);
  if (y0 < top + 8)
    v += y0 - top - 8;
  else if (y1 > height - 8)
    v += MIN (y1 - (height - 8), y0 - top - 8);
  _cjm_canvas_set_scroll (self, h, v);
}

/* Callbacks */

static void
on_adjustment_value_changed (GtkAdjustment *adjustment,
                             CjmCanvas     *self)
{
  /* The in-place editor follows its card. */
  if (self->editor != NULL && !self->in_allocate)
    gtk_widget_queue_allocate (GTK_WIDGET (self));
  /* Scrolled (not by a zoom or a new size): no more of the view before
   * a zoom step, the map is drawn at the zoom. */
  if (!self->in_allocate && !self->zooming)
    _cjm_canvas_end_zoom_preview (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Shared with the other canvas files */

void
_cjm_canvas_allocate_view (CjmCanvas *self,
                           int        width)
{
  self->in_allocate = TRUE;
  configure_adjustments (self, hscroll (self), vscroll (self));
  if (self->scroll_to_start && self->layout != NULL && width > 0)
    {
      self->scroll_to_start = FALSE;
      _cjm_canvas_set_scroll (self, start_hscroll (self), 0);
    }
  self->in_allocate = FALSE;
}

void
_cjm_canvas_reset_scroll (CjmCanvas *self)
{
  _cjm_canvas_set_scroll (self, 0, 0);
  self->scroll_to_start = TRUE;
}

void
_cjm_canvas_set_adjustment (CjmCanvas      *self,
                            GtkAdjustment **slot,
                            GtkAdjustment  *adjustment)
{
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  if (*slot == adjustment)
    return;
  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_func (*slot, on_adjustment_value_changed, self);
      g_object_unref (*slot);
    }
  *slot = g_object_ref_sink (adjustment);
  g_signal_connect (adjustment, "value-changed", G_CALLBACK (on_adjustment_value_changed), self);
  configure_adjustments (self, hscroll (self), vscroll (self));
}

void
_cjm_canvas_get_visible_rect (CjmCanvas *self,
                              CjmRect   *rect)
{
  double x0, y0, x1, y1;

  cjm_canvas_widget_to_map (self, 0, 0, &x0, &y0);
  cjm_canvas_widget_to_map (self, gtk_widget_get_width (GTK_WIDGET (self)),
                            gtk_widget_get_height (GTK_WIDGET (self)), &x1, &y1);
  *rect = (CjmRect) { x0, y0, x1 - x0, y1 - y0 };
}

void
_cjm_canvas_get_pin_offsets (CjmCanvas *self,
                             double    *dx,
                             double    *dy)
{
  CjmRect visible, grid, stages, lanes;

  *dx = *dy = 0;
  if (self->layout == NULL)
    return;

  _cjm_canvas_get_visible_rect (self, &visible);
  cjm_layout_get_grid_rect (self->layout, &grid);
  cjm_layout_get_stage_band (self->layout, &stages);
  cjm_layout_get_lane_band (self->layout, &lanes);

  if (!rect_is_empty (&stages))
    *dy = CLAMP (visible.y - stages.y, 0, MAX (0, grid.y + grid.height - (stages.y + stages.height)));
  if (!rect_is_empty (&lanes))
    {
      if (cjm_layout_is_rtl (self->layout))
        *dx = CLAMP ((visible.x + visible.width) - (lanes.x + lanes.width),
                     MIN (0, grid.x - lanes.x), 0);
      else
        *dx = CLAMP (visible.x - lanes.x, 0,
                     MAX (0, grid.x + grid.width - (lanes.x + lanes.width)));
    }
}

CjmHitKind
_cjm_canvas_hit_test (CjmCanvas *self,
                      double     wx,
                      double     wy,
                      CjmHit    *hit)
{
  double mx, my, dx, dy;
  CjmRect corner, stages, lanes;

  memset (hit, 0, sizeof *hit);
  hit->stage_index = hit->lane_index = -1;
  _cjm_canvas_ensure_layout (self);
  if (self->layout == NULL || point_in_minimap (self, wx, wy))
    return CJM_HIT_NONE;

  cjm_canvas_widget_to_map (self, wx, wy, &mx, &my);
  _cjm_canvas_get_pin_offsets (self, &dx, &dy);
  cjm_layout_get_corner_rect (self->layout, &corner);
  cjm_layout_get_stage_band (self->layout, &stages);
  cjm_layout_get_lane_band (self->layout, &lanes);

  if (cjm_rect_contains (&corner, mx - dx, my - dy))
    return cjm_layout_hit_test (self->layout, mx - dx, my - dy, hit);
  if (dy != 0 && cjm_rect_contains (&stages, mx, my - dy))
    return cjm_layout_hit_test (self->layout, mx, my - dy, hit);
  if (dx != 0 && cjm_rect_contains (&lanes, mx - dx, my))
    return cjm_layout_hit_test (self->layout, mx - dx, my, hit);
  return cjm_layout_hit_test (self->layout, mx, my, hit);
}

void
_cjm_canvas_set_scroll (CjmCanvas *self,
                        double     h,
                        double     v)
{
  configure_adjustments (self, h, v);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_cjm_canvas_scroll_by (CjmCanvas *self,
                       double     dx,
                       double     dy)
{
  _cjm_canvas_set_scroll (self, hscroll (self) + dx, vscroll (self) + dy);
}

void
_cjm_canvas_set_zoom_at (CjmCanvas *self,
                         double     zoom,
                         double     wx,
                         double     wy,
                         gboolean   step)
{
  double mx, my, ox, oy;

  zoom = CLAMP (zoom, CJM_CANVAS_MIN_ZOOM, CJM_CANVAS_MAX_ZOOM);
  if (fabs (zoom - self->zoom) < 1e-6)
    return;

  cjm_canvas_widget_to_map (self, wx, wy, &mx, &my);
  self->zoom = zoom;
  /* Cached parts are recorded at the zoom: they are recorded again when
   * next drawn. */
  _cjm_canvas_invalidate_zoom (self, step);
  compute_origin (self, zoom, &ox, &oy);
  self->zooming = TRUE;
  configure_adjustments (self, mx * zoom + ox - wx, my * zoom + oy - wy);
  self->zooming = FALSE;

  gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  _cjm_canvas_notify_zoom (self);
}

/* Public API */

void
cjm_canvas_scroll_to_item (CjmCanvas *self,
                           CjmItem   *item)
{
  CjmRect rect;

  g_return_if_fail (CJM_IS_CANVAS (self));
  g_return_if_fail (CJM_IS_ITEM (item));

  _cjm_canvas_ensure_layout (self);
  if (self->layout == NULL)
    return;
  if (cjm_item_get_kind (item) == CJM_KIND_STAGE || cjm_item_get_kind (item) == CJM_KIND_LANE)
    {
      /* Headers are pinned: scroll to the column or row instead. */
      if (!cjm_layout_get_item_rect (self->layout, item, &rect))
        return;
      if (cjm_item_get_kind (item) == CJM_KIND_STAGE)
        rect.height = 1;
      else
        rect.width = 1;
    }
  else if (!cjm_layout_get_item_rect (self->layout, item, &rect))
    return;
  scroll_to_rect (self, &rect);
}

double
cjm_canvas_get_zoom (CjmCanvas *self)
{
  g_return_val_if_fail (CJM_IS_CANVAS (self), 1.0);
  return self->zoom;
}

void
cjm_canvas_set_zoom (CjmCanvas *self,
                     double     zoom)
{
  g_return_if_fail (CJM_IS_CANVAS (self));
  _cjm_canvas_set_zoom_at (self, zoom, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                           gtk_widget_get_height (GTK_WIDGET (self)) / 2.0, FALSE);
}

/* A step in or out, as the keys and the menu make. */
static void
zoom_step (CjmCanvas *self,
           double     zoom)
{
  _cjm_canvas_set_zoom_at (self, zoom, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                           gtk_widget_get_height (GTK_WIDGET (self)) / 2.0, TRUE);
}

static const double zoom_steps[] = {
  0.1, 0.15, 0.2, 0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0
};

void
cjm_canvas_zoom_in (CjmCanvas *self)
{
  g_return_if_fail (CJM_IS_CANVAS (self));

  for (guint i = 0; i < G_N_ELEMENTS (zoom_steps); i++)
    if (zoom_steps[i] > self->zoom + 1e-3)
      {
        zoom_step (self, zoom_steps[i]);
        return;
      }
}

void
cjm_canvas_zoom_out (CjmCanvas *self)
{
  g_return_if_fail (CJM_IS_CANVAS (self));

  for (int i = G_N_ELEMENTS (zoom_steps) - 1; i >= 0; i--)
    if (zoom_steps[i] < self->zoom - 1e-3)
      {
        zoom_step (self, zoom_steps[i]);
        return;
      }
}

void
cjm_canvas_zoom_fit (CjmCanvas *self)
{
  double mw, mh, zoom;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  g_return_if_fail (CJM_IS_CANVAS (self));

  _cjm_canvas_ensure_layout (self);
  if (self->layout == NULL || width <= 0 || height <= 0)
    return;
  cjm_layout_get_size (self->layout, &mw, &mh);
  if (mw <= 0 || mh <= 0)
    return;
  /* A small map is not blown up past its actual size. */
  zoom = MIN ((width - 2 * CJM_CANVAS_MARGIN) / mw, (height - 2 * CJM_CANVAS_MARGIN) / mh);
  zoom = CLAMP (zoom, CJM_CANVAS_MIN_ZOOM, 1.0);
  _cjm_canvas_set_zoom_at (self, zoom, width / 2.0, height / 2.0, FALSE);
  configure_adjustments (self, start_hscroll (self), 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
cjm_canvas_map_to_widget (CjmCanvas *self,
                          double     mx,
                          double     my,
                          double    *wx,
                          double    *wy)
{
  g_return_if_fail (CJM_IS_CANVAS (self));
  *wx = mx * self->zoom + self->origin_x - hscroll (self);
  *wy = my * self->zoom + self->origin_y - vscroll (self);
}

void
cjm_canvas_widget_to_map (CjmCanvas *self,
                          double     wx,
                          double     wy,
                          double    *mx,
                          double    *my)
{
  g_return_if_fail (CJM_IS_CANVAS (self));
  *mx = (wx - self->origin_x + hscroll (self)) / self->zoom;
  *my = (wy - self->origin_y + vscroll (self)) / self->zoom;
}

gboolean
cjm_canvas_get_item_widget_rect (CjmCanvas       *self,
                                 CjmItem         *item,
                                 graphene_rect_t *rect)
{
  CjmRect r;
  double x0, y0, x1, y1, dx, dy;

  g_return_val_if_fail (CJM_IS_CANVAS (self), FALSE);
  g_return_val_if_fail (CJM_IS_ITEM (item), FALSE);

  _cjm_canvas_ensure_layout (self);
  if (self->layout == NULL || !cjm_layout_get_item_rect (self->layout, item, &r))
    return FALSE;

  _cjm_canvas_get_pin_offsets (self, &dx, &dy);
  if (cjm_item_get_kind (item) == CJM_KIND_STAGE)
    r.y += dy;
  else if (cjm_item_get_kind (item) == CJM_KIND_LANE)
    r.x += dx;

  cjm_canvas_map_to_widget (self, r.x, r.y, &x0, &y0);
  cjm_canvas_map_to_widget (self, r.x + r.width, r.y + r.height, &x1, &y1);
  *rect = GRAPHENE_RECT_INIT (x0, y0, x1 - x0, y1 - y0);
  return TRUE;
}
