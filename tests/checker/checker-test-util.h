/* checker-test-util.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Helpers for the checker tests: building maps in code and describing
 * findings as text that tests compare.
 */

#pragma once

#include "cjm-checker.h"

G_BEGIN_DECLS

#define TU_END ((CjmField) -1)

/* Appends a new item: pairs of CjmField and value, ended by TU_END. */
CjmItem   *tu_add            (CjmDocument *document,
                              CjmKind      kind,
                              ...);
/* facts: "key", "value", ..., NULL */
void       tu_set_facts      (CjmDocument *document,
                              CjmItem     *item,
                              ...) G_GNUC_NULL_TERMINATED;
/* KPI names, NULL-terminated */
void       tu_set_kpis       (CjmDocument *document,
                              CjmItem     *item,
                              ...) G_GNUC_NULL_TERMINATED;
/* data sources or synonyms, NULL-terminated */
void       tu_set_texts      (CjmDocument *document,
                              CjmItem     *item,
                              CjmListKind  list,
                              ...) G_GNUC_NULL_TERMINATED;

/* "CJM-F01 error [t-a t-b] message", with " (suppressed)" when it is */
char      *tu_describe       (CjmFinding  *finding);
/* One line per finding. */
char      *tu_describe_array (GPtrArray   *findings,
                              gboolean     with_suppressed);
char      *tu_describe_model (GListModel  *model);

/* The findings of one rule, in order. transfer container */
GPtrArray *tu_filter_rule    (GPtrArray   *findings,
                              const char  *rule);
/* Asserts that the finding has this rule, severity and targets (space
 * separated) and that its message contains every NULL-terminated part. */
void       tu_assert_finding (CjmFinding  *finding,
                              const char  *rule,
                              const char  *severity,
                              const char  *targets,
                              ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
