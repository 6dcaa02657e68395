/* cjm-labels.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A reader of compiled message catalogs (the GNU .mo format: a header,
 * a table of original strings and a table of translations, each entry a
 * length and an offset) and of the Plural-Forms expression in the
 * catalog's header, so that a map is labelled in its own language
 * without the process's locale.
 */

#define G_LOG_DOMAIN "cjm-model"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libintl.h>
#include <string.h>

#include "cjm-document.h"
#include "cjm-labels.h"

#define MO_MAGIC         0x950412de
#define MO_MAGIC_SWAPPED 0xde120495
#define CONTEXT_GLUE     "\004"

struct _CjmLabels
{
  char        *language;      /* as asked for */
  GBytes      *data;          /* the catalog, NULL when there is none */
  GHashTable  *strings;       /* original (with "context\004") → const char *translation */
  GHashTable  *lengths;       /* original → GSIZE_TO_POINTER (length of all plural forms) */
  char        *plural;        /* the Plural-Forms expression, NULL for English rules */
  gulong       n_plurals;
};

static GMutex     labels_lock;
static GHashTable *labels_cache;    /* "dir\037tag" → CjmLabels (never freed) */
static char       *labels_dir;      /* cjm_labels_set_locale_dir() */

/* Static helpers */

/* The Plural-Forms expression (C syntax over n) by recursive descent. */

typedef struct {
  const char *p;
  gulong      n;
  guint       depth;          /* parentheses and conditions open */
  gboolean    failed;
} Plural;

#define PLURAL_MAX_DEPTH 32

static gulong plural_ternary (Plural *e);

static void
plural_skip_space (Plural *e)
{
  while (*e->p == ' ' || *e->p == '\t' || *e->p == '\n' || *e->p == '\r')
    e->p++;
}

static gboolean
plural_accept (Plural     *e,
               const char *token)
{
  gsize len = strlen (token);

  plural_skip_space (e);
  if (strncmp (e->p, token, len) != 0)
    return FALSE;
  /* "<" is not the start of "<=", nor "=" of "==" */
  if (len == 1 && (token[0] == '<' || token[0] == '>' || token[0] == '!') && e->p[1] == '=')
    return FALSE;
  if (len == 1 && (token[0] == '|' || token[0] == '&') && e->p[1] == token[0])
    return FALSE;
  e->p += len;
  return TRUE;
}

static gulong
plural_primary (Plural *e)
{
  plural_skip_space (e);
  if (*e->p == 'n')
    {
      e->p++;
      return e->n;
    }
  if (g_ascii_isdigit (*e->p))
    {
      char *end = NULL;
      guint64 v = g_ascii_strtoull (e->p, &end, 10);

      e->p = end;
      return (gulong) v;
    }
  if (plural_accept (e, "("))
    {
      gulong v;

      if (++e->depth > PLURAL_MAX_DEPTH)
        {
          e->failed = TRUE;
          return 0;
        }
      v = plural_ternary (e);
      e->depth--;
      if (!plural_accept (e, ")"))
        e->failed = TRUE;
      return v;
    }
  e->failed = TRUE;
  return 0;
}

static gulong
plural_unary (Plural *e)
{
  if (plural_accept (e, "!"))
    {
      gulong v;

      if (++e->depth > PLURAL_MAX_DEPTH)
        {
          e->failed = TRUE;
          return 0;
        }
      v = !plural_unary (e);
      e->depth--;
      return v;
    }
  return plural_primary (e);
}

static gulong
plural_product (Plural *e)
{
  gulong v = plural_unary (e);

  while (!e->failed)
    {
      gboolean times = plural_accept (e, "*");
      gboolean divide = !times && plural_accept (e, "/");
      gboolean modulo = !times && !divide && plural_accept (e, "%");
      gulong w;

      if (!times && !divide && !modulo)
        break;
      w = plural_unary (e);
      if ((divide || modulo) && w == 0)
        {
          e->failed = TRUE;
          return 0;
        }
      v = times ? v * w : divide ? v / w : v % w;
    }
  return v;
}

