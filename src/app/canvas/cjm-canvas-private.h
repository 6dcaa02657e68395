/* cjm-canvas-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The canvas's state, shared by its files. Each group of fields below
 * belongs to one file, which writes it; the others read it or ask that
 * file through its functions (declared under the same name further down):
 *
 *   cjm-canvas.c          the widget: document, checker, selection, its
 *                         children (the minimap and the title editor)
 *   cjm-canvas-view.c     zoom, scrolling, widget <-> map coordinates,
 *                         hit-testing
 *   cjm-canvas-nodes.c    the layout and every render node cached from it,
 *                         their stamps and dirty flags; the map's layers
 *   cjm-canvas-overlay.c  hover, selection and previews drawn each frame
 *   cjm-canvas-input.c    pointer, scroll, zoom and key controllers;
 *                         hover, cursor and tooltips
 *   cjm-canvas-gesture.c  the drag gesture inside the map and its previews
 *   cjm-canvas-dnd.c      palette tiles and text dropped from outside
 *   cjm-canvas-keys.c     key bindings and the "canvas.*" actions
 *   cjm-canvas-edit.c     the document edits that drags and keys make
 *   cjm-canvas-clipboard.c
 *
 * Widgets of their own: cjm-minimap.c (the overview) and cjm-card-editor.c
 * (the in-place title editor).
 */

#pragma once

#include "cjm-canvas.h"
#include "cjm-card-editor.h"
#include "cjm-edit.h"
#include "cjm-render.h"

G_BEGIN_DECLS

/* Space around the map, in widget pixels. */
#define CJM_CANVAS_MARGIN 32.0

typedef enum {
  CJM_DRAG_NONE,
  CJM_DRAG_PENDING,           /* pressed; not past the drag threshold yet */
  CJM_DRAG_CARDS,             /* selected cards to another cell or slot */
  CJM_DRAG_STAGE,             /* a stage header left or right */
  CJM_DRAG_LANE,              /* a lane header up or down */
  CJM_DRAG_EMOTION,           /* an emotion point up or down */
  CJM_DRAG_LINK,              /* from a card's link handle to another card */
  CJM_DRAG_RUBBER_BAND,       /* selecting the cards in a rectangle */
  CJM_DRAG_PAN,               /* space + button 1 */
  CJM_DRAG_CANCELLED,         /* Escape: ignore the rest of the gesture */
} CjmDragMode;

/* A cached render node of one part of the map, recorded at the part's own
 * origin in device pixels (at the zoom in use), and what it was recorded
 * from, so that a change of zoom, size or badge re-records it. */
typedef struct {
  GskRenderNode *node;
  double         scale;       /* the zoom it was recorded at */
  double         width;
  double         height;
  guint          n_findings;
  int            severity;
  guint          index;
  guint          stamp;       /* geometry or tiles stamp it was recorded under */
} CjmNodeCache;

/* Where a drop (of dragged cards, a palette tile or text) would land. */
typedef struct {
  gboolean      active;       /* a preview is shown */
  gboolean      valid;        /* dropping here does something */
  CjmKind       kind;         /* the kind of card it makes or moves */
  CjmDropTarget target;       /* the cell and slot (cards) */
  guint         index;        /* the stage/lane insertion index (headers) */
  CjmRect       caret;        /* map units */
  CjmRect       area;         /* the cell or header band highlighted */
} CjmDropPreview;

struct _CjmCanvas
{
  GtkWidget           parent_instance;

  /* cjm-canvas.c */
  CjmDocument        *document;
  CjmChecker         *checker;
  GPtrArray          *selection;     /* CjmItem, in the order selected */
  CjmItem            *cursor;        /* the card the arrow keys move from */
  GtkWidget          *minimap;       /* CjmMinimap, shown over a corner */
  CjmCardEditor      *editor;        /* while a title is edited in place */

  /* cjm-canvas-view.c */
  GtkAdjustment      *hadjustment;
  GtkAdjustment      *vadjustment;
  guint               hscroll_policy : 1;
  guint               vscroll_policy : 1;
  double              zoom;
  double              origin_x;      /* widget x of map x 0 at scroll 0 */
  double              origin_y;
  gboolean            in_allocate;
  gboolean            zooming;       /* the zoom moves the scroll position */
  gboolean            scroll_to_start;  /* a new map: show where it starts */

