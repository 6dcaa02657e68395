/* cjm-canvas.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The canvas widget: follows the document, keeps a CjmLayout up to date,
 * caches one render node per part of the map (card, header, lane row,
 * emotion lane) recorded at the part's own origin, and each frame places
 * the cached nodes that are in view under one zoom transform. Only the
 * parts that a change names (or whose size changed) are recorded again.
 * Input lives in cjm-canvas-input.c, document edits in cjm-canvas-edit.c.
 */

#define G_LOG_DOMAIN "CjmCanvas"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "cjm-canvas-private.h"

static void cjm_canvas_scrollable_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CjmCanvas, cjm_canvas, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE,
                                                      cjm_canvas_scrollable_init))

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_CHECKER,
  PROP_ZOOM,
  N_PROPS,
  /* GtkScrollable */
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

enum {
  SELECTION_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];


static guint64
hash_columns (CjmLayout *layout)
{
  guint64 h = 1469598103934665603ull;
  guint n = cjm_layout_get_n_stages (layout);

  for (guint i = 0; i < n; i++)
    {
      const CjmLayoutStage *stage = cjm_layout_get_stage (layout, i);
      double values[4] = { stage->column.x, stage->column.width, stage->header.height,
                           (double) GPOINTER_TO_SIZE (stage->item) };

      for (guint j = 0; j < G_N_ELEMENTS (values); j++)
        {
          guint64 bits;

          memcpy (&bits, &values[j], sizeof bits);
          h = (h ^ bits) * 1099511628211ull;
        }
    }
  return h ^ n;
}

static gboolean
rect_is_empty (const CjmRect *rect)
{
  return rect->width <= 0 || rect->height <= 0;
}

static gboolean
is_card_kind (CjmKind kind)
{
  return kind == CJM_KIND_TOUCHPOINT || kind == CJM_KIND_NOTE || kind == CJM_KIND_OPPORTUNITY;
}

/* Scrolling */

static void
compute_origin (CjmCanvas *self,
                double     zoom,
                double    *ox,
                double    *oy)
{
  double mw = 0, mh = 0;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->layout != NULL)
    cjm_layout_get_size (self->layout, &mw, &mh);

  *ox = mw * zoom + 2 * CJM_CANVAS_MARGIN <= width
          ? floor ((width - mw * zoom) / 2) : CJM_CANVAS_MARGIN;
  *oy = mh * zoom + 2 * CJM_CANVAS_MARGIN <= height
          ? floor ((height - mh * zoom) / 2) : CJM_CANVAS_MARGIN;
}

static void
configure_adjustments (CjmCanvas *self,
                       double     hvalue,
                       double     vvalue)
{
  double mw = 0, mh = 0;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double upper_h, upper_v;

  if (self->layout != NULL)
    cjm_layout_get_size (self->layout, &mw, &mh);
  compute_origin (self, self->zoom, &self->origin_x, &self->origin_y);

  upper_h = MAX (mw * self->zoom + 2 * CJM_CANVAS_MARGIN, width);
  upper_v = MAX (mh * self->zoom + 2 * CJM_CANVAS_MARGIN, height);
  hvalue = CLAMP (hvalue, 0, MAX (0, upper_h - width));
  vvalue = CLAMP (vvalue, 0, MAX (0, upper_v - height));

  if (self->hadjustment != NULL)
    gtk_adjustment_configure (self->hadjustment, hvalue, 0, upper_h,
                              width * 0.1, width * 0.9, width);
  if (self->vadjustment != NULL)
    gtk_adjustment_configure (self->vadjustment, vvalue, 0, upper_v,
                              height * 0.1, height * 0.9, height);
}

static double
hscroll (CjmCanvas *self)
{
  return self->hadjustment ? gtk_adjustment_get_value (self->hadjustment) : 0;
}

static double
vscroll (CjmCanvas *self)
{
  return self->vadjustment ? gtk_adjustment_get_value (self->vadjustment) : 0;
}

static void
on_adjustment_value_changed (GtkAdjustment *adjustment,
                             CjmCanvas     *self)
{
  /* The in-place editor follows its card. */
  if (self->editor != NULL && !self->in_allocate)
    gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (CjmCanvas      *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment)
{
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  if (*slot == adjustment)
    return;
  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_func (*slot, on_adjustment_value_changed, self);
      g_object_unref (*slot);
    }
  *slot = g_object_ref_sink (adjustment);
  g_signal_connect (adjustment, "value-changed", G_CALLBACK (on_adjustment_value_changed), self);
  configure_adjustments (self, hscroll (self), vscroll (self));
}

