/* cjm-print-preview.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The print preview window, a template (cjm-print-preview.ui): the page
 * plan rebuilt whenever the map changes (at idle), the current page drawn
 * into a cached image at the drawing area's size, and the page setup
 * controls, which show the plan's setup and store any change in the map.
 */

#define G_LOG_DOMAIN "CjmPrint"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "cjm-print.h"
#include "cjm-print-preview.h"

#define PREVIEW_MARGIN 28.0

struct _CjmPrintPreview
{
  AdwWindow         parent_instance;

  CjmDocument      *document;
  CjmChecker       *checker;
  CjmPagePlan      *plan;
  guint             page;
  guint             rebuild_id;
  gboolean          updating;

  /* a rendering of the current page at the current size */
  cairo_surface_t  *cache;
  guint             cache_page;
  int               cache_width;
  int               cache_height;

  /* Template widgets */
  GtkWidget        *area;
  GtkWidget        *page_label;
  GtkWidget        *prev_button;
  GtkWidget        *next_button;
  AdwWindowTitle   *title;
  AdwComboRow      *paper_row;
  AdwComboRow      *orientation_row;
  AdwComboRow      *fit_row;
  GtkWidget        *tiles_group;
  GtkSpinButton    *columns_spin;
  GtkSpinButton    *rows_spin;
  GtkSpinButton    *overlap_spin;
  GtkSwitch        *cover_switch;
  GtkSwitch        *plan_switch;
  GtkSwitch        *appendix_switch;
  GtkSwitch        *findings_switch;
};

G_DEFINE_FINAL_TYPE (CjmPrintPreview, cjm_print_preview, ADW_TYPE_WINDOW)

/* Static helpers */

static void
invalidate_cache (CjmPrintPreview *self)
{
  g_clear_pointer (&self->cache, cairo_surface_destroy);
}

static void
update_page_label (CjmPrintPreview *self)
{
  guint n = cjm_print_preview_get_n_pages (self);
  g_autofree char *label = NULL;
  g_autofree char *sheet = cjm_page_plan_dup_sheet_name (self->plan, self->page);

  if (sheet != NULL && cjm_page_plan_get_n_pages (self->plan) > 1)
    /* Translators: "Page 2 of 6 · Sheet B1" in the print preview */
    label = g_strdup_printf (_("Page %u of %u · Sheet %s"), self->page + 1, n, sheet);
  else
    label = g_strdup_printf (_("Page %u of %u"), self->page + 1, n);
  gtk_label_set_text (GTK_LABEL (self->page_label), label);
  gtk_widget_set_sensitive (self->prev_button, self->page > 0);
  gtk_widget_set_sensitive (self->next_button, self->page + 1 < n);
}

static void
sync_controls (CjmPrintPreview *self)
{
  const CjmPageSetup *setup = cjm_page_plan_get_setup (self->plan);

  self->updating = TRUE;
  adw_combo_row_set_selected (self->paper_row, setup->paper);
  adw_combo_row_set_selected (self->orientation_row, setup->landscape ? 0 : 1);
  adw_combo_row_set_selected (self->fit_row, setup->fit);
  gtk_spin_button_set_value (self->columns_spin, setup->tile_columns);
  gtk_spin_button_set_value (self->rows_spin, setup->tile_rows);
  gtk_spin_button_set_value (self->overlap_spin, setup->overlap_mm);
  gtk_switch_set_active (self->cover_switch, setup->cover);
  gtk_switch_set_active (self->plan_switch, setup->plan);
  gtk_switch_set_active (self->appendix_switch, setup->appendix);
  gtk_switch_set_active (self->findings_switch, setup->findings);
  gtk_widget_set_sensitive (self->tiles_group, setup->fit == CJM_FIT_NONE);
  self->updating = FALSE;
}

static void
rebuild (CjmPrintPreview *self)
{
  g_autoptr(GPtrArray) findings = cjm_print_dup_findings (self->document, self->checker);
  const char *title = cjm_item_get_field (cjm_document_get_map (self->document), CJM_FIELD_TITLE);
  CjmPageSetup setup;

  cjm_print_setup_for_document (&setup, self->document);
  g_clear_object (&self->plan);
  self->plan = cjm_page_plan_new (self->document, &setup, findings,
                                  gtk_widget_get_pango_context (GTK_WIDGET (self)));
  self->page = MIN (self->page, cjm_page_plan_get_n_pages (self->plan) - 1);
  adw_window_title_set_subtitle (self->title, title ? title : "");
  invalidate_cache (self);
  sync_controls (self);
  update_page_label (self);
  gtk_widget_queue_draw (self->area);
}

