/* cjm-file-writer.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Order of a local write: follow the links to the target; refuse a
 * folder, a read-only file and (with an etag) a file someone else
 * changed; create the temporary file beside the target with the target's
 * owner and mode; let the caller write; flush and fsync; check the etag
 * again; make FILE~; rename over the target; fsync the folder. Until the
 * rename nothing but the temporary file (and FILE~, a copy of the old
 * version) has changed, and every failure removes the temporary file.
 */

#define G_LOG_DOMAIN "cjm-format"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gio/gunixoutputstream.h>
#include <limits.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cjm-file-writer.h"

/* Links followed before giving up, as the kernel does (ELOOP). */
#define MAX_LINKS 40
#define BUFFER_SIZE 65536

/* One call of cjm_file_writer_write(). */
typedef struct {
  const char         *display;     /* the file, for messages */
  const char         *etag;
  CjmFileWriterFlags  flags;
  CjmFileWriterFunc   func;
  gpointer            user_data;
  GCancellable       *cancellable;
} Request;

static void
set_error_errno (GError     **error,
                 const char  *display,
                 const char  *what,
                 int          errsv)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
               _("Could not write “%s”: %s: %s"), display, what, g_strerror (errsv));
}

/* Names the file in an error that came from elsewhere (the caller's
 * writing, GIO), keeping its code when it is a G_IO_ERROR. */
static void
set_error_from (GError       **error,
                const char    *display,
                const GError  *cause)
{
  g_set_error (error, G_IO_ERROR, cause->domain == G_IO_ERROR ? cause->code : G_IO_ERROR_FAILED,
               _("Could not write “%s”: %s"), display, cause->message);
}

static void
set_changed_error (GError     **error,
                   const char  *display)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG,
               _("“%s” was changed on disk since it was opened"), display);
}

/* The file that path finally names: path itself unless it is a symbolic
 * link, then the link's target, and so on. A name that does not exist
 * (yet) is the target. NULL with errno set when a part cannot be read. */
static char *
resolve_links (const char *path)
{
  g_autofree char *current = g_strdup (path);

  for (guint depth = 0; depth <= MAX_LINKS; depth++)
    {
      char link[PATH_MAX];
      struct stat st;
      ssize_t n;

      if (lstat (current, &st) != 0)
        return errno == ENOENT ? g_steal_pointer (&current) : NULL;
      if (!S_ISLNK (st.st_mode))
        return g_steal_pointer (&current);

      n = readlink (current, link, sizeof link - 1);
      if (n < 0)
        return NULL;
      if ((gsize) n >= sizeof link - 1)
        {
          errno = ENAMETOOLONG;
          return NULL;
        }
      link[n] = '\0';
      if (g_path_is_absolute (link))
        {
          g_free (current);
          current = g_strdup (link);
        }
      else
        {
          g_autofree char *folder = g_path_get_dirname (current);

          g_free (current);
          current = g_build_filename (folder, link, NULL);
        }
    }

  errno = ELOOP;
  return NULL;
}

/* TRUE when there is no etag to compare, the file is gone, or it still
 * has the etag. */
