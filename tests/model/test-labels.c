/* test-labels.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A map's words in its own language (cjm-labels.h), whatever the process's
 * locale: the Hebrew catalog the build compiles (found through
 * $JOURNEYMAN_LOCALEDIR), catalogs written here byte by byte (both byte
 * orders, three plural forms, a context, a broken file), language tags,
 * dates, the kinds' and the plan's labels, channel types in words, and
 * the checker's messages in a map's language.
 */

#define G_LOG_DOMAIN "test"

#include "config.h"

#include <string.h>

#include "cjm-checker.h"
#include "cjm-kinds.h"
#include "cjm-labels.h"
#include "cjm-plan.h"
#include "test-util.h"

/* A .mo file, as msgfmt writes one: header, the table of originals, the
 * table of translations, then the strings. */
typedef struct {
  const char *original;     /* "context\004msgid", "msgid\0plural" */
  gsize       original_len;
  const char *translation;
  gsize       translation_len;
} MoEntry;

#define ENTRY(o, t) { o, sizeof o - 1, t, sizeof t - 1 }

static void
put_u32 (GByteArray *out,
         guint32     v,
         gboolean    big_endian)
{
  v = big_endian ? GUINT32_TO_BE (v) : GUINT32_TO_LE (v);
  g_byte_array_append (out, (const guint8 *) &v, 4);
}

static void
write_catalog (const char    *dir,
               const char    *name,
               const MoEntry *entries,
               guint          n,
               gboolean       big_endian)
{
  g_autofree char *folder = g_build_filename (dir, name, "LC_MESSAGES", NULL);
  g_autofree char *path = g_build_filename (folder, "journeyman.mo", NULL);
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  guint32 offset = 28 + 16 * n;

  put_u32 (out, 0x950412de, big_endian);
  put_u32 (out, 0, big_endian);
  put_u32 (out, n, big_endian);
  put_u32 (out, 28, big_endian);
  put_u32 (out, 28 + 8 * n, big_endian);
  put_u32 (out, 0, big_endian);
  put_u32 (out, 0, big_endian);
  for (guint i = 0; i < n; i++)
    {
      put_u32 (out, entries[i].original_len, big_endian);
      put_u32 (out, offset, big_endian);
      offset += entries[i].original_len + 1;
    }
  for (guint i = 0; i < n; i++)
    {
      put_u32 (out, entries[i].translation_len, big_endian);
      put_u32 (out, offset, big_endian);
      offset += entries[i].translation_len + 1;
    }
  for (guint i = 0; i < n; i++)
    g_byte_array_append (out, (const guint8 *) entries[i].original, entries[i].original_len + 1);
  for (guint i = 0; i < n; i++)
    g_byte_array_append (out, (const guint8 *) entries[i].translation,
                         entries[i].translation_len + 1);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  g_file_set_contents (path, (const char *) out->data, out->len, &error);
  g_assert_no_error (error);
}

static const char *
build_locale_dir (void)
{
  const char *dir = g_getenv ("JOURNEYMAN_LOCALEDIR");

  g_assert_nonnull (dir);
  return dir;
}

