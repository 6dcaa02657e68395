/* cjm-xml-writer.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes a CjmDocument as canonical .cjm (FORMAT.md, "Rules of the
 * format"): two-space indentation, one element per line, text-only
 * elements on one line, attributes in the documented order followed by the
 * unknown ones as read, and unknown child elements put back after as many
 * known siblings as stood before them when read.
 *
 * Saving is in cjm-xml-save.c.
 */

#define G_LOG_DOMAIN "cjm-format"

#include "config.h"

#include <string.h>

#include "cjm-xml-private.h"

/* Unknown children of the element being written, flushed as the known
 * children go by. */
typedef struct {
  GString         *out;
  guint            depth;
  const CjmExtras *extras;
  guint            next;
  guint            known;
} Children;

typedef enum {
  ATTRS_ALL,
  ATTRS_XMLNS,
  ATTRS_NOT_XMLNS,
} AttrSelection;

/* The shape of the format */

#define END_FIELDS CJM_N_FIELDS
#define END_PARTS CJM_XML_PART_END

static const CjmField map_attrs[] = {
  CJM_FIELD_VERSION, CJM_FIELD_LANG, END_FIELDS
};
static const guint map_children[] = {
  CJM_FIELD_TITLE, CJM_FIELD_DESCRIPTION, CJM_FIELD_AUTHOR, END_PARTS
};
static const CjmField settings_fields[] = {
  CJM_FIELD_EMOTION_SPREAD, END_FIELDS
};
static const CjmField print_fields[] = {
  CJM_FIELD_PAPER, CJM_FIELD_ORIENTATION, CJM_FIELD_FIT, CJM_FIELD_TILES, CJM_FIELD_OVERLAP,
  CJM_FIELD_COVER, CJM_FIELD_APPENDIX, CJM_FIELD_FINDINGS, CJM_FIELD_PLAN, END_FIELDS
};
static const CjmField persona_attrs[] = {
  CJM_FIELD_ID, CJM_FIELD_COLOR, END_FIELDS
};
static const guint persona_children[] = {
  CJM_FIELD_NAME, CJM_FIELD_DESCRIPTION, CJM_FIELD_GOAL, END_PARTS
};
static const CjmField stage_attrs[] = {
  CJM_FIELD_ID, END_FIELDS
};
static const guint stage_children[] = {
  CJM_FIELD_NAME, CJM_FIELD_GOAL, END_PARTS
};
static const CjmField lane_attrs[] = {
  CJM_FIELD_ID, CJM_FIELD_LANE_KIND, CJM_FIELD_CHANNEL, CJM_FIELD_OWNER, END_FIELDS
};
static const guint lane_children[] = {
  CJM_FIELD_NAME, END_PARTS
};
static const CjmField touchpoint_attrs[] = {
  CJM_FIELD_ID, CJM_FIELD_STAGE, CJM_FIELD_LANE, CJM_FIELD_INTERACTION, CJM_FIELD_EMOTION,
  CJM_FIELD_TARGET_EMOTION, CJM_FIELD_OWNER, CJM_FIELD_EVIDENCE, CJM_FIELD_MOMENT_OF_TRUTH,
  CJM_FIELD_PERSONAS, END_FIELDS
};
static const guint touchpoint_children[] = {
  CJM_FIELD_TITLE, CJM_FIELD_DESCRIPTION, CJM_FIELD_EMOTION_NOTE,
  CJM_XML_PART_LIST (CJM_LIST_FACTS), CJM_XML_PART_LIST (CJM_LIST_KPIS),
  CJM_FIELD_THIRD_PARTY, CJM_XML_PART_LIST (CJM_LIST_DATA_SOURCES), END_PARTS
};
static const CjmField note_attrs[] = {
  CJM_FIELD_ID, CJM_FIELD_STAGE, CJM_FIELD_LANE, END_FIELDS
};
static const CjmField opportunity_attrs[] = {
  CJM_FIELD_ID, CJM_FIELD_STAGE, CJM_FIELD_LANE, CJM_FIELD_IMPACT, CJM_FIELD_EFFORT,
  CJM_FIELD_OWNER, CJM_FIELD_STATUS, CJM_FIELD_HORIZON, CJM_FIELD_DUE, CJM_FIELD_ADDRESSES,
  END_FIELDS
};
static const guint opportunity_children[] = {
  CJM_FIELD_TITLE, CJM_FIELD_DESCRIPTION, CJM_XML_PART_LIST (CJM_LIST_SCORES), END_PARTS
};
static const CjmField link_attrs[] = {
  CJM_FIELD_FROM, CJM_FIELD_TO, END_FIELDS
};
static const guint link_children[] = {
  CJM_FIELD_LABEL, END_PARTS
};
static const CjmField term_attrs[] = {
  CJM_FIELD_PREFERRED, END_FIELDS
};
static const guint term_children[] = {
  CJM_XML_PART_LIST (CJM_LIST_SYNONYMS), END_PARTS
};
static const CjmField suppress_attrs[] = {
  CJM_FIELD_RULE, CJM_FIELD_TARGET, END_FIELDS
};
static const guint no_children[] = {
  END_PARTS
};

