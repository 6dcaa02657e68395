/* cjm-xml-save.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Saving is atomic: the bytes of cjm_document_serialize() go to a
 * temporary file in the same folder, which is flushed to disk and then
 * renamed over the original; the previous file is kept as FILE~. Before
 * that, the file's etag is compared with the one from loading. Whatever
 * fails, the original stays as it was and the error says why.
 */

#define G_LOG_DOMAIN "cjm-format"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cjm-xml-private.h"

static void
set_save_error (GError     **error,
                const char  *display_name,
                const char  *what,
                int          errsv)
{
  g_set_error (error, CJM_DOCUMENT_ERROR, CJM_DOCUMENT_ERROR_WRITE,
               _("Could not save “%s”: %s: %s. The file on disk was not changed."),
               display_name, what, g_strerror (errsv));
}

static gboolean
write_all (int         fd,
           const char *data,
           gsize       len)
{
  while (len > 0)
    {
      gssize n = write (fd, data, MIN (len, (gsize) G_MAXSSIZE));

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          return FALSE;
        }
      data += n;
      len -= n;
    }
  return TRUE;
}

static void
sync_folder (const char *folder)
{
  int fd = open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd < 0)
    return;
  /* Some file systems cannot sync a folder; the rename is done anyway. */
  (void) fsync (fd);
  close (fd);
}

/* Keeps the current file as FILE~: a hard link to it when the folder
 * allows, else a durable copy. */
static gboolean
make_backup (const char  *target,
             const char  *display_name,
             GError     **error)
{
  g_autofree char *backup = g_strconcat (target, "~", NULL);
  g_autofree char *contents = NULL;
  gsize len;
  g_autoptr(GError) local_error = NULL;

  if (unlink (backup) != 0 && errno != ENOENT)
    {
      set_save_error (error, display_name, _("could not replace the backup copy"), errno);
      return FALSE;
    }
  if (link (target, backup) == 0)
    return TRUE;

  if (!g_file_get_contents (target, &contents, &len, &local_error)
      || !g_file_set_contents_full (backup, contents, len,
                                    G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                    0666, &local_error))
    {
      g_set_error (error, CJM_DOCUMENT_ERROR, CJM_DOCUMENT_ERROR_WRITE,
                   _("Could not save “%s”: could not make the backup copy: %s. "
                     "The file on disk was not changed."),
                   display_name, local_error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
save_local (const char  *path,
            const char  *display_name,
            GBytes      *bytes,
            gboolean     backup,
            GError     **error)
{
  g_autofree char *target = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *tmp = NULL;
  struct stat st;
  gboolean exists;
  const char *data;
  gsize len;
  int fd;
  int errsv;

  /* Write through a symbolic link to the file it names. */
  target = realpath (path, NULL);
  if (target == NULL)
    {
      if (errno != ENOENT)
        {
          set_save_error (error, display_name, _("could not find the folder"), errno);
          return FALSE;
        }
      target = g_strdup (path);
    }

  exists = g_stat (target, &st) == 0;
  if (exists && S_ISDIR (st.st_mode))
    {
      set_save_error (error, display_name, _("there is a folder with this name"), EISDIR);
      return FALSE;
    }
  /* The rename would replace a read-only file: respect its mode. */
  if (exists && g_access (target, W_OK) != 0)
    {
      set_save_error (error, display_name, _("the file is read-only"), errno);
      return FALSE;
    }

  folder = g_path_get_dirname (target);
  tmp = g_build_filename (folder, ".journeyman-save-XXXXXX", NULL);
  fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, exists ? (int) (st.st_mode & 0777) : 0666);
  if (fd < 0)
    {
      set_save_error (error, display_name, _("could not create a file in its folder"), errno);
      return FALSE;
    }

  if (exists)
    {
      /* Keep the owner and permissions; only root can give a file away. */
      if (fchown (fd, st.st_uid, st.st_gid) != 0)
        g_debug ("Could not keep the owner of %s: %s", target, g_strerror (errno));
      if (fchmod (fd, st.st_mode & 07777) != 0)
        g_debug ("Could not keep the permissions of %s: %s", target, g_strerror (errno));
    }

  data = g_bytes_get_data (bytes, &len);
  if (!write_all (fd, data, len) || fsync (fd) != 0)
    {
      errsv = errno;
      close (fd);
      g_unlink (tmp);
      set_save_error (error, display_name, _("could not write the new version"), errsv);
      return FALSE;
    }
  if (close (fd) != 0)
    {
      errsv = errno;
      g_unlink (tmp);
      set_save_error (error, display_name, _("could not write the new version"), errsv);
      return FALSE;
    }

  if (backup && exists && !make_backup (target, display_name, error))
    {
      g_unlink (tmp);
      return FALSE;
    }

  if (g_rename (tmp, target) != 0)
    {
      errsv = errno;
      g_unlink (tmp);
      set_save_error (error, display_name, _("could not replace the file"), errsv);
      return FALSE;
    }

  sync_folder (folder);
  return TRUE;
}

static gboolean
save_remote (GFile       *file,
             const char  *display_name,
             GBytes      *bytes,
             const char  *etag,
             gboolean     backup,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  if (g_file_replace_contents (file, data, len, etag, backup, G_FILE_CREATE_NONE,
                               NULL, NULL, &local_error))
    return TRUE;

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
    g_set_error (error, CJM_DOCUMENT_ERROR, CJM_DOCUMENT_ERROR_CHANGED_ON_DISK,
                 _("“%s” was changed on disk since it was opened"), display_name);
  else
    g_set_error (error, CJM_DOCUMENT_ERROR, CJM_DOCUMENT_ERROR_WRITE,
                 _("Could not save “%s”: %s. The file on disk was not changed."),
                 display_name, local_error->message);
  return FALSE;
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
  g_autofree char *display_name = NULL;
  const char *etag = NULL;
  const char *path;
  gboolean backup = (flags & CJM_SAVE_NO_BACKUP) == 0;
  gboolean saved;

  g_return_val_if_fail (CJM_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display_name = g_file_get_parse_name (file);

  /* Someone else changed the file we loaded since we loaded it? */
  if ((flags & CJM_SAVE_FORCE) == 0
      && cjm_document_get_etag (self) != NULL
      && cjm_document_get_file (self) != NULL
      && g_file_equal (file, cjm_document_get_file (self)))
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(GFileInfo) now = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE,
                                                    G_FILE_QUERY_INFO_NONE, NULL, &local_error);

      etag = cjm_document_get_etag (self);
      if (now == NULL && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          g_set_error (error, CJM_DOCUMENT_ERROR, CJM_DOCUMENT_ERROR_WRITE,
                       _("Could not save “%s”: %s. The file on disk was not changed."),
                       display_name, local_error->message);
          return FALSE;
        }
      if (now != NULL && g_strcmp0 (g_file_info_get_etag (now), etag) != 0)
        {
          g_set_error (error, CJM_DOCUMENT_ERROR, CJM_DOCUMENT_ERROR_CHANGED_ON_DISK,
                       _("“%s” was changed on disk since it was opened"), display_name);
          return FALSE;
        }
    }

  bytes = cjm_document_serialize (self);
  path = g_file_peek_path (file);
  if (path != NULL)
    saved = save_local (path, display_name, bytes, backup, error);
  else
    saved = save_remote (file, display_name, bytes, etag, backup, error);
  if (!saved)
    return FALSE;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  cjm_document_set_file (self, file);
  cjm_document_set_etag (self, info != NULL ? g_file_info_get_etag (info) : NULL);
  cjm_document_set_clean (self);
  return TRUE;
}