static gulong
plural_sum (Plural *e)
{
  gulong v = plural_product (e);

  while (!e->failed)
    {
      if (plural_accept (e, "+"))
        v += plural_product (e);
      else if (plural_accept (e, "-"))
        v -= plural_product (e);
      else
        break;
    }
  return v;
}

static gulong
plural_relation (Plural *e)
{
  gulong v = plural_sum (e);

  while (!e->failed)
    {
      if (plural_accept (e, "<="))
        v = v <= plural_sum (e);
      else if (plural_accept (e, ">="))
        v = v >= plural_sum (e);
      else if (plural_accept (e, "<"))
        v = v < plural_sum (e);
      else if (plural_accept (e, ">"))
        v = v > plural_sum (e);
      else
        break;
    }
  return v;
}

static gulong
plural_equality (Plural *e)
{
  gulong v = plural_relation (e);

  while (!e->failed)
    {
      if (plural_accept (e, "=="))
        v = v == plural_relation (e);
      else if (plural_accept (e, "!="))
        v = v != plural_relation (e);
      else
        break;
    }
  return v;
}

static gulong
plural_and (Plural *e)
{
  gulong v = plural_equality (e);

  while (!e->failed && plural_accept (e, "&&"))
    {
      gulong w = plural_equality (e);

      v = v && w;
    }
  return v;
}

static gulong
plural_or (Plural *e)
{
  gulong v = plural_and (e);

  while (!e->failed && plural_accept (e, "||"))
    {
      gulong w = plural_and (e);

      v = v || w;
    }
  return v;
}

static gulong
plural_ternary (Plural *e)
{
  gulong c = plural_or (e);

  if (!e->failed && plural_accept (e, "?"))
    {
      gulong a, b;

      if (++e->depth > PLURAL_MAX_DEPTH)
        {
          e->failed = TRUE;
          return 0;
        }
      a = plural_ternary (e);
      if (!plural_accept (e, ":"))
        {
          e->failed = TRUE;
          return 0;
        }
      b = plural_ternary (e);
      e->depth--;
      return c ? a : b;
    }
  return c;
}

/* Which plural form n takes; English rules when the expression is
 * missing or does not parse. */
static gulong
plural_index (const CjmLabels *labels,
              gulong           n)
{
  Plural e = { labels->plural, n, 0, FALSE };
  gulong v;

  if (labels->plural == NULL)
    return n == 1 ? 0 : 1;
  v = plural_ternary (&e);
  plural_skip_space (&e);
  if (e.failed || (*e.p != '\0' && *e.p != ';'))
    return n == 1 ? 0 : 1;
  return MIN (v, labels->n_plurals > 0 ? labels->n_plurals - 1 : 0);
}

/* The catalog */

static guint32
read_u32 (const guint8 *data,
          gsize         offset,
          gboolean      swapped)
{
  guint32 v;

  memcpy (&v, data + offset, sizeof v);
  return swapped ? GUINT32_SWAP_LE_BE (v) : v;
}

/* A string of the file: length and offset from a table entry; NULL when
 * it does not lie inside the file or does not end in NUL. */
static const char *
mo_string (const guint8 *data,
           gsize         size,
           gsize         entry,
           gboolean      swapped,
           gsize        *length)
{
  guint32 len, offset;

  if (entry > size || size - entry < 8)
    return NULL;
  len = read_u32 (data, entry, swapped);
  offset = read_u32 (data, entry + 4, swapped);
  if (offset > size || size - offset <= len || data[offset + len] != '\0')
    return NULL;
  *length = len;
  return (const char *) data + offset;
}