static const CjmXmlShape shapes[CJM_N_KINDS] = {
  [CJM_KIND_MAP] = { map_attrs, map_children },
  [CJM_KIND_PERSONA] = { persona_attrs, persona_children },
  [CJM_KIND_STAGE] = { stage_attrs, stage_children },
  [CJM_KIND_LANE] = { lane_attrs, lane_children },
  [CJM_KIND_TOUCHPOINT] = { touchpoint_attrs, touchpoint_children },
  [CJM_KIND_NOTE] = { note_attrs, no_children },
  [CJM_KIND_OPPORTUNITY] = { opportunity_attrs, opportunity_children },
  [CJM_KIND_LINK] = { link_attrs, link_children },
  [CJM_KIND_TERM] = { term_attrs, term_children },
  [CJM_KIND_SUPPRESSION] = { suppress_attrs, no_children },
};

static const char * const list_elements[CJM_N_LISTS] = {
  [CJM_LIST_FACTS] = "fact",
  [CJM_LIST_KPIS] = "kpi",
  [CJM_LIST_DATA_SOURCES] = "data-source",
  [CJM_LIST_SYNONYMS] = "synonym",
  [CJM_LIST_SCORES] = "score",
};

const CjmXmlShape *
cjm_xml_get_shape (CjmKind kind)
{
  g_assert (kind < CJM_N_KINDS);
  return &shapes[kind];
}

const CjmField *
cjm_xml_get_settings_fields (void)
{
  return settings_fields;
}

const CjmField *
cjm_xml_get_print_fields (void)
{
  return print_fields;
}

const char *
cjm_xml_list_to_element (CjmListKind list)
{
  g_assert (list < CJM_N_LISTS);
  return list_elements[list];
}

gboolean
cjm_xml_kind_is_text (CjmKind kind)
{
  return kind == CJM_KIND_NOTE || kind == CJM_KIND_SUPPRESSION;
}

/* Whether the document uses what version 1.1 added: an opportunity's
 * status, horizon, due date or scores. (An opportunity's description is
 * not counted: this writer already wrote it in 1.0 files, and the 1.0
 * schema allows it.) */
static gboolean
uses_format_1_1 (CjmDocument *document)
{
  GPtrArray *opportunities = cjm_document_get_items (document, CJM_KIND_OPPORTUNITY);

  for (guint i = 0; i < opportunities->len; i++)
    {
      CjmItem *item = g_ptr_array_index (opportunities, i);

      if (cjm_item_get_field (item, CJM_FIELD_STATUS) != NULL
          || cjm_item_get_field (item, CJM_FIELD_HORIZON) != NULL
          || cjm_item_get_field (item, CJM_FIELD_DUE) != NULL
          || cjm_item_get_list (item, CJM_LIST_SCORES)->len > 0)
        return TRUE;
    }
  return FALSE;
}

/* "1" or "1.0" (ASCII white space around it allowed) */
static gboolean
is_version_1_0 (const char *version)
{
  const char *p = version;

  while (g_ascii_isspace (*p))
    p++;
  if (*p++ != '1')
    return FALSE;
  if (*p == '.')
    {
      if (!g_ascii_isdigit (p[1]))
        return FALSE;
      for (p++; *p == '0'; p++)
        ;
    }
  while (g_ascii_isspace (*p))
    p++;
  return *p == '\0';
}

const char *
cjm_xml_get_written_version (CjmDocument *document)
{
  const char *version = cjm_item_get_field (cjm_document_get_map (document), CJM_FIELD_VERSION);

  if ((version == NULL || is_version_1_0 (version)) && uses_format_1_1 (document))
    return "1.1";
  return version;
}

