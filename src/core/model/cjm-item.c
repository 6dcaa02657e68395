/* cjm-item.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-model"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cjm-extras.h"
#include "cjm-item.h"
#include "cjm-kinds.h"

struct _CjmItem
{
  GObject     parent_instance;

  CjmKind     kind;
  gboolean    in_document;
  char       *fields[CJM_N_FIELDS];
  GPtrArray  *lists[CJM_N_LISTS];
  CjmExtras  *extras;
  CjmExtras **field_extras;     /* CJM_N_FIELDS, allocated on first use */
};

G_DEFINE_FINAL_TYPE (CjmItem, cjm_item, G_TYPE_OBJECT)

static const char * const field_names[CJM_N_FIELDS] = {
  [CJM_FIELD_ID] = "id",
  [CJM_FIELD_STAGE] = "stage",
  [CJM_FIELD_LANE] = "lane",
  [CJM_FIELD_INTERACTION] = "interaction",
  [CJM_FIELD_EMOTION] = "emotion",
  [CJM_FIELD_TARGET_EMOTION] = "target-emotion",
  [CJM_FIELD_OWNER] = "owner",
  [CJM_FIELD_EVIDENCE] = "evidence",
  [CJM_FIELD_MOMENT_OF_TRUTH] = "moment-of-truth",
  [CJM_FIELD_PERSONAS] = "personas",
  [CJM_FIELD_COLOR] = "color",
  [CJM_FIELD_LANE_KIND] = "kind",
  [CJM_FIELD_CHANNEL] = "channel",
  [CJM_FIELD_IMPACT] = "impact",
  [CJM_FIELD_EFFORT] = "effort",
  [CJM_FIELD_ADDRESSES] = "addresses",
  [CJM_FIELD_FROM] = "from",
  [CJM_FIELD_TO] = "to",
  [CJM_FIELD_RULE] = "rule",
  [CJM_FIELD_TARGET] = "target",
  [CJM_FIELD_PREFERRED] = "preferred",
  [CJM_FIELD_STATUS] = "status",
  [CJM_FIELD_HORIZON] = "horizon",
  [CJM_FIELD_DUE] = "due",
  [CJM_FIELD_VERSION] = "version",
  [CJM_FIELD_LANG] = "xml:lang",
  [CJM_FIELD_EMOTION_SPREAD] = "emotion-spread",
  [CJM_FIELD_PAPER] = "paper",
  [CJM_FIELD_ORIENTATION] = "orientation",
  [CJM_FIELD_FIT] = "fit",
  [CJM_FIELD_TILES] = "tiles",
  [CJM_FIELD_OVERLAP] = "overlap",
  [CJM_FIELD_COVER] = "cover",
  [CJM_FIELD_APPENDIX] = "appendix",
  [CJM_FIELD_FINDINGS] = "findings",
  [CJM_FIELD_PLAN] = "plan",
  [CJM_FIELD_TITLE] = "title",
  [CJM_FIELD_NAME] = "name",
  [CJM_FIELD_DESCRIPTION] = "description",
  [CJM_FIELD_AUTHOR] = "author",
  [CJM_FIELD_GOAL] = "goal",
  [CJM_FIELD_EMOTION_NOTE] = "emotion-note",
  [CJM_FIELD_THIRD_PARTY] = "third-party",
  [CJM_FIELD_LABEL] = "label",
  [CJM_FIELD_TEXT] = "#text",
};

/* Extras */

static void
raw_attr_free (gpointer data)
{
  CjmRawAttr *attr = data;

  g_free (attr->name);
  g_free (attr->value);
  g_free (attr);
}

static void
raw_child_free (gpointer data)
{
  CjmRawChild *child = data;

  g_free (child->xml);
  g_free (child);
}

CjmExtras *
cjm_extras_new (void)
{
  CjmExtras *extras = g_new0 (CjmExtras, 1);

  extras->attrs = g_ptr_array_new_with_free_func (raw_attr_free);
  extras->children = g_ptr_array_new_with_free_func (raw_child_free);
  return extras;
}

