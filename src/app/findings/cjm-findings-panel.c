/* cjm-findings-panel.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CjmFindingsPanel"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cjm-findings-panel.h"

struct _CjmFindingsPanel
{
  GtkWidget       parent_instance;

  CjmChecker     *checker;
  GListStore     *suppressed;

  /* What the list shows: the checker's findings through the filter of
   * the search entry, the severity toggles and the rule drop-down. */
  GtkFilterListModel *filter_model;
  GtkCustomFilter *filter;
  gboolean        show_severity[3];   /* by CjmSeverity */
  char           *rule_filter;        /* a rule id, or NULL for every rule */
  GStrv           search_words;       /* folded; NULL or empty for no search */
  GHashTable     *haystacks;          /* CjmFinding -> its folded searchable text */
  GPtrArray      *rule_ids;           /* the drop-down's rule ids; NULL first (every rule) */
  GtkStringList  *rule_names;         /* and their labels */
  gboolean        updating_rules;
  GtkToggleButton *severity_toggles[3];
  GtkLabel       *severity_counts[3];

  /* Template widgets */
  GtkWidget      *box;
  GtkLabel       *summary_label;
  GtkWidget      *filter_bar;
  GtkSearchEntry *search_entry;
  GtkBox         *severity_box;
  GtkDropDown    *rule_dropdown;
  GtkStack       *stack;
  GtkListView    *list_view;
  GtkNoSelection *selection;
  guint           model_tick;    /* gives the list its model, once shown */
  GHashTable     *bound_items;   /* GtkListItem of the visible list now bound */
  GtkListBox     *suppressed_list;
  GtkToggleButton *suppressed_toggle;
  GtkRevealer    *suppressed_revealer;
};

G_DEFINE_FINAL_TYPE (CjmFindingsPanel, cjm_findings_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHECKER,
  N_PROPS
};

enum {
  FINDING_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Static helpers */

static const char *
severity_icon (CjmSeverity severity)
{
  switch (severity)
    {
    case CJM_SEVERITY_ERROR:
      return "dialog-error-symbolic";
    case CJM_SEVERITY_WARNING:
      return "dialog-warning-symbolic";
    case CJM_SEVERITY_INFO:
    default:
      return "dialog-information-symbolic";
    }
}

static const char *
severity_class (CjmSeverity severity)
{
  switch (severity)
    {
    case CJM_SEVERITY_ERROR:
      return "error";
    case CJM_SEVERITY_WARNING:
      return "warning";
    case CJM_SEVERITY_INFO:
    default:
      return "accent";
    }
}

static void
on_suppress_entry_activate (GtkEntry *entry,
                            gpointer  user_data)
{
  CjmFindingsPanel *self = CJM_FINDINGS_PANEL (user_data);
  CjmFinding *finding = g_object_get_data (G_OBJECT (entry), "cjm-finding");
  g_autoptr(CjmFinding) hold = g_object_ref (finding);
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (entry), GTK_TYPE_POPOVER);

  if (*reason == '\0')
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      gtk_widget_grab_focus (GTK_WIDGET (entry));
      return;
    }

  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
  if (self->checker != NULL)
    cjm_checker_suppress (self->checker, hold, reason);
}

static void
on_suppress_button_clicked (GtkButton *button,
                            gpointer   user_data)
{
  GtkEntry *entry = g_object_get_data (G_OBJECT (button), "cjm-entry");

  on_suppress_entry_activate (entry, user_data);
}

static void
on_restore_clicked (GtkButton *button,
                    gpointer   user_data)
{
  CjmFindingsPanel *self = CJM_FINDINGS_PANEL (user_data);
  CjmFinding *finding = g_object_get_data (G_OBJECT (button), "cjm-finding");
  g_autoptr(CjmFinding) hold = g_object_ref (finding);

  if (self->checker != NULL)
    cjm_checker_unsuppress (self->checker, hold);
}

/* The reason a suppress element gives for this finding, or NULL. */
static const char *
find_suppression_reason (CjmFindingsPanel *self,
                         CjmFinding       *finding)
{
  CjmDocument *document;
  GPtrArray *suppressions;

  if (self->checker == NULL)
    return NULL;

  document = cjm_checker_get_document (self->checker);
  suppressions = cjm_document_get_items (document, CJM_KIND_SUPPRESSION);
  for (guint i = 0; i < suppressions->len; i++)
    {
      CjmItem *item = g_ptr_array_index (suppressions, i);

      if (g_strcmp0 (cjm_item_get_field (item, CJM_FIELD_RULE), cjm_finding_get_rule (finding)) == 0
          && cjm_finding_has_target (finding, cjm_item_get_field (item, CJM_FIELD_TARGET)))
        return cjm_item_get_field (item, CJM_FIELD_TEXT);
    }
  return NULL;
}

