/* test-canvas-keys.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The canvas from the keyboard, in a real window with real key presses
 * (xdotool): create a card, edit its title in place, move it between cells
 * with Alt+arrows, delete it, undo everything; arrows between cards;
 * copy, paste and duplicate; select all; zoom and pan.
 */

#define G_LOG_DOMAIN "CjmCanvasTest"

#include "config.h"

#include "canvas-fixture.h"

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
assert_saved_contains (CanvasFixture *f,
                       const char    *text)
{
  g_autoptr(GBytes) saved = canvas_fixture_save (f);

  if (find (saved, text) < 0)
    {
      g_printerr ("%.*s\n", (int) g_bytes_get_size (saved), (const char *) g_bytes_get_data (saved, NULL));
      g_error ("the saved file lacks: %s", text);
    }
}

static void
assert_saved_lacks (CanvasFixture *f,
                    const char    *text)
{
  g_autoptr(GBytes) saved = canvas_fixture_save (f);

  g_assert_cmpint (find (saved, text), <, 0);
}

static const char *
selected_id (CanvasFixture *f)
{
  GPtrArray *selection = cjm_canvas_get_selection (f->canvas);

  g_assert_cmpuint (selection->len, ==, 1);
  return cjm_item_get_id (g_ptr_array_index (selection, 0));
}

static void
select_by_click (CanvasFixture *f,
                 const char    *id)
{
  double x, y;

  canvas_fixture_item_center (f, id, &x, &y);
  cjm_harness_click (GTK_WIDGET (f->canvas), x, y, 1, NULL);
  g_assert_cmpstr (selected_id (f), ==, id);
}

static void
test_create_edit_move_delete (void)
{
  CanvasFixture f;

  canvas_fixture_open (&f, "bill-payment.cjm");
  select_by_click (&f, "t-web-pay");

  /* Insert: a new card like this one, after it, its title in edit. */
  cjm_harness_key ("Insert");
  g_assert_true (cjm_canvas_is_editing (f.canvas));
  g_assert_cmpstr (selected_id (&f), ==, "t-new-touchpoint");
  cjm_harness_type ("Scan a QR code");
  cjm_harness_key ("Return");
  g_assert_false (cjm_canvas_is_editing (f.canvas));
  assert_saved_contains (&f, "<touchpoint id=\"t-new-touchpoint\" stage=\"s-pay\" lane=\"l-web\">\n"
                             "      <title>Scan a QR code</title>");

  /* Alt+Right: the next stage; Alt+Down: the next lane that takes it. */
  cjm_harness_key ("alt+Right");
  assert_saved_contains (&f, "<touchpoint id=\"t-new-touchpoint\" stage=\"s-confirm\" lane=\"l-web\">");
  cjm_harness_key ("alt+Down");
  assert_saved_contains (&f, "<touchpoint id=\"t-new-touchpoint\" stage=\"s-confirm\" lane=\"l-app\">");
  /* Up twice: past the website to the e-mail lane. */
  cjm_harness_key ("alt+Up");
  cjm_harness_key ("alt+Up");
  assert_saved_contains (&f, "<touchpoint id=\"t-new-touchpoint\" stage=\"s-confirm\" lane=\"l-email\">");

  /* Delete */
  g_assert_cmpstr (selected_id (&f), ==, "t-new-touchpoint");
  cjm_harness_key ("Delete");
  assert_saved_lacks (&f, "t-new-touchpoint");
  g_assert_cmpuint (cjm_canvas_get_selection (f.canvas)->len, ==, 0);

  /* Undo: delete, four moves, the title, the new card. */
  canvas_fixture_undo_restores (&f, 7);
  canvas_fixture_close (&f);
}

