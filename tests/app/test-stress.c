/* test-stress.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Stress: 100 maps opened, edited and closed in one process without the
 * resident memory growing past a generous bound; 10,000 random UI-level
 * commands (create, move, link, delete, undo, redo, zoom, scroll and
 * edits of the selected item, which the inspector shows) on the
 * 2,000-touchpoint map, driving the window's actions and the canvas's
 * public API in-process with G_DEBUG=fatal-criticals, drawing between
 * bursts; then the map is saved, reopened and compared with the model.
 * CJM_STRESS_COMMANDS sets the number of commands (default 10000).
 */

#include "config.h"

#include <unistd.h>

#include "cjm-edit.h"
#include "cjm-test-app.h"

static gsize
resident_bytes (void)
{
  g_autofree char *statm = NULL;
  g_auto(GStrv) fields = NULL;

  g_assert_true (g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL));
  fields = g_strsplit (statm, " ", -1);
  return g_ascii_strtoull (fields[1], NULL, 10) * (gsize) sysconf (_SC_PAGESIZE);
}

static void
test_stress_open_close_100 (void)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "full.cjm", NULL);
  g_autofree char *dir = cjm_test_make_tmpdir ();
  gsize warm = 0;
  gsize end;

  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *name = g_strdup_printf ("map-%u.cjm", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      gsize len;
      CjmWindow *window;
      CjmDocument *document;

      g_assert_true (g_file_get_contents (fixture, &contents, &len, NULL));
      g_assert_true (g_file_set_contents (path, contents, len, NULL));
      window = cjm_test_open_path (path);
      document = cjm_window_get_document (window);
      cjm_document_set_field (document, cjm_document_get_map (document), CJM_FIELD_TITLE, name);
      if (i % 2 == 0)
        gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
      cjm_test_close_all ();
      if (i == 19)
        warm = resident_bytes ();
    }
  cjm_test_iterate (200);
  end = resident_bytes ();
  g_test_message ("resident: %zu KiB after 20 maps, %zu KiB after 100", warm / 1024, end / 1024);
#if defined(__SANITIZE_ADDRESS__)
  /* AddressSanitizer keeps freed blocks in its quarantine (256 MiB by
   * default), so resident memory grows with every free until that fills:
   * the figure says nothing about leaks there. The plain build checks the
   * bound; the sanitizer run still catches use after free on the way. */
  return;
#endif
  /* Leaking one fixture map a round (about 100 KiB in objects) would pass
   * 8 MiB over 80 rounds; allocator noise stays well below. */
  g_assert_cmpuint (end, <, warm + 8 * 1024 * 1024);
}

static CjmItem *
random_item (CjmDocument *document,
             CjmKind      kind)
{
  guint n = cjm_document_get_n_items (document, kind);

  if (n == 0)
    return NULL;
  return cjm_document_get_item (document, kind, g_test_rand_int_range (0, n));
}

static CjmItem *
random_card (CjmDocument *document)
{
  static const CjmKind kinds[] = { CJM_KIND_TOUCHPOINT, CJM_KIND_NOTE, CJM_KIND_OPPORTUNITY };

  return random_item (document, kinds[g_test_rand_int_range (0, G_N_ELEMENTS (kinds))]);
}

static void
run_command (CjmWindow *window,
             guint      n)
{
  CjmDocument *document = cjm_window_get_document (window);
  CjmCanvas *canvas = cjm_window_get_canvas (window);
  CjmItem *stage = random_item (document, CJM_KIND_STAGE);
  CjmItem *lane = random_item (document, CJM_KIND_LANE);
  CjmItem *card = random_card (document);

  switch (g_test_rand_int_range (0, 10))
    {
    case 0:   /* create */
      {
        g_autofree char *text = g_strdup_printf ("Stress %u", n);

        if (stage != NULL && lane != NULL)
          cjm_document_add_card (document, stage, lane, 0, text);
      }
      break;

    case 1:   /* move */
      if (card != NULL && stage != NULL && lane != NULL)
        cjm_document_move_cards (document, &card, 1, stage, lane, 0);
      break;

    case 2:   /* link */
      {
        CjmItem *other = random_card (document);

        if (card != NULL && other != NULL)
          cjm_document_add_link (document, card, other);
      }
      break;

    case 3:   /* delete what is selected */
      if (card != NULL)
        {
          cjm_canvas_select_items (canvas, &card, 1, FALSE);
          cjm_canvas_delete_selection (canvas);
        }
      break;

    case 4:
      gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
      break;

    case 5:
      gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
      break;

    case 6:   /* zoom */
      cjm_canvas_set_zoom (canvas, g_test_rand_double_range (0.2, 2.5));
      break;

    case 7:   /* scroll */
      if (card != NULL)
        cjm_canvas_scroll_to_item (canvas, card);
      break;

    default:  /* select and edit its title, as in the inspector */
      if (card != NULL)
        {
          g_autofree char *title = g_strdup_printf ("Edited %u", n);

          cjm_canvas_select_items (canvas, &card, 1, FALSE);
          cjm_document_set_field (document, card, cjm_kind_get_title_field (
                                    cjm_item_get_kind (card)), title);
        }
      break;
    }
}

static void
test_stress_random_commands (void)
{
  const char *big = g_getenv ("CJM_BIG_MAP");
  const char *count = g_getenv ("CJM_STRESS_COMMANDS");
  guint n_commands = count ? (guint) g_ascii_strtoull (count, NULL, 10) : 10000;
  g_autofree char *dir = cjm_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "stress.cjm", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) source = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CjmDocument) reopened = NULL;
  g_autoptr(GBytes) model = NULL;
  g_autoptr(GBytes) on_disk = NULL;
  CjmWindow *window;
  gint64 start = g_get_monotonic_time ();

  g_assert_nonnull (big);
  source = g_file_new_for_path (big);
  g_assert_true (g_file_copy (source, file, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error));
  window = cjm_test_open_path (path);

  for (guint n = 0; n < n_commands; n++)
    {
      run_command (window, n);
      /* Draw now and then, as a person's pace would let it. */
      if (n % 100 == 99)
        cjm_test_iterate (1);
    }
  cjm_test_iterate (50);
  g_test_message ("%u commands in %.1f s", n_commands,
                  (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  g_assert_false (cjm_document_get_modified (cjm_window_get_document (window)));
  reopened = cjm_document_new_from_file (file, &error);
  g_assert_no_error (error);
  model = cjm_document_serialize (cjm_window_get_document (window));
  on_disk = cjm_document_serialize (reopened);
  g_assert_true (g_bytes_equal (model, on_disk));
  cjm_test_close_all ();
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("JOURNEYMAN_DRAFT_DELAY_MS", "200", TRUE);
  cjm_test_app_init (&argc, &argv);

  g_test_add_func ("/stress/open-close-100", test_stress_open_close_100);
  g_test_add_func ("/stress/random-commands", test_stress_random_commands);

  return g_test_run ();
}