/* Layout */

static void
fill_layout_options (CjmCanvas        *self,
                     CjmLayoutOptions *options)
{
  cjm_layout_options_init (options);
  options->rtl = -1;
  options->show_findings = self->checker != NULL;
  options->findings = self->checker ? cjm_checker_get_all (self->checker) : NULL;
  options->show_legend = FALSE;
}

void
cjm_canvas_ensure_layout (CjmCanvas *self)
{
  CjmLayoutOptions options;
  guint64 columns;

  if (self->document == NULL)
    return;

  if (self->layout == NULL)
    {
      fill_layout_options (self, &options);
      self->layout = cjm_layout_new (self->document, &options);
    }
  else if (self->layout_dirty || self->findings_dirty)
    {
      if (self->layout_dirty)
        cjm_layout_update (self->layout);
      /* Only the badges: the checker's findings changed. */
      if (self->findings_dirty)
        cjm_layout_set_findings (self->layout,
                                 self->checker ? cjm_checker_get_all (self->checker) : NULL);
    }
  else
    return;

  self->layout_dirty = FALSE;
  self->findings_dirty = FALSE;
  self->links_dirty = TRUE;
  self->tiles_stamp++;
  self->minimap_dirty = TRUE;
  g_clear_pointer (&self->unplaced_node, gsk_render_node_unref);

  columns = hash_columns (self->layout);
  if (columns != self->columns_hash)
    {
      self->columns_hash = columns;
      self->geometry_stamp++;
      self->curves_dirty = TRUE;
    }
}

/* Change tracking */

static void
forget_item (CjmCanvas *self,
             CjmItem   *item)
{
  guint index;

  g_hash_table_remove (self->card_nodes, item);
  g_hash_table_remove (self->stage_nodes, item);
  g_hash_table_remove (self->lane_nodes, item);
  g_hash_table_remove (self->row_nodes, item);
  g_hash_table_remove (self->curve_nodes, item);

  if (self->edit_item == item)
    cjm_canvas_stop_editing (self, FALSE);
  if (self->cursor == item)
    self->cursor = NULL;
  if (self->hover.item == item || self->hover.stage == item || self->hover.lane == item)
    memset (&self->hover, 0, sizeof self->hover);
  if (self->drag_mode != CJM_DRAG_NONE
      && (self->press_hit.item == item || self->press_hit.stage == item
          || self->press_hit.lane == item
          || (self->drag_items && g_ptr_array_find (self->drag_items, item, NULL))))
    cjm_canvas_cancel_drag (self);
  if (g_ptr_array_find (self->selection, item, &index))
    {
      g_ptr_array_remove_index (self->selection, index);
      g_signal_emit (self, signals[SELECTION_CHANGED], 0);
    }
}

