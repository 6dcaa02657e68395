/* cjm-canvas.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The canvas widget: follows the document and the checker and tells
 * cjm-canvas-nodes.c what their changes made stale; keeps the selection;
 * sizes, places and draws its parts each frame (the cached map, the
 * overlay, and its two children: the minimap over a bottom corner and,
 * while a title is edited in place, the card editor over the item).
 * Input lives in cjm-canvas-input.c and cjm-canvas-gesture.c, the view in
 * cjm-canvas-view.c, document edits in cjm-canvas-edit.c.
 */

#define G_LOG_DOMAIN "CjmCanvas"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "cjm-canvas-private.h"
#include "cjm-minimap.h"

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

/* Static helpers */

/* An item left the document: nothing may point at it any more. */
static void
forget_item (CjmCanvas *self,
             CjmItem   *item)
{
  guint index;

  if (self->editor != NULL && cjm_card_editor_get_item (self->editor) == item)
    _cjm_canvas_stop_editing (self, FALSE);
  if (self->cursor == item)
    self->cursor = NULL;
  if (self->hover.item == item || self->hover.stage == item || self->hover.lane == item
      || self->hover.persona == item)
    memset (&self->hover, 0, sizeof self->hover);
  /* A link being drawn to a card that goes away ends on nothing. */
  if (self->link_target == item)
    self->link_target = NULL;
  if (self->drag_mode != CJM_DRAG_NONE
      && (self->press_hit.item == item || self->press_hit.stage == item
          || self->press_hit.lane == item || self->press_hit.persona == item
          || (self->drag_items && g_ptr_array_find (self->drag_items, item, NULL))))
    _cjm_canvas_cancel_drag (self);
  if (g_ptr_array_find (self->selection, item, &index))
    {
      g_ptr_array_remove_index (self->selection, index);
      g_signal_emit (self, signals[SELECTION_CHANGED], 0);
    }
}

/* The editor over the item: over the title, as wide as the card (or
 * header), never too narrow to type in; not past the canvas's edges. */
static void
allocate_editor (CjmCanvas *self,
                 int        canvas_width,
                 int        canvas_height)
{
  CjmItem *item;
  graphene_rect_t bounds, rect;
  int min_h, nat_h, min_w, nat_w;
  const CjmLayoutCard *card;
  double width;

  if (self->editor == NULL)
    return;
  item = cjm_card_editor_get_item (self->editor);
  if (!cjm_canvas_get_item_widget_rect (self, item, &bounds))
    return;

  rect = bounds;
  card = cjm_layout_lookup_card (self->layout, item);
  if (card != NULL && card->title.width > 0 && card->title.height > 0)
    {
      double x0, y0;

      cjm_canvas_map_to_widget (self, card->title.x, card->title.y, &x0, &y0);
      rect.origin.y = y0 - 4;
    }
  gtk_widget_measure (GTK_WIDGET (self->editor), GTK_ORIENTATION_VERTICAL, -1,
                      &min_h, &nat_h, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (self->editor), GTK_ORIENTATION_HORIZONTAL, -1,
                      &min_w, &nat_w, NULL, NULL);
  width = MAX (MAX (bounds.size.width - 8, 180), min_w);
  rect.origin.x = bounds.origin.x + (bounds.size.width - width) / 2;
  rect.origin.x = CLAMP (rect.origin.x, 4, MAX (4, canvas_width - width - 4));
  rect.origin.y = CLAMP (rect.origin.y, 4, MAX (4, canvas_height - nat_h - 4));
  gtk_widget_size_allocate (GTK_WIDGET (self->editor),
                            &(GtkAllocation) { (int) rect.origin.x, (int) rect.origin.y,
                                               (int) width, nat_h },
                            -1);
}

static void
allocate_minimap (CjmCanvas *self,
                  int        width,
                  int        height)
{
  GtkAllocation allocation;
  gboolean shown = cjm_minimap_get_placement (CJM_MINIMAP (self->minimap), width, height,
                                              &allocation);

  gtk_widget_set_child_visible (self->minimap, shown);
  if (shown)
    gtk_widget_size_allocate (self->minimap, &allocation, -1);
}

