/* cjm-window-actions.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's actions ("win.*"), their keyboard shortcuts, and the file
 * operations behind them: save, save as, revert, and the questions asked
 * on the way (unsaved changes on close, a file changed on disk).
 */

#define G_LOG_DOMAIN "CjmWindow"

#include "config.h"

#include <glib/gi18n.h>

#include "cjm-drafts.h"
#include "cjm-export-dialog.h"
#include "cjm-map-image.h"
#include "cjm-presenter.h"
#include "cjm-print.h"
#include "cjm-print-preview.h"
#include "cjm-templates.h"
#include "cjm-window-private.h"

static void save_as_with_chooser (CjmWindow *self);

/* Helpers */

static char *
dup_map_title (CjmWindow *self)
{
  const char *title = cjm_item_get_field (cjm_document_get_map (self->document), CJM_FIELD_TITLE);

  return g_strdup (title && *title ? title : _("Untitled journey"));
}

static void
remember_folder (CjmWindow *self,
                 GFile     *file)
{
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autofree char *uri = folder ? g_file_get_uri (folder) : NULL;

  if (self->settings != NULL && uri != NULL)
    g_settings_set_string (self->settings, "last-folder", uri);
}

static GtkFileFilter *
cjm_file_filter_new (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Journey Maps"));
  gtk_file_filter_add_mime_type (filter, "application/x-cjm+xml");
  gtk_file_filter_add_pattern (filter, "*.cjm");
  return filter;
}

static gboolean
close_cb (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

/* Closes once the dialog that asked has finished with its response (it
 * is transient for this window). */
static void
close_confirmed (CjmWindow *self)
{
  self->close_confirmed = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT, close_cb, g_object_ref (self), g_object_unref);
}

static void
finish_close_if_asked (CjmWindow *self)
{
  if (self->close_after_save && !cjm_document_get_modified (self->document))
    close_confirmed (self);
}

/* The file changed on disk */

static void
on_changed_on_disk_response (AdwMessageDialog *dialog,
                             const char       *response,
                             CjmWindow        *self)
{
  GFile *file = g_object_get_data (G_OBJECT (dialog), "cjm-file");

  if (g_strcmp0 (response, "overwrite") == 0)
    {
      cjm_window_save_to (self, file, CJM_SAVE_FORCE);
    }
  else if (g_strcmp0 (response, "reload") == 0)
    {
      g_autoptr(GError) error = NULL;

      self->close_after_save = FALSE;
      if (!cjm_document_reload (self->document, &error))
        cjm_window_show_error (self, _("Could Not Reload the Map"), error);
      else
        cjm_window_add_toast (self, adw_toast_new (_("Reloaded the map from disk")));
    }
  else
    self->close_after_save = FALSE;
}

static void
ask_changed_on_disk (CjmWindow *self,
                     GFile     *file)
{
  g_autofree char *name = g_file_get_basename (file);
  AdwMessageDialog *dialog;

  /* Whatever the answer, these edits stay recoverable as a draft. */
  cjm_drafts_keep_copy (self);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("The File Changed on Disk"), NULL));
  adw_message_dialog_format_body (dialog,
                                  _("Someone changed “%s” since you opened it. Save over "
                                    "their changes, or reload the file and lose yours?"),
                                  name);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "reload", _("_Reload"),
                                    "overwrite", _("_Save Anyway"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "reload", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "overwrite", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "cjm-file", g_object_ref (file), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_changed_on_disk_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Save as */

static void
on_save_chooser_response (GtkNativeDialog *chooser,
                          int              response,
                          CjmWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      cjm_window_save_to (self, file, CJM_SAVE_DEFAULT);
    }
  else
    self->close_after_save = FALSE;

  g_object_unref (chooser);
}

