/* cjm-recovery-dialog.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CjmDrafts"

#include "config.h"

#include <glib/gi18n.h>

#include "cjm-diff.h"
#include "cjm-drafts.h"
#include "cjm-recovery-dialog.h"

struct _CjmRecoveryDialog
{
  AdwMessageDialog  parent_instance;

  GPtrArray        *drafts;     /* CjmDraftInfo still offered */
  GPtrArray        *rows;       /* their rows, in the same order */

  /* Template widgets */
  GtkListBox       *list;
};

G_DEFINE_FINAL_TYPE (CjmRecoveryDialog, cjm_recovery_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* Static helpers */

/* "/home/ana/maps/onboarding.cjm", or what became of it. */
static char *
describe_file (CjmDraftInfo *info,
               CjmDocument **on_disk)
{
  g_autoptr(GFileInfo) file_info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  *on_disk = NULL;
  if (info->file == NULL)
    return g_strdup (_("Never saved"));

  name = g_file_get_parse_name (info->file);
  file_info = g_file_query_info (info->file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE,
                                 NULL, NULL);
  if (file_info == NULL)
    /* Translators: %s is a file's path */
    return g_strdup_printf (_("%s (no longer on disk)"), name);

  *on_disk = cjm_document_new_from_file (info->file, &error);
  if (*on_disk == NULL)
    g_debug ("Could not read %s to compare: %s", name, error->message);
  if (info->etag != NULL && g_strcmp0 (g_file_info_get_etag (file_info), info->etag) != 0)
    /* Translators: %s is a file's path */
    return g_strdup_printf (_("%s (changed on disk since)"), name);
  return g_steal_pointer (&name);
}

/* "Drafted today at 14:03 · 2 added, 0 removed, 5 changed" */
static char *
describe_changes (CjmDraftInfo *info,
                  CjmDocument  *on_disk)
{
  g_autoptr(CjmDocument) draft = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *when = NULL;
  g_autofree char *diff_text = NULL;
  CjmDiff diff;

  if (g_date_time_get_year (now) == g_date_time_get_year (info->saved)
      && g_date_time_get_day_of_year (now) == g_date_time_get_day_of_year (info->saved))
    /* Translators: a time of day, as in strftime() */
    when = g_date_time_format (info->saved, _("today at %H:%M"));
  else
    /* Translators: a date and time, as in strftime() */
    when = g_date_time_format (info->saved, _("%e %B %Y at %H:%M"));

  draft = cjm_document_new_from_file (info->draft, &error);
  if (draft == NULL)
    /* Translators: %s is "today at 14:03"; the draft could not be read */
    return g_strdup_printf (_("Drafted %s · unreadable: %s"), when, error->message);

  cjm_diff_documents (on_disk, draft, &diff);
  diff_text = cjm_diff_describe (&diff);
  /* Translators: "Drafted today at 14:03 · 2 added, 0 removed, 5 changed" */
  return g_strdup_printf (_("Drafted %s · %s"), when, diff_text);
}

static void answer_row (CjmRecoveryDialog *self,
                        GtkWidget         *row,
                        gboolean           recover);

static void
on_recover_clicked (GtkButton         *button,
                    CjmRecoveryDialog *self)
{
  answer_row (self, g_object_get_data (G_OBJECT (button), "cjm-row"), TRUE);
}

static void
on_discard_clicked (GtkButton         *button,
                    CjmRecoveryDialog *self)
{
  answer_row (self, g_object_get_data (G_OBJECT (button), "cjm-row"), FALSE);
}

static GtkWidget *
make_row (CjmRecoveryDialog *self,
          CjmDraftInfo      *info)
{
  g_autoptr(CjmDocument) on_disk = NULL;
  g_autofree char *file = describe_file (info, &on_disk);
  g_autofree char *changes = describe_changes (info, on_disk);
  g_autofree char *subtitle = g_strdup_printf ("%s\n%s", file, changes);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *recover;
  GtkWidget *discard;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 info->title ? info->title : _("Untitled journey"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  /* No ellipsis: the path and the counts are the point of the row. */
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

  discard = gtk_button_new_with_mnemonic (_("_Discard"));
  gtk_widget_set_valign (discard, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (discard, "flat");
  g_object_set_data (G_OBJECT (discard), "cjm-row", row);
  g_signal_connect_object (discard, "clicked", G_CALLBACK (on_discard_clicked), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), discard);

  recover = gtk_button_new_with_mnemonic (_("_Recover"));
  gtk_widget_set_valign (recover, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (recover), "cjm-row", row);
  g_signal_connect_object (recover, "clicked", G_CALLBACK (on_recover_clicked), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), recover);

  return row;
}

static void
answer_index (CjmRecoveryDialog *self,
              guint              index,
              gboolean           recover)
{
  CjmDraftInfo *info = g_ptr_array_index (self->drafts, index);
  GtkWidget *row = g_ptr_array_index (self->rows, index);
  g_autoptr(GError) error = NULL;

  if (!recover)
    cjm_draft_info_discard (info);
  else if (cjm_drafts_recover (GTK_APPLICATION (g_application_get_default ()), info,
                               &error) == NULL)
    {
      /* Kept on disk: it may be readable with a later version. */
      g_warning ("Could not recover the draft %s: %s", info->id, error->message);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), error->message);
      return;
    }

  gtk_list_box_remove (self->list, row);
  g_ptr_array_remove_index (self->rows, index);
  g_ptr_array_remove_index (self->drafts, index);
}

