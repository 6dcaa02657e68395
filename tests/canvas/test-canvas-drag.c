/* test-canvas-drag.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drag and drop on the canvas of a real window, with real pointer input
 * (xdotool): each drag changes the saved file as the user meant, and one
 * Ctrl+Z brings the file back byte for byte.
 */

#define G_LOG_DOMAIN "CjmCanvasTest"

#include "config.h"

#include <string.h>

#include "canvas-fixture.h"
#include "cjm-layout.h"

/* The offset of the first occurrence of text in bytes, -1 when absent. */
static gssize
find (GBytes     *bytes,
      const char *text)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  const char *hit = g_strstr_len (data, len, text);

  return hit ? hit - data : -1;
}

static void
assert_contains (GBytes     *bytes,
                 const char *text)
{
  if (find (bytes, text) < 0)
    {
      g_printerr ("%.*s\n", (int) g_bytes_get_size (bytes), (const char *) g_bytes_get_data (bytes, NULL));
      g_error ("the saved file lacks: %s", text);
    }
}

static void
test_palette_touchpoint_to_cell (void)
{
  CanvasFixture f;
  GtkWidget *tile;
  double x, y;
  g_autoptr(GBytes) saved = NULL;
  CjmItem *item;

  canvas_fixture_open (&f, "bill-payment.cjm");
  tile = cjm_palette_get_tile_widget (f.palette, CJM_PALETTE_TILE_TOUCHPOINT);
  canvas_fixture_cell_point (&f, "s-followup", "l-web", &x, &y);

  cjm_harness_drag (tile, gtk_widget_get_width (tile) / 2.0, gtk_widget_get_height (tile) / 2.0,
                    GTK_WIDGET (f.canvas), x, y, 1, NULL, 8);

  /* The new card is selected and its title is being edited. */
  item = cjm_document_lookup (f.document, "t-new-touchpoint");
  g_assert_nonnull (item);
  g_assert_true (cjm_canvas_is_editing (f.canvas));
  g_assert_cmpuint (cjm_canvas_get_selection (f.canvas)->len, ==, 1);
  g_assert_true (g_ptr_array_index (cjm_canvas_get_selection (f.canvas), 0) == item);
  cjm_harness_key ("Escape");
  g_assert_false (cjm_canvas_is_editing (f.canvas));

  saved = canvas_fixture_save (&f);
  assert_contains (saved, "<touchpoint id=\"t-new-touchpoint\" stage=\"s-followup\" lane=\"l-web\">\n"
                          "      <title>New touchpoint</title>");
  canvas_fixture_undo_restores (&f, 1);
  canvas_fixture_close (&f);
}

static void
test_palette_touchpoint_on_text_lane (void)
{
  CanvasFixture f;
  GtkWidget *tile;
  double x, y;
  g_autoptr(GBytes) saved = NULL;

  canvas_fixture_open (&f, "bill-payment.cjm");
  tile = cjm_palette_get_tile_widget (f.palette, CJM_PALETTE_TILE_TOUCHPOINT);
  canvas_fixture_cell_point (&f, "s-notice", "l-pain", &x, &y);
  cjm_harness_drag (tile, gtk_widget_get_width (tile) / 2.0, gtk_widget_get_height (tile) / 2.0,
                    GTK_WIDGET (f.canvas), x, y, 1, NULL, 8);
  cjm_harness_key ("Escape");

  /* The lane decides: a touchpoint on a pain-points lane is a note there. */
  saved = canvas_fixture_save (&f);
  assert_contains (saved, "<note id=\"n-new-pain-point\" stage=\"s-notice\" lane=\"l-pain\">"
                          "New pain point</note>");
  g_assert_cmpint (find (saved, "t-new-touchpoint"), <, 0);
  canvas_fixture_undo_restores (&f, 1);
  canvas_fixture_close (&f);
}

