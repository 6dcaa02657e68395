/* cjm-inspector-pages.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rows the inspector shows for each kind of item, and for the map
 * itself (its fields, personas and glossary).
 */

#define G_LOG_DOMAIN "CjmInspector"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cjm-edit.h"
#include "cjm-inspector-private.h"
#include "cjm-plan.h"

/* What an add or remove button of a list works on. */
typedef struct {
  CjmInspector *self;
  CjmItem      *item;
  CjmListKind   list;
  guint         index;
} ListTarget;

static const char *persona_colors[] = {
  "#3584e4", "#e66100", "#2ec27e", "#9141ac", "#c01c28", "#f5c211", "#865e3c", "#1c71d8",
};

/* Rows */

static void
list_target_free (gpointer data)
{
  ListTarget *target = data;

  g_clear_object (&target->item);
  g_free (target);
}

static ListTarget *
list_target_new (CjmInspector *self,
                 CjmItem      *item,
                 CjmListKind   list,
                 guint         index)
{
  ListTarget *target = g_new0 (ListTarget, 1);

  target->self = self;
  target->item = g_object_ref (item);
  target->list = list;
  target->index = index;
  return target;
}

static void
add_to (GtkWidget *parent,
        GtkWidget *row)
{
  if (ADW_IS_PREFERENCES_GROUP (parent))
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (parent), row);
  else if (ADW_IS_EXPANDER_ROW (parent))
    adw_expander_row_add_row (ADW_EXPANDER_ROW (parent), row);
  else
    gtk_box_append (GTK_BOX (parent), row);
}

static GtkWidget *
add_group (GtkWidget  *page,
           const char *title,
           const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  if (title != NULL)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_box_append (GTK_BOX (page), group);
  return group;
}

static GtkWidget *
text_row (CjmInspector *self,
          GtkWidget    *parent,
          CjmItem      *item,
          CjmField      field,
          const char   *title,
          gboolean      keep_empty)
{
  GtkWidget *row = adw_entry_row_new ();
  Binding *binding;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  add_to (parent, row);
  binding = _cjm_inspector_bind (self, BINDING_TEXT, item, field, row);
  binding->keep_empty = keep_empty;
  return row;
}

static void
collect_values (GHashTable  *seen,
                GPtrArray   *values,
                const char  *value)
{
  g_autofree char *key = NULL;

  if (value == NULL || *value == '\0')
    return;
  key = cjm_normalize (value);
  if (*key == '\0' || g_hash_table_contains (seen, key))
    return;
  g_hash_table_add (seen, g_steal_pointer (&key));
  g_ptr_array_add (values, (gpointer) value);
}

static int
compare_collated (gconstpointer a,
                  gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
completion_match (GtkEntryCompletion *completion,
                  const char         *key,
                  GtkTreeIter        *iter,
                  gpointer            user_data)
{
  GtkTreeModel *model = gtk_entry_completion_get_model (completion);
  g_autofree char *value = NULL;
  g_autofree char *normalized = NULL;
  g_autofree char *wanted = NULL;

  gtk_tree_model_get (model, iter, 0, &value, -1);
  normalized = cjm_normalize (value);
  wanted = cjm_normalize (key);
  return *wanted == '\0' || strstr (normalized, wanted) != NULL;
}

static gboolean
on_completion_match_selected (GtkEntryCompletion *completion,
                              GtkTreeModel       *model,
                              GtkTreeIter        *iter,
                              Binding            *binding)
{
  g_autofree char *value = NULL;

  gtk_tree_model_get (model, iter, 0, &value, -1);
  gtk_editable_set_text (GTK_EDITABLE (binding->widget), value);
  gtk_editable_set_position (GTK_EDITABLE (binding->widget), -1);
  _cjm_inspector_binding_commit (binding);
  return TRUE;
}

/* An entry that completes from the values other items of the map use. */
static GtkWidget *
completion_row (CjmInspector      *self,
                GtkWidget         *parent,
                CjmItem           *item,
                CjmField           field,
                const char        *title,
                const char        *placeholder,
                const CjmKind     *kinds,
                const char * const *extra)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *entry = gtk_entry_new ();
  g_autoptr(GtkEntryCompletion) completion = gtk_entry_completion_new ();
  g_autoptr(GtkListStore) store = gtk_list_store_new (1, G_TYPE_STRING);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  Binding *binding;

  for (guint k = 0; kinds[k] != CJM_KIND_MAP; k++)
    {
      GPtrArray *items = cjm_document_get_items (self->document, kinds[k]);

      for (guint i = 0; i < items->len; i++)
        collect_values (seen, values, cjm_item_get_field (g_ptr_array_index (items, i), field));
    }
  for (guint i = 0; extra != NULL && extra[i] != NULL; i++)
    collect_values (seen, values, extra[i]);
  g_ptr_array_sort (values, compare_collated);
  for (guint i = 0; i < values->len; i++)
    gtk_list_store_insert_with_values (store, NULL, -1, 0, g_ptr_array_index (values, i), -1);

  gtk_entry_completion_set_model (completion, GTK_TREE_MODEL (store));
  gtk_entry_completion_set_text_column (completion, 0);
  gtk_entry_completion_set_minimum_key_length (completion, 1);
  gtk_entry_completion_set_match_func (completion, completion_match, NULL, NULL);
  gtk_entry_set_completion (GTK_ENTRY (entry), completion);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  /* A fixed share of the row: the title keeps its room, unwrapped. */
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 14);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), 14);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), entry);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), entry);
  add_to (parent, row);

  binding = _cjm_inspector_bind (self, BINDING_TEXT, item, field, entry);
  g_signal_connect_data (completion, "match-selected", G_CALLBACK (on_completion_match_selected),
                         g_rc_box_acquire (binding), _cjm_inspector_binding_closure_notify, 0);
  return row;
}

/* A choice among @labels; @values are what the file stores ("" = unset).
 * A value the file has but the choices do not list is shown as it is. */
