/* cjm-canvas-edit.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The edits the canvas makes to the document: cards created from palette
 * tiles and text, cards moved between cells and within a cell, stages and
 * lanes reordered, emotions set, links drawn, cards moved by the keyboard,
 * tiles added from the keyboard. The edits themselves are the document's
 * (cjm-edit.h, one undo group each); this file turns drop targets, slots
 * and keys into them.
 */

#define G_LOG_DOMAIN "CjmCanvas"

#include "config.h"

#include <glib/gi18n.h>

#include "cjm-canvas-private.h"





/* Creating */

CjmItem *
_cjm_canvas_create_card (CjmCanvas           *self,
                        CjmPaletteTile       tile,
                        const CjmDropTarget *target,
                        const char          *text)
{
  /* A pain point in a lane that has no title of its own for new notes. */
  if (text == NULL && tile == CJM_PALETTE_TILE_PAIN_POINT
      && cjm_item_lane_holds (target->lane) == CJM_KIND_NOTE
      && cjm_lane_kind_get_card_title (cjm_item_get_lane_kind (target->lane)) == NULL)
    text = cjm_lane_kind_get_card_title (CJM_LANE_PAIN_POINTS);
  return cjm_document_add_card (self->document, target->stage, target->lane,
                                target->index_in_cell, text);
}



/* Moving */

gboolean
_cjm_canvas_move_cards (CjmCanvas           *self,
                       GPtrArray           *cards,
                       const CjmDropTarget *target)
{
  return cjm_document_move_cards (self->document, (CjmItem **) cards->pdata, cards->len,
                                  target->stage, target->lane, target->index_in_cell);
}

/* Stages and lanes */

guint
_cjm_canvas_stage_slot (CjmCanvas *self,
                       double     mx,
                       CjmItem   *moving,
                       CjmRect   *caret)
{
  gboolean rtl = cjm_layout_is_rtl (self->layout);
  guint n = cjm_layout_get_n_stages (self->layout);
  guint slot = 0;
  double edge = 0;
  gboolean have_edge = FALSE;
  CjmRect grid, band;

  cjm_layout_get_grid_rect (self->layout, &grid);
  cjm_layout_get_stage_band (self->layout, &band);

  for (guint i = 0; i < n; i++)
    {
      const CjmLayoutStage *stage = cjm_layout_get_stage (self->layout, i);
      double center = stage->column.x + stage->column.width / 2;

      if (stage->item == moving)
        continue;
      if (rtl ? center > mx : center < mx)
        {
          slot++;
          edge = rtl ? stage->column.x : stage->column.x + stage->column.width;
          have_edge = TRUE;
        }
    }

  if (!have_edge)
    {
      /* Before the first stage that stays. */
      for (guint i = 0; i < n; i++)
        {
          const CjmLayoutStage *stage = cjm_layout_get_stage (self->layout, i);

          if (stage->item == moving)
            continue;
          edge = rtl ? stage->column.x + stage->column.width : stage->column.x;
          have_edge = TRUE;
          break;
        }
      if (!have_edge)
        edge = rtl ? band.x + band.width : band.x;
    }

  if (caret != NULL)
    *caret = (CjmRect) { edge - 2, band.y, 4, MAX (grid.y + grid.height - band.y, band.height) };
  return slot;
}

guint
_cjm_canvas_lane_slot (CjmCanvas *self,
                      double     my,
                      CjmItem   *moving,
                      CjmRect   *caret)
{
  guint n = cjm_layout_get_n_lanes (self->layout);
  guint slot = 0;
  double edge = -1;
  CjmRect grid, band;

  cjm_layout_get_grid_rect (self->layout, &grid);
  cjm_layout_get_lane_band (self->layout, &band);

  for (guint i = 0; i < n; i++)
    {
      const CjmLayoutLane *lane = cjm_layout_get_lane (self->layout, i);

      if (lane->item == moving)
        continue;
      if (lane->row.y + lane->row.height / 2 < my)
        {
          slot++;
          edge = lane->row.y + lane->row.height;
        }
      else if (edge < 0)
        edge = lane->row.y;
    }
  if (edge < 0)
    edge = band.y;

  if (caret != NULL)
    *caret = (CjmRect) { grid.x, edge - 2, grid.width, 4 };
  return slot;
}





/* Keyboard navigation */

