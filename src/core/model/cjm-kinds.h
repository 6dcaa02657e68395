/* cjm-kinds.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What each kind of item and each kind of lane is called and what it
 * starts as, in one table (cjm-kinds.c): the element names of the file,
 * id prefixes, the field that holds an item's title, the translated labels
 * the UI, the checker and the legend show, and the titles of new items.
 * Adding a kind means adding a row there.
 *
 * The names used in the file (cjm_kind_to_element(), the lane kind
 * strings) are declared in cjm-item.h and read from the same table.
 */

#pragma once

#include "cjm-item.h"
#include "cjm-labels.h"

G_BEGIN_DECLS

/* Kinds of item */

/* The prefix of the ids of new items ("t" for touchpoints), or NULL for
 * the kinds that have no id (the map, links, terms, suppressions). */
const char  *cjm_kind_get_id_prefix         (CjmKind      kind);
/* The field that holds an item's title: title, name, text, label or
 * preferred term (see cjm_item_get_display_text()). */
CjmField     cjm_kind_get_title_field       (CjmKind      kind);
/* A touchpoint, note or opportunity: an item that sits in a cell. */
gboolean     cjm_kind_is_card               (CjmKind      kind);
/* Translated labels in sentence case: "Glossary term", "Glossary terms",
 * and the noun for the middle of a sentence, "glossary term". */
const char  *cjm_kind_get_label             (CjmKind      kind);
const char  *cjm_kind_get_plural            (CjmKind      kind);
const char  *cjm_kind_get_noun              (CjmKind      kind);
/* The translated title of a new item ("New touchpoint"), or NULL for the
 * kinds that start without one (links, suppressions). */
const char  *cjm_kind_get_default_title     (CjmKind      kind);
/* The label and the noun in a map's language (cjm-labels.h; NULL: the
 * user's), for what is printed on the map and the checker's messages. */
const char  *cjm_kind_get_label_for         (CjmKind      kind,
                                             CjmLabels   *labels);
const char  *cjm_kind_get_noun_for          (CjmKind      kind,
                                             CjmLabels   *labels);

/* Kinds of lane */

/* Translated: what the kind of lane is called ("Pain points lane"). */
const char  *cjm_lane_kind_get_label        (CjmLaneKind  kind);
/* Translated: the name of a new lane of this kind ("Pain points"). */
const char  *cjm_lane_kind_get_default_name (CjmLaneKind  kind);
const char  *cjm_lane_kind_get_default_name_for (CjmLaneKind  kind,
                                                 CjmLabels   *labels);
/* Translated: the title of a new card in a lane of this kind ("New pain
 * point"), or NULL when it is the card kind's own default title. */
const char  *cjm_lane_kind_get_card_title   (CjmLaneKind  kind);

/* Kinds of channel */

/* What a kind of channel FORMAT.md names (web, app, phone, store, email,
 * sms, chat, social, mail, partner; any case) is called in the labels'
 * language ("Website"); NULL for any other word. */
const char  *cjm_channel_get_label          (const char  *channel,
                                             CjmLabels   *labels);

G_END_DECLS
