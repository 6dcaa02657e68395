/* test-inspector.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The inspector in a real window: typed text (real key events) lands in
 * the document as one undo step per burst, choices, switches, check
 * lists and list rows edit the item, and undo refreshes what is shown.
 */

#define G_LOG_DOMAIN "CjmTest"

#include "config.h"

#include "cjm-test-app.h"
#include "cjm-inspector-private.h"
#include "cjm-plan.h"
#include "cjm-window-private.h"

typedef struct {
  CjmWindow    *window;
  CjmDocument  *document;
  CjmInspector *inspector;
  CjmItem      *touchpoint;
  CjmItem      *other;
} Fixture;

static CjmItem *
add (CjmDocument *document,
     CjmKind      kind,
     const char  *id,
     ...)
{
  g_autoptr(CjmItem) item = cjm_item_new (kind);
  va_list args;
  int field;

  cjm_item_set_initial_field (item, CJM_FIELD_ID, id);
  va_start (args, id);
  while ((field = va_arg (args, int)) >= 0)
    cjm_item_set_initial_field (item, field, va_arg (args, const char *));
  va_end (args);
  cjm_document_insert_item (document, item, -1);
  return item;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(CjmDocument) document = cjm_document_new ();

  add (document, CJM_KIND_PERSONA, "p-dana", CJM_FIELD_NAME, "Dana", CJM_FIELD_COLOR, "#3584e4", -1);
  add (document, CJM_KIND_PERSONA, "p-moshe", CJM_FIELD_NAME, "Moshe", -1);
  add (document, CJM_KIND_STAGE, "s-pay", CJM_FIELD_NAME, "Pay", -1);
  add (document, CJM_KIND_STAGE, "s-confirm", CJM_FIELD_NAME, "Confirm", -1);
  add (document, CJM_KIND_LANE, "l-web", CJM_FIELD_NAME, "Website", CJM_FIELD_LANE_KIND, "channel",
       CJM_FIELD_OWNER, "Digital", -1);
  add (document, CJM_KIND_LANE, "l-call", CJM_FIELD_NAME, "Call center", CJM_FIELD_LANE_KIND, "channel", -1);
  add (document, CJM_KIND_LANE, "l-pain", CJM_FIELD_NAME, "Pains", CJM_FIELD_LANE_KIND, "pain-points", -1);
  f->other = add (document, CJM_KIND_TOUCHPOINT, "t-web", CJM_FIELD_STAGE, "s-pay", CJM_FIELD_LANE, "l-web",
                  CJM_FIELD_TITLE, "Pay online", CJM_FIELD_INTERACTION, "Pay bill", -1);
  f->touchpoint = add (document, CJM_KIND_TOUCHPOINT, "t-call", CJM_FIELD_STAGE, "s-pay",
                       CJM_FIELD_LANE, "l-call", CJM_FIELD_TITLE, "Pay by phone", -1);
  cjm_document_clear_history (document);
  cjm_document_set_clean (document);

  f->window = cjm_window_new (cjm_test_app_get (), document);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (cjm_test_wait_drawn (GTK_WIDGET (f->window)));
  f->document = cjm_window_get_document (f->window);
  f->inspector = f->window->inspector;
  g_assert_true (adw_flap_get_reveal_flap (f->window->flap));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  cjm_test_close_all ();
}

static GtkWidget *
row (Fixture    *f,
     const char *title)
{
  GtkWidget *found = cjm_test_find_row (GTK_WIDGET (f->inspector), title);

  g_assert_nonnull (found);
  return found;
}

static guint
count_undo_steps (CjmDocument *document)
{
  guint n = 0;

  while (cjm_document_undo (document))
    n++;
  for (guint i = 0; i < n; i++)
    cjm_document_redo (document);
  return n;
}

/* Focuses an editable the way a person would: the window through X, then
 * the field. */
static void
focus_field (Fixture   *f,
             GtkWidget *editable)
{
  cjm_test_focus_window (GTK_WIDGET (f->window));
  gtk_widget_grab_focus (editable);
  cjm_test_iterate (50);
}

