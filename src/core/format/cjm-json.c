/* cjm-json.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * JSON conversion of a whole document. The shape mirrors the .cjm file: one
 * object per item with the XML attribute and child element names as member
 * names, every value the raw text of the file. What the .cjm format does
 * not know travels as "unknown" objects. docs/json.md describes the shape.
 *
 * Reading is strict: a member that would be lost on the way to .cjm (an
 * unknown name, a duplicate, a value no XML file can hold) is refused with
 * its line and column, so that JSON -> .cjm -> JSON gives back what went in.
 */

#define G_LOG_DOMAIN "cjm-format"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <math.h>
#include <string.h>

#include "cjm-file-writer.h"
#include "cjm-json.h"
#include "cjm-xml-private.h"

typedef struct {
  guint line;
  guint column;                 /* in bytes, as json-glib counts */
} Position;

typedef struct {
  Position pos;
  guint    size;                /* members seen so far (objects) */
} Frame;

typedef struct {
  const char  *name;
  const char  *data;
  gsize        length;

  /* Where each node started, from the parser's signals. */
  GHashTable  *positions;       /* JsonNode/JsonObject/JsonArray -> index + 1 */
  GArray      *pos_array;       /* Position */
  GArray      *stack;           /* Frame */
  char        *duplicate;       /* first member name seen twice */
  Position     duplicate_pos;

  GString     *path;            /* JSON path of what is being read */

  /* The parser keeps only one of two members of the same name, silently.
   * Members in the text (counted before parsing) and members read (every
   * object is read once) differ when that happened. */
  guint64      members_in_text;
  guint64      members_read;
} Loader;

/* What each kind of item holds, from the shape of the .cjm format that the
 * reader and writer share: XML attributes, then the body text of a note or
 * suppress, then text children, in the order written; and its lists. */
typedef struct {
  CjmField fields[CJM_N_FIELDS + 1];    /* ends with CJM_N_FIELDS */
  gboolean lists[CJM_N_LISTS];
} KindShape;

static KindShape kind_shapes[CJM_N_KINDS];

static const char * const list_keys[CJM_N_LISTS] = {
  [CJM_LIST_FACTS] = "facts",
  [CJM_LIST_KPIS] = "kpis",
  [CJM_LIST_DATA_SOURCES] = "data-sources",
  [CJM_LIST_SYNONYMS] = "synonyms",
  [CJM_LIST_SCORES] = "scores",
};

/* Attributes the writer puts on elements that are not items; unknown
 * attributes must not repeat them. */
static const char * const root_attrs[] = { "version", "xml:lang", NULL };
static const char * const fact_attrs[] = { "key", NULL };
static const char * const kpi_attrs[] = { "name", "value", "unit", "target", "source", NULL };
static const char * const score_attrs[] = { "role", "impact", "effort", NULL };

/* Names */

static void
init_kind_shapes (void)
{
  static gsize initialized = 0;

  if (!g_once_init_enter (&initialized))
    return;

  for (guint k = 0; k < CJM_N_KINDS; k++)
    {
      const CjmXmlShape *shape = cjm_xml_get_shape (k);
      KindShape *out = &kind_shapes[k];
      guint n = 0;

      for (guint i = 0; shape->attrs[i] != CJM_N_FIELDS; i++)
        out->fields[n++] = shape->attrs[i];
      if (cjm_xml_kind_is_text (k))
        out->fields[n++] = CJM_FIELD_TEXT;
      for (guint i = 0; shape->children[i] != CJM_XML_PART_END; i++)
        {
          guint part = shape->children[i];

          if (CJM_XML_PART_IS_LIST (part))
            out->lists[part - CJM_N_FIELDS] = TRUE;
          else
            out->fields[n++] = part;
        }
      g_assert (n <= CJM_N_FIELDS);
      out->fields[n] = CJM_N_FIELDS;
    }

  g_once_init_leave (&initialized, 1);
}

static const CjmField *
kind_fields (CjmKind kind)
{
  init_kind_shapes ();
  return kind_shapes[kind].fields;
}

static const char *
field_key (CjmField field)
{
  if (field == CJM_FIELD_TEXT)
    return "text";
  return cjm_field_to_name (field);
}

static gboolean
kind_has_list (CjmKind     kind,
               CjmListKind list)
{
  init_kind_shapes ();
  return kind_shapes[kind].lists[list];
}

static gboolean
lookup_field (const CjmField *fields,
              const char     *key,
              CjmField       *field)
{
  for (guint i = 0; fields[i] != CJM_N_FIELDS; i++)
    if (strcmp (field_key (fields[i]), key) == 0)
      {
        *field = fields[i];
        return TRUE;
      }
  return FALSE;
}

static gboolean
field_is_attribute_of (const CjmField *fields,
                       const char     *name)
{
  for (guint i = 0; fields[i] != CJM_N_FIELDS; i++)
    if (!cjm_field_is_text_child (fields[i]) && strcmp (cjm_field_to_name (fields[i]), name) == 0)
      return TRUE;
  return FALSE;
}

/* Writing */

static JsonNode *
node_take_object (JsonObject *object)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, object);
  return node;
}

static JsonNode *
node_take_array (JsonArray *array)
{
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  json_node_take_array (node, array);
  return node;
}

static void
set_text (JsonObject *object,
          const char *key,
          const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, key, value);
}

static JsonNode *
extras_to_json (const CjmExtras *extras)
{
  JsonObject *object;

  if (cjm_extras_is_empty (extras))
    return NULL;

  object = json_object_new ();
  if (extras->attrs->len > 0)
    {
      JsonObject *attrs = json_object_new ();

      for (guint i = 0; i < extras->attrs->len; i++)
        {
          const CjmRawAttr *attr = g_ptr_array_index (extras->attrs, i);
          json_object_set_string_member (attrs, attr->name, attr->value ? attr->value : "");
        }
      json_object_set_object_member (object, "attributes", attrs);
    }
  if (extras->children->len > 0)
    {
      JsonArray *elements = json_array_sized_new (extras->children->len);

      for (guint i = 0; i < extras->children->len; i++)
        {
          const CjmRawChild *child = g_ptr_array_index (extras->children, i);
          JsonObject *element = json_object_new ();

          json_object_set_int_member (element, "anchor", child->anchor);
          json_object_set_string_member (element, "xml", child->xml ? child->xml : "");
          json_array_add_object_element (elements, element);
        }
      json_object_set_array_member (object, "elements", elements);
    }

  return node_take_object (object);
}

static void
set_extras (JsonObject      *object,
            const char      *key,
            const CjmExtras *extras)
{
  JsonNode *node = extras_to_json (extras);

  if (node != NULL)
    json_object_set_member (object, key, node);
}

