/* test-layout.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The geometry the canvas, print and export rely on: cards never overlap
 * and stay in their cell, rows grow to fit, right-to-left maps mirror,
 * hit-testing and drop targets find what is under the pointer.
 */

#define G_LOG_DOMAIN "test-layout"

#include "config.h"

#include <math.h>

#include "cjm-layout.h"
#include "cjm-test-maps.h"

static CjmLayout *
make_layout (CjmDocument *doc,
             int          rtl)
{
  CjmLayoutOptions options;

  cjm_layout_options_init (&options);
  options.rtl = rtl;
  return cjm_layout_new (doc, &options);
}

static gboolean
rect_inside (const CjmRect *inner,
             const CjmRect *outer)
{
  return inner->x >= outer->x - 0.001 && inner->y >= outer->y - 0.001 &&
         inner->x + inner->width <= outer->x + outer->width + 0.001 &&
         inner->y + inner->height <= outer->y + outer->height + 0.001;
}

static void
assert_no_overlap_and_inside (CjmLayout *layout)
{
  guint n = cjm_layout_get_n_cards (layout);
  CjmRect unplaced;
  gboolean has_unplaced = cjm_layout_get_unplaced_rect (layout, &unplaced);

  for (guint i = 0; i < n; i++)
    {
      const CjmLayoutCard *a = cjm_layout_get_card (layout, i);

      g_assert_cmpfloat (a->rect.width, >, 0);
      g_assert_cmpfloat (a->rect.height, >, 0);
      g_assert_true (rect_inside (&a->title, &a->rect));

      if (a->unplaced)
        {
          g_assert_true (has_unplaced);
          g_assert_true (rect_inside (&a->rect, &unplaced));
        }
      else
        {
          const CjmLayoutCell *cell = cjm_layout_get_cell (layout,
                                                           a->cell % cjm_layout_get_n_stages (layout),
                                                           a->cell / cjm_layout_get_n_stages (layout));

          g_assert_true (cell->stage == a->stage);
          g_assert_true (cell->lane == a->lane);
          g_assert_true (rect_inside (&a->rect, &cell->rect));
        }

      for (guint j = i + 1; j < n; j++)
        {
          const CjmLayoutCard *b = cjm_layout_get_card (layout, j);

          if (cjm_rect_intersects (&a->rect, &b->rect))
            g_error ("cards %s and %s overlap", cjm_item_get_id (a->item), cjm_item_get_id (b->item));
        }
    }
}

static void
test_layout_no_overlap (void)
{
  g_autoptr(CjmDocument) small = cjm_test_small_map (NULL);
  g_autoptr(CjmDocument) big = cjm_test_synthetic_map (12, 5, 300);

  for (int rtl = 0; rtl <= 1; rtl++)
    {
      g_autoptr(CjmLayout) a = make_layout (small, rtl);
      g_autoptr(CjmLayout) b = make_layout (big, rtl);

      assert_no_overlap_and_inside (a);
      assert_no_overlap_and_inside (b);
      g_assert_cmpuint (cjm_layout_get_n_cards (b), ==, 300);
    }
}

