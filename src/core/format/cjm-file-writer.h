/* cjm-file-writer.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one way Journeyman replaces a file: .cjm saves, JSON, PDF, SVG and
 * PNG export all go through it, so they all behave alike.
 *
 * For a local file:
 *   - a symbolic link is followed to the file it finally names (through
 *     any number of links); that file is replaced and the links stay;
 *   - an existing file keeps its owner (where the process may give it
 *     away) and its permissions; a new file gets 0666 less the umask;
 *   - a read-only file is not replaced, nor is a folder;
 *   - the bytes go to a hidden temporary file in the target's folder, which
 *     is flushed to disk (fsync), optionally the old file is kept as
 *     FILE~, the temporary file is renamed over the target and the folder
 *     is flushed too;
 *   - with an etag, the write is refused (G_IO_ERROR_WRONG_ETAG) when the
 *     file on disk no longer has it, i.e. someone else changed it;
 *   - on any error the temporary file is removed and the target is left as
 *     it was (or still absent).
 * A file without a local path (GVfs) is written with g_file_replace(),
 * which does what GIO can do there.
 *
 * Tests can slow every local write down or make it fail as on a full
 * disk through two environment variables, CJM_FILE_WRITER_TEST_DELAY_MS
 * and CJM_FILE_WRITER_TEST_FAULT (see cjm-file-writer.c); unset, they
 * change nothing.
 *
 * Errors are in the G_IO_ERROR domain (the code from errno where there is
 * one) and their message names the file and the reason: "Could not write
 * “/path/map.pdf”: could not create a file in its folder: Permission
 * denied".
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum {
  CJM_FILE_WRITER_DEFAULT = 0,
  CJM_FILE_WRITER_BACKUP  = 1 << 0,   /* keep the replaced file as FILE~ */
} CjmFileWriterFlags;

/* Writes the new contents to stream; returns FALSE with error set when
 * it could not. The writer flushes and closes the stream itself. */
typedef gboolean (*CjmFileWriterFunc) (GOutputStream  *stream,
                                       gpointer        user_data,
                                       GCancellable   *cancellable,
                                       GError        **error);

/* Replaces file with what func writes, as described above. etag: the
 * file's etag when it was read (NULL: no check). */
gboolean cjm_file_writer_write       (GFile               *file,
                                      const char          *etag,
                                      CjmFileWriterFlags   flags,
                                      CjmFileWriterFunc    func,
                                      gpointer             user_data,
                                      GCancellable        *cancellable,
                                      GError             **error);
/* The same with contents already in memory. */
gboolean cjm_file_writer_write_bytes (GFile               *file,
                                      GBytes              *bytes,
                                      const char          *etag,
                                      CjmFileWriterFlags   flags,
                                      GCancellable        *cancellable,
                                      GError             **error);

G_END_DECLS
