/* test-findings-panel.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The findings panel of a real window: it lists what the checker finds,
 * live; clicking a finding selects its cards on the canvas; a finding is
 * suppressed with a typed reason (saved in the file, undoable) and restored.
 * The search entry, the severity toggles and the rule filter narrow the
 * list, on a sample and on a generated map with thousands of findings.
 */

#define G_LOG_DOMAIN "test-findings-panel"

#include "config.h"

#include <string.h>

#include "canvas-fixture.h"
#include "cjm-window-private.h"

static GtkListBox *
find_list (GtkWidget  *panel,
           const char *css_class)
{
  for (GtkWidget *w = gtk_widget_get_first_child (panel); w != NULL;)
    {
      GtkWidget *next;

      if (GTK_IS_LIST_BOX (w) && (css_class == NULL || gtk_widget_has_css_class (w, css_class)))
        return GTK_LIST_BOX (w);

      /* Depth-first walk of the panel's widget tree. */
      next = gtk_widget_get_first_child (w);
      while (next == NULL && w != panel)
        {
          next = gtk_widget_get_next_sibling (w);
          if (next == NULL)
            {
              w = gtk_widget_get_parent (w);
              if (w == panel)
                break;
            }
        }
      w = next;
    }
  return NULL;
}

typedef gboolean (*WidgetMatch) (GtkWidget     *widget,
                                 gconstpointer  data);

