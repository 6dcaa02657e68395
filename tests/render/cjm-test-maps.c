/* cjm-test-maps.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-test"

#include "config.h"

#include <stdarg.h>

#include "cjm-test-maps.h"

CjmItem *
cjm_test_add (CjmDocument *document,
              CjmKind      kind,
              const char  *id,
              ...)
{
  g_autoptr(CjmItem) item = cjm_item_new (kind);
  va_list ap;
  int field;

  if (id != NULL)
    cjm_item_set_initial_field (item, CJM_FIELD_ID, id);

  va_start (ap, id);
  while ((field = va_arg (ap, int)) >= 0)
    {
      const char *value = va_arg (ap, const char *);

      cjm_item_set_initial_field (item, field, value);
    }
  va_end (ap);

  cjm_document_insert_item (document, item, -1);
  return item;
}

CjmDocument *
cjm_test_small_map (const char *lang)
{
  CjmDocument *doc = cjm_document_new ();
  CjmItem *map = cjm_document_get_map (doc);
  gboolean he = g_strcmp0 (lang, "he") == 0;
  CjmItem *tp;
  g_autoptr(GPtrArray) facts = cjm_list_new (CJM_LIST_FACTS);
  g_autoptr(GPtrArray) kpis = cjm_list_new (CJM_LIST_KPIS);

  cjm_document_set_field (doc, map, CJM_FIELD_LANG, lang ? lang : "en");
  cjm_document_set_field (doc, map, CJM_FIELD_TITLE, he ? "תשלום חשבון חודשי" : "Paying a monthly bill");

  cjm_test_add (doc, CJM_KIND_PERSONA, "p-dana", CJM_FIELD_NAME, he ? "דנה" : "Dana",
                CJM_FIELD_COLOR, "#3584e4", -1);
  cjm_test_add (doc, CJM_KIND_PERSONA, "p-moshe", CJM_FIELD_NAME, he ? "משה" : "Moshe",
                CJM_FIELD_COLOR, "#e66100", -1);

  cjm_test_add (doc, CJM_KIND_STAGE, "s-notice", CJM_FIELD_NAME, he ? "שמים לב לחשבון" : "Notice the bill",
                CJM_FIELD_GOAL, he ? "לדעת כמה ועד מתי" : "Know how much and by when", -1);
  cjm_test_add (doc, CJM_KIND_STAGE, "s-understand", CJM_FIELD_NAME, he ? "מבינים את החיובים" : "Understand the charges", -1);
  cjm_test_add (doc, CJM_KIND_STAGE, "s-pay", CJM_FIELD_NAME, he ? "תשלום" : "Pay",
                CJM_FIELD_GOAL, he ? "לשלם בפחות משתי דקות" : "Pay in under two minutes", -1);
  cjm_test_add (doc, CJM_KIND_STAGE, "s-confirm", CJM_FIELD_NAME, he ? "אישור" : "Get confirmation", -1);

  cjm_test_add (doc, CJM_KIND_LANE, "l-emo", CJM_FIELD_LANE_KIND, "emotion", CJM_FIELD_NAME, he ? "רגשות" : "Emotions", -1);
  cjm_test_add (doc, CJM_KIND_LANE, "l-web", CJM_FIELD_LANE_KIND, "channel", CJM_FIELD_CHANNEL, "web",
                CJM_FIELD_OWNER, he ? "דיגיטל" : "Digital", CJM_FIELD_NAME, he ? "אתר" : "Website", -1);
  cjm_test_add (doc, CJM_KIND_LANE, "l-app", CJM_FIELD_LANE_KIND, "channel", CJM_FIELD_CHANNEL, "app",
                CJM_FIELD_NAME, he ? "אפליקציה" : "Mobile app", -1);
  cjm_test_add (doc, CJM_KIND_LANE, "l-call", CJM_FIELD_LANE_KIND, "channel", CJM_FIELD_CHANNEL, "phone",
                CJM_FIELD_OWNER, he ? "שירות לקוחות" : "Customer Service", CJM_FIELD_NAME, he ? "מוקד טלפוני" : "Call center", -1);
  cjm_test_add (doc, CJM_KIND_LANE, "l-pain", CJM_FIELD_LANE_KIND, "pain-points", CJM_FIELD_NAME, he ? "נקודות כאב" : "Pain points", -1);
  cjm_test_add (doc, CJM_KIND_LANE, "l-opp", CJM_FIELD_LANE_KIND, "opportunities", CJM_FIELD_NAME, he ? "הזדמנויות" : "Opportunities", -1);

  cjm_test_add (doc, CJM_KIND_TOUCHPOINT, "t-sms", CJM_FIELD_STAGE, "s-notice", CJM_FIELD_LANE, "l-app",
                CJM_FIELD_EMOTION, "1", CJM_FIELD_TITLE, he ? "הודעת פוש: החשבון מוכן" : "Push: your bill is ready", -1);
  cjm_test_add (doc, CJM_KIND_TOUCHPOINT, "t-web-bill", CJM_FIELD_STAGE, "s-understand", CJM_FIELD_LANE, "l-web",
                CJM_FIELD_EMOTION, "-1", CJM_FIELD_PERSONAS, "p-dana", CJM_FIELD_TARGET_EMOTION, "2",
                CJM_FIELD_TITLE, he ? "דף חשבון עם פירוט" : "Bill page with line items", -1);
  cjm_test_add (doc, CJM_KIND_TOUCHPOINT, "t-call-explain", CJM_FIELD_STAGE, "s-understand", CJM_FIELD_LANE, "l-call",
                CJM_FIELD_EMOTION, "2", CJM_FIELD_PERSONAS, "p-moshe", CJM_FIELD_OWNER, he ? "גבייה" : "Billing",
                CJM_FIELD_EVIDENCE, "observed",
                CJM_FIELD_TITLE, he ? "נציג מסביר את החיובים" : "Agent explains the charges", -1);
  tp = cjm_test_add (doc, CJM_KIND_TOUCHPOINT, "t-web-pay", CJM_FIELD_STAGE, "s-pay", CJM_FIELD_LANE, "l-web",
                     CJM_FIELD_EMOTION, "1", CJM_FIELD_PERSONAS, "p-dana",
                     CJM_FIELD_TITLE, he ? "תשלום בכרטיס באתר" : "Pay by card on the website", -1);
  g_ptr_array_add (facts, cjm_fact_new (he ? "עמלה" : "fee", "0"));
  g_ptr_array_add (facts, cjm_fact_new (he ? "זמן רישום" : "posting time", he ? "מיידי" : "instant"));
  cjm_document_set_list (doc, tp, CJM_LIST_FACTS, facts);
  g_ptr_array_add (kpis, cjm_kpi_new (he ? "המרה" : "Conversion", "88", "%", "90", NULL));
  cjm_document_set_list (doc, tp, CJM_LIST_KPIS, kpis);
  cjm_test_add (doc, CJM_KIND_TOUCHPOINT, "t-app-pay", CJM_FIELD_STAGE, "s-pay", CJM_FIELD_LANE, "l-app",
                CJM_FIELD_EMOTION, "3", CJM_FIELD_PERSONAS, "p-dana",
                CJM_FIELD_TITLE, he ? "תשלום בכרטיס שמור באפליקציה" : "Pay with saved card in the app", -1);
  cjm_test_add (doc, CJM_KIND_TOUCHPOINT, "t-call-pay", CJM_FIELD_STAGE, "s-pay", CJM_FIELD_LANE, "l-call",
                CJM_FIELD_EMOTION, "-2", CJM_FIELD_TARGET_EMOTION, "1", CJM_FIELD_PERSONAS, "p-moshe",
                CJM_FIELD_MOMENT_OF_TRUTH, "true", CJM_FIELD_EVIDENCE, "assumed",
                CJM_FIELD_THIRD_PARTY, "PayLine IVR",
                CJM_FIELD_TITLE, he ? "תשלום דרך המענה הקולי" : "Pay through the IVR", -1);
  cjm_test_add (doc, CJM_KIND_TOUCHPOINT, "t-receipt", CJM_FIELD_STAGE, "s-confirm", CJM_FIELD_LANE, "l-web",
                CJM_FIELD_EMOTION, "2", CJM_FIELD_TITLE, he ? "קבלה בדואר אלקטרוני" : "E-mail receipt", -1);
  cjm_test_add (doc, CJM_KIND_TOUCHPOINT, "t-lost", CJM_FIELD_STAGE, "s-gone", CJM_FIELD_LANE, "l-web",
                CJM_FIELD_TITLE, he ? "כרטיס בלי שלב" : "A card whose stage is gone", -1);

  cjm_test_add (doc, CJM_KIND_NOTE, "n-p1", CJM_FIELD_STAGE, "s-pay", CJM_FIELD_LANE, "l-pain",
                CJM_FIELD_TEXT, he ? "המענה הקולי מבקש את מספר החשבונית פעמיים" : "IVR asks for the invoice number twice", -1);
  cjm_test_add (doc, CJM_KIND_OPPORTUNITY, "o-paylink", CJM_FIELD_STAGE, "s-pay", CJM_FIELD_LANE, "l-opp",
                CJM_FIELD_IMPACT, "4", CJM_FIELD_EFFORT, "2", CJM_FIELD_ADDRESSES, "t-call-pay",
                CJM_FIELD_TITLE, he ? "קישור לתשלום ב-SMS במהלך השיחה" : "Send a pay-by-link SMS during the call", -1);

  cjm_test_add (doc, CJM_KIND_LINK, NULL, CJM_FIELD_FROM, "t-web-bill", CJM_FIELD_TO, "t-web-pay", -1);
  cjm_test_add (doc, CJM_KIND_LINK, NULL, CJM_FIELD_FROM, "t-web-bill", CJM_FIELD_TO, "t-call-explain",
                CJM_FIELD_LABEL, he ? "לא מבינה את הקודים" : "cannot read the codes", -1);

  cjm_document_clear_history (doc);
  cjm_document_set_clean (doc);
  return doc;
}

CjmDocument *
cjm_test_synthetic_map (guint n_stages,
                        guint n_channels,
                        guint n_touchpoints)
{
  static const char * const channels[] = { "web", "app", "phone", "store", "email", "sms",
                                           "chat", "social", "mail", "partner", "kiosk", "tv" };
  CjmDocument *doc = cjm_document_new ();
  g_autoptr(GPtrArray) fact = cjm_list_new (CJM_LIST_FACTS);
  guint n_cells = n_stages * n_channels;

  g_ptr_array_add (fact, cjm_fact_new ("fee", "5"));

  cjm_document_set_field (doc, cjm_document_get_map (doc), CJM_FIELD_TITLE, "Synthetic map");
  cjm_test_add (doc, CJM_KIND_PERSONA, "p-a", CJM_FIELD_NAME, "Avery", -1);
  cjm_test_add (doc, CJM_KIND_PERSONA, "p-b", CJM_FIELD_NAME, "Blake", -1);

  for (guint s = 0; s < n_stages; s++)
    {
      g_autofree char *id = g_strdup_printf ("s%u", s);
      g_autofree char *name = g_strdup_printf ("Stage %u", s + 1);

      cjm_test_add (doc, CJM_KIND_STAGE, id, CJM_FIELD_NAME, name, CJM_FIELD_GOAL, "Get it done", -1);
    }
  cjm_test_add (doc, CJM_KIND_LANE, "l-emo", CJM_FIELD_LANE_KIND, "emotion", CJM_FIELD_NAME, "Emotions", -1);
  for (guint l = 0; l < n_channels; l++)
    {
      g_autofree char *id = g_strdup_printf ("l%u", l);
      g_autofree char *name = g_strdup_printf ("Channel %s", channels[l % G_N_ELEMENTS (channels)]);

      cjm_test_add (doc, CJM_KIND_LANE, id, CJM_FIELD_LANE_KIND, "channel",
                    CJM_FIELD_CHANNEL, channels[l % G_N_ELEMENTS (channels)], CJM_FIELD_NAME, name, -1);
    }

  for (guint i = 0; i < n_touchpoints; i++)
    {
      guint cell = (i * 7919) % MAX (n_cells, 1);
      g_autofree char *id = g_strdup_printf ("t%u", i);
      g_autofree char *stage = g_strdup_printf ("s%u", cell / MAX (n_channels, 1));
      g_autofree char *lane = g_strdup_printf ("l%u", cell % MAX (n_channels, 1));
      g_autofree char *emotion = g_strdup_printf ("%d", (int) (i % 7) - 3);
      g_autofree char *title = g_strdup_printf ("Touchpoint %u: customer does step %u in this channel", i, i % 13);
      CjmItem *tp;

      tp = cjm_test_add (doc, CJM_KIND_TOUCHPOINT, id, CJM_FIELD_STAGE, stage, CJM_FIELD_LANE, lane,
                         CJM_FIELD_EMOTION, emotion, CJM_FIELD_TITLE, title,
                         CJM_FIELD_PERSONAS, i % 2 ? "p-a" : "p-a p-b", -1);
      if (i % 3 == 0)
        cjm_document_set_list (doc, tp, CJM_LIST_FACTS, fact);
      if (i % 10 == 0 && i + 1 < n_touchpoints)
        {
          g_autofree char *to = g_strdup_printf ("t%u", i + 1);

          cjm_test_add (doc, CJM_KIND_LINK, NULL, CJM_FIELD_FROM, id, CJM_FIELD_TO, to, -1);
        }
    }

  cjm_document_clear_history (doc);
  cjm_document_set_clean (doc);
  return doc;
}