static void
on_document_changed (CjmDocument *document,
                     CjmChange   *change,
                     CjmCanvas   *self)
{
  self->layout_dirty = TRUE;

  if (change->type == CJM_CHANGE_RELOADED)
    {
      cjm_canvas_cancel_drag (self);
      cjm_canvas_stop_editing (self, FALSE);
      cjm_canvas_clear_nodes (self);
      self->cursor = NULL;
      memset (&self->hover, 0, sizeof self->hover);
      if (self->selection->len > 0)
        {
          g_ptr_array_set_size (self->selection, 0);
          g_signal_emit (self, signals[SELECTION_CHANGED], 0);
        }
    }
  else
    {
      switch (change->kind)
        {
        case CJM_KIND_TOUCHPOINT:
        case CJM_KIND_NOTE:
        case CJM_KIND_OPPORTUNITY:
          g_hash_table_remove (self->card_nodes, change->item);
          if (change->kind == CJM_KIND_TOUCHPOINT)
            self->curves_dirty = TRUE;
          break;

        case CJM_KIND_STAGE:
        case CJM_KIND_LANE:
        case CJM_KIND_PERSONA:
        case CJM_KIND_MAP:
          /* Colours, names, numbering and direction show on many parts. */
          cjm_canvas_clear_nodes (self);
          break;

        case CJM_KIND_LINK:
          self->links_dirty = TRUE;
          break;

        case CJM_KIND_TERM:
        case CJM_KIND_SUPPRESSION:
        case CJM_N_KINDS:
        default:
          break;
        }

      if (change->type == CJM_CHANGE_ITEM_REMOVED)
        forget_item (self, change->item);
    }

  if (self->edit_item != NULL && change->item == self->edit_item
      && change->type == CJM_CHANGE_FIELD && change->field == self->edit_field)
    {
      /* Someone else (undo, the inspector) changed the text being edited. */
      if (!self->edit_done)
        cjm_canvas_stop_editing (self, FALSE);
    }

  gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_checker_items_changed (GListModel *model,
                          guint       position,
                          guint       removed,
                          guint       added,
                          CjmCanvas  *self)
{
  self->findings_dirty = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Editing helpers shared with the in-place editor */

static void
allocate_editor (CjmCanvas *self)
{
  graphene_rect_t rect;
  int min_h, nat_h;
  CjmRect title;
  const CjmLayoutCard *card;

  if (self->editor == NULL || self->edit_item == NULL)
    return;

  card = cjm_layout_lookup_card (self->layout, self->edit_item);
  if (card != NULL && !rect_is_empty (&card->title))
    {
      double x0, y0, x1, y1;

      title = card->title;
      cjm_canvas_map_to_widget (self, title.x, title.y, &x0, &y0);
      cjm_canvas_map_to_widget (self, title.x + title.width, title.y + title.height, &x1, &y1);
      rect = GRAPHENE_RECT_INIT (x0, y0, x1 - x0, y1 - y0);
    }
  else if (!cjm_canvas_get_item_widget_rect (self, self->edit_item, &rect))
    return;

  gtk_widget_measure (self->editor, GTK_ORIENTATION_VERTICAL, -1, &min_h, &nat_h, NULL, NULL);
  if (rect.size.height < nat_h)
    rect.size.height = nat_h;
  if (rect.size.width < 80)
    rect.size.width = 80;
  gtk_widget_size_allocate (self->editor,
                            &(GtkAllocation) { (int) rect.origin.x, (int) rect.origin.y,
                                               (int) rect.size.width, (int) rect.size.height },
                            -1);
}

/* GtkWidget */

static void
cjm_canvas_measure (GtkWidget      *widget,
                    GtkOrientation  orientation,
                    int             for_size,
                    int            *minimum,
                    int            *natural,
                    int            *minimum_baseline,
                    int            *natural_baseline)
{
  CjmCanvas *self = CJM_CANVAS (widget);
  double mw = 0, mh = 0;

  cjm_canvas_ensure_layout (self);
  if (self->layout != NULL)
    cjm_layout_get_size (self->layout, &mw, &mh);

  *minimum = 0;
  *natural = (int) ceil ((orientation == GTK_ORIENTATION_HORIZONTAL ? mw : mh) * self->zoom
                         + 2 * CJM_CANVAS_MARGIN);
  if (self->editor != NULL)
    {
      int m, n;

      gtk_widget_measure (self->editor, orientation, -1, &m, &n, NULL, NULL);
      *minimum = MAX (*minimum, m);
    }
}

static void
cjm_canvas_size_allocate (GtkWidget *widget,
                          int        width,
                          int        height,
                          int        baseline)
{
  CjmCanvas *self = CJM_CANVAS (widget);

  self->in_allocate = TRUE;
  cjm_canvas_ensure_layout (self);
  configure_adjustments (self, hscroll (self), vscroll (self));
  if (self->layout != NULL)
    cjm_canvas_update_minimap (self);
  allocate_editor (self);
  self->in_allocate = FALSE;
}

static void
cjm_canvas_snapshot (GtkWidget   *widget,
                     GtkSnapshot *snapshot)
{
  CjmCanvas *self = CJM_CANVAS (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GdkRGBA desk = dark ? (GdkRGBA) { 0.14, 0.14, 0.15, 1 } : (GdkRGBA) { 0.87, 0.87, 0.86, 1 };

  gtk_snapshot_append_color (snapshot, &desk, &GRAPHENE_RECT_INIT (0, 0, width, height));

  cjm_canvas_ensure_layout (self);
  if (self->layout == NULL)
    return;

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gtk_snapshot_save (snapshot);
  /* Device pixels from here: a translation only (see record_node()). */
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (self->origin_x - hscroll (self),
                                                          self->origin_y - vscroll (self)));
  cjm_canvas_snapshot_map (self, snapshot);
  /* Selection, hover, drop preview, drag ghosts. */
  cjm_canvas_snapshot_overlay (self, snapshot);
  gtk_snapshot_restore (snapshot);

  cjm_canvas_snapshot_minimap (self, snapshot);
  gtk_snapshot_pop (snapshot);

  if (self->editor != NULL)
    gtk_widget_snapshot_child (widget, self->editor, snapshot);
}

static void
cjm_canvas_css_changed (GtkWidget         *widget,
                        GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (cjm_canvas_parent_class)->css_changed (widget, change);
  gtk_widget_queue_draw (widget);
}

/* GObject */

static void
cjm_canvas_dispose (GObject *object)
{
  CjmCanvas *self = CJM_CANVAS (object);

  if (self->autoscroll_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->autoscroll_id);
      self->autoscroll_id = 0;
    }
  g_clear_pointer (&self->editor, gtk_widget_unparent);
  g_clear_object (&self->edit_item);
  /* Going away is not a selection change. */
  g_ptr_array_set_size (self->selection, 0);
  cjm_canvas_set_checker (self, NULL);
  cjm_canvas_set_document (self, NULL);
  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, on_adjustment_value_changed, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, on_adjustment_value_changed, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
  g_clear_object (&self->minimap);

  G_OBJECT_CLASS (cjm_canvas_parent_class)->dispose (object);
}

static void
cjm_canvas_finalize (GObject *object)
{
  CjmCanvas *self = CJM_CANVAS (object);

  g_hash_table_unref (self->card_nodes);
  g_hash_table_unref (self->stage_nodes);
  g_hash_table_unref (self->lane_nodes);
  g_hash_table_unref (self->row_nodes);
  g_hash_table_unref (self->curve_nodes);
  g_clear_pointer (&self->links_node, gsk_render_node_unref);
  g_clear_pointer (&self->unplaced_node, gsk_render_node_unref);
  g_clear_pointer (&self->corner_node, gsk_render_node_unref);
  g_clear_pointer (&self->tile_nodes, g_ptr_array_unref);
  g_ptr_array_unref (self->selection);
  g_clear_pointer (&self->drag_items, g_ptr_array_unref);
  g_clear_pointer (&self->band_base, g_ptr_array_unref);

  G_OBJECT_CLASS (cjm_canvas_parent_class)->finalize (object);
}

static void
cjm_canvas_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CjmCanvas *self = CJM_CANVAS (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_CHECKER:
      g_value_set_object (value, self->checker);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cjm_canvas_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CjmCanvas *self = CJM_CANVAS (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      cjm_canvas_set_document (self, g_value_get_object (value));
      break;
    case PROP_CHECKER:
      cjm_canvas_set_checker (self, g_value_get_object (value));
      break;
    case PROP_ZOOM:
      cjm_canvas_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      if (self->hscroll_policy != (guint) g_value_get_enum (value))
        {
          self->hscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_VSCROLL_POLICY:
      if (self->vscroll_policy != (guint) g_value_get_enum (value))
        {
          self->vscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cjm_canvas_scrollable_init (GtkScrollableInterface *iface)
{
}

static void
cjm_canvas_class_init (CjmCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cjm_canvas_dispose;
  object_class->finalize = cjm_canvas_finalize;
  object_class->get_property = cjm_canvas_get_property;
  object_class->set_property = cjm_canvas_set_property;

  widget_class->measure = cjm_canvas_measure;
  widget_class->size_allocate = cjm_canvas_size_allocate;
  widget_class->snapshot = cjm_canvas_snapshot;
  widget_class->css_changed = cjm_canvas_css_changed;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, CJM_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHECKER] =
    g_param_spec_object ("checker", NULL, NULL, CJM_TYPE_CHECKER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, CJM_CANVAS_MIN_ZOOM, CJM_CANVAS_MAX_ZOOM, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /**
   * CjmCanvas::selection-changed:
   *
   * The selection changed (cjm_canvas_get_selection()).
   */
  signals[SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "cjm-canvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  cjm_canvas_class_init_input (widget_class);
}

static void
cjm_canvas_init (CjmCanvas *self)
{
  self->zoom = 1.0;
  self->card_nodes = cjm_canvas_node_table_new ();
  self->stage_nodes = cjm_canvas_node_table_new ();
  self->lane_nodes = cjm_canvas_node_table_new ();
  self->row_nodes = cjm_canvas_node_table_new ();
  self->curve_nodes = cjm_canvas_node_table_new ();
  self->selection = g_ptr_array_new_with_free_func (g_object_unref);
  cjm_render_options_init (&self->render_options);
  self->render_options.draw_background = TRUE;
  self->render_options.draw_findings = TRUE;
  self->render_options.draw_link_labels = TRUE;
  self->render_options.print = FALSE;

  set_adjustment (self, &self->hadjustment, NULL);
  set_adjustment (self, &self->vadjustment, NULL);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Journey map"), -1);
  cjm_canvas_init_input (self);
}

/* Shared with the other canvas files */

void
cjm_canvas_get_visible_rect (CjmCanvas *self,
                             CjmRect   *rect)
{
  double x0, y0, x1, y1;

  cjm_canvas_widget_to_map (self, 0, 0, &x0, &y0);
  cjm_canvas_widget_to_map (self, gtk_widget_get_width (GTK_WIDGET (self)),
                            gtk_widget_get_height (GTK_WIDGET (self)), &x1, &y1);
  *rect = (CjmRect) { x0, y0, x1 - x0, y1 - y0 };
}

void
cjm_canvas_get_pin_offsets (CjmCanvas *self,
                            double    *dx,
                            double    *dy)
{
  CjmRect visible, grid, stages, lanes;

  *dx = *dy = 0;
  if (self->layout == NULL)
    return;

  cjm_canvas_get_visible_rect (self, &visible);
  cjm_layout_get_grid_rect (self->layout, &grid);
  cjm_layout_get_stage_band (self->layout, &stages);
  cjm_layout_get_lane_band (self->layout, &lanes);

  if (!rect_is_empty (&stages))
    *dy = CLAMP (visible.y - stages.y, 0, MAX (0, grid.y + grid.height - (stages.y + stages.height)));
  if (!rect_is_empty (&lanes))
    {
      if (cjm_layout_is_rtl (self->layout))
        *dx = CLAMP ((visible.x + visible.width) - (lanes.x + lanes.width),
                     MIN (0, grid.x - lanes.x), 0);
      else
        *dx = CLAMP (visible.x - lanes.x, 0,
                     MAX (0, grid.x + grid.width - (lanes.x + lanes.width)));
    }
}

CjmHitKind
cjm_canvas_hit_test (CjmCanvas *self,
                     double     wx,
                     double     wy,
                     CjmHit    *hit)
{
  double mx, my, dx, dy;
  CjmRect corner, stages, lanes;

  memset (hit, 0, sizeof *hit);
  hit->stage_index = hit->lane_index = -1;
  cjm_canvas_ensure_layout (self);
  if (self->layout == NULL || cjm_canvas_point_in_minimap (self, wx, wy))
    return CJM_HIT_NONE;

  cjm_canvas_widget_to_map (self, wx, wy, &mx, &my);
  cjm_canvas_get_pin_offsets (self, &dx, &dy);
  cjm_layout_get_corner_rect (self->layout, &corner);
  cjm_layout_get_stage_band (self->layout, &stages);
  cjm_layout_get_lane_band (self->layout, &lanes);

  if (cjm_rect_contains (&corner, mx - dx, my - dy))
    return cjm_layout_hit_test (self->layout, mx - dx, my - dy, hit);
  if (dy != 0 && cjm_rect_contains (&stages, mx, my - dy))
    return cjm_layout_hit_test (self->layout, mx, my - dy, hit);
  if (dx != 0 && cjm_rect_contains (&lanes, mx - dx, my))
    return cjm_layout_hit_test (self->layout, mx - dx, my, hit);
  return cjm_layout_hit_test (self->layout, mx, my, hit);
}

void
cjm_canvas_set_scroll (CjmCanvas *self,
                       double     h,
                       double     v)
{
  configure_adjustments (self, h, v);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
cjm_canvas_scroll_by (CjmCanvas *self,
                      double     dx,
                      double     dy)
{
  cjm_canvas_set_scroll (self, hscroll (self) + dx, vscroll (self) + dy);
}

void
cjm_canvas_set_zoom_at (CjmCanvas *self,
                        double     zoom,
                        double     wx,
                        double     wy)
{
  double mx, my, ox, oy;

  zoom = CLAMP (zoom, CJM_CANVAS_MIN_ZOOM, CJM_CANVAS_MAX_ZOOM);
  if (fabs (zoom - self->zoom) < 1e-6)
    return;

  cjm_canvas_widget_to_map (self, wx, wy, &mx, &my);
  self->zoom = zoom;
  /* Cached parts are recorded at the zoom: they are recorded again when
   * next drawn; tiles place them anew. */
  g_clear_pointer (&self->links_node, gsk_render_node_unref);
  g_clear_pointer (&self->unplaced_node, gsk_render_node_unref);
  g_clear_pointer (&self->corner_node, gsk_render_node_unref);
  self->links_dirty = TRUE;
  self->tiles_stamp++;
  compute_origin (self, zoom, &ox, &oy);
  configure_adjustments (self, mx * zoom + ox - wx, my * zoom + oy - wy);
  self->minimap_dirty = TRUE;
  if (self->layout != NULL)
    cjm_canvas_update_minimap (self);

  gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

void
cjm_canvas_scroll_to_rect (CjmCanvas     *self,
                           const CjmRect *rect)
{
  double x0, y0, x1, y1, pin_dx, pin_dy, h, v;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  CjmRect stages, lanes;
  double top = 0, start = 0, end = 0;

  if (self->layout == NULL)
    return;

  /* Keep clear of the pinned headers. */
  cjm_layout_get_stage_band (self->layout, &stages);
  cjm_layout_get_lane_band (self->layout, &lanes);
  top = stages.height * self->zoom;
  if (cjm_layout_is_rtl (self->layout))
    end = lanes.width * self->zoom;
  else
    start = lanes.width * self->zoom;
  (void) pin_dx;
  (void) pin_dy;

  cjm_canvas_map_to_widget (self, rect->x, rect->y, &x0, &y0);
  cjm_canvas_map_to_widget (self, rect->x + rect->width, rect->y + rect->height, &x1, &y1);
  h = hscroll (self);
  v = vscroll (self);
  if (x0 < start + 8)
    h += x0 - start - 8;
  else if (x1 > width - end - 8)
    h += MIN (x1 - (width - end - 8), x0 - start - 8);
  if (y0 < top + 8)
    v += y0 - top - 8;
  else if (y1 > height - 8)
    v += MIN (y1 - (height - 8), y0 - top - 8);
  cjm_canvas_set_scroll (self, h, v);
}

gboolean
cjm_canvas_is_selected (CjmCanvas *self,
                        CjmItem   *item)
{
  return item != NULL && g_ptr_array_find (self->selection, item, NULL);
}

void
cjm_canvas_set_selection (CjmCanvas *self,
                          GPtrArray *items)
{
  gboolean same = items->len == self->selection->len;

  for (guint i = 0; same && i < items->len; i++)
    same = g_ptr_array_index (items, i) == g_ptr_array_index (self->selection, i);
  if (same)
    return;

  g_ptr_array_set_size (self->selection, 0);
  for (guint i = 0; i < items->len; i++)
    if (!g_ptr_array_find (self->selection, g_ptr_array_index (items, i), NULL))
      g_ptr_array_add (self->selection, g_object_ref (g_ptr_array_index (items, i)));
  if (self->selection->len > 0)
    {
      CjmItem *last = g_ptr_array_index (self->selection, self->selection->len - 1);

      if (is_card_kind (cjm_item_get_kind (last)))
        self->cursor = last;
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

void
cjm_canvas_toggle_selected (CjmCanvas *self,
                            CjmItem   *item)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();

  for (guint i = 0; i < self->selection->len; i++)
    g_ptr_array_add (items, g_ptr_array_index (self->selection, i));
  if (!g_ptr_array_remove (items, item))
    g_ptr_array_add (items, item);
  cjm_canvas_set_selection (self, items);
}

/* Public API */

GtkWidget *
cjm_canvas_new (void)
{
  return g_object_new (CJM_TYPE_CANVAS, NULL);
}

CjmDocument *
cjm_canvas_get_document (CjmCanvas *self)
{
  g_return_val_if_fail (CJM_IS_CANVAS (self), NULL);
  return self->document;
}

void
cjm_canvas_set_document (CjmCanvas   *self,
                         CjmDocument *document)
{
  g_return_if_fail (CJM_IS_CANVAS (self));
  g_return_if_fail (!document || CJM_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  cjm_canvas_cancel_drag (self);
  cjm_canvas_stop_editing (self, FALSE);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (self->document, on_document_changed, self);
  g_set_object (&self->document, document);
  g_clear_object (&self->layout);
  cjm_canvas_clear_nodes (self);
  self->columns_hash = 0;
  self->cursor = NULL;
  memset (&self->hover, 0, sizeof self->hover);
  if (document != NULL)
    g_signal_connect_object (document, "changed", G_CALLBACK (on_document_changed), self, 0);

  if (self->selection->len > 0)
    {
      g_ptr_array_set_size (self->selection, 0);
      g_signal_emit (self, signals[SELECTION_CHANGED], 0);
    }
  configure_adjustments (self, 0, 0);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

CjmChecker *
cjm_canvas_get_checker (CjmCanvas *self)
{
  g_return_val_if_fail (CJM_IS_CANVAS (self), NULL);
  return self->checker;
}

void
cjm_canvas_set_checker (CjmCanvas  *self,
                        CjmChecker *checker)
{
  g_return_if_fail (CJM_IS_CANVAS (self));
  g_return_if_fail (!checker || CJM_IS_CHECKER (checker));

  if (self->checker == checker)
    return;

  if (self->checker != NULL)
    g_signal_handlers_disconnect_by_func (self->checker, on_checker_items_changed, self);
  g_set_object (&self->checker, checker);
  /* Badges need room: the layout is made again with the new options. */
  g_clear_object (&self->layout);
  cjm_canvas_clear_nodes (self);
  self->columns_hash = 0;
  if (checker != NULL)
    g_signal_connect_object (checker, "items-changed", G_CALLBACK (on_checker_items_changed),
                             self, 0);
  self->findings_dirty = TRUE;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKER]);
}

CjmLayout *
cjm_canvas_get_layout (CjmCanvas *self)
{
  g_return_val_if_fail (CJM_IS_CANVAS (self), NULL);
  cjm_canvas_ensure_layout (self);
  return self->layout;
}

GPtrArray *
cjm_canvas_get_selection (CjmCanvas *self)
{
  g_return_val_if_fail (CJM_IS_CANVAS (self), NULL);
  return self->selection;
}

void
cjm_canvas_select_items (CjmCanvas  *self,
                         CjmItem   **items,
                         guint       n_items,
                         gboolean    scroll_to)
{
  g_autoptr(GPtrArray) array = g_ptr_array_new ();

  g_return_if_fail (CJM_IS_CANVAS (self));

  for (guint i = 0; i < n_items; i++)
    if (self->document != NULL && cjm_document_index_of (self->document, items[i]) >= 0)
      g_ptr_array_add (array, items[i]);
  cjm_canvas_set_selection (self, array);
  if (scroll_to && array->len > 0)
    cjm_canvas_scroll_to_item (self, g_ptr_array_index (array, 0));
}

void
cjm_canvas_scroll_to_item (CjmCanvas *self,
                           CjmItem   *item)
{
  CjmRect rect;

  g_return_if_fail (CJM_IS_CANVAS (self));
  g_return_if_fail (CJM_IS_ITEM (item));

  cjm_canvas_ensure_layout (self);
  if (self->layout == NULL)
    return;
  if (cjm_item_get_kind (item) == CJM_KIND_STAGE || cjm_item_get_kind (item) == CJM_KIND_LANE)
    {
      /* Headers are pinned: scroll to the column or row instead. */
      if (!cjm_layout_get_item_rect (self->layout, item, &rect))
        return;
      if (cjm_item_get_kind (item) == CJM_KIND_STAGE)
        rect.height = 1;
      else
        rect.width = 1;
    }
  else if (!cjm_layout_get_item_rect (self->layout, item, &rect))
    return;
  cjm_canvas_scroll_to_rect (self, &rect);
}

double
cjm_canvas_get_zoom (CjmCanvas *self)
{
  g_return_val_if_fail (CJM_IS_CANVAS (self), 1.0);
  return self->zoom;
}

void
cjm_canvas_set_zoom (CjmCanvas *self,
                     double     zoom)
{
  g_return_if_fail (CJM_IS_CANVAS (self));
  cjm_canvas_set_zoom_at (self, zoom, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                          gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

static const double zoom_steps[] = {
  0.1, 0.15, 0.2, 0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0
};

void
cjm_canvas_zoom_in (CjmCanvas *self)
{
  g_return_if_fail (CJM_IS_CANVAS (self));

  for (guint i = 0; i < G_N_ELEMENTS (zoom_steps); i++)
    if (zoom_steps[i] > self->zoom + 1e-3)
      {
        cjm_canvas_set_zoom (self, zoom_steps[i]);
        return;
      }
}

void
cjm_canvas_zoom_out (CjmCanvas *self)
{
  g_return_if_fail (CJM_IS_CANVAS (self));

  for (int i = G_N_ELEMENTS (zoom_steps) - 1; i >= 0; i--)
    if (zoom_steps[i] < self->zoom - 1e-3)
      {
        cjm_canvas_set_zoom (self, zoom_steps[i]);
        return;
      }
}

void
cjm_canvas_zoom_fit (CjmCanvas *self)
{
  double mw, mh, zoom;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  g_return_if_fail (CJM_IS_CANVAS (self));

  cjm_canvas_ensure_layout (self);
  if (self->layout == NULL || width <= 0 || height <= 0)
    return;
  cjm_layout_get_size (self->layout, &mw, &mh);
  if (mw <= 0 || mh <= 0)
    return;
  zoom = MIN ((width - 2 * CJM_CANVAS_MARGIN) / mw, (height - 2 * CJM_CANVAS_MARGIN) / mh);
  zoom = CLAMP (zoom, CJM_CANVAS_MIN_ZOOM, CJM_CANVAS_MAX_ZOOM);
  cjm_canvas_set_zoom_at (self, zoom, width / 2.0, height / 2.0);
  configure_adjustments (self, 0, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
cjm_canvas_is_editing (CjmCanvas *self)
{
  g_return_val_if_fail (CJM_IS_CANVAS (self), FALSE);
  return self->editor != NULL;
}

void
cjm_canvas_map_to_widget (CjmCanvas *self,
                          double     mx,
                          double     my,
                          double    *wx,
                          double    *wy)
{
  g_return_if_fail (CJM_IS_CANVAS (self));
  *wx = mx * self->zoom + self->origin_x - hscroll (self);
  *wy = my * self->zoom + self->origin_y - vscroll (self);
}

void
cjm_canvas_widget_to_map (CjmCanvas *self,
                          double     wx,
                          double     wy,
                          double    *mx,
                          double    *my)
{
  g_return_if_fail (CJM_IS_CANVAS (self));
  *mx = (wx - self->origin_x + hscroll (self)) / self->zoom;
  *my = (wy - self->origin_y + vscroll (self)) / self->zoom;
}

gboolean
cjm_canvas_get_item_widget_rect (CjmCanvas       *self,
                                 CjmItem         *item,
                                 graphene_rect_t *rect)
{
  CjmRect r;
  double x0, y0, x1, y1, dx, dy;

  g_return_val_if_fail (CJM_IS_CANVAS (self), FALSE);
  g_return_val_if_fail (CJM_IS_ITEM (item), FALSE);

  cjm_canvas_ensure_layout (self);
  if (self->layout == NULL || !cjm_layout_get_item_rect (self->layout, item, &r))
    return FALSE;

  cjm_canvas_get_pin_offsets (self, &dx, &dy);
  if (cjm_item_get_kind (item) == CJM_KIND_STAGE)
    r.y += dy;
  else if (cjm_item_get_kind (item) == CJM_KIND_LANE)
    r.x += dx;

  cjm_canvas_map_to_widget (self, r.x, r.y, &x0, &y0);
  cjm_canvas_map_to_widget (self, r.x + r.width, r.y + r.height, &x1, &y1);
  *rect = GRAPHENE_RECT_INIT (x0, y0, x1 - x0, y1 - y0);
  return TRUE;
}
