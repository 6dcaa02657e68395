/* bench-canvas.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Frame times of the canvas while a card is dragged across a large map,
 * in a real 1920×1080 window on the X server (run under Xvfb). The
 * pointer is moved with XTest, one step per frame, and each frame's work
 * (from the GdkFrameClock's frame time to the end of its paint) is
 * recorded. Prints the median, 95th percentile and worst frame, per zoom;
 * at 100 % also the time from a zoom step (within a run of steps, and the
 * first after a rest) and from a scroll step to the end of the frame that
 * shows it. The renderer is GTK's default (GL) unless
 * GSK_RENDERER is set.
 *
 *   xvfb-run -a -s '-screen 0 1920x1080x24' bench-canvas [--runs N]
 *       [--steps N] MAP.cjm
 */

#define G_LOG_DOMAIN "CjmBench"

#include "config.h"

#include <X11/extensions/XTest.h>
#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "bench-stats.h"
#include "cjm-application.h"
#include "cjm-canvas.h"
#include "cjm-window.h"

typedef struct {
  GArray  *work;          /* double, ms: frame time → end of paint */
  GArray  *interval;      /* double, ms: between frame times */
  gint64   last_frame;
  guint    painted;
  gboolean recording;
} Frames;

static void
on_after_paint (GdkFrameClock *clock,
                Frames        *frames)
{
  GdkFrameTimings *timings = gdk_frame_clock_get_current_timings (clock);
  gint64 frame_time = timings ? gdk_frame_timings_get_frame_time (timings)
                              : gdk_frame_clock_get_frame_time (clock);
  gint64 now = g_get_monotonic_time ();

  frames->painted++;
  if (!frames->recording)
    return;
  {
    double work = (now - frame_time) / 1000.0;

    g_array_append_val (frames->work, work);
  }
  if (frames->last_frame != 0)
    {
      double interval = (frame_time - frames->last_frame) / 1000.0;

      g_array_append_val (frames->interval, interval);
    }
  frames->last_frame = frame_time;
}

static void
iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE), g_usleep (200);
}