/* The first widget under (or at) @root, depth first, that @match accepts. */
static GtkWidget *
find_widget (GtkWidget     *root,
             WidgetMatch    match,
             gconstpointer  data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
has_css_class (GtkWidget     *widget,
               gconstpointer  css_class)
{
  return gtk_widget_has_css_class (widget, css_class);
}

static gboolean
has_name (GtkWidget     *widget,
          gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

static gboolean
shows_finding (GtkWidget     *widget,
               gconstpointer  finding)
{
  return has_name (widget, "finding-row")
         && g_object_get_data (G_OBJECT (widget), "cjm-finding") == finding;
}

static gboolean
is_mapped_label (GtkWidget     *widget,
                 gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
         && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

static gboolean
is_popover (GtkWidget     *widget,
            gconstpointer  data)
{
  return GTK_IS_POPOVER (widget);
}

#define find_named_class(root, css_class) find_widget ((root), has_css_class, (css_class))
#define find_named(root, name) find_widget ((root), has_name, (name))
/* The row widget the visible list shows for @finding, or NULL. */
#define find_finding_row(root, finding) find_widget ((root), shows_finding, (finding))
#define find_label(root, text) find_widget ((root), is_mapped_label, (text))
#define find_popover(root) find_widget ((root), is_popover, NULL)

typedef gboolean (*FindingMatch) (CjmFinding *finding,
                                  gpointer    data);

/* The finding rows the list made under @root (when @drawn, only those on
 * screen showing a finding); each shown finding must satisfy @match. */
static guint
count_rows_where (GtkWidget    *root,
                  gboolean      drawn,
                  FindingMatch  match,
                  gpointer      data)
{
  CjmFinding *finding = g_object_get_data (G_OBJECT (root), "cjm-finding");
  guint n = 0;

  if (has_name (root, "finding-row")
      && (!drawn || (gtk_widget_get_mapped (root) && finding != NULL)))
    {
      if (match != NULL)
        g_assert_true (match (finding, data));
      n++;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_rows_where (child, drawn, match, data);
  return n;
}

#define count_drawn_rows(root) count_rows_where ((root), TRUE, NULL, NULL)
/* Every row on screen shows a finding that @match accepts; how many. */
#define check_drawn_rows(root, match, data) count_rows_where ((root), TRUE, (match), (data))
/* Every row widget the list made, shown or not. */
#define count_row_widgets(root) count_rows_where ((root), FALSE, NULL, NULL)


static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

static guint
n_suppressions (CjmDocument *document)
{
  return cjm_document_get_n_items (document, CJM_KIND_SUPPRESSION);
}

static void
show_findings (CanvasFixture *f)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-findings", NULL));
  cjm_harness_wait_frame (GTK_WIDGET (f->window->findings_panel));
  cjm_harness_iterate (100);
}

static void
test_lists_findings_live (void)
{
  CanvasFixture f;
  GListModel *model;
  GtkListView *view;
  guint n;
  CjmItem *call_pay;
  g_autoptr(GPtrArray) facts = NULL;

  canvas_fixture_open (&f, "bill-payment.cjm");
  /* The side panel opens on the inspector: the list has made no rows, and
   * the tab's badge counts the findings all the same. */
  view = GTK_LIST_VIEW (find_named_class (GTK_WIDGET (f.window->findings_panel), "findings-list"));
  g_assert_nonnull (view);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (f.window->side_stack), !=, "findings");
  g_assert_null (gtk_list_view_get_model (view));
  g_assert_cmpuint (count_drawn_rows (GTK_WIDGET (view)), ==, 0);
  g_assert_cmpint (adw_view_stack_page_get_badge_number (f.window->findings_page), >, 0);
  show_findings (&f);

  model = G_LIST_MODEL (cjm_findings_panel_get_checker (f.window->findings_panel));
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (cjm_findings_panel_get_n_visible (f.window->findings_panel), ==, n);
  g_assert_cmpint (adw_view_stack_page_get_badge_number (f.window->findings_page), ==, n);

  g_assert_true (G_LIST_MODEL (gtk_list_view_get_model (view)) != NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (view))), ==, n);
  /* Rows are made only for what is on screen, and some are. */
  g_assert_cmpuint (count_drawn_rows (GTK_WIDGET (view)), >, 0);
  g_assert_cmpuint (count_drawn_rows (GTK_WIDGET (view)), <=, n);

  /* Errors come first: the first finding is a conflicting fact. */
  {
    g_autoptr(CjmFinding) first = g_list_model_get_item (model, 0);
    g_assert_cmpint (cjm_finding_get_severity (first), ==, CJM_SEVERITY_ERROR);
  }

  /* The call center charges a fee the other channels don't: make it agree,
   * and the panel follows at once. */
  call_pay = canvas_fixture_item (&f, "t-call-pay");
  facts = cjm_list_copy (CJM_LIST_FACTS, cjm_item_get_list (call_pay, CJM_LIST_FACTS));
  for (guint i = 0; i < facts->len; i++)
    {
      CjmFact *fact = g_ptr_array_index (facts, i);
      if (g_strcmp0 (fact->key, "fee") == 0)
        {
          g_free (fact->value);
          fact->value = g_strdup ("0");
        }
    }
  cjm_document_set_list (f.document, call_pay, CJM_LIST_FACTS, facts);
  cjm_harness_iterate (100);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n - 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (view))), ==, n - 1);
  g_assert_cmpint (adw_view_stack_page_get_badge_number (f.window->findings_page), ==, n - 1);

  /* Undo brings the finding back. */
  cjm_document_undo (f.document);
  cjm_harness_iterate (100);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (view))), ==, n);

  canvas_fixture_close (&f);
}

static void
test_click_selects_cards (void)
{
  CanvasFixture f;
  GtkWidget *row;
  GListModel *model;
  g_autoptr(CjmFinding) finding = NULL;
  const char * const *targets;
  GPtrArray *selection;
  guint n_targets;
  graphene_rect_t bounds;

  canvas_fixture_open (&f, "bill-payment.cjm");
  show_findings (&f);

  model = G_LIST_MODEL (cjm_findings_panel_get_checker (f.window->findings_panel));
  finding = g_list_model_get_item (model, 0);
  targets = cjm_finding_get_targets (finding);
  n_targets = g_strv_length ((char **) targets);
  g_assert_cmpuint (n_targets, >=, 2);

  g_assert_cmpuint (cjm_canvas_get_selection (f.canvas)->len, ==, 0);

  row = find_finding_row (GTK_WIDGET (f.window->findings_panel), finding);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_compute_bounds (row, row, &bounds));
  /* Click on the message, away from the suppress button. */
  cjm_harness_click (row, bounds.size.width * 0.3, bounds.size.height * 0.6, 1, NULL);
  cjm_harness_iterate (150);

  selection = cjm_canvas_get_selection (f.canvas);
  g_assert_cmpuint (selection->len, ==, n_targets);
  for (guint i = 0; i < n_targets; i++)
    {
      CjmItem *item = canvas_fixture_item (&f, targets[i]);
      g_assert_true (g_ptr_array_find (selection, item, NULL));
    }

  canvas_fixture_close (&f);
}