static GtkWidget *
build_suppress_popover (CjmFindingsPanel *self,
                        CjmFinding       *finding)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (_("Why is this finding not a problem?"));
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Suppress"));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason, saved in the map"));
  gtk_widget_set_size_request (entry, 240, -1);
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_set_name (entry, "suppress-reason");
  gtk_widget_set_name (button, "suppress-confirm");

  g_object_set_data_full (G_OBJECT (entry), "cjm-finding", g_object_ref (finding), g_object_unref);
  g_object_set_data (G_OBJECT (button), "cjm-entry", entry);
  g_signal_connect_object (entry, "activate", G_CALLBACK (on_suppress_entry_activate), self, 0);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_suppress_button_clicked), self, 0);

  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), button);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_popover_set_default_widget (GTK_POPOVER (popover), button);
  return popover;
}

/* The widgets of one finding: a severity heading (shown when the row
 * starts a group), the severity icon, the rule's title and id, the
 * message, and @action (suppress or restore) at the end. */
static GtkWidget *
build_row (GtkWidget *action)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *heading = gtk_label_new (NULL);
  GtkWidget *hbox = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *vbox = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *rule = gtk_label_new (NULL);
  GtkWidget *message = gtk_label_new (NULL);
  GtkWidget *title_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_add_css_class (heading, "dim-label");
  gtk_widget_set_margin_start (heading, 12);
  gtk_widget_set_margin_top (heading, 12);
  gtk_widget_set_margin_bottom (heading, 4);
  gtk_widget_set_visible (heading, FALSE);

  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_set_margin_top (icon, 2);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (rule), 1);
  gtk_widget_add_css_class (rule, "dim-label");
  gtk_widget_add_css_class (rule, "caption");
  gtk_box_append (GTK_BOX (title_box), title);
  gtk_box_append (GTK_BOX (title_box), rule);

  gtk_label_set_xalign (GTK_LABEL (message), 0);
  gtk_label_set_wrap (GTK_LABEL (message), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (message), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (message), 36);
  gtk_label_set_width_chars (GTK_LABEL (message), 20);

  gtk_box_append (GTK_BOX (vbox), title_box);
  gtk_box_append (GTK_BOX (vbox), message);
  gtk_widget_set_hexpand (vbox, TRUE);

  gtk_widget_add_css_class (action, "flat");
  gtk_widget_set_valign (action, GTK_ALIGN_START);

  gtk_box_append (GTK_BOX (hbox), icon);
  gtk_box_append (GTK_BOX (hbox), vbox);
  gtk_box_append (GTK_BOX (hbox), action);
  gtk_widget_set_margin_start (hbox, 12);
  gtk_widget_set_margin_end (hbox, 6);
  gtk_widget_set_margin_top (hbox, 8);
  gtk_widget_set_margin_bottom (hbox, 8);

  gtk_box_append (GTK_BOX (row), heading);
  gtk_box_append (GTK_BOX (row), hbox);

  g_object_set_data (G_OBJECT (row), "heading", heading);
  g_object_set_data (G_OBJECT (row), "icon", icon);
  g_object_set_data (G_OBJECT (row), "title", title);
  g_object_set_data (G_OBJECT (row), "rule", rule);
  g_object_set_data (G_OBJECT (row), "message", message);
  g_object_set_data (G_OBJECT (row), "text-box", vbox);
  g_object_set_data (G_OBJECT (row), "action", action);
  return row;
}

/* Shows @finding in a row made by build_row(). */
static void
fill_row (GtkWidget  *row,
          CjmFinding *finding)
{
  CjmSeverity severity = cjm_finding_get_severity (finding);
  GtkWidget *icon = g_object_get_data (G_OBJECT (row), "icon");
  GtkWidget *action = g_object_get_data (G_OBJECT (row), "action");

  gtk_image_set_from_icon_name (GTK_IMAGE (icon), severity_icon (severity));
  gtk_widget_remove_css_class (icon, "error");
  gtk_widget_remove_css_class (icon, "warning");
  gtk_widget_remove_css_class (icon, "accent");
  gtk_widget_add_css_class (icon, severity_class (severity));
  gtk_label_set_label (g_object_get_data (G_OBJECT (row), "title"),
                       cjm_finding_get_title (finding));
  gtk_label_set_label (g_object_get_data (G_OBJECT (row), "rule"), cjm_finding_get_rule (finding));
  gtk_label_set_label (g_object_get_data (G_OBJECT (row), "message"),
                       cjm_finding_get_message (finding));

  g_object_set_data_full (G_OBJECT (row), "cjm-finding", g_object_ref (finding), g_object_unref);
  g_object_set_data_full (G_OBJECT (action), "cjm-finding", g_object_ref (finding), g_object_unref);
}

