/* bench-io.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Loads and saves a large map many times and prints the medians: load,
 * serialize, save, JSON out and in, peak memory; and, for scale, libxml2
 * parsing the same file in-process and `xmllint --noout` as a process.
 *
 *   bench-io [--runs N] MAP.cjm
 *
 * It only prints figures: speed is never asserted, here or in the tests.
 */

#define G_LOG_DOMAIN "bench-io"

#include "config.h"

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "cjm-document.h"
#include "cjm-json.h"

typedef struct {
  const char *name;
  GArray     *samples;        /* double, milliseconds of wall-clock time */
  GArray     *cpu_samples;    /* double, milliseconds of CPU time (with children) */
} Timing;

/* A point in time, by the clock and by CPU used (ours and our children's:
 * xmllint), so that figures taken on a busy machine can be told apart. */
typedef struct {
  double wall;
  double cpu;
} Mark;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *samples)
{
  g_array_sort (samples, compare_doubles);
  if (samples->len == 0)
    return 0;
  if (samples->len % 2 == 1)
    return g_array_index (samples, double, samples->len / 2);
  return (g_array_index (samples, double, samples->len / 2 - 1)
          + g_array_index (samples, double, samples->len / 2)) / 2;
}

static double
cpu_ms (void)
{
  struct rusage self, children;

  getrusage (RUSAGE_SELF, &self);
  getrusage (RUSAGE_CHILDREN, &children);
  return (self.ru_utime.tv_sec + self.ru_stime.tv_sec
          + children.ru_utime.tv_sec + children.ru_stime.tv_sec) * 1000.0
         + (self.ru_utime.tv_usec + self.ru_stime.tv_usec
            + children.ru_utime.tv_usec + children.ru_stime.tv_usec) / 1000.0;
}

static Mark
now (void)
{
  Mark mark = { g_get_monotonic_time () / 1000.0, cpu_ms () };

  return mark;
}

static void
add_sample (Timing *timing,
            Mark    start)
{
  Mark end = now ();
  double wall = end.wall - start.wall;
  double cpu = end.cpu - start.cpu;

  g_array_append_val (timing->samples, wall);
  g_array_append_val (timing->cpu_samples, cpu);
}

/* Peak resident memory of this process image. /proc's VmHWM, because
 * getrusage()'s maxrss on Linux carries over the parent's peak across
 * exec (meson's Python, when run as a benchmark). */
static long
peak_rss_kib (void)
{
  g_autofree char *status = NULL;
  struct rusage usage;
  const char *line;

  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL)
      && (line = strstr (status, "\nVmHWM:")) != NULL)
    return strtol (line + strlen ("\nVmHWM:"), NULL, 10);

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

