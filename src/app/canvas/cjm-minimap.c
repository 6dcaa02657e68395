/* cjm-minimap.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The overview: a texture of the map's lane rows, header bands and cards
 * as blocks of colour (no text), made when the canvas's layout changed
 * and kept while only the view moves; the part in view is framed over it
 * each frame. It follows the canvas through its public API: the layout,
 * the coordinates, and the scroll adjustments, which it watches to redraw
 * the frame and sets to move the view.
 *
 * It keeps out of the way: it follows the "show-minimap" setting, and it
 * moves to another corner of the canvas when it would cover the card
 * being edited in place (the canvas's card editor, found among its
 * children) or what the canvas says a drag is showing under the pointer
 * (cjm_minimap_set_avoid()). It stays in the corner it moved to until it
 * has to move again, so it does not jump back and forth.
 */

#define G_LOG_DOMAIN "CjmCanvas"

#include "config.h"

#include <math.h>

#include "cjm-application.h"
#include "cjm-card-editor.h"
#include "cjm-minimap.h"
#include "cjm-render.h"

#define MAX_WIDTH  220.0
#define MAX_HEIGHT 160.0
#define MARGIN     12.0
/* Room kept between the minimap and what it keeps clear of. */
#define CLEARANCE  16.0

/* The corners it can sit in, in the order it tries them. "End" is the
 * side where the map ends (right, or left in a right-to-left map). */
typedef enum {
  CORNER_BOTTOM_END,
  CORNER_BOTTOM_START,
  CORNER_TOP_END,
  CORNER_TOP_START,
  N_CORNERS
} Corner;

struct _CjmMinimap
{
  GtkWidget     parent_instance;

  CjmCanvas    *canvas;          /* weak: the canvas is our parent */
  GSignalGroup *hadjustment_signals;
  GSignalGroup *vadjustment_signals;
  GtkGesture   *drag;

  GdkTexture     *texture;
  gboolean        texture_dirty;
  CjmStyleScheme  texture_scheme;   /* the paper the texture was drawn on */

  GSettings    *settings;
  gboolean      shown;           /* the user's choice: the "shown" property */
  Corner        corner;
  gboolean      has_avoid;
  graphene_rect_t avoid;         /* in the canvas's coordinates */
  GtkAllocation placed;          /* where it was last placed */
  gboolean      is_placed;
};

G_DEFINE_FINAL_TYPE (CjmMinimap, cjm_minimap, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CANVAS,
  PROP_SHOWN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Static helpers */

static CjmLayout *
get_layout (CjmMinimap *self,
            double     *mw,
            double     *mh)
{
  CjmLayout *layout = self->canvas ? cjm_canvas_get_layout (self->canvas) : NULL;

  *mw = *mh = 0;
  if (layout != NULL)
    cjm_layout_get_size (layout, mw, mh);
  return layout;
}

/* The texture's size: the map, scaled to fit MAX_WIDTH × MAX_HEIGHT. */
static double
get_scale (double  mw,
           double  mh,
           double *tw,
           double *th)
{
  double scale = MIN (MAX_WIDTH / mw, MAX_HEIGHT / mh);

  *tw = ceil (mw * scale);
  *th = ceil (mh * scale);
  return scale;
}

static void
corner_allocation (Corner         corner,
                   gboolean       rtl,
                   int            canvas_width,
                   int            canvas_height,
                   int            width,
                   int            height,
                   GtkAllocation *allocation)
{
  gboolean end = corner == CORNER_BOTTOM_END || corner == CORNER_TOP_END;
  gboolean right = rtl ? !end : end;
  gboolean bottom = corner == CORNER_BOTTOM_END || corner == CORNER_BOTTOM_START;

  allocation->x = (int) (right ? canvas_width - width - MARGIN : MARGIN);
  allocation->y = (int) (bottom ? canvas_height - height - MARGIN : MARGIN);
  allocation->width = width;
  allocation->height = height;
}

static gboolean
allocation_meets (const GtkAllocation   *allocation,
                  const graphene_rect_t *rect)
{
  graphene_rect_t a = GRAPHENE_RECT_INIT (allocation->x - CLEARANCE, allocation->y - CLEARANCE,
                                          allocation->width + 2 * CLEARANCE,
                                          allocation->height + 2 * CLEARANCE);

  return graphene_rect_intersection (&a, rect, NULL);
}

/* The card being edited in place, in the canvas's coordinates: the
 * canvas's card editor is one of its children. */
static gboolean
get_edited_rect (CjmMinimap      *self,
                 graphene_rect_t *rect)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->canvas));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      CjmItem *item;

      if (!CJM_IS_CARD_EDITOR (child))
        continue;
      item = cjm_card_editor_get_item (CJM_CARD_EDITOR (child));
      if (item == NULL || !cjm_canvas_get_item_widget_rect (self->canvas, item, rect))
        return FALSE;
      /* The field is at least 180 px wide and a line taller than the title. */
      graphene_rect_inset (rect, -MAX (0, (180 - rect->size.width) / 2) - 8, -8);
      return TRUE;
    }
  return FALSE;
}