static GtkWidget *
choice_row (CjmInspector       *self,
            GtkWidget          *parent,
            CjmItem            *item,
            CjmField            field,
            const char         *title,
            const char * const *labels,
            const char * const *values)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char *current = cjm_item_get_field (item, field);
  Binding *binding;

  for (guint i = 0; labels[i] != NULL; i++)
    {
      gtk_string_list_append (model, labels[i]);
      g_strv_builder_add (builder, values[i]);
    }
  if (!g_strv_contains (values, current ? current : ""))
    {
      /* Translators: a value in the file that is not one of the choices */
      g_autofree char *label = g_strdup_printf (_("“%s” (from the file)"), current);

      gtk_string_list_append (model, label);
      g_strv_builder_add (builder, current);
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  add_to (parent, row);

  binding = _cjm_inspector_bind (self, BINDING_CHOICE, item, field, row);
  binding->values = g_strv_builder_end (builder);
  return row;
}

static GtkWidget *
switch_row (CjmInspector *self,
            GtkWidget    *parent,
            CjmItem      *item,
            CjmField      field,
            const char   *title,
            const char   *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  add_to (parent, row);
  _cjm_inspector_bind (self, BINDING_SWITCH, item, field, toggle);
  return row;
}

static GtkWidget *
spin_row (CjmInspector *self,
          GtkWidget    *parent,
          CjmItem      *item,
          CjmField      field,
          const char   *title,
          const char   *subtitle,
          int           min,
          int           max,
          int           unset)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (min, max, 1);
  Binding *binding;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), unset);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  add_to (parent, row);
  binding = _cjm_inspector_bind (self, BINDING_SPIN, item, field, spin);
  binding->index = unset;
  return row;
}

static GtkWidget *
color_row (CjmInspector *self,
           GtkWidget    *parent,
           CjmItem      *item,
           CjmField      field,
           const char   *title)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_color_button_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_color_chooser_set_use_alpha (GTK_COLOR_CHOOSER (button), FALSE);
  gtk_color_button_set_modal (GTK_COLOR_BUTTON (button), TRUE);
  gtk_color_button_set_title (GTK_COLOR_BUTTON (button), title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  add_to (parent, row);
  _cjm_inspector_bind (self, BINDING_COLOR, item, field, button);
  return row;
}

static void
title_binding (CjmInspector *self,
               GtkWidget    *row,
               CjmItem      *item,
               CjmField      field,
               const char   *fallback,
               gboolean      subtitle)
{
  Binding *binding = _cjm_inspector_bind (self, BINDING_TITLE, item, field, row);

  binding->fallback = g_strdup (fallback);
  binding->subtitle = subtitle;
}

static const char *
display_name (CjmItem *item)
{
  const char *text = cjm_item_get_display_text (item);

  return text && *text ? text : cjm_item_get_id (item);
}

/* A choice of stage or lane by id, listed by name. */
static GtkWidget *
ref_row (CjmInspector *self,
         GtkWidget    *parent,
         CjmItem      *item,
         CjmField      field,
         const char   *title)
{
  CjmKind ref_kind = field == CJM_FIELD_STAGE ? CJM_KIND_STAGE : CJM_KIND_LANE;
  GPtrArray *refs = cjm_document_get_items (self->document, ref_kind);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  const char *current = cjm_item_get_field (item, field);

  for (guint i = 0; i < refs->len; i++)
    {
      CjmItem *ref = g_ptr_array_index (refs, i);
      const char *id = cjm_item_get_id (ref);

      if (id == NULL)
        continue;
      /* A card goes to the lanes that hold its kind (and stays listed
       * where it is, even in a lane of another kind). */
      if (ref_kind == CJM_KIND_LANE
          && cjm_lane_kind_holds (cjm_item_get_lane_kind (ref)) != cjm_item_get_kind (item)
          && g_strcmp0 (id, current) != 0)
        continue;
      g_ptr_array_add (labels, (gpointer) display_name (ref));
      g_ptr_array_add (values, (gpointer) id);
    }
  if (current == NULL)
    {
      g_ptr_array_add (labels, ref_kind == CJM_KIND_STAGE ? _("No stage") : _("No lane"));
      g_ptr_array_add (values, "");
    }
  g_ptr_array_add (labels, NULL);
  g_ptr_array_add (values, NULL);

  return choice_row (self, parent, item, field, title,
                     (const char * const *) labels->pdata, (const char * const *) values->pdata);
}

/* Check rows for the ids of @candidates (and ids the list has that are
 * not among them) in a space-separated list field. */
static GtkWidget *
id_checks (CjmInspector *self,
           GtkWidget    *parent,
           CjmItem      *item,
           CjmField      field,
           const char   *title,
           const char   *fallback,
           GPtrArray    *candidates,
           gboolean      with_lane)
{
  GtkWidget *expander = adw_expander_row_new ();
  g_auto(GStrv) ids = cjm_item_dup_id_list (item, field);
  g_autofree char *key = g_strdup_printf ("%p/checks%u", item, field);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
  title_binding (self, expander, item, field, fallback, TRUE);
  _cjm_inspector_track_expanded (self, ADW_EXPANDER_ROW (expander), key);
  add_to (parent, expander);

  for (guint i = 0; i < candidates->len; i++)
    {
      CjmItem *candidate = g_ptr_array_index (candidates, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      Binding *binding;

      title_binding (self, row, candidate, cjm_kind_get_title_field (cjm_item_get_kind (candidate)),
                     cjm_item_get_id (candidate), FALSE);
      if (with_lane)
        {
          CjmItem *lane = cjm_document_lookup (self->document,
                                               cjm_item_get_field (candidate, CJM_FIELD_LANE));

          if (lane != NULL)
            adw_action_row_set_subtitle (ADW_ACTION_ROW (row), display_name (lane));
        }
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);

      binding = _cjm_inspector_bind (self, BINDING_ID_CHECK, item, field, check);
      binding->id = g_strdup (cjm_item_get_id (candidate));
    }

  /* Ids that name nothing in the map: shown, so they can be unchecked. */
  for (guint i = 0; ids[i] != NULL; i++)
    {
      gboolean known = FALSE;
      GtkWidget *row, *check;
      Binding *binding;

      for (guint j = 0; j < candidates->len && !known; j++)
        known = g_strcmp0 (cjm_item_get_id (g_ptr_array_index (candidates, j)), ids[i]) == 0;
      if (known)
        continue;

      row = adw_action_row_new ();
      check = gtk_check_button_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ids[i]);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Not in this map"));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
      binding = _cjm_inspector_bind (self, BINDING_ID_CHECK, item, field, check);
      binding->id = g_strdup (ids[i]);
    }

  return expander;
}

