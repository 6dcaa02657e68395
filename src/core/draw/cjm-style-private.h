/* cjm-style-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Private to libcjm: a colour from 0xRRGGBB in a static table, for
 * style, layout, render and print alike (the palettes are in cjm-style.c).
 */

#pragma once

#include "cjm-style.h"

G_BEGIN_DECLS

/* A CjmColor from 0xRRGGBB, for static tables. */
#define HEX(v) { ((v) >> 16 & 0xff) / 255.0, ((v) >> 8 & 0xff) / 255.0, ((v) & 0xff) / 255.0, 1.0 }

G_END_DECLS
