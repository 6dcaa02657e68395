/* cjm-print.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CjmPrint"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "cjm-print.h"

/* Print settings last used in this session (printer, copies …). */
static GtkPrintSettings *session_settings;

static const char * const paper_names[CJM_N_PAPERS] = {
  GTK_PAPER_NAME_A4, GTK_PAPER_NAME_A3, "iso_a2", GTK_PAPER_NAME_LETTER, "na_ledger",
};

GtkPaperSize *
cjm_print_paper_size_new (CjmPaper paper)
{
  g_return_val_if_fail (paper < CJM_N_PAPERS, NULL);
  return gtk_paper_size_new (paper_names[paper]);
}

gboolean
cjm_print_paper_from_gtk (GtkPaperSize *size,
                          CjmPaper     *paper)
{
  double w, h;

  g_return_val_if_fail (size != NULL, FALSE);

  w = gtk_paper_size_get_width (size, GTK_UNIT_MM);
  h = gtk_paper_size_get_height (size, GTK_UNIT_MM);
  for (guint i = 0; i < CJM_N_PAPERS; i++)
    {
      double pw, ph;

      cjm_paper_get_size_mm (i, &pw, &ph);
      if ((fabs (w - pw) < 2 && fabs (h - ph) < 2) || (fabs (w - ph) < 2 && fabs (h - pw) < 2))
        {
          if (paper)
            *paper = i;
          return TRUE;
        }
    }
  return FALSE;
}

static GtkPageSetup *
page_setup_new (const CjmPageSetup *setup)
{
  GtkPageSetup *page_setup = gtk_page_setup_new ();
  GtkPaperSize *size = cjm_print_paper_size_new (setup->paper);

  gtk_page_setup_set_paper_size_and_default_margins (page_setup, size);
  gtk_page_setup_set_orientation (page_setup, setup->landscape ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                               : GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_paper_size_free (size);
  return page_setup;
}

static gpointer
ref_finding (gconstpointer finding,
             gpointer      data)
{
  return g_object_ref ((gpointer) finding);
}

static GPtrArray *
dup_findings (CjmDocument *document,
              CjmChecker  *checker)
{
  if (checker != NULL)
    {
      /* the checker's array changes with the document: keep a copy */
      GPtrArray *copy = g_ptr_array_copy (cjm_checker_get_all (checker), ref_finding, NULL);

      g_ptr_array_set_free_func (copy, g_object_unref);
      return copy;
    }
  return cjm_check_document (document);
}

/* The print operation */

typedef struct {
  CjmDocument  *document;
  GPtrArray    *findings;
  CjmPageSetup  setup;         /* the map's, at the start */
  CjmPageSetup  used;          /* with the dialog's paper and orientation */
  CjmPagePlan  *plan;
} PrintJob;

static void
print_job_free (gpointer data)
{
  PrintJob *job = data;

  g_clear_object (&job->document);
  g_clear_pointer (&job->findings, g_ptr_array_unref);
  g_clear_object (&job->plan);
  g_free (job);
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  GtkPageSetup *page_setup = gtk_print_context_get_page_setup (context);
  GtkPageOrientation orientation = gtk_page_setup_get_orientation (page_setup);
  PangoContext *pango_context;

  /* the paper chosen in the dialog, when it is one the map knows */
  job->used = job->setup;
  cjm_print_paper_from_gtk (gtk_page_setup_get_paper_size (page_setup), &job->used.paper);
  job->used.landscape = orientation == GTK_PAGE_ORIENTATION_LANDSCAPE ||
                        orientation == GTK_PAGE_ORIENTATION_REVERSE_LANDSCAPE;

  pango_context = gtk_print_context_create_pango_context (context);
  g_clear_object (&job->plan);
  job->plan = cjm_page_plan_new (job->document, &job->used, job->findings, pango_context);
  g_object_unref (pango_context);
  gtk_print_operation_set_n_pages (operation, cjm_page_plan_get_n_pages (job->plan));
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              PrintJob          *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double cw = gtk_print_context_get_width (context);
  double ch = gtk_print_context_get_height (context);
  double pw, ph, s;

  cjm_page_plan_get_page_size (job->plan, &pw, &ph);
  /* the plan's sheet, fitted to the paper the printer reports */
  s = MIN (cw / pw, ch / ph);
  cairo_save (cr);
  cairo_translate (cr, (cw - pw * s) / 2, (ch - ph * s) / 2);
  cairo_scale (cr, s, s);
  cjm_page_plan_draw_page (job->plan, cr, page_nr);
  cairo_restore (cr);
}

static void
on_done (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         PrintJob                *job)
{
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      g_set_object (&session_settings, gtk_print_operation_get_print_settings (operation));

      /* keep the paper that was printed on with the map */
      if (job->used.paper != job->setup.paper || job->used.landscape != job->setup.landscape)
        cjm_page_setup_to_document (&job->used, job->document);
    }
}

