/* cjm-window-monitor.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window watches its map's file: when someone else changes it, a
 * banner at the top of the canvas offers to reload; when it is deleted
 * or moved away, the banner says so and offers to save; when it cannot be
 * written (a read-only file or share), the map opens read-only and the
 * banner offers "Save As…". Our own saves
 * are told apart by the file's etag, which the save records.
 */

#define G_LOG_DOMAIN "CjmWindow"

#include "config.h"

#include <glib/gi18n.h>

#include "cjm-window-private.h"

/* File monitors report a save as several events; one look at the file
 * after they settle is enough. */
#define CHECK_DELAY_MS 150

typedef enum {
  DISK_STATE_SAME,
  DISK_STATE_CHANGED,
  DISK_STATE_GONE,
  DISK_STATE_READ_ONLY,
} DiskState;

static DiskState
query_disk_state (CjmWindow *self)
{
  GFile *file = self->document ? cjm_document_get_file (self->document) : NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  if (file == NULL)
    return DISK_STATE_SAME;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE "," G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE,
                           G_FILE_QUERY_INFO_NONE, NULL, &error);
  if (info == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return DISK_STATE_GONE;
      g_debug ("Could not look at the map's file: %s", error->message);
      return DISK_STATE_SAME;
    }

  if (g_strcmp0 (g_file_info_get_etag (info), cjm_document_get_etag (self->document)) != 0)
    return DISK_STATE_CHANGED;
  if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE)
      && !g_file_info_get_attribute_boolean (info, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE))
    return DISK_STATE_READ_ONLY;
  return DISK_STATE_SAME;
}

void
_cjm_window_check_disk (CjmWindow *self)
{
  DiskState state = query_disk_state (self);

  g_clear_handle_id (&self->disk_check_id, g_source_remove);

  self->read_only = state == DISK_STATE_READ_ONLY;
  gtk_widget_set_visible (GTK_WIDGET (self->disk_save_as_button), self->read_only);
  switch (state)
    {
    case DISK_STATE_CHANGED:
      gtk_label_set_text (self->disk_banner_label, _("The map was changed on disk by someone else"));
      gtk_widget_set_visible (GTK_WIDGET (self->disk_reload_button), TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->disk_save_button), FALSE);
      break;

    case DISK_STATE_GONE:
      gtk_label_set_text (self->disk_banner_label, _("The file was deleted or moved; save to keep your map"));
      gtk_widget_set_visible (GTK_WIDGET (self->disk_reload_button), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->disk_save_button), TRUE);
      break;

    case DISK_STATE_READ_ONLY:
      gtk_label_set_text (self->disk_banner_label,
                          _("This file is read-only; use Save As to keep your changes elsewhere"));
      gtk_widget_set_visible (GTK_WIDGET (self->disk_reload_button), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->disk_save_button), FALSE);
      break;

    case DISK_STATE_SAME:
    default:
      break;
    }

  gtk_revealer_set_reveal_child (self->disk_banner, state != DISK_STATE_SAME);
}

static gboolean
check_disk_cb (gpointer data)
{
  CjmWindow *self = data;

  self->disk_check_id = 0;
  _cjm_window_check_disk (self);
  return G_SOURCE_REMOVE;
}

static void
on_file_monitor_changed (GFileMonitor      *monitor,
                         GFile             *file,
                         GFile             *other_file,
                         GFileMonitorEvent  event,
                         CjmWindow         *self)
{
  if (event == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED
      || event == G_FILE_MONITOR_EVENT_PRE_UNMOUNT)
    return;

  g_clear_handle_id (&self->disk_check_id, g_source_remove);
  self->disk_check_id = g_timeout_add (CHECK_DELAY_MS, check_disk_cb, self);
}

static void
watch_file (CjmWindow *self)
{
  GFile *file = self->document ? cjm_document_get_file (self->document) : NULL;
  g_autoptr(GError) error = NULL;

  if (self->file_monitor != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->file_monitor, on_file_monitor_changed, self);
      g_file_monitor_cancel (self->file_monitor);
      g_clear_object (&self->file_monitor);
    }

  if (file != NULL)
    {
      self->file_monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
      if (self->file_monitor == NULL)
        g_debug ("Not watching the map's file for changes: %s", error->message);
      else
        g_signal_connect (self->file_monitor, "changed", G_CALLBACK (on_file_monitor_changed), self);
    }

  _cjm_window_check_disk (self);
}

static void
on_document_changed (CjmWindow *self,
                     CjmChange *change)
{
  if (change->type == CJM_CHANGE_RELOADED)
    _cjm_window_check_disk (self);
}

void
_cjm_window_update_monitor (CjmWindow *self)
{
  watch_file (self);
}

void
_cjm_window_init_monitor (CjmWindow *self)
{
  GtkWidget *box;
  GtkWidget *label;
  GtkWidget *reload;
  GtkWidget *save;
  GtkWidget *save_as;
  GtkWidget *revealer;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (box, "cjm-disk-banner");

  label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);

  /* Reverting asks first when the map has unsaved changes. */
  reload = gtk_button_new_with_mnemonic (_("_Reload"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (reload), "win.revert");
  gtk_widget_set_valign (reload, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), reload);

  save = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (save), "win.save");
  gtk_widget_set_valign (save, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (save, "suggested-action");
  gtk_box_append (GTK_BOX (box), save);

  save_as = gtk_button_new_with_mnemonic (_("Save _As…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (save_as), "win.save-as");
  gtk_widget_set_valign (save_as, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (save_as, "suggested-action");
  gtk_box_append (GTK_BOX (box), save_as);

  revealer = gtk_revealer_new ();
  gtk_revealer_set_transition_type (GTK_REVEALER (revealer), GTK_REVEALER_TRANSITION_TYPE_SLIDE_DOWN);
  gtk_revealer_set_child (GTK_REVEALER (revealer), box);
  gtk_box_prepend (self->canvas_box, revealer);

  self->disk_banner = GTK_REVEALER (revealer);
  self->disk_banner_label = GTK_LABEL (label);
  self->disk_reload_button = GTK_BUTTON (reload);
  self->disk_save_button = GTK_BUTTON (save);
  self->disk_save_as_button = GTK_BUTTON (save_as);

  g_signal_group_connect_object (self->document_signals, "changed",
                                 G_CALLBACK (on_document_changed), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->document_signals, "notify::file",
                                 G_CALLBACK (_cjm_window_update_monitor), self, G_CONNECT_SWAPPED);
}

void
_cjm_window_dispose_monitor (CjmWindow *self)
{
  g_clear_handle_id (&self->disk_check_id, g_source_remove);
  if (self->file_monitor != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->file_monitor, on_file_monitor_changed, self);
      g_file_monitor_cancel (self->file_monitor);
      g_clear_object (&self->file_monitor);
    }
}
