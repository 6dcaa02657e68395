/* cjm-window.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CjmWindow"

#include "config.h"

#include <glib/gi18n.h>
#if HAVE_MALLOC_TRIM
#include <malloc.h>
#endif

#include "cjm-window-private.h"

G_DEFINE_FINAL_TYPE (CjmWindow, cjm_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Static helpers */

static char *
dup_map_title (CjmWindow *self)
{
  const char *title = NULL;

  if (self->document != NULL)
    title = cjm_item_get_field (cjm_document_get_map (self->document), CJM_FIELD_TITLE);
  if (title == NULL || *title == '\0')
    return g_strdup (_("Untitled journey"));
  return g_strdup (title);
}

static void
update_title (CjmWindow *self)
{
  g_autofree char *title = dup_map_title (self);
  g_autofree char *shown = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *window_title = NULL;
  gboolean modified = self->document != NULL && cjm_document_get_modified (self->document);
  GFile *file = self->document ? cjm_document_get_file (self->document) : NULL;

  /* The unsaved mark leads the title, as in other GNOME editors. */
  shown = modified ? g_strdup_printf ("• %s", title) : g_strdup (title);

  if (file != NULL)
    subtitle = g_file_get_basename (file);
  else
    subtitle = g_strdup (_("Not saved yet"));

  adw_window_title_set_title (self->window_title, shown);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  adw_status_page_set_title (self->canvas_placeholder, title);

  /* The toplevel title names the map and the file, for the window list. */
  window_title = g_strdup_printf ("%s — %s", shown, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

static void
update_history (CjmWindow *self)
{
  const char *undo_label = NULL;
  const char *redo_label = NULL;
  g_autofree char *undo_tip = NULL;
  g_autofree char *redo_tip = NULL;

  if (self->document != NULL && cjm_document_can_undo (self->document))
    undo_label = cjm_document_get_undo_label (self->document);
  if (self->document != NULL && cjm_document_can_redo (self->document))
    redo_label = cjm_document_get_redo_label (self->document);

  /* Translators: %s is what will be undone, e.g. "Move" or "Edit" */
  undo_tip = undo_label ? g_strdup_printf (_("Undo %s (Ctrl+Z)"), undo_label)
                        : g_strdup (_("Undo (Ctrl+Z)"));
  /* Translators: %s is what will be redone, e.g. "Move" or "Edit" */
  redo_tip = redo_label ? g_strdup_printf (_("Redo %s (Ctrl+Shift+Z)"), redo_label)
                        : g_strdup (_("Redo (Ctrl+Shift+Z)"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->undo_button), undo_tip);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->redo_button), redo_tip);

  _cjm_window_update_actions (self);
}

static void
load_window_state (CjmWindow *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  int width, height;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL)
    {
      g_debug ("Schema %s is not installed; the window size is not remembered", APPLICATION_ID);
      return;
    }

  self->settings = g_settings_new (APPLICATION_ID);
  g_settings_get (self->settings, "window-size", "(ii)", &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  adw_flap_set_reveal_flap (self->flap, g_settings_get_boolean (self->settings, "show-inspector"));
  _cjm_window_follow_rule_settings (self);
  _cjm_window_init_actions (self);
}

static void
save_window_state (CjmWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set (self->settings, "window-size", "(ii)", width, height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!adw_flap_get_folded (self->flap))
    g_settings_set_boolean (self->settings, "show-inspector", adw_flap_get_reveal_flap (self->flap));
}

/* Callbacks */

static void
on_document_changed (CjmWindow *self,
                     CjmChange *change)
{
  if (change->type == CJM_CHANGE_RELOADED
      || (change->type == CJM_CHANGE_FIELD && change->kind == CJM_KIND_MAP
          && change->field == CJM_FIELD_TITLE))
    update_title (self);
}

static void
on_document_notify_modified (CjmWindow *self)
{
  update_title (self);
}

static void
on_document_notify_history (CjmWindow *self)
{
  update_history (self);
}

static void
on_recent_manager_changed (CjmWindow *self)
{
  _cjm_window_update_recent (self);
}

/* JOURNEYMAN_REPORT_FIRST_FRAME=1 prints, once, the monotonic time at
 * which the first frame of the window was drawn (for the launch
 * benchmark, which compares it with the time it started the app). */
static void
on_frame_clock_after_paint (GdkFrameClock *clock,
                            CjmWindow     *self)
{
  g_signal_handlers_disconnect_by_func (clock, on_frame_clock_after_paint, self);
  g_print ("journeyman: first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
}

/* GObject */

static void
cjm_window_map (GtkWidget *widget)
{
  static gboolean reported;

  GTK_WIDGET_CLASS (cjm_window_parent_class)->map (widget);

  if (!reported && g_getenv ("JOURNEYMAN_REPORT_FIRST_FRAME") != NULL)
    {
      reported = TRUE;
      g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                               G_CALLBACK (on_frame_clock_after_paint), widget, 0);
    }
}

static gboolean
cjm_window_close_request (GtkWindow *window)
{
  CjmWindow *self = CJM_WINDOW (window);

  if (!_cjm_window_confirm_close (self))
    return TRUE;

  save_window_state (self);
  return GTK_WINDOW_CLASS (cjm_window_parent_class)->close_request (window);
}

static void
cjm_window_dispose (GObject *object)
{
  CjmWindow *self = CJM_WINDOW (object);

  if (self->document_signals != NULL)
    g_signal_group_set_target (self->document_signals, NULL);
  _cjm_window_dispose_monitor (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CJM_TYPE_WINDOW);
  g_clear_object (&self->document_signals);
  g_clear_object (&self->document);
  g_clear_object (&self->checker);
  g_clear_object (&self->settings);
  g_clear_object (&self->recent_manager);

  G_OBJECT_CLASS (cjm_window_parent_class)->dispose (object);
}

