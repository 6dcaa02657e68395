/* cjm-xml-reader.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads .cjm files (FORMAT.md) into a CjmDocument. cjm-xml-parse.c makes
 * the libxml2 tree safely; this builds the document from it.
 *
 * Semantic faults are not errors: everything is loaded as text for the
 * checker. Elements and attributes this version does not know are kept in
 * CjmExtras and written back in place. Comments and processing
 * instructions inside the root element are kept the same way; those
 * outside it (before or after <journey-map>) are not kept.
 */

#define G_LOG_DOMAIN "cjm-format"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <libxml/tree.h>
#include <string.h>

#include "cjm-xml-private.h"

typedef struct {
  const char  *display_name;
  const char  *data;
  gsize        len;
  xmlDoc      *xml;
  CjmDocument *document;
} Reader;

/* Returns TRUE when it took the attribute as a known one. */
typedef gboolean (*AttrFunc) (gpointer     data,
                              xmlAttr     *attr,
                              const char  *value);

/* Building the document */

static gboolean
is_cjm_element (xmlNode    *node,
                const char *name)
{
  return node->type == XML_ELEMENT_NODE
         && node->ns != NULL
         && strcmp ((const char *) node->ns->href, CJM_XML_NAMESPACE) == 0
         && (name == NULL || strcmp ((const char *) node->name, name) == 0);
}

static char *
dump_node (Reader  *r,
           xmlNode *node)
{
  xmlBuffer *buffer = xmlBufferCreate ();
  char *xml;

  /* Unknown elements in no namespace or in another default namespace
   * than ours would change namespace under the root's xmlns on the way
   * back: declare theirs on them. */
  if (node->type == XML_ELEMENT_NODE)
    {
      const char *href = NULL;
      gboolean declared = FALSE;

      if (node->ns == NULL || node->ns->prefix == NULL)
        {
          href = node->ns != NULL ? (const char *) node->ns->href : "";
          for (xmlNs *ns = node->nsDef; ns != NULL; ns = ns->next)
            if (ns->prefix == NULL)
              declared = TRUE;
          /* xmlns="" declares "no namespace". */
          if (!declared && strcmp (href, CJM_XML_NAMESPACE) != 0)
            xmlNewNs (node, (const xmlChar *) href, NULL);
        }
    }

  xmlNodeDump (buffer, r->xml, node, 0, 0);
  xml = g_strdup ((const char *) xmlBufferContent (buffer));
  xmlBufferFree (buffer);
  return xml;
}

/* Keeps a child the reader does not know, after @anchor known siblings. */
static void
keep_child (Reader     *r,
            CjmExtras **extras,
            guint       anchor,
            xmlNode    *child)
{
  g_autofree char *xml = NULL;

  if (child->type == XML_TEXT_NODE)
    {
      if (xmlIsBlankNode (child))
        return;
      xml = dump_node (r, child);
      g_strstrip (xml);
    }
  else
    xml = dump_node (r, child);

  cjm_extras_add_child (extras, anchor, xml);
}

/* A second <title>, <settings>… in one parent is kept as unknown
 * content. It must be written after the one that is known, or it would
 * be the known one when the file is read again. */
typedef struct {
  guint child;                /* index in extras->children */
  guint part;                 /* the known part it repeats */
} Repeated;

static void
keep_repeated (Reader     *r,
               CjmExtras **extras,
               guint       anchor,
               xmlNode    *child,
               guint       part,
               GArray     *repeated)
{
  Repeated rep;

  keep_child (r, extras, anchor, child);
  rep.child = (*extras)->children->len - 1;
  rep.part = part;
  g_array_append_val (repeated, rep);
}

/* Anchors never go back in reading order: the writer reads them so. */
static void
make_anchors_monotonic (CjmExtras *extras)
{
  guint floor = 0;

  for (guint i = 0; extras != NULL && i < extras->children->len; i++)
    {
      CjmRawChild *child = g_ptr_array_index (extras->children, i);

      child->anchor = MAX (child->anchor, floor);
      floor = child->anchor;
    }
}

/* libxml2 keeps a '&' of a namespace name as "&#38;", since it does not
 * substitute entities; a literal '&' never appears otherwise. */
