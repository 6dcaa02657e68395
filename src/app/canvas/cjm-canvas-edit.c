/* cjm-canvas-edit.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The edits the canvas makes to the document: cards created from palette
 * tiles and text, cards moved between cells and within a cell, stages and
 * lanes reordered, emotions set, links drawn, cards moved by the keyboard,
 * tiles added from the keyboard. Each user action is one undo group.
 */

#define G_LOG_DOMAIN "CjmCanvas"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cjm-canvas-private.h"

const char *
cjm_canvas_kind_prefix (CjmKind kind)
{
  switch (kind)
    {
    case CJM_KIND_TOUCHPOINT:
      return "t";
    case CJM_KIND_NOTE:
      return "n";
    case CJM_KIND_OPPORTUNITY:
      return "o";
    case CJM_KIND_STAGE:
      return "s";
    case CJM_KIND_LANE:
      return "l";
    case CJM_KIND_PERSONA:
      return "p";
    case CJM_KIND_MAP:
    case CJM_KIND_LINK:
    case CJM_KIND_TERM:
    case CJM_KIND_SUPPRESSION:
    case CJM_N_KINDS:
    default:
      return "x";
    }
}

CjmField
cjm_canvas_title_field (CjmItem *item)
{
  switch (cjm_item_get_kind (item))
    {
    case CJM_KIND_NOTE:
    case CJM_KIND_SUPPRESSION:
      return CJM_FIELD_TEXT;
    case CJM_KIND_STAGE:
    case CJM_KIND_LANE:
    case CJM_KIND_PERSONA:
      return CJM_FIELD_NAME;
    case CJM_KIND_LINK:
      return CJM_FIELD_LABEL;
    case CJM_KIND_TERM:
      return CJM_FIELD_PREFERRED;
    case CJM_KIND_MAP:
    case CJM_KIND_TOUCHPOINT:
    case CJM_KIND_OPPORTUNITY:
    case CJM_N_KINDS:
    default:
      return CJM_FIELD_TITLE;
    }
}

gboolean
cjm_canvas_lane_takes (CjmItem *lane,
                       CjmKind  kind)
{
  return lane != NULL && cjm_lane_kind_holds (cjm_item_get_lane_kind (lane)) == kind;
}

CjmKind
cjm_canvas_kind_for_lane (CjmItem *lane)
{
  if (lane == NULL)
    return CJM_KIND_MAP;
  return cjm_lane_kind_holds (cjm_item_get_lane_kind (lane));
}

/* A default text that says what the new card is for. */
static const char *
default_card_text (CjmKind        kind,
                   CjmItem       *lane,
                   CjmPaletteTile tile)
{
  if (kind == CJM_KIND_TOUCHPOINT)
    return _("New touchpoint");
  if (kind == CJM_KIND_OPPORTUNITY)
    return _("New opportunity");

  switch (cjm_item_get_lane_kind (lane))
    {
    case CJM_LANE_ACTIONS:
      return _("New action");
    case CJM_LANE_THOUGHTS:
      return _("New thought");
    case CJM_LANE_PAIN_POINTS:
      return _("New pain point");
    case CJM_LANE_BACKSTAGE:
      return _("New backstage step");
    case CJM_LANE_NOTES:
    case CJM_LANE_UNKNOWN:
    case CJM_LANE_EMOTION:
    case CJM_LANE_CHANNEL:
    case CJM_LANE_OPPORTUNITIES:
    default:
      return tile == CJM_PALETTE_TILE_PAIN_POINT ? _("New pain point") : _("New note");
    }
}

static const char *
default_lane_name (CjmLaneKind kind)
{
  switch (kind)
    {
    case CJM_LANE_EMOTION:
      return _("Emotions");
    case CJM_LANE_CHANNEL:
      return _("New channel");
    case CJM_LANE_ACTIONS:
      return _("Customer actions");
    case CJM_LANE_THOUGHTS:
      return _("Thoughts");
    case CJM_LANE_PAIN_POINTS:
      return _("Pain points");
    case CJM_LANE_BACKSTAGE:
      return _("Backstage");
    case CJM_LANE_NOTES:
      return _("Notes");
    case CJM_LANE_OPPORTUNITIES:
      return _("Opportunities");
    case CJM_LANE_UNKNOWN:
    default:
      return _("New lane");
    }
}

