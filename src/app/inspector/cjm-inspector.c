/* cjm-inspector.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The inspector's life cycle: which item it shows, the bindings between
 * its widgets and the item's fields, committing edits as undoable commands
 * and following the document's changes (undo, redo, revert).
 */

#define G_LOG_DOMAIN "CjmInspector"

#include "config.h"

#include <glib/gi18n.h>

#include "cjm-inspector-private.h"

G_DEFINE_FINAL_TYPE (CjmInspector, cjm_inspector, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void schedule_rebuild (CjmInspector *self);

/* Bindings */

static void
binding_clear (Binding *binding)
{
  g_clear_object (&binding->item);
  g_clear_pointer (&binding->values, g_strfreev);
  g_clear_pointer (&binding->id, g_free);
  g_clear_pointer (&binding->fallback, g_free);
}

static void
binding_unref (gpointer data)
{
  g_rc_box_release_full (data, (GDestroyNotify) binding_clear);
}

static void
binding_closure_notify (gpointer  data,
                        GClosure *closure)
{
  binding_unref (data);
}

static gboolean
binding_is_live (Binding *binding)
{
  return binding->self != NULL
         && binding->self->document != NULL
         && cjm_document_index_of (binding->self->document, binding->item) >= 0;
}

static char **
list_entry_slot (CjmListKind list,
                 gpointer    entry,
                 guint       part)
{
  if (list == CJM_LIST_FACTS)
    {
      CjmFact *fact = entry;
      return part == 0 ? &fact->key : &fact->value;
    }
  if (list == CJM_LIST_KPIS)
    {
      CjmKpi *kpi = entry;
      char **slots[] = { &kpi->name, &kpi->value, &kpi->unit, &kpi->target, &kpi->source };
      return slots[MIN (part, G_N_ELEMENTS (slots) - 1)];
    }
  if (list == CJM_LIST_SCORES)
    {
      CjmScore *score = entry;
      char **slots[] = { &score->role, &score->impact, &score->effort, &score->text };
      return slots[MIN (part, G_N_ELEMENTS (slots) - 1)];
    }
  return &((CjmText *) entry)->text;
}

static void
binding_commit (Binding *binding)
{
  CjmInspector *self = binding->self;
  const char *text;

  if (!binding->dirty)
    return;
  binding->dirty = FALSE;
  if (!binding_is_live (binding))
    return;

  text = gtk_editable_get_text (GTK_EDITABLE (binding->widget));

  if (binding->type == BINDING_TEXT)
    {
      cjm_document_set_field (self->document, binding->item, binding->field,
                              (*text != '\0' || binding->keep_empty) ? text : NULL);
    }
  else if (binding->type == BINDING_LIST_TEXT)
    {
      g_autoptr(GPtrArray) list =
        cjm_list_copy (binding->list, cjm_item_get_list (binding->item, binding->list));
      char **slot;

      if (binding->index >= list->len)
        return;
      slot = list_entry_slot (binding->list, g_ptr_array_index (list, binding->index), binding->part);
      g_free (*slot);
      /* The first string of an entry (fact key, KPI name, text) is
       * required by the format; the others are left out when empty. */
      *slot = (*text != '\0' || binding->part == 0) ? g_strdup (text) : NULL;
      cjm_document_set_list (self->document, binding->item, binding->list, list);
    }
}

static char *
describe_id_list (CjmInspector *self,
                  Binding      *binding)
{
  g_auto(GStrv) ids = cjm_item_dup_id_list (binding->item, binding->field);
  g_autoptr(GString) names = g_string_new (NULL);

  if (ids[0] == NULL)
    return g_strdup (binding->fallback ? binding->fallback : "");

  for (guint i = 0; ids[i] != NULL; i++)
    {
      CjmItem *other = cjm_document_lookup (self->document, ids[i]);
      const char *name = other ? cjm_item_get_display_text (other) : ids[i];

      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, name && *name ? name : ids[i]);
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static void
binding_refresh (Binding *binding)
{
  CjmInspector *self = binding->self;
  const char *value = cjm_item_get_field (binding->item, binding->field);

  binding->updating = TRUE;

  switch (binding->type)
    {
    case BINDING_TEXT:
      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (binding->widget)), value ? value : "") != 0)
        gtk_editable_set_text (GTK_EDITABLE (binding->widget), value ? value : "");
      binding->dirty = FALSE;
      break;

    case BINDING_CHOICE:
      {
        guint position;

        if (g_strv_contains ((const char * const *) binding->values, value ? value : ""))
          {
            for (position = 0; g_strcmp0 (binding->values[position], value ? value : "") != 0; position++)
              ;
            adw_combo_row_set_selected (ADW_COMBO_ROW (binding->widget), position);
          }
        else
          schedule_rebuild (self);   /* a value the choices do not list yet */
      }
      break;

    case BINDING_SWITCH:
      gtk_switch_set_active (GTK_SWITCH (binding->widget),
                             cjm_item_get_bool_field (binding->item, binding->field, FALSE));
      break;

    case BINDING_SPIN:
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (binding->widget),
                                 cjm_item_get_int_field (binding->item, binding->field,
                                                         (int) gtk_adjustment_get_lower (gtk_spin_button_get_adjustment (GTK_SPIN_BUTTON (binding->widget))),
                                                         (int) gtk_adjustment_get_upper (gtk_spin_button_get_adjustment (GTK_SPIN_BUTTON (binding->widget))),
                                                         binding->index));
      break;

    case BINDING_COLOR:
      {
        GdkRGBA rgba;

        if (value != NULL && gdk_rgba_parse (&rgba, value))
          gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (binding->widget), &rgba);
      }
      break;

    case BINDING_ID_CHECK:
      gtk_check_button_set_active (GTK_CHECK_BUTTON (binding->widget),
                                   cjm_item_id_list_contains (binding->item, binding->field,
                                                              binding->id));
      break;

    case BINDING_TITLE:
      {
        g_autofree char *text = NULL;

        if (binding->field == CJM_FIELD_PERSONAS || binding->field == CJM_FIELD_ADDRESSES)
          text = describe_id_list (self, binding);
        else
          text = g_strdup (value && *value ? value : (binding->fallback ? binding->fallback : ""));

        if (ADW_IS_EXPANDER_ROW (binding->widget) && binding->subtitle)
          adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (binding->widget), text);
        else if (binding->subtitle)
          adw_action_row_set_subtitle (ADW_ACTION_ROW (binding->widget), text);
        else
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (binding->widget), text);
      }
      break;

    case BINDING_LIST_TEXT:
    default:
      break;
    }

  binding->updating = FALSE;
}

