/* test-priorities.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Priorities view of a real window, driven with real input: Alt+2
 * shows it; dragging a card to a cell sets impact and effort in the saved
 * file and Ctrl+Z gives back the file to the byte; the arrow keys move the
 * selected card; a card dragged from the unscored tray gets scored; a row
 * of the action plan dragged to another horizon group sets its horizon;
 * the filters; "Plan an action" on a P01 finding answers it and undo
 * brings it back; a right-to-left map is mirrored; screenshots of the view
 * (CJM_SCREENSHOT_DIR, else the test's temporary folder).
 */

#define G_LOG_DOMAIN "test-priorities"

#include "config.h"

#include "cjm-plan.h"
#include "cjm-test-harness.h"
#include "cjm-window-private.h"

typedef struct {
  CjmWindow       *window;
  CjmDocument     *document;
  CjmPriorities   *view;
  CjmPriorityGrid *grid;
  char            *path;
  GBytes          *original;
} Fixture;

static CjmApplication *app;
/* The view the first window opens with; then the Priorities view. */
static const char *remembered_view = "map";

static GBytes *
save (Fixture *f)
{
  g_autoptr(GFile) file = g_file_new_for_path (f->path);
  g_autoptr(GError) error = NULL;

  cjm_document_save (f->document, file, CJM_SAVE_FORCE | CJM_SAVE_NO_BACKUP, &error);
  g_assert_no_error (error);
  return cjm_harness_read_file (f->path);
}

/* Opens a copy of a template in a window; @prepare (optional) edits the
 * map first, outside the history. Shows the Priorities view with Alt+2. */
static void
open_map (Fixture    *f,
          const char *template,
          void      (*prepare) (CjmDocument *document))
{
  g_autofree char *source = g_build_filename (CJM_SOURCE_ROOT, "data", "templates", template, NULL);
  g_autoptr(GBytes) bytes = cjm_harness_read_file (source);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  memset (f, 0, sizeof *f);
  f->path = g_build_filename (cjm_harness_get_tmpdir (), template, NULL);
  g_file_set_contents (f->path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (f->path);
  f->document = cjm_document_new_from_file (file, &error);
  g_assert_no_error (error);
  if (prepare != NULL)
    {
      prepare (f->document);
      cjm_document_clear_history (f->document);
    }
  f->original = save (f);

  f->window = cjm_window_new (app, f->document);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1700, 1000);
  f->view = f->window->priorities;
  f->grid = cjm_priorities_get_grid (f->view);
  cjm_harness_show (GTK_WINDOW (f->window));
  cjm_harness_focus (GTK_WINDOW (f->window));
  cjm_harness_wait_frame (GTK_WIDGET (f->window));

  /* A new window shows the view the last one showed. */
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (f->window->main_stack), ==,
                   remembered_view);
  cjm_harness_key ("alt+1");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (f->window->main_stack), ==, "map");
  cjm_harness_key ("alt+2");
  cjm_harness_wait_frame (GTK_WIDGET (f->grid));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (f->window->main_stack), ==,
                   "priorities");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->grid)));
  remembered_view = "priorities";
}

static void
close_map (Fixture *f)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  cjm_harness_iterate (50);
  g_clear_object (&f->document);
  g_clear_pointer (&f->original, g_bytes_unref);
  g_clear_pointer (&f->path, g_free);
}

static CjmItem *
item (Fixture    *f,
      const char *id)
{
  CjmItem *found = cjm_document_lookup (f->document, id);

  g_assert_nonnull (found);
  return found;
}

static void
card_center (Fixture    *f,
             const char *id,
             double     *x,
             double     *y)
{
  g_assert_true (cjm_priority_grid_get_card_center (f->grid, item (f, id), x, y));
}

static void
assert_priority (Fixture    *f,
                 const char *id,
                 const char *impact,
                 const char *effort)
{
  g_assert_cmpstr (cjm_item_get_field (item (f, id), CJM_FIELD_IMPACT), ==, impact);
  g_assert_cmpstr (cjm_item_get_field (item (f, id), CJM_FIELD_EFFORT), ==, effort);
}