static void
test_map_title_typed (Fixture       *f,
                      gconstpointer  data)
{
  CjmItem *map = cjm_document_get_map (f->document);
  GtkWidget *title = row (f, "Title");

  /* Nothing selected: the map's own fields. */
  g_assert_null (cjm_inspector_get_item (f->inspector));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, "Untitled journey");

  focus_field (f, title);
  cjm_test_xdotool ("key --delay 20 ctrl+a");
  cjm_test_xdotool ("type --delay 20 'Bill day'");
  /* Typing alone commits nothing... */
  g_assert_cmpstr (cjm_item_get_field (map, CJM_FIELD_TITLE), ==, "Untitled journey");
  g_assert_false (cjm_document_can_undo (f->document));

  /* ...Enter does, as one step. */
  cjm_test_xdotool ("key Return");
  g_assert_cmpstr (cjm_item_get_field (map, CJM_FIELD_TITLE), ==, "Bill day");
  g_assert_cmpuint (count_undo_steps (f->document), ==, 1);
  g_assert_cmpstr (adw_window_title_get_title (f->window->window_title), ==, "• Bill day");

  /* Ctrl+Z in the field, after the commit, undoes in the map. */
  cjm_test_xdotool ("key ctrl+z");
  g_assert_cmpstr (cjm_item_get_field (map, CJM_FIELD_TITLE), ==, "Untitled journey");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, "Untitled journey");
  g_assert_false (cjm_document_get_modified (f->document));

  cjm_test_xdotool ("key ctrl+shift+z");
  g_assert_cmpstr (cjm_item_get_field (map, CJM_FIELD_TITLE), ==, "Bill day");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, "Bill day");
}

static void
test_focus_out_commits (Fixture       *f,
                        gconstpointer  data)
{
  CjmItem *map = cjm_document_get_map (f->document);
  GtkWidget *author = row (f, "Author");

  focus_field (f, author);
  cjm_test_xdotool ("type --delay 20 'CX guild'");
  g_assert_null (cjm_item_get_field (map, CJM_FIELD_AUTHOR));

  /* Tab away: the burst is one step. */
  cjm_test_xdotool ("key Tab");
  g_assert_cmpstr (cjm_item_get_field (map, CJM_FIELD_AUTHOR), ==, "CX guild");
  g_assert_cmpuint (count_undo_steps (f->document), ==, 1);

  /* Emptied: the field is removed, not kept as "". */
  focus_field (f, author);
  gtk_editable_set_text (GTK_EDITABLE (author), "");
  cjm_test_xdotool ("key Return");
  g_assert_null (cjm_item_get_field (map, CJM_FIELD_AUTHOR));
}

static void
test_save_commits_typing (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *dir = cjm_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "typed.cjm", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CjmDocument) saved = NULL;
  GtkWidget *title = row (f, "Title");

  focus_field (f, title);
  cjm_test_xdotool ("key ctrl+a");
  cjm_test_xdotool ("type --delay 20 'Typed then saved'");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save-as-file", "s", path);
  saved = cjm_document_new_from_file (file, NULL);
  g_assert_nonnull (saved);
  g_assert_cmpstr (cjm_item_get_field (cjm_document_get_map (saved), CJM_FIELD_TITLE), ==,
                   "Typed then saved");
}