/* Widget callbacks (user data: the Binding) */

static void
on_editable_changed (GtkEditable *editable,
                     Binding     *binding)
{
  if (!binding->updating)
    binding->dirty = TRUE;
}

static void
on_editable_activate (GtkWidget *widget,
                      Binding   *binding)
{
  binding_commit (binding);
}

static void
on_focus_leave (GtkEventControllerFocus *controller,
                Binding                 *binding)
{
  binding_commit (binding);
}

static void
on_combo_notify_selected (AdwComboRow *row,
                          GParamSpec  *pspec,
                          Binding     *binding)
{
  guint position = adw_combo_row_get_selected (row);
  const char *value;

  if (binding->updating || !binding_is_live (binding))
    return;
  if (position == GTK_INVALID_LIST_POSITION || position >= g_strv_length (binding->values))
    return;

  value = binding->values[position];
  cjm_document_set_field (binding->self->document, binding->item, binding->field,
                          *value ? value : NULL);
}

static void
on_switch_notify_active (GtkSwitch  *widget,
                         GParamSpec *pspec,
                         Binding    *binding)
{
  if (binding->updating || !binding_is_live (binding))
    return;
  cjm_document_set_field (binding->self->document, binding->item, binding->field,
                          gtk_switch_get_active (widget) ? "true" : NULL);
}

static void
on_spin_value_changed (GtkSpinButton *spin,
                       Binding       *binding)
{
  g_autofree char *value = NULL;

  if (binding->updating || !binding_is_live (binding))
    return;
  value = g_strdup_printf ("%d", gtk_spin_button_get_value_as_int (spin));
  cjm_document_set_field (binding->self->document, binding->item, binding->field, value);
}

static void
on_color_set (GtkColorButton *button,
              Binding        *binding)
{
  GdkRGBA rgba;
  g_autofree char *value = NULL;

  if (binding->updating || !binding_is_live (binding))
    return;
  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (button), &rgba);
  value = g_strdup_printf ("#%02x%02x%02x",
                           (guint) (CLAMP (rgba.red, 0., 1.) * 255. + .5),
                           (guint) (CLAMP (rgba.green, 0., 1.) * 255. + .5),
                           (guint) (CLAMP (rgba.blue, 0., 1.) * 255. + .5));
  cjm_document_set_field (binding->self->document, binding->item, binding->field, value);
}