static GtkWidget *
create_suppressed_row_widget (CjmFindingsPanel *self,
                              CjmFinding       *finding)
{
  GtkWidget *restore = gtk_button_new_from_icon_name ("edit-undo-symbolic");
  GtkWidget *row = build_row (restore);
  const char *reason = find_suppression_reason (self, finding);

  gtk_widget_set_tooltip_text (restore, _("Restore this finding"));
  gtk_widget_set_name (restore, "restore-button");
  g_signal_connect_object (restore, "clicked", G_CALLBACK (on_restore_clicked), self, 0);
  fill_row (row, finding);
  gtk_widget_add_css_class (g_object_get_data (G_OBJECT (row), "text-box"), "dim-label");

  if (reason != NULL && *reason != '\0')
    {
      g_autofree char *text = g_strdup_printf (_("Suppressed: %s"), reason);
      GtkWidget *why = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (why), 0);
      gtk_label_set_wrap (GTK_LABEL (why), TRUE);
      gtk_widget_add_css_class (why, "caption");
      gtk_box_append (GTK_BOX (g_object_get_data (G_OBJECT (row), "text-box")), why);
    }
  return row;
}

static GtkWidget *
create_suppressed_row (gpointer item,
                       gpointer user_data)
{
  return create_suppressed_row_widget (CJM_FINDINGS_PANEL (user_data), CJM_FINDING (item));
}

static const char *
severity_heading (CjmSeverity severity)
{
  switch (severity)
    {
    case CJM_SEVERITY_ERROR:
      return _("Errors");
    case CJM_SEVERITY_WARNING:
      return _("Warnings");
    case CJM_SEVERITY_INFO:
    default:
      return _("Suggestions");
    }
}

/* A row of the visible list starts a severity group when the finding
 * before it has another severity: it then shows the group's heading. */
static void
update_row_heading (CjmFindingsPanel *self,
                    GtkListItem      *list_item)
{
  GtkWidget *row = gtk_list_item_get_child (list_item);
  GtkWidget *heading = g_object_get_data (G_OBJECT (row), "heading");
  CjmFinding *finding = gtk_list_item_get_item (list_item);
  guint position = gtk_list_item_get_position (list_item);
  gboolean starts_group = TRUE;

  if (finding == NULL)
    return;

  if (position > 0 && position != GTK_INVALID_LIST_POSITION)
    {
      g_autoptr(CjmFinding) before = g_list_model_get_item (G_LIST_MODEL (self->filter_model),
                                                            position - 1);

      starts_group = before == NULL
                     || cjm_finding_get_severity (before) != cjm_finding_get_severity (finding);
    }

  gtk_label_set_label (GTK_LABEL (heading), severity_heading (cjm_finding_get_severity (finding)));
  gtk_widget_set_visible (heading, starts_group);
}

static void
on_menu_button_create_popup (GtkMenuButton *button,
                             gpointer       user_data)
{
  CjmFindingsPanel *self = CJM_FINDINGS_PANEL (user_data);
  CjmFinding *finding = g_object_get_data (G_OBJECT (button), "cjm-finding");

  if (finding != NULL)
    gtk_menu_button_set_popover (button, build_suppress_popover (self, finding));
}

/* "Plan an action": the window makes an opportunity that answers the
 * finding of the row (win.plan-action, its rule and targets). */
static void
on_plan_button_clicked (GtkButton *button,
                        GtkWidget *row)
{
  CjmFinding *finding = g_object_get_data (G_OBJECT (row), "cjm-finding");
  const char * const *targets;

  if (finding == NULL)
    return;
  targets = cjm_finding_get_targets (finding);
  gtk_widget_activate_action (GTK_WIDGET (button), "win.plan-action", "(s^as)",
                              cjm_finding_get_rule (finding),
                              targets ? targets : (const char * const[]) { NULL });
}

static void
on_factory_setup (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  CjmFindingsPanel         *self)
{
  GtkWidget *menu = gtk_menu_button_new ();
  GtkWidget *row = build_row (menu);
  GtkWidget *plan;

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu), "action-unavailable-symbolic");
  gtk_widget_set_tooltip_text (menu, _("Suppress this finding…"));
  gtk_widget_set_name (menu, "suppress-button");
  /* The popover is built when it is first opened: a big map has
   * thousands of findings and most are never suppressed. */
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (menu), on_menu_button_create_popup,
                                         self, NULL);
  gtk_widget_set_name (row, "finding-row");

  plan = gtk_button_new_from_icon_name ("list-add-symbolic");
  gtk_widget_set_tooltip_text (plan, _("Plan an Action"));
  gtk_widget_set_name (plan, "plan-action-button");
  gtk_widget_add_css_class (plan, "flat");
  gtk_widget_set_valign (plan, GTK_ALIGN_START);
  gtk_widget_insert_before (plan, gtk_widget_get_parent (menu), menu);
  g_signal_connect (plan, "clicked", G_CALLBACK (on_plan_button_clicked), row);
  gtk_list_item_set_child (list_item, row);
}

