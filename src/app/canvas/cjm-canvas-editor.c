/* cjm-canvas-editor.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * In-place editing of a title: a GtkText child of the canvas placed over
 * the card's title (or the header's name), sized from the layout, that
 * commits on Enter or when it loses the focus (one undo step) and cancels
 * on Escape.
 */

#define G_LOG_DOMAIN "CjmCanvas"

#include "config.h"

#include <glib/gi18n.h>

#include "cjm-canvas-private.h"

static void
on_editor_activate (GtkText   *text,
                    CjmCanvas *self)
{
  cjm_canvas_stop_editing (self, TRUE);
}

static void
on_editor_focus_leave (GtkEventControllerFocus *focus,
                       CjmCanvas               *self)
{
  cjm_canvas_stop_editing (self, TRUE);
}

static gboolean
on_editor_key_pressed (GtkEventControllerKey *key,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       CjmCanvas             *self)
{
  if (keyval == GDK_KEY_Escape)
    {
      cjm_canvas_stop_editing (self, FALSE);
      return GDK_EVENT_STOP;
    }
  return GDK_EVENT_PROPAGATE;
}

void
cjm_canvas_stop_editing (CjmCanvas *self,
                         gboolean   commit)
{
  GtkWidget *editor = self->editor;
  g_autoptr(CjmItem) item = NULL;
  g_autofree char *text = NULL;
  gboolean had_focus;

  if (editor == NULL)
    return;

  self->edit_done = TRUE;
  self->editor = NULL;
  item = g_steal_pointer (&self->edit_item);
  text = cjm_canvas_strip_text (gtk_editable_get_text (GTK_EDITABLE (editor)));
  had_focus = gtk_widget_has_focus (editor) || gtk_widget_is_focus (editor);

  if (commit && item != NULL && *text != '\0' && self->document != NULL
      && cjm_document_index_of (self->document, item) >= 0
      && g_strcmp0 (cjm_item_get_field (item, self->edit_field), text) != 0)
    {
      cjm_document_begin_group (self->document, _("Rename"));
      cjm_document_set_field (self->document, item, self->edit_field, text);
      cjm_document_end_group (self->document);
    }

  g_signal_handlers_disconnect_by_data (editor, self);
  gtk_widget_unparent (editor);
  if (had_focus || gtk_widget_get_focus_child (GTK_WIDGET (self)) == NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
cjm_canvas_edit_item (CjmCanvas *self,
                      CjmItem   *item)
{
  GtkWidget *text;
  GtkEventController *focus;
  GtkEventController *key;
  const char *value;

  g_return_if_fail (CJM_IS_CANVAS (self));
  g_return_if_fail (CJM_IS_ITEM (item));

  cjm_canvas_stop_editing (self, TRUE);
  if (self->document == NULL || cjm_document_index_of (self->document, item) < 0)
    return;
  cjm_canvas_ensure_layout (self);
  if (!cjm_layout_get_item_rect (self->layout, item, &(CjmRect) { 0 }))
    return;

  cjm_canvas_scroll_to_item (self, item);
  self->edit_item = g_object_ref (item);
  self->edit_field = cjm_canvas_title_field (item);
  self->edit_done = FALSE;
  value = cjm_item_get_field (item, self->edit_field);

  text = gtk_text_new ();
  gtk_editable_set_text (GTK_EDITABLE (text), value ? value : "");
  gtk_widget_add_css_class (text, "cjm-title-editor");
  gtk_accessible_update_property (GTK_ACCESSIBLE (text),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Title"), -1);
  g_signal_connect (text, "activate", G_CALLBACK (on_editor_activate), self);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (on_editor_focus_leave), self);
  gtk_widget_add_controller (text, focus);
  key = gtk_event_controller_key_new ();
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_editor_key_pressed), self);
  gtk_widget_add_controller (text, key);

  self->editor = text;
  gtk_widget_set_parent (text, GTK_WIDGET (self));
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_grab_focus (text);
  gtk_editable_select_region (GTK_EDITABLE (text), 0, -1);
}

void
cjm_canvas_allocate_editor (CjmCanvas *self)
{
  graphene_rect_t item, rect;
  int min_h, nat_h, min_w, nat_w;
  const CjmLayoutCard *card;
  double width;

  if (self->editor == NULL || self->edit_item == NULL
      || !cjm_canvas_get_item_widget_rect (self, self->edit_item, &item))
    return;

  /* Over the title, as wide as the card (or header), never too narrow to
   * type in; not past the canvas's edges. */
  rect = item;
  card = cjm_layout_lookup_card (self->layout, self->edit_item);
  if (card != NULL && card->title.width > 0 && card->title.height > 0)
    {
      double x0, y0;

      cjm_canvas_map_to_widget (self, card->title.x, card->title.y, &x0, &y0);
      rect.origin.y = y0 - 4;
    }
  gtk_widget_measure (self->editor, GTK_ORIENTATION_VERTICAL, -1, &min_h, &nat_h, NULL, NULL);
  gtk_widget_measure (self->editor, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, &nat_w, NULL, NULL);
  width = MAX (MAX (item.size.width - 8, 180), min_w);
  rect.origin.x = item.origin.x + (item.size.width - width) / 2;
  rect.origin.x = CLAMP (rect.origin.x, 4, MAX (4, gtk_widget_get_width (GTK_WIDGET (self)) - width - 4));
  rect.origin.y = CLAMP (rect.origin.y, 4, MAX (4, gtk_widget_get_height (GTK_WIDGET (self)) - nat_h - 4));
  gtk_widget_size_allocate (self->editor,
                            &(GtkAllocation) { (int) rect.origin.x, (int) rect.origin.y,
                                               (int) width, nat_h },
                            -1);
}
