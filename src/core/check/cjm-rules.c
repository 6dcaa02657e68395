/* cjm-rules.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules of RULES.md. Each function computes the findings of one scope
 * (see cjm-checker-private.h) from the checker's records of the items, and
 * never changes the records: the checker keeps them up to date.
 */

#define G_LOG_DOMAIN "cjm-check"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "cjm-checker-private.h"
#include "cjm-plan.h"

/* The language of the messages while a scope is computed: NULL for the
 * user's, a map's own when its findings are printed on it
 * (cjm_check_document_with_labels()). Set by cjm_rules_compute_scope(). */
static _Thread_local CjmLabels *message_labels;

/* A full check makes thousands of messages: each translation into the
 * user's language is looked up once per call site (the language does not
 * change while the app runs); a map's catalog is a hash lookup. */
#define CACHED(expr) \
  ({ static const char *cached_; if (G_UNLIKELY (cached_ == NULL)) cached_ = (expr); cached_; })
#undef _
#define _(text) \
  (G_LIKELY (message_labels == NULL) ? CACHED (g_dgettext (GETTEXT_PACKAGE, text)) \
                                     : cjm_labels_gettext (message_labels, text))
#undef C_
#define C_(context, text) cjm_labels_pgettext (message_labels, context, text)

/* What a kind of item is called, in the messages' language. */
static inline const char *
kind_label (CjmKind kind)
{
  return cjm_kind_get_label_for (kind, message_labels);
}

static inline const char *
kind_noun (CjmKind kind)
{
  return cjm_kind_get_noun_for (kind, message_labels);
}

/* S01 faults, in the order they are listed for one item. */
typedef enum {
  FAULT_ID_MISSING,
  FAULT_ID_INVALID,
  FAULT_ID_DUPLICATE,
  FAULT_STAGE_MISSING,
  FAULT_STAGE_UNKNOWN,
  FAULT_LANE_MISSING,
  FAULT_LANE_UNKNOWN,
  FAULT_LANE_KIND,
  FAULT_EMOTION,
  FAULT_TARGET_EMOTION,
  FAULT_PERSONA,
  FAULT_IMPACT,
  FAULT_EFFORT,
  FAULT_STATUS,
  FAULT_HORIZON,
  FAULT_DUE,
  FAULT_ADDRESS,
  FAULT_SCORE,       /* n: the score's index × 4 + which fault of it */
  FAULT_LINK_ENDS,   /* 18 */
  FAULT_LINK_FROM,
  FAULT_LINK_TO,
  FAULT_TARGET,      /* 21 */
} Fault;

G_STATIC_ASSERT (FAULT_LINK_ENDS == 18 && FAULT_TARGET == 21);

/* Helpers */

/* A message: like g_strdup_printf(), much faster for the conversions the
 * messages use (%s, %d, %u, %%); any other format goes to printf. */
typedef struct {
  char  *str;
  gsize  len;
  gsize  size;
  char   stack[256];
} Buf;

static void
buf_append (Buf        *buf,
            const char *text,
            gsize       n)
{
  if (buf->len + n + 1 > buf->size)
    {
      gsize size = MAX (buf->size * 2, buf->len + n + 1);

      if (buf->str == buf->stack)
        buf->str = memcpy (g_malloc (size), buf->stack, buf->len);
      else
        buf->str = g_realloc (buf->str, size);
      buf->size = size;
    }
  memcpy (buf->str + buf->len, text, n);
  buf->len += n;
}

static void
buf_append_uint (Buf     *buf,
                 guint64  value,
                 gboolean negative)
{
  char digits[24];
  char *p = digits + sizeof digits;

  do
    *--p = '0' + value % 10;
  while ((value /= 10) > 0);
  if (negative)
    *--p = '-';
  buf_append (buf, p, digits + sizeof digits - p);
}

static char * G_GNUC_PRINTF (1, 2)
format_message (const char *format,
                ...)
{
  Buf buf;
  va_list args;

  for (const char *p = strchr (format, '%'); p != NULL; p = strchr (p + 2, '%'))
    if (p[1] != 's' && p[1] != 'd' && p[1] != 'u' && p[1] != '%')
      {
        char *message;

        va_start (args, format);
        message = g_strdup_vprintf (format, args);
        va_end (args);
        return message;
      }

  buf.str = buf.stack;
  buf.len = 0;
  buf.size = sizeof buf.stack;
  va_start (args, format);
  for (const char *p = format; *p; )
    {
      const char *percent = strchr (p, '%');

      if (percent == NULL)
        {
          buf_append (&buf, p, strlen (p));
          break;
        }
      buf_append (&buf, p, percent - p);
      switch (percent[1])
        {
        case 's':
          {
            const char *text = va_arg (args, const char *);

            if (text == NULL)
              text = "(null)";
            buf_append (&buf, text, strlen (text));
          }
          break;
        case 'd':
          {
            int value = va_arg (args, int);

            buf_append_uint (&buf, value < 0 ? -(gint64) value : value, value < 0);
          }
          break;
        case 'u':
          buf_append_uint (&buf, va_arg (args, guint), FALSE);
          break;
        default:
          buf_append (&buf, "%", 1);
          break;
        }
      p = percent + 2;
    }
  va_end (args);

  if (buf.str == buf.stack)
    {
      buf.stack[buf.len] = '\0';
      return g_memdup2 (buf.stack, buf.len + 1);
    }
  buf.str[buf.len] = '\0';
  return buf.str;
}

/* Writes "%0*u:%06u" (a sort key) into key, which holds 32 bytes. */
static const char *
format_key (char  *key,
            guint  a,
            int    a_width,
            guint  b)
{
  char *p = key;
  char digits[12];
  int n;

  for (guint pass = 0; pass < 2; pass++)
    {
      guint value = pass == 0 ? a : b;
      int width = pass == 0 ? a_width : 6;

      n = 0;
      do
        digits[n++] = '0' + value % 10;
      while ((value /= 10) > 0);
      for (int i = n; i < width; i++)
        *p++ = '0';
      while (n > 0)
        *p++ = digits[--n];
      if (pass == 0)
        *p++ = ':';
    }
  *p = '\0';
  return key;
}

/* The same as cjm_normalize (), written into buf when the text is ASCII
 * and fits (no allocation), else into a new string left in *heap. */
static const char *
normalize_tmp (const char *text,
               char       *buf,
               gsize       size,
               char      **heap)
{
  gsize n = 0;
  gboolean space = FALSE;

  *heap = NULL;
  if (text == NULL)
    return "";
  for (const char *p = text; *p; p++)
    {
      char c = *p;

      if ((guchar) c >= 0x80 || n + 3 > size)
        return *heap = cjm_normalize (text);
      /* g_unichar_isspace() on ASCII (not \v), as cjm_normalize () */
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f')
        {
          space = n > 0;
          continue;
        }
      if (space)
        buf[n++] = ' ';
      space = FALSE;
      buf[n++] = c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
    }
  buf[n] = '\0';
  return buf;
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

/* The text as shown in a message: trimmed, white space collapsed. */
static char *
strip_dup (const char *text)
{
  gboolean tidy = TRUE;

  /* Most text is already tidy ASCII: copy it as it is. */
  for (const char *p = text; p != NULL && *p && tidy; p++)
    tidy = (guchar) *p < 0x80
           && (*p == ' ' ? p != text && p[1] != '\0' && p[1] != ' ' : !g_ascii_isspace (*p));
  if (tidy)
    return g_strdup (text ? text : "");
  return cjm_collapse_space (text);
}

/* How the messages name an item: its title or name, else its id. */
static const char *
rec_label (CjmRec *rec)
{
  const char *text = cjm_item_get_display_text (rec->item);

  if (!is_blank (text))
    return text;
  if (rec->id != NULL)
    return rec->id;
  return _("(untitled)");
}

/* "A", "A and B", "A, B and C" */
static char *
join_strings (const char * const *names,
              guint               n)
{
  GString *out = g_string_sized_new (64);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0 && i + 1 == n)
        /* Translators: the last separator of a list: "Website, Mobile app and Call center" */
        g_string_append (out, _(" and "));
      else if (i > 0)
        /* Translators: the separator of a list: "Website, Mobile app and Call center" */
        g_string_append (out, _(", "));
      g_string_append (out, names[i]);
    }
  return g_string_free (out, FALSE);
}

static char *
join_names (GPtrArray *names)
{
  return join_strings ((const char * const *) names->pdata, names->len);
}

static int
compare_recs (gconstpointer a,
              gconstpointer b)
{
  const CjmRec *x = *(CjmRec * const *) a;
  const CjmRec *y = *(CjmRec * const *) b;

  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  if (x->index != y->index)
    return x->index < y->index ? -1 : 1;
  return 0;
}