/* The list view makes rows for a couple of hundred findings as soon as it
 * has a model, shown or not, and the side panel usually opens on another
 * page: a big map's launch spent a fifth of a second and 8 MB on them. The
 * list gets its model in the first frame it is shown in, from the frame
 * clock's update phase, before that frame's layout (not from ::map, which
 * runs while the stack is switching pages). */
static gboolean
give_list_its_model (GtkWidget     *widget,
                     GdkFrameClock *frame_clock,
                     gpointer       user_data)
{
  CjmFindingsPanel *self = CJM_FINDINGS_PANEL (user_data);

  self->model_tick = 0;
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  return G_SOURCE_REMOVE;
}

static void
on_list_view_map (CjmFindingsPanel *self)
{
  if (gtk_list_view_get_model (self->list_view) == NULL && self->model_tick == 0)
    self->model_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->list_view),
                                                     give_list_its_model, self, NULL);
}

static void
on_list_view_unmap (CjmFindingsPanel *self)
{
  if (self->model_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->list_view), self->model_tick);
  self->model_tick = 0;
}

static void
on_factory_bind (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 CjmFindingsPanel         *self)
{
  GtkWidget *row = gtk_list_item_get_child (list_item);

  fill_row (row, gtk_list_item_get_item (list_item));
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (g_object_get_data (G_OBJECT (row), "action")), NULL);

  g_hash_table_add (self->bound_items, list_item);
  update_row_heading (self, list_item);
}

static void
on_factory_unbind (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   CjmFindingsPanel         *self)
{
  GtkWidget *row = gtk_list_item_get_child (list_item);

  g_hash_table_remove (self->bound_items, list_item);
  g_object_set_data (G_OBJECT (row), "cjm-finding", NULL);
  g_object_set_data (G_OBJECT (g_object_get_data (G_OBJECT (row), "action")), "cjm-finding", NULL);
}

static void
update_bound_headings (CjmFindingsPanel *self)
{
  GHashTableIter iter;
  GtkListItem *list_item;

  g_hash_table_iter_init (&iter, self->bound_items);
  while (g_hash_table_iter_next (&iter, (gpointer *) &list_item, NULL))
    update_row_heading (self, list_item);
}

static gboolean
is_filtering (CjmFindingsPanel *self)
{
  return !self->show_severity[CJM_SEVERITY_ERROR] || !self->show_severity[CJM_SEVERITY_WARNING]
         || !self->show_severity[CJM_SEVERITY_INFO] || self->rule_filter != NULL
         || (self->search_words != NULL && self->search_words[0] != NULL);
}

static void
update_stack (CjmFindingsPanel *self)
{
  guint n = self->checker ? g_list_model_get_n_items (G_LIST_MODEL (self->checker)) : 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));

  if (n == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else if (shown == 0)
    gtk_stack_set_visible_child_name (self->stack, "no-match");
  else
    gtk_stack_set_visible_child_name (self->stack, "list");
  gtk_widget_set_visible (self->filter_bar, n > 0 || is_filtering (self));
}

static void
update_summary (CjmFindingsPanel *self)
{
  GListModel *model = self->checker ? G_LIST_MODEL (self->checker) : NULL;
  guint n = model ? g_list_model_get_n_items (model) : 0;
  guint counts[3] = { 0, 0, 0 };
  guint n_suppressed = g_list_model_get_n_items (G_LIST_MODEL (self->suppressed));
  g_autofree char *errors = NULL;
  g_autofree char *warnings = NULL;
  g_autofree char *infos = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *toggle = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CjmFinding) finding = g_list_model_get_item (model, i);
      counts[cjm_finding_get_severity (finding)]++;
    }
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      char count[16];

      g_snprintf (count, sizeof count, "%u", counts[i]);
      gtk_label_set_label (self->severity_counts[i], count);
    }

  errors = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors",
                                         counts[CJM_SEVERITY_ERROR]),
                            counts[CJM_SEVERITY_ERROR]);
  warnings = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings",
                                           counts[CJM_SEVERITY_WARNING]),
                              counts[CJM_SEVERITY_WARNING]);
  infos = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u suggestion", "%u suggestions",
                                        counts[CJM_SEVERITY_INFO]),
                           counts[CJM_SEVERITY_INFO]);
  if (is_filtering (self))
    /* Translators: how many of the findings the search and the filters
     * leave in the list: "12 of 4,000 findings shown" */
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u finding shown",
                                            "%u of %u findings shown", n),
                               g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)), n);
  else
    /* Translators: "2 errors · 5 warnings · 3 suggestions" */
    summary = g_strdup_printf (_("%s · %s · %s"), errors, warnings, infos);
  gtk_label_set_label (self->summary_label, summary);

  update_stack (self);

  toggle = g_strdup_printf (_("Suppressed (%u)"), n_suppressed);
  gtk_button_set_label (GTK_BUTTON (self->suppressed_toggle), toggle);
  gtk_widget_set_visible (GTK_WIDGET (self->suppressed_toggle), n_suppressed > 0);
  if (n_suppressed == 0)
    gtk_toggle_button_set_active (self->suppressed_toggle, FALSE);
}