static void
cjm_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CjmWindow *self = CJM_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cjm_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CjmWindow *self = CJM_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      cjm_window_set_document (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cjm_window_class_init (CjmWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = cjm_window_dispose;
  object_class->get_property = cjm_window_get_property;
  object_class->set_property = cjm_window_set_property;

  widget_class->map = cjm_window_map;

  window_class->close_request = cjm_window_close_request;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         CJM_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CJM_TYPE_INSPECTOR);
  g_type_ensure (CJM_TYPE_FINDINGS_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/cjm-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CjmWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CjmWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, CjmWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, CjmWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, CjmWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, CjmWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, CjmWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, CjmWindow, palette_slot);
  gtk_widget_class_bind_template_child (widget_class, CjmWindow, canvas_box);
  gtk_widget_class_bind_template_child (widget_class, CjmWindow, canvas_placeholder);
  gtk_widget_class_bind_template_child (widget_class, CjmWindow, side_panel);
  gtk_widget_class_bind_template_child (widget_class, CjmWindow, inspector);
  gtk_widget_class_bind_template_child (widget_class, CjmWindow, side_stack);
  gtk_widget_class_bind_template_child (widget_class, CjmWindow, findings_page);
  gtk_widget_class_bind_template_child (widget_class, CjmWindow, findings_panel);
  gtk_widget_class_bind_template_child (widget_class, CjmWindow, recent_menu);

  _cjm_window_class_actions_init (klass);
  _cjm_window_class_findings_init (klass);
  _cjm_window_class_priorities_init (klass);
}

static void
cjm_window_init (CjmWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  _cjm_window_init_canvas (self);
  _cjm_window_init_findings (self);
  _cjm_window_init_priorities (self);
  _cjm_window_init_dnd (self);

  self->document_signals = g_signal_group_new (CJM_TYPE_DOCUMENT);
  g_signal_group_connect_object (self->document_signals, "changed",
                                 G_CALLBACK (on_document_changed), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->document_signals, "notify::modified",
                                 G_CALLBACK (on_document_notify_modified), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->document_signals, "notify::file",
                                 G_CALLBACK (on_document_notify_modified), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->document_signals, "notify::file",
                                 G_CALLBACK (on_document_notify_history), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->document_signals, "notify::can-undo",
                                 G_CALLBACK (on_document_notify_history), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->document_signals, "notify::can-redo",
                                 G_CALLBACK (on_document_notify_history), self, G_CONNECT_SWAPPED);
  _cjm_window_init_monitor (self);

  load_window_state (self);
  _cjm_window_load_view (self);

  self->recent_manager = g_object_ref (gtk_recent_manager_get_default ());
  g_signal_connect_object (self->recent_manager, "changed",
                           G_CALLBACK (on_recent_manager_changed), self, G_CONNECT_SWAPPED);
  _cjm_window_update_recent (self);
}

/* Public API */

CjmWindow *
cjm_window_new (CjmApplication *application,
                CjmDocument    *document)
{
  g_return_val_if_fail (CJM_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (CJM_IS_DOCUMENT (document), NULL);

  return g_object_new (CJM_TYPE_WINDOW,
                       "application", application,
                       "document", document,
                       NULL);
}

CjmDocument *
cjm_window_get_document (CjmWindow *self)
{
  g_return_val_if_fail (CJM_IS_WINDOW (self), NULL);
  return self->document;
}

/* Reading a map holds its whole XML tree for a moment (ten times the
 * file's size) and drawing it first lays out every card; once the window
 * has settled, the heap that left free goes back to the system (11 MB of
 * a 2,000-touchpoint map's resident memory) rather than staying with the
 * process for as long as it runs. */
static gboolean
give_back_free_heap (gpointer data)
{
#if HAVE_MALLOC_TRIM
  malloc_trim (0);
#endif
  return G_SOURCE_REMOVE;
}

void
cjm_window_set_document (CjmWindow   *self,
                         CjmDocument *document)
{
  g_return_if_fail (CJM_IS_WINDOW (self));
  g_return_if_fail (!document || CJM_IS_DOCUMENT (document));

  if (!g_set_object (&self->document, document))
    return;

  g_signal_group_set_target (self->document_signals, document);
  cjm_inspector_set_document (self->inspector, document);
  _cjm_window_update_canvas (self);
  _cjm_window_update_monitor (self);
  update_title (self);
  update_history (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  g_idle_add_full (G_PRIORITY_LOW, give_back_free_heap, NULL, NULL);
}

void
cjm_window_add_toast (CjmWindow *self,
                      AdwToast  *toast)
{
  g_return_if_fail (CJM_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

gboolean
cjm_window_is_pristine (CjmWindow *self)
{
  g_return_val_if_fail (CJM_IS_WINDOW (self), FALSE);

  return self->document != NULL
         && cjm_document_get_file (self->document) == NULL
         && !cjm_document_get_modified (self->document)
         && !cjm_document_can_undo (self->document)
         && !cjm_document_can_redo (self->document);
}

void
cjm_window_show_error (CjmWindow    *self,
                       const char   *heading,
                       const GError *error)
{
  GtkWidget *dialog;

  g_return_if_fail (CJM_IS_WINDOW (self));
  g_return_if_fail (heading != NULL);
  g_return_if_fail (error != NULL);

  g_debug ("%s: %s", heading, error->message);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_body_use_markup (ADW_MESSAGE_DIALOG (dialog), FALSE);
  gtk_window_present (GTK_WINDOW (dialog));
}