CjmExtras *
cjm_extras_copy (const CjmExtras *extras)
{
  CjmExtras *copy;

  if (extras == NULL)
    return NULL;

  copy = cjm_extras_new ();
  for (guint i = 0; i < extras->attrs->len; i++)
    {
      const CjmRawAttr *attr = g_ptr_array_index (extras->attrs, i);
      cjm_extras_add_attr (&copy, attr->name, attr->value);
    }
  for (guint i = 0; i < extras->children->len; i++)
    {
      const CjmRawChild *child = g_ptr_array_index (extras->children, i);
      cjm_extras_add_child (&copy, child->anchor, child->xml);
    }
  return copy;
}

void
cjm_extras_free (CjmExtras *extras)
{
  if (extras == NULL)
    return;
  g_ptr_array_unref (extras->attrs);
  g_ptr_array_unref (extras->children);
  g_free (extras);
}

gboolean
cjm_extras_is_empty (const CjmExtras *extras)
{
  return extras == NULL || (extras->attrs->len == 0 && extras->children->len == 0);
}

gboolean
cjm_extras_equal (const CjmExtras *a,
                  const CjmExtras *b)
{
  if (cjm_extras_is_empty (a) || cjm_extras_is_empty (b))
    return cjm_extras_is_empty (a) && cjm_extras_is_empty (b);

  if (a->attrs->len != b->attrs->len || a->children->len != b->children->len)
    return FALSE;

  for (guint i = 0; i < a->attrs->len; i++)
    {
      const CjmRawAttr *x = g_ptr_array_index (a->attrs, i);
      const CjmRawAttr *y = g_ptr_array_index (b->attrs, i);
      if (g_strcmp0 (x->name, y->name) != 0 || g_strcmp0 (x->value, y->value) != 0)
        return FALSE;
    }
  for (guint i = 0; i < a->children->len; i++)
    {
      const CjmRawChild *x = g_ptr_array_index (a->children, i);
      const CjmRawChild *y = g_ptr_array_index (b->children, i);
      if (x->anchor != y->anchor || g_strcmp0 (x->xml, y->xml) != 0)
        return FALSE;
    }
  return TRUE;
}

void
cjm_extras_add_attr (CjmExtras  **extras,
                     const char  *name,
                     const char  *value)
{
  CjmRawAttr *attr;

  if (*extras == NULL)
    *extras = cjm_extras_new ();

  attr = g_new0 (CjmRawAttr, 1);
  attr->name = g_strdup (name);
  attr->value = g_strdup (value);
  g_ptr_array_add ((*extras)->attrs, attr);
}

void
cjm_extras_add_child (CjmExtras  **extras,
                      guint        anchor,
                      const char  *xml)
{
  CjmRawChild *child;

  if (*extras == NULL)
    *extras = cjm_extras_new ();

  child = g_new0 (CjmRawChild, 1);
  child->anchor = anchor;
  child->xml = g_strdup (xml);
  g_ptr_array_add ((*extras)->children, child);
}

/* List entries */

CjmFact *
cjm_fact_new (const char *key,
              const char *value)
{
  CjmFact *fact = g_new0 (CjmFact, 1);

  fact->key = g_strdup (key);
  fact->value = g_strdup (value);
  return fact;
}

void
cjm_fact_free (CjmFact *fact)
{
  if (fact == NULL)
    return;
  g_free (fact->key);
  g_free (fact->value);
  cjm_extras_free (fact->extras);
  g_free (fact);
}

CjmKpi *
cjm_kpi_new (const char *name,
             const char *value,
             const char *unit,
             const char *target,
             const char *source)
{
  CjmKpi *kpi = g_new0 (CjmKpi, 1);

  kpi->name = g_strdup (name);
  kpi->value = g_strdup (value);
  kpi->unit = g_strdup (unit);
  kpi->target = g_strdup (target);
  kpi->source = g_strdup (source);
  return kpi;
}

void
cjm_kpi_free (CjmKpi *kpi)
{
  if (kpi == NULL)
    return;
  g_free (kpi->name);
  g_free (kpi->value);
  g_free (kpi->unit);
  g_free (kpi->target);
  g_free (kpi->source);
  cjm_extras_free (kpi->extras);
  g_free (kpi);
}