static void
add_unique (GPtrArray *array,
            gpointer   data)
{
  if (!g_ptr_array_find (array, data, NULL))
    g_ptr_array_add (array, data);
}

/* The names of the lanes of these touchpoints, in lane order. */
static char *
lanes_of_recs (CjmRec **tps,
               guint    n_tps)
{
  CjmRec *stack[16];
  g_autofree CjmRec **heap = NULL;
  CjmRec **lanes = stack;
  const char **names;
  guint n = 0;

  if (n_tps > G_N_ELEMENTS (stack))
    lanes = heap = g_new (CjmRec *, n_tps);

  for (guint i = 0; i < n_tps; i++)
    {
      CjmRec *lane = tps[i]->lane;
      guint k;

      for (k = 0; k < n && lanes[k] != lane; k++)
        ;
      if (k < n)
        continue;
      /* insertion in lane order */
      for (k = n++; k > 0 && lanes[k - 1]->index > lane->index; k--)
        lanes[k] = lanes[k - 1];
      lanes[k] = lane;
    }

  names = g_newa (const char *, n + 1);
  for (guint i = 0; i < n; i++)
    names[i] = rec_label (lanes[i]);
  return join_strings (names, n);
}

static char *
lanes_of (GPtrArray *tps)
{
  return lanes_of_recs ((CjmRec **) tps->pdata, tps->len);
}

static const char *
lane_label (CjmRec *tp)
{
  return rec_label (tp->lane);
}

gboolean
cjm_rules_id_is_valid (const char *id)
{
  if (id == NULL || !(g_ascii_isalpha (*id) || *id == '_'))
    return FALSE;
  for (const char *p = id + 1; *p; p++)
    if (!(g_ascii_isalnum (*p) || *p == '_' || *p == '.' || *p == '-'))
      return FALSE;
  return TRUE;
}

char *
cjm_rules_suppression_key (const char *rule,
                           const char *target)
{
  g_autofree char *rule_id = NULL;
  g_autofree char *target_id = NULL;
  g_autofree char *stripped = NULL;
  CjmRule known;

  if (is_blank (rule) || is_blank (target))
    return NULL;

  known = cjm_rule_from_id (rule);
  if (known < CJM_N_RULES)
    rule_id = g_strdup (cjm_rule_get_id (known));
  else
    {
      stripped = g_strstrip (g_strdup (rule));
      rule_id = g_ascii_strup (stripped, -1);
    }
  target_id = strip_dup (target);
  return g_strconcat (rule_id, "\037", target_id, NULL);
}

gboolean
cjm_rules_is_suppressed (CjmCheck   *check,
                         CjmFinding *finding)
{
  if (check->suppressed_rules[finding->rule] == 0)
    return FALSE;

  for (guint i = 0; finding->targets[i] != NULL; i++)
    {
      guint *counts = g_hash_table_lookup (check->suppressions, finding->targets[i]);

      if (counts != NULL && counts[finding->rule] > 0)
        return TRUE;
    }
  return FALSE;
}

static CjmRec *
resolve_among (CjmCheck   *check,
               const char *id,
               CjmKind     first_kind,
               CjmKind     last_kind)
{
  CjmBucket *recs;
  CjmRec *best = NULL;

  if (id == NULL)
    return NULL;
  recs = g_hash_table_lookup (check->ids, id);
  for (guint i = 0; recs != NULL && i < recs->len; i++)
    {
      CjmRec *rec = g_ptr_array_index (recs, i);

      if (rec->kind < first_kind || rec->kind > last_kind)
        continue;
      if (best == NULL || compare_recs (&rec, &best) < 0)
        best = rec;
    }
  return best;
}

CjmRec *
cjm_rules_resolve_card (CjmCheck   *check,
                        const char *id)
{
  return resolve_among (check, id, CJM_KIND_TOUCHPOINT, CJM_KIND_OPPORTUNITY);
}

CjmRec *
cjm_rules_resolve_addressed (CjmCheck   *check,
                             const char *id)
{
  return resolve_among (check, id, CJM_KIND_TOUCHPOINT, CJM_KIND_NOTE);
}

/* Adds a finding. order_items: the item at fault (or NULL) then the
 * targets; targets: the items whose ids the finding lists. */
static void
emit (CjmCheck   *check,
      GPtrArray  *out,
      CjmRule     rule,
      char       *message,
      CjmRec     *at_fault,
      CjmRec    **targets,
      guint       n_targets,
      const char *subkey)
{
  CjmItem **order = g_newa (CjmItem *, n_targets + 1);
  const char **ids = g_newa (const char *, n_targets + 1);
  guint n_order = 0, n_ids = 0;
  CjmFinding *finding;

  ids[0] = NULL;

  if (at_fault != NULL)
    order[n_order++] = at_fault->item;
  for (guint i = 0; i < n_targets; i++)
    {
      order[n_order++] = targets[i]->item;
      if (targets[i]->id != NULL && !g_strv_contains (ids, targets[i]->id))
        {
          ids[n_ids++] = targets[i]->id;
          ids[n_ids] = NULL;
        }
    }
  ids[n_ids] = NULL;

  finding = cjm_finding_new (rule, message, ids, order, n_order, subkey);
  finding->suppressed = cjm_rules_is_suppressed (check, finding);

  /* The records are current: their positions are ready for sorting. */
  n_order = 0;
  if (at_fault != NULL)
    finding->positions[n_order++] = cjm_rules_position (at_fault);
  for (guint i = 0; i < n_targets; i++)
    finding->positions[n_order++] = cjm_rules_position (targets[i]);
  g_ptr_array_add (out, finding);
}


static void
emit_fault (CjmCheck  *check,
            GPtrArray *out,
            CjmRec    *rec,
            Fault      fault,
            guint      n,
            char      *message)
{
  char subkey[32];

  emit (check, out, CJM_RULE_S01, message, rec, &rec, 1, format_key (subkey, fault, 2, n));
}

/* S01 faults of every item with an id */

static void
check_id (CjmCheck  *check,
          CjmRec    *rec,
          GPtrArray *out)
{
  if (rec->id == NULL)
    emit_fault (check, out, rec, FAULT_ID_MISSING, 0,
                /* Translators: "Touchpoint “Pay by card”: the id is missing" */
                format_message (_("%s “%s”: the id is missing"),
                                 kind_label (rec->kind), rec_label (rec)));
  else if (!cjm_rules_id_is_valid (rec->id))
    emit_fault (check, out, rec, FAULT_ID_INVALID, 0,
                format_message (_("%s “%s”: “%s” is not a valid id (it must start with a letter "
                                   "or “_” and go on with letters, digits, “_”, “-” or “.”)"),
                                 kind_label (rec->kind), rec_label (rec), rec->id));
}

/* S01 faults of where a card sits */
static void
check_placement (CjmCheck  *check,
                 CjmRec    *rec,
                 GPtrArray *out)
{
  const char *kind = kind_label (rec->kind);
  const char *label = rec_label (rec);

  if (rec->stage_ref == NULL)
    emit_fault (check, out, rec, FAULT_STAGE_MISSING, 0,
                format_message (_("%s “%s”: no stage is set"), kind, label));
  else if (rec->stage == NULL)
    emit_fault (check, out, rec, FAULT_STAGE_UNKNOWN, 0,
                format_message (_("%s “%s”: there is no stage “%s”"),
                                 kind, label, rec->stage_ref));

  if (rec->lane_ref == NULL)
    emit_fault (check, out, rec, FAULT_LANE_MISSING, 0,
                format_message (_("%s “%s”: no lane is set"), kind, label));
  else if (rec->lane == NULL)
    emit_fault (check, out, rec, FAULT_LANE_UNKNOWN, 0,
                format_message (_("%s “%s”: there is no lane “%s”"),
                                 kind, label, rec->lane_ref));
  else if (cjm_lane_kind_holds (cjm_item_get_lane_kind (rec->lane->item)) != rec->kind)
    {
      const char *lane = rec_label (rec->lane);
      char *message;

      if (rec->kind == CJM_KIND_TOUCHPOINT)
        message = format_message (_("Touchpoint “%s” sits in lane “%s”, which is not a "
                                     "channel lane"), label, lane);
      else if (rec->kind == CJM_KIND_NOTE)
        message = format_message (_("Note “%s” sits in lane “%s”, which is not a text lane"),
                                   label, lane);
      else
        message = format_message (_("Opportunity “%s” sits in lane “%s”, which is not an "
                                     "opportunities lane"), label, lane);
      emit_fault (check, out, rec, FAULT_LANE_KIND, 0, message);
    }
}

