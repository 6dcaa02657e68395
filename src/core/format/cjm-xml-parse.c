/* cjm-xml-parse.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Bytes to a libxml2 tree, safely. The bytes are checked before libxml2
 * sees them (size, compression, NUL bytes, UTF-8); a cheap prescan
 * refuses any DOCTYPE or other declaration and bounds nesting, text length
 * and attribute count; libxml2 then parses with no DTD, entity or network
 * access, and reports errors only to us, never on stderr. Every refusal
 * is a CJM_DOCUMENT_ERROR reading "FILE:LINE:COL: reason".
 */

#define G_LOG_DOMAIN "cjm-format"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <string.h>

#include "cjm-xml-private.h"

/* How far past the point where the prescan stopped understanding the
 * markup libxml2 may read: it reports the exact error there, and the few
 * bytes beyond cannot hold anything costly. */
#define PRESCAN_WINDOW 4096

typedef struct {
  const char  *display_name;
  const char  *data;
  gsize        len;

  /* the first error libxml2 reported */
  char        *xml_message;
  int          xml_code;
  int          xml_line;
  int          xml_column;
} Parser;

typedef enum {
  SCAN_OK,
  SCAN_REFUSED,
  SCAN_STOPPED,
} ScanResult;

static const struct {
  const char *magic;
  gsize       len;
  const char *name;
} compressed_formats[] = {
  { "\x1f\x8b", 2, "gzip" },
  { "BZh", 3, "bzip2" },
  { "\xfd" "7zXZ\0", 6, "xz" },
  { "\x28\xb5\x2f\xfd", 4, "zstd" },
  { "PK\x03\x04", 4, "zip" },
  { "LZIP", 4, "lzip" },
};

/* Positions and errors */

static void
offset_to_position (const char *data,
                    gsize       offset,
                    int        *line,
                    int        *column)
{
  int l = 1;
  int c = 1;

  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n')
        {
          l++;
          c = 1;
        }
      else if (((guchar) data[i] & 0xC0) != 0x80)
        c++;
    }
  *line = l;
  *column = c;
}

void
cjm_xml_set_error (GError           **error,
                   const char        *display_name,
                   CjmDocumentError   code,
                   int                line,
                   int                column,
                   const char        *reason)
{
  g_set_error (error, CJM_DOCUMENT_ERROR, code, "%s:%d:%d: %s",
               display_name, line, column, reason);
}

static void
set_error_at (Parser           *p,
              GError          **error,
              CjmDocumentError  code,
              gsize             offset,
              const char       *reason)
{
  int line, column;

  offset_to_position (p->data, offset, &line, &column);
  cjm_xml_set_error (error, p->display_name, code, line, column, reason);
}

/* The line and column of an element's start tag. libxml2 keeps only the
 * line, so the column is found by looking for the tag on that line. */
static void
node_position (const char *data,
               gsize       len,
               xmlNode    *node,
               int        *line,
               int        *column)
{
  g_autofree char *tag = NULL;
  const char *found;
  gsize start = 0;
  gsize end;
  long target = xmlGetLineNo (node);

  *line = target > 0 ? (int) target : 1;
  *column = 1;
  if (target <= 0)
    return;

  for (long l = 1; l < target && start < len; start++)
    if (data[start] == '\n')
      l++;
  for (end = start; end < len && data[end] != '\n'; end++)
    ;

  if (node->ns != NULL && node->ns->prefix != NULL)
    tag = g_strdup_printf ("<%s:%s", node->ns->prefix, node->name);
  else
    tag = g_strdup_printf ("<%s", node->name);

  found = g_strstr_len (data + start, end - start, tag);
  if (found != NULL)
    {
      int tag_line;

      offset_to_position (data + start, found - (data + start), &tag_line, column);
    }
}

void
cjm_xml_set_error_at_node (GError           **error,
                           const char        *data,
                           gsize              len,
                           const char        *display_name,
                           CjmDocumentError   code,
                           xmlNode           *node,
                           const char        *reason)
{
  int line, column;

  node_position (data, len, node, &line, &column);
  cjm_xml_set_error (error, display_name, code, line, column, reason);
}

/* Checks of the raw bytes */