static void
test_palette_stage_between_headers (void)
{
  CanvasFixture f;
  GtkWidget *tile;
  graphene_rect_t a, b;
  g_autoptr(GBytes) saved = NULL;

  canvas_fixture_open (&f, "bill-payment.cjm");
  tile = cjm_palette_get_tile_widget (f.palette, CJM_PALETTE_TILE_STAGE);
  g_assert_true (cjm_canvas_get_item_widget_rect (f.canvas, canvas_fixture_item (&f, "s-understand"), &a));
  g_assert_true (cjm_canvas_get_item_widget_rect (f.canvas, canvas_fixture_item (&f, "s-pay"), &b));

  /* On the boundary between "Understand" and "Pay". */
  cjm_harness_drag (tile, gtk_widget_get_width (tile) / 2.0, gtk_widget_get_height (tile) / 2.0,
                    GTK_WIDGET (f.canvas), b.origin.x + 4, b.origin.y + b.size.height / 2, 1, NULL, 8);
  cjm_harness_key ("Escape");

  saved = canvas_fixture_save (&f);
  g_assert_cmpint (find (saved, "<stage id=\"s-understand\">"), <, find (saved, "<stage id=\"s-new-stage\">"));
  g_assert_cmpint (find (saved, "<stage id=\"s-new-stage\">"), <, find (saved, "<stage id=\"s-pay\">"));
  canvas_fixture_undo_restores (&f, 1);
  canvas_fixture_close (&f);
}

static void
test_move_card_to_other_lane_and_stage (void)
{
  CanvasFixture f;
  double x0, y0, x1, y1;
  g_autoptr(GBytes) saved = NULL;

  canvas_fixture_open (&f, "bill-payment.cjm");
  canvas_fixture_item_center (&f, "t-sms-due", &x0, &y0);
  canvas_fixture_cell_point (&f, "s-pay", "l-call", &x1, &y1);
  cjm_harness_drag (GTK_WIDGET (f.canvas), x0, y0, GTK_WIDGET (f.canvas), x1, y1, 1, NULL, 10);

  saved = canvas_fixture_save (&f);
  assert_contains (saved, "<touchpoint id=\"t-sms-due\" stage=\"s-pay\" lane=\"l-call\"");
  /* Dropped after the call center's card: document order is cell order. */
  g_assert_cmpint (find (saved, "id=\"t-call-pay\""), <, find (saved, "id=\"t-sms-due\""));
  g_assert_false (cjm_document_can_redo (f.document));
  canvas_fixture_undo_restores (&f, 1);
  canvas_fixture_close (&f);
}

static void
test_move_card_refused_by_text_lane (void)
{
  CanvasFixture f;
  double x0, y0, x1, y1;
  g_autoptr(GBytes) saved = NULL;

  canvas_fixture_open (&f, "bill-payment.cjm");
  canvas_fixture_item_center (&f, "t-sms-due", &x0, &y0);
  canvas_fixture_cell_point (&f, "s-pay", "l-back", &x1, &y1);
  cjm_harness_drag (GTK_WIDGET (f.canvas), x0, y0, GTK_WIDGET (f.canvas), x1, y1, 1, NULL, 10);

  /* A touchpoint does not go into the backstage lane: nothing changed. */
  saved = canvas_fixture_save (&f);
  cjm_harness_assert_same_bytes (f.original, saved);
  g_assert_false (cjm_document_can_undo (f.document));
  canvas_fixture_close (&f);
}

static void
test_escape_cancels_drag (void)
{
  CanvasFixture f;
  double x0, y0, x1, y1;
  g_autoptr(GBytes) saved = NULL;

  canvas_fixture_open (&f, "bill-payment.cjm");
  canvas_fixture_item_center (&f, "t-sms-due", &x0, &y0);
  canvas_fixture_cell_point (&f, "s-pay", "l-call", &x1, &y1);
  cjm_harness_drag_cancel (GTK_WIDGET (f.canvas), x0, y0, GTK_WIDGET (f.canvas), x1, y1, 10);

  saved = canvas_fixture_save (&f);
  cjm_harness_assert_same_bytes (f.original, saved);
  g_assert_false (cjm_document_can_undo (f.document));
  canvas_fixture_close (&f);
}