static char *
namespace_name (const xmlChar *href)
{
  GString *name = g_string_new (NULL);

  for (const char *p = (const char *) href; *p != '\0'; )
    {
      if (g_str_has_prefix (p, "&#38;"))
        {
          g_string_append_c (name, '&');
          p += 5;
        }
      else
        g_string_append_c (name, *p++);
    }
  return g_string_free (name, FALSE);
}

static void
read_attributes (Reader     *r,
                 xmlNode    *node,
                 CjmExtras **extras,
                 gboolean    is_root,
                 AttrFunc    func,
                 gpointer    data)
{
  for (xmlNs *ns = node->nsDef; ns != NULL; ns = ns->next)
    {
      g_autofree char *name = NULL;
      g_autofree char *href = namespace_name (ns->href);

      /* The writer always declares our namespace as the default one. */
      if (ns->prefix == NULL && (is_root || strcmp (href, CJM_XML_NAMESPACE) != 0))
        continue;
      name = ns->prefix != NULL ? g_strconcat ("xmlns:", ns->prefix, NULL) : g_strdup ("xmlns");
      cjm_extras_add_attr (extras, name, href);
    }

  for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    {
      xmlChar *raw = xmlNodeListGetString (r->xml, attr->children, 1);
      const char *value = raw != NULL ? (const char *) raw : "";

      if (func == NULL || !func (data, attr, value))
        {
          g_autofree char *name = NULL;

          if (attr->ns != NULL && attr->ns->prefix != NULL)
            name = g_strconcat ((const char *) attr->ns->prefix, ":", attr->name, NULL);
          else
            name = g_strdup ((const char *) attr->name);

          /* Only a repeated container could bring a name twice. */
          if (*extras != NULL)
            for (guint i = 0; i < (*extras)->attrs->len && name != NULL; i++)
              if (strcmp (((CjmRawAttr *) g_ptr_array_index ((*extras)->attrs, i))->name, name) == 0)
                g_clear_pointer (&name, g_free);
          if (name != NULL)
            cjm_extras_add_attr (extras, name, value);
        }
      xmlFree (raw);
    }
}

/* The text of an element that holds text: its text and CDATA joined;
 * anything else inside it is kept in @extras. */
static char *
read_text_content (Reader     *r,
                   xmlNode    *node,
                   CjmExtras **extras)
{
  GString *text = g_string_new (NULL);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        g_string_append (text, (const char *) child->content);
      else
        keep_child (r, extras, 0, child);
    }

  return g_string_free (text, FALSE);
}

typedef struct {
  CjmItem           *item;
  const CjmField    *fields;
} FieldAttrs;

static gboolean
take_field_attr (gpointer    data,
                 xmlAttr    *attr,
                 const char *value)
{
  FieldAttrs *fa = data;

  if (attr->ns != NULL)
    return FALSE;

  for (const CjmField *f = fa->fields; *f != CJM_N_FIELDS; f++)
    if (strcmp (cjm_field_to_name (*f), (const char *) attr->name) == 0)
      {
        cjm_item_take_field (fa->item, *f, g_strdup (value));
        return TRUE;
      }
  return FALSE;
}

static gboolean
take_root_attr (gpointer    data,
                xmlAttr    *attr,
                const char *value)
{
  CjmItem *map = data;

  if (attr->ns == NULL && strcmp ((const char *) attr->name, "version") == 0)
    {
      cjm_item_take_field (map, CJM_FIELD_VERSION, g_strdup (value));
      return TRUE;
    }
  if (attr->ns != NULL && strcmp ((const char *) attr->ns->href, (const char *) XML_XML_NAMESPACE) == 0
      && strcmp ((const char *) attr->name, "lang") == 0)
    {
      cjm_item_take_field (map, CJM_FIELD_LANG, g_strdup (value));
      return TRUE;
    }
  return FALSE;
}

static gboolean
take_fact_attr (gpointer    data,
                xmlAttr    *attr,
                const char *value)
{
  CjmFact *fact = data;

  if (attr->ns != NULL || strcmp ((const char *) attr->name, "key") != 0)
    return FALSE;
  g_free (fact->key);
  fact->key = g_strdup (value);
  return TRUE;
}

