/* cjm-kinds.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The table of kinds of item and kinds of lane: every name, prefix and
 * label of a kind is written here, once.
 */

#define G_LOG_DOMAIN "cjm-model"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cjm-document-private.h"
#include "cjm-kinds.h"
#include "cjm-labels.h"

/* The translated texts of a kind, each in its own translation context. */
typedef enum {
  KIND_LABEL,                 /* "Glossary term" */
  KIND_PLURAL,                /* "Glossary terms" */
  KIND_NOUN,                  /* "glossary term", in a sentence */
  KIND_DEFAULT_TITLE,         /* of a new item, or NULL */
  N_KIND_TEXTS
} KindText;

static const char * const kind_text_contexts[N_KIND_TEXTS] = {
  "item", "items", "item in a sentence", NULL
};

typedef enum {
  LANE_LABEL,                 /* "Pain points lane" */
  LANE_DEFAULT_NAME,          /* "Pain points", or NULL for the lane's */
  LANE_CARD_TITLE,            /* "New pain point", or NULL for the card's */
  N_LANE_TEXTS
} LaneText;

typedef struct {
  const char *element;        /* in the file */
  const char *container;      /* the element that holds them, NULL for the map */
  const char *id_prefix;
  CjmField    title_field;
  gboolean    is_card;
  const char *texts[N_KIND_TEXTS];
} KindInfo;

typedef struct {
  const char *name;           /* in the file, lane kind="…" */
  CjmKind     holds;          /* CJM_KIND_MAP: no cards */
  const char *texts[N_LANE_TEXTS];
} LaneKindInfo;

static const KindInfo kinds[CJM_N_KINDS] = {
  [CJM_KIND_MAP] = {
    "journey-map", NULL, NULL, CJM_FIELD_TITLE, FALSE,
    { NC_("item", "Journey map"), NC_("items", "Journey maps"),
      NC_("item in a sentence", "journey map"), N_("Untitled journey") } },
  [CJM_KIND_PERSONA] = {
    "persona", "personas", "p", CJM_FIELD_NAME, FALSE,
    { NC_("item", "Persona"), NC_("items", "Personas"),
      NC_("item in a sentence", "persona"), N_("New persona") } },
  [CJM_KIND_STAGE] = {
    "stage", "stages", "s", CJM_FIELD_NAME, FALSE,
    { NC_("item", "Stage"), NC_("items", "Stages"),
      NC_("item in a sentence", "stage"), N_("New stage") } },
  [CJM_KIND_LANE] = {
    "lane", "lanes", "l", CJM_FIELD_NAME, FALSE,
    { NC_("item", "Lane"), NC_("items", "Lanes"),
      NC_("item in a sentence", "lane"), N_("New lane") } },
  [CJM_KIND_TOUCHPOINT] = {
    "touchpoint", "touchpoints", "t", CJM_FIELD_TITLE, TRUE,
    { NC_("item", "Touchpoint"), NC_("items", "Touchpoints"),
      NC_("item in a sentence", "touchpoint"), N_("New touchpoint") } },
  [CJM_KIND_NOTE] = {
    "note", "notes", "n", CJM_FIELD_TEXT, TRUE,
    { NC_("item", "Note"), NC_("items", "Notes"),
      NC_("item in a sentence", "note"), N_("New note") } },
  [CJM_KIND_OPPORTUNITY] = {
    "opportunity", "opportunities", "o", CJM_FIELD_TITLE, TRUE,
    { NC_("item", "Opportunity"), NC_("items", "Opportunities"),
      NC_("item in a sentence", "opportunity"), N_("New opportunity") } },
  [CJM_KIND_LINK] = {
    "link", "links", NULL, CJM_FIELD_LABEL, FALSE,
    { NC_("item", "Link"), NC_("items", "Links"),
      NC_("item in a sentence", "link"), NULL } },
  [CJM_KIND_TERM] = {
    "term", "glossary", NULL, CJM_FIELD_PREFERRED, FALSE,
    { NC_("item", "Glossary term"), NC_("items", "Glossary terms"),
      NC_("item in a sentence", "glossary term"),
      /* Translators: a new glossary term, in lower case like most terms */
      N_("new term") } },
  [CJM_KIND_SUPPRESSION] = {
    "suppress", "suppressions", NULL, CJM_FIELD_TEXT, FALSE,
    { NC_("item", "Suppressed finding"), NC_("items", "Suppressed findings"),
      NC_("item in a sentence", "suppressed finding"), NULL } },
};