/* "nplurals=3; plural=(n==1 ? 0 : n==2 ? 1 : 2);" from the header */
static void
read_plural_forms (CjmLabels  *labels,
                   const char *header)
{
  const char *line = strstr (header, "Plural-Forms:");
  const char *nplurals, *plural;
  g_autofree char *text = NULL;

  if (line == NULL)
    return;
  text = g_strndup (line, strcspn (line, "\n"));
  nplurals = strstr (text, "nplurals=");
  plural = strstr (text, "plural=");
  /* "nplurals=" contains "plural=": the expression is the later one */
  if (plural == nplurals + 1)
    plural = strstr (plural + 1, "plural=");
  if (nplurals == NULL || plural == NULL)
    return;
  labels->n_plurals = (gulong) g_ascii_strtoull (nplurals + strlen ("nplurals="), NULL, 10);
  plural += strlen ("plural=");
  labels->plural = g_strndup (plural, strcspn (plural, ";"));
}

static gboolean
read_catalog (CjmLabels  *labels,
              const char *path)
{
  g_autoptr(GMappedFile) file = g_mapped_file_new (path, FALSE, NULL);
  const guint8 *data;
  gsize size;
  guint32 magic, n, originals, translations;
  gboolean swapped;

  if (file == NULL)
    return FALSE;
  labels->data = g_mapped_file_get_bytes (file);
  data = g_bytes_get_data (labels->data, &size);
  if (size < 20)
    goto bad;
  memcpy (&magic, data, sizeof magic);
  if (magic != MO_MAGIC && magic != MO_MAGIC_SWAPPED)
    goto bad;
  swapped = magic == MO_MAGIC_SWAPPED;
  if (read_u32 (data, 4, swapped) >> 16 > 1)
    goto bad;
  n = read_u32 (data, 8, swapped);
  originals = read_u32 (data, 12, swapped);
  translations = read_u32 (data, 16, swapped);
  if (n > size / 16 || originals > size || translations > size
      || (size - originals) / 8 < n || (size - translations) / 8 < n)
    goto bad;

  labels->strings = g_hash_table_new (g_str_hash, g_str_equal);
  labels->lengths = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint32 i = 0; i < n; i++)
    {
      gsize olen, tlen;
      const char *original = mo_string (data, size, originals + (gsize) i * 8, swapped,
                                        &olen);
      const char *translation = mo_string (data, size, translations + (gsize) i * 8, swapped,
                                           &tlen);

      if (original == NULL || translation == NULL)
        continue;
      if (*original == '\0')
        {
          read_plural_forms (labels, translation);
          continue;
        }
      if (tlen == 0)
        continue;
      /* the key ends at the first NUL: the singular of a plural entry */
      g_hash_table_insert (labels->strings, (gpointer) original, (gpointer) translation);
      g_hash_table_insert (labels->lengths, (gpointer) original, GSIZE_TO_POINTER (tlen));
    }
  return TRUE;

bad:
  g_debug ("%s is not a message catalog", path);
  g_clear_pointer (&labels->data, g_bytes_unref);
  return FALSE;
}

/* The catalog names to try for a tag, best first: "he_IL", "he";
 * "sr@latin" for "sr-Latn". */
static GPtrArray *
catalog_names (const char *language)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) parts = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *tag = g_strndup (language, strcspn (language, ".@"));
  const char *region = NULL, *modifier = NULL;

  g_strdelimit (tag, "_", '-');
  parts = g_strsplit (tag, "-", -1);
  if (parts[0] == NULL || parts[0][0] == '\0')
    return names;
  lang = g_ascii_strdown (parts[0], -1);
  if (strcmp (lang, "iw") == 0)
    {
      g_free (lang);
      lang = g_strdup ("he");
    }
  for (guint i = 1; parts[i] != NULL; i++)
    {
      gsize len = strlen (parts[i]);
      gboolean is_region = (len == 2 && g_ascii_isalpha (parts[i][0]))
                           || (len == 3 && g_ascii_isdigit (parts[i][0]));

      if (region == NULL && is_region)
        region = parts[i];
      else if (len == 4 && g_ascii_strcasecmp (parts[i], "Latn") == 0)
        modifier = "latin";
      else if (len == 4 && g_ascii_strcasecmp (parts[i], "Cyrl") == 0)
        modifier = "cyrillic";
    }

  if (region != NULL)
    {
      g_autofree char *upper = g_ascii_strup (region, -1);

      if (modifier != NULL)
        g_ptr_array_add (names, g_strdup_printf ("%s_%s@%s", lang, upper, modifier));
      g_ptr_array_add (names, g_strdup_printf ("%s_%s", lang, upper));
    }
  if (modifier != NULL)
    g_ptr_array_add (names, g_strdup_printf ("%s@%s", lang, modifier));
  g_ptr_array_add (names, g_steal_pointer (&lang));
  return names;
}