  /* cjm-canvas-nodes.c */
  CjmLayout          *layout;
  gboolean            layout_dirty;
  gboolean            findings_dirty;
  CjmRenderOptions    render_options;
  GHashTable         *card_nodes;    /* CjmItem -> CjmNodeCache */
  GHashTable         *stage_nodes;   /* stage -> CjmNodeCache (header) */
  GHashTable         *lane_nodes;    /* lane -> CjmNodeCache (header) */
  GHashTable         *big_tiles;     /* tile key -> tile of a large part
                                      * (lane rows, emotion lanes, links,
                                      * the unplaced area) */
  guint64             frame;         /* snapshots of the map so far */
  guint               curves_stamp;
  guint               links_stamp;
  GskRenderNode      *corner_node;
  GPtrArray          *tile_nodes;    /* CjmNodeCache per (lane, stage block) */
  guint               tiles_stamp;
  guint               geometry_stamp;  /* bumped when columns change */
  guint64             columns_hash;
  gboolean            curves_dirty;
  gboolean            links_dirty;
  GskRenderNode      *map_node;      /* the map as last drawn */
  graphene_rect_t     map_view;      /* the part in view then (device px) */
  double              map_zoom;      /* the zoom it was drawn at */
  GdkTexture         *zoom_preview;  /* that view, while a zoom step settles */
  graphene_rect_t     zoom_preview_rect;  /* where it goes, at zoom_preview_at */
  double              zoom_preview_at;
  double              zoom_preview_reach;  /* the least zoom ratio it fills */
  guint               settle_id;

  /* cjm-canvas-input.c */
  GtkGesture         *pan_gesture;
  GtkGesture         *click_gesture;
  CjmHit              hover;
  double              pointer_x;     /* widget coordinates; drags and drops too */
  double              pointer_y;
  double              pan_start_h;   /* scroll position when a pan began */
  double              pan_start_v;
  gboolean            space_held;
  double              zoom_begin;    /* pinch zoom */

  /* cjm-canvas-gesture.c */
  GtkGesture         *drag_gesture;
  CjmDragMode         drag_mode;
  CjmHit              press_hit;
  GdkModifierType     press_state;
  gboolean            press_was_selected;
  double              press_x;       /* widget coordinates */
  double              press_y;
  double              grab_dx;       /* pointer - item origin, map units */
  double              grab_dy;
  GPtrArray          *drag_items;    /* the cards being moved */
  GPtrArray          *band_base;     /* selection before a Shift rubber band */
  CjmItem            *link_target;
  int                 emotion_value;
  CjmDropPreview      preview;       /* cjm-canvas-dnd.c fills it too */
  guint               autoscroll_id;

  /* cjm-canvas-dnd.c */
  GtkDropTarget      *drop_target;
};

/* cjm-canvas.c */
void      _cjm_canvas_notify_zoom          (CjmCanvas       *self);
/* A touchpoint, note or opportunity. */
gboolean  _cjm_canvas_is_card              (CjmItem         *item);
gboolean  _cjm_canvas_is_selected          (CjmCanvas       *self,
                                            CjmItem         *item);
void      _cjm_canvas_set_selection        (CjmCanvas       *self,
                                            GPtrArray       *items);
void      _cjm_canvas_toggle_selected      (CjmCanvas       *self,
                                            CjmItem         *item);
/* Ends in-place editing, storing the text when commit (one undo step). */
void      _cjm_canvas_stop_editing         (CjmCanvas       *self,
                                            gboolean         commit);

/* cjm-canvas-view.c */
void      _cjm_canvas_set_adjustment       (CjmCanvas       *self,
                                            GtkAdjustment  **slot,
                                            GtkAdjustment   *adjustment);
/* From size_allocate: the adjustments, the map's origin, and a new map
 * scrolled to its start. */
void      _cjm_canvas_allocate_view        (CjmCanvas       *self,
                                            int              width);
/* A new map: back to the top, and to its start once it has a size. */
void      _cjm_canvas_reset_scroll         (CjmCanvas       *self);
void      _cjm_canvas_get_visible_rect     (CjmCanvas       *self,
                                            CjmRect         *rect);
/* How far the headers are pushed to stay in view (map units). */
void      _cjm_canvas_get_pin_offsets      (CjmCanvas       *self,
                                            double          *dx,
                                            double          *dy);
/* Hit-testing at a widget point, pinned headers first; nothing under
 * the minimap. */
CjmHitKind _cjm_canvas_hit_test            (CjmCanvas       *self,
                                            double           wx,
                                            double           wy,
                                            CjmHit          *hit);
/* step: a step of the wheel, the keys or a pinch, shown first scaled
 * from the view drawn before (see cjm-canvas-nodes.c); else a jump. */
void      _cjm_canvas_set_zoom_at          (CjmCanvas       *self,
                                            double           zoom,
                                            double           wx,
                                            double           wy,
                                            gboolean         step);
void      _cjm_canvas_scroll_by            (CjmCanvas       *self,
                                            double           dx,
                                            double           dy);
void      _cjm_canvas_set_scroll           (CjmCanvas       *self,
                                            double           h,
                                            double           v);

/* cjm-canvas-nodes.c: the only file that writes the layout, the cached
 * nodes, their stamps and dirty flags; the others say what went stale. */
