/* cjm-canvas-gesture.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The drag gesture inside the map: one GtkGestureDrag for everything that
 * is dragged there (cards, headers, emotion points, links, the rubber
 * band, and the view itself with space held). A drag changes nothing
 * until it ends: each frame shows where the drop would land (the previews
 * here, drawn by cjm-canvas-overlay.c), the view scrolls when the pointer
 * nears an edge, and the release makes one undo group through
 * cjm-canvas-edit.c; Escape drops the gesture instead.
 */

#define G_LOG_DOMAIN "CjmCanvas"

#include "config.h"

#include <math.h>
#include <string.h>

#include "cjm-canvas-private.h"
#include "cjm-minimap.h"

#define AUTOSCROLL_EDGE  32.0
#define AUTOSCROLL_SPEED 18.0

/* Static helpers */

static void
select_one (CjmCanvas *self,
            CjmItem   *item)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();

  if (item != NULL)
    g_ptr_array_add (items, item);
  _cjm_canvas_set_selection (self, items);
}

static void
update_card_preview (CjmCanvas *self,
                     GPtrArray *cards,
                     double     mx,
                     double     my)
{
  if (!_cjm_canvas_update_cell_preview (self, mx, my))
    return;

  self->preview.valid = TRUE;
  for (guint i = 0; i < cards->len && self->preview.valid; i++)
    self->preview.valid = cjm_item_lane_holds (self->preview.target.lane)
                == cjm_item_get_kind (g_ptr_array_index (cards, i));
}

/* Keeps the minimap off what the drag shows: the cards following the
 * pointer, or the pointer itself (a link being drawn, an emotion point,
 * a header, the rubber band's corner). */
static void
keep_minimap_clear (CjmCanvas *self)
{
  graphene_rect_t avoid = GRAPHENE_RECT_INIT (self->pointer_x - 24, self->pointer_y - 24, 48, 48);

  switch (self->drag_mode)
    {
    case CJM_DRAG_CARDS:
      {
        CjmItem *lead = g_ptr_array_index (self->drag_items, 0);
        const CjmLayoutCard *card = cjm_layout_lookup_card (self->layout, lead);
        double mx, my, wx, wy;

        if (card == NULL)
          break;
        _cjm_canvas_pointer_to_map (self, &mx, &my);
        cjm_canvas_map_to_widget (self, mx - self->grab_dx, my - self->grab_dy, &wx, &wy);
        /* The ghosts are stacked 6 px apart, up to four. */
        graphene_rect_union (&avoid,
                             &GRAPHENE_RECT_INIT (wx, wy, card->rect.width * self->zoom + 18,
                                                  card->rect.height * self->zoom + 18),
                             &avoid);
      }
      break;

    case CJM_DRAG_STAGE:
    case CJM_DRAG_LANE:
    case CJM_DRAG_EMOTION:
    case CJM_DRAG_LINK:
    case CJM_DRAG_RUBBER_BAND:
      break;

    case CJM_DRAG_NONE:
    case CJM_DRAG_PENDING:
    case CJM_DRAG_PAN:
    case CJM_DRAG_CANCELLED:
    default:
      cjm_minimap_set_avoid (CJM_MINIMAP (self->minimap), NULL);
      return;
    }
  cjm_minimap_set_avoid (CJM_MINIMAP (self->minimap), &avoid);
}

static void
update_drag_preview (CjmCanvas *self)
{
  double mx, my;

  _cjm_canvas_pointer_to_map (self, &mx, &my);
  switch (self->drag_mode)
    {
    case CJM_DRAG_CARDS:
      update_card_preview (self, self->drag_items, mx, my);
      break;

    case CJM_DRAG_STAGE:
      _cjm_canvas_update_header_preview (self, CJM_KIND_STAGE, self->press_hit.item, mx, my);
      break;

    case CJM_DRAG_LANE:
      _cjm_canvas_update_header_preview (self, CJM_KIND_LANE, self->press_hit.item, mx, my);
      break;

    case CJM_DRAG_EMOTION:
      self->emotion_value = cjm_layout_y_to_emotion (self->layout, self->press_hit.lane_index,
                                                     my - self->grab_dy);
      break;

    case CJM_DRAG_LINK:
      {
        CjmHit hit;

        _cjm_canvas_hit_test (self, self->pointer_x, self->pointer_y, &hit);
        self->link_target = NULL;
        if ((hit.kind == CJM_HIT_CARD || hit.kind == CJM_HIT_LINK_HANDLE || hit.kind == CJM_HIT_BADGE)
            && hit.item != self->press_hit.item)
          self->link_target = hit.item;
      }
      break;

    case CJM_DRAG_RUBBER_BAND:
      {
        CjmRect band;
        g_autoptr(GArray) hits = NULL;
        g_autoptr(GPtrArray) items = NULL;

        _cjm_canvas_get_rubber_band (self, &band);
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
        _cjm_canvas_set_selection (self, items);
      }
      break;

    case CJM_DRAG_NONE:
    case CJM_DRAG_PENDING:
    case CJM_DRAG_PAN:
    case CJM_DRAG_CANCELLED:
    default:
      break;
    }
  keep_minimap_clear (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Scrolls the view while a drag is near one of its edges. */
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
      _cjm_canvas_scroll_by (self, dx, dy);
      update_drag_preview (self);
    }
  return G_SOURCE_CONTINUE;
}