static void
refresh_suppressed (CjmFindingsPanel *self)
{
  GPtrArray *all = self->checker ? cjm_checker_get_all (self->checker) : NULL;
  g_autoptr(GPtrArray) hidden = g_ptr_array_new ();

  for (guint i = 0; all != NULL && i < all->len; i++)
    if (cjm_finding_get_suppressed (g_ptr_array_index (all, i)))
      g_ptr_array_add (hidden, g_ptr_array_index (all, i));

  g_list_store_splice (self->suppressed, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->suppressed)),
                       hidden->pdata, hidden->len);
}

/* Searching */

/* @text as the search compares it: lower case, without accents or
 * Hebrew points, Hebrew final letters as their other forms (so "חשבון"
 * finds "חשבונות"), runs of white space as one space. */
static char *
fold_text (const char *text)
{
  g_autofree char *decomposed = g_utf8_normalize (text ? text : "", -1, G_NORMALIZE_ALL);
  g_autofree char *folded = g_utf8_casefold (decomposed ? decomposed : "", -1);
  GString *out = g_string_sized_new (strlen (folded));
  gboolean space = FALSE;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) == G_UNICODE_NON_SPACING_MARK)
        continue;
      if (g_unichar_isspace (c))
        {
          space = out->len > 0;
          continue;
        }
      switch (c)
        {
        case 0x05DA: c = 0x05DB; break;   /* final kaf */
        case 0x05DD: c = 0x05DE; break;   /* final mem */
        case 0x05DF: c = 0x05E0; break;   /* final nun */
        case 0x05E3: c = 0x05E4; break;   /* final pe */
        case 0x05E5: c = 0x05E6; break;   /* final tsadi */
        default: break;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* What a search looks in: the message, the rule's id and title, and the
 * titles (or names) of the items the finding names; folded, kept until
 * the findings change. */
static const char *
get_haystack (CjmFindingsPanel *self,
              CjmFinding       *finding)
{
  const char *haystack = g_hash_table_lookup (self->haystacks, finding);
  const char * const *targets;
  CjmDocument *document;
  GString *text;

  if (haystack != NULL)
    return haystack;

  document = self->checker ? cjm_checker_get_document (self->checker) : NULL;
  text = g_string_new (cjm_finding_get_message (finding));
  g_string_append_printf (text, "\n%s\n%s", cjm_finding_get_rule (finding),
                          cjm_finding_get_title (finding));
  targets = cjm_finding_get_targets (finding);
  for (guint i = 0; document != NULL && targets != NULL && targets[i] != NULL; i++)
    {
      CjmItem *item = cjm_document_lookup (document, targets[i]);
      const char *title = item ? cjm_item_get_field (item, CJM_FIELD_TITLE) : NULL;

      if (title == NULL && item != NULL)
        title = cjm_item_get_field (item, CJM_FIELD_NAME);
      if (title != NULL)
        g_string_append_printf (text, "\n%s", title);
    }

  haystack = fold_text (text->str);
  g_string_free (text, TRUE);
  g_hash_table_insert (self->haystacks, g_object_ref (finding), (char *) haystack);
  return haystack;
}

static gboolean
filter_finding (gpointer item,
                gpointer user_data)
{
  CjmFindingsPanel *self = CJM_FINDINGS_PANEL (user_data);
  CjmFinding *finding = CJM_FINDING (item);
  const char *haystack;

  if (!self->show_severity[cjm_finding_get_severity (finding)])
    return FALSE;
  if (self->rule_filter != NULL
      && g_strcmp0 (cjm_finding_get_rule (finding), self->rule_filter) != 0)
    return FALSE;
  if (self->search_words == NULL || self->search_words[0] == NULL)
    return TRUE;

  haystack = get_haystack (self, finding);
  for (guint i = 0; self->search_words[i] != NULL; i++)
    if (strstr (haystack, self->search_words[i]) == NULL)
      return FALSE;
  return TRUE;
}

static void
refilter (CjmFindingsPanel *self,
          GtkFilterChange   change)
{
  gtk_filter_changed (GTK_FILTER (self->filter), change);
  update_summary (self);
}

static gboolean
str_equal0 (gconstpointer a,
            gconstpointer b)
{
  return g_strcmp0 (a, b) == 0;
}

/* The rule drop-down lists every rule that has findings, with how many,
 * and the chosen rule even when it has none left. */
static void
update_rule_list (CjmFindingsPanel *self)
{
  GListModel *model = self->checker ? G_LIST_MODEL (self->checker) : NULL;
  guint n = model ? g_list_model_get_n_items (model) : 0;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) counts = g_array_new (FALSE, TRUE, sizeof (guint));
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  gboolean same;
  guint selected = 0;

  g_ptr_array_add (ids, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CjmFinding) finding = g_list_model_get_item (model, i);
      const char *rule = cjm_finding_get_rule (finding);
      guint index;

      if (!g_ptr_array_find_with_equal_func (ids, rule, str_equal0, &index))
        {
          g_ptr_array_add (ids, g_strdup (rule));
          g_ptr_array_add (titles, (gpointer) cjm_finding_get_title (finding));
          index = ids->len - 1;
          g_array_set_size (counts, ids->len);
        }
      g_array_index (counts, guint, index - 1)++;
    }
  if (self->rule_filter != NULL
      && !g_ptr_array_find_with_equal_func (ids, self->rule_filter, str_equal0, NULL))
    {
      g_ptr_array_add (ids, g_strdup (self->rule_filter));
      const char *title = cjm_rule_id_get_title (self->rule_filter);

      g_ptr_array_add (titles, (gpointer) (title ? title : self->rule_filter));
      g_array_set_size (counts, ids->len);
    }

  /* Translators: the first entry of the rule filter, with the number of findings */
  g_ptr_array_add (names, g_strdup_printf (_("All rules (%u)"), n));
  for (guint i = 1; i < ids->len; i++)
    /* Translators: a rule's title and how many findings it has: "Conflicting facts (12)" */
    g_ptr_array_add (names, g_strdup_printf (_("%s (%u)"), (char *) g_ptr_array_index (titles, i - 1),
                                             g_array_index (counts, guint, i - 1)));

  same = names->len == g_list_model_get_n_items (G_LIST_MODEL (self->rule_names));
  for (guint i = 0; same && i < names->len; i++)
    same = g_strcmp0 (g_ptr_array_index (names, i),
                      gtk_string_list_get_string (self->rule_names, i)) == 0
           && g_strcmp0 (g_ptr_array_index (ids, i), g_ptr_array_index (self->rule_ids, i)) == 0;
  if (same)
    return;

  g_ptr_array_add (names, NULL);
  g_ptr_array_find_with_equal_func (ids, self->rule_filter, str_equal0, &selected);
  if (self->rule_filter == NULL)
    selected = 0;
  self->updating_rules = TRUE;
  g_ptr_array_unref (self->rule_ids);
  self->rule_ids = g_steal_pointer (&ids);
  gtk_string_list_splice (self->rule_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->rule_names)),
                          (const char * const *) names->pdata);
  gtk_drop_down_set_selected (self->rule_dropdown, selected);
  self->updating_rules = FALSE;
}

