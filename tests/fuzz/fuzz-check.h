/* fuzz-check.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Checks shared by the fuzz targets: loading .cjm bytes or JSON text with
 * the error contract of the readers, and comparing two documents item by
 * item (every field, list and unknown XML kept for the round trip). A
 * failed check prints what differs and aborts, so that libFuzzer and the
 * replay test (fuzz-replay.c) both report it.
 */

#pragma once

#include <stdio.h>
#include <stdlib.h>

#include "cjm-document-private.h"
#include "cjm-json.h"

static inline void
fuzz_fail (const char *what,
           const char *first,
           gsize       first_length,
           const char *second,
           gsize       second_length)
{
  fprintf (stderr, "fuzz check failed: %s\n", what);
  if (first != NULL)
    fprintf (stderr, "--- first\n%.*s\n", (int) first_length, first);
  if (second != NULL)
    fprintf (stderr, "--- second\n%.*s\n", (int) second_length, second);
  abort ();
}

/* A refusal must be a CJM_DOCUMENT_ERROR that names the input first. */
static inline void
fuzz_check_refusal (GError     *error,
                    const char *name)
{
  if (error == NULL || error->domain != CJM_DOCUMENT_ERROR
      || !g_str_has_prefix (error->message, name))
    fuzz_fail (error != NULL ? error->message : "refused without an error", NULL, 0, NULL, 0);
}

static inline CjmDocument *
fuzz_load_cjm (GBytes     *bytes,
               const char *name)
{
  g_autoptr(GError) error = NULL;
  CjmDocument *document = cjm_document_new_from_bytes (bytes, name, &error);

  if (document == NULL)
    fuzz_check_refusal (error, name);
  return document;
}

static inline CjmDocument *
fuzz_load_json (const char *data,
                gsize       length,
                const char *name)
{
  g_autoptr(GError) error = NULL;
  CjmDocument *document = cjm_document_new_from_json_data (data, length, name, &error);

  if (document == NULL)
    fuzz_check_refusal (error, name);
  return document;
}

/* What a trip through a .cjm file may change (FUZZ_EXACT: nothing). */
typedef enum {
  FUZZ_EXACT = 0,
  /* The writer always writes the map's <title> (FORMAT.md), so an absent
   * map title reads back as "". */
  FUZZ_MAP_TITLE_WRITTEN = 1 << 0,
  /* A fact's value, a data source's or synonym's text and the body of a
   * note or a suppression are the text of an element, which reads back as
   * "" when the model held none. */
  FUZZ_ENTRY_TEXT_WRITTEN = 1 << 1,
  /* Anchors of unknown child elements read back as where the writer put
   * them: JSON may give anchors past the known children or out of order
   * (reported, not fixed); the elements and their order must stay. */
  FUZZ_ANCHORS_PLACED = 1 << 2,
  /* Unknown XML from JSON is written as given and read back as libxml2
   * writes it ("a>" becomes "a&gt;", <a></a> becomes <a/>): reported, not
   * fixed. The elements, their order and the attributes must stay, and
   * the second write must be the same bytes as the first. */
  FUZZ_XML_REWRITTEN = 1 << 3,
} FuzzChanges;

static inline gboolean
fuzz_extras_equal (const CjmExtras *a,
                   const CjmExtras *b,
                   FuzzChanges      changes)
{
  if (!(changes & (FUZZ_ANCHORS_PLACED | FUZZ_XML_REWRITTEN)))
    return cjm_extras_equal (a, b);
  if (cjm_extras_is_empty (a) || cjm_extras_is_empty (b))
    return cjm_extras_is_empty (a) && cjm_extras_is_empty (b);
  if (a->attrs->len != b->attrs->len || a->children->len != b->children->len)
    return FALSE;
  for (guint i = 0; i < a->attrs->len; i++)
    {
      const CjmRawAttr *x = g_ptr_array_index (a->attrs, i);
      const CjmRawAttr *y = g_ptr_array_index (b->attrs, i);

      if (g_strcmp0 (x->name, y->name) != 0 || g_strcmp0 (x->value, y->value) != 0)
        return FALSE;
    }
  for (guint i = 0; i < a->children->len; i++)
    {
      const CjmRawChild *x = g_ptr_array_index (a->children, i);
      const CjmRawChild *y = g_ptr_array_index (b->children, i);

      if ((!(changes & FUZZ_ANCHORS_PLACED) && x->anchor != y->anchor)
          || (!(changes & FUZZ_XML_REWRITTEN) && g_strcmp0 (x->xml, y->xml) != 0))
        return FALSE;
    }
  return TRUE;
}