static void
test_reorder_stage_by_header (void)
{
  CanvasFixture f;
  double x0, y0;
  graphene_rect_t pay;
  g_autoptr(GBytes) saved = NULL;

  canvas_fixture_open (&f, "bill-payment.cjm");
  canvas_fixture_item_center (&f, "s-notice", &x0, &y0);
  g_assert_true (cjm_canvas_get_item_widget_rect (f.canvas, canvas_fixture_item (&f, "s-pay"), &pay));

  /* Past the middle of "Pay": "Notice" goes after it. */
  cjm_harness_drag (GTK_WIDGET (f.canvas), x0, y0, GTK_WIDGET (f.canvas),
                    pay.origin.x + pay.size.width * 0.75, y0, 1, NULL, 12);

  saved = canvas_fixture_save (&f);
  g_assert_cmpint (find (saved, "<stage id=\"s-understand\">"), <, find (saved, "<stage id=\"s-pay\">"));
  g_assert_cmpint (find (saved, "<stage id=\"s-pay\">"), <, find (saved, "<stage id=\"s-notice\">"));
  g_assert_cmpint (find (saved, "<stage id=\"s-notice\">"), <, find (saved, "<stage id=\"s-confirm\">"));
  /* The cards follow their stage: still in s-notice. */
  assert_contains (saved, "<touchpoint id=\"t-sms-due\" stage=\"s-notice\" lane=\"l-email\"");
  canvas_fixture_undo_restores (&f, 1);
  canvas_fixture_close (&f);
}

static void
test_reorder_lane_by_header (void)
{
  CanvasFixture f;
  double x0, y0;
  graphene_rect_t call;
  g_autoptr(GBytes) saved = NULL;

  canvas_fixture_open (&f, "bill-payment.cjm");
  canvas_fixture_item_center (&f, "l-web", &x0, &y0);
  g_assert_true (cjm_canvas_get_item_widget_rect (f.canvas, canvas_fixture_item (&f, "l-call"), &call));

  cjm_harness_drag (GTK_WIDGET (f.canvas), x0, y0, GTK_WIDGET (f.canvas),
                    x0, call.origin.y + call.size.height * 0.75, 1, NULL, 12);

  saved = canvas_fixture_save (&f);
  g_assert_cmpint (find (saved, "<lane id=\"l-app\""), <, find (saved, "<lane id=\"l-call\""));
  g_assert_cmpint (find (saved, "<lane id=\"l-call\""), <, find (saved, "<lane id=\"l-web\""));
  g_assert_cmpint (find (saved, "<lane id=\"l-web\""), <, find (saved, "<lane id=\"l-branch\""));
  canvas_fixture_undo_restores (&f, 1);
  canvas_fixture_close (&f);
}

static gboolean
find_emotion_point (CanvasFixture *f,
                    const char    *id,
                    CjmLayoutPoint *point,
                    guint          *lane_index)
{
  CjmLayout *layout = cjm_canvas_get_layout (f->canvas);
  CjmItem *item = canvas_fixture_item (f, id);

  for (guint c = 0; c < cjm_layout_get_n_curves (layout); c++)
    {
      const CjmLayoutCurve *curve = cjm_layout_get_curve (layout, c);

      if (curve->target)
        continue;
      for (guint p = 0; p < curve->n_points; p++)
        if (curve->points[p].item == item)
          {
            *point = curve->points[p];
            *lane_index = curve->lane_index;
            return TRUE;
          }
    }
  return FALSE;
}

static void
test_drag_emotion_point (void)
{
  CanvasFixture f;
  CjmLayoutPoint point = { 0 };
  guint lane = 0;
  double x0, y0, x1, y1;
  g_autoptr(GBytes) saved = NULL;

  canvas_fixture_open (&f, "bill-payment.cjm");
  g_assert_true (find_emotion_point (&f, "t-branch-pay", &point, &lane));
  g_assert_cmpint (point.emotion, ==, 0);
  cjm_canvas_map_to_widget (f.canvas, point.x, point.y, &x0, &y0);
  cjm_canvas_map_to_widget (f.canvas, point.x,
                            cjm_layout_emotion_to_y (cjm_canvas_get_layout (f.canvas), lane, 2),
                            &x1, &y1);
  g_assert_cmpfloat (y1, <, y0 - 4);
  cjm_harness_drag (GTK_WIDGET (f.canvas), x0, y0, GTK_WIDGET (f.canvas), x1, y1, 1, NULL, 8);

  saved = canvas_fixture_save (&f);
  assert_contains (saved, "<touchpoint id=\"t-branch-pay\" stage=\"s-pay\" lane=\"l-branch\" "
                          "interaction=\"Pay bill\" emotion=\"2\"");
  canvas_fixture_undo_restores (&f, 1);
  canvas_fixture_close (&f);
}