static void
on_rule_item_setup (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    gpointer                  ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (ellipsize != NULL)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
on_rule_item_bind (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   gpointer                  user_data)
{
  GtkStringObject *string = gtk_list_item_get_item (list_item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (list_item)),
                       gtk_string_object_get_string (string));
}

static GtkListItemFactory *
rule_item_factory_new (gboolean ellipsize)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (on_rule_item_setup), GINT_TO_POINTER (ellipsize));
  g_signal_connect (factory, "bind", G_CALLBACK (on_rule_item_bind), NULL);
  return factory;
}

static void
on_severity_toggled (GtkToggleButton  *toggle,
                     CjmFindingsPanel *self)
{
  CjmSeverity severity = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (toggle), "cjm-severity"));
  gboolean active = gtk_toggle_button_get_active (toggle);

  if (self->show_severity[severity] == active)
    return;
  self->show_severity[severity] = active;
  refilter (self, active ? GTK_FILTER_CHANGE_LESS_STRICT : GTK_FILTER_CHANGE_MORE_STRICT);
}

/* A toggle button with the severity's icon and its number of findings. */
static void
add_severity_toggle (CjmFindingsPanel *self,
                     CjmSeverity       severity,
                     const char       *name,
                     const char       *tooltip)
{
  GtkWidget *toggle = gtk_toggle_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *icon = gtk_image_new_from_icon_name (severity_icon (severity));
  GtkWidget *count = gtk_label_new ("0");

  gtk_widget_add_css_class (icon, severity_class (severity));
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), count);
  gtk_button_set_child (GTK_BUTTON (toggle), box);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), TRUE);
  gtk_widget_set_name (toggle, name);
  gtk_widget_set_tooltip_text (toggle, tooltip);
  g_object_set_data (G_OBJECT (toggle), "cjm-severity", GINT_TO_POINTER (severity));
  g_signal_connect_object (toggle, "toggled", G_CALLBACK (on_severity_toggled), self, 0);
  gtk_box_append (self->severity_box, toggle);

  self->show_severity[severity] = TRUE;
  self->severity_toggles[severity] = GTK_TOGGLE_BUTTON (toggle);
  self->severity_counts[severity] = GTK_LABEL (count);
}

