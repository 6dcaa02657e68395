/* cjm-canvas-keys.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The canvas's keyboard: arrows between cards (Shift extends), Alt+arrows
 * move the selected cards to the next cell, Enter/F2 edit in place,
 * Insert/Ctrl+Return add a card, Delete, Ctrl+A/C/X/V/D, Escape, and the
 * zoom keys; and the "canvas.*" widget actions behind them. A key is left
 * alone while a title is being edited (the text field has it).
 */

#define G_LOG_DOMAIN "CjmCanvas"

#include "config.h"

#include "cjm-canvas-private.h"

static gboolean
navigate_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   data)
{
  CjmCanvas *self = CJM_CANVAS (widget);
  GtkDirectionType direction;
  gboolean extend;
  CjmItem *from, *next;

  if (self->editor != NULL || self->document == NULL)
    return FALSE;
  g_variant_get (args, "(ib)", &direction, &extend);

  from = self->cursor;
  if (from == NULL || cjm_document_index_of (self->document, from) < 0)
    {
      from = NULL;
      for (int i = self->selection->len - 1; i >= 0 && from == NULL; i--)
        if (_cjm_canvas_is_card (g_ptr_array_index (self->selection, i)))
          from = g_ptr_array_index (self->selection, i);
    }
  next = _cjm_canvas_find_neighbour (self, from, from ? direction : GTK_DIR_RIGHT);
  if (next == NULL && from == NULL)
    return FALSE;
  if (next == NULL)
    return TRUE;   /* at the edge: keep the key, do nothing */

  if (extend)
    {
      if (!_cjm_canvas_is_selected (self, next))
        _cjm_canvas_toggle_selected (self, next);
    }
  else
    {
      g_autoptr(GPtrArray) one = g_ptr_array_new ();

      g_ptr_array_add (one, next);
      _cjm_canvas_set_selection (self, one);
    }
  self->cursor = next;
  cjm_canvas_scroll_to_item (self, next);
  return TRUE;
}

static gboolean
move_card_cb (GtkWidget *widget,
              GVariant  *args,
              gpointer   data)
{
  CjmCanvas *self = CJM_CANVAS (widget);
  GtkDirectionType direction;

  if (self->editor != NULL || self->document == NULL)
    return FALSE;
  g_variant_get (args, "i", &direction);
  _cjm_canvas_move_card_by_key (self, direction);
  return TRUE;
}

static gboolean
edit_cb (GtkWidget *widget,
         GVariant  *args,
         gpointer   data)
{
  CjmCanvas *self = CJM_CANVAS (widget);
  CjmItem *item = NULL;

  if (self->editor != NULL || self->document == NULL)
    return FALSE;
  if (self->cursor != NULL && _cjm_canvas_is_selected (self, self->cursor))
    item = self->cursor;
  else if (self->selection->len > 0)
    item = g_ptr_array_index (self->selection, self->selection->len - 1);
  if (item == NULL)
    return FALSE;
  cjm_canvas_edit_item (self, item);
  return TRUE;
}

static gboolean
add_card_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   data)
{
  CjmCanvas *self = CJM_CANVAS (widget);
  CjmPaletteTile tile = CJM_PALETTE_TILE_TOUCHPOINT;
  CjmItem *anchor = self->cursor;

  if (self->editor != NULL || self->document == NULL || self->drag_mode > CJM_DRAG_PENDING)
    return FALSE;
  /* A card like the one the keyboard is on, after it. */
  if (anchor != NULL && _cjm_canvas_is_selected (self, anchor))
    switch (cjm_item_get_kind (anchor))
      {
      case CJM_KIND_NOTE:
        tile = CJM_PALETTE_TILE_NOTE;
        break;
      case CJM_KIND_OPPORTUNITY:
        tile = CJM_PALETTE_TILE_OPPORTUNITY;
        break;
      case CJM_KIND_TOUCHPOINT:
      case CJM_KIND_MAP:
      case CJM_KIND_PERSONA:
      case CJM_KIND_STAGE:
      case CJM_KIND_LANE:
      case CJM_KIND_LINK:
      case CJM_KIND_TERM:
      case CJM_KIND_SUPPRESSION:
      case CJM_N_KINDS:
      default:
        break;
      }
  cjm_canvas_add_tile (self, tile);
  return TRUE;
}

static gboolean
escape_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   data)
{
  CjmCanvas *self = CJM_CANVAS (widget);

  if (self->editor != NULL)
    return FALSE;
  if (self->drag_mode != CJM_DRAG_NONE && self->drag_mode != CJM_DRAG_CANCELLED)
    {
      _cjm_canvas_cancel_drag (self);
      return TRUE;
    }
  if (self->selection->len > 0)
    {
      g_autoptr(GPtrArray) none = g_ptr_array_new ();

      _cjm_canvas_set_selection (self, none);
      return TRUE;
    }
  return FALSE;
}