CjmItem *
_cjm_canvas_find_neighbour (CjmCanvas        *self,
                           CjmItem          *from,
                           GtkDirectionType  direction)
{
  const CjmLayoutCard *origin;
  double ox, oy, best_score = G_MAXDOUBLE;
  CjmItem *best = NULL;
  guint n;

  _cjm_canvas_ensure_layout (self);
  n = cjm_layout_get_n_cards (self->layout);
  if (n == 0)
    return NULL;

  origin = from ? cjm_layout_lookup_card (self->layout, from) : NULL;
  if (origin == NULL)
    {
      /* Nothing to start from: the first card in reading order. */
      return cjm_layout_get_card (self->layout, 0)->item;
    }
  ox = origin->rect.x + origin->rect.width / 2;
  oy = origin->rect.y + origin->rect.height / 2;

  for (guint i = 0; i < n; i++)
    {
      const CjmLayoutCard *card = cjm_layout_get_card (self->layout, i);
      double cx = card->rect.x + card->rect.width / 2;
      double cy = card->rect.y + card->rect.height / 2;
      double along, across, score;

      if (card == origin)
        continue;
      switch (direction)
        {
        case GTK_DIR_LEFT:
          along = ox - cx;
          across = cy - oy;
          break;
        case GTK_DIR_RIGHT:
          along = cx - ox;
          across = cy - oy;
          break;
        case GTK_DIR_UP:
          along = oy - cy;
          across = cx - ox;
          break;
        case GTK_DIR_DOWN:
          along = cy - oy;
          across = cx - ox;
          break;
        case GTK_DIR_TAB_FORWARD:
        case GTK_DIR_TAB_BACKWARD:
        default:
          return NULL;
        }
      if (along <= 1)
        continue;
      /* Prefer cards straight ahead: sideways distance weighs more. */
      score = along + 3 * fabs (across);
      if (score < best_score)
        {
          best_score = score;
          best = card->item;
        }
    }
  return best;
}

gboolean
_cjm_canvas_move_card_by_key (CjmCanvas        *self,
                             GtkDirectionType  direction)
{
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();
  const CjmLayoutCard *first;
  CjmDropTarget target = { 0 };
  const CjmLayoutCell *cell;
  int stage, lane;
  guint n_stages, n_lanes;

  _cjm_canvas_ensure_layout (self);
  for (guint i = 0; i < self->selection->len; i++)
    if (_cjm_canvas_is_card (g_ptr_array_index (self->selection, i)))
      g_ptr_array_add (cards, g_ptr_array_index (self->selection, i));
  if (cards->len == 0)
    return FALSE;

  first = cjm_layout_lookup_card (self->layout, self->cursor && g_ptr_array_find (cards, self->cursor, NULL)
                                                  ? self->cursor : g_ptr_array_index (cards, 0));
  if (first == NULL || first->unplaced)
    return FALSE;

  n_stages = cjm_layout_get_n_stages (self->layout);
  n_lanes = cjm_layout_get_n_lanes (self->layout);
  stage = cjm_document_index_of (self->document, first->stage);
  lane = cjm_document_index_of (self->document, first->lane);

  switch (direction)
    {
    case GTK_DIR_LEFT:
    case GTK_DIR_RIGHT:
      {
        gboolean forward = (direction == GTK_DIR_RIGHT) != cjm_layout_is_rtl (self->layout);

        stage += forward ? 1 : -1;
        if (stage < 0 || stage >= (int) n_stages)
          return FALSE;
      }
      break;

    case GTK_DIR_UP:
    case GTK_DIR_DOWN:
      {
        int step = direction == GTK_DIR_DOWN ? 1 : -1;
        gboolean fits = FALSE;

        /* The next lane that takes every selected card. */
        while (!fits)
          {
            lane += step;
            if (lane < 0 || lane >= (int) n_lanes)
              return FALSE;
            fits = TRUE;
            for (guint i = 0; i < cards->len && fits; i++)
              fits = cjm_item_lane_holds (cjm_layout_get_lane (self->layout, lane)->item)
                     == cjm_item_get_kind (g_ptr_array_index (cards, i));
          }
      }
      break;

    case GTK_DIR_TAB_FORWARD:
    case GTK_DIR_TAB_BACKWARD:
    default:
      return FALSE;
    }

  cell = cjm_layout_get_cell (self->layout, stage, lane);
  target.stage = cell->stage;
  target.lane = cell->lane;
  target.cell = lane * n_stages + stage;
  target.index_in_cell = cell->n_cards;
  target.before = NULL;
  target.after = cell->n_cards > 0
                   ? cjm_layout_get_card (self->layout, cell->first_card + cell->n_cards - 1)->item
                   : NULL;
  if (!_cjm_canvas_move_cards (self, cards, &target))
    return FALSE;
  cjm_canvas_scroll_to_item (self, g_ptr_array_index (cards, 0));
  return TRUE;
}

