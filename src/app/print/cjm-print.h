/* cjm-print.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Printing a map: a GtkPrintOperation driven by the same page plan as the
 * PDF export (cjm-export.h). The page setup lives in the map's print
 * fields: changing it, in the print dialog or in the preview
 * (cjm-print-preview.h), is an undoable edit of the document.
 */

#pragma once

#include <gtk/gtk.h>

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

/* The page setup the application prints and exports a map with: the
 * user's default paper and orientation (preferences), overridden by what
 * the map's print element says. */
void               cjm_print_setup_for_document (CjmPageSetup         *setup,
                                                 CjmDocument          *document);

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

/* The findings printed with the map: a copy of the checker's (which
 * change with the document), or the map checked once when checker is
 * NULL. transfer full: an array of CjmFinding. */
GPtrArray         *cjm_print_dup_findings   (CjmDocument             *document,
                                             CjmChecker              *checker);

G_END_DECLS