static void
test_suppress_and_restore (void)
{
  CanvasFixture f;
  GtkWidget *row;
  GtkWidget *button;
  GListModel *model;
  g_autoptr(CjmFinding) finding = NULL;
  g_autofree char *rule = NULL;
  g_autofree char *target = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autofree char *expected = NULL;
  GtkWidget *toggle;
  GtkListBox *suppressed_list;
  guint n;

  canvas_fixture_open (&f, "bill-payment.cjm");
  show_findings (&f);

  model = G_LIST_MODEL (cjm_findings_panel_get_checker (f.window->findings_panel));
  n = g_list_model_get_n_items (model);
  finding = g_list_model_get_item (model, 0);
  rule = g_strdup (cjm_finding_get_rule (finding));
  target = g_strdup (cjm_finding_get_targets (finding)[0]);
  g_assert_cmpuint (n_suppressions (f.document), ==, 0);

  row = find_finding_row (GTK_WIDGET (f.window->findings_panel), finding);
  g_assert_nonnull (row);
  button = find_named (row, "suppress-button");
  g_assert_nonnull (button);

  /* Click the row's suppress button, type a reason, press Enter. */
  cjm_harness_click (button, gtk_widget_get_width (button) / 2.0,
                     gtk_widget_get_height (button) / 2.0, 1, NULL);
  cjm_harness_iterate (200);
  cjm_harness_type ("Legal approved the fee");
  cjm_harness_key ("Return");
  cjm_harness_iterate (200);

  g_assert_cmpuint (n_suppressions (f.document), ==, 1);
  {
    CjmItem *suppress = cjm_document_get_item (f.document, CJM_KIND_SUPPRESSION, 0);
    g_assert_cmpstr (cjm_item_get_field (suppress, CJM_FIELD_RULE), ==, rule);
    g_assert_cmpstr (cjm_item_get_field (suppress, CJM_FIELD_TEXT), ==, "Legal approved the fee");
  }
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n - 1);
  g_assert_null (find_finding_row (GTK_WIDGET (f.window->findings_panel), finding));

  /* The reason is in the saved file. */
  saved = canvas_fixture_save (&f);
  expected = g_strdup_printf ("<suppress rule=\"%s\" target=\"", rule);
  g_assert_true (cjm_harness_bytes_contain (saved, expected));
  g_assert_true (cjm_harness_bytes_contain (saved, ">Legal approved the fee</suppress>"));

  /* Undo takes the suppression back, byte for byte. */
  canvas_fixture_undo_restores (&f, 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n);

  /* Redo, then restore from the suppressed list with a real click. */
  cjm_document_redo (f.document);
  cjm_harness_iterate (100);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n - 1);

  toggle = find_named (GTK_WIDGET (f.window->findings_panel), "suppressed-toggle");
  g_assert_nonnull (toggle);
  g_assert_true (gtk_widget_get_visible (toggle));
  cjm_harness_click (toggle, gtk_widget_get_width (toggle) / 2.0,
                     gtk_widget_get_height (toggle) / 2.0, 1, NULL);
  cjm_harness_iterate (400);
  suppressed_list = find_list (GTK_WIDGET (f.window->findings_panel), "suppressed-list");
  g_assert_nonnull (suppressed_list);
  g_assert_cmpuint (count_rows (suppressed_list), ==, 1);
  button = find_named (GTK_WIDGET (gtk_list_box_get_row_at_index (suppressed_list, 0)),
                       "restore-button");
  g_assert_nonnull (button);
  cjm_harness_wait_frame (button);
  cjm_harness_click (button, gtk_widget_get_width (button) / 2.0,
                     gtk_widget_get_height (button) / 2.0, 1, NULL);
  cjm_harness_iterate (200);

  g_assert_cmpuint (n_suppressions (f.document), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n);

  canvas_fixture_close (&f);
}

