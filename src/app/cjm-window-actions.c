/* cjm-window-actions.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's actions ("win.*") and their keyboard shortcuts.
 */

#define G_LOG_DOMAIN "CjmWindow"

#include "config.h"

#include <glib/gi18n.h>

#include "cjm-window-private.h"

static void
cjm_window_action_undo (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  CjmWindow *self = CJM_WINDOW (widget);

  cjm_document_undo (self->document);
}

static void
cjm_window_action_redo (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  CjmWindow *self = CJM_WINDOW (widget);

  cjm_document_redo (self->document);
}

static void
cjm_window_action_close (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
cjm_window_action_toggle_inspector (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *param)
{
  CjmWindow *self = CJM_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

void
_cjm_window_update_actions (CjmWindow *self)
{
  gboolean has_document = self->document != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 has_document && cjm_document_can_undo (self->document));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 has_document && cjm_document_can_redo (self->document));
}

void
_cjm_window_class_actions_init (CjmWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.undo", NULL, cjm_window_action_undo);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, cjm_window_action_redo);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, cjm_window_action_close);
  gtk_widget_class_install_action (widget_class, "win.toggle-inspector", NULL,
                                   cjm_window_action_toggle_inspector);

  /* Bubble-phase bindings: a focused text field handles its own Ctrl+Z
   * first, the map's history gets it everywhere else. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, GDK_CONTROL_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "win.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-inspector", NULL);
}