/* Ctrl+Z @n times gives back the original file, to the byte. */
static void
assert_undo_restores (Fixture *f,
                      guint    n)
{
  g_autoptr(GBytes) bytes = NULL;

  for (guint i = 0; i < n; i++)
    cjm_harness_key ("ctrl+z");
  bytes = save (f);
  cjm_harness_assert_same_bytes (f->original, bytes);
}

static void
shoot (Fixture    *f,
       const char *name)
{
  const char *dir = g_getenv ("CJM_SCREENSHOT_DIR");
  const char *renderer = g_getenv ("GSK_RENDERER");
  g_autofree char *file = g_strdup_printf ("%s-%s.png", name, renderer ? renderer : "default");
  g_autofree char *path = g_build_filename (dir && *dir ? dir : cjm_harness_get_tmpdir (), file,
                                            NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;

  cjm_harness_wait_frame (GTK_WIDGET (f->grid));
  cjm_harness_screenshot (GTK_WINDOW (f->window), path);
  pixbuf = gdk_pixbuf_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), >, 800);
  g_test_message ("screenshot: %s", path);
}

/* Tests */

static void
test_drag_card (void)
{
  Fixture f;
  double x, y, tx, ty;
  g_autoptr(GBytes) bytes = NULL;

  open_map (&f, "bank-account-opening.cjm", NULL);
  assert_priority (&f, "o-branch-tablets", "3", "2");

  card_center (&f, "o-branch-tablets", &x, &y);
  cjm_priority_grid_get_cell_center (f.grid, 5, 4, &tx, &ty);
  cjm_harness_drag (GTK_WIDGET (f.grid), x, y, GTK_WIDGET (f.grid), tx, ty, 1, NULL, 12);

  assert_priority (&f, "o-branch-tablets", "5", "4");
  g_assert_true (cjm_priority_grid_get_selected (f.grid) == item (&f, "o-branch-tablets"));
  /* A click selects it in the inspector and on the map. */
  g_assert_true (cjm_inspector_get_item (f.window->inspector) == item (&f, "o-branch-tablets"));
  g_assert_cmpuint (cjm_canvas_get_selection (f.window->canvas)->len, ==, 1);
  bytes = save (&f);
  g_assert_true (cjm_harness_bytes_contain (bytes, "id=\"o-branch-tablets\" stage=\"s-compare\" "
                                            "lane=\"l-opp\" impact=\"5\" effort=\"4\""));
  /* The card is in its new cell now. */
  card_center (&f, "o-branch-tablets", &x, &y);
  g_assert_cmpfloat (fabs (x - tx), <, 40);

  /* One undo step. */
  assert_undo_restores (&f, 1);
  assert_priority (&f, "o-branch-tablets", "3", "2");
  close_map (&f);
}

static void
test_arrow_keys (void)
{
  Fixture f;
  double x, y;

  open_map (&f, "bank-account-opening.cjm", NULL);
  assert_priority (&f, "o-save-form", "4", "2");
  card_center (&f, "o-save-form", &x, &y);
  cjm_harness_click (GTK_WIDGET (f.grid), x, y, 1, NULL);
  g_assert_true (cjm_priority_grid_get_selected (f.grid) == item (&f, "o-save-form"));
  assert_priority (&f, "o-save-form", "4", "2");   /* a click changes nothing */
  g_assert_false (cjm_document_can_undo (f.document));

  cjm_harness_key ("Up");
  assert_priority (&f, "o-save-form", "5", "2");
  cjm_harness_key ("Right");
  assert_priority (&f, "o-save-form", "5", "3");
  cjm_harness_key ("Up");                           /* already at the top */
  assert_priority (&f, "o-save-form", "5", "3");
  cjm_harness_key ("Down");
  assert_priority (&f, "o-save-form", "4", "3");

  assert_undo_restores (&f, 3);
  close_map (&f);
}

static void
unscore (CjmDocument *document)
{
  CjmItem *opportunity = cjm_document_lookup (document, "o-status-page");

  cjm_document_set_field (document, opportunity, CJM_FIELD_IMPACT, NULL);
  cjm_document_set_field (document, opportunity, CJM_FIELD_EFFORT, NULL);
}