/* Filtering */

/* Whether @needle (lower case ASCII, or any text compared as is) is in
 * the finding's message, rule id, rule title or its items' titles. */
static gboolean
finding_mentions (CjmFinding  *finding,
                  CjmDocument *document,
                  const char  *needle)
{
  const char * const *targets = cjm_finding_get_targets (finding);
  g_autoptr(GString) text = g_string_new (cjm_finding_get_message (finding));

  g_string_append_printf (text, "\n%s\n%s", cjm_finding_get_rule (finding),
                          cjm_finding_get_title (finding));
  for (guint i = 0; targets != NULL && targets[i] != NULL; i++)
    {
      CjmItem *item = cjm_document_lookup (document, targets[i]);
      const char *title = item ? cjm_item_get_field (item, CJM_FIELD_TITLE) : NULL;

      if (item != NULL && title == NULL)
        title = cjm_item_get_field (item, CJM_FIELD_NAME);
      if (title != NULL)
        g_string_append_printf (text, "\n%s", title);
    }
  {
    g_autofree char *lower = g_ascii_strdown (text->str, -1);
    return strstr (lower, needle) != NULL;
  }
}

typedef struct {
  CjmDocument *document;
  const char  *needle;
  const char  *rule;
  int          hidden_severity;   /* -1 for none */
} Expect;

static gboolean
expect_match (CjmFinding *finding,
              gpointer    data)
{
  Expect *expect = data;

  if ((int) cjm_finding_get_severity (finding) == expect->hidden_severity)
    return FALSE;
  if (expect->rule != NULL && g_strcmp0 (cjm_finding_get_rule (finding), expect->rule) != 0)
    return FALSE;
  return expect->needle == NULL || finding_mentions (finding, expect->document, expect->needle);
}

static guint
count_matching (GListModel  *model,
                FindingMatch match,
                gpointer     data)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CjmFinding) finding = g_list_model_get_item (model, i);
      n += match (finding, data);
    }
  return n;
}





static void
click_center (GtkWidget *widget)
{
  cjm_harness_wait_frame (widget);
  cjm_harness_click (widget, gtk_widget_get_width (widget) / 2.0,
                     gtk_widget_get_height (widget) / 2.0, 1, NULL);
  cjm_harness_iterate (200);
}

static GtkWidget *
panel_part (CanvasFixture *f,
            const char    *name)
{
  GtkWidget *found = find_named (GTK_WIDGET (f->window->findings_panel), name);

  g_assert_nonnull (found);
  return found;
}

static const char *
visible_page (CanvasFixture *f)
{
  GtkStack *stack = GTK_STACK (gtk_widget_get_ancestor (panel_part (f, "show-all-findings"),
                                                        GTK_TYPE_STACK));
  return gtk_stack_get_visible_child_name (stack);
}

static void
check_shown (CanvasFixture *f,
             GtkListView   *view,
             Expect        *expect,
             guint          n_all)
{
  GListModel *model = G_LIST_MODEL (cjm_findings_panel_get_checker (f->window->findings_panel));
  guint expected = count_matching (model, expect_match, expect);

  g_assert_cmpuint (cjm_findings_panel_get_n_shown (f->window->findings_panel), ==, expected);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (view))), ==,
                    expected);
  if (expected > 0)
    {
      cjm_harness_wait_frame (GTK_WIDGET (view));
      g_assert_cmpstr (visible_page (f), ==, "list");
      g_assert_cmpuint (check_drawn_rows (GTK_WIDGET (view), expect_match, expect), >, 0);
    }
  /* The tab's badge counts every live finding, whatever is shown. */
  g_assert_cmpint (adw_view_stack_page_get_badge_number (f->window->findings_page), ==, n_all);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_all);
}