CjmText *
cjm_text_new (const char *text)
{
  CjmText *entry = g_new0 (CjmText, 1);

  entry->text = g_strdup (text);
  return entry;
}

void
cjm_text_free (CjmText *text)
{
  if (text == NULL)
    return;
  g_free (text->text);
  cjm_extras_free (text->extras);
  g_free (text);
}

CjmScore *
cjm_score_new (const char *role,
               const char *impact,
               const char *effort,
               const char *text)
{
  CjmScore *score = g_new0 (CjmScore, 1);

  score->role = g_strdup (role);
  score->impact = g_strdup (impact);
  score->effort = g_strdup (effort);
  score->text = g_strdup (text);
  return score;
}

void
cjm_score_free (CjmScore *score)
{
  if (score == NULL)
    return;
  g_free (score->role);
  g_free (score->impact);
  g_free (score->effort);
  g_free (score->text);
  cjm_extras_free (score->extras);
  g_free (score);
}

GPtrArray *
cjm_list_new (CjmListKind list)
{
  switch (list)
    {
    case CJM_LIST_FACTS:
      return g_ptr_array_new_with_free_func ((GDestroyNotify) cjm_fact_free);
    case CJM_LIST_KPIS:
      return g_ptr_array_new_with_free_func ((GDestroyNotify) cjm_kpi_free);
    case CJM_LIST_DATA_SOURCES:
    case CJM_LIST_SYNONYMS:
      return g_ptr_array_new_with_free_func ((GDestroyNotify) cjm_text_free);
    case CJM_LIST_SCORES:
      return g_ptr_array_new_with_free_func ((GDestroyNotify) cjm_score_free);
    case CJM_N_LISTS:
    default:
      g_assert_not_reached ();
    }
}

GPtrArray *
cjm_list_copy (CjmListKind  list,
               GPtrArray   *entries)
{
  GPtrArray *copy = cjm_list_new (list);

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      gpointer entry = g_ptr_array_index (entries, i);

      if (list == CJM_LIST_FACTS)
        {
          const CjmFact *fact = entry;
          CjmFact *dup = cjm_fact_new (fact->key, fact->value);
          dup->extras = cjm_extras_copy (fact->extras);
          g_ptr_array_add (copy, dup);
        }
      else if (list == CJM_LIST_KPIS)
        {
          const CjmKpi *kpi = entry;
          CjmKpi *dup = cjm_kpi_new (kpi->name, kpi->value, kpi->unit, kpi->target, kpi->source);
          dup->extras = cjm_extras_copy (kpi->extras);
          g_ptr_array_add (copy, dup);
        }
      else if (list == CJM_LIST_SCORES)
        {
          const CjmScore *score = entry;
          CjmScore *dup = cjm_score_new (score->role, score->impact, score->effort, score->text);
          dup->extras = cjm_extras_copy (score->extras);
          g_ptr_array_add (copy, dup);
        }
      else
        {
          const CjmText *text = entry;
          CjmText *dup = cjm_text_new (text->text);
          dup->extras = cjm_extras_copy (text->extras);
          g_ptr_array_add (copy, dup);
        }
    }

  return copy;
}

gboolean
cjm_list_equal (CjmListKind  list,
                GPtrArray   *a,
                GPtrArray   *b)
{
  guint len_a = a ? a->len : 0;
  guint len_b = b ? b->len : 0;

  if (len_a != len_b)
    return FALSE;

  for (guint i = 0; i < len_a; i++)
    {
      gpointer x = g_ptr_array_index (a, i);
      gpointer y = g_ptr_array_index (b, i);

      if (list == CJM_LIST_FACTS)
        {
          const CjmFact *f = x, *g = y;
          if (g_strcmp0 (f->key, g->key) || g_strcmp0 (f->value, g->value)
              || !cjm_extras_equal (f->extras, g->extras))
            return FALSE;
        }
      else if (list == CJM_LIST_KPIS)
        {
          const CjmKpi *k = x, *l = y;
          if (g_strcmp0 (k->name, l->name) || g_strcmp0 (k->value, l->value)
              || g_strcmp0 (k->unit, l->unit) || g_strcmp0 (k->target, l->target)
              || g_strcmp0 (k->source, l->source) || !cjm_extras_equal (k->extras, l->extras))
            return FALSE;
        }
      else if (list == CJM_LIST_SCORES)
        {
          const CjmScore *s = x, *t = y;
          if (g_strcmp0 (s->role, t->role) || g_strcmp0 (s->impact, t->impact)
              || g_strcmp0 (s->effort, t->effort) || g_strcmp0 (s->text, t->text)
              || !cjm_extras_equal (s->extras, t->extras))
            return FALSE;
        }
      else
        {
          const CjmText *s = x, *t = y;
          if (g_strcmp0 (s->text, t->text) || !cjm_extras_equal (s->extras, t->extras))
            return FALSE;
        }
    }

  return TRUE;
}