static gboolean
check_bytes (Parser  *p,
             GError **error)
{
  const char *nul;
  const char *end = NULL;

  if (p->len == 0)
    {
      cjm_xml_set_error (error, p->display_name, CJM_DOCUMENT_ERROR_PARSE, 1, 1, _("the file is empty"));
      return FALSE;
    }

  if (p->len > CJM_MAX_FILE_SIZE)
    {
      cjm_xml_set_error (error, p->display_name, CJM_DOCUMENT_ERROR_TOO_LARGE, 1, 1,
                         _("the file is larger than 64 MiB"));
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (compressed_formats); i++)
    if (p->len >= compressed_formats[i].len
        && memcmp (p->data, compressed_formats[i].magic, compressed_formats[i].len) == 0)
      {
        g_autofree char *reason =
          g_strdup_printf (_("the file is compressed (%s); only uncompressed .cjm files are opened"),
                           compressed_formats[i].name);
        cjm_xml_set_error (error, p->display_name, CJM_DOCUMENT_ERROR_ENCODING, 1, 1, reason);
        return FALSE;
      }

  if (p->len >= 2
      && (memcmp (p->data, "\xff\xfe", 2) == 0 || memcmp (p->data, "\xfe\xff", 2) == 0))
    {
      cjm_xml_set_error (error, p->display_name, CJM_DOCUMENT_ERROR_ENCODING, 1, 1,
                         _("the file is UTF-16 text; .cjm files are UTF-8"));
      return FALSE;
    }

  nul = memchr (p->data, '\0', p->len);
  if (nul != NULL)
    {
      set_error_at (p, error, CJM_DOCUMENT_ERROR_ENCODING, nul - p->data,
                    _("the file contains a NUL byte; it is not a text file"));
      return FALSE;
    }

  if (!g_utf8_validate_len (p->data, p->len, &end))
    {
      g_autofree char *reason =
        g_strdup_printf (_("invalid UTF-8 (byte 0x%02X); .cjm files are UTF-8"), (guchar) *end);
      set_error_at (p, error, CJM_DOCUMENT_ERROR_ENCODING, end - p->data, reason);
      return FALSE;
    }

  return TRUE;
}

/* The prescan */

static gboolean
has_prefix_at (const char *data,
               gsize       len,
               gsize       offset,
               const char *prefix)
{
  gsize n = strlen (prefix);

  return offset + n <= len && memcmp (data + offset, prefix, n) == 0;
}

/* Offset of needle at or after from, or G_MAXSIZE. */
static gsize
find_from (const char *data,
           gsize       len,
           gsize       from,
           const char *needle)
{
  const char *found;

  if (from >= len)
    return G_MAXSIZE;
  found = g_strstr_len (data + from, len - from, needle);
  return found != NULL ? (gsize) (found - data) : G_MAXSIZE;
}

static gboolean
is_xml_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The length of character data once references are replaced, near enough:
 * "&amp;" or "&#10;" counts as one. */
static gsize
text_length (const char *text,
             gsize       len)
{
  gsize n = 0;

  for (gsize i = 0; i < len; i++, n++)
    if (text[i] == '&')
      {
        const char *semi = memchr (text + i, ';', MIN (len - i, 32));

        if (semi != NULL)
          i = semi - text;
      }
  return n;
}

/* Walks the markup without building anything. Refuses a DOCTYPE or any
 * other markup declaration, nesting deeper than CJM_MAX_DEPTH, more than
 * CJM_MAX_ATTRIBUTES attributes on one element (libxml2 2.9 checks
 * duplicates in quadratic time) and text or attribute values longer than
 * CJM_MAX_TEXT_LENGTH. Where the markup is malformed it stops and sets
 * *stop: libxml2 then reports the error with its own words. */
