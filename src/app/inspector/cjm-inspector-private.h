/* cjm-inspector-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by cjm-inspector.c (bindings between widgets and fields, the
 * page life cycle) and cjm-inspector-pages.c (the rows of each kind).
 *
 * A page is rebuilt whole when the structure it shows changes (an item
 * added or removed, a list edited); the focused field, the expanded rows
 * and the scroll position survive the rebuild. A field changed by undo or
 * elsewhere only refreshes the widgets bound to it.
 */

#pragma once

#include "cjm-inspector.h"

G_BEGIN_DECLS

typedef enum {
  BINDING_TEXT,       /* GtkEditable <-> field, committed on activate/focus-out */
  BINDING_CHOICE,     /* AdwComboRow <-> field; values[position] ("" = unset) */
  BINDING_SWITCH,     /* GtkSwitch <-> "true" / unset */
  BINDING_SPIN,       /* GtkSpinButton <-> integer field */
  BINDING_COLOR,      /* GtkColorButton <-> "#rrggbb" */
  BINDING_ID_CHECK,   /* GtkCheckButton <-> @id in a space-separated list */
  BINDING_TITLE,      /* a row's title or subtitle follows a field (display) */
  BINDING_LIST_TEXT,  /* GtkEditable <-> one string of one list entry */
} BindingType;

typedef struct _Binding Binding;

struct _Binding
{
  CjmInspector *self;        /* NULL once its page is gone */
  BindingType   type;
  CjmItem      *item;
  CjmField      field;
  CjmListKind   list;
  guint         index;       /* LIST_TEXT: the entry; SPIN: the value when unset */
  guint         part;        /* LIST_TEXT: which string of the entry */
  GtkWidget    *widget;
  GStrv         values;      /* CHOICE */
  char         *id;          /* ID_CHECK */
  char         *fallback;    /* TITLE: shown when the field is empty */
  gboolean      subtitle;    /* TITLE: sets the subtitle, not the title */
  gboolean      keep_empty;  /* TEXT: an empty text is kept, not removed */
  gboolean      dirty;
  gboolean      updating;
};

struct _CjmInspector
{
  GtkWidget          parent_instance;

  CjmDocument       *document;
  CjmItem           *item;
  GSignalGroup      *document_signals;

  GtkScrolledWindow *scroller;
  GtkWidget         *page;
  GPtrArray         *bindings;      /* Binding, of the current page */
  GHashTable        *shown_items;   /* CjmItem shown on the page */
  GHashTable        *expanded;      /* keys of expanded rows (char *) */
  guint              rebuild_source;
  char              *pending_focus; /* key of the field to focus after a rebuild */
  gboolean           pending_select;
  /* The scroll position a rebuilt page goes back to once it is laid out
   * (0: none); a page for another item starts at the top. */
  double             pending_scroll;
  guint              scroll_tick;
  gboolean           scroll_ticked;
  gboolean           reset_scroll;
};

/* cjm-inspector.c: bindings */
Binding   *_cjm_inspector_bind            (CjmInspector *self,
                                           BindingType   type,
                                           CjmItem      *item,
                                           CjmField      field,
                                           GtkWidget    *widget);
char      *_cjm_inspector_binding_key     (Binding      *binding);
void       _cjm_inspector_binding_commit  (Binding      *binding);
/* A GClosureNotify that drops a reference on a Binding. */
void       _cjm_inspector_binding_closure_notify (gpointer  data,
                                                  GClosure *closure);
void       _cjm_inspector_show_item       (CjmInspector *self,
                                           CjmItem      *item);
void       _cjm_inspector_track_expanded  (CjmInspector *self,
                                           AdwExpanderRow *row,
                                           const char   *key);
void       _cjm_inspector_focus_after     (CjmInspector *self,
                                           const char   *key,
                                           gboolean      select_all);

/* cjm-inspector-pages.c: the rows of a page */
GtkWidget *_cjm_inspector_build_page      (CjmInspector *self,
                                           CjmItem      *item);

G_END_DECLS
