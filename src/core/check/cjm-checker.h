/* cjm-checker.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The cross-channel consistency checker (RULES.md). A CjmChecker follows a
 * document live and is a GListModel of the visible (not suppressed)
 * CjmFinding objects, sorted by severity, rule id, then document position of
 * the first target.
 */

#pragma once

#include <gio/gio.h>

#include "cjm-document.h"
#include "cjm-finding.h"
#include "cjm-labels.h"

G_BEGIN_DECLS

#define CJM_TYPE_CHECKER (cjm_checker_get_type ())
G_DECLARE_FINAL_TYPE (CjmChecker, cjm_checker, CJM, CHECKER, GObject)

CjmChecker  *cjm_checker_new                (CjmDocument *document);
CjmDocument *cjm_checker_get_document       (CjmChecker  *self);
/* All findings, suppressed ones included (marked), sorted. transfer none;
 * the array is valid until the document changes next. */
GPtrArray   *cjm_checker_get_all            (CjmChecker  *self);
/* Visible findings that name this id (for card badges). transfer container */
GPtrArray   *cjm_checker_find_for_target    (CjmChecker  *self,
                                             const char  *id);

/* A one-shot full check: every finding, suppressed ones marked, sorted.
 * transfer full (a GPtrArray of CjmFinding with its free func set). */
GPtrArray   *cjm_check_document             (CjmDocument *document);
/* The same with the messages in the labels' language (a map's own, for
 * what is printed on it: cjm-labels.h); NULL labels: the user's. */
GPtrArray   *cjm_check_document_with_labels (CjmDocument *document,
                                             CjmLabels   *labels);

/* A one-shot check that leaves out the findings of the rules whose ids
 * disabled_rules lists ("CJM-R01" or "R01"; may be NULL). labels as
 * above. transfer full. */
GPtrArray   *cjm_check_document_full        (CjmDocument        *document,
                                             CjmLabels          *labels,
                                             const char * const *disabled_rules);

/* Rules turned off: their findings are in no list of the checker (all,
 * the list model, the findings of a target). Property "disabled-rules"
 * (a GStrv of rule ids, "CJM-R01" or "R01"; unknown ids are ignored). */
void         cjm_checker_set_disabled_rules (CjmChecker         *self,
                                             const char * const *rules);
/* The ids of the disabled rules, canonical ("CJM-R01"), in id order. */
GStrv        cjm_checker_dup_disabled_rules (CjmChecker         *self);

/* Whether the list model also holds suppressed findings (marked by their
 * "suppressed" property). Property "show-suppressed", default FALSE. */
void         cjm_checker_set_show_suppressed (CjmChecker *self,
                                              gboolean    show_suppressed);
gboolean     cjm_checker_get_show_suppressed (CjmChecker *self);
/* The findings that suppressions hide, sorted. transfer container */
GPtrArray   *cjm_checker_dup_suppressed     (CjmChecker  *self);

/* Suppression as undoable commands. suppress adds a <suppress> for the
 * finding's rule and first target with the reason as its text; unsuppress
 * removes every <suppress> that hides the finding (one undo step). */
void         cjm_checker_suppress           (CjmChecker  *self,
                                             CjmFinding  *finding,
                                             const char  *reason);
void         cjm_checker_unsuppress         (CjmChecker  *self,
                                             CjmFinding  *finding);

G_END_DECLS
