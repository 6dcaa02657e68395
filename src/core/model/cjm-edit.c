/* cjm-edit.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The editing operations of cjm-edit.h. Each one plans against the
 * document as it is, then makes its changes inside one undo group.
 */

#define G_LOG_DOMAIN "cjm-model"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cjm-edit.h"

/* Static helpers */

/* Is item the first of its kind with its id (the one its id refers to)? */
static gboolean
is_first_with_id (CjmDocument *document,
                  CjmItem     *item)
{
  GPtrArray *items = cjm_document_get_items (document, cjm_item_get_kind (item));
  const char *id = cjm_item_get_id (item);

  if (id == NULL)
    return FALSE;
  for (guint i = 0; i < items->len; i++)
    if (g_strcmp0 (cjm_item_get_id (g_ptr_array_index (items, i)), id) == 0)
      return g_ptr_array_index (items, i) == item;
  return FALSE;
}

/* The index in the list of cards of kind that puts a new card at the slot:
 * before the first card of that kind at or after the slot, else after the
 * last one before it, else at the end. */
static guint
slot_to_index (CjmDocument *document,
               GPtrArray   *cell,
               CjmKind      kind,
               guint        slot)
{
  for (guint i = slot; i < cell->len; i++)
    if (cjm_item_get_kind (g_ptr_array_index (cell, i)) == kind)
      return cjm_document_index_of (document, g_ptr_array_index (cell, i));
  for (guint i = MIN (slot, cell->len); i > 0; i--)
    if (cjm_item_get_kind (g_ptr_array_index (cell, i - 1)) == kind)
      return cjm_document_index_of (document, g_ptr_array_index (cell, i - 1)) + 1;
  return cjm_document_get_n_items (document, kind);
}

/* Inserts a new item of kind with a fresh id and its title in one undo
 * group; fields are pairs of CjmField and value, ending with -1. */
static CjmItem *
insert_new_item (CjmDocument *document,
                 CjmKind      kind,
                 const char  *id_hint,
                 const char  *title,
                 int          index,
                 const char  *label,
                 ...)
{
  g_autoptr(CjmItem) item = cjm_item_new (kind);
  g_autofree char *id = cjm_document_make_id_for (document, kind, id_hint);
  va_list args;
  int field;

  cjm_item_set_initial_field (item, CJM_FIELD_ID, id);
  va_start (args, label);
  while ((field = va_arg (args, int)) >= 0)
    cjm_item_set_initial_field (item, field, va_arg (args, const char *));
  va_end (args);
  cjm_item_set_initial_field (item, cjm_kind_get_title_field (kind), title);

  if (label != NULL)
    cjm_document_begin_group (document, label);
  cjm_document_insert_item (document, item, index);
  if (label != NULL)
    cjm_document_end_group (document);
  return item;
}

/* Puts the moving items (all of one kind, in document order) at position
 * slot of the list that remains without them. Each item moves at most
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

/* Where the moving cards of one kind go in the list of that kind without
 * them, for the slot of a cell. */
static guint
plan_slot (CjmDocument *document,
           GPtrArray   *cell,
           GPtrArray   *moving,
           guint        slot_in_cell)
{
  CjmKind kind = cjm_item_get_kind (g_ptr_array_index (moving, 0));
  GPtrArray *items = cjm_document_get_items (document, kind);
  CjmItem *anchor_before = NULL;
  CjmItem *last_in_cell = NULL;
  CjmItem *anchor;
  guint end, slot = 0;

  /* The first card of this kind at or after the slot that stays, and the
   * last card of this kind in the cell that stays. */
  for (guint c = 0; c < cell->len; c++)
    {
      CjmItem *card = g_ptr_array_index (cell, c);

      if (cjm_item_get_kind (card) != kind || g_ptr_array_find (moving, card, NULL))
        continue;
      if (c >= slot_in_cell && anchor_before == NULL)
        anchor_before = card;
      last_in_cell = card;
    }

  /* Before the anchor, or after the last card of the cell; in an empty
   * cell the cards keep their place in the list. */
  anchor = anchor_before ? anchor_before : last_in_cell;
  end = cjm_document_index_of (document, anchor ? anchor : g_ptr_array_index (moving, 0));
  for (guint i = 0; i < end; i++)
    if (!g_ptr_array_find (moving, g_ptr_array_index (items, i), NULL))
      slot++;
  return anchor != NULL && anchor_before == NULL ? slot + 1 : slot;
}