static void
test_touchpoint_fields (Fixture       *f,
                        gconstpointer  data)
{
  GtkWidget *interaction_row, *entry, *emotion, *mot, *toggle, *owner;
  GtkEntryCompletion *completion;
  GtkTreeModel *model;
  GtkTreeIter iter;
  g_autofree char *first = NULL;

  cjm_inspector_set_item (f->inspector, f->touchpoint);
  g_assert_true (cjm_inspector_get_item (f->inspector) == f->touchpoint);

  /* Title and description rows show the item. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (f, "Title"))), ==, "Pay by phone");

  /* Interaction completes from the other channels' interactions. */
  interaction_row = row (f, "Interaction");
  entry = cjm_test_find_child (interaction_row, GTK_TYPE_ENTRY);
  g_assert_nonnull (entry);
  completion = gtk_entry_get_completion (GTK_ENTRY (entry));
  model = gtk_entry_completion_get_model (completion);
  g_assert_true (gtk_tree_model_get_iter_first (model, &iter));
  gtk_tree_model_get (model, &iter, 0, &first, -1);
  g_assert_cmpstr (first, ==, "Pay bill");

  focus_field (f, entry);
  cjm_test_xdotool ("type --delay 30 pay");
  cjm_test_iterate (300);
  /* Down picks the suggestion in the popup, Enter takes it. */
  cjm_test_xdotool ("key --delay 50 Down Return");
  cjm_test_iterate (100);
  g_assert_cmpstr (cjm_item_get_field (f->touchpoint, CJM_FIELD_INTERACTION), ==, "Pay bill");
  g_assert_cmpuint (count_undo_steps (f->document), ==, 1);

  /* The owner's placeholder says what the lane gives by default. */
  owner = cjm_test_find_child (row (f, "Owner"), GTK_TYPE_ENTRY);
  g_assert_cmpstr (gtk_entry_get_placeholder_text (GTK_ENTRY (owner)), ==, "Department");
  cjm_inspector_set_item (f->inspector, f->other);
  owner = cjm_test_find_child (row (f, "Owner"), GTK_TYPE_ENTRY);
  g_assert_nonnull (strstr (gtk_entry_get_placeholder_text (GTK_ENTRY (owner)), "Digital"));
  cjm_inspector_set_item (f->inspector, f->touchpoint);

  /* Emotion: a choice from +3 down to -3, or not known. */
  emotion = row (f, "Emotion");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (emotion)), ==, 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (emotion), 6);   /* -2 */
  g_assert_cmpstr (cjm_item_get_field (f->touchpoint, CJM_FIELD_EMOTION), ==, "-2");
  g_assert_cmpint (cjm_item_get_emotion (f->touchpoint), ==, -2);
  cjm_document_undo (f->document);
  g_assert_null (cjm_item_get_field (f->touchpoint, CJM_FIELD_EMOTION));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (emotion)), ==, 0);
  cjm_document_redo (f->document);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (emotion)), ==, 6);

  adw_combo_row_set_selected (ADW_COMBO_ROW (row (f, "Target Emotion")), 2);   /* +2 */
  g_assert_cmpint (cjm_item_get_target_emotion (f->touchpoint), ==, 2);

  /* Moment of truth: a switch. */
  mot = row (f, "Moment of Truth");
  toggle = cjm_test_find_child (mot, GTK_TYPE_SWITCH);
  gtk_switch_set_active (GTK_SWITCH (toggle), TRUE);
  g_assert_cmpstr (cjm_item_get_field (f->touchpoint, CJM_FIELD_MOMENT_OF_TRUTH), ==, "true");
  gtk_switch_set_active (GTK_SWITCH (toggle), FALSE);
  g_assert_null (cjm_item_get_field (f->touchpoint, CJM_FIELD_MOMENT_OF_TRUTH));

  /* Evidence. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (row (f, "Evidence")), 2);
  g_assert_cmpstr (cjm_item_get_field (f->touchpoint, CJM_FIELD_EVIDENCE), ==, "assumed");

  /* Third party, typed and committed on Enter. */
  focus_field (f, row (f, "Third Party"));
  cjm_test_xdotool ("type --delay 20 PayCo");
  cjm_test_xdotool ("key Return");
  g_assert_cmpstr (cjm_item_get_field (f->touchpoint, CJM_FIELD_THIRD_PARTY), ==, "PayCo");

  /* Stage and channel: moving the card from the inspector. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (row (f, "Stage")), 1);
  g_assert_cmpstr (cjm_item_get_field (f->touchpoint, CJM_FIELD_STAGE), ==, "s-confirm");
  cjm_test_iterate (50);
  /* Only channel lanes are offered to a touchpoint. */
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (row (f, "Channel")))), ==, 2);
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *tooltip)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_widget_get_tooltip_text (child), tooltip) == 0
          && gtk_widget_is_drawable (child))
        return child;
      if ((found = find_button (child, tooltip)) != NULL)
        return found;
    }
  return NULL;
}

static gboolean
rebuilt (gpointer data)
{
  Fixture *f = data;

  return f->inspector->rebuild_source == 0;
}

static void
click (Fixture    *f,
       const char *tooltip)
{
  GtkWidget *button = find_button (GTK_WIDGET (f->inspector), tooltip);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (cjm_test_wait_for (rebuilt, f, 2000));
  cjm_test_iterate (50);
}

