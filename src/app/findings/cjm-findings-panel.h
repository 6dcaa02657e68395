/* cjm-findings-panel.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The side panel that lists the checker's findings, grouped by severity,
 * live. Activating a finding asks the window to select its cards; a finding
 * can be suppressed with a reason and restored.
 */

#pragma once

#include <gtk/gtk.h>

#include "cjm-checker.h"

G_BEGIN_DECLS

#define CJM_TYPE_FINDINGS_PANEL (cjm_findings_panel_get_type ())
G_DECLARE_FINAL_TYPE (CjmFindingsPanel, cjm_findings_panel, CJM, FINDINGS_PANEL, GtkWidget)

GtkWidget  *cjm_findings_panel_new           (void);
CjmChecker *cjm_findings_panel_get_checker   (CjmFindingsPanel *self);
void        cjm_findings_panel_set_checker   (CjmFindingsPanel *self,
                                              CjmChecker       *checker);
/* How many findings are shown (not suppressed). */
guint       cjm_findings_panel_get_n_visible (CjmFindingsPanel *self);
/* A translated title for a rule id ("Conflicting facts"). */
const char *cjm_findings_panel_rule_title    (const char       *rule);

G_END_DECLS
