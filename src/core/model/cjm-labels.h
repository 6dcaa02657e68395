/* cjm-labels.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The words a map is drawn with, in the map's own language (its xml:lang)
 * whatever the language of the desktop: stage numbers, the legend, page
 * labels and dates, the cover, the appendix and the checker's messages on
 * it, the action plan. The screen, print, every export and thumbnails
 * take them from here.
 *
 * A CjmLabels is the message catalog of one language, read by this unit
 * from our own compiled catalog, LOCALEDIR/LL/LC_MESSAGES/journeyman.mo,
 * and not through gettext: gettext translates only into the process's
 * language, and the locale of a map's language need not be installed (a
 * CI machine has no he_IL locale, and glibc ignores LANGUAGE in the C
 * locale). A string the catalog lacks, and every string of a language
 * with no catalog (English: the source language), is the source string.
 *
 * NULL stands for the process's own language: the functions then go
 * through gettext as _() does. That is what a map without xml:lang gets.
 *
 * Catalogs are read once and kept for the life of the process, so a
 * CjmLabels and every string it returns stay valid; the functions are
 * safe to call from any thread.
 *
 * The catalogs are looked for in the folder set with
 * cjm_labels_set_locale_dir(), else where the program bound its text
 * domain (bindtextdomain(), which the app and `cjm` do at start-up,
 * honouring JOURNEYMAN_LOCALEDIR in a build tree), then in LOCALEDIR.
 *
 * xgettext finds the strings through the keywords that po/meson.build
 * gives it: cjm_labels_gettext:2, cjm_labels_pgettext:2c,3 and
 * cjm_labels_ngettext:2,3.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _CjmLabels CjmLabels;
/* cjm-document.h includes this header through cjm-kinds.h */
typedef struct _CjmDocument CjmDocument;

/* The labels of a language tag ("he", "he-IL", "pt_BR", "sr-Latn"); NULL
 * for NULL or an empty tag. Never fails: without a catalog for the
 * language, the labels are the source strings. */
CjmLabels   *cjm_labels_get                (const char  *language);
/* The labels of the document's xml:lang (NULL when it has none). */
CjmLabels   *cjm_labels_get_for_document   (CjmDocument *document);
/* The tag the labels were asked for, as given; NULL for NULL. */
const char  *cjm_labels_get_language       (CjmLabels   *labels);
/* Whether a catalog was found for the language (TRUE for NULL: gettext's). */
gboolean     cjm_labels_has_catalog        (CjmLabels   *labels);

const char  *cjm_labels_gettext            (CjmLabels   *labels,
                                            const char  *msgid);
const char  *cjm_labels_pgettext           (CjmLabels   *labels,
                                            const char  *context,
                                            const char  *msgid);
/* The form for n, by the catalog's Plural-Forms (English rules without
 * a catalog). */
const char  *cjm_labels_ngettext           (CjmLabels   *labels,
                                            const char  *msgid,
                                            const char  *msgid_plural,
                                            gulong       n);

/* A date as pages print it ("5 March 2026"; "5 במרץ 2026" in Hebrew):
 * the translated format, with the month's name from the catalog rather
 * than from the process's locale. */
char        *cjm_labels_format_date        (CjmLabels   *labels,
                                            const GDate *date);

/* Where to look for catalogs first (a build tree's po folder, for tests);
 * NULL goes back to the text domain's folder. Labels already handed out
 * stay as they are. */
void         cjm_labels_set_locale_dir     (const char  *dir);

G_END_DECLS
