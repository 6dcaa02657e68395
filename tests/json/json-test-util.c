/* json-test-util.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-json"

#include "config.h"

#include "cjm-document-private.h"
#include "json-test-util.h"

void
cjm_test_assert_documents_equal (CjmDocument *a,
                                 CjmDocument *b)
{
  if (!cjm_item_equal (cjm_document_get_map (a), cjm_document_get_map (b)))
    g_error ("the map items differ");
  if (!cjm_extras_equal (*cjm_document_peek_settings_extras (a),
                         *cjm_document_peek_settings_extras (b)))
    g_error ("the unknown XML of <settings> differs");
  if (!cjm_extras_equal (*cjm_document_peek_print_extras (a),
                         *cjm_document_peek_print_extras (b)))
    g_error ("the unknown XML of <print> differs");

  for (guint k = 0; k < CJM_N_KINDS; k++)
    {
      if (!cjm_extras_equal (*cjm_document_peek_container_extras (a, k),
                             *cjm_document_peek_container_extras (b, k)))
        g_error ("the unknown XML of the container of %s differs", cjm_kind_to_element (k));
      if (k == CJM_KIND_MAP)
        continue;
      g_assert_cmpuint (cjm_document_get_n_items (a, k), ==, cjm_document_get_n_items (b, k));
      for (guint i = 0; i < cjm_document_get_n_items (a, k); i++)
        if (!cjm_item_equal (cjm_document_get_item (a, k, i), cjm_document_get_item (b, k, i)))
          g_error ("%s %u (“%s”) differs", cjm_kind_to_element (k), i,
                   cjm_item_get_id (cjm_document_get_item (a, k, i)));
    }
}