static void
test_tray (void)
{
  Fixture f;
  double x, y, tx, ty, tray_x, tray_y;
  g_autoptr(CjmPlanEntry) entry = NULL;

  open_map (&f, "bank-account-opening.cjm", unscore);
  entry = cjm_plan_entry_new (f.document, item (&f, "o-status-page"));
  g_assert_cmpint (entry->quadrant, ==, CJM_QUADRANT_UNSCORED);

  /* In the tray, under the grid. */
  card_center (&f, "o-status-page", &x, &y);
  cjm_priority_grid_get_cell_center (f.grid, 1, 1, &tx, &ty);
  cjm_priority_grid_get_cell_center (f.grid, 0, 0, &tray_x, &tray_y);
  g_assert_cmpfloat (y, >, ty);
  g_assert_cmpfloat (fabs (y - tray_y), <, 40);

  cjm_priority_grid_get_cell_center (f.grid, 4, 1, &tx, &ty);
  cjm_harness_drag (GTK_WIDGET (f.grid), x, y, GTK_WIDGET (f.grid), tx, ty, 1, NULL, 12);
  assert_priority (&f, "o-status-page", "4", "1");
  assert_undo_restores (&f, 1);
  close_map (&f);
}

static GtkWidget *
find_row (Fixture    *f,
          const char *id)
{
  g_autoptr(GPtrArray) rows = cjm_priorities_dup_rows (f->view);

  for (guint i = 0; i < rows->len; i++)
    if (g_object_get_data (g_ptr_array_index (rows, i), "cjm-item") == item (f, id))
      return g_ptr_array_index (rows, i);
  return NULL;
}

static void
test_horizon_drag (void)
{
  Fixture f;
  GtkWidget *row, *heading;
  g_autoptr(GPtrArray) rows = NULL;
  CjmItem *first;

  open_map (&f, "bank-account-opening.cjm", NULL);
  g_assert_cmpstr (cjm_item_get_field (item (&f, "o-branch-tablets"), CJM_FIELD_HORIZON), ==,
                   "next");

  /* Plan order: the first row is a quick win planned for now. */
  rows = cjm_priorities_dup_rows (f.view);
  g_assert_cmpuint (rows->len, ==, cjm_document_get_n_items (f.document, CJM_KIND_OPPORTUNITY));
  first = g_object_get_data (g_ptr_array_index (rows, 0), "cjm-item");
  g_assert_cmpstr (cjm_item_get_id (first), ==, "o-one-doc-list");

  row = find_row (&f, "o-branch-tablets");
  heading = cjm_priorities_get_heading (f.view, CJM_HORIZON_LATER);
  g_assert_nonnull (row);
  g_assert_nonnull (heading);
  cjm_harness_drag (row, 40, 10, heading, 40, gtk_widget_get_height (heading) / 2.0, 1, NULL, 12);
  g_assert_cmpstr (cjm_item_get_field (item (&f, "o-branch-tablets"), CJM_FIELD_HORIZON), ==,
                   "later");
  /* Now listed under Later. */
  row = find_row (&f, "o-branch-tablets");
  g_assert_cmpuint (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "cjm-horizon")) - 1, ==,
                    CJM_HORIZON_LATER);

  /* To "not scheduled": the attribute goes. */
  heading = cjm_priorities_get_heading (f.view, CJM_HORIZON_NONE);
  cjm_harness_drag (row, 40, 10, heading, 40, gtk_widget_get_height (heading) / 2.0, 1, NULL, 12);
  g_assert_null (cjm_item_get_field (item (&f, "o-branch-tablets"), CJM_FIELD_HORIZON));

  assert_undo_restores (&f, 2);
  close_map (&f);
}

static guint
position_of (GtkDropDown *dropdown,
             const char  *label)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), label) == 0)
      return i;
  g_assert_not_reached ();
}