char *
cjm_canvas_strip_text (const char *text)
{
  char *copy = g_strdup (text ? text : "");

  return g_strstrip (copy);
}

/* Creating */

CjmItem *
cjm_canvas_create_card (CjmCanvas           *self,
                        CjmPaletteTile       tile,
                        const CjmDropTarget *target,
                        const char          *text)
{
  CjmKind kind = cjm_canvas_kind_for_lane (target->lane);
  g_autoptr(CjmItem) item = NULL;
  g_autofree char *id = NULL;
  g_autofree char *body = NULL;
  guint index;

  if (kind == CJM_KIND_MAP || target->stage == NULL)
    return NULL;

  body = text ? cjm_canvas_strip_text (text) : g_strdup (default_card_text (kind, target->lane, tile));
  if (*body == '\0')
    return NULL;

  item = cjm_item_new (kind);
  id = cjm_document_make_id (self->document, cjm_canvas_kind_prefix (kind), body);
  cjm_item_set_initial_field (item, CJM_FIELD_ID, id);
  cjm_item_set_initial_field (item, CJM_FIELD_STAGE, cjm_item_get_id (target->stage));
  cjm_item_set_initial_field (item, CJM_FIELD_LANE, cjm_item_get_id (target->lane));
  cjm_item_set_initial_field (item, cjm_canvas_title_field (item), body);

  _cjm_canvas_ensure_layout (self);
  index = cjm_layout_get_drop_index (self->layout, target, kind, NULL);
  cjm_document_begin_group (self->document, _("Add card"));
  cjm_document_insert_item (self->document, item, (int) index);
  cjm_document_end_group (self->document);
  return item;
}

CjmItem *
cjm_canvas_create_stage (CjmCanvas *self,
                         guint      index)
{
  g_autoptr(CjmItem) item = cjm_item_new (CJM_KIND_STAGE);
  g_autofree char *id = cjm_document_make_id (self->document, "s", _("New stage"));

  cjm_item_set_initial_field (item, CJM_FIELD_ID, id);
  cjm_item_set_initial_field (item, CJM_FIELD_NAME, _("New stage"));
  cjm_document_begin_group (self->document, _("Add stage"));
  cjm_document_insert_item (self->document, item, (int) index);
  cjm_document_end_group (self->document);
  return item;
}

CjmItem *
cjm_canvas_create_lane (CjmCanvas   *self,
                        CjmLaneKind  kind,
                        guint        index)
{
  g_autoptr(CjmItem) item = cjm_item_new (CJM_KIND_LANE);
  const char *name = default_lane_name (kind);
  g_autofree char *id = cjm_document_make_id (self->document, "l", name);

  cjm_item_set_initial_field (item, CJM_FIELD_ID, id);
  cjm_item_set_initial_field (item, CJM_FIELD_LANE_KIND, cjm_lane_kind_to_string (kind));
  cjm_item_set_initial_field (item, CJM_FIELD_NAME, name);
  cjm_document_begin_group (self->document, _("Add lane"));
  cjm_document_insert_item (self->document, item, (int) index);
  cjm_document_end_group (self->document);
  return item;
}

/* Moving cards */

/* Puts the moving items (all of one kind, in document order) at position
 * `slot` of the list that remains without them. Each item moves at most
 * twice, so the undo group stays small on big maps. */