static void
test_lists (Fixture       *f,
            gconstpointer  data)
{
  GPtrArray *facts, *kpis, *sources;
  GtkRoot *root = GTK_ROOT (f->window);
  GtkWidget *focus;

  cjm_inspector_set_item (f->inspector, f->touchpoint);
  cjm_test_focus_window (GTK_WIDGET (f->window));

  /* Add a fact: the new row's key is focused and selected, so typing
   * replaces the suggested text. */
  click (f, "Add Fact");
  facts = cjm_item_get_list (f->touchpoint, CJM_LIST_FACTS);
  g_assert_cmpuint (facts->len, ==, 1);
  focus = gtk_root_get_focus (root);
  g_assert_true (GTK_IS_TEXT (focus));
  cjm_test_xdotool ("type --delay 20 Fee");
  cjm_test_xdotool ("key Tab");
  cjm_test_xdotool ("type --delay 20 '5 NIS'");
  cjm_test_xdotool ("key Return");
  facts = cjm_item_get_list (f->touchpoint, CJM_LIST_FACTS);
  g_assert_cmpuint (facts->len, ==, 1);
  g_assert_cmpstr (((CjmFact *) g_ptr_array_index (facts, 0))->key, ==, "Fee");
  g_assert_cmpstr (((CjmFact *) g_ptr_array_index (facts, 0))->value, ==, "5 NIS");

  /* Undo brings back the suggested text; undo again removes the row. */
  cjm_document_undo (f->document);
  cjm_document_undo (f->document);
  facts = cjm_item_get_list (f->touchpoint, CJM_LIST_FACTS);
  g_assert_cmpuint (facts->len, ==, 1);
  g_assert_cmpstr (((CjmFact *) g_ptr_array_index (facts, 0))->key, ==, "New fact");
  cjm_document_undo (f->document);
  g_assert_cmpuint (cjm_item_get_list (f->touchpoint, CJM_LIST_FACTS)->len, ==, 0);
  cjm_document_redo (f->document);
  cjm_document_redo (f->document);
  cjm_document_redo (f->document);
  g_assert_true (cjm_test_wait_for (rebuilt, f, 2000));

  click (f, "Remove Fact");
  g_assert_cmpuint (cjm_item_get_list (f->touchpoint, CJM_LIST_FACTS)->len, ==, 0);

  /* KPIs: name, value, unit, target, source in an expander. */
  click (f, "Add KPI");
  kpis = cjm_item_get_list (f->touchpoint, CJM_LIST_KPIS);
  g_assert_cmpuint (kpis->len, ==, 1);
  cjm_test_xdotool ("type --delay 20 CSAT");
  cjm_test_xdotool ("key Return");
  gtk_editable_set_text (GTK_EDITABLE (row (f, "Target")), "4.2");
  g_signal_emit_by_name (row (f, "Target"), "entry-activated");
  kpis = cjm_item_get_list (f->touchpoint, CJM_LIST_KPIS);
  g_assert_cmpstr (((CjmKpi *) g_ptr_array_index (kpis, 0))->name, ==, "CSAT");
  g_assert_cmpstr (((CjmKpi *) g_ptr_array_index (kpis, 0))->target, ==, "4.2");
  g_assert_null (((CjmKpi *) g_ptr_array_index (kpis, 0))->unit);

  /* Data sources. */
  click (f, "Add Data Source");
  cjm_test_xdotool ("type --delay 20 'IVR logs'");
  cjm_test_xdotool ("key Return");
  sources = cjm_item_get_list (f->touchpoint, CJM_LIST_DATA_SOURCES);
  g_assert_cmpuint (sources->len, ==, 1);
  g_assert_cmpstr (((CjmText *) g_ptr_array_index (sources, 0))->text, ==, "IVR logs");
}

static void
test_personas_checks (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *expander, *dana, *check;

  cjm_inspector_set_item (f->inspector, f->touchpoint);
  expander = row (f, "Personas");
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (expander)), ==, "Every persona");

  dana = row (f, "Dana");
  check = cjm_test_find_child (dana, GTK_TYPE_CHECK_BUTTON);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  g_assert_cmpstr (cjm_item_get_field (f->touchpoint, CJM_FIELD_PERSONAS), ==, "p-dana");
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (expander)), ==, "Dana");

  check = cjm_test_find_child (row (f, "Moshe"), GTK_TYPE_CHECK_BUTTON);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  g_assert_cmpstr (cjm_item_get_field (f->touchpoint, CJM_FIELD_PERSONAS), ==, "p-dana p-moshe");

  cjm_document_undo (f->document);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  cjm_document_undo (f->document);
  g_assert_null (cjm_item_get_field (f->touchpoint, CJM_FIELD_PERSONAS));
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (expander)), ==, "Every persona");
}

