/* cjm-priorities.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The view rebuilds the plan (cjm_plan_new()) whenever the document
 * changes, keeps the entries the filters let through, and hands them to
 * the grid and to the action plan list. The list is rebuilt whole: a map
 * has tens of opportunities, not thousands.
 */

#define G_LOG_DOMAIN "CjmPriorities"

#include "config.h"

#include <glib/gi18n.h>

#include "cjm-plan.h"
#include "cjm-priorities.h"

#define RESOURCE_PREFIX "/io/github/journeyman/Journeyman"
#define DRAG_SLOP 6.0
/* The "cjm-horizon" of the done-and-dropped group: no drop there. */
#define CLOSED_GROUP (CJM_HORIZON_NONE + 1)

struct _CjmPriorities
{
  GtkWidget        parent_instance;

  CjmDocument     *document;
  CjmChecker      *checker;
  GPtrArray       *entries;        /* CjmPlanEntry shown, in plan order */
  CjmItem         *selected;
  gboolean         updating_filters;

  /* The filter drop-downs' values: what each position stands for */
  GPtrArray       *filter_keys[4]; /* char *, "" = all */

  /* A drag in the list */
  CjmItem         *pressed;
  double           press_x;
  double           press_y;

  /* Template widgets */
  GtkWidget       *box;
  GtkDropDown     *stage_filter;
  GtkDropDown     *owner_filter;
  GtkDropDown     *status_filter;
  GtkDropDown     *persona_filter;
  GtkLabel        *count_label;
  CjmPriorityGrid *grid;
  GtkBox          *plan_box;
  GtkWidget       *headings[CLOSED_GROUP + 1];
};

G_DEFINE_FINAL_TYPE (CjmPriorities, cjm_priorities, GTK_TYPE_WIDGET)

enum {
  FILTER_STAGE,
  FILTER_OWNER,
  FILTER_STATUS,
  FILTER_PERSONA,
  N_FILTERS
};

enum {
  ITEM_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void refresh (CjmPriorities *self);

/* Filters */

static GtkDropDown *
filter_widget (CjmPriorities *self,
               guint          filter)
{
  GtkDropDown *widgets[] = {
    self->stage_filter, self->owner_filter, self->status_filter, self->persona_filter
  };

  return widgets[filter];
}

static const char *
filter_value (CjmPriorities *self,
              guint          filter)
{
  guint selected = gtk_drop_down_get_selected (filter_widget (self, filter));
  GPtrArray *keys = self->filter_keys[filter];

  if (keys == NULL || selected == GTK_INVALID_LIST_POSITION || selected >= keys->len)
    return "";
  return g_ptr_array_index (keys, selected);
}

/* Sets the choices of a filter (labels and the keys they stand for, the
 * first one "all"), keeping the one chosen when it is still there. */
static void
set_filter_choices (CjmPriorities *self,
                    guint          filter,
                    GPtrArray     *labels,
                    GPtrArray     *keys)
{
  GtkDropDown *dropdown = filter_widget (self, filter);
  g_autofree char *current = g_strdup (filter_value (self, filter));
  GtkStringList *model;
  guint selected = 0;

  if (self->filter_keys[filter] != NULL && keys->len == self->filter_keys[filter]->len)
    {
      gboolean same = TRUE;
      GListModel *old = G_LIST_MODEL (gtk_drop_down_get_model (dropdown));

      for (guint i = 0; i < keys->len && same; i++)
        {
          const char *label = gtk_string_list_get_string (GTK_STRING_LIST (old), i);

          same = g_strcmp0 (g_ptr_array_index (keys, i),
                            g_ptr_array_index (self->filter_keys[filter], i)) == 0
                 && g_strcmp0 (label, g_ptr_array_index (labels, i)) == 0;
        }
      if (same)
        return;
    }

  for (guint i = 0; i < keys->len; i++)
    if (g_strcmp0 (g_ptr_array_index (keys, i), current) == 0)
      selected = i;

  g_ptr_array_add (labels, NULL);
  model = gtk_string_list_new ((const char * const *) labels->pdata);
  g_ptr_array_remove_index (labels, labels->len - 1);

  g_clear_pointer (&self->filter_keys[filter], g_ptr_array_unref);
  self->filter_keys[filter] = g_ptr_array_ref (keys);
  self->updating_filters = TRUE;
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (model));
  gtk_drop_down_set_selected (dropdown, selected);
  self->updating_filters = FALSE;
  g_object_unref (model);
}

