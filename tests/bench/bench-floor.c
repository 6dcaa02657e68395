/* bench-floor.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The floor under Journeyman's figures: the least any GTK 4 + libadwaita
 * application costs on this machine and renderer. An AdwApplicationWindow
 * with a header bar and one widget that paints a white page with a small
 * block on it, nothing else: no map, no panels, no text.
 *
 *   bench-floor                 shows the window and stays until killed
 *                               (bench-vs-dia.py times its launch until
 *                               idle and reads its resident memory)
 *   bench-floor --frames N      moves the block one step per frame, N
 *                               frames, and prints each frame's work
 *                               (from the frame clock's frame time to the
 *                               end of its paint) as bench-canvas does
 *
 * The renderer is GTK's default (GL) unless GSK_RENDERER is set. Run it
 * under xvfb-run at 1920×1080 to compare with bench-canvas.
 */

#define G_LOG_DOMAIN "CjmBench"

#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "bench-stats.h"

#define FLOOR_TYPE_AREA (floor_area_get_type ())
G_DECLARE_FINAL_TYPE (FloorArea, floor_area, FLOOR, AREA, GtkWidget)

struct _FloorArea
{
  GtkWidget parent_instance;
  guint     step;
};

G_DEFINE_FINAL_TYPE (FloorArea, floor_area, GTK_TYPE_WIDGET)

static void
floor_area_snapshot (GtkWidget   *widget,
                     GtkSnapshot *snapshot)
{
  FloorArea *self = FLOOR_AREA (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GdkRGBA page = { 1, 1, 1, 1 };
  GdkRGBA block = { 0.21, 0.52, 0.89, 1 };
  double x = fmod (self->step * 7.0, MAX (1, width - 200));

  gtk_snapshot_append_color (snapshot, &page, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gtk_snapshot_append_color (snapshot, &block, &GRAPHENE_RECT_INIT (x, height / 2.0, 200, 120));
}

static void
floor_area_class_init (FloorAreaClass *klass)
{
  GTK_WIDGET_CLASS (klass)->snapshot = floor_area_snapshot;
}

static void
floor_area_init (FloorArea *self)
{
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
}

typedef struct {
  GArray    *work;        /* double, ms */
  guint      wanted;
  guint      painted;
  gboolean   recording;
  gboolean   reported;
  FloorArea *area;
} Frames;

static gboolean
move_block (GtkWidget     *widget,
            GdkFrameClock *clock,
            gpointer       data)
{
  FloorArea *self = FLOOR_AREA (widget);

  self->step++;
  gtk_widget_queue_draw (widget);
  return G_SOURCE_CONTINUE;
}

static void
on_after_paint (GdkFrameClock *clock,
                Frames        *frames)
{
  GdkFrameTimings *timings = gdk_frame_clock_get_current_timings (clock);
  gint64 frame_time = timings ? gdk_frame_timings_get_frame_time (timings)
                              : gdk_frame_clock_get_frame_time (clock);
  gint64 now = g_get_monotonic_time ();

  frames->painted++;
  if (!frames->reported)
    {
      /* As the app does with JOURNEYMAN_REPORT_FIRST_FRAME. */
      printf ("bench-floor: first-frame %" G_GINT64_FORMAT "\n", now);
      fflush (stdout);
      frames->reported = TRUE;
    }
  if (frames->wanted == 0)
    return;
  /* The first frames build the window; the moving block starts after. */
  if (!frames->recording && frames->painted == 10)
    {
      frames->recording = TRUE;
      gtk_widget_add_tick_callback (GTK_WIDGET (frames->area), move_block, NULL, NULL);
      return;
    }
  if (!frames->recording)
    {
      gtk_widget_queue_draw (GTK_WIDGET (frames->area));
      return;
    }
  {
    double work = (now - frame_time) / 1000.0;

    g_array_append_val (frames->work, work);
  }
  if (frames->work->len >= frames->wanted)
    {
      const char *renderer = g_getenv ("GSK_RENDERER");

      printf ("empty libadwaita window (%s), a block moved each frame: frames %u   "
              "work: median %6.2f ms  p95 %6.2f ms  max %6.2f ms\n",
              renderer ? renderer : "default renderer", frames->work->len,
              bench_percentile (frames->work, 50), bench_percentile (frames->work, 95),
              bench_percentile (frames->work, 100));
      fflush (stdout);
      exit (0);
    }
}

static void
on_realize (GtkWidget *window,
            Frames    *frames)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_after_paint), frames);
}

/* Without a compositor (Xvfb), the window frame as Journeyman draws it
 * (src/app/style.css): Adwaita's inset shadows would cost the floor
 * 35 ms a frame under GL that the app does not pay. */
static const char frame_css[] =
  "window.solid-csd { box-shadow: none; padding: 0; border: 4px solid @headerbar_bg_color;"
  " outline: 1px solid alpha(currentColor, 0.15); outline-offset: -1px; }"
  "window.solid-csd > .contents { border: 1px solid alpha(currentColor, 0.15); }";

static void
on_activate (GApplication *app,
             Frames       *frames)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_css_provider_load_from_data (provider, frame_css, -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_window_set_title (GTK_WINDOW (window), "Floor");
  gtk_window_set_default_size (GTK_WINDOW (window), 1920, 1080);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  frames->area = g_object_new (FLOOR_TYPE_AREA, NULL);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (frames->area));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  g_signal_connect (window, "realize", G_CALLBACK (on_realize), frames);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;
  Frames frames = { g_array_new (FALSE, FALSE, sizeof (double)), 0, 0, FALSE, FALSE, NULL };

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--frames") && i + 1 < argc)
        frames.wanted = (guint) atoi (argv[++i]);
      else
        {
          fprintf (stderr, "usage: bench-floor [--frames N]\n");
          return 2;
        }
    }

  app = adw_application_new ("io.github.journeyman.Journeyman.BenchFloor",
                             G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (on_activate), &frames);
  return g_application_run (G_APPLICATION (app), 1, argv);
}
