/* cjm-xml-save.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Saving writes the bytes of cjm_document_serialize() through the atomic
 * file writer (cjm-file-writer.h), which keeps the previous file as FILE~
 * and, when saving over the file that was loaded, compares its etag with
 * the one from loading. Whatever fails, the original stays as it was and
 * the error says why.
 */

#define G_LOG_DOMAIN "cjm-format"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cjm-file-writer.h"
#include "cjm-xml-private.h"

/* The writer's error, said as a failed save. */
static void
set_save_error (GError     **error,
                GError      *cause)
{
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
    g_set_error_literal (error, CJM_DOCUMENT_ERROR, CJM_DOCUMENT_ERROR_CHANGED_ON_DISK,
                         cause->message);
  else
    g_set_error (error, CJM_DOCUMENT_ERROR, CJM_DOCUMENT_ERROR_WRITE,
                 _("%s. The file on disk was not changed."), cause->message);
}

/* Public API */

gboolean
cjm_document_write_to_stream (CjmDocument    *self,
                              GOutputStream  *stream,
                              GCancellable   *cancellable,
                              GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize written = 0;

  g_return_val_if_fail (CJM_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = cjm_document_serialize (self);
  if (g_output_stream_write_all (stream, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                 &written, cancellable, &local_error))
    return TRUE;

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    g_set_error (error, CJM_DOCUMENT_ERROR, CJM_DOCUMENT_ERROR_WRITE,
                 _("Could not write the map: %s"), local_error->message);
  return FALSE;
}

gboolean
cjm_document_save (CjmDocument   *self,
                   GFile         *file,
                   CjmSaveFlags   flags,
                   GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *etag = NULL;
  CjmFileWriterFlags writer_flags = CJM_FILE_WRITER_DEFAULT;

  g_return_val_if_fail (CJM_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Refuse to overwrite what someone else saved over the file we loaded. */
  if ((flags & CJM_SAVE_FORCE) == 0
      && cjm_document_get_file (self) != NULL
      && g_file_equal (file, cjm_document_get_file (self)))
    etag = cjm_document_get_etag (self);
  if ((flags & CJM_SAVE_NO_BACKUP) == 0)
    writer_flags |= CJM_FILE_WRITER_BACKUP;

  bytes = cjm_document_serialize (self);
  if (!cjm_file_writer_write_bytes (file, bytes, etag, writer_flags, NULL, &local_error))
    {
      set_save_error (error, local_error);
      return FALSE;
    }

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  cjm_document_set_file (self, file);
  cjm_document_set_etag (self, info != NULL ? g_file_info_get_etag (info) : NULL);
  cjm_document_set_clean (self);
  return TRUE;
}
