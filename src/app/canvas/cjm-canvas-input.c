/* cjm-canvas-input.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The canvas's input: one GtkGestureDrag for everything that drags inside
 * the map (cards, headers, emotion points, links, rubber band), a second
 * one for panning with the middle button, click for double-click editing,
 * motion for hover, scroll and pinch for zoom and panning, the key
 * bindings, and a drop target for palette tiles and text. A drag changes
 * nothing until it ends: each frame shows where the drop would land, and
 * the release makes one undo group (Escape drops the gesture instead).
 * The previews are drawn by cjm-canvas-overlay.c.
 */

#define G_LOG_DOMAIN "CjmCanvas"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "cjm-canvas-private.h"

#define AUTOSCROLL_EDGE  32.0
#define AUTOSCROLL_SPEED 18.0


static void
pointer_to_map (CjmCanvas *self,
                double    *mx,
                double    *my)
{
  cjm_canvas_widget_to_map (self, self->pointer_x, self->pointer_y, mx, my);
}

void
cjm_canvas_clear_preview (CjmCanvas *self)
{
  memset (&self->preview, 0, sizeof self->preview);
}

static void
select_one (CjmCanvas *self,
            CjmItem   *item)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();

  if (item != NULL)
    g_ptr_array_add (items, item);
  cjm_canvas_set_selection (self, items);
}

static void
update_cursor (CjmCanvas *self)
{
  const char *name = NULL;

  switch (self->drag_mode)
    {
    case CJM_DRAG_PAN:
    case CJM_DRAG_MINIMAP:
      name = "grabbing";
      break;
    case CJM_DRAG_CARDS:
    case CJM_DRAG_STAGE:
    case CJM_DRAG_LANE:
      name = "grabbing";
      break;
    case CJM_DRAG_EMOTION:
      name = "ns-resize";
      break;
    case CJM_DRAG_LINK:
      name = "crosshair";
      break;
    case CJM_DRAG_RUBBER_BAND:
      name = "crosshair";
      break;
    case CJM_DRAG_NONE:
    case CJM_DRAG_PENDING:
    case CJM_DRAG_CANCELLED:
    default:
      if (self->space_held)
        name = "grab";
      else
        switch (self->hover.kind)
          {
          case CJM_HIT_LINK_HANDLE:
            name = "crosshair";
            break;
          case CJM_HIT_EMOTION_POINT:
            name = "ns-resize";
            break;
          case CJM_HIT_STAGE_HEADER:
            name = "ew-resize";
            break;
          case CJM_HIT_LANE_HEADER:
            name = "ns-resize";
            break;
          case CJM_HIT_CARD:
          case CJM_HIT_LINK:
          case CJM_HIT_BADGE:
            name = "pointer";
            break;
          case CJM_HIT_NONE:
          case CJM_HIT_CORNER:
          case CJM_HIT_CELL:
          case CJM_HIT_UNPLACED:
          default:
            name = NULL;
            break;
          }
      break;
    }
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), name);
}

/* Previews */

static void
update_card_preview (CjmCanvas *self,
                     GPtrArray *cards,
                     double     mx,
                     double     my)
{
  CjmDropTarget target;

  cjm_canvas_clear_preview (self);
  cjm_canvas_ensure_layout (self);
  if (!cjm_layout_get_drop_target (self->layout, mx, my, &target))
    return;

  self->preview.active = TRUE;
  self->preview.target = target;
  self->preview.caret = target.caret;
  self->preview.area = cjm_layout_get_cell (self->layout,
                                            cjm_document_index_of (self->document, target.stage),
                                            cjm_document_index_of (self->document, target.lane))->rect;
  self->preview.valid = TRUE;
  for (guint i = 0; i < cards->len && self->preview.valid; i++)
    self->preview.valid = cjm_canvas_lane_takes (target.lane,
                                                 cjm_item_get_kind (g_ptr_array_index (cards, i)));
}

