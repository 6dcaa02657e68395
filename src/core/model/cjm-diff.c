/* cjm-diff.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-model"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libintl.h>
#include <string.h>

#include "cjm-diff.h"
#include "cjm-item.h"

/* Static helpers */

/* Counts one new item against its old version (NULL: none). */
static void
count_item (CjmItem *before,
            CjmItem *item,
            CjmKind  kind,
            CjmDiff *diff)
{
  if (before == NULL)
    diff->added[kind]++;
  else if (!cjm_item_equal (before, item))
    diff->changed[kind]++;
}

/* Items with an id are matched by it; items without one (links,
 * suppressions may have none) by their order among those without. */
static void
diff_kind (CjmDocument *old,
           CjmDocument *new,
           CjmKind      kind,
           CjmDiff     *diff)
{
  g_autoptr(GHashTable) old_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) old_anonymous = g_ptr_array_new ();
  GPtrArray *old_items = old ? cjm_document_get_items (old, kind) : NULL;
  GPtrArray *new_items = cjm_document_get_items (new, kind);
  guint next_anonymous = 0;

  for (guint i = 0; old_items != NULL && i < old_items->len; i++)
    {
      CjmItem *item = g_ptr_array_index (old_items, i);
      const char *id = cjm_item_get_id (item);

      if (id == NULL || g_hash_table_contains (old_ids, id))
        g_ptr_array_add (old_anonymous, item);
      else
        g_hash_table_insert (old_ids, (gpointer) id, item);
    }

  for (guint i = 0; new_items != NULL && i < new_items->len; i++)
    {
      CjmItem *item = g_ptr_array_index (new_items, i);
      const char *id = cjm_item_get_id (item);
      CjmItem *before = id ? g_hash_table_lookup (old_ids, id) : NULL;

      if (before != NULL)
        g_hash_table_remove (old_ids, id);
      else if (next_anonymous < old_anonymous->len)
        before = g_ptr_array_index (old_anonymous, next_anonymous++);
      count_item (before, item, kind, diff);
    }

  /* What is left of the old items is gone. */
  diff->removed[kind] += g_hash_table_size (old_ids) + old_anonymous->len - next_anonymous;
}

static guint
sum (const guint counts[CJM_N_KINDS])
{
  guint total = 0;

  for (guint k = 0; k < CJM_N_KINDS; k++)
    total += counts[k];
  return total;
}

/* Public API */

void
cjm_diff_documents (CjmDocument *old,
                    CjmDocument *new,
                    CjmDiff     *diff)
{
  g_return_if_fail (old == NULL || CJM_IS_DOCUMENT (old));
  g_return_if_fail (CJM_IS_DOCUMENT (new));
  g_return_if_fail (diff != NULL);

  memset (diff, 0, sizeof *diff);
  for (CjmKind kind = 0; kind < CJM_N_KINDS; kind++)
    {
      if (kind == CJM_KIND_MAP)
        {
          if (old == NULL || !cjm_item_equal (cjm_document_get_map (old),
                                              cjm_document_get_map (new)))
            diff->changed[kind] = 1;
          continue;
        }
      diff_kind (old, new, kind, diff);
    }
}

guint
cjm_diff_total_added (const CjmDiff *diff)
{
  g_return_val_if_fail (diff != NULL, 0);
  return sum (diff->added);
}

guint
cjm_diff_total_removed (const CjmDiff *diff)
{
  g_return_val_if_fail (diff != NULL, 0);
  return sum (diff->removed);
}

guint
cjm_diff_total_changed (const CjmDiff *diff)
{
  g_return_val_if_fail (diff != NULL, 0);
  return sum (diff->changed);
}

gboolean
cjm_diff_is_empty (const CjmDiff *diff)
{
  return cjm_diff_total_added (diff) == 0
         && cjm_diff_total_removed (diff) == 0
         && cjm_diff_total_changed (diff) == 0;
}

char *
cjm_diff_describe (const CjmDiff *diff)
{
  guint added = cjm_diff_total_added (diff);
  guint removed = cjm_diff_total_removed (diff);
  guint changed = cjm_diff_total_changed (diff);
  g_autofree char *a = NULL;
  g_autofree char *r = NULL;
  g_autofree char *c = NULL;

  if (added == 0 && removed == 0 && changed == 0)
    return g_strdup (_("No differences"));

  /* Translators: part of "2 added, 1 removed, 5 changed" (items of a map) */
  a = g_strdup_printf (dngettext (GETTEXT_PACKAGE, "%u added", "%u added", added), added);
  /* Translators: part of "2 added, 1 removed, 5 changed" (items of a map) */
  r = g_strdup_printf (dngettext (GETTEXT_PACKAGE, "%u removed", "%u removed", removed), removed);
  /* Translators: part of "2 added, 1 removed, 5 changed" (items of a map) */
  c = g_strdup_printf (dngettext (GETTEXT_PACKAGE, "%u changed", "%u changed", changed), changed);
  /* Translators: "2 added, 1 removed, 5 changed" */
  return g_strdup_printf (_("%s, %s, %s"), a, r, c);
}
