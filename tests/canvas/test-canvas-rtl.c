/* test-canvas-rtl.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A right-to-left map opens at its start: the first stage, on the right,
 * is in view, not hidden off the right edge with the last stages showing.
 */

#define G_LOG_DOMAIN "test-canvas-rtl"

#include "config.h"

#include "../cjm-shared-samples.h"
#include "canvas-fixture.h"

static void
assert_stage_in_view (CjmCanvas  *canvas,
                      CjmDocument *document,
                      const char *stage_id)
{
  CjmItem *stage = cjm_document_lookup (document, stage_id);
  graphene_rect_t rect;
  int width = gtk_widget_get_width (GTK_WIDGET (canvas));

  g_assert_nonnull (stage);
  g_assert_true (cjm_canvas_get_item_widget_rect (canvas, stage, &rect));
  g_assert_cmpfloat (rect.origin.x, >=, 0);
  g_assert_cmpfloat (rect.origin.x + rect.size.width, <=, width);
}

static void
open_narrow (const char   *sample,
             CjmWindow   **window_out,
             CjmDocument **document_out)
{
  g_autofree char *path = cjm_shared_sample (sample);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  CjmDocument *document;
  CjmWindow *window;

  g_assert_nonnull (path);
  file = g_file_new_for_path (path);
  document = cjm_document_new_from_file (file, &error);
  g_assert_no_error (error);
  window = cjm_window_new (CJM_APPLICATION (g_application_get_default ()), document);
  /* Narrower than the map, so only some stages fit. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  cjm_harness_show (GTK_WINDOW (window));
  cjm_harness_wait_frame (GTK_WIDGET (cjm_window_get_canvas (window)));
  cjm_harness_iterate (100);

  *window_out = window;
  *document_out = document;
}

static void
test_rtl_opens_at_first_stage (void)
{
  CjmWindow *window;
  CjmDocument *document;
  CjmCanvas *canvas;
  double mw, mh;

  open_narrow ("fiber-onboarding.he.cjm", &window, &document);
  canvas = cjm_window_get_canvas (window);

  /* The map is wider than the view, so where it starts matters. */
  cjm_layout_get_size (cjm_canvas_get_layout (canvas), &mw, &mh);
  g_assert_cmpfloat (mw * cjm_canvas_get_zoom (canvas), >, gtk_widget_get_width (GTK_WIDGET (canvas)));

  assert_stage_in_view (canvas, document, "s-discover");

  /* Fit (Ctrl+1) keeps the start in view too. */
  cjm_harness_focus (GTK_WINDOW (window));
  gtk_widget_grab_focus (GTK_WIDGET (canvas));
  cjm_harness_key ("ctrl+1");
  cjm_harness_wait_frame (GTK_WIDGET (canvas));
  assert_stage_in_view (canvas, document, "s-discover");

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (document);
  cjm_harness_iterate (50);
}

static void
test_ltr_opens_at_first_stage (void)
{
  CjmWindow *window;
  CjmDocument *document;

  open_narrow ("bill-payment.cjm", &window, &document);
  assert_stage_in_view (cjm_window_get_canvas (window), document, "s-notice");

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (document);
  cjm_harness_iterate (50);
}

int
main (int    argc,
      char **argv)
{
  canvas_test_init (&argc, &argv);

  g_test_add_func ("/canvas/rtl/opens-at-first-stage", test_rtl_opens_at_first_stage);
  g_test_add_func ("/canvas/ltr/opens-at-first-stage", test_ltr_opens_at_first_stage);

  return g_test_run ();
}