void
cjm_canvas_update_header_preview (CjmCanvas *self,
                                  CjmKind    kind,
                                  CjmItem   *moving,
                                  double     mx,
                                  double     my)
{
  CjmRect band;

  cjm_canvas_clear_preview (self);
  cjm_canvas_ensure_layout (self);
  self->preview.active = TRUE;
  self->preview.valid = TRUE;
  self->preview.kind = kind;
  if (kind == CJM_KIND_STAGE)
    {
      self->preview.index = cjm_canvas_stage_slot (self, mx, moving, &self->preview.caret);
      cjm_layout_get_stage_band (self->layout, &band);
    }
  else
    {
      self->preview.index = cjm_canvas_lane_slot (self, my, moving, &self->preview.caret);
      cjm_layout_get_lane_band (self->layout, &band);
    }
  self->preview.area = band;
}

static void
update_drag_preview (CjmCanvas *self)
{
  double mx, my;

  pointer_to_map (self, &mx, &my);
  switch (self->drag_mode)
    {
    case CJM_DRAG_CARDS:
      update_card_preview (self, self->drag_items, mx, my);
      break;

    case CJM_DRAG_STAGE:
      cjm_canvas_update_header_preview (self, CJM_KIND_STAGE, self->press_hit.item, mx, my);
      break;

    case CJM_DRAG_LANE:
      cjm_canvas_update_header_preview (self, CJM_KIND_LANE, self->press_hit.item, mx, my);
      break;

    case CJM_DRAG_EMOTION:
      self->emotion_value = cjm_layout_y_to_emotion (self->layout, self->press_hit.lane_index,
                                                     my - self->grab_dy);
      break;

    case CJM_DRAG_LINK:
      {
        CjmHit hit;

        cjm_canvas_hit_test (self, self->pointer_x, self->pointer_y, &hit);
        self->link_target = NULL;
        if ((hit.kind == CJM_HIT_CARD || hit.kind == CJM_HIT_LINK_HANDLE || hit.kind == CJM_HIT_BADGE)
            && hit.item != self->press_hit.item)
          self->link_target = hit.item;
      }
      break;

    case CJM_DRAG_RUBBER_BAND:
      {
        double px, py;
        CjmRect band;
        g_autoptr(GArray) hits = NULL;
        g_autoptr(GPtrArray) items = NULL;

        cjm_canvas_widget_to_map (self, self->press_x, self->press_y, &px, &py);
        band = (CjmRect) { MIN (px, mx), MIN (py, my), fabs (mx - px), fabs (my - py) };
        hits = cjm_layout_get_cards_in_rect (self->layout, &band);
        items = g_ptr_array_new ();
        for (guint i = 0; self->band_base != NULL && i < self->band_base->len; i++)
          g_ptr_array_add (items, g_ptr_array_index (self->band_base, i));
        for (guint i = 0; i < hits->len; i++)
          {
            CjmItem *item = cjm_layout_get_card (self->layout, g_array_index (hits, guint, i))->item;

            if (!g_ptr_array_find (items, item, NULL))
              g_ptr_array_add (items, item);
          }
        cjm_canvas_set_selection (self, items);
      }
      break;

    case CJM_DRAG_NONE:
    case CJM_DRAG_PENDING:
    case CJM_DRAG_PAN:
    case CJM_DRAG_MINIMAP:
    case CJM_DRAG_CANCELLED:
    default:
      break;
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Scrolling while dragging near an edge */

static gboolean
autoscroll_tick (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       data)
{
  CjmCanvas *self = CJM_CANVAS (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double dx = 0, dy = 0;

  switch (self->drag_mode)
    {
    case CJM_DRAG_CARDS:
    case CJM_DRAG_STAGE:
    case CJM_DRAG_LANE:
    case CJM_DRAG_LINK:
    case CJM_DRAG_RUBBER_BAND:
      break;
    case CJM_DRAG_NONE:
    case CJM_DRAG_PENDING:
    case CJM_DRAG_EMOTION:
    case CJM_DRAG_PAN:
    case CJM_DRAG_MINIMAP:
    case CJM_DRAG_CANCELLED:
    default:
      self->autoscroll_id = 0;
      return G_SOURCE_REMOVE;
    }

  if (self->pointer_x < AUTOSCROLL_EDGE)
    dx = -AUTOSCROLL_SPEED * (1 - MAX (self->pointer_x, 0) / AUTOSCROLL_EDGE);
  else if (self->pointer_x > width - AUTOSCROLL_EDGE)
    dx = AUTOSCROLL_SPEED * (1 - MAX (width - self->pointer_x, 0) / AUTOSCROLL_EDGE);
  if (self->pointer_y < AUTOSCROLL_EDGE)
    dy = -AUTOSCROLL_SPEED * (1 - MAX (self->pointer_y, 0) / AUTOSCROLL_EDGE);
  else if (self->pointer_y > height - AUTOSCROLL_EDGE)
    dy = AUTOSCROLL_SPEED * (1 - MAX (height - self->pointer_y, 0) / AUTOSCROLL_EDGE);

  if (self->drag_mode == CJM_DRAG_STAGE)
    dy = 0;
  else if (self->drag_mode == CJM_DRAG_LANE)
    dx = 0;

  if (dx != 0 || dy != 0)
    {
      cjm_canvas_scroll_by (self, dx, dy);
      update_drag_preview (self);
    }
  return G_SOURCE_CONTINUE;
}

/* The drag gesture */

static void
reset_drag (CjmCanvas *self)
{
  if (self->drag_mode == CJM_DRAG_CARDS)
    cjm_canvas_invalidate_tiles (self);
  self->drag_mode = CJM_DRAG_NONE;
  self->link_target = NULL;
  g_clear_pointer (&self->drag_items, g_ptr_array_unref);
  g_clear_pointer (&self->band_base, g_ptr_array_unref);
  memset (&self->press_hit, 0, sizeof self->press_hit);
  cjm_canvas_clear_preview (self);
  update_cursor (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
cjm_canvas_cancel_drag (CjmCanvas *self)
{
  if (self->drag_mode == CJM_DRAG_NONE || self->drag_mode == CJM_DRAG_CANCELLED)
    return;
  if (self->drag_mode == CJM_DRAG_RUBBER_BAND && self->band_base != NULL)
    cjm_canvas_set_selection (self, self->band_base);
  reset_drag (self);
  /* The rest of the gesture is ignored until the button is released. */
  self->drag_mode = CJM_DRAG_CANCELLED;
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               CjmCanvas      *self)
{
  GdkModifierType state;
  gboolean extend, toggle;
  CjmHit *hit = &self->press_hit;

  if (self->document == NULL)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  if (self->editor != NULL)
    {
      graphene_rect_t bounds;

      CjmHit on;

      /* A press on the item being edited (the second press of the
       * double click that started editing, too) keeps editing. */
      cjm_canvas_hit_test (self, x, y, &on);
      if ((gtk_widget_compute_bounds (self->editor, GTK_WIDGET (self), &bounds)
           && graphene_rect_contains_point (&bounds, &GRAPHENE_POINT_INIT (x, y)))
          || (on.item != NULL && on.item == self->edit_item))
        {
          gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
          return;
        }
      cjm_canvas_stop_editing (self, TRUE);
    }

  gtk_widget_grab_focus (GTK_WIDGET (self));
  state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  extend = (state & GDK_SHIFT_MASK) != 0;
  toggle = (state & GDK_CONTROL_MASK) != 0;

  self->press_x = self->pointer_x = x;
  self->press_y = self->pointer_y = y;
  self->press_state = state;
  self->press_was_selected = FALSE;
  cjm_canvas_clear_preview (self);

  if (self->space_held)
    {
      self->drag_mode = CJM_DRAG_PAN;
      self->pan_start_h = gtk_adjustment_get_value (self->hadjustment);
      self->pan_start_v = gtk_adjustment_get_value (self->vadjustment);
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      update_cursor (self);
      return;
    }
  if (cjm_canvas_point_in_minimap (self, x, y))
    {
      self->drag_mode = CJM_DRAG_MINIMAP;
      cjm_canvas_center_on_minimap (self, x, y);
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      update_cursor (self);
      return;
    }

  cjm_canvas_hit_test (self, x, y, hit);
  self->drag_mode = CJM_DRAG_PENDING;
  g_debug ("press at %.0f,%.0f: hit %d (%s)", x, y, hit->kind,
           hit->item ? cjm_item_get_id (hit->item) : "-");

  switch (hit->kind)
    {
    case CJM_HIT_CARD:
    case CJM_HIT_BADGE:
      if (toggle)
        cjm_canvas_toggle_selected (self, hit->item);
      else if (extend)
        {
          if (!cjm_canvas_is_selected (self, hit->item))
            cjm_canvas_toggle_selected (self, hit->item);
        }
      else if (cjm_canvas_is_selected (self, hit->item))
        self->press_was_selected = TRUE;
      else
        select_one (self, hit->item);
      self->cursor = hit->item;
      break;

    case CJM_HIT_LINK_HANDLE:
      break;

    case CJM_HIT_EMOTION_POINT:
    case CJM_HIT_STAGE_HEADER:
    case CJM_HIT_LANE_HEADER:
    case CJM_HIT_LINK:
      if (toggle)
        cjm_canvas_toggle_selected (self, hit->item);
      else
        select_one (self, hit->item);
      break;

    case CJM_HIT_NONE:
    case CJM_HIT_CORNER:
    case CJM_HIT_CELL:
    case CJM_HIT_UNPLACED:
    default:
      if (!extend && !toggle)
        select_one (self, NULL);
      break;
    }
}

static void
start_drag (CjmCanvas *self)
{
  CjmHit *hit = &self->press_hit;
  double mx, my;
  CjmRect rect;

  cjm_canvas_widget_to_map (self, self->press_x, self->press_y, &mx, &my);
  cjm_canvas_ensure_layout (self);

  switch (hit->kind)
    {
    case CJM_HIT_CARD:
    case CJM_HIT_BADGE:
      if ((self->press_state & GDK_CONTROL_MASK) && !cjm_canvas_is_selected (self, hit->item))
        {
          /* Ctrl-click just unselected it: drag nothing. */
          self->drag_mode = CJM_DRAG_CANCELLED;
          return;
        }
      self->drag_mode = CJM_DRAG_CARDS;
      self->drag_items = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < self->selection->len; i++)
        if (cjm_canvas_is_card (g_ptr_array_index (self->selection, i)))
          g_ptr_array_add (self->drag_items, g_object_ref (g_ptr_array_index (self->selection, i)));
      if (!g_ptr_array_find (self->drag_items, hit->item, NULL))
        g_ptr_array_add (self->drag_items, g_object_ref (hit->item));
      /* The card under the pointer leads the ghosts. */
      g_ptr_array_remove (self->drag_items, hit->item);
      g_ptr_array_insert (self->drag_items, 0, g_object_ref (hit->item));
      cjm_layout_get_item_rect (self->layout, hit->item, &rect);
      self->grab_dx = mx - rect.x;
      self->grab_dy = my - rect.y;
      /* The dragged cards are dimmed in their tiles. */
      cjm_canvas_invalidate_tiles (self);
      break;

    case CJM_HIT_LINK_HANDLE:
      self->drag_mode = CJM_DRAG_LINK;
      break;

    case CJM_HIT_EMOTION_POINT:
      self->drag_mode = CJM_DRAG_EMOTION;
      self->emotion_value = hit->field == CJM_FIELD_TARGET_EMOTION
                              ? cjm_item_get_target_emotion (hit->item)
                              : cjm_item_get_emotion (hit->item);
      if (self->emotion_value == CJM_EMOTION_UNSET)
        self->emotion_value = 0;
      /* Keep the point where it was grabbed relative to the pointer. */
      self->grab_dy = my - cjm_layout_emotion_to_y (self->layout, hit->lane_index,
                                                    self->emotion_value);
      break;

    case CJM_HIT_STAGE_HEADER:
      self->drag_mode = CJM_DRAG_STAGE;
      cjm_layout_get_item_rect (self->layout, hit->item, &rect);
      self->grab_dx = mx - rect.x;
      self->grab_dy = 0;
      break;

    case CJM_HIT_LANE_HEADER:
      self->drag_mode = CJM_DRAG_LANE;
      cjm_layout_get_item_rect (self->layout, hit->item, &rect);
      self->grab_dx = 0;
      self->grab_dy = my - rect.y;
      break;

    case CJM_HIT_LINK:
    case CJM_HIT_NONE:
    case CJM_HIT_CORNER:
    case CJM_HIT_CELL:
    case CJM_HIT_UNPLACED:
    default:
      self->drag_mode = CJM_DRAG_RUBBER_BAND;
      if (self->press_state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK))
        self->band_base = g_ptr_array_copy (self->selection, (GCopyFunc) (void (*) (void)) g_object_ref,
                                            NULL);
      else
        self->band_base = g_ptr_array_new ();
      g_ptr_array_set_free_func (self->band_base, g_object_unref);
      break;
    }

  update_cursor (self);
  if (self->autoscroll_id == 0)
    self->autoscroll_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), autoscroll_tick,
                                                        NULL, NULL);
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          offset_x,
                double          offset_y,
                CjmCanvas      *self)
{
  self->pointer_x = self->press_x + offset_x;
  self->pointer_y = self->press_y + offset_y;

  switch (self->drag_mode)
    {
    case CJM_DRAG_PENDING:
      {
        int threshold = 8;

        g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)),
                      "gtk-dnd-drag-threshold", &threshold, NULL);
        if (offset_x * offset_x + offset_y * offset_y < (double) threshold * threshold)
          return;
        gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
        start_drag (self);
        update_drag_preview (self);
      }
      break;

    case CJM_DRAG_PAN:
      cjm_canvas_set_scroll (self, self->pan_start_h - offset_x, self->pan_start_v - offset_y);
      break;

    case CJM_DRAG_MINIMAP:
      cjm_canvas_center_on_minimap (self, self->pointer_x, self->pointer_y);
      break;

    case CJM_DRAG_CARDS:
    case CJM_DRAG_STAGE:
    case CJM_DRAG_LANE:
    case CJM_DRAG_EMOTION:
    case CJM_DRAG_LINK:
    case CJM_DRAG_RUBBER_BAND:
      update_drag_preview (self);
      break;

    case CJM_DRAG_NONE:
    case CJM_DRAG_CANCELLED:
    default:
      break;
    }
}

