/* cjm-finding.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One result of the consistency checker (RULES.md).
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  CJM_SEVERITY_INFO,
  CJM_SEVERITY_WARNING,
  CJM_SEVERITY_ERROR,
} CjmSeverity;

#define CJM_TYPE_FINDING (cjm_finding_get_type ())
G_DECLARE_FINAL_TYPE (CjmFinding, cjm_finding, CJM, FINDING, GObject)

const char          *cjm_finding_get_rule        (CjmFinding *self);  /* "CJM-F01" */
const char          *cjm_finding_get_name        (CjmFinding *self);  /* "conflicting-facts" */
CjmSeverity          cjm_finding_get_severity    (CjmFinding *self);
const char          *cjm_finding_get_message     (CjmFinding *self);  /* translated */
const char * const  *cjm_finding_get_targets     (CjmFinding *self);  /* ids */
gboolean             cjm_finding_get_suppressed  (CjmFinding *self);
gboolean             cjm_finding_has_target      (CjmFinding *self,
                                                  const char *id);

const char          *cjm_severity_to_string      (CjmSeverity severity); /* "error" */

G_END_DECLS