GtkPrintOperation *
cjm_print_operation_new (CjmDocument *document,
                         CjmChecker  *checker)
{
  GtkPrintOperation *operation;
  g_autoptr(GtkPageSetup) page_setup = NULL;
  g_autofree char *name = NULL;
  PrintJob *job;

  g_return_val_if_fail (CJM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (checker == NULL || CJM_IS_CHECKER (checker), NULL);

  job = g_new0 (PrintJob, 1);
  job->document = g_object_ref (document);
  job->findings = dup_findings (document, checker);
  cjm_page_setup_from_document (&job->setup, document);
  job->used = job->setup;

  operation = gtk_print_operation_new ();
  g_object_set_data_full (G_OBJECT (operation), "cjm-print-job", job, print_job_free);

  page_setup = page_setup_new (&job->setup);
  gtk_print_operation_set_default_page_setup (operation, page_setup);
  if (session_settings != NULL)
    gtk_print_operation_set_print_settings (operation, session_settings);
  /* the plan draws its own margins */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  name = cjm_document_dup_display_name (document);
  gtk_print_operation_set_job_name (operation, name);

  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), job);
  g_signal_connect (operation, "done", G_CALLBACK (on_done), job);

  return operation;
}

static void
on_async_done (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               GtkWindow               *parent)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      AdwMessageDialog *dialog;

      gtk_print_operation_get_error (operation, &error);
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Could Not Print"),
                                                           error ? error->message : NULL));
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
  g_object_unref (operation);
}

GtkPrintOperationResult
cjm_print_run (CjmDocument              *document,
               CjmChecker               *checker,
               GtkWindow                *parent,
               GtkPrintOperationAction   action,
               const char               *export_filename,
               GError                  **error)
{
  GtkPrintOperation *operation;
  GtkPrintOperationResult result;

  g_return_val_if_fail (CJM_IS_DOCUMENT (document), GTK_PRINT_OPERATION_RESULT_ERROR);
  g_return_val_if_fail (action != GTK_PRINT_OPERATION_ACTION_EXPORT || export_filename != NULL,
                        GTK_PRINT_OPERATION_RESULT_ERROR);

  operation = cjm_print_operation_new (document, checker);
  if (export_filename != NULL)
    gtk_print_operation_set_export_filename (operation, export_filename);

  if (parent != NULL && action != GTK_PRINT_OPERATION_ACTION_EXPORT)
    {
      gtk_print_operation_set_allow_async (operation, TRUE);
      g_signal_connect (operation, "done", G_CALLBACK (on_async_done), parent);
      /* "done" unrefs the operation, whether it went asynchronous or not */
      return gtk_print_operation_run (operation, action, parent, error);
    }

  result = gtk_print_operation_run (operation, action, parent, error);
  g_object_unref (operation);
  return result;
}

/* The preview */

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
  g_autoptr(GPtrArray) findings = dup_findings (self->document, self->checker);
  const char *title = cjm_item_get_field (cjm_document_get_map (self->document), CJM_FIELD_TITLE);

  g_clear_object (&self->plan);
  self->plan = cjm_page_plan_new (self->document, NULL, findings,
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
on_document_changed (CjmPrintPreview *self,
                     CjmChange       *change)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild_idle, self);
}

/* A control changed: store the whole setup in the map (one undo step). */
static void
on_setup_control_changed (CjmPrintPreview *self)
{
  CjmPageSetup setup;

  if (self->updating)
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

static GtkWidget *
combo_row (const char         *title,
           const char * const *choices,
           AdwComboRow       **out)
{
  GtkStringList *list = gtk_string_list_new (choices);
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_combo_row_set_model (row, G_LIST_MODEL (list));
  g_object_unref (list);
  *out = row;
  return GTK_WIDGET (row);
}

static GtkWidget *
spin_row (const char     *title,
          const char     *subtitle,
          double          max,
          GtkSpinButton **out)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (0, max, 1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  *out = GTK_SPIN_BUTTON (spin);
  return row;
}

static GtkWidget *
switch_row (const char  *title,
            const char  *subtitle,
            GtkSwitch  **out)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *sw = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
  *out = GTK_SWITCH (sw);
  return row;
}