static gboolean
command_cb (GtkWidget *widget,
            GVariant  *args,
            gpointer   data)
{
  CjmCanvas *self = CJM_CANVAS (widget);
  const char *name = g_variant_get_string (args, NULL);

  if (self->editor != NULL || self->drag_mode > CJM_DRAG_PENDING)
    return FALSE;
  gtk_widget_activate_action (widget, name, NULL);
  return TRUE;
}

static void
action_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  CjmCanvas *self = CJM_CANVAS (widget);

  if (g_str_equal (action_name, "canvas.zoom-in"))
    cjm_canvas_zoom_in (self);
  else if (g_str_equal (action_name, "canvas.zoom-out"))
    cjm_canvas_zoom_out (self);
  else if (g_str_equal (action_name, "canvas.zoom-reset"))
    cjm_canvas_set_zoom (self, 1.0);
  else if (g_str_equal (action_name, "canvas.zoom-fit"))
    cjm_canvas_zoom_fit (self);
  else if (g_str_equal (action_name, "canvas.select-all"))
    cjm_canvas_select_all (self);
  else if (g_str_equal (action_name, "canvas.copy"))
    cjm_canvas_copy (self);
  else if (g_str_equal (action_name, "canvas.cut"))
    cjm_canvas_cut (self);
  else if (g_str_equal (action_name, "canvas.paste"))
    cjm_canvas_paste (self);
  else if (g_str_equal (action_name, "canvas.duplicate"))
    cjm_canvas_duplicate (self);
  else if (g_str_equal (action_name, "canvas.delete"))
    cjm_canvas_delete_selection (self);
  else if (g_str_equal (action_name, "canvas.add-tile"))
    cjm_canvas_add_tile (self, g_variant_get_int32 (parameter));
}

static void
add_command (GtkWidgetClass  *widget_class,
             guint            keyval,
             GdkModifierType  mods,
             const char      *action)
{
  gtk_widget_class_add_binding (widget_class, keyval, mods, command_cb, "s", action);
}

void
_cjm_canvas_class_init_keys (GtkWidgetClass *widget_class)
{
  static const struct {
    guint            keyval;
    GtkDirectionType direction;
  } arrows[] = {
    { GDK_KEY_Left, GTK_DIR_LEFT }, { GDK_KEY_KP_Left, GTK_DIR_LEFT },
    { GDK_KEY_Right, GTK_DIR_RIGHT }, { GDK_KEY_KP_Right, GTK_DIR_RIGHT },
    { GDK_KEY_Up, GTK_DIR_UP }, { GDK_KEY_KP_Up, GTK_DIR_UP },
    { GDK_KEY_Down, GTK_DIR_DOWN }, { GDK_KEY_KP_Down, GTK_DIR_DOWN },
  };
  static const char * const actions[] = {
    "canvas.zoom-in", "canvas.zoom-out", "canvas.zoom-reset", "canvas.zoom-fit",
    "canvas.select-all", "canvas.copy", "canvas.cut", "canvas.paste", "canvas.duplicate",
    "canvas.delete",
  };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_class_install_action (widget_class, actions[i], NULL, action_cb);
  gtk_widget_class_install_action (widget_class, "canvas.add-tile", "i", action_cb);

  for (guint i = 0; i < G_N_ELEMENTS (arrows); i++)
    {
      gtk_widget_class_add_binding (widget_class, arrows[i].keyval, 0, navigate_cb,
                                    "(ib)", arrows[i].direction, FALSE);
      gtk_widget_class_add_binding (widget_class, arrows[i].keyval, GDK_SHIFT_MASK, navigate_cb,
                                    "(ib)", arrows[i].direction, TRUE);
      gtk_widget_class_add_binding (widget_class, arrows[i].keyval, GDK_ALT_MASK, move_card_cb,
                                    "i", arrows[i].direction);
    }

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Return, 0, edit_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Enter, 0, edit_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_F2, 0, edit_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Insert, 0, add_card_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Insert, 0, add_card_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, add_card_cb, NULL);

  add_command (widget_class, GDK_KEY_Delete, 0, "canvas.delete");
  add_command (widget_class, GDK_KEY_KP_Delete, 0, "canvas.delete");
  add_command (widget_class, GDK_KEY_BackSpace, 0, "canvas.delete");
  add_command (widget_class, GDK_KEY_a, GDK_CONTROL_MASK, "canvas.select-all");
  add_command (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "canvas.copy");
  add_command (widget_class, GDK_KEY_x, GDK_CONTROL_MASK, "canvas.cut");
  add_command (widget_class, GDK_KEY_v, GDK_CONTROL_MASK, "canvas.paste");
  add_command (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "canvas.duplicate");
  add_command (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "canvas.zoom-in");
  add_command (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "canvas.zoom-in");
  add_command (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "canvas.zoom-in");
  add_command (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "canvas.zoom-in");
  add_command (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "canvas.zoom-out");
  add_command (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "canvas.zoom-out");
  add_command (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "canvas.zoom-reset");
  add_command (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "canvas.zoom-reset");
  add_command (widget_class, GDK_KEY_1, GDK_CONTROL_MASK, "canvas.zoom-fit");
  add_command (widget_class, GDK_KEY_KP_1, GDK_CONTROL_MASK, "canvas.zoom-fit");
}
