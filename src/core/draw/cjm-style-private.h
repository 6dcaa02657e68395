/* cjm-style-private.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Private to libcjm: the palette's named colours, for layout, render and
 * print alike.
 */

#pragma once

#include "cjm-style.h"

G_BEGIN_DECLS

/* A CjmColor from 0xRRGGBB, for static tables. */
#define HEX(v) { ((v) >> 16 & 0xff) / 255.0, ((v) >> 8 & 0xff) / 255.0, ((v) & 0xff) / 255.0, 1.0 }

/* Adwaita palette */
static const CjmColor c_paper       = HEX (0xffffff);
static const CjmColor c_header_bg   = HEX (0xf6f5f4);
static const CjmColor c_corner_bg   = HEX (0xebebeb);
static const CjmColor c_grid        = HEX (0xdeddda);
static const CjmColor c_card_border = HEX (0xc0bfbc);
static const CjmColor c_text        = HEX (0x241f31);
static const CjmColor c_text_dim    = HEX (0x5e5c64);
static const CjmColor c_text_faint  = HEX (0x77767b);
static const CjmColor c_link        = HEX (0x77767b);
static const CjmColor c_gold        = HEX (0xe5a50a);
static const CjmColor c_blue        = HEX (0x3584e4);
static const CjmColor c_unplaced    = HEX (0xc64600);

G_END_DECLS