static void
build_ui (CjmPrintPreview *self)
{
  static const char * const papers[] = { "A4", "A3", "A2", "Letter", "Tabloid", NULL };
  const char *orientations[] = { _("Landscape"), _("Portrait"), NULL };
  const char *fits[] = { _("Whole map on one page"), _("Fit the width"), _("Actual size or sheets"), NULL };
  GtkWidget *toolbar, *header, *nav, *print_button, *content, *side, *page, *group;

  toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  adw_window_set_content (ADW_WINDOW (self), toolbar);

  header = adw_header_bar_new ();
  self->title = ADW_WINDOW_TITLE (adw_window_title_new (_("Print Preview"), NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));
  gtk_box_append (GTK_BOX (toolbar), header);

  nav = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->prev_button = gtk_button_new_from_icon_name ("go-previous-symbolic");
  gtk_widget_set_tooltip_text (self->prev_button, _("Previous Page"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->prev_button), "preview.previous");
  self->next_button = gtk_button_new_from_icon_name ("go-next-symbolic");
  gtk_widget_set_tooltip_text (self->next_button, _("Next Page"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->next_button), "preview.next");
  self->page_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->page_label, "numeric");
  gtk_box_append (GTK_BOX (nav), self->prev_button);
  gtk_box_append (GTK_BOX (nav), self->page_label);
  gtk_box_append (GTK_BOX (nav), self->next_button);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), nav);

  print_button = gtk_button_new_with_mnemonic (_("_Print…"));
  gtk_widget_add_css_class (print_button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (print_button), "preview.print");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), print_button);

  content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_vexpand (content, TRUE);
  gtk_box_append (GTK_BOX (toolbar), content);

  /* the page setup, stored in the map */
  side = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (side), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  /* a narrow column: the pages get the rest */
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (side), FALSE);
  gtk_widget_set_size_request (side, 360, -1);
  gtk_widget_set_hexpand (side, FALSE);
  page = adw_preferences_page_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (side), page);
  gtk_box_append (GTK_BOX (content), side);
  gtk_box_append (GTK_BOX (content), gtk_separator_new (GTK_ORIENTATION_VERTICAL));

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Paper"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), combo_row (_("_Size"), papers, &self->paper_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             combo_row (_("_Orientation"), orientations, &self->orientation_row));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Layout"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), combo_row (_("_Fit"), fits, &self->fit_row));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  group = adw_preferences_group_new ();
  self->tiles_group = group;
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Sheets"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Tile the map over several sheets to glue together. "
                                           "0 × 0 prints at actual size."));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             spin_row (_("Sheets _across"), NULL, 20, &self->columns_spin));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             spin_row (_("Sheets _down"), NULL, 20, &self->rows_spin));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             spin_row (_("O_verlap"), _("Millimetres shared by neighbouring sheets"), 50,
                                       &self->overlap_spin));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Pages"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             switch_row (_("_Cover page"), _("Personas and a summary of the findings"),
                                         &self->cover_switch));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             switch_row (_("Ac_tion plan"),
                                         _("The opportunities in the order to act on them"),
                                         &self->plan_switch));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             switch_row (_("Findings _appendix"), _("Every finding, with the cards it names"),
                                         &self->appendix_switch));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             switch_row (_("Finding _badges"), _("A count on each card a finding names"),
                                         &self->findings_switch));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  /* the pages */
  self->area = gtk_drawing_area_new ();
  gtk_widget_set_hexpand (self->area, TRUE);
  gtk_widget_set_vexpand (self->area, TRUE);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->area), draw_area, self, NULL);
  gtk_box_append (GTK_BOX (content), self->area);

  g_signal_connect_swapped (self->paper_row, "notify::selected", G_CALLBACK (on_setup_control_changed), self);
  g_signal_connect_swapped (self->orientation_row, "notify::selected", G_CALLBACK (on_setup_control_changed), self);
  g_signal_connect_swapped (self->fit_row, "notify::selected", G_CALLBACK (on_setup_control_changed), self);
  g_signal_connect_swapped (self->columns_spin, "value-changed", G_CALLBACK (on_setup_control_changed), self);
  g_signal_connect_swapped (self->rows_spin, "value-changed", G_CALLBACK (on_setup_control_changed), self);
  g_signal_connect_swapped (self->overlap_spin, "value-changed", G_CALLBACK (on_setup_control_changed), self);
  g_signal_connect_swapped (self->cover_switch, "notify::active", G_CALLBACK (on_setup_control_changed), self);
  g_signal_connect_swapped (self->plan_switch, "notify::active",
                            G_CALLBACK (on_setup_control_changed), self);
  g_signal_connect_swapped (self->appendix_switch, "notify::active", G_CALLBACK (on_setup_control_changed), self);
  g_signal_connect_swapped (self->findings_switch, "notify::active", G_CALLBACK (on_setup_control_changed), self);
}

static void
cjm_print_preview_dispose (GObject *object)
{
  CjmPrintPreview *self = CJM_PRINT_PREVIEW (object);

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
  gtk_window_set_title (GTK_WINDOW (self), _("Print Preview"));
  gtk_window_set_default_size (GTK_WINDOW (self), 1180, 780);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  build_ui (self);
}

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