/* Output helpers */

/* Escapes for XML. In attributes, new lines and tabs become character
 * references so that they survive attribute-value normalization; carriage
 * returns always do. Characters XML 1.0 cannot hold (C0 controls, U+FFFE,
 * U+FFFF) become U+FFFD, so the file can always be opened again. */
static void
append_escaped (GString    *out,
                const char *text,
                gboolean    attribute)
{
  g_autofree char *valid = NULL;
  const guchar *p;
  const guchar *run;

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  for (p = run = (const guchar *) text; *p != '\0'; p++)
    {
      const char *replacement = NULL;
      gsize skip = 0;

      switch (*p)
        {
        case '&':
          replacement = "&amp;";
          break;
        case '<':
          replacement = "&lt;";
          break;
        case '>':
          replacement = "&gt;";
          break;
        case '"':
          replacement = attribute ? "&quot;" : NULL;
          break;
        case '\n':
          replacement = attribute ? "&#10;" : NULL;
          break;
        case '\t':
          replacement = attribute ? "&#9;" : NULL;
          break;
        case '\r':
          replacement = "&#13;";
          break;
        case 0xEF:
          if (p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF))
            {
              replacement = "\xef\xbf\xbd";
              skip = 2;
            }
          break;
        default:
          if (*p < 0x20)
            replacement = "\xef\xbf\xbd";
          break;
        }

      if (replacement != NULL)
        {
          g_string_append_len (out, (const char *) run, p - run);
          g_string_append (out, replacement);
          p += skip;
          run = p + 1;
        }
    }
  g_string_append_len (out, (const char *) run, p - run);
}

static void
append_indent (GString *out,
               guint    depth)
{
  for (guint i = 0; i < depth; i++)
    g_string_append (out, "  ");
}

static void
append_attr (GString    *out,
             const char *name,
             const char *value)
{
  if (value == NULL)
    return;
  g_string_append_c (out, ' ');
  g_string_append (out, name);
  g_string_append (out, "=\"");
  append_escaped (out, value, TRUE);
  g_string_append_c (out, '"');
}

static void
append_field_attrs (GString        *out,
                    CjmItem        *item,
                    const CjmField *fields)
{
  for (const CjmField *f = fields; *f != END_FIELDS; f++)
    append_attr (out, cjm_field_to_name (*f), cjm_item_get_field (item, *f));
}

static void
append_extra_attrs (GString         *out,
                    const CjmExtras *extras,
                    AttrSelection    selection)
{
  if (extras == NULL)
    return;

  for (guint i = 0; i < extras->attrs->len; i++)
    {
      const CjmRawAttr *attr = g_ptr_array_index (extras->attrs, i);
      gboolean is_xmlns = g_str_has_prefix (attr->name, "xmlns:");

      if (selection == ATTRS_ALL
          || (selection == ATTRS_XMLNS && is_xmlns)
          || (selection == ATTRS_NOT_XMLNS && !is_xmlns))
        append_attr (out, attr->name, attr->value);
    }
}

static void
children_flush (Children *c,
                gboolean  all)
{
  if (c->extras == NULL)
    return;

  while (c->next < c->extras->children->len)
    {
      const CjmRawChild *child = g_ptr_array_index (c->extras->children, c->next);

      if (!all && child->anchor > c->known)
        break;
      append_indent (c->out, c->depth);
      g_string_append (c->out, child->xml);
      g_string_append_c (c->out, '\n');
      c->next++;
    }
}

static void
children_init (Children        *c,
               GString         *out,
               guint            depth,
               const CjmExtras *extras)
{
  c->out = out;
  c->depth = depth;
  c->extras = extras;
  c->next = 0;
  c->known = 0;
  children_flush (c, FALSE);
}

static void
children_known (Children *c)
{
  c->known++;
  children_flush (c, FALSE);
}

/* After the start tag's attributes: opens the body of an element that
 * holds elements. Returns the mark for close_element(). */
static gsize
open_body (GString *out)
{
  g_string_append (out, ">\n");
  return out->len;
}

static void
close_element (GString    *out,
               guint       depth,
               const char *name,
               gsize       mark)
{
  if (out->len == mark)
    {
      g_string_truncate (out, mark - 2);
      g_string_append (out, "/>\n");
      return;
    }
  append_indent (out, depth);
  g_string_append (out, "</");
  g_string_append (out, name);
  g_string_append (out, ">\n");
}

