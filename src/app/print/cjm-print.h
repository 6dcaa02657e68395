/* cjm-print.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Printing a map: a GtkPrintOperation driven by the same page plan as the
 * PDF export (cjm-export.h), and an in-app print preview that draws the
 * pages itself (the stock preview needs an external PDF viewer) with the
 * page setup beside them. The page setup lives in the map's print fields:
 * changing it, in the preview or in the print dialog, is an undoable edit
 * of the document.
 */

#pragma once

#include <adwaita.h>

#include "cjm-checker.h"
#include "cjm-document.h"
#include "cjm-page-plan.h"

G_BEGIN_DECLS

/* A print operation for the map, set up from its print fields; pages are
 * planned when printing begins, for the paper chosen in the dialog. When
 * the print is applied with another paper or orientation than the map's,
 * the map's print fields are updated (one undo step). checker may be NULL
 * (the map is checked once for the badges). */
GtkPrintOperation *cjm_print_operation_new (CjmDocument             *document,
                                            CjmChecker              *checker);

/* Runs a print operation: GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG for the
 * user (asynchronous when parent is set: errors are then shown in a dialog
 * over parent), or _EXPORT with export_filename to write a PDF without a
 * dialog (synchronous). */
GtkPrintOperationResult cjm_print_run      (CjmDocument             *document,
                                            CjmChecker              *checker,
                                            GtkWindow               *parent,
                                            GtkPrintOperationAction  action,
                                            const char              *export_filename,
                                            GError                 **error);

/* Paper sizes of the format as GTK knows them, and back (by size). */
GtkPaperSize      *cjm_print_paper_size_new (CjmPaper                 paper);
gboolean           cjm_print_paper_from_gtk (GtkPaperSize            *size,
                                             CjmPaper                *paper);

#define CJM_TYPE_PRINT_PREVIEW (cjm_print_preview_get_type ())
G_DECLARE_FINAL_TYPE (CjmPrintPreview, cjm_print_preview, CJM, PRINT_PREVIEW, AdwWindow)

/* A window over parent showing the pages as they will print, with the
 * page setup (paper, orientation, fit, tiles, overlap, cover, action
 * plan, appendix, badges) beside them and a Print button. */
CjmPrintPreview   *cjm_print_preview_new       (GtkWindow       *parent,
                                                CjmDocument     *document,
                                                CjmChecker      *checker);
guint              cjm_print_preview_get_page  (CjmPrintPreview *self);
void               cjm_print_preview_set_page  (CjmPrintPreview *self,
                                                guint            page);
guint              cjm_print_preview_get_n_pages (CjmPrintPreview *self);
CjmPagePlan       *cjm_print_preview_get_plan  (CjmPrintPreview *self);

G_END_DECLS
