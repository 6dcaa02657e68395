/* cjm-card-editor.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The in-place title editor: a GtkText child filling the widget, loaded
 * with the item's field. Enter and leaving the field end it committed,
 * Escape cancelled, each once (::done); what is done with the text is the
 * canvas's business.
 */

#define G_LOG_DOMAIN "CjmCanvas"

#include "config.h"

#include <glib/gi18n.h>

#include "cjm-card-editor.h"

struct _CjmCardEditor
{
  GtkWidget  parent_instance;

  GtkWidget *text;
  CjmItem   *item;
  CjmField   field;
  gboolean   done;
};

G_DEFINE_FINAL_TYPE (CjmCardEditor, cjm_card_editor, GTK_TYPE_WIDGET)

enum {
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Static helpers */

static void
finish (CjmCardEditor *self,
        gboolean       commit)
{
  if (self->done)
    return;
  self->done = TRUE;
  g_signal_emit (self, signals[DONE], 0, commit);
}

/* Callbacks */

static void
on_text_activate (CjmCardEditor *self)
{
  finish (self, TRUE);
}

static void
on_focus_leave (CjmCardEditor *self)
{
  finish (self, TRUE);
}

static gboolean
on_key_pressed (GtkEventControllerKey *key,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                CjmCardEditor         *self)
{
  if (keyval == GDK_KEY_Escape)
    {
      finish (self, FALSE);
      return GDK_EVENT_STOP;
    }
  return GDK_EVENT_PROPAGATE;
}

/* GtkWidget */

static gboolean
cjm_card_editor_grab_focus (GtkWidget *widget)
{
  CjmCardEditor *self = CJM_CARD_EDITOR (widget);

  return gtk_widget_grab_focus (self->text);
}

/* GObject */

static void
cjm_card_editor_dispose (GObject *object)
{
  CjmCardEditor *self = CJM_CARD_EDITOR (object);

  g_clear_pointer (&self->text, gtk_widget_unparent);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (cjm_card_editor_parent_class)->dispose (object);
}

static void
cjm_card_editor_class_init (CjmCardEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cjm_card_editor_dispose;

  widget_class->grab_focus = cjm_card_editor_grab_focus;

  /**
   * CjmCardEditor::done:
   * @commit: TRUE to store the text (Enter, focus left), FALSE to drop it
   *
   * The editing ended; emitted once.
   */
  signals[DONE] =
    g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  gtk_widget_class_set_css_name (widget_class, "cjm-card-editor");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cjm_card_editor_init (CjmCardEditor *self)
{
  GtkEventController *controller;

  self->text = gtk_text_new ();
  gtk_widget_add_css_class (self->text, "cjm-title-editor");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Title"), -1);
  g_signal_connect_object (self->text, "activate", G_CALLBACK (on_text_activate), self,
                           G_CONNECT_SWAPPED);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_object (controller, "leave", G_CALLBACK (on_focus_leave), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (self->text, controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (on_key_pressed), self, 0);
  gtk_widget_add_controller (self->text, controller);

  gtk_widget_set_parent (self->text, GTK_WIDGET (self));
}

/* Public API */

GtkWidget *
cjm_card_editor_new (CjmItem  *item,
                     CjmField  field)
{
  CjmCardEditor *self;
  const char *value;

  g_return_val_if_fail (CJM_IS_ITEM (item), NULL);

  self = g_object_new (CJM_TYPE_CARD_EDITOR, NULL);
  self->item = g_object_ref (item);
  self->field = field;
  value = cjm_item_get_field (item, field);
  gtk_editable_set_text (GTK_EDITABLE (self->text), value ? value : "");
  return GTK_WIDGET (self);
}

CjmItem *
cjm_card_editor_get_item (CjmCardEditor *self)
{
  g_return_val_if_fail (CJM_IS_CARD_EDITOR (self), NULL);
  return self->item;
}

CjmField
cjm_card_editor_get_field (CjmCardEditor *self)
{
  g_return_val_if_fail (CJM_IS_CARD_EDITOR (self), 0);
  return self->field;
}

const char *
cjm_card_editor_get_text (CjmCardEditor *self)
{
  g_return_val_if_fail (CJM_IS_CARD_EDITOR (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->text));
}

void
cjm_card_editor_begin (CjmCardEditor *self)
{
  g_return_if_fail (CJM_IS_CARD_EDITOR (self));

  gtk_widget_grab_focus (self->text);
  gtk_editable_select_region (GTK_EDITABLE (self->text), 0, -1);
}

gboolean
cjm_card_editor_has_focus (CjmCardEditor *self)
{
  g_return_val_if_fail (CJM_IS_CARD_EDITOR (self), FALSE);
  return gtk_widget_has_focus (self->text) || gtk_widget_is_focus (self->text);
}