static void
test_hebrew_catalog (void)
{
  CjmLabels *he, *en;
  GDate date;
  g_autofree char *day = NULL;

  cjm_labels_set_locale_dir (build_locale_dir ());
  he = cjm_labels_get ("he");
  g_assert_nonnull (he);
  g_assert_true (cjm_labels_has_catalog (he));
  g_assert_cmpstr (cjm_labels_get_language (he), ==, "he");
  g_assert_cmpstr (cjm_labels_gettext (he, "Legend"), ==, "מקרא");
  g_assert_cmpstr (cjm_labels_gettext (he, "STAGE %u"), ==, "שלב %u");
  g_assert_cmpstr (cjm_labels_pgettext (he, "month", "March"), ==, "מרץ");
  g_assert_cmpstr (cjm_labels_ngettext (he, "%u error", "%u errors", 1), ==, "שגיאה %u");
  g_assert_cmpstr (cjm_labels_ngettext (he, "%u error", "%u errors", 3), ==, "%u שגיאות");
  /* a string the catalog lacks is the source string */
  g_assert_cmpstr (cjm_labels_gettext (he, "no such message"), ==, "no such message");
  g_assert_cmpstr (cjm_labels_ngettext (he, "%u thing", "%u things", 2), ==, "%u things");

  /* the same catalog for a region, the old code and another spelling;
   * each tag is read once */
  g_assert_cmpstr (cjm_labels_gettext (cjm_labels_get ("he-IL"), "Legend"), ==, "מקרא");
  g_assert_cmpstr (cjm_labels_gettext (cjm_labels_get ("he_IL.UTF-8"), "Legend"), ==, "מקרא");
  g_assert_cmpstr (cjm_labels_gettext (cjm_labels_get ("iw"), "Legend"), ==, "מקרא");
  g_assert_true (cjm_labels_get ("he") == he);

  /* English is the source language: no catalog, the source strings */
  en = cjm_labels_get ("en");
  g_assert_nonnull (en);
  g_assert_false (cjm_labels_has_catalog (en));
  g_assert_cmpstr (cjm_labels_gettext (en, "Legend"), ==, "Legend");
  g_assert_cmpstr (cjm_labels_ngettext (en, "%u error", "%u errors", 1), ==, "%u error");
  g_assert_cmpstr (cjm_labels_gettext (cjm_labels_get ("fr-CA"), "Legend"), ==, "Legend");

  /* no language: the process's, through gettext (the C locale here) */
  g_assert_null (cjm_labels_get (NULL));
  g_assert_null (cjm_labels_get (""));
  g_assert_true (cjm_labels_has_catalog (NULL));
  g_assert_cmpstr (cjm_labels_gettext (NULL, "Legend"), ==, "Legend");

  /* dates in the map's language, not the locale's */
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 5, G_DATE_MARCH, 2026);
  day = cjm_labels_format_date (he, &date);
  g_assert_cmpstr (day, ==, "5 במרץ 2026");
  g_free (day);
  day = cjm_labels_format_date (en, &date);
  g_assert_cmpstr (day, ==, "5 March 2026");
}

static void
test_written_catalogs (void)
{
  static const MoEntry entries[] = {
    ENTRY ("", "Content-Type: text/plain; charset=UTF-8\n"
               "Plural-Forms: nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && "
               "(n%100<10 || n%100>=20) ? 1 : 2);\n"),
    ENTRY ("%-d %B %Y", "%d.%m.%Y (%B) %% %q"),
    ENTRY ("%u note\0%u notes", "%u notatka\0%u notatki\0%u notatek"),
    ENTRY ("Legend", "Legenda"),
    ENTRY ("month\004March", "marzec"),
    ENTRY ("untranslated", ""),
  };
  g_autofree char *dir = test_make_folder ();
  g_autofree char *broken_folder = g_build_filename (dir, "zz", "LC_MESSAGES", NULL);
  g_autofree char *broken = g_build_filename (broken_folder, "journeyman.mo", NULL);
  /* the magic, then more strings than the file could hold */
  const guint8 garbage[] = {
    0xde, 0x12, 0x04, 0x95, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0x7f, 40, 0, 0, 0
  };
  const char *tags[] = { "xx", "yy" };
  GDate date;

  write_catalog (dir, "xx", entries, G_N_ELEMENTS (entries), FALSE);
  write_catalog (dir, "yy", entries, G_N_ELEMENTS (entries), TRUE);
  g_assert_cmpint (g_mkdir_with_parents (broken_folder, 0755), ==, 0);
  g_assert_true (g_file_set_contents (broken, (const char *) garbage, sizeof garbage, NULL));
  cjm_labels_set_locale_dir (dir);

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 7, G_DATE_MARCH, 2026);
  for (guint t = 0; t < G_N_ELEMENTS (tags); t++)
    {
      CjmLabels *labels = cjm_labels_get (tags[t]);
      g_autofree char *day = cjm_labels_format_date (labels, &date);

      g_test_message ("catalog %s", tags[t]);
      g_assert_true (cjm_labels_has_catalog (labels));
      g_assert_cmpstr (cjm_labels_gettext (labels, "Legend"), ==, "Legenda");
      g_assert_cmpstr (cjm_labels_pgettext (labels, "month", "March"), ==, "marzec");
      /* the same msgid without the context is another string */
      g_assert_cmpstr (cjm_labels_gettext (labels, "March"), ==, "March");
      g_assert_cmpstr (cjm_labels_gettext (labels, "untranslated"), ==, "untranslated");
      /* three forms, chosen by the catalog's own rule */
      g_assert_cmpstr (cjm_labels_ngettext (labels, "%u note", "%u notes", 1), ==, "%u notatka");
      g_assert_cmpstr (cjm_labels_ngettext (labels, "%u note", "%u notes", 3), ==, "%u notatki");
      g_assert_cmpstr (cjm_labels_ngettext (labels, "%u note", "%u notes", 5), ==, "%u notatek");
      g_assert_cmpstr (cjm_labels_ngettext (labels, "%u note", "%u notes", 12), ==, "%u notatek");
      g_assert_cmpstr (cjm_labels_ngettext (labels, "%u note", "%u notes", 22), ==, "%u notatki");
      g_assert_cmpstr (cjm_labels_ngettext (labels, "%u note", "%u notes", 112), ==, "%u notatek");
      /* the translated format, numbers and the month's name from the catalog */
      g_assert_cmpstr (day, ==, "07.03.2026 (marzec) % %q");
    }

  /* a broken catalog is no catalog: the source strings */
  g_assert_false (cjm_labels_has_catalog (cjm_labels_get ("zz")));
  g_assert_cmpstr (cjm_labels_gettext (cjm_labels_get ("zz"), "Legend"), ==, "Legend");

  /* another folder, other catalogs; labels already handed out stay valid */
  {
    CjmLabels *xx = cjm_labels_get ("xx");

    cjm_labels_set_locale_dir (build_locale_dir ());
    g_assert_cmpstr (cjm_labels_gettext (cjm_labels_get ("xx"), "Legend"), ==, "Legend");
    test_remove_tree (dir);
    g_assert_cmpstr (cjm_labels_gettext (xx, "Legend"), ==, "Legenda");
  }
}

