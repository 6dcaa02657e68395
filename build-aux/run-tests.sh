#!/usr/bin/env bash
# build-aux/run-tests.sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Sets up, builds and runs every test headless (under Xvfb), then prints
# "N passed, N failed, N skipped". Exits non-zero when a test failed.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

bash build-aux/deps.sh

builddir=${BUILDDIR:-build}
if [ ! -f "$builddir/build.ninja" ]; then
  meson setup "$builddir" --buildtype=debugoptimized
fi
meson compile -C "$builddir"

# A private, throw-away home for every test.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch"/{cache,config,data,runtime}
chmod 700 "$scratch/runtime"
export XDG_CACHE_HOME="$scratch/cache" XDG_CONFIG_HOME="$scratch/config"
export XDG_DATA_HOME="$scratch/data" XDG_RUNTIME_DIR="$scratch/runtime"
export CJM_REQUIRE_DISPLAY=1

status=0
xvfb-run -a -s '-screen 0 1920x1080x24 -nolisten tcp' \
  meson test -C "$builddir" --print-errorlogs --num-processes 2 "$@" || status=$?

python3 - "$builddir/meson-logs/testlog.json" <<'PY'
import json, sys
import os
passed = failed = skipped = 0
lines = open(sys.argv[1]).readlines() if os.path.exists(sys.argv[1]) else []
if True:
    for line in lines:
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
