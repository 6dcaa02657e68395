/* cjm-findings-panel.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The side panel that lists the checker's findings, grouped by severity,
 * live, through a search entry (message, rule, item titles; accents and
 * case ignored), severity toggles and a rule filter. Activating a finding
 * asks the window to select its cards; a finding can be suppressed with a
 * reason and restored.
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
/* How many findings are live (not suppressed), whatever the filters. */
guint       cjm_findings_panel_get_n_visible (CjmFindingsPanel *self);
/* How many of them the search, the severity toggles and the rule filter
 * leave in the list. */
guint       cjm_findings_panel_get_n_shown   (CjmFindingsPanel *self);
/* Focuses the search entry (Ctrl+F) and selects its text. */
void        cjm_findings_panel_focus_search  (CjmFindingsPanel *self);
/* Empties the search and shows every severity and rule again. */
void        cjm_findings_panel_clear_filters (CjmFindingsPanel *self);

G_END_DECLS