static void
test_edit_title_in_place (void)
{
  CanvasFixture f;

  canvas_fixture_open (&f, "bill-payment.cjm");
  select_by_click (&f, "n-a1");

  cjm_harness_key ("Return");
  g_assert_true (cjm_canvas_is_editing (f.canvas));
  cjm_harness_type ("Reads the SMS at work");
  cjm_harness_key ("Return");
  assert_saved_contains (&f, "<note id=\"n-a1\" stage=\"s-notice\" lane=\"l-actions\">"
                             "Reads the SMS at work</note>");

  /* Escape leaves the text as it was. */
  cjm_harness_key ("Return");
  cjm_harness_type ("Something else");
  cjm_harness_key ("Escape");
  g_assert_false (cjm_canvas_is_editing (f.canvas));
  assert_saved_contains (&f, ">Reads the SMS at work</note>");

  /* A double click edits too; clicking elsewhere commits. */
  {
    double x, y;

    canvas_fixture_item_center (&f, "n-a2", &x, &y);
    cjm_harness_double_click (GTK_WIDGET (f.canvas), x, y);
    g_assert_true (cjm_canvas_is_editing (f.canvas));
    cjm_harness_type ("Compares with last month");
    canvas_fixture_item_center (&f, "t-web-pay", &x, &y);
    cjm_harness_click (GTK_WIDGET (f.canvas), x, y, 1, NULL);
    g_assert_false (cjm_canvas_is_editing (f.canvas));
    assert_saved_contains (&f, "lane=\"l-actions\">Compares with last month</note>");
  }

  canvas_fixture_undo_restores (&f, 2);
  canvas_fixture_close (&f);
}

static void
test_arrows_between_cards (void)
{
  CanvasFixture f;

  canvas_fixture_open (&f, "bill-payment.cjm");
  select_by_click (&f, "t-web-bill");

  cjm_harness_key ("Right");
  g_assert_cmpstr (selected_id (&f), ==, "t-web-pay");
  cjm_harness_key ("Down");
  g_assert_cmpstr (selected_id (&f), ==, "t-app-pay");
  cjm_harness_key ("Up");
  g_assert_cmpstr (selected_id (&f), ==, "t-web-pay");
  cjm_harness_key ("Left");
  g_assert_cmpstr (selected_id (&f), ==, "t-web-bill");

  /* Shift+arrow extends the selection. */
  cjm_harness_key ("shift+Right");
  g_assert_cmpuint (cjm_canvas_get_selection (f.canvas)->len, ==, 2);
  cjm_harness_key ("Escape");
  g_assert_cmpuint (cjm_canvas_get_selection (f.canvas)->len, ==, 0);

  /* Moving around is not an edit. */
  g_assert_false (cjm_document_can_undo (f.document));
  canvas_fixture_close (&f);
}

static void
test_copy_paste_duplicate (void)
{
  CanvasFixture f;

  canvas_fixture_open (&f, "bill-payment.cjm");

  /* Copy a website card, paste it next to the e-mail receipt. */
  select_by_click (&f, "t-web-pay");
  cjm_harness_key ("ctrl+c");
  select_by_click (&f, "t-email-receipt");
  cjm_harness_key ("ctrl+v");
  cjm_harness_iterate (200);
  g_assert_cmpstr (selected_id (&f), ==, "t-pay-by-card-on-the-websi");
  assert_saved_contains (&f, "<touchpoint id=\"t-pay-by-card-on-the-websi\" stage=\"s-confirm\" "
                             "lane=\"l-email\" interaction=\"Pay bill\"");
  /* Facts and KPIs come along. */
  assert_saved_contains (&f, "lane=\"l-email\" interaction=\"Pay bill\" emotion=\"1\" personas=\"p-dana\">\n"
                             "      <title>Pay by card on the website</title>");
  canvas_fixture_undo_restores (&f, 1);

  /* Duplicate: right after the original, in its cell. */
  select_by_click (&f, "t-web-pay");
  cjm_harness_key ("ctrl+d");
  g_assert_cmpstr (selected_id (&f), ==, "t-pay-by-card-on-the-websi");
  {
    g_autoptr(GBytes) saved = canvas_fixture_save (&f);

    g_assert_cmpint (find (saved, "id=\"t-web-pay\""), <,
                     find (saved, "id=\"t-pay-by-card-on-the-websi\" stage=\"s-pay\" lane=\"l-web\""));
    g_assert_cmpint (find (saved, "id=\"t-pay-by-card-on-the-websi\""), <, find (saved, "id=\"t-app-pay\""));
  }
  canvas_fixture_undo_restores (&f, 1);

  /* Cut removes, paste brings it back (with a new id). */
  select_by_click (&f, "n-p1");
  cjm_harness_key ("ctrl+x");
  assert_saved_lacks (&f, "id=\"n-p1\"");
  canvas_fixture_undo_restores (&f, 1);
  canvas_fixture_close (&f);
}