static void
assert_rows (Fixture    *f,
             const char *expected)
{
  g_autoptr(GPtrArray) rows = cjm_priorities_dup_rows (f->view);
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      CjmItem *row_item = g_object_get_data (g_ptr_array_index (rows, i), "cjm-item");
      double x, y;

      g_string_append_printf (ids, "%s%s", i ? " " : "", cjm_item_get_id (row_item));
      /* The grid shows the same ones. */
      g_assert_true (cjm_priority_grid_get_card_center (f->grid, row_item, &x, &y));
    }
  g_assert_cmpstr (ids->str, ==, expected);
}

static void
test_filters (void)
{
  Fixture f;
  GtkDropDown *owner, *status, *stage, *persona;
  double x, y;

  open_map (&f, "bank-account-opening.cjm", NULL);
  owner = cjm_priorities_get_filter (f.view, "owner");
  status = cjm_priorities_get_filter (f.view, "status");
  stage = cjm_priorities_get_filter (f.view, "stage");
  persona = cjm_priorities_get_filter (f.view, "persona");

  gtk_drop_down_set_selected (owner, position_of (owner, "Digital Banking"));
  cjm_harness_iterate (50);
  assert_rows (&f, "o-save-form o-selfie-guide o-status-page");
  g_assert_false (cjm_priority_grid_get_card_center (f.grid, item (&f, "o-one-doc-list"), &x, &y));

  gtk_drop_down_set_selected (status, position_of (status, cjm_status_get_label (CJM_STATUS_PLANNED)));
  cjm_harness_iterate (50);
  assert_rows (&f, "o-save-form");

  gtk_drop_down_set_selected (owner, 0);
  gtk_drop_down_set_selected (status, position_of (status, cjm_status_get_label (CJM_STATUS_DROPPED)));
  cjm_harness_iterate (50);
  assert_rows (&f, "o-reprint");

  gtk_drop_down_set_selected (status, 0);
  gtk_drop_down_set_selected (stage, position_of (stage, "Prove identity"));
  cjm_harness_iterate (50);
  assert_rows (&f, "o-selfie-guide o-video-verify");

  /* Samir passes the verification step; Helen does not. */
  gtk_drop_down_set_selected (persona, position_of (persona, "Helen"));
  cjm_harness_iterate (50);
  assert_rows (&f, "");
  gtk_drop_down_set_selected (persona, position_of (persona, "Samir"));
  cjm_harness_iterate (50);
  assert_rows (&f, "o-selfie-guide o-video-verify");

  /* Filters change nothing in the map. */
  g_assert_false (cjm_document_can_undo (f.document));
  close_map (&f);
}

/* A pain that no opportunity answers yet: CJM-P01. */
static void
add_pain (CjmDocument *document)
{
  cjm_document_set_field (document, cjm_document_lookup (document, "t-web-compare"),
                          CJM_FIELD_EMOTION, "-3");
}

static CjmFinding *
find_p01 (Fixture *f)
{
  GPtrArray *all = cjm_checker_get_all (f->window->checker);

  for (guint i = 0; i < all->len; i++)
    {
      CjmFinding *finding = g_ptr_array_index (all, i);

      if (g_strcmp0 (cjm_finding_get_rule (finding), "CJM-P01") == 0
          && g_strv_contains (cjm_finding_get_targets (finding), "t-web-compare"))
        return finding;
    }
  return NULL;
}

