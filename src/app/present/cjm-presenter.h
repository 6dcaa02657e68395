/* cjm-presenter.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Presentation mode: a full-screen window that shows the map's title,
 * then one stage at a time in large text with the emotion curve growing
 * stage by stage, then the whole map. Findings are never shown and the
 * document is only read.
 *
 * Keys: Right, Down, Page Down, space, Return, a left click: next; Left,
 * Up, Page Up, BackSpace, a right click: back (Right and Left swap on a
 * right-to-left map); Home, End; a stage's number (typed, then Return or
 * a short pause) jumps to it; Escape leaves.
 */

#pragma once

#include <adwaita.h>

#include "cjm-document.h"

G_BEGIN_DECLS

#define CJM_TYPE_PRESENTER (cjm_presenter_get_type ())
G_DECLARE_FINAL_TYPE (CjmPresenter, cjm_presenter, CJM, PRESENTER, GtkWindow)

/* Opens full screen over @parent's monitor. */
CjmPresenter *cjm_presenter_new           (GtkWindow    *parent,
                                           CjmDocument  *document);
/* Pages: 0 the title, 1..n the stages, n + 1 the whole map. */
guint         cjm_presenter_get_n_pages   (CjmPresenter *self);
guint         cjm_presenter_get_page      (CjmPresenter *self);
void          cjm_presenter_set_page      (CjmPresenter *self,
                                           guint         page);
/* The height in pixels of the page's heading as last drawn (the title or
 * the stage's name), for tests; 0 before the first frame. */
int           cjm_presenter_get_heading_height (CjmPresenter *self);
/* The text of that heading. */
const char   *cjm_presenter_get_heading   (CjmPresenter *self);
/* The slide's own words as last drawn, in the map's language: the number
 * of stages on the title page, "Stage 2 of 5" on a stage's page; NULL on
 * the whole map's page and before the first frame. For tests. */
const char   *cjm_presenter_get_label     (CjmPresenter *self);

G_END_DECLS
