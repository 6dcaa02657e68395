/* bench-render.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Medians for the hot paths on a 2,000-touchpoint map (40 stages, 12
 * channel lanes): layout (new, and update after an edit), drawing a
 * 1920×1080 viewport at 100 %, hit-testing, and the full-map PDF export.
 * Run with `meson test -C build --benchmark --suite render-bench -v`.
 * Each figure is the median of the process's CPU time per run (the machine
 * is shared, so wall-clock time also counts other programs), with the
 * wall-clock median beside it.
 */

#define G_LOG_DOMAIN "bench-render"

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "cjm-export.h"
#include "cjm-layout.h"
#include "cjm-render.h"
#include "cjm-test-maps.h"

typedef struct {
  gint64 wall;
  double cpu;
} Stamp;

static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static Stamp
stamp (void)
{
  return (Stamp) { g_get_monotonic_time (), cpu_ms () };
}

static GArray *walls;

/* CPU milliseconds since start; records the wall-clock time too. */
static double
elapsed (Stamp start)
{
  double wall = (g_get_monotonic_time () - start.wall) / 1000.0;

  g_array_append_val (walls, wall);
  return cpu_ms () - start.cpu;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *times)
{
  g_array_sort (times, compare_double);
  return g_array_index (times, double, times->len / 2);
}

static void
report (const char *name,
        GArray     *times,
        double      goal_ms)
{
  double m = median (times);
  double w = median (walls);

  printf ("%-36s median %8.2f ms CPU  (min %.2f, max %.2f, n=%u; wall %.2f ms)%s\n", name, m,
          g_array_index (times, double, 0), g_array_index (times, double, times->len - 1), times->len, w,
          goal_ms > 0 ? (m <= goal_ms ? "  within goal" : "  OVER GOAL") : "");
  g_array_set_size (walls, 0);
  if (goal_ms > 0)
    printf ("%-36s goal   %8.2f ms\n", "", goal_ms);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CjmDocument) doc = cjm_test_synthetic_map (40, 12, 2000);
  g_autoptr(CjmLayout) layout = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *dir = g_dir_make_tmp ("cjm-bench-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "map.pdf", NULL);
  CjmItem *tp = cjm_document_lookup (doc, "t1000");
  double w, h;

  walls = g_array_new (FALSE, FALSE, sizeof (double));
  printf ("map: %u touchpoints, %u stages, %u lanes, %u links\n",
          cjm_document_get_n_items (doc, CJM_KIND_TOUCHPOINT), cjm_document_get_n_items (doc, CJM_KIND_STAGE),
          cjm_document_get_n_items (doc, CJM_KIND_LANE), cjm_document_get_n_items (doc, CJM_KIND_LINK));

  /* a new layout: every text shaped and measured */
  for (int i = 0; i < 9; i++)
    {
      Stamp t0 = stamp ();
      g_autoptr(CjmLayout) fresh = cjm_layout_new (doc, NULL);
      double ms = elapsed (t0);

      g_array_append_val (times, ms);
    }
  report ("layout, new (cold text cache)", times, 0);
  g_array_set_size (times, 0);

  /* after an edit: what the canvas does on every change */
  layout = cjm_layout_new (doc, NULL);
  for (int i = 0; i < 31; i++)
    {
      g_autofree char *title = g_strdup_printf ("Edited title number %d", i % 3);
      Stamp t0;
      double ms;

      cjm_document_set_field (doc, tp, CJM_FIELD_TITLE, title);
      t0 = stamp ();
      cjm_layout_update (layout);
      ms = elapsed (t0);
      g_array_append_val (times, ms);
    }
  report ("layout, update after an edit", times, 10);
  g_array_set_size (times, 0);

  cjm_layout_get_size (layout, &w, &h);
  printf ("map size: %.0f × %.0f\n", w, h);

  /* a 1920×1080 viewport at 100 %, at a few places on the map */
  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
    double xs[] = { 0, w / 3, w / 2, w - 1920 };
    double ys[] = { 0, h / 3, h / 2, MAX (0, h - 1080) };

    for (int i = 0; i < 24; i++)
      {
        cairo_t *cr = cairo_create (surface);
        Stamp t0 = stamp ();
        double ms;

        cairo_translate (cr, -xs[i % 4], -ys[(i / 4) % 4]);
        cjm_render_draw (layout, doc, cr, NULL);
        cairo_destroy (cr);
        cairo_surface_flush (surface);
        ms = elapsed (t0);
        if (i >= 4)   /* the first frames shape the facts and meta lines */
          g_array_append_val (times, ms);
        else
          g_array_set_size (walls, walls->len - 1);
      }
    cairo_surface_destroy (surface);
  }
  report ("draw 1920×1080 viewport at 100 %", times, 8);
  g_array_set_size (times, 0);

  /* hit-testing: 1,000 points */
  {
    CjmHit hit;
    Stamp t0 = stamp ();
    double ms;

    for (int i = 0; i < 1000; i++)
      cjm_layout_hit_test (layout, (i * 7919) % (int) w, (i * 104729) % (int) h, &hit);
    ms = elapsed (t0);
    printf ("%-36s %8.4f ms CPU each\n", "hit test", ms / 1000);
    g_array_set_size (walls, 0);
  }

  /* the whole map, fitted to one A3 page, as PDF */
  for (int i = 0; i < 5; i++)
    {
      CjmPageSetup setup;
      Stamp t0 = stamp ();
      g_autoptr(CjmPagePlan) plan = NULL;
      g_autoptr(GError) error = NULL;
      double ms;

      cjm_page_setup_init (&setup);
      setup.paper = CJM_PAPER_A3;
      plan = cjm_page_plan_new (doc, &setup, NULL, NULL);
      if (!cjm_page_plan_write_pdf (plan, pdf, &error))
        g_error ("%s", error->message);
      ms = elapsed (t0);
      g_array_append_val (times, ms);
    }
  report ("full-map PDF export (A3, fit page)", times, 1000);
  g_array_set_size (times, 0);

  /* and tiled at actual size */
  for (int i = 0; i < 3; i++)
    {
      CjmPageSetup setup;
      Stamp t0 = stamp ();
      g_autoptr(CjmPagePlan) plan = NULL;
      g_autoptr(GError) error = NULL;
      double ms;

      cjm_page_setup_init (&setup);
      setup.fit = CJM_FIT_NONE;
      plan = cjm_page_plan_new (doc, &setup, NULL, NULL);
      if (!cjm_page_plan_write_pdf (plan, pdf, &error))
        g_error ("%s", error->message);
      ms = elapsed (t0);
      g_array_append_val (times, ms);
      if (i == 0)
        printf ("tiled at actual size: %u pages\n", cjm_page_plan_get_n_pages (plan));
    }
  report ("full-map PDF export (A4, tiled)", times, 0);

  g_unlink (pdf);
  g_rmdir (dir);
  return 0;
}
