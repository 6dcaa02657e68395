#!/bin/sh
# run-fuzz.sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Fuzzes the .cjm reader and writer with libFuzzer (clang and
# libclang-rt-14-dev, see TESTING.md), starting from the samples and test
# fixtures. Crashes are written to the current folder.
#
#   tests/fuzz/run-fuzz.sh [SECONDS]          (300 by default)

set -eu

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

# The sources include config.h; they need only GETTEXT_PACKAGE from it.
printf '#define GETTEXT_PACKAGE "journeyman"\n' > "$work/config.h"

clang -g -O1 -fsanitize=fuzzer,address,undefined \
  -I"$work" -I"$top/src/core/model" -I"$top/src/core/format" \
  -DGLIB_VERSION_MIN_REQUIRED=GLIB_VERSION_2_74 -DGLIB_VERSION_MAX_ALLOWED=GLIB_VERSION_2_74 \
  $(pkg-config --cflags gio-2.0 libxml-2.0) \
  "$here/fuzz-cjm-reader.c" \
  "$top/src/core/model/cjm-item.c" "$top/src/core/model/cjm-document.c" \
  "$top/src/core/format/cjm-xml-parse.c" "$top/src/core/format/cjm-xml-reader.c" \
  "$top/src/core/format/cjm-xml-writer.c" "$top/src/core/format/cjm-xml-save.c" \
  $(pkg-config --libs gio-2.0 libxml-2.0) \
  -o "$work/fuzz-cjm-reader"

mkdir "$work/corpus"
cp "$top"/data/samples/*.cjm "$top"/tests/fixtures/*.cjm "$top"/tests/fixtures/hostile/*.cjm \
  "$work/corpus/"

"$work/fuzz-cjm-reader" -max_total_time="${1:-300}" -max_len=8192 \
  -dict="$here/cjm.dict" -print_final_stats=1 "$work/corpus"