/* Cards in document order: by kind, then by their place in its list. */
static int
compare_document_order (gconstpointer a,
                        gconstpointer b,
                        gpointer      data)
{
  CjmDocument *document = data;
  CjmItem *ia = *(CjmItem **) a;
  CjmItem *ib = *(CjmItem **) b;

  if (cjm_item_get_kind (ia) != cjm_item_get_kind (ib))
    return cjm_item_get_kind (ia) < cjm_item_get_kind (ib) ? -1 : 1;
  return cjm_document_index_of (document, ia) - cjm_document_index_of (document, ib);
}

/* Keeps the ids of a list field that exist here or were pasted along (by
 * their new ids). */
static void
filter_id_list (CjmDocument *document,
                CjmItem     *item,
                CjmField     field,
                GHashTable  *renamed)
{
  g_auto(GStrv) ids = cjm_item_dup_id_list (item, field);
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
  g_auto(GStrv) result = NULL;
  g_autofree char *value = NULL;

  if (ids == NULL || ids[0] == NULL)
    return;
  for (guint i = 0; ids[i] != NULL; i++)
    {
      const char *id = g_hash_table_lookup (renamed, ids[i]);

      if (id != NULL)
        g_strv_builder_add (kept, id);
      else if (cjm_document_lookup (document, ids[i]) != NULL)
        g_strv_builder_add (kept, ids[i]);
    }
  result = g_strv_builder_end (kept);
  value = g_strjoinv (" ", result);
  cjm_item_set_initial_field (item, field, *value ? value : NULL);
}

/* The position in its kind's list for a pasted card: after `after` when
 * given, else after the last card of its cell, else at the end. */
static int
insertion_index (CjmDocument *document,
                 CjmItem     *card,
                 CjmItem     *after)
{
  GPtrArray *items = cjm_document_get_items (document, cjm_item_get_kind (card));
  const char *stage = cjm_item_get_field (card, CJM_FIELD_STAGE);
  const char *lane = cjm_item_get_field (card, CJM_FIELD_LANE);
  int last = -1;

  if (after != NULL && cjm_item_get_kind (after) == cjm_item_get_kind (card))
    return cjm_document_index_of (document, after) + 1;
  for (guint i = 0; i < items->len; i++)
    {
      CjmItem *other = g_ptr_array_index (items, i);

      if (g_strcmp0 (cjm_item_get_field (other, CJM_FIELD_STAGE), stage) == 0
          && g_strcmp0 (cjm_item_get_field (other, CJM_FIELD_LANE), lane) == 0)
        last = i;
    }
  return last >= 0 ? last + 1 : -1;
}

static CjmItem *
lookup_kind (CjmDocument *document,
             const char  *id,
             CjmKind      kind)
{
  CjmItem *item = cjm_document_lookup (document, id);

  return item != NULL && cjm_item_get_kind (item) == kind ? item : NULL;
}

/* Adds copies of the fragment's cards (new ids) and of its links. With an
 * anchor card, cards that fit its lane go into its cell after it; others
 * go back to their own stage and lane when this map has them, else to the
 * first cell that holds them. With keep_cells, each card goes after its
 * original (duplicate). One undo group. */