static gboolean
take_kpi_attr (gpointer    data,
               xmlAttr    *attr,
               const char *value)
{
  CjmKpi *kpi = data;
  const char *name = (const char *) attr->name;
  char **slot = NULL;

  if (attr->ns != NULL)
    return FALSE;

  if (strcmp (name, "name") == 0)
    slot = &kpi->name;
  else if (strcmp (name, "value") == 0)
    slot = &kpi->value;
  else if (strcmp (name, "unit") == 0)
    slot = &kpi->unit;
  else if (strcmp (name, "target") == 0)
    slot = &kpi->target;
  else if (strcmp (name, "source") == 0)
    slot = &kpi->source;
  else
    return FALSE;

  g_free (*slot);
  *slot = g_strdup (value);
  return TRUE;
}

static gboolean
take_score_attr (gpointer    data,
                 xmlAttr    *attr,
                 const char *value)
{
  CjmScore *score = data;
  const char *name = (const char *) attr->name;
  char **slot = NULL;

  if (attr->ns != NULL)
    return FALSE;

  if (strcmp (name, "role") == 0)
    slot = &score->role;
  else if (strcmp (name, "impact") == 0)
    slot = &score->impact;
  else if (strcmp (name, "effort") == 0)
    slot = &score->effort;
  else
    return FALSE;

  g_free (*slot);
  *slot = g_strdup (value);
  return TRUE;
}

/* Children of an element that holds only elements, none of them known
 * (kpi, settings, print). */
static void
read_unknown_children (Reader     *r,
                       xmlNode    *node,
                       CjmExtras **extras)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    keep_child (r, extras, 0, child);
}

static gpointer
read_list_entry (Reader      *r,
                 xmlNode     *node,
                 CjmListKind  list)
{
  switch (list)
    {
    case CJM_LIST_FACTS:
      {
        CjmFact *fact = cjm_fact_new (NULL, NULL);

        read_attributes (r, node, &fact->extras, FALSE, take_fact_attr, fact);
        fact->value = read_text_content (r, node, &fact->extras);
        return fact;
      }
    case CJM_LIST_KPIS:
      {
        CjmKpi *kpi = cjm_kpi_new (NULL, NULL, NULL, NULL, NULL);

        read_attributes (r, node, &kpi->extras, FALSE, take_kpi_attr, kpi);
        read_unknown_children (r, node, &kpi->extras);
        return kpi;
      }
    case CJM_LIST_DATA_SOURCES:
    case CJM_LIST_SYNONYMS:
      {
        CjmText *text = cjm_text_new (NULL);

        read_attributes (r, node, &text->extras, FALSE, NULL, NULL);
        text->text = read_text_content (r, node, &text->extras);
        return text;
      }
    case CJM_LIST_SCORES:
      {
        CjmScore *score = cjm_score_new (NULL, NULL, NULL, NULL);

        read_attributes (r, node, &score->extras, FALSE, take_score_attr, score);
        /* The comment is optional: none rather than an empty one. */
        score->text = read_text_content (r, node, &score->extras);
        if (*score->text == '\0')
          g_clear_pointer (&score->text, g_free);
        return score;
      }
    case CJM_N_LISTS:
    default:
      g_assert_not_reached ();
    }
}

/* Which known part of @shape an element is, or CJM_XML_PART_END. */
static guint
shape_part_for (const CjmXmlShape *shape,
                xmlNode           *node)
{
  for (const guint *part = shape->children; *part != CJM_XML_PART_END; part++)
    {
      const char *name = CJM_XML_PART_IS_LIST (*part)
                         ? cjm_xml_list_to_element (*part - CJM_N_FIELDS)
                         : cjm_field_to_name (*part);

      if (is_cjm_element (node, name))
        return *part;
    }
  return CJM_XML_PART_END;
}

/* A text child element (<title>, <name>, …) into a field of @item. */
static void
read_text_field (Reader   *r,
                 CjmItem  *item,
                 CjmField  field,
                 xmlNode  *node)
{
  CjmExtras *extras = NULL;
  char *text;

  read_attributes (r, node, &extras, FALSE, NULL, NULL);
  text = read_text_content (r, node, &extras);
  cjm_item_take_field (item, field, text);
  if (extras != NULL)
    {
      CjmExtras **slot = cjm_item_peek_field_extras (item, field);

      cjm_extras_free (*slot);
      *slot = extras;
    }
}

