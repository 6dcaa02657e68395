/* cjm-preferences-window.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The preferences window. The rows are bound to the settings both ways,
 * so a change made elsewhere (another window, dconf) shows at once; the
 * combo rows map the position of their item to the key's choice.
 */

#define G_LOG_DOMAIN "CjmPreferences"

#include "config.h"

#include <glib/gi18n.h>

#include "cjm-finding.h"
#include "cjm-page-setup.h"
#include "cjm-preferences-window.h"
#include "cjm-templates.h"

struct _CjmPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  GPtrArray            *template_files;   /* file names; "" for the built-in blank map */
  GPtrArray            *rule_switches;    /* GtkSwitch named by its rule's id */
  gboolean              syncing_rules;

  AdwComboRow          *color_scheme_row;
  GtkSwitch            *minimap_switch;
  AdwComboRow          *template_row;
  GtkSpinButton        *spread_spin;
  AdwComboRow          *paper_row;
  AdwComboRow          *orientation_row;
  AdwPreferencesGroup  *rules_group;
};

G_DEFINE_FINAL_TYPE (CjmPreferencesWindow, cjm_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static const char * const color_schemes[] = { "system", "light", "dark", NULL };
static const char * const orientations[] = { "landscape", "portrait", NULL };

/* Static helpers */

/* A string key <-> the position of a combo row: choices is the
 * NULL-terminated list of the key's values in the rows' order. */
static gboolean
choice_get_mapping (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  const char * const *choices = user_data;
  const char *text = g_variant_get_string (variant, NULL);

  for (guint i = 0; choices[i] != NULL; i++)
    if (g_strcmp0 (choices[i], text) == 0)
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
choice_set_mapping (const GValue       *value,
                    const GVariantType *expected_type,
                    gpointer            user_data)
{
  const char * const *choices = user_data;
  guint position = g_value_get_uint (value);

  if (position >= g_strv_length ((GStrv) choices))
    return NULL;
  return g_variant_new_string (choices[position]);
}

/* The paper sizes in the order of CjmPaper, which is the rows' order. */
static const char * const *
paper_choices (void)
{
  static const char *choices[CJM_N_PAPERS + 1];
  static gsize filled = 0;

  if (g_once_init_enter (&filled))
    {
      for (guint i = 0; i < CJM_N_PAPERS; i++)
        choices[i] = cjm_paper_to_string (i);
      g_once_init_leave (&filled, 1);
    }
  return choices;
}

static gboolean
int_get_mapping (GValue   *value,
                 GVariant *variant,
                 gpointer  user_data)
{
  g_value_set_double (value, g_variant_get_int32 (variant));
  return TRUE;
}

static GVariant *
int_set_mapping (const GValue       *value,
                 const GVariantType *expected_type,
                 gpointer            user_data)
{
  return g_variant_new_int32 ((gint32) g_value_get_double (value));
}

/* The templates: the built-in blank map first, then the installed and
 * the user's, as the gallery lists them. */
static void
fill_templates (CjmPreferencesWindow *self)
{
  g_autoptr(GPtrArray) templates = cjm_templates_list ();
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  self->template_files = g_ptr_array_new_with_free_func (g_free);
  gtk_string_list_append (names, _("Blank Map"));
  g_ptr_array_add (self->template_files, g_strdup (""));
  for (guint i = 0; i < templates->len; i++)
    {
      CjmTemplate *template = g_ptr_array_index (templates, i);

      if (template->user)
        {
          /* Translators: a template in the preferences' list; %s is its name */
          g_autofree char *label = g_strdup_printf (_("%s (yours)"), template->name);

          gtk_string_list_append (names, label);
        }
      else
        gtk_string_list_append (names, template->name);
      g_ptr_array_add (self->template_files, g_path_get_basename (template->path));
    }
  adw_combo_row_set_model (self->template_row, G_LIST_MODEL (names));
}

static gboolean
template_get_mapping (GValue   *value,
                      GVariant *variant,
                      gpointer  user_data)
{
  CjmPreferencesWindow *self = user_data;
  const char *name = g_variant_get_string (variant, NULL);
  guint position = 0;

  /* A template that is no longer there: the blank map is what a new
   * window gets. */
  g_ptr_array_find_with_equal_func (self->template_files, name, g_str_equal, &position);
  g_value_set_uint (value, position);
  return TRUE;
}

static GVariant *
template_set_mapping (const GValue       *value,
                      const GVariantType *expected_type,
                      gpointer            user_data)
{
  CjmPreferencesWindow *self = user_data;
  guint position = g_value_get_uint (value);

  if (position >= self->template_files->len)
    return NULL;
  return g_variant_new_string (g_ptr_array_index (self->template_files, position));
}

/* Sets each rule's switch from the settings. */
static void
sync_rule_switches (CjmPreferencesWindow *self)
{
  g_auto(GStrv) disabled = g_settings_get_strv (self->settings, "disabled-rules");

  self->syncing_rules = TRUE;
  for (guint i = 0; i < self->rule_switches->len; i++)
    {
      GtkSwitch *toggle = g_ptr_array_index (self->rule_switches, i);
      const char *id = gtk_widget_get_name (GTK_WIDGET (toggle));
      gboolean off = FALSE;

      for (guint k = 0; disabled[k] != NULL && !off; k++)
        off = g_strcmp0 (cjm_rule_id_canonicalize (disabled[k]), id) == 0;
      gtk_switch_set_active (toggle, !off);
    }
  self->syncing_rules = FALSE;
}

/* Callbacks */

static void
on_rule_switch_notify_active (CjmPreferencesWindow *self)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) disabled = NULL;

  if (self->syncing_rules)
    return;
  builder = g_strv_builder_new ();
  for (guint i = 0; i < self->rule_switches->len; i++)
    {
      GtkSwitch *toggle = g_ptr_array_index (self->rule_switches, i);

      if (!gtk_switch_get_active (toggle))
        g_strv_builder_add (builder, gtk_widget_get_name (GTK_WIDGET (toggle)));
    }
  disabled = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "disabled-rules", (const char * const *) disabled);
}

