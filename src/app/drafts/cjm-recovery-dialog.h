/* cjm-recovery-dialog.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Offers to recover the drafts a crashed or killed Journeyman left: one
 * row a map, saying which map, when it was drafted and how it differs
 * from its file on disk, with Recover and Discard buttons, and Recover
 * All, Discard All and Later for the rest.
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CJM_TYPE_RECOVERY_DIALOG (cjm_recovery_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CjmRecoveryDialog, cjm_recovery_dialog, CJM, RECOVERY_DIALOG,
                      AdwMessageDialog)

/* drafts: CjmDraftInfo, as cjm_drafts_list_orphans() gives them; the
 * dialog takes a reference. */
CjmRecoveryDialog *cjm_recovery_dialog_new        (GtkWindow         *parent,
                                                   GPtrArray         *drafts);
/* The row of the nth draft still offered (tests). */
GtkWidget         *cjm_recovery_dialog_get_row    (CjmRecoveryDialog *self,
                                                   guint              index);
guint              cjm_recovery_dialog_get_n_rows (CjmRecoveryDialog *self);
/* Recovers (TRUE) or discards (FALSE) the draft of a row. */
void               cjm_recovery_dialog_answer     (CjmRecoveryDialog *self,
                                                   guint              index,
                                                   gboolean           recover);

G_END_DECLS