/* Whether the text is an integer in min..max, as cjm_item_get_int_field()
 * reads it (ASCII white space around it allowed). */
static gboolean
int_in_range (const char *text,
              int         min,
              int         max)
{
  const char *start = text, *end;
  char buffer[32];
  g_autofree char *long_text = NULL;
  char *digits = buffer;
  gint64 value;
  char *stop = NULL;

  while (g_ascii_isspace (*start))
    start++;
  end = start + strlen (start);
  while (end > start && g_ascii_isspace (end[-1]))
    end--;
  if (end == start)
    return FALSE;
  if ((gsize) (end - start) >= sizeof buffer)
    digits = long_text = g_strndup (start, end - start);
  else
    {
      memcpy (buffer, start, end - start);
      buffer[end - start] = '\0';
    }
  value = g_ascii_strtoll (digits, &stop, 10);
  return stop != NULL && *stop == '\0' && value >= min && value <= max;
}

static void
check_int_field (CjmCheck   *check,
                 CjmRec     *rec,
                 GPtrArray  *out,
                 CjmField    field,
                 int         min,
                 int         max,
                 Fault       fault,
                 const char *format)
{
  const char *value = cjm_item_get_field (rec->item, field);

  if (value == NULL || int_in_range (value, min, max))
    return;
  emit_fault (check, out, rec, fault, 0,
              format_message (format, rec_label (rec), value));
}

/* Touchpoints */

static gboolean
contains_word (const char *text,
               const char *word)
{
  gsize len = strlen (word);

  if (len == 0)
    return FALSE;

  for (const char *p = strstr (text, word); p != NULL; p = strstr (p + 1, word))
    {
      gboolean start_ok = p == text || !g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (p)));
      gboolean end_ok = p[len] == '\0' || !g_unichar_isalnum (g_utf8_get_char (p + len));

      if (start_ok && end_ok)
        return TRUE;
    }
  return FALSE;
}

static gboolean
has_entries (CjmItem     *item,
             CjmListKind  list)
{
  GPtrArray *entries = cjm_item_get_list (item, list);

  for (guint i = 0; i < entries->len; i++)
    {
      const char *text;

      if (list == CJM_LIST_KPIS)
        text = ((CjmKpi *) g_ptr_array_index (entries, i))->name;
      else
        text = ((CjmText *) g_ptr_array_index (entries, i))->text;
      if (!is_blank (text))
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_addressed (CjmCheck *check,
              CjmRec   *tp)
{
  CjmBucket *opps;

  if (tp->id == NULL || cjm_rules_resolve_addressed (check, tp->id) != tp)
    return FALSE;

  /* A dropped opportunity is no action on the pain. */
  opps = g_hash_table_lookup (check->opps_by_address, tp->id);
  for (guint i = 0; opps != NULL && i < opps->len; i++)
    {
      CjmRec *opp = g_ptr_array_index (opps, i);

      if (opp->placed && cjm_plan_get_status (opp->item) != CJM_STATUS_DROPPED)
        return TRUE;
    }
  return FALSE;
}

static gboolean
has_outgoing_link (CjmCheck *check,
                   CjmRec   *tp)
{
  CjmBucket *links;

  if (tp->id == NULL)
    return FALSE;

  links = g_hash_table_lookup (check->links_by_end, tp->id);
  for (guint i = 0; links != NULL && i < links->len; i++)
    {
      CjmRec *link = g_ptr_array_index (links, i);

      if (g_strcmp0 (link->from, tp->id) == 0)
        return cjm_rules_resolve_card (check, tp->id) == tp;
    }
  return FALSE;
}

static void
compute_touchpoint (CjmCheck  *check,
                    CjmRec    *rec,
                    GPtrArray *out)
{
  CjmItem *item = rec->item;
  const char *label = rec_label (rec);
  guint n_personas = 0;

  check_id (check, rec, out);
  check_placement (check, rec, out);
  check_int_field (check, rec, out, CJM_FIELD_EMOTION, -3, 3, FAULT_EMOTION,
                   _("Touchpoint “%s”: emotion “%s” is not a whole number from -3 to 3"));
  check_int_field (check, rec, out, CJM_FIELD_TARGET_EMOTION, -3, 3, FAULT_TARGET_EMOTION,
                   _("Touchpoint “%s”: target emotion “%s” is not a whole number from -3 to 3"));

  /* personas: space-separated ids */
  for (const char *p = cjm_item_get_field (item, CJM_FIELD_PERSONAS); p != NULL && *p; )
    {
      const char *start;
      char buffer[64];
      g_autofree char *long_id = NULL;
      const char *id;

      while (*p && g_ascii_isspace (*p))
        p++;
      start = p;
      while (*p && !g_ascii_isspace (*p))
        p++;
      if (p == start)
        break;
      if ((gsize) (p - start) < sizeof buffer)
        {
          memcpy (buffer, start, p - start);
          buffer[p - start] = '\0';
          id = buffer;
        }
      else
        id = long_id = g_strndup (start, p - start);
      if (!g_hash_table_contains (check->personas_by_id, id))
        emit_fault (check, out, rec, FAULT_PERSONA, n_personas,
                    format_message (_("Touchpoint “%s”: there is no persona “%s”"), label, id));
      n_personas++;
    }

  if (!rec->placed)
    return;

  /* O01, O03 */
  if (is_blank (cjm_item_get_field (item, CJM_FIELD_OWNER))
      && is_blank (cjm_item_get_field (rec->lane->item, CJM_FIELD_OWNER)))
    {
      const char *third_party = cjm_item_get_field (item, CJM_FIELD_THIRD_PARTY);

      emit (check, out, CJM_RULE_O01,
            format_message (_("“%s” on %s has no owner, and neither has its lane"),
                             label, lane_label (rec)),
            NULL, &rec, 1, NULL);
      if (!is_blank (third_party))
        {
          g_autofree char *shown = strip_dup (third_party);

          emit (check, out, CJM_RULE_O03,
                format_message (_("“%s” on %s is run by the third party “%s”, but no one in "
                                   "the company owns it"), label, lane_label (rec), shown),
                NULL, &rec, 1, NULL);
        }
    }

  /* M01 */
  if (!has_entries (item, CJM_LIST_KPIS) && !has_entries (item, CJM_LIST_DATA_SOURCES))
    emit (check, out, CJM_RULE_M01,
          format_message (_("“%s” on %s has no KPI and no data source"), label, lane_label (rec)),
          NULL, &rec, 1, NULL);

  /* X01 */
  if (check->synonyms->len > 0)
    {
      char title_buf[256], description_buf[1024];
      g_autofree char *title_heap = NULL;
      g_autofree char *description_heap = NULL;
      const char *title = normalize_tmp (cjm_item_get_field (item, CJM_FIELD_TITLE),
                                         title_buf, sizeof title_buf, &title_heap);
      const char *description = normalize_tmp (cjm_item_get_field (item, CJM_FIELD_DESCRIPTION),
                                               description_buf, sizeof description_buf,
                                               &description_heap);

      for (guint i = 0; i < check->synonyms->len; i++)
        {
          CjmSynonym *synonym = g_ptr_array_index (check->synonyms, i);

          if (contains_word (title, synonym->text) || contains_word (description, synonym->text))
            {
              char subkey[32];

              emit (check, out, CJM_RULE_X01,
                    format_message (_("“%s” says “%s” where the glossary prefers “%s”"),
                                     label, synonym->shown, synonym->preferred),
                    NULL, &rec, 1, format_key (subkey, synonym->term, 6, synonym->index));
            }
        }
    }

  /* P01 */
  if (rec->emotion != CJM_EMOTION_UNSET && rec->emotion <= -2 && !is_addressed (check, rec))
    emit (check, out, CJM_RULE_P01,
          format_message (_("“%s” on %s has emotion %d and no opportunity addresses it"),
                           label, lane_label (rec), rec->emotion),
          NULL, &rec, 1, NULL);

  /* D01 */
  if (check->n_links > 0 && (int) rec->stage->index < check->last_stage
      && !has_outgoing_link (check, rec))
    emit (check, out, CJM_RULE_D01,
          format_message (_("“%s” on %s in stage “%s” has no outgoing link: the journey stops "
                             "there"), label, lane_label (rec), rec_label (rec->stage)),
          NULL, &rec, 1, NULL);
}

/* Notes, opportunities, links, suppressions, stages, lanes, personas */

/* The sentence forms of status and horizon for messages. */
static const char *
status_in_sentence (CjmStatus status)
{
  switch (status)
    {
    case CJM_STATUS_PLANNED:
      return C_("opportunity status in a sentence", "planned");
    case CJM_STATUS_IN_PROGRESS:
      return C_("opportunity status in a sentence", "in progress");
    case CJM_STATUS_IDEA:
    case CJM_STATUS_DONE:
    case CJM_STATUS_DROPPED:
    default:
      return cjm_status_to_string (status);
    }
}

static const char *
horizon_in_sentence (CjmHorizon horizon)
{
  switch (horizon)
    {
    case CJM_HORIZON_NOW:
      return C_("horizon in a sentence", "now");
    case CJM_HORIZON_NEXT:
      return C_("horizon in a sentence", "next");
    case CJM_HORIZON_LATER:
    case CJM_HORIZON_NONE:
    default:
      return C_("horizon in a sentence", "later");
    }
}

/* S01 faults of the values 1.1 added to an opportunity. */
static void
check_plan_fields (CjmCheck  *check,
                   CjmRec    *rec,
                   GPtrArray *out)
{
  const char *label = rec_label (rec);
  const char *status = cjm_item_get_field (rec->item, CJM_FIELD_STATUS);
  const char *horizon = cjm_item_get_field (rec->item, CJM_FIELD_HORIZON);
  const char *due = cjm_item_get_field (rec->item, CJM_FIELD_DUE);
  CjmStatus status_value;
  CjmHorizon horizon_value;

  if (status != NULL && !cjm_status_from_string (status, &status_value))
    emit_fault (check, out, rec, FAULT_STATUS, 0,
                format_message (_("Opportunity “%s”: status “%s” is not one of idea, planned, "
                                   "in-progress, done or dropped"), label, status));
  if (horizon != NULL && !cjm_horizon_from_string (horizon, &horizon_value))
    emit_fault (check, out, rec, FAULT_HORIZON, 0,
                format_message (_("Opportunity “%s”: horizon “%s” is not one of now, next or "
                                   "later"), label, horizon));
  if (due != NULL && !cjm_plan_parse_date (due, NULL))
    emit_fault (check, out, rec, FAULT_DUE, 0,
                format_message (_("Opportunity “%s”: due date “%s” is not a calendar date "
                                   "(YYYY-MM-DD)"), label, due));
}

/* S01 fault of a score's impact or effort. */
static void
check_score_value (CjmCheck   *check,
                   CjmRec     *rec,
                   GPtrArray  *out,
                   guint       index,
                   const char *role,
                   gboolean    impact,
                   const char *value)
{
  const char *label = rec_label (rec);
  char *message;

  if (value == NULL || int_in_range (value, 1, 5))
    return;

  if (role != NULL && impact)
    /* Translators: "Opportunity “Pay by link”: impact “9” in the score of IT is not a whole
     * number from 1 to 5" */
    message = format_message (_("Opportunity “%s”: impact “%s” in the score of %s is not a whole "
                                 "number from 1 to 5"), label, value, role);
  else if (role != NULL)
    message = format_message (_("Opportunity “%s”: effort “%s” in the score of %s is not a whole "
                                 "number from 1 to 5"), label, value, role);
  else if (impact)
    /* Translators: "Opportunity “Pay by link”: impact “9” in score 2 is not a whole number
     * from 1 to 5" (a score without a role is named by its number) */
    message = format_message (_("Opportunity “%s”: impact “%s” in score %u is not a whole number "
                                 "from 1 to 5"), label, value, index + 1);
  else
    message = format_message (_("Opportunity “%s”: effort “%s” in score %u is not a whole number "
                                 "from 1 to 5"), label, value, index + 1);
  emit_fault (check, out, rec, FAULT_SCORE, index * 4 + (impact ? 1 : 2), message);
}

/* S01 faults of an opportunity's scores: no role, a role twice, an impact
 * or effort outside 1..5. */
static void
check_scores (CjmCheck  *check,
              CjmRec    *rec,
              GPtrArray *out)
{
  GPtrArray *scores = cjm_item_get_list (rec->item, CJM_LIST_SCORES);
  g_autoptr(GPtrArray) roles = NULL;
  const char *label = rec_label (rec);

  if (scores->len == 0)
    return;

  roles = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < scores->len; i++)
    {
      CjmScore *score = g_ptr_array_index (scores, i);
      char *role = cjm_normalize (score->role);
      g_autofree char *shown = NULL;

      if (*role == '\0')
        {
          g_free (role);
          emit_fault (check, out, rec, FAULT_SCORE, i * 4,
                      /* Translators: "Opportunity “Pay by link”: score 2 has no role" */
                      format_message (_("Opportunity “%s”: score %u has no role"), label, i + 1));
        }
      else
        {
          shown = strip_dup (score->role);
          if (g_ptr_array_find_with_equal_func (roles, role, g_str_equal, NULL))
            {
              g_free (role);
              emit_fault (check, out, rec, FAULT_SCORE, i * 4,
                          /* Translators: "Opportunity “Pay by link”: the role “IT” has more
                           * than one score" */
                          format_message (_("Opportunity “%s”: the role “%s” has more than one "
                                             "score"), label, shown));
            }
          else
            g_ptr_array_add (roles, role);
        }

      check_score_value (check, rec, out, i, shown, TRUE, score->impact);
      check_score_value (check, rec, out, i, shown, FALSE, score->effort);
    }
}

/* A score's impact or effort, 0 when absent or not in 1..5. */
static int
score_value (const char *text)
{
  if (text == NULL || !int_in_range (text, 1, 5))
    return 0;
  return (int) g_ascii_strtoll (text, NULL, 10);
}

/* The roles (as written, joined) whose counted score has this value. */
static char *
roles_with (GPtrArray *counted,
            gboolean   impact,
            int        value)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < counted->len; i++)
    {
      CjmScore *score = g_ptr_array_index (counted, i);

      if (score_value (impact ? score->impact : score->effort) == value)
        g_ptr_array_add (names, strip_dup (score->role));
    }
  return join_names (names);
}

