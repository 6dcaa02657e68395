/* cjm-test-harness.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CjmHarness"

#include "config.h"

#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "cjm-test-harness.h"

#define STEP_PAUSE_MS 60

static char *tmpdir;
static char *xdotool_path;

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = NULL;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  if (children != NULL)
    {
      GFileInfo *info;
      GFile *child;

      while (g_file_enumerator_iterate (children, &info, &child, NULL, NULL) && info != NULL)
        remove_tree (child);
    }
  g_file_delete (file, NULL, NULL);
}

static void
cleanup_tmpdir (void)
{
  g_autoptr(GFile) dir = NULL;

  if (tmpdir == NULL || g_getenv ("CJM_KEEP_TMPDIR") != NULL)
    return;
  dir = g_file_new_for_path (tmpdir);
  remove_tree (dir);
}

static void
make_private_dirs (void)
{
  static const char * const vars[] = {
    "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_RUNTIME_DIR",
  };
  g_autoptr(GError) error = NULL;

  tmpdir = g_dir_make_tmp ("cjm-test-XXXXXX", &error);
  g_assert_no_error (error);
  atexit (cleanup_tmpdir);

  for (guint i = 0; i < G_N_ELEMENTS (vars); i++)
    {
      g_autofree char *path = g_build_filename (tmpdir, vars[i], NULL);

      g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);
      g_setenv (vars[i], path, TRUE);
    }
}

static void G_GNUC_NORETURN
no_display (const char *reason)
{
  if (g_strcmp0 (g_getenv ("CJM_REQUIRE_DISPLAY"), "1") == 0)
    {
      g_print ("Bail out! %s (CJM_REQUIRE_DISPLAY=1)\n", reason);
      exit (1);
    }
  g_print ("1..0 # SKIP %s\n", reason);
  exit (0);
}

/* GTK's own warnings and criticals end the test, whatever the renderer:
 * "texture too large, clipping will occur" is a wrong picture. */
static GLogWriterOutput
fatal_toolkit_writer (GLogLevelFlags   log_level,
                      const GLogField *fields,
                      gsize            n_fields,
                      gpointer         user_data)
{
  GLogWriterOutput result = g_log_writer_default (log_level, fields, n_fields, user_data);

  if ((log_level & (G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_ERROR)) == 0)
    return result;
  for (gsize i = 0; i < n_fields; i++)
    if (g_strcmp0 (fields[i].key, "GLIB_DOMAIN") == 0 && fields[i].length < 0
        && (g_str_equal (fields[i].value, "Gsk") || g_str_equal (fields[i].value, "Gtk")
            || g_str_equal (fields[i].value, "Gdk")))
      {
        g_printerr ("Bail out! a %s warning or critical is fatal in the tests\n",
                    (const char *) fields[i].value);
        abort ();
      }
  return result;
}

