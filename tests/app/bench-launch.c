/* bench-launch.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Launches `journeyman MAP` in a 1920×1080 window several times and
 * reports the medians of: the time from launch to the first drawn frame,
 * and the resident memory once the map is open and the app idle.
 *
 *   bench-launch [--runs N] JOURNEYMAN MAP
 *
 * Run it by hand under Xvfb (`meson test -C build --benchmark launch`);
 * it never fails on speed. Besides the wall clock it reports the CPU time
 * the app used up to its first frame, which a busy machine distorts less.
 * Under Xvfb GDK still loads the software GL driver to probe GL (about
 * 140 ms of CPU and 60 MB); GDK_DEBUG=gl-disable in the environment
 * measures without it.
 */

#define G_LOG_DOMAIN "CjmBench"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_double);
  return g_array_index (values, double, values->len / 2);
}

static long
rss_kb (const char *pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%s/status", pid);
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents (path, &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmRSS:");
  return line ? strtol (line + strlen ("VmRSS:"), NULL, 10) : -1;
}

/* CPU time (user + system) the process has used, in milliseconds: on a
 * busy machine it says more about the app than the wall clock does. */
static double
cpu_ms (const char *pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%s/stat", pid);
  g_autofree char *stat = NULL;
  unsigned long utime = 0, stime = 0;
  const char *after;

  if (!g_file_get_contents (path, &stat, NULL, NULL) || (after = strrchr (stat, ')')) == NULL)
    return -1;
  /* Fields after "(comm)": state is the 3rd field; utime and stime are
   * the 14th and 15th. */
  if (sscanf (after + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &utime, &stime) != 2)
    return -1;
  return (utime + stime) * 1000.0 / sysconf (_SC_CLK_TCK);
}

static gboolean
run_once (const char *journeyman,
          const char *map,
          const char *config,
          double     *first_frame_ms,
          double     *first_frame_cpu_ms,
          double     *rss_mb)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  const char *argv[] = { journeyman, map, NULL };
  gint64 start, frame = 0;

  /* The renderer is GTK's choice (GL), as users have it, unless
   * GSK_RENDERER is set; without a session bus accessibility must be off. */
  g_subprocess_launcher_setenv (launcher, "GDK_BACKEND", "x11", FALSE);
  g_subprocess_launcher_setenv (launcher, "GTK_A11Y", "none", TRUE);
  g_subprocess_launcher_setenv (launcher, "NO_AT_BRIDGE", "1", TRUE);
  g_subprocess_launcher_setenv (launcher, "JOURNEYMAN_REPORT_FIRST_FRAME", "1", TRUE);
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "keyfile", TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", config, TRUE);
  g_subprocess_launcher_setenv (launcher, "DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "MALLOC_PERTURB_");
  g_subprocess_launcher_unsetenv (launcher, "MALLOC_CHECK_");

  start = g_get_monotonic_time ();
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  if (process == NULL)
    {
      g_printerr ("bench-launch: %s\n", error->message);
      return FALSE;
    }

  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  while ((line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error)) != NULL)
    {
      if (sscanf (line, "journeyman: first-frame %" G_GINT64_FORMAT, &frame) == 1)
        break;
      g_clear_pointer (&line, g_free);
    }
  *first_frame_cpu_ms = cpu_ms (g_subprocess_get_identifier (process));
  if (frame == 0)
    {
      g_printerr ("bench-launch: the app ended without drawing a frame\n");
      return FALSE;
    }

  /* Memory once the map is open and the app has settled (checker, idle
   * work). */
  g_usleep (1500 * 1000);
  *rss_mb = rss_kb (g_subprocess_get_identifier (process)) / 1024.0;
  *first_frame_ms = (frame - start) / 1000.0;

  g_subprocess_force_exit (process);
  g_subprocess_wait (process, NULL, NULL);
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GArray) frames = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) memory = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *config = NULL;
  g_autofree char *settings_dir = NULL;
  g_autofree char *keyfile = NULL;
  int runs = 7;
  int first = 1;

  if (argc > 2 && g_strcmp0 (argv[1], "--runs") == 0)
    {
      runs = MAX (1, atoi (argv[2]));
      first = 3;
    }
  if (argc - first != 2)
    {
      g_printerr ("usage: bench-launch [--runs N] JOURNEYMAN MAP\n");
      return 2;
    }

  /* A settings file that opens windows at 1920×1080. */
  config = g_dir_make_tmp ("cjm-bench-XXXXXX", NULL);
  settings_dir = g_build_filename (config, "glib-2.0", "settings", NULL);
  g_mkdir_with_parents (settings_dir, 0700);
  keyfile = g_build_filename (settings_dir, "keyfile", NULL);
  g_file_set_contents (keyfile,
                       "[io/github/journeyman/Journeyman]\n"
                       "window-size=(1920, 1080)\n", -1, NULL);

  for (int i = 0; i < runs; i++)
    {
      double ms, cpu_time, mb;

      if (!run_once (argv[first], argv[first + 1], config, &ms, &cpu_time, &mb))
        return 1;
      g_array_append_val (frames, ms);
      g_array_append_val (cpu, cpu_time);
      g_array_append_val (memory, mb);
      printf ("# run %d: first frame %.0f ms (CPU %.0f ms), resident %.1f MB\n",
              i + 1, ms, cpu_time, mb);
    }

  printf ("launch to first frame (1920x1080, %s): median %.0f ms over %d runs\n",
          argv[first + 1], median (frames), runs);
  printf ("CPU time of the app up to its first frame: median %.0f ms\n", median (cpu));
  printf ("resident memory with the map open: median %.1f MB\n", median (memory));

  g_unlink (keyfile);
  g_rmdir (settings_dir);
  g_autofree char *glib_dir = g_build_filename (config, "glib-2.0", NULL);
  g_rmdir (glib_dir);
  g_rmdir (config);
  return 0;
}