/* R02 */
static void
check_disputed (CjmCheck  *check,
                CjmRec    *rec,
                GPtrArray *out)
{
  GPtrArray *scores = cjm_item_get_list (rec->item, CJM_LIST_SCORES);
  g_autoptr(GPtrArray) counted = NULL;
  CjmScoreSpread spread;
  gboolean impact, effort;
  char *message;

  if (scores->len < 2)
    return;

  counted = g_ptr_array_new ();
  cjm_plan_score_spread (scores, &spread, counted);
  if (!spread.disputed)
    return;

  impact = spread.impact_max - spread.impact_min >= 2;
  effort = spread.effort_max - spread.effort_min >= 2;
  if (impact && effort)
    {
      g_autofree char *impact_high = roles_with (counted, TRUE, spread.impact_max);
      g_autofree char *impact_low = roles_with (counted, TRUE, spread.impact_min);
      g_autofree char *effort_high = roles_with (counted, FALSE, spread.effort_max);
      g_autofree char *effort_low = roles_with (counted, FALSE, spread.effort_min);

      /* Translators: "Opportunity “Pay by link”: the roles disagree on impact (5 from
       * Customer Service but 2 from IT) and on effort (4 from IT but 1 from Customer
       * Service)" */
      message = format_message (_("Opportunity “%s”: the roles disagree on impact (%d from %s "
                                   "but %d from %s) and on effort (%d from %s but %d from %s)"),
                                 rec_label (rec), spread.impact_max, impact_high,
                                 spread.impact_min, impact_low, spread.effort_max, effort_high,
                                 spread.effort_min, effort_low);
    }
  else if (impact)
    {
      g_autofree char *high = roles_with (counted, TRUE, spread.impact_max);
      g_autofree char *low = roles_with (counted, TRUE, spread.impact_min);

      /* Translators: "Opportunity “Pay by link”: the roles disagree on impact: 5 from
       * Customer Service but 2 from IT" */
      message = format_message (_("Opportunity “%s”: the roles disagree on impact: %d from %s "
                                   "but %d from %s"),
                                 rec_label (rec), spread.impact_max, high, spread.impact_min, low);
    }
  else
    {
      g_autofree char *high = roles_with (counted, FALSE, spread.effort_max);
      g_autofree char *low = roles_with (counted, FALSE, spread.effort_min);

      message = format_message (_("Opportunity “%s”: the roles disagree on effort: %d from %s "
                                   "but %d from %s"),
                                 rec_label (rec), spread.effort_max, high, spread.effort_min, low);
    }
  emit (check, out, CJM_RULE_R02, message, NULL, &rec, 1, NULL);
}

