/* bench-stats.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "bench-stats.h"

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

double
bench_percentile (GArray *values,
                  double  p)
{
  g_autoptr(GArray) sorted = g_array_copy (values);
  guint i;

  if (sorted->len == 0)
    return 0;
  g_array_sort (sorted, compare_double);
  i = (guint) ceil (p / 100.0 * sorted->len) - 1;
  return g_array_index (sorted, double, MIN (i, sorted->len - 1));
}