static inline const char *
fuzz_entry_text (const char  *text,
                 FuzzChanges  changes)
{
  return text == NULL && (changes & FUZZ_ENTRY_TEXT_WRITTEN) ? "" : text;
}

static inline gboolean
fuzz_lists_equal (CjmListKind  list,
                  GPtrArray   *a,
                  GPtrArray   *b,
                  FuzzChanges  changes)
{
  if (changes == FUZZ_EXACT || changes == FUZZ_MAP_TITLE_WRITTEN)
    return cjm_list_equal (list, a, b);
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      if (list == CJM_LIST_FACTS)
        {
          const CjmFact *x = g_ptr_array_index (a, i), *y = g_ptr_array_index (b, i);

          if (g_strcmp0 (x->key, y->key) != 0
              || g_strcmp0 (fuzz_entry_text (x->value, changes), y->value) != 0
              || !fuzz_extras_equal (x->extras, y->extras, changes))
            return FALSE;
        }
      else if (list == CJM_LIST_KPIS)
        {
          const CjmKpi *x = g_ptr_array_index (a, i), *y = g_ptr_array_index (b, i);

          if (g_strcmp0 (x->name, y->name) != 0 || g_strcmp0 (x->value, y->value) != 0
              || g_strcmp0 (x->unit, y->unit) != 0 || g_strcmp0 (x->target, y->target) != 0
              || g_strcmp0 (x->source, y->source) != 0
              || !fuzz_extras_equal (x->extras, y->extras, changes))
            return FALSE;
        }
      else
        {
          const CjmText *x = g_ptr_array_index (a, i), *y = g_ptr_array_index (b, i);

          if (g_strcmp0 (fuzz_entry_text (x->text, changes), y->text) != 0
              || !fuzz_extras_equal (x->extras, y->extras, changes))
            return FALSE;
        }
    }
  return TRUE;
}

/* Where two items differ, or NULL if they are equal (transfer full). */
static inline char *
fuzz_items_differ (CjmItem     *a,
                   CjmItem     *b,
                   FuzzChanges  changes)
{
  if (cjm_item_get_kind (a) != cjm_item_get_kind (b))
    return g_strdup ("the kind");
  for (guint field = 0; field < CJM_N_FIELDS; field++)
    {
      const char *x = cjm_item_get_field (a, field);
      const char *y = cjm_item_get_field (b, field);

      if ((changes & FUZZ_MAP_TITLE_WRITTEN) && field == CJM_FIELD_TITLE
          && cjm_item_get_kind (a) == CJM_KIND_MAP && x == NULL)
        x = "";
      if (field == CJM_FIELD_TEXT && (cjm_item_get_kind (a) == CJM_KIND_NOTE
                                      || cjm_item_get_kind (a) == CJM_KIND_SUPPRESSION))
        x = fuzz_entry_text (x, changes);
      if (g_strcmp0 (x, y) != 0)
        return g_strdup_printf ("field %s: %s%s%s / %s%s%s", cjm_field_to_name (field),
                                x ? "\"" : "", x ? x : "(absent)", x ? "\"" : "",
                                y ? "\"" : "", y ? y : "(absent)", y ? "\"" : "");
      if (!fuzz_extras_equal (cjm_item_get_field_extras (a, field),
                              cjm_item_get_field_extras (b, field), changes))
        return g_strdup_printf ("the unknown XML of field %s", cjm_field_to_name (field));
    }
  for (guint list = 0; list < CJM_N_LISTS; list++)
    if (!fuzz_lists_equal (list, cjm_item_get_list (a, list), cjm_item_get_list (b, list),
                           changes))
      return g_strdup_printf ("list %u", list);
  if (!fuzz_extras_equal (cjm_item_get_extras (a), cjm_item_get_extras (b), changes))
    return g_strdup ("the unknown XML of the item");
  return NULL;
}

/* Where a and b differ, or NULL if they hold the same content: every
 * item, field, list and unknown XML (transfer full). */