/* Lists: facts, KPIs, data sources, synonyms */

static gpointer
new_list_entry (CjmListKind list)
{
  switch (list)
    {
    case CJM_LIST_FACTS:
      return cjm_fact_new (_("New fact"), NULL);
    case CJM_LIST_KPIS:
      return cjm_kpi_new (_("New KPI"), NULL, NULL, NULL, NULL);
    case CJM_LIST_DATA_SOURCES:
      return cjm_text_new (_("New data source"));
    case CJM_LIST_SYNONYMS:
      return cjm_text_new (_("New synonym"));
    case CJM_LIST_SCORES:
      return cjm_score_new (_("New role"), NULL, NULL, NULL);
    case CJM_N_LISTS:
    default:
      g_assert_not_reached ();
    }
}

static void
on_list_add_clicked (GtkButton  *button,
                     ListTarget *target)
{
  CjmInspector *self = target->self;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *focus_key = NULL;
  g_autofree char *expander_key = NULL;

  if (self->document == NULL || cjm_document_index_of (self->document, target->item) < 0)
    return;

  list = cjm_list_copy (target->list, cjm_item_get_list (target->item, target->list));
  g_ptr_array_add (list, new_list_entry (target->list));

  /* The new entry opens with its first field focused and selected, so
   * typing replaces the suggested text. */
  focus_key = g_strdup_printf ("%p/list%u/%u/%u", target->item, target->list, list->len - 1, 0);
  expander_key = g_strdup_printf ("%p/list%u/%u", target->item, target->list, list->len - 1);
  g_hash_table_add (self->expanded, g_steal_pointer (&expander_key));
  _cjm_inspector_focus_after (self, focus_key, TRUE);

  cjm_document_set_list (self->document, target->item, target->list, list);
}

static void
on_list_remove_clicked (GtkButton  *button,
                        ListTarget *target)
{
  CjmInspector *self = target->self;
  g_autoptr(GPtrArray) list = NULL;

  if (self->document == NULL || cjm_document_index_of (self->document, target->item) < 0)
    return;

  list = cjm_list_copy (target->list, cjm_item_get_list (target->item, target->list));
  if (target->index >= list->len)
    return;
  g_ptr_array_remove_index (list, target->index);
  cjm_document_set_list (self->document, target->item, target->list, list);
}

static GtkWidget *
list_button (CjmInspector *self,
             CjmItem      *item,
             CjmListKind   list,
             guint         index,
             gboolean      add,
             const char   *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (add ? "list-add-symbolic" : "user-trash-symbolic");
  ListTarget *target = list_target_new (self, item, list, index);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data_full (G_OBJECT (button), "cjm-list-target", target, list_target_free);
  g_signal_connect (button, "clicked",
                    add ? G_CALLBACK (on_list_add_clicked) : G_CALLBACK (on_list_remove_clicked),
                    target);
  return button;
}

static GtkWidget *
list_entry (CjmInspector *self,
            CjmItem      *item,
            CjmListKind   list,
            guint         index,
            guint         part,
            GtkWidget    *editable)
{
  GPtrArray *entries = cjm_item_get_list (item, list);
  gpointer entry = g_ptr_array_index (entries, index);
  const char *text = NULL;
  Binding *binding;

  switch (list)
    {
    case CJM_LIST_FACTS:
      text = part == 0 ? ((CjmFact *) entry)->key : ((CjmFact *) entry)->value;
      break;
    case CJM_LIST_KPIS:
      {
        CjmKpi *kpi = entry;
        const char *parts[] = { kpi->name, kpi->value, kpi->unit, kpi->target, kpi->source };
        text = parts[part];
      }
      break;
    case CJM_LIST_SCORES:
      text = part == 0 ? ((CjmScore *) entry)->role : ((CjmScore *) entry)->text;
      break;
    case CJM_LIST_DATA_SOURCES:
    case CJM_LIST_SYNONYMS:
    case CJM_N_LISTS:
    default:
      text = ((CjmText *) entry)->text;
      break;
    }

  gtk_editable_set_text (GTK_EDITABLE (editable), text ? text : "");
  binding = _cjm_inspector_bind (self, BINDING_LIST_TEXT, item, 0, editable);
  binding->list = list;
  binding->index = index;
  binding->part = part;
  return editable;
}

static void
facts_group (CjmInspector *self,
             GtkWidget    *page,
             CjmItem      *item)
{
  GtkWidget *group = add_group (page, _("Facts"),
                                _("What this channel tells the customer: a price, a fee, a delay, a policy"));
  GPtrArray *facts = cjm_item_get_list (item, CJM_LIST_FACTS);

  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group),
                                           list_button (self, item, CJM_LIST_FACTS, 0, TRUE,
                                                        _("Add Fact")));
  for (guint i = 0; i < facts->len; i++)
    {
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *key = gtk_entry_new ();
      GtkWidget *value = gtk_entry_new ();

      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_set_margin_start (box, 6);
      gtk_widget_set_margin_end (box, 6);
      gtk_widget_set_margin_top (box, 6);
      gtk_widget_set_margin_bottom (box, 6);
      gtk_entry_set_placeholder_text (GTK_ENTRY (key), _("Fact"));
      gtk_entry_set_placeholder_text (GTK_ENTRY (value), _("Value"));
      gtk_editable_set_width_chars (GTK_EDITABLE (key), 4);
      gtk_editable_set_width_chars (GTK_EDITABLE (value), 4);
      gtk_widget_set_hexpand (key, TRUE);
      gtk_widget_set_hexpand (value, TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (key), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Fact"), -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (value), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Value"), -1);
      gtk_box_append (GTK_BOX (box), list_entry (self, item, CJM_LIST_FACTS, i, 0, key));
      gtk_box_append (GTK_BOX (box), list_entry (self, item, CJM_LIST_FACTS, i, 1, value));
      gtk_box_append (GTK_BOX (box), list_button (self, item, CJM_LIST_FACTS, i, FALSE,
                                                  _("Remove Fact")));
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
}