/* How many known children the writer puts before and at @part. */
static guint
item_position (CjmItem           *item,
               const CjmXmlShape *shape,
               guint              part)
{
  guint n = 0;

  for (const guint *p = shape->children; *p != CJM_XML_PART_END; p++)
    {
      if (CJM_XML_PART_IS_LIST (*p))
        n += cjm_item_get_list (item, *p - CJM_N_FIELDS)->len;
      else if (cjm_item_get_field (item, *p) != NULL)
        n++;
      if (*p == part)
        break;
    }
  return n;
}

static CjmItem *
read_item (Reader  *r,
           xmlNode *node,
           CjmKind  kind)
{
  const CjmXmlShape *shape = cjm_xml_get_shape (kind);
  CjmItem *item = cjm_item_new (kind);
  CjmExtras **extras = cjm_item_peek_extras (item);
  FieldAttrs fa = { item, shape->attrs };
  g_autoptr(GArray) repeated = g_array_new (FALSE, FALSE, sizeof (Repeated));
  guint known = 0;

  read_attributes (r, node, extras, FALSE, take_field_attr, &fa);

  if (cjm_xml_kind_is_text (kind))
    {
      cjm_item_take_field (item, CJM_FIELD_TEXT, read_text_content (r, node, extras));
      return item;
    }

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      guint part = shape_part_for (shape, child);

      if (part != CJM_XML_PART_END && CJM_XML_PART_IS_LIST (part))
        {
          CjmListKind list = part - CJM_N_FIELDS;

          g_ptr_array_add (cjm_item_get_list (item, list), read_list_entry (r, child, list));
          known++;
        }
      else if (part != CJM_XML_PART_END && cjm_item_get_field (item, part) == NULL)
        {
          read_text_field (r, item, part, child);
          known++;
        }
      else if (part != CJM_XML_PART_END)
        keep_repeated (r, extras, known, child, part, repeated);
      else
        keep_child (r, extras, known, child);
    }

  for (guint i = 0; i < repeated->len; i++)
    {
      Repeated *rep = &g_array_index (repeated, Repeated, i);
      CjmRawChild *child = g_ptr_array_index ((*extras)->children, rep->child);

      child->anchor = MAX (child->anchor, item_position (item, shape, rep->part));
    }
  make_anchors_monotonic (*extras);

  return item;
}

static gboolean
container_is_written (CjmDocument *document,
                      CjmKind      kind)
{
  return cjm_document_get_n_items (document, kind) > 0
         || !cjm_extras_is_empty (*cjm_document_peek_container_extras (document, kind));
}

static void
read_container (Reader  *r,
                xmlNode *node,
                CjmKind  kind)
{
  CjmExtras **extras = cjm_document_peek_container_extras (r->document, kind);
  const char *element = cjm_kind_to_element (kind);

  read_attributes (r, node, extras, FALSE, NULL, NULL);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (is_cjm_element (child, element))
        {
          g_autoptr(CjmItem) item = read_item (r, child, kind);

          cjm_document_append_loaded (r->document, item);
        }
      else
        keep_child (r, extras, cjm_document_get_n_items (r->document, kind), child);
    }
}

static gboolean
fields_set (CjmItem        *map,
            const CjmField *fields)
{
  for (const CjmField *f = fields; *f != CJM_N_FIELDS; f++)
    if (cjm_item_get_field (map, *f) != NULL)
      return TRUE;
  return FALSE;
}

/* <settings> or <print>: attributes into map fields. Returns whether the
 * writer will write it back. */
static gboolean
read_map_attributes_element (Reader         *r,
                             xmlNode        *node,
                             const CjmField *fields,
                             CjmExtras     **extras)
{
  CjmItem *map = cjm_document_get_map (r->document);
  FieldAttrs fa = { map, fields };

  read_attributes (r, node, extras, FALSE, take_field_attr, &fa);
  read_unknown_children (r, node, extras);
  return fields_set (map, fields) || !cjm_extras_is_empty (*extras);
}

static gboolean
parse_decimal (const char *str,
               guint64    *value)
{
  if (str == NULL || !g_ascii_isdigit (*str))
    return FALSE;
  *value = 0;
  for (; g_ascii_isdigit (*str); str++)
    {
      if (*value > G_MAXUINT32)
        return TRUE;
      *value = *value * 10 + (*str - '0');
    }
  return TRUE;
}