static gboolean
wait_paint (Frames *frames,
            guint   before,
            guint   timeout_ms)
{
  gint64 end = g_get_monotonic_time () + timeout_ms * 1000;

  while (frames->painted == before && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  return frames->painted != before;
}

/* Root-window coordinates of a canvas point. */
static void
to_root (GtkWidget *canvas,
         double     x,
         double     y,
         int       *rx,
         int       *ry)
{
  GtkNative *native = gtk_widget_get_native (canvas);
  Display *xdisplay = gdk_x11_display_get_xdisplay (gtk_widget_get_display (canvas));
  Window xid = gdk_x11_surface_get_xid (gtk_native_get_surface (native));
  double nx, ny, tx, ty;
  int ox, oy;
  Window child;

  gtk_widget_translate_coordinates (canvas, GTK_WIDGET (native), x, y, &nx, &ny);
  gtk_native_get_surface_transform (native, &tx, &ty);
  XTranslateCoordinates (xdisplay, xid, DefaultRootWindow (xdisplay), 0, 0, &ox, &oy, &child);
  *rx = ox + (int) (nx + tx);
  *ry = oy + (int) (ny + ty);
}

static void
fake_motion (Display *xdisplay,
             int      x,
             int      y)
{
  XTestFakeMotionEvent (xdisplay, -1, x, y, CurrentTime);
  XFlush (xdisplay);
}

/* Drags the card nearest the middle of the view around a loop. */
static void
drag_once (CjmCanvas *canvas,
           Frames    *frames,
           guint      steps)
{
  GtkWidget *widget = GTK_WIDGET (canvas);
  Display *xdisplay = gdk_x11_display_get_xdisplay (gtk_widget_get_display (widget));
  CjmLayout *layout = cjm_canvas_get_layout (canvas);
  double w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  double best = G_MAXDOUBLE, cx = w / 2, cy = h / 2;
  int rx, ry;

  /* The card closest to the centre of the view. */
  for (guint i = 0; i < cjm_layout_get_n_cards (layout); i++)
    {
      graphene_rect_t r;
      double x, y, d;

      if (!cjm_canvas_get_item_widget_rect (canvas, cjm_layout_get_card (layout, i)->item, &r))
        continue;
      x = r.origin.x + r.size.width / 2;
      y = r.origin.y + r.size.height / 2;
      d = hypot (x - w / 2, y - h / 2);
      if (d < best)
        {
          best = d;
          cx = x;
          cy = y;
        }
    }

  to_root (widget, cx, cy, &rx, &ry);
  fake_motion (xdisplay, rx, ry);
  iterate (50);
  XTestFakeButtonEvent (xdisplay, 1, True, CurrentTime);
  XFlush (xdisplay);
  iterate (50);

  frames->recording = TRUE;
  frames->last_frame = 0;
  for (guint i = 1; i <= steps; i++)
    {
      /* A loop of a third of the view, so the drop target changes cells. */
      double t = (double) i / steps * 2 * G_PI;
      double x = cx + sin (t) * w / 3;
      double y = cy + (1 - cos (t)) * h / 6 * (cy > h / 2 ? -1 : 1);
      guint before = frames->painted;

      to_root (widget, CLAMP (x, 10, w - 10), CLAMP (y, 10, h - 10), &rx, &ry);
      fake_motion (xdisplay, rx, ry);
      wait_paint (frames, before, 500);
    }
  frames->recording = FALSE;

  /* Escape: the drag changes nothing. */
  XTestFakeKeyEvent (xdisplay, XKeysymToKeycode (xdisplay, XK_Escape), True, CurrentTime);
  XTestFakeKeyEvent (xdisplay, XKeysymToKeycode (xdisplay, XK_Escape), False, CurrentTime);
  XTestFakeButtonEvent (xdisplay, 1, False, CurrentTime);
  XFlush (xdisplay);
  iterate (100);
}

/* A real drop: press on a card, move it two cells over, release; the time
 * from the release to the end of the next frame (the edit, the layout
 * update and the redraw), then Ctrl+Z. */
static double
drop_once (CjmCanvas *canvas,
           Frames    *frames)
{
  GtkWidget *widget = GTK_WIDGET (canvas);
  Display *xdisplay = gdk_x11_display_get_xdisplay (gtk_widget_get_display (widget));
  CjmLayout *layout = cjm_canvas_get_layout (canvas);
  CjmDocument *document = cjm_canvas_get_document (canvas);
  double w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  const CjmLayoutCard *card = NULL;
  graphene_rect_t r;
  int rx, ry;
  gint64 start;
  guint before;
  double ms;

  for (guint i = 0; i < cjm_layout_get_n_cards (layout) && card == NULL; i++)
    if (cjm_canvas_get_item_widget_rect (canvas, cjm_layout_get_card (layout, i)->item, &r)
        && r.origin.x > w / 4 && r.origin.y > h / 4 && r.origin.x + r.size.width < w / 2)
      card = cjm_layout_get_card (layout, i);
  if (card == NULL)
    return -1;

  to_root (widget, r.origin.x + r.size.width / 2, r.origin.y + r.size.height / 2, &rx, &ry);
  fake_motion (xdisplay, rx, ry);
  iterate (50);
  XTestFakeButtonEvent (xdisplay, 1, True, CurrentTime);
  XFlush (xdisplay);
  iterate (50);
  for (int i = 1; i <= 10; i++)
    {
      fake_motion (xdisplay, rx + (int) (i * r.size.width * 0.22), ry);
      iterate (20);
    }
  iterate (100);
  before = frames->painted;
  start = g_get_monotonic_time ();
  XTestFakeButtonEvent (xdisplay, 1, False, CurrentTime);
  XFlush (xdisplay);
  wait_paint (frames, before, 5000);
  ms = (g_get_monotonic_time () - start) / 1000.0;
  if (!cjm_document_can_undo (document))
    return -1;
  cjm_document_undo (document);
  iterate (200);
  return ms;
}

/* From a zoom step (in, then out again) or a scroll step (200 px to the
 * end of the map, then back) to the end of the frame that shows it, as a
 * wheel click would make; n of each, each after rest_ms of quiet. */
static void
steps_once (CjmCanvas *canvas,
            Frames    *frames,
            gboolean   zoom,
            guint      n,
            guint      rest_ms,
            GArray    *times)
{
  GtkAdjustment *hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (canvas));

  for (guint i = 0; i < n; i++)
    {
      guint before;
      gint64 start;
      double ms;

      if (rest_ms > 0)
        iterate (rest_ms);
      before = frames->painted;
      start = g_get_monotonic_time ();
      if (zoom && i % 2 == 0)
        cjm_canvas_zoom_in (canvas);
      else if (zoom)
        cjm_canvas_zoom_out (canvas);
      else
        gtk_adjustment_set_value (hadjustment, gtk_adjustment_get_value (hadjustment)
                                               + (i < n / 2 ? 200 : -200));
      wait_paint (frames, before, 20000);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (times, ms);
      iterate (30);
    }
}

