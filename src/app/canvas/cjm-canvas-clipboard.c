/* cjm-canvas-clipboard.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Copy, cut, paste and duplicate of cards, delete and select all. The
 * clipboard holds a .cjm document with the copied cards and the links
 * between them (CJM_CANVAS_CLIPBOARD_MIME, read back with the .cjm
 * reader, so it works between windows and between instances) and their
 * text as plain text. Pasted cards get new ids; each paste is one undo
 * group.
 */

#define G_LOG_DOMAIN "CjmCanvas"

#include "config.h"

#include <glib/gi18n.h>

#include "cjm-canvas-private.h"

static GPtrArray *
selected_cards (CjmCanvas *self)
{
  GPtrArray *cards = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < self->selection->len; i++)
    {
      CjmItem *item = g_ptr_array_index (self->selection, i);

      if (_cjm_canvas_is_card (item))
        g_ptr_array_add (cards, g_object_ref (item));
    }
  g_ptr_array_sort_with_data (cards, cjm_canvas_compare_document_order, self->document);
  return cards;
}

static GBytes *
serialize_fragment (CjmCanvas *self,
                    GPtrArray *cards,
                    char     **text)
{
  g_autoptr(CjmDocument) fragment = cjm_document_new ();
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *links = cjm_document_get_items (self->document, CJM_KIND_LINK);
  GString *plain = g_string_new (NULL);
  const char *lang = cjm_item_get_field (cjm_document_get_map (self->document), CJM_FIELD_LANG);

  if (lang != NULL)
    cjm_document_set_field (fragment, cjm_document_get_map (fragment), CJM_FIELD_LANG, lang);
  for (guint i = 0; i < cards->len; i++)
    {
      CjmItem *card = g_ptr_array_index (cards, i);
      g_autoptr(CjmItem) copy = cjm_item_copy (card);

      cjm_document_insert_item (fragment, copy, -1);
      if (cjm_item_get_id (card) != NULL)
        g_hash_table_add (ids, (gpointer) cjm_item_get_id (card));
      if (plain->len > 0)
        g_string_append_c (plain, '\n');
      g_string_append (plain, cjm_item_get_display_text (card) ?: "");
    }
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

  *text = g_string_free (plain, FALSE);
  return cjm_document_serialize (fragment);
}

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

static guint
paste_fragment (CjmCanvas   *self,
                CjmDocument *fragment,
                CjmItem     *anchor,
                gboolean     keep_cells,
                const char  *label)
{
  g_autoptr(GHashTable) renamed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);
  CjmKind kinds[] = { CJM_KIND_TOUCHPOINT, CJM_KIND_NOTE, CJM_KIND_OPPORTUNITY };
  GPtrArray *links = cjm_document_get_items (fragment, CJM_KIND_LINK);
  CjmItem *last_in_anchor_cell[CJM_N_KINDS] = { NULL };
  CjmItem *astage = NULL;
  CjmItem *alane = NULL;

  if (anchor != NULL)
    {
      astage = cjm_document_lookup (self->document, cjm_item_get_field (anchor, CJM_FIELD_STAGE));
      alane = cjm_document_lookup (self->document, cjm_item_get_field (anchor, CJM_FIELD_LANE));
    }

  cjm_document_begin_group (self->document, label);

  /* Touchpoints first, so that opportunities' addresses can be renamed. */
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      GPtrArray *cards = cjm_document_get_items (fragment, kinds[k]);

      for (guint i = 0; i < cards->len; i++)
        {
          CjmItem *card = g_ptr_array_index (cards, i);
          CjmKind kind = kinds[k];
          g_autoptr(CjmItem) copy = cjm_item_copy (card);
          g_autofree char *id = NULL;
          CjmItem *stage = cjm_document_lookup (self->document, cjm_item_get_field (card, CJM_FIELD_STAGE));
          CjmItem *lane = cjm_document_lookup (self->document, cjm_item_get_field (card, CJM_FIELD_LANE));
          CjmItem *after = NULL;

          if (stage != NULL && cjm_item_get_kind (stage) != CJM_KIND_STAGE)
            stage = NULL;
          if (lane != NULL && cjm_item_get_kind (lane) != CJM_KIND_LANE)
            lane = NULL;

          if (keep_cells)
            after = cjm_document_lookup (self->document, cjm_item_get_id (card));
          else if (astage != NULL && alane != NULL && cjm_canvas_lane_takes (alane, kind))
            {
              stage = astage;
              lane = alane;
              after = last_in_anchor_cell[kind] ? last_in_anchor_cell[kind] : anchor;
            }
          if (after != NULL && cjm_item_get_kind (after) != kind)
            after = NULL;

          if (stage == NULL || lane == NULL || !cjm_canvas_lane_takes (lane, kind))
            {
              after = NULL;
              if (!cjm_canvas_first_cell_for (self->document, kind, &stage, &lane))
                continue;
            }

          /* The document holds the cards pasted so far: ids stay unique. */
          id = cjm_document_make_id (self->document, cjm_canvas_kind_prefix (kind),
                                     cjm_item_get_display_text (card));
          if (cjm_item_get_id (card) != NULL)
            g_hash_table_insert (renamed, g_strdup (cjm_item_get_id (card)), g_strdup (id));
          cjm_item_set_initial_field (copy, CJM_FIELD_ID, id);
          cjm_item_set_initial_field (copy, CJM_FIELD_STAGE, cjm_item_get_id (stage));
          cjm_item_set_initial_field (copy, CJM_FIELD_LANE, cjm_item_get_id (lane));
          filter_id_list (self->document, copy, CJM_FIELD_PERSONAS, renamed);
          filter_id_list (self->document, copy, CJM_FIELD_ADDRESSES, renamed);
          cjm_document_insert_item (self->document, copy,
                                    insertion_index (self->document, copy, after));
          if (!keep_cells && stage == astage && lane == alane)
            last_in_anchor_cell[kind] = copy;
          g_ptr_array_add (added, g_object_ref (copy));
        }
    }

  for (guint i = 0; i < links->len; i++)
    {
      CjmItem *link = g_ptr_array_index (links, i);
      const char *from = g_hash_table_lookup (renamed, cjm_item_get_field (link, CJM_FIELD_FROM) ?: "");
      const char *to = g_hash_table_lookup (renamed, cjm_item_get_field (link, CJM_FIELD_TO) ?: "");

      if (from != NULL && to != NULL)
        {
          g_autoptr(CjmItem) copy = cjm_item_copy (link);

          cjm_item_set_initial_field (copy, CJM_FIELD_FROM, from);
          cjm_item_set_initial_field (copy, CJM_FIELD_TO, to);
          cjm_document_insert_item (self->document, copy, -1);
        }
    }
  cjm_document_end_group (self->document);

  _cjm_canvas_set_selection (self, added);
  if (added->len > 0)
    cjm_canvas_scroll_to_item (self, g_ptr_array_index (added, 0));
  return added->len;
}