static void
test_search_and_filters (void)
{
  CanvasFixture f;
  GListModel *model;
  GtkListView *view;
  GtkWidget *search, *focus, *dropdown, *popover;
  Expect expect = { NULL, NULL, NULL, -1 };
  g_autofree char *rule_label = NULL;
  guint n, n_rule;

  canvas_fixture_open (&f, "bill-payment.cjm");
  show_findings (&f);
  expect.document = f.document;
  model = G_LIST_MODEL (cjm_findings_panel_get_checker (f.window->findings_panel));
  n = g_list_model_get_n_items (model);
  view = GTK_LIST_VIEW (find_named_class (GTK_WIDGET (f.window->findings_panel), "findings-list"));
  search = panel_part (&f, "findings-search");
  check_shown (&f, view, &expect, n);

  /* Ctrl+F from the canvas puts the focus in the search entry. */
  gtk_widget_grab_focus (GTK_WIDGET (f.canvas));
  cjm_harness_key ("ctrl+f");
  focus = gtk_root_get_focus (GTK_ROOT (f.window));
  g_assert_true (focus != NULL && gtk_widget_is_ancestor (focus, search));

  /* Typing filters: a word in any case, from the messages and the items'
   * titles. */
  cjm_harness_type ("RECEIPT");
  cjm_harness_iterate (400);
  expect.needle = "receipt";
  check_shown (&f, view, &expect, n);
  g_assert_cmpuint (cjm_findings_panel_get_n_shown (f.window->findings_panel), <, n);
  g_assert_cmpuint (cjm_findings_panel_get_n_shown (f.window->findings_panel), >, 0);

  /* A rule's id and its title match too. */
  cjm_harness_key ("ctrl+a");
  cjm_harness_type ("cjm-o02");
  cjm_harness_iterate (400);
  expect.needle = "cjm-o02";
  check_shown (&f, view, &expect, n);
  g_assert_cmpuint (cjm_findings_panel_get_n_shown (f.window->findings_panel), ==, 3);
  cjm_harness_key ("ctrl+a");
  cjm_harness_type ("Split Ownership");
  cjm_harness_iterate (400);
  g_assert_cmpuint (cjm_findings_panel_get_n_shown (f.window->findings_panel), ==, 3);

  /* Accents are ignored: "receipt" written with them. */
  gtk_editable_set_text (GTK_EDITABLE (search), "RÉCËIPT");
  cjm_harness_iterate (400);
  expect.needle = "receipt";
  check_shown (&f, view, &expect, n);
  g_assert_cmpuint (cjm_findings_panel_get_n_shown (f.window->findings_panel), >, 0);

  /* Nothing matches: the empty state, whose button shows everything again. */
  cjm_harness_key ("ctrl+a");
  cjm_harness_type ("zzqx");
  cjm_harness_iterate (400);
  g_assert_cmpuint (cjm_findings_panel_get_n_shown (f.window->findings_panel), ==, 0);
  g_assert_cmpstr (visible_page (&f), ==, "no-match");
  g_assert_cmpint (adw_view_stack_page_get_badge_number (f.window->findings_page), ==, n);
  click_center (panel_part (&f, "show-all-findings"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (search)), ==, "");
  expect.needle = NULL;
  check_shown (&f, view, &expect, n);

  /* The warnings toggle hides the warnings, and shows them again. */
  click_center (panel_part (&f, "filter-warnings"));
  expect.hidden_severity = CJM_SEVERITY_WARNING;
  check_shown (&f, view, &expect, n);
  g_assert_cmpuint (cjm_findings_panel_get_n_shown (f.window->findings_panel), <, n);
  click_center (panel_part (&f, "filter-warnings"));
  expect.hidden_severity = -1;
  check_shown (&f, view, &expect, n);

  /* The rule filter lists the rules with their counts: pick one. */
  {
    Expect rule = { f.document, NULL, "CJM-M01", -1 };
    n_rule = count_matching (model, expect_match, &rule);
  }
  g_assert_cmpuint (n_rule, >, 0);
  dropdown = panel_part (&f, "rule-filter");
  click_center (dropdown);
  cjm_harness_iterate (200);
  popover = find_popover (dropdown);
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_mapped (popover));
  /* The entry is listed with its count; the keyboard picks it in the
   * open list (the popup is a surface of its own). */
  rule_label = g_strdup_printf ("Not measured (%u)", n_rule);
  g_assert_nonnull (find_label (popover, rule_label));
  {
    GListModel *rules = gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown));
    guint index = G_MAXUINT;

    for (guint i = 0; i < g_list_model_get_n_items (rules); i++)
      if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (rules), i), rule_label) == 0)
        index = i;
    g_assert_cmpuint (index, <, g_list_model_get_n_items (rules));
    cjm_harness_key ("Home");
    for (guint i = 0; i < index; i++)
      cjm_harness_key ("Down");
    cjm_harness_key ("Return");
    cjm_harness_iterate (200);
    g_assert_false (gtk_widget_get_mapped (popover));
    /* The pointer leaves the drop-down before the next click. */
    cjm_harness_pointer_move (search, 10, 10);
    cjm_harness_iterate (300);
  }
  expect.rule = "CJM-M01";
  check_shown (&f, view, &expect, n);
  g_assert_cmpuint (cjm_findings_panel_get_n_shown (f.window->findings_panel), ==, n_rule);

  /* With the suggestions hidden as well, nothing of M01 (info) is left. */
  click_center (panel_part (&f, "filter-suggestions"));
  g_assert_false (gtk_toggle_button_get_active (
                    GTK_TOGGLE_BUTTON (panel_part (&f, "filter-suggestions"))));
  g_assert_cmpuint (cjm_findings_panel_get_n_shown (f.window->findings_panel), ==, 0);
  g_assert_cmpstr (visible_page (&f), ==, "no-match");

  if (g_getenv ("CJM_FINDINGS_SCREENSHOT") != NULL)
    {
      click_center (panel_part (&f, "filter-suggestions"));
      gtk_editable_set_text (GTK_EDITABLE (search), "Service branch");
      cjm_harness_iterate (400);
      cjm_harness_screenshot (GTK_WINDOW (f.window), g_getenv ("CJM_FINDINGS_SCREENSHOT"));
    }

  canvas_fixture_close (&f);
}

