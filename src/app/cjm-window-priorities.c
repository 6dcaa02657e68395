/* cjm-window-priorities.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's second view, Priorities, beside the map: the view switcher
 * in the header bar and its shortcuts (Alt+1 the map, Alt+2 the
 * priorities; Ctrl+1 is the canvas's zoom to fit), the view a window
 * shows (remembered for the next window), an opportunity chosen there
 * selected in the inspector and on the map, and "Plan an action" from a
 * finding (win.plan-action): an opportunity made in the map and opened in
 * the inspector. The same for a card, from its right-click menu on the
 * canvas (added here, over the canvas, so the canvas itself is unchanged).
 */

#define G_LOG_DOMAIN "CjmWindow"

#include "config.h"

#include <glib/gi18n.h>

#include "cjm-finding-private.h"
#include "cjm-plan-action.h"
#include "cjm-window-private.h"

static void
on_priorities_item_activated (CjmWindow *self,
                              CjmItem   *item)
{
  if (self->document == NULL || cjm_document_index_of (self->document, item) < 0)
    return;
  cjm_canvas_select_items (self->canvas, &item, 1, TRUE);
  cjm_inspector_set_item (self->inspector, item);
}

static void
on_canvas_selection_changed (CjmWindow *self,
                             CjmCanvas *canvas)
{
  GPtrArray *selection = cjm_canvas_get_selection (canvas);

  cjm_priorities_select (self->priorities,
                         selection->len > 0 ? g_ptr_array_index (selection, selection->len - 1)
                                            : NULL);
}

static void
on_main_stack_visible_child (CjmWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->main_stack);

  if (self->settings != NULL && name != NULL)
    g_settings_set_string (self->settings, "view", name);
}

/* The card menu is made once and stays parented to the canvas until the
 * canvas goes. */
static void
on_canvas_destroy (GtkWidget *canvas)
{
  GtkWidget *popover = g_object_get_data (G_OBJECT (canvas), "cjm-card-menu");

  if (popover != NULL)
    gtk_widget_unparent (popover);
  g_object_set_data (G_OBJECT (canvas), "cjm-card-menu", NULL);
}

/* The title of an action planned from a finding: what the finding is
 * about, and the item it names first. */
static char *
plan_title (CjmWindow          *self,
            const char         *rule,
            const char * const *targets)
{
  CjmRule known = cjm_rule_from_id (rule);
  const char *rule_title = known < CJM_N_RULES ? cjm_rule_get_title (known) : NULL;

  for (guint i = 0; targets[i] != NULL; i++)
    {
      CjmItem *item = cjm_document_lookup (self->document, targets[i]);
      const char *text = item ? cjm_item_get_display_text (item) : NULL;

      if (text != NULL && *text != '\0')
        {
          g_autofree char *line = cjm_collapse_space (text);

          if (rule_title == NULL)
            return g_steal_pointer (&line);
          /* Translators: the title of an action planned from a finding:
           * the finding's title and the item it names, e.g.
           * "Pain without an opportunity: Pay through an agent" */
          return g_strdup_printf (_("%s: %s"), rule_title, line);
        }
    }
  return g_strdup (rule_title);
}

/* The card under a point of the canvas, drawn last (on top), or NULL. */
static CjmItem *
card_at (CjmWindow *self,
         double     x,
         double     y)
{
  const CjmKind kinds[] = { CJM_KIND_TOUCHPOINT, CJM_KIND_NOTE, CJM_KIND_OPPORTUNITY };
  graphene_point_t point = GRAPHENE_POINT_INIT (x, y);
  CjmItem *found = NULL;

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      GPtrArray *items = cjm_document_get_items (self->document, kinds[k]);

      for (guint i = 0; i < items->len; i++)
        {
          graphene_rect_t rect;

          if (cjm_canvas_get_item_widget_rect (self->canvas, g_ptr_array_index (items, i), &rect)
              && graphene_rect_contains_point (&rect, &point))
            found = g_ptr_array_index (items, i);
        }
    }
  return found;
}