static void
update_filter_choices (CjmPriorities *self,
                       GPtrArray     *plan)
{
  const CjmKind kinds[] = { CJM_KIND_STAGE, CJM_KIND_PERSONA };
  const guint filters[] = { FILTER_STAGE, FILTER_PERSONA };
  const char *all[] = { _("All stages"), _("All personas") };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
      GPtrArray *items = self->document ? cjm_document_get_items (self->document, kinds[k]) : NULL;

      g_ptr_array_add (labels, g_strdup (all[k]));
      g_ptr_array_add (keys, g_strdup (""));
      for (guint i = 0; items != NULL && i < items->len; i++)
        {
          CjmItem *item = g_ptr_array_index (items, i);
          const char *name = cjm_item_get_display_text (item);

          if (cjm_item_get_id (item) == NULL)
            continue;
          g_ptr_array_add (labels, cjm_collapse_space (name && *name ? name : cjm_item_get_id (item)));
          g_ptr_array_add (keys, g_strdup (cjm_item_get_id (item)));
        }
      set_filter_choices (self, filters[k], labels, keys);
    }

  {
    g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
    g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
    g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

    g_ptr_array_add (labels, g_strdup (_("All owners")));
    g_ptr_array_add (keys, g_strdup (""));
    g_ptr_array_add (labels, g_strdup (_("No owner")));
    g_ptr_array_add (keys, g_strdup ("\x01"));
    for (guint i = 0; plan != NULL && i < plan->len; i++)
      {
        CjmPlanEntry *entry = g_ptr_array_index (plan, i);
        g_autofree char *key = entry->owner ? cjm_normalize (entry->owner) : NULL;

        if (key == NULL || g_hash_table_contains (seen, key))
          continue;
        g_ptr_array_add (labels, cjm_collapse_space (entry->owner));
        g_ptr_array_add (keys, g_strdup (key));
        g_hash_table_add (seen, g_steal_pointer (&key));
      }
    set_filter_choices (self, FILTER_OWNER, labels, keys);
  }

  {
    g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
    g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);

    g_ptr_array_add (labels, g_strdup (_("All statuses")));
    g_ptr_array_add (keys, g_strdup (""));
    for (guint s = CJM_STATUS_IDEA; s <= CJM_STATUS_DROPPED; s++)
      {
        g_ptr_array_add (labels, g_strdup (cjm_status_get_label (s)));
        g_ptr_array_add (keys, g_strdup (cjm_status_to_string (s)));
      }
    set_filter_choices (self, FILTER_STATUS, labels, keys);
  }
}

/* Whether the opportunity addresses a touchpoint the persona passes. */
static gboolean
passes_persona (CjmPriorities *self,
                CjmPlanEntry  *entry,
                const char    *persona)
{
  g_auto(GStrv) ids = cjm_item_dup_id_list (entry->item, CJM_FIELD_ADDRESSES);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      CjmItem *card = cjm_document_lookup (self->document, ids[i]);
      const char *personas;

      if (card == NULL || cjm_item_get_kind (card) != CJM_KIND_TOUCHPOINT)
        continue;
      personas = cjm_item_get_field (card, CJM_FIELD_PERSONAS);
      if (personas == NULL || *personas == '\0'
          || cjm_item_id_list_contains (card, CJM_FIELD_PERSONAS, persona))
        return TRUE;
    }
  return FALSE;
}

static gboolean
entry_matches (CjmPriorities *self,
               CjmPlanEntry  *entry)
{
  const char *stage = filter_value (self, FILTER_STAGE);
  const char *owner = filter_value (self, FILTER_OWNER);
  const char *status = filter_value (self, FILTER_STATUS);
  const char *persona = filter_value (self, FILTER_PERSONA);

  if (*stage != '\0' && g_strcmp0 (entry->stage, stage) != 0)
    return FALSE;
  if (g_strcmp0 (owner, "\x01") == 0)
    {
      if (entry->owner != NULL)
        return FALSE;
    }
  else if (*owner != '\0')
    {
      g_autofree char *key = entry->owner ? cjm_normalize (entry->owner) : NULL;

      if (g_strcmp0 (key, owner) != 0)
        return FALSE;
    }
  if (*status != '\0' && g_strcmp0 (cjm_status_to_string (entry->status), status) != 0)
    return FALSE;
  if (*persona != '\0' && !passes_persona (self, entry, persona))
    return FALSE;
  return TRUE;
}

/* The action plan list */

static const char *
stage_name (CjmPriorities *self,
            CjmPlanEntry  *entry)
{
  CjmItem *stage = entry->stage ? cjm_document_lookup (self->document, entry->stage) : NULL;

  return stage ? cjm_item_get_display_text (stage) : entry->stage;
}