static const LaneKindInfo lane_kinds[CJM_N_LANE_KINDS] = {
  [CJM_LANE_UNKNOWN] = {
    NULL, CJM_KIND_MAP,
    { N_("Other lane"), NULL, NULL } },
  [CJM_LANE_EMOTION] = {
    "emotion", CJM_KIND_MAP,
    { N_("Emotion lane"), N_("Emotions"), NULL } },
  [CJM_LANE_CHANNEL] = {
    "channel", CJM_KIND_TOUCHPOINT,
    { N_("Channel lane"), N_("New channel"), NULL } },
  [CJM_LANE_ACTIONS] = {
    "actions", CJM_KIND_NOTE,
    { N_("Actions lane"), N_("Customer actions"), N_("New action") } },
  [CJM_LANE_THOUGHTS] = {
    "thoughts", CJM_KIND_NOTE,
    { N_("Thoughts lane"), N_("Thoughts"), N_("New thought") } },
  [CJM_LANE_PAIN_POINTS] = {
    "pain-points", CJM_KIND_NOTE,
    { N_("Pain points lane"), N_("Pain points"), N_("New pain point") } },
  [CJM_LANE_BACKSTAGE] = {
    "backstage", CJM_KIND_NOTE,
    { N_("Backstage lane"), N_("Backstage"), N_("New backstage step") } },
  [CJM_LANE_NOTES] = {
    "notes", CJM_KIND_NOTE,
    { N_("Notes lane"), N_("Notes"), NULL } },
  [CJM_LANE_OPPORTUNITIES] = {
    "opportunities", CJM_KIND_OPPORTUNITY,
    { N_("Opportunities lane"), N_("Opportunities"), NULL } },
};

/* The kinds of channel FORMAT.md names, and what the legend calls them. */
typedef struct {
  const char *name;           /* in the file, lane channel="…" */
  const char *label;          /* context "channel type" */
} ChannelInfo;

static const ChannelInfo channels[] = {
  { "web",     NC_("channel type", "Website") },
  { "app",     NC_("channel type", "Mobile app") },
  { "phone",   NC_("channel type", "Phone") },
  { "store",   NC_("channel type", "Store or branch") },
  { "email",   NC_("channel type", "E-mail") },
  { "sms",     NC_("channel type", "Text message") },
  { "chat",    NC_("channel type", "Chat") },
  { "social",  NC_("channel type", "Social networks") },
  { "mail",    NC_("channel type", "Post") },
  { "partner", NC_("channel type", "Partner") },
};

/* Translations, looked up once each: the checker asks for a label per
 * card, and the language does not change while the program runs. */
static const char *kind_texts[CJM_N_KINDS][N_KIND_TEXTS];
static const char *lane_kind_texts[CJM_N_LANE_KINDS][N_LANE_TEXTS];

/* Static helpers */

/* context NULL: a string without a context. Labels NULL: the user's
 * language, cached; other labels have their own catalog. */
static const char *
translate (CjmLabels   *labels,
           const char  *context,
           const char  *text,
           const char **cache)
{
  if (text == NULL)
    return NULL;
  if (labels != NULL)
    return context != NULL ? cjm_labels_pgettext (labels, context, text)
                           : cjm_labels_gettext (labels, text);
  if (G_UNLIKELY (*cache == NULL))
    *cache = context != NULL ? g_dpgettext2 (GETTEXT_PACKAGE, context, text)
                             : g_dgettext (GETTEXT_PACKAGE, text);
  return *cache;
}

static const char *
kind_text (CjmKind    kind,
           KindText   which,
           CjmLabels *labels)
{
  g_return_val_if_fail (kind < CJM_N_KINDS, NULL);
  return translate (labels, kind_text_contexts[which], kinds[kind].texts[which],
                    &kind_texts[kind][which]);
}