static gboolean
rebuild_idle (gpointer data)
{
  CjmPrintPreview *self = data;

  self->rebuild_id = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

static void
draw_area (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        data)
{
  CjmPrintPreview *self = data;
  double pw, ph, s, x, y;
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (area));
  int iw, ih;

  cairo_set_source_rgb (cr, 0xde / 255.0, 0xdd / 255.0, 0xda / 255.0);
  cairo_paint (cr);
  if (self->plan == NULL)
    return;

  cjm_page_plan_get_page_size (self->plan, &pw, &ph);
  s = MIN ((width - 2 * PREVIEW_MARGIN) / pw, (height - 2 * PREVIEW_MARGIN) / ph);
  if (s <= 0)
    return;
  iw = (int) ceil (pw * s);
  ih = (int) ceil (ph * s);
  x = floor ((width - iw) / 2.0);
  y = floor ((height - ih) / 2.0);

  if (self->cache == NULL || self->cache_page != self->page ||
      self->cache_width != iw * scale || self->cache_height != ih * scale)
    {
      cairo_t *page_cr;

      invalidate_cache (self);
      self->cache = cairo_image_surface_create (CAIRO_FORMAT_RGB24, iw * scale, ih * scale);
      page_cr = cairo_create (self->cache);
      cairo_scale (page_cr, s * scale, s * scale);
      cjm_page_plan_draw_page (self->plan, page_cr, self->page);
      cairo_destroy (page_cr);
      self->cache_page = self->page;
      self->cache_width = iw * scale;
      self->cache_height = ih * scale;
    }

  /* the sheet, lifted off the desk */
  cairo_set_source_rgba (cr, 0, 0, 0, 0.18);
  cairo_rectangle (cr, x + 2, y + 3, iw, ih);
  cairo_fill (cr);
  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, 1.0 / scale, 1.0 / scale);
  cairo_set_source_surface (cr, self->cache, 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);
}

/* Callbacks */

static void
on_document_changed (CjmPrintPreview *self,
                     CjmChange       *change)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild_idle, self);
}

/* A control changed: store the whole setup in the map (one undo step). */
/* A control changed: store the whole setup in the map (one undo step). */
static void
on_setup_control_changed (CjmPrintPreview *self)
{
  CjmPageSetup setup;

  /* Not while the controls are set from the plan, nor before there is one. */
  if (self->updating || self->plan == NULL)
    return;

  setup = *cjm_page_plan_get_setup (self->plan);
  setup.paper = MIN (adw_combo_row_get_selected (self->paper_row), CJM_N_PAPERS - 1);
  setup.landscape = adw_combo_row_get_selected (self->orientation_row) == 0;
  setup.fit = MIN (adw_combo_row_get_selected (self->fit_row), CJM_FIT_NONE);
  setup.tile_columns = gtk_spin_button_get_value_as_int (self->columns_spin);
  setup.tile_rows = gtk_spin_button_get_value_as_int (self->rows_spin);
  if (setup.tile_columns == 0 || setup.tile_rows == 0)
    setup.tile_columns = setup.tile_rows = 0;
  setup.overlap_mm = gtk_spin_button_get_value (self->overlap_spin);
  setup.cover = gtk_switch_get_active (self->cover_switch);
  setup.plan = gtk_switch_get_active (self->plan_switch);
  setup.appendix = gtk_switch_get_active (self->appendix_switch);
  setup.findings = gtk_switch_get_active (self->findings_switch);

  cjm_page_setup_to_document (&setup, self->document);
}

/* Actions */

static void
preview_action_previous (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CjmPrintPreview *self = CJM_PRINT_PREVIEW (widget);

  if (self->page > 0)
    cjm_print_preview_set_page (self, self->page - 1);
}

static void
preview_action_next (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CjmPrintPreview *self = CJM_PRINT_PREVIEW (widget);

  cjm_print_preview_set_page (self, self->page + 1);
}

static void
preview_action_print (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CjmPrintPreview *self = CJM_PRINT_PREVIEW (widget);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autoptr(GError) error = NULL;

  /* the dialog belongs to the map's window: the preview steps aside */
  gtk_window_close (GTK_WINDOW (self));
  cjm_print_run (self->document, self->checker, parent, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL, &error);
}