/* Callbacks */

static void
on_document_changed (CjmDocument *document,
                     CjmChange   *change,
                     CjmCanvas   *self)
{
  _cjm_canvas_invalidate_change (self, change);

  if (change->type == CJM_CHANGE_RELOADED)
    {
      _cjm_canvas_cancel_drag (self);
      _cjm_canvas_stop_editing (self, FALSE);
      self->cursor = NULL;
      memset (&self->hover, 0, sizeof self->hover);
      if (self->selection->len > 0)
        {
          g_ptr_array_set_size (self->selection, 0);
          g_signal_emit (self, signals[SELECTION_CHANGED], 0);
        }
    }
  else if (change->type == CJM_CHANGE_ITEM_REMOVED)
    forget_item (self, change->item);

  /* Someone else (undo, the inspector) changed the text being edited. */
  if (self->editor != NULL && change->type == CJM_CHANGE_FIELD
      && change->item == cjm_card_editor_get_item (self->editor)
      && change->field == cjm_card_editor_get_field (self->editor))
    _cjm_canvas_stop_editing (self, FALSE);

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
  _cjm_canvas_invalidate_findings (self);
  /* The layout is updated in the allocation, before the frame is drawn:
   * the minimap's size follows it (turning a rule off changes only the
   * findings). */
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
on_editor_done (CjmCardEditor *editor,
                gboolean       commit,
                CjmCanvas     *self)
{
  _cjm_canvas_stop_editing (self, commit);
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

  _cjm_canvas_ensure_layout (self);
  if (self->layout != NULL)
    cjm_layout_get_size (self->layout, &mw, &mh);

  *minimum = 0;
  *natural = (int) ceil ((orientation == GTK_ORIENTATION_HORIZONTAL ? mw : mh) * self->zoom
                         + 2 * CJM_CANVAS_MARGIN);
  if (self->editor != NULL)
    {
      int m, n;

      gtk_widget_measure (GTK_WIDGET (self->editor), orientation, -1, &m, &n, NULL, NULL);
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

  _cjm_canvas_ensure_layout (self);
  _cjm_canvas_allocate_view (self, width);
  allocate_minimap (self, width, height);
  allocate_editor (self, width, height);
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

  _cjm_canvas_ensure_layout (self);
  if (self->layout == NULL)
    {
      gtk_snapshot_append_color (snapshot, &desk, &GRAPHENE_RECT_INIT (0, 0, width, height));
      return;
    }

  /* The desk around the paper only: GL paints every layer over the whole
   * view each frame, so nothing is drawn twice where it can be helped. */
  {
    double mw, mh, px, py;
    graphene_rect_t view = GRAPHENE_RECT_INIT (0, 0, width, height), paper, inner;

    cjm_layout_get_size (self->layout, &mw, &mh);
    cjm_canvas_map_to_widget (self, 0, 0, &px, &py);
    paper = GRAPHENE_RECT_INIT (ceil (px), ceil (py), floor (px + mw * self->zoom) - ceil (px),
                                floor (py + mh * self->zoom) - ceil (py));
    if (!graphene_rect_intersection (&view, &paper, &inner))
      gtk_snapshot_append_color (snapshot, &desk, &view);
    else
      {
        float x0 = inner.origin.x, y0 = inner.origin.y;
        float x1 = x0 + inner.size.width, y1 = y0 + inner.size.height;

        if (y0 > 0)
          gtk_snapshot_append_color (snapshot, &desk, &GRAPHENE_RECT_INIT (0, 0, width, y0));
        if (y1 < height)
          gtk_snapshot_append_color (snapshot, &desk, &GRAPHENE_RECT_INIT (0, y1, width, height - y1));
        if (x0 > 0)
          gtk_snapshot_append_color (snapshot, &desk, &GRAPHENE_RECT_INIT (0, y0, x0, y1 - y0));
        if (x1 < width)
          gtk_snapshot_append_color (snapshot, &desk, &GRAPHENE_RECT_INIT (x1, y0, width - x1, y1 - y0));
      }
  }

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gtk_snapshot_save (snapshot);
  /* Device pixels from here: a translation only (see record_node()). */
  {
    double ox, oy;

    cjm_canvas_map_to_widget (self, 0, 0, &ox, &oy);
    gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (ox, oy));
  }
  _cjm_canvas_snapshot_map (self, snapshot);
  /* Selection, hover, drop preview, drag ghosts. */
  _cjm_canvas_snapshot_overlay (self, snapshot);
  gtk_snapshot_restore (snapshot);

  gtk_widget_snapshot_child (widget, self->minimap, snapshot);
  gtk_snapshot_pop (snapshot);

  if (self->editor != NULL)
    gtk_widget_snapshot_child (widget, GTK_WIDGET (self->editor), snapshot);
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
  if (self->editor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->editor, self);
      gtk_widget_unparent (GTK_WIDGET (g_steal_pointer (&self->editor)));
    }
  /* Going away is not a selection change. */
  g_ptr_array_set_size (self->selection, 0);
  cjm_canvas_set_checker (self, NULL);
  cjm_canvas_set_document (self, NULL);
  g_clear_pointer (&self->minimap, gtk_widget_unparent);
  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->hadjustment, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->vadjustment, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);

  G_OBJECT_CLASS (cjm_canvas_parent_class)->dispose (object);
}

