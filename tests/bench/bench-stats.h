/* bench-stats.h
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Figures over the frame times the benchmarks record.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The p-th percentile (0 to 100, nearest rank) of an array of double;
 * 0 when it is empty. The array is left as it was. */
double bench_percentile (GArray *values,
                         double  p);

G_END_DECLS