static void
report_steps (const char *what,
              GArray     *times)
{
  printf ("%-22s steps %4u   median %7.1f ms  p95 %7.1f ms  max %7.1f ms\n", what, times->len,
          bench_percentile (times, 50), bench_percentile (times, 95), bench_percentile (times, 100));
  fflush (stdout);
}

static void
report (const char *what,
        Frames     *frames)
{
  printf ("%-22s frames %4u   work: median %6.2f ms  p95 %6.2f ms  max %6.2f ms"
          "   interval: median %6.2f ms  p95 %6.2f ms\n",
          what, frames->work->len,
          bench_percentile (frames->work, 50), bench_percentile (frames->work, 95),
          bench_percentile (frames->work, 100),
          bench_percentile (frames->interval, 50), bench_percentile (frames->interval, 95));
  fflush (stdout);
}

int
main (int   argc,
      char *argv[])
{
  int runs = 5, steps = 120;
  const char *path = NULL;
  g_autoptr(CjmApplication) app = NULL;
  g_autoptr(CjmDocument) document = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  CjmWindow *window;
  CjmCanvas *canvas;
  Frames frames = { 0 };
  GdkFrameClock *clock;
  int event, error_base, major, minor;
  gint64 start;
  const struct {
    const char *name;
    double      zoom;   /* 0: fit the map */
  } zooms[] = { { "100 %", 1.0 }, { "50 %", 0.5 }, { "fit (whole map)", 0 } };

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--runs") && i + 1 < argc)
        runs = atoi (argv[++i]);
      else if (g_str_equal (argv[i], "--steps") && i + 1 < argc)
        steps = atoi (argv[++i]);
      else
        path = argv[i];
    }
  if (path == NULL)
    {
      fprintf (stderr, "usage: bench-canvas [--runs N] [--steps N] MAP.cjm\n");
      return 2;
    }

  g_setenv ("GDK_BACKEND", "x11", TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  if (!gtk_init_check ())
    {
      fprintf (stderr, "bench-canvas: no X display (run under xvfb-run)\n");
      return 77;
    }
  adw_init ();
  if (!XTestQueryExtension (gdk_x11_display_get_xdisplay (gdk_display_get_default ()),
                            &event, &error_base, &major, &minor))
    {
      fprintf (stderr, "bench-canvas: the X server has no XTest\n");
      return 77;
    }

  app = cjm_application_new (APPLICATION_ID ".Bench", G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  file = g_file_new_for_commandline_arg (path);
  start = g_get_monotonic_time ();
  document = cjm_document_new_from_file (file, &error);
  if (document == NULL)
    {
      fprintf (stderr, "bench-canvas: %s\n", error->message);
      return 1;
    }
  printf ("map: %s, %u touchpoints, %u stages, %u lanes (loaded in %.0f ms)\n", path,
          cjm_document_get_n_items (document, CJM_KIND_TOUCHPOINT),
          cjm_document_get_n_items (document, CJM_KIND_STAGE),
          cjm_document_get_n_items (document, CJM_KIND_LANE),
          (g_get_monotonic_time () - start) / 1000.0);

  window = cjm_window_new (app, document);
  gtk_window_set_default_size (GTK_WINDOW (window), 1920, 1080);
  canvas = cjm_window_get_canvas (window);
  frames.work = g_array_new (FALSE, FALSE, sizeof (double));
  frames.interval = g_array_new (FALSE, FALSE, sizeof (double));

  start = g_get_monotonic_time ();
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &frames);
  wait_paint (&frames, 0, 10000);
  printf ("first frame after showing the window: %.0f ms (canvas %dx%d)\n",
          (g_get_monotonic_time () - start) / 1000.0,
          gtk_widget_get_width (GTK_WIDGET (canvas)), gtk_widget_get_height (GTK_WIDGET (canvas)));
  iterate (300);
  gtk_widget_grab_focus (GTK_WIDGET (canvas));

  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    {
      Frames all = { g_array_new (FALSE, FALSE, sizeof (double)),
                     g_array_new (FALSE, FALSE, sizeof (double)), 0, 0, FALSE };
      guint before;

      if (zooms[z].zoom > 0)
        cjm_canvas_set_zoom (canvas, zooms[z].zoom);
      else
        cjm_canvas_zoom_fit (canvas);
      start = g_get_monotonic_time ();
      before = frames.painted;
      gtk_widget_queue_draw (GTK_WIDGET (canvas));
      wait_paint (&frames, before, 10000);
      printf ("\n%s: zoom %.2f, first frame %.0f ms\n", zooms[z].name,
              cjm_canvas_get_zoom (canvas), (g_get_monotonic_time () - start) / 1000.0);
      iterate (300);

      for (int r = 0; r < runs; r++)
        {
          g_array_set_size (frames.work, 0);
          g_array_set_size (frames.interval, 0);
          drag_once (canvas, &frames, steps);
          g_array_append_vals (all.work, frames.work->data, frames.work->len);
          g_array_append_vals (all.interval, frames.interval->data, frames.interval->len);
          {
            g_autofree char *label = g_strdup_printf ("  run %d", r + 1);
            report (label, &frames);
          }
        }
      report ("  all runs", &all);
      if (zooms[z].zoom == 1.0)
        {
          g_autoptr(GArray) zoom_times = g_array_new (FALSE, FALSE, sizeof (double));
          g_autoptr(GArray) scroll_times = g_array_new (FALSE, FALSE, sizeof (double));

          for (int r = 0; r < runs; r++)
            {
              steps_once (canvas, &frames, TRUE, 10, 0, zoom_times);
              /* The zoom rests (the canvas draws it anew, see
               * cjm-canvas-nodes.c) before the scrolling starts. */
              iterate (500);
              steps_once (canvas, &frames, FALSE, 20, 0, scroll_times);
            }
          report_steps ("  zoom step", zoom_times);
          report_steps ("  scroll step", scroll_times);
          /* The first step of a zoom after the view has rested 1.5 s, in
           * and out in turn: the step that starts a gesture, which makes
           * the picture the following steps scale (cjm-canvas-nodes.c). */
          {
            g_autoptr(GArray) rested_times = g_array_new (FALSE, FALSE, sizeof (double));

            steps_once (canvas, &frames, TRUE, runs * 2, 1500, rested_times);
            report_steps ("  zoom step from rest", rested_times);
          }
        }
      {
        g_autoptr(GArray) drops = g_array_new (FALSE, FALSE, sizeof (double));

        for (int r = 0; r < runs; r++)
          {
            double ms = drop_once (canvas, &frames);

            if (ms >= 0)
              g_array_append_val (drops, ms);
          }
        printf ("  drop (release to next frame, edit + layout + redraw): median %.1f ms over %u\n",
                bench_percentile (drops, 50), drops->len);
      }
      g_array_unref (all.work);
      g_array_unref (all.interval);
    }

  /* The canvas's own share of an edit: the layout update it triggers. */
  {
    g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) edits = g_array_new (FALSE, FALSE, sizeof (double));
    CjmItem *card = cjm_document_get_item (document, CJM_KIND_TOUCHPOINT, 0);

    for (int r = 0; r < MAX (runs, 5); r++)
      {
        gint64 t0;
        double ms;

        t0 = g_get_monotonic_time ();
        cjm_document_set_field (document, card, CJM_FIELD_EMOTION, r % 2 ? "1" : "-1");
        ms = (g_get_monotonic_time () - t0) / 1000.0;
        g_array_append_val (edits, ms);
        t0 = g_get_monotonic_time ();
        cjm_canvas_get_layout (canvas);
        ms = (g_get_monotonic_time () - t0) / 1000.0;
        g_array_append_val (times, ms);
        cjm_document_undo (document);
        cjm_canvas_get_layout (canvas);
      }
    printf ("\nan edit (the document's ::changed handlers: checker, panels, canvas): median %.1f ms\n"
            "layout update after an edit (the canvas's share): median %.1f ms\n",
            bench_percentile (edits, 50), bench_percentile (times, 50));
  }

  if (cjm_document_get_modified (document))
    fprintf (stderr, "bench-canvas: the map was left changed\n");
  gtk_window_destroy (GTK_WINDOW (window));
  g_array_unref (frames.work);
  g_array_unref (frames.interval);
  return 0;
}
