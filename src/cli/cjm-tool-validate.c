/* cjm-tool-validate.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cjm-tool.h"

int
cjm_tool_validate (int    argc,
              char **argv)
{
  return 2;
}