static void
test_draw_link (void)
{
  CanvasFixture f;
  const CjmLayoutCard *card;
  double x0, y0, x1, y1;
  g_autoptr(GBytes) saved = NULL;

  canvas_fixture_open (&f, "bill-payment.cjm");
  card = cjm_layout_lookup_card (cjm_canvas_get_layout (f.canvas),
                                 canvas_fixture_item (&f, "t-app-push"));
  g_assert_nonnull (card);
  cjm_canvas_map_to_widget (f.canvas, card->handle.x, card->handle.y, &x0, &y0);
  canvas_fixture_item_center (&f, "t-branch-receipt", &x1, &y1);
  cjm_harness_drag (GTK_WIDGET (f.canvas), x0, y0, GTK_WIDGET (f.canvas), x1, y1, 1, NULL, 10);

  saved = canvas_fixture_save (&f);
  assert_contains (saved, "<link from=\"t-app-push\" to=\"t-branch-receipt\"/>");
  canvas_fixture_undo_restores (&f, 1);
  canvas_fixture_close (&f);
}

static void
test_rubber_band_and_move_two_cards (void)
{
  CanvasFixture f;
  graphene_rect_t web, app;
  double x0, y0, x1, y1;
  GPtrArray *selection;
  g_autoptr(GBytes) saved = NULL;
  CjmLayout *layout;
  const CjmLayoutCell *cell;

  canvas_fixture_open (&f, "bill-payment.cjm");
  layout = cjm_canvas_get_layout (f.canvas);
  g_assert_true (cjm_canvas_get_item_widget_rect (f.canvas, canvas_fixture_item (&f, "t-web-pay"), &web));
  g_assert_true (cjm_canvas_get_item_widget_rect (f.canvas, canvas_fixture_item (&f, "t-app-pay"), &app));

  /* From the empty top-start corner of the web cell to past the app card. */
  cell = cjm_layout_get_cell (layout,
                              cjm_document_index_of (f.document, canvas_fixture_item (&f, "s-pay")),
                              cjm_document_index_of (f.document, canvas_fixture_item (&f, "l-web")));
  cjm_canvas_map_to_widget (f.canvas, cell->rect.x + 3, cell->rect.y + 3, &x0, &y0);
  x1 = app.origin.x + app.size.width * 0.6;
  y1 = app.origin.y + app.size.height * 0.6;
  cjm_harness_drag (GTK_WIDGET (f.canvas), x0, y0, GTK_WIDGET (f.canvas), x1, y1, 1, NULL, 8);

  selection = cjm_canvas_get_selection (f.canvas);
  g_assert_cmpuint (selection->len, ==, 2);
  g_assert_true (g_ptr_array_find (selection, canvas_fixture_item (&f, "t-web-pay"), NULL));
  g_assert_true (g_ptr_array_find (selection, canvas_fixture_item (&f, "t-app-pay"), NULL));
  /* A rubber band is not an edit. */
  g_assert_false (cjm_document_can_undo (f.document));

  /* Drag one of them: both go. */
  canvas_fixture_item_center (&f, "t-web-pay", &x0, &y0);
  canvas_fixture_cell_point (&f, "s-followup", "l-web", &x1, &y1);
  cjm_harness_drag (GTK_WIDGET (f.canvas), x0, y0, GTK_WIDGET (f.canvas), x1, y1, 1, NULL, 10);

  saved = canvas_fixture_save (&f);
  assert_contains (saved, "<touchpoint id=\"t-web-pay\" stage=\"s-followup\" lane=\"l-web\"");
  assert_contains (saved, "<touchpoint id=\"t-app-pay\" stage=\"s-followup\" lane=\"l-web\"");
  g_assert_cmpuint (cjm_canvas_get_selection (f.canvas)->len, ==, 2);
  canvas_fixture_undo_restores (&f, 1);
  canvas_fixture_close (&f);
}