static const char *
lane_kind_text (CjmLaneKind kind,
                LaneText    which,
                CjmLabels  *labels)
{
  g_return_val_if_fail (kind < CJM_N_LANE_KINDS, NULL);
  return translate (labels, NULL, lane_kinds[kind].texts[which], &lane_kind_texts[kind][which]);
}

/* Names used in the file (declared in cjm-item.h) */

const char *
cjm_kind_to_element (CjmKind kind)
{
  g_return_val_if_fail (kind < CJM_N_KINDS, NULL);
  return kinds[kind].element;
}

const char *
cjm_kind_to_container (CjmKind kind)
{
  g_return_val_if_fail (kind < CJM_N_KINDS, NULL);
  return kinds[kind].container;
}

const char *
cjm_lane_kind_to_string (CjmLaneKind kind)
{
  if (kind >= CJM_N_LANE_KINDS)
    return NULL;
  return lane_kinds[kind].name;
}

CjmLaneKind
cjm_lane_kind_from_string (const char *str)
{
  if (str == NULL)
    return CJM_LANE_UNKNOWN;
  for (guint i = CJM_LANE_UNKNOWN + 1; i < CJM_N_LANE_KINDS; i++)
    if (strcmp (str, lane_kinds[i].name) == 0)
      return i;
  return CJM_LANE_UNKNOWN;
}

CjmKind
cjm_lane_kind_holds (CjmLaneKind kind)
{
  if (kind >= CJM_N_LANE_KINDS)
    return CJM_KIND_MAP;
  return lane_kinds[kind].holds;
}

/* Kinds of item */

const char *
cjm_kind_get_id_prefix (CjmKind kind)
{
  g_return_val_if_fail (kind < CJM_N_KINDS, NULL);
  return kinds[kind].id_prefix;
}

CjmField
cjm_kind_get_title_field (CjmKind kind)
{
  g_return_val_if_fail (kind < CJM_N_KINDS, CJM_FIELD_TITLE);
  return kinds[kind].title_field;
}

gboolean
cjm_kind_is_card (CjmKind kind)
{
  return kind < CJM_N_KINDS && kinds[kind].is_card;
}

const char *
cjm_kind_get_label (CjmKind kind)
{
  return kind_text (kind, KIND_LABEL, NULL);
}

const char *
cjm_kind_get_label_for (CjmKind    kind,
                        CjmLabels *labels)
{
  return kind_text (kind, KIND_LABEL, labels);
}

const char *
cjm_kind_get_plural (CjmKind kind)
{
  return kind_text (kind, KIND_PLURAL, NULL);
}

const char *
cjm_kind_get_noun (CjmKind kind)
{
  return kind_text (kind, KIND_NOUN, NULL);
}

const char *
cjm_kind_get_noun_for (CjmKind    kind,
                       CjmLabels *labels)
{
  return kind_text (kind, KIND_NOUN, labels);
}

const char *
cjm_kind_get_default_title (CjmKind kind)
{
  return kind_text (kind, KIND_DEFAULT_TITLE, NULL);
}

/* Kinds of lane */

const char *
cjm_lane_kind_get_label (CjmLaneKind kind)
{
  return lane_kind_text (kind, LANE_LABEL, NULL);
}

const char *
cjm_lane_kind_get_default_name (CjmLaneKind kind)
{
  return cjm_lane_kind_get_default_name_for (kind, NULL);
}

const char *
cjm_lane_kind_get_default_name_for (CjmLaneKind  kind,
                                    CjmLabels   *labels)
{
  return lane_kind_text (kind, LANE_DEFAULT_NAME, labels)
         ?: kind_text (CJM_KIND_LANE, KIND_DEFAULT_TITLE, labels);
}

const char *
cjm_lane_kind_get_card_title (CjmLaneKind kind)
{
  return lane_kind_text (kind, LANE_CARD_TITLE, NULL);
}

/* Kinds of channel */

const char *
cjm_channel_get_label (const char *channel,
                       CjmLabels  *labels)
{
  g_autofree char *word = NULL;

  if (channel == NULL)
    return NULL;
  word = g_strstrip (g_ascii_strdown (channel, -1));
  for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
    if (strcmp (word, channels[i].name) == 0)
      return cjm_labels_pgettext (labels, "channel type", channels[i].label);
  return NULL;
}
