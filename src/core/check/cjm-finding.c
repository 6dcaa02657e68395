/* cjm-finding.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cjm-check"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cjm-finding-private.h"

G_DEFINE_FINAL_TYPE (CjmFinding, cjm_finding, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (CjmSeverity, cjm_severity,
  G_DEFINE_ENUM_VALUE (CJM_SEVERITY_INFO, "info"),
  G_DEFINE_ENUM_VALUE (CJM_SEVERITY_WARNING, "warning"),
  G_DEFINE_ENUM_VALUE (CJM_SEVERITY_ERROR, "error"))

enum {
  PROP_0,
  PROP_RULE,
  PROP_NAME,
  PROP_SEVERITY,
  PROP_MESSAGE,
  PROP_TARGETS,
  PROP_SUPPRESSED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct {
  const char  *id;
  const char  *name;
  CjmSeverity  severity;
  const char  *title;     /* untranslated; what the findings panel heads a finding with */
} RuleInfo;

static const RuleInfo rules[CJM_N_RULES] = {
  [CJM_RULE_C01] = { "CJM-C01", "channel-gap", CJM_SEVERITY_INFO, N_("Channel gap") },
  [CJM_RULE_D01] = { "CJM-D01", "dead-end", CJM_SEVERITY_WARNING, N_("Dead end") },
  [CJM_RULE_E01] = { "CJM-E01", "uneven-emotion", CJM_SEVERITY_WARNING,
                     N_("Uneven emotion across channels") },
  [CJM_RULE_F01] = { "CJM-F01", "conflicting-facts", CJM_SEVERITY_ERROR, N_("Conflicting facts") },
  [CJM_RULE_G01] = { "CJM-G01", "unserved-goal", CJM_SEVERITY_WARNING,
                     N_("Customer goal not served") },
  [CJM_RULE_H01] = { "CJM-H01", "painful-handoff", CJM_SEVERITY_WARNING, N_("Painful hand-off") },
  [CJM_RULE_K01] = { "CJM-K01", "kpi-mismatch", CJM_SEVERITY_WARNING,
                     N_("Different KPIs for the same step") },
  [CJM_RULE_M01] = { "CJM-M01", "unmeasured", CJM_SEVERITY_INFO, N_("Not measured") },
  [CJM_RULE_O01] = { "CJM-O01", "no-owner", CJM_SEVERITY_WARNING, N_("No owner") },
  [CJM_RULE_O02] = { "CJM-O02", "split-ownership", CJM_SEVERITY_INFO, N_("Split ownership") },
  [CJM_RULE_O03] = { "CJM-O03", "third-party-unowned", CJM_SEVERITY_WARNING,
                     N_("Third party without an owner") },
  [CJM_RULE_P01] = { "CJM-P01", "pain-without-opportunity", CJM_SEVERITY_WARNING,
                     N_("Pain without an opportunity") },
  [CJM_RULE_R01] = { "CJM-R01", "unprioritized-opportunity", CJM_SEVERITY_INFO,
                     N_("Opportunity not prioritized") },
  [CJM_RULE_R02] = { "CJM-R02", "disputed-priority", CJM_SEVERITY_INFO, N_("Disputed priority") },
  [CJM_RULE_R03] = { "CJM-R03", "unowned-action", CJM_SEVERITY_WARNING,
                     N_("Planned action without an owner") },
  [CJM_RULE_S01] = { "CJM-S01", "broken-reference", CJM_SEVERITY_ERROR, N_("Broken reference") },
  [CJM_RULE_S02] = { "CJM-S02", "stage-mismatch", CJM_SEVERITY_WARNING,
                     N_("Same step in different stages") },
  [CJM_RULE_T01] = { "CJM-T01", "declining-satisfaction", CJM_SEVERITY_INFO,
                     N_("Declining satisfaction") },
  [CJM_RULE_X01] = { "CJM-X01", "terminology", CJM_SEVERITY_INFO, N_("Inconsistent terminology") },
};

/* Rules */

const char *
cjm_rule_get_id (CjmRule rule)
{
  g_return_val_if_fail (rule < CJM_N_RULES, NULL);
  return rules[rule].id;
}

const char *
cjm_rule_get_name (CjmRule rule)
{
  g_return_val_if_fail (rule < CJM_N_RULES, NULL);
  return rules[rule].name;
}

CjmSeverity
cjm_rule_get_severity (CjmRule rule)
{
  g_return_val_if_fail (rule < CJM_N_RULES, CJM_SEVERITY_INFO);
  return rules[rule].severity;
}

