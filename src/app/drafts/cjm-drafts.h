/* cjm-drafts.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drafts: every window's unsaved map is written, a few seconds after the
 * last change and at least once a minute while editing, to
 * $XDG_DATA_HOME/io.github.journeyman.Journeyman/drafts/ID.draft.cjm,
 * with a key file ID.draft beside it naming the map's file (if any), the
 * etag it was loaded with, its title, when, and the process that wrote
 * it. A clean save, a revert or closing the window removes the draft; a
 * crash or a kill leaves it, and the next start offers to recover it
 * (CjmRecoveryDialog).
 *
 * The map is serialized on the main thread (a few milliseconds for 2,000
 * touchpoints) and written through the atomic file writer in a worker
 * thread, one job at a time, so typing never waits for the disk.
 *
 * JOURNEYMAN_DRAFT_DELAY_MS changes the quiet time before a draft is
 * written (default 3000 ms); the longest time between two drafts while
 * editing goes on is twenty times that (a minute by default).
 */

#pragma once

#include <adwaita.h>

#include "cjm-window.h"

G_BEGIN_DECLS

typedef struct {
  char      *id;
  GFile     *draft;        /* the map as it was, ID.draft.cjm */
  GFile     *file;         /* the file it belongs to, or NULL (untitled) */
  char      *etag;         /* the etag that file was loaded with, or NULL */
  char      *title;
  GDateTime *saved;        /* when the draft was written */
} CjmDraftInfo;

void          cjm_draft_info_free            (CjmDraftInfo   *info);
/* The draft as a document: its file and etag those of the map it belongs
 * to, marked unsaved. */
CjmDocument  *cjm_draft_info_load            (CjmDraftInfo   *info,
                                              GError        **error);
/* Removes the draft's files (in the worker, after pending writes). */
void          cjm_draft_info_discard         (CjmDraftInfo   *info);

/* Called once from the application's startup: drafts every window the
 * application gets, offers recovery when its first window appears, and
 * waits for pending draft writes at shutdown. */
void          cjm_drafts_init_application    (GtkApplication *application);

/* The folder the drafts are in. */
char         *cjm_drafts_dup_folder          (void);
/* Drafts left by processes that are gone (crashed or killed), oldest
 * first; element type CjmDraftInfo. */
GPtrArray    *cjm_drafts_list_orphans        (void);
/* Opens each draft in a window, dirty, which keeps drafting to it. */
CjmWindow    *cjm_drafts_recover             (GtkApplication *application,
                                              CjmDraftInfo   *info,
                                              GError        **error);

/* Writes the window's draft now when its map has unsaved changes. */
void          cjm_drafts_write_now           (CjmWindow      *window);
/* Writes a copy of the window's map to a draft of its own, which the
 * window forgets: it stays until recovered or discarded, whatever the
 * window does next (a save refused because the file changed on disk). */
void          cjm_drafts_keep_copy           (CjmWindow      *window);
/* The id of the window's draft (NULL before it is attached). */
const char   *cjm_drafts_get_id              (CjmWindow      *window);
/* Waits until every queued draft write and removal is done. */
void          cjm_drafts_flush               (void);
/* How long the last draft write took in the worker, in microseconds. */
gint64        cjm_drafts_get_last_write_usec (void);

G_END_DECLS