static void
test_layout_grid (void)
{
  g_autoptr(CjmDocument) doc = cjm_test_small_map (NULL);
  g_autoptr(CjmLayout) layout = make_layout (doc, -1);
  double w, h;
  CjmRect grid, corner;

  g_assert_false (cjm_layout_is_rtl (layout));
  g_assert_cmpuint (cjm_layout_get_n_stages (layout), ==, 4);
  g_assert_cmpuint (cjm_layout_get_n_lanes (layout), ==, 6);
  cjm_layout_get_size (layout, &w, &h);
  cjm_layout_get_grid_rect (layout, &grid);
  cjm_layout_get_corner_rect (layout, &corner);
  g_assert_cmpfloat (grid.width, <=, w);
  g_assert_cmpfloat (grid.height, <=, h);
  g_assert_cmpfloat (corner.x, ==, 0);

  /* stages left to right, in document order, after the lane column */
  for (guint s = 0; s < 4; s++)
    {
      const CjmLayoutStage *st = cjm_layout_get_stage (layout, s);

      g_assert_true (st->item == cjm_document_get_item (doc, CJM_KIND_STAGE, s));
      g_assert_cmpfloat (st->header.y, ==, 0);
      g_assert_cmpfloat (st->header.height, ==, corner.height);
      if (s == 0)
        g_assert_cmpfloat (st->header.x, ==, corner.x + corner.width);
      else
        g_assert_cmpfloat (st->header.x, ==, cjm_layout_get_stage (layout, s - 1)->header.x +
                                             cjm_layout_get_stage (layout, s - 1)->header.width);
    }
  /* lanes top to bottom under the header row */
  for (guint l = 0; l < 6; l++)
    {
      const CjmLayoutLane *lane = cjm_layout_get_lane (layout, l);

      g_assert_true (lane->item == cjm_document_get_item (doc, CJM_KIND_LANE, l));
      g_assert_cmpfloat (lane->header.x, ==, 0);
      if (l == 0)
        g_assert_cmpfloat (lane->row.y, ==, corner.height);
      else
        g_assert_cmpfloat (lane->row.y, ==, cjm_layout_get_lane (layout, l - 1)->row.y +
                                            cjm_layout_get_lane (layout, l - 1)->row.height);
    }
  /* stage goals are placed inside their header */
  g_assert_cmpfloat (cjm_layout_get_stage (layout, 0)->goal.width, >, 0);
  g_assert_true (rect_inside (&cjm_layout_get_stage (layout, 0)->goal, &cjm_layout_get_stage (layout, 0)->header));
  g_assert_cmpfloat (cjm_layout_get_stage (layout, 1)->goal.width, ==, 0);
}

static void
test_layout_rows_grow (void)
{
  g_autoptr(CjmDocument) doc = cjm_test_small_map (NULL);
  g_autoptr(CjmLayout) layout = make_layout (doc, 0);
  CjmItem *pain = cjm_document_lookup (doc, "l-pain");
  CjmRect before, after;
  const CjmLayoutCell *cell;
  double bottom = 0;

  cjm_layout_get_item_rect (layout, pain, &before);

  /* eight notes in one cell: wrap into columns and grow the row */
  for (guint i = 0; i < 8; i++)
    {
      g_autofree char *id = g_strdup_printf ("n-extra-%u", i);

      cjm_test_add (doc, CJM_KIND_NOTE, id, CJM_FIELD_STAGE, "s-notice", CJM_FIELD_LANE, "l-pain",
                    CJM_FIELD_TEXT, "A pain point with enough words to wrap over a couple of lines", -1);
    }
  cjm_layout_update (layout);
  assert_no_overlap_and_inside (layout);

  cjm_layout_get_item_rect (layout, pain, &after);
  g_assert_cmpfloat (after.height, >, before.height * 2);

  cell = cjm_layout_get_cell (layout, 0, 4);
  g_assert_cmpuint (cell->n_cards, ==, 8);
  for (guint i = 0; i < cell->n_cards; i++)
    {
      const CjmLayoutCard *card = cjm_layout_get_card (layout, cell->first_card + i);

      bottom = MAX (bottom, card->rect.y + card->rect.height);
      g_assert_cmpuint (card->index_in_cell, ==, i);
    }
  g_assert_cmpfloat (bottom, <=, cell->rect.y + cell->rect.height);
  /* the whole lane grew: every cell of the row has the same height */
  for (guint s = 0; s < cjm_layout_get_n_stages (layout); s++)
    g_assert_cmpfloat (cjm_layout_get_cell (layout, s, 4)->rect.height, ==, after.height);
  /* and the stage column widened to hold more than one card per row */
  g_assert_cmpfloat (cjm_layout_get_stage (layout, 0)->column.width, >,
                     2 * cjm_layout_get_card_width (layout));

  /* a longer title makes a taller card */
  {
    CjmItem *tp = cjm_document_lookup (doc, "t-receipt");
    double h1 = cjm_layout_lookup_card (layout, tp)->rect.height;
    double h2;

    cjm_document_set_field (doc, tp, CJM_FIELD_TITLE,
                            "An e-mail receipt that takes a long sentence to describe what it says");
    cjm_layout_update (layout);
    h2 = cjm_layout_lookup_card (layout, tp)->rect.height;
    g_assert_cmpfloat (h2, >, h1);
    g_assert_cmpint (cjm_layout_lookup_card (layout, tp)->title_lines, >, 1);
  }
}