static void
cjm_canvas_finalize (GObject *object)
{
  CjmCanvas *self = CJM_CANVAS (object);

  _cjm_canvas_finalize_nodes (self);
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
      _cjm_canvas_set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      _cjm_canvas_set_adjustment (self, &self->vadjustment, g_value_get_object (value));
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
  _cjm_canvas_class_init_keys (widget_class);
}

static void
cjm_canvas_init (CjmCanvas *self)
{
  self->zoom = 1.0;
  self->selection = g_ptr_array_new_with_free_func (g_object_unref);
  _cjm_canvas_init_nodes (self);

  _cjm_canvas_set_adjustment (self, &self->hadjustment, NULL);
  _cjm_canvas_set_adjustment (self, &self->vadjustment, NULL);

  self->minimap = cjm_minimap_new (self);
  gtk_widget_set_parent (self->minimap, GTK_WIDGET (self));

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Journey map"), -1);
  _cjm_canvas_init_input (self);
}

/* Shared with the other canvas files */

void
_cjm_canvas_notify_zoom (CjmCanvas *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

gboolean
_cjm_canvas_is_card (CjmItem *item)
{
  CjmKind kind = item ? cjm_item_get_kind (item) : CJM_KIND_MAP;

  return kind == CJM_KIND_TOUCHPOINT || kind == CJM_KIND_NOTE || kind == CJM_KIND_OPPORTUNITY;
}

gboolean
_cjm_canvas_is_selected (CjmCanvas *self,
                         CjmItem   *item)
{
  return item != NULL && g_ptr_array_find (self->selection, item, NULL);
}

void
_cjm_canvas_set_selection (CjmCanvas *self,
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

      if (_cjm_canvas_is_card (last))
        self->cursor = last;
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

void
_cjm_canvas_toggle_selected (CjmCanvas *self,
                             CjmItem   *item)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();

  for (guint i = 0; i < self->selection->len; i++)
    g_ptr_array_add (items, g_ptr_array_index (self->selection, i));
  if (!g_ptr_array_remove (items, item))
    g_ptr_array_add (items, item);
  _cjm_canvas_set_selection (self, items);
}

void
_cjm_canvas_stop_editing (CjmCanvas *self,
                          gboolean   commit)
{
  g_autoptr(CjmCardEditor) editor = NULL;
  g_autofree char *text = NULL;
  CjmItem *item;
  CjmField field;
  gboolean had_focus;

  if (self->editor == NULL)
    return;

  /* Not editing from here on: the edit below is not someone else's. */
  editor = g_object_ref (g_steal_pointer (&self->editor));
  g_signal_handlers_disconnect_by_data (editor, self);
  item = cjm_card_editor_get_item (editor);
  field = cjm_card_editor_get_field (editor);
  text = cjm_strip_text (cjm_card_editor_get_text (editor));
  had_focus = cjm_card_editor_has_focus (editor);

  if (commit && *text != '\0' && self->document != NULL
      && cjm_document_index_of (self->document, item) >= 0
      && g_strcmp0 (cjm_item_get_field (item, field), text) != 0)
    {
      cjm_document_begin_group (self->document, _("Rename"));
      cjm_document_set_field (self->document, item, field, text);
      cjm_document_end_group (self->document);
    }

  gtk_widget_unparent (GTK_WIDGET (editor));
  if (had_focus || gtk_widget_get_focus_child (GTK_WIDGET (self)) == NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
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

  _cjm_canvas_cancel_drag (self);
  _cjm_canvas_stop_editing (self, FALSE);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (self->document, on_document_changed, self);
  g_set_object (&self->document, document);
  _cjm_canvas_invalidate_all (self);
  self->cursor = NULL;
  memset (&self->hover, 0, sizeof self->hover);
  if (document != NULL)
    g_signal_connect_object (document, "changed", G_CALLBACK (on_document_changed), self, 0);

  if (self->selection->len > 0)
    {
      g_ptr_array_set_size (self->selection, 0);
      g_signal_emit (self, signals[SELECTION_CHANGED], 0);
    }
  _cjm_canvas_reset_scroll (self);
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
  _cjm_canvas_invalidate_all (self);
  if (checker != NULL)
    g_signal_connect_object (checker, "items-changed", G_CALLBACK (on_checker_items_changed),
                             self, 0);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKER]);
}

