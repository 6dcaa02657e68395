/* test-checker-samples.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The findings of the two sample maps, derived by hand from RULES.md (the
 * derivation is written out below) and compared exactly: every finding,
 * in order, with rule, severity, targets and the key parts of its message.
 * The samples are read from $CJM_SHARED_DIR/samples (skipped where that
 * folder is absent).
 */

#include "config.h"

#include <string.h>

#include "../cjm-shared-samples.h"
#include "checker-test-util.h"

typedef struct {
  const char *rule;
  const char *severity;
  const char *targets;
  const char *parts[3];
} Expected;

/* bill-payment.cjm
 *
 * Stages: s-notice, s-understand, s-pay, s-confirm, s-followup (no goal).
 * Channel lanes and their owners: l-email Marketing, l-web Digital, l-app
 * Digital, l-call Customer Service, l-branch none.
 *
 * Touchpoints (stage, lane, interaction, emotion, owner, facts, KPI/data):
 *  t-sms-due        notice     email  Bill reminder      1  Marketing  due date=10th…   KPI
 *  t-app-push       notice     app    Bill reminder      1  Digital    due date=15th…   KPI
 *  t-web-bill       understand web    View bill details -1  Digital    -                data
 *  t-call-explain   understand call   View bill details  2  Billing    -                KPI CSAT
 *  t-web-pay        pay        web    Pay bill           1  Digital    fee 0, instant   KPI Conversion
 *  t-app-pay        pay        app    Pay bill           3  Digital    fee 0.00,instant KPI Conversion
 *  t-call-pay       pay        call   Pay bill          -2  Cust. Serv fee 5, 2 bus.days -, third party
 *  t-branch-pay     pay        branch Pay bill           0  none       fee 0, next b.d. -
 *  t-email-receipt  confirm    email  Receipt            2  Marketing  -                data
 *  t-branch-receipt confirm    branch Receipt            1  none       -                -
 *  t-call-dispute   followup   call   Dispute a charge  -3  Billing    -                KPI
 *
 * S01: every id, reference, value and lane kind is sound: none.
 * F01: Bill reminder: due date 10th vs 15th of the month (same unit text,
 *      different numbers) → 1. Pay bill: fee 0 = 0.00 = 0 vs 5 → 1;
 *      posting time instant / 2 business days / next business day → 1.
 *      Same targets for both Pay bill findings; “fee” sorts before
 *      “posting time”.
 * E01: View bill details -1..2 = 3 ≥ 3 → 1; Pay bill -2..3 = 5 → 1;
 *      Bill reminder 0, Receipt 1: no.
 * S02: each interaction sits in one stage: none.
 * K01: View bill details {} vs {CSAT} → 1; Pay bill {Conversion} ×2 vs {}
 *      ×2 → 1; Bill reminder {Open rate} ×2 equal; Receipt has no KPI at all.
 * O01: l-branch has no owner: t-branch-pay, t-branch-receipt → 2.
 * O02: Bill reminder Marketing/Digital, View bill details Digital/Billing,
 *      Pay bill Digital/Customer Service (the branch has none) → 3;
 *      Receipt has one owner (Marketing) only.
 * O03: t-call-pay has a third party but its lane owns it: none.
 * C01: in every stage each shared interaction covers every channel lane
 *      that has touchpoints there: none.
 * G01: every stage with a goal has touchpoints: none.
 * P01: t-call-pay (-2) is addressed by o-paylink; t-call-dispute (-3) by
 *      nobody (o-dispute addresses nothing) → 1.
 * T01: means 1, 0.5, 0.5, 1.5, -3: no three stages fall in a row.
 * M01: t-call-pay, t-branch-pay, t-branch-receipt → 3.
 * X01: t-call-pay's description says “invoice” → 1.
 * R01: o-dispute has neither impact nor effort → 1.
 * H01: t-sms-due (email, 1) → t-web-bill (web, -1) drops 2 → 1; the other
 *      drops are within one lane (call 2 → -2, call -2 → -3) or 1 only.
 * D01: last stage with touchpoints is s-followup; in earlier stages
 *      t-email-receipt and t-branch-receipt have no outgoing link → 2.
 */