static void
test_layout_rtl_mirrors (void)
{
  g_autoptr(CjmDocument) doc = cjm_test_small_map (NULL);
  g_autoptr(CjmLayout) ltr = make_layout (doc, 0);
  g_autoptr(CjmLayout) rtl = make_layout (doc, 1);
  double w, w2;
  CjmRect corner;

  g_assert_true (cjm_layout_is_rtl (rtl));
  cjm_layout_get_size (ltr, &w, NULL);
  cjm_layout_get_size (rtl, &w2, NULL);
  g_assert_cmpfloat (w, ==, w2);

  /* the lane headers sit on the right, the first stage is right-most */
  cjm_layout_get_corner_rect (rtl, &corner);
  g_assert_cmpfloat (corner.x + corner.width, ==, w);
  g_assert_cmpfloat (cjm_layout_get_lane (rtl, 0)->header.x + cjm_layout_get_lane (rtl, 0)->header.width, ==, w);
  g_assert_cmpfloat (cjm_layout_get_stage (rtl, 0)->header.x, >, cjm_layout_get_stage (rtl, 1)->header.x);

  for (guint i = 0; i < cjm_layout_get_n_cards (ltr); i++)
    {
      const CjmLayoutCard *a = cjm_layout_get_card (ltr, i);
      const CjmLayoutCard *b = cjm_layout_lookup_card (rtl, a->item);

      g_assert_nonnull (b);
      if (!a->unplaced)
        g_assert_cmpfloat (fabs (b->rect.x - (w - a->rect.x - a->rect.width)), <, 0.001);
      g_assert_cmpfloat (b->rect.y, ==, a->rect.y);
      g_assert_cmpfloat (b->rect.height, ==, a->rect.height);
      /* the link handle is on the trailing edge: right in LTR, left in RTL */
      g_assert_cmpfloat (a->handle.x, ==, a->rect.x + a->rect.width);
      g_assert_cmpfloat (b->handle.x, ==, b->rect.x);
    }

  for (guint c = 0; c < cjm_layout_get_n_curves (ltr); c++)
    {
      const CjmLayoutCurve *a = cjm_layout_get_curve (ltr, c);
      const CjmLayoutCurve *b = cjm_layout_get_curve (rtl, c);

      g_assert_cmpuint (a->n_points, ==, b->n_points);
      for (guint i = 0; i < a->n_points; i++)
        {
          g_assert_cmpfloat (fabs (b->points[i].x - (w - a->points[i].x)), <, 0.001);
          g_assert_cmpfloat (b->points[i].y, ==, a->points[i].y);
        }
    }

  /* the document's language decides by default */
  {
    g_autoptr(CjmDocument) he = cjm_test_small_map ("he");
    g_autoptr(CjmLayout) auto_dir = make_layout (he, -1);

    g_assert_true (cjm_layout_is_rtl (auto_dir));
    assert_no_overlap_and_inside (auto_dir);
  }
}