static JsonNode *
list_to_json (CjmListKind  list,
              GPtrArray   *entries)
{
  JsonArray *array = json_array_sized_new (entries->len);

  for (guint i = 0; i < entries->len; i++)
    {
      gpointer entry = g_ptr_array_index (entries, i);
      JsonObject *object;

      if (list == CJM_LIST_FACTS)
        {
          const CjmFact *fact = entry;

          object = json_object_new ();
          set_text (object, "key", fact->key);
          set_text (object, "value", fact->value);
          set_extras (object, "unknown", fact->extras);
        }
      else if (list == CJM_LIST_KPIS)
        {
          const CjmKpi *kpi = entry;

          object = json_object_new ();
          set_text (object, "name", kpi->name);
          set_text (object, "value", kpi->value);
          set_text (object, "unit", kpi->unit);
          set_text (object, "target", kpi->target);
          set_text (object, "source", kpi->source);
          set_extras (object, "unknown", kpi->extras);
        }
      else if (list == CJM_LIST_SCORES)
        {
          const CjmScore *score = entry;

          object = json_object_new ();
          set_text (object, "role", score->role);
          set_text (object, "impact", score->impact);
          set_text (object, "effort", score->effort);
          set_text (object, "text", score->text);
          set_extras (object, "unknown", score->extras);
        }
      else
        {
          const CjmText *text = entry;

          /* A plain string, unless there is more to say. */
          if (text->text != NULL && cjm_extras_is_empty (text->extras))
            {
              json_array_add_string_element (array, text->text);
              continue;
            }
          object = json_object_new ();
          set_text (object, "text", text->text);
          set_extras (object, "unknown", text->extras);
        }

      json_array_add_object_element (array, object);
    }

  return node_take_array (array);
}

static void
set_fields (JsonObject     *object,
            CjmItem        *item,
            const CjmField *fields)
{
  for (guint i = 0; fields[i] != CJM_N_FIELDS; i++)
    set_text (object, field_key (fields[i]), cjm_item_get_field (item, fields[i]));
}

static void
set_field_extras (JsonObject     *object,
                  CjmItem        *item,
                  const CjmField *fields)
{
  JsonObject *in = NULL;

  for (guint i = 0; fields[i] != CJM_N_FIELDS; i++)
    {
      JsonNode *node;

      if (!cjm_field_is_text_child (fields[i]))
        continue;
      node = extras_to_json (cjm_item_get_field_extras (item, fields[i]));
      if (node == NULL)
        continue;
      if (in == NULL)
        in = json_object_new ();
      json_object_set_member (in, field_key (fields[i]), node);
    }

  if (in != NULL)
    json_object_set_object_member (object, "unknown-in", in);
}

static JsonObject *
item_to_json (CjmItem *item)
{
  CjmKind kind = cjm_item_get_kind (item);
  const CjmField *fields = kind_fields (kind);
  JsonObject *object = json_object_new ();

  set_fields (object, item, fields);
  for (guint l = 0; l < CJM_N_LISTS; l++)
    {
      GPtrArray *entries;

      if (!kind_has_list (kind, l))
        continue;
      entries = cjm_item_get_list (item, l);
      if (entries->len > 0)
        json_object_set_member (object, list_keys[l], list_to_json (l, entries));
    }
  set_extras (object, "unknown", cjm_item_get_extras (item));
  set_field_extras (object, item, fields);

  return object;
}

/* settings and print: map fields on an element of their own */
static void
set_map_element (JsonObject      *root,
                 const char      *key,
                 CjmItem         *map,
                 const CjmField  *fields,
                 const CjmExtras *extras)
{
  JsonObject *object = json_object_new ();

  set_fields (object, map, fields);
  set_extras (object, "unknown", extras);
  if (json_object_get_size (object) > 0)
    json_object_set_object_member (root, key, object);
  else
    json_object_unref (object);
}

/* Reading: positions */

static void
record_position (Loader   *loader,
                 gpointer  key,
                 Position  pos)
{
  g_array_append_val (loader->pos_array, pos);
  g_hash_table_insert (loader->positions, key, GUINT_TO_POINTER (loader->pos_array->len));
}

static Position
current_position (JsonParser *parser)
{
  Position pos = { json_parser_get_current_line (parser), json_parser_get_current_pos (parser) };
  return pos;
}

static void
on_parser_container_start (JsonParser *parser,
                           Loader     *loader)
{
  Frame frame = { current_position (parser), 0 };

  g_array_append_val (loader->stack, frame);
}

static void
on_parser_container_end (JsonParser *parser,
                         gpointer    container,
                         Loader     *loader)
{
  Frame *frame;

  g_assert (loader->stack->len > 0);
  frame = &g_array_index (loader->stack, Frame, loader->stack->len - 1);
  record_position (loader, container, frame->pos);
  g_array_set_size (loader->stack, loader->stack->len - 1);
}

static void
on_parser_object_member (JsonParser *parser,
                         JsonObject *object,
                         const char *name,
                         Loader     *loader)
{
  Frame *frame = &g_array_index (loader->stack, Frame, loader->stack->len - 1);
  guint size = json_object_get_size (object);

  /* The parser replaces a repeated member silently: the object does not
   * grow. Remember the first one to refuse it. */
  if (size == frame->size && loader->duplicate == NULL)
    {
      loader->duplicate = g_strdup (name);
      loader->duplicate_pos = current_position (parser);
    }
  frame->size = size;
  record_position (loader, json_object_get_member (object, name), current_position (parser));
}

static void
on_parser_array_element (JsonParser *parser,
                         JsonArray  *array,
                         int         index,
                         Loader     *loader)
{
  record_position (loader, json_array_get_element (array, index), current_position (parser));
}

/* Column in characters from a line and a byte column (both 1-based). */
static guint
char_column (Loader *loader,
             guint   line,
             guint   byte_column)
{
  const char *p = loader->data;
  const char *end = loader->data + loader->length;
  const char *eol;
  gsize n;

  for (guint l = 1; l < line && p < end; l++)
    {
      const char *nl = memchr (p, '\n', end - p);
      if (nl == NULL)
        return byte_column;
      p = nl + 1;
    }
  eol = memchr (p, '\n', end - p);
  if (eol == NULL)
    eol = end;
  n = MIN ((gsize) (byte_column > 0 ? byte_column - 1 : 0), (gsize) (eol - p));
  if (!g_utf8_validate (p, n, NULL))
    return byte_column;
  return g_utf8_strlen (p, n) + 1;
}

static gboolean
lookup_position (Loader   *loader,
                 JsonNode *node,
                 Position *pos)
{
  gpointer key = node;
  guint index;

  if (loader->positions == NULL || node == NULL)
    return FALSE;
  if (JSON_NODE_HOLDS_OBJECT (node))
    key = json_node_get_object (node);
  else if (JSON_NODE_HOLDS_ARRAY (node))
    key = json_node_get_array (node);

  index = GPOINTER_TO_UINT (g_hash_table_lookup (loader->positions, key));
  if (index == 0)
    index = GPOINTER_TO_UINT (g_hash_table_lookup (loader->positions, node));
  if (index == 0)
    return FALSE;
  *pos = g_array_index (loader->pos_array, Position, index - 1);
  return TRUE;
}

/* Reading: errors */

static void
fail_at_position (Loader   *loader,
                  Position  pos,
                  GError  **error,
                  int       code,
                  const char *reason)
{
  const char *path = loader->path != NULL ? loader->path->str : "";

  if (pos.line > 0)
    g_set_error (error, CJM_DOCUMENT_ERROR, code, "%s:%u:%u: %s%s%s", loader->name, pos.line,
                 char_column (loader, pos.line, pos.column), path, *path ? ": " : "", reason);
  else
    g_set_error (error, CJM_DOCUMENT_ERROR, code, "%s: %s%s%s", loader->name,
                 path, *path ? ": " : "", reason);
}

