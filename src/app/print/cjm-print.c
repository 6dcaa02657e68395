/* cjm-print.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Printing a map: a GtkPrintOperation that plans the pages when printing
 * begins, for the paper chosen in the dialog, and draws them from the
 * page plan; the paper printed on is kept in the map (one undo step).
 * The preview window is cjm-print-preview.c.
 */

#define G_LOG_DOMAIN "CjmPrint"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "cjm-application.h"
#include "cjm-print.h"

/* What a print operation prints (its "cjm-print-job" data). */
typedef struct {
  CjmDocument  *document;
  GPtrArray    *findings;
  CjmPageSetup  setup;         /* the map's, at the start */
  CjmPageSetup  used;          /* with the dialog's paper and orientation */
  CjmPagePlan  *plan;
} PrintJob;

/* Print settings last used in this session (printer, copies …). */
static GtkPrintSettings *session_settings;

static const char * const paper_names[CJM_N_PAPERS] = {
  GTK_PAPER_NAME_A4, GTK_PAPER_NAME_A3, "iso_a2", GTK_PAPER_NAME_LETTER, "na_ledger",
};

/* Static helpers */

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

static void
print_job_free (gpointer data)
{
  PrintJob *job = data;

  g_clear_object (&job->document);
  g_clear_pointer (&job->findings, g_ptr_array_unref);
  g_clear_object (&job->plan);
  g_free (job);
}

/* Callbacks */

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

/* Public API */

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

GPtrArray *
cjm_print_dup_findings (CjmDocument *document,
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

void
cjm_print_setup_for_document (CjmPageSetup *setup,
                              CjmDocument  *document)
{
  g_autoptr(GSettings) settings = cjm_application_dup_settings ();

  g_return_if_fail (setup != NULL);
  g_return_if_fail (CJM_IS_DOCUMENT (document));

  cjm_page_setup_init (setup);
  if (settings != NULL)
    {
      g_autofree char *paper = g_settings_get_string (settings, "default-paper");
      g_autofree char *orientation = g_settings_get_string (settings, "default-orientation");

      cjm_paper_from_string (paper, &setup->paper);
      setup->landscape = g_strcmp0 (orientation, "portrait") != 0;
    }
  cjm_page_setup_apply_document (setup, document);
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
  job->findings = cjm_print_dup_findings (document, checker);
  cjm_print_setup_for_document (&job->setup, document);
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