const char *
cjm_rule_get_title (CjmRule rule)
{
  g_return_val_if_fail (rule < CJM_N_RULES, NULL);
  return _(rules[rule].title);
}

CjmRule
cjm_rule_from_id (const char *id)
{
  g_autofree char *stripped = NULL;

  if (id == NULL)
    return CJM_N_RULES;

  stripped = g_strstrip (g_strdup (id));
  for (guint i = 0; i < CJM_N_RULES; i++)
    if (g_ascii_strcasecmp (stripped, rules[i].id) == 0)
      return i;
  return CJM_N_RULES;
}

const char *
cjm_rule_id_get_title (const char *rule_id)
{
  CjmRule rule = cjm_rule_from_id (rule_id);

  return rule < CJM_N_RULES ? cjm_rule_get_title (rule) : NULL;
}

const char * const *
cjm_rule_list_ids (void)
{
  static const char *ids[CJM_N_RULES + 1];
  static gsize filled = 0;

  if (g_once_init_enter (&filled))
    {
      for (guint i = 0; i < CJM_N_RULES; i++)
        ids[i] = rules[i].id;
      g_once_init_leave (&filled, 1);
    }
  return ids;
}

CjmSeverity
cjm_rule_id_get_severity (const char *rule_id)
{
  CjmRule rule = cjm_rule_from_id (rule_id);

  return rule < CJM_N_RULES ? rules[rule].severity : CJM_SEVERITY_INFO;
}

const char *
cjm_rule_id_canonicalize (const char *text)
{
  g_autofree char *stripped = NULL;
  CjmRule rule;

  if (text == NULL)
    return NULL;
  stripped = g_strstrip (g_strdup (text));
  rule = cjm_rule_from_id (stripped);
  if (rule == CJM_N_RULES)
    {
      g_autofree char *full = g_strconcat ("CJM-", stripped, NULL);

      rule = cjm_rule_from_id (full);
    }
  return rule < CJM_N_RULES ? rules[rule].id : NULL;
}

/* Severities */

