/* test-app-templates.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Templates in a real window: the gallery lists every installed template
 * (JOURNEYMAN_TEMPLATESDIR: data/templates) with a preview drawn by the
 * renderer; each opens as a new unsaved map named after it; the current
 * map saved as a template appears in the gallery, starts a new map with
 * the same content, and can be removed.
 */

#define G_LOG_DOMAIN "CjmTest"

#include "config.h"

#include "cjm-template-gallery.h"
#include "cjm-templates.h"
#include "cjm-test-app.h"
#include "cjm-window-private.h"

static const char *installed[] = {
  "bank-account-opening.cjm",
  "blank.cjm",
  "ecommerce-purchase-return.cjm",
  "internet-onboarding.he.cjm",
  "utility-bill-payment.cjm",
};

static const char *
map_title (CjmDocument *document)
{
  return cjm_item_get_field (cjm_document_get_map (document), CJM_FIELD_TITLE);
}

static CjmTemplateGallery *
open_gallery (void)
{
  GtkWidget *gallery;

  g_action_group_activate_action (G_ACTION_GROUP (cjm_test_app_get ()), "new-from-template", NULL);
  gallery = cjm_test_find_toplevel (CJM_TYPE_TEMPLATE_GALLERY, NULL);
  g_assert_nonnull (gallery);
  g_assert_true (cjm_test_wait_drawn (gallery));
  return CJM_TEMPLATE_GALLERY (gallery);
}

static int
find_template (CjmTemplateGallery *gallery,
               const char         *basename,
               gboolean            user)
{
  GPtrArray *templates = cjm_template_gallery_get_templates (gallery);

  for (guint i = 0; i < templates->len; i++)
    {
      CjmTemplate *template = g_ptr_array_index (templates, i);
      g_autofree char *base = g_path_get_basename (template->path);

      if (g_strcmp0 (base, basename) == 0 && template->user == user)
        return (int) i;
    }
  return -1;
}

/* The preview of the tile at @index: a texture with something drawn. */
static void
assert_preview (CjmTemplateGallery *gallery,
                guint               index)
{
  GtkFlowBox *box = GTK_FLOW_BOX (cjm_test_find_child (GTK_WIDGET (gallery), GTK_TYPE_FLOW_BOX));
  GtkFlowBoxChild *child = gtk_flow_box_get_child_at_index (box, (int) index);
  GtkWidget *picture = cjm_test_find_child (GTK_WIDGET (child), GTK_TYPE_PICTURE);
  GdkPaintable *paintable = gtk_picture_get_paintable (GTK_PICTURE (picture));
  g_autofree guchar *pixels = NULL;
  int width, height;
  guint differ = 0;

  g_assert_true (GDK_IS_TEXTURE (paintable));
  width = gdk_texture_get_width (GDK_TEXTURE (paintable));
  height = gdk_texture_get_height (GDK_TEXTURE (paintable));
  g_assert_cmpint (width, >, 100);
  g_assert_cmpint (height, >, 30);
  pixels = g_malloc ((gsize) width * height * 4);
  gdk_texture_download (GDK_TEXTURE (paintable), pixels, (gsize) width * 4);
  for (int i = 0; i < width * height; i++)
    if (memcmp (pixels + 4 * i, pixels, 4) != 0)
      differ++;
  /* The lanes, cards and text: far from one flat colour. */
  g_assert_cmpuint (differ, >, (guint) (width * height / 10));
}

static void
test_templates_gallery_opens_each (void)
{
  GtkWindow *first = cjm_application_new_window (cjm_test_app_get ());

  g_assert_true (cjm_test_wait_drawn (GTK_WIDGET (first)));

  for (guint i = 0; i < G_N_ELEMENTS (installed); i++)
    {
      CjmTemplateGallery *gallery = open_gallery ();
      int index = find_template (gallery, installed[i], FALSE);
      g_autoptr(CjmTemplate) template = cjm_templates_find (installed[i]);
      g_autoptr(GFile) file = NULL;
      g_autoptr(CjmDocument) original = NULL;
      g_autoptr(GBytes) expected = NULL;
      g_autoptr(GBytes) actual = NULL;
      GtkWidget *window;
      CjmDocument *document;

      g_test_message ("template %s", installed[i]);
      g_assert_cmpint (index, >=, 0);
      assert_preview (gallery, (guint) index);
      if (i == 0)
        {
          /* The blank map leads. */
          g_assert_cmpint (find_template (gallery, "blank.cjm", FALSE), ==, 0);
          g_free (cjm_test_screenshot (GTK_WIDGET (gallery), "template-gallery.png"));
        }

      cjm_template_gallery_choose (gallery, (guint) index);
      cjm_test_iterate (50);
      window = GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (cjm_test_app_get ())));
      g_assert_true (CJM_IS_WINDOW (window));
      g_assert_true (cjm_test_wait_drawn (window));
      /* The first one goes into the untouched blank window. */
      if (i == 0)
        g_assert_true (window == GTK_WIDGET (first));

      /* A new unsaved map, named after the template, with its content. */
      document = cjm_window_get_document (CJM_WINDOW (window));
      g_assert_null (cjm_document_get_file (document));
      g_assert_nonnull (template);
      g_assert_cmpstr (map_title (document), ==, template->name);
      file = g_file_new_for_path (template->path);
      original = cjm_document_new_from_file (file, NULL);
      expected = cjm_document_serialize (original);
      actual = cjm_document_serialize (document);
      g_assert_true (g_bytes_equal (expected, actual));
      g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), template->name));
      g_assert_cmpuint (cjm_layout_get_n_stages (cjm_canvas_get_layout (cjm_window_get_canvas (CJM_WINDOW (window)))),
                        >, 0);
    }
  cjm_test_close_all ();
}