static void
paste_text (CjmCanvas  *self,
            const char *text)
{
  CjmItem *anchor = cjm_canvas_keyboard_anchor (self);
  CjmDropTarget target = { 0 };
  const CjmLayoutCard *card;
  CjmItem *item;

  _cjm_canvas_ensure_layout (self);
  card = anchor ? cjm_layout_lookup_card (self->layout, anchor) : NULL;
  if (card != NULL && !card->unplaced)
    {
      const CjmLayoutCell *cell = cjm_layout_get_cell (self->layout,
                                                       cjm_document_index_of (self->document, card->stage),
                                                       cjm_document_index_of (self->document, card->lane));

      target.stage = card->stage;
      target.lane = card->lane;
      target.cell = card->cell;
      target.index_in_cell = card->index_in_cell + 1;
      target.after = anchor;
      target.before = card->index_in_cell + 1 < cell->n_cards
                        ? cjm_layout_get_card (self->layout, cell->first_card + card->index_in_cell + 1)->item
                        : NULL;
    }
  else
    {
      CjmItem *stage, *lane;
      const CjmLayoutCell *cell;

      if (!cjm_canvas_first_cell_for (self->document, CJM_KIND_NOTE, &stage, &lane)
          && !cjm_canvas_first_cell_for (self->document, CJM_KIND_TOUCHPOINT, &stage, &lane))
        return;
      cell = cjm_layout_get_cell (self->layout, cjm_document_index_of (self->document, stage),
                                  cjm_document_index_of (self->document, lane));
      target.stage = stage;
      target.lane = lane;
      target.index_in_cell = cell->n_cards;
    }

  item = cjm_canvas_create_card (self, CJM_PALETTE_TILE_NOTE, &target, text);
  if (item != NULL)
    cjm_canvas_select_items (self, &item, 1, TRUE);
}

static void
on_clipboard_text_read (GObject      *source,
                        GAsyncResult *result,
                        gpointer      data)
{
  g_autoptr(CjmCanvas) self = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);

  if (text != NULL && self->document != NULL)
    paste_text (self, text);
}

static void
on_fragment_spliced (GObject      *source,
                     GAsyncResult *result,
                     gpointer      data)
{
  g_autoptr(CjmCanvas) self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(CjmDocument) fragment = NULL;

  if (g_output_stream_splice_finish (G_OUTPUT_STREAM (source), result, &error) < 0)
    {
      g_warning ("Could not paste: %s", error->message);
      return;
    }
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (source));
  fragment = cjm_document_new_from_bytes (bytes, _("clipboard"), &error);
  if (fragment == NULL)
    {
      g_warning ("Could not paste: %s", error->message);
      return;
    }
  if (self->document != NULL)
    paste_fragment (self, fragment, cjm_canvas_keyboard_anchor (self), FALSE, _("Paste"));
}

