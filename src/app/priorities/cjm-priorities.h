/* cjm-priorities.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Priorities view of a map, beside the canvas: filters (stage, owner,
 * status, persona), the impact × effort grid (CjmPriorityGrid) and the
 * action plan in plan order, grouped by horizon. Dragging a row to
 * another horizon group sets its `horizon` (one undo step). Choosing an
 * opportunity in either emits ::item-activated.
 */

#pragma once

#include <gtk/gtk.h>

#include "cjm-checker.h"
#include "cjm-document.h"
#include "cjm-priority-grid.h"

G_BEGIN_DECLS

#define CJM_TYPE_PRIORITIES (cjm_priorities_get_type ())
G_DECLARE_FINAL_TYPE (CjmPriorities, cjm_priorities, CJM, PRIORITIES, GtkWidget)

GtkWidget       *cjm_priorities_new          (void);
/* The checker gives the R02 markers; both may be NULL. */
void             cjm_priorities_set_document (CjmPriorities *self,
                                              CjmDocument   *document,
                                              CjmChecker    *checker);
CjmPriorityGrid *cjm_priorities_get_grid     (CjmPriorities *self);
/* Selects the opportunity in the grid and the list (NULL: none). */
void             cjm_priorities_select       (CjmPriorities *self,
                                              CjmItem       *item);

/* Filters, for tests and the window: the filter drop-downs by name
 * ("stage", "owner", "status", "persona"). */
GtkDropDown     *cjm_priorities_get_filter   (CjmPriorities *self,
                                              const char    *name);
/* The action plan's rows, top to bottom: a GtkWidget per opportunity
 * shown, with data "cjm-item" (the CjmItem) and "cjm-horizon". */
GPtrArray       *cjm_priorities_dup_rows     (CjmPriorities *self);
/* The heading of a horizon group (CjmHorizon), or NULL when not shown. */
GtkWidget       *cjm_priorities_get_heading  (CjmPriorities *self,
                                              int            horizon);

G_END_DECLS