static void
test_layout_hit_test (void)
{
  g_autoptr(CjmDocument) doc = cjm_test_small_map (NULL);

  for (int rtl = 0; rtl <= 1; rtl++)
    {
      g_autoptr(CjmLayout) layout = make_layout (doc, rtl);
      CjmHit hit;
      CjmRect corner;

      for (guint i = 0; i < cjm_layout_get_n_cards (layout); i++)
        {
          const CjmLayoutCard *card = cjm_layout_get_card (layout, i);
          double cx = card->rect.x + card->rect.width / 2;
          double cy = card->rect.y + card->rect.height / 2;

          g_assert_cmpint (cjm_layout_hit_test (layout, cx, cy, &hit), ==, CJM_HIT_CARD);
          g_assert_true (hit.item == card->item);
          g_assert_true (hit.stage == card->stage);
          g_assert_true (hit.lane == card->lane);

          g_assert_cmpint (cjm_layout_hit_test (layout, card->handle.x, card->handle.y, &hit), ==,
                           CJM_HIT_LINK_HANDLE);
          g_assert_true (hit.item == card->item);
        }

      for (guint s = 0; s < cjm_layout_get_n_stages (layout); s++)
        {
          const CjmLayoutStage *st = cjm_layout_get_stage (layout, s);

          g_assert_cmpint (cjm_layout_hit_test (layout, st->header.x + 3, st->header.y + 3, &hit), ==,
                           CJM_HIT_STAGE_HEADER);
          g_assert_true (hit.item == st->item);
          g_assert_cmpint (hit.stage_index, ==, (int) s);
        }
      for (guint l = 0; l < cjm_layout_get_n_lanes (layout); l++)
        {
          const CjmLayoutLane *lane = cjm_layout_get_lane (layout, l);
          const CjmLayoutCell *cell = cjm_layout_get_cell (layout, 3, l);

          g_assert_cmpint (cjm_layout_hit_test (layout, lane->header.x + 3, lane->header.y + 3, &hit), ==,
                           CJM_HIT_LANE_HEADER);
          g_assert_true (hit.item == lane->item);

          /* the empty corner of a cell (emotion lane: below the curves) */
          g_assert_cmpint (cjm_layout_hit_test (layout, cell->rect.x + 2, cell->rect.y + cell->rect.height - 2, &hit),
                           ==, CJM_HIT_CELL);
          g_assert_true (hit.stage == cell->stage);
          g_assert_true (hit.lane == cell->lane);
        }

      cjm_layout_get_corner_rect (layout, &corner);
      g_assert_cmpint (cjm_layout_hit_test (layout, corner.x + 2, corner.y + 2, &hit), ==, CJM_HIT_CORNER);
      g_assert_cmpint (cjm_layout_hit_test (layout, -10, -10, &hit), ==, CJM_HIT_NONE);
      g_assert_null (hit.item);

      /* every point of every curve */
      for (guint c = 0; c < cjm_layout_get_n_curves (layout); c++)
        {
          const CjmLayoutCurve *curve = cjm_layout_get_curve (layout, c);

          for (guint i = 0; i < curve->n_points; i++)
            {
              g_assert_cmpint (cjm_layout_hit_test (layout, curve->points[i].x, curve->points[i].y, &hit), ==,
                               CJM_HIT_EMOTION_POINT);
              g_assert_true (hit.item == curve->points[i].item);
              g_assert_true (hit.lane == curve->lane);
              /* points of two curves may coincide; the field still matches the emotion value */
              if (hit.field == CJM_FIELD_EMOTION)
                g_assert_cmpint (cjm_item_get_emotion (hit.item), ==,
                                 cjm_layout_y_to_emotion (layout, curve->lane_index, curve->points[i].y));
            }
        }

      /* links: on the label */
      for (guint i = 0; i < cjm_layout_get_n_links (layout); i++)
        {
          const CjmLayoutLink *link = cjm_layout_get_link (layout, i);

          if (link->label.width <= 0)
            continue;
          g_assert_cmpint (cjm_layout_hit_test (layout, link->label.x + link->label.width / 2,
                                                link->label.y + link->label.height / 2, &hit), ==, CJM_HIT_LINK);
          g_assert_true (hit.item == link->item);
        }
    }
}

