/* cjm-edit.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The edits a person makes to a map, as operations on a CjmDocument that
 * need no widgets (cjm-edit.c): cards, stages, lanes and links created,
 * cards moved to a cell and a slot in it, stages and lanes reordered,
 * emotions set, cards copied, pasted and duplicated, and a new map to start
 * from. They need no display, so the app, the `cjm` tool and the tests
 * can all use them.
 *
 * Each operation is one undo step (a group with the label the Edit menu
 * shows), or no step at all when it changes nothing.
 *
 * A cell is a stage and a lane; a slot is a position among the cards the
 * cell shows, 0 … n (n: after the last one).
 */

#pragma once

#include "cjm-document.h"

G_BEGIN_DECLS

/* Text as an edit stores it: a copy without the white space at its ends
 * ("" for NULL). */
char        *cjm_strip_text                 (const char   *text);

/* The kind of card a lane holds (cjm_lane_kind_holds() of its kind), or
 * CJM_KIND_MAP when it holds none or lane is NULL. */
CjmKind      cjm_item_lane_holds            (CjmItem      *lane);

/* A new id, unique in the document, for an item of kind: the kind's prefix
 * and a slug of hint ("t-pay-bill"). */
char        *cjm_document_make_id_for       (CjmDocument  *self,
                                             CjmKind       kind,
                                             const char   *hint);

/* The cards the map shows in the cell of stage and lane, in the order
 * shown: touchpoints, notes, then opportunities, each in document order
 * (transfer container). Cards of a stage or lane whose id an earlier one
 * already has show in the earlier one, so this one shows none. */
GPtrArray   *cjm_document_dup_cell_cards    (CjmDocument  *self,
                                             CjmItem      *stage,
                                             CjmItem      *lane);
/* The first stage and the first lane that holds cards of kind; FALSE
 * when the map has no stage or no such lane. */
gboolean     cjm_document_first_cell_for    (CjmDocument  *self,
                                             CjmKind       kind,
                                             CjmItem     **stage,
                                             CjmItem     **lane);

/* Creating. Each returns the new item (transfer none), or NULL/FALSE when
 * nothing was made. */

/* A card of the kind the lane holds, at the slot. text NULL: a title that
 * says what it is for ("New pain point" in a pain-points lane); else the
 * text stripped, and nothing when that is empty. */
CjmItem     *cjm_document_add_card          (CjmDocument  *self,
                                             CjmItem      *stage,
                                             CjmItem      *lane,
                                             guint         slot,
                                             const char   *text);
/* At index in the list of stages or lanes. */
CjmItem     *cjm_document_add_stage         (CjmDocument  *self,
                                             guint         index);
CjmItem     *cjm_document_add_lane          (CjmDocument  *self,
                                             CjmLaneKind   kind,
                                             guint         index);
/* A link between two cards; not to itself, and not twice. */
gboolean     cjm_document_add_link          (CjmDocument  *self,
                                             CjmItem      *from,
                                             CjmItem      *to);

/* Moving and changing */

/* Moves cards to the slot of a cell, keeping their order; FALSE when the
 * lane does not hold one of them. */
gboolean     cjm_document_move_cards        (CjmDocument  *self,
                                             CjmItem     **cards,
                                             guint         n_cards,
                                             CjmItem      *stage,
                                             CjmItem      *lane,
                                             guint         slot);
/* Moves a stage or a lane to index in its list; FALSE when it is there. */
gboolean     cjm_document_reorder_item      (CjmDocument  *self,
                                             CjmItem      *item,
                                             guint         index);
/* Sets CJM_FIELD_EMOTION or CJM_FIELD_TARGET_EMOTION, clamped to -3 … 3;
 * FALSE when it had that value. */
gboolean     cjm_document_set_emotion       (CjmDocument  *self,
                                             CjmItem      *touchpoint,
                                             CjmField      field,
                                             int           emotion);

/* Copy and paste */

/* A new document with copies of the cards (of this document) and of the
 * links between them, in this map's language. The cards are in document
 * order: touchpoints, notes, then opportunities, each in their list's
 * order. text (optional) gets their titles in that order, one a line, for
 * other applications. */
CjmDocument *cjm_document_copy_cards        (CjmDocument  *self,
                                             CjmItem     **cards,
                                             guint         n_cards,
                                             char        **text);
/* Adds copies of the fragment's cards with new ids, and of the links
 * between them. Cards that fit the anchor card's lane go into its cell
 * after it; others go to their own stage and lane when this map has
 * them, else to the first cell that holds them. Persona and addresses
 * lists keep only the ids this map has or that were pasted along.
 * Returns the added cards (transfer container). */
GPtrArray   *cjm_document_paste_cards       (CjmDocument  *self,
                                             CjmDocument  *fragment,
                                             CjmItem      *anchor);
/* Copies of the cards (and of the links between them), each right after
 * its original. Returns the copies (transfer container). */
GPtrArray   *cjm_document_duplicate_cards   (CjmDocument  *self,
                                             CjmItem     **cards,
                                             guint         n_cards);

/* A new map to start from: the usual stages of a journey and a lane of
 * each kind with common channels, unmodified and with no history. lang:
 * the map's language; NULL for the user's (else "en"). */
CjmDocument *cjm_document_new_blank         (const char   *lang);

G_END_DECLS