void
cjm_harness_init (int    *argc,
                  char ***argv)
{
  const char *display = g_getenv ("DISPLAY");

  g_log_set_writer_func (fatal_toolkit_writer, NULL, NULL);

  /* A missing display must be decided before GTK tries to open one. */
  if (display == NULL || *display == '\0')
    no_display ("no X display (run under xvfb-run)");

  xdotool_path = g_find_program_in_path ("xdotool");
  if (xdotool_path == NULL)
    no_display ("xdotool is not installed");

  g_setenv ("GDK_BACKEND", "x11", TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);
  g_setenv ("NO_AT_BRIDGE", "1", TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  make_private_dirs ();

  g_test_init (argc, argv, NULL);

  if (!gtk_init_check ())
    no_display ("cannot open the X display");
  if (!GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    no_display ("the display is not an X11 display");
  adw_init ();
}

const char *
cjm_harness_get_tmpdir (void)
{
  return tmpdir;
}

char *
cjm_harness_source_path (const char *relative)
{
  return g_build_filename (CJM_SOURCE_ROOT, relative, NULL);
}

/* Main loop */

static gboolean
on_timeout_done (gpointer data)
{
  gboolean *done = data;

  *done = TRUE;
  return G_SOURCE_REMOVE;
}

void
cjm_harness_iterate (guint ms)
{
  gboolean done = FALSE;
  guint id = g_timeout_add (ms, on_timeout_done, &done);

  while (!done)
    g_main_context_iteration (NULL, TRUE);
  (void) id;
}

gboolean
cjm_harness_wait_for (CjmHarnessCondition condition,
                      gpointer            data,
                      guint               timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      cjm_harness_iterate (10);
    }
  return TRUE;
}

static void
on_frame_clock_after_paint (GdkFrameClock *clock,
                            gpointer       data)
{
  guint *frames = data;

  (*frames)++;
}

void
cjm_harness_wait_frame (GtkWidget *widget)
{
  GdkFrameClock *clock;
  guint frames = 0;
  gulong handler;
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  g_assert_true (gtk_widget_get_realized (widget));
  clock = gtk_widget_get_frame_clock (widget);
  g_assert_nonnull (clock);

  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_frame_clock_after_paint),
                              &frames);
  gtk_widget_queue_draw (widget);
  while (frames == 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
  g_assert_cmpuint (frames, >, 0);
}

/* Windows */

static gboolean
window_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

void
cjm_harness_show (GtkWindow *window)
{
  gtk_window_present (window);
  g_assert_true (cjm_harness_wait_for (window_is_mapped, window, 5000));
  cjm_harness_wait_frame (GTK_WIDGET (window));
  /* Let the X server settle (configure and expose events). */
  cjm_harness_iterate (100);
  cjm_harness_wait_frame (GTK_WIDGET (window));
}

gulong
cjm_harness_get_xid (GtkWindow *window)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  g_assert_nonnull (surface);
  return (gulong) gdk_x11_surface_get_xid (surface);
}

void
cjm_harness_get_screen_origin (GtkWindow *window,
                               int       *x,
                               int       *y)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (window));
  Display *xdisplay = gdk_x11_display_get_xdisplay (display);
  Window child;

  XTranslateCoordinates (xdisplay, cjm_harness_get_xid (window),
                         DefaultRootWindow (xdisplay), 0, 0, x, y, &child);
}

void
cjm_harness_to_surface (GtkWidget *widget,
                        double     x,
                        double     y,
                        int       *sx,
                        int       *sy)
{
  GtkNative *native = gtk_widget_get_native (widget);
  double nx, ny, tx, ty;

  g_assert_nonnull (native);
  g_assert_true (gtk_widget_translate_coordinates (widget, GTK_WIDGET (native), x, y, &nx, &ny));
  gtk_native_get_surface_transform (native, &tx, &ty);
  *sx = (int) (nx + tx + 0.5);
  *sy = (int) (ny + ty + 0.5);
}

/* xdotool */

typedef struct {
  gboolean done;
  gboolean success;
} Spawn;

static void
on_xdotool_exited (GObject      *source,
                   GAsyncResult *result,
                   gpointer      data)
{
  Spawn *spawn = data;
  g_autoptr(GError) error = NULL;

  g_subprocess_wait_check_finish (G_SUBPROCESS (source), result, &error);
  if (error != NULL)
    g_printerr ("xdotool: %s\n", error->message);
  spawn->success = error == NULL;
  spawn->done = TRUE;
}

static void
run_xdotool (GPtrArray *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;
  Spawn spawn = { FALSE, FALSE };

  g_ptr_array_insert (args, 0, g_strdup (xdotool_path));
  g_ptr_array_add (args, NULL);

  process = g_subprocess_newv ((const char * const *) args->pdata, G_SUBPROCESS_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_subprocess_wait_check_async (process, NULL, on_xdotool_exited, &spawn);
  while (!spawn.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (spawn.success);
  cjm_harness_iterate (STEP_PAUSE_MS);
}

void
cjm_harness_xdotool (const char *first_arg,
                     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  va_list ap;

  va_start (ap, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, g_strdup (arg));
  va_end (ap);
  run_xdotool (args);
}

void
cjm_harness_xdotool_line (const char *args)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) argv = NULL;
  g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_free);

  g_assert_true (g_shell_parse_argv (args, NULL, &argv, &error));
  g_assert_no_error (error);
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (array, g_strdup (argv[i]));
  run_xdotool (array);
}

