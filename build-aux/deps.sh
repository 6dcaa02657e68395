#!/usr/bin/env bash
# build-aux/deps.sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs what Journeyman needs to build and test on Debian 12, skipping
# what is already there.
set -euo pipefail

packages=(
  gcc pkg-config meson ninja-build gettext
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libgtk-4-bin libadwaita-1-dev
  libjson-glib-dev libxml2-dev libcairo2-dev libpango1.0-dev
  libxtst-dev xvfb xauth xdotool imagemagick poppler-utils
  desktop-file-utils appstream-util libxml2-utils
  fonts-dejavu-core fonts-noto-core shared-mime-info locales
  libgl1-mesa-dri libegl-mesa0 libglx-mesa0 libgles2
)

# clang and its libFuzzer runtime, only for tests/fuzz/run-fuzz.sh (which
# says to run this with FUZZ=1); CI replays the fuzz corpus with gcc.
if [ "${FUZZ:-0}" = 1 ]; then
  packages+=(clang libclang-rt-14-dev)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi

echo "Installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get -o DPkg::Lock::Timeout=300 update -q
$sudo apt-get -o DPkg::Lock::Timeout=300 install -y -q --no-install-recommends "${missing[@]}"
