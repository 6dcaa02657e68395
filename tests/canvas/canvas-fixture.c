/* canvas-fixture.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CjmCanvasTest"

#include "config.h"

#include "../cjm-shared-samples.h"
#include "canvas-fixture.h"

static CjmApplication *app;

void
canvas_test_init (int    *argc,
                  char ***argv)
{
  g_autoptr(GError) error = NULL;

  /* The maps the tests edit are copies of the shared samples. */
  cjm_shared_samples_require ();
  cjm_harness_init (argc, argv);
  app = cjm_application_new (APPLICATION_ID ".CanvasTest",
                             G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("Could not register the application: %s", error->message);
  g_application_hold (G_APPLICATION (app));
}

static void
show_document (CanvasFixture *f)
{
  f->window = cjm_window_new (app, f->document);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1900, 1060);
  f->canvas = cjm_window_get_canvas (f->window);
  f->palette = cjm_window_get_palette (f->window);
  g_assert_nonnull (f->canvas);
  g_assert_nonnull (f->palette);

  cjm_harness_show (GTK_WINDOW (f->window));
  cjm_harness_focus (GTK_WINDOW (f->window));
  gtk_widget_grab_focus (GTK_WIDGET (f->canvas));
  cjm_harness_wait_frame (GTK_WIDGET (f->canvas));

  /* The whole map in view (Ctrl+1: fit), so every target is on screen. */
  cjm_harness_key ("ctrl+1");
  cjm_harness_wait_frame (GTK_WIDGET (f->canvas));
  g_assert_cmpfloat (cjm_canvas_get_zoom (f->canvas), <=, 1.0);

  f->original = canvas_fixture_save (f);
}

void
canvas_fixture_open (CanvasFixture *f,
                     const char    *sample)
{
  g_autofree char *source = cjm_shared_sample (sample);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_assert_nonnull (source);
  memset (f, 0, sizeof *f);
  f->path = g_build_filename (cjm_harness_get_tmpdir (), sample, NULL);
  bytes = cjm_harness_read_file (source);
  g_file_set_contents (f->path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);

  file = g_file_new_for_path (f->path);
  f->document = cjm_document_new_from_file (file, &error);
  g_assert_no_error (error);
  show_document (f);
}

void
canvas_fixture_open_path (CanvasFixture *f,
                          const char    *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  memset (f, 0, sizeof *f);
  f->path = g_strdup (path);
  f->document = cjm_document_new_from_file (file, &error);
  g_assert_no_error (error);
  show_document (f);
}

void
canvas_fixture_open_empty (CanvasFixture *f)
{
  memset (f, 0, sizeof *f);
  f->document = cjm_document_new ();
  show_document (f);
}

void
canvas_fixture_close (CanvasFixture *f)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  cjm_harness_iterate (50);
  g_clear_object (&f->document);
  g_clear_pointer (&f->original, g_bytes_unref);
  g_clear_pointer (&f->path, g_free);
}

char *
canvas_fixture_generate_map (const char *name,
                             const char *seed)
{
  g_autofree char *script = g_build_filename (CJM_SOURCE_ROOT, "tests", "bench", "gen-map.py",
                                              NULL);
  char *path = g_build_filename (cjm_harness_get_tmpdir (), name, NULL);
  const char *argv[] = { "python3", script, "--stages", "36", "--channels", "3",
                         "--touchpoints", "420", "--personas", "2", "--seed", seed,
                         "-o", path, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  return path;
}

void
canvas_fixture_shoot (CanvasFixture *f,
                      const char    *prefix,
                      const char    *name,
                      CanvasShot    *shot)
{
  const char *dir = g_getenv ("CJM_SCREENSHOT_DIR");
  const char *renderer = g_getenv ("GSK_RENDERER");
  g_autofree char *file = g_strdup_printf ("%s-%s-%s.png", prefix,
                                           renderer ? renderer : "default", name);
  g_autofree char *path = g_build_filename (dir && *dir ? dir : cjm_harness_get_tmpdir (), file,
                                            NULL);
  g_autoptr(GError) error = NULL;

  cjm_harness_screenshot (GTK_WINDOW (f->window), path);
  shot->pixbuf = gdk_pixbuf_new_from_file (path, &error);
  g_assert_no_error (error);
  cjm_harness_to_surface (GTK_WIDGET (f->canvas), 0, 0, &shot->x0, &shot->y0);
}

const guint8 *
canvas_shot_pixel (const CanvasShot *shot,
                   int               wx,
                   int               wy)
{
  int x = shot->x0 + wx, y = shot->y0 + wy;

  if (x < 0 || y < 0 || x >= gdk_pixbuf_get_width (shot->pixbuf)
      || y >= gdk_pixbuf_get_height (shot->pixbuf))
    return NULL;
  return gdk_pixbuf_read_pixels (shot->pixbuf) + y * gdk_pixbuf_get_rowstride (shot->pixbuf)
         + x * gdk_pixbuf_get_n_channels (shot->pixbuf);
}

CjmMinimap *
canvas_fixture_find_minimap (CjmCanvas *canvas)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (canvas)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (CJM_IS_MINIMAP (child))
      return CJM_MINIMAP (child);
  return NULL;
}