/* Callbacks */

static void
on_checker_items_changed (CjmFindingsPanel *self,
                          guint             position,
                          guint             removed,
                          guint             added,
                          GListModel       *model)
{
  g_hash_table_remove_all (self->haystacks);
  refresh_suppressed (self);
  update_rule_list (self);
  update_summary (self);
}

static void
on_filter_model_items_changed (CjmFindingsPanel *self,
                               guint             position,
                               guint             removed,
                               guint             added,
                               GListModel       *model)
{
  update_bound_headings (self);
  update_stack (self);
}

static void
on_search_entry_search_changed (CjmFindingsPanel *self,
                                GtkSearchEntry   *entry)
{
  g_autofree char *folded = fold_text (gtk_editable_get_text (GTK_EDITABLE (entry)));

  g_clear_pointer (&self->search_words, g_strfreev);
  if (*folded != '\0')
    self->search_words = g_strsplit (folded, " ", -1);
  refilter (self, GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_search_entry_stop_search (CjmFindingsPanel *self,
                             GtkSearchEntry   *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
on_rule_dropdown_notify_selected (CjmFindingsPanel *self,
                                  GParamSpec       *pspec,
                                  GtkDropDown      *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);
  const char *rule = selected < self->rule_ids->len ? g_ptr_array_index (self->rule_ids, selected)
                                                    : NULL;

  if (self->updating_rules || g_strcmp0 (rule, self->rule_filter) == 0)
    return;
  g_free (self->rule_filter);
  self->rule_filter = g_strdup (rule);
  refilter (self, GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_list_view_activate (CjmFindingsPanel *self,
                       guint             position,
                       GtkListView      *list_view)
{
  g_autoptr(CjmFinding) finding = NULL;

  finding = g_list_model_get_item (G_LIST_MODEL (self->filter_model), position);
  if (finding != NULL)
    g_signal_emit (self, signals[FINDING_ACTIVATED], 0, finding);
}

/* GObject */

static void
cjm_findings_panel_dispose (GObject *object)
{
  CjmFindingsPanel *self = CJM_FINDINGS_PANEL (object);

  if (self->list_view != NULL)
    on_list_view_unmap (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CJM_TYPE_FINDINGS_PANEL);
  g_clear_object (&self->checker);
  g_clear_object (&self->suppressed);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->rule_names);
  g_clear_pointer (&self->rule_ids, g_ptr_array_unref);
  g_clear_pointer (&self->rule_filter, g_free);
  g_clear_pointer (&self->search_words, g_strfreev);
  g_clear_pointer (&self->haystacks, g_hash_table_unref);
  g_clear_pointer (&self->bound_items, g_hash_table_unref);

  G_OBJECT_CLASS (cjm_findings_panel_parent_class)->dispose (object);
}

static void
cjm_findings_panel_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CjmFindingsPanel *self = CJM_FINDINGS_PANEL (object);

  switch (prop_id)
    {
    case PROP_CHECKER:
      g_value_set_object (value, self->checker);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cjm_findings_panel_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CjmFindingsPanel *self = CJM_FINDINGS_PANEL (object);

  switch (prop_id)
    {
    case PROP_CHECKER:
      cjm_findings_panel_set_checker (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cjm_findings_panel_class_init (CjmFindingsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cjm_findings_panel_dispose;
  object_class->get_property = cjm_findings_panel_get_property;
  object_class->set_property = cjm_findings_panel_set_property;

  properties[PROP_CHECKER] =
    g_param_spec_object ("checker", NULL, NULL, CJM_TYPE_CHECKER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CjmFindingsPanel::finding-activated:
   * @finding: the CjmFinding the user chose
   */
  signals[FINDING_ACTIVATED] =
    g_signal_new ("finding-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, CJM_TYPE_FINDING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/cjm-findings-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, CjmFindingsPanel, box);
  gtk_widget_class_bind_template_child (widget_class, CjmFindingsPanel, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CjmFindingsPanel, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, CjmFindingsPanel, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CjmFindingsPanel, severity_box);
  gtk_widget_class_bind_template_child (widget_class, CjmFindingsPanel, rule_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CjmFindingsPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, CjmFindingsPanel, list_view);
  gtk_widget_class_bind_template_child (widget_class, CjmFindingsPanel, suppressed_list);
  gtk_widget_class_bind_template_child (widget_class, CjmFindingsPanel, suppressed_toggle);
  gtk_widget_class_bind_template_child (widget_class, CjmFindingsPanel, suppressed_revealer);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_rule_dropdown_notify_selected);
  gtk_widget_class_bind_template_callback (widget_class, cjm_findings_panel_clear_filters);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "findingspanel");
}

static void
cjm_findings_panel_init (CjmFindingsPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  GtkListItemFactory *factory;

  self->suppressed = g_list_store_new (CJM_TYPE_FINDING);
  self->bound_items = g_hash_table_new (NULL, NULL);
  self->haystacks = g_hash_table_new_full (NULL, NULL, g_object_unref, g_free);
  self->rule_ids = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->rule_ids, NULL);
  self->rule_names = gtk_string_list_new (NULL);

  add_severity_toggle (self, CJM_SEVERITY_ERROR, "filter-errors", _("Show errors"));
  add_severity_toggle (self, CJM_SEVERITY_WARNING, "filter-warnings", _("Show warnings"));
  add_severity_toggle (self, CJM_SEVERITY_INFO, "filter-suggestions", _("Show suggestions"));

  factory = rule_item_factory_new (TRUE);
  gtk_drop_down_set_factory (self->rule_dropdown, factory);
  g_object_unref (factory);
  factory = rule_item_factory_new (FALSE);
  gtk_drop_down_set_list_factory (self->rule_dropdown, factory);
  g_object_unref (factory);
  gtk_drop_down_set_model (self->rule_dropdown, G_LIST_MODEL (self->rule_names));

  self->filter = gtk_custom_filter_new (filter_finding, self, NULL);
  self->filter_model = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  g_signal_connect_object (self->filter_model, "items-changed",
                           G_CALLBACK (on_filter_model_items_changed), self, G_CONNECT_SWAPPED);
  self->selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filter_model)));
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (on_factory_setup), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (on_factory_bind), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (on_factory_unbind), self, 0);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  g_signal_connect_object (self->list_view, "map", G_CALLBACK (on_list_view_map), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list_view, "unmap", G_CALLBACK (on_list_view_unmap), self,
                           G_CONNECT_SWAPPED);
  gtk_list_box_bind_model (self->suppressed_list, G_LIST_MODEL (self->suppressed),
                           create_suppressed_row, self, NULL);
  update_rule_list (self);
  update_summary (self);
}

/* Public API */

GtkWidget *
cjm_findings_panel_new (void)
{
  return g_object_new (CJM_TYPE_FINDINGS_PANEL, NULL);
}

CjmChecker *
cjm_findings_panel_get_checker (CjmFindingsPanel *self)
{
  g_return_val_if_fail (CJM_IS_FINDINGS_PANEL (self), NULL);
  return self->checker;
}

void
cjm_findings_panel_set_checker (CjmFindingsPanel *self,
                                CjmChecker       *checker)
{
  g_return_if_fail (CJM_IS_FINDINGS_PANEL (self));
  g_return_if_fail (!checker || CJM_IS_CHECKER (checker));

  if (self->checker == checker)
    return;

  if (self->checker != NULL)
    g_signal_handlers_disconnect_by_func (self->checker, on_checker_items_changed, self);
  g_set_object (&self->checker, checker);

  g_hash_table_remove_all (self->haystacks);
  gtk_filter_list_model_set_model (self->filter_model, checker ? G_LIST_MODEL (checker) : NULL);
  if (checker != NULL)
    g_signal_connect_object (checker, "items-changed",
                             G_CALLBACK (on_checker_items_changed), self, G_CONNECT_SWAPPED);

  refresh_suppressed (self);
  update_rule_list (self);
  update_summary (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKER]);
}