void
cjm_canvas_set_style_scheme (CjmCanvas      *self,
                             CjmStyleScheme  scheme)
{
  g_return_if_fail (CJM_IS_CANVAS (self));
  g_return_if_fail (scheme == CJM_STYLE_LIGHT || scheme == CJM_STYLE_DARK);

  if (self->render_options.scheme == scheme)
    return;
  self->render_options.scheme = scheme;
  /* Every cached part was recorded on the other paper. */
  _cjm_canvas_invalidate_all (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (self->minimap);
}

CjmStyleScheme
cjm_canvas_get_style_scheme (CjmCanvas *self)
{
  g_return_val_if_fail (CJM_IS_CANVAS (self), CJM_STYLE_LIGHT);
  return self->render_options.scheme;
}

CjmLayout *
cjm_canvas_get_layout (CjmCanvas *self)
{
  g_return_val_if_fail (CJM_IS_CANVAS (self), NULL);
  _cjm_canvas_ensure_layout (self);
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
  _cjm_canvas_set_selection (self, array);
  if (scroll_to && array->len > 0)
    cjm_canvas_scroll_to_item (self, g_ptr_array_index (array, 0));
}

void
cjm_canvas_edit_item (CjmCanvas *self,
                      CjmItem   *item)
{
  g_return_if_fail (CJM_IS_CANVAS (self));
  g_return_if_fail (CJM_IS_ITEM (item));

  _cjm_canvas_stop_editing (self, TRUE);
  if (self->document == NULL || cjm_document_index_of (self->document, item) < 0)
    return;
  _cjm_canvas_ensure_layout (self);
  if (!cjm_layout_get_item_rect (self->layout, item, &(CjmRect) { 0 }))
    return;

  cjm_canvas_scroll_to_item (self, item);
  self->editor = CJM_CARD_EDITOR (cjm_card_editor_new (item, cjm_kind_get_title_field (cjm_item_get_kind (item))));
  g_signal_connect_object (self->editor, "done", G_CALLBACK (on_editor_done), self, 0);
  gtk_widget_set_parent (GTK_WIDGET (self->editor), GTK_WIDGET (self));
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  cjm_card_editor_begin (self->editor);
}

gboolean
cjm_canvas_is_editing (CjmCanvas *self)
{
  g_return_val_if_fail (CJM_IS_CANVAS (self), FALSE);
  return self->editor != NULL;
}
