/* cjm-priority-grid.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The impact × effort grid of the Priorities view: 5 × 5 cells (impact 5
 * at the top, effort 1 at the start side, mirrored in a right-to-left
 * map), the four quadrants named, and a tray of the unscored
 * opportunities under it. Each opportunity is a card sized by its reach
 * and coloured by its status, with its owner and horizon; whiskers show
 * the spread of the roles' own scores and a marker shows a CJM-R02
 * finding. Dragging a card to a cell sets the agreed impact and effort
 * (one undo step; to the tray: unscored), the arrow keys move the
 * selected card one cell, a click selects it.
 */

#pragma once

#include <gtk/gtk.h>

#include "cjm-checker.h"
#include "cjm-document.h"

G_BEGIN_DECLS

#define CJM_TYPE_PRIORITY_GRID (cjm_priority_grid_get_type ())
G_DECLARE_FINAL_TYPE (CjmPriorityGrid, cjm_priority_grid, CJM, PRIORITY_GRID, GtkWidget)

GtkWidget *cjm_priority_grid_new          (void);
/* The checker decides the R02 markers; may be NULL (no markers). */
void       cjm_priority_grid_set_document (CjmPriorityGrid *self,
                                           CjmDocument     *document,
                                           CjmChecker      *checker);
/* Which opportunities are shown: a GPtrArray of CjmPlanEntry (not taken;
 * valid until the next call), NULL for none. */
void       cjm_priority_grid_set_entries  (CjmPriorityGrid *self,
                                           GPtrArray       *entries);
CjmItem   *cjm_priority_grid_get_selected (CjmPriorityGrid *self);
void       cjm_priority_grid_set_selected (CjmPriorityGrid *self,
                                           CjmItem         *item);
/* For tests: the centre of an opportunity's card, or of a cell (impact and
 * effort 1..5; 0 and 0: the tray), in widget coordinates. */
gboolean   cjm_priority_grid_get_card_center (CjmPriorityGrid *self,
                                              CjmItem         *item,
                                              double          *x,
                                              double          *y);
void       cjm_priority_grid_get_cell_center (CjmPriorityGrid *self,
                                              int              impact,
                                              int              effort,
                                              double          *x,
                                              double          *y);

G_END_DECLS
