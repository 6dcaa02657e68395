#!/bin/sh
# run-fuzz.sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Fuzzes one reader with libFuzzer (clang and libclang-rt-14-dev; install
# them with `FUZZ=1 build-aux/deps.sh`). The target is built with
# AddressSanitizer and UndefinedBehaviorSanitizer from the sources that
# src/core/model/meson.build and src/core/format/meson.build list.
#
#   tests/fuzz/run-fuzz.sh TARGET [SECONDS]   fuzz (300 s by default)
#   tests/fuzz/run-fuzz.sh TARGET merge DIR…  add what DIR… cover beyond
#                                             the checked-in corpus to it
#
# Merging keeps the smallest inputs that cover the same code, each cut to
# $FUZZ_MERGE_MAX_LEN bytes (1536 for .cjm, 2048 for JSON), so that the
# corpus stays small enough to check in (a few hundred KB in all).
#
# TARGET is cjm-reader or json-reader (fuzz-TARGET.c). Fuzzing starts from
# tests/fuzz/corpus/TARGET/; inputs that add coverage are written to
# $FUZZ_NEW (a temporary folder by default; keep it to merge them later),
# crashes and differences to the current folder (crash-…, with the input).
# Replay a crash with the replay test or by running the built target on it.
# $FUZZ_FLAGS adds libFuzzer options, e.g. "-fork=1 -ignore_crashes=1" to
# go on after a finding (still one fuzzing process).

set -eu

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)

usage () {
  echo "usage: $0 cjm-reader|json-reader [SECONDS | merge DIR...]" >&2
  exit 2
}

[ $# -ge 1 ] || usage
target=$1
shift
[ -f "$here/fuzz-$target.c" ] || usage

missing () {
  echo "$0: $1 is missing; install it with FUZZ=1 build-aux/deps.sh" >&2
  exit 1
}
for tool in clang pkg-config; do
  command -v "$tool" >/dev/null || missing "$tool"
done
[ -f "$(clang --print-runtime-dir)/libclang_rt.fuzzer-$(uname -m).a" ] || missing libFuzzer

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

# The C files a core library's meson.build lists, with their folder.
sources_of () {
  sed -n "s/^[[:space:]]*'\([A-Za-z0-9_-]*\.c\)',*[[:space:]]*$/\1/p" "$top/src/core/$1/meson.build" \
    | sed "s|^|$top/src/core/$1/|"
}

# The sources include config.h; they need only GETTEXT_PACKAGE from it.
printf '#define GETTEXT_PACKAGE "journeyman"\n' > "$work/config.h"

# shellcheck disable=SC2046
clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
  -I"$work" -I"$here" -I"$top/src/core/model" -I"$top/src/core/format" \
  -DGLIB_VERSION_MIN_REQUIRED=GLIB_VERSION_2_74 -DGLIB_VERSION_MAX_ALLOWED=GLIB_VERSION_2_74 \
  $(pkg-config --cflags gio-2.0 libxml-2.0 json-glib-1.0) \
  "$here/fuzz-$target.c" $(sources_of model) $(sources_of format) \
  $(pkg-config --libs gio-2.0 libxml-2.0 json-glib-1.0) \
  -o "$work/fuzz-$target"

corpus="$here/corpus/$target"
mkdir -p "$corpus"

if [ "${1:-}" = merge ]; then
  shift
  case $target in
    json-reader) merge_max_len=2048 ;;
    *) merge_max_len=1536 ;;
  esac
  [ $# -ge 1 ] || usage
  mkdir "$work/merged"
  "$work/fuzz-$target" -merge=1 -max_len="${FUZZ_MERGE_MAX_LEN:-$merge_max_len}" "$work/merged" "$corpus" "$@"
  rm -f "$corpus"/*
  cp "$work/merged"/* "$corpus/"
  echo "$corpus: $(find "$corpus" -type f | wc -l) files, $(cat "$corpus"/* | wc -c) bytes"
  exit 0
fi

new=${FUZZ_NEW:-$work/new}
mkdir -p "$new"
# shellcheck disable=SC2086 # FUZZ_FLAGS holds several options
"$work/fuzz-$target" -max_total_time="${1:-300}" -max_len=16384 -timeout=10 -rss_limit_mb=2048 \
  -dict="$here/$target.dict" -print_final_stats=1 ${FUZZ_FLAGS:-} "$new" "$corpus"
