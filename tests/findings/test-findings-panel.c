/* test-findings-panel.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The findings panel of a real window: it lists what the checker finds,
 * live; clicking a finding selects its cards on the canvas; a finding is
 * suppressed with a typed reason (saved in the file, undoable) and restored.
 */

#define G_LOG_DOMAIN "test-findings-panel"

#include "config.h"

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

static GtkWidget *
find_named_class (GtkWidget  *root,
                  const char *css_class)
{
  if (gtk_widget_has_css_class (root, css_class))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named_class (child, css_class);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The row widget the visible list shows for @finding, or NULL. */
static GtkWidget *
find_finding_row (GtkWidget  *root,
                  CjmFinding *finding)
{
  if (g_strcmp0 (gtk_widget_get_name (root), "finding-row") == 0
      && g_object_get_data (G_OBJECT (root), "cjm-finding") == finding)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_finding_row (child, finding);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static guint
count_drawn_rows (GtkWidget *root)
{
  guint n = g_strcmp0 (gtk_widget_get_name (root), "finding-row") == 0
            && gtk_widget_get_mapped (root)
            && g_object_get_data (G_OBJECT (root), "cjm-finding") != NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_drawn_rows (child);
  return n;
}

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
  show_findings (&f);

  model = G_LIST_MODEL (cjm_findings_panel_get_checker (f.window->findings_panel));
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (cjm_findings_panel_get_n_visible (f.window->findings_panel), ==, n);
  g_assert_cmpint (adw_view_stack_page_get_badge_number (f.window->findings_page), ==, n);

  view = GTK_LIST_VIEW (find_named_class (GTK_WIDGET (f.window->findings_panel), "findings-list"));
  g_assert_nonnull (view);
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

int
main (int    argc,
      char **argv)
{
  canvas_test_init (&argc, &argv);

  g_test_add_func ("/findings-panel/lists-live", test_lists_findings_live);
  g_test_add_func ("/findings-panel/click-selects-cards", test_click_selects_cards);
  g_test_add_func ("/findings-panel/suppress-and-restore", test_suppress_and_restore);

  return g_test_run ();
}