static void
save_as_with_chooser (CjmWindow *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = cjm_file_filter_new ();
  GFile *file = cjm_document_get_file (self->document);

  chooser = gtk_file_chooser_native_new (_("Save Map As"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  if (file != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, NULL);
  else
    {
      g_autofree char *title = dup_map_title (self);
      g_autofree char *name = NULL;

      g_strdelimit (title, "/\\", '-');
      name = g_strdup_printf ("%s.cjm", title);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
      if (self->settings != NULL)
        {
          g_autofree char *uri = g_settings_get_string (self->settings, "last-folder");

          if (*uri != '\0')
            {
              g_autoptr(GFile) folder = g_file_new_for_uri (uri);

              gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
            }
        }
    }

  g_signal_connect_object (chooser, "response", G_CALLBACK (on_save_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Closing with unsaved changes */

static void
on_unsaved_response (AdwMessageDialog *dialog,
                     const char       *response,
                     CjmWindow        *self)
{
  if (g_strcmp0 (response, "discard") == 0)
    close_confirmed (self);
  else if (g_strcmp0 (response, "save") == 0)
    {
      GFile *file = cjm_document_get_file (self->document);

      self->close_after_save = TRUE;
      if (file != NULL)
        cjm_window_save_to (self, file, CJM_SAVE_DEFAULT);
      else
        save_as_with_chooser (self);
    }
}

gboolean
_cjm_window_confirm_close (CjmWindow *self)
{
  g_autofree char *title = NULL;
  AdwMessageDialog *dialog;

  if (self->close_confirmed || self->document == NULL)
    return TRUE;

  cjm_inspector_commit (self->inspector);
  if (!cjm_document_get_modified (self->document))
    return TRUE;

  title = dup_map_title (self);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"), NULL));
  adw_message_dialog_format_body (dialog,
                                  _("“%s” has changes that are not saved. "
                                    "Changes that are not saved are lost for good."),
                                  title);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_unsaved_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return FALSE;
}

/* Revert */

static void
revert (CjmWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!cjm_document_reload (self->document, &error))
    cjm_window_show_error (self, _("Could Not Revert the Map"), error);
}

static void
on_revert_response (AdwMessageDialog *dialog,
                    const char       *response,
                    CjmWindow        *self)
{
  if (g_strcmp0 (response, "revert") == 0)
    revert (self);
}

/* Actions */

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

static void
cjm_window_action_map_properties (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *param)
{
  CjmWindow *self = CJM_WINDOW (widget);

  cjm_inspector_set_item (self->inspector, NULL);
  adw_flap_set_reveal_flap (self->flap, TRUE);
  gtk_widget_child_focus (GTK_WIDGET (self->inspector), GTK_DIR_TAB_FORWARD);
}

static void
cjm_window_action_save (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  CjmWindow *self = CJM_WINDOW (widget);
  GFile *file = cjm_document_get_file (self->document);

  cjm_inspector_commit (self->inspector);
  /* A read-only file (see the banner) is saved elsewhere. */
  if (file != NULL && !self->read_only)
    cjm_window_save_to (self, file, CJM_SAVE_DEFAULT);
  else
    save_as_with_chooser (self);
}

static void
cjm_window_action_save_as (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  CjmWindow *self = CJM_WINDOW (widget);

  cjm_inspector_commit (self->inspector);
  save_as_with_chooser (self);
}

static void
cjm_window_action_save_as_file (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *param)
{
  CjmWindow *self = CJM_WINDOW (widget);
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (g_variant_get_string (param, NULL));

  cjm_inspector_commit (self->inspector);
  cjm_window_save_to (self, file, CJM_SAVE_DEFAULT);
}

static void
cjm_window_action_revert (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  CjmWindow *self = CJM_WINDOW (widget);
  g_autofree char *name = NULL;
  AdwMessageDialog *dialog;

  cjm_inspector_commit (self->inspector);
  if (!cjm_document_get_modified (self->document))
    {
      revert (self);
      return;
    }

  name = g_file_get_basename (cjm_document_get_file (self->document));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Revert Unsaved Changes?"), NULL));
  adw_message_dialog_format_body (dialog,
                                  _("The map goes back to “%s” as it was last saved. "
                                    "Your changes since then are lost, and cannot be undone."),
                                  name);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "revert", _("_Revert"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "revert", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_revert_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cjm_window_action_print (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CjmWindow *self = CJM_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->document == NULL)
    return;
  cjm_print_run (self->document, self->checker, GTK_WINDOW (self), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                 NULL, &error);
}

static void
cjm_window_action_print_preview (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  CjmWindow *self = CJM_WINDOW (widget);

  if (self->document == NULL)
    return;
  gtk_window_present (GTK_WINDOW (cjm_print_preview_new (GTK_WINDOW (self), self->document, self->checker)));
}

static void
on_open_export_clicked (AdwToast  *toast,
                        CjmWindow *self)
{
  GFile *file = g_object_get_data (G_OBJECT (toast), "cjm-file");
  g_autofree char *uri = g_file_get_uri (file);

  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

static void
on_export_dialog_exported (CjmExportDialog *dialog,
                           GFile           *file,
                           CjmWindow       *self)
{
  g_autofree char *name = g_file_get_basename (file);
  /* Translators: %s is a file name */
  g_autofree char *title = g_strdup_printf (_("Exported “%s”"), name);
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("_Open"));
  g_object_set_data_full (G_OBJECT (toast), "cjm-file", g_object_ref (file), g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_open_export_clicked), self, 0);
  cjm_window_add_toast (self, toast);
}

static void
cjm_window_action_export (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  CjmWindow *self = CJM_WINDOW (widget);
  CjmExportDialog *dialog;

  if (self->document == NULL)
    return;
  cjm_inspector_commit (self->inspector);
  dialog = cjm_export_dialog_new (GTK_WINDOW (self), self->document, self->checker);
  g_signal_connect_object (dialog, "exported", G_CALLBACK (on_export_dialog_exported), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cjm_window_action_copy_image (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  CjmWindow *self = CJM_WINDOW (widget);
  g_autoptr(GdkTexture) texture = NULL;
  GPtrArray *selection;

  if (self->document == NULL)
    return;
  selection = self->canvas != NULL ? cjm_canvas_get_selection (self->canvas) : NULL;
  /* Twice the map's size: sharp on slides. */
  texture = cjm_map_image_render (self->document, 2.0, selection, NULL);
  gdk_clipboard_set_texture (gtk_widget_get_clipboard (widget), texture);
  cjm_window_add_toast (self, adw_toast_new (selection != NULL && selection->len > 0
                                             ? _("Copied the selection as an image")
                                             : _("Copied the map as an image")));
}

static void
cjm_window_action_present (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  CjmWindow *self = CJM_WINDOW (widget);

  if (self->document == NULL)
    return;
  cjm_inspector_commit (self->inspector);
  gtk_window_present (GTK_WINDOW (cjm_presenter_new (GTK_WINDOW (self), self->document)));
}

static void
cjm_window_action_save_as_template (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  CjmWindow *self = CJM_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;

  if (self->document == NULL)
    return;
  cjm_inspector_commit (self->inspector);
  file = cjm_templates_save (self->document, &error);
  if (file == NULL)
    cjm_window_show_error (self, _("Could Not Save the Template"), error);
  else
    cjm_window_add_toast (self, adw_toast_new (_("Saved as a template; find it under New from Template")));
}

void
_cjm_window_update_actions (CjmWindow *self)
{
  gboolean has_document = self->document != NULL;
  gboolean has_file = has_document && cjm_document_get_file (self->document) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 has_document && cjm_document_can_undo (self->document));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 has_document && cjm_document_can_redo (self->document));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as-file", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.revert", has_file);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print-preview", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy-image", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.present", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as-template", has_document);
}

/* Recent maps, for the Open button's menu */

static gint
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GDateTime *ta = gtk_recent_info_get_modified ((GtkRecentInfo *) a);
  GDateTime *tb = gtk_recent_info_get_modified ((GtkRecentInfo *) b);

  return g_date_time_compare (tb, ta);
}

void
_cjm_window_update_recent (CjmWindow *self)
{
  GList *items = gtk_recent_manager_get_items (self->recent_manager);
  g_autoptr(GMenu) recent = g_menu_new ();
  g_autoptr(GMenu) other = g_menu_new ();
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  guint limit = self->settings ? g_settings_get_uint (self->settings, "recent-limit") : 10;

  items = g_list_sort (items, compare_recent);
  for (GList *l = items; l != NULL && shown->len < limit; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);
      const char *name = gtk_recent_info_get_display_name (info);

      if (g_strcmp0 (gtk_recent_info_get_mime_type (info), "application/x-cjm+xml") != 0
          && !g_str_has_suffix (uri, ".cjm"))
        continue;
      if (!gtk_recent_info_exists (info))
        continue;

      g_ptr_array_add (shown, info);
      g_hash_table_insert (names, (gpointer) name,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (names, name)) + 1));
    }

  for (guint i = 0; i < shown->len; i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (shown, i);
      const char *uri = gtk_recent_info_get_uri (info);
      const char *name = gtk_recent_info_get_display_name (info);
      g_autoptr(GMenuItem) item = NULL;
      g_autofree char *label = NULL;

      /* Maps of the same name in different folders: the folder tells them
       * apart. */
      if (GPOINTER_TO_UINT (g_hash_table_lookup (names, name)) > 1)
        {
          g_autoptr(GFile) file = g_file_new_for_uri (uri);
          g_autoptr(GFile) folder = g_file_get_parent (file);
          g_autofree char *folder_name = folder ? g_file_get_basename (folder) : NULL;

          /* Translators: a recent map's name and its folder's name */
          label = folder_name ? g_strdup_printf (_("%s (in %s)"), name, folder_name) : g_strdup (name);
        }
      else
        label = g_strdup (name);

      /* Menu labels take "_" as a mnemonic: a file name's are doubled. */
      {
        g_auto(GStrv) parts = g_strsplit (label, "_", -1);
        g_autofree char *escaped = g_strjoinv ("__", parts);

        item = g_menu_item_new (escaped, NULL);
      }
      g_menu_item_set_action_and_target (item, "app.open-uri", "s", uri);
      g_menu_append_item (recent, item);
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);

  g_menu_remove_all (self->recent_menu);
  if (shown->len > 0)
    g_menu_append_section (self->recent_menu, _("Recent Maps"), G_MENU_MODEL (recent));
  g_menu_append (other, _("_Other Maps…"), "app.open");
  g_menu_append_section (self->recent_menu, NULL, G_MENU_MODEL (other));
}

