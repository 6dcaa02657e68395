/* cjm-window-canvas.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's map editor: the palette in the start-side slot, the canvas
 * (in a scrolled window) in the centre, and the canvas's selection shown
 * in the inspector. The canvas's paper follows the style manager's dark
 * style; the checker leaves out the rules the preferences turn off.
 */

#define G_LOG_DOMAIN "CjmWindow"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cjm-window-private.h"

/* The rules turned off in the preferences. */
static void
apply_disabled_rules (CjmWindow *self)
{
  g_auto(GStrv) rules = NULL;

  if (self->checker == NULL || self->settings == NULL)
    return;
  rules = g_settings_get_strv (self->settings, "disabled-rules");
  cjm_checker_set_disabled_rules (self->checker, (const char * const *) rules);
}

static void
on_settings_disabled_rules_changed (CjmWindow *self)
{
  apply_disabled_rules (self);
}

static void
on_style_manager_notify_dark (CjmWindow *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  cjm_canvas_set_style_scheme (self->canvas, adw_style_manager_get_dark (manager)
                                             ? CJM_STYLE_DARK : CJM_STYLE_LIGHT);
}

static void
on_canvas_selection_changed (CjmWindow *self,
                             CjmCanvas *canvas)
{
  GPtrArray *selection = cjm_canvas_get_selection (canvas);

  if (self->inspector == NULL)
    return;
  /* The inspector shows the item selected last (the map when none). */
  cjm_inspector_set_item (self->inspector,
                          selection->len > 0 ? g_ptr_array_index (selection, selection->len - 1)
                                             : NULL);
}

static void
on_palette_tile_activated (CjmWindow      *self,
                           CjmPaletteTile  tile)
{
  cjm_canvas_add_tile (self->canvas, tile);
}

void
_cjm_window_init_canvas (CjmWindow *self)
{
  GtkWidget *scroller;

  self->palette = CJM_PALETTE (cjm_palette_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->palette), TRUE);
  gtk_box_append (self->palette_slot, GTK_WIDGET (self->palette));

  self->canvas = CJM_CANVAS (cjm_canvas_new ());
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->canvas));
  gtk_scrolled_window_set_kinetic_scrolling (GTK_SCROLLED_WINDOW (scroller), FALSE);
  gtk_widget_set_hexpand (scroller, TRUE);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (self->canvas_box, scroller);
  self->canvas_scroller = scroller;

  g_signal_connect_object (self->canvas, "selection-changed",
                           G_CALLBACK (on_canvas_selection_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->palette, "tile-activated",
                           G_CALLBACK (on_palette_tile_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_style_manager_notify_dark), self, G_CONNECT_SWAPPED);
  on_style_manager_notify_dark (self);
  _cjm_window_update_canvas (self);
}

void
_cjm_window_follow_rule_settings (CjmWindow *self)
{
  g_return_if_fail (self->settings != NULL);

  g_signal_connect_object (self->settings, "changed::disabled-rules",
                           G_CALLBACK (on_settings_disabled_rules_changed), self,
                           G_CONNECT_SWAPPED);
  apply_disabled_rules (self);
}

void
_cjm_window_update_canvas (CjmWindow *self)
{
  gboolean has_document = self->document != NULL;

  /* The checker follows the document live; the canvas badges its cards. */
  if (self->checker == NULL || cjm_checker_get_document (self->checker) != self->document)
    {
      cjm_canvas_set_checker (self->canvas, NULL);
      g_clear_object (&self->checker);
      if (has_document)
        {
          g_auto(GStrv) rules = self->settings ? g_settings_get_strv (self->settings,
                                                                       "disabled-rules") : NULL;

          self->checker = g_object_new (CJM_TYPE_CHECKER, "document", self->document,
                                        "disabled-rules", rules, NULL);
        }
    }
  cjm_canvas_set_document (self->canvas, self->document);
  cjm_canvas_set_checker (self->canvas, self->checker);
  gtk_widget_set_visible (GTK_WIDGET (self->canvas_placeholder), !has_document);
  gtk_widget_set_visible (self->canvas_scroller, has_document);
  gtk_widget_set_sensitive (GTK_WIDGET (self->palette), has_document);
  _cjm_window_update_findings (self);
  _cjm_window_update_priorities (self);
}

CjmCanvas *
cjm_window_get_canvas (CjmWindow *self)
{
  g_return_val_if_fail (CJM_IS_WINDOW (self), NULL);
  return self->canvas;
}

CjmPalette *
cjm_window_get_palette (CjmWindow *self)
{
  g_return_val_if_fail (CJM_IS_WINDOW (self), NULL);
  return self->palette;
}
