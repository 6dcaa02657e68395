/* cjm-canvas-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The canvas's state, shared by its files: cjm-canvas.c (the widget, the
 * document and layout, selection), cjm-canvas-view.c (zoom, scrolling,
 * coordinates), cjm-canvas-nodes.c (cached render nodes, the map's
 * layers, the overview), cjm-canvas-overlay.c (selection and previews
 * drawn each frame), cjm-canvas-input.c (gestures, keys), cjm-canvas-drop.c
 * (palette tiles and text dropped in), cjm-canvas-keys.c, cjm-canvas-edit.c (the edits that
 * drags and keys make), cjm-canvas-clipboard.c and cjm-canvas-editor.c
 * (in-place title editing).
 */

#pragma once

#include "cjm-canvas.h"
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
  CJM_DRAG_PAN,               /* middle button, or space + button 1 */
  CJM_DRAG_MINIMAP,           /* moving the view in the overview */
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
  double         origin_x;    /* the node's origin relative to the part */
  double         origin_y;
  guint          n_findings;
  int            severity;
  guint          index;
  guint          stamp;       /* geometry stamp it was recorded under */
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

  CjmDocument        *document;
  CjmChecker         *checker;
  CjmLayout          *layout;
  gboolean            layout_dirty;
  gboolean            findings_dirty;
  CjmRenderOptions    render_options;

  /* Scrolling and zoom */
  GtkAdjustment      *hadjustment;
  GtkAdjustment      *vadjustment;
  guint               hscroll_policy : 1;
  guint               vscroll_policy : 1;
  double              zoom;
  double              origin_x;   /* widget x of map x 0 at scroll 0 */
  double              origin_y;
  gboolean            in_allocate;
  /* A new map: show its start (the right end of a right-to-left map). */
  gboolean            scroll_to_start;

  /* Render node caches */
  GHashTable         *card_nodes;    /* CjmItem -> CjmNodeCache */
  GHashTable         *stage_nodes;   /* stage -> CjmNodeCache (header) */
  GHashTable         *lane_nodes;    /* lane -> CjmNodeCache (header) */
  GHashTable         *row_nodes;     /* lane -> CjmNodeCache (background) */
  GHashTable         *curve_nodes;   /* emotion lane -> CjmNodeCache */
  GskRenderNode      *links_node;
  GskRenderNode      *unplaced_node;
  GskRenderNode      *corner_node;
  GPtrArray          *tile_nodes;    /* CjmNodeCache per (lane, stage block) */
  guint               tiles_stamp;
  guint               geometry_stamp;  /* bumped when columns change */
  guint64             columns_hash;
  gboolean            curves_dirty;
  gboolean            links_dirty;
  gboolean            headers_dirty;

  /* Overview */
  GdkTexture         *minimap;
  gboolean            minimap_dirty;
  graphene_rect_t     minimap_rect;  /* widget coordinates; empty when hidden */

  /* Selection */
  GPtrArray          *selection;     /* CjmItem, in the order selected */
  CjmItem            *cursor;        /* the card the arrow keys move from */
  CjmHit              hover;

  /* The drag gesture */
  GtkGesture         *drag_gesture;
  GtkGesture         *pan_gesture;
  GtkGesture         *click_gesture;
  CjmDragMode         drag_mode;
  CjmHit              press_hit;
  GdkModifierType     press_state;
  gboolean            press_was_selected;
  double              press_x;        /* widget coordinates */
  double              press_y;
  double              pointer_x;
  double              pointer_y;
  double              grab_dx;        /* pointer - item origin, map units */
  double              grab_dy;
  double              pan_start_h;
  double              pan_start_v;
  GPtrArray          *drag_items;     /* the cards being moved */
  GPtrArray          *band_base;      /* selection before a Shift rubber band */
  CjmItem            *link_target;
  int                 emotion_value;
  CjmDropPreview      preview;
  gboolean            space_held;
  guint               autoscroll_id;

  /* Drop target (palette tiles, text) */
  GtkDropTarget      *drop_target;

  /* Pinch zoom */
  double              zoom_begin;

  /* In-place editing */
  GtkWidget          *editor;
  CjmItem            *edit_item;
  CjmField            edit_field;
  gboolean            edit_done;
};

