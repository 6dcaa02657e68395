/* cjm-template-gallery.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The template gallery: a flow box of tiles (preview, name, a remove
 * button on the user's own templates). The window is
 * cjm-template-gallery.ui, each tile cjm-template-tile.ui.
 */

#define G_LOG_DOMAIN "CjmTemplateGallery"

#include "config.h"

#include <glib/gi18n.h>

#include "cjm-application.h"
#include "cjm-map-image.h"
#include "cjm-template-gallery.h"

/* The size of a tile's preview (as in cjm-template-tile.ui). */
#define PREVIEW_WIDTH  280
#define PREVIEW_HEIGHT 170

#define RESOURCE_PATH "/io/github/journeyman/Journeyman/ui/"

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
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PATH
                                                                 "cjm-template-tile.ui");
  GtkWidget *tile = GTK_WIDGET (gtk_builder_get_object (builder, "tile"));
  GtkPicture *picture = GTK_PICTURE (gtk_builder_get_object (builder, "picture"));
  GtkWidget *remove = GTK_WIDGET (gtk_builder_get_object (builder, "remove_button"));

  gtk_label_set_text (GTK_LABEL (gtk_builder_get_object (builder, "name")), template->name);
  if (document != NULL)
    {
      g_autoptr(GdkTexture) texture = cjm_map_image_render_fit (document, PREVIEW_WIDTH,
                                                                PREVIEW_HEIGHT);

      gtk_picture_set_paintable (picture, GDK_PAINTABLE (texture));
    }

  if (template->user)
    {
      /* Translators: %s is the name of a template */
      g_autofree char *tip = g_strdup_printf (_("Remove the template “%s”"), template->name);

      gtk_widget_set_tooltip_text (remove, tip);
      g_object_set_data (G_OBJECT (remove), "cjm-template", template);
      g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_clicked), self, 0);
    }
  else
    gtk_box_remove (GTK_BOX (gtk_builder_get_object (builder, "row")), remove);
  /* The builder's reference goes with it; the flow box takes the tile. */
  return g_object_ref (tile);
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

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "cjm-template-gallery.ui");
  gtk_widget_class_bind_template_child (widget_class, CjmTemplateGallery, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CjmTemplateGallery, flow_box);
  gtk_widget_class_bind_template_callback (widget_class, on_flow_box_child_activated);
}

static void
cjm_template_gallery_init (CjmTemplateGallery *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
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
    {
      g_autoptr(GtkWidget) tile = make_tile (self, g_ptr_array_index (self->templates, i));

      gtk_flow_box_append (self->flow_box, tile);
    }
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
