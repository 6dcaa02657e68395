/* cjm-xml-writer.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes a CjmDocument as canonical .cjm (FORMAT.md, "Rules of the
 * format"): two-space indentation, one element per line, text-only
 * elements on one line, attributes in the documented order followed by the
 * unknown ones as read, and unknown child elements put back after as many
 * known siblings as stood before them when read.
 *
 * Saving is atomic: the bytes go to a temporary file in the same folder,
 * which is flushed to disk and then renamed over the original; the
 * previous file is kept as FILE~. Whatever fails, the original stays as it
 * was.
 */

#define G_LOG_DOMAIN "Cjm"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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
  CJM_FIELD_COVER, CJM_FIELD_APPENDIX, CJM_FIELD_FINDINGS, END_FIELDS
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
  CJM_FIELD_OWNER, CJM_FIELD_ADDRESSES, END_FIELDS
};
static const guint opportunity_children[] = {
  CJM_FIELD_TITLE, CJM_FIELD_DESCRIPTION, END_PARTS
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
  append_field_attrs (out, map, map_attrs);
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

/* Saving */

static void
set_save_error (GError     **error,
                const char  *display_name,
                const char  *what,
                int          errsv)
{
  g_set_error (error, CJM_DOCUMENT_ERROR, CJM_DOCUMENT_ERROR_WRITE,
               _("Could not save “%s”: %s: %s. The file on disk was not changed."),
               display_name, what, g_strerror (errsv));
}

static gboolean
write_all (int         fd,
           const char *data,
           gsize       len)
{
  while (len > 0)
    {
      gssize n = write (fd, data, MIN (len, (gsize) G_MAXSSIZE));

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          return FALSE;
        }
      data += n;
      len -= n;
    }
  return TRUE;
}

static void
sync_folder (const char *folder)
{
  int fd = open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd < 0)
    return;
  /* Some file systems cannot sync a folder; the rename is done anyway. */
  (void) fsync (fd);
  close (fd);
}

/* Keeps the current file as FILE~: a hard link to it when the folder
 * allows, else a durable copy. */