static const Expected bill_payment[] = {
  { "CJM-F01", "error", "t-sms-due t-app-push",
    { "“Bill reminder” states due date 10th of the month on E-mail and SMS but 15th of the "
      "month on Mobile app" } },
  { "CJM-F01", "error", "t-web-pay t-app-pay t-call-pay t-branch-pay",
    { "“Pay bill” states fee 0 on Website, Mobile app and Service branch but 5 on Call center" } },
  { "CJM-F01", "error", "t-web-pay t-app-pay t-call-pay t-branch-pay",
    { "posting time", "instant on Website and Mobile app", "next business day on Service branch" } },
  { "CJM-D01", "warning", "t-email-receipt", { "“E-mail receipt”", "“Get confirmation”" } },
  { "CJM-D01", "warning", "t-branch-receipt", { "“Printed receipt”" } },
  { "CJM-E01", "warning", "t-web-bill t-call-explain",
    { "“View bill details”", "2 on Call center", "-1 on Website" } },
  { "CJM-E01", "warning", "t-web-pay t-app-pay t-call-pay t-branch-pay",
    { "“Pay bill”", "3 on Mobile app", "-2 on Call center" } },
  { "CJM-H01", "warning", "t-sms-due t-web-bill",
    { "“SMS: your bill is ready” on E-mail and SMS", "“Bill page with line items” on Website",
      "from 1 to -1" } },
  { "CJM-K01", "warning", "t-web-bill t-call-explain",
    { "“View bill details”", "CSAT on Call center" } },
  { "CJM-K01", "warning", "t-web-pay t-app-pay t-call-pay t-branch-pay",
    { "Conversion on Website and Mobile app", "no KPI on Call center and Service branch" } },
  { "CJM-O01", "warning", "t-branch-pay", { "“Pay at the counter” on Service branch" } },
  { "CJM-O01", "warning", "t-branch-receipt", { "“Printed receipt” on Service branch" } },
  { "CJM-P01", "warning", "t-call-dispute", { "“Call to dispute roaming charge”", "-3" } },
  { "CJM-M01", "info", "t-call-pay", { "“Pay through the IVR”" } },
  { "CJM-M01", "info", "t-branch-pay", { "“Pay at the counter”" } },
  { "CJM-M01", "info", "t-branch-receipt", { "“Printed receipt”" } },
  { "CJM-O02", "info", "t-sms-due t-app-push",
    { "“Bill reminder”", "Marketing on E-mail and SMS", "Digital on Mobile app" } },
  { "CJM-O02", "info", "t-web-bill t-call-explain",
    { "“View bill details”", "Digital on Website", "Billing on Call center" } },
  { "CJM-O02", "info", "t-web-pay t-app-pay t-call-pay t-branch-pay",
    { "“Pay bill”", "Digital on Website and Mobile app", "Customer Service on Call center" } },
  { "CJM-R01", "info", "o-dispute", { "“One dispute queue shared by Billing and the call center”" } },
  { "CJM-X01", "info", "t-call-pay", { "“Pay through the IVR” says “invoice”", "“bill”" } },
};

/* fiber-onboarding.he.cjm (Hebrew, no settings: emotion-spread 3, no
 * links, no glossary)
 *
 * Stages: s-discover (goal), s-compare (goal), s-order, s-install (goal),
 * s-first-use. Channel lanes and owners: l-social שיווק, l-web דיגיטל,
 * l-call מכירות, l-store מכירות, l-tech none.
 *
 * Touchpoints (stage, lane, interaction, emotion, facts, KPI/data):
 *  t-ad          discover  social בדיקת זמינות  2  מחיר חודשי 99 ₪          KPI הקלקות
 *  t-web-check   discover  web    בדיקת זמינות  1  -                        data
 *  t-web-price   compare   web    בירור מחיר    0  99 ₪, התחייבות ללא        data
 *  t-call-price  compare   call   בירור מחיר   -1  109 ₪, התחייבות 12 חודשים  KPI המרה
 *  t-store-price compare   store  בירור מחיר   -1  99 ₪, התחייבות ללא        -
 *  t-web-order   order     web    הזמנה        -2  -                        data
 *  t-call-order  order     call   הזמנה         0  -                        KPI זמן המתנה
 *  t-install     install   tech   התקנה        -3  third party              -
 *  t-web-setup   first-use web    הגדרת נתב     1  -                        data
 *
 * S01: none.
 * F01: בירור מחיר: מחיר חודשי 99 ₪ ×2 vs 109 ₪ → 1; התחייבות ללא ×2 vs 12
 *      חודשים → 1 (same targets; התחייבות sorts before מחיר חודשי).
 *      בדיקת זמינות: only t-ad states the price.
 * E01: בדיקת זמינות 1..2, בירור מחיר -1..0, הזמנה -2..0 = 2 < 3: none.
 * S02: none.  C01: every shared interaction covers its stage's channel
 *      lanes: none.  G01: every stage with a goal has touchpoints: none.
 * K01: בדיקת זמינות {הקלקות} vs {}; בירור מחיר {} vs {המרה}; הזמנה {} vs
 *      {זמן המתנה} → 3.
 * O01: t-install (l-tech has no owner) → 1.  O03: t-install has a third
 *      party and no owner → 1.
 * O02: בדיקת זמינות שיווק/דיגיטל, בירור מחיר דיגיטל/מכירות, הזמנה
 *      דיגיטל/מכירות → 3.
 * P01: t-web-order (-2) and t-install (-3); o-price addresses t-call-price
 *      only → 2.
 * T01: means 1.5, -0.67, -1, -3, 1: s-discover … s-install fall at each
 *      step, one run of four → 1.
 * M01: t-store-price, t-install → 2.
 * X01, R01 (o-price has both), H01, D01 (no links): none.
 */