void
cjm_harness_focus (GtkWindow *window)
{
  g_autofree char *xid = g_strdup_printf ("%lu", cjm_harness_get_xid (window));

  cjm_harness_xdotool ("windowfocus", "--sync", xid, NULL);
  cjm_harness_iterate (100);
}

void
cjm_harness_to_screen (GtkWidget *widget,
                       double     x,
                       double     y,
                       int       *sx,
                       int       *sy)
{
  int ox, oy;

  cjm_harness_to_surface (widget, x, y, sx, sy);
  cjm_harness_get_screen_origin (GTK_WINDOW (gtk_widget_get_root (widget)), &ox, &oy);
  *sx += ox;
  *sy += oy;
}

static void
pointer_to_screen (int x,
                   int y)
{
  g_autofree char *sx = g_strdup_printf ("%d", x);
  g_autofree char *sy = g_strdup_printf ("%d", y);

  cjm_harness_xdotool ("mousemove", sx, sy, NULL);
}

void
cjm_harness_pointer_move (GtkWidget *widget,
                          double     x,
                          double     y)
{
  int sx, sy;

  cjm_harness_to_screen (widget, x, y, &sx, &sy);
  pointer_to_screen (sx, sy);
}

void
cjm_harness_button (guint    button,
                    gboolean press)
{
  g_autofree char *b = g_strdup_printf ("%u", button);

  cjm_harness_xdotool (press ? "mousedown" : "mouseup", b, NULL);
}

static void
modifiers_down (const char *modifiers,
                gboolean    down)
{
  if (modifiers != NULL && *modifiers)
    cjm_harness_xdotool (down ? "keydown" : "keyup", modifiers, NULL);
}

void
cjm_harness_click (GtkWidget  *widget,
                   double      x,
                   double      y,
                   guint       button,
                   const char *modifiers)
{
  cjm_harness_pointer_move (widget, x, y);
  modifiers_down (modifiers, TRUE);
  cjm_harness_button (button, TRUE);
  cjm_harness_button (button, FALSE);
  modifiers_down (modifiers, FALSE);
}

void
cjm_harness_double_click (GtkWidget *widget,
                          double     x,
                          double     y)
{
  cjm_harness_pointer_move (widget, x, y);
  cjm_harness_xdotool ("click", "--repeat", "2", "--delay", "80", "1", NULL);
}

/* With CJM_HARNESS_SHOTS=dir, a screenshot just before each drop. */
static void
debug_screenshot (GtkWindow  *window,
                  const char *what)
{
  static guint serial;
  const char *dir = g_getenv ("CJM_HARNESS_SHOTS");
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  if (dir == NULL || *dir == '\0')
    return;
  name = g_strdup_printf ("%03u-%s.png", ++serial, what);
  path = g_build_filename (dir, name, NULL);
  cjm_harness_screenshot (window, path);
}

static void
drag_moves (GtkWidget *from,
            double     fx,
            double     fy,
            GtkWidget *to,
            double     tx,
            double     ty,
            guint      steps)
{
  int ax, ay, bx, by;

  /* Screen coordinates: the two widgets may be in different windows. */
  cjm_harness_to_screen (from, fx, fy, &ax, &ay);
  cjm_harness_to_screen (to, tx, ty, &bx, &by);
  steps = MAX (steps, 2);
  for (guint i = 1; i <= steps; i++)
    {
      double t = (double) i / steps;

      pointer_to_screen ((int) (ax + (bx - ax) * t + 0.5), (int) (ay + (by - ay) * t + 0.5));
    }
}

