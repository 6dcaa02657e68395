/* cjm-export-dialog.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The export dialog: preference rows on the start side, the preview
 * (drawn by the renderer, on the light paper) on the end side. The widgets
 * are in cjm-export-dialog.ui.
 */

#define G_LOG_DOMAIN "CjmExport"

#include "config.h"

#include <glib/gi18n.h>

#include "cjm-application.h"
#include "cjm-export-dialog.h"
#include "cjm-map-image.h"
#include "cjm-page-plan.h"
#include "cjm-page-setup.h"
#include "cjm-print.h"

struct _CjmExportDialog
{
  AdwWindow         parent_instance;

  CjmDocument      *document;
  CjmChecker       *checker;
  GSettings        *settings;
  GtkFileChooserNative *chooser;

  AdwComboRow      *format_row;
  AdwComboRow      *paper_row;
  AdwComboRow      *orientation_row;
  AdwComboRow      *fit_row;
  AdwActionRow     *scale_row;
  GtkSpinButton    *scale_spin;
  GtkSwitch        *findings_switch;
  GtkWidget        *pdf_group;
  GtkPicture       *preview;
  GtkLabel         *size_label;
  GtkButton        *export_button;
};

enum {
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CjmExportDialog, cjm_export_dialog, ADW_TYPE_WINDOW)

static const char *format_names[] = { "pdf", "svg", "png" };

/* Helpers */

static GPtrArray *
current_findings (CjmExportDialog *self)
{
  return self->checker != NULL ? cjm_checker_get_all (self->checker) : NULL;
}

static void
read_setup (CjmExportDialog *self,
            CjmPageSetup    *setup)
{
  cjm_print_setup_for_document (setup, self->document);
  setup->paper = adw_combo_row_get_selected (self->paper_row);
  setup->landscape = adw_combo_row_get_selected (self->orientation_row) == 0;
  setup->fit = adw_combo_row_get_selected (self->fit_row) == 0 ? CJM_FIT_PAGE : CJM_FIT_WIDTH;
  setup->findings = gtk_switch_get_active (self->findings_switch);
}

/* Keeps the page setup in the map (one undoable step), only when it
 * differs from what the map says already. */
static void
remember (CjmExportDialog *self)
{
  CjmPageSetup old, setup;

  cjm_print_setup_for_document (&old, self->document);
  read_setup (self, &setup);
  if (old.paper != setup.paper || old.landscape != setup.landscape || old.fit != setup.fit
      || old.findings != setup.findings)
    cjm_page_setup_to_document (&setup, self->document);

  if (self->settings != NULL)
    {
      g_settings_set_string (self->settings, "export-format",
                             format_names[cjm_export_dialog_get_format (self)]);
      g_settings_set_double (self->settings, "export-scale",
                             gtk_spin_button_get_value (self->scale_spin));
      g_settings_set_boolean (self->settings, "export-findings",
                              gtk_switch_get_active (self->findings_switch));
    }
}

static void
update_preview (CjmExportDialog *self)
{
  gboolean findings = gtk_switch_get_active (self->findings_switch);
  g_autoptr(GdkTexture) texture = NULL;
  CjmExportFormat format = cjm_export_dialog_get_format (self);
  g_autofree char *size = NULL;

  texture = cjm_map_image_render (self->document, 0.5, NULL, findings ? current_findings (self) : NULL);
  gtk_picture_set_paintable (self->preview, GDK_PAINTABLE (texture));

  gtk_widget_set_visible (self->pdf_group, format == CJM_EXPORT_PDF);
  gtk_widget_set_visible (GTK_WIDGET (self->scale_row), format == CJM_EXPORT_PNG);
  if (format == CJM_EXPORT_PNG)
    {
      double scale = gtk_spin_button_get_value (self->scale_spin);

      /* Translators: the size of the exported picture in pixels */
      size = g_strdup_printf (_("About %d × %d pixels"),
                              (int) (gdk_texture_get_width (texture) * 2 * scale),
                              (int) (gdk_texture_get_height (texture) * 2 * scale));
    }
  gtk_label_set_text (self->size_label, size != NULL ? size : "");
}

/* Callbacks */

static void
on_changed (CjmExportDialog *self)
{
  /* Not while the template is built and cjm_export_dialog_new() sets the
   * rows up: the preview is drawn once, at the end of that. */
  if (self->document == NULL)
    return;
  update_preview (self);
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     CjmExportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;

      if (!cjm_export_dialog_write (self, file, &error))
        {
          AdwMessageDialog *dialog;

          dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                               _("Could Not Export the Map"),
                                                               error->message));
          adw_message_dialog_add_response (dialog, "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (dialog));
        }
      else
        gtk_window_destroy (GTK_WINDOW (self));
    }
  g_clear_object (&self->chooser);
}