static void
on_clipboard_read (GObject      *source,
                   GAsyncResult *result,
                   gpointer      data)
{
  g_autoptr(CjmCanvas) self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GOutputStream) memory = NULL;
  const char *mime = NULL;

  stream = gdk_clipboard_read_finish (GDK_CLIPBOARD (source), result, &mime, &error);
  if (stream == NULL)
    {
      g_debug ("Nothing to paste: %s", error->message);
      return;
    }
  memory = g_memory_output_stream_new_resizable ();
  g_output_stream_splice_async (memory, stream,
                                G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE
                                | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                G_PRIORITY_DEFAULT, NULL, on_fragment_spliced,
                                g_object_ref (self));
}

void
cjm_canvas_copy (CjmCanvas *self)
{
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  GdkContentProvider *providers[2];
  g_autoptr(GdkContentProvider) provider = NULL;

  g_return_if_fail (CJM_IS_CANVAS (self));

  if (self->document == NULL)
    return;
  cards = selected_cards (self);
  if (cards->len == 0)
    return;

  bytes = serialize_fragment (self, cards, &text);
  providers[0] = gdk_content_provider_new_for_bytes (CJM_CANVAS_CLIPBOARD_MIME, bytes);
  providers[1] = gdk_content_provider_new_typed (G_TYPE_STRING, text);
  provider = gdk_content_provider_new_union (providers, 2);
  gdk_clipboard_set_content (gtk_widget_get_clipboard (GTK_WIDGET (self)), provider);
}

void
cjm_canvas_cut (CjmCanvas *self)
{
  g_autoptr(GPtrArray) cards = NULL;

  g_return_if_fail (CJM_IS_CANVAS (self));

  if (self->document == NULL)
    return;
  cards = selected_cards (self);
  if (cards->len == 0)
    return;
  cjm_canvas_copy (self);
  cjm_document_delete_items (self->document, (CjmItem **) cards->pdata, cards->len);
}

void
cjm_canvas_paste (CjmCanvas *self)
{
  GdkClipboard *clipboard;
  GdkContentFormats *formats;
  static const char *mime_types[] = { CJM_CANVAS_CLIPBOARD_MIME, NULL };

  g_return_if_fail (CJM_IS_CANVAS (self));

  if (self->document == NULL)
    return;
  clipboard = gtk_widget_get_clipboard (GTK_WIDGET (self));
  formats = gdk_clipboard_get_formats (clipboard);
  if (gdk_content_formats_contain_mime_type (formats, CJM_CANVAS_CLIPBOARD_MIME))
    gdk_clipboard_read_async (clipboard, mime_types, G_PRIORITY_DEFAULT, NULL,
                              on_clipboard_read, g_object_ref (self));
  else if (gdk_content_formats_contain_gtype (formats, G_TYPE_STRING)
           || gdk_content_formats_contain_mime_type (formats, "text/plain;charset=utf-8")
           || gdk_content_formats_contain_mime_type (formats, "text/plain"))
    gdk_clipboard_read_text_async (clipboard, NULL, on_clipboard_text_read, g_object_ref (self));
}

void
cjm_canvas_duplicate (CjmCanvas *self)
{
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  g_autoptr(CjmDocument) fragment = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CJM_IS_CANVAS (self));

  if (self->document == NULL)
    return;
  cards = selected_cards (self);
  if (cards->len == 0)
    return;
  bytes = serialize_fragment (self, cards, &text);
  fragment = cjm_document_new_from_bytes (bytes, "duplicate", &error);
  if (fragment == NULL)
    {
      g_warning ("Could not duplicate: %s", error->message);
      return;
    }
  paste_fragment (self, fragment, NULL, TRUE, _("Duplicate"));
}

void
cjm_canvas_delete_selection (CjmCanvas *self)
{
  g_autoptr(GPtrArray) items = NULL;

  g_return_if_fail (CJM_IS_CANVAS (self));

  if (self->document == NULL || self->selection->len == 0)
    return;
  items = g_ptr_array_copy (self->selection, (GCopyFunc) (void (*) (void)) g_object_ref, NULL);
  g_ptr_array_set_free_func (items, g_object_unref);
  cjm_document_delete_items (self->document, (CjmItem **) items->pdata, items->len);
}

void
cjm_canvas_select_all (CjmCanvas *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();

  g_return_if_fail (CJM_IS_CANVAS (self));

  _cjm_canvas_ensure_layout (self);
  if (self->layout == NULL)
    return;
  for (guint i = 0; i < cjm_layout_get_n_cards (self->layout); i++)
    g_ptr_array_add (items, cjm_layout_get_card (self->layout, i)->item);
  _cjm_canvas_set_selection (self, items);
}