void
cjm_harness_drag (GtkWidget  *from,
                  double      fx,
                  double      fy,
                  GtkWidget  *to,
                  double      tx,
                  double      ty,
                  guint       button,
                  const char *modifiers,
                  guint       steps)
{
  cjm_harness_pointer_move (from, fx, fy);
  modifiers_down (modifiers, TRUE);
  cjm_harness_button (button, TRUE);
  drag_moves (from, fx, fy, to, tx, ty, steps);
  /* Rest on the target for a moment: drop targets update on motion. */
  cjm_harness_iterate (100);
  debug_screenshot (GTK_WINDOW (gtk_widget_get_root (to)), "drag");
  cjm_harness_button (button, FALSE);
  modifiers_down (modifiers, FALSE);
  cjm_harness_iterate (100);
}

void
cjm_harness_drag_cancel (GtkWidget *from,
                         double     fx,
                         double     fy,
                         GtkWidget *to,
                         double     tx,
                         double     ty,
                         guint      steps)
{
  cjm_harness_pointer_move (from, fx, fy);
  cjm_harness_button (1, TRUE);
  drag_moves (from, fx, fy, to, tx, ty, steps);
  cjm_harness_key ("Escape");
  cjm_harness_button (1, FALSE);
  cjm_harness_iterate (100);
}

void
cjm_harness_key (const char *keys)
{
  cjm_harness_xdotool ("key", "--delay", "40", keys, NULL);
}

void
cjm_harness_type (const char *text)
{
  cjm_harness_xdotool ("type", "--delay", "30", text, NULL);
}

/* Documents */

GBytes *
cjm_harness_read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize len;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

GBytes *
cjm_harness_save_bytes (CjmDocument *document)
{
  static guint serial;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  /* Save as the app does: to the document's own file, or to a new one. */
  if (cjm_document_get_file (document) != NULL)
    file = g_object_ref (cjm_document_get_file (document));
  else
    {
      g_autofree char *name = g_strdup_printf ("saved-%u.cjm", ++serial);

      file = g_file_new_build_filename (tmpdir, name, NULL);
    }

  cjm_document_save (document, file, CJM_SAVE_FORCE | CJM_SAVE_NO_BACKUP, &error);
  g_assert_no_error (error);
  path = g_file_get_path (file);
  return cjm_harness_read_file (path);
}

void
cjm_harness_assert_same_bytes (GBytes *expected,
                               GBytes *actual)
{
  g_auto(GStrv) a = NULL;
  g_auto(GStrv) b = NULL;
  g_autofree char *sa = NULL;
  g_autofree char *sb = NULL;
  gsize la, lb;
  const char *da = g_bytes_get_data (expected, &la);
  const char *db = g_bytes_get_data (actual, &lb);

  if (la == lb && memcmp (da, db, la) == 0)
    return;

  sa = g_strndup (da, la);
  sb = g_strndup (db, lb);
  a = g_strsplit (sa, "\n", -1);
  b = g_strsplit (sb, "\n", -1);
  for (guint i = 0; a[i] != NULL || b[i] != NULL; i++)
    {
      if (a[i] == NULL || b[i] == NULL || strcmp (a[i], b[i]) != 0)
        {
          g_printerr ("first difference at line %u:\n- %s\n+ %s\n", i + 1,
                      a[i] ? a[i] : "(end of file)", b[i] ? b[i] : "(end of file)");
          break;
        }
      if (a[i] == NULL || b[i] == NULL)
        break;
    }
  g_assert_not_reached ();
}

gboolean
cjm_harness_bytes_contain (GBytes     *bytes,
                           const char *text)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  return g_strstr_len (data, len, text) != NULL;
}

void
cjm_harness_screenshot (GtkWindow  *window,
                        const char *path)
{
  g_autofree char *xid = g_strdup_printf ("0x%lx", cjm_harness_get_xid (window));
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  cjm_harness_wait_frame (GTK_WIDGET (window));
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                              "import", "-window", xid, path, NULL);
  g_assert_no_error (error);
  g_subprocess_wait_check (process, NULL, &error);
  g_assert_no_error (error);
}
