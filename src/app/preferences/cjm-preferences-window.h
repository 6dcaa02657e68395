/* cjm-preferences-window.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The preferences window: new maps (default template, emotion spread),
 * printing (default paper and orientation), the canvas (minimap), the
 * appearance (follow the system, light or dark) and the consistency rules
 * turned off. Every row is bound to the application's settings.
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CJM_TYPE_PREFERENCES_WINDOW (cjm_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (CjmPreferencesWindow, cjm_preferences_window, CJM, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

/* A window over parent (may be NULL), on settings (the application's). */
CjmPreferencesWindow *cjm_preferences_window_new (GtkWindow *parent,
                                                  GSettings *settings);

G_END_DECLS
