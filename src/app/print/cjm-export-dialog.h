/* cjm-export-dialog.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Export…": the format (PDF, SVG, PNG), the paper and fit (PDF), the
 * scale (PNG), findings on or off and a preview; "Export…" in the header
 * asks for the file. The page setup is remembered in the map's print
 * element (undoably), the format, scale and findings in GSettings.
 */

#pragma once

#include <adwaita.h>

#include "cjm-checker.h"
#include "cjm-document.h"
#include "cjm-export.h"

G_BEGIN_DECLS

#define CJM_TYPE_EXPORT_DIALOG (cjm_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CjmExportDialog, cjm_export_dialog, CJM, EXPORT_DIALOG, AdwWindow)

CjmExportDialog *cjm_export_dialog_new        (GtkWindow       *parent,
                                               CjmDocument     *document,
                                               CjmChecker      *checker);
CjmExportFormat  cjm_export_dialog_get_format (CjmExportDialog *self);
void             cjm_export_dialog_set_format (CjmExportDialog *self,
                                               CjmExportFormat  format);
/* Writes the export to @file now, without the file chooser (the chooser's
 * answer ends up here too). Emits ::exported with the file on success. */
gboolean         cjm_export_dialog_write      (CjmExportDialog *self,
                                               GFile           *file,
                                               GError         **error);

G_END_DECLS