static gboolean fail (Loader     *loader,
                      JsonNode   *node,
                      GError    **error,
                      int         code,
                      const char *format,
                      ...) G_GNUC_PRINTF (5, 6);

static gboolean
fail (Loader     *loader,
      JsonNode   *node,
      GError    **error,
      int         code,
      const char *format,
      ...)
{
  g_autofree char *reason = NULL;
  Position pos = { 0, 0 };
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  lookup_position (loader, node, &pos);
  fail_at_position (loader, pos, error, code, reason);
  return FALSE;
}

/* Error at a byte offset of the input, for the checks before parsing. */
static gboolean
fail_at_offset (Loader     *loader,
                gsize       offset,
                GError    **error,
                int         code,
                const char *reason)
{
  Position pos = { 1, 1 };
  const char *line_start = loader->data;

  for (gsize i = 0; i < offset; i++)
    if (loader->data[i] == '\n')
      {
        pos.line++;
        line_start = loader->data + i + 1;
      }
  pos.column = (loader->data + offset - line_start) + 1;
  fail_at_position (loader, pos, error, code, reason);
  return FALSE;
}

static const char *
node_type_name (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("an array");
    case JSON_NODE_NULL:
      return _("null");
    case JSON_NODE_VALUE:
    default:
      {
        GType type = json_node_get_value_type (node);

        if (type == G_TYPE_STRING)
          return _("a string");
        if (type == G_TYPE_BOOLEAN)
          return _("a boolean");
        return _("a number");
      }
    }
}

static gsize
path_push (Loader     *loader,
           const char *member)
{
  gsize mark = loader->path->len;

  if (mark > 0)
    g_string_append_c (loader->path, '.');
  g_string_append (loader->path, member);
  return mark;
}

static gsize
path_push_index (Loader *loader,
                 guint   index)
{
  gsize mark = loader->path->len;

  g_string_append_printf (loader->path, "[%u]", index);
  return mark;
}

static void
path_pop (Loader *loader,
          gsize   mark)
{
  g_string_truncate (loader->path, mark);
}

/* Reading: checks before parsing */

/* json-glib has no depth limit (it recurses), keeps only the first value and
 * turns "\u0000" into the end of the string. Refuse all of that first. */
static gboolean
check_input (Loader  *loader,
             GError **error)
{
  const char *data = loader->data;
  gsize length = loader->length;
  const char *invalid;
  gboolean in_object[CJM_JSON_MAX_DEPTH + 1];
  guint depth = 0;
  gboolean started = FALSE;
  gsize i = 0;

  if (!g_utf8_validate_len (data, length, &invalid))
    return fail_at_offset (loader, invalid - data, error, CJM_DOCUMENT_ERROR_ENCODING,
                           *invalid == '\0' ? _("the file contains a NUL byte")
                                            : _("the file is not valid UTF-8"));

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    i = 3;

  for (; i < length; i++)
    {
      char c = data[i];

      if (!started && c != '{' && !g_ascii_isspace (c))
        return fail_at_offset (loader, i, error, CJM_DOCUMENT_ERROR_NOT_A_MAP,
                               _("not a journey map: expected a JSON object"));

      if (c == '"')
        {
          gsize start = i;

          for (i++; i < length && data[i] != '"'; i++)
            if (data[i] == '\\' && ++i < length && data[i] == 'u'
                && i + 4 < length && memcmp (data + i + 1, "0000", 4) == 0)
              return fail_at_offset (loader, i - 1, error, CJM_DOCUMENT_ERROR_ENCODING,
                                     _("a string contains the character U+0000, which a "
                                       "journey map cannot hold"));
          if (i >= length)
            {
              /* Unterminated: the parser says so with a position. */
              i = start;
              break;
            }
        }
      else if (c == '{' || c == '[')
        {
          started = TRUE;
          if (++depth > CJM_JSON_MAX_DEPTH)
            return fail_at_offset (loader, i, error, CJM_DOCUMENT_ERROR_UNSAFE,
                                   _("nested deeper than a journey map can be"));
          in_object[depth] = c == '{';
        }
      else if (c == ':')
        {
          if (depth > 0 && in_object[depth])
            loader->members_in_text++;
        }
      else if (c == '}' || c == ']')
        {
          if (depth == 0)
            break;
          if (--depth == 0)
            {
              for (i++; i < length; i++)
                if (!g_ascii_isspace (data[i]))
                  return fail_at_offset (loader, i, error, CJM_DOCUMENT_ERROR_PARSE,
                                         _("unexpected text after the end of the JSON object"));
              return TRUE;
            }
        }
    }

  if (!started)
    return fail_at_offset (loader, length, error, CJM_DOCUMENT_ERROR_PARSE,
                           _("the file is empty"));
  return TRUE;
}

/* Reading: values */

static void
iter_members (Loader         *loader,
              JsonObjectIter *iter,
              JsonObject     *object)
{
  loader->members_read += json_object_get_size (object);
  json_object_iter_init_ordered (iter, object);
}

static gboolean
is_xml_char (gunichar c)
{
  return c == 0x9 || c == 0xA || c == 0xD
         || (c >= 0x20 && c <= 0xD7FF)
         || (c >= 0xE000 && c <= 0xFFFD)
         || (c >= 0x10000 && c <= 0x10FFFF);
}

/* The first character no XML document can hold, or 0. */
static gunichar
find_non_xml_char (const char *text)
{
  for (const guchar *p = (const guchar *) text; *p; )
    {
      gunichar c;

      if (*p < 0x80)
        {
          if (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
            return *p;
          p++;
          continue;
        }
      c = g_utf8_get_char ((const char *) p);
      if (!is_xml_char (c))
        return c;
      p = (const guchar *) g_utf8_next_char (p);
    }
  return 0;
}

static gboolean
check_string (Loader      *loader,
              JsonNode    *node,
              const char  *text,
              gsize        max_length,
              GError     **error)
{
  gunichar bad;

  if (strlen (text) > max_length)
    return fail (loader, node, error, CJM_DOCUMENT_ERROR_UNSAFE,
                 /* Translators: %u is a number of bytes */
                 _("the text is longer than %u bytes"), (guint) max_length);
  bad = find_non_xml_char (text);
  if (bad != 0)
    return fail (loader, node, error, CJM_DOCUMENT_ERROR_ENCODING,
                 _("the text contains the character U+%04X, which a journey map cannot hold"),
                 bad);
  return TRUE;
}

/* A field value: a string, or a number or boolean taken as its text; null
 * means absent. */
static gboolean
read_text (Loader    *loader,
           JsonNode  *node,
           char     **out,
           GError   **error)
{
  GType type;

  *out = NULL;
  if (JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node))
    return fail (loader, node, error, CJM_DOCUMENT_ERROR_PARSE,
                 _("expected a string, found %s"), node_type_name (node));

  type = json_node_get_value_type (node);
  if (type == G_TYPE_STRING)
    {
      const char *text = json_node_get_string (node);

      if (!check_string (loader, node, text, CJM_MAX_TEXT_LENGTH, error))
        return FALSE;
      *out = g_strdup (text);
    }
  else if (type == G_TYPE_INT64)
    *out = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  else if (type == G_TYPE_BOOLEAN)
    *out = g_strdup (json_node_get_boolean (node) ? "true" : "false");
  else if (type == G_TYPE_DOUBLE)
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];
      double value = json_node_get_double (node);

      if (!isfinite (value))
        return fail (loader, node, error, CJM_DOCUMENT_ERROR_PARSE,
                     _("the number is out of range"));
      *out = g_strdup (g_ascii_dtostr (buffer, sizeof buffer, value));
    }
  else
    return fail (loader, node, error, CJM_DOCUMENT_ERROR_PARSE,
                 _("expected a string, found %s"), node_type_name (node));

  return TRUE;
}