static gboolean
make_backup (const char  *target,
             const char  *display_name,
             GError     **error)
{
  g_autofree char *backup = g_strconcat (target, "~", NULL);
  g_autofree char *contents = NULL;
  gsize len;
  g_autoptr(GError) local_error = NULL;

  if (unlink (backup) != 0 && errno != ENOENT)
    {
      set_save_error (error, display_name, _("could not replace the backup copy"), errno);
      return FALSE;
    }
  if (link (target, backup) == 0)
    return TRUE;

  if (!g_file_get_contents (target, &contents, &len, &local_error)
      || !g_file_set_contents_full (backup, contents, len,
                                    G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                    0666, &local_error))
    {
      g_set_error (error, CJM_DOCUMENT_ERROR, CJM_DOCUMENT_ERROR_WRITE,
                   _("Could not save “%s”: could not make the backup copy: %s. "
                     "The file on disk was not changed."),
                   display_name, local_error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
save_local (const char  *path,
            const char  *display_name,
            GBytes      *bytes,
            gboolean     backup,
            GError     **error)
{
  g_autofree char *target = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *tmp = NULL;
  struct stat st;
  gboolean exists;
  const char *data;
  gsize len;
  int fd;
  int errsv;

  /* Write through a symbolic link to the file it names. */
  target = realpath (path, NULL);
  if (target == NULL)
    {
      if (errno != ENOENT)
        {
          set_save_error (error, display_name, _("could not find the folder"), errno);
          return FALSE;
        }
      target = g_strdup (path);
    }

  exists = g_stat (target, &st) == 0;
  if (exists && S_ISDIR (st.st_mode))
    {
      set_save_error (error, display_name, _("there is a folder with this name"), EISDIR);
      return FALSE;
    }
  /* The rename would replace a read-only file: respect its mode. */
  if (exists && g_access (target, W_OK) != 0)
    {
      set_save_error (error, display_name, _("the file is read-only"), errno);
      return FALSE;
    }

  folder = g_path_get_dirname (target);
  tmp = g_build_filename (folder, ".journeyman-save-XXXXXX", NULL);
  fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, exists ? (int) (st.st_mode & 0777) : 0666);
  if (fd < 0)
    {
      set_save_error (error, display_name, _("could not create a file in its folder"), errno);
      return FALSE;
    }

  if (exists)
    {
      /* Keep the owner and permissions; only root can give a file away. */
      if (fchown (fd, st.st_uid, st.st_gid) != 0)
        g_debug ("Could not keep the owner of %s: %s", target, g_strerror (errno));
      if (fchmod (fd, st.st_mode & 07777) != 0)
        g_debug ("Could not keep the permissions of %s: %s", target, g_strerror (errno));
    }

  data = g_bytes_get_data (bytes, &len);
  if (!write_all (fd, data, len) || fsync (fd) != 0)
    {
      errsv = errno;
      close (fd);
      g_unlink (tmp);
      set_save_error (error, display_name, _("could not write the new version"), errsv);
      return FALSE;
    }
  if (close (fd) != 0)
    {
      errsv = errno;
      g_unlink (tmp);
      set_save_error (error, display_name, _("could not write the new version"), errsv);
      return FALSE;
    }

  if (backup && exists && !make_backup (target, display_name, error))
    {
      g_unlink (tmp);
      return FALSE;
    }

  if (g_rename (tmp, target) != 0)
    {
      errsv = errno;
      g_unlink (tmp);
      set_save_error (error, display_name, _("could not replace the file"), errsv);
      return FALSE;
    }

  sync_folder (folder);
  return TRUE;
}

static gboolean
save_remote (GFile       *file,
             const char  *display_name,
             GBytes      *bytes,
             const char  *etag,
             gboolean     backup,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  if (g_file_replace_contents (file, data, len, etag, backup, G_FILE_CREATE_NONE,
                               NULL, NULL, &local_error))
    return TRUE;

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
    g_set_error (error, CJM_DOCUMENT_ERROR, CJM_DOCUMENT_ERROR_CHANGED_ON_DISK,
                 _("“%s” was changed on disk since it was opened"), display_name);
  else
    g_set_error (error, CJM_DOCUMENT_ERROR, CJM_DOCUMENT_ERROR_WRITE,
                 _("Could not save “%s”: %s. The file on disk was not changed."),
                 display_name, local_error->message);
  return FALSE;
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

gboolean
cjm_document_write_to_stream (CjmDocument    *self,
                              GOutputStream  *stream,
                              GCancellable   *cancellable,
                              GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize written = 0;

  g_return_val_if_fail (CJM_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = cjm_document_serialize (self);
  if (g_output_stream_write_all (stream, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                 &written, cancellable, &local_error))
    return TRUE;

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    g_set_error (error, CJM_DOCUMENT_ERROR, CJM_DOCUMENT_ERROR_WRITE,
                 _("Could not write the map: %s"), local_error->message);
  return FALSE;
}

gboolean
cjm_document_save (CjmDocument   *self,
                   GFile         *file,
                   CjmSaveFlags   flags,
                   GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *display_name = NULL;
  const char *etag = NULL;
  const char *path;
  gboolean backup = (flags & CJM_SAVE_NO_BACKUP) == 0;
  gboolean saved;

  g_return_val_if_fail (CJM_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display_name = g_file_get_parse_name (file);

  /* Someone else changed the file we loaded since we loaded it? */
  if ((flags & CJM_SAVE_FORCE) == 0
      && cjm_document_get_etag (self) != NULL
      && cjm_document_get_file (self) != NULL
      && g_file_equal (file, cjm_document_get_file (self)))
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(GFileInfo) now = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE,
                                                    G_FILE_QUERY_INFO_NONE, NULL, &local_error);

      etag = cjm_document_get_etag (self);
      if (now == NULL && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          g_set_error (error, CJM_DOCUMENT_ERROR, CJM_DOCUMENT_ERROR_WRITE,
                       _("Could not save “%s”: %s. The file on disk was not changed."),
                       display_name, local_error->message);
          return FALSE;
        }
      if (now != NULL && g_strcmp0 (g_file_info_get_etag (now), etag) != 0)
        {
          g_set_error (error, CJM_DOCUMENT_ERROR, CJM_DOCUMENT_ERROR_CHANGED_ON_DISK,
                       _("“%s” was changed on disk since it was opened"), display_name);
          return FALSE;
        }
    }

  bytes = cjm_document_serialize (self);
  path = g_file_peek_path (file);
  if (path != NULL)
    saved = save_local (path, display_name, bytes, backup, error);
  else
    saved = save_remote (file, display_name, bytes, etag, backup, error);
  if (!saved)
    return FALSE;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  cjm_document_set_file (self, file);
  cjm_document_set_etag (self, info != NULL ? g_file_info_get_etag (info) : NULL);
  cjm_document_set_clean (self);
  return TRUE;
}