/* After the start tag's attributes: the text and the unknown content of
 * an element that holds text, then the end tag, on the same line. */
static void
finish_text_element (GString         *out,
                     const char      *name,
                     const char      *text,
                     const CjmExtras *extras)
{
  gboolean has_children = extras != NULL && extras->children->len > 0;

  if ((text == NULL || *text == '\0') && !has_children)
    {
      g_string_append (out, "/>\n");
      return;
    }

  g_string_append_c (out, '>');
  if (text != NULL)
    append_escaped (out, text, FALSE);
  for (guint i = 0; has_children && i < extras->children->len; i++)
    g_string_append (out, ((const CjmRawChild *) g_ptr_array_index (extras->children, i))->xml);
  g_string_append (out, "</");
  g_string_append (out, name);
  g_string_append (out, ">\n");
}

static void
open_tag (GString    *out,
          guint       depth,
          const char *name)
{
  append_indent (out, depth);
  g_string_append_c (out, '<');
  g_string_append (out, name);
}

static void
write_text_field (GString  *out,
                  guint     depth,
                  CjmItem  *item,
                  CjmField  field)
{
  const char *name = cjm_field_to_name (field);
  const CjmExtras *extras = cjm_item_get_field_extras (item, field);

  open_tag (out, depth, name);
  append_extra_attrs (out, extras, ATTRS_ALL);
  finish_text_element (out, name, cjm_item_get_field (item, field), extras);
}

static void
write_list_entry (GString     *out,
                  guint        depth,
                  CjmListKind  list,
                  gpointer     entry)
{
  const char *name = cjm_xml_list_to_element (list);

  open_tag (out, depth, name);

  switch (list)
    {
    case CJM_LIST_FACTS:
      {
        const CjmFact *fact = entry;

        append_attr (out, "key", fact->key);
        append_extra_attrs (out, fact->extras, ATTRS_ALL);
        finish_text_element (out, name, fact->value, fact->extras);
      }
      break;

    case CJM_LIST_KPIS:
      {
        const CjmKpi *kpi = entry;
        Children c;
        gsize mark;

        append_attr (out, "name", kpi->name);
        append_attr (out, "value", kpi->value);
        append_attr (out, "unit", kpi->unit);
        append_attr (out, "target", kpi->target);
        append_attr (out, "source", kpi->source);
        append_extra_attrs (out, kpi->extras, ATTRS_ALL);
        mark = open_body (out);
        children_init (&c, out, depth + 1, kpi->extras);
        children_flush (&c, TRUE);
        close_element (out, depth, name, mark);
      }
      break;

    case CJM_LIST_DATA_SOURCES:
    case CJM_LIST_SYNONYMS:
      {
        const CjmText *text = entry;

        append_extra_attrs (out, text->extras, ATTRS_ALL);
        finish_text_element (out, name, text->text, text->extras);
      }
      break;

    case CJM_LIST_SCORES:
      {
        const CjmScore *score = entry;

        append_attr (out, "role", score->role);
        append_attr (out, "impact", score->impact);
        append_attr (out, "effort", score->effort);
        append_extra_attrs (out, score->extras, ATTRS_ALL);
        finish_text_element (out, name, score->text, score->extras);
      }
      break;

    case CJM_N_LISTS:
    default:
      g_assert_not_reached ();
    }
}

/* The known children of an item or of the map, with the unknown ones
 * between them. */
static void
write_parts (Children          *c,
             CjmItem           *item,
             const CjmXmlShape *shape,
             gboolean           title_always)
{
  for (const guint *part = shape->children; *part != END_PARTS; part++)
    {
      if (CJM_XML_PART_IS_LIST (*part))
        {
          CjmListKind list = *part - CJM_N_FIELDS;
          GPtrArray *entries = cjm_item_get_list (item, list);

          for (guint i = 0; i < entries->len; i++)
            {
              write_list_entry (c->out, c->depth, list, g_ptr_array_index (entries, i));
              children_known (c);
            }
        }
      else if (cjm_item_get_field (item, *part) != NULL
               || (title_always && *part == CJM_FIELD_TITLE))
        {
          write_text_field (c->out, c->depth, item, *part);
          children_known (c);
        }
    }
}

