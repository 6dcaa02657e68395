/* cjm-plan-action.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * From a finding to an action (issue 10, "Plan an action"): an opportunity
 * that answers what a finding names, made in one undo step. GLib only; the
 * model does not know findings, so the caller passes a finding's targets
 * and the title it draws from the finding.
 */

#pragma once

#include "cjm-document.h"

G_BEGIN_DECLS

/* Adds an opportunity at the end of the opportunities lane, in the stage
 * of the first target that has one (a stage target is its own stage; a
 * card's is the stage it sits in). When the map has no opportunities
 * lane, one is added after the last lane. The opportunity `addresses`
 * every target that is a touchpoint (in the targets' order, each once)
 * and has @title (stripped; the default title of an opportunity when
 * NULL or blank). One undo step labelled "Plan an action".
 *
 * Returns the new opportunity (transfer none), or NULL when no target
 * names an existing stage or an item in one: then nothing changes. */
CjmItem *cjm_document_plan_action (CjmDocument        *self,
                                   const char * const *targets,
                                   const char         *title);

G_END_DECLS