static void
test_paste_into_another_window (void)
{
  CanvasFixture a, b;
  g_autoptr(GBytes) saved = NULL;

  /* Copy two cards and the link between them in one map… */
  canvas_fixture_open (&a, "bill-payment.cjm");
  select_by_click (&a, "t-call-pay");
  {
    double x, y;

    canvas_fixture_item_center (&a, "t-call-dispute", &x, &y);
    cjm_harness_click (GTK_WIDGET (a.canvas), x, y, 1, "shift");
  }
  g_assert_cmpuint (cjm_canvas_get_selection (a.canvas)->len, ==, 2);
  cjm_harness_key ("ctrl+c");

  /* …and paste them into another window's map, after its selected card. */
  canvas_fixture_open (&b, "fiber-onboarding.he.cjm");
  select_by_click (&b, "t-web-check");
  cjm_harness_key ("ctrl+v");
  cjm_harness_iterate (300);
  g_assert_cmpuint (cjm_canvas_get_selection (b.canvas)->len, ==, 2);

  saved = canvas_fixture_save (&b);
  g_assert_true (cjm_harness_bytes_contain (saved, "<touchpoint id=\"t-pay-through-the-ivr\" stage=\"s-discover\" "
                                                   "lane=\"l-web\" interaction=\"Pay bill\""));
  g_assert_true (cjm_harness_bytes_contain (saved, "<link from=\"t-pay-through-the-ivr\" "
                                                   "to=\"t-call-to-dispute-roaming\">"));
  /* Personas that this map does not have are not carried over. */
  g_assert_false (cjm_harness_bytes_contain (saved, "p-moshe"));
  /* The first map is unchanged. */
  {
    g_autoptr(GBytes) first = canvas_fixture_save (&a);

    cjm_harness_assert_same_bytes (a.original, first);
  }
  canvas_fixture_undo_restores (&b, 1);

  canvas_fixture_close (&b);
  canvas_fixture_close (&a);
}

static void
test_select_all_and_delete (void)
{
  CanvasFixture f;
  CjmLayout *layout;

  canvas_fixture_open (&f, "bill-payment.cjm");
  layout = cjm_canvas_get_layout (f.canvas);
  select_by_click (&f, "t-web-pay");
  cjm_harness_key ("ctrl+a");
  g_assert_cmpuint (cjm_canvas_get_selection (f.canvas)->len, ==, cjm_layout_get_n_cards (layout));
  cjm_harness_key ("Delete");
  assert_saved_lacks (&f, "<touchpoint ");
  assert_saved_lacks (&f, "<note ");
  assert_saved_lacks (&f, "<link ");
  canvas_fixture_undo_restores (&f, 1);
  canvas_fixture_close (&f);
}

static void
test_palette_click_adds_after_selection (void)
{
  CanvasFixture f;
  GtkWidget *tile;
  g_autoptr(GBytes) saved = NULL;

  canvas_fixture_open (&f, "bill-payment.cjm");
  select_by_click (&f, "n-p1");

  /* Clicking a tile (no drag) adds its card after the selected one. */
  tile = cjm_palette_get_tile_widget (f.palette, CJM_PALETTE_TILE_PAIN_POINT);
  cjm_harness_click (tile, gtk_widget_get_width (tile) / 2.0, gtk_widget_get_height (tile) / 2.0, 1, NULL);
  g_assert_true (cjm_canvas_is_editing (f.canvas));
  cjm_harness_type ("Fees are not explained");
  cjm_harness_key ("Return");

  saved = canvas_fixture_save (&f);
  g_assert_cmpint (find (saved, "id=\"n-p1\""), <, find (saved, "<note id=\"n-new-pain-point\" stage=\"s-understand\" "
                                                                "lane=\"l-pain\">Fees are not explained</note>"));
  g_assert_cmpint (find (saved, "<note id=\"n-new-pain-point\""), <, find (saved, "id=\"n-p2\""));
  canvas_fixture_undo_restores (&f, 2);
  canvas_fixture_close (&f);
}