static void
on_check_toggled (GtkCheckButton *check,
                  Binding        *binding)
{
  g_auto(GStrv) ids = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) kept = NULL;
  g_autofree char *value = NULL;
  gboolean active = gtk_check_button_get_active (check);

  if (binding->updating || !binding_is_live (binding))
    return;

  ids = cjm_item_dup_id_list (binding->item, binding->field);
  builder = g_strv_builder_new ();
  for (guint i = 0; ids[i] != NULL; i++)
    if (g_strcmp0 (ids[i], binding->id) != 0)
      g_strv_builder_add (builder, ids[i]);
  if (active)
    g_strv_builder_add (builder, binding->id);
  kept = g_strv_builder_end (builder);
  value = g_strjoinv (" ", kept);
  cjm_document_set_field (binding->self->document, binding->item, binding->field,
                          *value ? value : NULL);
}

static void
connect_binding (GtkWidget  *widget,
                 const char *signal,
                 GCallback   callback,
                 Binding    *binding)
{
  g_signal_connect_data (widget, signal, callback, g_rc_box_acquire (binding),
                         binding_closure_notify, 0);
}

/* Ctrl+Z in a text field undoes the typing not yet committed; once the
 * field holds what the map holds, it undoes in the map. */
static gboolean
binding_has_typing (Binding *binding)
{
  const char *text;

  if (binding->type == BINDING_LIST_TEXT)
    return binding->dirty;
  if (binding->type != BINDING_TEXT)
    return FALSE;
  text = gtk_editable_get_text (GTK_EDITABLE (binding->widget));
  return g_strcmp0 (text, cjm_item_get_field (binding->item, binding->field) ?: "") != 0;
}

static Binding *find_focused_binding (CjmInspector *self);

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                CjmInspector          *self)
{
  Binding *binding;
  guint key = gdk_keyval_to_lower (keyval);
  const char *action;

  if ((state & GDK_CONTROL_MASK) == 0 || (state & GDK_ALT_MASK) != 0)
    return FALSE;
  if (key == GDK_KEY_z)
    action = (state & GDK_SHIFT_MASK) ? "win.redo" : "win.undo";
  else if (key == GDK_KEY_y)
    action = "win.redo";
  else
    return FALSE;

  binding = find_focused_binding (self);
  if (binding == NULL || binding_has_typing (binding))
    return FALSE;
  return gtk_widget_activate_action (GTK_WIDGET (self), action, NULL);
}

/* Rebuilding the page */

static Binding *
find_focused_binding (CjmInspector *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  if (focus == NULL)
    return NULL;
  for (guint i = 0; i < self->bindings->len; i++)
    {
      Binding *binding = g_ptr_array_index (self->bindings, i);

      if (binding->type != BINDING_TITLE
          && (focus == binding->widget || gtk_widget_is_ancestor (focus, binding->widget)))
        return binding;
    }
  return NULL;
}

static void
commit_all (CjmInspector *self)
{
  g_autoptr(GPtrArray) bindings = g_ptr_array_ref (self->bindings);

  for (guint i = 0; i < bindings->len; i++)
    binding_commit (g_ptr_array_index (bindings, i));
}

static void
on_vadjustment_changed (GtkAdjustment *adjustment,
                        CjmInspector  *self)
{
  if (self->pending_scroll > 0)
    gtk_adjustment_set_value (adjustment, self->pending_scroll);
}

static gboolean
clear_pending_scroll (GtkWidget     *widget,
                      GdkFrameClock *frame_clock,
                      gpointer       user_data)
{
  CjmInspector *self = CJM_INSPECTOR (widget);

  /* The first tick comes before the frame's layout, the second after. */
  if (!self->scroll_ticked)
    {
      self->scroll_ticked = TRUE;
      return G_SOURCE_CONTINUE;
    }
  self->pending_scroll = 0;
  self->scroll_tick = 0;
  return G_SOURCE_REMOVE;
}

/* The new page gets its size at the next layout: the scroll position is
 * set again each time the adjustment changes until that frame is done. */
static void
restore_scroll (CjmInspector *self,
                double        scroll)
{
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (self->scroller);

  self->pending_scroll = scroll;
  self->scroll_ticked = FALSE;
  gtk_adjustment_set_value (vadjustment, scroll);
  if (scroll > 0 && self->scroll_tick == 0)
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), clear_pending_scroll,
                                                      NULL, NULL);
}

