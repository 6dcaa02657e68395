/* test-canvas-dnd.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drops from outside the canvas, with real pointer input through the X
 * drag-and-drop protocol: a .cjm file dragged from another window (as
 * from the file manager) opens as a map; text dragged from another window
 * onto a cell becomes a note there (one undo step). Also the overview:
 * pressing in it moves the view there.
 */

#define G_LOG_DOMAIN "CjmCanvasTest"

#include "config.h"

#include "../cjm-shared-samples.h"
#include "canvas-fixture.h"

/* A small undecorated window with one label that drags `content`. */
static GtkWindow *
source_window_new (GdkContentProvider *content,
                   GtkWidget         **label)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkDragSource *source = gtk_drag_source_new ();

  *label = gtk_label_new ("Drag me");
  gtk_widget_set_size_request (*label, 180, 90);
  gtk_drag_source_set_content (source, content);
  gtk_drag_source_set_actions (source, GDK_ACTION_COPY);
  gtk_widget_add_controller (*label, GTK_EVENT_CONTROLLER (source));
  gtk_window_set_decorated (window, FALSE);
  gtk_window_set_child (window, *label);
  cjm_harness_show (window);
  return window;
}

typedef struct {
  GFile     *file;
  CjmWindow *found;
} FindWindow;

static gboolean
window_for_file_shown (gpointer data)
{
  FindWindow *find = data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      CjmDocument *document;

      if (!CJM_IS_WINDOW (window) || !gtk_widget_get_mapped (GTK_WIDGET (window)))
        continue;
      document = cjm_window_get_document (CJM_WINDOW (window));
      if (document != NULL && cjm_document_get_file (document) != NULL
          && g_file_equal (cjm_document_get_file (document), find->file))
        {
          find->found = CJM_WINDOW (window);
          return TRUE;
        }
    }
  return FALSE;
}

static void
test_drop_cjm_file_opens_it (void)
{
  CanvasFixture f;
  g_autofree char *sample = cjm_shared_sample ("fiber-onboarding.he.cjm");
  g_autoptr(GFile) file = g_file_new_for_path (sample);
  GdkFileList *list;
  g_autoptr(GdkContentProvider) content = NULL;
  GtkWindow *source;
  GtkWidget *label;
  FindWindow find = { file, NULL };

  canvas_fixture_open (&f, "bill-payment.cjm");
  list = gdk_file_list_new_from_array (&file, 1);
  content = gdk_content_provider_new_typed (GDK_TYPE_FILE_LIST, list);
  g_boxed_free (GDK_TYPE_FILE_LIST, list);
  source = source_window_new (content, &label);

  cjm_harness_drag (label, 90, 45, GTK_WIDGET (f.canvas),
                    gtk_widget_get_width (GTK_WIDGET (f.canvas)) / 2.0,
                    gtk_widget_get_height (GTK_WIDGET (f.canvas)) / 2.0, 1, NULL, 12);

  /* The map opens in a window of its own; this one is untouched. */
  g_assert_true (cjm_harness_wait_for (window_for_file_shown, &find, 5000));
  g_assert_true (find.found != f.window);
  g_assert_cmpuint (cjm_document_get_n_items (cjm_window_get_document (find.found),
                                              CJM_KIND_STAGE), >, 0);
  g_assert_false (cjm_document_can_undo (f.document));

  gtk_window_destroy (GTK_WINDOW (find.found));
  gtk_window_destroy (source);
  canvas_fixture_close (&f);
}

static void
test_drop_text_makes_note (void)
{
  CanvasFixture f;
  g_autoptr(GdkContentProvider) content = NULL;
  g_autoptr(GBytes) saved = NULL;
  GtkWindow *source;
  GtkWidget *label;
  double x, y;

  canvas_fixture_open (&f, "bill-payment.cjm");
  content = gdk_content_provider_new_typed (G_TYPE_STRING, "Waits on hold for ten minutes");
  source = source_window_new (content, &label);

  canvas_fixture_cell_point (&f, "s-notice", "l-pain", &x, &y);
  cjm_harness_drag (label, 90, 45, GTK_WIDGET (f.canvas), x, y, 1, NULL, 12);

  saved = canvas_fixture_save (&f);
  g_assert_true (cjm_harness_bytes_contain (saved, "<note id=\"n-waits-on-hold-for-ten-mi\" "
                                                   "stage=\"s-notice\" lane=\"l-pain\">"
                                                   "Waits on hold for ten minutes</note>"));
  /* Text is not edited further: the note is done. */
  g_assert_false (cjm_canvas_is_editing (f.canvas));
  /* The drag source window took the keyboard when it was shown. */
  cjm_harness_focus (GTK_WINDOW (f.window));
  canvas_fixture_undo_restores (&f, 1);

  gtk_window_destroy (source);
  canvas_fixture_close (&f);
}

static void
test_overview_moves_view (void)
{
  CanvasFixture f;
  GtkAdjustment *v;
  graphene_rect_t target;
  double before;

  canvas_fixture_open (&f, "bill-payment.cjm");
  /* Big enough that the map does not fit: the overview shows. */
  cjm_canvas_set_zoom (f.canvas, 2.0);
  cjm_harness_wait_frame (GTK_WIDGET (f.canvas));
  v = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (f.canvas));
  gtk_adjustment_set_value (v, 0);
  cjm_harness_wait_frame (GTK_WIDGET (f.canvas));
  before = gtk_adjustment_get_value (v);

  /* The last lane's first card is off screen, down below. */
  g_assert_true (cjm_canvas_get_item_widget_rect (f.canvas, canvas_fixture_item (&f, "o-dispute"), &target));
  g_assert_cmpfloat (target.origin.y, >, gtk_widget_get_height (GTK_WIDGET (f.canvas)));

  /* Press near the bottom of the overview (bottom-right corner). */
  {
    double w = gtk_widget_get_width (GTK_WIDGET (f.canvas));
    double h = gtk_widget_get_height (GTK_WIDGET (f.canvas));
    double x = w - 12 - 20, y = h - 12 - 4;

    cjm_harness_click (GTK_WIDGET (f.canvas), x, y, 1, NULL);
  }
  g_assert_cmpfloat (gtk_adjustment_get_value (v), >, before + 100);
  g_assert_false (cjm_document_can_undo (f.document));
  g_assert_cmpuint (cjm_canvas_get_selection (f.canvas)->len, ==, 0);
  canvas_fixture_close (&f);
}

int
main (int   argc,
      char *argv[])
{
  canvas_test_init (&argc, &argv);

  g_test_add_func ("/canvas/dnd/cjm-file", test_drop_cjm_file_opens_it);
  g_test_add_func ("/canvas/dnd/text", test_drop_text_makes_note);
  g_test_add_func ("/canvas/dnd/overview", test_overview_moves_view);

  return g_test_run ();
}