/* Names */

const char *
cjm_field_to_name (CjmField field)
{
  g_return_val_if_fail (field < CJM_N_FIELDS, NULL);
  return field_names[field];
}

gboolean
cjm_field_is_text_child (CjmField field)
{
  return field >= CJM_FIELD_TITLE && field < CJM_N_FIELDS;
}

/* The same as below for ASCII text, without the allocations of the
 * general path: the checker normalizes every interaction, fact and KPI of
 * a map. NULL when the text is not all ASCII. */
static char *
normalize_ascii (const char *text)
{
  gsize len = strlen (text), n = 0;
  char *out = g_malloc (len + 1);
  gboolean space = FALSE;

  for (const char *p = text; *p; p++)
    {
      char c = *p;

      if ((guchar) c >= 0x80)
        {
          g_free (out);
          return NULL;
        }
      /* g_unichar_isspace() on ASCII (not \v) */
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f')
        {
          space = n > 0;
          continue;
        }
      if (space)
        out[n++] = ' ';
      space = FALSE;
      out[n++] = c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
    }
  out[n] = '\0';
  return out;
}

char *
cjm_collapse_space (const char *text)
{
  GString *out;
  gboolean space = FALSE;

  if (text == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

char *
cjm_normalize (const char *text)
{
  g_autofree char *collapsed = NULL;
  char *ascii;

  if (text == NULL)
    return g_strdup ("");
  if ((ascii = normalize_ascii (text)) != NULL)
    return ascii;

  collapsed = cjm_collapse_space (text);
  return g_utf8_casefold (collapsed, -1);
}

/* Item */

static void
cjm_item_finalize (GObject *object)
{
  CjmItem *self = CJM_ITEM (object);

  for (guint i = 0; i < CJM_N_FIELDS; i++)
    g_free (self->fields[i]);
  for (guint i = 0; i < CJM_N_LISTS; i++)
    g_clear_pointer (&self->lists[i], g_ptr_array_unref);
  cjm_extras_free (self->extras);
  if (self->field_extras != NULL)
    {
      for (guint i = 0; i < CJM_N_FIELDS; i++)
        cjm_extras_free (self->field_extras[i]);
      g_free (self->field_extras);
    }

  G_OBJECT_CLASS (cjm_item_parent_class)->finalize (object);
}

static void
cjm_item_class_init (CjmItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cjm_item_finalize;
}

static void
cjm_item_init (CjmItem *self)
{
}

CjmItem *
cjm_item_new (CjmKind kind)
{
  CjmItem *self;

  g_return_val_if_fail (kind < CJM_N_KINDS, NULL);

  self = g_object_new (CJM_TYPE_ITEM, NULL);
  self->kind = kind;
  return self;
}

CjmItem *
cjm_item_copy (CjmItem *self)
{
  CjmItem *copy;

  g_return_val_if_fail (CJM_IS_ITEM (self), NULL);

  copy = cjm_item_new (self->kind);
  for (guint i = 0; i < CJM_N_FIELDS; i++)
    copy->fields[i] = g_strdup (self->fields[i]);
  for (guint i = 0; i < CJM_N_LISTS; i++)
    if (self->lists[i] != NULL)
      copy->lists[i] = cjm_list_copy (i, self->lists[i]);
  copy->extras = cjm_extras_copy (self->extras);
  if (self->field_extras != NULL)
    {
      copy->field_extras = g_new0 (CjmExtras *, CJM_N_FIELDS);
      for (guint i = 0; i < CJM_N_FIELDS; i++)
        copy->field_extras[i] = cjm_extras_copy (self->field_extras[i]);
    }
  return copy;
}

gboolean
cjm_item_equal (CjmItem *a,
                CjmItem *b)
{
  g_return_val_if_fail (CJM_IS_ITEM (a) && CJM_IS_ITEM (b), FALSE);

  if (a->kind != b->kind)
    return FALSE;
  for (guint i = 0; i < CJM_N_FIELDS; i++)
    if (g_strcmp0 (a->fields[i], b->fields[i]) != 0
        || !cjm_extras_equal (cjm_item_get_field_extras (a, i), cjm_item_get_field_extras (b, i)))
      return FALSE;
  for (guint i = 0; i < CJM_N_LISTS; i++)
    if (!cjm_list_equal (i, a->lists[i], b->lists[i]))
      return FALSE;
  return cjm_extras_equal (a->extras, b->extras);
}

CjmKind
cjm_item_get_kind (CjmItem *self)
{
  g_return_val_if_fail (CJM_IS_ITEM (self), CJM_KIND_MAP);
  return self->kind;
}

const char *
cjm_item_get_field (CjmItem  *self,
                    CjmField  field)
{
  g_return_val_if_fail (CJM_IS_ITEM (self), NULL);
  g_return_val_if_fail (field < CJM_N_FIELDS, NULL);
  return self->fields[field];
}

const char *
cjm_item_get_id (CjmItem *self)
{
  g_return_val_if_fail (CJM_IS_ITEM (self), NULL);
  return self->fields[CJM_FIELD_ID];
}

GPtrArray *
cjm_item_get_list (CjmItem     *self,
                   CjmListKind  list)
{
  g_return_val_if_fail (CJM_IS_ITEM (self), NULL);
  g_return_val_if_fail (list < CJM_N_LISTS, NULL);

  if (self->lists[list] == NULL)
    self->lists[list] = cjm_list_new (list);
  return self->lists[list];
}

void
cjm_item_take_field (CjmItem  *self,
                     CjmField  field,
                     char     *value)
{
  g_free (self->fields[field]);
  self->fields[field] = value;
}

void
cjm_item_set_initial_field (CjmItem    *self,
                            CjmField    field,
                            const char *value)
{
  g_return_if_fail (CJM_IS_ITEM (self));
  g_return_if_fail (field < CJM_N_FIELDS);
  g_return_if_fail (!self->in_document);

  cjm_item_take_field (self, field, g_strdup (value));
}

void
cjm_item_set_initial_list (CjmItem     *self,
                           CjmListKind  list,
                           GPtrArray   *entries)
{
  g_return_if_fail (CJM_IS_ITEM (self));
  g_return_if_fail (list < CJM_N_LISTS);
  g_return_if_fail (!self->in_document);

  g_clear_pointer (&self->lists[list], g_ptr_array_unref);
  self->lists[list] = cjm_list_copy (list, entries);
}

gboolean
cjm_item_is_in_document (CjmItem *self)
{
  g_return_val_if_fail (CJM_IS_ITEM (self), FALSE);
  return self->in_document;
}

void
cjm_item_set_in_document (CjmItem  *self,
                          gboolean  in_document)
{
  self->in_document = in_document;
}

void
cjm_item_swap_list (CjmItem      *self,
                    CjmListKind   list,
                    GPtrArray   **entries)
{
  GPtrArray *old = self->lists[list];

  self->lists[list] = *entries;
  *entries = old;
}

CjmExtras *
cjm_item_get_extras (CjmItem *self)
{
  return self->extras;
}

CjmExtras **
cjm_item_peek_extras (CjmItem *self)
{
  return &self->extras;
}

CjmExtras *
cjm_item_get_field_extras (CjmItem  *self,
                           CjmField  field)
{
  if (self->field_extras == NULL)
    return NULL;
  return self->field_extras[field];
}

CjmExtras **
cjm_item_peek_field_extras (CjmItem  *self,
                            CjmField  field)
{
  if (self->field_extras == NULL)
    self->field_extras = g_new0 (CjmExtras *, CJM_N_FIELDS);
  return &self->field_extras[field];
}

/* Typed views */

static gboolean
parse_int (const char *str,
           gint64     *out)
{
  const char *start = str, *last;
  char *end = NULL;
  gint64 value;

  if (str == NULL)
    return FALSE;
  /* ASCII white space around the number is allowed */
  while (g_ascii_isspace (*start))
    start++;
  if (*start == '\0')
    return FALSE;
  for (last = start + strlen (start); g_ascii_isspace (last[-1]); last--)
    ;
  value = g_ascii_strtoll (start, &end, 10);
  if (end != last)
    return FALSE;
  *out = value;
  return TRUE;
}

int
cjm_item_get_int_field (CjmItem  *self,
                        CjmField  field,
                        int       min,
                        int       max,
                        int       unset)
{
  gint64 value;

  g_return_val_if_fail (CJM_IS_ITEM (self), unset);

  if (!parse_int (self->fields[field], &value) || value < min || value > max)
    return unset;
  return (int) value;
}

int
cjm_item_get_emotion (CjmItem *self)
{
  return cjm_item_get_int_field (self, CJM_FIELD_EMOTION, -3, 3, CJM_EMOTION_UNSET);
}

int
cjm_item_get_target_emotion (CjmItem *self)
{
  return cjm_item_get_int_field (self, CJM_FIELD_TARGET_EMOTION, -3, 3, CJM_EMOTION_UNSET);
}

gboolean
cjm_item_get_bool_field (CjmItem  *self,
                         CjmField  field,
                         gboolean  unset)
{
  const char *value;

  g_return_val_if_fail (CJM_IS_ITEM (self), unset);

  value = self->fields[field];
  if (g_strcmp0 (value, "true") == 0 || g_strcmp0 (value, "1") == 0)
    return TRUE;
  if (g_strcmp0 (value, "false") == 0 || g_strcmp0 (value, "0") == 0)
    return FALSE;
  return unset;
}

CjmLaneKind
cjm_item_get_lane_kind (CjmItem *self)
{
  g_return_val_if_fail (CJM_IS_ITEM (self), CJM_LANE_UNKNOWN);
  return cjm_lane_kind_from_string (self->fields[CJM_FIELD_LANE_KIND]);
}

GStrv
cjm_item_dup_id_list (CjmItem  *self,
                      CjmField  field)
{
  const char *value;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char *p;

  g_return_val_if_fail (CJM_IS_ITEM (self), NULL);

  value = self->fields[field];
  for (p = value; p != NULL && *p; )
    {
      const char *start;

      while (*p && g_ascii_isspace (*p))
        p++;
      start = p;
      while (*p && !g_ascii_isspace (*p))
        p++;
      if (p > start)
        {
          g_autofree char *id = g_strndup (start, p - start);
          g_strv_builder_add (builder, id);
        }
    }

  return g_strv_builder_end (builder);
}

gboolean
cjm_item_id_list_contains (CjmItem    *self,
                           CjmField    field,
                           const char *id)
{
  const char *value;
  gsize len;

  g_return_val_if_fail (CJM_IS_ITEM (self), FALSE);

  value = self->fields[field];
  if (value == NULL || id == NULL || *id == '\0')
    return FALSE;

  len = strlen (id);
  for (const char *p = strstr (value, id); p != NULL; p = strstr (p + 1, id))
    {
      gboolean start_ok = p == value || g_ascii_isspace (p[-1]);
      gboolean end_ok = p[len] == '\0' || g_ascii_isspace (p[len]);

      if (start_ok && end_ok)
        return TRUE;
    }
  return FALSE;
}

const char *
cjm_item_get_display_text (CjmItem *self)
{
  const char *value;

  g_return_val_if_fail (CJM_IS_ITEM (self), NULL);

  value = self->fields[cjm_kind_get_title_field (self->kind)];
  return value != NULL ? value : "";
}