const char *
cjm_severity_to_string (CjmSeverity severity)
{
  switch (severity)
    {
    case CJM_SEVERITY_INFO:
      return "info";
    case CJM_SEVERITY_WARNING:
      return "warning";
    case CJM_SEVERITY_ERROR:
      return "error";
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
cjm_severity_from_string (const char *text,
                          int        *severity)
{
  g_return_val_if_fail (severity != NULL, FALSE);

  if (g_strcmp0 (text, "info") == 0)
    *severity = CJM_SEVERITY_INFO;
  else if (g_strcmp0 (text, "warning") == 0)
    *severity = CJM_SEVERITY_WARNING;
  else if (g_strcmp0 (text, "error") == 0)
    *severity = CJM_SEVERITY_ERROR;
  else if (g_strcmp0 (text, "never") == 0)
    *severity = CJM_SEVERITY_ERROR + 1;
  else
    return FALSE;
  return TRUE;
}

const char *
cjm_severity_get_label (CjmSeverity severity)
{
  switch (severity)
    {
    case CJM_SEVERITY_INFO:
      return C_("severity", "Info");
    case CJM_SEVERITY_WARNING:
      return C_("severity", "Warning");
    case CJM_SEVERITY_ERROR:
      return C_("severity", "Error");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* GObject */

static void
cjm_finding_finalize (GObject *object)
{
  CjmFinding *self = CJM_FINDING (object);

  g_free (self->message);
  g_free (self->order_items);   /* the block with targets, positions and key */

  G_OBJECT_CLASS (cjm_finding_parent_class)->finalize (object);
}

static void
cjm_finding_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CjmFinding *self = CJM_FINDING (object);

  switch (prop_id)
    {
    case PROP_RULE:
      g_value_set_string (value, cjm_finding_get_rule (self));
      break;
    case PROP_NAME:
      g_value_set_string (value, cjm_finding_get_name (self));
      break;
    case PROP_SEVERITY:
      g_value_set_enum (value, cjm_finding_get_severity (self));
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    case PROP_TARGETS:
      g_value_set_boxed (value, self->targets);
      break;
    case PROP_SUPPRESSED:
      g_value_set_boolean (value, self->suppressed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cjm_finding_class_init (CjmFindingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cjm_finding_finalize;
  object_class->get_property = cjm_finding_get_property;

  properties[PROP_RULE] =
    g_param_spec_string ("rule", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEVERITY] =
    g_param_spec_enum ("severity", NULL, NULL, CJM_TYPE_SEVERITY, CJM_SEVERITY_INFO,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TARGETS] =
    g_param_spec_boxed ("targets", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUPPRESSED] =
    g_param_spec_boolean ("suppressed", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cjm_finding_init (CjmFinding *self)
{
}

/* Private to libcjm */

CjmFinding *
cjm_finding_new (CjmRule             rule,
                 char               *message,
                 const char * const *targets,
                 CjmItem           **order_items,
                 guint               n_order_items,
                 const char         *subkey)
{
  CjmFinding *self;
  gsize n_targets = 0, text_size = 0, subkey_size = 0;
  char *block, *text;

  g_return_val_if_fail (rule < CJM_N_RULES, NULL);

  for (; targets != NULL && targets[n_targets] != NULL; n_targets++)
    text_size += strlen (targets[n_targets]) + 1;
  if (subkey != NULL && *subkey != '\0')
    subkey_size = strlen (subkey) + 1;

  self = g_object_new (CJM_TYPE_FINDING, NULL);
  self->rule = rule;
  self->message = message;
  self->n_order = n_order_items;

  /* One block: order items, target pointers, positions, then the text of
   * the targets and the key. */
  block = g_malloc (n_order_items * sizeof (CjmItem *) + (n_targets + 1) * sizeof (char *)
                    + n_order_items * sizeof (guint32) + text_size + subkey_size);
  self->order_items = (CjmItem **) block;
  self->targets = (char **) (self->order_items + n_order_items);
  self->positions = (guint32 *) (self->targets + n_targets + 1);
  text = (char *) (self->positions + n_order_items);

  if (n_order_items > 0)
    memcpy (self->order_items, order_items, n_order_items * sizeof (CjmItem *));
  for (gsize i = 0; i < n_targets; i++)
    {
      gsize len = strlen (targets[i]) + 1;

      memcpy (text, targets[i], len);
      self->targets[i] = text;
      text += len;
    }
  self->targets[n_targets] = NULL;
  if (subkey_size > 0)
    {
      memcpy (text, subkey, subkey_size);
      self->subkey = text;
    }
  return self;
}

void
cjm_finding_set_suppressed (CjmFinding *self,
                            gboolean    suppressed)
{
  g_return_if_fail (CJM_IS_FINDING (self));

  suppressed = !!suppressed;
  if (self->suppressed == suppressed)
    return;
  self->suppressed = suppressed;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUPPRESSED]);
}

CjmRule
cjm_finding_get_rule_enum (CjmFinding *self)
{
  g_return_val_if_fail (CJM_IS_FINDING (self), CJM_N_RULES);
  return self->rule;
}

gboolean
cjm_finding_same (CjmFinding *a,
                  CjmFinding *b)
{
  if (a->rule != b->rule
      || a->n_order != b->n_order
      || g_strcmp0 (a->subkey, b->subkey) != 0
      || strcmp (a->message, b->message) != 0)
    return FALSE;

  if (memcmp (a->order_items, b->order_items, a->n_order * sizeof (CjmItem *)) != 0)
    return FALSE;

  return g_strv_equal ((const char * const *) a->targets, (const char * const *) b->targets);
}

/* Public API */

const char *
cjm_finding_get_rule (CjmFinding *self)
{
  g_return_val_if_fail (CJM_IS_FINDING (self), NULL);
  return rules[self->rule].id;
}

const char *
cjm_finding_get_title (CjmFinding *self)
{
  g_return_val_if_fail (CJM_IS_FINDING (self), NULL);
  return cjm_rule_get_title (self->rule);
}

const char *
cjm_finding_get_name (CjmFinding *self)
{
  g_return_val_if_fail (CJM_IS_FINDING (self), NULL);
  return rules[self->rule].name;
}

CjmSeverity
cjm_finding_get_severity (CjmFinding *self)
{
  g_return_val_if_fail (CJM_IS_FINDING (self), CJM_SEVERITY_INFO);
  return rules[self->rule].severity;
}

const char *
cjm_finding_get_message (CjmFinding *self)
{
  g_return_val_if_fail (CJM_IS_FINDING (self), NULL);
  return self->message;
}

const char * const *
cjm_finding_get_targets (CjmFinding *self)
{
  g_return_val_if_fail (CJM_IS_FINDING (self), NULL);
  return (const char * const *) self->targets;
}

gboolean
cjm_finding_get_suppressed (CjmFinding *self)
{
  g_return_val_if_fail (CJM_IS_FINDING (self), FALSE);
  return self->suppressed;
}

gboolean
cjm_finding_has_target (CjmFinding *self,
                        const char *id)
{
  g_return_val_if_fail (CJM_IS_FINDING (self), FALSE);

  if (id == NULL)
    return FALSE;
  return g_strv_contains ((const char * const *) self->targets, id);
}
