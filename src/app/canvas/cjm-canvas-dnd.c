/* cjm-canvas-dnd.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drops onto the canvas from outside it: palette tiles (a private GType),
 * which make a card in the cell under the pointer (the lane decides its
 * kind) or a stage or lane between the headers, and text from other apps,
 * which makes a note. GtkDropTarget::motion shows where the drop lands.
 * Files (from the file manager) are not the canvas's: the window opens
 * them (cjm-window-dnd.c).
 */

#define G_LOG_DOMAIN "CjmCanvas"

#include "config.h"

#include <glib/gi18n.h>

#include "cjm-canvas-private.h"

static gboolean
drop_offers_files (GtkDropTarget *target)
{
  GdkDrop *drop = gtk_drop_target_get_current_drop (target);

  return drop != NULL
         && gdk_content_formats_contain_gtype (gdk_drop_get_formats (drop), GDK_TYPE_FILE_LIST);
}

static gboolean
drop_tile (GtkDropTarget  *target,
           CjmPaletteTile *tile)
{
  const GValue *value = gtk_drop_target_get_value (target);

  if (value != NULL && G_VALUE_HOLDS (value, CJM_TYPE_PALETTE_TILE))
    {
      *tile = g_value_get_enum (value);
      return TRUE;
    }
  return FALSE;
}

static gboolean
on_drop_accept (GtkDropTarget *target,
                GdkDrop       *drop,
                CjmCanvas     *self)
{
  GdkContentFormats *formats = gdk_drop_get_formats (drop);

  /* Files belong to the window (open them), not to a cell. */
  if (self->document == NULL || gdk_content_formats_contain_gtype (formats, GDK_TYPE_FILE_LIST))
    return FALSE;
  return gdk_content_formats_contain_gtype (formats, CJM_TYPE_PALETTE_TILE)
         || gdk_content_formats_contain_gtype (formats, G_TYPE_STRING);
}

static GdkDragAction
on_drop_motion (GtkDropTarget *target,
                double         x,
                double         y,
                CjmCanvas     *self)
{
  CjmPaletteTile tile = CJM_PALETTE_TILE_NOTE;
  gboolean is_tile = drop_tile (target, &tile);
  double mx, my;

  if (self->document == NULL || drop_offers_files (target))
    return 0;

  self->pointer_x = x;
  self->pointer_y = y;
  cjm_canvas_widget_to_map (self, x, y, &mx, &my);
  _cjm_canvas_ensure_layout (self);

  if (is_tile && tile == CJM_PALETTE_TILE_STAGE)
    _cjm_canvas_update_header_preview (self, CJM_KIND_STAGE, NULL, mx, my);
  else if (is_tile && !cjm_palette_tile_is_card (tile))
    _cjm_canvas_update_header_preview (self, CJM_KIND_LANE, NULL, mx, my);
  else if (_cjm_canvas_update_cell_preview (self, mx, my))
    {
      /* The lane decides what the drop makes. */
      self->preview.kind = cjm_item_lane_holds (self->preview.target.lane);
      self->preview.valid = self->preview.kind != CJM_KIND_MAP;
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
  return self->preview.active && self->preview.valid ? GDK_ACTION_COPY : 0;
}

static void
on_drop_leave (GtkDropTarget *target,
               CjmCanvas     *self)
{
  _cjm_canvas_clear_preview (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         CjmCanvas     *self)
{
  CjmItem *item = NULL;
  gboolean edit = TRUE;

  if (self->document == NULL)
    return FALSE;

  /* The preview of the last motion is where it lands. */
  on_drop_motion (target, x, y, self);
  if (!self->preview.active || !self->preview.valid)
    {
      _cjm_canvas_clear_preview (self);
      return FALSE;
    }

  if (G_VALUE_HOLDS (value, CJM_TYPE_PALETTE_TILE))
    {
      CjmPaletteTile tile = g_value_get_enum (value);

      if (tile == CJM_PALETTE_TILE_STAGE)
        item = cjm_document_add_stage (self->document, self->preview.index);
      else if (!cjm_palette_tile_is_card (tile))
        item = cjm_document_add_lane (self->document, cjm_palette_tile_get_lane_kind (tile),
                                       self->preview.index);
      else
        item = _cjm_canvas_create_card (self, tile, &self->preview.target, NULL);
    }
  else if (G_VALUE_HOLDS (value, G_TYPE_STRING))
    {
      item = _cjm_canvas_create_card (self, CJM_PALETTE_TILE_NOTE, &self->preview.target,
                                     g_value_get_string (value));
      edit = FALSE;
    }

  _cjm_canvas_clear_preview (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (item == NULL)
    return FALSE;

  cjm_canvas_select_items (self, &item, 1, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (edit)
    cjm_canvas_edit_item (self, item);
  return TRUE;
}

/* Shared with the other canvas files */

void
_cjm_canvas_init_dnd (CjmCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GType types[] = { CJM_TYPE_PALETTE_TILE, G_TYPE_STRING };

  self->drop_target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY | GDK_ACTION_MOVE);
  gtk_drop_target_set_gtypes (self->drop_target, types, G_N_ELEMENTS (types));
  gtk_drop_target_set_preload (self->drop_target, TRUE);
  g_signal_connect_object (self->drop_target, "accept", G_CALLBACK (on_drop_accept), self, 0);
  g_signal_connect_object (self->drop_target, "enter", G_CALLBACK (on_drop_motion), self, 0);
  g_signal_connect_object (self->drop_target, "motion", G_CALLBACK (on_drop_motion), self, 0);
  g_signal_connect_object (self->drop_target, "leave", G_CALLBACK (on_drop_leave), self, 0);
  g_signal_connect_object (self->drop_target, "drop", G_CALLBACK (on_drop), self, 0);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (self->drop_target));
}