static void
write_item (GString *out,
            guint    depth,
            CjmItem *item)
{
  CjmKind kind = cjm_item_get_kind (item);
  const CjmXmlShape *shape = cjm_xml_get_shape (kind);
  const char *name = cjm_kind_to_element (kind);
  const CjmExtras *extras = cjm_item_get_extras (item);
  Children c;
  gsize mark;

  open_tag (out, depth, name);
  append_field_attrs (out, item, shape->attrs);
  append_extra_attrs (out, extras, ATTRS_ALL);

  if (cjm_xml_kind_is_text (kind))
    {
      finish_text_element (out, name, cjm_item_get_field (item, CJM_FIELD_TEXT), extras);
      return;
    }

  mark = open_body (out);
  children_init (&c, out, depth + 1, extras);
  write_parts (&c, item, shape, FALSE);
  children_flush (&c, TRUE);
  close_element (out, depth, name, mark);
}

/* <settings> or <print>, when it has anything to say. Returns whether it
 * was written. */
static gboolean
write_map_attributes_element (GString         *out,
                              CjmItem         *map,
                              const char      *name,
                              const CjmField  *fields,
                              const CjmExtras *extras)
{
  gboolean any = !cjm_extras_is_empty (extras);
  Children c;
  gsize mark;

  for (const CjmField *f = fields; *f != END_FIELDS && !any; f++)
    any = cjm_item_get_field (map, *f) != NULL;
  if (!any)
    return FALSE;

  open_tag (out, 1, name);
  append_field_attrs (out, map, fields);
  append_extra_attrs (out, extras, ATTRS_ALL);
  mark = open_body (out);
  children_init (&c, out, 2, extras);
  children_flush (&c, TRUE);
  close_element (out, 1, name, mark);
  return TRUE;
}

static void
write_document (CjmDocument *self,
                GString     *out)
{
  CjmItem *map = cjm_document_get_map (self);
  const CjmExtras *root_extras = *cjm_document_peek_container_extras (self, CJM_KIND_MAP);
  Children c;

  g_string_append (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  g_string_append (out, "<journey-map xmlns=\"" CJM_XML_NAMESPACE "\"");
  append_extra_attrs (out, root_extras, ATTRS_XMLNS);
  append_attr (out, cjm_field_to_name (CJM_FIELD_VERSION), cjm_xml_get_written_version (self));
  append_attr (out, cjm_field_to_name (CJM_FIELD_LANG), cjm_item_get_field (map, CJM_FIELD_LANG));
  append_extra_attrs (out, root_extras, ATTRS_NOT_XMLNS);
  g_string_append (out, ">\n");

  children_init (&c, out, 1, root_extras);
  write_parts (&c, map, cjm_xml_get_shape (CJM_KIND_MAP), TRUE);

  if (write_map_attributes_element (out, map, "settings", settings_fields,
                                    *cjm_document_peek_settings_extras (self)))
    children_known (&c);
  if (write_map_attributes_element (out, map, "print", print_fields,
                                    *cjm_document_peek_print_extras (self)))
    children_known (&c);

  for (guint k = CJM_KIND_MAP + 1; k < CJM_N_KINDS; k++)
    {
      GPtrArray *items = cjm_document_get_items (self, k);
      const CjmExtras *extras = *cjm_document_peek_container_extras (self, k);
      const char *name = cjm_kind_to_container (k);
      Children items_c;
      gsize mark;

      if (items->len == 0 && cjm_extras_is_empty (extras))
        continue;

      open_tag (out, 1, name);
      append_extra_attrs (out, extras, ATTRS_ALL);
      mark = open_body (out);
      children_init (&items_c, out, 2, extras);
      for (guint i = 0; i < items->len; i++)
        {
          write_item (out, 2, g_ptr_array_index (items, i));
          children_known (&items_c);
        }
      children_flush (&items_c, TRUE);
      close_element (out, 1, name, mark);
      children_known (&c);
    }

  children_flush (&c, TRUE);
  g_string_append (out, "</journey-map>\n");
}

/* Public API */

GBytes *
cjm_document_serialize (CjmDocument *self)
{
  GString *out;

  g_return_val_if_fail (CJM_IS_DOCUMENT (self), NULL);

  out = g_string_sized_new (16384);
  write_document (self, out);
  return g_string_free_to_bytes (out);
}
