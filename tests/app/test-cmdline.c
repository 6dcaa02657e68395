/* test-cmdline.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The built `journeyman` launched as a person would: with files on the
 * command line, its windows found on the X display by their titles, and
 * closed with real key presses.
 */

#define G_LOG_DOMAIN "CjmTest"

#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/prctl.h>

#include <gtk/gtk.h>

#include "../cjm-shared-samples.h"

typedef struct {
  GSubprocess *process;
  gboolean     exited;
} App;

static char *
journeyman_path (void)
{
  return g_test_build_filename (G_TEST_BUILT, "..", "src", "app", "journeyman", NULL);
}


static void
on_exited (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  App *app = data;

  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  app->exited = TRUE;
}

static void
iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
}

static void
die_with_test (gpointer data)
{
  /* A failed assertion must not leave the app running on the display. */
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

static App *
launch (const char * const *files)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  App *app = g_new0 (App, 1);

  /* Never reach a running Journeyman of the session this test runs in. */
  g_subprocess_launcher_setenv (launcher, "DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus", TRUE);
  /* Any warning of the app or GTK (a texture clipped, a failed assertion
   * in a renderer) fails the test. */
  g_subprocess_launcher_setenv (launcher, "G_DEBUG", "fatal-warnings", TRUE);
  g_subprocess_launcher_set_child_setup (launcher, die_with_test, NULL, NULL);
  g_ptr_array_add (argv, journeyman_path ());
  for (guint i = 0; files != NULL && files[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (files[i]));
  g_ptr_array_add (argv, NULL);

  app->process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_wait_async (app->process, NULL, on_exited, app);
  return app;
}

static void
app_free (App *app)
{
  if (!app->exited)
    {
      g_subprocess_force_exit (app->process);
      while (!app->exited)
        g_main_context_iteration (NULL, TRUE);
    }
  g_object_unref (app->process);
  g_free (app);
}

static char *
xdotool (const char *args)
{
  g_autofree char *command = g_strdup_printf ("xdotool %s", args);
  g_autofree char *out = NULL;
  int status = 0;

  g_spawn_command_line_sync (command, &out, NULL, &status, NULL);
  if (!g_spawn_check_wait_status (status, NULL))
    return NULL;
  return g_strstrip (g_steal_pointer (&out));
}

/* The X window whose title starts with @title, waiting for it. */
static char *
wait_for_window (const char *title)
{
  g_autofree char *quoted = g_shell_quote (title);
  g_autofree char *args = g_strdup_printf ("search --onlyvisible --name %s", quoted);
  gint64 end = g_get_monotonic_time () + 15 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < end)
    {
      char *ids = xdotool (args);

      if (ids != NULL && *ids != '\0')
        {
          char *newline = strchr (ids, '\n');

          if (newline != NULL)
            *newline = '\0';
          return ids;
        }
      g_free (ids);
      iterate (100);
    }
  return NULL;
}

/* Another visible X window of @app than @xid (a dialog), waiting for it. */
static char *
wait_for_other_window (App        *app,
                       const char *xid)
{
  g_autofree char *args = g_strdup_printf ("search --onlyvisible --pid %s ''",
                                           g_subprocess_get_identifier (app->process));
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < end)
    {
      g_autofree char *ids = xdotool (args);
      g_auto(GStrv) lines = ids ? g_strsplit (ids, "\n", -1) : NULL;

      for (guint i = 0; lines != NULL && lines[i] != NULL; i++)
        if (*lines[i] != '\0' && g_strcmp0 (lines[i], xid) != 0)
          return g_strdup (lines[i]);
      iterate (100);
    }
  return NULL;
}

static gboolean
wait_exited (App *app)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!app->exited && g_get_monotonic_time () < end)
    iterate (50);
  return app->exited;
}

static void
press (const char *xid,
       const char *keys)
{
  g_autofree char *focus = g_strdup_printf ("windowfocus --sync %s", xid);
  g_autofree char *key = g_strdup_printf ("key --delay 50 %s", keys);
  g_autofree char *out = xdotool (focus);

  g_free (out);
  iterate (200);
  out = xdotool (key);
  iterate (200);
}

static void
test_cmdline_open_file (void)
{
  g_autofree char *sample = cjm_shared_sample_or_skip ("bill-payment.cjm");
  const char *files[] = { sample, NULL };
  App *app;
  g_autofree char *xid = NULL;

  if (sample == NULL)
    return;
  app = launch (files);

  /* The window's title is the map's title, then the file's name. */
  xid = wait_for_window ("^Paying a monthly phone bill — bill-payment.cjm$");
  g_assert_nonnull (xid);

  /* Ctrl+W closes the only window (no changes: no question), and the
   * application ends with it. */
  press (xid, "ctrl+w");
  g_assert_true (wait_exited (app));
  g_assert_true (g_subprocess_get_if_exited (app->process));
  g_assert_cmpint (g_subprocess_get_exit_status (app->process), ==, 0);
  app_free (app);
}

