/* cjm-json.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A journey map as JSON, for scripts: lossless both ways for everything a
 * CjmDocument holds (every field as the raw text of the file, the lists,
 * unknown XML attributes and elements, namespace declarations). The shape
 * is documented in docs/json.md.
 *
 * Reading refuses malformed JSON and JSON of the wrong shape with a
 * CJM_DOCUMENT_ERROR whose message reads "NAME:LINE:COLUMN: reason".
 */

#pragma once

#include <json-glib/json-glib.h>

#include "cjm-document.h"

G_BEGIN_DECLS

/* The value of the top-level "format" member. */
#define CJM_JSON_FORMAT     "urn:x-cjm:1"
/* Deepest nesting of arrays and objects a reader accepts. */
#define CJM_JSON_MAX_DEPTH  64

/* transfer full: the document as a JSON object node */
JsonNode    *cjm_document_to_json              (CjmDocument  *self);
/* Pretty-printed UTF-8 JSON (two-space indent, final newline); the same
 * document always gives the same bytes. */
char        *cjm_document_to_json_data         (CjmDocument  *self,
                                                gsize        *length);
/* Writes the JSON to a file through the atomic file writer
 * (cjm-file-writer.h): on failure the file is unchanged (or still absent)
 * and no temporary file is left behind. */
gboolean     cjm_document_save_json            (CjmDocument  *self,
                                                GFile        *file,
                                                GError      **error);

/* A new document from JSON text. length -1 means NUL-terminated;
 * display_name names the input in error messages. The result has no file
 * and a clean history. */
CjmDocument *cjm_document_new_from_json_data   (const char   *data,
                                                gssize        length,
                                                const char   *display_name,
                                                GError      **error);
/* Reads a file of at most CJM_MAX_FILE_SIZE bytes. */
CjmDocument *cjm_document_new_from_json_file   (GFile        *file,
                                                GError      **error);

G_END_DECLS