/* cjm-canvas.c */
void      cjm_canvas_ensure_layout        (CjmCanvas       *self);
void      cjm_canvas_notify_zoom          (CjmCanvas       *self);
gboolean  cjm_canvas_is_selected          (CjmCanvas       *self,
                                           CjmItem         *item);
void      cjm_canvas_set_selection        (CjmCanvas       *self,
                                           GPtrArray       *items);
void      cjm_canvas_toggle_selected      (CjmCanvas       *self,
                                           CjmItem         *item);
/* A touchpoint, note or opportunity. */
gboolean  cjm_canvas_is_card              (CjmItem         *item);

/* cjm-canvas-view.c */
void      cjm_canvas_set_adjustment       (CjmCanvas       *self,
                                           GtkAdjustment  **slot,
                                           GtkAdjustment   *adjustment);
/* After a change of size or content: the adjustments, the map's origin. */
void      cjm_canvas_configure_adjustments (CjmCanvas      *self);
void      cjm_canvas_get_visible_rect     (CjmCanvas       *self,
                                           CjmRect         *rect);
/* How far the headers are pushed to stay in view (map units). */
void      cjm_canvas_get_pin_offsets      (CjmCanvas       *self,
                                           double          *dx,
                                           double          *dy);
/* Hit-testing at a widget point, pinned headers and the overview first. */
CjmHitKind cjm_canvas_hit_test            (CjmCanvas       *self,
                                           double           wx,
                                           double           wy,
                                           CjmHit          *hit);
gboolean  cjm_canvas_point_in_minimap     (CjmCanvas       *self,
                                           double           wx,
                                           double           wy);
void      cjm_canvas_center_on_minimap    (CjmCanvas       *self,
                                           double           wx,
                                           double           wy);
void      cjm_canvas_set_zoom_at          (CjmCanvas       *self,
                                           double           zoom,
                                           double           wx,
                                           double           wy);
void      cjm_canvas_scroll_by            (CjmCanvas       *self,
                                           double           dx,
                                           double           dy);
double    cjm_canvas_start_hscroll        (CjmCanvas       *self);
void      cjm_canvas_set_scroll           (CjmCanvas       *self,
                                           double           h,
                                           double           v);
void      cjm_canvas_scroll_to_rect       (CjmCanvas       *self,
                                           const CjmRect   *rect);
gboolean  cjm_canvas_is_selected          (CjmCanvas       *self,
                                           CjmItem         *item);
void      cjm_canvas_set_selection        (CjmCanvas       *self,
                                           GPtrArray       *items);
void      cjm_canvas_toggle_selected      (CjmCanvas       *self,
                                           CjmItem         *item);
/* The card's cached node and where to put it, in device pixels relative
 * to the map's origin (map units times the zoom). */
GskRenderNode *cjm_canvas_get_card_node   (CjmCanvas       *self,
                                           const CjmLayoutCard *card,
                                           double          *origin_x,
                                           double          *origin_y);
GskRenderNode *cjm_canvas_get_stage_node  (CjmCanvas       *self,
                                           guint            index);
GskRenderNode *cjm_canvas_get_lane_node   (CjmCanvas       *self,
                                           guint            index);

/* cjm-canvas-nodes.c */
GHashTable *cjm_canvas_node_table_new     (void);
void      cjm_canvas_clear_nodes          (CjmCanvas       *self);
void      cjm_canvas_invalidate_tiles     (CjmCanvas       *self);
void      cjm_canvas_snapshot_map         (CjmCanvas       *self,
                                           GtkSnapshot     *snapshot);
void      cjm_canvas_update_minimap       (CjmCanvas       *self);
void      cjm_canvas_snapshot_minimap     (CjmCanvas       *self,
                                           GtkSnapshot     *snapshot);

