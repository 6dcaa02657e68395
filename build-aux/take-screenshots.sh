#!/usr/bin/env bash
# build-aux/take-screenshots.sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Takes the screenshots that the AppStream metainfo lists, from the app as
# built, on the installed templates (data/templates/), into
# data/screenshots/NAME.png. It builds nothing: build first
# (`meson setup build && meson compile -C build`), then
#
#   build-aux/take-screenshots.sh [BUILDDIR]
#
# Each shot is a fresh run of the app on a headless X server (xvfb-run) of
# 1280×800, the window's default size, with its own empty settings, in
# English; keys are pressed with xdotool as a person would, and the window
# is captured with ImageMagick's `import`. optipng shrinks the files when
# it is installed.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
builddir=${1:-${BUILDDIR:-build}}
case $builddir in
  /*) ;;
  *) builddir=$top/$builddir ;;
esac
app=$builddir/src/app/journeyman
out=$top/data/screenshots
width=1280
height=800

if [ ! -x "$app" ]; then
  echo "take-screenshots: $app is not built (meson compile -C BUILDDIR first)" >&2
  exit 1
fi
for tool in xvfb-run xdotool import; do
  if ! command -v "$tool" >/dev/null; then
    echo "take-screenshots: $tool is missing (build-aux/deps.sh installs it)" >&2
    exit 1
  fi
done

# Everything below runs on a private X server of the screenshots' size.
if [ "${CJM_SCREENSHOTS_ON_XVFB:-}" != 1 ]; then
  exec env CJM_SCREENSHOTS_ON_XVFB=1 \
    xvfb-run -a -s "-screen 0 ${width}x${height}x24 -nolisten tcp" "$0" "$builddir"
fi

tmp=$(mktemp -d)
app_pid=
cleanup() {
  if [ -n "$app_pid" ]; then
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT

export GDK_BACKEND=x11 GTK_A11Y=none NO_AT_BRIDGE=1
export LANGUAGE=en LANG=C.UTF-8 LC_ALL=C.UTF-8
export GSETTINGS_BACKEND=keyfile GSETTINGS_SCHEMA_DIR=$builddir/data
export JOURNEYMAN_LOCALEDIR=$builddir/po JOURNEYMAN_TEMPLATESDIR=$top/data/templates

# launch TEMPLATE [KEY=VALUE...]: starts the app on a template with fresh
# settings (the keys given, in GVariant text) and waits for its window;
# sets $app_pid and $window.
launch() {
  local template=$1
  local run
  shift
  run=$(mktemp -d "$tmp/run.XXXXXX")
  mkdir -p "$run/config/glib-2.0/settings" "$run/home" "$run/data" "$run/cache" "$run/runtime"
  chmod 700 "$run/runtime"
  {
    echo "[io/github/journeyman/Journeyman]"
    for setting in "$@"; do
      echo "$setting"
    done
  } >"$run/config/glib-2.0/settings/keyfile"

  HOME=$run/home XDG_CONFIG_HOME=$run/config XDG_DATA_HOME=$run/data \
    XDG_CACHE_HOME=$run/cache XDG_RUNTIME_DIR=$run/runtime \
    "$app" "$top/data/templates/$template" &
  app_pid=$!
  window=$(timeout 30 xdotool search --sync --onlyvisible --pid "$app_pid" | head -n 1)
  if [ -z "$window" ]; then
    echo "take-screenshots: no window for $template" >&2
    exit 1
  fi
  settle
}

# Lets the app draw: the first frame, the checker's findings, animations.
settle() {
  sleep "${CJM_SCREENSHOTS_SETTLE:-2.5}"
}

# keys KEY...: presses keys in the window, settling after each.
keys() {
  for key in "$@"; do
    xdotool key --window "$window" "$key"
    settle
  done
}

# shoot NAME [WINDOW]: captures the window into data/screenshots/NAME.png.
shoot() {
  local file=$out/$1.png
  local target=${2:-$window}

  import -window "$target" "$tmp/shot.png"
  # The capture as it is; only its metadata (dates) goes, so a re-run that
  # draws the same pixels writes the same file.
  convert "$tmp/shot.png" -strip "PNG24:$file"
  if command -v optipng >/dev/null; then
    optipng -quiet -o2 -strip all "$file"
  fi
  echo "$file: $(identify -format '%wx%h' "$file"), $(($(stat -c %s "$file") / 1024)) KiB"
}

quit() {
  kill "$app_pid" 2>/dev/null || true
  wait "$app_pid" 2>/dev/null || true
  app_pid=
}

mkdir -p "$out"

# The map: the canvas with the palette and the inspector of the map.
launch utility-bill-payment.cjm
shoot map
quit

# The findings panel with the checker's findings of the same map.
launch utility-bill-payment.cjm
keys alt+f
shoot findings
quit

# The Priorities view: the action plan's impact and effort, side panel closed.
launch utility-bill-payment.cjm "view='priorities'" "show-inspector=false"
shoot priorities
quit

# Presentation mode (F5) on a stage's slide.
launch utility-bill-payment.cjm
keys F5
presenter=$(timeout 30 xdotool search --sync --onlyvisible --name '^Presentation$' | head -n 1)
xdotool key --window "$presenter" Right
settle
xdotool key --window "$presenter" Right
settle
shoot presentation "$presenter"
quit

# A right-to-left map in Hebrew: laid out from the right, in its language.
launch internet-onboarding.he.cjm "show-inspector=false"
shoot hebrew-map
quit