/* Zoom acts on the canvas wherever the focus is in the window; the
 * canvas's own bindings take the keys first when it has the focus. While
 * a card's title is edited in place the map keeps its zoom, as it does
 * when the canvas has the focus. */
static void
cjm_window_action_zoom (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  CjmWindow *self = CJM_WINDOW (widget);

  if (self->canvas == NULL || cjm_canvas_is_editing (self->canvas))
    return;
  if (g_str_equal (action_name, "win.zoom-in"))
    cjm_canvas_zoom_in (self->canvas);
  else if (g_str_equal (action_name, "win.zoom-out"))
    cjm_canvas_zoom_out (self->canvas);
  else if (g_str_equal (action_name, "win.zoom-reset"))
    cjm_canvas_set_zoom (self->canvas, 1.0);
  else if (g_str_equal (action_name, "win.zoom-fit"))
    cjm_canvas_zoom_fit (self->canvas);
}

static void
on_show_minimap_change_state (GSimpleAction *action,
                              GVariant      *value,
                              CjmWindow     *self)
{
  /* The setting changes; the action's state follows it (below). */
  g_settings_set_boolean (self->settings, "show-minimap", g_variant_get_boolean (value));
}

static void
on_show_minimap_setting (GSettings     *settings,
                         const char    *key,
                         GSimpleAction *action)
{
  gboolean shown = g_settings_get_boolean (settings, key);

  g_simple_action_set_state (action, g_variant_new_boolean (shown));
}