static void
place_items (CjmDocument *document,
             GPtrArray   *moving,
             guint        slot)
{
  GPtrArray *items;
  gboolean in_place = TRUE;
  guint first;

  if (moving->len == 0)
    return;

  items = cjm_document_get_items (document, cjm_item_get_kind (g_ptr_array_index (moving, 0)));
  first = cjm_document_index_of (document, g_ptr_array_index (moving, 0));
  /* Already there: contiguous, starting at slot. */
  for (guint j = 0; j < moving->len && in_place; j++)
    in_place = first == slot && slot + j < items->len
               && g_ptr_array_index (items, slot + j) == g_ptr_array_index (moving, j);
  if (in_place)
    return;

  if (moving->len == 1)
    {
      cjm_document_move_item (document, g_ptr_array_index (moving, 0), slot);
      return;
    }

  for (guint j = 0; j < moving->len; j++)
    cjm_document_move_item (document, g_ptr_array_index (moving, j), items->len - 1);
  for (guint j = 0; j < moving->len; j++)
    cjm_document_move_item (document, g_ptr_array_index (moving, j), slot + j);
}

int
cjm_canvas_compare_document_order (gconstpointer a,
                        gconstpointer b,
                        gpointer      data)
{
  CjmDocument *document = data;
  CjmItem *ia = *(CjmItem **) a;
  CjmItem *ib = *(CjmItem **) b;

  return cjm_document_index_of (document, ia) - cjm_document_index_of (document, ib);
}

gboolean
cjm_canvas_move_cards (CjmCanvas           *self,
                       GPtrArray           *cards,
                       const CjmDropTarget *target)
{
  const CjmLayoutCell *cell;
  const char *stage_id;
  const char *lane_id;
  gboolean changed = FALSE;
  CjmKind kinds[] = { CJM_KIND_TOUCHPOINT, CJM_KIND_NOTE, CJM_KIND_OPPORTUNITY };
  g_autoptr(GPtrArray) plan = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GArray) slots = g_array_new (FALSE, FALSE, sizeof (guint));

  if (cards->len == 0 || target->stage == NULL || target->lane == NULL)
    return FALSE;
  for (guint i = 0; i < cards->len; i++)
    if (!cjm_canvas_lane_takes (target->lane, cjm_item_get_kind (g_ptr_array_index (cards, i))))
      return FALSE;

  _cjm_canvas_ensure_layout (self);
  cell = cjm_layout_get_cell (self->layout,
                              cjm_document_index_of (self->document, target->stage),
                              cjm_document_index_of (self->document, target->lane));
  stage_id = cjm_item_get_id (target->stage);
  lane_id = cjm_item_get_id (target->lane);

  /* Plan against the current order, then edit. */
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(GPtrArray) moving = g_ptr_array_new ();
      GPtrArray *items = cjm_document_get_items (self->document, kinds[k]);
      CjmItem *anchor_before = NULL;
      CjmItem *last_in_cell = NULL;
      guint slot = 0;

      for (guint i = 0; i < cards->len; i++)
        if (cjm_item_get_kind (g_ptr_array_index (cards, i)) == kinds[k])
          g_ptr_array_add (moving, g_ptr_array_index (cards, i));
      if (moving->len == 0)
        continue;
      g_ptr_array_sort_with_data (moving, cjm_canvas_compare_document_order, self->document);

      /* The first card of this kind at or after the slot that stays, and
       * the last card of this kind in the cell that stays. */
      if (cell != NULL)
        for (guint c = 0; c < cell->n_cards; c++)
          {
            const CjmLayoutCard *card = cjm_layout_get_card (self->layout, cell->first_card + c);

            if (cjm_item_get_kind (card->item) != kinds[k]
                || g_ptr_array_find (moving, card->item, NULL))
              continue;
            if (c >= target->index_in_cell && anchor_before == NULL)
              anchor_before = card->item;
            last_in_cell = card->item;
          }

      /* Position in the list without the moving items. */
      {
        CjmItem *anchor = anchor_before ? anchor_before : last_in_cell;
        guint before_anchor = 0;
        guint first_moving = cjm_document_index_of (self->document, g_ptr_array_index (moving, 0));

        if (anchor != NULL)
          {
            guint ai = cjm_document_index_of (self->document, anchor);

            for (guint i = 0; i < ai; i++)
              if (!g_ptr_array_find (moving, g_ptr_array_index (items, i), NULL))
                before_anchor++;
            slot = anchor_before ? before_anchor : before_anchor + 1;
          }
        else
          {
            /* An empty cell: keep the cards where they are in the list. */
            for (guint i = 0; i < first_moving; i++)
              if (!g_ptr_array_find (moving, g_ptr_array_index (items, i), NULL))
                slot++;
          }
      }
      g_ptr_array_add (plan, g_ptr_array_ref (moving));
      g_array_append_val (slots, slot);
    }

  for (guint i = 0; i < cards->len && !changed; i++)
    {
      CjmItem *card = g_ptr_array_index (cards, i);

      changed = g_strcmp0 (cjm_item_get_field (card, CJM_FIELD_STAGE), stage_id) != 0
                || g_strcmp0 (cjm_item_get_field (card, CJM_FIELD_LANE), lane_id) != 0;
    }

  cjm_document_begin_group (self->document,
                            cards->len == 1 ? _("Move card") : _("Move cards"));
  for (guint i = 0; i < cards->len; i++)
    {
      CjmItem *card = g_ptr_array_index (cards, i);

      cjm_document_set_field (self->document, card, CJM_FIELD_STAGE, stage_id);
      cjm_document_set_field (self->document, card, CJM_FIELD_LANE, lane_id);
    }
  for (guint p = 0; p < plan->len; p++)
    place_items (self->document, g_ptr_array_index (plan, p), g_array_index (slots, guint, p));
  cjm_document_end_group (self->document);

  return TRUE;
}