static void
test_map_personas_and_glossary (Fixture       *f,
                                gconstpointer  data)
{
  GPtrArray *personas = cjm_document_get_items (f->document, CJM_KIND_PERSONA);
  CjmItem *persona, *term;

  cjm_test_focus_window (GTK_WIDGET (f->window));
  click (f, "Add Persona");
  g_assert_cmpuint (personas->len, ==, 3);
  persona = g_ptr_array_index (personas, 2);
  g_assert_nonnull (cjm_item_get_id (persona));
  g_assert_nonnull (cjm_item_get_field (persona, CJM_FIELD_COLOR));
  cjm_test_xdotool ("type --delay 20 Avi");
  cjm_test_xdotool ("key Return");
  g_assert_cmpstr (cjm_item_get_field (persona, CJM_FIELD_NAME), ==, "Avi");
  /* The expander's title follows the name. */
  g_assert_nonnull (cjm_test_find_row (GTK_WIDGET (f->inspector), "Avi"));

  /* The emotion spread of the checker. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (cjm_test_find_child (row (f, "Emotion Spread"),
                                                                   GTK_TYPE_SPIN_BUTTON)), 4);
  g_assert_cmpint (cjm_document_get_emotion_spread (f->document), ==, 4);

  click (f, "Add Term");
  g_assert_cmpuint (cjm_document_get_n_items (f->document, CJM_KIND_TERM), ==, 1);
  term = cjm_document_get_item (f->document, CJM_KIND_TERM, 0);
  cjm_test_xdotool ("type --delay 20 bill");
  cjm_test_xdotool ("key Return");
  g_assert_cmpstr (cjm_item_get_field (term, CJM_FIELD_PREFERRED), ==, "bill");
  click (f, "Add Synonym");
  cjm_test_xdotool ("type --delay 20 invoice");
  cjm_test_xdotool ("key Return");
  g_assert_cmpuint (cjm_item_get_list (term, CJM_LIST_SYNONYMS)->len, ==, 1);
  g_assert_cmpstr (((CjmText *) g_ptr_array_index (cjm_item_get_list (term, CJM_LIST_SYNONYMS), 0))->text,
                   ==, "invoice");

  /* Removing a persona drops it from the touchpoints that named it. */
  cjm_document_set_field (f->document, f->touchpoint, CJM_FIELD_PERSONAS, "p-dana p-moshe");
  g_assert_true (cjm_test_wait_for (rebuilt, f, 2000));
  g_signal_emit_by_name (cjm_test_find_child (row (f, "Dana"), GTK_TYPE_BUTTON) , "clicked");
  g_assert_null (cjm_document_lookup (f->document, "p-dana"));
  g_assert_cmpstr (cjm_item_get_field (f->touchpoint, CJM_FIELD_PERSONAS), ==, "p-moshe");
}

static void
test_follows_document (Fixture       *f,
                       gconstpointer  data)
{
  GtkWidget *title;
  CjmItem *touchpoint = f->touchpoint;

  cjm_inspector_set_item (f->inspector, touchpoint);
  title = row (f, "Title");

  /* A change made elsewhere (the canvas, undo) shows at once. */
  cjm_document_set_field (f->document, touchpoint, CJM_FIELD_TITLE, "Renamed on the canvas");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, "Renamed on the canvas");

  /* Its item deleted: the inspector goes back to the map. */
  cjm_document_delete_items (f->document, &touchpoint, 1);
  g_assert_null (cjm_inspector_get_item (f->inspector));
  g_assert_true (cjm_test_wait_for (rebuilt, f, 2000));
  g_assert_nonnull (cjm_test_find_row (GTK_WIDGET (f->inspector), "Author"));

  /* The delete button of the inspector deletes the shown item. */
  cjm_inspector_set_item (f->inspector, f->other);
  click (f, "Delete Touchpoint");
  g_assert_cmpint (cjm_document_index_of (f->document, f->other), <, 0);
  g_assert_null (cjm_inspector_get_item (f->inspector));
}