guint
cjm_findings_panel_get_n_visible (CjmFindingsPanel *self)
{
  g_return_val_if_fail (CJM_IS_FINDINGS_PANEL (self), 0);

  if (self->checker == NULL)
    return 0;
  return g_list_model_get_n_items (G_LIST_MODEL (self->checker));
}

guint
cjm_findings_panel_get_n_shown (CjmFindingsPanel *self)
{
  g_return_val_if_fail (CJM_IS_FINDINGS_PANEL (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
}

void
cjm_findings_panel_focus_search (CjmFindingsPanel *self)
{
  g_return_if_fail (CJM_IS_FINDINGS_PANEL (self));

  gtk_widget_set_visible (self->filter_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

void
cjm_findings_panel_clear_filters (CjmFindingsPanel *self)
{
  g_return_if_fail (CJM_IS_FINDINGS_PANEL (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  for (guint i = 0; i < G_N_ELEMENTS (self->severity_toggles); i++)
    gtk_toggle_button_set_active (self->severity_toggles[i], TRUE);
  gtk_drop_down_set_selected (self->rule_dropdown, 0);
  /* The search entry reports its change after a delay: apply it now. */
  g_clear_pointer (&self->search_words, g_strfreev);
  refilter (self, GTK_FILTER_CHANGE_LESS_STRICT);
}