/* Hebrew: points and final letters do not get in the way. */
static void
test_search_hebrew (void)
{
  CanvasFixture f;
  GtkWidget *search;
  GListModel *model;
  guint n, with_word = 0;

  canvas_fixture_open (&f, "fiber-onboarding.he.cjm");
  show_findings (&f);
  model = G_LIST_MODEL (cjm_findings_panel_get_checker (f.window->findings_panel));
  n = g_list_model_get_n_items (model);
  search = panel_part (&f, "findings-search");

  /* "הזמנה" (an order) is in titles; typed as a word it ends in a final
   * nun ("הזמן"), and with points ("הַזְמָנָה") it is the same word. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CjmFinding) finding = g_list_model_get_item (model, i);
      with_word += finding_mentions (finding, f.document, "הזמנ");
    }
  g_assert_cmpuint (with_word, >, 0);
  g_assert_cmpuint (with_word, <, n);

  gtk_editable_set_text (GTK_EDITABLE (search), "הזמן");
  cjm_harness_iterate (400);
  g_assert_cmpuint (cjm_findings_panel_get_n_shown (f.window->findings_panel), ==, with_word);
  gtk_editable_set_text (GTK_EDITABLE (search), "הַזְמָנָה");
  cjm_harness_iterate (400);
  g_assert_cmpuint (cjm_findings_panel_get_n_shown (f.window->findings_panel), ==, with_word);
  g_assert_cmpint (adw_view_stack_page_get_badge_number (f.window->findings_page), ==, n);

  canvas_fixture_close (&f);
}

static gboolean
kiosk_match (CjmFinding *finding,
             gpointer    data)
{
  return finding_mentions (finding, data, "kiosk");
}

/* A generated map with more than 4,000 findings: typing filters at once,
 * and the list makes rows only for what is on screen. */
static void
test_thousands (void)
{
  g_autofree char *script = cjm_harness_source_path ("tests/bench/gen-map.py");
  g_autofree char *path = g_build_filename (cjm_harness_get_tmpdir (), "big.cjm", NULL);
  const char *argv[] = { "python3", script, "--stages", "40", "--channels", "12",
                         "--touchpoints", "2000", "--seed", "1", "-o", path, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(CjmDocument) document = NULL;
  g_autoptr(CjmChecker) checker = NULL;
  GtkWidget *window, *panel, *search, *view, *toggle;
  GListModel *model;
  guint n, expected;
  gint64 start;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  file = g_file_new_for_path (path);
  document = cjm_document_new_from_file (file, &error);
  g_assert_no_error (error);
  checker = cjm_checker_new (document);
  model = G_LIST_MODEL (checker);
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, >=, 4000);

  window = gtk_window_new ();
  panel = cjm_findings_panel_new ();
  cjm_findings_panel_set_checker (CJM_FINDINGS_PANEL (panel), checker);
  gtk_window_set_child (GTK_WINDOW (window), panel);
  gtk_window_set_default_size (GTK_WINDOW (window), 420, 900);
  cjm_harness_show (GTK_WINDOW (window));
  cjm_harness_focus (GTK_WINDOW (window));
  cjm_harness_wait_frame (panel);

  view = find_named_class (panel, "findings-list");
  search = find_named (panel, "findings-search");
  /* GtkListView keeps rows for a window of about 200 items around what
   * is on screen, whatever the length of the list. */
  g_assert_cmpuint (count_row_widgets (view), <=, 250);

  /* Click in the search entry and type. */
  cjm_harness_click (search, gtk_widget_get_width (search) / 2.0,
                     gtk_widget_get_height (search) / 2.0, 1, NULL);
  cjm_harness_type ("kiosk");
  cjm_harness_iterate (400);
  cjm_harness_wait_frame (panel);
  expected = count_matching (model, kiosk_match, document);
  g_assert_cmpuint (expected, >, 0);
  g_assert_cmpuint (expected, <, n);
  g_assert_cmpuint (cjm_findings_panel_get_n_shown (CJM_FINDINGS_PANEL (panel)), ==, expected);
  g_assert_cmpuint (check_drawn_rows (view, kiosk_match, document), >, 0);
  g_assert_cmpuint (count_row_widgets (view), <=, 250);
  g_assert_cmpuint (cjm_findings_panel_get_n_visible (CJM_FINDINGS_PANEL (panel)), ==, n);

  /* Filtering 4,000 findings takes no perceptible time (a loose bound:
   * the point is that nothing per row but the filter runs). */
  toggle = find_named (panel, "filter-warnings");
  start = g_get_monotonic_time ();
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  cjm_findings_panel_clear_filters (CJM_FINDINGS_PANEL (panel));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), FALSE);
  g_test_message ("three refilters of %u findings: %.1f ms", n,
                  (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
  {
    Expect no_warnings = { document, NULL, NULL, CJM_SEVERITY_WARNING };
    g_assert_cmpuint (cjm_findings_panel_get_n_shown (CJM_FINDINGS_PANEL (panel)), ==,
                      count_matching (model, expect_match, &no_warnings));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  cjm_harness_iterate (50);
}

int
main (int    argc,
      char **argv)
{
  canvas_test_init (&argc, &argv);

  g_test_add_func ("/findings-panel/lists-live", test_lists_findings_live);
  g_test_add_func ("/findings-panel/click-selects-cards", test_click_selects_cards);
  g_test_add_func ("/findings-panel/suppress-and-restore", test_suppress_and_restore);
  g_test_add_func ("/findings-panel/search-and-filters", test_search_and_filters);
  g_test_add_func ("/findings-panel/search-hebrew", test_search_hebrew);
  g_test_add_func ("/findings-panel/thousands", test_thousands);

  return g_test_run ();
}
