/* cjm-test-harness.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Helpers for UI tests that run a real GTK window under an X server
 * (Xvfb in CI) and drive it with real input: the pointer and the keyboard
 * are moved by xdotool, so the events go through X, GDK and the widgets'
 * event controllers exactly as a person's would.
 *
 * Target points are never hard-coded: tests compute them from the layout
 * in a widget's coordinates; cjm_harness_to_surface() turns those into
 * coordinates relative to the window's X window, cjm_harness_to_screen()
 * into screen coordinates (drags between windows).
 */

#pragma once

#include <gtk/gtk.h>

#include "cjm-document.h"

G_BEGIN_DECLS

/* Call instead of g_test_init(): checks for an X display and xdotool,
 * points the XDG directories at a private temporary directory, sets up
 * GTK and libadwaita. Without a display the whole program is skipped (TAP
 * "1..0 # SKIP"), or fails when CJM_REQUIRE_DISPLAY=1 is set. */
void         cjm_harness_init              (int          *argc,
                                            char       ***argv);

/* The private temporary directory made by cjm_harness_init(). */
const char  *cjm_harness_get_tmpdir        (void);
/* A path in the source tree (relative to the project root). */
char        *cjm_harness_source_path       (const char   *relative);

/* Main loop */
void         cjm_harness_iterate           (guint         ms);
typedef gboolean (*CjmHarnessCondition)    (gpointer      data);
gboolean     cjm_harness_wait_for          (CjmHarnessCondition condition,
                                            gpointer      data,
                                            guint         timeout_ms);
/* Waits until @widget's surface has painted one more frame. */
void         cjm_harness_wait_frame        (GtkWidget    *widget);

/* Windows */
void         cjm_harness_show              (GtkWindow    *window);
gulong       cjm_harness_get_xid           (GtkWindow    *window);
/* The window's position on the screen (root window coordinates). */
void         cjm_harness_get_screen_origin (GtkWindow    *window,
                                            int          *x,
                                            int          *y);
/* A point in @widget's coordinates, relative to its X window. */
void         cjm_harness_to_surface        (GtkWidget    *widget,
                                            double        x,
                                            double        y,
                                            int          *sx,
                                            int          *sy);
/* The same point on the screen (root window coordinates). */
void         cjm_harness_to_screen         (GtkWidget    *widget,
                                            double        x,
                                            double        y,
                                            int          *sx,
                                            int          *sy);
void         cjm_harness_focus             (GtkWindow    *window);

/* Input through xdotool. Every step waits for xdotool to finish, then
 * iterates the main loop for @pause_ms (50–100 ms) so GTK sees the events
 * in order. */
void         cjm_harness_xdotool           (const char   *first_arg,
                                            ...) G_GNUC_NULL_TERMINATED;
/* The same with the arguments in one string, split as a shell would
 * ("key --window 123 ctrl+s"). */
void         cjm_harness_xdotool_line      (const char   *args);
void         cjm_harness_pointer_move      (GtkWidget    *widget,
                                            double        x,
                                            double        y);
void         cjm_harness_button            (guint         button,
                                            gboolean      press);
void         cjm_harness_click             (GtkWidget    *widget,
                                            double        x,
                                            double        y,
                                            guint         button,
                                            const char   *modifiers);
void         cjm_harness_double_click      (GtkWidget    *widget,
                                            double        x,
                                            double        y);
/* Press, move in @steps steps from the start point to the end point
 * (each in its own widget's coordinates), release. @modifiers ("shift",
 * "ctrl", or NULL) are held during the drag. */
void         cjm_harness_drag              (GtkWidget    *from,
                                            double        fx,
                                            double        fy,
                                            GtkWidget    *to,
                                            double        tx,
                                            double        ty,
                                            guint         button,
                                            const char   *modifiers,
                                            guint         steps);
/* Like cjm_harness_drag(), but presses Escape before releasing. */
void         cjm_harness_drag_cancel       (GtkWidget    *from,
                                            double        fx,
                                            double        fy,
                                            GtkWidget    *to,
                                            double        tx,
                                            double        ty,
                                            guint         steps);
/* "ctrl+z", "Return", "alt+Right"… as xdotool names them. */
void         cjm_harness_key               (const char   *keys);
void         cjm_harness_type              (const char   *text);

/* Documents */
/* Saves to a file in the temporary directory and returns its bytes. */
GBytes      *cjm_harness_save_bytes        (CjmDocument  *document);
GBytes      *cjm_harness_read_file         (const char   *path);
/* Fails the test with a line diff when the bytes differ. */
void         cjm_harness_assert_same_bytes (GBytes       *expected,
                                            GBytes       *actual);
gboolean     cjm_harness_bytes_contain     (GBytes       *bytes,
                                            const char   *text);

/* A PNG of the window as the X server shows it (import -window). */
void         cjm_harness_screenshot        (GtkWindow    *window,
                                            const char   *path);

G_END_DECLS
