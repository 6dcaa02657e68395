/* cjm-test-app.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CjmTest"

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "cjm-test-app.h"
#include "cjm-test-harness.h"

static CjmApplication *test_app;
static guint n_tmpdirs;

void
cjm_test_app_init (int    *argc,
                   char ***argv)
{
  g_autoptr(GError) error = NULL;

  /* A display (or a clear failure), private XDG dirs, GTK and Adw. */
  cjm_harness_init (argc, argv);

  test_app = cjm_application_new (APPLICATION_ID ".Test",
                                  G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  /* Registering a non-unique application runs its startup (actions,
   * accelerators, style) without a session bus. */
  if (!g_application_register (G_APPLICATION (test_app), NULL, &error))
    g_error ("Could not register the application: %s", error->message);
  g_application_hold (G_APPLICATION (test_app));
}

CjmApplication *
cjm_test_app_get (void)
{
  return test_app;
}

void
cjm_test_iterate (guint ms)
{
  cjm_harness_iterate (ms);
}

gboolean
cjm_test_wait_for (CjmTestCondition cond,
                   gpointer         data,
                   guint            timeout_ms)
{
  return cjm_harness_wait_for (cond, data, timeout_ms);
}

static void
on_frame_after_paint (GdkFrameClock *clock,
                      gpointer       data)
{
  gboolean *painted = data;

  *painted = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

gboolean
cjm_test_wait_drawn (GtkWidget *widget)
{
  GdkFrameClock *clock;
  gboolean painted = FALSE;
  gulong id;

  if (!cjm_test_wait_for (is_mapped, widget, 5000))
    return FALSE;

  clock = gtk_widget_get_frame_clock (widget);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_frame_after_paint), &painted);
  gtk_widget_queue_draw (widget);
  cjm_test_wait_for (is_true, &painted, 5000);
  g_signal_handler_disconnect (clock, id);
  return painted;
}

void
cjm_test_close_all (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (window);
    }
  cjm_test_iterate (20);
}

static const char *small_map =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<journey-map xmlns=\"urn:x-cjm:1\" version=\"1.0\" xml:lang=\"en\">\n"
  "  <title>%s</title>\n"
  "  <stages>\n"
  "    <stage id=\"s-pay\">\n"
  "      <name>Pay</name>\n"
  "    </stage>\n"
  "  </stages>\n"
  "  <lanes>\n"
  "    <lane id=\"l-web\" kind=\"channel\" channel=\"web\">\n"
  "      <name>Website</name>\n"
  "    </lane>\n"
  "  </lanes>\n"
  "</journey-map>\n";

char *
cjm_test_small_map (const char *title)
{
  return g_strdup_printf (small_map, title);
}

char *
cjm_test_write_map (const char *dir,
                    const char *name,
                    const char *title)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *text = cjm_test_small_map (title);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return g_steal_pointer (&path);
}

CjmWindow *
cjm_test_open_path (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWindow *window = cjm_application_open_file (cjm_test_app_get (), file);

  g_assert_true (CJM_IS_WINDOW (window));
  g_assert_true (cjm_test_wait_drawn (GTK_WIDGET (window)));
  return CJM_WINDOW (window);
}

char *
cjm_test_make_tmpdir (void)
{
  /* Inside the harness's private directory, removed at exit. */
  char *dir = g_strdup_printf ("%s/tmp-%u", cjm_harness_get_tmpdir (), ++n_tmpdirs);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return dir;
}

char *
cjm_test_find_data (const char *relative)
{
  const char *shared = g_getenv ("CJM_SHARED_DIR");
  g_autofree char *path = NULL;

  /* Only there: the samples are not copied into the source tree. */
  if (shared == NULL || *shared == '\0')
    return NULL;
  path = g_build_filename (shared, relative, NULL);
  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&path);
  return NULL;
}

GtkWidget *
cjm_test_find_toplevel (GType      type,
                        GtkWidget *except)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (window != except && G_TYPE_CHECK_INSTANCE_TYPE (window, type)
          && gtk_widget_get_visible (window))
        return window;
    }
  return NULL;
}

gulong
cjm_test_window_xid (GtkWidget *window)
{
  return cjm_harness_get_xid (GTK_WINDOW (window));
}

void
cjm_test_xdotool (const char *args)
{
  cjm_harness_xdotool_line (args);
  /* Let GTK handle what the X server delivered. */
  cjm_test_iterate (100);
}

static gboolean
is_active (gpointer data)
{
  return gtk_window_is_active (data);
}

void
cjm_test_focus_window (GtkWidget *window)
{
  g_autofree char *args = g_strdup_printf ("windowfocus --sync %lu", cjm_test_window_xid (window));

  cjm_test_xdotool (args);
  g_assert_true (cjm_test_wait_for (is_active, window, 5000));
}

void
cjm_test_click (GtkWidget *widget)
{
  GtkNative *native = gtk_widget_get_native (widget);
  g_autofree char *args = NULL;
  double x, y, tx, ty;

  g_assert_true (gtk_widget_translate_coordinates (widget, GTK_WIDGET (native),
                                                   gtk_widget_get_width (widget) / 2.0,
                                                   gtk_widget_get_height (widget) / 2.0,
                                                   &x, &y));
  gtk_native_get_surface_transform (native, &tx, &ty);
  args = g_strdup_printf ("mousemove --window %lu %d %d click 1",
                          cjm_test_window_xid (GTK_WIDGET (native)),
                          (int) (x + tx + 0.5), (int) (y + ty + 0.5));
  cjm_test_xdotool (args);
}

char *
cjm_test_screenshot (GtkWidget  *window,
                     const char *name)
{
  const char *dir = g_getenv ("CJM_SCREENSHOT_DIR");
  g_autofree char *path = NULL;
  g_autofree char *command = NULL;
  int status;

  if (g_find_program_in_path ("import") == NULL)
    return NULL;
  if (dir == NULL)
    dir = cjm_harness_get_tmpdir ();
  path = g_build_filename (dir, name, NULL);
  command = g_strdup_printf ("import -window %lu %s", cjm_test_window_xid (window), path);
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_test_message ("screenshot: %s", path);
  return g_steal_pointer (&path);
}

GtkWidget *
cjm_test_find_row (GtkWidget  *root,
                   const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (root)
      && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = cjm_test_find_row (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
cjm_test_find_child (GtkWidget *root,
                     GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = cjm_test_find_child (child, type)) != NULL)
        return found;
    }
  return NULL;
}

typedef struct {
  GtkWindow        *parent;
  AdwMessageDialog *dialog;
} DialogSearch;

static gboolean
find_dialog (gpointer data)
{
  DialogSearch *search = data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_mapped (GTK_WIDGET (window))
          && gtk_window_get_transient_for (window) == search->parent)
        {
          search->dialog = ADW_MESSAGE_DIALOG (window);
          return TRUE;
        }
    }
  return FALSE;
}

AdwMessageDialog *
cjm_test_wait_dialog (GtkWindow *parent)
{
  DialogSearch search = { parent, NULL };

  if (!cjm_test_wait_for (find_dialog, &search, 5000))
    return NULL;
  return search.dialog;
}