static GPtrArray *
paste_fragment (CjmDocument *self,
                CjmDocument *fragment,
                CjmItem     *anchor,
                gboolean     keep_cells,
                const char  *label)
{
  g_autoptr(GHashTable) renamed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GPtrArray *added = g_ptr_array_new_with_free_func (g_object_unref);
  GPtrArray *links = cjm_document_get_items (fragment, CJM_KIND_LINK);
  CjmItem *last_in_anchor_cell[CJM_N_KINDS] = { NULL };
  CjmItem *astage = NULL;
  CjmItem *alane = NULL;

  if (anchor != NULL)
    {
      astage = cjm_document_lookup (self, cjm_item_get_field (anchor, CJM_FIELD_STAGE));
      alane = cjm_document_lookup (self, cjm_item_get_field (anchor, CJM_FIELD_LANE));
    }

  cjm_document_begin_group (self, label);

  /* Touchpoints first, so that opportunities' addresses can be renamed. */
  for (CjmKind kind = 0; kind < CJM_N_KINDS; kind++)
    {
      GPtrArray *cards = cjm_document_get_items (fragment, kind);

      if (!cjm_kind_is_card (kind))
        continue;
      for (guint i = 0; i < cards->len; i++)
        {
          CjmItem *card = g_ptr_array_index (cards, i);
          g_autoptr(CjmItem) copy = cjm_item_copy (card);
          g_autofree char *id = NULL;
          CjmItem *stage = lookup_kind (self, cjm_item_get_field (card, CJM_FIELD_STAGE),
                                        CJM_KIND_STAGE);
          CjmItem *lane = lookup_kind (self, cjm_item_get_field (card, CJM_FIELD_LANE),
                                       CJM_KIND_LANE);
          CjmItem *after = NULL;

          if (keep_cells)
            after = cjm_document_lookup (self, cjm_item_get_id (card));
          else if (astage != NULL && alane != NULL && cjm_item_lane_holds (alane) == kind)
            {
              stage = astage;
              lane = alane;
              after = last_in_anchor_cell[kind] ? last_in_anchor_cell[kind] : anchor;
            }
          if (after != NULL && cjm_item_get_kind (after) != kind)
            after = NULL;

          if (stage == NULL || lane == NULL || cjm_item_lane_holds (lane) != kind)
            {
              after = NULL;
              if (!cjm_document_first_cell_for (self, kind, &stage, &lane))
                continue;
            }

          /* The document holds the cards pasted so far: ids stay unique. */
          id = cjm_document_make_id_for (self, kind, cjm_item_get_display_text (card));
          if (cjm_item_get_id (card) != NULL)
            g_hash_table_insert (renamed, g_strdup (cjm_item_get_id (card)), g_strdup (id));
          cjm_item_set_initial_field (copy, CJM_FIELD_ID, id);
          cjm_item_set_initial_field (copy, CJM_FIELD_STAGE, cjm_item_get_id (stage));
          cjm_item_set_initial_field (copy, CJM_FIELD_LANE, cjm_item_get_id (lane));
          filter_id_list (self, copy, CJM_FIELD_PERSONAS, renamed);
          filter_id_list (self, copy, CJM_FIELD_ADDRESSES, renamed);
          cjm_document_insert_item (self, copy, insertion_index (self, copy, after));
          if (!keep_cells && stage == astage && lane == alane)
            last_in_anchor_cell[kind] = copy;
          g_ptr_array_add (added, g_object_ref (copy));
        }
    }

  for (guint i = 0; i < links->len; i++)
    {
      CjmItem *link = g_ptr_array_index (links, i);
      const char *from = g_hash_table_lookup (renamed,
                                              cjm_item_get_field (link, CJM_FIELD_FROM) ?: "");
      const char *to = g_hash_table_lookup (renamed, cjm_item_get_field (link, CJM_FIELD_TO) ?: "");

      if (from != NULL && to != NULL)
        {
          g_autoptr(CjmItem) copy = cjm_item_copy (link);

          cjm_item_set_initial_field (copy, CJM_FIELD_FROM, from);
          cjm_item_set_initial_field (copy, CJM_FIELD_TO, to);
          cjm_document_insert_item (self, copy, -1);
        }
    }
  cjm_document_end_group (self);

  return added;
}