static gboolean
check_etag (const char  *target,
            const char  *display,
            const char  *etag,
            GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;

  if (etag == NULL)
    return TRUE;

  file = g_file_new_for_path (target);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE, NULL,
                            &local_error);
  if (info == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return TRUE;
      set_error_from (error, display, local_error);
      return FALSE;
    }
  if (g_strcmp0 (g_file_info_get_etag (info), etag) != 0)
    {
      set_changed_error (error, display);
      return FALSE;
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
             const char  *display,
             GError     **error)
{
  g_autofree char *backup = g_strconcat (target, "~", NULL);
  g_autofree char *contents = NULL;
  gsize len;
  g_autoptr(GError) local_error = NULL;

  if (unlink (backup) != 0 && errno != ENOENT)
    {
      set_error_errno (error, display, _("could not replace the backup copy"), errno);
      return FALSE;
    }
  if (link (target, backup) == 0)
    return TRUE;

  if (!g_file_get_contents (target, &contents, &len, &local_error)
      || !g_file_set_contents_full (backup, contents, len,
                                    G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                    0666, &local_error))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write “%s”: could not make the backup copy: %s"),
                   display, local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* Test hook, inert unless the environment sets it:
 *   CJM_FILE_WRITER_TEST_DELAY_MS=N   sleeps N ms after the new version
 *                                      is written, before it replaces the
 *                                      file (a slow disk, for kill tests);
 *   CJM_FILE_WRITER_TEST_FAULT=F[:DIR] fails local writes after the caller
 *                                      wrote, F being "enospc" (a full
 *                                      disk) or "eacces" (permission
 *                                      denied); with DIR, only targets in
 *                                      that folder or below.
 * Drafts (".draft", ".draft.cjm") are spared, so that the app's safety
 * net can be tested while the map's file cannot be written. */
static gboolean
test_fault (const char  *target,
            const char  *display,
            GError     **error)
{
  const char *delay;
  const char *fault;
  const char *folder;
  int errsv;

  if (g_str_has_suffix (target, ".draft") || g_str_has_suffix (target, ".draft.cjm"))
    return TRUE;
  delay = g_getenv ("CJM_FILE_WRITER_TEST_DELAY_MS");
  fault = g_getenv ("CJM_FILE_WRITER_TEST_FAULT");
  if (delay != NULL)
    g_usleep (g_ascii_strtoull (delay, NULL, 10) * 1000);
  if (fault == NULL)
    return TRUE;

  if (g_str_has_prefix (fault, "enospc"))
    errsv = ENOSPC;
  else if (g_str_has_prefix (fault, "eacces"))
    errsv = EACCES;
  else
    return TRUE;
  folder = strchr (fault, ':');
  if (folder != NULL
      && !(g_str_has_prefix (target, folder + 1)
           && target[strlen (folder + 1)] == G_DIR_SEPARATOR))
    return TRUE;

  set_error_errno (error, display, _("could not write the new version"), errsv);
  return FALSE;
}

/* Runs func on a buffered stream over fd and flushes it to disk. */
static gboolean
fill_temporary (int             fd,
                const Request  *request,
                GError        **error)
{
  g_autoptr(GOutputStream) raw = g_unix_output_stream_new (fd, FALSE);
  g_autoptr(GOutputStream) stream = g_buffered_output_stream_new_sized (raw, BUFFER_SIZE);
  g_autoptr(GError) local_error = NULL;

  if (!request->func (stream, request->user_data, request->cancellable, &local_error)
      || !g_output_stream_close (stream, request->cancellable, &local_error))
    {
      set_error_from (error, request->display, local_error);
      return FALSE;
    }
  /* EINVAL: a file system that cannot sync (the data is written). */
  if (fsync (fd) != 0 && errno != EINVAL)
    {
      set_error_errno (error, request->display, _("could not write the new version"), errno);
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_local (const char     *path,
             const Request  *request,
             GError        **error)
{
  const char *display = request->display;
  g_autofree char *target = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp = NULL;
  struct stat st;
  gboolean exists;
  int fd;

  target = resolve_links (path);
  if (target == NULL)
    {
      set_error_errno (error, display, _("could not find the folder"), errno);
      return FALSE;
    }

  exists = stat (target, &st) == 0;
  if (exists && S_ISDIR (st.st_mode))
    {
      set_error_errno (error, display, _("there is a folder with this name"), EISDIR);
      return FALSE;
    }
  /* The rename would replace a read-only file: respect its mode. */
  if (exists && access (target, W_OK) != 0)
    {
      set_error_errno (error, display, _("the file is read-only"), errno);
      return FALSE;
    }
  if (!check_etag (target, display, request->etag, error))
    return FALSE;

  folder = g_path_get_dirname (target);
  base = g_path_get_basename (target);
  tmp = g_strdup_printf ("%s%c.%.200s.XXXXXX", folder, G_DIR_SEPARATOR, base);
  /* A new file gets 0666 less the umask, as open() gives it. */
  fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      set_error_errno (error, display, _("could not create a file in its folder"), errno);
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

  if (!fill_temporary (fd, request, error))
    {
      close (fd);
      g_unlink (tmp);
      return FALSE;
    }
  if (close (fd) != 0)
    {
      set_error_errno (error, display, _("could not write the new version"), errno);
      g_unlink (tmp);
      return FALSE;
    }

  if (!test_fault (target, display, error)
      || g_cancellable_set_error_if_cancelled (request->cancellable, error)
      || !check_etag (target, display, request->etag, error)
      || ((request->flags & CJM_FILE_WRITER_BACKUP) && exists
          && !make_backup (target, display, error)))
    {
      g_unlink (tmp);
      return FALSE;
    }

  if (g_rename (tmp, target) != 0)
    {
      set_error_errno (error, display, _("could not replace the file"), errno);
      g_unlink (tmp);
      return FALSE;
    }

  sync_folder (folder);
  return TRUE;
}

/* Not a local file: GIO's own replace is the best there is. */
static gboolean
write_remote (GFile          *file,
              const Request  *request,
              GError        **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;

  stream = g_file_replace (file, request->etag, (request->flags & CJM_FILE_WRITER_BACKUP) != 0,
                           G_FILE_CREATE_NONE, request->cancellable, &local_error);
  if (stream != NULL
      && !request->func (G_OUTPUT_STREAM (stream), request->user_data, request->cancellable,
                         &local_error))
    {
      g_autoptr(GCancellable) abandon = g_cancellable_new ();

      /* A cancelled close leaves the old file in place. */
      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (stream), abandon, NULL);
    }
  else if (stream != NULL)
    g_output_stream_close (G_OUTPUT_STREAM (stream), request->cancellable, &local_error);

  if (local_error == NULL)
    return TRUE;
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
    set_changed_error (error, request->display);
  else
    set_error_from (error, request->display, local_error);
  return FALSE;
}

static gboolean
write_bytes (GOutputStream  *stream,
             gpointer        user_data,
             GCancellable   *cancellable,
             GError        **error)
{
  GBytes *bytes = user_data;

  return g_output_stream_write_all (stream, g_bytes_get_data (bytes, NULL),
                                    g_bytes_get_size (bytes), NULL, cancellable, error);
}

/* Public API */

gboolean
cjm_file_writer_write (GFile               *file,
                       const char          *etag,
                       CjmFileWriterFlags   flags,
                       CjmFileWriterFunc    func,
                       gpointer             user_data,
                       GCancellable        *cancellable,
                       GError             **error)
{
  g_autofree char *display = NULL;
  Request request;
  const char *path;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display = g_file_get_parse_name (file);
  request = (Request) { display, etag, flags, func, user_data, cancellable };
  path = g_file_peek_path (file);
  if (path != NULL)
    return write_local (path, &request, error);
  return write_remote (file, &request, error);
}

gboolean
cjm_file_writer_write_bytes (GFile               *file,
                             GBytes              *bytes,
                             const char          *etag,
                             CjmFileWriterFlags   flags,
                             GCancellable        *cancellable,
                             GError             **error)
{
  g_return_val_if_fail (bytes != NULL, FALSE);

  return cjm_file_writer_write (file, etag, flags, write_bytes, bytes, cancellable, error);
}
