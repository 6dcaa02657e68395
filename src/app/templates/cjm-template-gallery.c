/* cjm-template-gallery.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The template gallery: a flow box of tiles (preview, name, a remove
 * button on the user's own templates).
 */

#define G_LOG_DOMAIN "CjmTemplateGallery"

#include "config.h"

#include <glib/gi18n.h>

#include "cjm-application.h"
#include "cjm-map-image.h"
#include "cjm-template-gallery.h"

#define PREVIEW_WIDTH  280
#define PREVIEW_HEIGHT 170

struct _CjmTemplateGallery
{
  AdwWindow         parent_instance;

  GtkWindow        *parent;
  GPtrArray        *templates;

  AdwToastOverlay  *toast_overlay;
  GtkFlowBox       *flow_box;
};

G_DEFINE_FINAL_TYPE (CjmTemplateGallery, cjm_template_gallery, ADW_TYPE_WINDOW)

/* Callbacks */

static void
on_remove_clicked (GtkButton          *button,
                   CjmTemplateGallery *self)
{
  CjmTemplate *template = g_object_get_data (G_OBJECT (button), "cjm-template");
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!cjm_template_remove (template, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  /* Translators: %s is the name of a template */
  message = g_strdup_printf (_("Removed the template “%s”"), template->name);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
  cjm_template_gallery_reload (self);
}

static void
on_flow_box_child_activated (GtkFlowBox         *flow_box,
                             GtkFlowBoxChild    *child,
                             CjmTemplateGallery *self)
{
  cjm_template_gallery_choose (self, gtk_flow_box_child_get_index (child));
}

/* Helpers */

static GtkWidget *
make_tile (CjmTemplateGallery *self,
           CjmTemplate        *template)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CjmDocument) document = cjm_template_instantiate (template, &error);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *picture = gtk_picture_new ();
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (template->name);

  gtk_widget_add_css_class (box, "template-tile");
  gtk_widget_set_size_request (picture, PREVIEW_WIDTH, PREVIEW_HEIGHT);
  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  if (document != NULL)
    {
      g_autoptr(GdkTexture) texture = cjm_map_image_render_fit (document, PREVIEW_WIDTH,
                                                                PREVIEW_HEIGHT);

      gtk_picture_set_paintable (GTK_PICTURE (picture), GDK_PAINTABLE (texture));
    }
  gtk_frame_set_child (GTK_FRAME (frame), picture);
  gtk_box_append (GTK_BOX (box), frame);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (row), label);
  if (template->user)
    {
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      gtk_widget_add_css_class (remove, "flat");
      /* Translators: %s is the name of a template */
      {
        g_autofree char *tip = g_strdup_printf (_("Remove the template “%s”"), template->name);

        gtk_widget_set_tooltip_text (remove, tip);
      }
      g_object_set_data (G_OBJECT (remove), "cjm-template", template);
      g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_clicked), self, 0);
      gtk_box_append (GTK_BOX (row), remove);
    }
  gtk_box_append (GTK_BOX (box), row);
  return box;
}

/* Vfuncs */

static void
cjm_template_gallery_dispose (GObject *object)
{
  CjmTemplateGallery *self = CJM_TEMPLATE_GALLERY (object);

  g_clear_pointer (&self->templates, g_ptr_array_unref);
  g_clear_weak_pointer (&self->parent);
  G_OBJECT_CLASS (cjm_template_gallery_parent_class)->dispose (object);
}

static void
cjm_template_gallery_class_init (CjmTemplateGalleryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cjm_template_gallery_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cjm_template_gallery_init (CjmTemplateGallery *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("New from Template"));
  gtk_window_set_default_size (GTK_WINDOW (self), 960, 640);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);

  self->flow_box = GTK_FLOW_BOX (gtk_flow_box_new ());
  gtk_flow_box_set_selection_mode (self->flow_box, GTK_SELECTION_NONE);
  gtk_flow_box_set_activate_on_single_click (self->flow_box, TRUE);
  gtk_flow_box_set_homogeneous (self->flow_box, TRUE);
  gtk_flow_box_set_min_children_per_line (self->flow_box, 2);
  gtk_flow_box_set_max_children_per_line (self->flow_box, 4);
  gtk_flow_box_set_row_spacing (self->flow_box, 18);
  gtk_flow_box_set_column_spacing (self->flow_box, 18);
  gtk_widget_set_margin_start (GTK_WIDGET (self->flow_box), 24);
  gtk_widget_set_margin_end (GTK_WIDGET (self->flow_box), 24);
  gtk_widget_set_margin_top (GTK_WIDGET (self->flow_box), 24);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->flow_box), 24);
  gtk_widget_set_valign (GTK_WIDGET (self->flow_box), GTK_ALIGN_START);
  g_signal_connect_object (self->flow_box, "child-activated",
                           G_CALLBACK (on_flow_box_child_activated), self, 0);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->flow_box));
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (content), header);
  gtk_box_append (GTK_BOX (content), scroller);
  self->toast_overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toast_overlay, content);
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->toast_overlay));
}

/* Public API */

CjmTemplateGallery *
cjm_template_gallery_new (GtkWindow *parent)
{
  CjmTemplateGallery *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  self = g_object_new (CJM_TYPE_TEMPLATE_GALLERY,
                       "transient-for", parent,
                       "application", parent ? gtk_window_get_application (parent) : NULL,
                       NULL);
  g_set_weak_pointer (&self->parent, parent);
  cjm_template_gallery_reload (self);
  return self;
}

void
cjm_template_gallery_reload (CjmTemplateGallery *self)
{
  GtkWidget *child;

  g_return_if_fail (CJM_IS_TEMPLATE_GALLERY (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->flow_box))) != NULL)
    gtk_flow_box_remove (self->flow_box, child);
  g_clear_pointer (&self->templates, g_ptr_array_unref);
  self->templates = cjm_templates_list ();
  for (guint i = 0; i < self->templates->len; i++)
    gtk_flow_box_append (self->flow_box, make_tile (self, g_ptr_array_index (self->templates, i)));
}

GPtrArray *
cjm_template_gallery_get_templates (CjmTemplateGallery *self)
{
  g_return_val_if_fail (CJM_IS_TEMPLATE_GALLERY (self), NULL);
  return self->templates;
}

void
cjm_template_gallery_choose (CjmTemplateGallery *self,
                             guint               index)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  g_return_if_fail (CJM_IS_TEMPLATE_GALLERY (self));
  g_return_if_fail (index < self->templates->len);

  if (CJM_IS_APPLICATION (application))
    cjm_application_new_from_template (CJM_APPLICATION (application),
                                       g_ptr_array_index (self->templates, index), self->parent);
  gtk_window_destroy (GTK_WINDOW (self));
}