void
_cjm_window_init_actions (CjmWindow *self)
{
  g_autoptr(GSimpleAction) show_minimap = NULL;
  gboolean shown;

  /* Stateful, holding the setting, which every canvas's minimap follows:
   * it is remembered, and the preferences show the same. */
  if (self->settings == NULL)
    return;
  shown = g_settings_get_boolean (self->settings, "show-minimap");
  show_minimap = g_simple_action_new_stateful ("show-minimap", NULL,
                                               g_variant_new_boolean (shown));
  g_signal_connect_object (show_minimap, "change-state", G_CALLBACK (on_show_minimap_change_state),
                           self, 0);
  g_signal_connect_object (self->settings, "changed::show-minimap",
                           G_CALLBACK (on_show_minimap_setting), show_minimap, 0);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (show_minimap));
}

void
_cjm_window_class_actions_init (CjmWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const struct {
    guint            keyval;
    GdkModifierType  mods;
    const char      *action;
  } zoom_keys[] = {
    { GDK_KEY_plus, GDK_CONTROL_MASK, "win.zoom-in" },
    { GDK_KEY_plus, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.zoom-in" },
    { GDK_KEY_equal, GDK_CONTROL_MASK, "win.zoom-in" },
    { GDK_KEY_KP_Add, GDK_CONTROL_MASK, "win.zoom-in" },
    { GDK_KEY_minus, GDK_CONTROL_MASK, "win.zoom-out" },
    { GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "win.zoom-out" },
    { GDK_KEY_0, GDK_CONTROL_MASK, "win.zoom-reset" },
    { GDK_KEY_KP_0, GDK_CONTROL_MASK, "win.zoom-reset" },
    { GDK_KEY_1, GDK_CONTROL_MASK, "win.zoom-fit" },
    { GDK_KEY_KP_1, GDK_CONTROL_MASK, "win.zoom-fit" },
  };

  gtk_widget_class_install_action (widget_class, "win.undo", NULL, cjm_window_action_undo);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, cjm_window_action_redo);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, cjm_window_action_close);
  gtk_widget_class_install_action (widget_class, "win.toggle-inspector", NULL,
                                   cjm_window_action_toggle_inspector);
  gtk_widget_class_install_action (widget_class, "win.map-properties", NULL,
                                   cjm_window_action_map_properties);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, cjm_window_action_save);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, cjm_window_action_save_as);
  /* Saves to a path without the file chooser (scripts, tests). */
  gtk_widget_class_install_action (widget_class, "win.save-as-file", "s",
                                   cjm_window_action_save_as_file);
  gtk_widget_class_install_action (widget_class, "win.revert", NULL, cjm_window_action_revert);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, cjm_window_action_print);
  gtk_widget_class_install_action (widget_class, "win.print-preview", NULL, cjm_window_action_print_preview);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, cjm_window_action_export);
  gtk_widget_class_install_action (widget_class, "win.copy-image", NULL, cjm_window_action_copy_image);
  gtk_widget_class_install_action (widget_class, "win.present", NULL, cjm_window_action_present);
  gtk_widget_class_install_action (widget_class, "win.save-as-template", NULL,
                                   cjm_window_action_save_as_template);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, cjm_window_action_zoom);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, cjm_window_action_zoom);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, cjm_window_action_zoom);
  gtk_widget_class_install_action (widget_class, "win.zoom-fit", NULL, cjm_window_action_zoom);

  /* Bubble-phase bindings: a focused text field handles its own Ctrl+Z
   * first, the map's history gets it everywhere else. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, GDK_CONTROL_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "win.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.print-preview", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-inspector", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.present", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_ALT_MASK,
                                       "win.map-properties", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (zoom_keys); i++)
    gtk_widget_class_add_binding_action (widget_class, zoom_keys[i].keyval, zoom_keys[i].mods,
                                         zoom_keys[i].action, NULL);
}

/* Public API */