static void
on_settings_disabled_rules_changed (CjmPreferencesWindow *self)
{
  sync_rule_switches (self);
}

/* One row per rule: its title, id and severity, and a switch that is on
 * while the rule is checked. */
static void
add_rule_rows (CjmPreferencesWindow *self)
{
  const char * const *ids = cjm_rule_list_ids ();

  self->rule_switches = g_ptr_array_new ();
  for (guint i = 0; ids[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *toggle = gtk_switch_new ();
      g_autofree char *subtitle = NULL;
      CjmSeverity severity = cjm_rule_id_get_severity (ids[i]);

      /* Translators: a rule's row in the preferences: its id, then its
       * severity ("CJM-F01 · Error") */
      subtitle = g_strdup_printf (_("%s · %s"), ids[i], cjm_severity_get_label (severity));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cjm_rule_id_get_title (ids[i]));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_name (toggle, ids[i]);
      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      cjm_rule_id_get_title (ids[i]), -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
      adw_preferences_group_add (self->rules_group, row);
      g_ptr_array_add (self->rule_switches, toggle);
      g_signal_connect_object (toggle, "notify::active",
                               G_CALLBACK (on_rule_switch_notify_active), self, G_CONNECT_SWAPPED);
    }
}

/* Vfuncs */

static void
cjm_preferences_window_dispose (GObject *object)
{
  CjmPreferencesWindow *self = CJM_PREFERENCES_WINDOW (object);

  if (self->settings != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->settings, self);
      /* The mappings read the lists that go below. */
      g_settings_unbind (self->color_scheme_row, "selected");
      g_settings_unbind (self->minimap_switch, "active");
      g_settings_unbind (self->template_row, "selected");
      g_settings_unbind (self->spread_spin, "value");
      g_settings_unbind (self->paper_row, "selected");
      g_settings_unbind (self->orientation_row, "selected");
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), CJM_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->template_files, g_ptr_array_unref);
  g_clear_pointer (&self->rule_switches, g_ptr_array_unref);

  G_OBJECT_CLASS (cjm_preferences_window_parent_class)->dispose (object);
}

static void
cjm_preferences_window_class_init (CjmPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cjm_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cjm-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CjmPreferencesWindow, color_scheme_row);
  gtk_widget_class_bind_template_child (widget_class, CjmPreferencesWindow, minimap_switch);
  gtk_widget_class_bind_template_child (widget_class, CjmPreferencesWindow, template_row);
  gtk_widget_class_bind_template_child (widget_class, CjmPreferencesWindow, spread_spin);
  gtk_widget_class_bind_template_child (widget_class, CjmPreferencesWindow, paper_row);
  gtk_widget_class_bind_template_child (widget_class, CjmPreferencesWindow, orientation_row);
  gtk_widget_class_bind_template_child (widget_class, CjmPreferencesWindow, rules_group);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close",
                                       NULL);
}

static void
cjm_preferences_window_init (CjmPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  fill_templates (self);
  add_rule_rows (self);
}

/* Public API */

CjmPreferencesWindow *
cjm_preferences_window_new (GtkWindow *parent,
                            GSettings *settings)
{
  CjmPreferencesWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (CJM_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
  self->settings = g_object_ref (settings);

  g_settings_bind_with_mapping (settings, "color-scheme", self->color_scheme_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, choice_get_mapping, choice_set_mapping,
                                (gpointer) color_schemes, NULL);
  g_settings_bind (settings, "show-minimap", self->minimap_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (settings, "default-template", self->template_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, template_get_mapping,
                                template_set_mapping, self, NULL);
  g_settings_bind_with_mapping (settings, "default-emotion-spread", self->spread_spin, "value",
                                G_SETTINGS_BIND_DEFAULT, int_get_mapping, int_set_mapping,
                                NULL, NULL);
  g_settings_bind_with_mapping (settings, "default-paper", self->paper_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, choice_get_mapping, choice_set_mapping,
                                (gpointer) paper_choices (), NULL);
  g_settings_bind_with_mapping (settings, "default-orientation", self->orientation_row,
                                "selected", G_SETTINGS_BIND_DEFAULT, choice_get_mapping,
                                choice_set_mapping, (gpointer) orientations, NULL);

  sync_rule_switches (self);
  g_signal_connect_object (settings, "changed::disabled-rules",
                           G_CALLBACK (on_settings_disabled_rules_changed), self,
                           G_CONNECT_SWAPPED);
  return self;
}