static gboolean
expect_object (Loader    *loader,
               JsonNode  *node,
               GError   **error)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    return TRUE;
  return fail (loader, node, error, CJM_DOCUMENT_ERROR_PARSE,
               _("expected an object, found %s"), node_type_name (node));
}

static gboolean
expect_array (Loader    *loader,
              JsonNode  *node,
              GError   **error)
{
  if (JSON_NODE_HOLDS_ARRAY (node))
    return TRUE;
  return fail (loader, node, error, CJM_DOCUMENT_ERROR_PARSE,
               _("expected an array, found %s"), node_type_name (node));
}

static gboolean
unknown_member (Loader      *loader,
                JsonNode    *node,
                const char  *key,
                const char  *what,
                GError     **error)
{
  return fail (loader, node, error, CJM_DOCUMENT_ERROR_PARSE,
               _("“%s” is not a member of %s (see docs/json.md)"), key, what);
}

/* An unknown child kept for the round trip: it must be well-formed XML that
 * the writer can put back as it is: one node (an element, a comment, a
 * processing instruction, or stray text as the reader keeps it), no DTD,
 * no entity but the predefined ones. */
static gboolean
check_xml_fragment (Loader      *loader,
                    JsonNode    *node,
                    const char  *xml,
                    GError     **error)
{
  static const char open[] = "<cjm-fragment>";
  static const char close[] = "</cjm-fragment>";
  g_autofree char *wrapped = NULL;
  xmlParserCtxtPtr ctxt;
  xmlDocPtr doc;
  g_autofree char *reason = NULL;
  guint n_nodes = 0;

  wrapped = g_strconcat (open, xml, close, NULL);
  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    g_error ("Out of memory");
  doc = xmlCtxtReadMemory (ctxt, wrapped, strlen (wrapped), NULL, "UTF-8",
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);

  if (doc == NULL || !ctxt->wellFormed)
    {
      const xmlError *xml_error = xmlCtxtGetLastError (ctxt);

      reason = g_strdup (xml_error != NULL && xml_error->message != NULL
                         ? g_strstrip (xml_error->message) : _("not well-formed"));
    }
  else
    {
      for (xmlNodePtr child = xmlDocGetRootElement (doc)->children; child; child = child->next)
        n_nodes++;
      if (n_nodes != 1)
        reason = g_strdup (_("expected exactly one element"));
    }

  if (doc != NULL)
    xmlFreeDoc (doc);
  xmlFreeParserCtxt (ctxt);

  if (reason != NULL)
    return fail (loader, node, error, CJM_DOCUMENT_ERROR_PARSE,
                 _("not a well-formed XML element: %s"), reason);
  return TRUE;
}

/* Names as libxml2's parser reads them (XML 1.0 fifth edition), which
 * xmlValidateQName() does not: its older tables refuse names such as
 * "a\uFEFF" that a .cjm file can hold. */
static gboolean
is_xml_name_char (gunichar c,
                  gboolean first)
{
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'
      || (c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xF6) || (c >= 0xF8 && c <= 0x2FF)
      || (c >= 0x370 && c <= 0x37D) || (c >= 0x37F && c <= 0x1FFF)
      || (c >= 0x200C && c <= 0x200D) || (c >= 0x2070 && c <= 0x218F)
      || (c >= 0x2C00 && c <= 0x2FEF) || (c >= 0x3001 && c <= 0xD7FF)
      || (c >= 0xF900 && c <= 0xFDCF) || (c >= 0xFDF0 && c <= 0xFFFD)
      || (c >= 0x10000 && c <= 0xEFFFF))
    return TRUE;
  return !first && ((c >= '0' && c <= '9') || c == '-' || c == '.' || c == 0xB7
                    || (c >= 0x300 && c <= 0x36F) || (c >= 0x203F && c <= 0x2040));
}

/* A name without a colon, from start to end. */
static gboolean
is_xml_ncname (const char *start,
               const char *end)
{
  if (start == end)
    return FALSE;
  for (const char *p = start; p < end; p = g_utf8_next_char (p))
    if (!is_xml_name_char (g_utf8_get_char (p), p == start))
      return FALSE;
  return TRUE;
}

/* NAME or PREFIX:NAME */
static gboolean
is_xml_qname (const char *name)
{
  const char *end = name + strlen (name);
  const char *colon = strchr (name, ':');

  if (!g_utf8_validate (name, -1, NULL))
    return FALSE;
  if (colon == NULL)
    return is_xml_ncname (name, end);
  return is_xml_ncname (name, colon) && is_xml_ncname (colon + 1, end);
}

