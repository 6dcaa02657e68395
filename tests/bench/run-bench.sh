#!/bin/sh
# run-bench.sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds and runs the load/save benchmark by hand on a generated map of 40
# stages, 12 channel lanes and 2,000 touchpoints, and prints the medians.
#
#   tests/bench/run-bench.sh [BUILDDIR]        (RUNS=21 by default)
#   STAGES=80 TOUCHPOINTS=8000 tests/bench/run-bench.sh

set -eu

here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../../build}

# meson test sets these; they slow allocation down and skew the figures.
unset MALLOC_PERTURB_ MALLOC_CHECK_ 2>/dev/null || true

meson compile -C "$build" bench-io >/dev/null

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

python3 "$here/gen-map.py" --stages "${STAGES:-40}" --channels "${CHANNELS:-12}" \
  --touchpoints "${TOUCHPOINTS:-2000}" --seed "${SEED:-1}" -o "$tmp/map.cjm"

"$build/tests/bench/bench-io" --runs "${RUNS:-21}" "$tmp/map.cjm"