static void
kpis_group (CjmInspector *self,
            GtkWidget    *page,
            CjmItem      *item)
{
  GtkWidget *group = add_group (page, _("KPIs"), NULL);
  GPtrArray *kpis = cjm_item_get_list (item, CJM_LIST_KPIS);
  const char *titles[] = { N_("Name"), N_("Value"), N_("Unit"), N_("Target"), N_("Source") };

  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group),
                                           list_button (self, item, CJM_LIST_KPIS, 0, TRUE,
                                                        _("Add KPI")));
  for (guint i = 0; i < kpis->len; i++)
    {
      CjmKpi *kpi = g_ptr_array_index (kpis, i);
      GtkWidget *expander = adw_expander_row_new ();
      g_autofree char *key = g_strdup_printf ("%p/list%u/%u", item, CJM_LIST_KPIS, i);
      g_autofree char *subtitle = NULL;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander),
                                     kpi->name && *kpi->name ? kpi->name : _("Unnamed KPI"));
      if (kpi->value != NULL && kpi->target != NULL)
        /* Translators: a KPI's value and its target, e.g. "4.5, target 4.2" */
        subtitle = g_strdup_printf (_("%s, target %s"), kpi->value, kpi->target);
      else if (kpi->value != NULL)
        subtitle = g_strdup (kpi->value);
      if (subtitle != NULL)
        adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (expander),
                                   list_button (self, item, CJM_LIST_KPIS, i, FALSE, _("Remove KPI")));
      _cjm_inspector_track_expanded (self, ADW_EXPANDER_ROW (expander), key);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), expander);

      for (guint part = 0; part < G_N_ELEMENTS (titles); part++)
        {
          GtkWidget *row = adw_entry_row_new ();

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(titles[part]));
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                    list_entry (self, item, CJM_LIST_KPIS, i, part, row));
        }
    }
}

static void
texts_rows (CjmInspector *self,
            GtkWidget    *parent,
            CjmItem      *item,
            CjmListKind   list,
            const char   *title,
            const char   *remove_tooltip)
{
  GPtrArray *texts = cjm_item_get_list (item, list);

  for (guint i = 0; i < texts->len; i++)
    {
      GtkWidget *row = adw_entry_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row),
                                list_button (self, item, list, i, FALSE, remove_tooltip));
      add_to (parent, list_entry (self, item, list, i, 0, row));
    }
}

/* Header: what is shown, and a delete button */

static void
on_delete_clicked (GtkButton    *button,
                   CjmInspector *self)
{
  CjmItem *item = self->item;

  if (item != NULL && self->document != NULL)
    cjm_document_delete_items (self->document, &item, 1);
}

static void
page_header (CjmInspector *self,
             GtkWidget    *page,
             CjmItem      *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *kind = gtk_label_new (cjm_kind_get_label (cjm_item_get_kind (item)));

  gtk_widget_add_css_class (kind, "title-4");
  gtk_label_set_xalign (GTK_LABEL (kind), 0);
  gtk_box_append (GTK_BOX (labels), kind);
  if (cjm_item_get_id (item) != NULL)
    {
      GtkWidget *id = gtk_label_new (cjm_item_get_id (item));

      gtk_widget_add_css_class (id, "caption");
      gtk_widget_add_css_class (id, "dim-label");
      gtk_label_set_xalign (GTK_LABEL (id), 0);
      gtk_label_set_selectable (GTK_LABEL (id), TRUE);
      gtk_label_set_ellipsize (GTK_LABEL (id), PANGO_ELLIPSIZE_MIDDLE);
      gtk_widget_set_tooltip_text (id, _("The identifier other items use to refer to this one"));
      gtk_box_append (GTK_BOX (labels), id);
    }
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_box_append (GTK_BOX (box), labels);

  if (cjm_item_get_kind (item) != CJM_KIND_MAP)
    {
      GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
      /* Translators: %s is the kind of item, e.g. "Touchpoint" */
      g_autofree char *tooltip = g_strdup_printf (_("Delete %s"),
                                                 cjm_kind_get_label (cjm_item_get_kind (item)));

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_widget_add_css_class (button, "flat");
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_delete_clicked), self, 0);
      gtk_box_append (GTK_BOX (box), button);
    }

  gtk_box_append (GTK_BOX (page), box);
}

/* Pages */

static const CjmKind touchpoint_kinds[] = { CJM_KIND_TOUCHPOINT, CJM_KIND_MAP };
static const CjmKind owner_kinds[] = { CJM_KIND_TOUCHPOINT, CJM_KIND_LANE, CJM_KIND_OPPORTUNITY, CJM_KIND_MAP };
static const CjmKind lane_kinds[] = { CJM_KIND_LANE, CJM_KIND_MAP };

static const char *emotion_values[] = { "", "3", "2", "1", "0", "-1", "-2", "-3", NULL };
static const char *score_values[] = { "", "1", "2", "3", "4", "5", NULL };
static const char *evidence_values[] = { "", "observed", "assumed", "proposed", NULL };

static void
emotion_rows (CjmInspector *self,
              GtkWidget    *group,
              CjmItem      *item)
{
  const char *labels[] = {
    _("Not known"),
    _("+3 Very positive"), _("+2 Positive"), _("+1 Slightly positive"),
    _("0 Neutral"),
    _("−1 Slightly negative"), _("−2 Negative"), _("−3 Very negative"),
    NULL
  };
  const char *target_labels[] = {
    _("No target"),
    _("+3 Very positive"), _("+2 Positive"), _("+1 Slightly positive"),
    _("0 Neutral"),
    _("−1 Slightly negative"), _("−2 Negative"), _("−3 Very negative"),
    NULL
  };

  choice_row (self, group, item, CJM_FIELD_EMOTION, _("Emotion"), labels, emotion_values);
  choice_row (self, group, item, CJM_FIELD_TARGET_EMOTION, _("Target Emotion"), target_labels,
              emotion_values);
}