static void
reset_drag (CjmCanvas *self)
{
  if (self->drag_mode == CJM_DRAG_CARDS)
    _cjm_canvas_invalidate_tiles (self);
  self->drag_mode = CJM_DRAG_NONE;
  self->link_target = NULL;
  g_clear_pointer (&self->drag_items, g_ptr_array_unref);
  g_clear_pointer (&self->band_base, g_ptr_array_unref);
  memset (&self->press_hit, 0, sizeof self->press_hit);
  _cjm_canvas_clear_preview (self);
  _cjm_canvas_update_cursor (self);
  cjm_minimap_set_avoid (CJM_MINIMAP (self->minimap), NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
start_drag (CjmCanvas *self)
{
  CjmHit *hit = &self->press_hit;
  double mx, my;
  CjmRect rect;

  cjm_canvas_widget_to_map (self, self->press_x, self->press_y, &mx, &my);
  _cjm_canvas_ensure_layout (self);

  switch (hit->kind)
    {
    case CJM_HIT_CARD:
    case CJM_HIT_BADGE:
      if ((self->press_state & GDK_CONTROL_MASK) && !_cjm_canvas_is_selected (self, hit->item))
        {
          /* Ctrl-click just unselected it: drag nothing. */
          self->drag_mode = CJM_DRAG_CANCELLED;
          return;
        }
      self->drag_mode = CJM_DRAG_CARDS;
      self->drag_items = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < self->selection->len; i++)
        if (_cjm_canvas_is_card (g_ptr_array_index (self->selection, i)))
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
      _cjm_canvas_invalidate_tiles (self);
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

  _cjm_canvas_update_cursor (self);
  if (self->autoscroll_id == 0)
    self->autoscroll_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), autoscroll_tick,
                                                        NULL, NULL);
}

/* Callbacks */

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
      _cjm_canvas_hit_test (self, x, y, &on);
      if ((gtk_widget_compute_bounds (GTK_WIDGET (self->editor), GTK_WIDGET (self), &bounds)
           && graphene_rect_contains_point (&bounds, &GRAPHENE_POINT_INIT (x, y)))
          || (on.item != NULL && on.item == cjm_card_editor_get_item (self->editor)))
        {
          gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
          return;
        }
      _cjm_canvas_stop_editing (self, TRUE);
    }

  gtk_widget_grab_focus (GTK_WIDGET (self));
  state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  extend = (state & GDK_SHIFT_MASK) != 0;
  toggle = (state & GDK_CONTROL_MASK) != 0;

  self->press_x = self->pointer_x = x;
  self->press_y = self->pointer_y = y;
  self->press_state = state;
  self->press_was_selected = FALSE;
  _cjm_canvas_clear_preview (self);

  if (self->space_held)
    {
      self->drag_mode = CJM_DRAG_PAN;
      self->pan_start_h = gtk_adjustment_get_value (self->hadjustment);
      self->pan_start_v = gtk_adjustment_get_value (self->vadjustment);
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      _cjm_canvas_update_cursor (self);
      return;
    }

  _cjm_canvas_hit_test (self, x, y, hit);
  self->drag_mode = CJM_DRAG_PENDING;
  g_debug ("press at %.0f,%.0f: hit %d (%s)", x, y, hit->kind,
           hit->item ? cjm_item_get_id (hit->item) : "-");

  switch (hit->kind)
    {
    case CJM_HIT_CARD:
    case CJM_HIT_BADGE:
      if (toggle)
        _cjm_canvas_toggle_selected (self, hit->item);
      else if (extend)
        {
          if (!_cjm_canvas_is_selected (self, hit->item))
            _cjm_canvas_toggle_selected (self, hit->item);
        }
      else if (_cjm_canvas_is_selected (self, hit->item))
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
        _cjm_canvas_toggle_selected (self, hit->item);
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
      _cjm_canvas_set_scroll (self, self->pan_start_h - offset_x, self->pan_start_v - offset_y);
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
  if (mode != CJM_DRAG_PENDING && mode != CJM_DRAG_CANCELLED && mode != CJM_DRAG_PAN)
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

          _cjm_canvas_move_cards (self, items, &self->preview.target);
          _cjm_canvas_set_selection (self, items);
        }
      break;

    case CJM_DRAG_STAGE:
      cjm_document_reorder_item (self->document, self->press_hit.item, self->preview.index);
      break;

    case CJM_DRAG_LANE:
      cjm_document_reorder_item (self->document, self->press_hit.item, self->preview.index);
      break;

    case CJM_DRAG_EMOTION:
      cjm_document_set_emotion (self->document, self->press_hit.item,
                              self->press_hit.field == CJM_FIELD_TARGET_EMOTION
                                ? CJM_FIELD_TARGET_EMOTION : CJM_FIELD_EMOTION,
                              self->emotion_value);
      break;

    case CJM_DRAG_LINK:
      if (self->link_target != NULL)
        cjm_document_add_link (self->document, self->press_hit.item, self->link_target);
      break;

    case CJM_DRAG_RUBBER_BAND:
    case CJM_DRAG_PAN:
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
        _cjm_canvas_set_selection (self, self->band_base);
      reset_drag (self);
    }
}

