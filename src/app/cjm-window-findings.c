/* cjm-window-findings.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's findings page in the side panel: it follows the window's
 * live checker, shows the number of findings on its tab, and selects and
 * scrolls to the cards a finding names when the user activates it. Ctrl+F
 * shows the page and puts the focus in its search entry.
 */

#define G_LOG_DOMAIN "CjmWindow"

#include "config.h"

#include <glib/gi18n.h>

#include "cjm-window-private.h"

static void
update_badge (CjmWindow *self)
{
  guint n = cjm_findings_panel_get_n_visible (self->findings_panel);

  adw_view_stack_page_set_badge_number (self->findings_page, n);
  adw_view_stack_page_set_needs_attention (self->findings_page, n > 0);
}

static void
on_checker_items_changed (CjmWindow  *self,
                          guint       position,
                          guint       removed,
                          guint       added,
                          GListModel *model)
{
  update_badge (self);
}

static void
on_finding_activated (CjmWindow        *self,
                      CjmFinding       *finding,
                      CjmFindingsPanel *panel)
{
  const char * const *targets = cjm_finding_get_targets (finding);
  g_autoptr(GPtrArray) items = g_ptr_array_new ();

  if (self->document == NULL)
    return;

  for (guint i = 0; targets != NULL && targets[i] != NULL; i++)
    {
      CjmItem *item = cjm_document_lookup (self->document, targets[i]);

      if (item != NULL && !g_ptr_array_find (items, item, NULL))
        g_ptr_array_add (items, item);
    }

  cjm_canvas_select_items (self->canvas, (CjmItem **) items->pdata, items->len, TRUE);
  if (items->len > 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
}

static void
cjm_window_action_show_findings (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *param)
{
  _cjm_window_show_findings (CJM_WINDOW (widget));
}

static void
cjm_window_action_search_findings (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *param)
{
  CjmWindow *self = CJM_WINDOW (widget);

  _cjm_window_show_findings (self);
  cjm_findings_panel_focus_search (self->findings_panel);
}

void
_cjm_window_class_findings_init (CjmWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.show-findings", NULL,
                                   cjm_window_action_show_findings);
  gtk_widget_class_install_action (widget_class, "win.search-findings", NULL,
                                   cjm_window_action_search_findings);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F8, 0, "win.show-findings", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search-findings", NULL);
}

void
_cjm_window_init_findings (CjmWindow *self)
{
  g_signal_connect_object (self->findings_panel, "finding-activated",
                           G_CALLBACK (on_finding_activated), self, G_CONNECT_SWAPPED);
  _cjm_window_update_findings (self);
}

void
_cjm_window_update_findings (CjmWindow *self)
{
  CjmChecker *old;

  if (self->findings_panel == NULL)
    return;

  old = cjm_findings_panel_get_checker (self->findings_panel);
  if (old == self->checker)
    {
      update_badge (self);
      return;
    }

  if (old != NULL)
    g_signal_handlers_disconnect_by_func (old, on_checker_items_changed, self);
  cjm_findings_panel_set_checker (self->findings_panel, self->checker);
  if (self->checker != NULL)
    g_signal_connect_object (self->checker, "items-changed",
                             G_CALLBACK (on_checker_items_changed), self, G_CONNECT_SWAPPED);
  update_badge (self);
}

void
_cjm_window_show_findings (CjmWindow *self)
{
  adw_flap_set_reveal_flap (self->flap, TRUE);
  adw_view_stack_set_visible_child_name (self->side_stack, "findings");
}