/* The user's language as a map's lang ("he"), or NULL for C and POSIX. */
static char *
dup_user_language (void)
{
  const char * const *languages = g_get_language_names ();
  g_autofree char *lang = NULL;

  if (languages[0] != NULL)
    lang = g_strndup (languages[0], strcspn (languages[0], "_.@"));
  if (lang != NULL && (*lang == '\0' || strcmp (lang, "C") == 0 || strcmp (lang, "POSIX") == 0))
    return NULL;
  return g_steal_pointer (&lang);
}

static void
add_blank_lane (CjmDocument *document,
                CjmLaneKind  kind,
                const char  *name,
                const char  *channel)
{
  insert_new_item (document, CJM_KIND_LANE, channel ? channel : cjm_lane_kind_to_string (kind),
                   name ? name : cjm_lane_kind_get_default_name (kind), -1, NULL,
                   CJM_FIELD_LANE_KIND, cjm_lane_kind_to_string (kind),
                   CJM_FIELD_CHANNEL, channel,
                   -1);
}

/* Public API */

char *
cjm_strip_text (const char *text)
{
  return g_strstrip (g_strdup (text ? text : ""));
}

CjmKind
cjm_item_lane_holds (CjmItem *lane)
{
  g_return_val_if_fail (lane == NULL || CJM_IS_ITEM (lane), CJM_KIND_MAP);

  if (lane == NULL)
    return CJM_KIND_MAP;
  return cjm_lane_kind_holds (cjm_item_get_lane_kind (lane));
}

char *
cjm_document_make_id_for (CjmDocument *self,
                          CjmKind      kind,
                          const char  *hint)
{
  const char *prefix = cjm_kind_get_id_prefix (kind);

  g_return_val_if_fail (prefix != NULL, NULL);
  return cjm_document_make_id (self, prefix, hint);
}

GPtrArray *
cjm_document_dup_cell_cards (CjmDocument *self,
                             CjmItem     *stage,
                             CjmItem     *lane)
{
  GPtrArray *cards;
  const char *stage_id;
  const char *lane_id;

  g_return_val_if_fail (CJM_IS_DOCUMENT (self), NULL);

  cards = g_ptr_array_new ();
  if (stage == NULL || lane == NULL
      || !is_first_with_id (self, stage) || !is_first_with_id (self, lane))
    return cards;
  stage_id = cjm_item_get_id (stage);
  lane_id = cjm_item_get_id (lane);
  for (CjmKind kind = 0; kind < CJM_N_KINDS; kind++)
    {
      GPtrArray *items = cjm_document_get_items (self, kind);

      if (!cjm_kind_is_card (kind))
        continue;
      for (guint i = 0; i < items->len; i++)
        {
          CjmItem *card = g_ptr_array_index (items, i);

          if (g_strcmp0 (cjm_item_get_field (card, CJM_FIELD_STAGE), stage_id) == 0
              && g_strcmp0 (cjm_item_get_field (card, CJM_FIELD_LANE), lane_id) == 0)
            g_ptr_array_add (cards, card);
        }
    }
  return cards;
}