/* Stages and lanes */

guint
cjm_canvas_stage_slot (CjmCanvas *self,
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
cjm_canvas_lane_slot (CjmCanvas *self,
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

void
cjm_canvas_move_stage (CjmCanvas *self,
                       CjmItem   *stage,
                       guint      slot)
{
  if (cjm_document_index_of (self->document, stage) == (int) slot)
    return;
  cjm_document_begin_group (self->document, _("Move stage"));
  cjm_document_move_item (self->document, stage, slot);
  cjm_document_end_group (self->document);
}

void
cjm_canvas_move_lane (CjmCanvas *self,
                      CjmItem   *lane,
                      guint      slot)
{
  if (cjm_document_index_of (self->document, lane) == (int) slot)
    return;
  cjm_document_begin_group (self->document, _("Move lane"));
  cjm_document_move_item (self->document, lane, slot);
  cjm_document_end_group (self->document);
}

void
cjm_canvas_set_emotion (CjmCanvas *self,
                        CjmItem   *touchpoint,
                        CjmField   field,
                        int        emotion)
{
  g_autofree char *value = g_strdup_printf ("%d", CLAMP (emotion, -3, 3));

  if (g_strcmp0 (cjm_item_get_field (touchpoint, field), value) == 0)
    return;
  cjm_document_begin_group (self->document, _("Change emotion"));
  cjm_document_set_field (self->document, touchpoint, field, value);
  cjm_document_end_group (self->document);
}

gboolean
cjm_canvas_create_link (CjmCanvas *self,
                        CjmItem   *from,
                        CjmItem   *to)
{
  GPtrArray *links = cjm_document_get_items (self->document, CJM_KIND_LINK);
  g_autoptr(CjmItem) link = NULL;
  const char *from_id = cjm_item_get_id (from);
  const char *to_id = cjm_item_get_id (to);

  if (from == to || from_id == NULL || to_id == NULL)
    return FALSE;
  for (guint i = 0; i < links->len; i++)
    {
      CjmItem *other = g_ptr_array_index (links, i);

      if (g_strcmp0 (cjm_item_get_field (other, CJM_FIELD_FROM), from_id) == 0
          && g_strcmp0 (cjm_item_get_field (other, CJM_FIELD_TO), to_id) == 0)
        return FALSE;
    }

  link = cjm_item_new (CJM_KIND_LINK);
  cjm_item_set_initial_field (link, CJM_FIELD_FROM, from_id);
  cjm_item_set_initial_field (link, CJM_FIELD_TO, to_id);
  cjm_document_begin_group (self->document, _("Add link"));
  cjm_document_insert_item (self->document, link, -1);
  cjm_document_end_group (self->document);
  return TRUE;
}

/* Keyboard navigation */

CjmItem *
cjm_canvas_find_neighbour (CjmCanvas        *self,
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
cjm_canvas_move_card_by_key (CjmCanvas        *self,
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
              fits = cjm_canvas_lane_takes (cjm_layout_get_lane (self->layout, lane)->item,
                                            cjm_item_get_kind (g_ptr_array_index (cards, i)));
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
  if (!cjm_canvas_move_cards (self, cards, &target))
    return FALSE;
  cjm_canvas_scroll_to_item (self, g_ptr_array_index (cards, 0));
  return TRUE;
}


/* A .cjm document holding copies of the cards and the links between them. */

/* Keeps the ids of a list field that exist here (or were pasted along). */

/* The position in its kind's list for a new card in a cell: after
 * `after` when given, else after the last card of that cell. */

/* The first stage and lane that take a card of this kind. */
gboolean
cjm_canvas_first_cell_for (CjmDocument *document,
                CjmKind      kind,
                CjmItem    **stage,
                CjmItem    **lane)
{
  GPtrArray *stages = cjm_document_get_items (document, CJM_KIND_STAGE);
  GPtrArray *lanes = cjm_document_get_items (document, CJM_KIND_LANE);

  if (stages->len == 0)
    return FALSE;
  for (guint i = 0; i < lanes->len; i++)
    if (cjm_canvas_lane_takes (g_ptr_array_index (lanes, i), kind))
      {
        *stage = g_ptr_array_index (stages, 0);
        *lane = g_ptr_array_index (lanes, i);
        return TRUE;
      }
  return FALSE;
}

/* Adds copies of the fragment's cards (new ids) and of its links. With an
 * anchor card, cards that fit its lane go into its cell after it; others
 * go back to their own stage and lane when this map has them, else to the
 * first cell that takes them. With keep_cells, each card goes after its
 * original (duplicate). One undo group; selects what was added. */

CjmItem *
cjm_canvas_keyboard_anchor (CjmCanvas *self)
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
      CjmItem *anchor = cjm_canvas_keyboard_anchor (self);

      /* After the selected card's stage, or at the end. */
      if (anchor != NULL)
        stage = cjm_document_lookup (self->document, cjm_item_get_field (anchor, CJM_FIELD_STAGE));
      else if (self->selection->len > 0
               && cjm_item_get_kind (g_ptr_array_index (self->selection, 0)) == CJM_KIND_STAGE)
        stage = g_ptr_array_index (self->selection, 0);
      item = cjm_canvas_create_stage (self, stage ? (guint) cjm_document_index_of (self->document, stage) + 1
                                                  : cjm_document_get_n_items (self->document, CJM_KIND_STAGE));
    }
  else if (!cjm_palette_tile_is_card (tile))
    {
      CjmItem *lane = NULL;

      if (self->selection->len > 0
          && cjm_item_get_kind (g_ptr_array_index (self->selection, 0)) == CJM_KIND_LANE)
        lane = g_ptr_array_index (self->selection, 0);
      item = cjm_canvas_create_lane (self, cjm_palette_tile_get_lane_kind (tile),
                                     lane ? (guint) cjm_document_index_of (self->document, lane) + 1
                                          : cjm_document_get_n_items (self->document, CJM_KIND_LANE));
    }
  else
    {
      CjmItem *anchor = cjm_canvas_keyboard_anchor (self);
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
          if (!found && !cjm_canvas_first_cell_for (self->document, wanted, &stage, &lane))
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
      item = cjm_canvas_create_card (self, tile, &target, NULL);
    }

  if (item != NULL)
    {
      cjm_canvas_select_items (self, &item, 1, TRUE);
      cjm_canvas_edit_item (self, item);
    }
}