static void
test_layout_item_rect (void)
{
  g_autoptr(CjmDocument) doc = cjm_test_small_map (NULL);
  g_autoptr(CjmLayout) layout = make_layout (doc, 0);
  CjmRect r, unplaced;
  CjmItem *lost = cjm_document_lookup (doc, "t-lost");

  g_assert_true (cjm_layout_get_item_rect (layout, cjm_document_lookup (doc, "t-web-pay"), &r));
  g_assert_true (cjm_rect_intersects (&r, &cjm_layout_get_cell (layout, 2, 1)->rect));
  g_assert_true (cjm_layout_get_item_rect (layout, cjm_document_lookup (doc, "s-pay"), &r));
  g_assert_cmpfloat (r.x, ==, cjm_layout_get_stage (layout, 2)->header.x);
  g_assert_true (cjm_layout_get_item_rect (layout, cjm_document_lookup (doc, "l-call"), &r));
  g_assert_cmpfloat (r.y, ==, cjm_layout_get_lane (layout, 3)->header.y);
  g_assert_false (cjm_layout_get_item_rect (layout, cjm_document_lookup (doc, "p-dana"), &r));

  /* the card whose stage is missing is in the Unplaced area */
  g_assert_true (cjm_layout_get_unplaced_rect (layout, &unplaced));
  g_assert_true (cjm_layout_lookup_card (layout, lost)->unplaced);
  g_assert_true (cjm_layout_get_item_rect (layout, lost, &r));
  g_assert_true (rect_inside (&r, &unplaced));

  /* giving it a stage places it */
  cjm_document_set_field (doc, lost, CJM_FIELD_STAGE, "s-confirm");
  cjm_layout_update (layout);
  g_assert_false (cjm_layout_get_unplaced_rect (layout, &unplaced));
  g_assert_false (cjm_layout_lookup_card (layout, lost)->unplaced);
  g_assert_true (cjm_layout_lookup_card (layout, lost)->stage == cjm_document_lookup (doc, "s-confirm"));

  /* cards in a rectangle */
  {
    g_autoptr(GArray) all = NULL;
    double w, h;

    cjm_layout_get_size (layout, &w, &h);
    all = cjm_layout_get_cards_in_rect (layout, &(CjmRect) { 0, 0, w, h });
    g_assert_cmpuint (all->len, ==, cjm_layout_get_n_cards (layout));
    g_clear_pointer (&all, g_array_unref);
    all = cjm_layout_get_cards_in_rect (layout, &cjm_layout_get_cell (layout, 2, 1)->rect);
    g_assert_cmpuint (all->len, ==, 1);
  }
}

static void
test_layout_curves (void)
{
  g_autoptr(CjmDocument) doc = cjm_test_small_map (NULL);
  g_autoptr(CjmLayout) layout = make_layout (doc, 0);
  const CjmLayoutCurve *dana = NULL, *moshe = NULL, *dana_target = NULL;

  for (guint c = 0; c < cjm_layout_get_n_curves (layout); c++)
    {
      const CjmLayoutCurve *curve = cjm_layout_get_curve (layout, c);
      const char *id = cjm_item_get_id (curve->persona);

      if (g_str_equal (id, "p-dana") && !curve->target)
        dana = curve;
      else if (g_str_equal (id, "p-moshe") && !curve->target)
        moshe = curve;
      else if (g_str_equal (id, "p-dana") && curve->target)
        dana_target = curve;
    }
  g_assert_nonnull (dana);
  g_assert_nonnull (moshe);
  g_assert_nonnull (dana_target);

  /* Dana passes the push (everyone), the bill page, both payments she
   * makes and the receipt (everyone), in journey order */
  g_assert_cmpuint (dana->n_points, ==, 5);
  g_assert_cmpstr (cjm_item_get_id (dana->points[0].item), ==, "t-sms");
  g_assert_cmpstr (cjm_item_get_id (dana->points[1].item), ==, "t-web-bill");
  g_assert_cmpstr (cjm_item_get_id (dana->points[2].item), ==, "t-web-pay");
  g_assert_cmpstr (cjm_item_get_id (dana->points[3].item), ==, "t-app-pay");
  g_assert_cmpstr (cjm_item_get_id (dana->points[4].item), ==, "t-receipt");
  g_assert_cmpint (dana->points[3].emotion, ==, 3);
  for (guint i = 1; i < dana->n_points; i++)
    g_assert_cmpfloat (dana->points[i].x, >, dana->points[i - 1].x);
  /* the curve's colour is the persona's */
  g_assert_cmpfloat (fabs (dana->color.red - 0x35 / 255.0), <, 0.001);
  g_assert_cmpfloat (fabs (dana->color.blue - 0xe4 / 255.0), <, 0.001);

  g_assert_cmpuint (moshe->n_points, ==, 4);
  g_assert_cmpstr (cjm_item_get_id (moshe->points[2].item), ==, "t-call-pay");
  g_assert_cmpfloat (moshe->points[2].y, ==, cjm_layout_emotion_to_y (layout, 0, -2));

  g_assert_cmpuint (dana_target->n_points, ==, 1);
  g_assert_cmpint (dana_target->points[0].emotion, ==, 2);

  /* points of a stage lie within its column, in the emotion lane */
  for (guint i = 0; i < dana->n_points; i++)
    {
      const CjmLayoutCard *card = cjm_layout_lookup_card (layout, dana->points[i].item);
      const CjmLayoutCell *cell = cjm_layout_get_cell (layout, 0, 0);
      guint s;

      for (s = 0; s < cjm_layout_get_n_stages (layout); s++)
        if (cjm_layout_get_stage (layout, s)->item == card->stage)
          break;
      cell = cjm_layout_get_cell (layout, s, 0);
      g_assert_true (cjm_rect_contains (&cell->rect, dana->points[i].x, dana->points[i].y));
    }

  for (int e = -3; e <= 3; e++)
    g_assert_cmpint (cjm_layout_y_to_emotion (layout, 0, cjm_layout_emotion_to_y (layout, 0, e)), ==, e);
  /* the scale clamps */
  g_assert_cmpint (cjm_layout_y_to_emotion (layout, 0, -1000), ==, 3);
  g_assert_cmpint (cjm_layout_y_to_emotion (layout, 0, 100000), ==, -3);

  /* without personas: one curve through every touchpoint with a feeling */
  {
    CjmItem *personas[2] = { cjm_document_lookup (doc, "p-dana"), cjm_document_lookup (doc, "p-moshe") };
    guint n = 0;

    cjm_document_delete_items (doc, personas, 2);
    cjm_layout_update (layout);
    for (guint c = 0; c < cjm_layout_get_n_curves (layout); c++)
      if (!cjm_layout_get_curve (layout, c)->target)
        {
          g_assert_null (cjm_layout_get_curve (layout, c)->persona);
          g_assert_cmpuint (cjm_layout_get_curve (layout, c)->n_points, ==, 7);
          n++;
        }
    g_assert_cmpuint (n, ==, 1);
  }
}

