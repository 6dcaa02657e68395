#!/usr/bin/env bash
# build-aux/run-app.sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Sets up, builds and launches Journeyman on a bundled template map.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

bash build-aux/deps.sh

builddir=${BUILDDIR:-build}
if [ ! -f "$builddir/build.ninja" ]; then
  meson setup "$builddir" --buildtype=debugoptimized
fi
meson compile -C "$builddir"

export GSETTINGS_SCHEMA_DIR="$top/$builddir/data"
export JOURNEYMAN_LOCALEDIR="$top/$builddir/po"
export JOURNEYMAN_TEMPLATESDIR="$top/data/templates"
exec "$builddir/src/app/journeyman" "${1:-$top/data/templates/utility-bill-payment.cjm}"