static GtkWidget *
make_heading (CjmPriorities *self,
              guint          group,
              const char    *title)
{
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 14);
  gtk_widget_set_margin_bottom (label, 4);
  g_object_set_data (G_OBJECT (label), "cjm-horizon", GUINT_TO_POINTER (group + 1));
  self->headings[group] = label;
  return label;
}

static char *
value_text (int value)
{
  return value > 0 ? g_strdup_printf ("%d", value) : g_strdup ("–");
}

static GtkWidget *
make_row (CjmPriorities *self,
          CjmPlanEntry  *entry,
          guint          rank,
          guint          group)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *rank_label, *title, *status, *details;
  g_autofree char *rank_text = g_strdup_printf ("%u", rank);
  g_autofree char *impact = value_text (entry->impact);
  g_autofree char *effort = value_text (entry->effort);
  g_autofree char *text = NULL;
  g_autofree char *due = NULL;
  const char *stage = stage_name (self, entry);

  rank_label = gtk_label_new (rank_text);
  gtk_widget_add_css_class (rank_label, "numeric");
  gtk_widget_add_css_class (rank_label, "dim-label");
  gtk_label_set_width_chars (GTK_LABEL (rank_label), 3);
  gtk_label_set_xalign (GTK_LABEL (rank_label), 1);
  title = gtk_label_new (entry->title ? entry->title : "");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  status = gtk_label_new (cjm_status_get_label (entry->status));
  gtk_widget_add_css_class (status, "caption");
  gtk_widget_add_css_class (status, "plan-status");
  gtk_widget_add_css_class (status, cjm_status_to_string (entry->status));
  gtk_box_append (GTK_BOX (line), rank_label);
  gtk_box_append (GTK_BOX (line), title);
  gtk_box_append (GTK_BOX (line), status);

  if (entry->due != NULL)
    /* Translators: the due date in the action plan */
    due = g_strdup_printf (_("due %s"), entry->due);
  /* Translators: a row of the action plan: quadrant, impact, effort,
   * reach, owner, due date and stage */
  text = g_strdup_printf (_("%s · impact %s · effort %s · reach %u · %s%s%s · %s"),
                          cjm_quadrant_get_label (entry->quadrant), impact, effort, entry->reach,
                          entry->owner ? entry->owner : _("no owner"),
                          due ? " · " : "", due ? due : "", stage ? stage : "");
  details = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (details), 0);
  gtk_label_set_wrap (GTK_LABEL (details), TRUE);
  gtk_widget_add_css_class (details, "caption");
  gtk_widget_add_css_class (details, "dim-label");
  gtk_widget_set_margin_start (details, 36);

  gtk_box_append (GTK_BOX (row), line);
  gtk_box_append (GTK_BOX (row), details);
  gtk_widget_set_margin_start (row, 6);
  gtk_widget_set_margin_end (row, 12);
  gtk_widget_set_margin_top (row, 3);
  gtk_widget_set_margin_bottom (row, 3);
  gtk_widget_add_css_class (row, "plan-row");
  if (entry->item == self->selected)
    gtk_widget_add_css_class (row, "selected");
  gtk_widget_set_tooltip_text (row, entry->title);
  g_object_set_data_full (G_OBJECT (row), "cjm-item", g_object_ref (entry->item), g_object_unref);
  g_object_set_data (G_OBJECT (row), "cjm-horizon", GUINT_TO_POINTER (group + 1));
  return row;
}

static void
rebuild_list (CjmPriorities *self)
{
  GtkWidget *child;
  guint rank = 0;
  int group = -1;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->plan_box))) != NULL)
    gtk_box_remove (self->plan_box, child);
  memset (self->headings, 0, sizeof self->headings);

  for (guint i = 0; self->entries != NULL && i < self->entries->len; i++)
    {
      CjmPlanEntry *entry = g_ptr_array_index (self->entries, i);
      int entry_group = entry->open ? (int) entry->horizon : CLOSED_GROUP;

      /* The empty horizon groups are shown too, so a row can be dragged
       * into them. */
      while (group < entry_group)
        {
          group++;
          if (group == CLOSED_GROUP)
            gtk_box_append (self->plan_box, make_heading (self, group, _("Done and dropped")));
          else
            gtk_box_append (self->plan_box, make_heading (self, group, cjm_horizon_get_label (group)));
        }
      rank++;
      gtk_box_append (self->plan_box, make_row (self, entry, rank, group));
    }
  while (group < (int) CJM_HORIZON_NONE)
    {
      group++;
      gtk_box_append (self->plan_box, make_heading (self, group, cjm_horizon_get_label (group)));
    }
}

/* Refreshing */