void      _cjm_canvas_init_nodes           (CjmCanvas       *self);
void      _cjm_canvas_finalize_nodes       (CjmCanvas       *self);
/* Makes or updates the layout after changes. */
void      _cjm_canvas_ensure_layout        (CjmCanvas       *self);
/* A new document or checker: the layout and every node. */
void      _cjm_canvas_invalidate_all       (CjmCanvas       *self);
/* What a change of the document names: the layout and those parts. */
void      _cjm_canvas_invalidate_change    (CjmCanvas       *self,
                                            const CjmChange *change);
/* The checker's findings changed: the badges. */
void      _cjm_canvas_invalidate_findings  (CjmCanvas       *self);
/* The zoom changed: the parts recorded at the old one. */
void      _cjm_canvas_invalidate_zoom      (CjmCanvas       *self,
                                            gboolean         step);
void      _cjm_canvas_end_zoom_preview     (CjmCanvas       *self);
/* The cards being dragged are dimmed in their tiles, or no longer. */
void      _cjm_canvas_invalidate_tiles     (CjmCanvas       *self);
/* The card's cached node and where to put it, in device pixels relative
 * to the map's origin (map units times the zoom). */
GskRenderNode *_cjm_canvas_get_card_node   (CjmCanvas       *self,
                                            const CjmLayoutCard *card,
                                            double          *origin_x,
                                            double          *origin_y);
GskRenderNode *_cjm_canvas_get_stage_node  (CjmCanvas       *self,
                                            guint            index);
GskRenderNode *_cjm_canvas_get_lane_node   (CjmCanvas       *self,
                                            guint            index);
/* The map, in device pixels from its origin; only the parts in view. */
void      _cjm_canvas_snapshot_map         (CjmCanvas       *self,
                                            GtkSnapshot     *snapshot);

/* cjm-canvas-overlay.c */
void      _cjm_canvas_snapshot_overlay     (CjmCanvas       *self,
                                            GtkSnapshot     *snapshot);

/* cjm-canvas-input.c */
void      _cjm_canvas_init_input           (CjmCanvas       *self);
/* The pointer's shape for the drag, the hover and the space key. */
void      _cjm_canvas_update_cursor        (CjmCanvas       *self);
/* Where the pointer was last seen, in map units. */
void      _cjm_canvas_pointer_to_map       (CjmCanvas       *self,
                                            double          *mx,
                                            double          *my);

/* cjm-canvas-gesture.c */
void      _cjm_canvas_init_gesture         (CjmCanvas       *self);
void      _cjm_canvas_cancel_drag          (CjmCanvas       *self);
/* The rubber band from the press to the pointer, in map units. */
void      _cjm_canvas_get_rubber_band      (CjmCanvas       *self,
                                            CjmRect         *band);
void      _cjm_canvas_clear_preview        (CjmCanvas       *self);
/* The preview of a drop into the cell under a map point; FALSE (and no
 * preview) outside the grid. The caller decides valid and kind. */
gboolean  _cjm_canvas_update_cell_preview  (CjmCanvas       *self,
                                            double           mx,
                                            double           my);
/* The preview of a new or moved stage (kind STAGE) or lane at a point. */
void      _cjm_canvas_update_header_preview (CjmCanvas      *self,
                                            CjmKind          kind,
                                            CjmItem         *moving,
                                            double           mx,
                                            double           my);

/* cjm-canvas-dnd.c */
void      _cjm_canvas_init_dnd             (CjmCanvas       *self);

/* cjm-canvas-keys.c */
void      _cjm_canvas_class_init_keys      (GtkWidgetClass  *widget_class);

/* cjm-canvas-edit.c */
/* The selected card the keyboard works from (pastes and adds after). */
CjmItem  *_cjm_canvas_keyboard_anchor      (CjmCanvas       *self);
/* Moves cards to a drop target's cell and slot: one undo step. */
gboolean  _cjm_canvas_move_cards           (CjmCanvas       *self,
                                           GPtrArray       *cards,
                                           const CjmDropTarget *target);
/* Creates a card in the drop target's slot (one undo step) and returns
 * it (transfer none). text NULL: a default title for the lane. */
CjmItem  *_cjm_canvas_create_card          (CjmCanvas       *self,
                                           CjmPaletteTile   tile,
                                           const CjmDropTarget *target,
                                           const char      *text);
/* The stage/lane insertion index for a map point, and its caret. */
guint     _cjm_canvas_stage_slot           (CjmCanvas       *self,
                                           double           mx,
                                           CjmItem         *moving,
                                           CjmRect         *caret);
guint     _cjm_canvas_lane_slot            (CjmCanvas       *self,
                                           double           my,
                                           CjmItem         *moving,
                                           CjmRect         *caret);
/* Keyboard moves: to the neighbouring card, or the card to the next cell. */
CjmItem  *_cjm_canvas_find_neighbour       (CjmCanvas       *self,
                                           CjmItem         *from,
                                           GtkDirectionType direction);
gboolean  _cjm_canvas_move_card_by_key     (CjmCanvas       *self,
                                           GtkDirectionType direction);

G_END_DECLS