static gboolean
check_root (Reader  *r,
            xmlNode *root,
            GError **error)
{
  const char *href = root->ns != NULL ? (const char *) root->ns->href : NULL;
  xmlChar *version = xmlGetNoNsProp (root, (const xmlChar *) "version");
  guint64 major = 0;
  g_autofree char *reason = NULL;
  CjmDocumentError code = CJM_DOCUMENT_ERROR_NOT_A_MAP;

  if (strcmp ((const char *) root->name, "journey-map") != 0)
    reason = g_strdup_printf (_("the root element is <%s>, not <journey-map>: "
                                "this is not a journey map"), (const char *) root->name);
  else if (parse_decimal ((const char *) version, &major) && major > 1)
    {
      code = CJM_DOCUMENT_ERROR_VERSION;
      reason = g_strdup_printf (_("format version %s is newer than this app supports (1.x); "
                                  "a newer Journeyman is needed to open it"),
                                (const char *) version);
    }
  else if (href != NULL && g_str_has_prefix (href, "urn:x-cjm:")
           && parse_decimal (href + strlen ("urn:x-cjm:"), &major) && major > 1)
    {
      code = CJM_DOCUMENT_ERROR_VERSION;
      reason = g_strdup_printf (_("format %s is newer than this app supports (%s); "
                                  "a newer Journeyman is needed to open it"),
                                href, CJM_XML_NAMESPACE);
    }
  else if (href == NULL)
    reason = g_strdup_printf (_("<journey-map> has no namespace; a journey map is in "
                                "the namespace %s"), CJM_XML_NAMESPACE);
  else if (strcmp (href, CJM_XML_NAMESPACE) != 0)
    reason = g_strdup_printf (_("<journey-map> is in the namespace %s, not %s"),
                              href, CJM_XML_NAMESPACE);

  xmlFree (version);

  if (reason != NULL)
    {
      cjm_xml_set_error_at_node (error, r->data, r->len, r->display_name, code, root, reason);
      return FALSE;
    }
  return TRUE;
}

static gboolean
build_document (Reader  *r,
                GError **error)
{
  xmlNode *root = xmlDocGetRootElement (r->xml);
  CjmItem *map;
  CjmExtras **root_extras;
  const CjmXmlShape *map_shape = cjm_xml_get_shape (CJM_KIND_MAP);
  gboolean settings_written = FALSE;
  gboolean print_written = FALSE;
  gboolean counted[CJM_N_KINDS] = { FALSE, };
  g_autoptr(GArray) repeated = g_array_new (FALSE, FALSE, sizeof (Repeated));
  guint known = 0;

  if (root == NULL)
    {
      cjm_xml_set_error (error, r->display_name, CJM_DOCUMENT_ERROR_PARSE, 1, 1,
                         _("the file has no root element"));
      return FALSE;
    }
  if (!check_root (r, root, error))
    return FALSE;

  r->document = g_object_new (CJM_TYPE_DOCUMENT, NULL);
  map = cjm_document_get_map (r->document);
  root_extras = cjm_document_peek_container_extras (r->document, CJM_KIND_MAP);

  read_attributes (r, root, root_extras, TRUE, take_root_attr, map);

  for (xmlNode *child = root->children; child != NULL; child = child->next)
    {
      guint part = shape_part_for (map_shape, child);
      gboolean handled = FALSE;

      /* A <settings> or <print> with nothing in it is not written: a
       * later one is then the known one. */
      if (part != CJM_XML_PART_END && !CJM_XML_PART_IS_LIST (part))
        {
          if (cjm_item_get_field (map, part) == NULL)
            {
              read_text_field (r, map, part, child);
              known++;
            }
          else
            keep_repeated (r, root_extras, known, child, part, repeated);
          handled = TRUE;
        }
      else if (is_cjm_element (child, "settings"))
        {
          if (settings_written)
            keep_repeated (r, root_extras, known, child, CJM_FIELD_EMOTION_SPREAD, repeated);
          else if (read_map_attributes_element (r, child, cjm_xml_get_settings_fields (),
                                                cjm_document_peek_settings_extras (r->document)))
            {
              settings_written = TRUE;
              known++;
            }
          handled = TRUE;
        }
      else if (is_cjm_element (child, "print"))
        {
          if (print_written)
            keep_repeated (r, root_extras, known, child, CJM_FIELD_PAPER, repeated);
          else if (read_map_attributes_element (r, child, cjm_xml_get_print_fields (),
                                                cjm_document_peek_print_extras (r->document)))
            {
              print_written = TRUE;
              known++;
            }
          handled = TRUE;
        }
      else if (child->type == XML_ELEMENT_NODE)
        {
          for (guint k = CJM_KIND_MAP + 1; k < CJM_N_KINDS && !handled; k++)
            if (is_cjm_element (child, cjm_kind_to_container (k)))
              {
                read_container (r, child, k);
                if (!counted[k] && container_is_written (r->document, k))
                  {
                    counted[k] = TRUE;
                    known++;
                  }
                handled = TRUE;
              }
        }

      if (!handled)
        keep_child (r, root_extras, known, child);
    }

  /* The title is always written first: what stood before the first known
   * element stays after it. */
  if (cjm_item_get_field (map, CJM_FIELD_TITLE) == NULL && *root_extras != NULL)
    for (guint i = 0; i < (*root_extras)->children->len; i++)
      ((CjmRawChild *) g_ptr_array_index ((*root_extras)->children, i))->anchor++;

  for (guint i = 0; i < repeated->len; i++)
    {
      Repeated *rep = &g_array_index (repeated, Repeated, i);
      CjmRawChild *child = g_ptr_array_index ((*root_extras)->children, rep->child);
      guint position = 1;     /* the title */

      if (rep->part != CJM_FIELD_TITLE)
        {
          position += cjm_item_get_field (map, CJM_FIELD_DESCRIPTION) != NULL;
          if (rep->part != CJM_FIELD_DESCRIPTION)
            {
              position += cjm_item_get_field (map, CJM_FIELD_AUTHOR) != NULL;
              if (rep->part != CJM_FIELD_AUTHOR)
                {
                  position += settings_written;
                  if (rep->part != CJM_FIELD_EMOTION_SPREAD)
                    position += print_written;
                }
            }
        }
      child->anchor = MAX (child->anchor, position);
    }
  make_anchors_monotonic (*root_extras);

  return TRUE;
}