/* {"attributes": {"name": "value", …}, "elements": [{"anchor": n, "xml": "…"}]} */
static gboolean
read_extras (Loader             *loader,
             JsonNode           *node,
             const CjmField     *known_fields,
             const char * const *known_attrs,
             CjmExtras         **extras,
             GError            **error)
{
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;

  if (!expect_object (loader, node, error))
    return FALSE;

  iter_members (loader, &iter, json_node_get_object (node));
  while (json_object_iter_next_ordered (&iter, &key, &value))
    {
      gsize mark = path_push (loader, key);

      if (strcmp (key, "attributes") == 0)
        {
          JsonObjectIter attr_iter;
          const char *name;
          JsonNode *attr;

          if (!expect_object (loader, value, error))
            return FALSE;
          iter_members (loader, &attr_iter, json_node_get_object (value));
          while (json_object_iter_next_ordered (&attr_iter, &name, &attr))
            {
              gsize attr_mark = path_push (loader, name);
              g_autofree char *text = NULL;

              if (!is_xml_qname (name))
                return fail (loader, attr, error, CJM_DOCUMENT_ERROR_PARSE,
                             _("“%s” is not an XML attribute name"), name);
              /* A repeated declaration of our own namespace is kept as it
               * was read; any other would move the element out of it. */
              if (strcmp (name, "xmlns") == 0
                  && (known_attrs == root_attrs || !JSON_NODE_HOLDS_VALUE (attr)
                      || g_strcmp0 (json_node_get_string (attr), CJM_JSON_FORMAT) != 0))
                return fail (loader, attr, error, CJM_DOCUMENT_ERROR_PARSE,
                             _("the default namespace cannot be changed here"));
              if ((known_fields != NULL && field_is_attribute_of (known_fields, name))
                  || (known_attrs != NULL && g_strv_contains (known_attrs, name)))
                return fail (loader, attr, error, CJM_DOCUMENT_ERROR_PARSE,
                             _("“%s” is not an unknown attribute here; set the member of that "
                               "name instead"), name);
              if (!read_text (loader, attr, &text, error))
                return FALSE;
              if (text == NULL)
                return fail (loader, attr, error, CJM_DOCUMENT_ERROR_PARSE,
                             _("expected a string, found null"));
              cjm_extras_add_attr (extras, name, text);
              path_pop (loader, attr_mark);
            }
        }
      else if (strcmp (key, "elements") == 0)
        {
          JsonArray *array;

          if (!expect_array (loader, value, error))
            return FALSE;
          array = json_node_get_array (value);
          for (guint i = 0; i < json_array_get_length (array); i++)
            {
              JsonNode *element = json_array_get_element (array, i);
              gsize element_mark = path_push_index (loader, i);
              JsonObjectIter element_iter;
              const char *element_key;
              JsonNode *member;
              JsonNode *anchor = NULL;
              JsonNode *xml = NULL;

              if (!expect_object (loader, element, error))
                return FALSE;
              iter_members (loader, &element_iter, json_node_get_object (element));
              while (json_object_iter_next_ordered (&element_iter, &element_key, &member))
                {
                  if (strcmp (element_key, "anchor") == 0)
                    anchor = member;
                  else if (strcmp (element_key, "xml") == 0)
                    xml = member;
                  else
                    return unknown_member (loader, member, element_key, _("an unknown element"),
                                           error);
                }
              if (anchor == NULL || xml == NULL)
                return fail (loader, element, error, CJM_DOCUMENT_ERROR_PARSE,
                             _("an unknown element needs “anchor” and “xml”"));
              if (!JSON_NODE_HOLDS_VALUE (anchor) || json_node_get_value_type (anchor) != G_TYPE_INT64
                  || json_node_get_int (anchor) < 0 || json_node_get_int (anchor) > G_MAXINT)
                return fail (loader, anchor, error, CJM_DOCUMENT_ERROR_PARSE,
                             _("“anchor” must be a whole number from 0 up"));
              if (!JSON_NODE_HOLDS_VALUE (xml) || json_node_get_value_type (xml) != G_TYPE_STRING)
                return fail (loader, xml, error, CJM_DOCUMENT_ERROR_PARSE,
                             _("expected a string, found %s"), node_type_name (xml));
              if (!check_string (loader, xml, json_node_get_string (xml), CJM_MAX_FILE_SIZE, error)
                  || !check_xml_fragment (loader, xml, json_node_get_string (xml), error))
                return FALSE;
              cjm_extras_add_child (extras, json_node_get_int (anchor), json_node_get_string (xml));
              path_pop (loader, element_mark);
            }
        }
      else
        return unknown_member (loader, value, key, _("“unknown”"), error);

      path_pop (loader, mark);
    }

  return TRUE;
}

static gboolean
read_text_entry (Loader    *loader,
                 JsonNode  *node,
                 CjmText  **out,
                 GError   **error)
{
  g_autoptr(CjmExtras) extras = NULL;
  g_autofree char *text = NULL;
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;

  if (JSON_NODE_HOLDS_VALUE (node))
    {
      if (!read_text (loader, node, &text, error))
        return FALSE;
      *out = cjm_text_new (text);
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (loader, node, error, CJM_DOCUMENT_ERROR_PARSE,
                 _("expected a string or an object, found %s"), node_type_name (node));

  iter_members (loader, &iter, json_node_get_object (node));
  while (json_object_iter_next_ordered (&iter, &key, &value))
    {
      gsize mark = path_push (loader, key);

      if (strcmp (key, "text") == 0)
        {
          g_clear_pointer (&text, g_free);
          if (!read_text (loader, value, &text, error))
            return FALSE;
        }
      else if (strcmp (key, "unknown") == 0)
        {
          if (!read_extras (loader, value, NULL, NULL, &extras, error))
            return FALSE;
        }
      else
        return unknown_member (loader, value, key, _("this entry"), error);
      path_pop (loader, mark);
    }

  *out = cjm_text_new (text);
  (*out)->extras = g_steal_pointer (&extras);
  return TRUE;
}

static gboolean
read_list (Loader       *loader,
           JsonNode     *node,
           CjmListKind   list,
           GPtrArray    *entries,
           GError      **error)
{
  JsonArray *array;

  if (!expect_array (loader, node, error))
    return FALSE;

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      gsize mark = path_push_index (loader, i);

      if (list == CJM_LIST_DATA_SOURCES || list == CJM_LIST_SYNONYMS)
        {
          CjmText *text = NULL;

          if (!read_text_entry (loader, element, &text, error))
            return FALSE;
          g_ptr_array_add (entries, text);
        }
      else
        {
          static const char * const fact_keys[] = { "key", "value", NULL };
          static const char * const score_keys[] = { "role", "impact", "effort", "text", NULL };
          const char * const *keys = list == CJM_LIST_FACTS ? fact_keys
                                     : list == CJM_LIST_SCORES ? score_keys
                                     : kpi_attrs;
          const char * const *unknown_attrs = list == CJM_LIST_FACTS ? fact_attrs
                                              : list == CJM_LIST_SCORES ? score_attrs
                                              : kpi_attrs;
          const char *what = list == CJM_LIST_FACTS ? _("a fact")
                             : list == CJM_LIST_SCORES ? _("a score")
                             : _("a KPI");
          char *values[5] = { NULL, };
          CjmExtras *extras = NULL;
          JsonObjectIter iter;
          const char *key;
          JsonNode *value;
          gboolean ok = TRUE;

          if (!expect_object (loader, element, error))
            return FALSE;

          iter_members (loader, &iter, json_node_get_object (element));
          while (ok && json_object_iter_next_ordered (&iter, &key, &value))
            {
              gsize key_mark = path_push (loader, key);
              guint k;

              for (k = 0; keys[k] != NULL; k++)
                if (strcmp (keys[k], key) == 0)
                  break;

              if (keys[k] != NULL)
                {
                  g_clear_pointer (&values[k], g_free);
                  ok = read_text (loader, value, &values[k], error);
                }
              else if (strcmp (key, "unknown") == 0)
                ok = read_extras (loader, value, NULL, unknown_attrs, &extras, error);
              else
                ok = unknown_member (loader, value, key, what, error);
              if (ok)
                path_pop (loader, key_mark);
            }

          if (ok)
            {
              if (list == CJM_LIST_FACTS)
                {
                  CjmFact *fact = g_new0 (CjmFact, 1);

                  fact->key = g_steal_pointer (&values[0]);
                  fact->value = g_steal_pointer (&values[1]);
                  fact->extras = g_steal_pointer (&extras);
                  g_ptr_array_add (entries, fact);
                }
              else if (list == CJM_LIST_SCORES)
                {
                  CjmScore *score = g_new0 (CjmScore, 1);

                  score->role = g_steal_pointer (&values[0]);
                  score->impact = g_steal_pointer (&values[1]);
                  score->effort = g_steal_pointer (&values[2]);
                  /* as the .cjm reader: an empty comment is none */
                  score->text = g_steal_pointer (&values[3]);
                  if (score->text != NULL && *score->text == '\0')
                    g_clear_pointer (&score->text, g_free);
                  score->extras = g_steal_pointer (&extras);
                  g_ptr_array_add (entries, score);
                }
              else
                {
                  CjmKpi *kpi = g_new0 (CjmKpi, 1);

                  kpi->name = g_steal_pointer (&values[0]);
                  kpi->value = g_steal_pointer (&values[1]);
                  kpi->unit = g_steal_pointer (&values[2]);
                  kpi->target = g_steal_pointer (&values[3]);
                  kpi->source = g_steal_pointer (&values[4]);
                  kpi->extras = g_steal_pointer (&extras);
                  g_ptr_array_add (entries, kpi);
                }
            }

          for (guint k = 0; k < G_N_ELEMENTS (values); k++)
            g_free (values[k]);
          cjm_extras_free (extras);
          if (!ok)
            return FALSE;
        }

      path_pop (loader, mark);
    }

  return TRUE;
}