gboolean
cjm_document_first_cell_for (CjmDocument  *self,
                             CjmKind       kind,
                             CjmItem     **stage,
                             CjmItem     **lane)
{
  GPtrArray *stages;
  GPtrArray *lanes;

  g_return_val_if_fail (CJM_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (stage != NULL && lane != NULL, FALSE);

  stages = cjm_document_get_items (self, CJM_KIND_STAGE);
  lanes = cjm_document_get_items (self, CJM_KIND_LANE);
  if (stages->len == 0)
    return FALSE;
  for (guint i = 0; i < lanes->len; i++)
    if (cjm_item_lane_holds (g_ptr_array_index (lanes, i)) == kind)
      {
        *stage = g_ptr_array_index (stages, 0);
        *lane = g_ptr_array_index (lanes, i);
        return TRUE;
      }
  return FALSE;
}

CjmItem *
cjm_document_add_card (CjmDocument *self,
                       CjmItem     *stage,
                       CjmItem     *lane,
                       guint        slot,
                       const char  *text)
{
  CjmKind kind = cjm_item_lane_holds (lane);
  g_autoptr(GPtrArray) cell = NULL;
  g_autofree char *body = NULL;

  g_return_val_if_fail (CJM_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (stage == NULL || CJM_IS_ITEM (stage), NULL);

  if (kind == CJM_KIND_MAP || stage == NULL)
    return NULL;
  if (text == NULL)
    text = cjm_lane_kind_get_card_title (cjm_item_get_lane_kind (lane));
  body = cjm_strip_text (text ? text : cjm_kind_get_default_title (kind));
  if (*body == '\0')
    return NULL;

  cell = cjm_document_dup_cell_cards (self, stage, lane);
  return insert_new_item (self, kind, body, body, (int) slot_to_index (self, cell, kind, slot),
                          _("Add card"),
                          CJM_FIELD_STAGE, cjm_item_get_id (stage),
                          CJM_FIELD_LANE, cjm_item_get_id (lane),
                          -1);
}

CjmItem *
cjm_document_add_stage (CjmDocument *self,
                        guint        index)
{
  const char *name = cjm_kind_get_default_title (CJM_KIND_STAGE);

  g_return_val_if_fail (CJM_IS_DOCUMENT (self), NULL);

  return insert_new_item (self, CJM_KIND_STAGE, name, name, (int) index, _("Add stage"), -1);
}

CjmItem *
cjm_document_add_lane (CjmDocument *self,
                       CjmLaneKind  kind,
                       guint        index)
{
  const char *name = cjm_lane_kind_get_default_name (kind);

  g_return_val_if_fail (CJM_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (kind < CJM_N_LANE_KINDS, NULL);

  return insert_new_item (self, CJM_KIND_LANE, name, name, (int) index, _("Add lane"),
                          CJM_FIELD_LANE_KIND, cjm_lane_kind_to_string (kind),
                          -1);
}

gboolean
cjm_document_add_link (CjmDocument *self,
                       CjmItem     *from,
                       CjmItem     *to)
{
  GPtrArray *links;
  g_autoptr(CjmItem) link = NULL;
  const char *from_id;
  const char *to_id;

  g_return_val_if_fail (CJM_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (CJM_IS_ITEM (from) && CJM_IS_ITEM (to), FALSE);

  links = cjm_document_get_items (self, CJM_KIND_LINK);
  from_id = cjm_item_get_id (from);
  to_id = cjm_item_get_id (to);
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
  cjm_document_begin_group (self, _("Add link"));
  cjm_document_insert_item (self, link, -1);
  cjm_document_end_group (self);
  return TRUE;
}

gboolean
cjm_document_move_cards (CjmDocument  *self,
                         CjmItem     **cards,
                         guint         n_cards,
                         CjmItem      *stage,
                         CjmItem      *lane,
                         guint         slot)
{
  g_autoptr(GPtrArray) cell = NULL;
  g_autoptr(GPtrArray) plan = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GArray) slots = g_array_new (FALSE, FALSE, sizeof (guint));
  const char *stage_id;
  const char *lane_id;

  g_return_val_if_fail (CJM_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (cards != NULL || n_cards == 0, FALSE);

  if (n_cards == 0 || stage == NULL || lane == NULL)
    return FALSE;
  for (guint i = 0; i < n_cards; i++)
    if (cjm_item_lane_holds (lane) != cjm_item_get_kind (cards[i]))
      return FALSE;

  cell = cjm_document_dup_cell_cards (self, stage, lane);
  stage_id = cjm_item_get_id (stage);
  lane_id = cjm_item_get_id (lane);

  /* Plan against the current order, then edit. */
  for (CjmKind kind = 0; kind < CJM_N_KINDS; kind++)
    {
      g_autoptr(GPtrArray) moving = g_ptr_array_new ();
      guint where;

      for (guint i = 0; i < n_cards; i++)
        if (cjm_item_get_kind (cards[i]) == kind)
          g_ptr_array_add (moving, cards[i]);
      if (moving->len == 0)
        continue;
      g_ptr_array_sort_with_data (moving, compare_document_order, self);
      where = plan_slot (self, cell, moving, slot);
      g_ptr_array_add (plan, g_ptr_array_ref (moving));
      g_array_append_val (slots, where);
    }

  cjm_document_begin_group (self, n_cards == 1 ? _("Move card") : _("Move cards"));
  for (guint i = 0; i < n_cards; i++)
    {
      cjm_document_set_field (self, cards[i], CJM_FIELD_STAGE, stage_id);
      cjm_document_set_field (self, cards[i], CJM_FIELD_LANE, lane_id);
    }
  for (guint p = 0; p < plan->len; p++)
    place_items (self, g_ptr_array_index (plan, p), g_array_index (slots, guint, p));
  cjm_document_end_group (self);

  return TRUE;
}

gboolean
cjm_document_reorder_item (CjmDocument *self,
                           CjmItem     *item,
                           guint        index)
{
  CjmKind kind;

  g_return_val_if_fail (CJM_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (CJM_IS_ITEM (item), FALSE);
  kind = cjm_item_get_kind (item);
  g_return_val_if_fail (kind == CJM_KIND_STAGE || kind == CJM_KIND_LANE, FALSE);

  if (cjm_document_index_of (self, item) == (int) index)
    return FALSE;
  cjm_document_begin_group (self, kind == CJM_KIND_STAGE ? _("Move stage") : _("Move lane"));
  cjm_document_move_item (self, item, index);
  cjm_document_end_group (self);
  return TRUE;
}

gboolean
cjm_document_set_emotion (CjmDocument *self,
                          CjmItem     *touchpoint,
                          CjmField     field,
                          int          emotion)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (CJM_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (CJM_IS_ITEM (touchpoint), FALSE);
  g_return_val_if_fail (field == CJM_FIELD_EMOTION || field == CJM_FIELD_TARGET_EMOTION, FALSE);

  value = g_strdup_printf ("%d", CLAMP (emotion, -3, 3));
  if (g_strcmp0 (cjm_item_get_field (touchpoint, field), value) == 0)
    return FALSE;
  cjm_document_begin_group (self, _("Change emotion"));
  cjm_document_set_field (self, touchpoint, field, value);
  cjm_document_end_group (self);
  return TRUE;
}

CjmDocument *
cjm_document_copy_cards (CjmDocument  *self,
                         CjmItem     **cards,
                         guint         n_cards,
                         char        **text)
{
  CjmDocument *fragment;
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) plain = g_string_new (NULL);
  GPtrArray *links;
  const char *lang;

  g_return_val_if_fail (CJM_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (cards != NULL || n_cards == 0, NULL);

  fragment = cjm_document_new ();
  lang = cjm_item_get_field (cjm_document_get_map (self), CJM_FIELD_LANG);
  if (lang != NULL)
    cjm_document_set_field (fragment, cjm_document_get_map (fragment), CJM_FIELD_LANG, lang);

  for (guint i = 0; i < n_cards; i++)
    g_ptr_array_add (sorted, cards[i]);
  g_ptr_array_sort_with_data (sorted, compare_document_order, self);
  for (guint i = 0; i < sorted->len; i++)
    {
      CjmItem *card = g_ptr_array_index (sorted, i);
      g_autoptr(CjmItem) copy = cjm_item_copy (card);

      cjm_document_insert_item (fragment, copy, -1);
      if (cjm_item_get_id (card) != NULL)
        g_hash_table_add (ids, (gpointer) cjm_item_get_id (card));
      if (plain->len > 0)
        g_string_append_c (plain, '\n');
      g_string_append (plain, cjm_item_get_display_text (card));
    }

  links = cjm_document_get_items (self, CJM_KIND_LINK);
  for (guint i = 0; i < links->len; i++)
    {
      CjmItem *link = g_ptr_array_index (links, i);
      const char *from = cjm_item_get_field (link, CJM_FIELD_FROM);
      const char *to = cjm_item_get_field (link, CJM_FIELD_TO);

      if (from && to && g_hash_table_contains (ids, from) && g_hash_table_contains (ids, to))
        {
          g_autoptr(CjmItem) copy = cjm_item_copy (link);

          cjm_document_insert_item (fragment, copy, -1);
        }
    }

  cjm_document_clear_history (fragment);
  if (text != NULL)
    *text = g_string_free (g_steal_pointer (&plain), FALSE);
  return fragment;
}

GPtrArray *
cjm_document_paste_cards (CjmDocument *self,
                          CjmDocument *fragment,
                          CjmItem     *anchor)
{
  g_return_val_if_fail (CJM_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (CJM_IS_DOCUMENT (fragment), NULL);
  g_return_val_if_fail (anchor == NULL || CJM_IS_ITEM (anchor), NULL);

  return paste_fragment (self, fragment, anchor, FALSE, _("Paste"));
}

GPtrArray *
cjm_document_duplicate_cards (CjmDocument  *self,
                              CjmItem     **cards,
                              guint         n_cards)
{
  g_autoptr(CjmDocument) fragment = NULL;

  g_return_val_if_fail (CJM_IS_DOCUMENT (self), NULL);

  fragment = cjm_document_copy_cards (self, cards, n_cards, NULL);
  return paste_fragment (self, fragment, NULL, TRUE, _("Duplicate"));
}

CjmDocument *
cjm_document_new_blank (const char *lang)
{
  CjmDocument *document = cjm_document_new ();
  g_autofree char *user_lang = lang == NULL ? dup_user_language () : NULL;
  /* The usual stages of a journey */
  const char *stages[] = {
    _("Discover"), _("Choose"), _("Buy"), _("Use"), _("Get help"),
  };

  /* The map speaks the language of the person who starts it, so that a
   * Hebrew map runs right to left from the first stage. */
  cjm_document_set_field (document, cjm_document_get_map (document), CJM_FIELD_LANG,
                          lang ? lang : user_lang ? user_lang : "en");

  /* A starting set a designer can drop cards into at once: one lane of
   * each kind, with common channels. */
  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    insert_new_item (document, CJM_KIND_STAGE, stages[i], stages[i], -1, NULL, -1);
  add_blank_lane (document, CJM_LANE_ACTIONS, NULL, NULL);
  add_blank_lane (document, CJM_LANE_EMOTION, NULL, NULL);
  add_blank_lane (document, CJM_LANE_CHANNEL, _("Website"), "web");
  add_blank_lane (document, CJM_LANE_CHANNEL, _("Mobile app"), "app");
  add_blank_lane (document, CJM_LANE_CHANNEL, _("Call center"), "phone");
  add_blank_lane (document, CJM_LANE_CHANNEL, _("Store"), "store");
  add_blank_lane (document, CJM_LANE_THOUGHTS, NULL, NULL);
  add_blank_lane (document, CJM_LANE_PAIN_POINTS, NULL, NULL);
  add_blank_lane (document, CJM_LANE_BACKSTAGE, NULL, NULL);
  add_blank_lane (document, CJM_LANE_OPPORTUNITIES, NULL, NULL);

  cjm_document_clear_history (document);
  cjm_document_set_clean (document);
  return document;
}
