/* cjm-window-dnd.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Files dropped on the window (a .cjm from the file manager) are opened
 * as maps, each in its window, through the application's open. The
 * canvas refuses file drops so that they come here, wherever on the
 * window they land.
 */

#define G_LOG_DOMAIN "CjmWindow"

#include "config.h"

#include "cjm-window-private.h"

static gboolean
on_drop_target_drop (GtkDropTarget *target,
                     const GValue  *value,
                     double         x,
                     double         y,
                     CjmWindow     *self)
{
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  g_autoptr(GPtrArray) files = g_ptr_array_new ();
  GSList *list;

  if (app == NULL)
    app = g_application_get_default ();
  if (app == NULL || !G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  list = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = list; l != NULL; l = l->next)
    g_ptr_array_add (files, l->data);
  g_slist_free (list);
  if (files->len == 0)
    return FALSE;
  g_application_open (app, (GFile **) files->pdata, files->len, "");
  return TRUE;
}

void
_cjm_window_init_dnd (CjmWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect_object (target, "drop", G_CALLBACK (on_drop_target_drop), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}