static char *
lane_owner_hint (CjmInspector *self,
                 CjmItem      *item)
{
  CjmItem *lane = cjm_document_lookup (self->document, cjm_item_get_field (item, CJM_FIELD_LANE));
  const char *owner = lane ? cjm_item_get_field (lane, CJM_FIELD_OWNER) : NULL;

  if (owner != NULL && *owner != '\0')
    /* Translators: the placeholder of an empty owner field; %s is the lane's owner */
    return g_strdup_printf (_("%s (from the lane)"), owner);
  return g_strdup (_("Department"));
}

static void
personas_checks (CjmInspector *self,
                 GtkWidget    *group,
                 CjmItem      *item)
{
  GPtrArray *personas = cjm_document_get_items (self->document, CJM_KIND_PERSONA);
  const char *persona_ids = cjm_item_get_field (item, CJM_FIELD_PERSONAS);

  if (personas->len == 0 && (persona_ids == NULL || *persona_ids == '\0'))
    return;
  id_checks (self, group, item, CJM_FIELD_PERSONAS, cjm_kind_get_plural (CJM_KIND_PERSONA),
             _("Every persona"), personas, FALSE);
}

static void
touchpoint_page (CjmInspector *self,
                 GtkWidget    *page,
                 CjmItem      *item)
{
  GtkWidget *group = add_group (page, NULL, NULL);
  g_autofree char *owner_hint = lane_owner_hint (self, item);
  const char *evidence_labels[] = {
    _("Not said"), _("Observed"), _("Assumed"), _("Proposed"), NULL
  };

  text_row (self, group, item, CJM_FIELD_TITLE, _("Title"), TRUE);
  text_row (self, group, item, CJM_FIELD_DESCRIPTION, _("Description"), FALSE);
  completion_row (self, group, item, CJM_FIELD_INTERACTION, _("Interaction"),
                  _("Same step in other channels"), touchpoint_kinds, NULL);
  ref_row (self, group, item, CJM_FIELD_STAGE, _("Stage"));
  ref_row (self, group, item, CJM_FIELD_LANE, _("Channel"));

  group = add_group (page, _("Feeling"), NULL);
  emotion_rows (self, group, item);
  text_row (self, group, item, CJM_FIELD_EMOTION_NOTE, _("Why They Feel So"), FALSE);
  switch_row (self, group, item, CJM_FIELD_MOMENT_OF_TRUTH, _("Moment of Truth"),
              _("A step that decides how the customer sees the company"));

  group = add_group (page, _("Responsibility"), NULL);
  completion_row (self, group, item, CJM_FIELD_OWNER, _("Owner"), owner_hint, owner_kinds, NULL);
  text_row (self, group, item, CJM_FIELD_THIRD_PARTY, _("Third Party"), FALSE);
  choice_row (self, group, item, CJM_FIELD_EVIDENCE, _("Evidence"), evidence_labels, evidence_values);
  personas_checks (self, group, item);

  facts_group (self, page, item);
  kpis_group (self, page, item);

  group = add_group (page, _("Data Sources"), NULL);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group),
                                           list_button (self, item, CJM_LIST_DATA_SOURCES, 0, TRUE,
                                                        _("Add Data Source")));
  texts_rows (self, group, item, CJM_LIST_DATA_SOURCES, _("Data Source"), _("Remove Data Source"));
}

static void
note_page (CjmInspector *self,
           GtkWidget    *page,
           CjmItem      *item)
{
  GtkWidget *group = add_group (page, NULL, NULL);

  text_row (self, group, item, CJM_FIELD_TEXT, _("Text"), TRUE);
  ref_row (self, group, item, CJM_FIELD_STAGE, _("Stage"));
  ref_row (self, group, item, CJM_FIELD_LANE, _("Lane"));
}

/* One role's impact or effort: a drop-down of "–" and 1 … 5. A value the
 * file has that is not one of them is shown as it is. */
static void
on_score_value_selected (GtkDropDown *dropdown,
                         GParamSpec  *pspec,
                         ListTarget  *target)
{
  CjmInspector *self = target->self;
  guint part = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dropdown), "cjm-part"));
  guint selected = gtk_drop_down_get_selected (dropdown);
  g_autoptr(GPtrArray) list = NULL;
  CjmScore *score;
  char **slot;

  if (self->document == NULL || cjm_document_index_of (self->document, target->item) < 0
      || selected == GTK_INVALID_LIST_POSITION)
    return;
  list = cjm_list_copy (CJM_LIST_SCORES, cjm_item_get_list (target->item, CJM_LIST_SCORES));
  if (target->index >= list->len)
    return;
  score = g_ptr_array_index (list, target->index);
  slot = part == 1 ? &score->impact : &score->effort;
  if (selected > 5)
    return;   /* the value from the file, unchanged */
  if (g_strcmp0 (*slot, selected == 0 ? NULL : score_values[selected]) == 0)
    return;
  g_free (*slot);
  *slot = selected == 0 ? NULL : g_strdup (score_values[selected]);
  cjm_document_set_list (self->document, target->item, CJM_LIST_SCORES, list);
}

static GtkWidget *
score_value_dropdown (CjmInspector *self,
                      CjmItem      *item,
                      guint         index,
                      guint         part,
                      const char   *value,
                      const char   *label)
{
  const char *choices[] = { "–", "1", "2", "3", "4", "5", NULL, NULL };
  GtkWidget *dropdown;
  ListTarget *target = list_target_new (self, item, CJM_LIST_SCORES, index);
  guint selected = 0;

  for (guint i = 1; i < 6; i++)
    if (g_strcmp0 (value, score_values[i]) == 0)
      selected = i;
  if (value != NULL && selected == 0)
    {
      choices[6] = value;
      selected = 6;
    }
  dropdown = gtk_drop_down_new_from_strings (choices);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (dropdown, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);
  g_object_set_data (G_OBJECT (dropdown), "cjm-part", GUINT_TO_POINTER (part));
  g_object_set_data_full (G_OBJECT (dropdown), "cjm-list-target", target, list_target_free);
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (on_score_value_selected), target);
  return dropdown;
}