static void
print_timing (Timing     *timing,
              double      goal_ms,
              const char *note)
{
  double med = median (timing->samples);

  printf ("  %-22s %8.2f ms  (min %6.2f, max %6.2f; CPU %6.2f)", timing->name, med,
          g_array_index (timing->samples, double, 0),
          g_array_index (timing->samples, double, timing->samples->len - 1),
          median (timing->cpu_samples));
  if (goal_ms > 0)
    printf ("  goal < %.0f ms: %s", goal_ms, med < goal_ms ? "met" : "MISSED");
  if (note != NULL)
    printf ("  %s", note);
  printf ("\n");
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) out = NULL;
  g_autoptr(GBytes) original = NULL;
  g_autoptr(GBytes) serialized = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autofree char *tmpdir = NULL;
  g_autofree char *out_path = NULL;
  g_autofree char *json = NULL;
  g_autofree char *xmllint = NULL;
  gsize json_length = 0;
  int runs = 15;
  long rss_before;
  long rss_io;
  Timing load = { "load (.cjm)", NULL, NULL };
  Timing serialize = { "serialize (.cjm)", NULL, NULL };
  Timing save = { "save (.cjm, atomic)", NULL, NULL };
  Timing to_json = { "to JSON text", NULL, NULL };
  Timing from_json = { "from JSON text", NULL, NULL };
  Timing libxml = { "libxml2 parse (same)", NULL, NULL };
  Timing lint = { "xmllint --noout", NULL, NULL };
  Timing lint_empty = { "xmllint, tiny file", NULL, NULL };
  const GOptionEntry entries[] = {
    { "runs", 'n', 0, G_OPTION_ARG_INT, &runs, "Repeat each step N times (15)", "N" },
    { NULL }
  };
  Timing *all[] = { &load, &serialize, &save, &to_json, &from_json, &libxml, &lint, &lint_empty };
  CjmDocument *doc = NULL;

  context = g_option_context_new ("MAP.cjm");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2 || runs < 1)
    {
      fprintf (stderr, "usage: bench-io [--runs N] MAP.cjm\n");
      return 2;
    }

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      all[i]->samples = g_array_new (FALSE, FALSE, sizeof (double));
      all[i]->cpu_samples = g_array_new (FALSE, FALSE, sizeof (double));
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  original = g_file_load_bytes (file, NULL, NULL, &error);
  if (original == NULL)
    {
      fprintf (stderr, "bench-io: %s\n", error->message);
      return 2;
    }
  tmpdir = g_dir_make_tmp ("cjm-bench-XXXXXX", &error);
  g_assert_no_error (error);
  out_path = g_build_filename (tmpdir, "saved.cjm", NULL);
  out = g_file_new_for_path (out_path);

  rss_before = peak_rss_kib ();

  /* Load, serialize and save: the editor's paths. */
  for (int r = 0; r < runs; r++)
    {
      Mark start = now ();

      doc = cjm_document_new_from_file (file, &error);
      add_sample (&load, start);
      if (doc == NULL)
        {
          fprintf (stderr, "bench-io: %s\n", error->message);
          return 2;
        }

      start = now ();
      g_clear_pointer (&serialized, g_bytes_unref);
      serialized = cjm_document_serialize (doc);
      add_sample (&serialize, start);

      start = now ();
      if (!cjm_document_save (doc, out, CJM_SAVE_FORCE | CJM_SAVE_NO_BACKUP, &error))
        {
          fprintf (stderr, "bench-io: %s\n", error->message);
          return 2;
        }
      add_sample (&save, start);

      if (r < runs - 1)
        g_object_unref (doc);
    }
  rss_io = peak_rss_kib ();

  /* JSON both ways. */
  for (int r = 0; r < runs; r++)
    {
      Mark start = now ();
      CjmDocument *back;

      g_clear_pointer (&json, g_free);
      json = cjm_document_to_json_data (doc, &json_length);
      add_sample (&to_json, start);

      start = now ();
      back = cjm_document_new_from_json_data (json, json_length, "bench.json", &error);
      add_sample (&from_json, start);
      g_assert_no_error (error);
      g_object_unref (back);
    }

  /* For scale: libxml2 alone on the same bytes, and xmllint. */
  for (int r = 0; r < runs; r++)
    {
      Mark start = now ();
      gsize size;
      const char *bytes = g_bytes_get_data (original, &size);
      xmlDocPtr xml = xmlReadMemory (bytes, size, argv[1], NULL, XML_PARSE_NONET);

      add_sample (&libxml, start);
      g_assert_nonnull (xml);
      xmlFreeDoc (xml);
    }

  xmllint = g_find_program_in_path ("xmllint");
  if (xmllint != NULL)
    {
      g_autofree char *tiny = g_build_filename (tmpdir, "tiny.cjm", NULL);

      g_file_set_contents (tiny, "<journey-map xmlns=\"urn:x-cjm:1\"/>\n", -1, NULL);
      for (int r = 0; r < runs; r++)
        {
          const char *lint_argv[] = { xmllint, "--noout", argv[1], NULL };
          const char *empty_argv[] = { xmllint, "--noout", tiny, NULL };
          int status;
          Mark start = now ();

          if (!g_spawn_sync (NULL, (char **) lint_argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL,
                             NULL, &status, &error) || !g_spawn_check_wait_status (status, NULL))
            g_error ("xmllint failed on %s", argv[1]);
          add_sample (&lint, start);

          start = now ();
          g_spawn_sync (NULL, (char **) empty_argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL,
                        NULL, &status, NULL);
          add_sample (&lint_empty, start);
        }
      g_unlink (tiny);
    }

  printf ("map: %s, %" G_GSIZE_FORMAT " bytes: %u stages, %u lanes, %u touchpoints, "
          "%u notes, %u links\n",
          argv[1], g_bytes_get_size (original),
          cjm_document_get_n_items (doc, CJM_KIND_STAGE),
          cjm_document_get_n_items (doc, CJM_KIND_LANE),
          cjm_document_get_n_items (doc, CJM_KIND_TOUCHPOINT),
          cjm_document_get_n_items (doc, CJM_KIND_NOTE),
          cjm_document_get_n_items (doc, CJM_KIND_LINK));
  printf ("medians of %d runs (wall clock; CPU time in brackets):\n", runs);
  print_timing (&load, 50, NULL);
  print_timing (&serialize, 0, NULL);
  print_timing (&save, 50, NULL);
  print_timing (&to_json, 0, NULL);
  print_timing (&from_json, 0, NULL);
  {
    g_autofree char *note = g_strdup_printf ("load / libxml2 = %.2f",
                                             median (load.samples) / median (libxml.samples));
    print_timing (&libxml, 0, note);
  }
  if (xmllint != NULL)
    {
      double ratio;
      g_autofree char *note = NULL;

      ratio = median (load.samples) / median (lint.samples);
      note = g_strdup_printf ("load / xmllint = %.2f (CPU %.2f), goal <= 3: %s", ratio,
                              median (load.cpu_samples) / median (lint.cpu_samples),
                              ratio <= 3 ? "met" : "MISSED");
      print_timing (&lint, 0, note);
      print_timing (&lint_empty, 0, "(process start-up alone)");
    }
  else
    printf ("  xmllint not found: no comparison\n");
  printf ("  %-22s %8.1f MB  goal < 50 MB: %s  (%.1f MB before loading; "
          "%.1f MB with JSON too)\n", "peak memory (RSS)",
          rss_io / 1024.0, rss_io / 1024.0 < 50 ? "met" : "MISSED", rss_before / 1024.0,
          peak_rss_kib () / 1024.0);
  saved = g_file_load_bytes (out, NULL, NULL, NULL);
  printf ("  %-22s %s\n", "saved == serialized",
          saved != NULL && g_bytes_equal (serialized, saved) ? "yes" : "NO");
  printf ("  %-22s %s\n", "input was canonical",
          g_bytes_equal (serialized, original) ? "yes (load + save reproduced it)" : "no");

  g_object_unref (doc);
  g_unlink (out_path);
  g_rmdir (tmpdir);
  return 0;
}
