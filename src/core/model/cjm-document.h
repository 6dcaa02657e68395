/* cjm-document.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A journey map: ordered lists of items of each kind, plus the map item
 * (title, settings, print setup). Every change goes through the mutators
 * below; each records an undoable command in the history and emits
 * ::changed with a CjmChange that says exactly what changed.
 *
 * Gestures group their commands: cjm_document_begin_group() …
 * cjm_document_end_group() make one undo step. A mutator called outside a
 * group is a step of its own.
 */

#pragma once

#include <gio/gio.h>

#include "cjm-kinds.h"

G_BEGIN_DECLS

#define CJM_DOCUMENT_ERROR (cjm_document_error_quark ())

typedef enum {
  CJM_DOCUMENT_ERROR_READ,        /* the file could not be read */
  CJM_DOCUMENT_ERROR_TOO_LARGE,   /* over 64 MiB */
  CJM_DOCUMENT_ERROR_ENCODING,    /* invalid UTF-8, NUL bytes, compressed */
  CJM_DOCUMENT_ERROR_UNSAFE,      /* DOCTYPE, entities, too deep, too long … */
  CJM_DOCUMENT_ERROR_PARSE,       /* not well-formed */
  CJM_DOCUMENT_ERROR_NOT_A_MAP,   /* wrong root element or namespace */
  CJM_DOCUMENT_ERROR_VERSION,     /* a higher major version */
  CJM_DOCUMENT_ERROR_CHANGED_ON_DISK,  /* save refused: someone changed it */
  CJM_DOCUMENT_ERROR_WRITE,       /* save failed; the old file is intact */
} CjmDocumentError;

typedef enum {
  CJM_CHANGE_ITEM_INSERTED,       /* item, index */
  CJM_CHANGE_ITEM_REMOVED,        /* item, index (its old index) */
  CJM_CHANGE_ITEM_MOVED,          /* item, old_index -> index */
  CJM_CHANGE_FIELD,               /* item, field */
  CJM_CHANGE_LIST,                /* item, list */
  CJM_CHANGE_RELOADED,            /* everything (revert, load into) */
} CjmChangeType;

typedef struct {
  CjmChangeType  type;
  CjmItem       *item;
  CjmKind        kind;
  CjmField       field;
  CjmListKind    list;
  guint          index;
  guint          old_index;
} CjmChange;

typedef enum {
  CJM_SAVE_DEFAULT   = 0,
  CJM_SAVE_FORCE     = 1 << 0,    /* overwrite even if changed on disk */
  CJM_SAVE_NO_BACKUP = 1 << 1,    /* do not keep FILE~ */
} CjmSaveFlags;

#define CJM_MAX_FILE_SIZE   (64 * 1024 * 1024)
#define CJM_MAX_DEPTH       256
#define CJM_MAX_TEXT_LENGTH (1024 * 1024)
#define CJM_MAX_ATTRIBUTES  256

#define CJM_TYPE_DOCUMENT (cjm_document_get_type ())
G_DECLARE_FINAL_TYPE (CjmDocument, cjm_document, CJM, DOCUMENT, GObject)

GQuark        cjm_document_error_quark       (void);

/* A new, empty map ("Untitled journey", no stages or lanes), version 1.1. */
CjmDocument  *cjm_document_new               (void);

/* Reading (cjm-xml-reader.c). display_name names the file in messages. */
CjmDocument  *cjm_document_new_from_bytes    (GBytes       *bytes,
                                              const char   *display_name,
                                              GError      **error);
CjmDocument  *cjm_document_new_from_file     (GFile        *file,
                                              GError      **error);
/* Replaces the content with the file's (revert, reload); clears history. */
gboolean      cjm_document_reload            (CjmDocument  *self,
                                              GError      **error);

/* Writing (cjm-xml-writer.c): canonical bytes, and an atomic save. */
GBytes       *cjm_document_serialize         (CjmDocument  *self);
gboolean      cjm_document_save              (CjmDocument  *self,
                                              GFile        *file,
                                              CjmSaveFlags  flags,
                                              GError      **error);
