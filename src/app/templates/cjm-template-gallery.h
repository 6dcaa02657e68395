/* cjm-template-gallery.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "New from Template…": the installed and the user's templates, each with
 * a preview drawn by the renderer. Choosing one opens it as a new unsaved
 * map; the user's own templates can be removed.
 */

#pragma once

#include <adwaita.h>

#include "cjm-templates.h"

G_BEGIN_DECLS

#define CJM_TYPE_TEMPLATE_GALLERY (cjm_template_gallery_get_type ())
G_DECLARE_FINAL_TYPE (CjmTemplateGallery, cjm_template_gallery, CJM, TEMPLATE_GALLERY, AdwWindow)

CjmTemplateGallery *cjm_template_gallery_new        (GtkWindow          *parent);
/* Reads the template folders again. */
void                cjm_template_gallery_reload     (CjmTemplateGallery *self);
/* The templates shown, in order (a GPtrArray of CjmTemplate; for tests). */
GPtrArray          *cjm_template_gallery_get_templates (CjmTemplateGallery *self);
/* Opens the template at @index as the "activate" of its tile does. */
void                cjm_template_gallery_choose     (CjmTemplateGallery *self,
                                                     guint               index);

G_END_DECLS