static void
rebuild (CjmInspector *self)
{
  g_autofree char *focus_key = NULL;
  gboolean select_all = FALSE;
  Binding *focused;
  GtkWidget *box = gtk_scrolled_window_get_child (self->scroller);
  GtkWidget *viewport = GTK_IS_VIEWPORT (box) ? box : NULL;
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  /* The same item's page, rebuilt: it stays where it was scrolled to. */
  double scroll = self->reset_scroll ? 0 : gtk_adjustment_get_value (vadjustment);

  /* Commit first: what was typed belongs to the item it was typed for. */
  commit_all (self);
  g_clear_handle_id (&self->rebuild_source, g_source_remove);

  if (self->pending_focus != NULL)
    {
      focus_key = g_steal_pointer (&self->pending_focus);
      select_all = self->pending_select;
    }
  else if ((focused = find_focused_binding (self)) != NULL)
    focus_key = _cjm_inspector_binding_key (focused);

  for (guint i = 0; i < self->bindings->len; i++)
    ((Binding *) g_ptr_array_index (self->bindings, i))->self = NULL;
  g_ptr_array_set_size (self->bindings, 0);
  g_hash_table_remove_all (self->shown_items);

  self->reset_scroll = FALSE;
  if (viewport != NULL)
    box = gtk_viewport_get_child (GTK_VIEWPORT (viewport));
  if (self->page != NULL)
    gtk_box_remove (GTK_BOX (box), self->page);
  self->page = NULL;

  if (self->item != NULL
      && (self->document == NULL || cjm_document_index_of (self->document, self->item) < 0))
    g_clear_object (&self->item);

  if (self->document != NULL)
    {
      self->page = _cjm_inspector_build_page (self, self->item ? self->item
                                                               : cjm_document_get_map (self->document));
      gtk_box_append (GTK_BOX (box), self->page);

      for (guint i = 0; i < self->bindings->len; i++)
        binding_refresh (g_ptr_array_index (self->bindings, i));
    }

  if (focus_key != NULL)
    for (guint i = 0; i < self->bindings->len; i++)
      {
        Binding *binding = g_ptr_array_index (self->bindings, i);
        g_autofree char *key = NULL;

        if (binding->type == BINDING_TITLE)
          continue;
        key = _cjm_inspector_binding_key (binding);
        if (g_strcmp0 (key, focus_key) == 0)
          {
            /* The new field is not placed yet: the viewport would scroll
             * to the top to show it. */
            if (viewport != NULL)
              gtk_viewport_set_scroll_to_focus (GTK_VIEWPORT (viewport), FALSE);
            gtk_widget_grab_focus (binding->widget);
            if (viewport != NULL)
              gtk_viewport_set_scroll_to_focus (GTK_VIEWPORT (viewport), TRUE);
            if (select_all && GTK_IS_EDITABLE (binding->widget))
              gtk_editable_select_region (GTK_EDITABLE (binding->widget), 0, -1);
            break;
          }
      }

  restore_scroll (self, scroll);
}

static gboolean
rebuild_cb (gpointer data)
{
  CjmInspector *self = data;

  self->rebuild_source = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_rebuild (CjmInspector *self)
{
  if (self->rebuild_source == 0)
    self->rebuild_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, rebuild_cb, self, NULL);
}

/* Document callbacks */

static gboolean
kind_shapes_pages (CjmKind kind)
{
  return kind == CJM_KIND_PERSONA || kind == CJM_KIND_STAGE || kind == CJM_KIND_LANE
         || kind == CJM_KIND_TERM;
}