/* The roles' own scores (format 1.1): role, impact, effort and comment,
 * added and removed like facts. */
static void
scores_group (CjmInspector *self,
              GtkWidget    *page,
              CjmItem      *item)
{
  GtkWidget *group = add_group (page, _("Role Scores"),
                                _("Each department's own impact and effort, to see where the team disagrees"));
  GPtrArray *scores = cjm_item_get_list (item, CJM_LIST_SCORES);

  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group),
                                           list_button (self, item, CJM_LIST_SCORES, 0, TRUE,
                                                        _("Add Role Score")));
  for (guint i = 0; i < scores->len; i++)
    {
      CjmScore *score = g_ptr_array_index (scores, i);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *role = gtk_entry_new ();
      GtkWidget *comment = gtk_entry_new ();

      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_set_margin_start (box, 6);
      gtk_widget_set_margin_end (box, 6);
      gtk_widget_set_margin_top (box, 6);
      gtk_widget_set_margin_bottom (box, 6);
      gtk_entry_set_placeholder_text (GTK_ENTRY (role), _("Role"));
      gtk_entry_set_placeholder_text (GTK_ENTRY (comment), _("Comment"));
      gtk_editable_set_width_chars (GTK_EDITABLE (role), 4);
      gtk_widget_set_hexpand (role, TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (role), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Role"), -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (comment), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Comment"), -1);
      gtk_box_append (GTK_BOX (line), list_entry (self, item, CJM_LIST_SCORES, i, 0, role));
      gtk_box_append (GTK_BOX (line), score_value_dropdown (self, item, i, 1, score->impact,
                                                            _("Impact")));
      gtk_box_append (GTK_BOX (line), score_value_dropdown (self, item, i, 2, score->effort,
                                                            _("Effort")));
      gtk_box_append (GTK_BOX (line), list_button (self, item, CJM_LIST_SCORES, i, FALSE,
                                                   _("Remove Role Score")));
      gtk_box_append (GTK_BOX (box), line);
      gtk_box_append (GTK_BOX (box), list_entry (self, item, CJM_LIST_SCORES, i, 3, comment));
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
}

static void
opportunity_page (CjmInspector *self,
                  GtkWidget    *page,
                  CjmItem      *item)
{
  GtkWidget *group = add_group (page, NULL, NULL);
  const char *stage = cjm_item_get_field (item, CJM_FIELD_STAGE);
  g_autoptr(GPtrArray) candidates = g_ptr_array_new ();
  const char *score_labels[] = {
    _("Not rated"), _("1 Very low"), _("2 Low"), _("3 Medium"), _("4 High"), _("5 Very high"), NULL
  };
  const CjmKind addressable[] = { CJM_KIND_TOUCHPOINT, CJM_KIND_NOTE };
  /* "Not set" (the file's default, idea; not scheduled), then each value */
  const char *status_labels[CJM_STATUS_DROPPED + 3] = { _("Idea (not set)"), };
  const char *status_values[CJM_STATUS_DROPPED + 3] = { "", };
  const char *horizon_labels[CJM_HORIZON_NONE + 2] = { cjm_horizon_get_label (CJM_HORIZON_NONE), };
  const char *horizon_values[CJM_HORIZON_NONE + 2] = { "", };
  GtkWidget *row;

  text_row (self, group, item, CJM_FIELD_TITLE, _("Title"), TRUE);
  text_row (self, group, item, CJM_FIELD_DESCRIPTION, _("Description"), FALSE);
  ref_row (self, group, item, CJM_FIELD_STAGE, _("Stage"));
  ref_row (self, group, item, CJM_FIELD_LANE, _("Lane"));

  group = add_group (page, _("Priority"), NULL);
  choice_row (self, group, item, CJM_FIELD_IMPACT, _("Impact"), score_labels, score_values);
  choice_row (self, group, item, CJM_FIELD_EFFORT, _("Effort"), score_labels, score_values);
  completion_row (self, group, item, CJM_FIELD_OWNER, _("Owner"), _("Department"), owner_kinds, NULL);

  group = add_group (page, _("Plan"), NULL);
  for (guint i = 0; i <= CJM_STATUS_DROPPED; i++)
    {
      status_labels[i + 1] = cjm_status_get_label (i);
      status_values[i + 1] = cjm_status_to_string (i);
    }
  for (guint i = 0; i < CJM_HORIZON_NONE; i++)
    {
      horizon_labels[i + 1] = cjm_horizon_get_label (i);
      horizon_values[i + 1] = cjm_horizon_to_string (i);
    }
  choice_row (self, group, item, CJM_FIELD_STATUS, _("Status"), status_labels, status_values);
  choice_row (self, group, item, CJM_FIELD_HORIZON, _("Horizon"), horizon_labels, horizon_values);
  row = text_row (self, group, item, CJM_FIELD_DUE, _("Due Date"), FALSE);
  gtk_widget_set_tooltip_text (row, _("A calendar date, YYYY-MM-DD"));

  /* What it addresses: the cards of its stage, and whatever it already
   * names elsewhere. */
  for (guint k = 0; k < G_N_ELEMENTS (addressable); k++)
    {
      GPtrArray *items = cjm_document_get_items (self->document, addressable[k]);

      for (guint i = 0; i < items->len; i++)
        {
          CjmItem *card = g_ptr_array_index (items, i);

          if (cjm_item_get_id (card) == NULL)
            continue;
          if (g_strcmp0 (cjm_item_get_field (card, CJM_FIELD_STAGE), stage) == 0
              || cjm_item_id_list_contains (item, CJM_FIELD_ADDRESSES, cjm_item_get_id (card)))
            g_ptr_array_add (candidates, card);
        }
    }
  id_checks (self, group, item, CJM_FIELD_ADDRESSES, _("Addresses"), _("Nothing yet"),
             candidates, TRUE);

  scores_group (self, page, item);
}