static void
test_stage_lane_link (Fixture       *f,
                      gconstpointer  data)
{
  CjmItem *lane = cjm_document_lookup (f->document, "l-call");
  CjmItem *stage = cjm_document_lookup (f->document, "s-pay");
  g_autoptr(CjmItem) link = cjm_item_new (CJM_KIND_LINK);

  cjm_inspector_set_item (f->inspector, stage);
  gtk_editable_set_text (GTK_EDITABLE (row (f, "Customer Goal")), "Pay in two minutes");
  g_signal_emit_by_name (row (f, "Customer Goal"), "entry-activated");
  g_assert_cmpstr (cjm_item_get_field (stage, CJM_FIELD_GOAL), ==, "Pay in two minutes");

  cjm_inspector_set_item (f->inspector, lane);
  g_assert_nonnull (cjm_test_find_row (GTK_WIDGET (f->inspector), "Channel Type"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row (f, "Kind")), 5);   /* backstage */
  g_assert_cmpint (cjm_item_get_lane_kind (lane), ==, CJM_LANE_BACKSTAGE);
  g_assert_true (cjm_test_wait_for (rebuilt, f, 2000));
  /* Only channel lanes have a channel type. */
  g_assert_null (cjm_test_find_row (GTK_WIDGET (f->inspector), "Channel Type"));

  cjm_item_set_initial_field (link, CJM_FIELD_FROM, "t-web");
  cjm_item_set_initial_field (link, CJM_FIELD_TO, "t-call");
  cjm_document_insert_item (f->document, link, -1);
  cjm_inspector_set_item (f->inspector, link);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row (f, "From"))), ==, "Pay online");
  gtk_editable_set_text (GTK_EDITABLE (row (f, "Label")), "card declined");
  g_signal_emit_by_name (row (f, "Label"), "entry-activated");
  g_assert_cmpstr (cjm_item_get_field (link, CJM_FIELD_LABEL), ==, "card declined");
}

/* The entry of the value of fact @index on the shown page. */
static GtkWidget *
find_fact_value (Fixture *f,
                 guint    index)
{
  GtkWidget *found = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  GtkWidget *w = GTK_WIDGET (f->inspector);

  /* Every GtkEntry of the page, in order: a fact row holds two. */
  while (w != NULL)
    {
      GtkWidget *next = gtk_widget_get_first_child (w);

      if (GTK_IS_ENTRY (w)
          && g_strcmp0 (gtk_entry_get_placeholder_text (GTK_ENTRY (w)), "Value") == 0)
        g_ptr_array_add (entries, w);
      while (next == NULL && w != NULL && w != GTK_WIDGET (f->inspector))
        {
          next = gtk_widget_get_next_sibling (w);
          if (next == NULL)
            w = gtk_widget_get_parent (w);
        }
      w = next;
    }
  if (index < entries->len)
    found = g_ptr_array_index (entries, index);
  g_assert_nonnull (found);
  return found;
}

static void
test_keeps_scroll (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) facts = cjm_list_new (CJM_LIST_FACTS);
  GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (f->inspector->scroller);
  GtkWidget *value;
  double before, bottom;

  for (guint i = 0; i < 8; i++)
    {
      g_autofree char *key = g_strdup_printf ("fact %u", i);

      g_ptr_array_add (facts, cjm_fact_new (key, "1"));
    }
  cjm_document_set_list (f->document, f->touchpoint, CJM_LIST_FACTS, facts);
  cjm_inspector_set_item (f->inspector, f->touchpoint);
  cjm_test_iterate (200);

  /* The page is taller than the inspector: scroll to the last fact. */
  g_assert_cmpfloat (gtk_adjustment_get_upper (vadj), >, gtk_adjustment_get_page_size (vadj) + 200);
  value = find_fact_value (f, 7);
  focus_field (f, value);
  bottom = gtk_adjustment_get_upper (vadj) - gtk_adjustment_get_page_size (vadj);
  gtk_adjustment_set_value (vadj, bottom - 40);
  cjm_test_iterate (200);
  before = gtk_adjustment_get_value (vadj);
  g_assert_cmpfloat (before, >, 200);

  /* Typing and Enter change the fact list: the page is rebuilt, and it
   * stays where it was. */
  cjm_test_xdotool ("key ctrl+a");
  cjm_test_xdotool ("type --delay 20 42");
  cjm_test_xdotool ("key Return");
  g_assert_true (cjm_test_wait_for (rebuilt, f, 2000));
  cjm_test_iterate (300);
  g_assert_cmpstr (((CjmFact *) g_ptr_array_index (cjm_item_get_list (f->touchpoint, CJM_LIST_FACTS),
                                                   7))->value, ==, "42");
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (vadj), before, 2);
  /* The field still has the focus, and shows what was typed. */
  value = find_fact_value (f, 7);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), value));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (value)), ==, "42");

  /* Undo rebuilds the page too, without scrolling. */
  cjm_document_undo (f->document);
  g_assert_true (cjm_test_wait_for (rebuilt, f, 2000));
  cjm_test_iterate (300);
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (vadj), before, 2);
}

