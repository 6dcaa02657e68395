/* checker-test-util.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "checker-test-util.h"

CjmItem *
tu_add (CjmDocument *document,
        CjmKind      kind,
        ...)
{
  CjmItem *item = cjm_item_new (kind);
  va_list args;
  int field;

  va_start (args, kind);
  while ((field = va_arg (args, int)) != (int) TU_END)
    cjm_item_set_initial_field (item, field, va_arg (args, const char *));
  va_end (args);

  cjm_document_insert_item (document, item, -1);
  g_object_unref (item);
  return item;
}

void
tu_set_facts (CjmDocument *document,
              CjmItem     *item,
              ...)
{
  g_autoptr(GPtrArray) facts = cjm_list_new (CJM_LIST_FACTS);
  const char *key;
  va_list args;

  va_start (args, item);
  while ((key = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (facts, cjm_fact_new (key, va_arg (args, const char *)));
  va_end (args);
  cjm_document_set_list (document, item, CJM_LIST_FACTS, facts);
}

void
tu_set_kpis (CjmDocument *document,
             CjmItem     *item,
             ...)
{
  g_autoptr(GPtrArray) kpis = cjm_list_new (CJM_LIST_KPIS);
  const char *name;
  va_list args;

  va_start (args, item);
  while ((name = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (kpis, cjm_kpi_new (name, NULL, NULL, NULL, NULL));
  va_end (args);
  cjm_document_set_list (document, item, CJM_LIST_KPIS, kpis);
}

void
tu_set_texts (CjmDocument *document,
              CjmItem     *item,
              CjmListKind  list,
              ...)
{
  g_autoptr(GPtrArray) texts = cjm_list_new (list);
  const char *text;
  va_list args;

  va_start (args, list);
  while ((text = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (texts, cjm_text_new (text));
  va_end (args);
  cjm_document_set_list (document, item, list, texts);
}

char *
tu_describe (CjmFinding *finding)
{
  g_autofree char *targets = g_strjoinv (" ", (char **) cjm_finding_get_targets (finding));

  return g_strdup_printf ("%s %s [%s] %s%s", cjm_finding_get_rule (finding),
                          cjm_severity_to_string (cjm_finding_get_severity (finding)),
                          targets, cjm_finding_get_message (finding),
                          cjm_finding_get_suppressed (finding) ? " (suppressed)" : "");
}

char *
tu_describe_array (GPtrArray *findings,
                   gboolean   with_suppressed)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < findings->len; i++)
    {
      CjmFinding *finding = g_ptr_array_index (findings, i);
      g_autofree char *line = NULL;

      if (!with_suppressed && cjm_finding_get_suppressed (finding))
        continue;
      line = tu_describe (finding);
      g_string_append_printf (out, "%s\n", line);
    }
  return g_string_free (out, FALSE);
}

char *
tu_describe_model (GListModel *model)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CjmFinding) finding = g_list_model_get_item (model, i);
      g_autofree char *line = tu_describe (finding);

      g_string_append_printf (out, "%s\n", line);
    }
  return g_string_free (out, FALSE);
}

GPtrArray *
tu_filter_rule (GPtrArray  *findings,
                const char *rule)
{
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; i < findings->len; i++)
    if (strcmp (cjm_finding_get_rule (g_ptr_array_index (findings, i)), rule) == 0)
      g_ptr_array_add (out, g_ptr_array_index (findings, i));
  return out;
}

void
tu_assert_finding (CjmFinding *finding,
                   const char *rule,
                   const char *severity,
                   const char *targets,
                   ...)
{
  g_autofree char *shown = g_strjoinv (" ", (char **) cjm_finding_get_targets (finding));
  const char *part;
  va_list args;

  g_assert_cmpstr (cjm_finding_get_rule (finding), ==, rule);
  g_assert_cmpstr (cjm_severity_to_string (cjm_finding_get_severity (finding)), ==, severity);
  g_assert_cmpstr (shown, ==, targets);

  va_start (args, targets);
  while ((part = va_arg (args, const char *)) != NULL)
    if (strstr (cjm_finding_get_message (finding), part) == NULL)
      g_error ("message “%s” of %s lacks “%s”", cjm_finding_get_message (finding), rule, part);
  va_end (args);
}
