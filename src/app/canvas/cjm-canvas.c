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

gboolean
cjm_canvas_is_card (CjmItem *item)
{
  CjmKind kind = item ? cjm_item_get_kind (item) : CJM_KIND_MAP;

  return kind == CJM_KIND_TOUCHPOINT || kind == CJM_KIND_NOTE || kind == CJM_KIND_OPPORTUNITY;
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
  cjm_canvas_configure_adjustments (self);
  if (self->scroll_to_start && self->layout != NULL && width > 0)
    {
      self->scroll_to_start = FALSE;
      cjm_canvas_set_scroll (self, cjm_canvas_start_hscroll (self), 0);
    }
  if (self->layout != NULL)
    cjm_canvas_update_minimap (self);
  cjm_canvas_allocate_editor (self);
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
  {
    double ox, oy;

    cjm_canvas_map_to_widget (self, 0, 0, &ox, &oy);
    gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (ox, oy));
  }
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
    g_signal_handlers_disconnect_by_data (self->hadjustment, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->vadjustment, self);
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
      cjm_canvas_set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      cjm_canvas_set_adjustment (self, &self->vadjustment, g_value_get_object (value));
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
  cjm_canvas_class_init_keys (widget_class);
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

  cjm_canvas_set_adjustment (self, &self->hadjustment, NULL);
  cjm_canvas_set_adjustment (self, &self->vadjustment, NULL);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Journey map"), -1);
  cjm_canvas_init_input (self);
}

/* Shared with the other canvas files */








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

      if (cjm_canvas_is_card (last))
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

void
cjm_canvas_notify_zoom (CjmCanvas *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
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
  cjm_canvas_set_scroll (self, 0, 0);
  self->scroll_to_start = TRUE;
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







gboolean
cjm_canvas_is_editing (CjmCanvas *self)
{
  g_return_val_if_fail (CJM_IS_CANVAS (self), FALSE);
  return self->editor != NULL;
}



