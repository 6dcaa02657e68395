/* cjm-application.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cjm-document.h"
#include "cjm-templates.h"

G_BEGIN_DECLS

#define CJM_TYPE_APPLICATION (cjm_application_get_type ())
G_DECLARE_FINAL_TYPE (CjmApplication, cjm_application, CJM, APPLICATION, AdwApplication)

CjmApplication *cjm_application_new              (const char        *application_id,
                                                  GApplicationFlags  flags);
/* The application's settings, or NULL when its schema is not installed. */
GSettings      *cjm_application_dup_settings     (void);
/* A new window with a blank map (a starting set of stages and lanes). */
GtkWindow      *cjm_application_new_window       (CjmApplication    *self);

/* Opens @template as a new unsaved map: in @parent when that window is
 * untouched, else in a new window. */
GtkWindow      *cjm_application_new_from_template (CjmApplication   *self,
                                                   const CjmTemplate *template,
                                                   GtkWindow        *parent);

/* Opens @file in a window of its own (or brings its window forward); a
 * file that cannot be opened is explained in a dialog. NULL on error. */
GtkWindow      *cjm_application_open_file        (CjmApplication    *self,
                                                  GFile             *file);

G_END_DECLS
