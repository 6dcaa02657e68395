/* cjm-application.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CjmApplication"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "cjm-application.h"
#include "cjm-drafts.h"
#include "cjm-edit.h"
#include "cjm-preferences-window.h"
#include "cjm-template-gallery.h"
#include "cjm-templates.h"
#include "cjm-window.h"

struct _CjmApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;      /* NULL when the schema is not installed */
};

G_DEFINE_FINAL_TYPE (CjmApplication, cjm_application, ADW_TYPE_APPLICATION)

/* Static helpers */

/* An error about opening @what, in @window or a new one. */
static void
show_open_error (CjmApplication *self,
                 CjmWindow      *window,
                 const char     *heading,
                 const GError   *error)
{
  if (window == NULL)
    window = CJM_WINDOW (cjm_application_new_window (self));
  gtk_window_present (GTK_WINDOW (window));
  cjm_window_show_error (window, heading, error);
}

/* An untouched blank @window takes @document; otherwise a new window. */
static CjmWindow *
window_for_document (CjmApplication *self,
                     CjmWindow      *window,
                     CjmDocument    *document)
{
  if (window != NULL && cjm_window_is_pristine (window))
    cjm_window_set_document (window, document);
  else
    window = cjm_window_new (self, document);
  return window;
}

/* The application's settings, or NULL when the schema is not installed. */
GSettings *
cjm_application_dup_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  return schema != NULL ? g_settings_new (APPLICATION_ID) : NULL;
}

/* A new map takes the default emotion spread of the preferences, unless
 * its template has one; it stays an untouched new map. */
static void
apply_new_map_defaults (CjmDocument *document)
{
  g_autoptr(GSettings) settings = cjm_application_dup_settings ();
  CjmItem *map = cjm_document_get_map (document);
  g_autofree char *spread = NULL;

  if (settings == NULL || cjm_item_get_field (map, CJM_FIELD_EMOTION_SPREAD) != NULL)
    return;
  spread = g_strdup_printf ("%d", g_settings_get_int (settings, "default-emotion-spread"));
  /* The checker's own default needs no attribute in the file. */
  if (cjm_document_get_emotion_spread (document) == atoi (spread))
    return;
  cjm_document_set_field (document, map, CJM_FIELD_EMOTION_SPREAD, spread);
  cjm_document_clear_history (document);
  cjm_document_set_clean (document);
}

/* The map a new window starts with: the default template of the
 * preferences, else the built-in blank map. */
static CjmDocument *
new_default_document (void)
{
  g_autoptr(GSettings) settings = cjm_application_dup_settings ();
  g_autofree char *name = settings ? g_settings_get_string (settings, "default-template") : NULL;
  g_autoptr(CjmTemplate) template = NULL;
  CjmDocument *document = NULL;

  if (name != NULL && *name != '\0' && (template = cjm_templates_find (name)) != NULL)
    document = cjm_template_instantiate (template, NULL);
  if (document == NULL)
    document = cjm_document_new_blank (NULL);
  apply_new_map_defaults (document);
  return document;
}

/* The style the preferences ask for: the desktop's, light or dark. */
static void
apply_color_scheme (CjmApplication *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  g_autofree char *scheme = g_settings_get_string (self->settings, "color-scheme");

  if (g_strcmp0 (scheme, "light") == 0)
    adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  else if (g_strcmp0 (scheme, "dark") == 0)
    adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  else
    adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
}

static void
on_settings_color_scheme_changed (CjmApplication *self)
{
  apply_color_scheme (self);
}

static CjmWindow *
get_active_window (CjmApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  return CJM_IS_WINDOW (window) ? CJM_WINDOW (window) : NULL;
}

static CjmWindow *
find_window_for_file (CjmApplication *self,
                      GFile          *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      CjmDocument *document;
      GFile *shown;

      if (!CJM_IS_WINDOW (l->data))
        continue;
      document = cjm_window_get_document (l->data);
      shown = document ? cjm_document_get_file (document) : NULL;
      if (shown != NULL && g_file_equal (shown, file))
        return l->data;
    }
  return NULL;
}