CjmItem *
canvas_fixture_item (CanvasFixture *f,
                     const char    *id)
{
  CjmItem *item = cjm_document_lookup (f->document, id);

  if (item == NULL)
    g_error ("no item %s in the map", id);
  return item;
}

void
canvas_fixture_item_center (CanvasFixture *f,
                            const char    *id,
                            double        *x,
                            double        *y)
{
  graphene_rect_t rect;

  g_assert_true (cjm_canvas_get_item_widget_rect (f->canvas, canvas_fixture_item (f, id), &rect));
  *x = rect.origin.x + rect.size.width / 2;
  *y = rect.origin.y + rect.size.height / 2;
  {
    double wx, wy;
    gtk_widget_translate_coordinates (GTK_WIDGET (f->canvas), GTK_WIDGET (f->window), 0, 0, &wx, &wy);
    g_debug ("item %s at %.0f,%.0f %.0fx%.0f; canvas at %.0f,%.0f size %dx%d zoom %.2f h %.0f v %.0f", id,
             rect.origin.x, rect.origin.y, rect.size.width, rect.size.height, wx, wy,
             gtk_widget_get_width (GTK_WIDGET (f->canvas)), gtk_widget_get_height (GTK_WIDGET (f->canvas)),
             cjm_canvas_get_zoom (f->canvas),
             gtk_adjustment_get_value (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (f->canvas))),
             gtk_adjustment_get_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (f->canvas))));
  }
  g_assert_cmpfloat (*x, >, 0);
  g_assert_cmpfloat (*y, >, 0);
  g_assert_cmpfloat (*x, <, gtk_widget_get_width (GTK_WIDGET (f->canvas)));
  g_assert_cmpfloat (*y, <, gtk_widget_get_height (GTK_WIDGET (f->canvas)));
}

void
canvas_fixture_cell_point (CanvasFixture *f,
                           const char    *stage_id,
                           const char    *lane_id,
                           double        *x,
                           double        *y)
{
  CjmLayout *layout = cjm_canvas_get_layout (f->canvas);
  int s = cjm_document_index_of (f->document, canvas_fixture_item (f, stage_id));
  int l = cjm_document_index_of (f->document, canvas_fixture_item (f, lane_id));
  const CjmLayoutCell *cell = cjm_layout_get_cell (layout, s, l);
  double bottom = cell->rect.y + cell->rect.height;

  /* Below the last card, in the middle of the cell's width. */
  if (cell->n_cards > 0)
    {
      const CjmLayoutCard *last = cjm_layout_get_card (layout, cell->first_card + cell->n_cards - 1);

      bottom = MIN (bottom, last->rect.y + last->rect.height + 12);
      if (last->rect.y + last->rect.height + 12 > cell->rect.y + cell->rect.height)
        bottom = cell->rect.y + cell->rect.height - 3;
    }
  else
    bottom = cell->rect.y + cell->rect.height / 2;
  cjm_canvas_map_to_widget (f->canvas, cell->rect.x + cell->rect.width / 2, bottom, x, y);
}

GBytes *
canvas_fixture_save (CanvasFixture *f)
{
  return cjm_harness_save_bytes (f->document);
}

void
canvas_fixture_undo_restores (CanvasFixture *f,
                              guint          n_undo)
{
  g_autoptr(GBytes) bytes = NULL;

  for (guint i = 0; i < n_undo; i++)
    cjm_harness_key ("ctrl+z");
  bytes = canvas_fixture_save (f);
  cjm_harness_assert_same_bytes (f->original, bytes);
}