static void
answer_row (CjmRecoveryDialog *self,
            GtkWidget         *row,
            gboolean           recover)
{
  guint index;

  if (!g_ptr_array_find (self->rows, row, &index))
    return;
  answer_index (self, index, recover);
  if (self->rows->len == 0)
    gtk_window_close (GTK_WINDOW (self));
}

/* AdwMessageDialog */

static void
cjm_recovery_dialog_response (AdwMessageDialog *dialog,
                              const char       *response)
{
  CjmRecoveryDialog *self = CJM_RECOVERY_DIALOG (dialog);
  gboolean recover = g_strcmp0 (response, "recover-all") == 0;

  if (recover || g_strcmp0 (response, "discard-all") == 0)
    for (guint i = self->rows->len; i > 0; i--)
      answer_index (self, i - 1, recover);
}

/* GObject */

static void
cjm_recovery_dialog_dispose (GObject *object)
{
  CjmRecoveryDialog *self = CJM_RECOVERY_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CJM_TYPE_RECOVERY_DIALOG);
  g_clear_pointer (&self->drafts, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (cjm_recovery_dialog_parent_class)->dispose (object);
}

static void
cjm_recovery_dialog_class_init (CjmRecoveryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = cjm_recovery_dialog_dispose;
  dialog_class->response = cjm_recovery_dialog_response;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cjm-recovery-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CjmRecoveryDialog, list);
}

static void
cjm_recovery_dialog_init (CjmRecoveryDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}

/* Public API */

CjmRecoveryDialog *
cjm_recovery_dialog_new (GtkWindow *parent,
                         GPtrArray *drafts)
{
  CjmRecoveryDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (drafts != NULL, NULL);

  self = g_object_new (CJM_TYPE_RECOVERY_DIALOG, "transient-for", parent, NULL);
  self->drafts = g_ptr_array_ref (drafts);
  for (guint i = 0; i < drafts->len; i++)
    {
      GtkWidget *row = make_row (self, g_ptr_array_index (drafts, i));

      g_ptr_array_add (self->rows, row);
      gtk_list_box_append (self->list, row);
    }
  return self;
}

GtkWidget *
cjm_recovery_dialog_get_row (CjmRecoveryDialog *self,
                             guint              index)
{
  g_return_val_if_fail (CJM_IS_RECOVERY_DIALOG (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);

  return g_ptr_array_index (self->rows, index);
}

guint
cjm_recovery_dialog_get_n_rows (CjmRecoveryDialog *self)
{
  g_return_val_if_fail (CJM_IS_RECOVERY_DIALOG (self), 0);

  return self->rows->len;
}

void
cjm_recovery_dialog_answer (CjmRecoveryDialog *self,
                            guint              index,
                            gboolean           recover)
{
  g_return_if_fail (CJM_IS_RECOVERY_DIALOG (self));
  g_return_if_fail (index < self->rows->len);

  answer_row (self, g_ptr_array_index (self->rows, index), recover);
}
