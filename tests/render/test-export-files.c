/* test-export-files.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PDF, SVG and PNG files are written through the atomic file writer like
 * every other output: through symbolic links that stay, keeping an
 * existing file's permissions and owner, and leaving the old file and no
 * temporary file when the write fails (file-test-util.h).
 */

#define G_LOG_DOMAIN "test-export-files"

#include "config.h"

#include "cjm-export.h"
#include "cjm-test-maps.h"
#include "file-test-util.h"

static gboolean
write_pdf (const char  *path,
           gpointer     user_data,
           GError     **error)
{
  g_autoptr(CjmPagePlan) plan = cjm_page_plan_new (user_data, NULL, NULL, NULL);

  return cjm_page_plan_write_pdf (plan, path, error);
}

static gboolean
write_svg (const char  *path,
           gpointer     user_data,
           GError     **error)
{
  return cjm_export_image (user_data, CJM_EXPORT_SVG, path, 1, NULL, FALSE, error);
}

static gboolean
write_png (const char  *path,
           gpointer     user_data,
           GError     **error)
{
  return cjm_export_image (user_data, CJM_EXPORT_PNG, path, 1, NULL, FALSE, error);
}

static void
test_output (gconstpointer data)
{
  g_autoptr(CjmDocument) doc = cjm_test_small_map (NULL);
  FileTestOutput output = *(const FileTestOutput *) data;

  output.domain = CJM_EXPORT_ERROR;
  output.user_data = doc;
  file_test_check_output (&output);
}

int
main (int   argc,
      char *argv[])
{
  static const FileTestOutput outputs[] = {
    { "map.pdf", "%PDF-", 0, CJM_EXPORT_ERROR_FAILED, write_pdf, NULL },
    { "map.svg", "<?xml", 0, CJM_EXPORT_ERROR_FAILED, write_svg, NULL },
    { "map.png", "\x89PNG", 0, CJM_EXPORT_ERROR_FAILED, write_png, NULL },
  };

  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/export-files/pdf", &outputs[0], test_output);
  g_test_add_data_func ("/export-files/svg", &outputs[1], test_output);
  g_test_add_data_func ("/export-files/png", &outputs[2], test_output);

  return g_test_run ();
}