/* FALSE with an error naming the file when info says it is a
 * pipe, a device or a socket. Without the type (no info, some remote
 * files) the read goes on, capped at CJM_MAX_FILE_SIZE. */
static gboolean
is_regular_file (GFileInfo   *info,
                 const char  *display_name,
                 GError     **error)
{
  GFileType type;

  if (info == NULL || !g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_TYPE))
    return TRUE;
  type = g_file_info_get_file_type (info);
  /* A folder fails to open with GIO's own message. */
  if (type == G_FILE_TYPE_REGULAR || type == G_FILE_TYPE_UNKNOWN
      || type == G_FILE_TYPE_DIRECTORY)
    return TRUE;
  g_set_error (error, CJM_DOCUMENT_ERROR, CJM_DOCUMENT_ERROR_READ,
                 _("%s: not a regular file (a pipe, a device or a socket); a map must be a "
                   "file"), display_name);
  return FALSE;
}

/* Why a file could not be read, without the path that GIO puts in its
 * messages: ours start with the file's name already. */
static const char *
read_error_reason (const GError *error)
{
  static const struct {
    GIOErrorEnum code;
    int          errsv;
  } reasons[] = {
    { G_IO_ERROR_NOT_FOUND, ENOENT },
    { G_IO_ERROR_IS_DIRECTORY, EISDIR },
    { G_IO_ERROR_NOT_DIRECTORY, ENOTDIR },
    { G_IO_ERROR_PERMISSION_DENIED, EACCES },
    { G_IO_ERROR_FILENAME_TOO_LONG, ENAMETOOLONG },
    { G_IO_ERROR_TOO_MANY_LINKS, ELOOP },
    { G_IO_ERROR_INVALID_FILENAME, EINVAL },
  };

  if (error->domain == G_IO_ERROR)
    for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
      if (error->code == (int) reasons[i].code)
        return g_strerror (reasons[i].errsv);
  return error->message;
}