static void
refresh (CjmPriorities *self)
{
  g_autoptr(GPtrArray) plan = self->document ? cjm_plan_new (self->document) : NULL;
  g_autofree char *count = NULL;
  guint total = plan ? plan->len : 0;

  update_filter_choices (self, plan);
  for (guint i = plan ? plan->len : 0; i > 0; i--)
    if (!entry_matches (self, g_ptr_array_index (plan, i - 1)))
      g_ptr_array_remove_index (plan, i - 1);

  g_clear_pointer (&self->entries, g_ptr_array_unref);
  self->entries = plan ? g_ptr_array_ref (plan) : NULL;
  if (self->selected != NULL
      && (self->document == NULL || cjm_document_index_of (self->document, self->selected) < 0))
    g_clear_object (&self->selected);

  cjm_priority_grid_set_entries (self->grid, self->entries);
  cjm_priority_grid_set_selected (self->grid, self->selected);
  rebuild_list (self);

  /* Translators: how many opportunities the filters show, of all */
  count = g_strdup_printf (_("%u of %u"), self->entries ? self->entries->len : 0, total);
  gtk_label_set_label (self->count_label, count);
}

/* Callbacks */

static void
on_document_changed (CjmPriorities *self)
{
  refresh (self);
}

static void
on_checker_items_changed (CjmPriorities *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self->grid));
}

static void
on_filter_changed (CjmPriorities *self)
{
  if (!self->updating_filters)
    refresh (self);
}

static void
on_grid_activated (CjmPriorities *self,
                   CjmItem       *item)
{
  g_set_object (&self->selected, item);
  rebuild_list (self);
  g_signal_emit (self, signals[ITEM_ACTIVATED], 0, item);
}

/* The widget of the list under x, y (plan_box coordinates) that carries
 * @key, or NULL. */
static GtkWidget *
list_widget_at (CjmPriorities *self,
                double         x,
                double         y,
                const char    *key)
{
  GtkWidget *widget = gtk_widget_pick (GTK_WIDGET (self->plan_box), x, y, GTK_PICK_DEFAULT);

  for (; widget != NULL && widget != GTK_WIDGET (self->plan_box);
       widget = gtk_widget_get_parent (widget))
    if (g_object_get_data (G_OBJECT (widget), key) != NULL)
      return widget;
  return NULL;
}

static void
on_list_drag_begin (GtkGestureDrag *gesture,
                    double          x,
                    double          y,
                    CjmPriorities  *self)
{
  GtkWidget *row = list_widget_at (self, x, y, "cjm-item");

  self->press_x = x;
  self->press_y = y;
  g_clear_object (&self->pressed);
  if (row != NULL)
    self->pressed = g_object_ref (g_object_get_data (G_OBJECT (row), "cjm-item"));
  if (row == NULL)
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
}

static void
on_list_drag_end (GtkGestureDrag *gesture,
                  double          dx,
                  double          dy,
                  CjmPriorities  *self)
{
  g_autoptr(CjmItem) item = g_steal_pointer (&self->pressed);
  GtkWidget *target;
  guint group;

  if (item == NULL || self->document == NULL || cjm_document_index_of (self->document, item) < 0)
    return;

  if (dx * dx + dy * dy < DRAG_SLOP * DRAG_SLOP)
    {
      on_grid_activated (self, item);
      cjm_priority_grid_set_selected (self->grid, item);
      return;
    }

  target = list_widget_at (self, self->press_x + dx, self->press_y + dy, "cjm-horizon");
  if (target == NULL)
    return;
  group = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (target), "cjm-horizon")) - 1;
  if (group >= CLOSED_GROUP)
    return;
  if (cjm_plan_get_horizon (item) == (CjmHorizon) group
      && (group != CJM_HORIZON_NONE || cjm_item_get_field (item, CJM_FIELD_HORIZON) == NULL))
    return;

  /* Translators: the undo label of dragging an action to another horizon */
  cjm_document_begin_group (self->document, _("Set horizon"));
  cjm_document_set_field (self->document, item, CJM_FIELD_HORIZON,
                          cjm_horizon_to_string (group));
  cjm_document_end_group (self->document);
}

/* GObject */

static void
cjm_priorities_dispose (GObject *object)
{
  CjmPriorities *self = CJM_PRIORITIES (object);

  cjm_priorities_set_document (self, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CJM_TYPE_PRIORITIES);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_object (&self->selected);
  g_clear_object (&self->pressed);
  for (guint i = 0; i < N_FILTERS; i++)
    g_clear_pointer (&self->filter_keys[i], g_ptr_array_unref);

  G_OBJECT_CLASS (cjm_priorities_parent_class)->dispose (object);
}