static void
on_document_changed (CjmInspector *self,
                     CjmChange    *change)
{
  CjmKind shown_kind = self->item ? cjm_item_get_kind (self->item) : CJM_KIND_MAP;

  switch (change->type)
    {
    case CJM_CHANGE_RELOADED:
      schedule_rebuild (self);
      break;

    case CJM_CHANGE_ITEM_REMOVED:
      if (change->item == self->item)
        {
          g_clear_object (&self->item);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
          schedule_rebuild (self);
          break;
        }
      G_GNUC_FALLTHROUGH;
    case CJM_CHANGE_ITEM_INSERTED:
    case CJM_CHANGE_ITEM_MOVED:
      if (kind_shapes_pages (change->kind)
          || g_hash_table_contains (self->shown_items, change->item)
          || (shown_kind == CJM_KIND_OPPORTUNITY
              && (change->kind == CJM_KIND_TOUCHPOINT || change->kind == CJM_KIND_NOTE)))
        schedule_rebuild (self);
      break;

    case CJM_CHANGE_FIELD:
      for (guint i = 0; i < self->bindings->len; i++)
        {
          Binding *binding = g_ptr_array_index (self->bindings, i);

          if (binding->item == change->item && binding->field == change->field)
            binding_refresh (binding);
        }
      /* Names shown in choices, and fields that decide which rows a page
       * has (a lane's kind, a card's stage for what it may address). */
      if ((self->item != NULL && kind_shapes_pages (change->kind) && change->field == CJM_FIELD_NAME)
          || (change->item == self->item
              && (change->field == CJM_FIELD_LANE_KIND || change->field == CJM_FIELD_STAGE
                  || change->field == CJM_FIELD_LANE)))
        schedule_rebuild (self);
      break;

    case CJM_CHANGE_LIST:
      if (g_hash_table_contains (self->shown_items, change->item))
        schedule_rebuild (self);
      break;

    default:
      break;
    }
}

/* GObject */

static void
cjm_inspector_dispose (GObject *object)
{
  CjmInspector *self = CJM_INSPECTOR (object);

  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  if (self->scroll_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick);
  self->scroll_tick = 0;
  if (self->bindings != NULL)
    for (guint i = 0; i < self->bindings->len; i++)
      ((Binding *) g_ptr_array_index (self->bindings, i))->self = NULL;
  if (self->document_signals != NULL)
    g_signal_group_set_target (self->document_signals, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CJM_TYPE_INSPECTOR);
  self->page = NULL;

  g_clear_pointer (&self->bindings, g_ptr_array_unref);
  g_clear_pointer (&self->shown_items, g_hash_table_unref);
  g_clear_pointer (&self->expanded, g_hash_table_unref);
  g_clear_pointer (&self->pending_focus, g_free);
  g_clear_object (&self->document_signals);
  g_clear_object (&self->document);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (cjm_inspector_parent_class)->dispose (object);
}

static void
cjm_inspector_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CjmInspector *self = CJM_INSPECTOR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cjm_inspector_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CjmInspector *self = CJM_INSPECTOR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      cjm_inspector_set_document (self, g_value_get_object (value));
      break;

    case PROP_ITEM:
      cjm_inspector_set_item (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cjm_inspector_class_init (CjmInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cjm_inspector_dispose;
  object_class->get_property = cjm_inspector_get_property;
  object_class->set_property = cjm_inspector_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         CJM_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         CJM_TYPE_ITEM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/cjm-inspector.ui");
  gtk_widget_class_bind_template_child (widget_class, CjmInspector, scroller);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "inspector");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
cjm_inspector_init (CjmInspector *self)
{
  GtkEventController *key;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->bindings = g_ptr_array_new_with_free_func (binding_unref);
  self->shown_items = g_hash_table_new (NULL, NULL);
  self->expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  self->document_signals = g_signal_group_new (CJM_TYPE_DOCUMENT);
  g_signal_group_connect_object (self->document_signals, "changed",
                                 G_CALLBACK (on_document_changed), self, G_CONNECT_SWAPPED);

  key = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect_object (key, "key-pressed", G_CALLBACK (on_key_pressed), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), key);

  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "changed",
                           G_CALLBACK (on_vadjustment_changed), self, 0);
}

/* Private API (cjm-inspector-pages.c) */

Binding *
_cjm_inspector_bind (CjmInspector *self,
                     BindingType   type,
                     CjmItem      *item,
                     CjmField      field,
                     GtkWidget    *widget)
{
  Binding *binding = g_rc_box_new0 (Binding);

  binding->self = self;
  binding->type = type;
  binding->item = g_object_ref (item);
  binding->field = field;
  binding->widget = widget;
  g_ptr_array_add (self->bindings, binding);
  g_hash_table_add (self->shown_items, item);

  switch (type)
    {
    case BINDING_TEXT:
    case BINDING_LIST_TEXT:
      {
        GtkEventController *focus = gtk_event_controller_focus_new ();

        connect_binding (widget, "changed", G_CALLBACK (on_editable_changed), binding);
        connect_binding (widget, ADW_IS_ENTRY_ROW (widget) ? "entry-activated" : "activate",
                         G_CALLBACK (on_editable_activate), binding);
        g_signal_connect_data (focus, "leave", G_CALLBACK (on_focus_leave),
                               g_rc_box_acquire (binding), binding_closure_notify, 0);
        gtk_widget_add_controller (widget, focus);
      }
      break;

    case BINDING_CHOICE:
      connect_binding (widget, "notify::selected", G_CALLBACK (on_combo_notify_selected), binding);
      break;

    case BINDING_SWITCH:
      connect_binding (widget, "notify::active", G_CALLBACK (on_switch_notify_active), binding);
      break;

    case BINDING_SPIN:
      connect_binding (widget, "value-changed", G_CALLBACK (on_spin_value_changed), binding);
      break;

    case BINDING_COLOR:
      connect_binding (widget, "color-set", G_CALLBACK (on_color_set), binding);
      break;

    case BINDING_ID_CHECK:
      connect_binding (widget, "toggled", G_CALLBACK (on_check_toggled), binding);
      break;

    case BINDING_TITLE:
    default:
      break;
    }

  return binding;
}