static GBytes *
read_file_contents (GFile       *file,
                    const char  *display_name,
                    char       **etag,
                    GError     **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GByteArray) buffer = NULL;
  g_autoptr(GError) local_error = NULL;

  /* A pipe would block the open, a device never ends: only regular files
   * are read. Looked at before opening, and again on the opened file. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE, NULL,
                            NULL);
  if (!is_regular_file (info, display_name, error))
    return NULL;
  g_clear_object (&info);

  stream = g_file_read (file, NULL, &local_error);
  if (stream == NULL)
    {
      g_set_error (error, CJM_DOCUMENT_ERROR, CJM_DOCUMENT_ERROR_READ,
                   _("%s: could not open the file: %s"), display_name,
                   read_error_reason (local_error));
      return NULL;
    }

  info = g_file_input_stream_query_info (stream,
                                         G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                         G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                                         G_FILE_ATTRIBUTE_ETAG_VALUE,
                                         NULL, NULL);
  if (!is_regular_file (info, display_name, error))
    return NULL;
  if (info != NULL
      && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE)
      && g_file_info_get_size (info) > CJM_MAX_FILE_SIZE)
    {
      cjm_xml_set_error (error, display_name, CJM_DOCUMENT_ERROR_TOO_LARGE, 1, 1,
                         _("the file is larger than 64 MiB"));
      return NULL;
    }
  if (info != NULL)
    *etag = g_strdup (g_file_info_get_etag (info));

  /* The size may lie (pipes, /proc): read at most one byte over the cap. */
  buffer = g_byte_array_new ();
  for (;;)
    {
      guint8 chunk[65536];
      gssize n;

      n = g_input_stream_read (G_INPUT_STREAM (stream), chunk,
                               MIN (sizeof chunk, (gsize) CJM_MAX_FILE_SIZE + 1 - buffer->len),
                               NULL, &local_error);
      if (n < 0)
        {
          g_set_error (error, CJM_DOCUMENT_ERROR, CJM_DOCUMENT_ERROR_READ,
                       _("%s: could not read the file: %s"), display_name,
                       read_error_reason (local_error));
          g_clear_pointer (etag, g_free);
          return NULL;
        }
      if (n == 0)
        break;
      g_byte_array_append (buffer, chunk, n);
      if (buffer->len > CJM_MAX_FILE_SIZE)
        {
          cjm_xml_set_error (error, display_name, CJM_DOCUMENT_ERROR_TOO_LARGE, 1, 1,
                             _("the file is larger than 64 MiB"));
          g_clear_pointer (etag, g_free);
          return NULL;
        }
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

/* Public API */

CjmDocument *
cjm_document_new_from_bytes (GBytes      *bytes,
                             const char  *display_name,
                             GError     **error)
{
  Reader r = { 0, };
  CjmDocument *document = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  r.display_name = display_name != NULL ? display_name : _("Untitled journey");
  r.data = g_bytes_get_data (bytes, &r.len);
  if (r.data == NULL)
    r.data = "";

  r.xml = cjm_xml_parse (r.data, r.len, r.display_name, error);
  if (r.xml != NULL && build_document (&r, error))
    document = g_steal_pointer (&r.document);

  g_clear_object (&r.document);
  g_clear_pointer (&r.xml, xmlFreeDoc);
  return document;
}

CjmDocument *
cjm_document_new_from_file (GFile   *file,
                            GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *etag = NULL;
  CjmDocument *document;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display_name = g_file_get_parse_name (file);
  bytes = read_file_contents (file, display_name, &etag, error);
  if (bytes == NULL)
    return NULL;

  document = cjm_document_new_from_bytes (bytes, display_name, error);
  if (document == NULL)
    return NULL;

  cjm_document_set_file (document, file);
  cjm_document_set_etag (document, etag);
  return document;
}

gboolean
cjm_document_reload (CjmDocument  *self,
                     GError      **error)
{
  g_autoptr(CjmDocument) fresh = NULL;
  GFile *file;

  g_return_val_if_fail (CJM_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  file = cjm_document_get_file (self);
  if (file == NULL)
    {
      g_set_error_literal (error, CJM_DOCUMENT_ERROR, CJM_DOCUMENT_ERROR_READ,
                           _("The map has never been saved, so there is no file to reload"));
      return FALSE;
    }

  fresh = cjm_document_new_from_file (file, error);
  if (fresh == NULL)
    return FALSE;

  cjm_document_take_content (self, fresh);
  return TRUE;
}