/* R03 */
static void
check_unowned_action (CjmCheck  *check,
                      CjmRec    *rec,
                      GPtrArray *out)
{
  CjmStatus status = cjm_plan_get_status (rec->item);
  CjmHorizon horizon = cjm_plan_get_horizon (rec->item);
  gboolean scheduled = horizon == CJM_HORIZON_NOW || horizon == CJM_HORIZON_NEXT;
  gboolean planned = status == CJM_STATUS_PLANNED || status == CJM_STATUS_IN_PROGRESS;
  const char *label = rec_label (rec);
  char *message;

  if ((!scheduled && !planned) || !is_blank (cjm_item_get_field (rec->item, CJM_FIELD_OWNER)))
    return;

  if (scheduled && planned)
    /* Translators: "Opportunity “Pay by link” is planned with the horizon “now” but has no
     * owner" */
    message = format_message (_("Opportunity “%s” is %s with the horizon “%s” but has no owner"),
                               label, status_in_sentence (status), horizon_in_sentence (horizon));
  else if (planned)
    /* Translators: "Opportunity “Pay by link” is in progress but has no owner" */
    message = format_message (_("Opportunity “%s” is %s but has no owner"),
                               label, status_in_sentence (status));
  else
    message = format_message (_("Opportunity “%s” has the horizon “%s” but no owner"),
                               label, horizon_in_sentence (horizon));
  emit (check, out, CJM_RULE_R03, message, NULL, &rec, 1, NULL);
}

static void
compute_opportunity (CjmCheck  *check,
                     CjmRec    *rec,
                     GPtrArray *out)
{
  const char *label = rec_label (rec);
  gboolean has_impact, has_effort;

  check_id (check, rec, out);
  check_placement (check, rec, out);
  check_int_field (check, rec, out, CJM_FIELD_IMPACT, 1, 5, FAULT_IMPACT,
                   _("Opportunity “%s”: impact “%s” is not a whole number from 1 to 5"));
  check_int_field (check, rec, out, CJM_FIELD_EFFORT, 1, 5, FAULT_EFFORT,
                   _("Opportunity “%s”: effort “%s” is not a whole number from 1 to 5"));
  check_plan_fields (check, rec, out);

  for (guint i = 0; rec->addresses[i] != NULL; i++)
    if (cjm_rules_resolve_addressed (check, rec->addresses[i]) == NULL)
      emit_fault (check, out, rec, FAULT_ADDRESS, i,
                  format_message (_("Opportunity “%s” addresses “%s”, but there is no "
                                     "touchpoint or note with that id"),
                                   label, rec->addresses[i]));
  check_scores (check, rec, out);

  if (!rec->placed)
    return;

  has_impact = cjm_item_get_int_field (rec->item, CJM_FIELD_IMPACT, 1, 5, 0) != 0;
  has_effort = cjm_item_get_int_field (rec->item, CJM_FIELD_EFFORT, 1, 5, 0) != 0;
  if (!has_impact && !has_effort)
    emit (check, out, CJM_RULE_R01,
          format_message (_("Opportunity “%s” has neither an impact nor an effort rating"), label),
          NULL, &rec, 1, NULL);
  else if (!has_impact)
    emit (check, out, CJM_RULE_R01,
          format_message (_("Opportunity “%s” has no impact rating"), label),
          NULL, &rec, 1, NULL);
  else if (!has_effort)
    emit (check, out, CJM_RULE_R01,
          format_message (_("Opportunity “%s” has no effort rating"), label),
          NULL, &rec, 1, NULL);

  check_disputed (check, rec, out);
  check_unowned_action (check, rec, out);
}

static void
compute_link (CjmCheck  *check,
              CjmRec    *rec,
              GPtrArray *out)
{
  CjmRec *from = cjm_rules_resolve_card (check, rec->from);
  CjmRec *to = cjm_rules_resolve_card (check, rec->to);
  CjmRec *ends[2];
  guint n_ends = 0;
  const char *from_shown = from ? rec_label (from) : rec->from;
  const char *to_shown = to ? rec_label (to) : rec->to;
  /* format_key (…, FAULT_LINK_…, 2, 0) */
  const char *link_ends_key = "18:000000";
  const char *link_from_key = "19:000000";
  const char *link_to_key = "20:000000";

  if (from != NULL)
    ends[n_ends++] = from;
  if (to != NULL)
    ends[n_ends++] = to;

  if (rec->from == NULL && rec->to == NULL)
    emit (check, out, CJM_RULE_S01, g_strdup (_("A link has neither a start nor an end")),
          rec, NULL, 0, link_ends_key);
  else
    {
      if (rec->from == NULL)
        emit (check, out, CJM_RULE_S01,
              format_message (_("The link to “%s” has no start"), to_shown),
              rec, ends, n_ends, link_from_key);
      else if (from == NULL)
        emit (check, out, CJM_RULE_S01,
              format_message (_("The link from “%s” to “%s” starts at “%s”, but there is no "
                                 "card with that id"),
                               from_shown, to_shown ? to_shown : "", rec->from),
              rec, ends, n_ends, link_from_key);

      if (rec->to == NULL)
        emit (check, out, CJM_RULE_S01,
              format_message (_("The link from “%s” has no end"), from_shown),
              rec, ends, n_ends, link_to_key);
      else if (to == NULL)
        emit (check, out, CJM_RULE_S01,
              format_message (_("The link from “%s” to “%s” ends at “%s”, but there is no "
                                 "card with that id"),
                               from_shown ? from_shown : "", to_shown, rec->to),
              rec, ends, n_ends, link_to_key);
    }

  /* H01 */
  if (from != NULL && to != NULL
      && from->kind == CJM_KIND_TOUCHPOINT && to->kind == CJM_KIND_TOUCHPOINT
      && from->placed && to->placed && from->lane != to->lane
      && from->emotion != CJM_EMOTION_UNSET && to->emotion != CJM_EMOTION_UNSET
      && from->emotion - to->emotion >= 2)
    emit (check, out, CJM_RULE_H01,
          format_message (_("The hand-off from “%s” on %s to “%s” on %s drops the emotion "
                             "from %d to %d"),
                           rec_label (from), lane_label (from), rec_label (to), lane_label (to),
                           from->emotion, to->emotion),
          NULL, ends, 2, NULL);
}

static void
compute_suppression (CjmCheck  *check,
                     CjmRec    *rec,
                     GPtrArray *out)
{
  g_autofree char *rule = strip_dup (cjm_item_get_field (rec->item, CJM_FIELD_RULE));
  const char *target_key = "21:000000";   /* format_key (…, FAULT_TARGET, 2, 0) */

  if (rec->target == NULL)
    emit (check, out, CJM_RULE_S01,
          format_message (_("The suppression of %s names no item"), rule),
          rec, NULL, 0, target_key);
  else if (!g_hash_table_contains (check->ids, rec->target))
    emit (check, out, CJM_RULE_S01,
          format_message (_("The suppression of %s names “%s”, but no item has that id"),
                           rule, rec->target),
          rec, NULL, 0, target_key);
}

/* Touchpoints of one stage that share an interaction key. */
typedef struct {
  CjmRec **pdata;
  guint    len;
} Run;

static int
compare_recs_by_key (const void *a,
                     const void *b)
{
  const CjmRec *x = *(CjmRec * const *) a;
  const CjmRec *y = *(CjmRec * const *) b;
  int cmp = strcmp (x->key, y->key);

  return cmp != 0 ? cmp : compare_recs (a, b);
}

static int
compare_runs (const void *a,
              const void *b)
{
  return compare_recs (((const Run *) a)->pdata, ((const Run *) b)->pdata);
}