static void
on_open_chooser_response (GtkNativeDialog *chooser,
                          int              response,
                          CjmApplication  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);

          cjm_application_open_file (self, file);
        }
    }
  g_object_unref (chooser);
}

/* Actions */

static void
cjm_application_action_open (GSimpleAction *action,
                             GVariant      *param,
                             gpointer       user_data)
{
  CjmApplication *self = CJM_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GtkFileFilter) maps = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  g_autoptr(GSettingsSchema) schema = NULL;
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Open Maps"), parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);

  gtk_file_filter_set_name (maps, _("Journey Maps"));
  gtk_file_filter_add_mime_type (maps, "application/x-cjm+xml");
  gtk_file_filter_add_pattern (maps, "*.cjm");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), maps);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), maps);

  if (source != NULL && (schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE)))
    {
      g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
      g_autofree char *uri = g_settings_get_string (settings, "last-folder");

      if (*uri != '\0')
        {
          g_autoptr(GFile) folder = g_file_new_for_uri (uri);

          gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
        }
    }

  g_signal_connect_object (chooser, "response", G_CALLBACK (on_open_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
cjm_application_action_open_uri (GSimpleAction *action,
                                 GVariant      *param,
                                 gpointer       user_data)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));

  cjm_application_open_file (CJM_APPLICATION (user_data), file);
}

static void
cjm_application_action_new_window (GSimpleAction *action,
                                   GVariant      *param,
                                   gpointer       user_data)
{
  cjm_application_new_window (CJM_APPLICATION (user_data));
}

static void
cjm_application_action_new_from_template (GSimpleAction *action,
                                          GVariant      *parameter,
                                          gpointer       user_data)
{
  CjmApplication *self = CJM_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  gtk_window_present (GTK_WINDOW (cjm_template_gallery_new (parent)));
}

