#!/usr/bin/env bash
# build-aux/run-tests.sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Sets up, builds and runs every test headless (under Xvfb), then prints
# "N passed, N failed, N skipped". Exits non-zero when a test failed.
#
# With CI=true (or CJM_SANITIZE=1) it then builds a second tree with
# AddressSanitizer and UndefinedBehaviorSanitizer and runs the suites
# again there: core and cli with LeakSanitizer on, the app suites with
# leak checking off (GTK and Mesa keep caches for the life of the
# process). Any report fails the run.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

bash build-aux/deps.sh

builddir=${BUILDDIR:-build}
if [ ! -f "$builddir/build.ninja" ]; then
  meson setup "$builddir" --buildtype=debugoptimized
fi
meson compile -C "$builddir"

sanitize=0
if [ "${CI:-}" = "true" ] || [ "${CJM_SANITIZE:-0}" = "1" ]; then
  sanitize=1
  asandir=${ASAN_BUILDDIR:-build-asan}
  if [ ! -f "$asandir/build.ninja" ]; then
    meson setup "$asandir" --buildtype=debug -Db_sanitize=address,undefined -Db_lundef=false \
      -Dc_args=-fno-omit-frame-pointer
  fi
  meson compile -C "$asandir"
fi

# A private, throw-away home for every test.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch"/{cache,config,data,runtime}
chmod 700 "$scratch/runtime"
export XDG_CACHE_HOME="$scratch/cache" XDG_CONFIG_HOME="$scratch/config"
export XDG_DATA_HOME="$scratch/data" XDG_RUNTIME_DIR="$scratch/runtime"
export CJM_REQUIRE_DISPLAY=1

xvfb=(xvfb-run -a -s '-screen 0 1920x1080x24 -nolisten tcp')

status=0
"${xvfb[@]}" meson test -C "$builddir" --print-errorlogs --num-processes 2 "$@" || status=$?
logs=("$builddir/meson-logs/testlog.json")

if [ "$sanitize" = 1 ]; then
  supp="$top/tests/sanitizers/lsan.supp"
  export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" G_SLICE=always-malloc
  echo "== Sanitizers: core and cli with AddressSanitizer, UBSan and LeakSanitizer"
  ASAN_OPTIONS="detect_leaks=1" \
  LSAN_OPTIONS="suppressions=$supp:print_suppressions=0" \
    meson test -C "$asandir" --print-errorlogs --num-processes 2 --suite core --suite cli \
      --timeout-multiplier 4 --logbase sanitize-core || status=$?
  echo "== Sanitizers: the app suites with AddressSanitizer and UBSan"
  ASAN_OPTIONS="detect_leaks=0" \
    "${xvfb[@]}" meson test -C "$asandir" --print-errorlogs --num-processes 2 --suite app \
      --timeout-multiplier 4 --logbase sanitize-app || status=$?
  logs+=("$asandir/meson-logs/sanitize-core.json" "$asandir/meson-logs/sanitize-app.json")
fi

python3 - "${logs[@]}" <<'PY'
import json, os, sys
passed = failed = skipped = 0
for path in sys.argv[1:]:
    if not os.path.exists(path):
        failed += 1
        continue
    for line in open(path):
        line = line.strip()
        if not line:
            continue
        r = json.loads(line).get("result")
        if r in ("OK", "EXPECTEDFAIL"):
            passed += 1
        elif r == "SKIP":
            skipped += 1
        else:
            failed += 1
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