static void
compute_stage (CjmCheck  *check,
               CjmRec    *rec,
               GPtrArray *out)
{
  CjmBucket *members = g_hash_table_lookup (check->tps_by_stage, rec);
  g_autoptr(GPtrArray) tps = g_ptr_array_new ();
  g_autoptr(GPtrArray) lanes = g_ptr_array_new ();
  g_autofree CjmRec **by_key = NULL;
  g_autofree Run *runs = NULL;
  guint n_keyed = 0, n_runs = 0;
  const char *goal;

  check_id (check, rec, out);

  for (guint i = 0; members != NULL && i < members->len; i++)
    {
      CjmRec *tp = g_ptr_array_index (members, i);

      if (tp->placed && tp->stage == rec)
        g_ptr_array_add (tps, tp);
    }

  /* G01 */
  goal = cjm_item_get_field (rec->item, CJM_FIELD_GOAL);
  if (!is_blank (goal) && tps->len == 0)
    {
      g_autofree char *shown = strip_dup (goal);

      emit (check, out, CJM_RULE_G01,
            format_message (_("Stage “%s” has the customer goal “%s”, but no touchpoint "
                               "serves it"), rec_label (rec), shown),
            NULL, &rec, 1, NULL);
    }

  /* C01 */
  if (tps->len < 2)
    return;

  g_ptr_array_sort (tps, compare_recs);
  /* The touchpoints of each interaction (in document order), and the
   * interactions in order of first appearance: sort by key, then by
   * position, and order the runs of one key by their first touchpoint. */
  by_key = g_new (CjmRec *, tps->len);
  for (guint i = 0; i < tps->len; i++)
    {
      CjmRec *tp = g_ptr_array_index (tps, i);

      add_unique (lanes, tp->lane);
      if (*tp->key != '\0')
        by_key[n_keyed++] = tp;
    }
  g_ptr_array_sort (lanes, compare_recs);
  qsort (by_key, n_keyed, sizeof (CjmRec *), compare_recs_by_key);
  runs = g_new (Run, n_keyed + 1);
  for (guint i = 0; i < n_keyed; i++)
    if (i == 0 || strcmp (by_key[i]->key, by_key[i - 1]->key) != 0)
      runs[n_runs++] = (Run) { by_key + i, 1 };
    else
      runs[n_runs - 1].len++;
  qsort (runs, n_runs, sizeof (Run), compare_runs);

  for (guint k = 0; k < n_runs; k++)
    {
      Run *group = &runs[k];
      g_autoptr(GPtrArray) group_lanes = g_ptr_array_new ();
      g_autofree char *shown = NULL;
      g_autofree char *offered = NULL;

      for (guint i = 0; i < group->len; i++)
        add_unique (group_lanes, group->pdata[i]->lane);
      if (group_lanes->len < 2 || group_lanes->len == lanes->len)
        continue;

      shown = strip_dup (cjm_item_get_field (group->pdata[0]->item, CJM_FIELD_INTERACTION));
      offered = lanes_of_recs (group->pdata, group->len);
      for (guint l = 0; l < lanes->len; l++)
        {
          CjmRec *lane = g_ptr_array_index (lanes, l);
          CjmRec **targets;

          if (g_ptr_array_find (group_lanes, lane, NULL))
            continue;

          targets = g_newa (CjmRec *, group->len + 1);
          targets[0] = lane;
          memcpy (targets + 1, group->pdata, group->len * sizeof (CjmRec *));
          emit (check, out, CJM_RULE_C01,
                format_message (_("“%s” is offered on %s in stage “%s”, but not on %s, which "
                                   "customers also use in that stage"),
                                 shown, offered, rec_label (rec), rec_label (lane)),
                NULL, targets, group->len + 1, group->pdata[0]->key);
        }
    }
}

static void
compute_duplicates (CjmCheck  *check,
                    CjmScope  *scope,
                    GPtrArray *out)
{
  CjmBucket *recs = g_hash_table_lookup (check->ids, scope->key);
  g_autoptr(GPtrArray) sorted = NULL;
  CjmRec *first;

  if (recs == NULL || recs->len < 2)
    return;

  sorted = g_ptr_array_sized_new (recs->len);
  for (guint i = 0; i < recs->len; i++)
    g_ptr_array_add (sorted, recs->pdata[i]);
  g_ptr_array_sort (sorted, compare_recs);
  first = g_ptr_array_index (sorted, 0);
  for (guint i = 1; i < sorted->len; i++)
    {
      CjmRec *rec = g_ptr_array_index (sorted, i);

      emit_fault (check, out, rec, FAULT_ID_DUPLICATE, 0,
                  /* Translators: "Touchpoint “Pay”: the id “t-pay” is already used by
                   * stage “Pay”" */
                  format_message (_("%s “%s”: the id “%s” is already used by %s “%s”"),
                                   kind_label (rec->kind), rec_label (rec), rec->id,
                                   kind_noun (first->kind), rec_label (first)));
    }
}

/* Interactions */

/* Appends text[0..len) without the ASCII white space at its ends. */
static char *
append_trimmed (char       *out,
                const char *text,
                gsize       len)
{
  while (len > 0 && g_ascii_isspace (*text))
    text++, len--;
  while (len > 0 && g_ascii_isspace (text[len - 1]))
    len--;
  memcpy (out, text, len);
  return out + len;
}

/* Fact values compare by this form: the normalized text, or for a number
 * with unit text around it, the unit text and the number written without
 * superfluous zeros ("49.00 ILS" and "49 ils" give the same). */
static char *
fact_canonical (const char *value)
{
  char *norm = cjm_normalize (value);
  const char *p, *q, *start, *integer_start, *fraction_start = NULL;
  gboolean negative = FALSE;
  gsize integer_len, fraction_len = 0;
  char *canon, *out;

  for (p = norm; *p; p++)
    if (g_ascii_isdigit (*p) || (*p == '.' && g_ascii_isdigit (p[1])))
      break;
  if (*p == '\0')
    return norm;

  start = p;
  if (p > norm && (p[-1] == '-' || p[-1] == '+') && (p - 1 == norm || p[-2] == ' '))
    {
      start = p - 1;
      negative = p[-1] == '-';
    }

  for (q = p; g_ascii_isdigit (*q); q++)
    ;
  integer_start = p;
  while (integer_start < q - 1 && *integer_start == '0')
    integer_start++;
  integer_len = q - integer_start;
  if (*q == '.' && g_ascii_isdigit (q[1]))
    {
      fraction_start = ++q;
      while (g_ascii_isdigit (*q))
        q++;
      fraction_len = q - fraction_start;
      while (fraction_len > 0 && fraction_start[fraction_len - 1] == '0')
        fraction_len--;
    }

  /* One number only: "2 to 3 days" compares as text. */
  for (const char *r = q; *r; r++)
    if (g_ascii_isdigit (*r))
      return norm;

  if (fraction_len == 0 && (integer_len == 0 || (integer_len == 1 && *integer_start == '0')))
    negative = FALSE;

  /* "\001" prefix "\002" [-] integer [. fraction] "\002" suffix */
  canon = out = g_malloc (strlen (norm) + 8);
  *out++ = '\001';
  out = append_trimmed (out, norm, start - norm);
  *out++ = '\002';
  if (negative)
    *out++ = '-';
  if (integer_len == 0)
    *out++ = '0';
  else
    out = (char *) memcpy (out, integer_start, integer_len) + integer_len;
  if (fraction_len > 0)
    {
      *out++ = '.';
      out = (char *) memcpy (out, fraction_start, fraction_len) + fraction_len;
    }
  *out++ = '\002';
  out = append_trimmed (out, q, strlen (q));
  *out = '\0';
  g_free (norm);
  return canon;
}

/* Siblings that share a value (a fact value, a stage, a set of KPIs, an
 * owner), in order of first appearance. */
typedef struct {
  char      *canon;
  char      *shown;
  gpointer   data;
  GPtrArray *tps;
} Group;

static void
group_free (gpointer data)
{
  Group *group = data;

  g_free (group->canon);
  g_free (group->shown);
  g_ptr_array_unref (group->tps);
  g_free (group);
}

static GPtrArray *
groups_new (void)
{
  return g_ptr_array_new_with_free_func (group_free);
}

static Group *
groups_add (GPtrArray  *groups,
            const char *canon,
            gpointer    data,
            const char *shown,
            CjmRec     *tp)
{
  Group *group = NULL;

  for (guint i = 0; i < groups->len && group == NULL; i++)
    {
      Group *other = g_ptr_array_index (groups, i);

      if (canon ? g_strcmp0 (other->canon, canon) == 0 : other->data == data)
        group = other;
    }
  if (group == NULL)
    {
      group = g_new0 (Group, 1);
      group->canon = g_strdup (canon);
      group->data = data;
      group->shown = g_strdup (shown);
      group->tps = g_ptr_array_new ();
      g_ptr_array_add (groups, group);
    }
  add_unique (group->tps, tp);
  return group;
}

/* "0 on Website and Mobile app; 5 on Call center" */
static char *
describe_groups (GPtrArray *groups)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < groups->len; i++)
    {
      Group *group = g_ptr_array_index (groups, i);
      g_autofree char *lanes = lanes_of (group->tps);
      g_autofree char *part = NULL;

      if (i > 0)
        /* Translators: separates the parts of "0 on Website; 5 on Call center; …" */
        g_string_append (out, _("; "));
      /* Translators: a value and the channels that state it: "0 on Website and Mobile app" */
      part = format_message (_("%s on %s"), group->shown, lanes);
      g_string_append (out, part);
    }
  return g_string_free (out, FALSE);
}

static void
emit_groups (CjmCheck   *check,
             GPtrArray  *out,
             CjmRule     rule,
             char       *message,
             GPtrArray  *targets,
             const char *subkey)
{
  g_ptr_array_sort (targets, compare_recs);
  emit (check, out, rule, message, NULL, (CjmRec **) targets->pdata, targets->len, subkey);
}

