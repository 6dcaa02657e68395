/* cjm-plan-action.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-model"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cjm-edit.h"
#include "cjm-plan-action.h"

/* The stage a target belongs to: itself for a stage, the stage a card
 * sits in, or NULL. */
static CjmItem *
target_stage (CjmDocument *self,
              const char  *id)
{
  CjmItem *item = cjm_document_lookup (self, id);
  CjmItem *stage;

  if (item == NULL)
    return NULL;
  if (cjm_item_get_kind (item) == CJM_KIND_STAGE)
    return item;
  if (!cjm_kind_is_card (cjm_item_get_kind (item)))
    return NULL;
  stage = cjm_document_lookup (self, cjm_item_get_field (item, CJM_FIELD_STAGE));
  return stage != NULL && cjm_item_get_kind (stage) == CJM_KIND_STAGE ? stage : NULL;
}

static CjmItem *
find_opportunities_lane (CjmDocument *self)
{
  GPtrArray *lanes = cjm_document_get_items (self, CJM_KIND_LANE);

  for (guint i = 0; i < lanes->len; i++)
    {
      CjmItem *lane = g_ptr_array_index (lanes, i);

      if (cjm_item_get_lane_kind (lane) == CJM_LANE_OPPORTUNITIES
          && cjm_item_get_id (lane) != NULL)
        return lane;
    }
  return NULL;
}

/* The ids of the targets that are touchpoints, each once, space-separated;
 * NULL when there is none. */
static char *
touchpoint_ids (CjmDocument        *self,
                const char * const *targets)
{
  g_autoptr(GString) ids = g_string_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; targets[i] != NULL; i++)
    {
      CjmItem *item = cjm_document_lookup (self, targets[i]);

      if (item == NULL || cjm_item_get_kind (item) != CJM_KIND_TOUCHPOINT
          || !g_hash_table_add (seen, (gpointer) targets[i]))
        continue;
      if (ids->len > 0)
        g_string_append_c (ids, ' ');
      g_string_append (ids, targets[i]);
    }
  return ids->len > 0 ? g_string_free (g_steal_pointer (&ids), FALSE) : NULL;
}

CjmItem *
cjm_document_plan_action (CjmDocument        *self,
                          const char * const *targets,
                          const char         *title)
{
  CjmItem *stage = NULL;
  CjmItem *lane;
  CjmItem *opportunity;
  g_autoptr(GPtrArray) cell = NULL;
  g_autofree char *addresses = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (CJM_IS_DOCUMENT (self), NULL);

  for (guint i = 0; targets != NULL && targets[i] != NULL && stage == NULL; i++)
    stage = target_stage (self, targets[i]);
  if (stage == NULL)
    return NULL;

  text = cjm_strip_text (title);
  addresses = touchpoint_ids (self, targets);

  /* Translators: the undo label of making an opportunity from a finding */
  cjm_document_begin_group (self, _("Plan an action"));
  lane = find_opportunities_lane (self);
  if (lane == NULL)
    lane = cjm_document_add_lane (self, CJM_LANE_OPPORTUNITIES,
                                  cjm_document_get_n_items (self, CJM_KIND_LANE));
  cell = cjm_document_dup_cell_cards (self, stage, lane);
  opportunity = cjm_document_add_card (self, stage, lane, cell->len,
                                       *text != '\0' ? text
                                                     : cjm_kind_get_default_title (CJM_KIND_OPPORTUNITY));
  if (opportunity != NULL && addresses != NULL)
    cjm_document_set_field (self, opportunity, CJM_FIELD_ADDRESSES, addresses);
  cjm_document_end_group (self);
  return opportunity;
}