static void
test_layout_drop (void)
{
  g_autoptr(CjmDocument) doc = cjm_test_small_map (NULL);
  g_autoptr(CjmLayout) layout = make_layout (doc, 0);
  const CjmLayoutCell *cell;
  CjmDropTarget target;
  CjmItem *receipt = cjm_document_lookup (doc, "t-receipt");
  CjmItem *web_pay = cjm_document_lookup (doc, "t-web-pay");
  guint index;

  /* three more cards in the web lane's "Pay" cell */
  cjm_test_add (doc, CJM_KIND_TOUCHPOINT, "t-a", CJM_FIELD_STAGE, "s-pay", CJM_FIELD_LANE, "l-web", CJM_FIELD_TITLE, "A", -1);
  cjm_test_add (doc, CJM_KIND_TOUCHPOINT, "t-b", CJM_FIELD_STAGE, "s-pay", CJM_FIELD_LANE, "l-web", CJM_FIELD_TITLE, "B", -1);
  cjm_layout_update (layout);
  cell = cjm_layout_get_cell (layout, 2, 1);
  g_assert_cmpuint (cell->n_cards, ==, 3);

  /* over the start half of the second card: before it */
  {
    const CjmLayoutCard *second = cjm_layout_get_card (layout, cell->first_card + 1);

    g_assert_true (cjm_layout_get_drop_target (layout, second->rect.x + 5, second->rect.y + 5, &target));
    g_assert_cmpuint (target.index_in_cell, ==, 1);
    g_assert_true (target.before == second->item);
    g_assert_true (target.after == web_pay);
    g_assert_true (target.stage == cell->stage && target.lane == cell->lane);
    g_assert_cmpfloat (target.caret.height, >, 0);
  }

  /* move the receipt there: it lands between web-pay and t-a */
  index = cjm_layout_get_drop_index (layout, &target, CJM_KIND_TOUCHPOINT, receipt);
  cjm_document_begin_group (doc, "Move");
  cjm_document_set_field (doc, receipt, CJM_FIELD_STAGE, "s-pay");
  cjm_document_move_item (doc, receipt, index);
  cjm_document_end_group (doc);
  cjm_layout_update (layout);
  cell = cjm_layout_get_cell (layout, 2, 1);
  g_assert_cmpuint (cell->n_cards, ==, 4);
  g_assert_true (cjm_layout_get_card (layout, cell->first_card + 0)->item == web_pay);
  g_assert_true (cjm_layout_get_card (layout, cell->first_card + 1)->item == receipt);
  g_assert_cmpstr (cjm_item_get_id (cjm_layout_get_card (layout, cell->first_card + 2)->item), ==, "t-a");

  /* below every card: the end of the cell */
  g_assert_true (cjm_layout_get_drop_target (layout, cell->rect.x + cell->rect.width - 3,
                                             cell->rect.y + cell->rect.height - 3, &target));
  g_assert_cmpuint (target.index_in_cell, ==, 4);
  g_assert_null (target.before);
  /* move web-pay to the end */
  index = cjm_layout_get_drop_index (layout, &target, CJM_KIND_TOUCHPOINT, web_pay);
  cjm_document_move_item (doc, web_pay, index);
  cjm_layout_update (layout);
  cell = cjm_layout_get_cell (layout, 2, 1);
  g_assert_true (cjm_layout_get_card (layout, cell->first_card + 3)->item == web_pay);

  /* a new item dropped at the start of the cell */
  g_assert_true (cjm_layout_get_drop_target (layout, cell->rect.x + 3, cell->rect.y + 3, &target));
  g_assert_cmpuint (target.index_in_cell, ==, 0);
  {
    g_autoptr(CjmItem) fresh = cjm_item_new (CJM_KIND_TOUCHPOINT);

    cjm_item_set_initial_field (fresh, CJM_FIELD_ID, "t-new");
    cjm_item_set_initial_field (fresh, CJM_FIELD_STAGE, "s-pay");
    cjm_item_set_initial_field (fresh, CJM_FIELD_LANE, "l-web");
    index = cjm_layout_get_drop_index (layout, &target, CJM_KIND_TOUCHPOINT, NULL);
    cjm_document_insert_item (doc, fresh, index);
  }
  cjm_layout_update (layout);
  cell = cjm_layout_get_cell (layout, 2, 1);
  g_assert_cmpstr (cjm_item_get_id (cjm_layout_get_card (layout, cell->first_card)->item), ==, "t-new");

  /* not over a cell */
  g_assert_false (cjm_layout_get_drop_target (layout, 3, 3, &target));
  g_assert_false (cjm_layout_get_drop_target (layout, -50, 300, &target));
}