/* Writes to a stream (for tests that inject failures); no atomicity. */
gboolean      cjm_document_write_to_stream   (CjmDocument   *self,
                                              GOutputStream *stream,
                                              GCancellable  *cancellable,
                                              GError       **error);

GFile        *cjm_document_get_file          (CjmDocument  *self);
void          cjm_document_set_file          (CjmDocument  *self,
                                              GFile        *file);
const char   *cjm_document_get_etag          (CjmDocument  *self);
void          cjm_document_set_etag          (CjmDocument  *self,
                                              const char   *etag);
/* "name.cjm" or "Untitled journey" */
char         *cjm_document_dup_display_name  (CjmDocument  *self);

/* Content */
CjmItem      *cjm_document_get_map           (CjmDocument  *self);
guint         cjm_document_get_n_items       (CjmDocument  *self,
                                              CjmKind       kind);
CjmItem      *cjm_document_get_item          (CjmDocument  *self,
                                              CjmKind       kind,
                                              guint         index);
/* transfer none: the live array of items of this kind, in document order */
GPtrArray    *cjm_document_get_items         (CjmDocument  *self,
                                              CjmKind       kind);
/* Index of the item in its kind's list, or -1 if not in this document. */
int           cjm_document_index_of          (CjmDocument  *self,
                                              CjmItem      *item);
/* The first item with this id, or NULL. */
CjmItem      *cjm_document_lookup            (CjmDocument  *self,
                                              const char   *id);
/* A new id, unique in the document: prefix + "-" + a slug of hint. */
char         *cjm_document_make_id           (CjmDocument  *self,
                                              const char   *prefix,
                                              const char   *hint);
gboolean      cjm_document_is_rtl            (CjmDocument  *self);
/* emotion-spread, default 3 */
int           cjm_document_get_emotion_spread (CjmDocument *self);

/* Mutators: each one is an undoable command. */
void          cjm_document_set_field         (CjmDocument  *self,
                                              CjmItem      *item,
                                              CjmField      field,
                                              const char   *value);
/* Takes a copy of entries (NULL or empty clears the list). */
void          cjm_document_set_list          (CjmDocument  *self,
                                              CjmItem      *item,
                                              CjmListKind   list,
                                              GPtrArray    *entries);
/* index -1 appends; the document takes a reference. The item must have an
 * id that is not used yet (see cjm_document_make_id()). */
void          cjm_document_insert_item       (CjmDocument  *self,
                                              CjmItem      *item,
                                              int           index);
void          cjm_document_remove_item       (CjmDocument  *self,
                                              CjmItem      *item);
void          cjm_document_move_item         (CjmDocument  *self,
                                              CjmItem      *item,
                                              guint         new_index);
/* Removes items and everything that would dangle: cards in a removed
 * stage or lane, links from or to removed cards, suppressions that target
 * them, and their ids in personas/addresses lists. One undo step. */
void          cjm_document_delete_items      (CjmDocument  *self,
                                              CjmItem     **items,
                                              guint         n_items);

/* History */
void          cjm_document_begin_group       (CjmDocument  *self,
                                              const char   *label);
void          cjm_document_end_group         (CjmDocument  *self);
/* Undo whatever the open group did and drop it (a cancelled gesture). */
void          cjm_document_cancel_group      (CjmDocument  *self);
gboolean      cjm_document_can_undo          (CjmDocument  *self);
gboolean      cjm_document_can_redo          (CjmDocument  *self);
const char   *cjm_document_get_undo_label    (CjmDocument  *self);
const char   *cjm_document_get_redo_label    (CjmDocument  *self);
gboolean      cjm_document_undo              (CjmDocument  *self);
gboolean      cjm_document_redo              (CjmDocument  *self);
void          cjm_document_clear_history     (CjmDocument  *self);
/* TRUE when the content differs from the last save or load. */
gboolean      cjm_document_get_modified      (CjmDocument  *self);
void          cjm_document_set_clean         (CjmDocument  *self);
/* Marks the content as not saved (a recovered draft) until the next
 * cjm_document_set_clean(). */
void          cjm_document_set_unsaved       (CjmDocument  *self);

G_END_DECLS