/* The selected card the keyboard works from. */
CjmItem *
_cjm_canvas_keyboard_anchor (CjmCanvas *self)
{
  if (self->cursor != NULL && _cjm_canvas_is_selected (self, self->cursor))
    return self->cursor;
  for (int i = self->selection->len - 1; i >= 0; i--)
    if (_cjm_canvas_is_card (g_ptr_array_index (self->selection, i)))
      return g_ptr_array_index (self->selection, i);
  return NULL;
}

void
cjm_canvas_add_tile (CjmCanvas      *self,
                     CjmPaletteTile  tile)
{
  CjmItem *item = NULL;

  g_return_if_fail (CJM_IS_CANVAS (self));
  g_return_if_fail (tile < CJM_N_PALETTE_TILES);

  if (self->document == NULL)
    return;
  _cjm_canvas_ensure_layout (self);

  if (tile == CJM_PALETTE_TILE_STAGE)
    {
      CjmItem *stage = NULL;
      CjmItem *anchor = _cjm_canvas_keyboard_anchor (self);

      /* After the selected card's stage, or at the end. */
      if (anchor != NULL)
        stage = cjm_document_lookup (self->document, cjm_item_get_field (anchor, CJM_FIELD_STAGE));
      else if (self->selection->len > 0
               && cjm_item_get_kind (g_ptr_array_index (self->selection, 0)) == CJM_KIND_STAGE)
        stage = g_ptr_array_index (self->selection, 0);
      item = cjm_document_add_stage (self->document, stage ? (guint) cjm_document_index_of (self->document, stage) + 1
                                                  : cjm_document_get_n_items (self->document, CJM_KIND_STAGE));
    }
  else if (!cjm_palette_tile_is_card (tile))
    {
      CjmItem *lane = NULL;

      if (self->selection->len > 0
          && cjm_item_get_kind (g_ptr_array_index (self->selection, 0)) == CJM_KIND_LANE)
        lane = g_ptr_array_index (self->selection, 0);
      item = cjm_document_add_lane (self->document, cjm_palette_tile_get_lane_kind (tile),
                                     lane ? (guint) cjm_document_index_of (self->document, lane) + 1
                                          : cjm_document_get_n_items (self->document, CJM_KIND_LANE));
    }
  else
    {
      CjmItem *anchor = _cjm_canvas_keyboard_anchor (self);
      const CjmLayoutCard *card = anchor ? cjm_layout_lookup_card (self->layout, anchor) : NULL;
      CjmDropTarget target = { 0 };
      CjmKind wanted = tile == CJM_PALETTE_TILE_TOUCHPOINT ? CJM_KIND_TOUCHPOINT
                       : tile == CJM_PALETTE_TILE_OPPORTUNITY ? CJM_KIND_OPPORTUNITY
                       : CJM_KIND_NOTE;

      if (card != NULL && !card->unplaced)
        {
          target.stage = card->stage;
          target.lane = card->lane;
          target.cell = card->cell;
          target.index_in_cell = card->index_in_cell + 1;
          target.after = anchor;
        }
      else
        {
          CjmItem *stage, *lane;
          const CjmLayoutCell *cell;
          gboolean found = FALSE;

          /* A pain point goes to a pain-points lane when there is one. */
          if (tile == CJM_PALETTE_TILE_PAIN_POINT)
            {
              GPtrArray *lanes = cjm_document_get_items (self->document, CJM_KIND_LANE);

              for (guint i = 0; i < lanes->len && !found; i++)
                if (cjm_item_get_lane_kind (g_ptr_array_index (lanes, i)) == CJM_LANE_PAIN_POINTS
                    && cjm_document_get_n_items (self->document, CJM_KIND_STAGE) > 0)
                  {
                    lane = g_ptr_array_index (lanes, i);
                    stage = cjm_document_get_item (self->document, CJM_KIND_STAGE, 0);
                    found = TRUE;
                  }
            }
          if (!found && !cjm_document_first_cell_for (self->document, wanted, &stage, &lane))
            return;
          cell = cjm_layout_get_cell (self->layout, cjm_document_index_of (self->document, stage),
                                      cjm_document_index_of (self->document, lane));
          target.stage = stage;
          target.lane = lane;
          target.index_in_cell = cell->n_cards;
          target.after = cell->n_cards > 0
                           ? cjm_layout_get_card (self->layout, cell->first_card + cell->n_cards - 1)->item
                           : NULL;
        }
      item = _cjm_canvas_create_card (self, tile, &target, NULL);
    }

  if (item != NULL)
    {
      cjm_canvas_select_items (self, &item, 1, TRUE);
      cjm_canvas_edit_item (self, item);
    }
}