static void
preview_action_close (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* GObject */

static void
cjm_print_preview_dispose (GObject *object)
{
  CjmPrintPreview *self = CJM_PRINT_PREVIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CJM_TYPE_PRINT_PREVIEW);
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  invalidate_cache (self);
  g_clear_object (&self->plan);
  g_clear_object (&self->checker);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (cjm_print_preview_parent_class)->dispose (object);
}

static void
cjm_print_preview_class_init (CjmPrintPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cjm_print_preview_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cjm-print-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, CjmPrintPreview, area);
  gtk_widget_class_bind_template_child (widget_class, CjmPrintPreview, page_label);
  gtk_widget_class_bind_template_child (widget_class, CjmPrintPreview, prev_button);
  gtk_widget_class_bind_template_child (widget_class, CjmPrintPreview, next_button);
  gtk_widget_class_bind_template_child (widget_class, CjmPrintPreview, title);
  gtk_widget_class_bind_template_child (widget_class, CjmPrintPreview, paper_row);
  gtk_widget_class_bind_template_child (widget_class, CjmPrintPreview, orientation_row);
  gtk_widget_class_bind_template_child (widget_class, CjmPrintPreview, fit_row);
  gtk_widget_class_bind_template_child (widget_class, CjmPrintPreview, tiles_group);
  gtk_widget_class_bind_template_child (widget_class, CjmPrintPreview, columns_spin);
  gtk_widget_class_bind_template_child (widget_class, CjmPrintPreview, rows_spin);
  gtk_widget_class_bind_template_child (widget_class, CjmPrintPreview, overlap_spin);
  gtk_widget_class_bind_template_child (widget_class, CjmPrintPreview, cover_switch);
  gtk_widget_class_bind_template_child (widget_class, CjmPrintPreview, plan_switch);
  gtk_widget_class_bind_template_child (widget_class, CjmPrintPreview, appendix_switch);
  gtk_widget_class_bind_template_child (widget_class, CjmPrintPreview, findings_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_setup_control_changed);

  gtk_widget_class_install_action (widget_class, "preview.previous", NULL, preview_action_previous);
  gtk_widget_class_install_action (widget_class, "preview.next", NULL, preview_action_next);
  gtk_widget_class_install_action (widget_class, "preview.print", NULL, preview_action_print);
  gtk_widget_class_install_action (widget_class, "preview.close", NULL, preview_action_close);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "preview.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "preview.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "preview.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "preview.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "preview.close", NULL);
}

static void
cjm_print_preview_init (CjmPrintPreview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->area), draw_area, self, NULL);
}

/* Public API */

CjmPrintPreview *
cjm_print_preview_new (GtkWindow   *parent,
                       CjmDocument *document,
                       CjmChecker  *checker)
{
  CjmPrintPreview *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CJM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (checker == NULL || CJM_IS_CHECKER (checker), NULL);

  self = g_object_new (CJM_TYPE_PRINT_PREVIEW, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  self->checker = checker ? g_object_ref (checker) : NULL;
  g_signal_connect_object (document, "changed", G_CALLBACK (on_document_changed), self, G_CONNECT_SWAPPED);
  rebuild (self);
  return self;
}

guint
cjm_print_preview_get_page (CjmPrintPreview *self)
{
  g_return_val_if_fail (CJM_IS_PRINT_PREVIEW (self), 0);
  return self->page;
}

void
cjm_print_preview_set_page (CjmPrintPreview *self,
                            guint            page)
{
  g_return_if_fail (CJM_IS_PRINT_PREVIEW (self));

  page = MIN (page, cjm_print_preview_get_n_pages (self) - 1);
  if (page == self->page)
    return;
  self->page = page;
  update_page_label (self);
  gtk_widget_queue_draw (self->area);
}

guint
cjm_print_preview_get_n_pages (CjmPrintPreview *self)
{
  g_return_val_if_fail (CJM_IS_PRINT_PREVIEW (self), 0);
  return self->plan ? cjm_page_plan_get_n_pages (self->plan) : 0;
}

CjmPagePlan *
cjm_print_preview_get_plan (CjmPrintPreview *self)
{
  g_return_val_if_fail (CJM_IS_PRINT_PREVIEW (self), NULL);
  return self->plan;
}