/* {"title": {"attributes": …}, …}: extras of an item's text children */
static gboolean
read_field_extras (Loader          *loader,
                   JsonNode        *node,
                   CjmItem         *item,
                   const CjmField  *fields,
                   GError         **error)
{
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;

  if (!expect_object (loader, node, error))
    return FALSE;

  iter_members (loader, &iter, json_node_get_object (node));
  while (json_object_iter_next_ordered (&iter, &key, &value))
    {
      gsize mark = path_push (loader, key);
      CjmField field;

      if (!lookup_field (fields, key, &field) || !cjm_field_is_text_child (field)
          || field == CJM_FIELD_TEXT)
        return fail (loader, value, error, CJM_DOCUMENT_ERROR_PARSE,
                     _("“%s” is not a child element here"), key);
      if (!read_extras (loader, value, NULL, NULL, cjm_item_peek_field_extras (item, field),
                        error))
        return FALSE;
      path_pop (loader, mark);
    }

  return TRUE;
}

/* After all members of an item: unknown XML inside a text child needs the
 * child, which a .cjm file writes only when the member is present. */
static gboolean
check_field_extras (Loader    *loader,
                    JsonNode  *node,
                    CjmItem   *item,
                    GError   **error)
{
  for (guint f = 0; f < CJM_N_FIELDS; f++)
    if (cjm_item_get_field (item, f) == NULL
        && !cjm_extras_is_empty (cjm_item_get_field_extras (item, f)))
      return fail (loader, node, error, CJM_DOCUMENT_ERROR_PARSE,
                   _("“unknown-in” has unknown XML for “%s”, which is absent"),
                   cjm_field_to_name (f));
  return TRUE;
}

/* One member of an item object (or of the top-level object for the map). */
static gboolean
read_item_member (Loader      *loader,
                  CjmItem     *item,
                  const char  *key,
                  JsonNode    *value,
                  const char  *what,
                  GError     **error)
{
  CjmKind kind = cjm_item_get_kind (item);
  const CjmField *fields = kind_fields (kind);
  gsize mark = path_push (loader, key);
  CjmField field;

  if (lookup_field (fields, key, &field))
    {
      char *text;

      if (!read_text (loader, value, &text, error))
        return FALSE;
      cjm_item_take_field (item, field, text);
    }
  else if (strcmp (key, "unknown") == 0 && kind != CJM_KIND_MAP)
    {
      if (!read_extras (loader, value, fields, NULL, cjm_item_peek_extras (item), error))
        return FALSE;
    }
  else if (strcmp (key, "unknown-in") == 0)
    {
      if (!read_field_extras (loader, value, item, fields, error))
        return FALSE;
    }
  else
    {
      for (guint l = 0; l < CJM_N_LISTS; l++)
        if (kind_has_list (kind, l) && strcmp (key, list_keys[l]) == 0)
          {
            g_autoptr(GPtrArray) entries = cjm_list_new (l);

            if (!read_list (loader, value, l, entries, error))
              return FALSE;
            cjm_item_swap_list (item, l, &entries);
            path_pop (loader, mark);
            return TRUE;
          }
      return unknown_member (loader, value, key, what, error);
    }

  path_pop (loader, mark);
  return TRUE;
}

static gboolean
read_items (Loader       *loader,
            JsonNode     *node,
            CjmDocument  *doc,
            CjmKind       kind,
            GError      **error)
{
  g_autofree char *what = NULL;
  JsonArray *array;

  if (!expect_array (loader, node, error))
    return FALSE;

  what = g_strdup_printf (_("a %s"), cjm_kind_to_element (kind));
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autoptr(CjmItem) item = cjm_item_new (kind);
      gsize mark = path_push_index (loader, i);
      JsonObjectIter iter;
      const char *key;
      JsonNode *value;

      if (!expect_object (loader, element, error))
        return FALSE;

      iter_members (loader, &iter, json_node_get_object (element));
      while (json_object_iter_next_ordered (&iter, &key, &value))
        if (!read_item_member (loader, item, key, value, what, error))
          return FALSE;
      if (!check_field_extras (loader, element, item, error))
        return FALSE;

      cjm_document_append_loaded (doc, item);
      path_pop (loader, mark);
    }

  return TRUE;
}

/* "settings" and "print" */
static gboolean
read_map_element (Loader          *loader,
                  JsonNode        *node,
                  CjmItem         *map,
                  const CjmField  *fields,
                  const char      *what,
                  CjmExtras      **extras,
                  GError         **error)
{
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;

  if (!expect_object (loader, node, error))
    return FALSE;

  iter_members (loader, &iter, json_node_get_object (node));
  while (json_object_iter_next_ordered (&iter, &key, &value))
    {
      gsize mark = path_push (loader, key);
      CjmField field;

      if (lookup_field (fields, key, &field))
        {
          char *text;

          if (!read_text (loader, value, &text, error))
            return FALSE;
          cjm_item_take_field (map, field, text);
        }
      else if (strcmp (key, "unknown") == 0)
        {
          if (!read_extras (loader, value, fields, NULL, extras, error))
            return FALSE;
        }
      else
        return unknown_member (loader, value, key, what, error);
      path_pop (loader, mark);
    }

  return TRUE;
}

static gboolean
read_unknown_containers (Loader       *loader,
                         JsonNode     *node,
                         CjmDocument  *doc,
                         GError      **error)
{
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;

  if (!expect_object (loader, node, error))
    return FALSE;

  iter_members (loader, &iter, json_node_get_object (node));
  while (json_object_iter_next_ordered (&iter, &key, &value))
    {
      gsize mark = path_push (loader, key);
      guint k;

      for (k = CJM_KIND_MAP + 1; k < CJM_N_KINDS; k++)
        if (strcmp (key, cjm_kind_to_container (k)) == 0)
          break;
      if (k == CJM_N_KINDS)
        return fail (loader, value, error, CJM_DOCUMENT_ERROR_PARSE,
                     _("“%s” is not a list of the map"), key);
      if (!read_extras (loader, value, NULL, NULL, cjm_document_peek_container_extras (doc, k),
                        error))
        return FALSE;
      path_pop (loader, mark);
    }

  return TRUE;
}