static void
stage_page (CjmInspector *self,
            GtkWidget    *page,
            CjmItem      *item)
{
  GtkWidget *group = add_group (page, NULL, NULL);

  text_row (self, group, item, CJM_FIELD_NAME, _("Name"), TRUE);
  text_row (self, group, item, CJM_FIELD_GOAL, _("Customer Goal"), FALSE);
}

static void
lane_page (CjmInspector *self,
           GtkWidget    *page,
           CjmItem      *item)
{
  GtkWidget *group = add_group (page, NULL, NULL);
  /* Every kind but CJM_LANE_UNKNOWN, and a NULL */
  const char *kind_labels[CJM_N_LANE_KINDS];
  const char *kind_values[CJM_N_LANE_KINDS];
  static const char * const channels[] = {
    "web", "app", "phone", "store", "email", "sms", "chat", "social", "mail", "partner", NULL
  };

  for (guint i = 0; i + 1 < CJM_N_LANE_KINDS; i++)
    {
      kind_labels[i] = cjm_lane_kind_get_label (CJM_LANE_UNKNOWN + 1 + i);
      kind_values[i] = cjm_lane_kind_to_string (CJM_LANE_UNKNOWN + 1 + i);
    }
  kind_labels[CJM_N_LANE_KINDS - 1] = kind_values[CJM_N_LANE_KINDS - 1] = NULL;

  text_row (self, group, item, CJM_FIELD_NAME, _("Name"), TRUE);
  choice_row (self, group, item, CJM_FIELD_LANE_KIND, _("Kind"), kind_labels, kind_values);
  if (cjm_item_get_lane_kind (item) == CJM_LANE_CHANNEL)
    {
      completion_row (self, group, item, CJM_FIELD_CHANNEL, _("Channel Type"),
                      _("web, app, phone, store…"), lane_kinds, channels);
      completion_row (self, group, item, CJM_FIELD_OWNER, _("Owner"),
                      _("Department of its touchpoints"), owner_kinds, NULL);
    }
}

static void
link_page (CjmInspector *self,
           GtkWidget    *page,
           CjmItem      *item)
{
  GtkWidget *group = add_group (page, NULL, NULL);
  const CjmField ends[] = { CJM_FIELD_FROM, CJM_FIELD_TO };
  const char *titles[] = { _("From"), _("To") };

  text_row (self, group, item, CJM_FIELD_LABEL, _("Label"), FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (ends); i++)
    {
      const char *id = cjm_item_get_field (item, ends[i]);
      CjmItem *card = cjm_document_lookup (self->document, id);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), titles[i]);
      gtk_widget_add_css_class (row, "property");
      if (card != NULL)
        title_binding (self, row, card, cjm_kind_get_title_field (cjm_item_get_kind (card)), id,
                       TRUE);
      else
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), id ? id : "");
      add_to (group, row);
    }
}

static void
persona_rows (CjmInspector *self,
              GtkWidget    *parent,
              CjmItem      *persona)
{
  text_row (self, parent, persona, CJM_FIELD_NAME, _("Name"), TRUE);
  color_row (self, parent, persona, CJM_FIELD_COLOR, _("Colour"));
  text_row (self, parent, persona, CJM_FIELD_DESCRIPTION, _("Description"), FALSE);
  text_row (self, parent, persona, CJM_FIELD_GOAL, _("Goal"), FALSE);
}

static void
term_rows (CjmInspector *self,
           GtkWidget    *parent,
           CjmItem      *term)
{
  GtkWidget *row = adw_action_row_new ();

  text_row (self, parent, term, CJM_FIELD_PREFERRED, _("Preferred Term"), TRUE);
  texts_rows (self, parent, term, CJM_LIST_SYNONYMS, _("Synonym"), _("Remove Synonym"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Add Synonym"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             list_button (self, term, CJM_LIST_SYNONYMS, 0, TRUE, _("Add Synonym")));
  add_to (parent, row);
  _cjm_inspector_show_item (self, term);
}

static void
suppression_page (CjmInspector *self,
                  GtkWidget    *page,
                  CjmItem      *item)
{
  GtkWidget *group = add_group (page, NULL, NULL);
  const CjmField fields[] = { CJM_FIELD_RULE, CJM_FIELD_TARGET };
  const char *titles[] = { _("Rule"), _("Target") };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), titles[i]);
      gtk_widget_add_css_class (row, "property");
      title_binding (self, row, item, fields[i], "", TRUE);
      add_to (group, row);
    }
  text_row (self, group, item, CJM_FIELD_TEXT, _("Reason"), TRUE);
}

/* The map: its fields, personas and glossary */

static void
on_add_persona_clicked (GtkButton    *button,
                        CjmInspector *self)
{
  g_autoptr(CjmItem) persona = cjm_item_new (CJM_KIND_PERSONA);
  g_autofree char *id = cjm_document_make_id_for (self->document, CJM_KIND_PERSONA, "persona");
  guint n = cjm_document_get_n_items (self->document, CJM_KIND_PERSONA);
  g_autofree char *focus_key = g_strdup_printf ("%p/field%u", persona, CJM_FIELD_NAME);
  g_autofree char *expander_key = g_strdup_printf ("%p/expander", persona);

  cjm_item_set_initial_field (persona, CJM_FIELD_ID, id);
  cjm_item_set_initial_field (persona, CJM_FIELD_COLOR,
                              persona_colors[n % G_N_ELEMENTS (persona_colors)]);
  cjm_item_set_initial_field (persona, CJM_FIELD_NAME,
                              cjm_kind_get_default_title (CJM_KIND_PERSONA));

  g_hash_table_add (self->expanded, g_steal_pointer (&expander_key));
  _cjm_inspector_focus_after (self, focus_key, TRUE);
  cjm_document_insert_item (self->document, persona, -1);
}