typedef struct {
  char       *key;        /* normalized */
  char       *canon;      /* fact_canonical () */
  const char *raw_key;
  const char *value;
  CjmRec     *tp;
  guint       order;
} Fact;

static int
compare_facts (gconstpointer a,
               gconstpointer b)
{
  const Fact *x = a, *y = b;
  int cmp = strcmp (x->key, y->key);

  if (cmp != 0)
    return cmp;
  return x->order < y->order ? -1 : x->order > y->order;
}

static void
check_facts (CjmCheck   *check,
             GPtrArray  *sibs,
             const char *shown,
             GPtrArray  *out)
{
  g_autoptr(GArray) facts = g_array_new (FALSE, FALSE, sizeof (Fact));

  for (guint i = 0; i < sibs->len; i++)
    {
      CjmRec *tp = g_ptr_array_index (sibs, i);
      GPtrArray *list = cjm_item_get_list (tp->item, CJM_LIST_FACTS);

      for (guint f = 0; f < list->len; f++)
        {
          CjmFact *entry = g_ptr_array_index (list, f);
          Fact fact = { cjm_normalize (entry->key), NULL, entry->key, entry->value, tp, facts->len };

          if (*fact.key == '\0')
            {
              g_free (fact.key);
              continue;
            }
          fact.canon = fact_canonical (entry->value);
          g_array_append_val (facts, fact);
        }
    }
  g_array_sort (facts, compare_facts);

  /* Each run of one key: a finding when its values are not all equal. */
  for (guint start = 0, end; start < facts->len; start = end)
    {
      Fact *run = &g_array_index (facts, Fact, start);
      gboolean differ = FALSE;

      for (end = start + 1;
           end < facts->len && strcmp (g_array_index (facts, Fact, end).key, run->key) == 0;
           end++)
        differ = differ || strcmp (g_array_index (facts, Fact, end).canon, run->canon) != 0;

      if (differ)
        {
          g_autoptr(GPtrArray) groups = groups_new ();
          g_autoptr(GPtrArray) targets = g_ptr_array_new ();
          g_autofree char *key_text = strip_dup (run->raw_key);
          char *message;

          for (guint k = 0; k < end - start; k++)
            {
              g_autofree char *value = strip_dup (run[k].value);

              groups_add (groups, run[k].canon, NULL, value, run[k].tp);
              add_unique (targets, run[k].tp);
            }

          if (groups->len == 2)
            {
              Group *a = g_ptr_array_index (groups, 0);
              Group *b = g_ptr_array_index (groups, 1);
              g_autofree char *lanes_a = lanes_of (a->tps);
              g_autofree char *lanes_b = lanes_of (b->tps);

              /* Translators: "“Pay bill” states fee 0 on Website but 5 on Call center" */
              message = format_message (_("“%s” states %s %s on %s but %s on %s"),
                                         shown, key_text, a->shown, lanes_a, b->shown, lanes_b);
            }
          else
            {
              g_autofree char *parts = describe_groups (groups);

              /* Translators: "“Pay bill” states fee differently: 0 on Website; 5 on …" */
              message = format_message (_("“%s” states %s differently: %s"), shown, key_text,
                                         parts);
            }
          emit_groups (check, out, CJM_RULE_F01, message, targets, run->key);
        }
    }

  for (guint i = 0; i < facts->len; i++)
    {
      g_free (g_array_index (facts, Fact, i).key);
      g_free (g_array_index (facts, Fact, i).canon);
    }
}

static void
check_emotions (CjmCheck   *check,
                GPtrArray  *sibs,
                const char *shown,
                GPtrArray  *out)
{
  g_autoptr(GPtrArray) high = g_ptr_array_new ();
  g_autoptr(GPtrArray) low = g_ptr_array_new ();
  g_autofree char *high_lanes = NULL;
  g_autofree char *low_lanes = NULL;
  int min = G_MAXINT, max = G_MININT;

  for (guint i = 0; i < sibs->len; i++)
    {
      CjmRec *tp = g_ptr_array_index (sibs, i);

      if (tp->emotion == CJM_EMOTION_UNSET)
        continue;
      min = MIN (min, tp->emotion);
      max = MAX (max, tp->emotion);
    }
  if (max == G_MININT || max - min < check->spread)
    return;

  for (guint i = 0; i < sibs->len; i++)
    {
      CjmRec *tp = g_ptr_array_index (sibs, i);

      if (tp->emotion == max)
        g_ptr_array_add (high, tp);
      else if (tp->emotion == min)
        g_ptr_array_add (low, tp);
    }
  high_lanes = lanes_of (high);
  low_lanes = lanes_of (low);

  emit (check, out, CJM_RULE_E01,
        /* Translators: "“Pay bill” has emotion 3 on Mobile app but -2 on Call center, a gap
         * of 5 (the limit is 3)" */
        format_message (_("“%s” has emotion %d on %s but %d on %s, a gap of %d (the limit "
                           "is %d)"),
                         shown, max, high_lanes, min, low_lanes, max - min, check->spread),
        NULL, (CjmRec **) sibs->pdata, sibs->len, NULL);
}

static void
check_stages (CjmCheck   *check,
              GPtrArray  *sibs,
              const char *shown,
              GPtrArray  *out)
{
  g_autoptr(GPtrArray) groups = groups_new ();
  char *message;

  for (guint i = 0; i < sibs->len; i++)
    {
      CjmRec *tp = g_ptr_array_index (sibs, i);

      groups_add (groups, NULL, tp->stage, NULL, tp);
    }
  if (groups->len < 2)
    return;
  for (guint i = 0; i < groups->len; i++)
    {
      Group *group = g_ptr_array_index (groups, i);

      group->shown = format_message (_("“%s”"), rec_label (group->data));
    }

  /* stage order */
  for (guint i = 1; i < groups->len; i++)
    for (guint j = i; j > 0; j--)
      {
        Group *a = g_ptr_array_index (groups, j - 1);
        Group *b = g_ptr_array_index (groups, j);

        if (((CjmRec *) a->data)->index < ((CjmRec *) b->data)->index)
          break;
        groups->pdata[j - 1] = b;
        groups->pdata[j] = a;
      }

  if (groups->len == 2)
    {
      Group *a = g_ptr_array_index (groups, 0);
      Group *b = g_ptr_array_index (groups, 1);
      g_autofree char *lanes_a = lanes_of (a->tps);
      g_autofree char *lanes_b = lanes_of (b->tps);

      /* Translators: "“Pay bill” is in stage “Pay” on Website but in stage “Confirm” on
       * Call center" */
      message = format_message (_("“%s” is in stage %s on %s but in stage %s on %s"),
                                 shown, a->shown, lanes_a, b->shown, lanes_b);
    }
  else
    {
      g_autofree char *parts = describe_groups (groups);

      message = format_message (_("“%s” is in different stages: %s"), shown, parts);
    }
  emit (check, out, CJM_RULE_S02, message, NULL, (CjmRec **) sibs->pdata, sibs->len, NULL);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The KPI names of a touchpoint as written, "no KPI" for none. */
static char *
kpis_shown (CjmRec *tp)
{
  GPtrArray *kpis = cjm_item_get_list (tp->item, CJM_LIST_KPIS);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_free);

  for (guint k = 0; k < kpis->len; k++)
    {
      CjmKpi *kpi = g_ptr_array_index (kpis, k);
      char *name = cjm_normalize (kpi->name);

      if (*name == '\0' || g_ptr_array_find_with_equal_func (names, name, g_str_equal, NULL))
        {
          g_free (name);
          continue;
        }
      g_ptr_array_add (names, name);
      g_ptr_array_add (shown, strip_dup (kpi->name));
    }
  if (shown->len == 0)
    return g_strdup (_("no KPI"));
  return join_names (shown);
}

