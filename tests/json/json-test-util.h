/* json-test-util.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Helpers shared by the JSON tests.
 */

#pragma once

#include "cjm-document.h"

G_BEGIN_DECLS

/* Fails the test unless a and b hold the same content: every item of every
 * kind in the same order, the map's fields, and all unknown XML. */
void  cjm_test_assert_documents_equal (CjmDocument *a,
                                       CjmDocument *b);

G_END_DECLS