static void
on_add_term_clicked (GtkButton    *button,
                     CjmInspector *self)
{
  g_autoptr(CjmItem) term = cjm_item_new (CJM_KIND_TERM);
  g_autofree char *focus_key = g_strdup_printf ("%p/field%u", term, CJM_FIELD_PREFERRED);
  g_autofree char *expander_key = g_strdup_printf ("%p/expander", term);

  cjm_item_set_initial_field (term, CJM_FIELD_PREFERRED,
                              cjm_kind_get_default_title (CJM_KIND_TERM));

  g_hash_table_add (self->expanded, g_steal_pointer (&expander_key));
  _cjm_inspector_focus_after (self, focus_key, TRUE);
  cjm_document_insert_item (self->document, term, -1);
}

static void
on_remove_item_clicked (GtkButton *button,
                        gpointer   user_data)
{
  CjmInspector *self = user_data;
  CjmItem *item = g_object_get_data (G_OBJECT (button), "cjm-item");

  if (self->document != NULL && cjm_document_index_of (self->document, item) >= 0)
    cjm_document_delete_items (self->document, &item, 1);
}

static GtkWidget *
remove_item_button (CjmInspector *self,
                    CjmItem      *item,
                    const char   *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data_full (G_OBJECT (button), "cjm-item", g_object_ref (item), g_object_unref);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_remove_item_clicked), self, 0);
  return button;
}

static GtkWidget *
add_button (const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("list-add-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static void
map_page (CjmInspector *self,
          GtkWidget    *page,
          CjmItem      *map)
{
  GtkWidget *group = add_group (page, NULL, NULL);
  GPtrArray *personas = cjm_document_get_items (self->document, CJM_KIND_PERSONA);
  GPtrArray *terms = cjm_document_get_items (self->document, CJM_KIND_TERM);
  GtkWidget *button;

  text_row (self, group, map, CJM_FIELD_TITLE, _("Title"), TRUE);
  text_row (self, group, map, CJM_FIELD_DESCRIPTION, _("Description"), FALSE);
  text_row (self, group, map, CJM_FIELD_AUTHOR, _("Author"), FALSE);
  text_row (self, group, map, CJM_FIELD_LANG, _("Language Code"), FALSE);

  group = add_group (page, _("Checker"), NULL);
  spin_row (self, group, map, CJM_FIELD_EMOTION_SPREAD, _("Emotion Spread"),
            _("The gap between channels' emotions at one step that is flagged"), 1, 6, 3);

  group = add_group (page, cjm_kind_get_plural (CJM_KIND_PERSONA),
                     _("The customers this journey follows"));
  button = add_button (_("Add Persona"));
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_add_persona_clicked), self, 0);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), button);
  for (guint i = 0; i < personas->len; i++)
    {
      CjmItem *persona = g_ptr_array_index (personas, i);
      GtkWidget *expander = adw_expander_row_new ();
      g_autofree char *key = g_strdup_printf ("%p/expander", persona);

      title_binding (self, expander, persona, CJM_FIELD_NAME, _("Unnamed persona"), FALSE);
      title_binding (self, expander, persona, CJM_FIELD_GOAL, "", TRUE);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (expander),
                                   remove_item_button (self, persona, _("Remove Persona")));
      _cjm_inspector_track_expanded (self, ADW_EXPANDER_ROW (expander), key);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), expander);
      persona_rows (self, expander, persona);
    }

  group = add_group (page, _("Glossary"),
                     _("The words the map prefers, and the synonyms the checker treats as the same"));
  button = add_button (_("Add Term"));
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_add_term_clicked), self, 0);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), button);
  for (guint i = 0; i < terms->len; i++)
    {
      CjmItem *term = g_ptr_array_index (terms, i);
      GtkWidget *expander = adw_expander_row_new ();
      g_autofree char *key = g_strdup_printf ("%p/expander", term);
      GPtrArray *synonyms = cjm_item_get_list (term, CJM_LIST_SYNONYMS);
      g_autoptr(GString) subtitle = g_string_new (NULL);

      for (guint s = 0; s < synonyms->len; s++)
        {
          if (s > 0)
            g_string_append (subtitle, ", ");
          g_string_append (subtitle, ((CjmText *) g_ptr_array_index (synonyms, s))->text);
        }
      title_binding (self, expander, term, CJM_FIELD_PREFERRED, _("Unnamed term"), FALSE);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle->str);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (expander),
                                   remove_item_button (self, term, _("Remove Term")));
      _cjm_inspector_track_expanded (self, ADW_EXPANDER_ROW (expander), key);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), expander);
      term_rows (self, expander, term);
    }
}

GtkWidget *
_cjm_inspector_build_page (CjmInspector *self,
                           CjmItem      *item)
{
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);

  gtk_widget_set_margin_start (page, 12);
  gtk_widget_set_margin_end (page, 12);
  gtk_widget_set_margin_top (page, 12);
  gtk_widget_set_margin_bottom (page, 18);

  page_header (self, page, item);
  _cjm_inspector_show_item (self, item);

  switch (cjm_item_get_kind (item))
    {
    case CJM_KIND_MAP:
      map_page (self, page, item);
      break;
    case CJM_KIND_TOUCHPOINT:
      touchpoint_page (self, page, item);
      break;
    case CJM_KIND_NOTE:
      note_page (self, page, item);
      break;
    case CJM_KIND_OPPORTUNITY:
      opportunity_page (self, page, item);
      break;
    case CJM_KIND_STAGE:
      stage_page (self, page, item);
      break;
    case CJM_KIND_LANE:
      lane_page (self, page, item);
      break;
    case CJM_KIND_LINK:
      link_page (self, page, item);
      break;
    case CJM_KIND_PERSONA:
      persona_rows (self, add_group (page, NULL, NULL), item);
      break;
    case CJM_KIND_TERM:
      term_rows (self, add_group (page, NULL, NULL), item);
      break;
    case CJM_KIND_SUPPRESSION:
      suppression_page (self, page, item);
      break;
    case CJM_N_KINDS:
    default:
      g_assert_not_reached ();
    }

  return page;
}