static const Expected fiber_onboarding[] = {
  { "CJM-F01", "error", "t-web-price t-call-price t-store-price",
    { "“בירור מחיר” states התחייבות ללא on אתר and חנות but 12 חודשים on מוקד טלפוני" } },
  { "CJM-F01", "error", "t-web-price t-call-price t-store-price",
    { "“בירור מחיר” states מחיר חודשי 99 ₪ on אתר and חנות but 109 ₪ on מוקד טלפוני" } },
  { "CJM-K01", "warning", "t-ad t-web-check", { "“בדיקת זמינות”", "הקלקות on רשתות חברתיות" } },
  { "CJM-K01", "warning", "t-web-price t-call-price t-store-price",
    { "“בירור מחיר”", "המרה on מוקד טלפוני" } },
  { "CJM-K01", "warning", "t-web-order t-call-order", { "“הזמנה”", "זמן המתנה on מוקד טלפוני" } },
  { "CJM-O01", "warning", "t-install", { "“טכנאי קבלן מגיע באיחור” on טכנאי" } },
  { "CJM-O03", "warning", "t-install", { "“קבלן התקנות אזורי”" } },
  { "CJM-P01", "warning", "t-web-order", { "“טופס הזמנה מקוון”", "-2" } },
  { "CJM-P01", "warning", "t-install", { "“טכנאי קבלן מגיע באיחור”", "-3" } },
  { "CJM-M01", "info", "t-store-price", { "“מוכר בחנות” on חנות" } },
  { "CJM-M01", "info", "t-install", { "“טכנאי קבלן מגיע באיחור”" } },
  { "CJM-O02", "info", "t-ad t-web-check", { "שיווק on רשתות חברתיות", "דיגיטל on אתר" } },
  { "CJM-O02", "info", "t-web-price t-call-price t-store-price",
    { "דיגיטל on אתר", "מכירות on מוקד טלפוני and חנות" } },
  { "CJM-O02", "info", "t-web-order t-call-order", { "“הזמנה”" } },
  { "CJM-T01", "info", "s-discover s-compare s-order s-install",
    { "4 stages", "from 1.5 in “גילוי” to -3.0 in “התקנה”" } },
};

typedef struct {
  const char     *name;
  const Expected *expected;
  guint           n_expected;
} SampleCase;

static void
test_sample (gconstpointer data)
{
  const SampleCase *sample = data;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(CjmDocument) document = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;

  path = cjm_shared_sample_or_skip (sample->name);
  if (path == NULL)
    return;

  file = g_file_new_for_path (path);
  document = cjm_document_new_from_file (file, &error);
  g_assert_no_error (error);

  findings = cjm_check_document (document);
  shown = tu_describe_array (findings, TRUE);
  if (findings->len != sample->n_expected)
    g_error ("%s: expected %u findings, got %u:\n%s", sample->name, sample->n_expected,
             findings->len, shown);

  for (guint i = 0; i < sample->n_expected; i++)
    {
      const Expected *expected = &sample->expected[i];

      tu_assert_finding (g_ptr_array_index (findings, i), expected->rule, expected->severity,
                         expected->targets, expected->parts[0], expected->parts[1],
                         expected->parts[2], NULL);
      g_assert_false (cjm_finding_get_suppressed (g_ptr_array_index (findings, i)));
    }
}

static const SampleCase samples[] = {
  { "bill-payment.cjm", bill_payment, G_N_ELEMENTS (bill_payment) },
  { "fiber-onboarding.he.cjm", fiber_onboarding, G_N_ELEMENTS (fiber_onboarding) },
};

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *path = g_strdup_printf ("/checker/samples/shared/%s", samples[i].name);
      g_test_add_data_func (path, &samples[i], test_sample);
    }

  return g_test_run ();
}
