/* cjm-tool-thumbnail.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cjm thumbnail [-s SIZE] INPUT OUTPUT
 *
 * A PNG picture of a map whose larger side is SIZE pixels (256 unless
 * told), for file managers: data/io.github.journeyman.Journeyman.thumbnailer
 * runs it as `cjm thumbnail -s %s %i %o`. The words on it are in the
 * map's own language, as in every export.
 *
 * Exit status: 0 written, 1 the picture could not be written, 2 the map
 * could not be read or bad usage.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "cjm-export.h"
#include "cjm-tool.h"

#define DEFAULT_SIZE 256

int
cjm_tool_thumbnail (int    argc,
                    char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CjmDocument) document = NULL;
  g_auto(GStrv) files = NULL;
  int size = DEFAULT_SIZE;
  const GOptionEntry entries[] = {
    { "size", 's', 0, G_OPTION_ARG_INT, &size,
      N_("The larger side of the picture, in pixels (256 unless given)"), N_("SIZE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("INPUT OUTPUT") },
    { NULL }
  };

  context = cjm_tool_option_context ("thumbnail", entries,
    _("Draws a small PNG picture of a journey map, as file managers show it,\n"
      "in the map’s own language."),
    _("Exit status: 0 written; 1 the picture could not be written; 2 the map "
      "cannot be read or the command line is wrong."));

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return cjm_tool_usage_error (error->message);
  if (files == NULL || files[0] == NULL || files[1] == NULL || files[2] != NULL)
    return cjm_tool_usage_error (_("give the map and the PNG file to write"));
  if (size < CJM_THUMBNAIL_MIN_SIZE || size > CJM_THUMBNAIL_MAX_SIZE)
    {
      g_autofree char *message = g_strdup_printf (_("the size must be between %d and %d pixels"),
                                                  CJM_THUMBNAIL_MIN_SIZE, CJM_THUMBNAIL_MAX_SIZE);

      return cjm_tool_usage_error (message);
    }

  document = cjm_tool_load_document (files[0], &error);
  if (document == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 2;
    }

  if (!cjm_export_thumbnail (document, files[1], size, &error))
    {
      fprintf (stderr, "%s: %s\n", g_get_prgname (), error->message);
      return 1;
    }
  return 0;
}