/* Blocks of colour, not text: lane rows, cards, header bands. */
static GdkTexture *
draw_texture (CjmLayout      *layout,
              CjmStyleScheme  scheme,
              double          scale,
              int             tw,
              int             th)
{
  const CjmStyleColors *colors = cjm_style_get_colors (scheme);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, tw, th);
  cairo_t *cr = cairo_create (surface);
  GdkTexture *texture;
  GBytes *bytes;
  CjmRect rect;

  cairo_scale (cr, scale, scale);
  cairo_set_source_rgb (cr, colors->paper.red, colors->paper.green, colors->paper.blue);
  cairo_paint (cr);
  for (guint i = 0; i < cjm_layout_get_n_lanes (layout); i++)
    {
      const CjmLayoutLane *lane = cjm_layout_get_lane (layout, i);
      CjmColor color;

      cjm_style_colors_get_lane_color (colors, lane->kind,
                                       cjm_item_get_field (lane->item, CJM_FIELD_CHANNEL), &color);
      cairo_set_source_rgba (cr, color.red, color.green, color.blue, color.alpha);
      cairo_rectangle (cr, lane->row.x, lane->row.y, lane->row.width, lane->row.height);
      cairo_fill (cr);
    }
  cairo_set_source_rgb (cr, colors->text_faint.red, colors->text_faint.green,
                        colors->text_faint.blue);
  cjm_layout_get_stage_band (layout, &rect);
  cairo_rectangle (cr, rect.x, rect.y, rect.width, rect.height);
  cjm_layout_get_lane_band (layout, &rect);
  cairo_rectangle (cr, rect.x, rect.y, rect.width, rect.height);
  cairo_fill (cr);
  for (guint i = 0; i < cjm_layout_get_n_cards (layout); i++)
    {
      const CjmLayoutCard *card = cjm_layout_get_card (layout, i);
      CjmColor color;
      CjmLaneKind kind = card->lane ? cjm_item_get_lane_kind (card->lane) : CJM_LANE_UNKNOWN;
      const char *channel = card->lane ? cjm_item_get_field (card->lane, CJM_FIELD_CHANNEL) : NULL;

      cjm_style_colors_get_lane_accent (colors, kind, channel, &color);
      cairo_set_source_rgba (cr, color.red, color.green, color.blue, 1);
      cairo_rectangle (cr, card->rect.x, card->rect.y, card->rect.width, card->rect.height);
      cairo_fill (cr);
    }
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      cairo_image_surface_get_stride (surface) * th,
                                      (GDestroyNotify) cairo_surface_destroy,
                                      cairo_surface_reference (surface));
  texture = gdk_memory_texture_new (tw, th, GDK_MEMORY_DEFAULT, bytes,
                                    cairo_image_surface_get_stride (surface));
  g_bytes_unref (bytes);
  cairo_surface_destroy (surface);
  return texture;
}

/* Moves the canvas's view so that the map point under (x, y) is in its
 * middle. */
static void
center_view_on (CjmMinimap *self,
                double      x,
                double      y)
{
  GtkScrollable *scrollable = GTK_SCROLLABLE (self->canvas);
  GtkAdjustment *hadjustment = gtk_scrollable_get_hadjustment (scrollable);
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (scrollable);
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double mw, mh, wx, wy;

  if (get_layout (self, &mw, &mh) == NULL || width <= 0 || height <= 0)
    return;
  cjm_canvas_map_to_widget (self->canvas, x / width * mw, y / height * mh, &wx, &wy);
  gtk_adjustment_set_value (hadjustment, gtk_adjustment_get_value (hadjustment) + wx
                                         - gtk_widget_get_width (GTK_WIDGET (self->canvas)) / 2.0);
  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_value (vadjustment) + wy
                                         - gtk_widget_get_height (GTK_WIDGET (self->canvas)) / 2.0);
}