static void
on_drag_end (GtkGestureDrag *gesture,
             double          offset_x,
             double          offset_y,
             CjmCanvas      *self)
{
  CjmDragMode mode = self->drag_mode;

  g_debug ("release after %.0f,%.0f in mode %d (drop %s)", offset_x, offset_y, mode,
           self->preview.valid ? "valid" : "refused");
  if (mode == CJM_DRAG_NONE)
    return;

  self->pointer_x = self->press_x + offset_x;
  self->pointer_y = self->press_y + offset_y;
  if (mode != CJM_DRAG_PENDING && mode != CJM_DRAG_CANCELLED && mode != CJM_DRAG_PAN
      && mode != CJM_DRAG_MINIMAP)
    update_drag_preview (self);

  switch (mode)
    {
    case CJM_DRAG_PENDING:
      /* A click: on a card of a multiple selection, select just it. */
      if (self->press_was_selected
          && !(self->press_state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)))
        select_one (self, self->press_hit.item);
      break;

    case CJM_DRAG_CARDS:
      if (self->preview.active && self->preview.valid)
        {
          g_autoptr(GPtrArray) items = g_ptr_array_ref (self->drag_items);

          cjm_canvas_move_cards (self, items, &self->preview.target);
          cjm_canvas_set_selection (self, items);
        }
      break;

    case CJM_DRAG_STAGE:
      cjm_canvas_move_stage (self, self->press_hit.item, self->preview.index);
      break;

    case CJM_DRAG_LANE:
      cjm_canvas_move_lane (self, self->press_hit.item, self->preview.index);
      break;

    case CJM_DRAG_EMOTION:
      cjm_canvas_set_emotion (self, self->press_hit.item,
                              self->press_hit.field == CJM_FIELD_TARGET_EMOTION
                                ? CJM_FIELD_TARGET_EMOTION : CJM_FIELD_EMOTION,
                              self->emotion_value);
      break;

    case CJM_DRAG_LINK:
      if (self->link_target != NULL)
        cjm_canvas_create_link (self, self->press_hit.item, self->link_target);
      break;

    case CJM_DRAG_RUBBER_BAND:
    case CJM_DRAG_PAN:
    case CJM_DRAG_MINIMAP:
    case CJM_DRAG_CANCELLED:
    case CJM_DRAG_NONE:
    default:
      break;
    }

  reset_drag (self);
}