/* A Plural-Forms rule that cannot be evaluated (nested too deep, a
 * division by zero, not an expression) gives English's choice of form. */
static void
test_bad_plural_rules (void)
{
  g_autofree char *dir = test_make_folder ();
  g_autofree char *opening = g_strnfill (200, '(');
  g_autofree char *closing = g_strnfill (200, ')');
  g_autofree char *deep = g_strdup_printf ("Plural-Forms: nplurals=2; plural=%sn%s;\n", opening,
                                           closing);
  const char *rules[] = {
    deep,
    "Plural-Forms: nplurals=3; plural=n%0;\n",
    "Plural-Forms: nplurals=3; plural=n==1 ? 2 :;\n",
    "Plural-Forms: nplurals=2; plural=n >< 1;\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      g_autofree char *name = g_strdup_printf ("bad%u", i);
      MoEntry entries[] = {
        { "", 0, rules[i], strlen (rules[i]) },
        ENTRY ("%u note\0%u notes", "one %u\0two %u\0three %u"),
      };
      CjmLabels *labels;

      write_catalog (dir, name, entries, G_N_ELEMENTS (entries), FALSE);
      cjm_labels_set_locale_dir (dir);
      labels = cjm_labels_get (name);
      g_assert_true (cjm_labels_has_catalog (labels));
      g_assert_cmpstr (cjm_labels_ngettext (labels, "%u note", "%u notes", 1), ==, "one %u");
      g_assert_cmpstr (cjm_labels_ngettext (labels, "%u note", "%u notes", 2), ==, "two %u");
      g_assert_cmpstr (cjm_labels_ngettext (labels, "%u note", "%u notes", 0), ==, "two %u");
    }
  test_remove_tree (dir);
}