static const char *
current_dir (void)
{
  if (labels_dir != NULL)
    return labels_dir;
  return bindtextdomain (GETTEXT_PACKAGE, NULL);
}

static CjmLabels *
labels_new (const char *language,
            const char *dir)
{
  CjmLabels *labels = g_new0 (CjmLabels, 1);
  g_autoptr(GPtrArray) names = catalog_names (language);
  const char *dirs[] = { dir, labels_dir == NULL ? LOCALEDIR : NULL };

  labels->language = g_strdup (language);
  for (guint d = 0; d < G_N_ELEMENTS (dirs) && labels->data == NULL; d++)
    for (guint i = 0; dirs[d] != NULL && i < names->len && labels->data == NULL; i++)
      {
        g_autofree char *path = g_build_filename (dirs[d], (char *) g_ptr_array_index (names, i),
                                                  "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);

        if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
          read_catalog (labels, path);
      }
  return labels;
}

static const char *
lookup (CjmLabels  *labels,
        const char *key)
{
  return labels->strings != NULL ? g_hash_table_lookup (labels->strings, key) : NULL;
}

static const char *
month_name (CjmLabels *labels,
            guint      month)
{
  switch (month)
    {
    case 1: return cjm_labels_pgettext (labels, "month", "January");
    case 2: return cjm_labels_pgettext (labels, "month", "February");
    case 3: return cjm_labels_pgettext (labels, "month", "March");
    case 4: return cjm_labels_pgettext (labels, "month", "April");
    case 5: return cjm_labels_pgettext (labels, "month", "May");
    case 6: return cjm_labels_pgettext (labels, "month", "June");
    case 7: return cjm_labels_pgettext (labels, "month", "July");
    case 8: return cjm_labels_pgettext (labels, "month", "August");
    case 9: return cjm_labels_pgettext (labels, "month", "September");
    case 10: return cjm_labels_pgettext (labels, "month", "October");
    case 11: return cjm_labels_pgettext (labels, "month", "November");
    case 12: return cjm_labels_pgettext (labels, "month", "December");
    default: return "";
    }
}

/* Public API */

CjmLabels *
cjm_labels_get (const char *language)
{
  g_autofree char *key = NULL;
  const char *dir;
  CjmLabels *labels;

  if (language == NULL || *language == '\0')
    return NULL;

  g_mutex_lock (&labels_lock);
  dir = current_dir ();
  key = g_strdup_printf ("%s\037%s", dir ? dir : "", language);
  if (labels_cache == NULL)
    labels_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  labels = g_hash_table_lookup (labels_cache, key);
  if (labels == NULL)
    {
      labels = labels_new (language, dir);
      g_hash_table_insert (labels_cache, g_steal_pointer (&key), labels);
    }
  g_mutex_unlock (&labels_lock);
  return labels;
}

CjmLabels *
cjm_labels_get_for_document (CjmDocument *document)
{
  g_return_val_if_fail (CJM_IS_DOCUMENT (document), NULL);
  return cjm_labels_get (cjm_item_get_field (cjm_document_get_map (document), CJM_FIELD_LANG));
}

const char *
cjm_labels_get_language (CjmLabels *labels)
{
  return labels != NULL ? labels->language : NULL;
}

gboolean
cjm_labels_has_catalog (CjmLabels *labels)
{
  return labels == NULL || labels->data != NULL;
}

const char *
cjm_labels_gettext (CjmLabels  *labels,
                    const char *msgid)
{
  const char *found;

  g_return_val_if_fail (msgid != NULL, NULL);

  if (labels == NULL)
    return g_dgettext (GETTEXT_PACKAGE, msgid);
  found = lookup (labels, msgid);
  return found != NULL ? found : msgid;
}

const char *
cjm_labels_pgettext (CjmLabels  *labels,
                     const char *context,
                     const char *msgid)
{
  char stack[256];
  g_autofree char *heap = NULL;
  gsize clen, mlen;
  char *key;
  const char *found;

  g_return_val_if_fail (context != NULL && msgid != NULL, NULL);

  if (labels == NULL)
    return g_dpgettext2 (GETTEXT_PACKAGE, context, msgid);

  clen = strlen (context);
  mlen = strlen (msgid);
  key = clen + mlen + 2 <= sizeof stack ? stack : (heap = g_malloc (clen + mlen + 2));
  memcpy (key, context, clen);
  key[clen] = CONTEXT_GLUE[0];
  memcpy (key + clen + 1, msgid, mlen + 1);
  found = lookup (labels, key);
  return found != NULL ? found : msgid;
}

const char *
cjm_labels_ngettext (CjmLabels  *labels,
                     const char *msgid,
                     const char *msgid_plural,
                     gulong      n)
{
  const char *found;
  gsize length;
  gulong index;

  g_return_val_if_fail (msgid != NULL && msgid_plural != NULL, NULL);

  if (labels == NULL)
    return g_dngettext (GETTEXT_PACKAGE, msgid, msgid_plural, n);

  found = lookup (labels, msgid);
  if (found == NULL)
    return n == 1 ? msgid : msgid_plural;

  /* the forms follow one another, each ending in NUL */
  length = GPOINTER_TO_SIZE (g_hash_table_lookup (labels->lengths, msgid));
  index = plural_index (labels, n);
  for (const char *p = found; p < found + length; p += strlen (p) + 1)
    if (index-- == 0)
      return p;
  return found;
}

char *
cjm_labels_format_date (CjmLabels   *labels,
                        const GDate *date)
{
  /* Translators: a date on printed pages and in the action plan. %-d is
   * the day, %B the month's name (translated on its own, in context
   * "month"), %Y the year; also %d (two digits), %m (the month's number). */
  const char *format = cjm_labels_gettext (labels, "%-d %B %Y");
  GString *out;
  guint day, month, year;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  out = g_string_new (NULL);
  day = g_date_get_day (date);
  month = g_date_get_month (date);
  year = g_date_get_year (date);
  for (const char *p = format; *p != '\0'; p++)
    {
      gboolean unpadded = FALSE;

      if (*p != '%')
        {
          g_string_append_c (out, *p);
          continue;
        }
      if (p[1] == '-')
        {
          unpadded = TRUE;
          p++;
        }
      switch (p[1])
        {
        case 'd':
          g_string_append_printf (out, unpadded ? "%u" : "%02u", day);
          break;
        case 'e':
          g_string_append_printf (out, "%u", day);
          break;
        case 'm':
          g_string_append_printf (out, unpadded ? "%u" : "%02u", month);
          break;
        case 'Y':
          g_string_append_printf (out, "%u", year);
          break;
        case 'y':
          g_string_append_printf (out, "%02u", year % 100);
          break;
        case 'B':
        case 'b':
        case 'h':
          g_string_append (out, month_name (labels, month));
          break;
        case '%':
          g_string_append_c (out, '%');
          break;
        case '\0':
          g_string_append_c (out, '%');
          p--;
          break;
        default:
          g_string_append_c (out, '%');
          if (unpadded)
            g_string_append_c (out, '-');
          g_string_append_c (out, p[1]);
          break;
        }
      p++;
    }
  return g_string_free (out, FALSE);
}

void
cjm_labels_set_locale_dir (const char *dir)
{
  g_mutex_lock (&labels_lock);
  g_free (labels_dir);
  labels_dir = g_strdup (dir);
  g_mutex_unlock (&labels_lock);
}
