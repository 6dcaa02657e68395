/* cjm-finding.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One result of the consistency checker (RULES.md). Findings are made by
 * the checker and never change, except for the "suppressed" flag (which
 * notifies), so a view can bind to their properties: rule, name,
 * severity, message, targets, suppressed.
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  CJM_SEVERITY_INFO,
  CJM_SEVERITY_WARNING,
  CJM_SEVERITY_ERROR,
} CjmSeverity;

#define CJM_TYPE_SEVERITY (cjm_severity_get_type ())
GType cjm_severity_get_type (void) G_GNUC_CONST;

#define CJM_TYPE_FINDING (cjm_finding_get_type ())
G_DECLARE_FINAL_TYPE (CjmFinding, cjm_finding, CJM, FINDING, GObject)

const char          *cjm_finding_get_rule        (CjmFinding *self);  /* "CJM-F01" */
const char          *cjm_finding_get_name        (CjmFinding *self);  /* "conflicting-facts" */
CjmSeverity          cjm_finding_get_severity    (CjmFinding *self);
const char          *cjm_finding_get_message     (CjmFinding *self);  /* translated */
/* The title of the finding's rule in the user's language ("Conflicting facts"). */
const char          *cjm_finding_get_title       (CjmFinding *self);
const char * const  *cjm_finding_get_targets     (CjmFinding *self);  /* ids */
gboolean             cjm_finding_get_suppressed  (CjmFinding *self);
gboolean             cjm_finding_has_target      (CjmFinding *self,
                                                  const char *id);

/* The title of the rule with this id ("CJM-F01") in the user's language,
 * or NULL for an unknown id. */
const char          *cjm_rule_id_get_title       (const char *rule_id);
/* The ids of every rule ("CJM-C01" …), in the order of their ids;
 * NULL-terminated, static. */
const char * const  *cjm_rule_list_ids           (void);
/* The severity of the findings of the rule with this id ("CJM-F01"); info
 * for an unknown id. */
CjmSeverity          cjm_rule_id_get_severity    (const char *rule_id);
/* The id of the rule that text names, "CJM-R01" or only "R01" (case and
 * surrounding white space ignored), or NULL for no rule. */
const char          *cjm_rule_id_canonicalize    (const char *text);

const char          *cjm_severity_to_string      (CjmSeverity severity); /* "error" */
/* "error", "warning", "info" or "never" (above every severity); FALSE when
 * the text is none of them. */
gboolean             cjm_severity_from_string    (const char  *text,
                                                  int         *severity);
/* The severity in the user's language ("Error"). */
const char          *cjm_severity_get_label      (CjmSeverity severity);

G_END_DECLS