static GtkWidget *
find_plan_button (GtkWidget  *root,
                  CjmFinding *finding)
{
  if (g_strcmp0 (gtk_widget_get_name (root), "finding-row") == 0
      && g_object_get_data (G_OBJECT (root), "cjm-finding") == finding)
    {
      for (GtkWidget *w = gtk_widget_get_first_child (root); w != NULL;
           w = gtk_widget_get_next_sibling (w))
        for (GtkWidget *b = gtk_widget_get_first_child (w); b != NULL;
             b = gtk_widget_get_next_sibling (b))
          if (g_strcmp0 (gtk_widget_get_name (b), "plan-action-button") == 0)
            return b;
      return NULL;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_plan_button (child, finding);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
plan_button_shown (gpointer data)
{
  Fixture *f = data;
  GtkWidget *button = find_plan_button (GTK_WIDGET (f->window->findings_panel), find_p01 (f));

  return button != NULL && gtk_widget_get_mapped (button) && gtk_widget_get_width (button) > 0;
}

static void
test_plan_action (void)
{
  Fixture f;
  CjmFinding *finding;
  GtkWidget *button;
  CjmItem *planned;
  guint n_opportunities;

  open_map (&f, "bank-account-opening.cjm", add_pain);
  n_opportunities = cjm_document_get_n_items (f.document, CJM_KIND_OPPORTUNITY);
  finding = find_p01 (&f);
  g_assert_nonnull (finding);

  /* Find the row as a user would in a long list: the search entry
   * (Ctrl+F) filtered to the rule, so the row is on screen. */
  cjm_harness_key ("ctrl+f");
  cjm_harness_type ("P01");
  g_assert_true (cjm_harness_wait_for (plan_button_shown, &f, 5000));
  button = find_plan_button (GTK_WIDGET (f.window->findings_panel), finding);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_mapped (button));
  cjm_harness_click (button, gtk_widget_get_width (button) / 2.0,
                     gtk_widget_get_height (button) / 2.0, 1, NULL);

  g_assert_cmpuint (cjm_document_get_n_items (f.document, CJM_KIND_OPPORTUNITY), ==,
                    n_opportunities + 1);
  g_assert_null (find_p01 (&f));
  planned = cjm_inspector_get_item (f.window->inspector);
  g_assert_nonnull (planned);
  g_assert_cmpint (cjm_item_get_kind (planned), ==, CJM_KIND_OPPORTUNITY);
  g_assert_cmpstr (cjm_item_get_field (planned, CJM_FIELD_ADDRESSES), ==, "t-web-compare");
  g_assert_cmpstr (cjm_item_get_field (planned, CJM_FIELD_STAGE), ==,
                   cjm_item_get_field (item (&f, "t-web-compare"), CJM_FIELD_STAGE));
  /* It is in the action plan too, unscored. */
  g_assert_nonnull (find_row (&f, cjm_item_get_id (planned)));

  cjm_harness_key ("ctrl+z");
  g_assert_nonnull (find_p01 (&f));
  assert_undo_restores (&f, 0);
  close_map (&f);
}

static GtkWidget *
find_type (GtkWidget  *root,
           const char *type_name)
{
  if (g_strcmp0 (G_OBJECT_TYPE_NAME (root), type_name) == 0 && gtk_widget_get_mapped (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type_name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The card's right-click menu on the map offers the same. */
static void
test_card_menu (void)
{
  Fixture f;
  GtkWidget *canvas, *popover = NULL, *entry;
  graphene_rect_t rect;
  CjmItem *planned;

  open_map (&f, "bank-account-opening.cjm", add_pain);
  g_assert_nonnull (find_p01 (&f));
  cjm_harness_key ("alt+1");
  remembered_view = "map";
  canvas = GTK_WIDGET (f.window->canvas);
  cjm_canvas_scroll_to_item (f.window->canvas, item (&f, "t-web-compare"));
  cjm_harness_wait_frame (canvas);
  g_assert_true (cjm_canvas_get_item_widget_rect (f.window->canvas, item (&f, "t-web-compare"),
                                                  &rect));
  cjm_harness_click (canvas, rect.origin.x + rect.size.width / 2,
                     rect.origin.y + rect.size.height / 2, 3, NULL);
  cjm_harness_iterate (200);
  for (GtkWidget *child = gtk_widget_get_first_child (canvas); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (gtk_widget_get_name (child), "card-menu") == 0)
      popover = child;
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (popover));
  cjm_harness_wait_frame (popover);
  entry = find_type (popover, "GtkModelButton");
  g_assert_nonnull (entry);
  /* The menu is a popup surface of its own: its place on the screen is
   * the window's, plus the popup's offset in it. */
  {
    GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (popover));
    double ex, ey, tx, ty;
    int wx, wy;
    g_autofree char *sx = NULL;
    g_autofree char *sy = NULL;

    cjm_harness_get_screen_origin (GTK_WINDOW (f.window), &wx, &wy);
    g_assert_true (gtk_widget_translate_coordinates (entry, popover,
                                                     gtk_widget_get_width (entry) / 2.0,
                                                     gtk_widget_get_height (entry) / 2.0,
                                                     &ex, &ey));
    gtk_native_get_surface_transform (GTK_NATIVE (popover), &tx, &ty);
    sx = g_strdup_printf ("%d", (int) (wx + gdk_popup_get_position_x (GDK_POPUP (surface)) + tx + ex));
    sy = g_strdup_printf ("%d", (int) (wy + gdk_popup_get_position_y (GDK_POPUP (surface)) + ty + ey));
    cjm_harness_xdotool ("mousemove", sx, sy, NULL);
    cjm_harness_button (1, TRUE);
    cjm_harness_button (1, FALSE);
  }
  cjm_harness_iterate (100);

  g_assert_null (find_p01 (&f));
  planned = cjm_inspector_get_item (f.window->inspector);
  g_assert_nonnull (planned);
  g_assert_cmpint (cjm_item_get_kind (planned), ==, CJM_KIND_OPPORTUNITY);
  g_assert_cmpstr (cjm_item_get_field (planned, CJM_FIELD_ADDRESSES), ==, "t-web-compare");
  g_assert_cmpstr (cjm_item_get_field (planned, CJM_FIELD_TITLE), ==,
                   cjm_item_get_display_text (item (&f, "t-web-compare")));
  gtk_widget_grab_focus (canvas);
  assert_undo_restores (&f, 1);
  g_assert_nonnull (find_p01 (&f));
  close_map (&f);
}

static void
test_rtl (void)
{
  Fixture f;
  double x1, y1, x4, y4, cx1, cy1, cx5, cy5;

  open_map (&f, "internet-onboarding.he.cjm", NULL);
  g_assert_true (cjm_document_is_rtl (f.document));

  /* Effort 1 at the right, 5 at the left; impact 5 at the top. */
  cjm_priority_grid_get_cell_center (f.grid, 5, 1, &cx1, &cy1);
  cjm_priority_grid_get_cell_center (f.grid, 1, 5, &cx5, &cy5);
  g_assert_cmpfloat (cx1, >, cx5);
  g_assert_cmpfloat (cy1, <, cy5);
  card_center (&f, "o-fee-wording", &x1, &y1);      /* effort 1 */
  card_center (&f, "o-video-survey", &x4, &y4);     /* effort 4 */
  g_assert_cmpfloat (x1, >, x4);

  /* Right is towards less effort in a right-to-left map. */
  cjm_harness_click (GTK_WIDGET (f.grid), x4, y4, 1, NULL);
  assert_priority (&f, "o-video-survey", "5", "4");
  cjm_harness_key ("Right");
  assert_priority (&f, "o-video-survey", "5", "3");
  cjm_harness_key ("Left");
  cjm_harness_key ("Left");
  assert_priority (&f, "o-video-survey", "5", "5");
  shoot (&f, "priorities-rtl");
  assert_undo_restores (&f, 3);
  close_map (&f);
}

static void
test_look (void)
{
  Fixture f;
  double x, y;

  open_map (&f, "bank-account-opening.cjm", NULL);
  card_center (&f, "o-selfie-guide", &x, &y);
  cjm_harness_click (GTK_WIDGET (f.grid), x, y, 1, NULL);
  shoot (&f, "priorities");
  close_map (&f);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;

  cjm_harness_init (&argc, &argv);
  app = cjm_application_new (APPLICATION_ID ".PrioritiesTest",
                             G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("Could not register the application: %s", error->message);
  g_application_hold (G_APPLICATION (app));

  g_test_add_func ("/priorities/look", test_look);
  g_test_add_func ("/priorities/drag-card", test_drag_card);
  g_test_add_func ("/priorities/arrow-keys", test_arrow_keys);
  g_test_add_func ("/priorities/tray", test_tray);
  g_test_add_func ("/priorities/horizon-drag", test_horizon_drag);
  g_test_add_func ("/priorities/filters", test_filters);
  g_test_add_func ("/priorities/plan-action", test_plan_action);
  g_test_add_func ("/priorities/card-menu", test_card_menu);
  g_test_add_func ("/priorities/rtl", test_rtl);

  return g_test_run ();
}
