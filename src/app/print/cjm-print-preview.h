/* cjm-print-preview.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The in-app print preview: a window that draws the pages itself (the
 * stock preview needs an external PDF viewer) with the page setup beside
 * them; changing the setup is an undoable edit of the map's print fields.
 */

#pragma once

#include <adwaita.h>

#include "cjm-checker.h"
#include "cjm-document.h"
#include "cjm-export.h"

G_BEGIN_DECLS

#define CJM_TYPE_PRINT_PREVIEW (cjm_print_preview_get_type ())
G_DECLARE_FINAL_TYPE (CjmPrintPreview, cjm_print_preview, CJM, PRINT_PREVIEW, AdwWindow)

/* A window over parent showing the pages as they will print, with the
 * page setup (paper, orientation, fit, tiles, overlap, cover, action plan, appendix,
 * badges) beside them and a Print button. */
CjmPrintPreview   *cjm_print_preview_new       (GtkWindow       *parent,
                                                CjmDocument     *document,
                                                CjmChecker      *checker);
guint              cjm_print_preview_get_page  (CjmPrintPreview *self);
void               cjm_print_preview_set_page  (CjmPrintPreview *self,
                                                guint            page);
guint              cjm_print_preview_get_n_pages (CjmPrintPreview *self);
CjmPagePlan       *cjm_print_preview_get_plan  (CjmPrintPreview *self);

G_END_DECLS