static void
cjm_priorities_class_init (CjmPrioritiesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cjm_priorities_dispose;

  /* An opportunity was chosen in the grid or the list. */
  signals[ITEM_ACTIVATED] = g_signal_new ("item-activated", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, CJM_TYPE_ITEM);

  g_type_ensure (CJM_TYPE_PRIORITY_GRID);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/cjm-priorities.ui");
  gtk_widget_class_bind_template_child (widget_class, CjmPriorities, box);
  gtk_widget_class_bind_template_child (widget_class, CjmPriorities, stage_filter);
  gtk_widget_class_bind_template_child (widget_class, CjmPriorities, owner_filter);
  gtk_widget_class_bind_template_child (widget_class, CjmPriorities, status_filter);
  gtk_widget_class_bind_template_child (widget_class, CjmPriorities, persona_filter);
  gtk_widget_class_bind_template_child (widget_class, CjmPriorities, count_label);
  gtk_widget_class_bind_template_child (widget_class, CjmPriorities, grid);
  gtk_widget_class_bind_template_child (widget_class, CjmPriorities, plan_box);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "priorities");
}

static void
cjm_priorities_init (CjmPriorities *self)
{
  GtkGesture *drag;

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < N_FILTERS; i++)
    g_signal_connect_object (filter_widget (self, i), "notify::selected",
                             G_CALLBACK (on_filter_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->grid, "activated", G_CALLBACK (on_grid_activated), self,
                           G_CONNECT_SWAPPED);

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_list_drag_begin), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_list_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self->plan_box), GTK_EVENT_CONTROLLER (drag));

  refresh (self);
}

/* Public API */

GtkWidget *
cjm_priorities_new (void)
{
  return g_object_new (CJM_TYPE_PRIORITIES, NULL);
}

void
cjm_priorities_set_document (CjmPriorities *self,
                             CjmDocument   *document,
                             CjmChecker    *checker)
{
  g_return_if_fail (CJM_IS_PRIORITIES (self));

  if (self->document == document && self->checker == checker)
    return;
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (self->document, on_document_changed, self);
  if (self->checker != NULL)
    g_signal_handlers_disconnect_by_func (self->checker, on_checker_items_changed, self);
  g_set_object (&self->document, document);
  g_set_object (&self->checker, checker);
  g_clear_object (&self->selected);
  if (document != NULL)
    g_signal_connect_object (document, "changed", G_CALLBACK (on_document_changed), self,
                             G_CONNECT_SWAPPED);
  if (checker != NULL)
    g_signal_connect_object (checker, "items-changed", G_CALLBACK (on_checker_items_changed), self,
                             G_CONNECT_SWAPPED);
  if (self->grid == NULL)
    return;   /* disposed */
  cjm_priority_grid_set_document (self->grid, document, checker);
  refresh (self);
}

CjmPriorityGrid *
cjm_priorities_get_grid (CjmPriorities *self)
{
  g_return_val_if_fail (CJM_IS_PRIORITIES (self), NULL);
  return self->grid;
}

void
cjm_priorities_select (CjmPriorities *self,
                       CjmItem       *item)
{
  g_return_if_fail (CJM_IS_PRIORITIES (self));

  if (item != NULL && cjm_item_get_kind (item) != CJM_KIND_OPPORTUNITY)
    item = NULL;
  if (self->selected == item)
    return;
  g_set_object (&self->selected, item);
  cjm_priority_grid_set_selected (self->grid, item);
  rebuild_list (self);
}

GtkDropDown *
cjm_priorities_get_filter (CjmPriorities *self,
                           const char    *name)
{
  const char *names[] = { "stage", "owner", "status", "persona" };

  g_return_val_if_fail (CJM_IS_PRIORITIES (self), NULL);

  for (guint i = 0; i < N_FILTERS; i++)
    if (g_strcmp0 (names[i], name) == 0)
      return filter_widget (self, i);
  return NULL;
}

GPtrArray *
cjm_priorities_dup_rows (CjmPriorities *self)
{
  GPtrArray *rows = g_ptr_array_new ();

  g_return_val_if_fail (CJM_IS_PRIORITIES (self), rows);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->plan_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (g_object_get_data (G_OBJECT (child), "cjm-item") != NULL)
      g_ptr_array_add (rows, child);
  return rows;
}

GtkWidget *
cjm_priorities_get_heading (CjmPriorities *self,
                            int            horizon)
{
  g_return_val_if_fail (CJM_IS_PRIORITIES (self), NULL);
  g_return_val_if_fail (horizon >= 0 && horizon <= CLOSED_GROUP, NULL);
  return self->headings[horizon];
}