static void
on_drag_cancel (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                CjmCanvas        *self)
{
  if (self->drag_mode != CJM_DRAG_NONE)
    {
      if (self->drag_mode == CJM_DRAG_RUBBER_BAND && self->band_base != NULL)
        cjm_canvas_set_selection (self, self->band_base);
      reset_drag (self);
    }
}

/* Middle-button panning */

static void
on_pan_begin (GtkGestureDrag *gesture,
              double          x,
              double          y,
              CjmCanvas      *self)
{
  self->pan_start_h = gtk_adjustment_get_value (self->hadjustment);
  self->pan_start_v = gtk_adjustment_get_value (self->vadjustment);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
}

static void
on_pan_update (GtkGestureDrag *gesture,
               double          offset_x,
               double          offset_y,
               CjmCanvas      *self)
{
  cjm_canvas_set_scroll (self, self->pan_start_h - offset_x, self->pan_start_v - offset_y);
}

static void
on_pan_end (GtkGestureDrag *gesture,
            double          offset_x,
            double          offset_y,
            CjmCanvas      *self)
{
  update_cursor (self);
}

/* Double click */

static void
on_click_pressed (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  CjmCanvas       *self)
{
  CjmHit hit;

  g_debug ("click %d at %.0f,%.0f", n_press, x, y);
  if (n_press != 2 || self->document == NULL)
    return;
  cjm_canvas_hit_test (self, x, y, &hit);
  switch (hit.kind)
    {
    case CJM_HIT_CARD:
    case CJM_HIT_STAGE_HEADER:
    case CJM_HIT_LANE_HEADER:
    case CJM_HIT_LINK:
      cjm_canvas_edit_item (self, hit.item);
      break;
    case CJM_HIT_NONE:
    case CJM_HIT_CORNER:
    case CJM_HIT_CELL:
    case CJM_HIT_LINK_HANDLE:
    case CJM_HIT_BADGE:
    case CJM_HIT_EMOTION_POINT:
    case CJM_HIT_UNPLACED:
    default:
      break;
    }
}