static void
bind_adjustments (CjmMinimap *self)
{
  GtkScrollable *scrollable = self->canvas ? GTK_SCROLLABLE (self->canvas) : NULL;

  g_signal_group_set_target (self->hadjustment_signals,
                             scrollable ? gtk_scrollable_get_hadjustment (scrollable) : NULL);
  g_signal_group_set_target (self->vadjustment_signals,
                             scrollable ? gtk_scrollable_get_vadjustment (scrollable) : NULL);
}

/* Callbacks */

static void
on_view_changed (CjmMinimap *self)
{
  /* The frame of the part in view moved; the picture did not. */
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_canvas_notify_adjustment (CjmMinimap *self)
{
  bind_adjustments (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               CjmMinimap     *self)
{
  /* Like a press anywhere on the canvas: the keyboard goes to it, and a
   * title being edited is committed. */
  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
  center_view_on (self, x, y);
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          offset_x,
                double          offset_y,
                CjmMinimap     *self)
{
  double x, y;

  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  center_view_on (self, x + offset_x, y + offset_y);
}

static void
on_drag_end (GtkGestureDrag *gesture,
             double          offset_x,
             double          offset_y,
             CjmMinimap     *self)
{
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
}

/* GtkWidget */

static void
cjm_minimap_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  CjmMinimap *self = CJM_MINIMAP (widget);
  double mw, mh, tw = 0, th = 0;

  if (get_layout (self, &mw, &mh) != NULL && mw > 0 && mh > 0)
    get_scale (mw, mh, &tw, &th);
  *minimum = *natural = (int) (orientation == GTK_ORIENTATION_HORIZONTAL ? tw : th);
}

static void
cjm_minimap_snapshot (GtkWidget   *widget,
                      GtkSnapshot *snapshot)
{
  CjmMinimap *self = CJM_MINIMAP (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  graphene_rect_t r = GRAPHENE_RECT_INIT (0, 0, width, height);
  double mw, mh, sx, sy, x0, y0, x1, y1, tw, th, scale;
  CjmLayout *layout = get_layout (self, &mw, &mh);
  GskRoundedRect outline;
  GdkRGBA frame = { 0.2, 0.2, 0.2, 0.5 };
  GdkRGBA view = { 0.21, 0.52, 0.89, 1.0 };
  GdkRGBA shade = { 0.21, 0.52, 0.89, 0.15 };

  if (layout == NULL || mw <= 0 || mh <= 0 || width <= 0 || height <= 0)
    return;

  if (self->texture_dirty || self->texture == NULL
      || self->texture_scheme != cjm_canvas_get_style_scheme (self->canvas)
      || gdk_texture_get_width (self->texture) != width
      || gdk_texture_get_height (self->texture) != height)
    {
      scale = get_scale (mw, mh, &tw, &th);
      g_clear_object (&self->texture);
      self->texture_scheme = cjm_canvas_get_style_scheme (self->canvas);
      self->texture = draw_texture (layout, self->texture_scheme, scale, width, height);
      self->texture_dirty = FALSE;
    }

  sx = width / mw;
  sy = height / mh;

  gtk_snapshot_push_opacity (snapshot, 0.92);
  gtk_snapshot_append_texture (snapshot, self->texture, &r);
  gtk_snapshot_pop (snapshot);
  gsk_rounded_rect_init_from_rect (&outline, &r, 0);
  gtk_snapshot_append_border (snapshot, &outline, (float[4]) { 1, 1, 1, 1 },
                              (GdkRGBA[4]) { frame, frame, frame, frame });

  /* The part of the map in the canvas's view. */
  cjm_canvas_widget_to_map (self->canvas, 0, 0, &x0, &y0);
  cjm_canvas_widget_to_map (self->canvas, gtk_widget_get_width (GTK_WIDGET (self->canvas)),
                            gtk_widget_get_height (GTK_WIDGET (self->canvas)), &x1, &y1);
  {
    graphene_rect_t v = GRAPHENE_RECT_INIT (x0 * sx, y0 * sy, (x1 - x0) * sx, (y1 - y0) * sy);

    graphene_rect_intersection (&v, &r, &v);
    gtk_snapshot_append_color (snapshot, &shade, &v);
    gsk_rounded_rect_init_from_rect (&outline, &v, 0);
    gtk_snapshot_append_border (snapshot, &outline, (float[4]) { 2, 2, 2, 2 },
                                (GdkRGBA[4]) { view, view, view, view });
  }
}

/* GObject */

static void
cjm_minimap_constructed (GObject *object)
{
  CjmMinimap *self = CJM_MINIMAP (object);

  G_OBJECT_CLASS (cjm_minimap_parent_class)->constructed (object);

  g_return_if_fail (self->canvas != NULL);
  g_signal_connect_object (self->canvas, "notify::hadjustment",
                           G_CALLBACK (on_canvas_notify_adjustment), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->canvas, "notify::vadjustment",
                           G_CALLBACK (on_canvas_notify_adjustment), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->canvas, "notify::zoom",
                           G_CALLBACK (on_view_changed), self, G_CONNECT_SWAPPED);
  bind_adjustments (self);
}

static void
cjm_minimap_dispose (GObject *object)
{
  CjmMinimap *self = CJM_MINIMAP (object);

  if (self->hadjustment_signals != NULL)
    g_signal_group_set_target (self->hadjustment_signals, NULL);
  if (self->vadjustment_signals != NULL)
    g_signal_group_set_target (self->vadjustment_signals, NULL);
  g_clear_object (&self->hadjustment_signals);
  g_clear_object (&self->vadjustment_signals);
  g_clear_object (&self->texture);
  g_clear_object (&self->settings);
  g_clear_weak_pointer (&self->canvas);

  G_OBJECT_CLASS (cjm_minimap_parent_class)->dispose (object);
}

static void
cjm_minimap_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CjmMinimap *self = CJM_MINIMAP (object);

  switch (prop_id)
    {
    case PROP_CANVAS:
      g_value_set_object (value, self->canvas);
      break;
    case PROP_SHOWN:
      g_value_set_boolean (value, self->shown);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cjm_minimap_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CjmMinimap *self = CJM_MINIMAP (object);

  switch (prop_id)
    {
    case PROP_CANVAS:
      g_set_weak_pointer (&self->canvas, g_value_get_object (value));
      break;
    case PROP_SHOWN:
      cjm_minimap_set_shown (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cjm_minimap_class_init (CjmMinimapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cjm_minimap_constructed;
  object_class->dispose = cjm_minimap_dispose;
  object_class->get_property = cjm_minimap_get_property;
  object_class->set_property = cjm_minimap_set_property;

  widget_class->measure = cjm_minimap_measure;
  widget_class->snapshot = cjm_minimap_snapshot;

  properties[PROP_CANVAS] =
    g_param_spec_object ("canvas", NULL, NULL, CJM_TYPE_CANVAS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOWN] =
    g_param_spec_boolean ("shown", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "cjm-minimap");
}

static void
cjm_minimap_init (CjmMinimap *self)
{
  self->texture_dirty = TRUE;
  self->shown = TRUE;
  self->corner = CORNER_BOTTOM_END;

  /* The user's choice, remembered (the view menu and the preferences). */
  self->settings = cjm_application_dup_settings ();
  if (self->settings != NULL)
    g_settings_bind (self->settings, "show-minimap", self, "shown", G_SETTINGS_BIND_GET);

  self->hadjustment_signals = g_signal_group_new (GTK_TYPE_ADJUSTMENT);
  self->vadjustment_signals = g_signal_group_new (GTK_TYPE_ADJUSTMENT);
  for (guint i = 0; i < 2; i++)
    {
      GSignalGroup *group = i == 0 ? self->hadjustment_signals : self->vadjustment_signals;

      g_signal_group_connect_object (group, "value-changed", G_CALLBACK (on_view_changed), self,
                                     G_CONNECT_SWAPPED);
      g_signal_group_connect_object (group, "changed", G_CALLBACK (on_view_changed), self,
                                     G_CONNECT_SWAPPED);
    }

  self->drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (self->drag), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (self->drag, "drag-begin", G_CALLBACK (on_drag_begin), self, 0);
  g_signal_connect_object (self->drag, "drag-update", G_CALLBACK (on_drag_update), self, 0);
  g_signal_connect_object (self->drag, "drag-end", G_CALLBACK (on_drag_end), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->drag));

  /* A pointer's shortcut: the keyboard moves the view with the canvas. */
  gtk_widget_set_can_focus (GTK_WIDGET (self), FALSE);
}

/* Public API */

GtkWidget *
cjm_minimap_new (CjmCanvas *canvas)
{
  g_return_val_if_fail (CJM_IS_CANVAS (canvas), NULL);
  return g_object_new (CJM_TYPE_MINIMAP, "canvas", canvas, NULL);
}

CjmCanvas *
cjm_minimap_get_canvas (CjmMinimap *self)
{
  g_return_val_if_fail (CJM_IS_MINIMAP (self), NULL);
  return self->canvas;
}

void
cjm_minimap_invalidate (CjmMinimap *self)
{
  g_return_if_fail (CJM_IS_MINIMAP (self));

  self->texture_dirty = TRUE;
  /* Its size follows the map's. */
  gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
cjm_minimap_is_dragging (CjmMinimap *self)
{
  g_return_val_if_fail (CJM_IS_MINIMAP (self), FALSE);
  return gtk_gesture_is_active (self->drag);
}

gboolean
cjm_minimap_get_placement (CjmMinimap    *self,
                           int            canvas_width,
                           int            canvas_height,
                           GtkAllocation *allocation)
{
  CjmLayout *layout;
  graphene_rect_t edited;
  gboolean has_edited;
  double mw, mh, zoom;
  int width, height;

  g_return_val_if_fail (CJM_IS_MINIMAP (self), FALSE);
  g_return_val_if_fail (allocation != NULL, FALSE);

  self->is_placed = FALSE;
  layout = get_layout (self, &mw, &mh);
  if (!self->shown || layout == NULL || mw <= 0 || mh <= 0)
    return FALSE;
  zoom = cjm_canvas_get_zoom (self->canvas);
  if ((mw * zoom <= canvas_width && mh * zoom <= canvas_height)
      || canvas_width < 3 * MAX_WIDTH || canvas_height < 2 * MAX_HEIGHT)
    return FALSE;

  /* Its natural size, in the bottom corner at the map's end side unless
   * that covers the card being edited or dragged: then the first corner
   * that does not. */
  gtk_widget_measure (GTK_WIDGET (self), GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (self), GTK_ORIENTATION_VERTICAL, -1, NULL, &height, NULL, NULL);
  has_edited = get_edited_rect (self, &edited);
  for (guint i = 0; i < N_CORNERS; i++)
    {
      Corner corner = (self->corner + i) % N_CORNERS;

      corner_allocation (corner, cjm_layout_is_rtl (layout), canvas_width, canvas_height,
                         width, height, allocation);
      if ((has_edited && allocation_meets (allocation, &edited))
          || (self->has_avoid && allocation_meets (allocation, &self->avoid)))
        continue;
      self->corner = corner;
      break;
    }
  corner_allocation (self->corner, cjm_layout_is_rtl (layout), canvas_width, canvas_height,
                     width, height, allocation);
  self->placed = *allocation;
  self->is_placed = TRUE;
  return TRUE;
}

gboolean
cjm_minimap_get_shown (CjmMinimap *self)
{
  g_return_val_if_fail (CJM_IS_MINIMAP (self), FALSE);
  return self->shown;
}

void
cjm_minimap_set_shown (CjmMinimap *self,
                       gboolean    shown)
{
  g_return_if_fail (CJM_IS_MINIMAP (self));

  shown = !!shown;
  if (self->shown == shown)
    return;
  self->shown = shown;
  if (self->canvas != NULL)
    gtk_widget_queue_allocate (GTK_WIDGET (self->canvas));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWN]);
}

void
cjm_minimap_set_avoid (CjmMinimap            *self,
                       const graphene_rect_t *rect)
{
  g_return_if_fail (CJM_IS_MINIMAP (self));

  self->has_avoid = rect != NULL;
  if (rect == NULL)
    return;
  self->avoid = *rect;
  /* Placed again only when it is in the way: it stays where it is
   * otherwise. */
  if (self->is_placed && allocation_meets (&self->placed, rect) && self->canvas != NULL)
    gtk_widget_queue_allocate (GTK_WIDGET (self->canvas));
}
