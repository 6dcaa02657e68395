/* cjm-test-app.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Helpers for the app tests: a real GTK display (Xvfb) or a clear failure,
 * an in-process CjmApplication, and waiting on the main loop.
 */

#pragma once

#include "cjm-application.h"
#include "cjm-window.h"

G_BEGIN_DECLS

typedef gboolean (*CjmTestCondition) (gpointer data);

/* g_test_init() plus a display: without one the program fails when
 * CJM_REQUIRE_DISPLAY=1 is set and skips (TAP "1..0 # SKIP") otherwise. */
void            cjm_test_app_init        (int              *argc,
                                          char           ***argv);
/* The registered (not running) application of this test program. */
CjmApplication *cjm_test_app_get         (void);
/* Iterates the main context for at least @ms milliseconds. */
void            cjm_test_iterate         (guint             ms);
/* Iterates until @cond returns TRUE; FALSE after @timeout_ms. */
gboolean        cjm_test_wait_for        (CjmTestCondition  cond,
                                          gpointer          data,
                                          guint             timeout_ms);
/* Waits until @widget is mapped and has been drawn once. */
gboolean        cjm_test_wait_drawn      (GtkWidget        *widget);
/* Closes every window without asking (destroy) and iterates. */
void            cjm_test_close_all       (void);
/* The text of a small map (one stage, one lane) titled title. */
char           *cjm_test_small_map       (const char       *title);
/* Writes a small map (one stage, one lane) titled title to dir/name;
 * returns its path. */
char           *cjm_test_write_map       (const char       *dir,
                                          const char       *name,
                                          const char       *title);
/* Opens path in the test application and waits until it is drawn. */
CjmWindow      *cjm_test_open_path       (const char       *path);
/* A new temporary directory, removed at exit. */
char           *cjm_test_make_tmpdir     (void);
/* The path of a shared sample or hostile file, or NULL if absent. */
char           *cjm_test_find_data       (const char       *relative);
/* The first toplevel (other than @except) of @type that is visible. */
GtkWidget      *cjm_test_find_toplevel   (GType             type,
                                          GtkWidget        *except);

/* The X window id of a realized toplevel. */
gulong          cjm_test_window_xid      (GtkWidget        *window);
/* Runs xdotool with @args (split on spaces) while the main loop runs,
 * so real input events reach in-process windows. */
void            cjm_test_xdotool         (const char       *args);
/* A real click (button 1) in the middle of @widget, through the X server. */
void            cjm_test_click           (GtkWidget        *widget);
/* A PNG of @window as the X server shows it, in $CJM_SCREENSHOT_DIR (else
 * the test's temporary directory); NULL without ImageMagick's import. */
char           *cjm_test_screenshot      (GtkWidget        *window,
                                          const char       *name);
/* Focuses @window through X and waits until GTK sees it active. */
void            cjm_test_focus_window    (GtkWidget        *window);
/* The first descendant of @root that is an AdwPreferencesRow titled
 * @title (an exact match), or NULL. */
GtkWidget      *cjm_test_find_row        (GtkWidget        *root,
                                          const char       *title);
/* The first descendant of @root of @type, or NULL. */
GtkWidget      *cjm_test_find_child      (GtkWidget        *root,
                                          GType             type);
/* The visible AdwMessageDialog transient for @parent, waiting for it. */
AdwMessageDialog *cjm_test_wait_dialog   (GtkWindow        *parent);

G_END_DECLS