void
cjm_window_save_to (CjmWindow    *self,
                    GFile        *file,
                    CjmSaveFlags  flags)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CJM_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (!cjm_document_save (self->document, file, flags, &error))
    {
      if (g_error_matches (error, CJM_DOCUMENT_ERROR, CJM_DOCUMENT_ERROR_CHANGED_ON_DISK))
        ask_changed_on_disk (self, file);
      else
        {
          self->close_after_save = FALSE;
          /* The map stays unsaved: its draft is brought up to date. */
          cjm_drafts_write_now (self);
          cjm_window_show_error (self, _("Could Not Save the Map"), error);
        }
      return;
    }

  remember_folder (self, file);
  cjm_window_add_recent (self, file);
  _cjm_window_update_actions (self);
  _cjm_window_check_disk (self);
  finish_close_if_asked (self);
}

void
cjm_window_add_recent (CjmWindow *self,
                       GFile     *file)
{
  g_autofree char *uri = NULL;
  GtkRecentData data = {
    .display_name = NULL,
    .description = NULL,
    .mime_type = (char *) "application/x-cjm+xml",
    .app_name = (char *) g_get_application_name (),
    .app_exec = (char *) "journeyman %u",
    .groups = NULL,
    .is_private = FALSE,
  };

  g_return_if_fail (CJM_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  uri = g_file_get_uri (file);
  gtk_recent_manager_add_full (self->recent_manager, uri, &data);
}
