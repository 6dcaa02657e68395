/* cjm-window.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One window per map: header bar, the palette at the start side, the
 * canvas in the centre and the inspector in the end-side panel.
 */

#pragma once

#include <adwaita.h>

#include "cjm-application.h"
#include "cjm-document.h"

G_BEGIN_DECLS

#define CJM_TYPE_WINDOW (cjm_window_get_type ())
G_DECLARE_FINAL_TYPE (CjmWindow, cjm_window, CJM, WINDOW, AdwApplicationWindow)

CjmWindow   *cjm_window_new          (CjmApplication *application,
                                      CjmDocument    *document);
CjmDocument *cjm_window_get_document (CjmWindow      *self);
void         cjm_window_set_document (CjmWindow      *self,
                                      CjmDocument    *document);
void         cjm_window_add_toast    (CjmWindow      *self,
                                      AdwToast       *toast);

G_END_DECLS