/* Ctrl+plus and the other zoom keys act on the canvas wherever the focus
 * is in the window, and leave the focused field as it was. */
static void
test_zoom_keys_anywhere (Fixture       *f,
                         gconstpointer  data)
{
  CjmCanvas *canvas = f->window->canvas;
  GtkWidget *title;
  double zoom;

  cjm_inspector_set_item (f->inspector, f->touchpoint);
  title = row (f, "Title");
  focus_field (f, title);
  cjm_canvas_set_zoom (canvas, 1.0);
  zoom = cjm_canvas_get_zoom (canvas);

  cjm_test_xdotool ("key ctrl+plus");
  cjm_test_iterate (100);
  g_assert_cmpfloat (cjm_canvas_get_zoom (canvas), >, zoom);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), title));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, "Pay by phone");

  cjm_test_xdotool ("key ctrl+0");
  cjm_test_iterate (100);
  g_assert_cmpfloat_with_epsilon (cjm_canvas_get_zoom (canvas), 1.0, 1e-9);
  cjm_test_xdotool ("key ctrl+minus");
  cjm_test_iterate (100);
  g_assert_cmpfloat (cjm_canvas_get_zoom (canvas), <, 1.0);
  cjm_test_xdotool ("key ctrl+equal");
  cjm_test_iterate (100);
  g_assert_cmpfloat_with_epsilon (cjm_canvas_get_zoom (canvas), 1.0, 1e-9);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, "Pay by phone");
  g_assert_cmpuint (count_undo_steps (f->document), ==, 0);

  /* From the findings panel's search entry too (Ctrl+F puts the focus
   * there), and Ctrl+1 fits the map. */
  cjm_test_xdotool ("key ctrl+f");
  cjm_test_iterate (100);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)),
                                         GTK_WIDGET (f->window->findings_panel)));
  cjm_canvas_set_zoom (canvas, 3.0);
  cjm_test_xdotool ("key ctrl+1");
  cjm_test_iterate (100);
  g_assert_cmpfloat (cjm_canvas_get_zoom (canvas), <=, 1.0);
  zoom = cjm_canvas_get_zoom (canvas);
  cjm_test_xdotool ("key ctrl+KP_Add");
  cjm_test_iterate (100);
  g_assert_cmpfloat (cjm_canvas_get_zoom (canvas), >, zoom);
}

static GtkWidget *
find_dropdown (GtkWidget  *root,
               const char *tooltip)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_DROP_DOWN (child) && g_strcmp0 (gtk_widget_get_tooltip_text (child), tooltip) == 0)
        return child;
      if ((found = find_dropdown (child, tooltip)) != NULL)
        return found;
    }
  return NULL;
}

/* An opportunity's plan (format 1.1): status, horizon, due date and the
 * roles' scores, each edit one undo step. */