/* Shared with the other canvas files */

void
_cjm_canvas_init_gesture (CjmCanvas *self)
{
  self->drag_gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (self->drag_gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (self->drag_gesture, "drag-begin", G_CALLBACK (on_drag_begin), self, 0);
  g_signal_connect_object (self->drag_gesture, "drag-update", G_CALLBACK (on_drag_update), self, 0);
  g_signal_connect_object (self->drag_gesture, "drag-end", G_CALLBACK (on_drag_end), self, 0);
  g_signal_connect_object (self->drag_gesture, "cancel", G_CALLBACK (on_drag_cancel), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->drag_gesture));
}

void
_cjm_canvas_cancel_drag (CjmCanvas *self)
{
  if (self->drag_mode == CJM_DRAG_NONE || self->drag_mode == CJM_DRAG_CANCELLED)
    return;
  if (self->drag_mode == CJM_DRAG_RUBBER_BAND && self->band_base != NULL)
    _cjm_canvas_set_selection (self, self->band_base);
  reset_drag (self);
  /* The rest of the gesture is ignored until the button is released. */
  self->drag_mode = CJM_DRAG_CANCELLED;
}

void
_cjm_canvas_get_rubber_band (CjmCanvas *self,
                             CjmRect   *band)
{
  double px, py, mx, my;

  cjm_canvas_widget_to_map (self, self->press_x, self->press_y, &px, &py);
  _cjm_canvas_pointer_to_map (self, &mx, &my);
  *band = (CjmRect) { MIN (px, mx), MIN (py, my), fabs (mx - px), fabs (my - py) };
}

void
_cjm_canvas_clear_preview (CjmCanvas *self)
{
  memset (&self->preview, 0, sizeof self->preview);
}

gboolean
_cjm_canvas_update_cell_preview (CjmCanvas *self,
                                 double     mx,
                                 double     my)
{
  CjmDropTarget target;

  _cjm_canvas_clear_preview (self);
  _cjm_canvas_ensure_layout (self);
  if (!cjm_layout_get_drop_target (self->layout, mx, my, &target))
    return FALSE;

  self->preview.active = TRUE;
  self->preview.target = target;
  self->preview.caret = target.caret;
  self->preview.area = cjm_layout_get_cell (self->layout,
                                            cjm_document_index_of (self->document, target.stage),
                                            cjm_document_index_of (self->document, target.lane))->rect;
  return TRUE;
}

void
_cjm_canvas_update_header_preview (CjmCanvas *self,
                                   CjmKind    kind,
                                   CjmItem   *moving,
                                   double     mx,
                                   double     my)
{
  CjmRect band;

  _cjm_canvas_clear_preview (self);
  _cjm_canvas_ensure_layout (self);
  self->preview.active = TRUE;
  self->preview.valid = TRUE;
  self->preview.kind = kind;
  if (kind == CJM_KIND_STAGE)
    {
      self->preview.index = _cjm_canvas_stage_slot (self, mx, moving, &self->preview.caret);
      cjm_layout_get_stage_band (self->layout, &band);
    }
  else
    {
      self->preview.index = _cjm_canvas_lane_slot (self, my, moving, &self->preview.caret);
      cjm_layout_get_lane_band (self->layout, &band);
    }
  self->preview.area = band;
}
