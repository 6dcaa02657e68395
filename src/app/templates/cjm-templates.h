/* cjm-templates.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Map templates: the installed ones (datadir/journeyman/templates, or
 * $JOURNEYMAN_TEMPLATESDIR when running from the build tree) and the
 * user's own ($XDG_DATA_HOME/io.github.journeyman.Journeyman/templates).
 */

#pragma once

#include <gio/gio.h>

#include "cjm-document.h"

G_BEGIN_DECLS

typedef struct {
  char     *path;      /* the .cjm file */
  char     *name;      /* the map's title, else the file name */
  gboolean  user;      /* the user's own (removable) */
} CjmTemplate;

void         cjm_template_free              (CjmTemplate  *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CjmTemplate, cjm_template_free)

const char  *cjm_templates_get_system_dir   (void);
/* The user's folder (not created). */
char        *cjm_templates_dup_user_dir     (void);
/* Installed templates first ("blank" leading, then by name), then the
 * user's, by name. A GPtrArray of CjmTemplate. */
GPtrArray   *cjm_templates_list             (void);
/* The installed or user template whose file is named @basename. */
CjmTemplate *cjm_templates_find             (const char   *basename);
/* A new unsaved map with the template's contents. */
CjmDocument *cjm_template_instantiate       (const CjmTemplate *self,
                                             GError      **error);
/* Saves @document as a user template; returns its file. */
GFile       *cjm_templates_save             (CjmDocument  *document,
                                             GError      **error);
/* Removes a user template. */
gboolean     cjm_template_remove            (const CjmTemplate *self,
                                             GError      **error);

G_END_DECLS
