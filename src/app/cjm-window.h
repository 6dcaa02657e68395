/* cjm-window.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One window per map: header bar, the palette at the start side, the
 * canvas in the centre and the inspector in the end-side panel.
 */

#pragma once

#include <adwaita.h>

#include "cjm-application.h"
#include "cjm-canvas.h"
#include "cjm-document.h"

G_BEGIN_DECLS

#define CJM_TYPE_WINDOW (cjm_window_get_type ())
G_DECLARE_FINAL_TYPE (CjmWindow, cjm_window, CJM, WINDOW, AdwApplicationWindow)

CjmWindow   *cjm_window_new          (CjmApplication *application,
                                      CjmDocument    *document);
CjmDocument *cjm_window_get_document (CjmWindow      *self);
void         cjm_window_set_document (CjmWindow      *self,
                                      CjmDocument    *document);
/* Takes ownership of @toast. */
void         cjm_window_add_toast    (CjmWindow      *self,
                                      AdwToast       *toast);
/* A blank window nobody has touched yet: no file, no edits. */
gboolean     cjm_window_is_pristine  (CjmWindow      *self);
/* Shows an error about a file in a dialog over the window. */
void         cjm_window_show_error   (CjmWindow      *self,
                                      const char     *heading,
                                      const GError   *error);
/* Adds @file to the recently used maps. */
void         cjm_window_add_recent   (CjmWindow      *self,
                                      GFile          *file);
/* Saves to @file (the file of the map from then on); errors and a file
 * changed on disk are asked about in dialogs. */
void         cjm_window_save_to      (CjmWindow      *self,
                                      GFile          *file,
                                      CjmSaveFlags    flags);

/* The map editor's widgets (for tests). */
CjmCanvas   *cjm_window_get_canvas   (CjmWindow      *self);
CjmPalette  *cjm_window_get_palette  (CjmWindow      *self);

G_END_DECLS