static gboolean
read_document (Loader       *loader,
               JsonNode     *root,
               CjmDocument  *doc,
               GError      **error)
{
  CjmItem *map = cjm_document_get_map (doc);
  JsonObject *object = json_node_get_object (root);
  JsonNode *format = json_object_get_member (object, "format");
  JsonNode *version = NULL;
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;

  if (format == NULL || !JSON_NODE_HOLDS_VALUE (format)
      || json_node_get_value_type (format) != G_TYPE_STRING
      || strcmp (json_node_get_string (format), CJM_JSON_FORMAT) != 0)
    return fail (loader, format ? format : root, error, CJM_DOCUMENT_ERROR_NOT_A_MAP,
                 /* Translators: %s is the format's name, urn:x-cjm:1 */
                 _("not a journey map: the top-level object needs \"format\": \"%s\""),
                 CJM_JSON_FORMAT);

  /* The defaults of a new document are not in the file. */
  for (guint f = 0; f < CJM_N_FIELDS; f++)
    cjm_item_take_field (map, f, NULL);

  iter_members (loader, &iter, object);
  while (json_object_iter_next_ordered (&iter, &key, &value))
    {
      gboolean ok = TRUE;
      guint k;

      if (strcmp (key, "format") == 0)
        continue;

      for (k = CJM_KIND_MAP + 1; k < CJM_N_KINDS; k++)
        if (strcmp (key, cjm_kind_to_container (k)) == 0)
          break;

      if (k < CJM_N_KINDS)
        {
          gsize mark = path_push (loader, key);

          ok = read_items (loader, value, doc, k, error);
          if (ok)
            path_pop (loader, mark);
        }
      else if (strcmp (key, "settings") == 0 || strcmp (key, "print") == 0)
        {
          gboolean settings = key[0] == 's';
          gsize mark = path_push (loader, key);

          ok = read_map_element (loader, value, map,
                                 settings ? cjm_xml_get_settings_fields ()
                                          : cjm_xml_get_print_fields (),
                                 settings ? _("“settings”") : _("“print”"),
                                 settings ? cjm_document_peek_settings_extras (doc)
                                          : cjm_document_peek_print_extras (doc),
                                 error);
          if (ok)
            path_pop (loader, mark);
        }
      else if (strcmp (key, "unknown") == 0)
        {
          gsize mark = path_push (loader, key);

          ok = read_extras (loader, value, NULL, root_attrs,
                            cjm_document_peek_container_extras (doc, CJM_KIND_MAP), error);
          if (ok)
            path_pop (loader, mark);
        }
      else if (strcmp (key, "unknown-containers") == 0)
        {
          gsize mark = path_push (loader, key);

          ok = read_unknown_containers (loader, value, doc, error);
          if (ok)
            path_pop (loader, mark);
        }
      else
        {
          if (strcmp (key, "version") == 0)
            version = value;
          ok = read_item_member (loader, map, key, value, _("the map"), error);
        }

      if (!ok)
        return FALSE;
    }
  if (!check_field_extras (loader, root, map, error))
    return FALSE;

  /* Like a .cjm file, a newer major version is refused. */
  if (version != NULL)
    {
      const char *text = cjm_item_get_field (map, CJM_FIELD_VERSION);

      if (text != NULL && g_ascii_isdigit (*text) && g_ascii_strtoull (text, NULL, 10) > 1)
        return fail (loader, version, error, CJM_DOCUMENT_ERROR_VERSION,
                     _("the map is in version %s of the format; this application reads "
                       "version 1.x"), text);
    }

  return TRUE;
}

/* json-glib says "<data>:LINE:COL: Parse error: reason". */
static void
set_parse_error (Loader       *loader,
                 const GError *parse_error,
                 GError      **error)
{
  Position pos = { 0, 0 };
  const char *reason = parse_error->message;
  const char *p;
  char *end;

  if (g_str_has_prefix (reason, "<data>:"))
    {
      p = reason + strlen ("<data>:");
      pos.line = strtoul (p, &end, 10);
      if (*end == ':')
        {
          pos.column = strtoul (end + 1, &end, 10);
          if (*end == ':')
            reason = end + 1;
          else
            pos.line = 0;
        }
      else
        pos.line = 0;
    }
  while (*reason == ' ')
    reason++;
  if (g_str_has_prefix (reason, "Parse error: "))
    reason += strlen ("Parse error: ");

  fail_at_position (loader, pos, error, CJM_DOCUMENT_ERROR_PARSE, reason);
}

/* Public API */

JsonNode *
cjm_document_to_json (CjmDocument *self)
{
  CjmItem *map;
  JsonObject *root;
  JsonObject *containers = NULL;

  g_return_val_if_fail (CJM_IS_DOCUMENT (self), NULL);

  map = cjm_document_get_map (self);
  root = json_object_new ();

  json_object_set_string_member (root, "format", CJM_JSON_FORMAT);
  for (const CjmField *f = kind_fields (CJM_KIND_MAP); *f != CJM_N_FIELDS; f++)
    set_text (root, field_key (*f),
              *f == CJM_FIELD_VERSION ? cjm_xml_get_written_version (self)
                                      : cjm_item_get_field (map, *f));
  set_map_element (root, "settings", map, cjm_xml_get_settings_fields (),
                   *cjm_document_peek_settings_extras (self));
  set_map_element (root, "print", map, cjm_xml_get_print_fields (),
                   *cjm_document_peek_print_extras (self));
  set_extras (root, "unknown", *cjm_document_peek_container_extras (self, CJM_KIND_MAP));
  set_field_extras (root, map, kind_fields (CJM_KIND_MAP));

  for (guint k = CJM_KIND_MAP + 1; k < CJM_N_KINDS; k++)
    {
      JsonNode *node = extras_to_json (*cjm_document_peek_container_extras (self, k));

      if (node == NULL)
        continue;
      if (containers == NULL)
        containers = json_object_new ();
      json_object_set_member (containers, cjm_kind_to_container (k), node);
    }
  if (containers != NULL)
    json_object_set_object_member (root, "unknown-containers", containers);

  for (guint k = CJM_KIND_MAP + 1; k < CJM_N_KINDS; k++)
    {
      GPtrArray *items = cjm_document_get_items (self, k);
      JsonArray *array;

      if (items->len == 0)
        continue;
      array = json_array_sized_new (items->len);
      for (guint i = 0; i < items->len; i++)
        json_array_add_object_element (array, item_to_json (g_ptr_array_index (items, i)));
      json_object_set_array_member (root, cjm_kind_to_container (k), array);
    }

  return node_take_object (root);
}

char *
cjm_document_to_json_data (CjmDocument *self,
                           gsize       *length)
{
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  char *data;
  gsize len;

  g_return_val_if_fail (CJM_IS_DOCUMENT (self), NULL);

  root = cjm_document_to_json (self);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_indent_char (generator, ' ');
  json_generator_set_root (generator, root);

  data = json_generator_to_data (generator, &len);
  data = g_realloc (data, len + 2);
  data[len++] = '\n';
  data[len] = '\0';

  if (length != NULL)
    *length = len;
  return data;
}