static void
on_export_clicked (GtkButton       *button,
                   CjmExportDialog *self)
{
  CjmExportFormat format = cjm_export_dialog_get_format (self);
  const char *title = cjm_item_get_field (cjm_document_get_map (self->document), CJM_FIELD_TITLE);
  g_autofree char *stem = g_strdup (title != NULL && *title != '\0' ? title : _("Untitled journey"));
  g_autofree char *name = NULL;
  GFile *file = cjm_document_get_file (self->document);

  g_strdelimit (stem, "/\\", '-');
  name = g_strdup_printf ("%s.%s", stem, format_names[format]);
  self->chooser = gtk_file_chooser_native_new (_("Export Map"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  if (file != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (file);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
    }
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Vfuncs */

static void
cjm_export_dialog_dispose (GObject *object)
{
  CjmExportDialog *self = CJM_EXPORT_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->document);
  g_clear_object (&self->checker);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (cjm_export_dialog_parent_class)->dispose (object);
}

static void
cjm_export_dialog_class_init (CjmExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cjm_export_dialog_dispose;

  /**
   * CjmExportDialog::exported:
   * @file: the file written
   */
  signals[EXPORTED] = g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_FILE);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/journeyman/Journeyman/ui/"
                                               "cjm-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CjmExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, CjmExportDialog, paper_row);
  gtk_widget_class_bind_template_child (widget_class, CjmExportDialog, orientation_row);
  gtk_widget_class_bind_template_child (widget_class, CjmExportDialog, fit_row);
  gtk_widget_class_bind_template_child (widget_class, CjmExportDialog, scale_row);
  gtk_widget_class_bind_template_child (widget_class, CjmExportDialog, scale_spin);
  gtk_widget_class_bind_template_child (widget_class, CjmExportDialog, findings_switch);
  gtk_widget_class_bind_template_child (widget_class, CjmExportDialog, pdf_group);
  gtk_widget_class_bind_template_child (widget_class, CjmExportDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, CjmExportDialog, size_label);
  gtk_widget_class_bind_template_child (widget_class, CjmExportDialog, export_button);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked);
}

static void
cjm_export_dialog_init (CjmExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* For tests: the button that asks for the file. */
  g_object_set_data (G_OBJECT (self), "cjm-export-button", self->export_button);
}

/* Public API */

CjmExportDialog *
cjm_export_dialog_new (GtkWindow   *parent,
                       CjmDocument *document,
                       CjmChecker  *checker)
{
  CjmExportDialog *self;
  CjmPageSetup setup;
  guint format = CJM_EXPORT_PDF;
  double scale = 2;
  gboolean findings = FALSE;

  g_return_val_if_fail (CJM_IS_DOCUMENT (document), NULL);

  self = g_object_new (CJM_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->checker = checker != NULL ? g_object_ref (checker) : NULL;
  self->settings = cjm_application_dup_settings ();

  cjm_print_setup_for_document (&setup, document);
  if (self->settings != NULL)
    {
      g_autofree char *name = g_settings_get_string (self->settings, "export-format");

      for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
        if (g_strcmp0 (name, format_names[i]) == 0)
          format = i;
      scale = g_settings_get_double (self->settings, "export-scale");
      findings = g_settings_get_boolean (self->settings, "export-findings");
    }
  /* The map's own choice wins over the user's last one. */
  if (cjm_item_get_field (cjm_document_get_map (document), CJM_FIELD_FINDINGS) != NULL)
    findings = setup.findings;

  adw_combo_row_set_selected (self->format_row, format);
  adw_combo_row_set_selected (self->paper_row, setup.paper);
  adw_combo_row_set_selected (self->orientation_row, setup.landscape ? 0 : 1);
  adw_combo_row_set_selected (self->fit_row, setup.fit == CJM_FIT_WIDTH ? 1 : 0);
  gtk_spin_button_set_value (self->scale_spin, scale);
  gtk_switch_set_active (self->findings_switch, findings);

  /* From here on a change of the rows redraws the preview (on_changed). */
  self->document = g_object_ref (document);
  update_preview (self);
  return self;
}

CjmExportFormat
cjm_export_dialog_get_format (CjmExportDialog *self)
{
  g_return_val_if_fail (CJM_IS_EXPORT_DIALOG (self), CJM_EXPORT_PDF);
  return (CjmExportFormat) MIN (adw_combo_row_get_selected (self->format_row), CJM_EXPORT_PNG);
}

void
cjm_export_dialog_set_format (CjmExportDialog *self,
                              CjmExportFormat  format)
{
  g_return_if_fail (CJM_IS_EXPORT_DIALOG (self));
  adw_combo_row_set_selected (self->format_row, format);
}

gboolean
cjm_export_dialog_write (CjmExportDialog  *self,
                         GFile            *file,
                         GError          **error)
{
  g_autofree char *path = NULL;
  CjmExportFormat format;
  gboolean findings;
  gboolean ok;

  g_return_val_if_fail (CJM_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Cannot export to “%s”: only local files are supported"), uri);
      return FALSE;
    }

  format = cjm_export_dialog_get_format (self);
  findings = gtk_switch_get_active (self->findings_switch);
  if (format == CJM_EXPORT_PDF)
    {
      g_autoptr(CjmPagePlan) plan = NULL;
      CjmPageSetup setup;

      read_setup (self, &setup);
      plan = cjm_page_plan_new (self->document, &setup, current_findings (self), NULL);
      ok = cjm_page_plan_write_pdf (plan, path, error);
    }
  else
    ok = cjm_export_image (self->document, format, path,
                           gtk_spin_button_get_value (self->scale_spin),
                           current_findings (self), findings, error);
  if (!ok)
    return FALSE;

  remember (self);
  g_signal_emit (self, signals[EXPORTED], 0, file);
  return TRUE;
}