static void
cjm_application_action_about (GSimpleAction *action,
                              GVariant      *param,
                              gpointer       user_data)
{
  CjmApplication *self = CJM_APPLICATION (user_data);
  static const char *developers[] = { "The Journeyman team", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "application-name", _("Journeyman"),
                        "application-icon", APPLICATION_ID,
                        "developer-name", _("The Journeyman team"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Draw customer-journey maps and find where the channels "
                                      "of a journey disagree."),
                        "website", "https://github.com/journeyman/journeyman",
                        "issue-url", "https://github.com/journeyman/journeyman/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: put your names here, one a line */
                        "translator-credits", _("translator-credits"),
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "modal", TRUE,
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
cjm_application_action_preferences (GSimpleAction *action,
                                    GVariant      *param,
                                    gpointer       user_data)
{
  CjmApplication *self = CJM_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  CjmPreferencesWindow *preferences;

  if (self->settings == NULL)
    {
      g_warning ("Schema %s is not installed; there are no preferences to show", APPLICATION_ID);
      return;
    }
  /* Over the preferences already open, that one comes forward. */
  if (CJM_IS_PREFERENCES_WINDOW (parent))
    {
      gtk_window_present (parent);
      return;
    }
  preferences = cjm_preferences_window_new (parent, self->settings);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
cjm_application_action_shortcuts (GSimpleAction *action,
                                  GVariant      *param,
                                  gpointer       user_data)
{
  CjmWindow *window = get_active_window (CJM_APPLICATION (user_data));

  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
}

static void
cjm_application_action_quit (GSimpleAction *action,
                             GVariant      *param,
                             gpointer       user_data)
{
  CjmApplication *self = CJM_APPLICATION (user_data);
  g_autoptr(GList) windows = NULL;

  /* Each window asks about its own unsaved changes; the application ends
   * when the last one has closed. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static const GActionEntry app_actions[] = {
  { "new-window", cjm_application_action_new_window },
  { "new-from-template", cjm_application_action_new_from_template },
  { "open", cjm_application_action_open },
  { "open-uri", cjm_application_action_open_uri, "s" },
  { "preferences", cjm_application_action_preferences },
  { "about", cjm_application_action_about },
  { "shortcuts", cjm_application_action_shortcuts },
  { "quit", cjm_application_action_quit },
};

/* GApplication */

static void
cjm_application_startup (GApplication *application)
{
  CjmApplication *self = CJM_APPLICATION (application);
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.new-window", { "<Control>n", NULL } },
    { "app.new-from-template", { "<Control><Shift>n", NULL } },
    { "app.open", { "<Control>o", NULL } },
    { "win.save-as", { "<Control><Shift>s", NULL } },
    { "win.map-properties", { "<Alt>Return", NULL } },
    { "app.quit", { "<Control>q", NULL } },
    { "app.shortcuts", { "<Control>question", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
  };

  G_APPLICATION_CLASS (cjm_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action,
                                           accels[i].accels);

  gtk_window_set_default_icon_name (APPLICATION_ID);
  cjm_drafts_init_application (GTK_APPLICATION (self));

  self->settings = cjm_application_dup_settings ();
  if (self->settings != NULL)
    {
      g_signal_connect_object (self->settings, "changed::color-scheme",
                               G_CALLBACK (on_settings_color_scheme_changed), self,
                               G_CONNECT_SWAPPED);
      apply_color_scheme (self);
    }
}

static void
cjm_application_activate (GApplication *application)
{
  CjmApplication *self = CJM_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window != NULL)
    gtk_window_present (window);
  else
    cjm_application_new_window (self);
}

static void
cjm_application_open (GApplication  *application,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  CjmApplication *self = CJM_APPLICATION (application);

  for (int i = 0; i < n_files; i++)
    cjm_application_open_file (self, files[i]);
}

static void
cjm_application_dispose (GObject *object)
{
  CjmApplication *self = CJM_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (cjm_application_parent_class)->dispose (object);
}

static void
cjm_application_class_init (CjmApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = cjm_application_dispose;

  app_class->startup = cjm_application_startup;
  app_class->activate = cjm_application_activate;
  app_class->open = cjm_application_open;
}

static void
cjm_application_init (CjmApplication *self)
{
  g_set_application_name (_("Journeyman"));
}

/* Public API */

CjmApplication *
cjm_application_new (const char        *application_id,
                     GApplicationFlags  flags)
{
  g_return_val_if_fail (application_id != NULL, NULL);

  return g_object_new (CJM_TYPE_APPLICATION,
                       "application-id", application_id,
                       "flags", flags,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

GtkWindow *
cjm_application_new_window (CjmApplication *self)
{
  g_autoptr(CjmDocument) document = NULL;
  CjmWindow *window;

  g_return_val_if_fail (CJM_IS_APPLICATION (self), NULL);

  document = new_default_document ();
  window = cjm_window_new (self, document);
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}

GtkWindow *
cjm_application_new_from_template (CjmApplication    *self,
                                   const CjmTemplate *template,
                                   GtkWindow         *parent)
{
  g_autoptr(CjmDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  CjmWindow *window = CJM_IS_WINDOW (parent) ? CJM_WINDOW (parent) : NULL;

  g_return_val_if_fail (CJM_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (template != NULL, NULL);

  document = cjm_template_instantiate (template, &error);
  if (document == NULL)
    {
      /* Translators: %s is the name of a template */
      g_autofree char *heading = g_strdup_printf (_("Could Not Open the Template “%s”"),
                                                  template->name);

      show_open_error (self, window, heading, error);
      return NULL;
    }
  apply_new_map_defaults (document);

  window = window_for_document (self, window, document);
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}

GtkWindow *
cjm_application_open_file (CjmApplication *self,
                           GFile          *file)
{
  g_autoptr(CjmDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  CjmWindow *window;

  g_return_val_if_fail (CJM_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  /* A map opened twice: its window comes forward. */
  if ((window = find_window_for_file (self, file)) != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return GTK_WINDOW (window);
    }

  window = get_active_window (self);
  document = cjm_document_new_from_file (file, &error);
  if (document == NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      /* Translators: %s is a file name */
      g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), name);

      show_open_error (self, window, heading, error);
      return NULL;
    }

  window = window_for_document (self, window, document);

  cjm_window_add_recent (window, file);
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}
