/* cjm-canvas-input.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The canvas's input besides the drag gesture (cjm-canvas-gesture.c) and
 * drops (cjm-canvas-dnd.c): panning with the middle button, double-click
 * to edit in place, hover and the pointer's shape, tooltips, scrolling
 * and pinch or Ctrl+wheel zoom, and space held for panning. The key
 * bindings are in cjm-canvas-keys.c.
 */

#define G_LOG_DOMAIN "CjmCanvas"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "cjm-canvas-private.h"
#include "cjm-minimap.h"

/* Static helpers */

/* A drag in the map or in the minimap: no hover, no tooltips. */
static gboolean
is_dragging (CjmCanvas *self)
{
  return self->drag_mode != CJM_DRAG_NONE || cjm_minimap_is_dragging (CJM_MINIMAP (self->minimap));
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
  _cjm_canvas_set_scroll (self, self->pan_start_h - offset_x, self->pan_start_v - offset_y);
}

static void
on_pan_end (GtkGestureDrag *gesture,
            double          offset_x,
            double          offset_y,
            CjmCanvas      *self)
{
  _cjm_canvas_update_cursor (self);
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
  _cjm_canvas_hit_test (self, x, y, &hit);
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

/* What is under a widget point now: hit-tested, never remembered from
 * before a zoom or a scroll. When it changes, the outline, the pointer's
 * shape and the tooltip follow (GTK asks for the tooltip again only when
 * told). */
static void
update_hover (CjmCanvas *self,
              double     x,
              double     y)
{
  CjmHit hit;

  _cjm_canvas_hit_test (self, x, y, &hit);
  if (hit.kind != self->hover.kind || hit.item != self->hover.item
      || hit.stage != self->hover.stage || hit.lane != self->hover.lane)
    {
      self->hover = hit;
      _cjm_canvas_update_cursor (self);
      gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
on_motion (GtkEventControllerMotion *motion,
           double                    x,
           double                    y,
           CjmCanvas                *self)
{
  if (self->drag_mode == CJM_DRAG_NONE)
    {
      self->pointer_x = x;
      self->pointer_y = y;
    }
  if (self->document == NULL || is_dragging (self))
    return;

  update_hover (self, x, y);
}

static void
on_motion_leave (GtkEventControllerMotion *motion,
                 CjmCanvas                *self)
{
  if (self->hover.kind != CJM_HIT_NONE)
    {
      memset (&self->hover, 0, sizeof self->hover);
      _cjm_canvas_update_cursor (self);
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

  if (self->document == NULL || is_dragging (self) || keyboard_mode)
    return FALSE;
  _cjm_canvas_hit_test (self, x, y, &hit);

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

    case CJM_HIT_LINK:
      {
        CjmItem *from = cjm_document_lookup (self->document,
                                             cjm_item_get_field (hit.item, CJM_FIELD_FROM));
        CjmItem *to = cjm_document_lookup (self->document,
                                           cjm_item_get_field (hit.item, CJM_FIELD_TO));
        const char *label = cjm_item_get_field (hit.item, CJM_FIELD_LABEL);
        g_autofree char *ends = NULL;

        if (from == NULL || to == NULL || cjm_item_get_display_text (from) == NULL
            || cjm_item_get_display_text (to) == NULL)
          return FALSE;
        /* Translators: a link's tooltip; the titles of the cards it joins */
        ends = g_markup_printf_escaped (_("Link from “%s” to “%s”"),
                                        cjm_item_get_display_text (from),
                                        cjm_item_get_display_text (to));
        text = g_string_new (ends);
        if (label != NULL && *label != '\0')
          {
            g_autofree char *line = g_markup_printf_escaped ("\n<i>%s</i>", label);

            g_string_append (text, line);
          }
      }
      break;

    case CJM_HIT_EMOTION_POINT:
      if (hit.field == CJM_FIELD_EMOTION && cjm_item_get_emotion (hit.item) == CJM_EMOTION_UNSET)
        text = g_string_new (_("No emotion yet: drag up or down to set one"));
      else
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
    case CJM_HIT_UNPLACED:
    default:
      return FALSE;
    }

  gtk_tooltip_set_markup (tooltip, text->str);
  return TRUE;
}

/* Scroll and pinch */

/* GTK hides the tooltip on a scroll event, after the canvas handled it
 * (and a wheel can send a few): asked again once the scrolling paused, it
 * is about what is under the pointer then. */
static gboolean
requery_tooltip (gpointer data)
{
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (data));
  return G_SOURCE_REMOVE;
}

static void
after_view_moved (CjmCanvas *self)
{
  if (is_dragging (self))
    return;
  update_hover (self, self->pointer_x, self->pointer_y);
  g_timeout_add_full (G_PRIORITY_DEFAULT, 150, requery_tooltip, g_object_ref (self),
                      g_object_unref);
}

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

      _cjm_canvas_set_zoom_at (self, cjm_canvas_get_zoom (self) * factor,
                               self->pointer_x, self->pointer_y, TRUE);
      after_view_moved (self);
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
  _cjm_canvas_scroll_by (self, dx, dy);
  /* Something else is under the pointer now. */
  after_view_moved (self);
  return GDK_EVENT_STOP;
}

static void
on_zoom_begin (GtkGesture       *gesture,
               GdkEventSequence *sequence,
               CjmCanvas        *self)
{
  self->zoom_begin = cjm_canvas_get_zoom (self);
  _cjm_canvas_cancel_drag (self);
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
  _cjm_canvas_set_zoom_at (self, self->zoom_begin * scale, x, y, TRUE);
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
          _cjm_canvas_update_cursor (self);
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
      _cjm_canvas_update_cursor (self);
    }
}

static void
on_focus_leave (GtkEventControllerFocus *focus,
                CjmCanvas               *self)
{
  if (self->space_held)
    {
      self->space_held = FALSE;
      _cjm_canvas_update_cursor (self);
    }
}

/* Public API */

CjmItem *
cjm_canvas_get_hovered_link (CjmCanvas *self)
{
  g_return_val_if_fail (CJM_IS_CANVAS (self), NULL);
  return self->hover.kind == CJM_HIT_LINK ? self->hover.item : NULL;
}

/* Shared with the other canvas files */

void
_cjm_canvas_update_cursor (CjmCanvas *self)
{
  const char *name = NULL;

  switch (self->drag_mode)
    {
    case CJM_DRAG_PAN:
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

void
_cjm_canvas_pointer_to_map (CjmCanvas *self,
                            double    *mx,
                            double    *my)
{
  cjm_canvas_widget_to_map (self, self->pointer_x, self->pointer_y, mx, my);
}

void
_cjm_canvas_init_input (CjmCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkEventController *controller;

  _cjm_canvas_init_gesture (self);

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

  _cjm_canvas_init_dnd (self);
}