static void
check_kpis (CjmCheck   *check,
            GPtrArray  *sibs,
            const char *shown,
            GPtrArray  *out)
{
  g_autoptr(GPtrArray) groups = groups_new ();
  gboolean any = FALSE;
  char *message;

  for (guint i = 0; i < sibs->len; i++)
    {
      CjmRec *tp = g_ptr_array_index (sibs, i);
      GPtrArray *kpis = cjm_item_get_list (tp->item, CJM_LIST_KPIS);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GString) set = g_string_new (NULL);

      for (guint k = 0; k < kpis->len; k++)
        {
          CjmKpi *kpi = g_ptr_array_index (kpis, k);
          char *name = cjm_normalize (kpi->name);

          if (*name == '\0' || g_ptr_array_find_with_equal_func (names, name, g_str_equal, NULL))
            {
              g_free (name);
              continue;
            }
          g_ptr_array_add (names, name);
        }
      any = any || names->len > 0;
      g_ptr_array_sort (names, compare_strings);
      for (guint k = 0; k < names->len; k++)
        {
          g_string_append (set, g_ptr_array_index (names, k));
          g_string_append_c (set, '\037');
        }
      groups_add (groups, set->str, NULL, NULL, tp);
    }
  if (!any || groups->len < 2)
    return;

  for (guint i = 0; i < groups->len; i++)
    {
      Group *group = g_ptr_array_index (groups, i);

      group->shown = kpis_shown (g_ptr_array_index (group->tps, 0));
    }

  if (groups->len == 2)
    {
      Group *a = g_ptr_array_index (groups, 0);
      Group *b = g_ptr_array_index (groups, 1);
      g_autofree char *lanes_a = lanes_of (a->tps);
      g_autofree char *lanes_b = lanes_of (b->tps);

      /* Translators: "“Pay bill” is measured by Conversion on Website but by no KPI on
       * Call center" */
      message = format_message (_("“%s” is measured by %s on %s but by %s on %s"),
                                 shown, a->shown, lanes_a, b->shown, lanes_b);
    }
  else
    {
      g_autofree char *parts = describe_groups (groups);

      message = format_message (_("“%s” is measured by different KPIs: %s"), shown, parts);
    }
  emit (check, out, CJM_RULE_K01, message, NULL, (CjmRec **) sibs->pdata, sibs->len, NULL);
}

static void
check_owners (CjmCheck   *check,
              GPtrArray  *sibs,
              const char *shown,
              GPtrArray  *out)
{
  g_autoptr(GPtrArray) groups = groups_new ();
  char *message;

  for (guint i = 0; i < sibs->len; i++)
    {
      CjmRec *tp = g_ptr_array_index (sibs, i);
      const char *owner = cjm_item_get_field (tp->item, CJM_FIELD_OWNER);
      char canon_buf[256];
      g_autofree char *canon_heap = NULL;
      const char *canon;

      if (is_blank (owner))
        owner = cjm_item_get_field (tp->lane->item, CJM_FIELD_OWNER);
      if (is_blank (owner))
        continue;
      canon = normalize_tmp (owner, canon_buf, sizeof canon_buf, &canon_heap);
      groups_add (groups, canon, (gpointer) owner, NULL, tp);
    }
  if (groups->len < 2)
    return;
  for (guint i = 0; i < groups->len; i++)
    {
      Group *group = g_ptr_array_index (groups, i);

      group->shown = strip_dup (group->data);
    }

  if (groups->len == 2)
    {
      Group *a = g_ptr_array_index (groups, 0);
      Group *b = g_ptr_array_index (groups, 1);
      g_autofree char *lanes_a = lanes_of (a->tps);
      g_autofree char *lanes_b = lanes_of (b->tps);

      /* Translators: "“Pay bill” is owned by Digital on Website but by Billing on Call
       * center" */
      message = format_message (_("“%s” is owned by %s on %s but by %s on %s"),
                                 shown, a->shown, lanes_a, b->shown, lanes_b);
    }
  else
    {
      g_autofree char *parts = describe_groups (groups);

      message = format_message (_("“%s” has several owners: %s"), shown, parts);
    }
  emit (check, out, CJM_RULE_O02, message, NULL, (CjmRec **) sibs->pdata, sibs->len, NULL);
}

static void
compute_interaction (CjmCheck  *check,
                     CjmScope  *scope,
                     GPtrArray *out)
{
  CjmBucket *members = g_hash_table_lookup (check->tps_by_key, scope->key);
  g_autoptr(GPtrArray) sibs = g_ptr_array_new ();
  g_autoptr(GPtrArray) lanes = g_ptr_array_new ();
  g_autofree char *shown = NULL;

  if (members == NULL || *scope->key == '\0')
    return;

  for (guint i = 0; i < members->len; i++)
    {
      CjmRec *tp = g_ptr_array_index (members, i);

      if (!tp->placed)
        continue;
      g_ptr_array_add (sibs, tp);
      add_unique (lanes, tp->lane);
    }
  if (lanes->len < 2)
    return;

  g_ptr_array_sort (sibs, compare_recs);
  shown = strip_dup (cjm_item_get_field (((CjmRec *) g_ptr_array_index (sibs, 0))->item,
                                         CJM_FIELD_INTERACTION));

  check_facts (check, sibs, shown, out);
  check_emotions (check, sibs, shown, out);
  check_stages (check, sibs, shown, out);
  check_kpis (check, sibs, shown, out);
  check_owners (check, sibs, shown, out);
}

/* T01. Also finds the last stage with a touchpoint, for D01. */
static void
compute_trend (CjmCheck  *check,
               GPtrArray *out)
{
  GPtrArray *stages = cjm_document_get_items (check->document, CJM_KIND_STAGE);
  GPtrArray *tps = cjm_document_get_items (check->document, CJM_KIND_TOUCHPOINT);
  g_autofree gint64 *sums = g_new0 (gint64, stages->len + 1);
  g_autofree gint64 *counts = g_new0 (gint64, stages->len + 1);
  int last = -1;
  int start = -1, prev = -1;

  for (guint i = 0; i < tps->len; i++)
    {
      CjmRec *tp = g_hash_table_lookup (check->recs, g_ptr_array_index (tps, i));

      if (!tp->placed)
        continue;
      last = MAX (last, (int) tp->stage->index);
      if (tp->emotion != CJM_EMOTION_UNSET)
        {
          sums[tp->stage->index] += tp->emotion;
          counts[tp->stage->index]++;
        }
    }
  check->last_stage = last;

  for (int j = 0; j <= (int) stages->len; j++)
    {
      gboolean falls;

      if (j < (int) stages->len && counts[j] > 0 && start >= 0)
        falls = sums[j] * counts[prev] < sums[prev] * counts[j];
      else
        falls = FALSE;

      if (falls)
        {
          prev = j;
          continue;
        }

      /* The run start..prev ends here. */
      if (start >= 0 && prev - start + 1 >= 3)
        {
          guint n = prev - start + 1;
          CjmRec **run = g_newa (CjmRec *, n);
          g_autofree char *from = NULL;
          g_autofree char *to = NULL;

          for (guint k = 0; k < n; k++)
            run[k] = g_hash_table_lookup (check->recs, g_ptr_array_index (stages, start + k));
          from = g_strdup_printf ("%.1f", (double) sums[start] / counts[start]);
          to = g_strdup_printf ("%.1f", (double) sums[prev] / counts[prev]);
          emit (check, out, CJM_RULE_T01,
                format_message (cjm_labels_ngettext (message_labels,
                                                     "The mean emotion falls at every step across "
                                                     "%u stage, from %s in “%s” to %s in “%s”",
                                                     "The mean emotion falls at every step across "
                                                     "%u stages, from %s in “%s” to %s in “%s”", n),
                                 n, from, rec_label (run[0]), to, rec_label (run[n - 1])),
                NULL, run, n, NULL);
        }

      if (j < (int) stages->len && counts[j] > 0)
        start = prev = j;
      else
        start = prev = -1;
    }
}

void
cjm_rules_compute_scope (CjmCheck  *check,
                         CjmScope  *scope,
                         GPtrArray *out)
{
  CjmLabels *outer = message_labels;

  message_labels = check->labels;
  switch (scope->type)
    {
    case CJM_SCOPE_ITEM:
      switch (scope->rec->kind)
        {
        case CJM_KIND_PERSONA:
        case CJM_KIND_LANE:
          check_id (check, scope->rec, out);
          break;
        case CJM_KIND_STAGE:
          compute_stage (check, scope->rec, out);
          break;
        case CJM_KIND_TOUCHPOINT:
          compute_touchpoint (check, scope->rec, out);
          break;
        case CJM_KIND_NOTE:
          check_id (check, scope->rec, out);
          check_placement (check, scope->rec, out);
          break;
        case CJM_KIND_OPPORTUNITY:
          compute_opportunity (check, scope->rec, out);
          break;
        case CJM_KIND_LINK:
          compute_link (check, scope->rec, out);
          break;
        case CJM_KIND_SUPPRESSION:
          compute_suppression (check, scope->rec, out);
          break;
        case CJM_KIND_MAP:
        case CJM_KIND_TERM:
        case CJM_N_KINDS:
        default:
          break;
        }
      break;

    case CJM_SCOPE_INTERACTION:
      compute_interaction (check, scope, out);
      break;

    case CJM_SCOPE_DUPLICATES:
      compute_duplicates (check, scope, out);
      break;

    case CJM_SCOPE_TREND:
      compute_trend (check, out);
      break;

    default:
      g_assert_not_reached ();
    }
  message_labels = outer;
}