static inline char *
fuzz_documents_differ (CjmDocument *a,
                       CjmDocument *b,
                       FuzzChanges  changes)
{
  for (guint kind = 0; kind < CJM_N_KINDS; kind++)
    {
      const char *element = cjm_kind_to_element (kind);

      if (kind == CJM_KIND_MAP)
        {
          g_autofree char *where = fuzz_items_differ (cjm_document_get_map (a),
                                                      cjm_document_get_map (b), changes);
          if (where != NULL)
            return g_strdup_printf ("the map: %s", where);
        }
      else
        {
          guint n = cjm_document_get_n_items (a, kind);

          if (n != cjm_document_get_n_items (b, kind))
            return g_strdup_printf ("%u / %u %s items", n, cjm_document_get_n_items (b, kind),
                                    element);
          for (guint i = 0; i < n; i++)
            {
              g_autofree char *where = fuzz_items_differ (cjm_document_get_item (a, kind, i),
                                                          cjm_document_get_item (b, kind, i),
                                                          changes);
              if (where != NULL)
                return g_strdup_printf ("%s %u: %s", element, i, where);
            }
        }
      if (!fuzz_extras_equal (*cjm_document_peek_container_extras (a, kind),
                              *cjm_document_peek_container_extras (b, kind), changes))
        return g_strdup_printf (kind == CJM_KIND_MAP ? "the unknown XML of <%s>"
                                                     : "the unknown XML around the %s items",
                                element);
    }
  if (!fuzz_extras_equal (*cjm_document_peek_settings_extras (a),
                          *cjm_document_peek_settings_extras (b), changes))
    return g_strdup ("the unknown XML of <settings>");
  if (!fuzz_extras_equal (*cjm_document_peek_print_extras (a),
                          *cjm_document_peek_print_extras (b), changes))
    return g_strdup ("the unknown XML of <print>");
  return NULL;
}

static inline void
fuzz_check_equal (CjmDocument *a,
                  CjmDocument *b,
                  FuzzChanges  changes,
                  const char  *step)
{
  g_autofree char *difference = fuzz_documents_differ (a, b, changes);

  if (difference != NULL)
    {
      g_autoptr(GBytes) first = cjm_document_serialize (a);
      g_autoptr(GBytes) second = cjm_document_serialize (b);
      g_autofree char *what = g_strdup_printf ("%s: %s", step, difference);

      fuzz_fail (what, g_bytes_get_data (first, NULL), g_bytes_get_size (first),
                 g_bytes_get_data (second, NULL), g_bytes_get_size (second));
    }
}

static inline void
fuzz_check_same_bytes (GBytes     *first,
                       GBytes     *second,
                       const char *step)
{
  if (!g_bytes_equal (first, second))
    fuzz_fail (step, g_bytes_get_data (first, NULL), g_bytes_get_size (first),
               g_bytes_get_data (second, NULL), g_bytes_get_size (second));
}

/* document -> JSON -> document gives the same document, and the JSON of
 * the copy is the same text. */
static inline void
fuzz_check_json_round_trip (CjmDocument *document)
{
  gsize length = 0, again_length = 0;
  g_autofree char *json = cjm_document_to_json_data (document, &length);
  g_autoptr(CjmDocument) copy = NULL;
  g_autofree char *again = NULL;

  g_autoptr(GError) error = NULL;

  copy = cjm_document_new_from_json_data (json, length, "written.json", &error);
  if (copy == NULL)
    {
      g_autofree char *what = g_strdup_printf ("the written JSON does not read again: %s",
                                               error->message);
      fuzz_fail (what, json, length, NULL, 0);
    }
  fuzz_check_equal (document, copy, FUZZ_EXACT, "document -> JSON -> document");
  again = cjm_document_to_json_data (copy, &again_length);
  if (length != again_length || memcmp (json, again, length) != 0)
    fuzz_fail ("writing JSON is not idempotent", json, length, again, again_length);
}

/* document -> .cjm -> document gives the same document but for the
 * changes allowed, and the .cjm of the copy is the same bytes (unless the
 * XML may be rewritten). Returns the bytes (transfer full). */
static inline GBytes *
fuzz_check_cjm_round_trip (CjmDocument *document,
                           FuzzChanges  changes)
{
  GBytes *once = cjm_document_serialize (document);
  g_autoptr(GError) error = NULL;
  g_autoptr(CjmDocument) copy = cjm_document_new_from_bytes (once, "saved.cjm", &error);
  g_autoptr(GBytes) twice = NULL;

  if (copy == NULL)
    {
      g_autofree char *what = g_strdup_printf ("the saved map does not open again: %s",
                                               error->message);
      fuzz_fail (what, g_bytes_get_data (once, NULL), g_bytes_get_size (once), NULL, 0);
    }
  fuzz_check_equal (document, copy, changes, "document -> .cjm -> document");
  twice = cjm_document_serialize (copy);
  if (!(changes & FUZZ_XML_REWRITTEN))
    fuzz_check_same_bytes (once, twice, "saving is not idempotent");
  return once;
}