char *
_cjm_inspector_binding_key (Binding *binding)
{
  if (binding->type == BINDING_LIST_TEXT)
    return g_strdup_printf ("%p/list%u/%u/%u", binding->item, binding->list,
                            binding->index, binding->part);
  if (binding->type == BINDING_ID_CHECK)
    return g_strdup_printf ("%p/field%u/%s", binding->item, binding->field, binding->id);
  return g_strdup_printf ("%p/field%u", binding->item, binding->field);
}

void
_cjm_inspector_binding_commit (Binding *binding)
{
  binding_commit (binding);
}

void
_cjm_inspector_binding_closure_notify (gpointer  data,
                                       GClosure *closure)
{
  binding_unref (data);
}

void
_cjm_inspector_show_item (CjmInspector *self,
                          CjmItem      *item)
{
  g_hash_table_add (self->shown_items, item);
}

static void
on_expander_notify_expanded (AdwExpanderRow *row,
                             GParamSpec     *pspec,
                             CjmInspector   *self)
{
  const char *key = g_object_get_data (G_OBJECT (row), "cjm-expander-key");

  if (adw_expander_row_get_expanded (row))
    g_hash_table_add (self->expanded, g_strdup (key));
  else
    g_hash_table_remove (self->expanded, key);
}

void
_cjm_inspector_track_expanded (CjmInspector   *self,
                               AdwExpanderRow *row,
                               const char     *key)
{
  g_object_set_data_full (G_OBJECT (row), "cjm-expander-key", g_strdup (key), g_free);
  adw_expander_row_set_expanded (row, g_hash_table_contains (self->expanded, key));
  g_signal_connect_object (row, "notify::expanded",
                           G_CALLBACK (on_expander_notify_expanded), self, 0);
}

void
_cjm_inspector_focus_after (CjmInspector *self,
                            const char   *key,
                            gboolean      select_all)
{
  g_free (self->pending_focus);
  self->pending_focus = g_strdup (key);
  self->pending_select = select_all;
}

/* Public API */

GtkWidget *
cjm_inspector_new (void)
{
  return g_object_new (CJM_TYPE_INSPECTOR, NULL);
}

CjmDocument *
cjm_inspector_get_document (CjmInspector *self)
{
  g_return_val_if_fail (CJM_IS_INSPECTOR (self), NULL);
  return self->document;
}

void
cjm_inspector_set_document (CjmInspector *self,
                            CjmDocument  *document)
{
  g_return_if_fail (CJM_IS_INSPECTOR (self));
  g_return_if_fail (!document || CJM_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  commit_all (self);
  self->reset_scroll = TRUE;
  g_set_object (&self->document, document);
  g_signal_group_set_target (self->document_signals, document);
  g_hash_table_remove_all (self->expanded);
  if (self->item != NULL)
    {
      g_clear_object (&self->item);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
    }
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

CjmItem *
cjm_inspector_get_item (CjmInspector *self)
{
  g_return_val_if_fail (CJM_IS_INSPECTOR (self), NULL);
  return self->item;
}

void
cjm_inspector_set_item (CjmInspector *self,
                        CjmItem      *item)
{
  g_return_if_fail (CJM_IS_INSPECTOR (self));
  g_return_if_fail (!item || CJM_IS_ITEM (item));

  if (item != NULL && cjm_item_get_kind (item) == CJM_KIND_MAP)
    item = NULL;
  if (self->item == item)
    return;

  commit_all (self);
  self->reset_scroll = TRUE;
  g_set_object (&self->item, item);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

void
cjm_inspector_commit (CjmInspector *self)
{
  g_return_if_fail (CJM_IS_INSPECTOR (self));
  commit_all (self);
}