gboolean
cjm_document_save_json (CjmDocument  *self,
                        GFile        *file,
                        GError      **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  char *data;
  gsize length;

  g_return_val_if_fail (CJM_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = cjm_document_to_json_data (self, &length);
  bytes = g_bytes_new_take (data, length);
  if (!cjm_file_writer_write_bytes (file, bytes, NULL, CJM_FILE_WRITER_DEFAULT, NULL,
                                    &local_error))
    {
      g_set_error_literal (error, CJM_DOCUMENT_ERROR, CJM_DOCUMENT_ERROR_WRITE,
                           local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* Parses and reads. With @track, the parser's signals record where every
 * node starts and which member name repeats, for messages; that makes
 * parsing twice as slow, so it is only done to explain a failure. */
static CjmDocument *
parse_and_read (Loader    *loader,
                gboolean   track,
                gboolean  *retry,
                GError   **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(CjmDocument) doc = NULL;
  g_autoptr(GError) parse_error = NULL;
  JsonNode *root;

  if (track)
    {
      g_signal_connect (parser, "object-start", G_CALLBACK (on_parser_container_start), loader);
      g_signal_connect (parser, "array-start", G_CALLBACK (on_parser_container_start), loader);
      g_signal_connect (parser, "object-end", G_CALLBACK (on_parser_container_end), loader);
      g_signal_connect (parser, "array-end", G_CALLBACK (on_parser_container_end), loader);
      g_signal_connect (parser, "object-member", G_CALLBACK (on_parser_object_member), loader);
      g_signal_connect (parser, "array-element", G_CALLBACK (on_parser_array_element), loader);
    }

  /* The parser's own errors come with a position. */
  if (!json_parser_load_from_data (parser, loader->data, loader->length, &parse_error))
    {
      set_parse_error (loader, parse_error, error);
      return NULL;
    }

  *retry = !track;
  root = json_parser_get_root (parser);
  if (track && loader->duplicate != NULL)
    {
      g_autofree char *reason = g_strdup_printf (_("“%s” appears twice in the same object"),
                                                 loader->duplicate);

      fail_at_position (loader, loader->duplicate_pos, error, CJM_DOCUMENT_ERROR_PARSE, reason);
      return NULL;
    }
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      fail (loader, root, error, CJM_DOCUMENT_ERROR_NOT_A_MAP,
            _("not a journey map: expected a JSON object"));
      return NULL;
    }

  loader->members_read = 0;
  doc = g_object_new (CJM_TYPE_DOCUMENT, NULL);
  if (!read_document (loader, root, doc, error))
    return NULL;
  if (loader->members_read != loader->members_in_text)
    {
      /* The second reading says where (the signals see every member). */
      g_set_error_literal (error, CJM_DOCUMENT_ERROR, CJM_DOCUMENT_ERROR_PARSE,
                           _("a member appears twice in the same object"));
      return NULL;
    }

  *retry = FALSE;
  return g_steal_pointer (&doc);
}

/* Unknown XML is checked piece by piece while reading; what only the whole
 * file can tell (a namespace prefix declared nowhere in scope, an xmlns
 * value that is not a URI) is checked by reading the .cjm bytes the map
 * saves to, so that a map read from JSON always saves to a file that
 * opens. */
static gboolean
check_saves_as_cjm (Loader       *loader,
                    CjmDocument  *doc,
                    GError      **error)
{
  g_autoptr(GBytes) bytes = cjm_document_serialize (doc);
  g_autoptr(GError) cjm_error = NULL;
  g_autoptr(CjmDocument) copy = cjm_document_new_from_bytes (bytes, "map.cjm", &cjm_error);

  if (copy != NULL)
    return TRUE;
  g_set_error (error, CJM_DOCUMENT_ERROR, CJM_DOCUMENT_ERROR_PARSE,
               _("%s: its unknown XML would make a .cjm file that does not open (%s)"),
               loader->name, cjm_error->message);
  return FALSE;
}

CjmDocument *
cjm_document_new_from_json_data (const char  *data,
                                 gssize       length,
                                 const char  *display_name,
                                 GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  Loader loader = { 0, };
  CjmDocument *doc = NULL;
  gboolean retry = FALSE;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length < 0)
    length = strlen (data);

  loader.name = display_name != NULL ? display_name : _("JSON data");
  loader.data = data;
  loader.length = length;

  if ((gsize) length > CJM_MAX_FILE_SIZE)
    {
      g_set_error (error, CJM_DOCUMENT_ERROR, CJM_DOCUMENT_ERROR_TOO_LARGE,
                   _("%s: the file is larger than %d MiB"), loader.name,
                   CJM_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }

  loader.path = g_string_new (NULL);

  if (check_input (&loader, error))
    {
      doc = parse_and_read (&loader, FALSE, &retry, &local_error);

      /* Read again, noting positions, to say where it went wrong. */
      if (doc == NULL && retry)
        {
          g_clear_error (&local_error);
          g_string_truncate (loader.path, 0);
          loader.positions = g_hash_table_new (NULL, NULL);
          loader.pos_array = g_array_new (FALSE, FALSE, sizeof (Position));
          loader.stack = g_array_new (FALSE, FALSE, sizeof (Frame));
          doc = parse_and_read (&loader, TRUE, &retry, &local_error);
        }
      if (doc == NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else if (!check_saves_as_cjm (&loader, doc, error))
        g_clear_object (&doc);
    }

  g_clear_pointer (&loader.positions, g_hash_table_unref);
  g_clear_pointer (&loader.pos_array, g_array_unref);
  g_clear_pointer (&loader.stack, g_array_unref);
  g_string_free (loader.path, TRUE);
  g_free (loader.duplicate);

  if (doc == NULL)
    return NULL;

  cjm_document_clear_history (doc);
  cjm_document_set_clean (doc);
  return doc;
}

CjmDocument *
cjm_document_new_from_json_file (GFile   *file,
                                 GError **error)
{
  g_autofree char *name = NULL;
  g_autofree char *data = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_file_get_parse_name (file);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            NULL, &local_error);
  if (info == NULL)
    {
      g_set_error (error, CJM_DOCUMENT_ERROR, CJM_DOCUMENT_ERROR_READ, "%s: %s", name,
                   local_error->message);
      return NULL;
    }
  if (g_file_info_get_size (info) > CJM_MAX_FILE_SIZE)
    {
      g_set_error (error, CJM_DOCUMENT_ERROR, CJM_DOCUMENT_ERROR_TOO_LARGE,
                   _("%s: the file is larger than %d MiB"), name,
                   CJM_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }
  if (!g_file_load_contents (file, NULL, &data, &length, NULL, &local_error))
    {
      g_set_error (error, CJM_DOCUMENT_ERROR, CJM_DOCUMENT_ERROR_READ, "%s: %s", name,
                   local_error->message);
      return NULL;
    }

  return cjm_document_new_from_json_data (data, length, name, error);
}