static void
test_reorder_within_cell (void)
{
  CanvasFixture f;
  GtkWidget *tile;
  double x, y;
  graphene_rect_t first;
  g_autoptr(GBytes) saved = NULL;

  canvas_fixture_open (&f, "bill-payment.cjm");

  /* A second pain point in the cell of n-p2, after it. */
  tile = cjm_palette_get_tile_widget (f.palette, CJM_PALETTE_TILE_PAIN_POINT);
  canvas_fixture_cell_point (&f, "s-pay", "l-pain", &x, &y);
  cjm_harness_drag (tile, gtk_widget_get_width (tile) / 2.0, gtk_widget_get_height (tile) / 2.0,
                    GTK_WIDGET (f.canvas), x, y, 1, NULL, 8);
  cjm_harness_key ("Escape");
  saved = canvas_fixture_save (&f);
  g_assert_cmpint (find (saved, "id=\"n-p2\""), <, find (saved, "id=\"n-new-pain-point\""));
  g_clear_pointer (&saved, g_bytes_unref);

  /* Drag it onto the leading half of n-p2: it goes first in the cell. */
  canvas_fixture_item_center (&f, "n-new-pain-point", &x, &y);
  g_assert_true (cjm_canvas_get_item_widget_rect (f.canvas, canvas_fixture_item (&f, "n-p2"), &first));
  cjm_harness_drag (GTK_WIDGET (f.canvas), x, y, GTK_WIDGET (f.canvas),
                    first.origin.x + first.size.width / 4, first.origin.y + first.size.height / 2,
                    1, NULL, 10);

  saved = canvas_fixture_save (&f);
  g_assert_cmpint (find (saved, "id=\"n-new-pain-point\""), <, find (saved, "id=\"n-p2\""));
  assert_contains (saved, "<note id=\"n-new-pain-point\" stage=\"s-pay\" lane=\"l-pain\">");

  /* One step for the move, one for the new card. */
  canvas_fixture_undo_restores (&f, 2);
  canvas_fixture_close (&f);
}

static void
test_rtl_stage_and_card (void)
{
  CanvasFixture f;
  double x0, y0, x1, y1;
  graphene_rect_t compare;
  g_autoptr(GBytes) saved = NULL;

  /* Right to left: the first stage is the right-most column. Dragging it
   * left past the middle of the second puts it second. */
  canvas_fixture_open (&f, "fiber-onboarding.he.cjm");
  canvas_fixture_item_center (&f, "s-discover", &x0, &y0);
  g_assert_true (cjm_canvas_get_item_widget_rect (f.canvas, canvas_fixture_item (&f, "s-compare"), &compare));
  g_assert_cmpfloat (compare.origin.x, <, x0);
  cjm_harness_drag (GTK_WIDGET (f.canvas), x0, y0, GTK_WIDGET (f.canvas),
                    compare.origin.x + compare.size.width * 0.25, y0, 1, NULL, 12);
  saved = canvas_fixture_save (&f);
  g_assert_cmpint (find (saved, "<stage id=\"s-compare\">"), <, find (saved, "<stage id=\"s-discover\">"));
  g_assert_cmpint (find (saved, "<stage id=\"s-discover\">"), <, find (saved, "<stage id=\"s-order\">"));
  canvas_fixture_undo_restores (&f, 1);
  g_clear_pointer (&saved, g_bytes_unref);

  /* A card to the next stage, which is to its left. */
  canvas_fixture_item_center (&f, "t-web-check", &x0, &y0);
  canvas_fixture_cell_point (&f, "s-order", "l-call", &x1, &y1);
  g_assert_cmpfloat (x1, <, x0);
  cjm_harness_drag (GTK_WIDGET (f.canvas), x0, y0, GTK_WIDGET (f.canvas), x1, y1, 1, NULL, 12);
  saved = canvas_fixture_save (&f);
  assert_contains (saved, "<touchpoint id=\"t-web-check\" stage=\"s-order\" lane=\"l-call\"");
  canvas_fixture_undo_restores (&f, 1);

  /* Alt+Left moves a card to the next stage in a right-to-left map. */
  {
    double x, y;

    canvas_fixture_item_center (&f, "t-web-check", &x, &y);
    cjm_harness_click (GTK_WIDGET (f.canvas), x, y, 1, NULL);
    cjm_harness_key ("alt+Left");
    g_clear_pointer (&saved, g_bytes_unref);
    saved = canvas_fixture_save (&f);
    assert_contains (saved, "<touchpoint id=\"t-web-check\" stage=\"s-compare\" lane=\"l-web\"");
  }
  canvas_fixture_undo_restores (&f, 1);
  canvas_fixture_close (&f);
}

static void
drag_tile (CanvasFixture  *f,
           CjmPaletteTile  which,
           double          x,
           double          y)
{
  GtkWidget *tile = cjm_palette_get_tile_widget (f->palette, which);

  cjm_harness_drag (tile, gtk_widget_get_width (tile) / 2.0, gtk_widget_get_height (tile) / 2.0,
                    GTK_WIDGET (f->canvas), x, y, 1, NULL, 8);
}