static void
test_templates_save_and_start_from (void)
{
  g_autoptr(GFile) source = g_file_new_for_path (g_getenv ("JOURNEYMAN_TEMPLATESDIR"));
  g_autoptr(GFile) file = g_file_get_child (source, "bank-account-opening.cjm");
  g_autoptr(CjmDocument) document = cjm_document_new_from_file (file, NULL);
  GtkWindow *window = cjm_application_new_window (cjm_test_app_get ());
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) started = NULL;
  g_autofree char *user_dir = cjm_templates_dup_user_dir ();
  CjmTemplateGallery *gallery;
  CjmDocument *current;
  GtkWidget *new_window;
  int index;

  g_assert_nonnull (document);
  cjm_document_set_file (document, NULL);
  cjm_window_set_document (CJM_WINDOW (window), document);
  g_assert_true (cjm_test_wait_drawn (GTK_WIDGET (window)));
  cjm_document_set_field (document, cjm_document_get_map (document), CJM_FIELD_TITLE,
                          "Our branch opening");
  saved = cjm_document_serialize (document);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-as-template", NULL);
  {
    g_autofree char *path = g_build_filename (user_dir, "our-branch-opening.cjm", NULL);

    g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  }
  /* Saving as a template leaves the map itself as it was. */
  g_assert_true (cjm_document_get_modified (document));
  g_assert_null (cjm_document_get_file (document));

  gallery = open_gallery ();
  index = find_template (gallery, "our-branch-opening.cjm", TRUE);
  g_assert_cmpint (index, ==, (int) cjm_template_gallery_get_templates (gallery)->len - 1);
  assert_preview (gallery, (guint) index);
  cjm_template_gallery_choose (gallery, (guint) index);
  cjm_test_iterate (50);

  /* The window was edited: the template gets a new window. */
  new_window = GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (cjm_test_app_get ())));
  g_assert_true (new_window != GTK_WIDGET (window));
  current = cjm_window_get_document (CJM_WINDOW (new_window));
  g_assert_null (cjm_document_get_file (current));
  g_assert_cmpstr (map_title (current), ==, "Our branch opening");
  started = cjm_document_serialize (current);
  g_assert_true (g_bytes_equal (saved, started));

  /* A user template can be removed from the gallery (its button, clicked). */
  gallery = open_gallery ();
  index = find_template (gallery, "our-branch-opening.cjm", TRUE);
  {
    GtkFlowBox *box = GTK_FLOW_BOX (cjm_test_find_child (GTK_WIDGET (gallery), GTK_TYPE_FLOW_BOX));
    GtkFlowBoxChild *child = gtk_flow_box_get_child_at_index (box, index);
    GtkWidget *button = cjm_test_find_child (GTK_WIDGET (child), GTK_TYPE_BUTTON);

    g_assert_nonnull (button);
    g_signal_emit_by_name (button, "clicked");
  }
  g_assert_cmpint (find_template (gallery, "our-branch-opening.cjm", TRUE), ==, -1);
  g_assert_cmpint (find_template (gallery, "blank.cjm", FALSE), ==, 0);
  /* Installed templates have no remove button. */
  {
    GtkFlowBox *box = GTK_FLOW_BOX (cjm_test_find_child (GTK_WIDGET (gallery), GTK_TYPE_FLOW_BOX));
    GtkFlowBoxChild *child = gtk_flow_box_get_child_at_index (box, 0);

    g_assert_null (cjm_test_find_child (GTK_WIDGET (child), GTK_TYPE_BUTTON));
  }
  cjm_test_close_all ();
}

static void
test_templates_default_for_new_window (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  GtkWindow *window;
  CjmDocument *document;

  g_settings_set_string (settings, "default-template", "utility-bill-payment.cjm");
  window = cjm_application_new_window (cjm_test_app_get ());
  document = cjm_window_get_document (CJM_WINDOW (window));
  g_assert_cmpstr (map_title (document), ==, "Paying the electricity bill");
  g_assert_null (cjm_document_get_file (document));
  g_settings_reset (settings, "default-template");
  cjm_test_close_all ();
}

int
main (int   argc,
      char *argv[])
{
  cjm_test_app_init (&argc, &argv);

  g_test_add_func ("/templates/gallery-opens-each", test_templates_gallery_opens_each);
  g_test_add_func ("/templates/save-and-start-from", test_templates_save_and_start_from);
  g_test_add_func ("/templates/default-for-new-window", test_templates_default_for_new_window);
  return g_test_run ();
}
