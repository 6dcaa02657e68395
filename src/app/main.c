/* main.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Journeyman"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "cjm-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CjmApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* JOURNEYMAN_LOCALEDIR: translations of an uninstalled build (run-app.sh). */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("JOURNEYMAN_LOCALEDIR") ? g_getenv ("JOURNEYMAN_LOCALEDIR")
                                                                     : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = cjm_application_new (APPLICATION_ID, G_APPLICATION_HANDLES_OPEN);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