/* cjm-canvas-input.c */
void      cjm_canvas_init_input           (CjmCanvas       *self);
void      cjm_canvas_cancel_drag          (CjmCanvas       *self);
void      cjm_canvas_clear_preview        (CjmCanvas       *self);
/* The preview of a new or moved stage (kind STAGE) or lane at a point. */
void      cjm_canvas_update_header_preview (CjmCanvas      *self,
                                           CjmKind          kind,
                                           CjmItem         *moving,
                                           double           mx,
                                           double           my);

/* cjm-canvas-keys.c */
void      cjm_canvas_class_init_keys      (GtkWidgetClass  *widget_class);

/* cjm-canvas-drop.c */
void      cjm_canvas_init_drop            (CjmCanvas       *self);

/* cjm-canvas-overlay.c: hover, selection, previews, ghosts */
void      cjm_canvas_snapshot_overlay     (CjmCanvas       *self,
                                           GtkSnapshot     *snapshot);

/* cjm-canvas-edit.c */
char     *cjm_canvas_strip_text           (const char      *text);
/* The selected card the keyboard works from (pastes and adds after). */
CjmItem  *cjm_canvas_keyboard_anchor      (CjmCanvas       *self);
/* Moves cards to a drop target's cell and slot: one undo step. */
gboolean  cjm_canvas_move_cards           (CjmCanvas       *self,
                                           GPtrArray       *cards,
                                           const CjmDropTarget *target);
/* Can a card of this kind go into this lane? */
gboolean  cjm_canvas_lane_takes           (CjmItem         *lane,
                                           CjmKind          kind);
/* What a palette tile or a text drop makes in a lane (CJM_KIND_MAP: none). */
CjmKind   cjm_canvas_kind_for_lane        (CjmItem         *lane);
/* Creates a card in the drop target's slot (one undo step) and returns
 * it (transfer none). text NULL: a default title for the lane. */
CjmItem  *cjm_canvas_create_card          (CjmCanvas       *self,
                                           CjmPaletteTile   tile,
                                           const CjmDropTarget *target,
                                           const char      *text);
CjmItem  *cjm_canvas_create_stage         (CjmCanvas       *self,
                                           guint            index);
CjmItem  *cjm_canvas_create_lane          (CjmCanvas       *self,
                                           CjmLaneKind      kind,
                                           guint            index);
/* The stage/lane insertion index for a map point, and its caret. */
guint     cjm_canvas_stage_slot           (CjmCanvas       *self,
                                           double           mx,
                                           CjmItem         *moving,
                                           CjmRect         *caret);
guint     cjm_canvas_lane_slot            (CjmCanvas       *self,
                                           double           my,
                                           CjmItem         *moving,
                                           CjmRect         *caret);
void      cjm_canvas_move_stage           (CjmCanvas       *self,
                                           CjmItem         *stage,
                                           guint            slot);
void      cjm_canvas_move_lane            (CjmCanvas       *self,
                                           CjmItem         *lane,
                                           guint            slot);
void      cjm_canvas_set_emotion          (CjmCanvas       *self,
                                           CjmItem         *touchpoint,
                                           CjmField         field,
                                           int              emotion);
gboolean  cjm_canvas_create_link          (CjmCanvas       *self,
                                           CjmItem         *from,
                                           CjmItem         *to);
/* Keyboard moves: to the neighbouring card, or the card to the next cell. */
CjmItem  *cjm_canvas_find_neighbour       (CjmCanvas       *self,
                                           CjmItem         *from,
                                           GtkDirectionType direction);
gboolean  cjm_canvas_move_card_by_key     (CjmCanvas       *self,
                                           GtkDirectionType direction);

/* cjm-canvas-editor.c */
void      cjm_canvas_stop_editing         (CjmCanvas       *self,
                                           gboolean         commit);
void      cjm_canvas_allocate_editor      (CjmCanvas       *self);
/* The field edited in place for an item (title, text or name). */
CjmField  cjm_canvas_title_field          (CjmItem         *item);

G_END_DECLS