static void
on_canvas_secondary_released (GtkGestureClick *gesture,
                              int              n_press,
                             double           x,
                             double           y,
                             CjmWindow       *self)
{
  g_autoptr(GMenu) menu = NULL;
  g_autoptr(GMenuItem) entry = NULL;
  CjmItem *card;
  const char *targets[2] = { NULL, NULL };
  GtkWidget *popover;

  if (self->document == NULL || (card = card_at (self, x, y)) == NULL
      || cjm_item_get_id (card) == NULL)
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  cjm_canvas_select_items (self->canvas, &card, 1, FALSE);

  targets[0] = cjm_item_get_id (card);
  menu = g_menu_new ();
  entry = g_menu_item_new (_("Plan an Action"), NULL);
  g_menu_item_set_action_and_target_value (entry, "win.plan-action",
                                           g_variant_new ("(s^as)", "", targets));
  g_menu_append_item (menu, entry);

  popover = g_object_get_data (G_OBJECT (self->canvas), "cjm-card-menu");
  if (popover == NULL)
    {
      popover = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
      gtk_widget_set_name (popover, "card-menu");
      gtk_popover_set_has_arrow (GTK_POPOVER (popover), FALSE);
      gtk_widget_set_parent (popover, GTK_WIDGET (self->canvas));
      g_object_set_data (G_OBJECT (self->canvas), "cjm-card-menu", popover);
    }
  else
    gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (popover), G_MENU_MODEL (menu));
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (popover));
}

static void
cjm_window_action_plan_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *param)
{
  CjmWindow *self = CJM_WINDOW (widget);
  const char *rule = NULL;
  g_autofree const char **targets = NULL;
  g_autofree char *title = NULL;
  CjmItem *opportunity;

  if (self->document == NULL)
    return;
  g_variant_get (param, "(&s^a&s)", &rule, &targets);
  title = plan_title (self, rule, targets);
  opportunity = cjm_document_plan_action (self->document, targets, title);
  if (opportunity == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("This finding names nothing in a stage")));
      return;
    }
  cjm_canvas_select_items (self->canvas, &opportunity, 1, TRUE);
  cjm_inspector_set_item (self->inspector, opportunity);
  adw_flap_set_reveal_flap (self->flap, TRUE);
  adw_view_stack_set_visible_child_name (self->side_stack, "inspector");
}

static void
cjm_window_action_show_view (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *param)
{
  CjmWindow *self = CJM_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->main_stack, g_variant_get_string (param, NULL));
}

void
_cjm_window_class_priorities_init (CjmWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (CJM_TYPE_PRIORITIES);
  gtk_widget_class_bind_template_child (widget_class, CjmWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, CjmWindow, priorities);

  gtk_widget_class_install_action (widget_class, "win.show-view", "s", cjm_window_action_show_view);
  gtk_widget_class_install_action (widget_class, "win.plan-action", "(sas)",
                                   cjm_window_action_plan_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.show-view",
                                       "s", "map");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.show-view",
                                       "s", "priorities");
}

void
_cjm_window_init_priorities (CjmWindow *self)
{
  GtkGesture *secondary;

  g_signal_connect_object (self->priorities, "item-activated",
                           G_CALLBACK (on_priorities_item_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->canvas, "selection-changed",
                           G_CALLBACK (on_canvas_selection_changed), self, G_CONNECT_SWAPPED);
  secondary = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (secondary), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (secondary, "released", G_CALLBACK (on_canvas_secondary_released), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->canvas), GTK_EVENT_CONTROLLER (secondary));
  g_signal_connect (self->canvas, "destroy", G_CALLBACK (on_canvas_destroy), NULL);
  g_signal_connect_object (self->main_stack, "notify::visible-child",
                           G_CALLBACK (on_main_stack_visible_child), self, G_CONNECT_SWAPPED);
}

/* After the window state is loaded: the view the last window showed. */
void
_cjm_window_load_view (CjmWindow *self)
{
  g_autofree char *view = NULL;

  if (self->settings == NULL)
    return;
  view = g_settings_get_string (self->settings, "view");
  if (g_strcmp0 (view, "priorities") == 0 || g_strcmp0 (view, "map") == 0)
    adw_view_stack_set_visible_child_name (self->main_stack, view);
}

void
_cjm_window_update_priorities (CjmWindow *self)
{
  if (self->priorities != NULL)
    cjm_priorities_set_document (self->priorities, self->document, self->checker);
}