static double
hvalue (CanvasFixture *f)
{
  return gtk_adjustment_get_value (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (f->canvas)));
}

static double
vvalue (CanvasFixture *f)
{
  return gtk_adjustment_get_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (f->canvas)));
}

static void
test_zoom_and_pan (void)
{
  CanvasFixture f;
  double fit, x, y, h, v;

  canvas_fixture_open (&f, "bill-payment.cjm");
  fit = cjm_canvas_get_zoom (f.canvas);

  cjm_harness_key ("ctrl+plus");
  g_assert_cmpfloat (cjm_canvas_get_zoom (f.canvas), >, fit);
  cjm_harness_key ("ctrl+0");
  g_assert_cmpfloat_with_epsilon (cjm_canvas_get_zoom (f.canvas), 1.0, 1e-9);
  cjm_harness_key ("ctrl+minus");
  g_assert_cmpfloat (cjm_canvas_get_zoom (f.canvas), <, 1.0);
  cjm_harness_key ("ctrl+0");

  /* Ctrl+wheel zooms at the pointer. */
  x = gtk_widget_get_width (GTK_WIDGET (f.canvas)) / 2.0;
  y = gtk_widget_get_height (GTK_WIDGET (f.canvas)) / 2.0;
  cjm_harness_pointer_move (GTK_WIDGET (f.canvas), x, y);
  cjm_harness_xdotool ("keydown", "ctrl", NULL);
  cjm_harness_xdotool ("click", "4", NULL);
  cjm_harness_xdotool ("keyup", "ctrl", NULL);
  g_assert_cmpfloat (cjm_canvas_get_zoom (f.canvas), >, 1.0);
  cjm_harness_key ("ctrl+0");

  /* The wheel alone scrolls (zoomed in, there is room to). */
  cjm_canvas_set_zoom (f.canvas, 2.0);
  cjm_harness_wait_frame (GTK_WIDGET (f.canvas));
  v = vvalue (&f);
  cjm_harness_xdotool ("click", "5", NULL);
  g_assert_cmpfloat (vvalue (&f), >, v);

  /* Middle-drag and space-drag pan. */
  h = hvalue (&f);
  v = vvalue (&f);
  cjm_harness_drag (GTK_WIDGET (f.canvas), x, y, GTK_WIDGET (f.canvas), x - 80, y - 60, 2, NULL, 6);
  g_assert_cmpint (cjm_canvas_get_selection (f.canvas)->len, ==, 0);
  g_assert_cmpfloat (hvalue (&f), >, h + 40);
  g_assert_cmpfloat (vvalue (&f), >, v + 30);
  h = hvalue (&f);
  cjm_harness_drag (GTK_WIDGET (f.canvas), x, y, GTK_WIDGET (f.canvas), x + 60, y, 1, "space", 6);
  g_assert_cmpfloat (hvalue (&f), <, h - 30);

  /* None of it touched the map. */
  g_assert_false (cjm_document_can_undo (f.document));
  {
    g_autoptr(GBytes) saved = canvas_fixture_save (&f);

    cjm_harness_assert_same_bytes (f.original, saved);
  }

  /* Fit brings the whole map back in view. */
  cjm_harness_key ("ctrl+1");
  g_assert_cmpfloat_with_epsilon (cjm_canvas_get_zoom (f.canvas), fit, 1e-6);
  canvas_fixture_close (&f);
}

int
main (int   argc,
      char *argv[])
{
  canvas_test_init (&argc, &argv);

  g_test_add_func ("/canvas/keys/create-edit-move-delete", test_create_edit_move_delete);
  g_test_add_func ("/canvas/keys/edit-title", test_edit_title_in_place);
  g_test_add_func ("/canvas/keys/arrows", test_arrows_between_cards);
  g_test_add_func ("/canvas/keys/copy-paste-duplicate", test_copy_paste_duplicate);
  g_test_add_func ("/canvas/keys/paste-other-window", test_paste_into_another_window);
  g_test_add_func ("/canvas/keys/select-all-delete", test_select_all_and_delete);
  g_test_add_func ("/canvas/keys/zoom-pan", test_zoom_and_pan);
  g_test_add_func ("/canvas/keys/palette-click", test_palette_click_adds_after_selection);

  return g_test_run ();
}