static ScanResult
prescan (Parser  *parser,
         gsize   *stop,
         GError **error)
{
  const char *p = parser->data;
  gsize len = parser->len;
  gsize i = 0;
  guint depth = 0;
  gsize text_len = 0;
  gsize text_start = 0;

  if (has_prefix_at (p, len, 0, "\xef\xbb\xbf"))
    i = 3;

  while (i < len)
    {
      gsize tag_start;
      guint n_attrs = 0;
      gboolean empty_element = FALSE;

      if (p[i] != '<')
        {
          const char *lt = memchr (p + i, '<', len - i);
          gsize end = lt != NULL ? (gsize) (lt - p) : len;

          if (text_len == 0)
            text_start = i;
          text_len += text_length (p + i, end - i);
          if (text_len > CJM_MAX_TEXT_LENGTH)
            {
              set_error_at (parser, error, CJM_DOCUMENT_ERROR_UNSAFE, text_start,
                            _("a text longer than 1 MiB"));
              return SCAN_REFUSED;
            }
          i = end;
          continue;
        }

      if (has_prefix_at (p, len, i, "<!--"))
        {
          gsize end = find_from (p, len, i + 4, "-->");

          if (end == G_MAXSIZE)
            goto stopped;
          text_len = 0;
          i = end + 3;
          continue;
        }

      if (has_prefix_at (p, len, i, "<![CDATA["))
        {
          gsize end = find_from (p, len, i + 9, "]]>");

          if (end == G_MAXSIZE)
            goto stopped;
          if (text_len == 0)
            text_start = i;
          text_len += end - (i + 9);
          if (text_len > CJM_MAX_TEXT_LENGTH)
            {
              set_error_at (parser, error, CJM_DOCUMENT_ERROR_UNSAFE, text_start,
                            _("a text longer than 1 MiB"));
              return SCAN_REFUSED;
            }
          i = end + 3;
          continue;
        }

      if (has_prefix_at (p, len, i, "<!DOCTYPE"))
        {
          set_error_at (parser, error, CJM_DOCUMENT_ERROR_UNSAFE, i,
                        _("a DOCTYPE is not allowed: .cjm files never use a DTD or entities"));
          return SCAN_REFUSED;
        }

      if (has_prefix_at (p, len, i, "<!"))
        {
          set_error_at (parser, error, CJM_DOCUMENT_ERROR_UNSAFE, i,
                        _("markup declarations (“<!…”) are not allowed in .cjm files"));
          return SCAN_REFUSED;
        }

      text_len = 0;

      if (has_prefix_at (p, len, i, "<?"))
        {
          gsize end = find_from (p, len, i + 2, "?>");

          if (end == G_MAXSIZE)
            goto stopped;
          i = end + 2;
          continue;
        }

      if (has_prefix_at (p, len, i, "</"))
        {
          const char *gt = memchr (p + i, '>', len - i);

          if (gt == NULL)
            goto stopped;
          if (depth > 0)
            depth--;
          i = gt - p + 1;
          continue;
        }

      /* A start tag. */
      tag_start = i++;
      while (i < len && !is_xml_space (p[i]) && p[i] != '/' && p[i] != '>')
        i++;
      if (i == tag_start + 1)
        goto stopped;

      for (;;)
        {
          gsize name_start;
          const char *close;
          char quote;

          while (i < len && is_xml_space (p[i]))
            i++;
          if (i >= len)
            goto stopped;
          if (p[i] == '>')
            {
              i++;
              break;
            }
          if (p[i] == '/')
            {
              if (i + 1 < len && p[i + 1] == '>')
                {
                  empty_element = TRUE;
                  i += 2;
                  break;
                }
              goto stopped;
            }

          name_start = i;
          while (i < len && !is_xml_space (p[i]) && p[i] != '=' && p[i] != '>' && p[i] != '/')
            i++;
          if (i == name_start)
            goto stopped;
          while (i < len && is_xml_space (p[i]))
            i++;
          if (i >= len || p[i] != '=')
            goto stopped;
          i++;
          while (i < len && is_xml_space (p[i]))
            i++;
          if (i >= len || (p[i] != '"' && p[i] != '\''))
            goto stopped;
          quote = p[i];
          close = memchr (p + i + 1, quote, len - i - 1);
          if (close == NULL)
            goto stopped;
          if (text_length (p + i + 1, close - (p + i + 1)) > CJM_MAX_TEXT_LENGTH)
            {
              set_error_at (parser, error, CJM_DOCUMENT_ERROR_UNSAFE, name_start,
                            _("an attribute value longer than 1 MiB"));
              return SCAN_REFUSED;
            }
          i = close - p + 1;

          if (++n_attrs > CJM_MAX_ATTRIBUTES)
            {
              set_error_at (parser, error, CJM_DOCUMENT_ERROR_UNSAFE, tag_start,
                            _("an element with more than 256 attributes"));
              return SCAN_REFUSED;
            }
        }

      if (!empty_element && ++depth > CJM_MAX_DEPTH)
        {
          set_error_at (parser, error, CJM_DOCUMENT_ERROR_UNSAFE, tag_start,
                        _("elements nested more than 256 levels deep"));
          return SCAN_REFUSED;
        }
    }

  return SCAN_OK;

stopped:
  *stop = i;
  return SCAN_STOPPED;
}

/* libxml2 */

