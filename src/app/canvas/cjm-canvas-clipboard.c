/* cjm-canvas-clipboard.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Copy, cut, paste and duplicate of cards, delete and select all. The
 * clipboard holds a .cjm document with the copied cards and the links
 * between them (CJM_CANVAS_CLIPBOARD_MIME, read back with the .cjm
 * reader, so it works between windows and between instances) and their
 * text as plain text. What a paste does to the map (new ids, links
 * rewired, one undo group) is the document's: cjm-edit.h.
 */

#define G_LOG_DOMAIN "CjmCanvas"

#include "config.h"

#include <glib/gi18n.h>

#include "cjm-canvas-private.h"
#include "cjm-edit.h"

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
  return cards;
}

/* Selects what a paste or duplicate added. */
static void
select_added (CjmCanvas *self,
              GPtrArray *added)
{
  _cjm_canvas_set_selection (self, added);
  if (added->len > 0)
    cjm_canvas_scroll_to_item (self, g_ptr_array_index (added, 0));
}

static void
paste_text (CjmCanvas  *self,
            const char *text)
{
  CjmItem *anchor = _cjm_canvas_keyboard_anchor (self);
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

      if (!cjm_document_first_cell_for (self->document, CJM_KIND_NOTE, &stage, &lane)
          && !cjm_document_first_cell_for (self->document, CJM_KIND_TOUCHPOINT, &stage, &lane))
        return;
      cell = cjm_layout_get_cell (self->layout, cjm_document_index_of (self->document, stage),
                                  cjm_document_index_of (self->document, lane));
      target.stage = stage;
      target.lane = lane;
      target.index_in_cell = cell->n_cards;
    }

  item = _cjm_canvas_create_card (self, CJM_PALETTE_TILE_NOTE, &target, text);
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
    {
      g_autoptr(GPtrArray) added = cjm_document_paste_cards (self->document, fragment,
                                                             _cjm_canvas_keyboard_anchor (self));

      select_added (self, added);
    }
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
  g_autoptr(CjmDocument) fragment = NULL;
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

  fragment = cjm_document_copy_cards (self->document, (CjmItem **) cards->pdata, cards->len, &text);
  bytes = cjm_document_serialize (fragment);
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
  g_autoptr(GPtrArray) added = NULL;

  g_return_if_fail (CJM_IS_CANVAS (self));

  if (self->document == NULL)
    return;
  cards = selected_cards (self);
  if (cards->len == 0)
    return;
  added = cjm_document_duplicate_cards (self->document, (CjmItem **) cards->pdata, cards->len);
  select_added (self, added);
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