static void
test_opportunity_plan (Fixture       *f,
                       gconstpointer  data)
{
  CjmItem *opportunity;
  GPtrArray *scores;
  CjmScore *score;
  GtkWidget *due;
  guint steps;

  add (f->document, CJM_KIND_LANE, "l-opp", CJM_FIELD_NAME, "Ideas", CJM_FIELD_LANE_KIND,
       "opportunities", -1);
  opportunity = add (f->document, CJM_KIND_OPPORTUNITY, "o-1", CJM_FIELD_STAGE, "s-pay",
                     CJM_FIELD_LANE, "l-opp", CJM_FIELD_TITLE, "Pay by link", -1);
  cjm_document_clear_history (f->document);
  cjm_inspector_set_item (f->inspector, opportunity);
  g_assert_true (cjm_test_wait_for (rebuilt, f, 2000));
  cjm_test_iterate (50);

  adw_combo_row_set_selected (ADW_COMBO_ROW (row (f, "Status")), 1 + CJM_STATUS_IN_PROGRESS);
  g_assert_cmpstr (cjm_item_get_field (opportunity, CJM_FIELD_STATUS), ==, "in-progress");
  adw_combo_row_set_selected (ADW_COMBO_ROW (row (f, "Horizon")), 1 + CJM_HORIZON_NEXT);
  g_assert_cmpstr (cjm_item_get_field (opportunity, CJM_FIELD_HORIZON), ==, "next");
  due = row (f, "Due Date");
  gtk_editable_set_text (GTK_EDITABLE (due), "2027-03-31");
  g_signal_emit_by_name (due, "entry-activated");
  g_assert_cmpstr (cjm_item_get_field (opportunity, CJM_FIELD_DUE), ==, "2027-03-31");
  g_assert_cmpuint (count_undo_steps (f->document), ==, 3);

  /* A role score: its role typed, its impact and effort chosen. */
  cjm_test_focus_window (GTK_WIDGET (f->window));
  click (f, "Add Role Score");
  scores = cjm_item_get_list (opportunity, CJM_LIST_SCORES);
  g_assert_cmpuint (scores->len, ==, 1);
  g_assert_true (GTK_IS_TEXT (gtk_root_get_focus (GTK_ROOT (f->window))));
  cjm_test_xdotool ("type --delay 20 IT");
  cjm_test_xdotool ("key Return");
  g_assert_true (cjm_test_wait_for (rebuilt, f, 2000));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find_dropdown (GTK_WIDGET (f->inspector), "Impact")), 4);
  g_assert_true (cjm_test_wait_for (rebuilt, f, 2000));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find_dropdown (GTK_WIDGET (f->inspector), "Effort")), 2);
  g_assert_true (cjm_test_wait_for (rebuilt, f, 2000));
  scores = cjm_item_get_list (opportunity, CJM_LIST_SCORES);
  score = g_ptr_array_index (scores, 0);
  g_assert_cmpstr (score->role, ==, "IT");
  g_assert_cmpstr (score->impact, ==, "4");
  g_assert_cmpstr (score->effort, ==, "2");
  g_assert_null (score->text);
  steps = count_undo_steps (f->document);
  g_assert_cmpuint (steps, ==, 3 + 4);

  /* Undo the effort: the drop-down shows it unset again. */
  cjm_document_undo (f->document);
  g_assert_true (cjm_test_wait_for (rebuilt, f, 2000));
  g_assert_null (((CjmScore *) g_ptr_array_index (cjm_item_get_list (opportunity, CJM_LIST_SCORES),
                                                  0))->effort);
  g_assert_cmpuint (gtk_drop_down_get_selected (
                      GTK_DROP_DOWN (find_dropdown (GTK_WIDGET (f->inspector), "Effort"))), ==, 0);
  cjm_document_redo (f->document);
  g_assert_true (cjm_test_wait_for (rebuilt, f, 2000));

  click (f, "Remove Role Score");
  g_assert_cmpuint (cjm_item_get_list (opportunity, CJM_LIST_SCORES)->len, ==, 0);
  cjm_document_undo (f->document);
  g_assert_cmpuint (cjm_item_get_list (opportunity, CJM_LIST_SCORES)->len, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  cjm_test_app_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/app/inspector/map-title-typed", test_map_title_typed);
  ADD ("/app/inspector/focus-out-commits", test_focus_out_commits);
  ADD ("/app/inspector/save-commits-typing", test_save_commits_typing);
  ADD ("/app/inspector/touchpoint-fields", test_touchpoint_fields);
  ADD ("/app/inspector/lists", test_lists);
  ADD ("/app/inspector/personas-checks", test_personas_checks);
  ADD ("/app/inspector/map-personas-and-glossary", test_map_personas_and_glossary);
  ADD ("/app/inspector/follows-document", test_follows_document);
  ADD ("/app/inspector/stage-lane-link", test_stage_lane_link);
  ADD ("/app/inspector/keeps-scroll", test_keeps_scroll);
  ADD ("/app/inspector/zoom-keys-anywhere", test_zoom_keys_anywhere);
  ADD ("/app/inspector/opportunity-plan", test_opportunity_plan);

#undef ADD

  return g_test_run ();
}