static void
test_layout_empty (void)
{
  g_autoptr(CjmDocument) doc = cjm_document_new ();
  g_autoptr(CjmLayout) layout = make_layout (doc, -1);
  double w, h;
  CjmHit hit;

  cjm_layout_get_size (layout, &w, &h);
  g_assert_cmpfloat (w, >, 0);
  g_assert_cmpfloat (h, >, 0);
  g_assert_cmpuint (cjm_layout_get_n_cards (layout), ==, 0);
  g_assert_cmpuint (cjm_layout_get_n_curves (layout), ==, 0);
  g_assert_cmpint (cjm_layout_hit_test (layout, 5, 5, &hit), ==, CJM_HIT_CORNER);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/layout/grid", test_layout_grid);
  g_test_add_func ("/layout/no-overlap", test_layout_no_overlap);
  g_test_add_func ("/layout/rows-grow", test_layout_rows_grow);
  g_test_add_func ("/layout/rtl-mirrors", test_layout_rtl_mirrors);
  g_test_add_func ("/layout/hit-test", test_layout_hit_test);
  g_test_add_func ("/layout/item-rect", test_layout_item_rect);
  g_test_add_func ("/layout/curves", test_layout_curves);
  g_test_add_func ("/layout/drop", test_layout_drop);
  g_test_add_func ("/layout/empty", test_layout_empty);

  return g_test_run ();
}