/* Hover */

static void
on_motion (GtkEventControllerMotion *motion,
           double                    x,
           double                    y,
           CjmCanvas                *self)
{
  CjmHit hit;

  if (self->drag_mode == CJM_DRAG_NONE)
    {
      self->pointer_x = x;
      self->pointer_y = y;
    }
  if (self->document == NULL || self->drag_mode != CJM_DRAG_NONE)
    return;

  cjm_canvas_hit_test (self, x, y, &hit);
  if (hit.kind != self->hover.kind || hit.item != self->hover.item
      || hit.stage != self->hover.stage || hit.lane != self->hover.lane)
    {
      self->hover = hit;
      update_cursor (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
on_motion_leave (GtkEventControllerMotion *motion,
                 CjmCanvas                *self)
{
  if (self->hover.kind != CJM_HIT_NONE)
    {
      memset (&self->hover, 0, sizeof self->hover);
      update_cursor (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

/* Tooltips: what the findings on a card say, and what can be dragged */

static gboolean
on_query_tooltip (CjmCanvas  *self,
                  int         x,
                  int         y,
                  gboolean    keyboard_mode,
                  GtkTooltip *tooltip)
{
  CjmHit hit;
  g_autoptr(GString) text = NULL;

  if (self->document == NULL || self->drag_mode != CJM_DRAG_NONE || keyboard_mode)
    return FALSE;
  cjm_canvas_hit_test (self, x, y, &hit);

  switch (hit.kind)
    {
    case CJM_HIT_BADGE:
      {
        g_autoptr(GPtrArray) findings = NULL;

        if (self->checker == NULL || cjm_item_get_id (hit.item) == NULL)
          return FALSE;
        findings = cjm_checker_find_for_target (self->checker, cjm_item_get_id (hit.item));
        if (findings == NULL || findings->len == 0)
          return FALSE;
        text = g_string_new (NULL);
        for (guint i = 0; i < findings->len; i++)
          {
            CjmFinding *finding = g_ptr_array_index (findings, i);
            g_autofree char *line = g_markup_printf_escaped ("%s<b>%s</b> %s",
                                                             i > 0 ? "\n" : "",
                                                             cjm_finding_get_rule (finding),
                                                             cjm_finding_get_message (finding));

            g_string_append (text, line);
          }
      }
      break;

    case CJM_HIT_CARD:
      {
        const char *title = cjm_item_get_display_text (hit.item);
        g_autofree char *escaped = NULL;

        if (title == NULL || *title == '\0')
          return FALSE;
        escaped = g_markup_escape_text (title, -1);
        text = g_string_new (escaped);
      }
      break;

    case CJM_HIT_LINK_HANDLE:
      text = g_string_new (_("Drag to another card to link them"));
      break;

    case CJM_HIT_EMOTION_POINT:
      text = g_string_new (_("Drag up or down to change the emotion"));
      break;

    case CJM_HIT_STAGE_HEADER:
      text = g_string_new (_("Drag left or right to move the stage; double-click to rename"));
      break;

    case CJM_HIT_LANE_HEADER:
      text = g_string_new (_("Drag up or down to move the lane; double-click to rename"));
      break;

    case CJM_HIT_NONE:
    case CJM_HIT_CORNER:
    case CJM_HIT_CELL:
    case CJM_HIT_LINK:
    case CJM_HIT_UNPLACED:
    default:
      return FALSE;
    }

  gtk_tooltip_set_markup (tooltip, text->str);
  return TRUE;
}

/* Scroll and pinch */

static gboolean
on_scroll (GtkEventControllerScroll *scroll,
           double                    dx,
           double                    dy,
           CjmCanvas                *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (scroll));
  gboolean wheel = gtk_event_controller_scroll_get_unit (scroll) == GDK_SCROLL_UNIT_WHEEL;

  if (state & GDK_CONTROL_MASK)
    {
      double factor = pow (wheel ? 1.15 : 1.01, -dy);

      cjm_canvas_set_zoom_at (self, cjm_canvas_get_zoom (self) * factor,
                              self->pointer_x, self->pointer_y);
      return GDK_EVENT_STOP;
    }

  if (wheel)
    {
      dx *= 60;
      dy *= 60;
    }
  if ((state & GDK_SHIFT_MASK) && dx == 0)
    {
      dx = dy;
      dy = 0;
    }
  cjm_canvas_scroll_by (self, dx, dy);
  return GDK_EVENT_STOP;
}

static void
on_zoom_begin (GtkGesture       *gesture,
               GdkEventSequence *sequence,
               CjmCanvas        *self)
{
  self->zoom_begin = cjm_canvas_get_zoom (self);
  cjm_canvas_cancel_drag (self);
}

static void
on_zoom_scale_changed (GtkGestureZoom *gesture,
                       double          scale,
                       CjmCanvas      *self)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    {
      x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }
  cjm_canvas_set_zoom_at (self, self->zoom_begin * scale, x, y);
}

/* Keys */

static gboolean
on_key_pressed (GtkEventControllerKey *key,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                CjmCanvas             *self)
{
  if (keyval == GDK_KEY_space && self->editor == NULL
      && !(state & (GDK_CONTROL_MASK | GDK_ALT_MASK)))
    {
      if (!self->space_held)
        {
          self->space_held = TRUE;
          update_cursor (self);
        }
      return GDK_EVENT_STOP;
    }
  return GDK_EVENT_PROPAGATE;
}

static void
on_key_released (GtkEventControllerKey *key,
                 guint                  keyval,
                 guint                  keycode,
                 GdkModifierType        state,
                 CjmCanvas             *self)
{
  if (keyval == GDK_KEY_space && self->space_held)
    {
      self->space_held = FALSE;
      update_cursor (self);
    }
}

static void
on_focus_leave (GtkEventControllerFocus *focus,
                CjmCanvas               *self)
{
  if (self->space_held)
    {
      self->space_held = FALSE;
      update_cursor (self);
    }
}














/* Setup */



void
cjm_canvas_init_input (CjmCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkEventController *controller;

  self->drag_gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (self->drag_gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (self->drag_gesture, "drag-begin", G_CALLBACK (on_drag_begin), self, 0);
  g_signal_connect_object (self->drag_gesture, "drag-update", G_CALLBACK (on_drag_update), self, 0);
  g_signal_connect_object (self->drag_gesture, "drag-end", G_CALLBACK (on_drag_end), self, 0);
  g_signal_connect_object (self->drag_gesture, "cancel", G_CALLBACK (on_drag_cancel), self, 0);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (self->drag_gesture));

  self->pan_gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (self->pan_gesture), GDK_BUTTON_MIDDLE);
  g_signal_connect_object (self->pan_gesture, "drag-begin", G_CALLBACK (on_pan_begin), self, 0);
  g_signal_connect_object (self->pan_gesture, "drag-update", G_CALLBACK (on_pan_update), self, 0);
  g_signal_connect_object (self->pan_gesture, "drag-end", G_CALLBACK (on_pan_end), self, 0);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (self->pan_gesture));

  self->click_gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (self->click_gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (self->click_gesture, "pressed", G_CALLBACK (on_click_pressed), self, 0);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (self->click_gesture));

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_object (controller, "motion", G_CALLBACK (on_motion), self, 0);
  g_signal_connect_object (controller, "leave", G_CALLBACK (on_motion_leave), self, 0);
  gtk_widget_add_controller (widget, controller);

  gtk_widget_set_has_tooltip (widget, TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect_object (controller, "scroll", G_CALLBACK (on_scroll), self, 0);
  gtk_widget_add_controller (widget, controller);

  controller = GTK_EVENT_CONTROLLER (gtk_gesture_zoom_new ());
  g_signal_connect_object (controller, "begin", G_CALLBACK (on_zoom_begin), self, 0);
  g_signal_connect_object (controller, "scale-changed", G_CALLBACK (on_zoom_scale_changed), self, 0);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (on_key_pressed), self, 0);
  g_signal_connect_object (controller, "key-released", G_CALLBACK (on_key_released), self, 0);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_object (controller, "leave", G_CALLBACK (on_focus_leave), self, 0);
  gtk_widget_add_controller (widget, controller);

  cjm_canvas_init_drop (self);
}