static void
on_xml_error (void        *user_data,
              xmlErrorPtr  xml_error)
{
  xmlParserCtxt *ctxt = user_data;
  Parser *p = ctxt->_private;

  if (p->xml_message != NULL || xml_error->level < XML_ERR_ERROR)
    return;

  p->xml_message = g_strstrip (g_strdup (xml_error->message ? xml_error->message : ""));
  p->xml_code = xml_error->code;
  p->xml_line = MAX (xml_error->line, 1);
  p->xml_column = MAX (xml_error->int2, 1);
}

static gpointer
init_libxml (gpointer data)
{
  xmlInitParser ();
  return NULL;
}

static xmlDoc *
parse_xml (Parser  *p,
           gsize    parse_len,
           GError **error)
{
  static GOnce once = G_ONCE_INIT;
  xmlParserCtxt *ctxt;
  xmlSAXHandler *sax;
  xmlDoc *xml;
  gboolean well_formed;

  g_once (&once, init_libxml, NULL);

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    {
      cjm_xml_set_error (error, p->display_name, CJM_DOCUMENT_ERROR_READ, 1, 1,
                         _("out of memory"));
      return NULL;
    }

  /* Errors come only to us; nothing that could declare or load an entity
   * or a DTD is ever called, even if the prescan were wrong. */
  ctxt->_private = p;
  sax = ctxt->sax;
  sax->serror = on_xml_error;
  sax->warning = NULL;
  sax->error = NULL;
  sax->fatalError = NULL;
  sax->internalSubset = NULL;
  sax->externalSubset = NULL;
  sax->entityDecl = NULL;
  sax->unparsedEntityDecl = NULL;
  sax->notationDecl = NULL;
  sax->attributeDecl = NULL;
  sax->elementDecl = NULL;
  sax->resolveEntity = NULL;

  xml = xmlCtxtReadMemory (ctxt, p->data, (int) parse_len, NULL, "UTF-8",
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING
                           | XML_PARSE_BIG_LINES);
  well_formed = ctxt->wellFormed;
  xmlFreeParserCtxt (ctxt);

  if (xml != NULL && well_formed && p->xml_message == NULL)
    return xml;

  g_clear_pointer (&xml, xmlFreeDoc);

  if (p->xml_message == NULL)
    {
      cjm_xml_set_error (error, p->display_name, CJM_DOCUMENT_ERROR_PARSE, 1, 1,
                         _("not well-formed XML"));
    }
  else
    {
      CjmDocumentError code = CJM_DOCUMENT_ERROR_PARSE;
      g_autofree char *reason = NULL;

      switch (p->xml_code)
        {
        case XML_ERR_UNDECLARED_ENTITY:
        case XML_WAR_UNDECLARED_ENTITY:
        case XML_ERR_ENTITY_LOOP:
        case XML_ERR_ENTITY_BOUNDARY:
        case XML_ERR_ENTITY_PE_INTERNAL:
          code = CJM_DOCUMENT_ERROR_UNSAFE;
          reason = g_strdup_printf (_("%s (.cjm files do not use entities)"), p->xml_message);
          break;
        case XML_ERR_DOCUMENT_EMPTY:
          reason = g_strdup (_("the file has no XML content"));
          break;
        default:
          reason = g_strdup_printf (_("not well-formed XML: %s"), p->xml_message);
          break;
        }
      cjm_xml_set_error (error, p->display_name, code, p->xml_line, p->xml_column, reason);
    }
  return NULL;
}

/* Private API */

xmlDoc *
cjm_xml_parse (const char  *data,
               gsize        len,
               const char  *display_name,
               GError     **error)
{
  Parser p = { display_name, data, len, };
  gsize parse_len;
  gsize stop = 0;
  xmlDoc *xml;

  if (!check_bytes (&p, error))
    return NULL;

  switch (prescan (&p, &stop, error))
    {
    case SCAN_OK:
      parse_len = len;
      break;
    case SCAN_STOPPED:
      parse_len = MIN (len, stop + PRESCAN_WINDOW);
      break;
    case SCAN_REFUSED:
    default:
      return NULL;
    }

  xml = parse_xml (&p, parse_len, error);
  g_free (p.xml_message);

  if (xml != NULL && parse_len < len)
    {
      /* libxml2 accepted what the prescan could not follow: refuse rather
       * than read the rest unchecked. */
      g_clear_pointer (&xml, xmlFreeDoc);
      set_error_at (&p, error, CJM_DOCUMENT_ERROR_PARSE, stop, _("not well-formed XML"));
    }
  return xml;
}