static void
test_cmdline_two_files_and_quit (void)
{
  g_autofree char *bill = cjm_shared_sample_or_skip ("bill-payment.cjm");
  g_autofree char *fiber = cjm_shared_sample_or_skip ("fiber-onboarding.he.cjm");
  g_autofree char *fiber_title = NULL;
  g_autofree char *pattern = NULL;
  const char *files[] = { bill, fiber, NULL };
  g_autofree char *contents = NULL;
  char *start, *end;
  App *app;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  if (bill == NULL || fiber == NULL)
    return;

  /* The title of the second sample, read from the file. */
  g_assert_true (g_file_get_contents (fiber, &contents, NULL, NULL));
  start = strstr (contents, "<title>");
  g_assert_nonnull (start);
  start += strlen ("<title>");
  end = strstr (start, "</title>");
  fiber_title = g_strndup (start, end - start);
  pattern = g_strdup_printf ("^%s — fiber-onboarding.he.cjm$", fiber_title);

  app = launch (files);
  first = wait_for_window ("^Paying a monthly phone bill — bill-payment.cjm$");
  second = wait_for_window (pattern);
  g_assert_nonnull (first);
  g_assert_nonnull (second);
  g_assert_cmpstr (first, !=, second);

  /* Ctrl+Q closes every window. */
  press (first, "ctrl+q");
  g_assert_true (wait_exited (app));
  g_assert_cmpint (g_subprocess_get_exit_status (app->process), ==, 0);
  app_free (app);
}

static void
test_cmdline_blank_and_unsaved (void)
{
  App *app = launch (NULL);
  g_autofree char *xid = NULL;
  g_autofree char *edited = NULL;
  g_autofree char *dialog = NULL;

  /* No file: a blank map. */
  xid = wait_for_window ("^Untitled journey — ");
  g_assert_nonnull (xid);

  /* Undo is disabled on a fresh map: Ctrl+Z leaves it untouched. */
  press (xid, "ctrl+z");
  g_assert_nonnull (wait_for_window ("^Untitled journey — "));

  /* Alt+Return shows the map's properties with the title focused; typed
   * text and Enter rename the map, with the unsaved mark. */
  press (xid, "alt+Return");
  press (xid, "ctrl+a");
  g_free (xdotool ("type --delay 30 'Renamed'"));
  press (xid, "Return");
  edited = wait_for_window ("^• Renamed — ");
  g_assert_nonnull (edited);

  /* Ctrl+Z from the title field reaches the map's history. */
  press (xid, "ctrl+z");
  g_assert_nonnull (wait_for_window ("^Untitled journey — "));
  press (xid, "ctrl+shift+z");
  g_assert_nonnull (wait_for_window ("^• Renamed — "));

  /* Closing asks in a dialog; Escape (cancel) keeps the window. */
  press (xid, "ctrl+w");
  dialog = wait_for_other_window (app, xid);
  g_assert_nonnull (dialog);
  press (dialog, "Escape");
  iterate (300);
  g_assert_false (app->exited);
  g_assert_nonnull (wait_for_window ("^• Renamed — "));

  /* Asked again, Discard (its mnemonic, Alt+D) closes without saving and
   * the application ends. */
  press (xid, "ctrl+w");
  g_free (dialog);
  dialog = wait_for_other_window (app, xid);
  g_assert_nonnull (dialog);
  press (dialog, "alt+d");
  g_assert_true (wait_exited (app));
  g_assert_cmpint (g_subprocess_get_exit_status (app->process), ==, 0);

  app_free (app);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("DISPLAY") == NULL || !gtk_init_check ())
    {
      if (g_strcmp0 (g_getenv ("CJM_REQUIRE_DISPLAY"), "1") == 0)
        {
          printf ("Bail out! no display, and CJM_REQUIRE_DISPLAY=1 (run under xvfb-run)\n");
          return 1;
        }
      printf ("1..0 # SKIP no display (run under xvfb-run)\n");
      return 0;
    }
  if (g_find_program_in_path ("xdotool") == NULL)
    {
      printf ("Bail out! xdotool is not installed\n");
      return 1;
    }

  g_test_add_func ("/app/cmdline/open-file", test_cmdline_open_file);
  g_test_add_func ("/app/cmdline/two-files-and-quit", test_cmdline_two_files_and_quit);
  g_test_add_func ("/app/cmdline/blank-and-unsaved", test_cmdline_blank_and_unsaved);

  return g_test_run ();
}