static void
test_build_map_from_scratch (void)
{
  CanvasFixture f;
  double w, h, x, y;
  g_autoptr(GBytes) saved = NULL;

  canvas_fixture_open_empty (&f);
  w = gtk_widget_get_width (GTK_WIDGET (f.canvas));
  h = gtk_widget_get_height (GTK_WIDGET (f.canvas));

  /* An empty map takes a stage and a lane anywhere. */
  drag_tile (&f, CJM_PALETTE_TILE_STAGE, w / 2, h / 2);
  g_assert_true (cjm_canvas_is_editing (f.canvas));
  cjm_harness_type ("Sign up");
  cjm_harness_key ("Return");
  drag_tile (&f, CJM_PALETTE_TILE_LANE_CHANNEL, w / 2, h / 2);
  cjm_harness_type ("Website");
  cjm_harness_key ("Return");
  g_assert_cmpuint (cjm_document_get_n_items (f.document, CJM_KIND_STAGE), ==, 1);
  g_assert_cmpuint (cjm_document_get_n_items (f.document, CJM_KIND_LANE), ==, 1);

  /* A second stage after the first: dropped right of its middle. */
  {
    graphene_rect_t first;

    g_assert_true (cjm_canvas_get_item_widget_rect (f.canvas, canvas_fixture_item (&f, "s-new-stage"),
                                                    &first));
    drag_tile (&f, CJM_PALETTE_TILE_STAGE, first.origin.x + first.size.width * 0.9,
               first.origin.y + first.size.height / 2);
    cjm_harness_type ("Pay");
    cjm_harness_key ("Return");
  }

  /* And a touchpoint in the second stage's cell. */
  canvas_fixture_cell_point (&f, "s-new-stage-1", "l-new-channel", &x, &y);
  drag_tile (&f, CJM_PALETTE_TILE_TOUCHPOINT, x, y);
  cjm_harness_type ("Card form");
  cjm_harness_key ("Return");

  saved = canvas_fixture_save (&f);
  assert_contains (saved, "<stage id=\"s-new-stage\">\n      <name>Sign up</name>\n    </stage>\n"
                          "    <stage id=\"s-new-stage-1\">\n      <name>Pay</name>");
  assert_contains (saved, "<lane id=\"l-new-channel\" kind=\"channel\">\n      <name>Website</name>");
  assert_contains (saved, "<touchpoint id=\"t-new-touchpoint\" stage=\"s-new-stage-1\" "
                          "lane=\"l-new-channel\">\n      <title>Card form</title>");

  /* Eight steps back to nothing. */
  canvas_fixture_undo_restores (&f, 8);
  canvas_fixture_close (&f);
}

int
main (int   argc,
      char *argv[])
{
  canvas_test_init (&argc, &argv);

  g_test_add_func ("/canvas/drag/palette-touchpoint", test_palette_touchpoint_to_cell);
  g_test_add_func ("/canvas/drag/palette-touchpoint-text-lane", test_palette_touchpoint_on_text_lane);
  g_test_add_func ("/canvas/drag/palette-stage", test_palette_stage_between_headers);
  g_test_add_func ("/canvas/drag/move-card", test_move_card_to_other_lane_and_stage);
  g_test_add_func ("/canvas/drag/move-card-refused", test_move_card_refused_by_text_lane);
  g_test_add_func ("/canvas/drag/escape-cancels", test_escape_cancels_drag);
  g_test_add_func ("/canvas/drag/reorder-in-cell", test_reorder_within_cell);
  g_test_add_func ("/canvas/drag/stage-header", test_reorder_stage_by_header);
  g_test_add_func ("/canvas/drag/lane-header", test_reorder_lane_by_header);
  g_test_add_func ("/canvas/drag/emotion-point", test_drag_emotion_point);
  g_test_add_func ("/canvas/drag/link", test_draw_link);
  g_test_add_func ("/canvas/drag/rubber-band-move", test_rubber_band_and_move_two_cards);
  g_test_add_func ("/canvas/drag/from-scratch", test_build_map_from_scratch);
  g_test_add_func ("/canvas/drag/right-to-left", test_rtl_stage_and_card);

  return g_test_run ();
}
