/* cjm-window-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's struct, shared by cjm-window.c and its parts: -actions.c,
 * -canvas.c, -dnd.c, -findings.c, -monitor.c and -priorities.c.
 */

#pragma once

#include "cjm-inspector.h"
#include "cjm-canvas.h"
#include "cjm-findings-panel.h"
#include "cjm-palette.h"
#include "cjm-priorities.h"
#include "cjm-window.h"

G_BEGIN_DECLS

struct _CjmWindow
{
  AdwApplicationWindow  parent_instance;

  CjmDocument          *document;
  GSignalGroup         *document_signals;
  GSettings            *settings;
  GtkRecentManager     *recent_manager;

  /* Close once the save in progress (dialogs included) succeeds. */
  gboolean              close_after_save;
  /* The unsaved-changes question was answered: close for real. */
  gboolean              close_confirmed;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  AdwSplitButton       *open_button;
  GtkButton            *undo_button;
  GtkButton            *redo_button;
  GtkMenuButton        *primary_menu_button;
  AdwFlap              *flap;
  GtkBox               *palette_slot;
  GtkBox               *canvas_box;
  AdwStatusPage        *canvas_placeholder;
  GtkBox               *side_panel;
  CjmInspector         *inspector;
  AdwViewStack         *side_stack;
  AdwViewStackPage     *findings_page;
  CjmFindingsPanel     *findings_panel;
  AdwViewStack         *main_stack;
  CjmPriorities        *priorities;
  GMenu                *recent_menu;

  /* The map editor (cjm-window-canvas.c) and the live checker */
  CjmChecker           *checker;
  CjmPalette           *palette;
  CjmCanvas            *canvas;
  GtkWidget            *canvas_scroller;

  /* The map's file, watched for changes by others (cjm-window-monitor.c) */
  GFileMonitor         *file_monitor;
  guint                 disk_check_id;
  GtkRevealer          *disk_banner;
  GtkLabel             *disk_banner_label;
  GtkButton            *disk_reload_button;
  GtkButton            *disk_save_button;
  GtkButton            *disk_save_as_button;
  /* The map's file cannot be written (cjm-window-monitor.c). */
  gboolean              read_only;
};

void     _cjm_window_class_actions_init (CjmWindowClass *klass);
void     _cjm_window_update_actions     (CjmWindow      *self);
/* The window's stateful actions bound to its settings (win.show-minimap). */
void     _cjm_window_init_actions       (CjmWindow      *self);
/* Asks about unsaved changes; TRUE when the window may close now. */
gboolean _cjm_window_confirm_close      (CjmWindow      *self);
void     _cjm_window_update_recent      (CjmWindow      *self);

/* cjm-window-canvas.c */
void     _cjm_window_init_canvas        (CjmWindow      *self);
void     _cjm_window_update_canvas      (CjmWindow      *self);
/* The window's settings exist: the checker follows "disabled-rules". */
void     _cjm_window_follow_rule_settings (CjmWindow    *self);

/* cjm-window-dnd.c */
void     _cjm_window_init_dnd           (CjmWindow      *self);

/* cjm-window-findings.c */
void     _cjm_window_class_findings_init (CjmWindowClass *klass);
void     _cjm_window_init_findings      (CjmWindow      *self);
void     _cjm_window_update_findings    (CjmWindow      *self);
void     _cjm_window_show_findings      (CjmWindow      *self);

/* cjm-window-priorities.c */
void     _cjm_window_class_priorities_init (CjmWindowClass *klass);
void     _cjm_window_init_priorities    (CjmWindow      *self);
void     _cjm_window_load_view          (CjmWindow      *self);
void     _cjm_window_update_priorities  (CjmWindow      *self);

/* cjm-window-monitor.c */
void     _cjm_window_init_monitor       (CjmWindow      *self);
void     _cjm_window_dispose_monitor    (CjmWindow      *self);
/* Watches the document's file (again); shows or hides the banner. */
void     _cjm_window_update_monitor     (CjmWindow      *self);
/* Compares the file on disk with the document; shows or hides the banner. */
void     _cjm_window_check_disk         (CjmWindow      *self);

G_END_DECLS