static void
test_kinds_and_plan (void)
{
  static const char * const channels[] = {
    "web", "app", "phone", "store", "email", "sms", "chat", "social", "mail", "partner",
  };
  CjmLabels *he, *en;

  cjm_labels_set_locale_dir (build_locale_dir ());
  he = cjm_labels_get ("he");
  en = cjm_labels_get ("en");

  /* channel types in words, never the raw attribute */
  g_assert_cmpstr (cjm_channel_get_label ("web", en), ==, "Website");
  g_assert_cmpstr (cjm_channel_get_label (" Web ", he), ==, "אתר");
  g_assert_cmpstr (cjm_channel_get_label ("social", he), ==, "רשתות חברתיות");
  g_assert_null (cjm_channel_get_label ("kiosk", he));
  g_assert_null (cjm_channel_get_label (NULL, he));
  for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
    {
      const char *label = cjm_channel_get_label (channels[i], he);

      g_assert_nonnull (label);
      g_assert_cmpstr (label, !=, cjm_channel_get_label (channels[i], en));
      g_assert_false (g_ascii_isalpha (label[0]));
    }

  g_assert_cmpstr (cjm_lane_kind_get_default_name_for (CJM_LANE_PAIN_POINTS, en), ==,
                   "Pain points");
  g_assert_cmpstr (cjm_lane_kind_get_default_name_for (CJM_LANE_PAIN_POINTS, he), ==, "נקודות כאב");
  g_assert_cmpstr (cjm_kind_get_label_for (CJM_KIND_TOUCHPOINT, he), ==, "נקודת מגע");
  g_assert_cmpstr (cjm_kind_get_label_for (CJM_KIND_TOUCHPOINT, NULL), ==,
                   cjm_kind_get_label (CJM_KIND_TOUCHPOINT));

  g_assert_cmpstr (cjm_quadrant_get_label_for (CJM_QUADRANT_QUICK_WIN, en), ==, "Quick win");
  g_assert_cmpstr (cjm_quadrant_get_label_for (CJM_QUADRANT_QUICK_WIN, he), !=, "Quick win");
  g_assert_cmpstr (cjm_status_get_label_for (CJM_STATUS_IN_PROGRESS, he), !=, "In progress");
  g_assert_cmpstr (cjm_horizon_get_label_for (CJM_HORIZON_NONE, he), !=, "Not scheduled");
  g_assert_cmpstr (cjm_status_get_label_for (CJM_STATUS_DONE, NULL), ==,
                   cjm_status_get_label (CJM_STATUS_DONE));
}

/* The checker words its messages in the labels' language, and the same
 * findings come out in the same order. */
static void
test_checker_messages (void)
{
  g_autoptr(CjmDocument) doc = test_load_fixture ("faults.cjm");
  g_autoptr(GPtrArray) user = NULL;
  g_autoptr(GPtrArray) hebrew = NULL;
  guint hebrew_messages = 0;

  cjm_labels_set_locale_dir (build_locale_dir ());
  user = cjm_check_document (doc);
  hebrew = cjm_check_document_with_labels (doc, cjm_labels_get ("he"));
  g_assert_cmpuint (user->len, >, 3);
  g_assert_cmpuint (hebrew->len, ==, user->len);
  for (guint i = 0; i < user->len; i++)
    {
      CjmFinding *a = g_ptr_array_index (user, i);
      CjmFinding *b = g_ptr_array_index (hebrew, i);
      const char *message = cjm_finding_get_message (b);

      g_assert_cmpstr (cjm_finding_get_rule (a), ==, cjm_finding_get_rule (b));
      g_assert_cmpstr (cjm_finding_get_message (a), !=, message);
      for (const char *p = message; *p; p = g_utf8_next_char (p))
        if (g_utf8_get_char (p) >= 0x05d0 && g_utf8_get_char (p) <= 0x05ea)
          {
            hebrew_messages++;
            break;
          }
    }
  g_assert_cmpuint (hebrew_messages, ==, user->len);

  /* and the user's language again afterwards (per call site caches) */
  g_clear_pointer (&user, g_ptr_array_unref);
  user = cjm_check_document (doc);
  g_assert_null (strstr (cjm_finding_get_message (g_ptr_array_index (user, 0)), "ה"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/labels/hebrew-catalog", test_hebrew_catalog);
  g_test_add_func ("/labels/written-catalogs", test_written_catalogs);
  g_test_add_func ("/labels/bad-plural-rules", test_bad_plural_rules);
  g_test_add_func ("/labels/kinds-and-plan", test_kinds_and_plan);
  g_test_add_func ("/labels/checker-messages", test_checker_messages);

  return g_test_run ();
}
